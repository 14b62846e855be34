//! Changing one's own password.

use super::{PageError, Viewer};
use crate::web::problem::ApiError;
use crate::web::routes::auth::{change_password_of, PasswordChange};
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
}

fn page(
    state: &AppState,
    viewer: &Viewer,
    status: StatusCode,
    error: Option<String>,
) -> HttpResponse {
    let mut data = json!({ "title": "Change your password", "error": error });
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
            Some("The two new passwords differ.".into()),
        ));
    }
    let change = PasswordChange {
        current_password: form.current_password,
        new_password: form.new_password,
    };
    match change_password_of(&state, &viewer.user, change).await {
        Ok(()) => Ok(HttpResponse::SeeOther()
            .insert_header(("Location", "/login"))
            .finish()),
        Err(e @ ApiError::Invalid { .. }) => Ok(page(
            &state,
            &viewer,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(super::sentence(&e.problem().detail)),
        )),
        Err(e) => Err(e.into()),
    }
}
