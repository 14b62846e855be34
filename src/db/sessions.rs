//! Browser sessions, kept in the database so any instance can serve any
//! request. Only a hash of the session id is stored.

use super::{
    now,
    schema::{sessions, users},
    AnyConnection,
};
use crate::domain::credentials::Seen;
use diesel::prelude::*;

#[derive(Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct Session {
    pub id: i32,
    pub token_hash: String,
    pub user_id: i32,
    pub csrf_token: String,
    pub created_at: chrono::NaiveDateTime,
    pub expires_at: chrono::NaiveDateTime,
    /// The browser it was opened from, as its User-Agent said.
    pub device: String,
    /// The address it was opened from.
    pub address: String,
    /// When a request last came with it (at most a minute out).
    pub last_seen_at: Option<chrono::NaiveDateTime>,
}

impl Session {
    pub fn create(
        conn: &mut AnyConnection,
        user_id: i32,
        token_hash: &str,
        csrf_token: &str,
        lifetime: chrono::Duration,
        seen: &Seen,
    ) -> QueryResult<Session> {
        let created = now();
        diesel::insert_into(sessions::table)
            .values((
                sessions::token_hash.eq(token_hash),
                sessions::user_id.eq(user_id),
                sessions::csrf_token.eq(csrf_token),
                sessions::created_at.eq(created),
                sessions::expires_at.eq(created + lifetime),
                sessions::device.eq(&seen.device),
                sessions::address.eq(&seen.address),
                sessions::last_seen_at.eq(Some(created)),
            ))
            .returning(sessions::all_columns)
            .get_result::<Session>(conn)
    }

    /// The live session with this hash, if any.
    pub fn find_live(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<Option<Session>> {
        sessions::table
            .filter(sessions::token_hash.eq(token_hash))
            .filter(sessions::expires_at.gt(now()))
            .select(Session::as_select())
            .first(conn)
            .optional()
    }

    /// Notes that the session was used just now, from `address`.
    pub fn touch(conn: &mut AnyConnection, id: i32, address: &str) -> QueryResult<()> {
        diesel::update(sessions::table.find(id))
            .set((
                sessions::last_seen_at.eq(Some(now())),
                sessions::address.eq(address),
            ))
            .execute(conn)
            .map(drop)
    }

    /// A user's live sessions, newest first.
    pub fn live_of(conn: &mut AnyConnection, user_id: i32) -> QueryResult<Vec<Session>> {
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::expires_at.gt(now()))
            .order(sessions::id.desc())
            .select(Session::as_select())
            .load(conn)
    }

    /// Ends one of a user's sessions; false when they have no such session.
    pub fn end_of(conn: &mut AnyConnection, user_id: i32, id: i32) -> QueryResult<bool> {
        diesel::delete(
            sessions::table
                .find(id)
                .filter(sessions::user_id.eq(user_id)),
        )
        .execute(conn)
        .map(|n| n == 1)
    }

    pub fn delete(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<usize> {
        diesel::delete(sessions::table.filter(sessions::token_hash.eq(token_hash))).execute(conn)
    }

    /// Ends every session of a user, e.g. after a password change.
    pub fn delete_for_user(conn: &mut AnyConnection, user_id: i32) -> QueryResult<usize> {
        diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)
    }

    /// Ends every session of an organisation's people, when it is switched off.
    pub fn delete_in_organisation(
        conn: &mut AnyConnection,
        organisation_id: i32,
    ) -> QueryResult<usize> {
        let people = users::table
            .filter(users::organisation_id.eq(organisation_id))
            .select(users::id);
        diesel::delete(sessions::table.filter(sessions::user_id.eq_any(people))).execute(conn)
    }

    pub fn delete_expired(conn: &mut AnyConnection) -> QueryResult<usize> {
        diesel::delete(sessions::table.filter(sessions::expires_at.le(now()))).execute(conn)
    }
}

/// Debug output never shows the CSRF token.
impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("id", &self.id)
            .field("user_id", &self.user_id)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}
