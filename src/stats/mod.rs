//! Statistics for the portfolio study, on statrs: correlations with their
//! significance and intervals, multiple-testing adjustment, reliability and
//! agreement. Pure: no storage, no HTTP. Undefined cases are errors, never NaN.

#![expect(
    clippy::indexing_slicing,
    reason = "the algorithms index within lengths they have checked or built"
)]

mod adjust;
mod correlation;
mod reliability;

pub use adjust::{benjamini_hochberg, holm};
pub use correlation::{correlate, correlation_matrix, critical_r, Correlation, Method};
pub use reliability::{cronbach_alpha, icc, kendall_w, Alpha, Icc, IccForm, KendallW};

use serde::Serialize;

/// Why a statistic cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StatsError {
    #[error("{what} needs at least {min} values; it has {n}")]
    TooFew { what: String, n: usize, min: usize },
    #[error("x has {x} values and y has {y}; they must pair up")]
    UnequalLengths { x: usize, y: usize },
    #[error("{what} is constant, so no correlation is defined")]
    Constant { what: String },
    #[error("{what} has a value that is not a finite number at position {index}")]
    NotFinite { what: String, index: usize },
    #[error("{0}")]
    Invalid(String),
}

pub type StatsResult<T> = Result<T, StatsError>;

/// Rejects NaN and infinities, naming where they are.
fn finite(what: &str, values: &[f64]) -> StatsResult<()> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(StatsError::NotFinite {
            what: what.to_owned(),
            index,
        }),
        None => Ok(()),
    }
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Ranks from 1, ties sharing the average of the ranks they span.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        // -0.0 and 0.0 tie: compare values, not bit patterns.
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        let rank = (start + end + 1) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}

/// Sizes of the groups of tied values.
fn tie_groups(values: &[f64]) -> Vec<usize> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut groups = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i + 1;
        while j < sorted.len() && sorted[j] == sorted[i] {
            j += 1;
        }
        if j - i > 1 {
            groups.push(j - i);
        }
        i = j;
    }
    groups
}

#[cfg(test)]
mod tests;
