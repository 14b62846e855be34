//! The organisation's settings that shape what its people read: how it
//! writes numbers (which mark is the decimal one) and its currency. Admins
//! change them; everyone's forms and money follow them.

use super::error::{AppError, AppResult};
use super::permissions::{require, ADMINS};
use super::App;
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::AnyConnection;
use crate::domain::credentials::TwoFactorPolicy;
use crate::domain::i18n::Language;
use crate::domain::numbers::{Currency, NumberFormat, CURRENCIES};
use crate::domain::role::Caller;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

/// How the organisation writes numbers and money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `decimal_point` (1,234.5), `decimal_comma` (1.234,5) or `space_and_comma` (1 234,5).
    pub number_format: NumberFormat,
    /// ISO 4217 code: EUR, USD, GBP, CHF, SEK, NOK, DKK or PLN.
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(pattern = "currency")]
    pub currency: String,
    /// The language new clients' reports are written in unless chosen
    /// otherwise (and the study's); unchanged when left out.
    #[serde(default)]
    pub report_language: Option<Language>,
    /// Who must sign in with a second factor: `optional` (nobody must),
    /// `admins` or `everyone`; unchanged when left out.
    #[serde(default)]
    pub two_factor: Option<TwoFactorPolicy>,
}

impl Settings {
    /// Writes an amount of money the organisation's way: "€203,000".
    pub fn money(&self, value: f64) -> String {
        self.number_format.money(value, &self.currency)
    }
}

/// An amount as typed into `field`, read the organisation's way; blank is
/// none. A refusal names the field and shows how to write one.
pub fn read_amount(format: NumberFormat, field: &str, text: &str) -> AppResult<Option<f64>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    format.read(text).map(Some).ok_or_else(|| {
        AppError::invalid_field(
            "bad_amount",
            field,
            format!(
                "`{field}` must be a number, e.g. {}",
                format.write(251_000.0)
            ),
        )
    })
}

/// The organisation's settings, as stored.
pub(super) fn load(conn: &mut AnyConnection, organisation_id: i32) -> AppResult<Settings> {
    let currency = currency_of(conn, organisation_id)?;
    let organisation = Organisation::find(conn, organisation_id)?;
    Ok(Settings {
        number_format: currency.number_format,
        currency: currency.code,
        report_language: Some(organisation.report_language),
        two_factor: Some(organisation.two_factor),
    })
}

/// What the organisation's money is shown as.
pub(super) fn currency_of(
    conn: &mut AnyConnection,
    organisation_id: i32,
) -> diesel::QueryResult<Currency> {
    let (format, code) = Organisation::money_settings(conn, organisation_id)?;
    Ok(Currency {
        code,
        number_format: NumberFormat::parse(&format).unwrap_or(NumberFormat::DecimalPoint),
    })
}

/// The caller's organisation's settings (anyone in it).
pub fn get(app: &App, caller: &Caller) -> AppResult<Settings> {
    app.read(|conn| load(conn, caller.organisation_id.get()))
}

/// Changes the settings (admins); audited.
pub fn set(app: &App, caller: &Caller, settings: Settings) -> AppResult<Settings> {
    require(caller, ADMINS, "change the organisation's settings")?;
    if !CURRENCIES
        .iter()
        .any(|(code, _)| *code == settings.currency)
    {
        let codes: Vec<&str> = CURRENCIES.iter().map(|(code, _)| *code).collect();
        return Err(AppError::invalid_field(
            "unknown_currency",
            "currency",
            format!("choose one of {}", codes.join(", ")),
        ));
    }
    let organisation_id = caller.organisation_id.get();
    app.write(|conn| {
        let before = load(conn, organisation_id)?;
        Organisation::set_money_settings(
            conn,
            organisation_id,
            settings.number_format.as_str(),
            &settings.currency,
        )?;
        if let Some(language) = settings.report_language {
            Organisation::set_report_language(conn, organisation_id, language)?;
        }
        if let Some(policy) = settings.two_factor {
            Organisation::set_two_factor(conn, organisation_id, policy)?;
        }
        let after = load(conn, organisation_id)?;
        AuditEvent::record(
            conn,
            Change::by(
                caller,
                "organisation",
                organisation_id,
                "organisation.settings",
            )
            .before(json!(before))
            .after(json!(after)),
        )?;
        Ok(after)
    })
}
