//! Consolidated results of an assessment: stored answers → domain scoring.

use super::assessments::visible;
use super::error::{AppError, AppResult};
use super::kept::KeptJson;
use super::scores::questionnaire_of;
use super::soon::Soon;
use super::App;
use crate::db::{agreed::AgreedRow, assessments::Assessment, scores::ScoreRow, AnyConnection};
use crate::domain::assessment::Status;
use crate::domain::ids::AssessmentId;
use crate::domain::questionnaire::{Questionnaire, Scale};
use crate::domain::role::Caller;
use crate::domain::scoring::{consolidate, roll_up, Answer, Results};
use diesel::QueryResult;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct ResultsView {
    pub assessment_id: i32,
    pub status: Status,
    pub questionnaire_id: i32,
    pub questionnaire_version: String,
    #[serde(flatten)]
    pub results: Results,
}

/// The consolidated results of an assessment the caller may see: per
/// question, sub-area, area and overall, as JSON. They are kept per
/// instance by the assessment's versions, which every change of its status
/// or answers bumps: when they are kept, a read is one indexed query (the
/// assessment as the caller may see it), outside any transaction, and on
/// SQLite on the request's own thread (see `soon`).
pub fn of_assessment(app: &App, caller: &Caller, id: AssessmentId) -> Soon<KeptJson<ResultsView>> {
    let caller = *caller;
    match app.read_one_now(|conn| kept_by(conn, &caller, id)) {
        Some(Ok(key)) => match app.results.get(&key) {
            Some(bytes) => Soon::Now(Ok(KeptJson::new(bytes))),
            None => Soon::later(move |app| made(app, &caller, id)),
        },
        Some(Err(refused)) => Soon::Now(Err(refused)),
        None => Soon::later(move |app| {
            let key = app.read_one(|conn| kept_by(conn, &caller, id))?;
            match app.results.get(&key) {
                Some(bytes) => Ok(KeptJson::new(bytes)),
                None => made(app, &caller, id),
            }
        }),
    }
}

/// The results read in one transaction, and kept.
fn made(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<KeptJson<ResultsView>> {
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        let bytes = app.results.get_or_make(versions(&assessment), || {
            let questionnaire = questionnaire_of(app, conn, &assessment)?;
            let view = ResultsView {
                assessment_id: assessment.id,
                status: assessment.status(),
                questionnaire_id: assessment.questionnaire_id,
                questionnaire_version: questionnaire.version.clone(),
                results: load(conn, &assessment, &questionnaire)?,
            };
            serde_json::to_vec(&view).map_err(AppError::internal)
        })?;
        Ok(KeptJson::new(bytes))
    })
}

/// What the results of an assessment the caller may see are kept by, read
/// by itself.
fn kept_by(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: AssessmentId,
) -> AppResult<(i32, i32, i32)> {
    Assessment::visible_versions(conn, caller, id.get())?
        .ok_or_else(|| AppError::not_found("assessment"))
}

/// What kept results are kept by: the assessment and the versions of its
/// status and of its answers.
fn versions(assessment: &Assessment) -> (i32, i32, i32) {
    (
        assessment.id,
        assessment.version,
        assessment.answers_version,
    )
}

/// Reads stored answer columns as a domain answer. Rows are validated on the
/// way in, so a value the scale refuses can only come from a hand-edited row;
/// it is left out rather than failing the whole result.
pub fn answer(
    scale: &Scale,
    intention: Option<i32>,
    reality: Option<i32>,
    na_reason: Option<&str>,
) -> Option<Answer> {
    match (na_reason, intention, reality) {
        (Some(reason), _, _) => Some(Answer::NotApplicable {
            reason: reason.to_owned(),
        }),
        (None, Some(i), Some(r)) => Some(Answer::Scored {
            intention: scale.score(i64::from(i)).ok()?,
            reality: scale.score(i64::from(r)).ok()?,
        }),
        _ => None,
    }
}

/// The consolidated results of an assessment, in a fixed number of queries.
pub fn load(
    conn: &mut AnyConnection,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
) -> QueryResult<Results> {
    let scores = ScoreRow::list_for_assessment(conn, assessment.id)?;
    let agreed = AgreedRow::list_for_assessment(conn, assessment.id)?;
    Ok(consolidated(
        questionnaire,
        scores.iter().map(|r| {
            (
                r.question_id.as_str(),
                r.intention,
                r.reality,
                r.na_reason.as_deref(),
            )
        }),
        agreed.iter().map(|r| {
            (
                r.question_id.as_str(),
                r.intention,
                r.reality,
                r.na_reason.as_deref(),
            )
        }),
    ))
}

/// Stored answer columns: question, intention, reality, N/A reason.
pub type AnswerColumns<'a> = (&'a str, Option<i32>, Option<i32>, Option<&'a str>);

/// Consolidates an assessment's stored answers and agreed answers (pure).
pub fn consolidated<'a>(
    questionnaire: &Questionnaire,
    scores: impl Iterator<Item = AnswerColumns<'a>>,
    agreed: impl Iterator<Item = AnswerColumns<'a>>,
) -> Results {
    let scale = &questionnaire.scale;
    let mut by_question: HashMap<&str, Vec<Answer>> = HashMap::new();
    for (question, intention, reality, na_reason) in scores {
        if let Some(a) = answer(scale, intention, reality, na_reason) {
            by_question.entry(question).or_default().push(a);
        }
    }
    let agreed: HashMap<&str, Answer> = agreed
        .filter_map(|(question, intention, reality, na_reason)| {
            Some((question, answer(scale, intention, reality, na_reason)?))
        })
        .collect();
    let questions = questionnaire
        .questions()
        .filter(|q| by_question.contains_key(q.id.as_str()) || agreed.contains_key(q.id.as_str()))
        .map(|q| {
            let answers = by_question
                .get(q.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            consolidate(&q.id, answers, agreed.get(q.id.as_str()), scale)
        })
        .collect();
    roll_up(questionnaire, questions)
}
