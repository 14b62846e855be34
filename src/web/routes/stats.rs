//! Ad-hoc statistics for consultants' own data (see `app::statistics`).

use crate::app::sessions::Identity;
use crate::app::statistics::{self, CorrelationRequest};
use crate::stats::Correlation;
use crate::web::problem::{ApiResult, Problem};
use crate::web::state::AppState;
use actix_web::{post, web};

/// Correlates two paired samples: r, two-sided p, confidence interval, r² and n.
#[utoipa::path(context_path = "/api/v1", tag = "stats", request_body = CorrelationRequest,
    responses((status = 200, body = Correlation), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "Fewer than 3 pairs, unequal lengths, a constant variable or too many values")))]
#[post("/stats/correlation")]
pub async fn correlation(
    state: web::Data<AppState>,
    auth: Identity,
    body: web::Json<CorrelationRequest>,
) -> ApiResult<web::Json<Correlation>> {
    let body = body.into_inner();
    let result = state
        .run(move |_| statistics::correlation(&auth.caller, body))
        .await?;
    Ok(web::Json(result))
}
