//! The organisation's users. Admins create them; consultants may list them
//! to pick co-assessors.

use crate::app::listing::ListQuery;
use crate::app::users::{self, NewUserRequest, UserUpdate, UserView};
use crate::domain::ids::UserId;
use crate::web::call::{Call, JsonAnswer, PageAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, patch, post, web, HttpResponse};

/// A page of the users of the caller's organisation: `q` finds a part of a
/// name or email; sorts by `name`, `email`, `role` or `last_login_at`.
#[utoipa::path(context_path = "/api/v1", tag = "users", params(ListQuery),
    responses((status = 200, body = Vec<UserView>, headers(
            ("X-Total-Count" = i64, description = "Items that match, across all pages"),
            ("Link" = String, description = "The first, previous, next and last pages (RFC 8288)"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[get("/users")]
pub async fn list(call: Call, query: web::Query<ListQuery>) -> ApiResult<PageAnswer<UserView>> {
    let query = query.into_inner();
    call.page(move |app, caller| users::list(app, caller, &query))
        .await
}

/// One user of the caller's organisation.
#[utoipa::path(context_path = "/api/v1", tag = "users", params(("id" = i32, Path)),
    responses((status = 200, body = UserView), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/users/{id}")]
pub async fn get(call: Call, path: web::Path<UserId>) -> ApiResult<JsonAnswer<UserView>> {
    call.json(move |app, caller| users::get(app, caller, path.into_inner()))
        .await
}

/// Creates a user in the caller's organisation (admins only).
#[utoipa::path(context_path = "/api/v1", tag = "users", request_body = NewUserRequest,
    responses((status = 201, body = UserView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem, description = "The email is taken"), (status = 422, body = Problem)))]
#[post("/users")]
pub async fn create(call: Call, body: web::Json<NewUserRequest>) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    call.created(move |app, caller| users::create(app, caller, body))
        .await
}

/// Renames a user, changes their role or (de)activates them (admins only).
/// Admins cannot demote or deactivate themselves, so an organisation always keeps one.
#[utoipa::path(context_path = "/api/v1", tag = "users", params(("id" = i32, Path, minimum = 1)), request_body = UserUpdate,
    responses((status = 200, body = UserView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
#[patch("/users/{id}")]
pub async fn update(
    call: Call,
    path: web::Path<UserId>,
    body: web::Json<UserUpdate>,
) -> ApiResult<JsonAnswer<UserView>> {
    let (id, body) = (path.into_inner(), body.into_inner());
    call.json(move |app, caller| users::update(app, caller, id, body))
        .await
}
