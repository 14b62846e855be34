//! The offline scoring workbook: one assessor's questions and answers as an
//! XLSX file to fill in without a network, and reading it back.
//!
//! The first sheet names the assessment and the questionnaire version, which
//! an upload must match; then one sheet per area, one row per question. The
//! question columns are locked; Intention, Reality, N/A reason and the
//! evidence note are the cells to fill. A hidden column keeps each answer's
//! version at download, so an answer changed online in the meantime is
//! reported rather than overwritten. Reading checks the whole file and
//! reports every problem by sheet and cell.
//!
//! The use cases are here; `sheets` holds the layout both directions share.

mod read;
mod sheets;
mod write;

#[cfg(test)]
mod tests;

pub use read::read;
pub use sheets::{Heading, OfflineAnswer, CONTENT_TYPE};
pub use write::write;

use super::assessments::{require_open, start_if_draft, visible};
use super::documents::{file_stem, Document};
use super::error::{AppError, AppResult};
use super::file_problems::{Flaw, Rejected};
use super::limits::MAX_WORKBOOK;
use super::scorecard::scope_label;
use super::scores::{
    answer_fields, questionnaire_of, record_answer_change, require_assessor, Drafts, ScoreInput,
};
use super::App;
use crate::db::clients::Client;
use crate::db::scores::{AnswerFields, Saved, ScoreRow};
use crate::db::users::User;
use crate::domain::ids::AssessmentId;
use crate::domain::role::Caller;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// What an upload changed.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkbookImport {
    /// Answers written (new or changed).
    pub saved: usize,
    /// Answers in the file that were already stored as they are.
    pub unchanged: usize,
}

/// The caller's scoring workbook for an assessment they score, as XLSX
/// named after the client, the assessor and the date.
pub fn download(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<Document> {
    let (assessment, client, assessor, questionnaire, answers) = app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        require_assessor(conn, caller, &assessment)?;
        let client = Client::find_visible(conn, caller, assessment.client_id)?
            .ok_or_else(|| AppError::not_found("client"))?;
        let assessor = User::find_in(conn, caller, caller.user_id.get())?
            .ok_or_else(|| AppError::fault("the caller is not a user"))?;
        let questionnaire = questionnaire_of(app, conn, &assessment)?;
        let answers = ScoreRow::list_for_assessor(conn, id.get(), caller.user_id.get())?;
        Ok((assessment, client, assessor, questionnaire, answers))
    })?;
    let heading = Heading {
        assessment_id: assessment.id,
        client: &client.name,
        scope: &scope_label(&assessment),
        date: &assessment.assessment_date.to_string(),
        assessor: &assessor.name,
    };
    let bytes = write(&heading, &questionnaire, &answers).map_err(|e| {
        AppError::internal(anyhow::Error::new(e).context("cannot write the workbook"))
    })?;
    Ok(Document {
        bytes,
        content_type: CONTENT_TYPE,
        filename: format!(
            "{}.xlsx",
            file_stem(&[
                heading.client,
                "scoring workbook",
                heading.assessor,
                heading.date
            ])
        ),
    })
}

/// Checks and stores a filled workbook of the caller's answers, all or
/// nothing: a file with any problem is refused with every one of them, by
/// sheet and cell, and an answer changed online since the download is
/// reported, not overwritten.
pub fn import(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    bytes: &[u8],
) -> AppResult<WorkbookImport> {
    if bytes.len() > MAX_WORKBOOK {
        return Err(AppError::TooLarge(format!(
            "the workbook has {} bytes; the limit is {MAX_WORKBOOK}",
            bytes.len()
        )));
    }
    app.write(|conn| {
        let assessment = visible(conn, caller, id)?;
        require_assessor(conn, caller, &assessment)?;
        require_open(&assessment, "its scores")?;
        let questionnaire = questionnaire_of(app, conn, &assessment)?;
        let answers = read(bytes, id.get(), &questionnaire)?;
        let stored: HashMap<String, AnswerFields> =
            ScoreRow::list_for_assessor(conn, id.get(), caller.user_id.get())?
                .into_iter()
                .map(|row| (row.question_id.clone(), row.fields()))
                .collect();
        let mut problems = Vec::new();
        let mut done = WorkbookImport {
            saved: 0,
            unchanged: 0,
        };
        for answer in answers {
            let input = ScoreInput {
                intention: answer.intention,
                reality: answer.reality,
                not_applicable: answer.na_reason.is_some(),
                na_reason: answer.na_reason,
                evidence: answer.evidence,
                version: Some(answer.version),
                evidence_ids: None,
            };
            let fields = match answer_fields(&input, &questionnaire, Drafts::Refused) {
                Ok(fields) => fields,
                Err(e) => {
                    problems.push(Flaw::new(&answer.at, e.to_string()));
                    continue;
                }
            };
            if stored.get(&answer.question_id) == Some(&fields) {
                done.unchanged += 1;
                continue;
            }
            let question_id = answer.question_id.as_str();
            let key = (id.get(), caller.user_id.get(), question_id);
            ScoreRow::save(conn, key, (&fields, input.version), |conn, saved| {
                match saved {
                    Saved::Written { before, after } => {
                        record_answer_change(
                            conn,
                            caller,
                            id.get(),
                            "score.workbook",
                            question_id,
                            before.map(|b| b.fields()),
                            Some(after.fields()),
                        )?;
                        done.saved += 1;
                    }
                    Saved::Stale { .. } | Saved::Missing => problems.push(Flaw::new(
                        &answer.at,
                        format!(
                            "the answer to {question_id} changed in cmas after the workbook was downloaded; download a fresh workbook or score this question online"
                        ),
                    )),
                }
                Ok::<_, AppError>(())
            })?;
        }
        if !problems.is_empty() {
            // Returning the error rolls back what this loop wrote.
            return Err(Rejected(problems).into());
        }
        if done.saved > 0 {
            start_if_draft(conn, &assessment)?;
        }
        Ok(done)
    })
}
