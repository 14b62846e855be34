//! The organisation's settings page (admins): how numbers are written,
//! which currency money is in, and the language reports are written in.

use super::flash::{Confirmation, Flash, FlashQuery};
use super::messages::{language_options, text};
use super::{PageError, Viewer};
use crate::app::settings::{self, Settings};
use crate::domain::credentials::TwoFactorPolicy;
use crate::domain::numbers::{NumberFormat, CURRENCIES};
use crate::domain::role::Role;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

/// The form as sent.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    csrf_token: String,
    number_format: String,
    currency: String,
    report_language: String,
    two_factor: String,
}

async fn page(state: &AppState, viewer: &Viewer, flash: Flash) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(&[Role::Admin], &text("only_admins"))?;
    let current = state.run(move |app| settings::get(app, &caller)).await?;
    let mut data = json!({
        "title": text("pages-settings-title"),
        "formats": NumberFormat::ALL.iter().map(|f| json!({ "value": f.as_str(), "example": f.write(1_234_567.89), "selected": *f == current.number_format })).collect::<Vec<_>>(),
        "currencies": CURRENCIES.iter().map(|(code, _)| json!({ "value": code, "selected": *code == current.currency })).collect::<Vec<_>>(),
        "example": current.money(251_000.0),
        "languages": language_options(current.report_language),
        "policies": TwoFactorPolicy::ALL.iter().map(|p| json!({
            "value": p.as_str(),
            "label": text(&format!("settings-two-factor-{}", p.as_str())),
            "selected": current.two_factor == Some(*p),
        })).collect::<Vec<_>>(),
    });
    let status = flash.fill(&mut data);
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "settings", &data))
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    page(&state, &viewer, query.flash()).await
}

pub async fn save(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<SettingsForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = viewer.require(&[Role::Admin], &text("only_admins"))?;
    let chosen = Settings {
        number_format: NumberFormat::parse(&form.number_format)
            .unwrap_or(NumberFormat::DecimalPoint),
        currency: form.currency.clone(),
        report_language: form.report_language.parse().ok(),
        two_factor: form.two_factor.parse().ok(),
    };
    match state
        .run(move |app| settings::set(app, &caller, chosen))
        .await
    {
        Ok(_) => Ok(Confirmation::SettingsSaved.redirect("/admin/settings")),
        Err(e) => page(&state, &viewer, Flash::refusal(e)?).await,
    }
}
