//! Who is calling, and logging in and out. A caller proves who they are
//! with a browser session (whose requests that change data also carry the
//! session's CSRF token) or with an API token; either way every use case
//! then gets the same [`Identity`].

use super::credential_cache::{Checked, Kind};
use super::error::{AppError, AppResult};
use super::App;
use crate::auth::digest;
use crate::db::organisations::Organisation;
use crate::db::{sessions::Session, tokens::ApiToken, users::User, AnyConnection};
use crate::domain::credentials::{TokenScope, TwoFactorPolicy};
use crate::domain::role::Caller;

/// An authenticated caller: who they are to every use case, the name to
/// greet them with, and how they proved it.
#[derive(Debug, Clone)]
pub struct Identity {
    /// Who they are to every use case: user, organisation and role.
    pub caller: Caller,
    /// The user's name, to greet them with.
    pub name: String,
    /// The language they read the application in; none: their browser's.
    pub language: Option<crate::domain::i18n::Language>,
    /// The session or API token they proved it with.
    pub credential: Credential,
    /// Their organisation requires a second factor and they have none
    /// yet: they may do nothing but enrol (and log out).
    pub enrol_first: bool,
}

/// How the caller proved who they are.
#[derive(Debug, Clone)]
pub enum Credential {
    /// A browser session: the digest of its cookie and its CSRF token.
    Session {
        /// The digest of the session cookie's secret, as stored.
        token_hash: String,
        /// The token every request that changes data must carry.
        csrf_token: String,
    },
    /// An API token.
    Token {
        /// The token's id, as the tokens API lists it.
        id: i32,
        /// How far it reaches within what its owner's role allows.
        scope: TokenScope,
    },
}

impl Identity {
    pub(super) fn of(user: &User, policy: TwoFactorPolicy, credential: Credential) -> Identity {
        Identity {
            caller: user.caller(),
            name: user.name.clone(),
            language: user.language,
            credential,
            enrol_first: policy.requires(user.role()) && user.totp_enabled_at.is_none(),
        }
    }

    /// The session's CSRF token; none for a token caller.
    pub fn csrf_token(&self) -> Option<&str> {
        match &self.credential {
            Credential::Session { csrf_token, .. } => Some(csrf_token),
            Credential::Token { .. } => None,
        }
    }
}

/// Only note when a token or session was last used this often, so reads
/// stay reads.
const TOUCH_SECONDS: i64 = 60;

fn stale(last_used: Option<chrono::NaiveDateTime>) -> bool {
    last_used.is_none_or(|at| (crate::db::now() - at).num_seconds() >= TOUCH_SECONDS)
}

/// The caller behind an API token, used from `address`; an expired or
/// revoked token, or one of a switched-off account or organisation, is
/// refused (within the credential cache's bound, see `credential_cache`).
pub fn by_token(app: &App, secret: &str, address: &str) -> AppResult<Identity> {
    let hash = digest(secret);
    let checked = app.recall(Kind::Token, hash, |conn, hash| {
        let invalid =
            || AppError::Unauthenticated("the API token is invalid, expired or revoked".into());
        let token = ApiToken::find_live(conn, hash)?.ok_or_else(invalid)?;
        let (user, policy) = User::find_active(conn, token.user_id)?.ok_or_else(invalid)?;
        let credential = Credential::Token {
            id: token.id,
            scope: token.scope,
        };
        Ok(Checked {
            identity: Identity::of(&user, policy, credential),
            row: token.id,
            last_used: token.last_used_at,
        })
    })?;
    if stale(checked.last_used) {
        app.write(|conn| Ok(ApiToken::touch(conn, checked.row, address)?))?;
    }
    Ok(checked.identity)
}

/// What a session request must show besides its cookie.
pub enum Csrf<'a> {
    /// A request that reads: nothing.
    NotNeeded,
    /// A request that changes data: the token it sent, if any.
    Sent(Option<&'a str>),
}

