//! The lead's review: where the assessors disagree, each assessor's answer
//! beside the consolidated one, an agreed score to settle it, and the
//! button that finalises the assessment.

use super::{PageError, Viewer};
use crate::app::results;
use crate::db::agreed::AgreedRow;
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::scores::ScoreRow;
use crate::db::users::User;
use crate::domain::role::Role;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde_json::{json, Value};
use std::collections::HashMap;

fn answer_text(row: &ScoreRow) -> String {
    match (&row.na_reason, row.intention, row.reality) {
        (Some(reason), _, _) => format!("N/A ({reason})"),
        (None, Some(i), Some(r)) => format!("Intention {i}, Reality {r}"),
        _ => "–".to_owned(),
    }
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let (caller, id) = (viewer.user.caller(), path.into_inner());
    let cache = state.questionnaires.clone();
    let found = state
        .read(move |conn| {
            let Some(assessment) = Assessment::find_visible(conn, &caller, id)? else {
                return Ok(None);
            };
            if !caller.role.is_staff() {
                return Ok(None);
            }
            // Each assessor's answers are the lead's to see, as on the API.
            if assessment.lead_assessor_id != caller.user_id && caller.role != Role::Admin {
                return Ok(Some(Err(assessment.id)));
            }
            let client = Client::find_visible(conn, &caller, assessment.client_id)?
                .map_or_else(String::new, |c| c.name);
            let Some(questionnaire) =
                cache.get(conn, caller.organisation_id, assessment.questionnaire_id)?
            else {
                return Ok(None);
            };
            let consolidated = results::load(conn, &assessment, &questionnaire)?;
            let rows = ScoreRow::list_for_assessment(conn, id)?;
            let agreed = AgreedRow::list_for_assessment(conn, id)?;
            let names: HashMap<i32, String> = User::list_in(conn, &caller)?
                .into_iter()
                .map(|u| (u.id, u.name))
                .collect();
            Ok(Some(Ok((
                assessment,
                client,
                questionnaire,
                consolidated,
                rows,
                agreed,
                names,
            ))))
        })
        .await?;
    let (assessment, client, questionnaire, consolidated, rows, agreed, names) = match found {
        Some(Ok(found)) => found,
        Some(Err(_)) => {
            let message = "Only the lead assessor reviews the assessors' answers.";
            return Ok(state
                .pages
                .error(StatusCode::FORBIDDEN, message, Some(&viewer)));
        }
        None => {
            return Ok(state.pages.error(
                StatusCode::NOT_FOUND,
                "There is no such assessment.",
                Some(&viewer),
            ))
        }
    };
    let scale: Vec<i32> =
        (i32::from(questionnaire.scale.min)..=i32::from(questionnaire.scale.max)).collect();
    let agreed: HashMap<&str, &AgreedRow> =
        agreed.iter().map(|a| (a.question_id.as_str(), a)).collect();
    let disagreements: Vec<Value> = consolidated
        .questions
        .iter()
        .filter(|q| q.disagreement)
        .filter_map(|q| {
            let question = questionnaire.question(&q.question_id)?;
            let answers: Vec<String> = rows
                .iter()
                .filter(|r| r.question_id == q.question_id)
                .map(|r| format!("{}: {}", names.get(&r.assessor_id).map_or("?", String::as_str), answer_text(r)))
                .collect();
            let set = agreed.get(q.question_id.as_str());
            let options: Vec<Value> = scale
                .iter()
                .map(|v| json!({ "value": v, "intention": set.and_then(|a| a.intention) == Some(*v), "reality": set.and_then(|a| a.reality) == Some(*v) }))
                .collect();
            Some(json!({
                "id": q.question_id, "practice": question.practice, "answers": answers, "options": options,
                "agreed": set.is_some(), "evidence": set.and_then(|a| a.evidence.clone()).unwrap_or_default(),
                "na": set.is_some_and(|a| a.na_reason.is_some()),
                "na_reason": set.and_then(|a| a.na_reason.clone()).unwrap_or_default(),
            }))
        })
        .collect();
    let overall = &consolidated.overall;
    let open = overall.questions - overall.scored - overall.not_applicable;
    let mut data = json!({
        "title": format!("{client}: review"),
        "id": assessment.id, "client": client, "version": assessment.version,
        "status": assessment.status().as_str().replace('_', " "),
        "final": !assessment.status().accepts_scores(), "disagreements": disagreements, "open": open, "total": overall.questions,
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "review", &data))
}
