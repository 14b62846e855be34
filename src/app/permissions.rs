//! Which roles may perform a verb. Every use case checks its caller here
//! (or by the assignment it needs, such as being the lead assessor).

use super::error::{AppError, AppResult};
use crate::domain::role::{Caller, Role};
use crate::report::Edition;

/// The consultancy's own staff.
pub const STAFF: &[Role] = &[Role::Admin, Role::Consultant];
/// Admins alone.
pub const ADMINS: &[Role] = &[Role::Admin];

/// Refuses the caller unless their role is one of `roles`; `action` says
/// what they tried ("create clients").
pub fn require(caller: &Caller, roles: &[Role], action: &str) -> AppResult<()> {
    if roles.contains(&caller.role) {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "role_not_allowed",
            format!("a user with the role {} may not {action}", caller.role),
        ))
    }
}

/// The edition of a report the caller gets: the client's unless they asked
/// for the working edition, which only the consultancy's staff may read.
pub fn edition(caller: &Caller, asked: Option<Edition>) -> AppResult<Edition> {
    match asked.unwrap_or_default() {
        Edition::Working => {
            require(caller, STAFF, "read the working edition of a report")?;
            Ok(Edition::Working)
        }
        Edition::Client => Ok(Edition::Client),
    }
}
