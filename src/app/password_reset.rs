//! Forgotten passwords: a one-time link by e-mail, good for an hour and
//! stored as a digest. Asking says the same whether the address has an
//! account or not; setting the new password ends every session of the
//! account and revokes its tokens (whoever knew the old one is out).

use super::error::{AppError, AppResult};
use super::mail::{self, Compose};
use super::App;
use crate::auth::{digest, hash_password, new_secret, password_problem};
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::password_resets;
use crate::db::sessions::Session;
use crate::db::users::User;
use serde::Deserialize;
use utoipa::ToSchema;

/// How long a link works.
pub const VALID_MINUTES: i64 = 60;

/// Asking for a link.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct ResetRequest {
    #[schema(max_length = 200, pattern = "email")]
    pub email: String,
}

/// Setting the new password with the link's token.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct NewPassword {
    #[schema(min_length = 1, max_length = 100)]
    pub token: String,
    /// At least 10 characters.
    #[schema(min_length = 10)]
    pub password: String,
}

/// Sends a link to the address if an active account has it (and says the
/// same if not). Refused as a whole where no mail is sent.
pub fn request(app: &App, body: &ResetRequest) -> AppResult<()> {
    if !app.mail.enabled {
        return Err(AppError::conflict(
            "mail_not_configured",
            "this deployment sends no e-mail; ask an admin for a new invitation link",
        ));
    }
    let token = new_secret("r_");
    app.write(|conn| {
        let Some(user) = User::find_by_email(conn, &body.email)?.filter(|u| u.active) else {
            return Ok(());
        };
        let expires = crate::db::now() + chrono::Duration::minutes(VALID_MINUTES);
        password_resets::open(conn, user.id, &digest(&token), expires)?;
        let organisation = Organisation::find(conn, user.organisation_id)?;
        mail::queue(
            app,
            conn,
            &Compose {
                kind: "reset",
                to: &user.email,
                language: user.language.unwrap_or(organisation.report_language),
                organisation_id: Some(organisation.id),
                args: &[
                    ("name", &user.name),
                    ("link", &app.mail.link(&format!("/password-reset/{token}"))),
                    ("minutes", &VALID_MINUTES.to_string()),
                ],
            },
        )?;
        AuditEvent::record(
            conn,
            Change {
                actor_id: None,
                ..Change::by(&user.caller(), "user", user.id, "user.reset_requested")
            },
        )?;
        Ok(())
    })
}

/// Sets the new password with a link's token; the link is used up.
pub fn confirm(app: &App, body: &NewPassword) -> AppResult<()> {
    if let Some(problem) = password_problem(&body.password) {
        return Err(AppError::invalid_field(
            "weak_password",
            "password",
            problem,
        ));
    }
    let unusable = || {
        AppError::not_found("password reset link (it was used, replaced by a newer one or is older than an hour; ask for a new one)")
    };
    let hash = hash_password(&body.password).map_err(AppError::internal)?;
    let token = digest(&body.token);
    app.write(|conn| {
        let user_id = password_resets::user_of(conn, &token)?.ok_or_else(unusable)?;
        if !password_resets::use_up(conn, &token)? {
            return Err(unusable());
        }
        let (user, _) = User::find_active(conn, user_id)?.ok_or_else(unusable)?;
        User::set_password_hash(conn, user.id, &hash)?;
        Session::delete_for_user(conn, user.id)?;
        let caller = user.caller();
        super::tokens::revoke_all_of(conn, &caller, user.id)?;
        AuditEvent::record(
            conn,
            Change::by(&caller, "user", user.id, "user.password_reset"),
        )?;
        Ok(())
    })
}

/// Whether a reset link can be used (for its page's greeting).
pub fn usable(app: &App, token: &str) -> AppResult<bool> {
    app.read(|conn| Ok(password_resets::user_of(conn, &digest(token))?.is_some()))
}
