//! Single sign-on: each organisation's OpenID provider (its client secret
//! sealed) and the sign-ins on their way through it, each usable once.

use super::{now, AnyConnection};
use diesel::prelude::*;

// Their own tables, joined with none.
diesel::table! {
    sso_settings (organisation_id) {
        organisation_id -> Integer,
        issuer -> Text,
        client_id -> Text,
        client_secret_sealed -> Text,
        allowed_domains -> Text,
        role_claim -> Text,
        role_map -> Text,
        default_role -> Nullable<Text>,
        required -> Bool,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    sso_attempts (id) {
        id -> Integer,
        organisation_id -> Integer,
        state_hash -> Text,
        nonce -> Text,
        verifier_sealed -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

/// An organisation's provider as stored; the lists are kept as text (the
/// domains one per line, the role map as a JSON object).
#[derive(Debug, Clone, Queryable, Insertable, AsChangeset)]
#[diesel(table_name = sso_settings, primary_key(organisation_id))]
pub struct SsoRow {
    pub organisation_id: i32,
    pub issuer: String,
    pub client_id: String,
    pub client_secret_sealed: String,
    pub allowed_domains: String,
    pub role_claim: String,
    pub role_map: String,
    pub default_role: Option<String>,
    pub required: bool,
    pub updated_at: chrono::NaiveDateTime,
}

impl SsoRow {
    pub fn find(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<Option<SsoRow>> {
        sso_settings::table
            .find(organisation_id)
            .first(conn)
            .optional()
    }

    /// Stores the row, replacing the organisation's earlier one.
    pub fn save(conn: &mut AnyConnection, row: &SsoRow) -> QueryResult<()> {
        let changed = diesel::update(sso_settings::table.find(row.organisation_id))
            .set(row)
            .execute(conn)?;
        if changed == 0 {
            diesel::insert_into(sso_settings::table)
                .values(row)
                .execute(conn)?;
        }
        Ok(())
    }

    /// Removes the organisation's provider; false when it had none.
    pub fn remove(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<bool> {
        diesel::delete(sso_settings::table.find(organisation_id))
            .execute(conn)
            .map(|n| n == 1)
    }
}

/// A sign-in on its way through the provider.
#[derive(Debug, Queryable)]
pub struct SsoAttempt {
    pub id: i32,
    pub organisation_id: i32,
    pub state_hash: String,
    pub nonce: String,
    pub verifier_sealed: String,
    pub created_at: chrono::NaiveDateTime,
    pub expires_at: chrono::NaiveDateTime,
    pub used_at: Option<chrono::NaiveDateTime>,
}

impl SsoAttempt {
    /// Records a sign-in leaving for the provider; expired ones go.
    pub fn open(
        conn: &mut AnyConnection,
        organisation_id: i32,
        (state_hash, nonce, verifier_sealed): (&str, &str, &str),
        expires_at: chrono::NaiveDateTime,
    ) -> QueryResult<()> {
        diesel::delete(sso_attempts::table.filter(sso_attempts::expires_at.lt(now())))
            .execute(conn)?;
        diesel::insert_into(sso_attempts::table)
            .values((
                sso_attempts::organisation_id.eq(organisation_id),
                sso_attempts::state_hash.eq(state_hash),
                sso_attempts::nonce.eq(nonce),
                sso_attempts::verifier_sealed.eq(verifier_sealed),
                sso_attempts::created_at.eq(now()),
                sso_attempts::expires_at.eq(expires_at),
            ))
            .execute(conn)
            .map(drop)
    }

    /// Takes the sign-in of a returning state, once: none when the state is
    /// unknown, expired or was used already (a replay, or a request at the
    /// same moment).
    pub fn take(conn: &mut AnyConnection, state_hash: &str) -> QueryResult<Option<SsoAttempt>> {
        let taken = diesel::update(
            sso_attempts::table
                .filter(sso_attempts::state_hash.eq(state_hash))
                .filter(sso_attempts::used_at.is_null())
                .filter(sso_attempts::expires_at.gt(now())),
        )
        .set(sso_attempts::used_at.eq(Some(now())))
        .execute(conn)?;
        if taken == 0 {
            return Ok(None);
        }
        sso_attempts::table
            .filter(sso_attempts::state_hash.eq(state_hash))
            .first(conn)
            .optional()
    }
}
