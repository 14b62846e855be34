//! What a report's cover page says, the same in every format: a kicker,
//! the title and a few lines of detail, in the report's language.

use crate::domain::i18n::Arg;
use crate::report::comparison::WaveReport;
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
    let (m, w) = (&card.meta, super::scorecard::words_of(card));
    Cover {
        kicker: w.get("scorecard-kicker"),
        title: m.client.clone(),
        details: vec![
            format!("{} · {}", m.sector, m.scope),
            w.fill(
                "scorecard-assessed",
                &[("date", w.date(m.assessment_date).into())],
            ),
            w.fill(
                "scorecard-prepared-by",
                &[("organisation", Arg::from(&m.organisation))],
            ),
        ],
    }
}

pub fn study(study: &Study, organisation: &str) -> Cover {
    let w = super::study::words_of(study);
    Cover {
        kicker: w.get("study-kicker"),
        title: w.get("study-title"),
        details: vec![w.fill(
            "study-period",
            &[
                ("organisation", organisation.into()),
                ("period", Arg::from(&study.period)),
            ],
        )],
    }
}

pub fn programme(report: &ProgrammeReport) -> Cover {
    Cover {
        kicker: super::programme::Say::of(report).text("masthead_kicker"),
        title: report.name.clone(),
        details: super::programme::masthead(report),
    }
}

pub fn comparison(report: &WaveReport) -> Cover {
    let w = super::comparison::words_of(report);
    let m = &report.meta;
    Cover {
        kicker: w.get("compare-kicker"),
        title: m.client.clone(),
        details: super::comparison::masthead(report)
            .into_iter()
            .chain(std::iter::once(w.fill(
                "scorecard-prepared-by",
                &[("organisation", Arg::from(&m.organisation))],
            )))
            .collect(),
    }
}
