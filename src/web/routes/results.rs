//! Consolidated results of an assessment, for everyone who may see it.

use crate::app::results::{self, ResultsView};
use crate::domain::ids::AssessmentId;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, web};

/// Consolidated results: per question, sub-area, area and overall, with
/// Intention, Reality, combined, the gap and disagreement flags.
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path)),
    responses((status = 200, body = ResultsView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/results")]
pub async fn get(call: Call, path: web::Path<AssessmentId>) -> ApiResult<JsonAnswer<ResultsView>> {
    call.kept_json(move |app, caller| results::of_assessment(app, caller, path.into_inner()))
        .await
}
