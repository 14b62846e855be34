//! Ad-hoc statistics for consultants' own data (see `app::statistics`).

use crate::app::own_data::{self, AdjustRequest, Adjusted, Iccs, Table};
use crate::app::statistics::{self, CorrelationRequest};
use crate::stats::{Alpha, Correlation, KendallW};
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

/// Cronbach's α of a questionnaire with Feldt's interval: columns are items, rows respondents.
#[utoipa::path(context_path = "/api/v1", tag = "stats", request_body = Table,
    responses((status = 200, body = Alpha), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "Fewer than 3 respondents or 2 items, a constant item, a ragged or too big table")))]
#[post("/stats/alpha")]
pub async fn alpha(call: Call, body: web::Json<Table>) -> ApiResult<JsonAnswer<Alpha>> {
    let body = body.into_inner();
    call.json(move |_, caller| own_data::alpha(caller, body))
        .await
}

/// Kendall's W of a panel (ties corrected), Friedman's χ² and p: columns are raters, rows subjects.
#[utoipa::path(context_path = "/api/v1", tag = "stats", request_body = Table,
    responses((status = 200, body = KendallW), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "Fewer than 3 subjects or 2 raters, every ranking constant, a ragged or too big table")))]
#[post("/stats/concordance")]
pub async fn concordance(call: Call, body: web::Json<Table>) -> ApiResult<JsonAnswer<KendallW>> {
    let body = body.into_inner();
    call.json(move |_, caller| own_data::concordance(caller, body))
        .await
}

/// The six Shrout–Fleiss intraclass correlations with intervals: columns are raters, rows subjects.
#[utoipa::path(context_path = "/api/v1", tag = "stats", request_body = Table,
    responses((status = 200, body = Iccs), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "Fewer than 3 subjects or 2 raters, constant ratings, a ragged or too big table")))]
#[post("/stats/icc")]
pub async fn icc(call: Call, body: web::Json<Table>) -> ApiResult<JsonAnswer<Iccs>> {
    let body = body.into_inner();
    call.json(move |_, caller| own_data::icc(caller, body))
        .await
}

/// p-values adjusted for a family of tests: Holm (`p_holm`) or Benjamini–Hochberg (`p_bh`).
#[utoipa::path(context_path = "/api/v1", tag = "stats", request_body = AdjustRequest,
    responses((status = 200, body = Vec<Adjusted>), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "No p-values, too many, or one outside [0, 1]")))]
#[post("/stats/adjust")]
pub async fn adjust(
    call: Call,
    body: web::Json<AdjustRequest>,
) -> ApiResult<JsonAnswer<Vec<Adjusted>>> {
    let body = body.into_inner();
    call.json(move |_, caller| own_data::adjust(caller, body))
        .await
}
