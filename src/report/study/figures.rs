//! The study's figures: the correlation cells with their adjusted
//! p-values, the rank scatter, the panels' consistency, the questionnaire's
//! reliability, the assessors' agreement and the area weights.

use super::{Agreement, Cell, PanelConsistency, Reliability, ScatterPoint, Series};
use crate::domain::performance::consensus;
use crate::domain::questionnaire::Questionnaire;
use crate::report::area_scores::AreaScores;
use crate::stats::{self, Correlation, Method};
use std::collections::{BTreeMap, HashMap};

/// Correlates every score column with every measure over the clients that
/// have both. When every score covers a measure's clients (the usual case),
/// the measure's column is one matrix call; otherwise pair by pair.
pub(super) fn cells(method: Method, scores: &[Series], measures: &[Series]) -> Vec<Cell> {
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
    let p: Vec<f64> = cells
        .iter()
        .filter_map(|c| c.correlation.as_ref().map(|c| c.p_value))
        .collect();
    let defined = cells.iter_mut().filter(|c| c.correlation.is_some());
    for ((cell, holm), bh) in defined
        .zip(stats::holm(&p))
        .zip(stats::benjamini_hochberg(&p))
    {
        cell.p_holm = Some(holm);
        cell.p_bh = Some(bh);
    }
    cells
}

/// Ranks (1 = best) of the clients that have both an overall score and a consensus.
pub(super) fn scatter(
    overall: &BTreeMap<i32, f64>,
    performance: &BTreeMap<i32, f64>,
) -> Vec<ScatterPoint> {
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

/// Kendall's W and the ICCs over the clients that every panel ranked.
pub(super) fn panel_consistency(panels: &[HashMap<i32, f64>]) -> PanelConsistency {
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

/// Cronbach's α per area of `questionnaire`, its questions as items, over
/// assessments on it: each gives the combined % of every question in
/// questionnaire order (NaN where unanswered).
pub fn reliability(questionnaire: &Questionnaire, assessments: &[&[f32]]) -> Vec<Reliability> {
    let mut start = 0;
    questionnaire
        .areas
        .iter()
        .map(|area| {
            let len: usize = area.sub_areas.iter().map(|s| s.questions.len()).sum();
            let range = start..start + len;
            start += len;
            // Only assessments that answered every question of the area count.
            let rows: Vec<Vec<f64>> = assessments
                .iter()
                .filter_map(|items| items.get(range.clone()))
                .filter(|part| part.iter().all(|v| v.is_finite()))
                .map(|part| part.iter().copied().map(f64::from).collect())
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
        .collect()
}

/// ICC(2,1) of the assessors' combined scores over the questions they all
/// scored, from (assessor, question, intention, reality) answers.
pub fn assessor_agreement<'a>(
    assessment_id: i32,
    answers: impl IntoIterator<Item = (i32, &'a str, Option<i32>, Option<i32>)>,
) -> Agreement {
    let mut by_question: BTreeMap<&str, BTreeMap<i32, f64>> = BTreeMap::new();
    let mut assessors: Vec<i32> = Vec::new();
    for (assessor, question, intention, reality) in answers {
        if let (Some(i), Some(r)) = (intention, reality) {
            by_question
                .entry(question)
                .or_default()
                .insert(assessor, f64::from(i + r) / 2.0);
            if !assessors.contains(&assessor) {
                assessors.push(assessor);
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

/// Each area's rank correlation with the panels' consensus over the clients
/// (each with its area scores) that have one, for weighting a scorecard's
/// priorities; with the number of clients behind it. `None` without any.
pub fn area_weights<'a>(
    panels: &[HashMap<i32, f64>],
    clients: impl IntoIterator<Item = (i32, &'a AreaScores)>,
) -> Option<(HashMap<String, f64>, usize)> {
    let performance = consensus(panels);
    let mut by_area: BTreeMap<String, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for (client, areas) in clients {
        let Some(rank) = performance.get(&client) else {
            continue;
        };
        for (area, value) in areas.iter() {
            let pair = by_area.entry(area.to_owned()).or_default();
            pair.0.push(value);
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
    (!weights.is_empty()).then_some((weights, n))
}
