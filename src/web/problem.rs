//! The error policy of the HTTP edge. Below it, model code returns
//! `diesel::QueryResult` and setup code `anyhow`; here every failure becomes
//! an RFC 9457 problem document with a stable `code` that clients can match.
//! Server faults are logged with their cause and shown only as "internal".

use crate::app::flaws::{Flaw, Rejected};
use actix_web::{http::StatusCode, HttpResponse, ResponseError};
use serde::Serialize;
use std::fmt;

/// A JSON problem details body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// What went wrong, in words a person can act on.
    pub detail: String,
    /// Stable machine-readable code, e.g. `score_out_of_range`.
    pub code: String,
    /// For a refused file: every problem with its place (row and column, or sheet and cell).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Flaw>,
}

/// Everything a request can fail with.
#[derive(Debug)]
pub enum ApiError {
    /// 400: the request could not be read (malformed JSON, bad parameter).
    BadRequest { code: &'static str, detail: String },
    /// 401: no valid credentials.
    Unauthenticated(String),
    /// 403: authenticated, but the role or the assignment does not allow it.
    Forbidden { code: &'static str, detail: String },
    /// 404: absent, or belonging to someone the caller may not see.
    NotFound(String),
    /// 409: the state or the version does not allow it.
    Conflict { code: &'static str, detail: String },
    /// 429: too many failed logins; try again after `retry_after` seconds.
    Throttled { detail: String, retry_after: i64 },
    /// 413: a body over the limit.
    TooLarge(String),
    /// 422: well-formed but invalid.
    Invalid { code: &'static str, detail: String },
    /// 422: an uploaded file with problems; none of it was stored.
    Rejected(Rejected),
    /// 500: our fault; the cause is logged, never sent.
    Internal(String),
}

impl ApiError {
    pub fn not_found(what: &str) -> ApiError {
        ApiError::NotFound(format!("{what} not found"))
    }

    pub fn invalid(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::Invalid {
            code,
            detail: detail.into(),
        }
    }

    pub fn forbidden(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::Forbidden {
            code,
            detail: detail.into(),
        }
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::Conflict {
            code,
            detail: detail.into(),
        }
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::BadRequest {
            code,
            detail: detail.into(),
        }
    }

    fn parts(&self) -> (StatusCode, &str, &str) {
        match self {
            ApiError::BadRequest { code, detail } => (StatusCode::BAD_REQUEST, code, detail),
            ApiError::Unauthenticated(detail) => {
                (StatusCode::UNAUTHORIZED, "unauthenticated", detail)
            }
            ApiError::Forbidden { code, detail } => (StatusCode::FORBIDDEN, code, detail),
            ApiError::NotFound(detail) => (StatusCode::NOT_FOUND, "not_found", detail),
            ApiError::Conflict { code, detail } => (StatusCode::CONFLICT, code, detail),
            ApiError::Throttled { detail, .. } => {
                (StatusCode::TOO_MANY_REQUESTS, "login_throttled", detail)
            }
            ApiError::TooLarge(detail) => (StatusCode::PAYLOAD_TOO_LARGE, "body_too_large", detail),
            ApiError::Invalid { code, detail } => (StatusCode::UNPROCESSABLE_ENTITY, code, detail),
            ApiError::Rejected(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "file_rejected",
                "the file has problems, listed in `errors`; nothing was stored",
            ),
            ApiError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "something went wrong on our side; it has been logged",
            ),
        }
    }

    pub fn problem(&self) -> Problem {
        let (status, code, detail) = self.parts();
        Problem {
            kind: format!("https://cmas.dev/problems/{}", code.replace('_', "-")),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.to_owned(),
            code: code.to_owned(),
            errors: match self {
                ApiError::Rejected(rejected) => rejected.0.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Internal(cause) => write!(f, "internal error: {cause}"),
            other => {
                let (status, code, detail) = other.parts();
                write!(f, "{} {code}: {detail}", status.as_u16())
            }
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.parts().0
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(cause) = self {
            tracing::error!(cause = %cause, "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json");
        match self {
            ApiError::Unauthenticated(_) => {
                response.insert_header(("WWW-Authenticate", "Bearer"));
            }
            ApiError::Throttled { retry_after, .. } => {
                response.insert_header(("Retry-After", retry_after.to_string()));
            }
            _ => {}
        }
        response.json(self.problem())
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> ApiError {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => ApiError::not_found("resource"),
            // Two writers raced for the same unique row: the loser may retry.
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => ApiError::conflict(
                "conflict",
                "a concurrent change conflicted with this one; reload and retry",
            ),
            // PostgreSQL stores no NUL character in text; fields that skip
            // `web::input` still get a 422, not a 500.
            Error::DatabaseError(_, info) if info.message().contains("0x00") => {
                ApiError::invalid("invalid_text", "text must not contain NUL characters")
            }
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl From<diesel::r2d2::PoolError> for ApiError {
    fn from(e: diesel::r2d2::PoolError) -> ApiError {
        ApiError::Internal(format!("no database connection: {e}"))
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(e: actix_web::error::BlockingError) -> ApiError {
        ApiError::Internal(format!("blocking task failed: {e}"))
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> ApiError {
        ApiError::Internal(format!("{e:#}"))
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
