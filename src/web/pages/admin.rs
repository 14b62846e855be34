//! The admins' pages: the organisation's users, and which executives and
//! programme managers see which client. They post natively and share their
//! rules with the JSON API.

use super::{Done, DoneQuery, PageError, Said, Viewer};
use crate::db::audit::{AuditEvent, AuditFilter};
use crate::db::clients::Client;
use crate::db::users::User;
use crate::domain::role::{Caller, Role};
use crate::web::problem::{ApiError, ApiResult};
use crate::web::routes::clients::{attach_member, detach_member};
use crate::web::routes::users::{create_user, update_user, NewUserRequest, UserUpdate};
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;

const USERS: &str = "/admin/users";
const ACCESS: &str = "/admin/access";

fn admin_only(viewer: &Viewer) -> Result<Caller, PageError> {
    viewer.require(
        &[Role::Admin],
        "Only admins manage users and their access to clients.",
    )
}

/// A role chosen in a select; anything else is refused like any invalid field.
fn role_of(value: &str) -> ApiResult<Role> {
    value
        .parse()
        .map_err(|_| ApiError::invalid("unknown_role", "choose one of the roles"))
}

/// The four roles for a select, `chosen` selected.
fn role_options(chosen: Role) -> Vec<Value> {
    Role::ALL
        .into_iter()
        .map(|r| json!({ "value": r.as_str(), "label": r.label(), "selected": r == chosen }))
        .collect()
}

/// The add-user form. Every field may be missing, so that a forged post
/// without a token is refused as forged rather than as unreadable.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewUserForm {
    csrf_token: String,
    email: String,
    name: String,
    role: String,
    password: String,
}

/// One row's form on the users page; an unticked box is not sent at all.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UserForm {
    csrf_token: String,
    name: String,
    role: String,
    active: Option<String>,
}

/// Giving or removing one person's access to one client.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AccessForm {
    csrf_token: String,
    user_id: String,
    client_id: String,
}

impl AccessForm {
    /// The (user, client) ids chosen.
    fn ids(&self) -> ApiResult<(i32, i32)> {
        let id = |value: &str, what: &str| {
            value
                .parse()
                .map_err(|_| ApiError::invalid("missing_field", format!("choose a {what}")))
        };
        Ok((id(&self.user_id, "person")?, id(&self.client_id, "client")?))
    }
}

/// The users page; `form` is the add-user form as last sent (never its password).
async fn users_page(
    state: &AppState,
    viewer: &Viewer,
    said: Said,
    form: &NewUserForm,
) -> Result<HttpResponse, PageError> {
    let caller = admin_only(viewer)?;
    let users = state
        .read(move |conn| Ok(User::list_in(conn, &caller)?))
        .await?;
    let rows: Vec<Value> = users
        .iter()
        .map(|u| {
            json!({
                "id": u.id,
                "name": u.name,
                "email": u.email,
                "active": u.active,
                "me": u.id == caller.user_id,
                "roles": role_options(u.role()),
            })
        })
        .collect();
    let chosen = form.role.parse().unwrap_or(Role::Executive);
    let mut data = json!({
        "title": "Users",
        "users": rows,
        "form": { "email": form.email, "name": form.name, "roles": role_options(chosen) },
    });
    let status = said.fill(&mut data);
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "admin_users", &data))
}

/// Back to the users page: confirming `done`, or saying why not.
async fn users_outcome<T>(
    state: &AppState,
    viewer: &Viewer,
    outcome: ApiResult<T>,
    done: Done,
    form: &NewUserForm,
) -> Result<HttpResponse, PageError> {
    match outcome {
        Ok(_) => Ok(done.redirect(USERS)),
        Err(e) => users_page(state, viewer, Said::refusal(e)?, form).await,
    }
}

