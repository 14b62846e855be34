//! Agreed actions: a client's work items that answer an assessment's
//! priorities, each with an owner, a due date, a status and the project
//! that carries it. Always read within an organisation.

use super::schema::actions;
use super::{now, AnyConnection};
use crate::domain::plans::ActionStatus;
use diesel::prelude::*;

/// An action as stored; `addresses` is a JSON array of area and practice ids.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = actions)]
pub struct ActionRow {
    pub id: i32,
    pub organisation_id: i32,
    pub client_id: i32,
    pub assessment_id: Option<i32>,
    pub title: String,
    pub addresses: String,
    pub owner_user_id: Option<i32>,
    pub owner_name: Option<String>,
    pub due_date: Option<chrono::NaiveDate>,
    pub status: ActionStatus,
    pub project_id: Option<i32>,
    pub version: i32,
    pub created_by: Option<i32>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// What a writer sets of an action.
#[derive(Debug, Clone, AsChangeset, Insertable)]
#[diesel(table_name = actions, treat_none_as_null = true)]
pub struct ActionFields {
    pub assessment_id: Option<i32>,
    pub title: String,
    pub addresses: String,
    pub owner_user_id: Option<i32>,
    pub owner_name: Option<String>,
    pub due_date: Option<chrono::NaiveDate>,
    /// `ActionStatus::as_str`.
    pub status: &'static str,
    pub project_id: Option<i32>,
}

impl ActionRow {
    /// A client's actions, by due date (undated last), then id.
    pub fn for_client(
        conn: &mut AnyConnection,
        organisation_id: i32,
        client_id: i32,
    ) -> QueryResult<Vec<Self>> {
        let mut rows: Vec<Self> = actions::table
            .filter(actions::organisation_id.eq(organisation_id))
            .filter(actions::client_id.eq(client_id))
            .order(actions::id)
            .select(Self::as_select())
            .load(conn)?;
        rows.sort_by_key(|a| (a.due_date.is_none(), a.due_date, a.id));
        Ok(rows)
    }

    /// One action of the organisation.
    pub fn find(
        conn: &mut AnyConnection,
        organisation_id: i32,
        id: i32,
    ) -> QueryResult<Option<Self>> {
        actions::table
            .filter(actions::organisation_id.eq(organisation_id))
            .filter(actions::id.eq(id))
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    /// Stores a new action at version 1.
    pub fn create(
        conn: &mut AnyConnection,
        (organisation_id, client_id, created_by): (i32, i32, i32),
        fields: &ActionFields,
    ) -> QueryResult<Self> {
        let at = now();
        diesel::insert_into(actions::table)
            .values((
                actions::organisation_id.eq(organisation_id),
                actions::client_id.eq(client_id),
                actions::version.eq(1),
                actions::created_by.eq(Some(created_by)),
                actions::created_at.eq(at),
                actions::updated_at.eq(at),
                fields,
            ))
            .returning(actions::all_columns)
            .get_result(conn)
    }

    /// Replaces an action's fields if it is still at `version`; the stored
    /// action after, or none when it changed meanwhile.
    pub fn update(
        conn: &mut AnyConnection,
        id: i32,
        version: i32,
        fields: &ActionFields,
    ) -> QueryResult<Option<Self>> {
        diesel::update(
            actions::table
                .filter(actions::id.eq(id))
                .filter(actions::version.eq(version)),
        )
        .set((
            fields,
            actions::version.eq(version.saturating_add(1)),
            actions::updated_at.eq(now()),
        ))
        .returning(actions::all_columns)
        .get_result(conn)
        .optional()
    }
}
