//! Consolidated results of an assessment, for everyone who may see it.

use super::assessments::assessment_or_404;
use crate::app::results as consolidated;
use crate::domain::assessment::Status;
use crate::domain::scoring::Results;
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsView {
    pub assessment_id: i32,
    pub status: Status,
    pub questionnaire_id: i32,
    pub questionnaire_version: String,
    #[serde(flatten)]
    pub results: Results,
}

/// Consolidated results: per question, sub-area, area and overall, with
/// Intention, Reality, combined, the gap and disagreement flags.
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path)),
    responses((status = 200, body = ResultsView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/results")]
pub async fn get(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<web::Json<ResultsView>> {
    let (caller, id) = (auth.caller(), path.into_inner());
    let cache = state.questionnaires.clone();
    let view = state
        .read(move |conn| {
            let assessment = assessment_or_404(conn, &caller, id)?;
            let questionnaire = cache
                .get(conn, caller.organisation_id, assessment.questionnaire_id)?
                .ok_or_else(|| ApiError::Internal("assessment without its questionnaire".into()))?;
            Ok(ResultsView {
                assessment_id: assessment.id,
                status: assessment.status(),
                questionnaire_id: assessment.questionnaire_id,
                questionnaire_version: questionnaire.version.clone(),
                results: consolidated::load(conn, &assessment, &questionnaire)?,
            })
        })
        .await?;
    Ok(web::Json(view))
}