pub async fn users(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PageError> {
    users_page(&state, &viewer, query.said(), &NewUserForm::default()).await
}

pub async fn add_user(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<NewUserForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = admin_only(&viewer)?;
    let created = async {
        let body = NewUserRequest {
            email: form.email.clone(),
            name: form.name.clone(),
            role: role_of(&form.role)?,
            password: form.password.clone(),
        };
        create_user(&state, caller, body).await
    }
    .await;
    users_outcome(&state, &viewer, created, Done::UserCreated, &form).await
}

pub async fn change_user(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
    form: web::Form<UserForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = admin_only(&viewer)?;
    let updated = async {
        let body = UserUpdate {
            name: Some(form.name.clone()),
            role: Some(role_of(&form.role)?),
            active: Some(form.active.is_some()),
        };
        update_user(&state, caller, path.into_inner(), body).await
    }
    .await;
    let empty = NewUserForm::default();
    users_outcome(&state, &viewer, updated, Done::UserUpdated, &empty).await
}

/// The access page: every executive and programme manager with the clients
/// they are attached to.
async fn access_page(
    state: &AppState,
    viewer: &Viewer,
    said: Said,
) -> Result<HttpResponse, PageError> {
    let caller = admin_only(viewer)?;
    let (users, clients, memberships) = state
        .read(move |conn| {
            Ok((
                User::list_in(conn, &caller)?,
                Client::list_visible(conn, &caller)?,
                Client::memberships_in(conn, caller.organisation_id)?,
            ))
        })
        .await?;
    let people: Vec<Value> = users
        .iter()
        .filter(|u| !u.role().is_staff())
        .map(|u| {
            let theirs: Vec<Value> = memberships
                .iter()
                .filter(|(user_id, _)| *user_id == u.id)
                .map(|(_, c)| json!({ "user_id": u.id, "person": u.name, "client_id": c.id, "name": c.name }))
                .collect();
            json!({
                "id": u.id,
                "name": u.name,
                "email": u.email,
                "role": u.role().label(),
                "active": u.active,
                "clients": theirs,
            })
        })
        .collect();
    let mut data = json!({
        "title": "Who sees which client",
        "people": people,
        "clients": clients.iter().map(|c| json!({ "id": c.id, "name": c.name })).collect::<Vec<_>>(),
    });
    let status = said.fill(&mut data);
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "admin_access", &data))
}

/// Back to the access page: confirming `done`, or saying why not.
async fn access_outcome(
    state: &AppState,
    viewer: &Viewer,
    outcome: ApiResult<()>,
    done: Done,
) -> Result<HttpResponse, PageError> {
    match outcome {
        Ok(()) => Ok(done.redirect(ACCESS)),
        Err(e) => access_page(state, viewer, Said::refusal(e)?).await,
    }
}

pub async fn access(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PageError> {
    access_page(&state, &viewer, query.said()).await
}

pub async fn give_access(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<AccessForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = admin_only(&viewer)?;
    let given = async {
        let (user_id, client_id) = form.ids()?;
        attach_member(&state, caller, client_id, user_id).await
    }
    .await;
    access_outcome(&state, &viewer, given, Done::AccessGiven).await
}

pub async fn remove_access(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<AccessForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = admin_only(&viewer)?;
    let removed = async {
        let (user_id, client_id) = form.ids()?;
        detach_member(&state, caller, client_id, user_id).await
    }
    .await;
    access_outcome(&state, &viewer, removed, Done::AccessRemoved).await
}

/// How many events the audit page shows.
const RECENT: i64 = 200;

/// The audit trail page: the latest changes, newest first, with links to
/// the whole trail as CSV and XLSX.
pub async fn audit(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, PageError> {
    let caller = admin_only(&viewer)?;
    let (events, users) = state
        .read(move |conn| {
            Ok((
                AuditEvent::search(
                    conn,
                    caller.organisation_id,
                    &AuditFilter::default(),
                    RECENT,
                )?,
                User::list_in(conn, &caller)?,
            ))
        })
        .await?;
    let names: HashMap<i32, &str> = users.iter().map(|u| (u.id, u.name.as_str())).collect();
    let rows: Vec<Value> = events
        .iter()
        .map(|e| {
            json!({
                "when": e.occurred_at.format("%Y-%m-%d %H:%M").to_string(),
                "who": e.actor_id.and_then(|id| names.get(&id).copied()).unwrap_or("—"),
                "what": e.action,
                "subject": format!("{} {}", e.entity, e.entity_id),
                "change": e.after_value.as_deref().or(e.before_value.as_deref()).unwrap_or(""),
            })
        })
        .collect();
    let mut data = json!({ "title": "Audit trail", "events": rows, "recent": RECENT });
    viewer.fill(&mut data);
    Ok(state
        .pages
        .render(actix_web::http::StatusCode::OK, "admin_audit", &data))
}
