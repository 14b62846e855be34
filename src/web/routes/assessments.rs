//! Assessments: created by consultants, scored by assessors, finalised by the lead.

use crate::app::assessments::{self, AssessmentUpdate, AssessmentView, NewAssessmentRequest};
use crate::app::audit::AuditEvent;
use crate::app::listing::ListQuery;
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::ids::AssessmentId;
use crate::web::call::{Call, JsonAnswer, PageAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, patch, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssessmentQuery {
    pub client_id: Option<i32>,
    pub status: Option<Status>,
}

/// A page of the assessments the caller may see, newest first unless
/// `sort` says otherwise (`assessment_date`, `status`, `updated_at`); `q`
/// finds a part of the client's name.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(ListQuery, AssessmentQuery),
    responses((status = 200, body = Vec<AssessmentView>, headers(
            ("X-Total-Count" = i64, description = "Assessments that match, across all pages"),
            ("Link" = String, description = "The first, previous, next and last pages (RFC 8288)"))),
        (status = 401, body = Problem), (status = 422, body = Problem)))]
#[get("/assessments")]
pub async fn list(
    call: Call,
    query: web::Query<ListQuery>,
    filter: web::Query<AssessmentQuery>,
) -> ApiResult<PageAnswer<AssessmentView>> {
    let query = query.into_inner();
    let filter = AssessmentFilter {
        client_id: filter.client_id,
        status: filter.status,
    };
    call.page(move |app, caller| assessments::list(app, caller, &query, &filter))
        .await
}

/// One assessment.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path)),
    responses((status = 200, body = AssessmentView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}")]
pub async fn get(
    call: Call,
    path: web::Path<AssessmentId>,
) -> ApiResult<JsonAnswer<AssessmentView>> {
    call.json(move |app, caller| assessments::get(app, caller, path.into_inner()))
        .await
}

/// Starts a draft assessment of a client against one questionnaire version.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", request_body = NewAssessmentRequest,
    responses((status = 201, body = AssessmentView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments")]
pub async fn create(call: Call, body: web::Json<NewAssessmentRequest>) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    call.created(move |app, caller| assessments::create(app, caller, body))
        .await
}

/// Changes the status (e.g. finalises). Send the version you read: if the
/// assessment changed since, the answer is 409 and nothing changes.
/// Finalising needs an answer (or N/A) for every question.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path, minimum = 1)), request_body = AssessmentUpdate,
    responses((status = 200, body = AssessmentView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "Stale version or a final assessment"),
        (status = 422, body = Problem, description = "Unanswered questions")))]
#[patch("/assessments/{id}")]
pub async fn update(
    call: Call,
    path: web::Path<AssessmentId>,
    body: web::Json<AssessmentUpdate>,
) -> ApiResult<JsonAnswer<AssessmentView>> {
    let (id, update) = (path.into_inner(), body.into_inner());
    call.json(move |app, caller| assessments::change_status(app, caller, id, update))
        .await
}

/// The audit trail of an assessment: every status and score change, oldest first.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path)),
    responses((status = 200, body = Vec<AuditEvent>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/audit")]
pub async fn audit(
    call: Call,
    path: web::Path<AssessmentId>,
) -> ApiResult<JsonAnswer<Vec<AuditEvent>>> {
    call.json(move |app, caller| assessments::audit_trail(app, caller, path.into_inner()))
        .await
}
