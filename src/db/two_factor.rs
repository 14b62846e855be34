//! A person's second factor: the sealed TOTP secret, when it was switched
//! on, the last step a code was accepted for, their recovery codes (as
//! digests) and the logins waiting for a code.

use super::{now, schema::users, AnyConnection};
use diesel::prelude::*;

// Their own tables, joined with none.
diesel::table! {
    recovery_codes (id) {
        id -> Integer,
        user_id -> Integer,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_challenges (id) {
        id -> Integer,
        token_hash -> Text,
        user_id -> Integer,
        expires_at -> Timestamp,
    }
}

/// What is stored of a person's second factor.
#[derive(Debug, Clone, Default, Queryable)]
pub struct TwoFactor {
    /// The sealed secret: set at enrolment, before it is switched on.
    pub sealed_secret: Option<String>,
    /// When it was switched on; none: not in use.
    pub enabled_at: Option<chrono::NaiveDateTime>,
    /// The last time step a code was accepted for.
    pub last_step: Option<i64>,
}

impl TwoFactor {
    pub fn of(conn: &mut AnyConnection, user_id: i32) -> QueryResult<TwoFactor> {
        users::table
            .find(user_id)
            .select((
                users::totp_secret,
                users::totp_enabled_at,
                users::totp_last_step,
            ))
            .first(conn)
    }

    /// Keeps a new secret, not yet in use (enrolment has begun).
    pub fn begin(conn: &mut AnyConnection, user_id: i32, sealed: &str) -> QueryResult<()> {
        diesel::update(users::table.find(user_id))
            .set((
                users::totp_secret.eq(Some(sealed)),
                users::totp_enabled_at.eq(None::<chrono::NaiveDateTime>),
                users::totp_last_step.eq(None::<i64>),
            ))
            .execute(conn)
            .map(drop)
    }

    /// Switches it on, the step of the code that proved it used up.
    pub fn switch_on(conn: &mut AnyConnection, user_id: i32, step: i64) -> QueryResult<()> {
        diesel::update(users::table.find(user_id))
            .set((
                users::totp_enabled_at.eq(Some(now())),
                users::totp_last_step.eq(Some(step)),
            ))
            .execute(conn)
            .map(drop)
    }

    /// Uses up `step` if no later or equal step was used before: false
    /// means the code was used already (a replay), even by a request at
    /// the same moment.
    pub fn use_step(conn: &mut AnyConnection, user_id: i32, step: i64) -> QueryResult<bool> {
        let changed = diesel::update(
            users::table.find(user_id).filter(
                users::totp_last_step
                    .is_null()
                    .or(users::totp_last_step.lt(step)),
            ),
        )
        .set(users::totp_last_step.eq(Some(step)))
        .execute(conn)?;
        Ok(changed == 1)
    }

    /// Switches it off and forgets the secret and the recovery codes.
    pub fn switch_off(conn: &mut AnyConnection, user_id: i32) -> QueryResult<()> {
        diesel::update(users::table.find(user_id))
            .set((
                users::totp_secret.eq(None::<String>),
                users::totp_enabled_at.eq(None::<chrono::NaiveDateTime>),
                users::totp_last_step.eq(None::<i64>),
            ))
            .execute(conn)?;
        diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
            .execute(conn)
            .map(drop)
    }

    /// Replaces the person's recovery codes with these digests.
    pub fn set_recovery_codes(
        conn: &mut AnyConnection,
        user_id: i32,
        digests: &[String],
    ) -> QueryResult<()> {
        diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
            .execute(conn)?;
        for digest in digests {
            diesel::insert_into(recovery_codes::table)
                .values((
                    recovery_codes::user_id.eq(user_id),
                    recovery_codes::code_hash.eq(digest),
                ))
                .execute(conn)?;
        }
        Ok(())
    }

    /// Uses up an unused recovery code with this digest; false when there is none.
    pub fn use_recovery_code(
        conn: &mut AnyConnection,
        user_id: i32,
        digest: &str,
    ) -> QueryResult<bool> {
        let changed = diesel::update(
            recovery_codes::table
                .filter(recovery_codes::user_id.eq(user_id))
                .filter(recovery_codes::code_hash.eq(digest))
                .filter(recovery_codes::used_at.is_null()),
        )
        .set(recovery_codes::used_at.eq(Some(now())))
        .execute(conn)?;
        Ok(changed == 1)
    }

    /// How many unused recovery codes the person has left.
    pub fn recovery_codes_left(conn: &mut AnyConnection, user_id: i32) -> QueryResult<i64> {
        recovery_codes::table
            .filter(recovery_codes::user_id.eq(user_id))
            .filter(recovery_codes::used_at.is_null())
            .count()
            .get_result(conn)
    }
}

/// A login whose password was right, waiting for its code.
pub struct Challenge;

impl Challenge {
    pub fn create(
        conn: &mut AnyConnection,
        user_id: i32,
        token_hash: &str,
        expires_at: chrono::NaiveDateTime,
    ) -> QueryResult<()> {
        diesel::delete(login_challenges::table.filter(login_challenges::expires_at.le(now())))
            .execute(conn)?;
        diesel::insert_into(login_challenges::table)
            .values((
                login_challenges::user_id.eq(user_id),
                login_challenges::token_hash.eq(token_hash),
                login_challenges::expires_at.eq(expires_at),
            ))
            .execute(conn)
            .map(drop)
    }

    /// The person an unexpired challenge is for.
    pub fn user_of(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<Option<i32>> {
        login_challenges::table
            .filter(login_challenges::token_hash.eq(token_hash))
            .filter(login_challenges::expires_at.gt(now()))
            .select(login_challenges::user_id)
            .first(conn)
            .optional()
    }

    /// Uses the challenge up; false when it was used already.
    pub fn finish(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<bool> {
        diesel::delete(login_challenges::table.filter(login_challenges::token_hash.eq(token_hash)))
            .execute(conn)
            .map(|n| n == 1)
    }
}
