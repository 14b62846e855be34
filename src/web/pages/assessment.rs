//! The scoring screen, area by area: each question with its evidence
//! guidance one click away, Intention and Reality, N/A with a reason and an
//! evidence note. `static/score.js` saves every answer as it is given,
//! through the JSON API with the session's CSRF token.

use super::messages::{fill, text};
use super::{PageError, Viewer};
use crate::app::error::AppError;
use crate::app::scores::ScoreView;
use crate::app::scoring_sheet;
use crate::domain::ids::AssessmentId;
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;

#[derive(Deserialize)]
pub struct AreaQuery {
    area: Option<String>,
    /// After a workbook upload: how many answers it saved and left as they were.
    saved: Option<usize>,
    unchanged: Option<usize>,
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
    query: web::Query<AreaQuery>,
) -> Result<HttpResponse, PageError> {
    let (caller, id) = (viewer.caller(), path.into_inner());
    if !caller.role.is_staff() {
        return Ok(HttpResponse::SeeOther()
            .insert_header((
                "Location",
                format!("/api/v1/assessments/{id}/scorecard.html"),
            ))
            .finish());
    }
    let found = state
        .run(move |app| scoring_sheet::scoring_sheet(app, &caller, id))
        .await;
    let sheet = match found {
        Ok(sheet) => sheet,
        Err(ApiError::App(AppError::NotFound(_))) => {
            return Ok(state.pages.error(
                StatusCode::NOT_FOUND,
                &text("no_assessment"),
                Some(&viewer),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let (assessment, questionnaire) = (&sheet.assessment, &sheet.questionnaire);
    let answers: HashMap<&str, &ScoreView> = sheet
        .answers
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let is_assessor = sheet.is_assessor;
    let open = assessment.status.accepts_scores();
    let current = query
        .area
        .clone()
        .filter(|a| questionnaire.areas.iter().any(|x| &x.id == a))
        .or_else(|| questionnaire.areas.first().map(|a| a.id.clone()));
    let scale: Vec<i32> =
        (i32::from(questionnaire.scale.min)..=i32::from(questionnaire.scale.max)).collect();
    let areas: Vec<Value> = questionnaire
        .areas
        .iter()
        .map(|area| {
            let ids: Vec<&str> = area.sub_areas.iter().flat_map(|s| &s.questions).map(|q| q.id.as_str()).collect();
            json!({
                "id": area.id, "name": area.name, "current": Some(&area.id) == current.as_ref(),
                "answered": ids.iter().filter(|q| answers.get(*q).is_some_and(|a| a.complete)).count(), "total": ids.len(),
            })
        })
        .collect();
    let area = questionnaire
        .areas
        .iter()
        .find(|a| Some(&a.id) == current.as_ref());
    let area_view = area.map(|area| {
        let sub_areas: Vec<Value> = area
            .sub_areas
            .iter()
            .map(|sub| {
                let questions: Vec<Value> = sub
                    .questions
                    .iter()
                    .map(|q| {
                        let answer = answers.get(q.id.as_str());
                        let options: Vec<Value> = scale
                            .iter()
                            .map(|v| json!({ "value": v, "intention": answer.and_then(|a| a.intention) == Some(*v), "reality": answer.and_then(|a| a.reality) == Some(*v) }))
                            .collect();
                        let cited = answer.map_or(&[][..], |a| a.evidence_ids.as_slice());
                        let cites: Vec<Value> = sheet
                            .evidence
                            .iter()
                            .map(|e| json!({ "id": e.id, "title": e.title, "kind": e.kind, "cited": cited.contains(&e.id) }))
                            .collect();
                        json!({
                            "id": q.id, "practice": q.practice, "guidance": q.guidance, "options": options,
                            "version": answer.map_or(0, |a| a.version), "answered": answer.is_some_and(|a| a.complete),
                            "draft": answer.is_some_and(|a| !a.complete), "cites": cites, "cited_count": cited.len(),
                            "na": answer.is_some_and(|a| a.not_applicable),
                            "na_reason": answer.and_then(|a| a.na_reason.clone()).unwrap_or_default(),
                            "evidence": answer.and_then(|a| a.evidence.clone()).unwrap_or_default(),
                        })
                    })
                    .collect();
                json!({ "name": sub.name, "questions": questions })
            })
            .collect();
        let total = area.sub_areas.iter().map(|s| s.questions.len()).sum::<usize>();
        let answered = area.sub_areas.iter().flat_map(|s| &s.questions).filter(|q| answers.get(q.id.as_str()).is_some_and(|a| a.complete)).count();
        json!({ "name": area.name, "sub_areas": sub_areas, "total": total, "answered": answered })
    });
    let note = match (is_assessor, open) {
        (false, _) => Some(text("not_an_assessor")),
        (true, false) => Some(text("assessment_final")),
        _ => None,
    };
    let imported = query.saved.map(|saved| {
        let unchanged = query.unchanged.unwrap_or(0).to_string();
        fill(
            "workbook_in",
            &[("saved", &saved.to_string()), ("unchanged", &unchanged)],
        )
    });
    let mut data = json!({
        "title": fill("pages-assessment-title", &[("client", &sheet.client)]), "imported": imported,
        "id": assessment.id, "client": sheet.client, "date": assessment.assessment_date.to_string(),
        "scope": sheet.scope, "status": super::messages::status_words(assessment.status), "status_code": assessment.status.as_str(),
        "questionnaire": format!("{} {}", questionnaire.id, questionnaire.version),
        "areas": areas, "area": area_view, "readonly": !(is_assessor && open), "note": note,
        "is_lead": sheet.is_lead, "evidence_items": !sheet.evidence.is_empty(),
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "assessment", &data))
}
