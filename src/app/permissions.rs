//! Which roles may perform a verb. Every use case checks its caller here
//! (or by the assignment it needs, such as being the lead assessor).

use super::error::{AppError, AppResult};
use crate::domain::role::{Caller, Role};

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