/// The caller behind a session cookie; a request that changes data must
/// also have sent the session's CSRF token.
pub fn by_session(app: &App, secret: &str, csrf: Csrf<'_>, address: &str) -> AppResult<Identity> {
    let hash = digest(secret);
    let checked = app.recall(Kind::Session, hash.clone(), |conn, hash| {
        let (session, (user, policy)) = live_session(conn, hash)?.ok_or_else(|| {
            AppError::Unauthenticated("the session has expired; log in again".into())
        })?;
        let credential = Credential::Session {
            token_hash: hash.to_owned(),
            csrf_token: session.csrf_token,
        };
        Ok(Checked {
            identity: Identity::of(&user, policy, credential),
            row: session.id,
            last_used: session.last_seen_at,
        })
    })?;
    if stale(checked.last_used) {
        app.write(|conn| Ok(Session::touch(conn, checked.row, address)?))?;
    }
    with_csrf(checked.identity, csrf)
}

/// The session's caller, if the request carries what it must.
fn with_csrf(identity: Identity, csrf: Csrf<'_>) -> AppResult<Identity> {
    if let Csrf::Sent(sent) = csrf {
        let expected = identity.csrf_token().unwrap_or_default();
        if !sent.is_some_and(|sent| csrf_matches(sent, expected)) {
            return Err(AppError::forbidden(
                "csrf_failed",
                "a session request that changes data must send the session's CSRF token in X-CSRF-Token",
            ));
        }
    }
    Ok(identity)
}

/// The caller behind an API token as this instance remembers it, without
/// the database, so that the web layer can ask on its own threads before
/// handing the request to the blocking pool. `None`: ask `by_token`
/// (the token is not remembered, or its last use is due to be noted).
pub fn remembered_token(app: &App, secret: &str) -> Option<Identity> {
    remembered(app, Kind::Token, secret)
}

/// As `remembered_token`, for a session cookie and its CSRF check;
/// `None`: ask `by_session`.
pub fn remembered_session(app: &App, secret: &str, csrf: Csrf<'_>) -> Option<AppResult<Identity>> {
    remembered(app, Kind::Session, secret).map(|identity| with_csrf(identity, csrf))
}

fn remembered(app: &App, kind: Kind, secret: &str) -> Option<Identity> {
    app.remembered(kind, &digest(secret))
        .filter(|checked| !stale(checked.last_used))
        .map(|checked| checked.identity)
}

/// The person behind a session cookie and the name of their organisation,
/// for a page's header; `None` when the session is gone.
pub fn viewer(app: &App, secret: &str, address: &str) -> AppResult<Option<(Identity, String)>> {
    let hash = digest(secret);
    let found = app.read(|conn| {
        let Some((session, (user, policy))) = live_session(conn, &hash)? else {
            return Ok(None);
        };
        let organisation = Organisation::find(conn, user.organisation_id)?;
        let credential = Credential::Session {
            token_hash: hash.clone(),
            csrf_token: session.csrf_token,
        };
        let last_seen = (session.id, session.last_seen_at);
        Ok(Some((
            Identity::of(&user, policy, credential),
            organisation.name,
            last_seen,
        )))
    })?;
    let Some((identity, organisation, (session_id, last_seen))) = found else {
        return Ok(None);
    };
    if stale(last_seen) {
        app.write(|conn| Ok(Session::touch(conn, session_id, address)?))?;
    }
    Ok(Some((identity, organisation)))
}

/// A live session with its person and their organisation's policy.
type Live = (Session, (User, TwoFactorPolicy));

fn live_session(conn: &mut AnyConnection, hash: &str) -> AppResult<Option<Live>> {
    let Some(session) = Session::find_live(conn, hash)? else {
        return Ok(None);
    };
    Ok(User::find_active(conn, session.user_id)?.map(|user| (session, user)))
}

/// Compares a submitted CSRF token with the session's without stopping at
/// the first difference, so response times say nothing about a guess.
pub fn csrf_matches(sent: &str, expected: &str) -> bool {
    let (a, b) = (sent.as_bytes(), expected.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
