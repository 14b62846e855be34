//! The organisation's users. Admins create them; consultants may list them
//! to pick co-assessors.

use crate::app::sessions::Identity;
use crate::app::users::{self, NewUserRequest, UserUpdate, UserView};
use crate::web::problem::{ApiResult, Problem};
use crate::web::state::AppState;
use actix_web::{get, patch, post, web, HttpResponse};

/// Users of the caller's organisation.
#[utoipa::path(context_path = "/api/v1", tag = "users",
    responses((status = 200, body = Vec<UserView>), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/users")]
pub async fn list(
    state: web::Data<AppState>,
    auth: Identity,
) -> ApiResult<web::Json<Vec<UserView>>> {
    let users = state.run(move |app| users::list(app, &auth.caller)).await?;
    Ok(web::Json(users))
}

/// One user of the caller's organisation.
#[utoipa::path(context_path = "/api/v1", tag = "users", params(("id" = i32, Path)),
    responses((status = 200, body = UserView), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/users/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    auth: Identity,
    path: web::Path<i32>,
) -> ApiResult<web::Json<UserView>> {
    let id = path.into_inner();
    let user = state
        .run(move |app| users::get(app, &auth.caller, id))
        .await?;
    Ok(web::Json(user))
}

/// Creates a user in the caller's organisation (admins only).
#[utoipa::path(context_path = "/api/v1", tag = "users", request_body = NewUserRequest,
    responses((status = 201, body = UserView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem, description = "The email is taken"), (status = 422, body = Problem)))]
#[post("/users")]
pub async fn create(
    state: web::Data<AppState>,
    auth: Identity,
    body: web::Json<NewUserRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let user = state
        .run(move |app| users::create(app, &auth.caller, body))
        .await?;
    Ok(HttpResponse::Created().json(user))
}

/// Renames a user, changes their role or (de)activates them (admins only).
/// Admins cannot demote or deactivate themselves, so an organisation always keeps one.
#[utoipa::path(context_path = "/api/v1", tag = "users", params(("id" = i32, Path)), request_body = UserUpdate,
    responses((status = 200, body = UserView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
#[patch("/users/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    auth: Identity,
    path: web::Path<i32>,
    body: web::Json<UserUpdate>,
) -> ApiResult<web::Json<UserView>> {
    let (id, body) = (path.into_inner(), body.into_inner());
    let user = state
        .run(move |app| users::update(app, &auth.caller, id, body))
        .await?;
    Ok(web::Json(user))
}
