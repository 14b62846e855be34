//! Who sees which client: executives and programme managers see only the
//! clients they are attached to (staff see every client already). Staff
//! attach and detach them, on the API and on the admins' access page.

use super::clients::{visible, ClientView};
use super::error::{AppError, AppResult};
use super::permissions::{require, ADMINS, STAFF};
use super::users::UserView;
use super::App;
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::Client;
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::ids::{ClientId, UserId};
use crate::domain::role::Caller;
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Membership {
    /// An executive or programme manager of the organisation.
    #[schema(minimum = 1)]
    pub user_id: i32,
}

/// The executives and programme managers attached to a client (staff).
pub fn members(app: &App, caller: &Caller, client_id: ClientId) -> AppResult<Vec<UserView>> {
    require(caller, STAFF, "list the users attached to clients")?;
    let users = app.read(|conn| {
        visible(conn, caller, client_id)?;
        Ok(Client::members(
            conn,
            caller.organisation_id.get(),
            client_id.get(),
        )?)
    })?;
    Ok(users.iter().map(UserView::from).collect())
}

/// Whether a membership is being given or taken away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// The user comes to see the client.
    Attach,
    /// The user no longer sees the client.
    Detach,
}

/// Attaches (or detaches) a user to a client of the caller's organisation
/// (staff); only executives and programme managers can be attached.
pub fn set(
    app: &App,
    caller: &Caller,
    client_id: ClientId,
    user_id: UserId,
    change: Grant,
) -> AppResult<()> {
    let action = match change {
        Grant::Attach => "attach users to clients",
        Grant::Detach => "detach users from clients",
    };
    require(caller, STAFF, action)?;
    app.write(|conn| set_in(conn, caller, (client_id, user_id), change))
}

/// Gives one person access to several clients at once (staff): to all of
/// them, or (if one cannot be given) to none.
pub fn attach_many(
    app: &App,
    caller: &Caller,
    user_id: UserId,
    client_ids: &[ClientId],
) -> AppResult<()> {
    require(caller, STAFF, "attach users to clients")?;
    if client_ids.is_empty() {
        return Err(AppError::invalid_field(
            "missing_field",
            "client_id",
            "choose at least one client",
        ));
    }
    if client_ids.len() > MAX_AT_ONCE {
        return Err(AppError::invalid_field(
            "too_many_items",
            "client_id",
            format!("give access to at most {MAX_AT_ONCE} clients at once"),
        ));
    }
    app.write(|conn| {
        for client_id in client_ids {
            set_in(conn, caller, (*client_id, user_id), Grant::Attach)?;
        }
        Ok(())
    })
}

/// Most clients one person is given at once.
const MAX_AT_ONCE: usize = 500;

/// Gives or removes one access inside the caller's transaction, audited.
fn set_in(
    conn: &mut AnyConnection,
    caller: &Caller,
    (client_id, user_id): (ClientId, UserId),
    change: Grant,
) -> AppResult<()> {
    {
        visible(conn, caller, client_id)?;
        let record = Change::by(caller, "client", client_id.get(), "");
        let record = match change {
            Grant::Attach => {
                let user = User::find_in(conn, caller, user_id.get())?
                    .ok_or_else(|| AppError::not_found("user"))?;
                if user.role().is_staff() {
                    return Err(AppError::invalid(
                        "not_attachable",
                        format!(
                            "{} is a {} and sees every client already",
                            user.email,
                            user.role()
                        ),
                    ));
                }
                Client::attach(conn, client_id.get(), user_id.get())?;
                Change {
                    action: "client.member_attached",
                    ..record
                }
                .after(json!({ "user_id": user_id }))
            }
            Grant::Detach => {
                if !Client::detach(conn, client_id.get(), user_id.get())? {
                    return Err(AppError::not_found("membership"));
                }
                Change {
                    action: "client.member_detached",
                    ..record
                }
                .before(json!({ "user_id": user_id }))
            }
        };
        AuditEvent::record(conn, record)?;
        Ok(())
    }
}

/// One executive or programme manager and the clients they see.
pub struct Person {
    /// The executive or programme manager.
    pub user: UserView,
    /// The clients they are attached to.
    pub clients: Vec<ClientView>,
}

/// The admins' overview: every executive and programme manager with the
/// clients they are attached to, and every client to attach them to.
pub fn overview(app: &App, caller: &Caller) -> AppResult<(Vec<Person>, Vec<ClientView>)> {
    require(caller, ADMINS, "manage access to clients")?;
    let (users, clients, memberships) = app.read(|conn| {
        Ok((
            User::list_in(conn, caller)?,
            Client::list_visible(conn, caller)?,
            Client::memberships_in(conn, caller.organisation_id.get())?,
        ))
    })?;
    let people = users
        .iter()
        .filter(|u| !u.role().is_staff())
        .map(|u| Person {
            user: UserView::from(u),
            clients: memberships
                .iter()
                .filter(|(user_id, _)| *user_id == u.id)
                .map(|(_, c)| ClientView::from(c.clone()))
                .collect(),
        })
        .collect();
    Ok((people, clients.into_iter().map(ClientView::from).collect()))
}
