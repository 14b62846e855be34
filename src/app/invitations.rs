//! Invitations: an admin invites a person by a one-time link instead of
//! choosing their password. The link holds a random token whose digest
//! alone is stored; it works once, for 72 hours, and a newer invitation of
//! the same person replaces it. Until they accept, an invited account
//! cannot log in. The link is shown to the admin to pass on (e-mail comes
//! with the identity work).

use super::error::{AppError, AppResult};
use super::input::{email, required, SHORT_TEXT};
use super::mail::{self, Compose};
use super::permissions::{require, ADMINS};
use super::users::{refuse_taken_email, UserView};
use super::App;
use crate::auth::{digest, hash_password, new_secret, password_problem};
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::sessions::Session;
use crate::db::users::{NewUser, User, UserChanges};
use crate::db::AnyConnection;
use crate::domain::ids::UserId;
use crate::domain::role::{Caller, Role};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

/// How long a link works.
pub const VALID_HOURS: i64 = 72;
/// What an invited account's password hash holds until it is accepted:
/// not a hash, so no password matches it.
const NO_PASSWORD: &str = "!invited";

/// Whom to invite.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct InvitationRequest {
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(max_length = 200, pattern = "email")]
    pub email: String,
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
    pub role: Role,
}

/// An invitation as the admin gets it: the link is shown once.
#[derive(Debug, Serialize, ToSchema)]
pub struct Invitation {
    /// The person invited.
    pub user: UserView,
    /// The link's path, e.g. `/invitations/i_…`: the person opens it to set their password.
    pub link: String,
    /// Until when the link works (UTC).
    pub expires_at: chrono::NaiveDateTime,
    /// Whether the link was e-mailed to them too (mail is configured).
    pub emailed: bool,
}

/// Accepting an invitation: the token from the link and the password chosen.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Acceptance {
    #[schema(min_length = 1, max_length = 100)]
    pub token: String,
    /// At least 10 characters.
    #[schema(min_length = 10)]
    pub password: String,
}

/// Whom an open invitation is for, as its page greets them.
#[derive(Debug)]
pub struct Invited {
    /// Their name.
    pub name: String,
    /// Their e-mail address, which they will log in with.
    pub email: String,
}

/// Invites a new person into the caller's organisation (admins): the
/// account exists at once, without a password, and is inactive until the
/// link is used.
pub fn invite(app: &App, caller: &Caller, body: InvitationRequest) -> AppResult<Invitation> {
    require(caller, ADMINS, "invite users")?;
    let email = email(&body.email)?;
    let name = required("name", &body.name, SHORT_TEXT)?;
    app.write(|conn| {
        refuse_taken_email(conn, caller, &email)?;
        let user = create_invited(
            conn,
            caller.organisation_id.get(),
            (&email, &name, body.role),
        )?;
        AuditEvent::record(
            conn,
            Change::by(caller, "user", user.id, "user.create")
                .after(json!({ "email": user.email, "name": user.name, "role": user.role })),
        )?;
        issue(app, conn, Some(caller), &user)
    })
}

/// A new account of the organisation that cannot log in until its
/// invitation is accepted.
pub(super) fn create_invited(
    conn: &mut AnyConnection,
    organisation_id: i32,
    (email, name, role): (&str, &str, Role),
) -> AppResult<User> {
    let user = User::create(
        conn,
        NewUser {
            organisation_id,
            email,
            name,
            role,
            password_hash: NO_PASSWORD,
        },
    )?;
    let inactive = UserChanges {
        name: None,
        role: None,
        active: Some(false),
    };
    Ok(User::update(conn, user.id, &inactive)?)
}

/// A new link for someone already in the organisation (admins), who sets
/// a new password with it; earlier open links stop working.
pub fn reinvite(app: &App, caller: &Caller, id: UserId) -> AppResult<Invitation> {
    require(caller, ADMINS, "invite users")?;
    app.write(|conn| {
        let user =
            User::find_in(conn, caller, id.get())?.ok_or_else(|| AppError::not_found("user"))?;
        issue(app, conn, Some(caller), &user)
    })
}

/// A new link for `user`, by an admin of theirs or (none) the platform's
/// operator; earlier open links stop working.
pub(super) fn issue(
    app: &App,
    conn: &mut AnyConnection,
    by: Option<&Caller>,
    user: &User,
) -> AppResult<Invitation> {
    let token = new_secret("i_");
    let now = crate::db::now();
    let expires_at = now + chrono::Duration::hours(VALID_HOURS);
    User::invite(
        conn,
        user.id,
        &digest(&token),
        by.map(|caller| caller.user_id.get()),
        (now, expires_at),
    )?;
    AuditEvent::record(
        conn,
        Change {
            actor_id: by.map(|caller| caller.user_id.get()),
            ..Change::by(&user.caller(), "user", user.id, "user.invite")
        }
        .after(json!({ "expires_at": expires_at })),
    )?;
    let link = format!("/invitations/{token}");
    let organisation = Organisation::find(conn, user.organisation_id)?;
    let emailed = mail::queue(
        app,
        conn,
        &Compose {
            kind: "invitation",
            to: &user.email,
            language: user.language.unwrap_or(organisation.report_language),
            organisation_id: Some(organisation.id),
            args: &[
                ("name", &user.name),
                ("organisation", &organisation.name),
                ("link", &app.mail.link(&link)),
                ("hours", &VALID_HOURS.to_string()),
            ],
        },
    )?;
    Ok(Invitation {
        user: UserView::from(user),
        link,
        expires_at,
        emailed,
    })
}

fn unusable() -> AppError {
    AppError::not_found("invitation (the link was used, replaced by a newer one or is older than 72 hours; ask for a new one)")
}

/// Whom an open invitation is for; anyone holding the link may ask.
pub fn invited(app: &App, token: &str) -> AppResult<Invited> {
    let (_, user) = app
        .read(|conn| Ok(User::invited(conn, &digest(token), crate::db::now())?))?
        .ok_or_else(unusable)?;
    Ok(Invited {
        name: user.name,
        email: user.email,
    })
}

/// Sets the invited person's password and opens their account; the link
/// is used up. Their earlier sessions (after a reinvitation) end.
pub fn accept(app: &App, acceptance: Acceptance) -> AppResult<()> {
    if let Some(problem) = password_problem(&acceptance.password) {
        return Err(AppError::invalid_field(
            "weak_password",
            "password",
            problem,
        ));
    }
    let hash = hash_password(&acceptance.password).map_err(AppError::internal)?;
    let now = crate::db::now();
    app.write(|conn| {
        let (invitation, user) =
            User::invited(conn, &digest(&acceptance.token), now)?.ok_or_else(unusable)?;
        if !User::accept_invitation(conn, invitation, now)? {
            return Err(unusable());
        }
        User::set_password_hash(conn, user.id, &hash)?;
        let open = UserChanges {
            name: None,
            role: None,
            active: Some(true),
        };
        User::update(conn, user.id, &open)?;
        Session::delete_for_user(conn, user.id)?;
        let caller = user.caller();
        AuditEvent::record(conn, Change::by(&caller, "user", user.id, "user.accept"))?;
        Ok(())
    })
}
