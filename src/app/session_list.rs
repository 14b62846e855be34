//! Each person's browser sessions, where they are used from, and ending
//! one (a lost laptop, a shared computer). API tokens are listed and
//! revoked by `tokens`.

use super::error::{AppError, AppResult};
use super::App;
use crate::db::audit::{AuditEvent, Change};
use crate::db::sessions::Session;
use crate::domain::role::Caller;
use serde::Serialize;
use utoipa::ToSchema;

/// A live session as its owner sees it.
#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct SessionView {
    pub id: i32,
    /// The browser, as its User-Agent said at login.
    pub device: String,
    /// The address it was last used from.
    pub address: String,
    pub created_at: chrono::NaiveDateTime,
    /// When it was last used (to the minute).
    pub last_seen_at: Option<chrono::NaiveDateTime>,
    pub expires_at: chrono::NaiveDateTime,
    /// Whether this is the session the request came with.
    pub current: bool,
}

/// The caller's live sessions, newest first; `current` is the digest of
/// the session the request came with, if it came with one.
pub fn mine(app: &App, caller: &Caller, current: Option<&str>) -> AppResult<Vec<SessionView>> {
    let sessions = app.read(|conn| Ok(Session::live_of(conn, caller.user_id.get())?))?;
    Ok(sessions
        .into_iter()
        .map(|s| SessionView {
            current: current == Some(s.token_hash.as_str()),
            id: s.id,
            device: s.device,
            address: s.address,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            expires_at: s.expires_at,
        })
        .collect())
}

/// Ends one of the caller's sessions at once.
pub fn end(app: &App, caller: &Caller, id: i32) -> AppResult<()> {
    app.write(|conn| {
        if !Session::end_of(conn, caller.user_id.get(), id)? {
            return Err(AppError::not_found("session"));
        }
        AuditEvent::record(
            conn,
            Change::by(caller, "user", caller.user_id.get(), "user.session_ended"),
        )?;
        Ok(())
    })
}
