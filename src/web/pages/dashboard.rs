//! The start page: for consultants and admins, the organisation's
//! assessments by status; for executives and programme managers, the final
//! scorecards of their clients.

use super::{PageError, Viewer};
use crate::app::dashboard;
use crate::domain::assessment::Status;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde_json::json;

pub async fn show(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let home = state.run(move |app| dashboard::home(app, &caller)).await?;
    let rows: Vec<serde_json::Value> = home
        .assessments
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "client": a.client.as_deref().unwrap_or("?"),
                "date": a.date.to_string(),
                "scope": a.scope,
                "status": a.status.as_str().replace('_', " "),
                "final": a.status == Status::Final,
            })
        })
        .collect();
    let heading = if home.staff {
        "Assessments"
    } else {
        "Your scorecards"
    };
    let counts = &home.counts;
    let mut data = json!({
        "title": heading,
        "heading": heading,
        "staff": home.staff,
        "assessments": rows,
        "trends": home.trends.iter().map(|t| json!({ "client": t.client.as_deref().unwrap_or("?"), "chart": t.chart })).collect::<Vec<_>>(),
        "programmes": home.programmes.iter().map(|p| json!({ "id": p.id, "client": p.client, "name": p.name })).collect::<Vec<_>>(),
        "work": home.work.iter().map(|w| {
            let next = match w.next.as_str() {
                "score" => json!({ "text": "Score", "href": format!("/assessments/{}?area={}", w.assessment_id, w.next_area.as_deref().unwrap_or_default()) }),
                "review" => json!({ "text": "Review the disagreements", "href": format!("/assessments/{}/review", w.assessment_id) }),
                "finalise" => json!({ "text": "Finalise", "href": format!("/assessments/{}/review", w.assessment_id) }),
                _ => json!({ "text": "Your areas are done; the lead reviews", "href": null }),
            };
            let areas: Vec<String> = w.areas.iter().map(|a| {
                let drafts = if a.drafts > 0 { format!(", {} not complete", a.drafts) } else { String::new() };
                format!("{} {}/{}{drafts}", a.name, a.answered, a.total)
            }).collect();
            json!({ "id": w.assessment_id, "client": w.client, "date": w.assessment_date.to_string(), "role": w.role, "areas": areas, "next": next })
        }).collect::<Vec<_>>(),
        "counts": { "clients": counts.clients, "draft": counts.draft, "in_progress": counts.in_progress, "final": counts.finals },
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "dashboard", &data))
}
