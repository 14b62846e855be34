//! Who a user is to cmas decides what they may see and do.

use super::ids::{OrganisationId, UserId};
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// A user's role within their organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages users, tokens and everything else in the organisation.
    Admin,
    /// Runs assessments: creates clients and assessments, scores.
    Consultant,
    /// Reads the final results of the clients they are attached to.
    Executive,
    /// Tracks the clients they are attached to over time.
    ProgrammeManager,
}

impl Role {
    /// Every role, as the users page offers them.
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::Consultant,
        Role::Executive,
        Role::ProgrammeManager,
    ];

    /// The role as the API and the database spell it, e.g. `programme_manager`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Consultant => "consultant",
            Role::Executive => "executive",
            Role::ProgrammeManager => "programme_manager",
        }
    }

    /// The role as a person reads it, e.g. in a select on the users page.
    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Admin",
            Role::Consultant => "Consultant",
            Role::Executive => "Executive",
            Role::ProgrammeManager => "Programme manager",
        }
    }

    /// Admins and consultants are the consultancy's own staff: they see every
    /// client of the organisation and run assessments. Executives and
    /// programme managers are the client's people: they read the final
    /// results of the clients they are attached to, nothing else.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Admin | Role::Consultant)
    }
}

/// Who is asking. Every query is scoped by it: the organisation always, and
/// for executives and programme managers the clients they are attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller {
    /// The user asking.
    pub user_id: UserId,
    /// Their organisation, which scopes every query.
    pub organisation_id: OrganisationId,
    /// Their role, which decides what they may do.
    pub role: Role,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown role '{s}' (expected one of admin, consultant, executive, programme_manager)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_name() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("root".parse::<Role>().is_err());
    }
}
