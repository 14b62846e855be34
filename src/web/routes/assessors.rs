//! The assessment team: the lead adds and removes co-assessors until the
//! assessment is final.

use crate::app::assessment_team::{self, AssessorRequest};
use crate::app::assessments::AssessmentView;
use crate::app::sessions::Identity;
use crate::web::problem::{ApiResult, Problem};
use crate::web::state::AppState;
use actix_web::{delete, post, web};

/// Adds a co-assessor (lead or admin).
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path)), request_body = AssessorRequest,
    responses((status = 200, body = AssessmentView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments/{id}/assessors")]
pub async fn add(
    state: web::Data<AppState>,
    auth: Identity,
    path: web::Path<i32>,
    body: web::Json<AssessorRequest>,
) -> ApiResult<web::Json<AssessmentView>> {
    let (id, body) = (path.into_inner(), body.into_inner());
    let updated = state
        .run(move |app| assessment_team::add(app, &auth.caller, id, body))
        .await?;
    Ok(web::Json(updated))
}

/// Removes a co-assessor; their scores stay in the audit trail but leave the results.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path), ("user_id" = i32, Path)),
    responses((status = 200, body = AssessmentView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[delete("/assessments/{id}/assessors/{user_id}")]
pub async fn remove(
    state: web::Data<AppState>,
    auth: Identity,
    path: web::Path<(i32, i32)>,
) -> ApiResult<web::Json<AssessmentView>> {
    let (id, user_id) = path.into_inner();
    let updated = state
        .run(move |app| assessment_team::remove(app, &auth.caller, id, user_id))
        .await?;
    Ok(web::Json(updated))
}
