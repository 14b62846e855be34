//! Exports, as CSV or XLSX (see `app::exports`): an assessment's answers
//! and consolidated results, and the organisation's KPI values.

use crate::app::documents;
use crate::app::exports;
use crate::app::sessions::Identity;
use crate::web::download::attachment;
use crate::web::problem::{ApiResult, Problem};
use crate::web::state::AppState;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

pub use crate::app::documents::Format;

/// Transitional, for the programme exports until they move onto app: the
/// table as a download in the asked format.
pub fn download(
    table: &crate::render::table::Table,
    format: Format,
    stem: &str,
) -> ApiResult<HttpResponse> {
    Ok(attachment(documents::table(table, format, stem)?))
}

/// Every assessor's answers (lead and admins).
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scores.{format}")]
pub async fn scores(
    state: web::Data<AppState>,
    auth: Identity,
    path: web::Path<(i32, Format)>,
) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    let document = state
        .run(move |app| exports::scores(app, &auth.caller, id, format))
        .await?;
    Ok(attachment(document))
}

/// The consolidated results per question, with the roll-up's percentages.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/results.{format}")]
pub async fn results(
    state: web::Data<AppState>,
    auth: Identity,
    path: web::Path<(i32, Format)>,
) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    let document = state
        .run(move |app| exports::results(app, &auth.caller, id, format))
        .await?;
    Ok(attachment(document))
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
    state: web::Data<AppState>,
    auth: Identity,
    path: web::Path<Format>,
    query: web::Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    let (format, period) = (path.into_inner(), query.into_inner().period);
    let document = state
        .run(move |app| exports::kpi_values(app, &auth.caller, &period, format))
        .await?;
    Ok(attachment(document))
}
