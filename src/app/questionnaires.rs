//! Questionnaire versions: imported from TOML, immutable afterwards. The
//! same content again is accepted; other content under a stored version is
//! refused, so a changed file must bump its version.

use super::error::{AppError, AppResult};
use super::permissions::{require, STAFF};
use super::App;
use crate::db::questionnaires::{Import, StoredQuestionnaire};
use crate::domain::questionnaire::{self, Questionnaire};
use crate::domain::role::Caller;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
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
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct QuestionnaireDetail {
    #[serde(flatten)]
    pub summary: QuestionnaireSummary,
    pub definition: Questionnaire,
}

/// A stored version, and whether this import stored it.
pub struct QuestionnaireImport {
    /// False when the same content was stored under this version already.
    pub created: bool,
    /// The stored version.
    pub summary: QuestionnaireSummary,
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

/// The questionnaire versions of the caller's organisation (staff).
pub fn list(app: &App, caller: &Caller) -> AppResult<Vec<QuestionnaireSummary>> {
    require(caller, STAFF, "list questionnaires")?;
    app.read(|conn| {
        StoredQuestionnaire::list_in(conn, caller.organisation_id.get())?
            .iter()
            .map(|s| Ok(summary(s, &s.definition()?)))
            .collect()
    })
}

/// One questionnaire version with all its areas, questions and guidance (staff).
pub fn get(app: &App, caller: &Caller, id: i32) -> AppResult<QuestionnaireDetail> {
    require(caller, STAFF, "read questionnaires")?;
    let stored = app.read(|conn| {
        StoredQuestionnaire::find_in(conn, caller.organisation_id.get(), id)?
            .ok_or_else(|| AppError::not_found("questionnaire"))
    })?;
    let definition = stored.definition()?;
    Ok(QuestionnaireDetail {
        summary: summary(&stored, &definition),
        definition,
    })
}

/// Refuses a caller who may not import questionnaires; the API asks before
/// it reads the file.
pub fn may_import(caller: &Caller) -> AppResult<()> {
    require(caller, STAFF, "import questionnaires")
}

/// Imports a questionnaire version from its TOML source (staff).
pub fn import(app: &App, caller: &Caller, source: &str) -> AppResult<QuestionnaireImport> {
    may_import(caller)?;
    let parsed = questionnaire::load("request body", source)
        .map_err(|e| AppError::invalid("invalid_questionnaire", e.to_string()))?;
    let (created, stored) = app.write(|conn| {
        match StoredQuestionnaire::import(conn, caller.organisation_id.get(), &parsed)? {
            Import::Created(s) => Ok((true, s)),
            Import::AlreadyPresent(s) => Ok((false, s)),
            Import::Conflict(s) => Err(AppError::conflict(
                "version_exists",
                format!(
                    "{} version {} was imported before with other content; give the changed file a new version",
                    s.questionnaire_key, s.version
                ),
            )),
        }
    })?;
    Ok(QuestionnaireImport {
        created,
        summary: summary(&stored, &stored.definition()?),
    })
}
