//! The study's statistics on a consultant's own table: Cronbach's α of a
//! questionnaire, Kendall's W of a panel, the intraclass correlations of
//! raters, and p-values adjusted for many tests. The API (staff) and the
//! command line (`cmas stats …`, on the server's machine) take the same
//! table and give the same fields the study's JSON uses.

use super::error::{AppError, AppResult};
use super::permissions::{require, STAFF};
use crate::domain::role::Caller;
use crate::stats::{self, Alpha, Icc, KendallW};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Most values one table may hold.
const MAX_CELLS: usize = 1_000_000;

/// A table of one's own data: named columns and one row per respondent or subject.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "columns": ["q1", "q2", "q3"],
    "rows": [[4, 5, 4], [2, 3, 3], [5, 5, 4], [3, 2, 2], [4, 4, 5]],
    "confidence": 0.95
}))]
pub struct Table {
    /// The columns' names: the items (α) or the raters (W, ICC).
    #[schema(min_items = 2, max_items = 10000)]
    pub columns: Vec<String>,
    /// One row per respondent (α) or subject (W, ICC), a value per column.
    #[schema(min_items = 3, max_items = 100000)]
    pub rows: Vec<Vec<f64>>,
    /// Level of the confidence intervals; 0.95 unless given.
    #[serde(default = "ninety_five")]
    #[schema(exclusive_minimum = 0, exclusive_maximum = 1)]
    pub confidence: f64,
}

fn ninety_five() -> f64 {
    0.95
}

/// The intraclass correlations of a table.
#[derive(Debug, Serialize, ToSchema)]
pub struct Iccs {
    /// The six Shrout–Fleiss forms with their intervals.
    pub forms: Vec<Icc>,
    /// Rows of the table.
    pub subjects: usize,
    /// Columns of the table.
    pub raters: usize,
}

/// How p-values are adjusted for a family of tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Adjustment {
    /// Holm's step-down (the family-wise error rate).
    Holm,
    /// Benjamini–Hochberg's step-up (the false discovery rate).
    Bh,
}

/// p-values to adjust.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdjustRequest {
    /// The family's p-values, each in [0, 1].
    #[schema(min_items = 1, max_items = 100000)]
    pub p_values: Vec<f64>,
    /// `holm` or `bh`.
    pub method: Adjustment,
}

/// One p-value and its adjustment, named as in the study.
#[derive(Debug, Serialize, ToSchema)]
pub struct Adjusted {
    /// As given.
    pub p_value: f64,
    /// Holm's adjusted p (with `holm`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_holm: Option<f64>,
    /// Benjamini–Hochberg's adjusted p (with `bh`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_bh: Option<f64>,
}

/// Cronbach's α of a questionnaire (staff).
pub fn alpha(caller: &Caller, table: Table) -> AppResult<Alpha> {
    require(caller, STAFF, "run statistics")?;
    alpha_of(&table)
}

/// Kendall's W of a panel (staff).
pub fn concordance(caller: &Caller, table: Table) -> AppResult<KendallW> {
    require(caller, STAFF, "run statistics")?;
    concordance_of(&table)
}

/// The intraclass correlations of raters (staff).
pub fn icc(caller: &Caller, table: Table) -> AppResult<Iccs> {
    require(caller, STAFF, "run statistics")?;
    icc_of(&table)
}

/// Adjusted p-values (staff).
pub fn adjust(caller: &Caller, request: AdjustRequest) -> AppResult<Vec<Adjusted>> {
    require(caller, STAFF, "run statistics")?;
    adjust_of(&request)
}

/// Cronbach's α with Feldt's interval; a constant item makes it undefined.
pub fn alpha_of(table: &Table) -> AppResult<Alpha> {
    check(table, &ALPHA)?;
    if let Some(item) = constant_column(table) {
        return Err(AppError::invalid(
            "constant_variable",
            format!("item `{item}` has the same value for every respondent, so Cronbach's alpha is undefined; leave it out"),
        ));
    }
    Ok(stats::cronbach_alpha(&table.rows, table.confidence)?)
}

/// Kendall's W with ties, Friedman's χ² and p; the columns are the raters.
pub fn concordance_of(table: &Table) -> AppResult<KendallW> {
    check(table, &PANEL)?;
    Ok(stats::kendall_w(&transposed(&table.rows))?)
}

/// The six Shrout–Fleiss forms; the columns are the raters.
pub fn icc_of(table: &Table) -> AppResult<Iccs> {
    let (subjects, raters) = check(table, &RATERS)?;
    Ok(Iccs {
        forms: stats::icc(&table.rows, table.confidence)?,
        subjects,
        raters,
    })
}

/// Holm's or Benjamini–Hochberg's adjustment of each p-value.
pub fn adjust_of(request: &AdjustRequest) -> AppResult<Vec<Adjusted>> {
    let p = &request.p_values;
    if p.is_empty() || p.len() > MAX_CELLS {
        return Err(AppError::invalid(
            "too_few_values",
            format!("give between 1 and {MAX_CELLS} p-values"),
        ));
    }
    if let Some(bad) = p.iter().find(|v| !(0.0..=1.0).contains(*v)) {
        return Err(AppError::invalid(
            "not_a_probability",
            format!("{bad} is not a p-value (between 0 and 1)"),
        ));
    }
    let (holm, bh) = match request.method {
        Adjustment::Holm => (Some(stats::holm(p)), None),
        Adjustment::Bh => (None, Some(stats::benjamini_hochberg(p))),
    };
    let at = |list: &Option<Vec<f64>>, i: usize| list.as_ref().and_then(|l| l.get(i).copied());
    Ok(p.iter()
        .enumerate()
        .map(|(i, &p_value)| Adjusted {
            p_value,
            p_holm: at(&holm, i),
            p_bh: at(&bh, i),
        })
        .collect())
}

