//! Changing one's own password.

use super::flash::{Confirmation, FlashQuery};
use super::messages::{self, text};
use super::page_error::sentence;
use super::{PageError, Viewer};
use crate::app::error::AppError;
use crate::app::users::{self, PasswordChange};
use crate::domain::i18n::Language;
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
    (error, done): (Option<String>, Option<String>),
) -> HttpResponse {
    let chosen = viewer.identity.language;
    let languages = messages::language_options(chosen);
    let mut data = json!({
        "title": text("pages-password-title"),
        "error": error,
        "languages": languages,
        "browser_language": chosen.is_none(),
        "done": done,
    });
    viewer.fill(&mut data);
    state.pages.render(status, "password", &data)
}

pub async fn form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<FlashQuery>,
) -> HttpResponse {
    page(
        &state,
        &viewer,
        StatusCode::OK,
        (None, query.done.as_deref().and_then(messages::done)),
    )
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    csrf_token: String,
    /// A language's code; empty: the browser's choice.
    #[serde(default)]
    language: String,
}

/// Saves the language the person reads cmas in.
pub async fn language(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<LanguageForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    viewer.check(&form.csrf_token)?;
    let language = match form.language.as_str() {
        "" => None,
        code => Some(
            code.parse::<Language>()
                .map_err(|_| PageError::BadRequest(text("choose_language")))?,
        ),
    };
    let caller = viewer.caller();
    state
        .run(move |app| users::set_own_language(app, &caller, language))
        .await?;
    Ok(Confirmation::LanguageSaved.redirect("/password"))
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
            (Some(text("passwords_differ")), None),
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
            (Some(sentence(&e.problem().detail)), None),
        )),
        Err(e) => Err(e.into()),
    }
}
