//! What a report's cover page says, the same in every format: a kicker,
//! the title and a few lines of detail.

use crate::report::programme::ProgrammeReport;
use crate::report::study::Study;
use crate::report::Scorecard;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cover {
    pub kicker: String,
    pub title: String,
    pub details: Vec<String>,
}

pub fn scorecard(card: &Scorecard) -> Cover {
    let m = &card.meta;
    Cover {
        kicker: "CUSTOMER MANAGEMENT SCORECARD".into(),
        title: m.client.clone(),
        details: vec![
            format!("{} · {}", m.sector, m.scope),
            format!("Assessed {}", m.assessment_date.format("%-d %B %Y")),
            format!("Prepared by {}", m.organisation),
        ],
    }
}

pub fn study(study: &Study, organisation: &str) -> Cover {
    Cover {
        kicker: "PORTFOLIO STUDY".into(),
        title: "Does customer management track business performance?".into(),
        details: vec![format!("{organisation} · period {}", study.period)],
    }
}

pub fn programme(report: &ProgrammeReport) -> Cover {
    Cover {
        kicker: super::programme::text("masthead_kicker").into(),
        title: report.name.clone(),
        details: super::programme::masthead(report),
    }
}
