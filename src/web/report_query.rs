//! How a report is asked for in a URL, shared by the API's report routes
//! and the pages that show reports.

use crate::report::{Edition, Paper};
use serde::Deserialize;
use utoipa::IntoParams;

/// The paper of a PDF and the edition of any report.
#[derive(Deserialize, IntoParams)]
pub struct ReportQuery {
    /// `a4` (default) or `letter`; PDF only.
    pub paper: Option<Paper>,
    /// `client` (default) or `working`, which only the consultancy's staff may read.
    pub edition: Option<Edition>,
}

impl ReportQuery {
    /// The paper asked for, A4 when none.
    pub fn paper(&self) -> Paper {
        self.paper.unwrap_or(Paper::A4)
    }
}
