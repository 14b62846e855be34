//! Who is calling, and logging in and out. A caller proves who they are
//! with a browser session (whose requests that change data also carry the
//! session's CSRF token) or with an API token; either way every use case
//! then gets the same [`Identity`].

use super::error::{AppError, AppResult};
use super::users::UserView;
use super::App;
use crate::auth::digest;
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::{login_failures, sessions::Session, tokens::ApiToken, users::User, AnyConnection};
use crate::domain::role::Caller;
use crate::domain::throttle;

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

/// Only touch a token's `last_used_at` this often, so reads stay reads.
const TOKEN_TOUCH_SECONDS: i64 = 60;

/// The caller behind an API token.
pub fn by_token(app: &App, secret: &str) -> AppResult<Identity> {
    let hash = digest(secret);
    let (identity, token_id, last_used) = app.read(|conn| {
        let invalid = || AppError::Unauthenticated("the API token is invalid or revoked".into());
        let token = ApiToken::find_live(conn, &hash)?.ok_or_else(invalid)?;
        let user = User::find_active(conn, token.user_id)?.ok_or_else(invalid)?;
        let identity = Identity::of(&user, Credential::Token { id: token.id });
        Ok((identity, token.id, token.last_used_at))
    })?;
    let stale =
        last_used.is_none_or(|at| (crate::db::now() - at).num_seconds() >= TOKEN_TOUCH_SECONDS);
    if stale {
        app.write(|conn| Ok(ApiToken::touch(conn, token_id)?))?;
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
pub fn by_session(app: &App, secret: &str, csrf: Csrf<'_>) -> AppResult<Identity> {
    let hash = digest(secret);
    let (session, user) = app
        .read(|conn| live_session(conn, &hash))?
        .ok_or_else(|| AppError::Unauthenticated("the session has expired; log in again".into()))?;
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
pub fn viewer(app: &App, secret: &str) -> AppResult<Option<(Identity, String)>> {
    let hash = digest(secret);
    app.read(|conn| {
        let Some((session, user)) = live_session(conn, &hash)? else {
            return Ok(None);
        };
        let organisation = Organisation::find(conn, user.organisation_id)?;
        let credential = Credential::Session {
            token_hash: hash.clone(),
            csrf_token: session.csrf_token,
        };
        Ok(Some((Identity::of(&user, credential), organisation.name)))
    })
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
    /// The address the login came from, which failures also count against.
    pub address: String,
}

/// Who a failed login counts against: the account tried and the address it
/// came from, as digests (people type passwords into the e-mail field).
struct Subjects {
    account: String,
    address: String,
}

impl Subjects {
    fn new(email: &str, address: &str) -> Subjects {
        Subjects {
            account: format!("account:{}", digest(&email.trim().to_lowercase())),
            address: format!("address:{}", digest(address)),
        }
    }

    /// The refusal when either subject has failed too often.
    fn refusal(
        &self,
        conn: &mut AnyConnection,
        now: chrono::NaiveDateTime,
    ) -> AppResult<Option<AppError>> {
        for (subject, limit, whose) in [
            (&self.account, throttle::PER_ACCOUNT, "this account"),
            (&self.address, throttle::PER_ADDRESS, "this address"),
        ] {
            let failures = login_failures::since(conn, subject, now - limit.window)?;
            if let Some(wait) = throttle::wait(limit, &failures, now) {
                return Ok(Some(AppError::Throttled {
                    detail: format!(
                        "too many failed logins for {whose}; try again in {}",
                        throttle::in_minutes(wait)
                    ),
                    retry_after: wait.num_seconds().max(1),
                }));
            }
        }
        Ok(None)
    }
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
    let subjects = Subjects::new(&login.email, &login.address);
    let both = [subjects.account.as_str(), subjects.address.as_str()];
    let forget_before = now
        - throttle::PER_ACCOUNT
            .window
            .max(throttle::PER_ADDRESS.window);
    let (user, attempt) = app.write(|conn| {
        login_failures::lock(conn, &both)?;
        if let Some(refusal) = subjects.refusal(conn, now)? {
            return Err(refusal);
        }
        let user = User::find_by_email(conn, &login.email)?.filter(|u| u.active);
        Ok((
            user,
            login_failures::record(conn, &both, now, forget_before)?,
        ))
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
        login_failures::forget(conn, &attempt)?;
        login_failures::clear(conn, &subjects.account)?;
        if let Some(previous) = &login.previous {
            Session::delete(conn, &digest(previous))?;
        }
        Session::create(
            conn,
            user.id,
            &token_hash,
            &csrf_token,
            app.session_lifetime,
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
