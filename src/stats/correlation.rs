//! Pearson's r, Spearman's ρ and Kendall's τ-b, each with its p-value, a
//! confidence interval, r² and n.

#![expect(
    clippy::indexing_slicing,
    reason = "the algorithms index within lengths they have checked or built"
)]

use super::{average_ranks, finite, mean, StatsError, StatsResult};
use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Pearson,
    Spearman,
    Kendall,
}

/// A correlation and what can be said about it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Correlation {
    pub method: Method,
    pub n: usize,
    pub r: f64,
    /// Two-sided.
    pub p_value: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    pub r_squared: f64,
}

/// Checks one variable of a correlation: enough finite values, not constant.
fn variable(what: &str, values: &[f64]) -> StatsResult<()> {
    if values.len() < 3 {
        return Err(StatsError::TooFew {
            what: "a correlation".into(),
            n: values.len(),
            min: 3,
        });
    }
    finite(what, values)?;
    if values.iter().all(|v| *v == values[0]) {
        return Err(StatsError::Constant { what: what.into() });
    }
    Ok(())
}

fn level(confidence: f64) -> StatsResult<()> {
    if confidence > 0.0 && confidence < 1.0 {
        Ok(())
    } else {
        Err(StatsError::Invalid(format!(
            "the confidence level must be between 0 and 1, not {confidence}"
        )))
    }
}

/// Correlates paired samples. `confidence` is the level of the interval (e.g. 0.95).
pub fn correlate(
    x: &[f64],
    y: &[f64],
    method: Method,
    confidence: f64,
) -> StatsResult<Correlation> {
    if x.len() != y.len() {
        return Err(StatsError::UnequalLengths {
            x: x.len(),
            y: y.len(),
        });
    }
    variable("x", x)?;
    variable("y", y)?;
    level(confidence)?;
    let n = x.len();
    let (r, p_value, spread) = match method {
        Method::Pearson => {
            let r = finite_r(pearson_r(x, y))?;
            (r, t_test(r, n), 1.0)
        }
        Method::Spearman => {
            let r = pearson_r(&average_ranks(x), &average_ranks(y));
            // Fieller, Hartley and Pearson's variance for ρ's Fisher z.
            (r, t_test(r, n), 1.06)
        }
        Method::Kendall => {
            let (tau, p) = kendall_tau_b(x, y);
            // Fieller et al.: 0.437/(n − 4) is the variance of z for τ.
            (tau, p, 0.437 * (n as f64 - 3.0) / (n as f64 - 4.0))
        }
    };
    Ok(finish(method, n, r, p_value, spread, confidence))
}

/// Values near the ends of double precision overflow Pearson's sums of
/// squares; the NaN that follows would reach statrs, which panics on it.
fn finite_r(r: f64) -> StatsResult<f64> {
    if r.is_finite() {
        Ok(r)
    } else {
        Err(StatsError::Invalid(
            "the values span too many orders of magnitude to correlate in double precision; rescale them"
                .into(),
        ))
    }
}

/// The correlation with its interval and r².
fn finish(
    method: Method,
    n: usize,
    r: f64,
    p_value: f64,
    spread: f64,
    confidence: f64,
) -> Correlation {
    let (ci_low, ci_high) = if method == Method::Kendall && n <= 4 {
        (-1.0, 1.0)
    } else {
        fisher_interval(r, n, spread, confidence)
    };
    Correlation {
        method,
        n,
        r,
        p_value,
        ci_low,
        ci_high,
        r_squared: r * r,
    }
}

/// Every variable of `rows` against every variable of `columns`, all over the
/// same subjects, row-major. Each variable is checked, ranked and
/// standardised once, so a portfolio-sized matrix costs a dot product per
/// cell; Kendall's τ has no such shortcut and costs a sort per cell.
pub fn correlation_matrix(
    rows: &[&[f64]],
    columns: &[&[f64]],
    method: Method,
    confidence: f64,
) -> StatsResult<Vec<StatsResult<Correlation>>> {
    level(confidence)?;
    let n = rows
        .iter()
        .chain(columns)
        .map(|v| v.len())
        .next()
        .unwrap_or(0);
    if let Some(other) = rows
        .iter()
        .chain(columns)
        .map(|v| v.len())
        .find(|&len| len != n)
    {
        return Err(StatsError::UnequalLengths { x: n, y: other });
    }
    if method == Method::Kendall {
        return Ok(rows
            .iter()
            .flat_map(|x| {
                columns
                    .iter()
                    .map(move |y| correlate(x, y, method, confidence))
            })
            .collect());
    }
    // Centred once, with the sum of squares: r is then a dot product.
    let prepare = |values: &&[f64]| -> StatsResult<(Vec<f64>, f64)> {
        variable("a variable", values)?;
        let values = if method == Method::Spearman {
            average_ranks(values)
        } else {
            values.to_vec()
        };
        let m = mean(&values);
        let centred: Vec<f64> = values.iter().map(|v| v - m).collect();
        let squares = centred.iter().map(|v| v * v).sum();
        Ok((centred, squares))
    };
    let xs: Vec<StatsResult<(Vec<f64>, f64)>> = rows.iter().map(prepare).collect();
    let ys: Vec<StatsResult<(Vec<f64>, f64)>> = columns.iter().map(prepare).collect();
    let spread = if method == Method::Spearman {
        1.06
    } else {
        1.0
    };
    Ok(xs
        .iter()
        .flat_map(|x| {
            ys.iter().map(move |y| {
                let (x, y) = (
                    x.as_ref().map_err(Clone::clone)?,
                    y.as_ref().map_err(Clone::clone)?,
                );
                let r = finite_r(
                    (x.0.iter().zip(&y.0).map(|(a, b)| a * b).sum::<f64>() / (x.1 * y.1).sqrt())
                        .clamp(-1.0, 1.0),
                )?;
                Ok(finish(method, n, r, t_test(r, n), spread, confidence))
            })
        })
        .collect())
}

