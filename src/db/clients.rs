//! Clients: the companies a consultancy assesses.

use super::{
    now,
    schema::{client_members, clients},
    AnyConnection,
};
use crate::domain::role::Caller;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = clients)]
pub struct Client {
    pub id: i32,
    pub organisation_id: i32,
    pub name: String,
    pub sector: String,
    pub size_band: String,
    pub region: String,
    pub created_at: chrono::NaiveDateTime,
}

pub struct NewClient<'a> {
    pub name: &'a str,
    pub sector: &'a str,
    pub size_band: &'a str,
    pub region: &'a str,
}

impl Client {
    pub fn create(
        conn: &mut AnyConnection,
        caller: &Caller,
        new: NewClient<'_>,
    ) -> QueryResult<Client> {
        diesel::insert_into(clients::table)
            .values((
                clients::organisation_id.eq(caller.organisation_id),
                clients::name.eq(new.name),
                clients::sector.eq(new.sector),
                clients::size_band.eq(new.size_band),
                clients::region.eq(new.region),
                clients::created_at.eq(now()),
            ))
            .returning(clients::all_columns)
            .get_result::<Client>(conn)
    }

    /// Clients of the caller's organisation; executives and programme
    /// managers see only those they are attached to.
    pub fn list_visible(conn: &mut AnyConnection, caller: &Caller) -> QueryResult<Vec<Client>> {
        let mut query = clients::table
            .filter(clients::organisation_id.eq(caller.organisation_id))
            .select(Client::as_select())
            .order(clients::name)
            .into_boxed();
        if !caller.role.sees_all_clients() {
            query = query.filter(clients::id.eq_any(member_of(caller.user_id)));
        }
        query.load(conn)
    }

    pub fn find_visible(
        conn: &mut AnyConnection,
        caller: &Caller,
        id: i32,
    ) -> QueryResult<Option<Client>> {
        let mut query = clients::table
            .find(id)
            .filter(clients::organisation_id.eq(caller.organisation_id))
            .select(Client::as_select())
            .into_boxed();
        if !caller.role.sees_all_clients() {
            query = query.filter(clients::id.eq_any(member_of(caller.user_id)));
        }
        query.first(conn).optional()
    }

    /// Attaches a user (an executive or programme manager) to the client.
    pub fn attach(conn: &mut AnyConnection, client_id: i32, user_id: i32) -> QueryResult<()> {
        let exists: i64 = client_members::table
            .filter(client_members::client_id.eq(client_id))
            .filter(client_members::user_id.eq(user_id))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            diesel::insert_into(client_members::table)
                .values((
                    client_members::client_id.eq(client_id),
                    client_members::user_id.eq(user_id),
                ))
                .execute(conn)?;
        }
        Ok(())
    }
}

/// The clients a user is attached to, as a subquery.
pub(crate) fn member_of(
    user_id: i32,
) -> diesel::dsl::Select<
    diesel::dsl::Filter<client_members::table, diesel::dsl::Eq<client_members::user_id, i32>>,
    client_members::client_id,
> {
    client_members::table
        .filter(client_members::user_id.eq(user_id))
        .select(client_members::client_id)
}
