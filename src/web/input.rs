//! Checks on request fields that every route shares: lengths and emptiness,
//! each failure naming the field and the limit.

use super::problem::{ApiError, ApiResult};
use actix_web::web;

/// Names, sectors and other one-line fields.
pub const SHORT_TEXT: usize = 200;
/// Evidence notes and reasons.
pub const LONG_TEXT: usize = 10_000;

/// A file sent as the request body, refused with 413 naming the limit.
pub async fn file_body(payload: web::Payload, limit: usize, what: &str) -> ApiResult<web::Bytes> {
    payload
        .to_bytes_limited(limit)
        .await
        .map_err(|_| ApiError::TooLarge(format!("{what} may have at most {limit} bytes")))?
        .map_err(|e| ApiError::bad_request("bad_body", e.to_string()))
}

/// A required field: trimmed, not empty, at most `max` characters.
pub fn required(field: &str, value: &str, max: usize) -> ApiResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ApiError::invalid(
            "missing_field",
            format!("`{field}` must not be empty"),
        ));
    }
    limited(field, value, max)
}

/// An optional field: blank reads as absent.
pub fn optional(field: &str, value: Option<&str>, max: usize) -> ApiResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => limited(field, v, max).map(Some),
    }
}

fn limited(field: &str, value: &str, max: usize) -> ApiResult<String> {
    if value.contains('\0') {
        return Err(ApiError::invalid(
            "invalid_text",
            format!("`{field}` contains a NUL character"),
        ));
    }
    let length = value.chars().count();
    if length > max {
        return Err(ApiError::invalid(
            "field_too_long",
            format!("`{field}` has {length} characters; the limit is {max}"),
        ));
    }
    Ok(value.to_owned())
}

/// A plausible email address; delivery is not our concern.
pub fn email(value: &str) -> ApiResult<String> {
    let value = required("email", value, SHORT_TEXT)?.to_lowercase();
    let valid = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !value.contains(char::is_whitespace)
    });
    if valid {
        Ok(value)
    } else {
        Err(ApiError::invalid(
            "invalid_email",
            format!("`{value}` is not an email address"),
        ))
    }
}
