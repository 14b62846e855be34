//! Who is calling, read off the request: a bearer API token or a browser
//! session cookie (whose requests that change data must also carry the
//! session's CSRF token in `X-CSRF-Token`; bearer requests cannot be forged
//! by a browser). The checks themselves are `app::sessions`'.

use super::{problem::ApiError, state::AppState};
use crate::app::error::AppError;
use crate::app::operators::{self, Operating};
use crate::app::sessions::{self, Credential, Csrf, Identity};
use crate::domain::credentials::{Reach, Seen};
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

/// What a request does, for a token's scope: reads (a correlation computed
/// from a body changes nothing), the fieldwork of one assessment (scores,
/// agreed scores, evidence, interviews, the offline workbook), or
/// anything else.
fn reach(method: &Method, path: &str) -> Reach {
    const FIELDWORK: [&str; 5] = ["scores/", "agreed/", "evidence/", "interviews", "workbook"];
    if !changes_state(method) || path == "/api/v1/stats/correlation" {
        return Reach::Reads;
    }
    let fieldwork = path
        .strip_prefix("/api/v1/assessments/")
        .and_then(|rest| rest.split_once('/'))
        .is_some_and(|(id, rest)| {
            id.parse::<u32>().is_ok() && FIELDWORK.iter().any(|p| rest.starts_with(p))
        });
    match fieldwork {
        true => Reach::Scores,
        false => Reach::Changes,
    }
}

/// What a session request must show besides its cookie: the CSRF token it
/// sent when it changes data.
fn csrf_to_show(needs_csrf: bool, sent: Option<&str>) -> Csrf<'_> {
    match needs_csrf {
        true => Csrf::Sent(sent),
        false => Csrf::NotNeeded,
    }
}

/// What a person may reach while their organisation waits for them to
/// enrol a second factor: who they are, the enrolment, and logging out.
const WHILE_ENROLLING: [&str; 4] = [
    "/api/v1/me",
    "/api/v1/me/two-factor",
    "/api/v1/me/two-factor/confirm",
    "/api/v1/auth/logout",
];

/// Refuses everything else to a person who must enrol a second factor first.
fn enrolled(identity: Identity, path: &str) -> Result<Identity, ApiError> {
    if identity.enrol_first && !WHILE_ENROLLING.contains(&path) {
        return Err(AppError::forbidden(
            "two_factor_enrolment_required",
            "your organisation requires a second factor: enrol one first (POST /api/v1/me/two-factor)",
        )
        .into());
    }
    Ok(identity)
}

/// Refuses a token whose scope does not reach this far.
fn within_scope(identity: Identity, reach: Reach) -> Result<Identity, ApiError> {
    match &identity.credential {
        Credential::Token { scope, .. } if !scope.allows(reach) => Err(AppError::forbidden(
            "token_scope",
            format!("this API token's scope ({scope}) does not allow this request"),
        )
        .into()),
        _ => Ok(identity),
    }
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
        let reach = reach(req.method(), req.path());
        let path = req.path().to_owned();
        let address = state
            .as_ref()
            .map(|state| caller_address(state, req))
            .unwrap_or_default();
        Box::pin(async move {
            let state = state.ok_or_else(|| AppError::fault("application state missing"))?;
            // Most requests carry a credential this instance remembers:
            // answered here, without waiting twice for the blocking pool
            // (sparing that hand-over raised kept reads by about a fifth).
            match (bearer, cookie) {
                (Some(token), _) => {
                    let identity = match sessions::remembered_token(&state.app, &token) {
                        Some(identity) => identity,
                        None => {
                            state
                                .run(move |app| sessions::by_token(app, &token, &address))
                                .await?
                        }
                    };
                    within_scope(enrolled(identity, &path)?, reach)
                }
                (None, Some(session)) => {
                    let remembered = sessions::remembered_session(
                        &state.app,
                        &session,
                        csrf_to_show(needs_csrf, csrf.as_deref()),
                    );
                    let identity = match remembered {
                        Some(identity) => identity?,
                        None => {
                            state
                                .run(move |app| {
                                    let csrf = csrf_to_show(needs_csrf, csrf.as_deref());
                                    sessions::by_session(app, &session, csrf, &address)
                                })
                                .await?
                        }
                    };
                    enrolled(identity, &path)
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

/// Where a login comes from: the browser's User-Agent (cut to 200
/// characters) and the caller's address.
pub fn seen(state: &AppState, req: &HttpRequest) -> Seen {
    let device = req
        .headers()
        .get(actix_web::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    Seen {
        device,
        address: caller_address(state, req),
    }
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

/// The platform operator behind a bearer token of theirs; an organisation's
/// token or session opens none of the operator routes.
impl FromRequest for Operating {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Operating, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let bearer = bearer(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| AppError::fault("application state missing"))?;
            let token = bearer.ok_or_else(|| {
                AppError::Unauthenticated(
                    "the operator routes need `Authorization: Bearer <operator token>`".into(),
                )
            })?;
            state.run(move |app| operators::by_token(app, &token)).await
        })
    }
}
