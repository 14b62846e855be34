//! Evidence of an assessment over HTTP: documents uploaded as the request
//! body (streamed to a temporary file, never held in memory), links, and
//! downloads that a browser always saves and never renders.

use crate::app::evidence::{self, DocumentInput, EvidenceChange, EvidenceView, LinkInput};
use crate::app::permissions::{require, STAFF};
use crate::domain::ids::AssessmentId;
use crate::web::call::{Call, JsonAnswer};
use crate::web::download::disposition;
use crate::web::problem::{ApiResult, Problem};
use crate::web::spool::{check_declared, spool};
use actix_web::http::header::{self, HeaderValue};
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

/// What a document upload says about the file, beside its bytes.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct UploadQuery {
    /// The file's name (kept for its download; its type comes from its bytes).
    pub file_name: String,
    /// The title shown; the file name when absent.
    pub title: Option<String>,
    /// When the document was current, e.g. `2026-10-31`.
    pub effective_date: Option<chrono::NaiveDate>,
    /// Areas or sub-areas it covers, comma-separated, e.g. `AP,PR.1`.
    pub area_ids: Option<String>,
}

/// The assessment's evidence: documents, links and interviews (executives: the shared ones).
#[utoipa::path(context_path = "/api/v1", tag = "evidence", params(("id" = i32, Path, minimum = 1)),
    responses((status = 200, body = Vec<EvidenceView>), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/evidence")]
pub async fn list(
    call: Call,
    path: web::Path<AssessmentId>,
) -> ApiResult<JsonAnswer<Vec<EvidenceView>>> {
    let id = path.into_inner();
    call.json(move |app, caller| evidence::list(app, caller, id))
        .await
}

/// Uploads a document as the request body. Its type is decided by its bytes
/// (PDF, PNG, JPEG, Office, OpenDocument, CSV, plain text); the same bytes
/// uploaded again give back the existing item (200 instead of 201).
#[utoipa::path(context_path = "/api/v1", tag = "evidence", params(("id" = i32, Path, minimum = 1), UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = EvidenceView), (status = 200, body = EvidenceView, description = "The same bytes were already evidence"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Final assessment"),
        (status = 413, body = Problem, description = "Larger than a file may be, or past the organisation's quota"),
        (status = 422, body = Problem, description = "Empty, a type not allowed, or a suspicious archive")))]
#[post("/assessments/{id}/evidence/files")]
pub async fn upload(
    call: Call,
    request: HttpRequest,
    path: web::Path<AssessmentId>,
    query: web::Query<UploadQuery>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    // The role and the declared size before the body: no bytes read in vain.
    require(&call.identity.caller, STAFF, "upload evidence")?;
    let limit = call.state.app.evidence.file_bytes();
    check_declared(&request, limit, "an evidence file")?;
    let spooled = spool(payload, limit, "an evidence file").await?;
    let (id, query) = (path.into_inner(), query.into_inner());
    let input = DocumentInput {
        title: query.title,
        file_name: query.file_name,
        effective_date: query.effective_date,
        area_ids: split_areas(query.area_ids.as_deref()),
    };
    let uploaded = call
        .run(move |app, caller| evidence::add_document(app, caller, id, &input, spooled))
        .await?;
    let mut response = if uploaded.existing {
        HttpResponse::Ok()
    } else {
        HttpResponse::Created()
    };
    Ok(response.json(uploaded.item))
}

/// Area ids from a comma-separated list, blanks dropped.
pub fn split_areas(areas: Option<&str>) -> Vec<String> {
    areas
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Adds a link to evidence kept elsewhere.
#[utoipa::path(context_path = "/api/v1", tag = "evidence", params(("id" = i32, Path, minimum = 1)),
    request_body = LinkInput,
    responses((status = 201, body = EvidenceView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments/{id}/evidence/links")]
pub async fn add_link(
    call: Call,
    path: web::Path<AssessmentId>,
    body: web::Json<LinkInput>,
) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    call.created(move |app, caller| evidence::add_link(app, caller, id, &body))
        .await
}

/// Changes an item's title, date or areas; admins also share it with the client's executives.
#[utoipa::path(context_path = "/api/v1", tag = "evidence", params(("id" = i32, Path, minimum = 1), ("evidence_id" = i32, Path, minimum = 1)),
    request_body = EvidenceChange,
    responses((status = 200, body = EvidenceView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[patch("/assessments/{id}/evidence/{evidence_id}")]
pub async fn change(
    call: Call,
    path: web::Path<(AssessmentId, i32)>,
    body: web::Json<EvidenceChange>,
) -> ApiResult<JsonAnswer<EvidenceView>> {
    let (id, evidence_id) = path.into_inner();
    call.json(move |app, caller| evidence::change(app, caller, id, evidence_id, &body))
        .await
}

/// Removes an item and the citations of it.
#[utoipa::path(context_path = "/api/v1", tag = "evidence", params(("id" = i32, Path, minimum = 1), ("evidence_id" = i32, Path, minimum = 1)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[delete("/assessments/{id}/evidence/{evidence_id}")]
pub async fn remove(call: Call, path: web::Path<(AssessmentId, i32)>) -> ApiResult<HttpResponse> {
    let (id, evidence_id) = path.into_inner();
    call.no_content(move |app, caller| evidence::remove(app, caller, id, evidence_id))
        .await
}

/// Downloads a document: always saved, never shown (`attachment`, `nosniff`, a policy that allows nothing).
#[utoipa::path(context_path = "/api/v1", tag = "evidence", params(("id" = i32, Path, minimum = 1), ("evidence_id" = i32, Path, minimum = 1)),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/evidence/{evidence_id}/file")]
pub async fn file(call: Call, path: web::Path<(AssessmentId, i32)>) -> ApiResult<HttpResponse> {
    let (id, evidence_id) = path.into_inner();
    let (row, bytes) = call
        .run(move |app, caller| evidence::file(app, caller, id, evidence_id))
        .await?;
    let mut response = HttpResponse::Ok();
    response
        .content_type(
            row.media_type
                .as_deref()
                .unwrap_or("application/octet-stream"),
        )
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; sandbox",
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"));
    if let Ok(value) = HeaderValue::from_str(&disposition(
        "attachment",
        row.file_name.as_deref().unwrap_or("evidence"),
    )) {
        response.insert_header((header::CONTENT_DISPOSITION, value));
    }
    Ok(response.body(bytes))
}
