//! API tokens for scripts and integrations: shown once, stored hashed, revocable.

use super::error::{AppError, AppResult};
use super::input::{required, SHORT_TEXT};
use super::listing::{ListQuery, Paged};
use super::session_list::{self, SessionView};
use super::App;
use crate::auth::{digest, new_secret};
use crate::db::audit::{AuditEvent, Change};
use crate::db::tokens::{ApiToken, NewApiToken};
use crate::domain::credentials::TokenScope;
use crate::domain::role::{Caller, Role};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct NewToken {
    // Patterns are named; web::openapi::patterns says what each one takes.
    /// What the token is for, e.g. "nightly export".
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
    /// `read` (reads only), `scoring` (reads, and scores, evidence and
    /// interviews of assessments) or `admin` (whatever the owner's role
    /// allows, the default).
    #[serde(default)]
    pub scope: TokenScope,
    /// Days until it stops working: 1 to 366, 90 when absent.
    #[schema(minimum = 1, maximum = 366)]
    pub expires_in_days: Option<i64>,
}

#[derive(Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct TokenView {
    pub id: i32,
    pub name: String,
    pub created_at: chrono::NaiveDateTime,
    pub last_used_at: Option<chrono::NaiveDateTime>,
    pub revoked_at: Option<chrono::NaiveDateTime>,
    /// The address it was last used from.
    pub last_used_address: Option<String>,
    /// When it stops working; none for a token made before tokens expired.
    pub expires_at: Option<chrono::NaiveDateTime>,
    pub scope: TokenScope,
}

#[derive(Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct CreatedToken {
    #[serde(flatten)]
    pub view: TokenView,
    /// The secret: shown this once, never again.
    pub token: String,
}

impl From<ApiToken> for TokenView {
    fn from(t: ApiToken) -> TokenView {
        TokenView {
            id: t.id,
            name: t.name,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
            last_used_address: t.last_used_address,
            expires_at: t.expires_at,
            scope: t.scope,
        }
    }
}

/// At most this many live tokens per user: enough for every script one
/// person runs, and a bound on what one account can make.
pub const MAX_LIVE_TOKENS: i64 = 50;
/// How long a token works unless its creator says otherwise.
pub const DEFAULT_DAYS: i64 = 90;
/// The longest a token can work: a year, so a forgotten one dies.
pub const MOST_DAYS: i64 = 366;

/// Creates a token for the caller and returns its secret, which is stored
/// only as a hash.
pub fn create(app: &App, caller: &Caller, body: &NewToken) -> AppResult<CreatedToken> {
    let name = required("name", &body.name, SHORT_TEXT)?;
    let days = body.expires_in_days.unwrap_or(DEFAULT_DAYS);
    if !(1..=MOST_DAYS).contains(&days) {
        return Err(AppError::invalid_field(
            "bad_expiry",
            "expires_in_days",
            format!("a token works for 1 to {MOST_DAYS} days"),
        ));
    }
    let token = new_secret("cmas_");
    let hash = digest(&token);
    let stored = app.write(|conn| {
        if ApiToken::live_count(conn, caller.user_id.get())? >= MAX_LIVE_TOKENS {
            return Err(AppError::invalid(
                "too_many_tokens",
                format!("at most {MAX_LIVE_TOKENS} live tokens per user; revoke one first"),
            ));
        }
        let new = NewApiToken {
            name: &name,
            token_hash: &hash,
            scope: body.scope,
            expires_at: Some(crate::db::now() + chrono::Duration::days(days)),
        };
        let stored = ApiToken::create(conn, caller.user_id.get(), &new)?;
        AuditEvent::record(
            conn,
            Change::by(caller, "token", stored.id, "token.create").after(json!({
                "name": stored.name,
                "user_id": caller.user_id.get(),
                "scope": stored.scope,
                "expires_at": stored.expires_at,
            })),
        )?;
        Ok(stored)
    })?;
    Ok(CreatedToken {
        view: stored.into(),
        token,
    })
}

/// The caller's tokens, without their secrets.
pub fn mine(app: &App, caller: &Caller, query: &ListQuery) -> AppResult<Paged<TokenView>> {
    let cut = query.cut_or(
        &[("name", 0), ("created_at", 1), ("last_used_at", 2)],
        "-created_at",
    )?;
    let tokens = app.read(|conn| Ok(ApiToken::list_for_user(conn, caller.user_id.get())?))?;
    let views = tokens.into_iter().map(TokenView::from).collect();
    Ok(cut.apply(
        views,
        |t: &TokenView| t.name.clone(),
        |key, a, b| {
            match key {
                0 => a.name.cmp(&b.name),
                1 => a.created_at.cmp(&b.created_at),
                _ => a.last_used_at.cmp(&b.last_used_at),
            }
            .then(a.id.cmp(&b.id))
        },
    ))
}

/// The tokens page's tables.
pub struct Overview {
    /// The caller's live browser sessions.
    pub sessions: Vec<SessionView>,
    /// The caller's own tokens.
    pub mine: Vec<TokenView>,
    /// For an admin, every token of the organisation with its owner's name.
    pub everyone: Vec<(TokenView, String)>,
}

/// The caller's sessions (`current` is the digest of the one asking) and
/// tokens and, for an admin, every token of the organisation.
pub fn overview(app: &App, caller: &Caller, current: Option<&str>) -> AppResult<Overview> {
    let sessions = session_list::mine(app, caller, current)?;
    app.read(|conn| {
        let everyone = if caller.role == Role::Admin {
            ApiToken::list_in_organisation(conn, caller.organisation_id.get())?
        } else {
            Vec::new()
        };
        let mine = ApiToken::list_for_user(conn, caller.user_id.get())?;
        Ok(Overview {
            sessions,
            mine: mine.into_iter().map(TokenView::from).collect(),
            everyone: everyone
                .into_iter()
                .map(|(t, owner)| (TokenView::from(t), owner))
                .collect(),
        })
    })
}

/// Revokes a live token at once: one of the caller's own or, for an admin,
/// any token of their organisation.
pub fn revoke(app: &App, caller: &Caller, id: i32) -> AppResult<()> {
    let revoked = app.write(|conn| {
        let revoked = ApiToken::revoke(conn, caller, id)?;
        if revoked {
            AuditEvent::record(conn, Change::by(caller, "token", id, "token.revoke"))?;
        }
        Ok(revoked)
    })?;
    if revoked {
        Ok(())
    } else {
        Err(AppError::not_found("live token"))
    }
}

/// Revokes every live token of `user_id`, each recorded as revoked by
/// `caller`: when a password changes or an account is deactivated.
pub(super) fn revoke_all_of(
    conn: &mut crate::db::AnyConnection,
    caller: &Caller,
    user_id: i32,
) -> AppResult<()> {
    for id in ApiToken::revoke_all_of(conn, user_id)? {
        AuditEvent::record(conn, Change::by(caller, "token", id, "token.revoke"))?;
    }
    Ok(())
}
