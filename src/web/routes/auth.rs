//! Logging in and out, and who am I.

use crate::auth::{hash_password, password_problem, verify_password};
use crate::db::{organisations::Organisation, sessions::Session, users::User};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::{
    caller_address, session_cookie, start_session, Auth, Credential, SESSION_COOKIE,
};
use crate::web::state::AppState;
use crate::web::views::UserView;
use actix_web::{get, post, web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    pub user: UserView,
    /// Send it as `X-CSRF-Token` with every session request that changes data.
    pub csrf_token: String,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user: UserView,
    pub organisation: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Starts a browser session: sets the session cookie and returns the CSRF token.
#[utoipa::path(
    context_path = "/api/v1", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, body = LoginResponse, description = "Logged in; the session cookie is set"),
        (status = 401, body = Problem, description = "Unknown email or wrong password"),
        (status = 429, body = Problem, description = "Too many failed logins for the account (5 in 15 minutes) or from the address (30); `Retry-After` says when to try again"),
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
    let LoginRequest { email, password } = body.into_inner();
    let previous = req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned());
    let address = caller_address(&state, &req);
    let started = start_session(&state, email, password, previous, &address).await?;
    Ok(HttpResponse::Ok()
        .cookie(session_cookie(
            &state,
            started.session_token,
            state.session_lifetime,
        ))
        .json(LoginResponse {
            user: UserView::from(&started.user),
            csrf_token: started.csrf_token,
        }))
}

/// Ends the browser session on the server and clears the cookie.
#[utoipa::path(context_path = "/api/v1", tag = "auth",
    responses((status = 204, description = "Logged out"), (status = 401, body = Problem)))]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, auth: Auth) -> ApiResult<HttpResponse> {
    if let Credential::Session { token_hash } = auth.credential {
        state
            .write(move |conn| Ok(Session::delete(conn, &token_hash)?))
            .await?;
    }
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
pub async fn me(state: web::Data<AppState>, auth: Auth) -> ApiResult<web::Json<Me>> {
    let organisation_id = auth.user.organisation_id;
    let organisation = state
        .read(move |conn| Ok(Organisation::find(conn, organisation_id)?))
        .await?;
    Ok(web::Json(Me {
        user: UserView::from(&auth.user),
        organisation: organisation.name,
    }))
}

/// Changes the caller's password and ends all their sessions.
#[utoipa::path(context_path = "/api/v1", tag = "auth", request_body = PasswordChange,
    responses((status = 204, description = "Changed; log in again"), (status = 401, body = Problem),
        (status = 422, body = Problem, description = "Wrong current password or too short a new one")))]
#[post("/auth/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<PasswordChange>,
) -> ApiResult<HttpResponse> {
    change_password_of(&state, &auth.user, body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Changes a user's password and ends all their sessions; the API and the
/// password page share it.
pub async fn change_password_of(
    state: &AppState,
    user: &User,
    change: PasswordChange,
) -> ApiResult<()> {
    let PasswordChange {
        current_password,
        new_password,
    } = change;
    if let Some(problem) = password_problem(&new_password) {
        return Err(ApiError::invalid("weak_password", problem));
    }
    let (user_id, stored) = (user.id, user.password_hash.clone());
    let new_hash = web::block(move || -> ApiResult<String> {
        if !verify_password(&current_password, &stored) {
            return Err(ApiError::invalid(
                "wrong_password",
                "the current password is wrong",
            ));
        }
        Ok(hash_password(&new_password)?)
    })
    .await??;
    state
        .write(move |conn| {
            User::set_password_hash(conn, user_id, &new_hash)?;
            Session::delete_for_user(conn, user_id)?;
            Ok(())
        })
        .await
}
