//! Exports, as CSV or XLSX (see `app::exports`): an assessment's answers
//! and consolidated results, and the organisation's KPI values.

use crate::app::exports;
use crate::domain::ids::AssessmentId;
use crate::web::call::Call;
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::documents::Format;

/// Every assessor's answers (lead and admins).
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scores.{format}")]
pub async fn scores(
    call: Call,
    path: web::Path<(AssessmentId, Format)>,
) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    call.attachment(move |app, caller| exports::scores(app, caller, id, format))
        .await
}

/// The consolidated results per question, with the roll-up's percentages.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/results.{format}")]
pub async fn results(
    call: Call,
    path: web::Path<(AssessmentId, Format)>,
) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    call.attachment(move |app, caller| exports::results(app, caller, id, format))
        .await
}

#[derive(Deserialize, IntoParams)]
pub struct PeriodQuery {
    pub period: String,
}

/// The organisation's KPI values for a period.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("format" = Format, Path), PeriodQuery),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/kpis/values.{format}")]
pub async fn kpi_values(
    call: Call,
    path: web::Path<Format>,
    query: web::Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    let (format, period) = (path.into_inner(), query.into_inner().period);
    call.attachment(move |app, caller| exports::kpi_values(app, caller, &period, format))
        .await
}
