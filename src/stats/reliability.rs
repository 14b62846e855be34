//! How far measurements agree: a questionnaire's internal consistency
//! (Cronbach's α), panels ranking the same companies (Kendall's W), and
//! assessors scoring the same practices (intraclass correlation).

#![expect(
    clippy::indexing_slicing,
    reason = "the algorithms index within lengths they have checked or built"
)]

use super::{average_ranks, finite, mean, tie_groups, StatsError, StatsResult};
use serde::Serialize;
use statrs::distribution::{ChiSquared, ContinuousCDF, FisherSnedecor};

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Alpha {
    pub alpha: f64,
    /// Feldt's interval.
    pub ci_low: f64,
    pub ci_high: f64,
    pub subjects: usize,
    pub items: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct KendallW {
    pub w: f64,
    /// Friedman's χ² = m(n − 1)W, with n − 1 degrees of freedom.
    pub chi2: f64,
    pub p_value: f64,
    pub raters: usize,
    pub subjects: usize,
}

/// The six Shrout–Fleiss forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub enum IccForm {
    #[serde(rename = "ICC1")]
    Icc1,
    #[serde(rename = "ICC2")]
    Icc2,
    #[serde(rename = "ICC3")]
    Icc3,
    #[serde(rename = "ICC1k")]
    Icc1k,
    #[serde(rename = "ICC2k")]
    Icc2k,
    #[serde(rename = "ICC3k")]
    Icc3k,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Icc {
    pub form: IccForm,
    pub icc: f64,
    pub ci_low: f64,
    pub ci_high: f64,
}

/// Checks a rectangular matrix of finite values with enough rows and columns.
fn matrix(
    what: &str,
    rows: &[Vec<f64>],
    min_rows: usize,
    min_cols: usize,
) -> StatsResult<(usize, usize)> {
    let cols = rows.first().map_or(0, Vec::len);
    if rows.len() < min_rows {
        return Err(StatsError::TooFew {
            what: format!("{what} (rows)"),
            n: rows.len(),
            min: min_rows,
        });
    }
    if cols < min_cols {
        return Err(StatsError::TooFew {
            what: format!("{what} (columns)"),
            n: cols,
            min: min_cols,
        });
    }
    for (i, row) in rows.iter().enumerate() {
        if row.len() != cols {
            return Err(StatsError::Invalid(format!(
                "{what}: row {} has {} values, the first has {cols}",
                i + 1,
                row.len()
            )));
        }
        finite(&format!("{what} row {}", i + 1), row)?;
    }
    Ok((rows.len(), cols))
}

fn variance(values: impl Iterator<Item = f64> + Clone) -> f64 {
    let n = values.clone().count() as f64;
    let m = values.clone().sum::<f64>() / n;
    values.map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1.0)
}

fn f_quantile(p: f64, d1: f64, d2: f64) -> StatsResult<f64> {
    FisherSnedecor::new(d1, d2)
        .map(|f| f.inverse_cdf(p))
        .map_err(|e| StatsError::Invalid(e.to_string()))
}

/// Cronbach's α of `rows` = subjects × items, with Feldt's interval at `confidence`.
pub fn cronbach_alpha(rows: &[Vec<f64>], confidence: f64) -> StatsResult<Alpha> {
    let (n, k) = matrix("Cronbach's alpha", rows, 2, 2)?;
    let item_variance: f64 = (0..k).map(|j| variance(rows.iter().map(|r| r[j]))).sum();
    let total_variance = variance(rows.iter().map(|r| r.iter().sum::<f64>()));
    if total_variance == 0.0 {
        return Err(StatsError::Constant {
            what: "the total score".into(),
        });
    }
    let kf = k as f64;
    let alpha = kf / (kf - 1.0) * (1.0 - item_variance / total_variance);
    let (d1, d2) = (n as f64 - 1.0, (n as f64 - 1.0) * (kf - 1.0));
    let tail = (1.0 - confidence) / 2.0;
    Ok(Alpha {
        alpha,
        ci_low: 1.0 - (1.0 - alpha) * f_quantile(1.0 - tail, d1, d2)?,
        ci_high: 1.0 - (1.0 - alpha) * f_quantile(tail, d1, d2)?,
        subjects: n,
        items: k,
    })
}

/// Kendall's W of `rows` = raters × subjects, corrected for ties.
pub fn kendall_w(rows: &[Vec<f64>]) -> StatsResult<KendallW> {
    let (m, n) = matrix("Kendall's W", rows, 2, 2)?;
    let ranks: Vec<Vec<f64>> = rows.iter().map(|r| average_ranks(r)).collect();
    let sums: Vec<f64> = (0..n).map(|j| ranks.iter().map(|r| r[j]).sum()).collect();
    let centre = mean(&sums);
    let s: f64 = sums.iter().map(|r| (r - centre) * (r - centre)).sum();
    let ties: f64 = rows
        .iter()
        .flat_map(|r| tie_groups(r))
        .map(|t| (t * t * t - t) as f64)
        .sum();
    let (mf, nf) = (m as f64, n as f64);
    let denominator = mf * mf * (nf * nf * nf - nf) - mf * ties;
    if denominator <= 0.0 {
        return Err(StatsError::Constant {
            what: "every rater's ranking".into(),
        });
    }
    let w = 12.0 * s / denominator;
    let chi2 = mf * (nf - 1.0) * w;
    let p_value = ChiSquared::new(nf - 1.0)
        .map_err(|e| StatsError::Invalid(e.to_string()))?
        .sf(chi2);
    Ok(KendallW {
        w,
        chi2,
        p_value,
        raters: m,
        subjects: n,
    })
}

