//! Problem documents (RFC 9457): the HTTP form of every failure, with a
//! stable `code` that clients can match. The use cases' errors are mapped
//! here and nowhere else (the policy is in `app::error`); what the edge
//! adds itself is a request it cannot read. Faults of ours are logged with
//! their whole cause chain and shown only as "internal".

use crate::app::error::AppError;
use crate::app::file_problems::Flaw;
use crate::auth::hashing_pool::Busy;
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
    /// For a name already taken (`duplicate_name`): the id of the record that has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing_id: Option<i32>,
}

/// Everything a request can fail with.
#[derive(Debug)]
pub enum ApiError {
    /// 400: the request could not be read (malformed JSON, bad parameter).
    BadRequest { code: &'static str, detail: String },
    /// 408: the body came too slowly (see `web::body_pace`); the connection is closed.
    TooSlow(String),
    /// 405: the path is the API's, the method is not one it takes.
    MethodNotAllowed(String),
    /// What the use case refused, or a fault below the edge.
    App(AppError),
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        ApiError::App(e)
    }
}

impl ApiError {
    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::BadRequest {
            code,
            detail: detail.into(),
        }
    }

    /// 413: a body over the limit, saying which.
    pub fn too_large(detail: impl Into<String>) -> ApiError {
        ApiError::App(AppError::TooLarge(detail.into()))
    }

    fn parts(&self) -> (StatusCode, &str, &str) {
        let app = match self {
            ApiError::BadRequest { code, detail } => {
                return (StatusCode::BAD_REQUEST, code, detail)
            }
            ApiError::TooSlow(detail) => {
                return (StatusCode::REQUEST_TIMEOUT, "body_too_slow", detail)
            }
            ApiError::MethodNotAllowed(detail) => {
                return (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", detail)
            }
            ApiError::App(app) => app,
        };
        match app {
            AppError::Unauthenticated(detail) => {
                (StatusCode::UNAUTHORIZED, "unauthenticated", detail)
            }
            AppError::SecondFactor { code, detail } => (StatusCode::UNAUTHORIZED, code, detail),
            AppError::Forbidden { code, detail } => (StatusCode::FORBIDDEN, code, detail),
            AppError::NotFound(detail) => (StatusCode::NOT_FOUND, "not_found", detail),
            AppError::Conflict { code, detail } => (StatusCode::CONFLICT, code, detail),
            AppError::Duplicate { detail, .. } => (StatusCode::CONFLICT, "duplicate_name", detail),
            AppError::Throttled { detail, .. } => {
                (StatusCode::TOO_MANY_REQUESTS, "login_throttled", detail)
            }
            AppError::TooLarge(detail) => (StatusCode::PAYLOAD_TOO_LARGE, "body_too_large", detail),
            AppError::Busy(_) => (StatusCode::SERVICE_UNAVAILABLE, "busy", Busy::DETAIL),
            AppError::Invalid { code, detail, .. } => {
                (StatusCode::UNPROCESSABLE_ENTITY, code, detail)
            }
            AppError::Rejected(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "file_rejected",
                "the file has problems, listed in `errors`; nothing was stored",
            ),
            AppError::Storage(_) | AppError::Internal(_) => (
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
                ApiError::App(AppError::Rejected(rejected)) => rejected.0.clone(),
                _ => Vec::new(),
            },
            existing_id: match self {
                ApiError::App(AppError::Duplicate { existing, .. }) => Some(*existing),
                _ => None,
            },
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::App(fault @ (AppError::Storage(_) | AppError::Internal(_))) => {
                write!(f, "{}", crate::app::error::chain(fault))
            }
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
        if let ApiError::App(fault @ (AppError::Storage(_) | AppError::Internal(_))) = self {
            tracing::error!(cause = %crate::app::error::chain(fault), "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json");
        match self {
            ApiError::App(AppError::Unauthenticated(_)) => {
                response.insert_header(("WWW-Authenticate", "Bearer"));
            }
            ApiError::App(AppError::Throttled { retry_after, .. }) => {
                response.insert_header(("Retry-After", retry_after.to_string()));
            }
            ApiError::App(AppError::Busy(_)) => {
                response.insert_header(("Retry-After", "1"));
            }
            ApiError::TooSlow(_) => {
                response.force_close();
            }
            _ => {}
        }
        response.json(self.problem())
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(e: actix_web::error::BlockingError) -> ApiError {
        ApiError::App(AppError::internal(anyhow::anyhow!(
            "blocking task failed: {e}"
        )))
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