fn pearson_r(x: &[f64], y: &[f64]) -> f64 {
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0)
}

/// Two-sided p of r from Student's t with n − 2 degrees of freedom.
fn t_test(r: f64, n: usize) -> f64 {
    let df = n as f64 - 2.0;
    if r.abs() >= 1.0 {
        return 0.0;
    }
    let t = r * (df / (1.0 - r * r)).sqrt();
    match StudentsT::new(0.0, 1.0, df) {
        Ok(dist) => (2.0 * dist.sf(t.abs())).min(1.0),
        Err(_) => 1.0,
    }
}

/// The interval by Fisher's z, whose variance is `spread`/(n − 3).
fn fisher_interval(r: f64, n: usize, spread: f64, confidence: f64) -> (f64, f64) {
    if n <= 3 || r.abs() >= 1.0 {
        return if r.abs() >= 1.0 { (r, r) } else { (-1.0, 1.0) };
    }
    let z = r.atanh();
    let se = (spread / (n as f64 - 3.0)).sqrt();
    let critical = Normal::standard().inverse_cdf(0.5 + confidence / 2.0);
    ((z - critical * se).tanh(), (z + critical * se).tanh())
}

/// Kendall's τ-b and its two-sided p from the normal approximation with the
/// tie-corrected variance (scipy's `kendalltau(method="asymptotic")`).
fn kendall_tau_b(x: &[f64], y: &[f64]) -> (f64, f64) {
    let n = x.len();
    let Kendall { s, x_ties, y_ties } = kendall_s(x, y);
    let ties = |runs: &[u64]| {
        runs.iter().fold((0.0, 0.0, 0.0), |acc, &t| {
            let t = t as f64;
            (
                acc.0 + t * (t - 1.0) / 2.0,
                acc.1 + t * (t - 1.0) * (t - 2.0),
                acc.2 + t * (t - 1.0) * (2.0 * t + 5.0),
            )
        })
    };
    let (x_tie, x0, x1) = ties(&x_ties);
    let (y_tie, y0, y1) = ties(&y_ties);
    let n_f = n as f64;
    let total = n_f * (n_f - 1.0) / 2.0;
    let tau = s / ((total - x_tie).sqrt() * (total - y_tie).sqrt());
    let m = n_f * (n_f - 1.0);
    let variance = (m * (2.0 * n_f + 5.0) - x1 - y1) / 18.0
        + (2.0 * x_tie * y_tie) / m
        + x0 * y0 / (9.0 * m * (n_f - 2.0));
    let z = s / variance.sqrt();
    let p = 2.0 * Normal::standard().sf(z.abs());
    (tau.clamp(-1.0, 1.0), p.min(1.0))
}

/// Kendall's S and the lengths of the runs of tied values in x and in y
/// (the runs of one are what the variance needs).
struct Kendall {
    s: f64,
    x_ties: Vec<u64>,
    y_ties: Vec<u64>,
}

/// Kendall's S, concordant minus discordant pairs, in O(n log n) (Knight,
/// 1966) rather than pair by pair: sorted by x then y, a pair is discordant
/// exactly when its y values are inverted, and merge sort counts those.
/// With `n0` pairs, `n1` tied in x, `n2` tied in y and `n3` tied in both,
/// S = n0 − n1 − n2 + n3 − 2 · inversions. Values are finite (checked
/// before). The two sorts also give the runs of ties, so nothing is sorted
/// again for the variance.
fn kendall_s(x: &[f64], y: &[f64]) -> Kendall {
    // Sorted as integers that order as the values do: x in the high half.
    let mut pairs: Vec<u128> = x
        .iter()
        .zip(y)
        .map(|(&a, &b)| u128::from(key(a)) << 64 | u128::from(key(b)))
        .collect();
    pairs.sort_unstable();
    let n = pairs.len() as u64;
    let x_ties = runs(&pairs, |a, b| a >> 64 == b >> 64);
    let n1 = tied_pairs(&x_ties);
    let n3 = tied_pairs(&runs(&pairs, |a, b| a == b));
    // The low half: y's key.
    let mut ys: Vec<u64> = pairs.iter().map(|p| *p as u64).collect();
    let mut scratch = vec![0; ys.len()];
    let inversions = sort_counting_inversions(&mut ys, &mut scratch);
    let y_ties = runs(&ys, |a, b| a == b);
    let n2 = tied_pairs(&y_ties);
    let n0 = n * n.saturating_sub(1) / 2;
    Kendall {
        s: (n0 + n3 - n1 - n2) as f64 - 2.0 * inversions as f64,
        x_ties,
        y_ties,
    }
}

