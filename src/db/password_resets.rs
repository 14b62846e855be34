//! One-time links that set a new password: an hour each, stored as digests.

use super::{now, AnyConnection};
use diesel::prelude::*;

// Its own table, joined with none.
diesel::table! {
    password_resets (id) {
        id -> Integer,
        user_id -> Integer,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

/// Opens a reset link for the user; their earlier unused ones stop working.
pub fn open(
    conn: &mut AnyConnection,
    user_id: i32,
    token_hash: &str,
    expires_at: chrono::NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(
        password_resets::table
            .filter(password_resets::user_id.eq(user_id))
            .filter(password_resets::used_at.is_null()),
    )
    .execute(conn)?;
    diesel::insert_into(password_resets::table)
        .values((
            password_resets::user_id.eq(user_id),
            password_resets::token_hash.eq(token_hash),
            password_resets::created_at.eq(now()),
            password_resets::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .map(drop)
}

/// The user of an unused, unexpired link.
pub fn user_of(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<Option<i32>> {
    password_resets::table
        .filter(password_resets::token_hash.eq(token_hash))
        .filter(password_resets::used_at.is_null())
        .filter(password_resets::expires_at.gt(now()))
        .select(password_resets::user_id)
        .first(conn)
        .optional()
}

/// Uses the link up; false when it was used already (by a request at the same moment).
pub fn use_up(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<bool> {
    diesel::update(
        password_resets::table
            .filter(password_resets::token_hash.eq(token_hash))
            .filter(password_resets::used_at.is_null()),
    )
    .set(password_resets::used_at.eq(Some(now())))
    .execute(conn)
    .map(|n| n == 1)
}
