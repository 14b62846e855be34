//! The audit trail: every recorded change, with who made it, before and
//! after. Admins read their organisation's, filtered and paged, or export
//! it whole.

use super::documents::{self, Document, Format};
use super::error::{AppError, AppResult};
use super::permissions::{require, ADMINS};
use super::App;
use crate::db::audit::AuditFilter;
use crate::db::users::User;
use crate::domain::role::Caller;
use crate::render::table::{Cell, Table};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;

/// An audit event as stored and shown.
pub use crate::db::audit::AuditEvent;

/// Most events one page of a search lists.
const PAGE: i64 = 1000;
/// Most events one export holds.
const EXPORT: i64 = 100_000;
/// How many events the audit page shows.
pub const RECENT: i64 = 200;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct AuditQuery {
    /// `assessment`, `programme`, `project`, `client`, `user`, `token`.
    pub entity: Option<String>,
    pub entity_id: Option<i32>,
    pub actor_id: Option<i32>,
    /// First day included (YYYY-MM-DD).
    pub since: Option<chrono::NaiveDate>,
    /// Last day included (YYYY-MM-DD).
    pub until: Option<chrono::NaiveDate>,
    /// Only events older than this event id (the next page).
    pub before: Option<i32>,
    /// At most this many events (default 200, at most 1000).
    pub limit: Option<i64>,
}

impl AuditQuery {
    fn filter(&self) -> AppResult<AuditFilter> {
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if since > until {
                return Err(AppError::invalid("bad_range", "`since` is after `until`"));
            }
        }
        Ok(AuditFilter {
            entity: self.entity.clone(),
            entity_id: self.entity_id,
            actor_id: self.actor_id,
            since: self.since.and_then(|d| d.and_hms_opt(0, 0, 0)),
            until: self
                .until
                .and_then(|d| d.succ_opt())
                .and_then(|d| d.and_hms_opt(0, 0, 0)),
            before: self.before,
        })
    }
}

/// An event with the name of the user who made it, if one did.
pub struct NamedEvent {
    /// The recorded change.
    pub event: AuditEvent,
    /// Who made it, by name (or by email in an export); absent when no
    /// user of the organisation did.
    pub actor: Option<String>,
}

fn admin(caller: &Caller) -> AppResult<()> {
    require(caller, ADMINS, "read the audit trail")
}

/// The organisation's events that pass the query, newest first (admins).
pub fn search(app: &App, caller: &Caller, query: &AuditQuery) -> AppResult<Vec<AuditEvent>> {
    admin(caller)?;
    let filter = query.filter()?;
    let limit = query.limit.unwrap_or(200);
    if !(1..=PAGE).contains(&limit) {
        return Err(AppError::invalid(
            "limit_out_of_range",
            format!("`limit` is from 1 to {PAGE}"),
        ));
    }
    app.read(|conn| {
        Ok(AuditEvent::search(
            conn,
            caller.organisation_id.get(),
            &filter,
            limit,
        )?)
    })
}

/// The events that pass the query as a table (admins): up to 100,000, with
/// who made each by email.
pub fn export(
    app: &App,
    caller: &Caller,
    query: &AuditQuery,
    format: Format,
) -> AppResult<Document> {
    admin(caller)?;
    let filter = query.filter()?;
    let events = with_actors(app, caller, &filter, EXPORT, |u| u.email)?;
    let mut table = Table::new(&[
        "id",
        "occurred_at",
        "actor",
        "entity",
        "entity_id",
        "action",
        "before",
        "after",
    ]);
    for NamedEvent { event: e, actor } in events {
        table.push(vec![
            Cell::Number(f64::from(e.id)),
            Cell::Text(e.occurred_at.format("%Y-%m-%d %H:%M:%S").to_string()),
            actor.map_or(Cell::Empty, Cell::Text),
            Cell::Text(e.entity),
            Cell::Number(f64::from(e.entity_id)),
            Cell::Text(e.action),
            e.before_value.map_or(Cell::Empty, Cell::Text),
            e.after_value.map_or(Cell::Empty, Cell::Text),
        ]);
    }
    documents::table(&table, format, "audit")
}

/// The latest [`RECENT`] events, newest first, with who made each by name (admins).
pub fn recent(app: &App, caller: &Caller) -> AppResult<Vec<NamedEvent>> {
    admin(caller)?;
    with_actors(app, caller, &AuditFilter::default(), RECENT, |u| u.name)
}

/// The events that pass `filter`, each with its actor as `label` says.
fn with_actors(
    app: &App,
    caller: &Caller,
    filter: &AuditFilter,
    limit: i64,
    label: fn(User) -> String,
) -> AppResult<Vec<NamedEvent>> {
    let (events, users) = app.read(|conn| {
        Ok((
            AuditEvent::search(conn, caller.organisation_id.get(), filter, limit)?,
            User::list_in(conn, caller)?,
        ))
    })?;
    let labels: HashMap<i32, String> = users.into_iter().map(|u| (u.id, label(u))).collect();
    Ok(events
        .into_iter()
        .map(|event| NamedEvent {
            actor: event.actor_id.and_then(|id| labels.get(&id).cloned()),
            event,
        })
        .collect())
}