/// A finite value as an integer of the same order; −0 and 0 the same.
fn key(value: f64) -> u64 {
    let bits = (value + 0.0).to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The lengths of the runs of `same` neighbours of a sorted slice, runs of
/// one left out.
fn runs<T>(sorted: &[T], same: impl Fn(&T, &T) -> bool) -> Vec<u64> {
    sorted
        .chunk_by(|a, b| same(a, b))
        .map(|run| run.len() as u64)
        .filter(|&t| t > 1)
        .collect()
}

/// Pairs within runs: Σ t(t − 1)/2.
fn tied_pairs(runs: &[u64]) -> u64 {
    runs.iter().map(|t| t * (t - 1) / 2).sum()
}

/// Below this length a run is sorted by insertion, counting its inversions
/// as it moves values.
const INSERTION: usize = 24;

/// Sorts `values` (merge sort through `scratch`, of the same length) and
/// returns how many pairs were out of order (an earlier value strictly
/// greater than a later one).
fn sort_counting_inversions(values: &mut [u64], scratch: &mut [u64]) -> u64 {
    if values.len() <= INSERTION {
        let mut count = 0;
        for i in 1..values.len() {
            let mut j = i;
            while j > 0 && values[j - 1] > values[j] {
                values.swap(j - 1, j);
                count += 1;
                j -= 1;
            }
        }
        return count;
    }
    let middle = values.len() / 2;
    let mut count = {
        let (left, right) = values.split_at_mut(middle);
        let (left_scratch, right_scratch) = scratch.split_at_mut(middle);
        sort_counting_inversions(left, left_scratch)
            + sort_counting_inversions(right, right_scratch)
    };
    let (left, right) = values.split_at(middle);
    let (mut i, mut j) = (0, 0);
    for slot in scratch.iter_mut() {
        let take_right = i == left.len() || (j < right.len() && right[j] < left[i]);
        if take_right {
            // `right[j]` jumps every value still waiting on the left.
            count += (left.len() - i) as u64;
            *slot = right[j];
            j += 1;
        } else {
            *slot = left[i];
            i += 1;
        }
    }
    values.copy_from_slice(scratch);
    count
}

/// The smallest |r| a sample of `n` pairs can show as significant at level
/// `alpha` (two-sided): with 12 clients, only correlations above 0.58.
pub fn critical_r(n: usize, alpha: f64) -> StatsResult<f64> {
    if n < 3 {
        return Err(StatsError::TooFew {
            what: "a significance threshold".into(),
            n,
            min: 3,
        });
    }
    let df = n as f64 - 2.0;
    let t = StudentsT::new(0.0, 1.0, df)
        .map_err(|e| StatsError::Invalid(e.to_string()))?
        .inverse_cdf(1.0 - alpha / 2.0);
    Ok(t / (df + t * t).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    /// S pair by pair, as the definition reads.
    fn s_by_pairs(x: &[f64], y: &[f64]) -> f64 {
        let sign = |d: f64| f64::from(i8::from(d > 0.0) - i8::from(d < 0.0));
        let mut s = 0.0;
        for i in 0..x.len() {
            for j in i + 1..x.len() {
                s += sign(x[i] - x[j]) * sign(y[i] - y[j]);
            }
        }
        s
    }

    #[test]
    fn kendalls_s_by_sorting_equals_s_pair_by_pair_with_and_without_ties() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(14);
        for case in 0..300 {
            let n = rng.gen_range(2..60);
            // Few distinct values make many ties; many make almost none.
            let levels = if case % 2 == 0 { 4 } else { 1_000 };
            let x: Vec<f64> = (0..n)
                .map(|_| f64::from(rng.gen_range(0..levels)))
                .collect();
            let y: Vec<f64> = (0..n)
                .map(|_| f64::from(rng.gen_range(0..levels)) - 2.5)
                .collect();
            let kendall = kendall_s(&x, &y);
            assert_eq!(kendall.s, s_by_pairs(&x, &y), "{x:?} {y:?}");
            // The runs of ties it keeps for the variance are those of each variable.
            let runs = |values: &[f64]| {
                let mut runs: Vec<u64> = super::super::tie_groups(values)
                    .into_iter()
                    .map(|t| t as u64)
                    .collect();
                runs.sort_unstable();
                runs
            };
            let sorted = |mut found: Vec<u64>| {
                found.sort_unstable();
                found
            };
            assert_eq!(sorted(kendall.x_ties), runs(&x));
            assert_eq!(sorted(kendall.y_ties), runs(&y));
        }
    }
}
