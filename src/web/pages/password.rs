//! Changing one's own password.

use super::messages::text;
use super::page_error::sentence;
use super::{PageError, Viewer};
use crate::app::error::AppError;
use crate::app::users::{self, PasswordChange};
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf_token: String,
    current_password: String,
    new_password: String,
    repeat: String,
    /// An unticked box is not sent at all.
    revoke_tokens: Option<String>,
}

fn page(
    state: &AppState,
    viewer: &Viewer,
    status: StatusCode,
    error: Option<String>,
) -> HttpResponse {
    let mut data = json!({ "title": text("pages-password-title"), "error": error });
    viewer.fill(&mut data);
    state.pages.render(status, "password", &data)
}

pub async fn form(state: web::Data<AppState>, viewer: Viewer) -> HttpResponse {
    page(&state, &viewer, StatusCode::OK, None)
}

pub async fn submit(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    viewer.check(&form.csrf_token)?;
    if form.new_password != form.repeat {
        return Ok(page(
            &state,
            &viewer,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(text("passwords_differ")),
        ));
    }
    let change = PasswordChange {
        current_password: form.current_password,
        new_password: form.new_password,
        revoke_tokens: form.revoke_tokens.is_some(),
    };
    let caller = viewer.caller();
    match state
        .run(move |app| users::change_password(app, &caller, change))
        .await
    {
        Ok(()) => Ok(HttpResponse::SeeOther()
            .insert_header(("Location", "/login"))
            .finish()),
        Err(e @ ApiError::App(AppError::Invalid { .. })) => Ok(page(
            &state,
            &viewer,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(sentence(&e.problem().detail)),
        )),
        Err(e) => Err(e.into()),
    }
}
