//! What both renderers of the portfolio study draw: the scatter's points
//! and caption, and the heat map's rows, columns and cells.

use super::chart::HeatCell;
use crate::domain::i18n::{words, Arg, Words};
use crate::domain::scoring::OVERALL;
use crate::report::study::{p_value, Study, PERFORMANCE};
use crate::stats::Method;

/// The words of the study's language.
pub fn words_of(study: &Study) -> &'static Words {
    words(study.language)
}

/// The correlation method's name.
pub fn method(study: &Study) -> String {
    let id = match study.method {
        Method::Pearson => "study-method-pearson",
        Method::Spearman => "study-method-spearman",
        Method::Kendall => "study-method-kendall",
    };
    words_of(study).get(id)
}

/// The line under the title: organisation, period, clients, method.
pub fn meta_line(study: &Study, organisation: &str) -> String {
    let w = words_of(study);
    w.fill(
        "study-meta",
        &[
            ("organisation", organisation.into()),
            ("period", Arg::from(&study.period)),
            ("clients", w.whole(study.clients as f64).into()),
            ("method", method(study).into()),
        ],
    )
}

/// The document's title: "Portfolio study 2025: Northwind Consulting".
pub fn document_title(study: &Study, organisation: &str) -> String {
    words_of(study).fill(
        "study-document-title",
        &[
            ("period", Arg::from(&study.period)),
            ("organisation", organisation.into()),
        ],
    )
}

/// The footer's report part: the study's period and when it was made.
pub fn footer(study: &Study, organisation: &str, generated: chrono::NaiveDate) -> String {
    let w = words_of(study);
    w.fill(
        "study-footer",
        &[
            ("organisation", organisation.into()),
            ("period", Arg::from(&study.period)),
            ("date", w.date(generated).into()),
        ],
    )
}

/// How consistently the panels ranked the clients, in one sentence.
pub fn panels_line(study: &Study) -> String {
    let (w, panels) = (words_of(study), &study.panels);
    match &panels.kendall_w {
        Some(k) => w.fill(
            "study-panels",
            &[
                ("panels", w.whole(panels.panels as f64).into()),
                (
                    "clients",
                    w.whole(panels.clients_ranked_by_all as f64).into(),
                ),
                ("w", w.number(k.w, 2).into()),
                ("chi2", w.number(k.chi2, 1).into()),
                ("p", p_value(w, k.p_value).into()),
            ],
        ),
        None => {
            let reason = panels
                .error
                .clone()
                .unwrap_or_else(|| w.get("study-no-panel-data"));
            w.fill("study-panels-missing", &[("reason", reason.into())])
        }
    }
}

/// The assessors' mean agreement, in one sentence, when there is one.
pub fn agreement_line(study: &Study) -> Option<String> {
    let w = words_of(study);
    study.agreement.as_ref().map(|a| {
        w.fill(
            "study-assessors",
            &[
                ("assessments", w.whole(a.assessments as f64).into()),
                ("icc", w.number(a.mean_icc, 2).into()),
            ],
        )
    })
}

/// The headings of the reliability table, in its order.
pub const RELIABILITY_COLUMNS: [&str; 4] = [
    "column-area",
    "column-alpha",
    "column-ci",
    "column-assessments",
];

pub fn scatter_points(study: &Study) -> Vec<(f64, f64)> {
    study
        .scatter
        .iter()
        .map(|p| (p.score_rank, p.performance_rank))
        .collect()
}

pub fn scatter_caption(study: &Study) -> String {
    study
        .cells
        .iter()
        .find(|c| c.score == OVERALL && c.measure == PERFORMANCE)
        .and_then(|c| c.correlation.as_ref())
        .map_or(words_of(study).get("chart-not-enough-data"), |c| {
            let w = words_of(study);
            w.fill(
                "chart-scatter-caption",
                &[
                    ("method", method(study).into()),
                    ("r", w.number(c.r, 2).into()),
                    ("n", w.whole(c.n as f64).into()),
                ],
            )
        })
}

/// Rows (scores), columns (measures) and the cells between them.
pub fn heat(study: &Study) -> (Vec<String>, Vec<String>, Vec<Vec<HeatCell>>) {
    let rows: Vec<String> = study.scores.iter().map(|s| s.name.clone()).collect();
    let columns: Vec<String> = study
        .measures
        .iter()
        .map(|m| {
            if m.id == PERFORMANCE {
                words_of(study).get("chart-performance-panels")
            } else {
                m.name.clone()
            }
        })
        .collect();
    let cells = study
        .scores
        .iter()
        .map(|s| {
            study
                .measures
                .iter()
                .map(|m| {
                    let cell = study
                        .cells
                        .iter()
                        .find(|c| c.score == s.id && c.measure == m.id);
                    HeatCell {
                        r: cell.and_then(|c| c.correlation.as_ref()).map(|c| c.r),
                        significant: cell.and_then(|c| c.p_holm).is_some_and(|p| p < 0.05),
                    }
                })
                .collect()
        })
        .collect();
    (rows, columns, cells)
}

/// The reliability table's rows: area, α, its 95% CI, assessments.
pub fn reliability_rows(study: &Study) -> Vec<Vec<String>> {
    let w = words_of(study);
    study
        .reliability
        .iter()
        .map(|r| {
            let name = study
                .scores
                .iter()
                .find(|c| c.id == r.area)
                .map_or(r.area.clone(), |c| c.name.clone());
            match &r.alpha {
                Some(a) => vec![
                    name,
                    w.number(a.alpha, 2),
                    w.fill(
                        "report-range",
                        &[
                            ("low", w.number(a.ci_low, 2).into()),
                            ("high", w.number(a.ci_high, 2).into()),
                        ],
                    ),
                    w.whole(a.subjects as f64),
                ],
                None => vec![
                    name,
                    "–".into(),
                    r.error.clone().unwrap_or_default(),
                    "–".into(),
                ],
            }
        })
        .collect()
}
