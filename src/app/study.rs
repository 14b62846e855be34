//! The portfolio study: do the organisation's assessment scores track
//! business performance (KPIs and the expert panels' consensus)? Plus the
//! consistency of the panels, the questionnaire's reliability and how far
//! assessors agree.

use super::portfolio::{Portfolio, PortfolioCache};
use super::results;
use crate::db::agreed::AgreedRow;
use crate::db::assessments::FinalEntry;
use crate::db::organisations::Organisation;
use crate::db::performance::{Kpi, KpiValue, Panel};
use crate::db::questionnaires::QuestionnaireCache;
use crate::db::scores::{AnswerTuple, ScoreRow};
use crate::db::{AnyConnection, Database};
use crate::domain::performance::consensus;
use crate::domain::scoring::OVERALL;
use crate::stats::{self, Correlation, Method};
use diesel::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The measure that stands for business performance as the panels see it.
pub const PERFORMANCE: &str = "performance";

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Study {
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
    pub assessor_agreement: Vec<Agreement>,
    /// Overall assessment rank against consensus performance rank (1 = best), per client.
    pub scatter: Vec<ScatterPoint>,
    /// Plain-language findings, strongest first.
    pub findings: Vec<String>,
    pub caveats: Vec<String>,
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

/// The latest final assessment of each client, preferring whole-company scope.
fn latest_per_client(finals: &[FinalEntry]) -> BTreeMap<i32, &FinalEntry> {
    let mut latest: BTreeMap<i32, &FinalEntry> = BTreeMap::new();
    for entry in finals {
        let whole = entry.scope == (None, None, None);
        match latest.get(&entry.client_id) {
            Some(current) if current.scope == (None, None, None) || !whole => {}
            _ => {
                latest.insert(entry.client_id, entry);
            }
        }
    }
    latest
}

/// Correlates every score column with every measure over the clients that
/// have both. When every score covers a measure's clients (the usual case),
/// the measure's column is one matrix call; otherwise pair by pair.
fn cells(
    method: Method,
    scores: &[(String, BTreeMap<i32, f64>)],
    measures: &[(String, BTreeMap<i32, f64>)],
) -> Vec<Cell> {
    let mut by_measure: Vec<Vec<Cell>> = Vec::new();
    for (measure, values) in measures {
        let complete = scores
            .iter()
            .all(|(_, s)| values.keys().all(|c| s.contains_key(c)));
        let results: Vec<stats::StatsResult<Correlation>> = if complete {
            let y: Vec<f64> = values.values().copied().collect();
            let xs: Vec<Vec<f64>> = scores
                .iter()
                .map(|(_, s)| values.keys().map(|c| s[c]).collect())
                .collect();
            let rows: Vec<&[f64]> = xs.iter().map(Vec::as_slice).collect();
            stats::correlation_matrix(&rows, &[y.as_slice()], method, 0.95)
                .unwrap_or_else(|e| vec![Err(e); scores.len()])
        } else {
            scores
                .iter()
                .map(|(_, by_client)| {
                    let (x, y): (Vec<f64>, Vec<f64>) = by_client
                        .iter()
                        .filter_map(|(c, s)| values.get(c).map(|v| (*s, *v)))
                        .unzip();
                    stats::correlate(&x, &y, method, 0.95)
                })
                .collect()
        };
        by_measure.push(
            scores
                .iter()
                .zip(results)
                .map(|((score, _), result)| Cell {
                    score: score.clone(),
                    measure: measure.clone(),
                    error: result.as_ref().err().map(ToString::to_string),
                    correlation: result.ok(),
                    p_holm: None,
                    p_bh: None,
                })
                .collect(),
        );
    }
    // Score-major order: overall first, then the areas, each against every measure.
    let mut cells: Vec<Cell> = Vec::with_capacity(scores.len() * measures.len());
    let mut columns: Vec<std::vec::IntoIter<Cell>> =
        by_measure.into_iter().map(Vec::into_iter).collect();
    for _ in scores {
        cells.extend(columns.iter_mut().filter_map(Iterator::next));
    }
    let defined: Vec<usize> = (0..cells.len())
        .filter(|&i| cells[i].correlation.is_some())
        .collect();
    let p: Vec<f64> = defined
        .iter()
        .filter_map(|&i| cells[i].correlation.as_ref().map(|c| c.p_value))
        .collect();
    for ((&i, holm), bh) in defined
        .iter()
        .zip(stats::holm(&p))
        .zip(stats::benjamini_hochberg(&p))
    {
        cells[i].p_holm = Some(holm);
        cells[i].p_bh = Some(bh);
    }
    cells
}

/// Runs the study for a period (the latest with data when `None`).
pub fn run(
    conn: &mut AnyConnection,
    cache: &QuestionnaireCache,
    portfolios: &PortfolioCache,
    organisation_id: i32,
    period: Option<String>,
    method: Method,
) -> QueryResult<Study> {
    let period = match period {
        Some(p) => p,
        None => latest_period(conn, organisation_id)?.unwrap_or_default(),
    };
    let (portfolio, _) = portfolios.get(conn, organisation_id)?;
    let latest = latest_per_client(&portfolio.finals);

    // Score columns: overall, then the areas in questionnaire order.
    // Areas and items come from the questionnaire most of the latest assessments used.
    let mut uses: BTreeMap<i32, usize> = BTreeMap::new();
    for entry in latest.values() {
        *uses.entry(entry.questionnaire_id).or_default() += 1;
    }
    let questionnaire_id = uses
        .into_iter()
        .max_by_key(|(id, n)| (*n, *id))
        .map(|(id, _)| id);
    let questionnaire = match questionnaire_id {
        Some(id) => cache.get(conn, organisation_id, id)?.map(|q| (id, q)),
        None => None,
    };
    let mut columns = vec![Column {
        id: OVERALL.into(),
        name: "Overall".into(),
    }];
    if let Some((_, q)) = &questionnaire {
        columns.extend(q.areas.iter().map(|a| Column {
            id: a.id.clone(),
            name: a.name.clone(),
        }));
    }
    let scores: Vec<(String, BTreeMap<i32, f64>)> = columns
        .iter()
        .map(|c| {
            let values = latest
                .iter()
                .filter_map(|(client, e)| {
                    let combined = portfolio.latest.get(&e.id)?;
                    let value = if c.id == OVERALL {
                        Some(combined.overall)
                    } else {
                        combined.areas.get(&c.id).copied()
                    };
                    value.map(|v| (*client, v))
                })
                .collect();
            (c.id.clone(), values)
        })
        .collect();

    // Measures: the panels' consensus (rank 1 best, so negated), then every KPI (oriented).
    let panel_ranks = Panel::ranks_for_period(conn, organisation_id, &period)?;
    let rank_maps: Vec<HashMap<i32, f64>> = panel_ranks.iter().map(|(_, r)| r.clone()).collect();
    let mut measures = vec![Measure {
        id: PERFORMANCE.into(),
        name: "Business performance (consensus of the expert panels)".into(),
        unit: "rank".into(),
        direction: "lower".into(),
        kind: "panel".into(),
    }];
    let mut measure_values: Vec<(String, BTreeMap<i32, f64>)> = vec![(
        PERFORMANCE.into(),
        consensus(&rank_maps)
            .into_iter()
            .map(|(c, r)| (c, -r))
            .collect(),
    )];
    let kpis = Kpi::list_in(conn, organisation_id)?;
    let values = KpiValue::for_period(conn, organisation_id, &period)?;
    for kpi in &kpis {
        let direction = kpi.direction();
        let by_client = values
            .iter()
            .filter(|v| v.kpi_id == kpi.id)
            .map(|v| (v.client_id, direction.oriented(v.value)))
            .collect();
        measures.push(Measure {
            id: format!("kpi:{}", kpi.id),
            name: kpi.name.clone(),
            unit: kpi.unit.clone(),
            direction: kpi.direction.clone(),
            kind: kpi.kind.clone(),
        });
        measure_values.push((format!("kpi:{}", kpi.id), by_client));
    }
    let cells = cells(method, &scores, &measure_values);

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

    let clients = latest.len();
    let critical_r = stats::critical_r(clients, 0.05).ok();
    let mut caveats = vec![
        "Correlation is not causation: companies that manage customers well tend to perform well, but the study cannot say which causes which.".to_owned(),
    ];
    if let Some(r) = critical_r {
        caveats.push(format!("With {clients} clients, only correlations above {r:.2} in size can be told from noise at the 5% level."));
    }
    let scatter = scatter(&scores[0].1, &measure_values[0].1);
    let panels = panel_consistency(&rank_maps);
    let findings = findings(&cells, &tied, &measures, &panels);
    if clients < 10 {
        caveats.push(format!("Only {clients} clients: too few for the study to weigh the areas; treat every figure as indicative."));
    }
    let reliability = match &questionnaire {
        Some((id, q)) => reliability(conn, cache, organisation_id, &portfolio, (*id, q), &latest)?,
        None => (Vec::new(), Vec::new()),
    };
    Ok(Study {
        period,
        method,
        clients,
        scores: columns,
        measures,
        cells,
        tied_to_performance: tied,
        critical_r,
        panels,
        reliability: reliability.0,
        assessor_agreement: reliability.1,
        scatter,
        findings,
        caveats,
    })
}

/// Ranks (1 = best) of the clients that have both an overall score and a consensus.
fn scatter(overall: &BTreeMap<i32, f64>, performance: &BTreeMap<i32, f64>) -> Vec<ScatterPoint> {
    let both: Vec<(i32, f64, f64)> = overall
        .iter()
        .filter_map(|(c, s)| performance.get(c).map(|p| (*c, *s, *p)))
        .collect();
    let best_first = |values: Vec<f64>| {
        stats::average_ranks(&values.into_iter().map(|v| -v).collect::<Vec<_>>())
    };
    let score_ranks = best_first(both.iter().map(|b| b.1).collect());
    let performance_ranks = best_first(both.iter().map(|b| b.2).collect());
    both.iter()
        .zip(score_ranks.into_iter().zip(performance_ranks))
        .map(
            |((client_id, _, _), (score_rank, performance_rank))| ScatterPoint {
                client_id: *client_id,
                score_rank,
                performance_rank,
            },
        )
        .collect()
}

fn p_text(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".to_owned()
    } else {
        format!("p = {p:.3}")
    }
}

