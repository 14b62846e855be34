//! The audit trail page for admins: what happened, in sentences with
//! names, newest first, filtered by person, action, client and dates, and
//! paged; the whole trail one click away as CSV and XLSX.

use super::messages::text;
use super::pager::pager;
use super::{PageError, Viewer};
use crate::app::audit::{self, AuditQuery, Trail};
use crate::domain::role::Role;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

/// The filters as the page's form sends them: blank means "any".
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TrailForm {
    actor_id: String,
    action: String,
    client_id: String,
    since: String,
    until: String,
    page: Option<u32>,
}

pub async fn audit(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Query<TrailForm>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(&[Role::Admin], &super::messages::text("only_admins"))?;
    let form = form.into_inner();
    let date = |text: &str| text.parse::<chrono::NaiveDate>().ok();
    let query = AuditQuery {
        entity: None,
        entity_id: None,
        actor_id: form.actor_id.parse().ok(),
        since: date(&form.since),
        until: date(&form.until),
        before: None,
        action: Some(form.action.clone()),
        client_id: form.client_id.parse().ok(),
        page: form.page,
        per_page: None,
        limit: None,
    };
    let language = crate::web::language::current();
    let Trail {
        lines,
        people,
        actions,
        client,
    } = state
        .run(move |app| audit::trail(app, &caller, &query, language))
        .await?;
    let pager = pager(
        &lines,
        "/admin/audit",
        &[
            ("actor_id", &form.actor_id),
            ("action", &form.action),
            ("client_id", &form.client_id),
            ("since", &form.since),
            ("until", &form.until),
        ],
    );
    let events: Vec<Value> = lines
        .items
        .iter()
        .map(|line| {
            json!({
                "when": line.at.format("%-d %b %Y, %H:%M").to_string(),
                "sentence": line.sentence,
                "changes": line.changes,
            })
        })
        .collect();
    let mut data = json!({
        "title": text("pages-audit-title"),
        "events": events,
        "people": people.iter().map(|(id, name)| json!({ "id": id, "name": name, "selected": id.to_string() == form.actor_id })).collect::<Vec<_>>(),
        "actions": actions.iter().map(|a| json!({ "value": a, "label": a.replace(['.', '_'], " "), "selected": *a == form.action })).collect::<Vec<_>>(),
        "client": client.map(|name| json!({ "id": form.client_id, "name": name })),
        "since": form.since,
        "until": form.until,
        "pager": pager,
    });
    viewer.fill(&mut data);
    Ok(state
        .pages
        .render(actix_web::http::StatusCode::OK, "admin_audit", &data))
}
