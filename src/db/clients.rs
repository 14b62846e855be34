//! Clients: the companies a consultancy assesses.

use super::{
    now,
    schema::{client_members, clients, users},
    users::User,
    AnyConnection, Window,
};
use crate::domain::i18n::Language;
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
    /// The name as compared: lower case, spacing made single.
    pub name_key: String,
    /// The language its reports are written in.
    pub report_language: Language,
}

/// A client's profile as created or changed; `name_key` is the name as
/// compared (see `app::listing::search_key`).
pub struct NewClient<'a> {
    pub name: &'a str,
    pub name_key: &'a str,
    pub sector: &'a str,
    pub size_band: &'a str,
    pub region: &'a str,
    pub report_language: Language,
}

/// What a list of clients is narrowed to; `text` is matched against the
/// name's key.
#[derive(Debug, Default)]
pub struct ClientSearch<'a> {
    pub text: Option<&'a str>,
    pub sector: Option<&'a str>,
    pub region: Option<&'a str>,
}

/// The orders a list of clients takes; each ends with the name, then the id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientOrder {
    Name,
    Sector,
    Region,
    Created,
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

/// The clients a caller may see that match a search, unselected.
fn matching<'a>(
    caller: &Caller,
    search: &ClientSearch<'a>,
) -> clients::BoxedQuery<'a, super::MultiBackend> {
    let mut query = clients::table
        .filter(clients::organisation_id.eq(caller.organisation_id.get()))
        .into_boxed();
    if !caller.role.is_staff() {
        query = query.filter(clients::id.eq_any(member_of(caller.user_id.get())));
    }
    if let Some(text) = search.text {
        query = query.filter(clients::name_key.like(super::contains(text)).escape('\\'));
    }
    if let Some(sector) = search.sector {
        query = query.filter(clients::sector.eq(sector.to_owned()));
    }
    if let Some(region) = search.region {
        query = query.filter(clients::region.eq(region.to_owned()));
    }
    query
}

impl Client {
    /// One page of the clients a caller may see that match `search`, and
    /// how many match in all.
    pub fn search(
        conn: &mut AnyConnection,
        caller: &Caller,
        search: &ClientSearch<'_>,
        (order, descending): (ClientOrder, bool),
        window: Window,
    ) -> QueryResult<(Vec<Client>, i64)> {
        let total = matching(caller, search).count().get_result(conn)?;
        let query = matching(caller, search);
        let query = match (order, descending) {
            (ClientOrder::Name, false) => query.order(clients::name_key.asc()),
            (ClientOrder::Name, true) => query.order(clients::name_key.desc()),
            (ClientOrder::Sector, false) => query.order(clients::sector.asc()),
            (ClientOrder::Sector, true) => query.order(clients::sector.desc()),
            (ClientOrder::Region, false) => query.order(clients::region.asc()),
            (ClientOrder::Region, true) => query.order(clients::region.desc()),
            (ClientOrder::Created, false) => query.order(clients::created_at.asc()),
            (ClientOrder::Created, true) => query.order(clients::created_at.desc()),
        };
        let items = query
            .then_order_by(clients::name_key)
            .then_order_by(clients::id)
            .offset(window.offset)
            .limit(window.limit)
            .select(Client::as_select())
            .load(conn)?;
        Ok((items, total))
    }

    /// The names of these clients, as far as the caller may see them.
    pub fn names_of(
        conn: &mut AnyConnection,
        caller: &Caller,
        ids: &[i32],
    ) -> QueryResult<std::collections::HashMap<i32, String>> {
        let rows: Vec<(i32, String)> = matching(caller, &ClientSearch::default())
            .filter(clients::id.eq_any(ids.to_vec()))
            .select((clients::id, clients::name))
            .load(conn)?;
        Ok(rows.into_iter().collect())
    }

    /// How many clients the caller may see.
    pub fn count_visible(conn: &mut AnyConnection, caller: &Caller) -> QueryResult<i64> {
        matching(caller, &ClientSearch::default())
            .count()
            .get_result(conn)
    }

    /// The sectors and regions of the clients a caller may see, each sorted
    /// and once: the choices of the list's filters.
    pub fn facets(
        conn: &mut AnyConnection,
        caller: &Caller,
    ) -> QueryResult<(Vec<String>, Vec<String>)> {
        let none = ClientSearch::default();
        let sectors = matching(caller, &none)
            .select(clients::sector)
            .distinct()
            .order(clients::sector)
            .load(conn)?;
        let regions = matching(caller, &none)
            .select(clients::region)
            .distinct()
            .order(clients::region)
            .load(conn)?;
        Ok((sectors, regions))
    }

    /// The client of the organisation whose name has this key, if any.
    pub fn find_by_key(
        conn: &mut AnyConnection,
        organisation_id: i32,
        name_key: &str,
    ) -> QueryResult<Option<Client>> {
        clients::table
            .filter(clients::organisation_id.eq(organisation_id))
            .filter(clients::name_key.eq(name_key))
            .select(Client::as_select())
            .first(conn)
            .optional()
    }

    /// Changes a client's profile.
    pub fn update(
        conn: &mut AnyConnection,
        id: i32,
        profile: NewClient<'_>,
    ) -> QueryResult<Client> {
        diesel::update(clients::table.find(id))
            .set((
                clients::name.eq(profile.name),
                clients::name_key.eq(profile.name_key),
                clients::sector.eq(profile.sector),
                clients::size_band.eq(profile.size_band),
                clients::region.eq(profile.region),
                clients::report_language.eq(profile.report_language.code()),
            ))
            .returning(clients::all_columns)
            .get_result(conn)
    }

    pub fn create(
        conn: &mut AnyConnection,
        organisation_id: i32,
        new: NewClient<'_>,
    ) -> QueryResult<Client> {
        diesel::insert_into(clients::table)
            .values((
                clients::organisation_id.eq(organisation_id),
                clients::name.eq(new.name),
                clients::name_key.eq(new.name_key),
                clients::sector.eq(new.sector),
                clients::size_band.eq(new.size_band),
                clients::region.eq(new.region),
                clients::report_language.eq(new.report_language.code()),
                clients::created_at.eq(now()),
            ))
            .returning(clients::all_columns)
            .get_result(conn)
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
