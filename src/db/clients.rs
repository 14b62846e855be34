//! Clients: the companies a consultancy assesses.

use super::{
    now,
    schema::{client_members, clients, users},
    users::User,
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

type Boxed<'a> = diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::Select<clients::table, diesel::dsl::AsSelect<Client, super::MultiBackend>>,
    super::MultiBackend,
>;

/// The clients a caller may see.
fn visible(caller: &Caller) -> Boxed<'static> {
    let query = clients::table
        .filter(clients::organisation_id.eq(caller.organisation_id.get()))
        .select(Client::as_select())
        .into_boxed();
    if caller.role.is_staff() {
        query
    } else {
        query.filter(clients::id.eq_any(member_of(caller.user_id.get())))
    }
}

impl Client {
    pub fn create(
        conn: &mut AnyConnection,
        caller: &Caller,
        new: NewClient<'_>,
    ) -> QueryResult<Client> {
        diesel::insert_into(clients::table)
            .values((
                clients::organisation_id.eq(caller.organisation_id.get()),
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
        visible(caller).order(clients::name).load(conn)
    }

    pub fn find_visible(
        conn: &mut AnyConnection,
        caller: &Caller,
        id: i32,
    ) -> QueryResult<Option<Client>> {
        visible(caller)
            .filter(clients::id.eq(id))
            .first(conn)
            .optional()
    }

    /// The organisation a client belongs to, whoever asks (the command line).
    pub fn organisation_of(conn: &mut AnyConnection, id: i32) -> QueryResult<Option<i32>> {
        clients::table
            .find(id)
            .select(clients::organisation_id)
            .first(conn)
            .optional()
    }

    /// Who is attached to which client in an organisation, as (user id,
    /// client) pairs by client name: the admins' overview of access.
    pub fn memberships_in(
        conn: &mut AnyConnection,
        organisation_id: i32,
    ) -> QueryResult<Vec<(i32, Client)>> {
        client_members::table
            .inner_join(clients::table)
            .filter(clients::organisation_id.eq(organisation_id))
            .order((clients::name, clients::id))
            .select((client_members::user_id, Client::as_select()))
            .load(conn)
    }

    /// The users of the organisation attached to one of its clients, by name.
    pub fn members(
        conn: &mut AnyConnection,
        organisation_id: i32,
        client_id: i32,
    ) -> QueryResult<Vec<User>> {
        users::table
            .inner_join(client_members::table)
            .filter(client_members::client_id.eq(client_id))
            .filter(users::organisation_id.eq(organisation_id))
            .order((users::name, users::id))
            .select(User::as_select())
            .load(conn)
    }

    /// Deletes the client and everything that hangs off it. Assessments go
    /// first (their answers, assessors and summaries cascade); the
    /// programme, memberships, KPI values and panel ranks cascade from the
    /// client. The caller has checked the client is theirs.
    pub fn erase(conn: &mut AnyConnection, client_id: i32) -> QueryResult<()> {
        use super::schema::assessments;
        diesel::delete(assessments::table.filter(assessments::client_id.eq(client_id)))
            .execute(conn)?;
        diesel::delete(clients::table.find(client_id)).execute(conn)?;
        Ok(())
    }

    /// Detaches a user from the client; false when they were not attached.
    pub fn detach(conn: &mut AnyConnection, client_id: i32, user_id: i32) -> QueryResult<bool> {
        diesel::delete(
            client_members::table
                .filter(client_members::client_id.eq(client_id))
                .filter(client_members::user_id.eq(user_id)),
        )
        .execute(conn)
        .map(|n| n > 0)
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
