//! The offline scoring workbook (see `app::workbook`): an assessor downloads
//! their questions and answers as XLSX and uploads the filled file back.

use crate::app::limits::MAX_WORKBOOK;
use crate::app::workbook::{self, WorkbookImport};
use crate::domain::ids::AssessmentId;
use crate::web::body::file_body;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, post, web, HttpResponse};

/// The caller's scoring workbook for the assessment (assessors only).
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = String),
        (status = 401, body = Problem), (status = 403, body = Problem, description = "Not an assessor"), (status = 404, body = Problem)))]
#[get("/assessments/{id}/workbook.xlsx")]
pub async fn download(call: Call, path: web::Path<AssessmentId>) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    call.attachment(move |app, caller| workbook::download(app, caller, id))
        .await
}

/// Stores the answers of a filled workbook (the file is the body), all or
/// nothing. A refused file gets 422 with every problem by sheet and cell.
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path)),
    request_body(content = String, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    responses((status = 200, body = WorkbookImport), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "The assessment is final"),
        (status = 422, body = Problem, description = "The file has problems, listed in `errors`")))]
#[post("/assessments/{id}/workbook")]
pub async fn upload(
    call: Call,
    path: web::Path<AssessmentId>,
    payload: web::Payload,
) -> ApiResult<JsonAnswer<WorkbookImport>> {
    let id = path.into_inner();
    let body = file_body(payload, MAX_WORKBOOK, "a workbook").await?;
    call.json(move |app, caller| workbook::import(app, caller, id, &body))
        .await
}
