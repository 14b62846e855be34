//! Ad-hoc statistics for consultants' own data (see `app::statistics`).

use crate::app::statistics::{self, CorrelationRequest};
use crate::stats::Correlation;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{post, web};

/// Correlates two paired samples: r, two-sided p, confidence interval, r² and n.
#[utoipa::path(context_path = "/api/v1", tag = "stats", request_body = CorrelationRequest,
    responses((status = 200, body = Correlation), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "Fewer than 3 pairs, unequal lengths, a constant variable or too many values")))]
#[post("/stats/correlation")]
pub async fn correlation(
    call: Call,
    body: web::Json<CorrelationRequest>,
) -> ApiResult<JsonAnswer<Correlation>> {
    let body = body.into_inner();
    call.json(move |_, caller| statistics::correlation(caller, body))
        .await
}
