//! The lead's review: where the assessors disagree, each assessor's answer
//! beside the consolidated one, an agreed score to settle it, and the
//! button that finalises the assessment.

use super::messages::{fill, text};
use super::{PageError, Viewer};
use crate::app::error::AppError;
use crate::app::scores::ScoreView;
use crate::app::scoring_sheet;
use crate::domain::ids::AssessmentId;
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde_json::{json, Value};

fn answer_text(answer: &ScoreView) -> String {
    match (&answer.na_reason, answer.intention, answer.reality) {
        (Some(reason), _, _) => fill("pages-review-answer-na", &[("reason", reason)]),
        (None, Some(i), Some(r)) => fill(
            "pages-review-answer-scores",
            &[("intention", &i.to_string()), ("reality", &r.to_string())],
        ),
        _ => "–".to_owned(),
    }
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
) -> Result<HttpResponse, PageError> {
    let (caller, id) = (viewer.caller(), path.into_inner());
    let review = match state
        .run(move |app| scoring_sheet::review(app, &caller, id))
        .await
    {
        Ok(review) => review,
        Err(ApiError::App(AppError::Forbidden { .. })) => {
            return Ok(state.pages.error(
                StatusCode::FORBIDDEN,
                &text("only_lead_reviews"),
                Some(&viewer),
            ));
        }
        Err(ApiError::App(AppError::NotFound(_))) => {
            return Ok(state.pages.error(
                StatusCode::NOT_FOUND,
                &text("no_assessment"),
                Some(&viewer),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let scale = &review.questionnaire.scale;
    let scale: Vec<i32> = (i32::from(scale.min)..=i32::from(scale.max)).collect();
    let disagreements: Vec<Value> = review
        .disagreements
        .iter()
        .map(|d| {
            let set = d.agreed.as_ref();
            let answers: Vec<Value> = d
                .answers
                .iter()
                .map(|(name, answer)| {
                    let cites: Vec<Value> = review
                        .evidence
                        .iter()
                        .filter(|e| answer.evidence_ids.contains(&e.id))
                        .map(|e| json!({ "title": e.title, "kind": e.kind, "document": e.kind == "document", "id": e.id }))
                        .collect();
                    json!({ "name": name, "text": answer_text(answer), "note": answer.evidence, "cites": cites })
                })
                .collect();
            let options: Vec<Value> = scale
                .iter()
                .map(|v| json!({ "value": v, "intention": set.and_then(|a| a.intention) == Some(*v), "reality": set.and_then(|a| a.reality) == Some(*v) }))
                .collect();
            json!({
                "id": d.question_id, "practice": d.practice, "answers": answers, "options": options,
                "agreed": set.is_some(), "evidence": set.and_then(|a| a.evidence.clone()).unwrap_or_default(),
                "agreed_version": set.map_or(0, |a| a.version),
                "na": set.is_some_and(|a| a.not_applicable),
                "na_reason": set.and_then(|a| a.na_reason.clone()).unwrap_or_default(),
            })
        })
        .collect();
    let assessment = &review.assessment;
    let mut data = json!({
        "title": fill("pages-review-title", &[("client", &review.client)]),
        "id": assessment.id, "client": review.client, "version": assessment.version,
        "status": super::messages::status_words(assessment.status),
        "final": !assessment.status.accepts_scores(), "disagreements": disagreements,
        "open": review.open, "total": review.questions,
        "unanswered": review.unanswered.iter().map(|(q, practice, area)| json!({ "id": q, "practice": practice, "area": area })).collect::<Vec<_>>(),
        "unsettled": review.unsettled,
        "unsettled_text": fill("finalise_unsettled", &[("count", &review.unsettled.to_string())]),
        // The script counts again when the button is pressed.
        "confirm": fill("finalise_unsettled", &[("count", "{count}")]),
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "review", &data))
}
