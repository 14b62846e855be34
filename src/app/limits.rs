//! How much data one request may bring, whichever way it comes in (JSON,
//! CSV, a workbook, a questionnaire file). Each refusal names its limit.

use super::error::{AppError, AppResult};
use std::collections::HashSet;

/// Rows of KPI values or panel verdicts in one request: a portfolio of
/// thousands of clients times a dozen KPIs fits.
pub const MAX_ROWS: usize = 50_000;

/// KPI periods one request may bring values for (two years of months).
pub const MAX_PERIODS: usize = 24;

/// Items one page lists of a kind that grows without bound (KPIs, panels):
/// a page stays a few hundred kilobytes, rendered in milliseconds.
pub const LISTED: usize = 200;

/// The latest periods the performance-data page lists.
pub const LISTED_PERIODS: usize = 48;

/// A CSV file's bytes.
pub const MAX_CSV: usize = 8 * 1024 * 1024;

/// A scoring workbook's bytes; a filled one for the bundled questionnaire is about 40 KiB.
pub const MAX_WORKBOOK: usize = 5 * 1024 * 1024;

/// A questionnaire file's bytes (the loader holds every way in to it).
pub const MAX_QUESTIONNAIRE: usize = crate::domain::questionnaire::MAX_BYTES;

/// Refuses more than [`MAX_ROWS`] rows.
pub fn rows(n: usize) -> AppResult<()> {
    if n > MAX_ROWS {
        return Err(AppError::invalid(
            "too_many_rows",
            format!("at most {MAX_ROWS} rows per request; this one has {n}"),
        ));
    }
    Ok(())
}

/// Refuses values for more than [`MAX_PERIODS`] periods.
pub fn periods<'a>(periods: impl Iterator<Item = &'a str>) -> AppResult<()> {
    let distinct: HashSet<&str> = periods.collect();
    if distinct.len() > MAX_PERIODS {
        return Err(AppError::invalid(
            "too_many_periods",
            format!(
                "at most {MAX_PERIODS} periods per request; this one has {}",
                distinct.len()
            ),
        ));
    }
    Ok(())
}
