//! The start page: for consultants and admins, the organisation's
//! assessments by status; for executives and programme managers, the final
//! scorecards of their clients.

use super::{PageError, Viewer};
use crate::app::scorecard::scope_label;
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::domain::assessment::AssessmentFilter;
use crate::domain::assessment::Status;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde_json::json;
use std::collections::HashMap;

/// How many assessments the page lists, newest first.
const SHOWN: usize = 200;

pub async fn show(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let (clients, assessments, programmes) = state
        .read(move |conn| {
            Ok((
                Client::list_visible(conn, &caller)?,
                Assessment::list_visible(conn, &caller, &AssessmentFilter::default())?,
                crate::web::routes::programmes::summaries(conn, &caller)?,
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
    let trends = if staff {
        Vec::new()
    } else {
        trends(&state, &caller, &assessments, &names).await?
    };
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
        "trends": trends,
        "programmes": programmes.iter().map(|p| json!({ "id": p.id, "client": p.client, "name": p.name })).collect::<Vec<_>>(),
        "counts": { "clients": clients.len(), "draft": count(Status::Draft), "in_progress": count(Status::InProgress), "final": count(Status::Final) },
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "dashboard", &data))
}

/// For executives and programme managers: each client's scores over its
/// final assessments (overall and per area), from two assessments on.
async fn trends(
    state: &AppState,
    caller: &crate::domain::role::Caller,
    assessments: &[Assessment],
    names: &HashMap<i32, &str>,
) -> Result<Vec<serde_json::Value>, PageError> {
    let mut by_client: std::collections::BTreeMap<i32, Vec<&Assessment>> =
        std::collections::BTreeMap::new();
    for a in assessments.iter().filter(|a| a.status() == Status::Final) {
        by_client.entry(a.client_id).or_default().push(a);
    }
    by_client.retain(|_, list| list.len() >= 2);
    let Some(first) = by_client.values().flatten().next() else {
        return Ok(Vec::new());
    };
    let ids: Vec<i32> = by_client.values().flatten().map(|a| a.id).collect();
    let (cache, organisation_id, questionnaire_id) = (
        state.questionnaires.clone(),
        caller.organisation_id,
        first.questionnaire_id,
    );
    let (stored, questionnaire) = state
        .read(move |conn| {
            Ok((
                crate::db::summaries::load(conn, &ids)?,
                cache.get(conn, organisation_id, questionnaire_id)?,
            ))
        })
        .await?;
    let Some(questionnaire) = questionnaire else {
        return Ok(Vec::new());
    };
    let area_names: Vec<String> = questionnaire.areas.iter().map(|a| a.name.clone()).collect();
    let mut out = Vec::new();
    for (client, list) in by_client {
        let mut points: Vec<crate::report::TrendPoint> = list
            .iter()
            .filter_map(|a| {
                let summary = stored.get(&a.id)?;
                Some(crate::report::TrendPoint {
                    date: a.assessment_date,
                    overall: summary.get(crate::domain::scoring::OVERALL)?.combined,
                    areas: questionnaire
                        .areas
                        .iter()
                        .map(|area| summary.get(&area.id).map_or(0.0, |d| d.combined))
                        .collect(),
                })
            })
            .collect();
        points.sort_by_key(|p| p.date);
        let chart = crate::render::html::trend_svg(&points, &area_names)
            .map_err(|e| PageError::Internal(e.to_string()))?;
        out.push(json!({ "client": names.get(&client).copied().unwrap_or("?"), "chart": chart }));
    }
    Ok(out)
}
