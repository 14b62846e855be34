//! Where a value stands in the portfolio, and which companies it is
//! compared with.

use crate::domain::i18n::Words;

/// The companies a scorecard is compared with. A company counts once: its
/// latest whole-company final assessment. A scoped assessment (a business
/// unit, a customer group) is compared with the same kind of scope where
/// there are enough of them, otherwise with the whole-company results.
#[derive(Debug, Clone, PartialEq)]
pub enum Benchmark {
    /// A whole-company assessment among the portfolio's companies.
    Companies,
    /// A scoped assessment among assessments of the same kind of scope:
    /// which of business unit, product and customer group it sets.
    SameScope([bool; 3]),
    /// A scoped assessment against the portfolio's whole-company results.
    WholeCompanies,
}

/// A scoped assessment is compared with its own kind from this many.
pub const MIN_SAME_SCOPE: usize = 5;

/// The parts of a scope, in the order of [`Benchmark::SameScope`].
const SCOPE_PARTS: [&str; 3] = [
    "scorecard-scope-business-unit",
    "scorecard-scope-product",
    "scorecard-scope-customer-group",
];

impl Benchmark {
    /// The group in words, e.g. "the portfolio".
    pub fn group(&self, w: &Words) -> String {
        match self {
            Benchmark::Companies => w.get("scorecard-group-companies"),
            Benchmark::SameScope(kind) => {
                let parts: Vec<String> = SCOPE_PARTS
                    .iter()
                    .zip(kind)
                    .filter(|(_, set)| **set)
                    .map(|(part, _)| w.get(part))
                    .collect();
                let kind = parts.join(&w.get("scorecard-scope-and"));
                w.fill("scorecard-group-same-scope", &[("kind", kind.into())])
            }
            Benchmark::WholeCompanies => w.get("scorecard-group-whole-companies"),
        }
    }

    /// How many it holds, in words: "60 companies", "7 assessments".
    pub fn count(&self, w: &Words, n: usize) -> String {
        let id = match self {
            Benchmark::SameScope(_) => "scorecard-count-assessments",
            Benchmark::Companies | Benchmark::WholeCompanies => "scorecard-count-companies",
        };
        w.fill(id, &[("n", w.whole(n as f64).into())])
    }
}

/// The share of `values` below `x`, counting ties as half, in percent (0–100).
/// Mid-rank percentiles make the median company sit at 50 however many tie.
pub fn percentile_rank(values: &[f64], x: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let below = values.iter().filter(|v| **v < x).count() as f64;
    let equal = values.iter().filter(|v| **v == x).count() as f64;
    Some((below + equal / 2.0) / values.len() as f64 * 100.0)
}

/// The `q` quantile (0–1) with linear interpolation between order statistics
/// (numpy's default, Hyndman–Fan type 7).
pub fn quantile(values: &[f64], q: f64) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let position = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let lower = position.floor() as usize;
    let upper = position.ceil() as usize;
    let (a, b) = (sorted.get(lower)?, sorted.get(upper)?);
    Some(a + (b - a) * (position - lower as f64))
}

/// Quartile of a percentile rank: 1 is the top quarter, 4 the bottom.
pub fn quartile(percentile: f64) -> u8 {
    match percentile {
        p if p >= 75.0 => 1,
        p if p >= 50.0 => 2,
        p if p >= 25.0 => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_match_numpy() {
        // numpy.quantile([1, 2, 3, 4, 10], [0.5, 0.75, 0.9]) = [3.0, 4.0, 7.6]
        let v = [4.0, 1.0, 10.0, 3.0, 2.0];
        assert_eq!(quantile(&v, 0.5), Some(3.0));
        assert_eq!(quantile(&v, 0.75), Some(4.0));
        assert!((quantile(&v, 0.9).unwrap_or(0.0) - 7.6).abs() < 1e-12);
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[5.0], 0.75), Some(5.0));
    }

    #[test]
    fn percentile_ranks_count_ties_as_half() {
        let v = [10.0, 20.0, 30.0, 40.0];
        assert_eq!(percentile_rank(&v, 30.0), Some(62.5));
        assert_eq!(percentile_rank(&v, 50.0), Some(100.0));
        assert_eq!(percentile_rank(&v, 5.0), Some(0.0));
        assert_eq!(percentile_rank(&[7.0, 7.0], 7.0), Some(50.0));
        assert_eq!(percentile_rank(&[], 7.0), None);
    }

    #[test]
    fn quartiles_put_the_best_first() {
        assert_eq!(quartile(80.0), 1);
        assert_eq!(quartile(75.0), 1);
        assert_eq!(quartile(60.0), 2);
        assert_eq!(quartile(30.0), 3);
        assert_eq!(quartile(10.0), 4);
    }
}