/// Runs every organisation's study once, so that the first study after a
/// start does not wait while the latest assessments' answers are read (3.7 s
/// at 10,000 clients): what it works out is kept with the portfolio.
pub fn warm_up(
    db: &Database,
    cache: &QuestionnaireCache,
    portfolios: &PortfolioCache,
) -> anyhow::Result<()> {
    let organisations = db.read(|conn| Ok::<_, anyhow::Error>(Organisation::all(conn)?))?;
    for organisation in organisations {
        let started = std::time::Instant::now();
        db.read(|conn| {
            run(
                conn,
                cache,
                portfolios,
                organisation.id,
                None,
                Method::Spearman,
            )
            .map_err(anyhow::Error::from)
        })?;
        tracing::info!(
            organisation_id = organisation.id,
            ms = started.elapsed().as_millis() as u64,
            "study worked out ahead"
        );
    }
    Ok(())
}

/// The study's main results in sentences a partner can read out.
fn findings(
    cells: &[Cell],
    tied: &[Tie],
    measures: &[Measure],
    panels: &PanelConsistency,
) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(c) = cells
        .iter()
        .find(|c| c.score == OVERALL && c.measure == PERFORMANCE)
    {
        if let (Some(r), Some(holm)) = (&c.correlation, c.p_holm) {
            out.push(format!(
                "Overall customer-management score and business performance (the panels' consensus) correlate at {:.2} (95% CI {:.2} to {:.2}; {} after Holm; {} clients): {:.0}% shared variance.",
                r.r, r.ci_low, r.ci_high, p_text(holm), r.n, r.r_squared * 100.0
            ));
        }
    }
    let significant: Vec<&Tie> = tied.iter().filter(|t| t.p_holm < 0.05).collect();
    if !significant.is_empty() {
        let names: Vec<String> = significant
            .iter()
            .take(3)
            .map(|t| format!("{} ({:.2})", t.name, t.r))
            .collect();
        out.push(format!(
            "The areas most tied to performance: {}.",
            names.join(", ")
        ));
    }
    if let Some(last) = tied.last().filter(|t| t.p_holm >= 0.05) {
        out.push(format!("{} is the least tied ({:.2}), and its link does not survive the correction for multiple tests.", last.name, last.r));
    }
    let kpi_links = cells
        .iter()
        .filter(|c| {
            c.score == OVERALL && c.measure != PERFORMANCE && c.p_holm.is_some_and(|p| p < 0.05)
        })
        .filter_map(|c| {
            Some((
                measures.iter().find(|m| m.id == c.measure)?.name.clone(),
                c.correlation.as_ref()?.r,
            ))
        })
        .map(|(name, r)| format!("{name} ({r:.2})"))
        .collect::<Vec<_>>();
    if !kpi_links.is_empty() {
        out.push(format!(
            "The overall score tracks these KPIs beyond chance: {}.",
            kpi_links.join(", ")
        ));
    }
    if let Some(w) = &panels.kendall_w {
        out.push(format!(
            "The {} panels agree with each other: Kendall's W = {:.2} ({}).",
            w.raters,
            w.w,
            p_text(w.p_value)
        ));
    }
    out
}

