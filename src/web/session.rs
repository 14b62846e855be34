//! Who is calling, read off the request: a bearer API token or a browser
//! session cookie (whose requests that change data must also carry the
//! session's CSRF token in `X-CSRF-Token`; bearer requests cannot be forged
//! by a browser). The checks themselves are `app::sessions`'.

use super::{problem::ApiError, state::AppState};
use crate::app::error::AppError;
use crate::app::sessions::{self, Csrf, Identity};
use actix_web::{dev::Payload, http::Method, web, FromRequest, HttpRequest};
use std::future::Future;
use std::pin::Pin;

pub const SESSION_COOKIE: &str = "cmas_session";
pub const CSRF_HEADER: &str = "x-csrf-token";

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

impl FromRequest for Identity {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Identity, ApiError>>>>;

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
            let state = state.ok_or_else(|| AppError::fault("application state missing"))?;
            match (bearer, cookie) {
                (Some(token), _) => state.run(move |app| sessions::by_token(app, &token)).await,
                (None, Some(session)) => {
                    state
                        .run(move |app| {
                            let csrf = match needs_csrf {
                                true => Csrf::Sent(csrf.as_deref()),
                                false => Csrf::NotNeeded,
                            };
                            sessions::by_session(app, &session, csrf)
                        })
                        .await
                }
                (None, None) => Err(AppError::Unauthenticated(
                    "log in first: send `Authorization: Bearer <token>` or the session cookie"
                        .into(),
                )
                .into()),
            }
        })
    }
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
