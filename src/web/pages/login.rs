//! The login page, and logging out. The login form carries a token that
//! must match a cookie set with the form, so another site cannot log a
//! browser into an account of its choosing.

use super::messages::text;
use super::page_error::sentence;
use super::{PageError, Viewer};
use crate::app::error::AppError;
use crate::app::login::{self, CodeLogin, LoggedIn, Login, Started};
use crate::app::sessions::csrf_matches;
use crate::web::problem::ApiError;
use crate::web::session::{seen, session_cookie, SESSION_COOKIE};
use crate::web::state::AppState;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::{http::StatusCode, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

const LOGIN_CSRF_COOKIE: &str = "cmas_login_csrf";

/// A missing token reads as empty and is refused like a wrong one.
#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    csrf_token: String,
    email: String,
    password: String,
}

/// The login's second step: the challenge the first gave, and the code.
#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    email: String,
    challenge: String,
    code: String,
}

/// The login page in either step: the password, or (with a challenge) the code.
struct Step<'a> {
    status: StatusCode,
    email: &'a str,
    error: Option<&'a str>,
    challenge: Option<&'a str>,
}

/// A form that carries nothing but the token: logging out, revoking a token.
#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub(super) csrf_token: String,
}

fn form_page(state: &AppState, step: Step<'_>) -> HttpResponse {
    let token = crate::auth::new_secret("");
    let cookie = Cookie::build(LOGIN_CSRF_COOKIE, token.clone())
        .path("/login")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.secure_cookies)
        .finish();
    let mut response = state.pages.render(
        step.status,
        "login",
        &json!({
            "title": text("pages-login-title"),
            "csrf_token": token,
            "email": step.email,
            "error": step.error,
            "challenge": step.challenge,
            "mail": state.app.mail.enabled,
        }),
    );
    let _ = response.add_cookie(&cookie);
    response
}

pub async fn form(state: web::Data<AppState>, viewer: Option<Viewer>) -> HttpResponse {
    if viewer.is_some() {
        return HttpResponse::SeeOther()
            .insert_header(("Location", "/"))
            .finish();
    }
    form_page(&state, Step::first(StatusCode::OK, "", None))
}

impl<'a> Step<'a> {
    fn first(status: StatusCode, email: &'a str, error: Option<&'a str>) -> Step<'a> {
        Step {
            status,
            email,
            error,
            challenge: None,
        }
    }
}

/// Refuses a login form whose token does not match the form's cookie.
fn check_form(req: &HttpRequest, sent: &str) -> Result<(), PageError> {
    let expected = req
        .cookie(LOGIN_CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    if expected.is_empty() || !csrf_matches(sent, &expected) {
        return Err(PageError::Forbidden(text("login_expired")));
    }
    Ok(())
}

/// Into the application with the new session.
pub(super) fn signed_in(state: &AppState, started: Started) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", "/"))
        .cookie(session_cookie(
            state,
            started.session_token,
            state.app.session_lifetime,
        ))
        .finish()
}

pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, PageError> {
    let LoginForm {
        csrf_token,
        email,
        password,
    } = form.into_inner();
    check_form(&req, &csrf_token)?;
    let login = Login {
        email: email.clone(),
        password,
        code: None,
        previous: req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned()),
        seen: seen(&state, &req),
    };
    let refused = |status, message: &str| {
        let error = sentence(message);
        Ok(form_page(&state, Step::first(status, &email, Some(&error))))
    };
    match state.run(move |app| login::log_in(app, login)).await {
        Ok(LoggedIn::Started(started)) => Ok(signed_in(&state, started)),
        Ok(LoggedIn::CodeNeeded { challenge }) => Ok(form_page(
            &state,
            Step {
                status: StatusCode::OK,
                email: &email,
                error: None,
                challenge: Some(&challenge),
            },
        )),
        Err(ApiError::App(AppError::Unauthenticated(message))) => {
            refused(StatusCode::UNAUTHORIZED, &message)
        }
        Err(ApiError::App(AppError::Throttled { detail, .. })) => {
            refused(StatusCode::TOO_MANY_REQUESTS, &detail)
        }
        // Passwords off, or the organisation switched off: said on the form.
        Err(ApiError::App(AppError::Forbidden { detail, .. })) => {
            refused(StatusCode::FORBIDDEN, &detail)
        }
        Err(ApiError::App(AppError::Busy(busy))) => {
            refused(StatusCode::SERVICE_UNAVAILABLE, &busy.to_string())
        }
        Err(other) => Err(other.into()),
    }
}

/// The second step: the code from the authenticator app (or a recovery
/// code). A wrong code asks again, for as long as the challenge lasts.
pub async fn submit_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, PageError> {
    let CodeForm {
        csrf_token,
        email,
        challenge,
        code,
    } = form.into_inner();
    check_form(&req, &csrf_token)?;
    let login = CodeLogin {
        challenge: challenge.clone(),
        code,
        previous: req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned()),
        seen: seen(&state, &req),
    };
    let again = |status, message: &str| {
        let error = sentence(message);
        let step = Step {
            status,
            email: &email,
            error: Some(&error),
            challenge: Some(&challenge),
        };
        Ok(form_page(&state, step))
    };
    match state
        .run(move |app| login::log_in_with_code(app, login))
        .await
    {
        Ok(started) => Ok(signed_in(&state, started)),
        Err(ApiError::App(AppError::SecondFactor { detail, .. })) => {
            again(StatusCode::UNAUTHORIZED, &detail)
        }
        Err(ApiError::App(AppError::Throttled { detail, .. })) => {
            again(StatusCode::TOO_MANY_REQUESTS, &detail)
        }
        Err(ApiError::App(AppError::Unauthenticated(message))) => Ok(form_page(
            &state,
            Step::first(StatusCode::UNAUTHORIZED, &email, Some(&sentence(&message))),
        )),
        Err(other) => Err(other.into()),
    }
}

pub async fn logout(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let identity = viewer.identity;
    state.run(move |app| login::log_out(app, &identity)).await?;
    let mut gone = Cookie::build(SESSION_COOKIE, "").path("/").finish();
    gone.make_removal();
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", "/login"))
        .cookie(gone)
        .finish())
}
