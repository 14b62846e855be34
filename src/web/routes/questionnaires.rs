//! Questionnaire versions (see `app::questionnaires`): imported from TOML,
//! immutable afterwards.

use crate::app::limits::MAX_QUESTIONNAIRE;
use crate::app::questionnaires::{self, QuestionnaireDetail, QuestionnaireSummary};
use crate::web::body::file_body;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiError, ApiResult, Problem};
use actix_web::{get, post, web, HttpResponse};

/// The questionnaire versions of the caller's organisation.
#[utoipa::path(context_path = "/api/v1", tag = "questionnaires",
    responses((status = 200, body = Vec<QuestionnaireSummary>), (status = 401, body = Problem)))]
#[get("/questionnaires")]
pub async fn list(call: Call) -> ApiResult<JsonAnswer<Vec<QuestionnaireSummary>>> {
    call.json(questionnaires::list).await
}

/// One questionnaire version with all its areas, questions and guidance.
#[utoipa::path(context_path = "/api/v1", tag = "questionnaires", params(("id" = i32, Path)),
    responses((status = 200, body = QuestionnaireDetail), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/questionnaires/{id}")]
pub async fn get(call: Call, path: web::Path<i32>) -> ApiResult<JsonAnswer<QuestionnaireDetail>> {
    call.json(move |app, caller| questionnaires::get(app, caller, path.into_inner()))
        .await
}

/// Imports a questionnaire version from its TOML source (the request body).
/// The same content again is accepted (200); other content under an existing
/// version is refused (409): bump the version.
#[utoipa::path(context_path = "/api/v1", tag = "questionnaires",
    request_body(content = String, content_type = "application/toml", description = "The questionnaire file"),
    responses((status = 201, body = QuestionnaireSummary, description = "Imported"),
        (status = 200, body = QuestionnaireSummary, description = "This exact version was imported before"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem, description = "The version exists with other content"),
        (status = 422, body = Problem, description = "Invalid file; every problem with line and column")))]
#[post("/questionnaires")]
pub async fn import(call: Call, payload: web::Payload) -> ApiResult<HttpResponse> {
    questionnaires::may_import(&call.identity.caller)?;
    let body = file_body(payload, MAX_QUESTIONNAIRE, "a questionnaire file").await?;
    let source = std::str::from_utf8(&body)
        .map_err(|e| ApiError::bad_request("not_utf8", format!("the body is not UTF-8 text: {e}")))?
        .to_owned();
    let imported = call
        .run(move |app, caller| questionnaires::import(app, caller, &source))
        .await?;
    Ok(if imported.created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    }
    .json(imported.summary))
}
