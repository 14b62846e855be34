//! API tokens: shown once, stored as a hash, revocable.

use super::{
    now,
    schema::{api_tokens, users},
    AnyConnection,
};
use crate::domain::credentials::TokenScope;
use crate::domain::role::{Caller, Role};
use diesel::prelude::*;
use diesel::sql_types::Bool;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct ApiToken {
    pub id: i32,
    pub user_id: i32,
    pub name: String,
    pub token_hash: String,
    pub created_at: chrono::NaiveDateTime,
    pub last_used_at: Option<chrono::NaiveDateTime>,
    pub revoked_at: Option<chrono::NaiveDateTime>,
    /// The address it was last used from.
    pub last_used_address: Option<String>,
    /// When it stops working; none: never.
    pub expires_at: Option<chrono::NaiveDateTime>,
    pub scope: TokenScope,
}

/// A token to store: its name, the digest of its secret, its scope and
/// when it expires (none: never).
pub struct NewApiToken<'a> {
    pub name: &'a str,
    pub token_hash: &'a str,
    pub scope: TokenScope,
    pub expires_at: Option<chrono::NaiveDateTime>,
}

impl ApiToken {
    pub fn create(
        conn: &mut AnyConnection,
        user_id: i32,
        new: &NewApiToken<'_>,
    ) -> QueryResult<ApiToken> {
        diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::user_id.eq(user_id),
                api_tokens::name.eq(new.name),
                api_tokens::token_hash.eq(new.token_hash),
                api_tokens::created_at.eq(now()),
                api_tokens::scope.eq(new.scope.as_str()),
                api_tokens::expires_at.eq(new.expires_at),
            ))
            .returning(api_tokens::all_columns)
            .get_result::<ApiToken>(conn)
    }

    /// The token with this digest, unless it is revoked or expired.
    pub fn find_live(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<Option<ApiToken>> {
        api_tokens::table
            .filter(api_tokens::token_hash.eq(token_hash))
            .filter(api_tokens::revoked_at.is_null())
            .filter(
                api_tokens::expires_at
                    .is_null()
                    .or(api_tokens::expires_at.gt(now())),
            )
            .select(ApiToken::as_select())
            .first(conn)
            .optional()
    }

    /// Notes that the token was used just now, from `address`.
    pub fn touch(conn: &mut AnyConnection, id: i32, address: &str) -> QueryResult<usize> {
        diesel::update(api_tokens::table.find(id))
            .set((
                api_tokens::last_used_at.eq(now()),
                api_tokens::last_used_address.eq(address),
            ))
            .execute(conn)
    }

    pub fn list_for_user(conn: &mut AnyConnection, user_id: i32) -> QueryResult<Vec<ApiToken>> {
        api_tokens::table
            .filter(api_tokens::user_id.eq(user_id))
            .order(api_tokens::id)
            .select(ApiToken::as_select())
            .load(conn)
    }

    /// Every token of an organisation with its owner's name: the admins' overview.
    pub fn list_in_organisation(
        conn: &mut AnyConnection,
        organisation_id: i32,
    ) -> QueryResult<Vec<(ApiToken, String)>> {
        api_tokens::table
            .inner_join(users::table)
            .filter(users::organisation_id.eq(organisation_id))
            .order(api_tokens::id)
            .select((ApiToken::as_select(), users::name))
            .load(conn)
    }

    /// Revokes a live token of the caller's own or, for an admin, of anyone in
    /// their organisation; false when there is no such token.
    pub fn revoke(conn: &mut AnyConnection, caller: &Caller, id: i32) -> QueryResult<bool> {
        let anyone = caller.role == Role::Admin;
        let owners = users::table
            .filter(users::organisation_id.eq(caller.organisation_id.get()))
            .filter(
                users::id
                    .eq(caller.user_id.get())
                    .or(anyone.into_sql::<Bool>()),
            )
            .select(users::id);
        let changed = diesel::update(
            api_tokens::table
                .find(id)
                .filter(api_tokens::user_id.eq_any(owners))
                .filter(api_tokens::revoked_at.is_null()),
        )
        .set(api_tokens::revoked_at.eq(now()))
        .execute(conn)?;
        Ok(changed == 1)
    }

    /// Revokes every live token of a user; the ids revoked, for the audit trail.
    pub fn revoke_all_of(conn: &mut AnyConnection, user_id: i32) -> QueryResult<Vec<i32>> {
        diesel::update(
            api_tokens::table
                .filter(api_tokens::user_id.eq(user_id))
                .filter(api_tokens::revoked_at.is_null()),
        )
        .set(api_tokens::revoked_at.eq(now()))
        .returning(api_tokens::id)
        .get_results(conn)
    }

    /// How many live tokens a user has.
    pub fn live_count(conn: &mut AnyConnection, user_id: i32) -> QueryResult<i64> {
        api_tokens::table
            .filter(api_tokens::user_id.eq(user_id))
            .filter(api_tokens::revoked_at.is_null())
            .count()
            .get_result(conn)
    }
}
