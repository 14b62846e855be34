//! Checks on the text fields of every use case: lengths and emptiness, each
//! failure naming the field and the limit.

use super::error::{AppError, AppResult};

/// Names, sectors and other one-line fields.
pub const SHORT_TEXT: usize = 200;
/// Evidence notes and reasons.
pub const LONG_TEXT: usize = 10_000;

/// A required field: trimmed, not empty, at most `max` characters.
pub fn required(field: &str, value: &str, max: usize) -> AppResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::invalid_field(
            "missing_field",
            field,
            format!("`{field}` must not be empty"),
        ));
    }
    limited(field, value, max)
}

/// An optional field: blank reads as absent.
pub fn optional(field: &str, value: Option<&str>, max: usize) -> AppResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => limited(field, v, max).map(Some),
    }
}

fn limited(field: &str, value: &str, max: usize) -> AppResult<String> {
    if value.contains('\0') {
        return Err(AppError::invalid_field(
            "invalid_text",
            field,
            format!("`{field}` contains a NUL character"),
        ));
    }
    let length = value.chars().count();
    if length > max {
        return Err(AppError::invalid_field(
            "field_too_long",
            field,
            format!("`{field}` has {length} characters; the limit is {max}"),
        ));
    }
    Ok(value.to_owned())
}

/// A plausible email address; delivery is not our concern.
pub fn email(value: &str) -> AppResult<String> {
    let value = required("email", value, SHORT_TEXT)?.to_lowercase();
    let valid = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !value.contains(char::is_whitespace)
    });
    if valid {
        Ok(value)
    } else {
        Err(AppError::invalid_field(
            "invalid_email",
            "email",
            format!("`{value}` is not an email address"),
        ))
    }
}
