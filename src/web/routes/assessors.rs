//! The assessment team: the lead adds and removes co-assessors until the
//! assessment is final.

use crate::app::assessment_team::{self, AssessorRequest};
use crate::app::assessments::AssessmentView;
use crate::domain::ids::{AssessmentId, UserId};
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{delete, post, web};

/// Adds a co-assessor (lead or admin).
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path)), request_body = AssessorRequest,
    responses((status = 200, body = AssessmentView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments/{id}/assessors")]
pub async fn add(
    call: Call,
    path: web::Path<AssessmentId>,
    body: web::Json<AssessorRequest>,
) -> ApiResult<JsonAnswer<AssessmentView>> {
    let (id, body) = (path.into_inner(), body.into_inner());
    call.json(move |app, caller| assessment_team::add(app, caller, id, body))
        .await
}

/// Removes a co-assessor; their scores stay in the audit trail but leave the results.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path), ("user_id" = i32, Path)),
    responses((status = 200, body = AssessmentView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[delete("/assessments/{id}/assessors/{user_id}")]
pub async fn remove(
    call: Call,
    path: web::Path<(AssessmentId, UserId)>,
) -> ApiResult<JsonAnswer<AssessmentView>> {
    let (id, user_id) = path.into_inner();
    call.json(move |app, caller| assessment_team::remove(app, caller, id, user_id))
        .await
}
