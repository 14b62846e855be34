//! The offline scoring workbook (see `app::workbook`): an assessor downloads
//! their questions and answers as XLSX and uploads the filled file back.
//! An upload is all or nothing: one transaction, refused with every problem
//! by sheet and cell.

use super::assessments::assessment_or_404;
use super::scores::{assessors_only, fields, record_answer_change, ScoreInput};
use crate::app::flaws::{Flaw, Rejected};
use crate::app::scorecard::scope_label;
use crate::app::workbook::{self, Heading};
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::scores::{AnswerFields, Saved, ScoreRow};
use crate::domain::role::Caller;
use crate::web::input::file_body;
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// The largest workbook accepted; a filled one for the bundled questionnaire is about 40 KiB.
pub const MAX_WORKBOOK: usize = 5 * 1024 * 1024;

/// What an upload changed.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkbookImport {
    /// Answers written (new or changed).
    pub saved: usize,
    /// Answers in the file that were already stored as they are.
    pub unchanged: usize,
}

/// The caller's scoring workbook for the assessment (assessors only).
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = String),
        (status = 401, body = Problem), (status = 403, body = Problem, description = "Not an assessor"), (status = 404, body = Problem)))]
#[get("/assessments/{id}/workbook.xlsx")]
pub async fn download(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    let (caller, id) = (auth.caller(), path.into_inner());
    let assessor = auth.user.name.clone();
    let cache = state.questionnaires.clone();
    let (assessment, client, questionnaire, answers) = state
        .read(move |conn| {
            let assessment = assessment_or_404(conn, &caller, id)?;
            assessors_only(conn, &caller, &assessment)?;
            let client = Client::find_visible(conn, &caller, assessment.client_id)?
                .ok_or_else(|| ApiError::not_found("client"))?;
            let questionnaire = cache
                .get(conn, caller.organisation_id, assessment.questionnaire_id)?
                .ok_or_else(|| ApiError::Internal("assessment without its questionnaire".into()))?;
            let answers = ScoreRow::list_for_assessor(conn, id, caller.user_id)?;
            Ok((assessment, client, questionnaire, answers))
        })
        .await?;
    let heading = Heading {
        assessment_id: assessment.id,
        client: &client.name,
        scope: &scope_label(&assessment),
        date: &assessment.assessment_date.to_string(),
        assessor: &assessor,
    };
    let bytes = workbook::write(&heading, &questionnaire, &answers)
        .map_err(|e| ApiError::Internal(format!("cannot write the workbook: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type(workbook::CONTENT_TYPE)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"assessment-{id}-scoring.xlsx\""),
        ))
        .body(bytes))
}

/// Stores the answers of a filled workbook (the file is the body), all or
/// nothing. A refused file gets 422 with every problem by sheet and cell.
#[utoipa::path(context_path = "/api/v1", tag = "scores", params(("id" = i32, Path)),
    request_body(content = String, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    responses((status = 200, body = WorkbookImport), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "The assessment is final"),
        (status = 422, body = Problem, description = "The file has problems, listed in `errors`")))]
#[post("/assessments/{id}/workbook")]
pub async fn upload(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    payload: web::Payload,
) -> ApiResult<web::Json<WorkbookImport>> {
    let body = file_body(payload, MAX_WORKBOOK, "a workbook").await?;
    let imported = import_workbook(&state, auth.caller(), path.into_inner(), body).await?;
    Ok(web::Json(imported))
}

/// Checks and stores a filled workbook; the API and the scoring page share it.
pub async fn import_workbook(
    state: &AppState,
    caller: Caller,
    id: i32,
    bytes: web::Bytes,
) -> ApiResult<WorkbookImport> {
    if bytes.len() > MAX_WORKBOOK {
        return Err(ApiError::TooLarge(format!(
            "the workbook has {} bytes; the limit is {MAX_WORKBOOK}",
            bytes.len()
        )));
    }
    let cache = state.questionnaires.clone();
    state
        .write(move |conn| {
            let assessment = assessment_or_404(conn, &caller, id)?;
            assessors_only(conn, &caller, &assessment)?;
            if !assessment.status().accepts_scores() {
                return Err(ApiError::conflict(
                    "assessment_final",
                    "the assessment is final; its scores can no longer change",
                ));
            }
            let questionnaire = cache
                .get(conn, caller.organisation_id, assessment.questionnaire_id)?
                .ok_or_else(|| ApiError::Internal("assessment without its questionnaire".into()))?;
            let answers =
                workbook::read(&bytes, id, &questionnaire).map_err(ApiError::Rejected)?;
            let stored: HashMap<String, AnswerFields> =
                ScoreRow::list_for_assessor(conn, id, caller.user_id)?
                    .into_iter()
                    .map(|row| (row.question_id.clone(), row.fields()))
                    .collect();
            let mut flaws = Vec::new();
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
                };
                let checked = match fields(&input, &questionnaire) {
                    Ok(checked) => checked,
                    Err(e) => {
                        flaws.push(Flaw::new(&answer.at, e.problem().detail));
                        continue;
                    }
                };
                if stored.get(&answer.question_id) == Some(&checked) {
                    done.unchanged += 1;
                    continue;
                }
                match ScoreRow::save(conn, id, caller.user_id, &answer.question_id, &checked, input.version)? {
                    Saved::Written { before, after } => {
                        record_answer_change(conn, &caller, id, "score.workbook", &answer.question_id, before.map(|b| b.fields()), Some(after.fields()))?;
                        done.saved += 1;
                    }
                    Saved::Stale { .. } | Saved::Missing => flaws.push(Flaw::new(
                        &answer.at,
                        format!("the answer to {} changed in cmas after the workbook was downloaded; download a fresh workbook or score this question online", answer.question_id),
                    )),
                }
            }
            if !flaws.is_empty() {
                // Returning the error rolls back what this loop wrote.
                return Err(ApiError::Rejected(Rejected(flaws)));
            }
            if done.saved > 0 {
                Assessment::start_if_draft(conn, assessment.id)?;
            }
            Ok(done)
        })
        .await
}
