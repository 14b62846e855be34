//! Fieldwork over HTTP: the interview plan, the evidence coverage, the
//! division of the areas among the assessors, and each assessor's work.

use crate::app::fieldwork::{self, Assignments, Coverage, WorkItem};
use crate::app::interviews::{self, InterviewInput, InterviewView};
use crate::app::notices;
use crate::domain::ids::AssessmentId;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, post, put, web, HttpResponse};

/// The interview plan, in time order.
#[utoipa::path(context_path = "/api/v1", tag = "fieldwork", params(("id" = i32, Path, minimum = 1)),
    responses((status = 200, body = Vec<InterviewView>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/interviews")]
pub async fn interview_plan(
    call: Call,
    path: web::Path<AssessmentId>,
) -> ApiResult<JsonAnswer<Vec<InterviewView>>> {
    let id = path.into_inner();
    call.json(move |app, caller| interviews::list(app, caller, id))
        .await
}

/// Plans an interview (an evidence item that answers may cite).
#[utoipa::path(context_path = "/api/v1", tag = "fieldwork", params(("id" = i32, Path, minimum = 1)),
    request_body = InterviewInput,
    responses((status = 201, body = InterviewView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments/{id}/interviews")]
pub async fn plan_interview(
    call: Call,
    path: web::Path<AssessmentId>,
    body: web::Json<InterviewInput>,
) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    call.created(move |app, caller| interviews::plan(app, caller, id, &body))
        .await
}

/// Replaces an interview's fields, with the version you read (its notes autosave through this).
#[utoipa::path(context_path = "/api/v1", tag = "fieldwork", params(("id" = i32, Path, minimum = 1), ("interview_id" = i32, Path, minimum = 1)),
    request_body = InterviewInput,
    responses((status = 200, body = InterviewView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "Final assessment or stale version"), (status = 422, body = Problem)))]
#[put("/assessments/{id}/interviews/{interview_id}")]
pub async fn update_interview(
    call: Call,
    path: web::Path<(AssessmentId, i32)>,
    body: web::Json<InterviewInput>,
) -> ApiResult<JsonAnswer<InterviewView>> {
    let (id, interview_id) = path.into_inner();
    call.json(move |app, caller| interviews::update(app, caller, id, interview_id, &body))
        .await
}

/// Areas × functions of the held interviews, the documents per area, and the areas nothing covers yet.
#[utoipa::path(context_path = "/api/v1", tag = "fieldwork", params(("id" = i32, Path, minimum = 1)),
    responses((status = 200, body = Coverage), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/coverage")]
pub async fn coverage(
    call: Call,
    path: web::Path<AssessmentId>,
) -> ApiResult<JsonAnswer<Coverage>> {
    let id = path.into_inner();
    call.json(move |app, caller| fieldwork::coverage(app, caller, id))
        .await
}

/// Who scores which areas or sub-areas.
#[utoipa::path(context_path = "/api/v1", tag = "fieldwork", params(("id" = i32, Path, minimum = 1)),
    responses((status = 200, body = Assignments), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/assignments")]
pub async fn assignments(
    call: Call,
    path: web::Path<AssessmentId>,
) -> ApiResult<JsonAnswer<Assignments>> {
    let id = path.into_inner();
    call.json(move |app, caller| fieldwork::assignments(app, caller, id))
        .await
}

/// Replaces the division of the areas (the lead); an area may have several assessors.
#[utoipa::path(context_path = "/api/v1", tag = "fieldwork", params(("id" = i32, Path, minimum = 1)),
    request_body = Assignments,
    responses((status = 200, body = Assignments), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/assessments/{id}/assignments")]
pub async fn assign(
    call: Call,
    path: web::Path<AssessmentId>,
    body: web::Json<Assignments>,
) -> ApiResult<JsonAnswer<Assignments>> {
    let id = path.into_inner();
    call.json(move |app, caller| fieldwork::assign(app, caller, id, &body))
        .await
}

/// My work: the open assessments I lead or score, my areas' progress and the next step of each.
#[utoipa::path(context_path = "/api/v1", tag = "fieldwork",
    responses((status = 200, body = Vec<WorkItem>), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/me/work")]
pub async fn my_work(call: Call) -> ApiResult<JsonAnswer<Vec<WorkItem>>> {
    call.json(fieldwork::my_work).await
}

/// A co-assessor tells the lead their areas are scored and ready for
/// review: the lead gets a letter (with mail configured) and the trail a line.
#[utoipa::path(context_path = "/api/v1", tag = "fieldwork", params(("id" = i32, Path, minimum = 1)),
    responses((status = 204, description = "The lead is told"), (status = 401, body = Problem),
        (status = 403, body = Problem, description = "Not a co-assessor of it (`not_a_co_assessor`)"),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "It is final")))]
#[post("/assessments/{id}/ready")]
pub async fn ready(call: Call, path: web::Path<AssessmentId>) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    call.no_content(move |app, caller| notices::ready(app, caller, id))
        .await
}
