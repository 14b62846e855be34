//! Ad-hoc statistics for consultants' own data.

use crate::domain::role::Role;
use crate::stats::{correlate, Correlation, Method, StatsError};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::{Auth, AuthShim};
use actix_web::{post, web};
use serde::Deserialize;
use utoipa::ToSchema;

/// Most values one request may correlate.
const MAX_VALUES: usize = 100_000;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrelationRequest {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    #[serde(default = "spearman")]
    pub method: Method,
    /// Level of the confidence interval; 0.95 unless given.
    #[serde(default = "ninety_five")]
    pub confidence: f64,
}

fn spearman() -> Method {
    Method::Spearman
}

fn ninety_five() -> f64 {
    0.95
}

impl From<StatsError> for ApiError {
    fn from(e: StatsError) -> ApiError {
        let code = match &e {
            StatsError::TooFew { .. } => "too_few_values",
            StatsError::UnequalLengths { .. } => "unequal_lengths",
            StatsError::Constant { .. } => "constant_variable",
            StatsError::NotFinite { .. } => "not_finite",
            StatsError::Invalid(_) => "invalid_statistic",
        };
        ApiError::invalid(code, e.to_string())
    }
}

/// Correlates two paired samples: r, two-sided p, confidence interval, r² and n.
#[utoipa::path(context_path = "/api/v1", tag = "stats", request_body = CorrelationRequest,
    responses((status = 200, body = Correlation), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "Fewer than 3 pairs, unequal lengths, a constant variable or too many values")))]
#[post("/stats/correlation")]
pub async fn correlation(
    auth: Auth,
    body: web::Json<CorrelationRequest>,
) -> ApiResult<web::Json<Correlation>> {
    auth.require(&[Role::Admin, Role::Consultant], "run statistics")?;
    if body.x.len().max(body.y.len()) > MAX_VALUES {
        return Err(ApiError::invalid(
            "too_many_values",
            format!("at most {MAX_VALUES} values per variable"),
        ));
    }
    let body = body.into_inner();
    let result =
        web::block(move || correlate(&body.x, &body.y, body.method, body.confidence)).await??;
    Ok(web::Json(result))
}
