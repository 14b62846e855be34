//! Logging in and out, and who am I.

use crate::app::login::{self as logins, LoggedIn, Login};
use crate::app::users::{self, Me, PasswordChange, UserView};
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use crate::web::session::{seen, session_cookie, SESSION_COOKIE};
use crate::web::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
    /// For an account with a second factor: the code from the
    /// authenticator app, or one of the recovery codes.
    #[schema(max_length = 40)]
    pub code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    pub user: UserView,
    /// Send it as `X-CSRF-Token` with every session request that changes data.
    pub csrf_token: String,
}

/// Starts a browser session: sets the session cookie and returns the CSRF token.
#[utoipa::path(
    context_path = "/api/v1", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, body = LoginResponse, description = "Logged in; the session cookie is set"),
        (status = 401, body = Problem, description = "Unknown email or wrong password (`unauthenticated`); the account has a second factor and `code` was missing (`second_factor_needed`) or wrong, expired or used already (`second_factor_wrong`)"),
        (status = 403, body = Problem, description = "The organisation is switched off (`organisation_disabled`), or signs in only through its identity provider (`sso_required`)"),
        (status = 429, body = Problem, description = "Too many failed logins for the account (5 in 15 minutes) or from the address (30); `Retry-After` says when to try again"),
        (status = 503, body = Problem, description = "Too many passwords are being checked at once (`busy`); `Retry-After: 1`"),
        (status = 400, body = Problem),
    ),
    security(()),
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    body: web::Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let LoginRequest {
        email,
        password,
        code,
    } = body.into_inner();
    let login = Login {
        email,
        password,
        code,
        previous: req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned()),
        seen: seen(&state, &req),
    };
    let started = match state.run(move |app| logins::log_in(app, login)).await? {
        LoggedIn::Started(started) => started,
        LoggedIn::CodeNeeded { .. } => return Err(logins::code_needed().into()),
    };
    let csrf_token = started.identity.csrf_token().unwrap_or_default().to_owned();
    Ok(HttpResponse::Ok()
        .cookie(session_cookie(
            &state,
            started.session_token,
            state.app.session_lifetime,
        ))
        .json(LoginResponse {
            user: started.user,
            csrf_token,
        }))
}

/// Ends the browser session on the server and clears the cookie.
#[utoipa::path(context_path = "/api/v1", tag = "auth",
    responses((status = 204, description = "Logged out"), (status = 401, body = Problem)))]
#[post("/auth/logout")]
pub async fn logout(call: Call) -> ApiResult<HttpResponse> {
    let Call { state, identity } = call;
    state
        .run(move |app| logins::log_out(app, &identity))
        .await?;
    Ok(HttpResponse::NoContent()
        .cookie(session_cookie(
            &state,
            String::new(),
            chrono::Duration::zero(),
        ))
        .finish())
}

/// The caller and their organisation.
#[utoipa::path(context_path = "/api/v1", tag = "auth",
    responses((status = 200, body = Me), (status = 401, body = Problem)))]
#[get("/me")]
pub async fn me(call: Call) -> ApiResult<JsonAnswer<Me>> {
    call.json(users::me).await
}

/// Changes the caller's password and ends all their sessions.
#[utoipa::path(context_path = "/api/v1", tag = "auth", request_body = PasswordChange,
    responses((status = 204, description = "Changed; log in again"), (status = 401, body = Problem),
        (status = 422, body = Problem, description = "Wrong current password or too short a new one"),
        (status = 503, body = Problem, description = "Too many passwords are being checked at once (`busy`)")))]
#[post("/auth/password")]
pub async fn change_password(
    call: Call,
    body: web::Json<PasswordChange>,
) -> ApiResult<HttpResponse> {
    let change = body.into_inner();
    call.no_content(move |app, caller| users::change_password(app, caller, change))
        .await
}
