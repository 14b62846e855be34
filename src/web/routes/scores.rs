//! Scoring: each assessor answers each question on Intention and Reality (or
//! N/A with a reason); the lead may set an agreed answer; results consolidate.

use super::assessments::{assessment_or_404, require_lead};
use crate::db::agreed::AgreedRow;
use crate::db::assessments::Assessment;
use crate::db::audit::{AuditEvent, Change};
use crate::db::questionnaires::QuestionnaireCache;
use crate::db::scores::{AnswerFields, Saved, ScoreRow};
use crate::db::AnyConnection;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::role::{Caller, Role};
use crate::web::input::{optional, required, LONG_TEXT};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use actix_web::{delete, get, put, web, HttpResponse};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};

/// An answer to one question.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreInput {
    /// 0–10 (the questionnaire's scale): a clear plan, communicated and bought into.
    pub intention: Option<i64>,
    /// 0–10: evidence that it is fully implemented and used.
    pub reality: Option<i64>,
    /// Not applicable to this client; needs `na_reason` and no scores.
    #[serde(default)]
    pub not_applicable: bool,
    pub na_reason: Option<String>,
    /// The evidence behind the score.
    pub evidence: Option<String>,
    /// For assessor scores: the version you read (0 for a new answer). A stale one gets 409.
    pub version: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScoreView {
    pub question_id: String,
    pub assessor_id: i32,
    pub intention: Option<i32>,
    pub reality: Option<i32>,
    pub not_applicable: bool,
    pub na_reason: Option<String>,
    pub evidence: Option<String>,
    pub version: i32,
    pub updated_at: chrono::NaiveDateTime,
}