/// The intraclass correlations of `rows` = subjects × raters, in the six
/// Shrout–Fleiss forms with their intervals at `confidence` (as pingouin).
pub fn icc(rows: &[Vec<f64>], confidence: f64) -> StatsResult<Vec<Icc>> {
    let (n, k) = matrix("the intraclass correlation", rows, 2, 2)?;
    let (nf, kf) = (n as f64, k as f64);
    let grand = rows.iter().flatten().sum::<f64>() / (nf * kf);
    let row_means: Vec<f64> = rows.iter().map(|r| mean(r)).collect();
    let col_means: Vec<f64> = (0..k)
        .map(|j| rows.iter().map(|r| r[j]).sum::<f64>() / nf)
        .collect();
    let ss_rows = kf
        * row_means
            .iter()
            .map(|m| (m - grand) * (m - grand))
            .sum::<f64>();
    let ss_cols = nf
        * col_means
            .iter()
            .map(|m| (m - grand) * (m - grand))
            .sum::<f64>();
    let ss_total: f64 = rows
        .iter()
        .flatten()
        .map(|v| (v - grand) * (v - grand))
        .sum();
    let ss_error = ss_total - ss_rows - ss_cols;
    let (df_rows, df_cols, df_error) = (nf - 1.0, kf - 1.0, (nf - 1.0) * (kf - 1.0));
    let msr = ss_rows / df_rows;
    let msc = ss_cols / df_cols;
    let mse = ss_error / df_error;
    let msw = (ss_cols + ss_error) / (nf * (kf - 1.0));
    if msr == 0.0 || (mse == 0.0 && msw == 0.0) {
        return Err(StatsError::Constant {
            what: "the ratings".into(),
        });
    }
    if mse <= f64::EPSILON * msr {
        // Raters differing only by a constant leave no residual: the F intervals are undefined.
        return Err(StatsError::Invalid("the ratings have no residual variance, so the intraclass correlation's intervals are undefined".into()));
    }
    let q = 1.0 - (1.0 - confidence) / 2.0;

    let icc1 = (msr - msw) / (msr + (kf - 1.0) * msw);
    let icc2 = (msr - mse) / (msr + (kf - 1.0) * mse + kf * (msc - mse) / nf);
    let icc3 = (msr - mse) / (msr + (kf - 1.0) * mse);

    let f1 = msr / msw;
    let df_within = nf * (kf - 1.0);
    let f1l = f1 / f_quantile(q, df_rows, df_within)?;
    let f1u = f1 * f_quantile(q, df_within, df_rows)?;
    let f3 = msr / mse;
    let f3l = f3 / f_quantile(q, df_rows, df_error)?;
    let f3u = f3 * f_quantile(q, df_error, df_rows)?;

    let fj = msc / mse;
    let a = kf * icc2 * fj + nf * (1.0 + (kf - 1.0) * icc2) - kf * icc2;
    let v = df_error * a * a
        / (df_rows * kf * kf * icc2 * icc2 * fj * fj
            + (nf * (1.0 + (kf - 1.0) * icc2) - kf * icc2).powi(2));
    let f2u = f_quantile(q, nf - 1.0, v)?;
    let f2l = f_quantile(q, v, nf - 1.0)?;
    let l2 = nf * (msr - f2u * mse) / (f2u * (kf * msc + (kf * nf - kf - nf) * mse) + nf * msr);
    let u2 = nf * (f2l * msr - mse) / (kf * msc + (kf * nf - kf - nf) * mse + nf * f2l * msr);

    let single = |f_low: f64, f_high: f64| {
        (
            (f_low - 1.0) / (f_low + kf - 1.0),
            (f_high - 1.0) / (f_high + kf - 1.0),
        )
    };
    let (l1, u1) = single(f1l, f1u);
    let (l3, u3) = single(f3l, f3u);
    let spearman_brown = |x: f64| x * kf / (1.0 + x * (kf - 1.0));
    let forms = [
        (IccForm::Icc1, icc1, l1, u1),
        (IccForm::Icc2, icc2, l2, u2),
        (IccForm::Icc3, icc3, l3, u3),
        (
            IccForm::Icc1k,
            (msr - msw) / msr,
            1.0 - 1.0 / f1l,
            1.0 - 1.0 / f1u,
        ),
        (
            IccForm::Icc2k,
            (msr - mse) / (msr + (msc - mse) / nf),
            spearman_brown(l2),
            spearman_brown(u2),
        ),
        (
            IccForm::Icc3k,
            (msr - mse) / msr,
            1.0 - 1.0 / f3l,
            1.0 - 1.0 / f3u,
        ),
    ];
    Ok(forms
        .into_iter()
        .map(|(form, icc, ci_low, ci_high)| Icc {
            form,
            icc,
            ci_low,
            ci_high,
        })
        .collect())
}
