//! How a report is asked for in a URL, shared by the API's report routes
//! and the pages that show reports.

use crate::app::documents::Asked;
use crate::domain::i18n::Language;
use crate::report::{Edition, Paper};
use serde::Deserialize;
use utoipa::IntoParams;

/// The paper of a PDF, and the edition and language of any report.
#[derive(Deserialize, IntoParams)]
pub struct ReportQuery {
    /// `a4` (default) or `letter`; PDF only.
    pub paper: Option<Paper>,
    /// `client` (default) or `working`, which only the consultancy's staff may read.
    pub edition: Option<Edition>,
    /// `en`, `de` or `fr`; the client's report language when left out.
    pub lang: Option<Language>,
}

impl ReportQuery {
    /// The paper asked for, A4 when none.
    pub fn paper(&self) -> Paper {
        self.paper.unwrap_or(Paper::A4)
    }

    /// The edition and language asked for.
    pub fn asked(&self) -> Asked {
        Asked {
            edition: self.edition,
            language: self.lang,
        }
    }
}