impl From<ScoreRow> for ScoreView {
    fn from(r: ScoreRow) -> ScoreView {
        ScoreView {
            question_id: r.question_id,
            assessor_id: r.assessor_id,
            intention: r.intention,
            reality: r.reality,
            not_applicable: r.na_reason.is_some(),
            na_reason: r.na_reason,
            evidence: r.evidence,
            version: r.version,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgreedView {
    pub question_id: String,
    pub intention: Option<i32>,
    pub reality: Option<i32>,
    pub not_applicable: bool,
    pub na_reason: Option<String>,
    pub evidence: Option<String>,
    pub set_by: i32,
    pub updated_at: chrono::NaiveDateTime,
}

impl From<AgreedRow> for AgreedView {
    fn from(r: AgreedRow) -> AgreedView {
        AgreedView {
            question_id: r.question_id,
            intention: r.intention,
            reality: r.reality,
            not_applicable: r.na_reason.is_some(),
            na_reason: r.na_reason,
            evidence: r.evidence,
            set_by: r.set_by,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Deserialize, IntoParams)]
pub struct ScoresQuery {
    /// `all` (lead and admins only) or omitted for your own answers.
    pub assessor: Option<String>,
}

/// Checks an answer against the questionnaire's scale and the field limits.
pub(super) fn fields(input: &ScoreInput, questionnaire: &Questionnaire) -> ApiResult<AnswerFields> {
    let evidence = optional("evidence", input.evidence.as_deref(), LONG_TEXT)?;
    if input.not_applicable {
        if input.intention.is_some() || input.reality.is_some() {
            return Err(ApiError::invalid(
                "na_with_scores",
                "an N/A answer carries no intention or reality score",
            ));
        }
        let reason = required(
            "na_reason",
            input.na_reason.as_deref().unwrap_or(""),
            LONG_TEXT,
        )?;
        return Ok(AnswerFields {
            intention: None,
            reality: None,
            na_reason: Some(reason),
            evidence,
        });
    }
    if input.na_reason.is_some() {
        return Err(ApiError::invalid(
            "reason_without_na",
            "`na_reason` goes with `not_applicable: true`",
        ));
    }
    let scale = &questionnaire.scale;
    let dimension = |name: &str, value: Option<i64>| -> ApiResult<i32> {
        let value = value.ok_or_else(|| {
            ApiError::invalid(
                "missing_score",
                format!("`{name}` is required (or set `not_applicable: true` with a reason)"),
            )
        })?;
        let score = scale
            .score(value)
            .map_err(|e| ApiError::invalid("score_out_of_range", format!("`{name}`: {e}")))?;
        Ok(i32::from(score.get()))
    };
    Ok(AnswerFields {
        intention: Some(dimension("intention", input.intention)?),
        reality: Some(dimension("reality", input.reality)?),
        na_reason: None,
        evidence,
    })
}

/// The assessment, its questionnaire and the question, checked for a change
/// of an answer: visible, not final, and the question in its questionnaire.
fn answerable(
    conn: &mut AnyConnection,
    cache: &QuestionnaireCache,
    caller: &Caller,
    id: i32,
    question_id: &str,
    may_answer: impl FnOnce(&mut AnyConnection, &Assessment) -> ApiResult<()>,
) -> ApiResult<(Assessment, Arc<Questionnaire>)> {
    let assessment = assessment_or_404(conn, caller, id)?;
    may_answer(conn, &assessment)?;
    if !assessment.status().accepts_scores() {
        return Err(ApiError::conflict(
            "assessment_final",
            "the assessment is final; its scores can no longer change",
        ));
    }
    let questionnaire = cache
        .get(conn, caller.organisation_id, assessment.questionnaire_id)?
        .ok_or_else(|| ApiError::Internal("assessment without its questionnaire".into()))?;
    if questionnaire.question(question_id).is_none() {
        return Err(ApiError::invalid(
            "unknown_question",
            format!(
                "question `{question_id}` is not in {} {}",
                questionnaire.id, questionnaire.version
            ),
        ));
    }
    Ok((assessment, questionnaire))
}

pub(super) fn assessors_only(
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment: &Assessment,
) -> ApiResult<()> {
    if Assessment::assessors(conn, assessment.id)?.contains(&caller.user_id) {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "not_an_assessor",
            "only the assessors of this assessment may score it",
        ))
    }
}

/// Records a change of an answer in the assessment's audit trail.
pub(super) fn record_answer_change(
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment_id: i32,
    action: &str,
    question_id: &str,
    before: Option<AnswerFields>,
    after: Option<AnswerFields>,
) -> ApiResult<()> {
    let json = |value: Option<AnswerFields>| {
        value.map(|v| serde_json::json!({ "question_id": question_id, "answer": v }).to_string())
    };
    AuditEvent::record(
        conn,
        Change {
            organisation_id: caller.organisation_id,
            actor_id: Some(caller.user_id),
            entity: "assessment",
            entity_id: assessment_id,
            action,
            before: json(before),
            after: json(after),
        },
    )?;
    Ok(())
}

/// Saves the caller's answer to one question. The first answer moves a draft
/// assessment to in progress.
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path), ("question_id" = String, Path)),
    request_body = ScoreInput,
    responses((status = 200, body = ScoreView), (status = 401, body = Problem), (status = 403, body = Problem, description = "Not an assessor"),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "Final assessment or stale version"),
        (status = 422, body = Problem, description = "Unknown question, score out of range, N/A without reason")))]
#[put("/assessments/{id}/scores/{question_id}")]
pub async fn save(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, String)>,
    body: web::Json<ScoreInput>,
) -> ApiResult<web::Json<ScoreView>> {
    let (caller, (id, question_id)) = (auth.caller(), path.into_inner());
    let cache = state.questionnaires.clone();
    let saved = state
        .write(move |conn| {
            let (assessment, questionnaire) = answerable(conn, &cache, &caller, id, &question_id, |conn, a| {
                assessors_only(conn, &caller, a)
            })?;
            let fields = fields(&body, &questionnaire)?;
            let (before, after) = match ScoreRow::save(conn, id, caller.user_id, &question_id, &fields, body.version)? {
                Saved::Written { before, after } => (before, after),
                Saved::Stale { current } => return Err(ApiError::conflict(
                    "stale_version",
                    format!("your answer changed since you read it (now version {}); reload and try again", current.version),
                )),
                Saved::Missing => return Err(ApiError::conflict(
                    "stale_version",
                    "you have no answer to this question yet; send version 0 or none",
                )),
            };
            Assessment::start_if_draft(conn, assessment.id)?;
            record_answer_change(conn, &caller, id, "score.save", &question_id, before.map(|b| b.fields()), Some(after.fields()))?;
            Ok(after)
        })
        .await?;
    Ok(web::Json(saved.into()))
}

