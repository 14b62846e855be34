//! The audit trail: append-only, one row per change, with before and after.

use super::{now, schema::audit_events, AnyConnection};
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
