//! Scoring: each assessor answers each question on Intention and Reality (or
//! N/A with a reason); the lead may set an agreed answer, which replaces
//! the assessors' mean. Every change of an answer is audited.

use super::assessments::{require_lead, require_open, start_if_draft, visible};
use super::error::{AppError, AppResult};
use super::evidence::citing::cite;
use super::input::{optional, required, LONG_TEXT};
use super::permissions::{require, STAFF};
use super::soon::Soon;
use super::App;
use crate::db::agreed::AgreedRow;
use crate::db::assessments::Assessment;
use crate::db::audit::{AuditEvent, Change};
use crate::db::evidence::Citation;
use crate::db::scores::{AnswerFields, Saved, ScoreRow};
use crate::db::AnyConnection;
use crate::domain::ids::AssessmentId;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::role::Caller;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
use utoipa::ToSchema;

/// An answer to one question.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct ScoreInput {
    /// 0–10 (the questionnaire's scale): a clear plan, communicated and bought into.
    #[schema(minimum = 0, maximum = 100)]
    pub intention: Option<i64>,
    /// 0–10: evidence that it is fully implemented and used.
    #[schema(minimum = 0, maximum = 100)]
    pub reality: Option<i64>,
    /// Not applicable to this client; needs `na_reason` and no scores.
    #[serde(default)]
    pub not_applicable: bool,
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(min_length = 1, max_length = 10000, pattern = "text-not-blank")]
    pub na_reason: Option<String>,
    /// The evidence behind the score.
    #[schema(max_length = 10000, pattern = "text")]
    pub evidence: Option<String>,
    /// For assessor scores: the version you read (0 for a new answer). A stale one gets 409.
    pub version: Option<i32>,
    /// For assessor scores: the evidence items the answer cites (replacing
    /// those it cited); absent leaves them as they are.
    #[schema(max_items = 200)]
    pub evidence_ids: Option<Vec<i32>>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
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
    /// Both scores, or N/A with its reason. A partial answer is kept as a
    /// draft and left out of results until it is complete.
    pub complete: bool,
    /// The evidence items the answer cites.
    pub evidence_ids: Vec<i32>,
}

impl ScoreView {
    /// The answer with the items it cites.
    pub fn new(r: ScoreRow, evidence_ids: Vec<i32>) -> ScoreView {
        let complete = r.fields().complete();
        ScoreView {
            question_id: r.question_id,
            assessor_id: r.assessor_id,
            intention: r.intention,
            reality: r.reality,
            not_applicable: r.not_applicable,
            na_reason: r.na_reason,
            evidence: r.evidence,
            version: r.version,
            updated_at: r.updated_at,
            complete,
            evidence_ids,
        }
    }
}

/// Answers with what each cites, from an assessment's citations.
pub(super) fn with_citations(rows: Vec<ScoreRow>, citations: &[Citation]) -> Vec<ScoreView> {
    let mut cited: HashMap<(i32, &str), Vec<i32>> = HashMap::new();
    for c in citations {
        cited
            .entry((c.assessor_id, c.question_id.as_str()))
            .or_default()
            .push(c.evidence_id);
    }
    rows.into_iter()
        .map(|r| {
            let ids = cited
                .get(&(r.assessor_id, r.question_id.as_str()))
                .cloned()
                .unwrap_or_default();
            ScoreView::new(r, ids)
        })
        .collect()
}

#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct AgreedView {
    pub question_id: String,
    pub intention: Option<i32>,
    pub reality: Option<i32>,
    pub not_applicable: bool,
    pub na_reason: Option<String>,
    pub evidence: Option<String>,
    pub set_by: i32,
    pub updated_at: chrono::NaiveDateTime,
    /// Send it back with a change (`version`); a stale one gets 409.
    pub version: i32,
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
            version: r.version,
        }
    }
}

/// Whose answers a listing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    /// The caller's own.
    Mine,
    /// Every assessor's (the lead and admins).
    Everyone,
}

/// Whether a partial answer (a draft) may be stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drafts {
    /// An assessor's own answer: kept as typed, counted once complete.
    Allowed,
    /// Agreed scores and workbook rows: complete or refused.
    Refused,
}

