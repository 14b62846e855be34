//! Who is calling: a bearer API token or a browser session cookie. Session
//! requests that change something must also carry the session's CSRF token
//! in `X-CSRF-Token`; bearer requests cannot be forged by a browser.

use super::{
    problem::{ApiError, ApiResult},
    state::AppState,
};
use crate::auth::digest;
use crate::db::{login_failures, sessions::Session, tokens::ApiToken, users::User};
use crate::domain::role::{Caller, Role};
use crate::domain::throttle;
use actix_web::{dev::Payload, http::Method, web, FromRequest, HttpRequest};
use std::future::Future;
use std::pin::Pin;

pub const SESSION_COOKIE: &str = "cmas_session";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// How the caller proved who they are.
#[derive(Debug, Clone)]
pub enum Credential {
    Session { token_hash: String },
    Token { id: i32 },
}

/// An authenticated caller, extracted from the request.
#[derive(Debug, Clone)]
pub struct Auth {
    pub user: User,
    pub credential: Credential,
}

impl Auth {
    pub fn caller(&self) -> Caller {
        self.user.caller()
    }

    pub fn role(&self) -> Role {
        self.user.role()
    }

    /// Refuses the request unless the caller has one of `roles`.
    pub fn require(&self, roles: &[Role], action: &str) -> ApiResult<Caller> {
        if roles.contains(&self.role()) {
            Ok(self.caller())
        } else {
            Err(ApiError::forbidden(
                "role_not_allowed",
                format!("a user with the role {} may not {action}", self.role()),
            ))
        }
    }
}

/// The token of an `Authorization: Bearer …` header.
fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Only touch `last_used_at` this often, so reads stay reads.
const TOKEN_TOUCH_SECONDS: i64 = 60;

impl FromRequest for Auth {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = ApiResult<Auth>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let bearer = bearer(req);
        let cookie = req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned());
        let csrf = req
            .headers()
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let needs_csrf = changes_state(req.method());
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::Internal("application state missing".into()))?;
            match (bearer, cookie) {
                (Some(token), _) => from_token(&state, token).await,
                (None, Some(session)) => {
                    from_session(&state, session, needs_csrf.then_some(csrf)).await
                }
                (None, None) => Err(ApiError::Unauthenticated(
                    "log in first: send `Authorization: Bearer <token>` or the session cookie"
                        .into(),
                )),
            }
        })
    }
}

async fn from_token(state: &AppState, token: String) -> ApiResult<Auth> {
    let hash = digest(&token);
    let (auth, last_used) = state
        .read(move |conn| {
            let invalid =
                || ApiError::Unauthenticated("the API token is invalid or revoked".into());
            let token = ApiToken::find_live(conn, &hash)?.ok_or_else(invalid)?;
            let user = User::find_active(conn, token.user_id)?.ok_or_else(invalid)?;
            let auth = Auth {
                user,
                credential: Credential::Token { id: token.id },
            };
            Ok((auth, token.last_used_at))
        })
        .await?;
    let stale =
        last_used.is_none_or(|at| (crate::db::now() - at).num_seconds() >= TOKEN_TOUCH_SECONDS);
    if let (true, Credential::Token { id }) = (stale, &auth.credential) {
        let id = *id;
        state
            .write(move |conn| Ok(ApiToken::touch(conn, id)?))
            .await?;
    }
    Ok(auth)
}

async fn from_session(
    state: &AppState,
    session: String,
    csrf: Option<Option<String>>,
) -> ApiResult<Auth> {
    let hash = digest(&session);
    state
        .read(move |conn| {
            let expired = || ApiError::Unauthenticated("the session has expired; log in again".into());
            let session = Session::find_live(conn, &hash)?.ok_or_else(expired)?;
            if let Some(sent) = csrf {
                let matches = sent.is_some_and(|sent| constant_time_eq(sent.as_bytes(), session.csrf_token.as_bytes()));
                if !matches {
                    return Err(ApiError::forbidden(
                        "csrf_failed",
                        "a session request that changes data must send the session's CSRF token in X-CSRF-Token",
                    ));
                }
            }
            let user = User::find_active(conn, session.user_id)?.ok_or_else(expired)?;
            Ok(Auth {
                user,
                credential: Credential::Session { token_hash: hash },
            })
        })
        .await
}