/// Answers given so far: your own, or with `assessor=all` everyone's (lead and admins).
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path), ScoresQuery),
    responses((status = 200, body = Vec<ScoreView>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scores")]
pub async fn list(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    query: web::Query<ScoresQuery>,
) -> ApiResult<web::Json<Vec<ScoreView>>> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "read individual scores")?;
    let id = path.into_inner();
    let all = match query.assessor.as_deref() {
        None | Some("me") => false,
        Some("all") => true,
        Some(other) => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("assessor must be `all` or `me`, not `{other}`"),
            ))
        }
    };
    let rows = state
        .read(move |conn| {
            let assessment = assessment_or_404(conn, &caller, id)?;
            if all {
                require_lead(&caller, &assessment, "read every assessor's scores")?;
                Ok(ScoreRow::list_for_assessment(conn, id)?)
            } else {
                Ok(ScoreRow::list_for_assessor(conn, id, caller.user_id)?)
            }
        })
        .await?;
    Ok(web::Json(rows.into_iter().map(ScoreView::from).collect()))
}

/// Sets the agreed answer of a question (lead only); it replaces the assessors' mean.
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path), ("question_id" = String, Path)),
    request_body = ScoreInput,
    responses((status = 200, body = AgreedView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/assessments/{id}/agreed/{question_id}")]
pub async fn agree(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, String)>,
    body: web::Json<ScoreInput>,
) -> ApiResult<web::Json<AgreedView>> {
    let (caller, (id, question_id)) = (auth.caller(), path.into_inner());
    let cache = state.questionnaires.clone();
    let row = state
        .write(move |conn| {
            let (assessment, questionnaire) =
                answerable(conn, &cache, &caller, id, &question_id, |_, a| {
                    require_lead(&caller, a, "set agreed scores")
                })?;
            let fields = fields(&body, &questionnaire)?;
            let (before, after) = AgreedRow::save(conn, id, &question_id, &fields, caller.user_id)?;
            Assessment::start_if_draft(conn, assessment.id)?;
            Assessment::touch(conn, assessment.id)?;
            let before = before.map(|b| b.fields());
            record_answer_change(
                conn,
                &caller,
                id,
                "agreed.save",
                &question_id,
                before,
                Some(after.fields()),
            )?;
            Ok(after)
        })
        .await?;
    Ok(web::Json(row.into()))
}

/// Clears an agreed answer, so the assessors' mean applies again.
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path), ("question_id" = String, Path)),
    responses((status = 204, description = "Cleared"), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[delete("/assessments/{id}/agreed/{question_id}")]
pub async fn clear_agreed(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, String)>,
) -> ApiResult<HttpResponse> {
    let (caller, (id, question_id)) = (auth.caller(), path.into_inner());
    let cache = state.questionnaires.clone();
    state
        .write(move |conn| {
            let (assessment, _) = answerable(conn, &cache, &caller, id, &question_id, |_, a| {
                require_lead(&caller, a, "clear agreed scores")
            })?;
            let before = AgreedRow::clear(conn, id, &question_id)?
                .ok_or_else(|| ApiError::not_found("agreed score"))?;
            Assessment::touch(conn, assessment.id)?;
            record_answer_change(
                conn,
                &caller,
                id,
                "agreed.clear",
                &question_id,
                Some(before.fields()),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
