//! The message a page shows above its content after a form post: what the
//! post did (carried in `?done=…` by the redirect, so reloading the page
//! posts nothing again), or why it was refused.

use super::messages;
use super::page_error::{sentence, PageError};
use crate::app::error::AppError;
use crate::web::problem::ApiError;
use actix_web::{http::StatusCode, HttpResponse, ResponseError};
use serde::Deserialize;
use serde_json::{json, Value};

/// What a form post did.
#[derive(Debug, Clone, Copy)]
pub enum Confirmation {
    UserUpdated,
    AccessGiven,
    AccessRemoved,
    TokenRevoked,
    SessionEnded,
    TwoFactorOff,
    TwoFactorReset,
    KpiDefined,
    KpiValuesImported,
    PanelRanksImported,
    ClientsImported,
    SettingsSaved,
    BrandingSaved,
    LogoSaved,
    LogoRemoved,
    SsoSaved,
    SsoRemoved,
    ProjectAdded,
    ProjectUpdated,
    LanguageSaved,
    TargetsSet,
    ActionSaved,
    ActionDone,
}

impl Confirmation {
    /// The code in `?done=`, which names its message (`done-<code>`) in `reports/i18n/*/pages.ftl`.
    fn code(self) -> &'static str {
        match self {
            Confirmation::UserUpdated => "updated",
            Confirmation::AccessGiven => "given",
            Confirmation::AccessRemoved => "removed",
            Confirmation::TokenRevoked => "revoked",
            Confirmation::SessionEnded => "session_ended",
            Confirmation::TwoFactorOff => "two_factor_off",
            Confirmation::TwoFactorReset => "two_factor_reset",
            Confirmation::KpiDefined => "kpi",
            Confirmation::KpiValuesImported => "values",
            Confirmation::PanelRanksImported => "ranks",
            Confirmation::ClientsImported => "clients",
            Confirmation::SettingsSaved => "settings",
            Confirmation::BrandingSaved => "branding",
            Confirmation::LogoSaved => "logo",
            Confirmation::LogoRemoved => "logo_removed",
            Confirmation::SsoSaved => "sso",
            Confirmation::SsoRemoved => "sso_removed",
            Confirmation::ProjectAdded => "added",
            Confirmation::ProjectUpdated => "progress",
            Confirmation::LanguageSaved => "language",
            Confirmation::TargetsSet => "targets",
            Confirmation::ActionSaved => "action",
            Confirmation::ActionDone => "action_done",
        }
    }

    /// The answer to a successful form post: back to `path`, saying so.
    pub(super) fn redirect(self, path: &str) -> HttpResponse {
        HttpResponse::SeeOther()
            .insert_header(("Location", format!("{path}?done={}", self.code())))
            .finish()
    }
}

/// The query of a page a form post redirects to; an unknown code says nothing.
#[derive(Deserialize)]
pub struct FlashQuery {
    pub(super) done: Option<String>,
}

impl FlashQuery {
    pub(super) fn flash(&self) -> Flash {
        self.done
            .as_deref()
            .and_then(messages::done)
            .map_or(Flash::Nothing, Flash::Confirmed)
    }
}

/// What a page says above its content.
pub enum Flash {
    Nothing,
    Confirmed(String),
    /// A refusal the person can act on, and the status to answer with.
    Refused(StatusCode, String),
}

impl Flash {
    /// The refusal to show for an error a person can act on (an invalid or
    /// conflicting value, something gone); faults and missing permissions
    /// stay errors.
    pub(super) fn refusal(e: ApiError) -> Result<Flash, PageError> {
        match e {
            ApiError::App(
                AppError::Invalid { .. } | AppError::Conflict { .. } | AppError::NotFound(_),
            ) => Ok(Flash::Refused(
                e.status_code(),
                sentence(&e.problem().detail),
            )),
            other => Err(other.into()),
        }
    }

    /// Puts the message into a page's data (`done` or `error`) and returns
    /// the status to answer with.
    pub(super) fn fill(&self, data: &mut Value) -> StatusCode {
        match self {
            Flash::Nothing => StatusCode::OK,
            Flash::Confirmed(message) => {
                data["done"] = json!(message);
                StatusCode::OK
            }
            Flash::Refused(status, message) => {
                data["error"] = json!(message);
                *status
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_confirmation_has_its_message() {
        for done in [
            Confirmation::UserUpdated,
            Confirmation::AccessGiven,
            Confirmation::AccessRemoved,
            Confirmation::TokenRevoked,
            Confirmation::SessionEnded,
            Confirmation::TwoFactorOff,
            Confirmation::TwoFactorReset,
            Confirmation::KpiDefined,
            Confirmation::KpiValuesImported,
            Confirmation::PanelRanksImported,
            Confirmation::ClientsImported,
            Confirmation::SettingsSaved,
            Confirmation::BrandingSaved,
            Confirmation::LogoSaved,
            Confirmation::LogoRemoved,
            Confirmation::SsoSaved,
            Confirmation::SsoRemoved,
            Confirmation::ProjectAdded,
            Confirmation::ProjectUpdated,
        ] {
            assert!(messages::done(done.code()).is_some(), "{done:?}");
        }
    }
}