/// What a statistic calls its table's rows and columns.
struct Shape {
    statistic: &'static str,
    rows: &'static str,
    columns: &'static str,
}

const ALPHA: Shape = Shape {
    statistic: "Cronbach's alpha",
    rows: "respondents",
    columns: "items",
};
const PANEL: Shape = Shape {
    statistic: "Kendall's W",
    rows: "subjects",
    columns: "raters",
};
const RATERS: Shape = Shape {
    statistic: "The intraclass correlation",
    rows: "subjects",
    columns: "raters",
};

/// Refuses a table too small (fewer than three rows or two columns), too
/// big or ragged, in the words of its statistic.
fn check(table: &Table, shape: &Shape) -> AppResult<(usize, usize)> {
    let (rows, columns) = (table.rows.len(), table.columns.len());
    let too_few = |least: usize, of: &str, has: usize| {
        AppError::invalid(
            "too_few_values",
            format!(
                "{} needs at least {least} {of}; the table has {has}",
                shape.statistic
            ),
        )
    };
    if columns < 2 {
        return Err(too_few(2, shape.columns, columns));
    }
    if rows < 3 {
        return Err(too_few(3, shape.rows, rows));
    }
    if rows.saturating_mul(columns) > MAX_CELLS {
        return Err(AppError::invalid(
            "too_many_values",
            format!("at most {MAX_CELLS} values per table"),
        ));
    }
    if let Some((i, row)) = table
        .rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.len() != columns)
    {
        return Err(AppError::invalid(
            "unequal_lengths",
            format!(
                "row {} has {} values; there are {columns} columns",
                i + 1,
                row.len()
            ),
        ));
    }
    if !(table.confidence > 0.0 && table.confidence < 1.0) {
        return Err(AppError::invalid_field(
            "bad_confidence",
            "confidence",
            "the confidence level must lie between 0 and 1, e.g. 0.95",
        ));
    }
    Ok((rows, columns))
}

/// The name of the first column whose values are all the same.
fn constant_column(table: &Table) -> Option<&str> {
    table.columns.iter().enumerate().find_map(|(j, name)| {
        let mut values = table.rows.iter().filter_map(|r| r.get(j));
        let first = values.next()?;
        values.all(|v| v == first).then_some(name.as_str())
    })
}

/// Columns as rows: raters × subjects, as Kendall's W takes them.
fn transposed(rows: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let columns = rows.first().map_or(0, Vec::len);
    (0..columns)
        .map(|j| rows.iter().filter_map(|r| r.get(j).copied()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(columns: &[&str], rows: &[&[f64]]) -> Table {
        Table {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: rows.iter().map(|r| r.to_vec()).collect(),
            confidence: 0.95,
        }
    }

    #[test]
    fn undefined_tables_are_refused_in_words() {
        let two = table(&["a", "b"], &[&[1.0, 2.0], &[2.0, 3.0]]);
        let err = |r: AppResult<_>| r.err().map(|e: AppError| e.to_string()).unwrap_or_default();
        assert!(
            err(alpha_of(&two).map(drop)).contains("needs at least 3 respondents; the table has 2")
        );
        let one_rater = table(&["r1"], &[&[1.0], &[2.0], &[3.0]]);
        assert!(err(concordance_of(&one_rater).map(drop))
            .contains("Kendall's W needs at least 2 raters; the table has 1"));
        let constant = table(&["q1", "q2"], &[&[1.0, 4.0], &[2.0, 4.0], &[3.0, 4.0]]);
        assert!(err(alpha_of(&constant).map(drop)).contains("item `q2`"));
        let ragged = table(&["a", "b"], &[&[1.0, 2.0], &[2.0], &[3.0, 1.0]]);
        assert!(err(icc_of(&ragged).map(drop)).contains("row 2 has 1 values"));
    }

    #[test]
    fn raters_in_columns_are_raters_for_kendalls_w() {
        // Three raters in full agreement over four subjects: W = 1.
        let agree = table(
            &["r1", "r2", "r3"],
            &[
                &[1.0, 1.0, 1.0],
                &[2.0, 2.0, 2.0],
                &[3.0, 3.0, 3.0],
                &[4.0, 4.0, 4.0],
            ],
        );
        let w = concordance_of(&agree).expect("W");
        assert!((w.w - 1.0).abs() < 1e-12, "{w:?}");
        assert_eq!((w.raters, w.subjects), (3, 4));
    }

    #[test]
    fn p_values_outside_zero_to_one_are_refused() {
        let request = AdjustRequest {
            p_values: vec![0.01, 1.5],
            method: Adjustment::Holm,
        };
        assert!(adjust_of(&request).is_err());
        let fine = AdjustRequest {
            p_values: vec![0.01, 0.04],
            method: Adjustment::Holm,
        };
        let adjusted = adjust_of(&fine).expect("adjusted");
        assert_eq!(adjusted.first().and_then(|a| a.p_holm), Some(0.02));
        assert!(adjusted.iter().all(|a| a.p_bh.is_none()));
    }
}
