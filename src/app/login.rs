//! Logging in and out. A login checks the password and, for a person with
//! a second factor, a code: in the same request (the API) or in a second
//! step the login page asks for (a challenge good for five minutes). Every
//! attempt, passwords and codes alike, counts toward the throttling of
//! failed logins until it succeeds.

use super::error::{AppError, AppResult};
use super::login_attempts::Attempt;
use super::sessions::{Credential, Identity};
use super::two_factor;
use super::users::UserView;
use super::App;
use crate::auth::digest;
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::two_factor::Challenge;
use crate::db::{sessions::Session, users::User, AnyConnection};
use crate::domain::credentials::Seen;

/// How long the login page waits for the code after a right password.
const CHALLENGE_MINUTES: i64 = 5;

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
/// cookie (if any) and where the login came from.
pub struct Login {
    /// The account's e-mail address.
    pub email: String,
    /// The password as typed.
    pub password: String,
    /// The code of the second factor (or a recovery code), when sent at once.
    pub code: Option<String>,
    /// The secret of the browser's session cookie, if it had one; that
    /// session ends.
    pub previous: Option<String>,
    /// Where the login came from: the browser's User-Agent and the
    /// address, which failures also count against.
    pub seen: Seen,
}

/// The second step of a login: the challenge the first step gave and the code.
pub struct CodeLogin {
    /// The challenge from the first step.
    pub challenge: String,
    /// The code from the authenticator app, or a recovery code.
    pub code: String,
    /// As in [`Login`].
    pub previous: Option<String>,
    /// As in [`Login`].
    pub seen: Seen,
}

/// How a login went when nothing was wrong.
pub enum LoggedIn {
    /// A session is open.
    Started(Started),
    /// The password was right; the code is still to come, with this challenge.
    CodeNeeded {
        /// The secret the second step sends back; only its digest is stored.
        challenge: String,
    },
}

/// Checks the credentials and opens a session; a fresh session id at every
/// login, and the browser's previous session (if any) ends, so a planted
/// id is worthless. The password check is slow on purpose and runs outside
/// any transaction, so a login never holds up scoring.
pub fn log_in(app: &App, login: Login) -> AppResult<LoggedIn> {
    let (user, attempt) = Attempt::count(app, &login.email, &login.seen.address, |conn| {
        Ok(User::find_by_email(conn, &login.email)?.filter(|u| u.active))
    })?;
    let hash = user
        .as_ref()
        .map_or(crate::auth::dummy_hash(), |u| u.password_hash.as_str());
    let valid = attempt.check_password(app, &login.password, hash)?;
    let user = match user {
        Some(user) if valid => user,
        known => {
            // A wrong password for a real account goes into its
            // organisation's trail; an unknown address has no organisation
            // (the failure counts against it and the address all the same).
            if let Some(user) = known {
                failed(app, &user)?;
            }
            return Err(AppError::Unauthenticated(
                "the email or the password is wrong".into(),
            ));
        }
    };
    let sealer = app.sealer()?;
    let challenge = crate::auth::new_secret("c_");
    let needs = app.write(|conn| {
        refuse_disabled(conn, &user)?;
        super::sso::refuse_password(conn, &user)?;
        if !two_factor::is_on(conn, &user)? {
            return Ok(None);
        }
        match &login.code {
            Some(code) if two_factor::verify(conn, &sealer, &user, code)? => Ok(None),
            Some(_) => Ok(Some(false)),
            None => {
                let expires = crate::db::now() + chrono::Duration::minutes(CHALLENGE_MINUTES);
                Challenge::create(conn, user.id, &digest(&challenge), expires)?;
                Ok(Some(true))
            }
        }
    })?;
    match needs {
        None => open(
            app,
            &user,
            Via::Password(&attempt),
            login.previous.as_deref(),
            &login.seen,
        )
        .map(LoggedIn::Started),
        // The attempt stays counted as a failure until a code is right.
        Some(true) => Ok(LoggedIn::CodeNeeded { challenge }),
        Some(false) => {
            failed(app, &user)?;
            Err(wrong_code())
        }
    }
}

/// The second step: the code for a challenge the first step gave. A wrong
/// code counts as a failed login; the challenge stays until it expires.
pub fn log_in_with_code(app: &App, login: CodeLogin) -> AppResult<Started> {
    let challenge = digest(&login.challenge);
    let expired = || AppError::Unauthenticated("the login has expired; log in again".into());
    let user = app
        .read(|conn| {
            let Some(id) = Challenge::user_of(conn, &challenge)? else {
                return Ok(None);
            };
            Ok(User::find_active(conn, id)?.map(|(user, _)| user))
        })?
        .ok_or_else(expired)?;
    let (_, attempt) = Attempt::count(app, &user.email, &login.seen.address, |_| Ok(()))?;
    let sealer = app.sealer()?;
    let right = app.write(|conn| {
        let right = two_factor::verify(conn, &sealer, &user, &login.code)?;
        if right && !Challenge::finish(conn, &challenge)? {
            return Err(expired());
        }
        Ok(right)
    })?;
    if !right {
        failed(app, &user)?;
        return Err(wrong_code());
    }
    open(
        app,
        &user,
        Via::Password(&attempt),
        login.previous.as_deref(),
        &login.seen,
    )
}

fn wrong_code() -> AppError {
    AppError::SecondFactor {
        code: "second_factor_wrong",
        detail: "the code is wrong, expired or used already".into(),
    }
}

/// The refusal of a login that needs a code and came without one (the API).
pub fn code_needed() -> AppError {
    AppError::SecondFactor {
        code: "second_factor_needed",
        detail: "this account uses a second factor: send the code from the authenticator app (or a recovery code) as `code`".into(),
    }
}

/// Records a failed login in the person's organisation's trail.
fn failed(app: &App, user: &User) -> AppResult<()> {
    app.write(|conn| {
        Ok(AuditEvent::record(
            conn,
            Change {
                actor_id: None,
                ..Change::by(&user.caller(), "user", user.id, "user.login_failed")
            },
        )?)
    })
}

/// How someone logged in.
pub(super) enum Via<'a> {
    /// With their password (and code): the attempt stops counting as a failure.
    Password(&'a Attempt),
    /// Through the organisation's identity provider.
    SingleSignOn,
}

/// Opens the session of a login that succeeded.
pub(super) fn open(
    app: &App,
    user: &User,
    via: Via<'_>,
    previous: Option<&str>,
    seen: &Seen,
) -> AppResult<Started> {
    let now = crate::db::now();
    let session_token = crate::auth::new_secret("s_");
    let csrf_token = crate::auth::new_secret("");
    let token_hash = digest(&session_token);
    let policy = app.write(|conn| {
        Session::delete_expired(conn)?;
        let action = match via {
            Via::Password(attempt) => {
                attempt.succeeded(conn)?;
                "user.login"
            }
            Via::SingleSignOn => "user.sso_login",
        };
        if let Some(previous) = previous {
            Session::delete(conn, &digest(previous))?;
        }
        Session::create(
            conn,
            user.id,
            &token_hash,
            &csrf_token,
            app.session_lifetime,
            seen,
        )?;
        User::record_login(conn, user.id, now)?;
        AuditEvent::record(conn, Change::by(&user.caller(), "user", user.id, action))?;
        Ok(Organisation::find(conn, user.organisation_id)?.two_factor)
    })?;
    tracing::info!(user_id = user.id, "logged in");
    let credential = Credential::Session {
        token_hash,
        csrf_token,
    };
    Ok(Started {
        identity: Identity::of(user, policy, credential),
        user: UserView::from(user),
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
