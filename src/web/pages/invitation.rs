//! The page an invited person opens from their link: who the invitation is
//! for, and the form that sets their password. No login is needed; the
//! link's token is the proof, so the form carries it and nothing else.

use super::form_errors::Refusal;
use super::messages::text;
use super::PageError;
use crate::app::error::AppError;
use crate::app::invitations::{self, Acceptance, Invited};
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

/// The password twice, as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    password: String,
    confirm: String,
}

fn page(state: &AppState, status: StatusCode, data: &Value) -> HttpResponse {
    state.pages.render(status, "invitation", data)
}

/// The page of a link that was used, replaced or is too old.
fn unusable(state: &AppState) -> HttpResponse {
    page(
        state,
        StatusCode::NOT_FOUND,
        &json!({ "title": text("pages-invitation-title"), "unusable": text("invitation_unusable") }),
    )
}

pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = path.into_inner();
    let found = {
        let token = token.clone();
        state
            .run(move |app| invitations::invited(app, &token))
            .await
    };
    Ok(match found {
        Ok(Invited { name, email }) => page(
            &state,
            StatusCode::OK,
            &json!({ "title": text("pages-invitation-set-title"), "name": name, "email": email, "token": token }),
        ),
        Err(ApiError::App(AppError::NotFound(_))) => unusable(&state),
        Err(e) => return Err(e.into()),
    })
}

pub async fn accept(
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, PageError> {
    let token = path.into_inner();
    let form = form.into_inner();
    if form.password != form.confirm {
        let mut data = json!({ "title": text("pages-invitation-set-title"), "token": token, "name": "", "email": "" });
        if let Some(page) = data.as_object_mut() {
            page.insert(
                "errors".into(),
                json!({ "confirm": text("passwords_differ") }),
            );
        }
        return Ok(page(&state, StatusCode::UNPROCESSABLE_ENTITY, &data));
    }
    let acceptance = Acceptance {
        token: token.clone(),
        password: form.password,
    };
    match state
        .run(move |app| invitations::accept(app, acceptance))
        .await
    {
        Ok(()) => Ok(page(
            &state,
            StatusCode::OK,
            &json!({ "title": text("pages-invitation-done-title"), "accepted": true }),
        )),
        Err(ApiError::App(AppError::NotFound(_))) => Ok(unusable(&state)),
        Err(e) => {
            let refusal = Refusal::of(e)?;
            let mut data = json!({ "title": text("pages-invitation-set-title"), "token": token, "name": "", "email": "" });
            refusal.fill(&mut data);
            Ok(page(&state, StatusCode::UNPROCESSABLE_ENTITY, &data))
        }
    }
}
