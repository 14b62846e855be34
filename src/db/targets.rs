//! Target sets: what a client and scope aim for after a final assessment,
//! one row per version, with its targets beside it. A new version never
//! changes an old one.

use super::schema::{target_sets, targets};
use super::{now, AnyConnection};
use diesel::prelude::*;

/// One version of a client and scope's targets, as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = target_sets)]
pub struct TargetSetRow {
    pub id: i32,
    pub organisation_id: i32,
    pub client_id: i32,
    pub assessment_id: i32,
    pub scope_key: String,
    pub version: i32,
    pub set_by: Option<i32>,
    pub set_at: chrono::NaiveDateTime,
}

/// One target of a set: an area's or a practice's % by a date.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = targets)]
pub struct TargetRow {
    pub set_id: i32,
    pub node_id: String,
    /// `area` or `practice`.
    pub kind: String,
    pub target: f64,
    pub due_date: chrono::NaiveDate,
}

/// Whose targets: an organisation's client and one of its scopes.
#[derive(Debug, Clone, Copy)]
pub struct TargetOwner<'a> {
    pub organisation_id: i32,
    pub client_id: i32,
    pub scope_key: &'a str,
}

impl TargetSetRow {
    /// Every version of the owner's targets, newest first.
    pub fn history(conn: &mut AnyConnection, owner: TargetOwner<'_>) -> QueryResult<Vec<Self>> {
        target_sets::table
            .filter(target_sets::organisation_id.eq(owner.organisation_id))
            .filter(target_sets::client_id.eq(owner.client_id))
            .filter(target_sets::scope_key.eq(owner.scope_key))
            .order(target_sets::version.desc())
            .select(Self::as_select())
            .load(conn)
    }

    /// The targets of sets, in the order of their nodes.
    pub fn targets(conn: &mut AnyConnection, set_ids: &[i32]) -> QueryResult<Vec<TargetRow>> {
        targets::table
            .filter(targets::set_id.eq_any(set_ids))
            .order((targets::set_id, targets::kind, targets::node_id))
            .select(TargetRow::as_select())
            .load(conn)
    }

    /// Stores the next version of the owner's targets, starting from
    /// `assessment_id`. Two setters at once: the loser's insert breaks the
    /// unique version and its transaction rolls back.
    pub fn create(
        conn: &mut AnyConnection,
        owner: TargetOwner<'_>,
        (assessment_id, set_by): (i32, i32),
        items: &[(String, &'static str, f64, chrono::NaiveDate)],
    ) -> QueryResult<Self> {
        let version = target_sets::table
            .filter(target_sets::client_id.eq(owner.client_id))
            .filter(target_sets::scope_key.eq(owner.scope_key))
            .select(diesel::dsl::max(target_sets::version))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0)
            + 1;
        let set = diesel::insert_into(target_sets::table)
            .values((
                target_sets::organisation_id.eq(owner.organisation_id),
                target_sets::client_id.eq(owner.client_id),
                target_sets::assessment_id.eq(assessment_id),
                target_sets::scope_key.eq(owner.scope_key),
                target_sets::version.eq(version),
                target_sets::set_by.eq(Some(set_by)),
                target_sets::set_at.eq(now()),
            ))
            .returning(target_sets::all_columns)
            .get_result::<Self>(conn)?;
        // One insert per target: the multi-backend connection has no batch insert.
        for (node_id, kind, target, due_date) in items {
            diesel::insert_into(targets::table)
                .values(TargetRow {
                    set_id: set.id,
                    node_id: node_id.clone(),
                    kind: (*kind).to_owned(),
                    target: *target,
                    due_date: *due_date,
                })
                .execute(conn)?;
        }
        Ok(set)
    }
}
