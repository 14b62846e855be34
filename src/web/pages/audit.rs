//! The audit trail page for admins: the latest changes, newest first.

use super::{PageError, Viewer};
use crate::app::audit::{self, NamedEvent, RECENT};
use crate::domain::role::Role;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

/// The audit trail page: the latest changes, newest first, with links to
/// the whole trail as CSV and XLSX.
pub async fn audit(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(&[Role::Admin], super::messages::text("only_admins"))?;
    let events = state.run(move |app| audit::recent(app, &caller)).await?;
    let rows: Vec<Value> = events
        .iter()
        .map(|NamedEvent { event: e, actor }| {
            json!({
                "when": e.occurred_at.format("%Y-%m-%d %H:%M").to_string(),
                "who": actor.as_deref().unwrap_or("—"),
                "what": e.action,
                "subject": format!("{} {}", e.entity, e.entity_id),
                "change": e.after_value.as_deref().or(e.before_value.as_deref()).unwrap_or(""),
            })
        })
        .collect();
    let mut data = json!({ "title": "Audit trail", "events": rows, "recent": RECENT });
    viewer.fill(&mut data);
    Ok(state
        .pages
        .render(actix_web::http::StatusCode::OK, "admin_audit", &data))
}
