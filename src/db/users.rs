//! Users belong to one organisation and have one role.

use super::{
    now,
    schema::{organisations, users},
    AnyConnection,
};
use crate::domain::credentials::TwoFactorPolicy;
use crate::domain::i18n::Language;
use crate::domain::ids::{OrganisationId, UserId};
use crate::domain::role::{Caller, Role};
use diesel::prelude::*;

#[derive(Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i32,
    pub organisation_id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub password_hash: String,
    pub active: bool,
    pub created_at: chrono::NaiveDateTime,
    pub last_login_at: Option<chrono::NaiveDateTime>,
    /// The language they read the application in; none: their browser's.
    pub language: Option<Language>,
    /// When their second factor was switched on; none: they use none.
    pub totp_enabled_at: Option<chrono::NaiveDateTime>,
}

pub struct NewUser<'a> {
    pub organisation_id: i32,
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
}

/// A change of a user; absent fields stay as they are.
pub struct UserChanges {
    pub name: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
}

impl User {
    pub fn role(&self) -> Role {
        self.role
    }

    pub fn caller(&self) -> Caller {
        Caller {
            user_id: UserId(self.id),
            organisation_id: OrganisationId(self.organisation_id),
            role: self.role(),
        }
    }

    pub fn create(conn: &mut AnyConnection, new: NewUser<'_>) -> QueryResult<User> {
        diesel::insert_into(users::table)
            .values((
                users::organisation_id.eq(new.organisation_id),
                users::email.eq(new.email.trim().to_lowercase()),
                users::name.eq(new.name),
                users::role.eq(new.role.as_str()),
                users::password_hash.eq(new.password_hash),
                users::active.eq(true),
                users::created_at.eq(now()),
            ))
            .returning(users::id)
            .get_result::<i32>(conn)
            .and_then(|id| User::by_id(conn, id))
    }

    fn by_id(conn: &mut AnyConnection, id: i32) -> QueryResult<User> {
        users::table.find(id).select(User::as_select()).first(conn)
    }

    /// Emails are unique across organisations: login needs no tenant name.
    pub fn find_by_email(conn: &mut AnyConnection, email: &str) -> QueryResult<Option<User>> {
        users::table
            .filter(users::email.eq(email.trim().to_lowercase()))
            .select(User::as_select())
            .first(conn)
            .optional()
    }

    /// An active user of an organisation that is not switched off: the
    /// only users whose sessions and tokens work.
    /// An active user of an organisation that is not switched off: the
    /// only users whose sessions and tokens work.
    /// The active user who may log in with this address: none when the
    /// account or its organisation is switched off.
    pub fn find_for_login(conn: &mut AnyConnection, email: &str) -> QueryResult<Option<User>> {
        users::table
            .inner_join(organisations::table)
            .filter(users::email.eq(email.trim().to_lowercase()))
            .filter(users::active.eq(true))
            .filter(organisations::disabled_at.is_null())
            .select(User::as_select())
            .first(conn)
            .optional()
    }

    /// An active user of an organisation that is not switched off (the
    /// only users whose sessions and tokens work), with who in their
    /// organisation must use a second factor.
    pub fn find_active(
        conn: &mut AnyConnection,
        id: i32,
    ) -> QueryResult<Option<(User, TwoFactorPolicy)>> {
        users::table
            .inner_join(organisations::table)
            .filter(users::id.eq(id))
            .filter(users::active.eq(true))
            .filter(organisations::disabled_at.is_null())
            .select((User::as_select(), organisations::two_factor))
            .first(conn)
            .optional()
    }

    /// A user of the caller's organisation.
    pub fn find_in(
        conn: &mut AnyConnection,
        caller: &Caller,
        id: i32,
    ) -> QueryResult<Option<User>> {
        users::table
            .find(id)
            .filter(users::organisation_id.eq(caller.organisation_id.get()))
            .select(User::as_select())
            .first(conn)
            .optional()
    }

    pub fn list_in(conn: &mut AnyConnection, caller: &Caller) -> QueryResult<Vec<User>> {
        users::table
            .filter(users::organisation_id.eq(caller.organisation_id.get()))
            .order(users::id)
            .select(User::as_select())
            .load(conn)
    }

    pub fn update(conn: &mut AnyConnection, id: i32, changes: &UserChanges) -> QueryResult<User> {
        if changes.name.is_none() && changes.role.is_none() && changes.active.is_none() {
            return User::by_id(conn, id);
        }
        let changes = (
            changes.name.as_ref().map(|n| users::name.eq(n)),
            changes.role.map(|r| users::role.eq(r.as_str())),
            changes.active.map(|a| users::active.eq(a)),
        );
        diesel::update(users::table.find(id))
            .set(changes)
            .execute(conn)?;
        User::by_id(conn, id)
    }

    /// Notes when the user last logged in.
    pub fn record_login(
        conn: &mut AnyConnection,
        id: i32,
        at: chrono::NaiveDateTime,
    ) -> QueryResult<()> {
        diesel::update(users::table.find(id))
            .set(users::last_login_at.eq(Some(at)))
            .execute(conn)
            .map(|_| ())
    }

    /// Sets the language the user reads the application in; none: their browser's.
    pub fn set_language(
        conn: &mut AnyConnection,
        id: i32,
        language: Option<Language>,
    ) -> QueryResult<usize> {
        diesel::update(users::table.find(id))
            .set(users::language.eq(language.map(Language::code)))
            .execute(conn)
    }

    pub fn set_password_hash(conn: &mut AnyConnection, id: i32, hash: &str) -> QueryResult<usize> {
        diesel::update(users::table.find(id))
            .set(users::password_hash.eq(hash))
            .execute(conn)
    }

    pub fn count_in_organisation(
        conn: &mut AnyConnection,
        organisation_id: i32,
    ) -> QueryResult<i64> {
        users::table
            .filter(users::organisation_id.eq(organisation_id))
            .count()
            .get_result(conn)
    }
}

/// Debug output never shows the password hash.
impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("organisation_id", &self.organisation_id)
            .field("email", &self.email)
            .field("role", &self.role)
            .field("active", &self.active)
            .finish_non_exhaustive()
    }
}
