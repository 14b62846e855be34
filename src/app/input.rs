//! Checks on the text fields of every use case: lengths and emptiness, and
//! what the text may hold (`domain::text`), each failure naming the field
//! and the limit.

use super::error::{AppError, AppResult};
use crate::domain::text;

/// How long a field may be, and whether it is one line (a name, a label),
/// which must hold nothing invisible and is kept in composed form.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    chars: usize,
    one_line: bool,
}

impl Limit {
    /// The most characters the field takes.
    pub const fn chars(self) -> usize {
        self.chars
    }
}

/// Names, sectors and other one-line fields.
pub const SHORT_TEXT: Limit = Limit {
    chars: 200,
    one_line: true,
};
/// Evidence notes and reasons.
pub const LONG_TEXT: Limit = Limit {
    chars: 10_000,
    one_line: false,
};

/// A required field: trimmed, not empty, at most `max` characters.
pub fn required(field: &str, value: &str, max: Limit) -> AppResult<String> {
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
pub fn optional(field: &str, value: Option<&str>, max: Limit) -> AppResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => limited(field, v, max).map(Some),
    }
}

fn limited(field: &str, value: &str, limit: Limit) -> AppResult<String> {
    if let Some(refusal) = text::refusal(value, limit.one_line) {
        return Err(AppError::invalid_field(
            "invalid_text",
            field,
            format!("`{field}` {refusal}"),
        ));
    }
    let value = if limit.one_line {
        text::composed(value)
    } else {
        value.to_owned()
    };
    let length = value.chars().count();
    if length > limit.chars {
        return Err(AppError::invalid_field(
            "field_too_long",
            field,
            format!(
                "`{field}` has {length} characters; the limit is {}",
                limit.chars
            ),
        ));
    }
    Ok(value)
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
