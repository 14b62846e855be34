//! The start page: for consultants and admins, the organisation's
//! assessments by status; for executives and programme managers, the final
//! scorecards of their clients.

use super::{PageError, Viewer};
use crate::app::scorecard::scope_label;
use crate::db::assessments::{Assessment, AssessmentFilter};
use crate::db::clients::Client;
use crate::domain::assessment::Status;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde_json::json;
use std::collections::HashMap;

/// How many assessments the page lists, newest first.
const SHOWN: usize = 200;

pub async fn show(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, PageError> {
    let caller = viewer.user.caller();
    let (clients, assessments) = state
        .read(move |conn| {
            Ok((
                Client::list_visible(conn, &caller)?,
                Assessment::list_visible(conn, &caller, &AssessmentFilter::default())?,
            ))
        })
        .await?;
    let names: HashMap<i32, &str> = clients.iter().map(|c| (c.id, c.name.as_str())).collect();
    let count = |status: Status| assessments.iter().filter(|a| a.status() == status).count();
    let rows: Vec<serde_json::Value> = assessments
        .iter()
        .take(SHOWN)
        .map(|a| {
            json!({
                "id": a.id,
                "client": names.get(&a.client_id).copied().unwrap_or("?"),
                "date": a.assessment_date.to_string(),
                "scope": scope_label(a),
                "status": a.status().as_str().replace('_', " "),
                "final": a.status() == Status::Final,
            })
        })
        .collect();
    let staff = caller.role.is_staff();
    let heading = if staff {
        "Assessments"
    } else {
        "Your scorecards"
    };
    let mut data = json!({
        "title": heading,
        "heading": heading,
        "staff": staff,
        "assessments": rows,
        "counts": { "clients": clients.len(), "draft": count(Status::Draft), "in_progress": count(Status::InProgress), "final": count(Status::Final) },
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "dashboard", &data))
}
