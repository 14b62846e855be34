//! The login page, and logging out. The login form carries a token that
//! must match a cookie set with the form, so another site cannot log a
//! browser into an account of its choosing.

use super::messages::text;
use super::page_error::sentence;
use super::{PageError, Viewer};
use crate::app::error::AppError;
use crate::app::sessions::{self, csrf_matches, Login};
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

/// A form that carries nothing but the token: logging out, revoking a token.
#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub(super) csrf_token: String,
}

fn form_page(
    state: &AppState,
    status: StatusCode,
    email: &str,
    error: Option<&str>,
) -> HttpResponse {
    let token = crate::auth::new_secret("");
    let cookie = Cookie::build(LOGIN_CSRF_COOKIE, token.clone())
        .path("/login")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.secure_cookies)
        .finish();
    let mut response = state.pages.render(
        status,
        "login",
        &json!({ "title": text("pages-login-title"), "csrf_token": token, "email": email, "error": error }),
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
    form_page(&state, StatusCode::OK, "", None)
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
    let expected = req
        .cookie(LOGIN_CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    if expected.is_empty() || !csrf_matches(&csrf_token, &expected) {
        return Err(PageError::Forbidden(text("login_expired")));
    }
    let login = Login {
        email: email.clone(),
        password,
        previous: req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned()),
        seen: seen(&state, &req),
    };
    match state.run(move |app| sessions::log_in(app, login)).await {
        Ok(started) => Ok(HttpResponse::SeeOther()
            .insert_header(("Location", "/"))
            .cookie(session_cookie(
                &state,
                started.session_token,
                state.app.session_lifetime,
            ))
            .finish()),
        Err(ApiError::App(AppError::Unauthenticated(message))) => Ok(form_page(
            &state,
            StatusCode::UNAUTHORIZED,
            &email,
            Some(&sentence(&message)),
        )),
        Err(ApiError::App(AppError::Throttled { detail, .. })) => Ok(form_page(
            &state,
            StatusCode::TOO_MANY_REQUESTS,
            &email,
            Some(&sentence(&detail)),
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
    state
        .run(move |app| sessions::log_out(app, &identity))
        .await?;
    let mut gone = Cookie::build(SESSION_COOKIE, "").path("/").finish();
    gone.make_removal();
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", "/login"))
        .cookie(gone)
        .finish())
}