/// Compares secrets without stopping at the first difference, so response
/// times say nothing about how much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new browser session: its user, the cookie's secret and the CSRF token.
pub struct Started {
    pub user: User,
    pub session_token: String,
    pub csrf_token: String,
}

/// The caller's address: the peer's, or the proxy's report of it when
/// configured to trust the proxy.
pub fn caller_address(state: &AppState, req: &HttpRequest) -> String {
    if state.trust_forwarded {
        if let Some(address) = req.connection_info().realip_remote_addr() {
            return address.to_owned();
        }
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default()
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
        conn: &mut crate::db::AnyConnection,
        now: chrono::NaiveDateTime,
    ) -> diesel::QueryResult<Option<ApiError>> {
        for (subject, limit, whose) in [
            (&self.account, throttle::PER_ACCOUNT, "this account"),
            (&self.address, throttle::PER_ADDRESS, "this address"),
        ] {
            let failures = login_failures::since(conn, subject, now - limit.window)?;
            if let Some(wait) = throttle::wait(limit, &failures, now) {
                return Ok(Some(ApiError::Throttled {
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
/// login, and the browser's `previous` session (if any) ends, so a planted
/// id is worthless. The password check is slow on purpose and runs outside
/// any write transaction, so a login never holds up scoring. Failed logins
/// are counted in the database per account and per address; over a limit,
/// the password is not even checked until the wait is over.
pub async fn start_session(
    state: &AppState,
    email: String,
    password: String,
    previous: Option<String>,
    address: &str,
) -> ApiResult<Started> {
    let now = crate::db::now();
    let subjects = std::sync::Arc::new(Subjects::new(&email, address));
    let asked = subjects.clone();
    let (user, refusal) = state
        .read(move |conn| {
            let user = User::find_by_email(conn, &email)?.filter(|u| u.active);
            Ok((user, asked.refusal(conn, now)?))
        })
        .await?;
    if let Some(refusal) = refusal {
        return Err(refusal);
    }
    let hash = user
        .as_ref()
        .map_or(crate::auth::dummy_hash(), |u| u.password_hash.as_str())
        .to_owned();
    let valid = web::block(move || crate::auth::verify_password(&password, &hash)).await?;
    let user = match user {
        Some(user) if valid => user,
        _ => {
            let failed = subjects.clone();
            let forget_before = now
                - throttle::PER_ACCOUNT
                    .window
                    .max(throttle::PER_ADDRESS.window);
            state
                .write(move |conn| {
                    Ok(login_failures::record(
                        conn,
                        &[&failed.account, &failed.address],
                        now,
                        forget_before,
                    )?)
                })
                .await?;
            return Err(ApiError::Unauthenticated(
                "the email or the password is wrong".into(),
            ));
        }
    };
    let session_token = crate::auth::new_secret("s_");
    let csrf_token = crate::auth::new_secret("");
    let (token_hash, csrf, lifetime, user_id) = (
        digest(&session_token),
        csrf_token.clone(),
        state.session_lifetime,
        user.id,
    );
    state
        .write(move |conn| {
            Session::delete_expired(conn)?;
            login_failures::clear(conn, &subjects.account)?;
            if let Some(previous) = previous {
                Session::delete(conn, &digest(&previous))?;
            }
            Session::create(conn, user_id, &token_hash, &csrf, lifetime)?;
            Ok(())
        })
        .await?;
    tracing::info!(user_id, "logged in");
    Ok(Started {
        user,
        session_token,
        csrf_token,
    })
}

/// The session cookie: HttpOnly, SameSite=Lax, Secure when configured.
pub fn session_cookie(
    state: &AppState,
    value: String,
    max_age: chrono::Duration,
) -> actix_web::cookie::Cookie<'static> {
    actix_web::cookie::Cookie::build(SESSION_COOKIE, value)
        .path("/")
        .http_only(true)
        .same_site(actix_web::cookie::SameSite::Lax)
        .secure(state.secure_cookies)
        .max_age(actix_web::cookie::time::Duration::seconds(
            max_age.num_seconds(),
        ))
        .finish()
}

/// Compares a submitted CSRF token with the session's, in constant time.
pub fn csrf_matches(sent: &str, expected: &str) -> bool {
    constant_time_eq(sent.as_bytes(), expected.as_bytes())
}