/// The latest period with KPI values or panels. Periods compare as text, so
/// write them so that text order is time order: "2025", "2025-Q4", "2026-03".
fn latest_period(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<Option<String>> {
    let mut periods = KpiValue::periods(conn, organisation_id)?;
    periods.extend(
        Panel::list_in(conn, organisation_id)?
            .into_iter()
            .map(|p| p.period),
    );
    periods.sort();
    Ok(periods.pop())
}

/// Kendall's W and the ICCs over the clients that every panel ranked.
fn panel_consistency(panels: &[HashMap<i32, f64>]) -> PanelConsistency {
    let mut common: Vec<i32> = panels
        .first()
        .map(|p| p.keys().copied().collect())
        .unwrap_or_default();
    common.retain(|c| panels.iter().all(|p| p.contains_key(c)));
    common.sort_unstable();
    let by_panel: Vec<Vec<f64>> = panels
        .iter()
        .map(|p| common.iter().map(|c| p[c]).collect())
        .collect();
    let by_client: Vec<Vec<f64>> = common
        .iter()
        .map(|c| panels.iter().map(|p| p[c]).collect())
        .collect();
    let w = stats::kendall_w(&by_panel);
    let icc = stats::icc(&by_client, 0.95);
    PanelConsistency {
        panels: panels.len(),
        clients_ranked_by_all: common.len(),
        error: w.as_ref().err().map(ToString::to_string),
        kendall_w: w.ok(),
        icc: icc.unwrap_or_default(),
    }
}

/// What the study needs of one final assessment, kept with the portfolio
/// because final answers never change: the combined % of each question of
/// its questionnaire, in questionnaire order (NaN where unanswered), and its
/// assessors' agreement.
#[derive(Debug)]
pub struct ItemScores {
    questionnaire_id: i32,
    items: Vec<f64>,
    agreement: Agreement,
}

/// Cronbach's α per area over the clients' latest assessments on the study's
/// questionnaire (questions as items), and the assessors' agreement within
/// each latest assessment.
fn reliability(
    conn: &mut AnyConnection,
    cache: &QuestionnaireCache,
    organisation_id: i32,
    portfolio: &Portfolio,
    (questionnaire_id, q): (i32, &crate::domain::questionnaire::Questionnaire),
    latest: &BTreeMap<i32, &FinalEntry>,
) -> QueryResult<(Vec<Reliability>, Vec<Agreement>)> {
    let by_id: HashMap<i32, &FinalEntry> = latest.values().map(|e| (e.id, *e)).collect();
    let ids: Vec<i32> = latest.values().map(|e| e.id).collect();
    let scored = portfolio.item_scores(&ids, |missing| {
        let entries: Vec<&FinalEntry> = missing
            .iter()
            .filter_map(|id| by_id.get(id).copied())
            .collect();
        item_scores(conn, cache, organisation_id, &entries)
    })?;
    let agreement = scored.iter().map(|s| s.agreement.clone()).collect();
    // Items must be the same questions: only assessments on the study's questionnaire count for α.
    let on_study: Vec<&[f64]> = scored
        .iter()
        .filter(|s| s.questionnaire_id == questionnaire_id)
        .map(|s| s.items.as_slice())
        .collect();
    let mut start = 0;
    let alpha = q
        .areas
        .iter()
        .map(|area| {
            let len: usize = area.sub_areas.iter().map(|s| s.questions.len()).sum();
            let range = start..start + len;
            start += len;
            // Only assessments that answered every question of the area count.
            let rows: Vec<Vec<f64>> = on_study
                .iter()
                .filter_map(|items| items.get(range.clone()))
                .filter(|part| part.iter().all(|v| v.is_finite()))
                .map(<[f64]>::to_vec)
                .collect();
            match stats::cronbach_alpha(&rows, 0.95) {
                Ok(a) => Reliability {
                    area: area.id.clone(),
                    alpha: Some(a),
                    error: None,
                },
                Err(e) => Reliability {
                    area: area.id.clone(),
                    alpha: None,
                    error: Some(e.to_string()),
                },
            }
        })
        .collect();
    Ok((alpha, agreement))
}

/// Reads the answers of `entries` and works out their item scores.
fn item_scores(
    conn: &mut AnyConnection,
    cache: &QuestionnaireCache,
    organisation_id: i32,
    entries: &[&FinalEntry],
) -> QueryResult<Vec<(i32, ItemScores)>> {
    let mut out = Vec::with_capacity(entries.len());
    // A few hundred assessments a query: some thousand rows each, and few round trips.
    for chunk in entries.chunks(500) {
        let ids: Vec<i32> = chunk.iter().map(|e| e.id).collect();
        let answers = ScoreRow::answers_of(conn, &ids)?;
        let agreed = AgreedRow::agreed_of(conn, &ids)?;
        for entry in chunk {
            let rows = of(&answers, entry.id, |a| a.0);
            let questionnaire = cache.get(conn, organisation_id, entry.questionnaire_id)?;
            let items = questionnaire.map_or_else(Vec::new, |q| {
                let results = results::consolidated(
                    &q,
                    rows.iter()
                        .map(|a| (a.2.as_str(), a.3, a.4, a.5.as_deref())),
                    of(&agreed, entry.id, |a| a.0)
                        .iter()
                        .map(|a| (a.1.as_str(), a.2, a.3, a.4.as_deref())),
                );
                // Results list the answered questions in questionnaire order.
                let mut answered = results.questions.iter().peekable();
                q.questions()
                    .map(
                        |question| match answered.next_if(|r| r.question_id == question.id) {
                            Some(r) => r.percent.map_or(f64::NAN, |p| p.combined),
                            None => f64::NAN,
                        },
                    )
                    .collect()
            });
            out.push((
                entry.id,
                ItemScores {
                    questionnaire_id: entry.questionnaire_id,
                    items,
                    agreement: assessor_agreement(entry.id, rows),
                },
            ));
        }
    }
    Ok(out)
}

/// The rows of one assessment among rows sorted by assessment.
fn of<T>(rows: &[T], id: i32, assessment: impl Fn(&T) -> i32) -> &[T] {
    let start = rows.partition_point(|r| assessment(r) < id);
    let end = rows.partition_point(|r| assessment(r) <= id);
    &rows[start..end]
}

/// ICC(2,1) of the assessors' combined scores over the questions they all scored.
fn assessor_agreement(assessment_id: i32, rows: &[AnswerTuple]) -> Agreement {
    let mut by_question: BTreeMap<&str, BTreeMap<i32, f64>> = BTreeMap::new();
    let mut assessors: Vec<i32> = Vec::new();
    for (_, assessor, question, intention, reality, _) in rows {
        if let (Some(i), Some(r)) = (intention, reality) {
            by_question
                .entry(question)
                .or_default()
                .insert(*assessor, f64::from(i + r) / 2.0);
            if !assessors.contains(assessor) {
                assessors.push(*assessor);
            }
        }
    }
    let matrix: Vec<Vec<f64>> = by_question
        .values()
        .filter(|scores| scores.len() == assessors.len())
        .map(|scores| scores.values().copied().collect())
        .collect();
    let icc = stats::icc(&matrix, 0.95);
    Agreement {
        assessment_id,
        assessors: assessors.len(),
        icc: icc.as_ref().ok().and_then(|forms| {
            forms
                .iter()
                .find(|f| f.form == stats::IccForm::Icc2)
                .map(|f| f.icc)
        }),
        error: icc.err().map(|e| e.to_string()),
    }
}

/// The areas' rank correlation with the panels' consensus (latest period
/// with panels), for weighting a scorecard's priorities; with the number of
/// clients behind it.
pub fn area_weights(
    conn: &mut AnyConnection,
    organisation_id: i32,
    portfolio: &Portfolio,
) -> QueryResult<Option<(HashMap<String, f64>, usize)>> {
    // The same period the study shows by default; without panels in it, no weights.
    let Some(period) = latest_period(conn, organisation_id)? else {
        return Ok(None);
    };
    let latest = latest_per_client(&portfolio.finals);
    let rank_maps: Vec<HashMap<i32, f64>> =
        Panel::ranks_for_period(conn, organisation_id, &period)?
            .into_iter()
            .map(|(_, r)| r)
            .collect();
    let performance = consensus(&rank_maps);
    let mut by_area: BTreeMap<String, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for (client, entry) in &latest {
        let (Some(combined), Some(rank)) =
            (portfolio.latest.get(&entry.id), performance.get(client))
        else {
            continue;
        };
        for (area, value) in &combined.areas {
            let pair = by_area.entry(area.clone()).or_default();
            pair.0.push(*value);
            pair.1.push(-rank);
        }
    }
    let n = by_area.values().map(|(x, _)| x.len()).max().unwrap_or(0);
    let weights: HashMap<String, f64> = by_area
        .into_iter()
        .filter_map(|(area, (x, y))| {
            Some((
                area,
                stats::correlate(&x, &y, Method::Spearman, 0.95).ok()?.r,
            ))
        })
        .collect();
    Ok((!weights.is_empty()).then_some((weights, n)))
}
