//! What the study says in words, from the `study-*` messages of the
//! report catalogues (`reports/i18n/`), in the study's language.

use super::{Cell, Measure, PanelConsistency, Tie, PERFORMANCE};
use crate::domain::i18n::{Arg, Words};
use crate::domain::scoring::OVERALL;

/// The study's words in one language.
pub(super) struct Wording<'w>(pub &'w Words);

// Names (of areas, of KPIs) are filled in last, so that braces in them stay as typed.

impl Wording<'_> {
    /// A correlation as the study prints it: two decimals.
    fn r2(&self, value: f64) -> String {
        self.0.number(value, 2)
    }

    fn count(&self, n: usize) -> String {
        self.0.whole(n as f64)
    }

    /// The study's main results in sentences a partner can read out.
    pub(super) fn findings(
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
            out.push(self.0.fill(
                "study-finding-overall",
                &[
                    ("r", self.r2(r.r).into()),
                    ("ci_low", self.r2(r.ci_low).into()),
                    ("ci_high", self.r2(r.ci_high).into()),
                    ("p", self.p_value(holm).into()),
                    ("clients", self.count(r.n).into()),
                    ("shared", self.0.whole(r.r_squared * 100.0).into()),
                ],
            ));
        }
        let significant: Vec<&Tie> = tied.iter().filter(|t| t.p_holm < 0.05).collect();
        if !significant.is_empty() {
            let areas = significant.iter().take(3).map(|t| (t.name.as_str(), t.r));
            out.push(self.0.fill(
                "study-finding-most-tied",
                &[("areas", self.names(areas).into())],
            ));
        }
        if let Some(last) = tied.last().filter(|t| t.p_holm >= 0.05) {
            out.push(self.0.fill(
                "study-finding-least-tied",
                &[
                    ("r", self.r2(last.r).into()),
                    ("area", Arg::from(&last.name)),
                ],
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
            out.push(self.0.fill(
                "study-finding-kpis",
                &[("kpis", self.names(kpi_links).into())],
            ));
        }
        if let Some(w) = &panels.kendall_w {
            out.push(self.0.fill(
                "study-finding-panels",
                &[
                    ("panels", self.count(w.raters).into()),
                    ("w", self.r2(w.w).into()),
                    ("p", self.p_value(w.p_value).into()),
                ],
            ));
        }
        out
    }

    /// A p-value: the tiny form below 0.001, else three decimals.
    fn p_value(&self, p: f64) -> String {
        if p < 0.001 {
            self.0.get("study-p-tiny")
        } else {
            self.0.fill("study-p", &[("p", self.0.number(p, 3).into())])
        }
    }

    /// "People (0.77), Measurement (0.70)".
    fn names<'a>(&self, named: impl IntoIterator<Item = (&'a str, f64)>) -> String {
        named
            .into_iter()
            .map(|(name, r)| {
                self.0.fill(
                    "study-named",
                    &[("r", self.r2(r).into()), ("name", name.into())],
                )
            })
            .collect::<Vec<_>>()
            .join(&self.0.get("report-list-separator"))
    }

    /// What to keep in mind with this many clients and this threshold.
    pub(super) fn caveats(&self, clients: usize, critical_r: Option<f64>) -> Vec<String> {
        let mut out = vec![self.0.get("study-caveat-causation")];
        if let Some(r) = critical_r {
            out.push(self.0.fill(
                "study-caveat-critical-r",
                &[
                    ("clients", self.count(clients).into()),
                    ("r", self.r2(r).into()),
                ],
            ));
        }
        if clients < 10 {
            out.push(self.0.fill(
                "study-caveat-few-clients",
                &[("clients", self.count(clients).into())],
            ));
        }
        out
    }
}

/// A p-value as the study prints it: "p < 0.001" or "p = 0.012".
pub fn p_value(w: &Words, p: f64) -> String {
    Wording(w).p_value(p)
}
