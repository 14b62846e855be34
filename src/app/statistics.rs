//! Ad-hoc statistics on consultants' own data: the correlation of two
//! paired samples.

use super::error::{AppError, AppResult};
use super::permissions::{require, STAFF};
use crate::domain::role::Caller;
use crate::stats::{correlate, Correlation, Method, StatsError};
use serde::Deserialize;
use utoipa::ToSchema;

/// Most values one request may correlate.
const MAX_VALUES: usize = 100_000;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct CorrelationRequest {
    #[schema(min_items = 3, max_items = 100000)]
    pub x: Vec<f64>,
    #[schema(min_items = 3, max_items = 100000)]
    pub y: Vec<f64>,
    #[serde(default = "spearman")]
    pub method: Method,
    /// Level of the confidence interval; 0.95 unless given.
    #[serde(default = "ninety_five")]
    #[schema(exclusive_minimum = 0, exclusive_maximum = 1)]
    pub confidence: f64,
}

fn spearman() -> Method {
    Method::Spearman
}

fn ninety_five() -> f64 {
    0.95
}

/// Data the statistics cannot work with is the caller's to fix.
impl From<StatsError> for AppError {
    fn from(e: StatsError) -> AppError {
        let code = match &e {
            StatsError::TooFew { .. } => "too_few_values",
            StatsError::UnequalLengths { .. } => "unequal_lengths",
            StatsError::Constant { .. } => "constant_variable",
            StatsError::NotFinite { .. } => "not_finite",
            StatsError::Invalid(_) => "invalid_statistic",
        };
        AppError::invalid(code, e.to_string())
    }
}

/// Correlates two paired samples (staff): r, two-sided p, confidence
/// interval, r² and n.
pub fn correlation(caller: &Caller, body: CorrelationRequest) -> AppResult<Correlation> {
    require(caller, STAFF, "run statistics")?;
    if body.x.len().max(body.y.len()) > MAX_VALUES {
        return Err(AppError::invalid(
            "too_many_values",
            format!("at most {MAX_VALUES} values per variable"),
        ));
    }
    Ok(correlate(&body.x, &body.y, body.method, body.confidence)?)
}
