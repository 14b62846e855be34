//! One-time links by which an invited person sets their own password. Only
//! the token's digest is stored; a newer invitation replaces the open ones.

use super::schema::{invitations, users};
use super::users::User;
use super::AnyConnection;
use diesel::prelude::*;

impl User {
    /// Opens an invitation for the user, valid until `expires_at`, and
    /// withdraws the user's earlier open ones.
    pub fn invite(
        conn: &mut AnyConnection,
        user_id: i32,
        token_hash: &str,
        by: Option<i32>,
        (now, expires_at): (chrono::NaiveDateTime, chrono::NaiveDateTime),
    ) -> QueryResult<()> {
        diesel::delete(
            invitations::table
                .filter(invitations::user_id.eq(user_id))
                .filter(invitations::accepted_at.is_null()),
        )
        .execute(conn)?;
        diesel::insert_into(invitations::table)
            .values((
                invitations::user_id.eq(user_id),
                invitations::token_hash.eq(token_hash),
                invitations::created_by.eq(by),
                invitations::created_at.eq(now),
                invitations::expires_at.eq(expires_at),
            ))
            .execute(conn)
            .map(|_| ())
    }

    /// The user an open, unexpired invitation with this digest is for, and
    /// the invitation's id.
    pub fn invited(
        conn: &mut AnyConnection,
        token_hash: &str,
        now: chrono::NaiveDateTime,
    ) -> QueryResult<Option<(i32, User)>> {
        invitations::table
            .inner_join(users::table)
            .filter(invitations::token_hash.eq(token_hash))
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::expires_at.gt(now))
            .select((invitations::id, User::as_select()))
            .first(conn)
            .optional()
    }

    /// The id of the user's open, unexpired invitation, if they have one.
    pub fn open_invitation(
        conn: &mut AnyConnection,
        user_id: i32,
        now: chrono::NaiveDateTime,
    ) -> QueryResult<Option<i32>> {
        invitations::table
            .filter(invitations::user_id.eq(user_id))
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::expires_at.gt(now))
            .select(invitations::id)
            .first(conn)
            .optional()
    }

    /// Marks the invitation used; false when another acceptance was first.
    pub fn accept_invitation(
        conn: &mut AnyConnection,
        invitation_id: i32,
        now: chrono::NaiveDateTime,
    ) -> QueryResult<bool> {
        diesel::update(
            invitations::table
                .find(invitation_id)
                .filter(invitations::accepted_at.is_null()),
        )
        .set(invitations::accepted_at.eq(Some(now)))
        .execute(conn)
        .map(|n| n == 1)
    }
}
