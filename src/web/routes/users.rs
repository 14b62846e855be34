//! The organisation's users. Admins create them; consultants may list them
//! to pick co-assessors.

use crate::auth::{hash_password, password_problem};
use crate::db::audit::{AuditEvent, Change};
use crate::db::sessions::Session;
use crate::db::users::{NewUser, User, UserChanges};
use crate::domain::role::{Caller, Role};
use crate::web::input::{email, required, SHORT_TEXT};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use crate::web::views::UserView;
use actix_web::{get, patch, post, web, HttpResponse};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserRequest {
    pub email: String,
    pub name: String,
    pub role: Role,
    /// At least 10 characters.
    pub password: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserUpdate {
    pub name: Option<String>,
    pub role: Option<Role>,
    /// A deactivated user can no longer log in; their sessions and tokens stop working.
    pub active: Option<bool>,
}

/// Users of the caller's organisation.
#[utoipa::path(context_path = "/api/v1", tag = "users",
    responses((status = 200, body = Vec<UserView>), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/users")]
pub async fn list(state: web::Data<AppState>, auth: Auth) -> ApiResult<web::Json<Vec<UserView>>> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "list users")?;
    let users = state
        .read(move |conn| Ok(User::list_in(conn, &caller)?))
        .await?;
    Ok(web::Json(users.iter().map(UserView::from).collect()))
}

/// One user of the caller's organisation.
#[utoipa::path(context_path = "/api/v1", tag = "users", params(("id" = i32, Path)),
    responses((status = 200, body = UserView), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/users/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<web::Json<UserView>> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "read users")?;
    let id = path.into_inner();
    let user = state
        .read(move |conn| Ok(User::find_in(conn, &caller, id)?))
        .await?;
    user.map(|u| web::Json(UserView::from(&u)))
        .ok_or_else(|| ApiError::not_found("user"))
}

/// Creates a user in the caller's organisation (admins only).
#[utoipa::path(context_path = "/api/v1", tag = "users", request_body = NewUserRequest,
    responses((status = 201, body = UserView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem, description = "The email is taken"), (status = 422, body = Problem)))]
#[post("/users")]
pub async fn create(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<NewUserRequest>,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(&[Role::Admin], "create users")?;
    let user = create_user(&state, caller, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(UserView::from(&user)))
}

/// Creates a user in the caller's organisation; the API and the users page
/// share it, and both let only admins call it.
pub async fn create_user(
    state: &AppState,
    caller: Caller,
    body: NewUserRequest,
) -> ApiResult<User> {
    let email = email(&body.email)?;
    let name = required("name", &body.name, SHORT_TEXT)?;
    if let Some(problem) = password_problem(&body.password) {
        return Err(ApiError::invalid("weak_password", problem));
    }
    let password = body.password;
    let hash = web::block(move || hash_password(&password)).await??;
    state
        .write(move |conn| {
            if User::find_by_email(conn, &email)?.is_some() {
                return Err(ApiError::conflict(
                    "email_taken",
                    format!("a user with the email {email} exists already"),
                ));
            }
            let new = NewUser {
                organisation_id: caller.organisation_id,
                email: &email,
                name: &name,
                role: body.role,
                password_hash: &hash,
            };
            let user = User::create(conn, new)?;
            AuditEvent::record(
                conn,
                Change::by(&caller, "user", user.id, "user.create")
                    .after(json!({ "email": user.email, "name": user.name, "role": user.role })),
            )?;
            Ok(user)
        })
        .await
}

/// Renames a user, changes their role or (de)activates them (admins only).
/// Admins cannot demote or deactivate themselves, so an organisation always keeps one.
#[utoipa::path(context_path = "/api/v1", tag = "users", params(("id" = i32, Path)), request_body = UserUpdate,
    responses((status = 200, body = UserView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
#[patch("/users/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    body: web::Json<UserUpdate>,
) -> ApiResult<web::Json<UserView>> {
    let caller = auth.require(&[Role::Admin], "change users")?;
    let user = update_user(&state, caller, path.into_inner(), body.into_inner()).await?;
    Ok(web::Json(UserView::from(&user)))
}

/// Changes a user of the caller's organisation and ends their sessions when
/// their role or access changed; the API and the users page share it, and
/// both let only admins call it.
pub async fn update_user(
    state: &AppState,
    caller: Caller,
    id: i32,
    body: UserUpdate,
) -> ApiResult<User> {
    let name = body
        .name
        .as_deref()
        .map(|n| required("name", n, SHORT_TEXT))
        .transpose()?;
    let is_self = id == caller.user_id;
    if is_self && (body.active == Some(false) || body.role.is_some_and(|r| r != Role::Admin)) {
        return Err(ApiError::invalid(
            "own_account",
            "you cannot deactivate yourself or give up your own admin role",
        ));
    }
    state
        .write(move |conn| {
            let user =
                User::find_in(conn, &caller, id)?.ok_or_else(|| ApiError::not_found("user"))?;
            let changes = UserChanges {
                name,
                role: body.role,
                active: body.active,
            };
            let updated = User::update(conn, user.id, &changes)?;
            if updated.active != user.active || updated.role != user.role {
                Session::delete_for_user(conn, user.id)?;
            }
            let state = |u: &User| json!({ "name": u.name, "role": u.role, "active": u.active });
            AuditEvent::record(
                conn,
                Change::by(&caller, "user", user.id, "user.update")
                    .before(state(&user))
                    .after(state(&updated)),
            )?;
            Ok(updated)
        })
        .await
}
