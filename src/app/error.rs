//! The error policy, stated once.
//!
//! Every use case returns [`AppResult`]. The kinds a caller can act on are
//! named here: something absent or hidden from the caller ([`NotFound`]),
//! a role or assignment that does not allow the verb ([`Forbidden`]), a
//! state or version that does not allow it ([`Conflict`]), a value that is
//! well-formed but invalid, with a stable code and the field it concerns
//! ([`Invalid`]), and a file refused with every one of its problems
//! ([`Rejected`]). Credentials that do not hold are [`Unauthenticated`] or,
//! after too many failures, [`Throttled`].
//!
//! Everything else is ours: a storage failure keeps diesel's error, any
//! other fault an `anyhow::Error` with its whole cause chain, both logged
//! by the adapter and never shown to the caller. `anyhow` is for those
//! faults, for start-up and for the command line; a use case never builds
//! an error by flattening a cause into a string.
//!
//! Below app, storage code returns `diesel::QueryResult` and an absent row
//! is an `Option`, so `diesel::NotFound` means a fault here, never "absent".
//!
//! [`NotFound`]: AppError::NotFound
//! [`Forbidden`]: AppError::Forbidden
//! [`Conflict`]: AppError::Conflict
//! [`Invalid`]: AppError::Invalid
//! [`Rejected`]: AppError::Rejected
//! [`Unauthenticated`]: AppError::Unauthenticated
//! [`Throttled`]: AppError::Throttled

use super::file_problems::Rejected;

/// What a use case can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Absent, or belonging to someone the caller may not see.
    #[error("{0}")]
    NotFound(String),
    /// Authenticated, but the role or the assignment does not allow it.
    #[error("{detail}")]
    Forbidden {
        /// Stable machine-readable code, e.g. `not_the_lead`.
        code: &'static str,
        /// What the caller may not do, in a sentence.
        detail: String,
    },
    /// The state or the version does not allow it.
    #[error("{detail}")]
    Conflict {
        /// Stable machine-readable code, e.g. `stale_version`.
        code: &'static str,
        /// What stands in the way, in a sentence.
        detail: String,
    },
    /// A name another record holds already, compared as people compare
    /// names; `existing` is that record's id, so the caller can link to it.
    #[error("{detail}")]
    Duplicate {
        /// Whose name it is, in a sentence.
        detail: String,
        /// The id of the record that has the name.
        existing: i32,
    },
    /// Well-formed but invalid; `field` names the input it concerns, if one.
    #[error("{detail}")]
    Invalid {
        /// Stable machine-readable code, e.g. `score_out_of_range`.
        code: &'static str,
        /// What is wrong with the value, in a sentence.
        detail: String,
        /// The input field at fault, as the request names it.
        field: Option<String>,
    },
    /// More than a limit allows (a file, a body, a list).
    #[error("{0}")]
    TooLarge(String),
    /// An uploaded file with problems; none of it was stored.
    #[error("the file was refused: {0}")]
    Rejected(Rejected),
    /// No valid credentials.
    #[error("{0}")]
    Unauthenticated(String),
    /// The password was right, and the second factor is missing or wrong.
    #[error("{detail}")]
    SecondFactor {
        /// `second_factor_needed` or `second_factor_wrong`.
        code: &'static str,
        /// What to send, in a sentence.
        detail: String,
    },
    /// Too many failed logins; try again after `retry_after` seconds.
    #[error("{detail}")]
    Throttled {
        /// How long to wait, in words.
        detail: String,
        /// The wait in seconds, as the `Retry-After` header gives it.
        retry_after: i64,
    },
    /// Too many passwords are being checked at once; try again in a second
    /// (the line of checks is bounded so that logins never hold up the rest).
    #[error("{0}")]
    Busy(#[from] crate::auth::hashing_pool::Busy),
    /// The database failed; ours to look into.
    #[error("storage failed")]
    Storage(#[source] diesel::result::Error),
    /// Any other fault of ours, with its cause chain.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

/// The result of every use case.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// `what` is absent or hidden: "assessment not found".
    pub fn not_found(what: &str) -> AppError {
        AppError::NotFound(format!("{what} not found"))
    }

    /// The caller's role or assignment does not allow what `detail` says.
    pub fn forbidden(code: &'static str, detail: impl Into<String>) -> AppError {
        AppError::Forbidden {
            code,
            detail: detail.into(),
        }
    }

    /// The state or version of what is changed does not allow it.
    pub fn conflict(code: &'static str, detail: impl Into<String>) -> AppError {
        AppError::Conflict {
            code,
            detail: detail.into(),
        }
    }

    /// An invalid value that concerns no single field.
    pub fn invalid(code: &'static str, detail: impl Into<String>) -> AppError {
        AppError::Invalid {
            code,
            detail: detail.into(),
            field: None,
        }
    }

    /// An invalid value of the input field `field`.
    pub fn invalid_field(code: &'static str, field: &str, detail: impl Into<String>) -> AppError {
        AppError::Invalid {
            code,
            detail: detail.into(),
            field: Some(field.to_owned()),
        }
    }

    /// A fault of ours that no other error describes.
    pub fn internal(cause: impl Into<anyhow::Error>) -> AppError {
        AppError::Internal(cause.into())
    }

    /// A fault of ours, said in words.
    pub fn fault(what: &str) -> AppError {
        AppError::Internal(anyhow::anyhow!("{what}"))
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> AppError {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            // Two writers raced for the same unique row: the loser may retry.
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => AppError::conflict(
                "conflict",
                "a concurrent change conflicted with this one; reload and retry",
            ),
            // PostgreSQL stores no NUL character in text; fields that skip
            // the input checks still get a refusal, not a fault.
            Error::DatabaseError(_, ref info) if info.message().contains("0x00") => {
                AppError::invalid("invalid_text", "text must not contain NUL characters")
            }
            other => AppError::Storage(other),
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> AppError {
        AppError::Internal(anyhow::Error::new(e).context("no database connection"))
    }
}

impl From<Rejected> for AppError {
    fn from(rejected: Rejected) -> AppError {
        AppError::Rejected(rejected)
    }
}

/// An error with its causes on one line ("storage failed: database is
/// locked"), for the log.
pub fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut line = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        line.push_str(": ");
        line.push_str(&e.to_string());
        cause = e.source();
    }
    line
}
