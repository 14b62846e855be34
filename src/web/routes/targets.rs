//! Targets of an assessment's client and scope (see `app::targets`): read by
//! whoever sees the assessment, set by its lead, an admin or the client's
//! programme manager once it is final.

use crate::app::targets::{self, TargetsRequest, TargetsView};
use crate::domain::ids::AssessmentId;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, put, web};

/// The targets in force for the assessment's client and scope, and every
/// earlier version with who set it and when.
#[utoipa::path(context_path = "/api/v1", tag = "targets", params(("id" = i32, Path)),
    responses((status = 200, body = TargetsView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/targets")]
pub async fn get(call: Call, path: web::Path<AssessmentId>) -> ApiResult<JsonAnswer<TargetsView>> {
    call.json(move |app, caller| targets::get(app, caller, path.into_inner()))
        .await
}

/// Sets the targets as a new version starting from this final assessment:
/// a % per area and optionally per practice, each with a due date. Audited.
#[utoipa::path(context_path = "/api/v1", tag = "targets", params(("id" = i32, Path)), request_body = TargetsRequest,
    responses((status = 200, body = TargetsView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/assessments/{id}/targets")]
pub async fn put(
    call: Call,
    path: web::Path<AssessmentId>,
    body: web::Json<TargetsRequest>,
) -> ApiResult<JsonAnswer<TargetsView>> {
    let (id, body) = (path.into_inner(), body.into_inner());
    call.json(move |app, caller| targets::set(app, caller, id, body))
        .await
}
