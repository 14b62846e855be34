//! The audit trail: every recorded change, with who made it, before and
//! after. Admins read their organisation's, filtered and paged (as records
//! through the API, as sentences on the page, see `audit_lines`), or export
//! it whole.

use super::audit_lines::{self, AuditLine};
use super::documents::{self, Document, Format};
use super::error::{AppError, AppResult};
use super::listing::{self, Paged};
use super::permissions::{require, ADMINS};
use super::App;
use crate::db::audit::AuditFilter;
use crate::db::audit_names::RecordNames;
use crate::db::users::User;
use crate::db::Window;
use crate::domain::i18n::Language;
use crate::domain::ids::ClientId;
use crate::domain::role::Caller;
use crate::render::table::{Cell, Table};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;

/// An audit event as stored and shown.
pub use crate::db::audit::AuditEvent;

/// Most events one page of a search lists.
const PAGE: u32 = 1000;
/// Events on a page when the query does not say.
const DEFAULT_PAGE: u32 = 50;
/// Most events one export holds.
const EXPORT: i64 = 100_000;

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
    /// Only events older than this event id (a cursor, instead of `page`).
    pub before: Option<i32>,
    /// One action (`assessment.status`), or every action on a kind of record (`assessment`).
    #[param(max_length = 60)]
    pub action: Option<String>,
    /// Only events about this client: the client, its assessments, programme and projects.
    pub client_id: Option<i32>,
    /// The page, from 1.
    #[param(minimum = 1)]
    pub page: Option<u32>,
    /// Events per page, 1 to 1000 (default 50).
    #[param(minimum = 1, maximum = 1000)]
    pub per_page: Option<u32>,
    /// The same as `per_page` (kept for earlier clients).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u32>,
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
            action: self
                .action
                .as_deref()
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned),
            client_id: self.client_id,
        })
    }

    /// The rows of the page asked for, and its number and size.
    fn window(&self) -> AppResult<(Window, u32, u32)> {
        let per_page = self.per_page.or(self.limit).unwrap_or(DEFAULT_PAGE);
        let (window, page) = listing::window(self.page, (per_page, PAGE), "limit_out_of_range")?;
        Ok((window, page, per_page))
    }
}

/// The page of `items` found in `window`, out of `total`.
fn paged<T>(items: Vec<T>, total: i64, (_, page, per_page): (Window, u32, u32)) -> Paged<T> {
    Paged {
        items,
        total,
        page,
        per_page,
    }
}

/// An event with the email of the user who made it, if one did.
struct NamedEvent {
    event: AuditEvent,
    actor: Option<String>,
}

fn admin(caller: &Caller) -> AppResult<()> {
    require(caller, ADMINS, "read the audit trail")
}

/// One page of the organisation's events that pass the query, newest
/// first (admins).
pub fn search(app: &App, caller: &Caller, query: &AuditQuery) -> AppResult<Paged<AuditEvent>> {
    admin(caller)?;
    let (filter, cut) = (query.filter()?, query.window()?);
    let window = cut.0;
    let (events, total) = app.read(|conn| {
        Ok(AuditEvent::search(
            conn,
            caller.organisation_id.get(),
            &filter,
            window,
        )?)
    })?;
    Ok(paged(events, total, cut))
}

/// The audit trail page: a page of events as sentences, and the choices of
/// its filters.
pub struct Trail {
    /// The events found, as sentences.
    pub lines: Paged<AuditLine>,
    /// The organisation's people, by name: (id, name).
    pub people: Vec<(i32, String)>,
    /// The actions recorded so far.
    pub actions: Vec<String>,
    /// The client the trail is narrowed to, by name.
    pub client: Option<String>,
}

/// The trail in sentences of `language` (admins), filtered and paged like [`search`].
pub fn trail(
    app: &App,
    caller: &Caller,
    query: &AuditQuery,
    language: Language,
) -> AppResult<Trail> {
    admin(caller)?;
    let (filter, cut) = (query.filter()?, query.window()?);
    let window = cut.0;
    let organisation_id = caller.organisation_id.get();
    let (events, total, users, names, actions, client) = app.read(|conn| {
        let (events, total) = AuditEvent::search(conn, organisation_id, &filter, window)?;
        let names = RecordNames::of(conn, organisation_id, &audit_lines::records_named(&events))?;
        let client = match query.client_id {
            Some(id) => Some(super::clients::visible(conn, caller, ClientId(id))?.name),
            None => None,
        };
        Ok((
            events,
            total,
            User::list_in(conn, caller)?,
            names,
            AuditEvent::actions(conn, organisation_id)?,
            client,
        ))
    })?;
    let people: Vec<(i32, String)> = users.into_iter().map(|u| (u.id, u.name)).collect();
    let actors: HashMap<i32, String> = people.iter().cloned().collect();
    let lines = audit_lines::lines(events, &actors, &names, language);
    Ok(Trail {
        lines: paged(lines, total, cut),
        people,
        actions,
        client,
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
    let events = with_actors(app, caller, &filter, EXPORT)?;
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
    let today = chrono::Utc::now().date_naive().to_string();
    documents::table(
        &table,
        format,
        "audit",
        &documents::file_stem(&["Audit trail", &today]),
    )
}

/// The events that pass `filter`, each with its actor by email.
fn with_actors(
    app: &App,
    caller: &Caller,
    filter: &AuditFilter,
    limit: i64,
) -> AppResult<Vec<NamedEvent>> {
    let window = Window { offset: 0, limit };
    let ((events, _), users) = app.read(|conn| {
        Ok((
            AuditEvent::search(conn, caller.organisation_id.get(), filter, window)?,
            User::list_in(conn, caller)?,
        ))
    })?;
    let labels: HashMap<i32, String> = users.into_iter().map(|u| (u.id, u.email)).collect();
    Ok(events
        .into_iter()
        .map(|event| NamedEvent {
            actor: event.actor_id.and_then(|id| labels.get(&id).cloned()),
            event,
        })
        .collect())
}
