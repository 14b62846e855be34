//! `cmas stats …`: the study's statistics on a CSV file of one's own, each
//! printed as one line (or, with `--json`, one object with the study's
//! field names). Undefined input is one line on stderr and a non-zero exit.

use crate::app::csv_columns;
use crate::app::own_data::{self, AdjustRequest, Adjustment, Table};
use crate::stats::{self, Method};
use clap::Subcommand;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum StatsCommand {
    /// Correlate two columns of a CSV file (with a header row).
    Correlate {
        /// The CSV file, with a header row.
        #[arg(long)]
        csv: PathBuf,
        /// Header of the first column.
        #[arg(long)]
        x: String,
        /// Header of the second column.
        #[arg(long)]
        y: String,
        /// The correlation coefficient.
        #[arg(long, value_enum, default_value = "spearman")]
        method: Method,
        /// Print one JSON object: method, n, r, p_value, ci_low, ci_high, r_squared.
        #[arg(long)]
        json: bool,
    },
    /// Cronbach's alpha with Feldt's 95% CI: a header row of item names, a row per respondent.
    Alpha {
        #[command(flatten)]
        table: TableArgs,
    },
    /// Kendall's W (with ties), chi², p: a header row of rater names, a row per subject.
    Concordance {
        #[command(flatten)]
        table: TableArgs,
    },
    /// The six Shrout–Fleiss intraclass correlations with 95% CIs: subjects × raters.
    Icc {
        #[command(flatten)]
        table: TableArgs,
    },
    /// Adjust the p-values of one column for many tests (Holm or Benjamini–Hochberg).
    Adjust {
        /// The CSV file, with a header row.
        #[arg(long)]
        csv: PathBuf,
        /// Header of the column of p-values.
        #[arg(long)]
        column: String,
        /// `holm` (family-wise error) or `bh` (false discovery rate).
        #[arg(long, value_enum)]
        method: Adjustment,
        /// Print one JSON array: p_value and p_holm or p_bh per row.
        #[arg(long)]
        json: bool,
    },
}

/// A whole CSV file of numbers, and how to print the result.
#[derive(Debug, clap::Args)]
pub struct TableArgs {
    /// The CSV file: a header row of names, then numbers only.
    #[arg(long)]
    csv: PathBuf,
    /// Print one JSON object with the study's field names.
    #[arg(long)]
    json: bool,
}

/// Runs one statistics command.
pub fn run(command: StatsCommand) -> anyhow::Result<()> {
    match command {
        StatsCommand::Correlate {
            csv,
            x,
            y,
            method,
            json,
        } => correlate(&csv, &x, &y, method, json),
        StatsCommand::Alpha { table } => table.print(own_data::alpha_of, |a| {
            format!(
                "Cronbach's alpha = {:.4} (95% CI {:.4} to {:.4}), {} respondents, {} items",
                a.alpha, a.ci_low, a.ci_high, a.subjects, a.items
            )
        }),
        StatsCommand::Concordance { table } => table.print(own_data::concordance_of, |w| {
            format!(
                "Kendall's W = {:.4}, chi² = {:.3} ({} df), p = {:.3e}, {} raters, {} subjects",
                w.w,
                w.chi2,
                w.subjects.saturating_sub(1),
                w.p_value,
                w.raters,
                w.subjects
            )
        }),
        StatsCommand::Icc { table } => table.print(own_data::icc_of, |iccs| {
            let forms: Vec<String> = iccs
                .forms
                .iter()
                .map(|f| {
                    let form = serde_json::to_value(f.form).unwrap_or_default();
                    let form = form.as_str().unwrap_or_default().to_owned();
                    format!(
                        "{form:<6} {:.4} (95% CI {:.4} to {:.4})",
                        f.icc, f.ci_low, f.ci_high
                    )
                })
                .collect();
            format!(
                "{} subjects, {} raters\n{}",
                iccs.subjects,
                iccs.raters,
                forms.join("\n")
            )
        }),
        StatsCommand::Adjust {
            csv,
            column,
            method,
            json,
        } => adjust(&csv, &column, method, json),
    }
}

impl TableArgs {
    /// Reads the file, runs `statistic` and prints its result.
    fn print<T: Serialize>(
        &self,
        statistic: impl Fn(&Table) -> crate::app::error::AppResult<T>,
        words: impl Fn(&T) -> String,
    ) -> anyhow::Result<()> {
        let (columns, rows) = csv_columns::numeric_table(&self.csv)?;
        let table = Table {
            columns,
            rows,
            confidence: 0.95,
        };
        let result = statistic(&table).map_err(|e| in_file(&self.csv, e))?;
        let line = match self.json {
            true => serde_json::to_string(&result)?,
            false => words(&result),
        };
        crate::say!("{line}");
        Ok(())
    }
}

fn adjust(file: &Path, column: &str, method: Adjustment, json: bool) -> anyhow::Result<()> {
    let columns = csv_columns::numeric_columns(file, &[column])?;
    let request = AdjustRequest {
        p_values: columns.into_iter().next().unwrap_or_default(),
        method,
    };
    let adjusted = own_data::adjust_of(&request).map_err(|e| in_file(file, e))?;
    if json {
        crate::say!("{}", serde_json::to_string(&adjusted)?);
        return Ok(());
    }
    for (i, a) in adjusted.iter().enumerate() {
        let (name, value) = match (a.p_holm, a.p_bh) {
            (Some(holm), _) => ("Holm", holm),
            (_, bh) => ("BH", bh.unwrap_or(a.p_value)),
        };
        // Row 1 is the header.
        crate::say!("row {}: p = {:.4e}, {name} {:.4e}", i + 2, a.p_value, value);
    }
    Ok(())
}

fn correlate(file: &Path, x: &str, y: &str, method: Method, json: bool) -> anyhow::Result<()> {
    let columns = csv_columns::numeric_columns(file, &[x, y])?;
    let [xs, ys] = columns.as_slice() else {
        anyhow::bail!("{}: expected two columns", file.display());
    };
    let result = stats::correlate(xs, ys, method, 0.95).map_err(|e| in_file(file, e))?;
    if json {
        crate::say!("{}", serde_json::to_string(&result)?);
    } else {
        crate::say!(
            "{method:?} r = {:.4} (95% CI {:.4} to {:.4}), p = {:.3e}, r² = {:.4}, n = {}",
            result.r,
            result.ci_low,
            result.ci_high,
            result.p_value,
            result.r_squared,
            result.n
        );
    }
    Ok(())
}

/// Why the file's data has no such statistic, named after the file.
fn in_file(file: &Path, error: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{}: {error}", file.display())
}
