//! Questionnaire versions: imported from TOML, immutable afterwards.

use crate::db::questionnaires::{Import, StoredQuestionnaire};
use crate::domain::questionnaire::{self, Questionnaire};
use crate::domain::role::Role;
use crate::web::body::file_body;
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::{Auth, AuthShim};
use crate::web::state::AppState;
use crate::web::FILE_LIMIT;
use actix_web::{get, post, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireSummary {
    /// The id of this stored version; assessments refer to it.
    pub id: i32,
    /// The questionnaire's own id, the same across versions.
    pub key: String,
    pub version: String,
    pub title: String,
    pub content_hash: String,
    pub question_count: usize,
    pub imported_at: chrono::NaiveDateTime,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireDetail {
    #[serde(flatten)]
    pub summary: QuestionnaireSummary,
    pub definition: Questionnaire,
}

fn summary(stored: &StoredQuestionnaire, q: &Questionnaire) -> QuestionnaireSummary {
    QuestionnaireSummary {
        id: stored.id,
        key: stored.questionnaire_key.clone(),
        version: stored.version.clone(),
        title: stored.title.clone(),
        content_hash: stored.content_hash.clone(),
        question_count: q.question_count(),
        imported_at: stored.imported_at,
    }
}

/// The questionnaire versions of the caller's organisation.
#[utoipa::path(context_path = "/api/v1", tag = "questionnaires",
    responses((status = 200, body = Vec<QuestionnaireSummary>), (status = 401, body = Problem)))]
#[get("/questionnaires")]
pub async fn list(
    state: web::Data<AppState>,
    auth: Auth,
) -> ApiResult<web::Json<Vec<QuestionnaireSummary>>> {
    let organisation_id = auth
        .require(&[Role::Admin, Role::Consultant], "list questionnaires")?
        .organisation_id;
    let summaries = state
        .read(move |conn| {
            StoredQuestionnaire::list_in(conn, organisation_id)?
                .iter()
                .map(|s| Ok(summary(s, &s.definition()?)))
                .collect()
        })
        .await?;
    Ok(web::Json(summaries))
}

/// One questionnaire version with all its areas, questions and guidance.
#[utoipa::path(context_path = "/api/v1", tag = "questionnaires", params(("id" = i32, Path)),
    responses((status = 200, body = QuestionnaireDetail), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/questionnaires/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<web::Json<QuestionnaireDetail>> {
    let organisation_id = auth
        .require(&[Role::Admin, Role::Consultant], "read questionnaires")?
        .organisation_id;
    let id = path.into_inner();
    let stored = state
        .read(move |conn| {
            StoredQuestionnaire::find_in(conn, organisation_id, id)?
                .ok_or_else(|| ApiError::not_found("questionnaire"))
        })
        .await?;
    let definition = stored.definition()?;
    Ok(web::Json(QuestionnaireDetail {
        summary: summary(&stored, &definition),
        definition,
    }))
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
pub async fn import(
    state: web::Data<AppState>,
    auth: Auth,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "import questionnaires")?;
    let body = file_body(payload, FILE_LIMIT, "a questionnaire file").await?;
    let source = std::str::from_utf8(&body).map_err(|e| {
        ApiError::bad_request("not_utf8", format!("the body is not UTF-8 text: {e}"))
    })?;
    let parsed = questionnaire::load("request body", source)
        .map_err(|e| ApiError::invalid("invalid_questionnaire", e.to_string()))?;
    let (created, stored) = state
        .write(move |conn| match StoredQuestionnaire::import(conn, caller.organisation_id, &parsed)? {
            Import::Created(s) => Ok((true, s)),
            Import::AlreadyPresent(s) => Ok((false, s)),
            Import::Conflict(s) => Err(ApiError::conflict(
                "version_exists",
                format!(
                    "{} version {} was imported before with other content; give the changed file a new version",
                    s.questionnaire_key, s.version
                ),
            )),
        })
        .await?;
    let view = summary(&stored, &stored.definition()?);
    Ok(if created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    }
    .json(view))
}