/// Checks an answer against the questionnaire's scale and the field limits.
/// With [`Drafts::Allowed`] a missing score or N/A reason is kept as a
/// draft rather than refused; a value given is always checked.
pub fn answer_fields(
    input: &ScoreInput,
    questionnaire: &Questionnaire,
    drafts: Drafts,
) -> AppResult<AnswerFields> {
    let evidence = optional("evidence", input.evidence.as_deref(), LONG_TEXT)?;
    if input.not_applicable {
        if input.intention.is_some() || input.reality.is_some() {
            return Err(AppError::invalid(
                "na_with_scores",
                "an N/A answer carries no intention or reality score",
            ));
        }
        let reason = match input.na_reason.as_deref().map(str::trim) {
            Some(reason) if !reason.is_empty() || drafts == Drafts::Refused => {
                Some(required("na_reason", reason, LONG_TEXT)?)
            }
            None if drafts == Drafts::Refused => Some(required("na_reason", "", LONG_TEXT)?),
            _ => None,
        };
        return Ok(AnswerFields {
            intention: None,
            reality: None,
            not_applicable: true,
            na_reason: reason,
            evidence,
        });
    }
    if input.na_reason.is_some() {
        return Err(AppError::invalid_field(
            "reason_without_na",
            "na_reason",
            "`na_reason` goes with `not_applicable: true`",
        ));
    }
    let scale = &questionnaire.scale;
    let dimension = |name: &str, value: Option<i64>| -> AppResult<Option<i32>> {
        let Some(value) = value else {
            return match drafts {
                Drafts::Allowed => Ok(None),
                Drafts::Refused => Err(AppError::invalid_field(
                    "missing_score",
                    name,
                    format!("`{name}` is required (or set `not_applicable: true` with a reason)"),
                )),
            };
        };
        let score = scale.score(value).map_err(|e| {
            AppError::invalid_field("score_out_of_range", name, format!("`{name}`: {e}"))
        })?;
        Ok(Some(i32::from(score.get())))
    };
    Ok(AnswerFields {
        intention: dimension("intention", input.intention)?,
        reality: dimension("reality", input.reality)?,
        not_applicable: false,
        na_reason: None,
        evidence,
    })
}

/// The assessment's questionnaire, which every stored assessment has.
pub(super) fn questionnaire_of(
    app: &App,
    conn: &mut AnyConnection,
    assessment: &Assessment,
) -> AppResult<Arc<Questionnaire>> {
    app.questionnaires
        .get(
            conn,
            assessment.organisation_id,
            assessment.questionnaire_id,
        )?
        .ok_or_else(|| AppError::fault("assessment without its questionnaire"))
}

/// The assessment and its questionnaire, checked for a change of an
/// answer: visible, `may_answer` allows the caller, not final, and the
/// question in its questionnaire.
fn answerable(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    id: AssessmentId,
    question_id: &str,
    may_answer: impl FnOnce(&mut AnyConnection, &Assessment) -> AppResult<()>,
) -> AppResult<(Assessment, Arc<Questionnaire>)> {
    let assessment = visible(conn, caller, id)?;
    may_answer(conn, &assessment)?;
    require_open(&assessment, "its scores")?;
    let questionnaire = questionnaire_of(app, conn, &assessment)?;
    if questionnaire.question(question_id).is_none() {
        return Err(AppError::invalid(
            "unknown_question",
            format!(
                "question `{question_id}` is not in {} {}",
                questionnaire.id, questionnaire.version
            ),
        ));
    }
    Ok((assessment, questionnaire))
}

