//! Forgotten passwords on the pages: the form that asks for a link (its
//! answer is the same whether the address has an account or not), and the
//! page of the link, which sets the new password. No login is needed; the
//! link's token is the proof.

use super::form_errors::Refusal;
use super::messages::text;
use super::PageError;
use crate::app::error::AppError;
use crate::app::password_reset::{self, NewPassword, ResetRequest};
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

/// The address, as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AskForm {
    email: String,
}

/// The new password twice, as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    password: String,
    confirm: String,
}

fn page(state: &AppState, status: StatusCode, mut data: Value) -> HttpResponse {
    if let Some(page) = data.as_object_mut() {
        page.insert("title".into(), json!(text("pages-password-reset-title")));
        page.insert("mail".into(), json!(state.app.mail.enabled));
    }
    state.pages.render(status, "password_reset", &data)
}

pub async fn ask_form(state: web::Data<AppState>) -> HttpResponse {
    page(&state, StatusCode::OK, json!({ "ask": true }))
}

pub async fn ask(
    state: web::Data<AppState>,
    form: web::Form<AskForm>,
) -> Result<HttpResponse, PageError> {
    let email = form.email.clone();
    let body = ResetRequest {
        email: form.email.clone(),
    };
    match state
        .run(move |app| password_reset::request(app, &body))
        .await
    {
        Ok(()) => Ok(page(
            &state,
            StatusCode::ACCEPTED,
            json!({ "asked": email }),
        )),
        Err(ApiError::App(AppError::Conflict { .. })) => Ok(page(
            &state,
            StatusCode::CONFLICT,
            json!({ "ask": true, "email": email, "error": text("reset_no_mail") }),
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = path.into_inner();
    let usable = {
        let token = token.clone();
        state
            .run(move |app| password_reset::usable(app, &token))
            .await?
    };
    Ok(match usable {
        true => page(&state, StatusCode::OK, json!({ "token": token })),
        false => unusable(&state),
    })
}

fn unusable(state: &AppState) -> HttpResponse {
    page(
        state,
        StatusCode::NOT_FOUND,
        json!({ "unusable": text("reset_unusable") }),
    )
}

pub async fn set(
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, PageError> {
    let token = path.into_inner();
    let form = form.into_inner();
    if form.password != form.confirm {
        let data = json!({ "token": token, "errors": { "confirm": text("passwords_differ") } });
        return Ok(page(&state, StatusCode::UNPROCESSABLE_ENTITY, data));
    }
    let body = NewPassword {
        token: token.clone(),
        password: form.password,
    };
    match state
        .run(move |app| password_reset::confirm(app, &body))
        .await
    {
        Ok(()) => Ok(page(&state, StatusCode::OK, json!({ "done": true }))),
        Err(ApiError::App(AppError::NotFound(_))) => Ok(unusable(&state)),
        Err(e) => {
            let refusal = Refusal::of(e)?;
            let mut data = json!({ "token": token });
            refusal.fill(&mut data);
            Ok(page(&state, StatusCode::UNPROCESSABLE_ENTITY, data))
        }
    }
}
