//! What the study says in words. The wording lives in `reports/study.toml`,
//! so it can change without touching code.

use super::super::text::fill;
use super::{Cell, Measure, PanelConsistency, Tie, PERFORMANCE};
use crate::domain::scoring::OVERALL;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Wording {
    pub names: Names,
    pub findings: Findings,
    pub caveats: Caveats,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Names {
    pub overall: String,
    pub performance: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Findings {
    overall: String,
    most_tied: String,
    least_tied: String,
    kpis: String,
    panels: String,
    named: String,
    separator: String,
    p_tiny: String,
    p: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Caveats {
    causation: String,
    critical_r: String,
    few_clients: String,
}

/// The bundled wording, parsed once. The file is part of the binary and
/// checked by a test, so a parse failure is a build defect.
#[expect(
    clippy::panic,
    reason = "the file is bundled and checked by a test: a bad one is a build defect"
)]
pub(super) fn wording() -> &'static Wording {
    static WORDING: OnceLock<Wording> = OnceLock::new();
    WORDING.get_or_init(|| {
        toml_edit::de::from_str(include_str!("../../../reports/study.toml"))
            .unwrap_or_else(|e| panic!("reports/study.toml is invalid: {e}"))
    })
}

// Names (of areas, of KPIs) are filled in last, so that braces in them stay as typed.

/// A correlation as the study prints it.
fn r2(value: f64) -> String {
    format!("{value:.2}")
}

impl Findings {
    /// The study's main results in sentences a partner can read out.
    pub(super) fn list(
        &self,
        cells: &[Cell],
        tied: &[Tie],
        measures: &[Measure],
        panels: &PanelConsistency,
    ) -> Vec<String> {
        let mut out = Vec::new();
        let overall = cells
            .iter()
            .find(|c| c.score == OVERALL && c.measure == PERFORMANCE);
        if let Some((r, holm)) = overall.and_then(|c| Some((c.correlation.as_ref()?, c.p_holm?))) {
            out.push(fill(
                &self.overall,
                &[
                    ("r", r2(r.r)),
                    ("ci_low", r2(r.ci_low)),
                    ("ci_high", r2(r.ci_high)),
                    ("p", self.p_value(holm)),
                    ("clients", r.n.to_string()),
                    ("shared", format!("{:.0}", r.r_squared * 100.0)),
                ],
            ));
        }
        let significant: Vec<&Tie> = tied.iter().filter(|t| t.p_holm < 0.05).collect();
        if !significant.is_empty() {
            let areas = significant.iter().take(3).map(|t| (t.name.as_str(), t.r));
            out.push(fill(&self.most_tied, &[("areas", self.names(areas))]));
        }
        if let Some(last) = tied.last().filter(|t| t.p_holm >= 0.05) {
            out.push(fill(
                &self.least_tied,
                &[("r", r2(last.r)), ("area", last.name.clone())],
            ));
        }
        let kpi_links: Vec<(&str, f64)> = cells
            .iter()
            .filter(|c| {
                c.score == OVERALL && c.measure != PERFORMANCE && c.p_holm.is_some_and(|p| p < 0.05)
            })
            .filter_map(|c| {
                Some((
                    measures.iter().find(|m| m.id == c.measure)?.name.as_str(),
                    c.correlation.as_ref()?.r,
                ))
            })
            .collect();
        if !kpi_links.is_empty() {
            out.push(fill(&self.kpis, &[("kpis", self.names(kpi_links))]));
        }
        if let Some(w) = &panels.kendall_w {
            out.push(fill(
                &self.panels,
                &[
                    ("panels", w.raters.to_string()),
                    ("w", r2(w.w)),
                    ("p", self.p_value(w.p_value)),
                ],
            ));
        }
        out
    }

    fn p_value(&self, p: f64) -> String {
        if p < 0.001 {
            self.p_tiny.clone()
        } else {
            fill(&self.p, &[("p", format!("{p:.3}"))])
        }
    }

    /// "People (0.77), Measurement (0.70)".
    fn names<'a>(&self, named: impl IntoIterator<Item = (&'a str, f64)>) -> String {
        named
            .into_iter()
            .map(|(name, r)| fill(&self.named, &[("r", r2(r)), ("name", name.to_owned())]))
            .collect::<Vec<_>>()
            .join(&self.separator)
    }
}

impl Caveats {
    /// What to keep in mind with this many clients and this threshold.
    pub(super) fn list(&self, clients: usize, critical_r: Option<f64>) -> Vec<String> {
        let mut out = vec![self.causation.clone()];
        if let Some(r) = critical_r {
            out.push(fill(
                &self.critical_r,
                &[("clients", clients.to_string()), ("r", r2(r))],
            ));
        }
        if clients < 10 {
            out.push(fill(&self.few_clients, &[("clients", clients.to_string())]));
        }
        out
    }
}
