//! The portfolio study as data: do the organisation's assessment scores
//! track business performance (KPIs and the expert panels' consensus)? Plus
//! the consistency of the panels, the questionnaire's reliability and how
//! far assessors agree. Built by app from what it read, laid out by render.

mod figures;
mod wording;

pub use figures::{area_weights, assessor_agreement, reliability};
pub use wording::p_value;

use crate::domain::i18n::{words, Language};
use crate::domain::performance::consensus;
use crate::domain::scoring::OVERALL;
use crate::report::Edition;
use crate::stats::{self, Correlation, Method};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The measure that stands for business performance as the panels see it.
pub const PERFORMANCE: &str = "performance";

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Study {
    /// The working edition lists the agreement of every assessment; the
    /// client's gives its mean only.
    pub edition: Edition,
    /// The language of its words.
    pub language: Language,
    pub period: String,
    pub method: Method,
    /// Clients with a final assessment.
    pub clients: usize,
    pub scores: Vec<Column>,
    pub measures: Vec<Measure>,
    /// One cell per score × measure; p-values adjusted over all of them.
    pub cells: Vec<Cell>,
    /// Areas by their correlation with the panels' consensus, strongest first.
    pub tied_to_performance: Vec<Tie>,
    /// The smallest |r| significant at 5% with this many clients.
    pub critical_r: Option<f64>,
    pub panels: PanelConsistency,
    pub reliability: Vec<Reliability>,
    /// The assessors' agreement over the assessments that have it.
    pub agreement: Option<AgreementSummary>,
    /// Per assessment, weakest first: the working edition only.
    pub assessor_agreement: Vec<Agreement>,
    /// Overall assessment rank against consensus performance rank (1 = best), per client.
    pub scatter: Vec<ScatterPoint>,
    /// Plain-language findings, strongest first.
    pub findings: Vec<String>,
    pub caveats: Vec<String>,
}

/// The mean single-assessor agreement ICC(2,1) over the assessments that have one.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AgreementSummary {
    pub assessments: usize,
    pub mean_icc: f64,
}

