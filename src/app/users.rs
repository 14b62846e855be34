//! The organisation's users. Admins create and change them; consultants
//! may list them to pick co-assessors; everyone changes their own password.

use super::error::{AppError, AppResult};
use super::input::{email, required, SHORT_TEXT};
use super::listing::{ListQuery, Paged};
use super::permissions::{require, ADMINS, STAFF};
use super::{tokens, App};
use crate::auth::{hash_password, password_problem, verify_password};
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::sessions::Session;
use crate::db::users::{NewUser, User, UserChanges};
use crate::db::AnyConnection;
use crate::domain::i18n::Language;
use crate::domain::ids::UserId;
use crate::domain::role::{Caller, Role};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct UserView {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    /// When they last logged in (UTC); absent if never.
    pub last_login_at: Option<chrono::NaiveDateTime>,
    /// Whether they sign in with a second factor.
    pub two_factor: bool,
}

impl From<&User> for UserView {
    fn from(u: &User) -> UserView {
        UserView {
            id: u.id,
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role(),
            active: u.active,
            last_login_at: u.last_login_at,
            two_factor: u.totp_enabled_at.is_some(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct NewUserRequest {
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(max_length = 200, pattern = "email")]
    pub email: String,
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
    pub role: Role,
    /// At least 10 characters.
    #[schema(min_length = 10)]
    pub password: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct UserUpdate {
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: Option<String>,
    pub role: Option<Role>,
    /// A deactivated user can no longer log in; their sessions and tokens stop working.
    pub active: Option<bool>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct PasswordChange {
    pub current_password: String,
    #[schema(min_length = 10)]
    pub new_password: String,
    /// Also revoke your API tokens (they might be why the password changes); true unless sent.
    #[serde(default = "yes")]
    pub revoke_tokens: bool,
}

fn yes() -> bool {
    true
}

#[derive(Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Me {
    pub user: UserView,
    pub organisation: String,
}

/// Users of the caller's organisation (staff).
pub fn list(app: &App, caller: &Caller, query: &ListQuery) -> AppResult<Paged<UserView>> {
    require(caller, STAFF, "list users")?;
    let cut = query.cut(&[("name", 0), ("email", 1), ("role", 2), ("last_login_at", 3)])?;
    let users = app.read(|conn| Ok(User::list_in(conn, caller)?))?;
    Ok(cut.apply(
        users.iter().map(UserView::from).collect(),
        |u: &UserView| format!("{} {}", u.name, u.email),
        |key, a, b| {
            match key {
                0 => a.name.cmp(&b.name),
                1 => a.email.cmp(&b.email),
                2 => a.role.as_str().cmp(b.role.as_str()),
                _ => a.last_login_at.cmp(&b.last_login_at),
            }
            .then(a.id.cmp(&b.id))
        },
    ))
}

/// One user of the caller's organisation (staff).
pub fn get(app: &App, caller: &Caller, id: UserId) -> AppResult<UserView> {
    require(caller, STAFF, "read users")?;
    let user = app.read(|conn| Ok(User::find_in(conn, caller, id.get())?))?;
    user.map(|u| UserView::from(&u))
        .ok_or_else(|| AppError::not_found("user"))
}

/// The caller and their organisation.
pub fn me(app: &App, caller: &Caller) -> AppResult<Me> {
    app.read(|conn| {
        let user = User::find_in(conn, caller, caller.user_id.get())?
            .ok_or_else(|| AppError::fault("the caller is not a user"))?;
        let organisation = Organisation::find(conn, caller.organisation_id.get())?;
        Ok(Me {
            user: UserView::from(&user),
            organisation: organisation.name,
        })
    })
}

/// Creates a user in the caller's organisation (admins).
pub fn create(app: &App, caller: &Caller, body: NewUserRequest) -> AppResult<UserView> {
    require(caller, ADMINS, "create users")?;
    let email = email(&body.email)?;
    let name = required("name", &body.name, SHORT_TEXT)?;
    if let Some(problem) = password_problem(&body.password) {
        return Err(AppError::invalid_field(
            "weak_password",
            "password",
            problem,
        ));
    }
    let hash = hash_password(&body.password).map_err(AppError::internal)?;
    app.write(|conn| {
        refuse_taken_email(conn, caller, &email)?;
        let new = NewUser {
            organisation_id: caller.organisation_id.get(),
            email: &email,
            name: &name,
            role: body.role,
            password_hash: &hash,
        };
        let user = User::create(conn, new)?;
        AuditEvent::record(
            conn,
            Change::by(caller, "user", user.id, "user.create")
                .after(json!({ "email": user.email, "name": user.name, "role": user.role })),
        )?;
        Ok(UserView::from(&user))
    })
}

/// Refuses an e-mail address that is taken. Addresses are unique across
/// the deployment, since a login names no organisation; one taken
/// elsewhere is refused without saying where.
pub(super) fn refuse_taken_email(
    conn: &mut AnyConnection,
    caller: &Caller,
    email: &str,
) -> AppResult<()> {
    match User::find_by_email(conn, email)? {
        Some(taken) => {
            let detail = if taken.organisation_id == caller.organisation_id.get() {
                format!("a user with the email {email} exists already in your organisation")
            } else {
                format!("the email {email} cannot be used; give another")
            };
            Err(AppError::conflict("email_taken", detail))
        }
        None => Ok(()),
    }
}

/// Renames a user, changes their role or (de)activates them (admins), and
/// ends their sessions when their role or access changed. Admins cannot
/// demote or deactivate themselves, so an organisation always keeps one.
pub fn update(app: &App, caller: &Caller, id: UserId, body: UserUpdate) -> AppResult<UserView> {
    require(caller, ADMINS, "change users")?;
    let name = body
        .name
        .as_deref()
        .map(|n| required("name", n, SHORT_TEXT))
        .transpose()?;
    let is_self = id == caller.user_id;
    if is_self && (body.active == Some(false) || body.role.is_some_and(|r| r != Role::Admin)) {
        return Err(AppError::invalid(
            "own_account",
            "you cannot deactivate yourself or give up your own admin role",
        ));
    }
    app.write(|conn| {
        let user =
            User::find_in(conn, caller, id.get())?.ok_or_else(|| AppError::not_found("user"))?;
        let changes = UserChanges {
            name,
            role: body.role,
            active: body.active,
        };
        let updated = User::update(conn, user.id, &changes)?;
        if updated.active != user.active || updated.role != user.role {
            Session::delete_for_user(conn, user.id)?;
        }
        // A deactivated account's tokens stop for good: reactivating it
        // does not bring them back.
        if user.active && !updated.active {
            tokens::revoke_all_of(conn, caller, user.id)?;
        }
        let state = |u: &User| json!({ "name": u.name, "role": u.role, "active": u.active });
        AuditEvent::record(
            conn,
            Change::by(caller, "user", user.id, "user.update")
                .before(state(&user))
                .after(state(&updated)),
        )?;
        Ok(UserView::from(&updated))
    })
}

/// Changes the caller's own password, once the current one is confirmed,
/// and ends all their sessions.
pub fn change_password(app: &App, caller: &Caller, change: PasswordChange) -> AppResult<()> {
    if let Some(problem) = password_problem(&change.new_password) {
        return Err(AppError::invalid_field(
            "weak_password",
            "new_password",
            problem,
        ));
    }
    let stored = app.read(|conn| {
        User::find_in(conn, caller, caller.user_id.get())?
            .map(|u| u.password_hash)
            .ok_or_else(|| AppError::fault("the caller is not a user"))
    })?;
    if !verify_password(&change.current_password, &stored)? {
        return Err(AppError::invalid_field(
            "wrong_password",
            "current_password",
            "the current password is wrong",
        ));
    }
    let new_hash = hash_password(&change.new_password).map_err(AppError::internal)?;
    app.write(|conn| {
        User::set_password_hash(conn, caller.user_id.get(), &new_hash)?;
        Session::delete_for_user(conn, caller.user_id.get())?;
        if change.revoke_tokens {
            tokens::revoke_all_of(conn, caller, caller.user_id.get())?;
        }
        Ok(())
    })
}

/// Sets the language the caller reads the application in; `None` leaves
/// the choice to their browser. A preference of their own: any role.
pub fn set_own_language(app: &App, caller: &Caller, language: Option<Language>) -> AppResult<()> {
    app.write(|conn| {
        User::set_language(conn, caller.user_id.get(), language)?;
        Ok(())
    })
}
