//! The audit trail page for admins: the latest changes, newest first.

use super::{PageError, Viewer};
use crate::db::audit::{AuditEvent, AuditFilter};
use crate::db::users::User;
use crate::domain::role::Role;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};
use std::collections::HashMap;

/// How many events the audit page shows.
const RECENT: i64 = 200;

/// The audit trail page: the latest changes, newest first, with links to
/// the whole trail as CSV and XLSX.
pub async fn audit(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(&[Role::Admin], super::messages::text("only_admins"))?;
    let (events, users) = state
        .read(move |conn| {
            Ok((
                AuditEvent::search(
                    conn,
                    caller.organisation_id,
                    &AuditFilter::default(),
                    RECENT,
                )?,
                User::list_in(conn, &caller)?,
            ))
        })
        .await?;
    let names: HashMap<i32, &str> = users.iter().map(|u| (u.id, u.name.as_str())).collect();
    let rows: Vec<Value> = events
        .iter()
        .map(|e| {
            json!({
                "when": e.occurred_at.format("%Y-%m-%d %H:%M").to_string(),
                "who": e.actor_id.and_then(|id| names.get(&id).copied()).unwrap_or("—"),
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
