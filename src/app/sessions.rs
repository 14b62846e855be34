//! Who is calling, and logging in and out. A caller proves who they are
//! with a browser session (whose requests that change data also carry the
//! session's CSRF token) or with an API token; either way every use case
//! then gets the same [`Identity`].

use super::error::{AppError, AppResult};
use super::login_attempts::Attempt;
use super::users::UserView;
use super::App;
use crate::auth::digest;
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::{sessions::Session, tokens::ApiToken, users::User, AnyConnection};
use crate::domain::credentials::{Seen, TokenScope};
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
    fn of(user: &User, credential: Credential) -> Identity {
        Identity {
            caller: user.caller(),
            name: user.name.clone(),
            language: user.language,
            credential,
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
/// refused.
pub fn by_token(app: &App, secret: &str, address: &str) -> AppResult<Identity> {
    let hash = digest(secret);
    let (identity, token) = app.read(|conn| {
        let invalid =
            || AppError::Unauthenticated("the API token is invalid, expired or revoked".into());
        let token = ApiToken::find_live(conn, &hash)?.ok_or_else(invalid)?;
        let user = User::find_active(conn, token.user_id)?.ok_or_else(invalid)?;
        let credential = Credential::Token {
            id: token.id,
            scope: token.scope,
        };
        Ok((Identity::of(&user, credential), token))
    })?;
    if stale(token.last_used_at) {
        app.write(|conn| Ok(ApiToken::touch(conn, token.id, address)?))?;
    }
    Ok(identity)
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
    let (session, user) = app
        .read(|conn| live_session(conn, &hash))?
        .ok_or_else(|| AppError::Unauthenticated("the session has expired; log in again".into()))?;
    if stale(session.last_seen_at) {
        app.write(|conn| Ok(Session::touch(conn, session.id, address)?))?;
    }
    if let Csrf::Sent(sent) = csrf {
        if !sent.is_some_and(|sent| csrf_matches(sent, &session.csrf_token)) {
            return Err(AppError::forbidden(
                "csrf_failed",
                "a session request that changes data must send the session's CSRF token in X-CSRF-Token",
            ));
        }
    }
    Ok(Identity::of(
        &user,
        Credential::Session {
            token_hash: hash,
            csrf_token: session.csrf_token,
        },
    ))
}

/// The person behind a session cookie and the name of their organisation,
/// for a page's header; `None` when the session is gone.
pub fn viewer(app: &App, secret: &str, address: &str) -> AppResult<Option<(Identity, String)>> {
    let hash = digest(secret);
    let found = app.read(|conn| {
        let Some((session, user)) = live_session(conn, &hash)? else {
            return Ok(None);
        };
        let organisation = Organisation::find(conn, user.organisation_id)?;
        let credential = Credential::Session {
            token_hash: hash.clone(),
            csrf_token: session.csrf_token,
        };
        let last_seen = (session.id, session.last_seen_at);
        Ok(Some((
            Identity::of(&user, credential),
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

fn live_session(conn: &mut AnyConnection, hash: &str) -> AppResult<Option<(Session, User)>> {
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

/// A new browser session: who logged in (and the CSRF token, in the
/// identity's credential) and the cookie's secret.
pub struct Started {
    /// Who logged in, with the new session's CSRF token.
    pub identity: Identity,
    /// The user as the API shows them.
    pub user: UserView,
    /// The secret of the session cookie; only its digest is stored.
    pub session_token: String,
}

/// What a login sends: the credentials, the browser's previous session
/// cookie (if any) and the address the login came from.
pub struct Login {
    /// The account's e-mail address.
    pub email: String,
    /// The password as typed.
    pub password: String,
    /// The secret of the browser's session cookie, if it had one; that
    /// session ends.
    pub previous: Option<String>,
    /// Where the login came from: the browser's User-Agent and the
    /// address, which failures also count against.
    pub seen: Seen,
}

/// Checks the credentials and opens a session; a fresh session id at every
/// login, and the browser's previous session (if any) ends, so a planted
/// id is worthless. Failed logins are counted in the database per account
/// and per address. Each attempt is recorded as a failure before its
/// password is checked, in the same step as the count that allows it, so
/// however many arrive at once, at most the limit is ever tried; over it,
/// the password is not even checked until the wait is over. The check is
/// slow on purpose and runs outside any transaction, so a login never
/// holds up scoring; an attempt that succeeds is forgotten again.
pub fn log_in(app: &App, login: Login) -> AppResult<Started> {
    let now = crate::db::now();
    let (user, attempt) = Attempt::count(app, &login.email, &login.seen.address, |conn| {
        Ok(User::find_by_email(conn, &login.email)?.filter(|u| u.active))
    })?;
    let hash = user
        .as_ref()
        .map_or(crate::auth::dummy_hash(), |u| u.password_hash.as_str());
    let valid = crate::auth::verify_password(&login.password, hash);
    let user = match user {
        Some(user) if valid => user,
        known => {
            // A wrong password for a real account goes into its
            // organisation's trail; an unknown address has no organisation
            // (the failure counts against it and the address all the same).
            if let Some(user) = known {
                app.write(|conn| {
                    Ok(AuditEvent::record(
                        conn,
                        Change {
                            actor_id: None,
                            ..Change::by(&user.caller(), "user", user.id, "user.login_failed")
                        },
                    )?)
                })?;
            }
            return Err(AppError::Unauthenticated(
                "the email or the password is wrong".into(),
            ));
        }
    };
    let session_token = crate::auth::new_secret("s_");
    let csrf_token = crate::auth::new_secret("");
    let token_hash = digest(&session_token);
    app.write(|conn| {
        Session::delete_expired(conn)?;
        attempt.succeeded(conn)?;
        refuse_disabled(conn, &user)?;
        if let Some(previous) = &login.previous {
            Session::delete(conn, &digest(previous))?;
        }
        Session::create(
            conn,
            user.id,
            &token_hash,
            &csrf_token,
            app.session_lifetime,
            &login.seen,
        )?;
        User::record_login(conn, user.id, now)?;
        AuditEvent::record(
            conn,
            Change::by(&user.caller(), "user", user.id, "user.login"),
        )?;
        Ok(())
    })?;
    tracing::info!(user_id = user.id, "logged in");
    let credential = Credential::Session {
        token_hash,
        csrf_token,
    };
    Ok(Started {
        identity: Identity::of(&user, credential),
        user: UserView::from(&user),
        session_token,
    })
}

/// Ends the caller's browser session; a token caller has none to end.
pub fn log_out(app: &App, identity: &Identity) -> AppResult<()> {
    if let Credential::Session { token_hash, .. } = &identity.credential {
        let caller = identity.caller;
        app.write(|conn| {
            Session::delete(conn, token_hash)?;
            AuditEvent::record(
                conn,
                Change::by(&caller, "user", caller.user_id.get(), "user.logout"),
            )?;
            Ok(())
        })?;
    }
    Ok(())
}

/// Refuses a login to an organisation the platform operator switched off;
/// said only once the password is known to be right.
fn refuse_disabled(conn: &mut AnyConnection, user: &User) -> AppResult<()> {
    match Organisation::find(conn, user.organisation_id)?.disabled_at {
        None => Ok(()),
        Some(_) => Err(AppError::forbidden(
            "organisation_disabled",
            "your organisation's access to cmas is switched off (its data is kept); ask the platform's operator",
        )),
    }
}