/// Only the assessors of an assessment score it.
pub(super) fn require_assessor(
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment: &Assessment,
) -> AppResult<()> {
    if Assessment::assessors(conn, assessment.id)?.contains(&caller.user_id.get()) {
        Ok(())
    } else {
        Err(AppError::forbidden(
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
) -> AppResult<()> {
    let json = |value: Option<AnswerFields>| {
        value.map(|v| serde_json::json!({ "question_id": question_id, "answer": v }).to_string())
    };
    AuditEvent::record(
        conn,
        Change {
            before: json(before),
            after: json(after),
            ..Change::by(caller, "assessment", assessment_id, action)
        },
    )?;
    Ok(())
}

/// Saves the caller's answer to one question, as an assessor. An answer
/// changed since the caller read it (`version`) is refused. The first
/// answer moves a draft assessment to in progress. Saves that arrive
/// together are committed together (a group commit); each is answered once
/// its own is committed, a stale one with its own 409.
pub fn save(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    question_id: String,
    input: ScoreInput,
) -> Soon<ScoreView> {
    let (kept_app, caller) = (app.clone(), *caller);
    app.write_together(move |conn| {
        let (app, caller, question_id, input) = (&kept_app, &caller, question_id.as_str(), &input);
        let (assessment, questionnaire) =
            answerable(app, conn, caller, id, question_id, |conn, a| {
                require_assessor(conn, caller, a)
            })?;
        let fields = answer_fields(input, &questionnaire, Drafts::Allowed)?;
        ScoreRow::save(
            conn,
            (id.get(), caller.user_id.get(), question_id),
            (&fields, input.version),
            |conn, saved| saved_answer(conn, caller, (id, &assessment, question_id), input, saved),
        )
    })
}

/// The rest of a save once the answer is written or refused: a stale one
/// is a 409; a written one starts a draft, is audited and cites what it
/// cites.
fn saved_answer(
    conn: &mut AnyConnection,
    caller: &Caller,
    (id, assessment, question_id): (AssessmentId, &Assessment, &str),
    input: &ScoreInput,
    saved: Saved,
) -> AppResult<ScoreView> {
    let (before, after) = match saved {
        Saved::Written { before, after } => (before, after),
        Saved::Stale { current } => {
            return Err(AppError::conflict(
                "stale_version",
                format!(
                    "your answer changed since you read it (now version {}); reload and try again",
                    current.version
                ),
            ))
        }
        Saved::Missing => {
            return Err(AppError::conflict(
                "stale_version",
                "you have no answer to this question yet; send version 0 or none",
            ))
        }
    };
    start_if_draft(conn, assessment)?;
    record_answer_change(
        conn,
        caller,
        id.get(),
        "score.save",
        question_id,
        before.map(|b| b.fields()),
        Some(after.fields()),
    )?;
    let cited = cite(conn, caller, id, question_id, input.evidence_ids.as_deref())?;
    Ok(ScoreView::new(after, cited))
}

/// Answers given so far (staff): the caller's own, or every assessor's for
/// the lead and admins.
pub fn list(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    whose: Whose,
) -> AppResult<Vec<ScoreView>> {
    require(caller, STAFF, "read individual scores")?;
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        let rows = match whose {
            Whose::Everyone => {
                require_lead(caller, &assessment, "read every assessor's scores")?;
                ScoreRow::list_for_assessment(conn, id.get())?
            }
            Whose::Mine => ScoreRow::list_for_assessor(conn, id.get(), caller.user_id.get())?,
        };
        let citations = Citation::list_for_assessment(conn, id.get())?;
        Ok(with_citations(rows, &citations))
    })
}

/// Sets the agreed answer of a question, as the lead.
pub fn agree(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    question_id: &str,
    input: &ScoreInput,
) -> AppResult<AgreedView> {
    app.write(|conn| {
        let (assessment, questionnaire) =
            answerable(app, conn, caller, id, question_id, |_, a| {
                require_lead(caller, a, "set agreed scores")
            })?;
        let fields = answer_fields(input, &questionnaire, Drafts::Refused)?;
        // With a version, a change someone else made meanwhile is refused
        // rather than overwritten (two reviewers on one question).
        if let Some(expected) = input.version {
            let current = AgreedRow::find(conn, id.get(), question_id)?.map_or(0, |a| a.version);
            if current != expected {
                return Err(AppError::conflict(
                    "stale_version",
                    format!("the agreed score changed since you read it (now version {current}); reload and try again"),
                ));
            }
        }
        let (before, after) =
            AgreedRow::save(conn, id.get(), question_id, &fields, caller.user_id.get())?;
        start_if_draft(conn, &assessment)?;
        Assessment::touch(conn, assessment.id)?;
        record_answer_change(
            conn,
            caller,
            id.get(),
            "agreed.save",
            question_id,
            before.map(|b| b.fields()),
            Some(after.fields()),
        )?;
        Ok(after.into())
    })
}

/// Clears an agreed answer, as the lead, so the assessors' mean applies again.
pub fn clear_agreed(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    question_id: &str,
) -> AppResult<()> {
    app.write(|conn| {
        let (assessment, _) = answerable(app, conn, caller, id, question_id, |_, a| {
            require_lead(caller, a, "clear agreed scores")
        })?;
        let before = AgreedRow::clear(conn, id.get(), question_id)?
            .ok_or_else(|| AppError::not_found("agreed score"))?;
        Assessment::touch(conn, assessment.id)?;
        record_answer_change(
            conn,
            caller,
            id.get(),
            "agreed.clear",
            question_id,
            Some(before.fields()),
            None,
        )
    })
}
