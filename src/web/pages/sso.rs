//! Signing in through the organisation's identity provider: off to the
//! provider with the state kept in a cookie, and back to a session or to a
//! page that says why not.

use super::login::signed_in;
use super::messages::text;
use super::PageError;
use crate::app::sso_login::{self, Return};
use crate::web::session::{seen, SESSION_COOKIE};
use crate::web::state::AppState;
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::{http::StatusCode, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

/// The cookie that ties the provider's answer to the browser that left:
/// lax, since the answer comes back as a navigation from the provider.
const STATE_COOKIE: &str = "cmas_sso_state";

/// The login page's single sign-on form: the organisation's short name.
#[derive(Deserialize)]
pub struct Start {
    organisation: String,
}

/// What the provider sends the browser back with.
#[derive(Deserialize)]
pub struct Back {
    #[serde(default)]
    state: String,
    code: Option<String>,
    error: Option<String>,
}

/// `/sso?organisation=…`, from the login page: a page that moves on to
/// the organisation's link at once. (A redirect would end a form's
/// submission at the provider, which the pages' `form-action 'self'` forbids.)
pub async fn start_named(state: web::Data<AppState>, query: web::Query<Start>) -> HttpResponse {
    let slug: String =
        form_urlencoded::byte_serialize(query.organisation.trim().as_bytes()).collect();
    state.pages.render(
        StatusCode::OK,
        "sso_continue",
        &json!({ "title": text("login-sso-title"), "refresh": format!("/sso/{slug}") }),
    )
}

/// `/sso/{organisation}`: the link an organisation gives its people.
pub async fn start(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    leave(state, slug.into_inner()).await
}

async fn leave(state: web::Data<AppState>, slug: String) -> Result<HttpResponse, PageError> {
    let leaving = state.run(move |app| sso_login::leave(app, &slug)).await?;
    let cookie = Cookie::build(STATE_COOKIE, leaving.state)
        .path("/sso")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.secure_cookies)
        .max_age(Duration::minutes(10))
        .finish();
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", leaving.url))
        .cookie(cookie)
        .finish())
}

/// `/sso/callback`: a session, or the reason there is none.
pub async fn callback(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<Back>,
) -> Result<HttpResponse, PageError> {
    let Back {
        state: returned,
        code,
        error,
    } = query.into_inner();
    let back = Return {
        state: returned,
        code,
        error,
        kept: req.cookie(STATE_COOKIE).map(|c| c.value().to_owned()),
        previous: req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned()),
        seen: seen(&state, &req),
    };
    let started = state.run(move |app| sso_login::arrive(app, back)).await?;
    let mut response = signed_in(&state, started);
    let mut gone = Cookie::build(STATE_COOKIE, "").path("/sso").finish();
    gone.make_removal();
    let _ = response.add_cookie(&gone);
    Ok(response)
}
