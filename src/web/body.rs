//! Request bodies that are files: read whole, up to a limit.

use super::problem::{ApiError, ApiResult};
use actix_web::web;

/// A file sent as the request body, refused with 413 naming the limit.
pub async fn file_body(payload: web::Payload, limit: usize, what: &str) -> ApiResult<web::Bytes> {
    payload
        .to_bytes_limited(limit)
        .await
        .map_err(|_| ApiError::too_large(format!("{what} may have at most {limit} bytes")))?
        .map_err(|e| ApiError::bad_request("bad_body", e.to_string()))
}
