//! A refused form shown again: what was typed stays in its fields, and each
//! error stands beside the field it concerns, in the form's words.

use super::messages::in_words;
use crate::app::error::AppError;
use crate::web::problem::ApiError;
use serde_json::{json, Map, Value};

/// What a form shows when the use case refused its input.
pub struct Refusal {
    /// Errors by field name; `form` holds one that concerns no single field.
    pub errors: Map<String, Value>,
    /// For a name taken already: the id of the record that has it.
    pub existing: Option<i32>,
}

impl Refusal {
    /// The refusal a form can show next to its fields, or the error back
    /// when it is not about the input (a fault, a missing record).
    pub fn of(error: ApiError) -> Result<Refusal, ApiError> {
        let (field, detail, existing) = match &error {
            ApiError::App(AppError::Invalid { field, detail, .. }) => {
                (field.clone().unwrap_or_else(|| "form".into()), detail, None)
            }
            // Only names are unique: the name field is the one at fault.
            ApiError::App(AppError::Duplicate { detail, existing }) => {
                ("name".into(), detail, Some(*existing))
            }
            ApiError::App(AppError::Conflict { detail, .. }) => ("form".into(), detail, None),
            _ => return Err(error),
        };
        let mut errors = Map::new();
        errors.insert(field, json!(in_words(detail)));
        Ok(Refusal { errors, existing })
    }

    /// The status a form page answers with: 422 with the refusal's errors
    /// in `data` when there is one, else 200.
    pub fn status(refusal: Option<Refusal>, data: &mut Value) -> actix_web::http::StatusCode {
        match refusal {
            Some(refusal) => {
                refusal.fill(data);
                actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
            }
            None => actix_web::http::StatusCode::OK,
        }
    }

    /// Adds `errors` and `existing` to a page's data.
    pub fn fill(self, data: &mut Value) {
        if let Some(page) = data.as_object_mut() {
            page.insert("errors".into(), Value::Object(self.errors));
            page.insert("existing".into(), json!(self.existing));
        }
    }
}
