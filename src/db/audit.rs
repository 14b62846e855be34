//! The audit trail: append-only, one row per change, with before and after.

use super::schema::{assessments, audit_events, programmes, projects};
use super::{now, AnyConnection, Window};
use crate::domain::role::Caller;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize, utoipa::ToSchema)]
#[diesel(table_name = audit_events)]
pub struct AuditEvent {
    pub id: i32,
    #[serde(skip)]
    pub organisation_id: i32,
    pub actor_id: Option<i32>,
    pub occurred_at: chrono::NaiveDateTime,
    pub entity: String,
    pub entity_id: i32,
    pub action: String,
    /// JSON of the state before the change, absent for a creation.
    pub before_value: Option<String>,
    pub after_value: Option<String>,
}

/// Which events to list; every part is optional.
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub entity: Option<String>,
    pub entity_id: Option<i32>,
    pub actor_id: Option<i32>,
    /// From this moment on.
    pub since: Option<chrono::NaiveDateTime>,
    /// Before this moment.
    pub until: Option<chrono::NaiveDateTime>,
    /// Events with a smaller id (paging).
    pub before: Option<i32>,
    /// One action (`assessment.status`), or every action on one kind of
    /// record (`assessment`).
    pub action: Option<String>,
    /// Events about one client: the client itself, its assessments, its
    /// programme and the programme's projects.
    pub client_id: Option<i32>,
}

/// A change to record.
pub struct Change<'a> {
    pub organisation_id: i32,
    pub actor_id: Option<i32>,
    pub entity: &'a str,
    pub entity_id: i32,
    pub action: &'a str,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl<'a> Change<'a> {
    /// A change made by `caller`, without before and after values yet.
    pub fn by(caller: &Caller, entity: &'a str, entity_id: i32, action: &'a str) -> Change<'a> {
        Change {
            organisation_id: caller.organisation_id.get(),
            actor_id: Some(caller.user_id.get()),
            entity,
            entity_id,
            action,
            before: None,
            after: None,
        }
    }

    pub fn after(self, value: serde_json::Value) -> Change<'a> {
        Change {
            after: Some(value.to_string()),
            ..self
        }
    }

    pub fn before(self, value: serde_json::Value) -> Change<'a> {
        Change {
            before: Some(value.to_string()),
            ..self
        }
    }
}

impl AuditEvent {
    pub fn record(conn: &mut AnyConnection, change: Change<'_>) -> QueryResult<()> {
        diesel::insert_into(audit_events::table)
            .values((
                audit_events::organisation_id.eq(change.organisation_id),
                audit_events::actor_id.eq(change.actor_id),
                audit_events::occurred_at.eq(now()),
                audit_events::entity.eq(change.entity),
                audit_events::entity_id.eq(change.entity_id),
                audit_events::action.eq(change.action),
                audit_events::before_value.eq(change.before),
                audit_events::after_value.eq(change.after),
            ))
            .execute(conn)
            .map(|_| ())
    }

    /// One page of the organisation's events that pass `filter`, newest
    /// first, and how many pass in all.
    pub fn search(
        conn: &mut AnyConnection,
        organisation_id: i32,
        filter: &AuditFilter,
        window: Window,
    ) -> QueryResult<(Vec<AuditEvent>, i64)> {
        let total = matching(organisation_id, filter).count().get_result(conn)?;
        let events = matching(organisation_id, filter)
            .order(audit_events::id.desc())
            .offset(window.offset)
            .limit(window.limit)
            .select(AuditEvent::as_select())
            .load(conn)?;
        Ok((events, total))
    }

    /// The actions recorded in the organisation, each once: the choices of
    /// the trail's filter.
    pub fn actions(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<Vec<String>> {
        audit_events::table
            .filter(audit_events::organisation_id.eq(organisation_id))
            .select(audit_events::action)
            .distinct()
            .order(audit_events::action)
            .load(conn)
    }

    /// Blanks the before and after values of the events about these
    /// entities (erasure); the events themselves stay. Returns how many.
    pub fn blank(
        conn: &mut AnyConnection,
        organisation_id: i32,
        entity: &str,
        ids: &[i32],
    ) -> QueryResult<usize> {
        let mut blanked = 0;
        // Chunks keep SQLite under its limit of bound parameters.
        for chunk in ids.chunks(500) {
            blanked += diesel::update(
                audit_events::table
                    .filter(audit_events::organisation_id.eq(organisation_id))
                    .filter(audit_events::entity.eq(entity))
                    .filter(audit_events::entity_id.eq_any(chunk)),
            )
            .set((
                audit_events::before_value.eq(None::<String>),
                audit_events::after_value.eq(None::<String>),
            ))
            .execute(conn)?;
        }
        Ok(blanked)
    }

    pub fn list_for(
        conn: &mut AnyConnection,
        organisation_id: i32,
        entity: &str,
        entity_id: i32,
    ) -> QueryResult<Vec<AuditEvent>> {
        audit_events::table
            .filter(audit_events::organisation_id.eq(organisation_id))
            .filter(audit_events::entity.eq(entity))
            .filter(audit_events::entity_id.eq(entity_id))
            .order(audit_events::id)
            .select(AuditEvent::as_select())
            .load(conn)
    }
}

/// The organisation's events that pass `filter`, unordered and unselected.
fn matching<'a>(
    organisation_id: i32,
    filter: &'a AuditFilter,
) -> audit_events::BoxedQuery<'a, super::MultiBackend> {
    let mut query = audit_events::table
        .filter(audit_events::organisation_id.eq(organisation_id))
        .into_boxed();
    if let Some(entity) = &filter.entity {
        query = query.filter(audit_events::entity.eq(entity.clone()));
    }
    if let Some(id) = filter.entity_id {
        query = query.filter(audit_events::entity_id.eq(id));
    }
    if let Some(actor) = filter.actor_id {
        query = query.filter(audit_events::actor_id.eq(actor));
    }
    if let Some(since) = filter.since {
        query = query.filter(audit_events::occurred_at.ge(since));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_events::occurred_at.lt(until));
    }
    if let Some(before) = filter.before {
        query = query.filter(audit_events::id.lt(before));
    }
    if let Some(action) = &filter.action {
        query = if action.contains('.') {
            query.filter(audit_events::action.eq(action.clone()))
        } else {
            query.filter(
                audit_events::action
                    .like(super::starts_with(&format!("{action}.")))
                    .escape('\\'),
            )
        };
    }
    if let Some(client_id) = filter.client_id {
        let assessments_of = assessments::table
            .filter(assessments::client_id.eq(client_id))
            .select(assessments::id);
        let programmes_of = programmes::table
            .filter(programmes::client_id.eq(client_id))
            .select(programmes::id);
        let projects_of = projects::table
            .inner_join(programmes::table)
            .filter(programmes::client_id.eq(client_id))
            .select(projects::id);
        query = query.filter(
            audit_events::entity
                .eq("client")
                .and(audit_events::entity_id.eq(client_id))
                .or(audit_events::entity
                    .eq("assessment")
                    .and(audit_events::entity_id.eq_any(assessments_of)))
                .or(audit_events::entity
                    .eq("programme")
                    .and(audit_events::entity_id.eq_any(programmes_of)))
                .or(audit_events::entity
                    .eq("project")
                    .and(audit_events::entity_id.eq_any(projects_of))),
        );
    }
    query
}
