//! Exports of a programme, as CSV or XLSX: its projects and its milestones.

use crate::app::documents::Format;
use crate::app::programmes::tables;
use crate::web::call::Call;
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, web, HttpResponse};

/// A programme's projects with their plan, money and health.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}/projects.{format}")]
pub async fn projects(call: Call, path: web::Path<(i32, Format)>) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    call.attachment(move |app, caller| tables::projects(app, caller, id, format))
        .await
}

/// A programme's milestones, by project.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}/milestones.{format}")]
pub async fn milestones(call: Call, path: web::Path<(i32, Format)>) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    call.attachment(move |app, caller| tables::milestones(app, caller, id, format))
        .await
}
