//! Scoring: each assessor answers each question on Intention and Reality (or
//! N/A with a reason); the lead may set an agreed answer; results consolidate.

use crate::app::scores::{self, AgreedView, ScoreInput, ScoreView, Whose};
use crate::domain::ids::AssessmentId;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiError, ApiResult, Problem};
use actix_web::{delete, get, put, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
pub struct ScoresQuery {
    /// `all` (lead and admins only) or omitted for your own answers.
    pub assessor: Option<String>,
}

/// Saves the caller's answer to one question. The first answer moves a draft
/// assessment to in progress.
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path, minimum = 1), ("question_id" = String, Path)),
    request_body = ScoreInput,
    responses((status = 200, body = ScoreView), (status = 401, body = Problem), (status = 403, body = Problem, description = "Not an assessor"),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "Final assessment or stale version"),
        (status = 422, body = Problem, description = "Unknown question, score out of range, N/A without reason")))]
#[put("/assessments/{id}/scores/{question_id}")]
pub async fn save(
    call: Call,
    path: web::Path<(AssessmentId, String)>,
    body: web::Json<ScoreInput>,
) -> ApiResult<JsonAnswer<ScoreView>> {
    let (id, question_id) = path.into_inner();
    call.soon_json(move |app, caller| scores::save(app, caller, id, question_id, body.into_inner()))
        .await
}

/// Answers given so far: your own, or with `assessor=all` everyone's (lead and admins).
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path), ScoresQuery),
    responses((status = 200, body = Vec<ScoreView>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scores")]
pub async fn list(
    call: Call,
    path: web::Path<AssessmentId>,
    query: web::Query<ScoresQuery>,
) -> ApiResult<JsonAnswer<Vec<ScoreView>>> {
    let id = path.into_inner();
    let whose = match query.assessor.as_deref() {
        None | Some("me") => Whose::Mine,
        Some("all") => Whose::Everyone,
        Some(other) => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("assessor must be `all` or `me`, not `{other}`"),
            ))
        }
    };
    call.json(move |app, caller| scores::list(app, caller, id, whose))
        .await
}

/// Sets the agreed answer of a question (lead only); it replaces the assessors' mean.
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path, minimum = 1), ("question_id" = String, Path)),
    request_body = ScoreInput,
    responses((status = 200, body = AgreedView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/assessments/{id}/agreed/{question_id}")]
pub async fn agree(
    call: Call,
    path: web::Path<(AssessmentId, String)>,
    body: web::Json<ScoreInput>,
) -> ApiResult<JsonAnswer<AgreedView>> {
    let (id, question_id) = path.into_inner();
    call.json(move |app, caller| scores::agree(app, caller, id, &question_id, &body))
        .await
}

/// Clears an agreed answer, so the assessors' mean applies again.
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path), ("question_id" = String, Path)),
    responses((status = 204, description = "Cleared"), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[delete("/assessments/{id}/agreed/{question_id}")]
pub async fn clear_agreed(
    call: Call,
    path: web::Path<(AssessmentId, String)>,
) -> ApiResult<HttpResponse> {
    let (id, question_id) = path.into_inner();
    call.no_content(move |app, caller| scores::clear_agreed(app, caller, id, &question_id))
        .await
}
