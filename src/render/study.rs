//! What both renderers of the portfolio study draw: the scatter's points
//! and caption, and the heat map's rows, columns and cells.

use super::chart::HeatCell;
use crate::domain::scoring::OVERALL;
use crate::report::study::{Study, PERFORMANCE};

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
        .map_or("not enough data".to_owned(), |c| {
            format!("{:?} r = {:.2}, n = {}", c.method, c.r, c.n)
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
                "Performance (panels)".to_owned()
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
                    format!("{:.2}", a.alpha),
                    format!("{:.2} to {:.2}", a.ci_low, a.ci_high),
                    a.subjects.to_string(),
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