impl Study {
    /// The study in `edition`: the client's leaves out the agreement of
    /// each assessment, which is the consultancy's working material.
    pub fn in_edition(mut self, edition: Edition) -> Study {
        self.edition = edition;
        if !edition.is_working() {
            self.assessor_agreement.clear();
        }
        self
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ScatterPoint {
    pub client_id: i32,
    pub score_rank: f64,
    pub performance_rank: f64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Column {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Measure {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// Values are turned so that higher is better before correlating.
    pub direction: String,
    pub kind: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Cell {
    pub score: String,
    pub measure: String,
    /// The correlation's fields, present only when it is defined.
    #[serde(flatten)]
    #[schema(value_type = CellCorrelation)]
    pub correlation: Option<Correlation>,
    pub p_holm: Option<f64>,
    pub p_bh: Option<f64>,
    /// Why there is no correlation (too few clients, a constant measure, ...).
    pub error: Option<String>,
}

/// How the OpenAPI document shows a cell's flattened correlation: the
/// fields of [`Correlation`], each absent when no correlation is defined.
#[derive(utoipa::ToSchema)]
#[expect(dead_code, reason = "a schema only; cells carry a `Correlation`")]
pub struct CellCorrelation {
    method: Option<Method>,
    n: Option<usize>,
    r: Option<f64>,
    p_value: Option<f64>,
    ci_low: Option<f64>,
    ci_high: Option<f64>,
    r_squared: Option<f64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Tie {
    pub area: String,
    pub name: String,
    pub r: f64,
    pub p_holm: f64,
    pub n: usize,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PanelConsistency {
    pub panels: usize,
    /// Clients every panel ranked (the ones W and the ICC use).
    pub clients_ranked_by_all: usize,
    pub kendall_w: Option<stats::KendallW>,
    pub icc: Vec<stats::Icc>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Reliability {
    pub area: String,
    pub alpha: Option<stats::Alpha>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Agreement {
    pub assessment_id: i32,
    pub assessors: usize,
    /// ICC(2,1): absolute agreement of single assessors over the questions.
    pub icc: Option<f64>,
    pub error: Option<String>,
}

/// What the study is worked out from, by client id.
pub struct StudyInput {
    pub language: Language,
    pub period: String,
    pub method: Method,
    /// Clients with a final assessment.
    pub clients: usize,
    /// Each client's overall score.
    pub overall: BTreeMap<i32, f64>,
    /// The areas of the study's questionnaire, in its order, with each client's score.
    pub areas: Vec<(Column, BTreeMap<i32, f64>)>,
    /// Each panel's ranks (1 = best).
    pub panels: Vec<HashMap<i32, f64>>,
    /// Each KPI with its values, turned so that higher is better.
    pub kpis: Vec<(Measure, BTreeMap<i32, f64>)>,
    /// Cronbach's α per area (see [`reliability`]).
    pub reliability: Vec<Reliability>,
    /// The assessors' agreement in each latest assessment (see [`assessor_agreement`]).
    pub assessor_agreement: Vec<Agreement>,
}

/// Correlates every score with every measure, ranks the areas by their tie
/// to performance, and says what it found and what to keep in mind.
pub fn build(input: StudyInput) -> Study {
    let w = words(input.language);
    let words = wording::Wording(w);
    // Score columns: overall, then the areas; measures: the panels'
    // consensus (rank 1 best, so negated), then the KPIs.
    let overall = Column {
        id: OVERALL.into(),
        name: w.get("study-overall"),
    };
    let (columns, scores) = series(
        std::iter::once((overall, input.overall)).chain(input.areas),
        |c| &c.id,
    );
    let performance = Measure {
        id: PERFORMANCE.into(),
        name: w.get("study-performance"),
        unit: "rank".into(),
        direction: "lower".into(),
        kind: "panel".into(),
    };
    let consensus = consensus(&input.panels)
        .into_iter()
        .map(|(c, r)| (c, -r))
        .collect();
    let (measures, measure_values) = series(
        std::iter::once((performance, consensus)).chain(input.kpis),
        |m| &m.id,
    );
    let cells = figures::cells(input.method, &scores, &measure_values);
    let tied = tied_to_performance(&cells, &columns);
    let clients = input.clients;
    let critical_r = stats::critical_r(clients, 0.05).ok();
    let scatter = match (scores.first(), measure_values.first()) {
        (Some((_, overall)), Some((_, performance))) => figures::scatter(overall, performance),
        _ => Vec::new(),
    };
    let panels = figures::panel_consistency(&input.panels);
    let findings = words.findings(&cells, &tied, &measures, &panels);
    let caveats = words.caveats(clients, critical_r);
    let iccs: Vec<f64> = input
        .assessor_agreement
        .iter()
        .filter_map(|a| a.icc)
        .collect();
    let agreement = (!iccs.is_empty()).then(|| AgreementSummary {
        assessments: iccs.len(),
        mean_icc: iccs.iter().sum::<f64>() / iccs.len() as f64,
    });
    let mut assessor_agreement = input.assessor_agreement;
    assessor_agreement.sort_by(|a, b| {
        a.icc
            .unwrap_or(f64::INFINITY)
            .total_cmp(&b.icc.unwrap_or(f64::INFINITY))
    });
    Study {
        edition: Edition::Working,
        language: input.language,
        period: input.period,
        method: input.method,
        clients,
        scores: columns,
        measures,
        cells,
        tied_to_performance: tied,
        critical_r,
        panels,
        reliability: input.reliability,
        agreement,
        assessor_agreement,
        scatter,
        findings,
        caveats,
    }
}

/// A score's or a measure's values by client, under its id.
type Series = (String, BTreeMap<i32, f64>);

/// Splits scores or measures with their values into what the study shows
/// and the series its figures are worked out from, in the same order.
fn series<T>(
    with_values: impl Iterator<Item = (T, BTreeMap<i32, f64>)>,
    id: fn(&T) -> &String,
) -> (Vec<T>, Vec<Series>) {
    with_values
        .map(|(item, values)| {
            let key = id(&item).clone();
            (item, (key, values))
        })
        .unzip()
}

/// The areas' correlations with the panels' consensus, strongest first.
fn tied_to_performance(cells: &[Cell], columns: &[Column]) -> Vec<Tie> {
    let mut tied: Vec<Tie> = cells
        .iter()
        .filter(|c| c.measure == PERFORMANCE && c.score != OVERALL)
        .filter_map(|c| {
            let r = c.correlation.as_ref()?;
            let name = columns
                .iter()
                .find(|col| col.id == c.score)
                .map_or(c.score.clone(), |col| col.name.clone());
            Some(Tie {
                area: c.score.clone(),
                name,
                r: r.r,
                p_holm: c.p_holm.unwrap_or(1.0),
                n: r.n,
            })
        })
        .collect();
    tied.sort_by(|a, b| b.r.total_cmp(&a.r));
    tied
}

#[cfg(test)]
mod tests;
