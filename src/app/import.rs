//! Importing KPI values and panel ranks from CSV, for the CLI, the API and
//! the data page alike: the header is checked, every problem is collected
//! with its row and column, and nothing is stored unless the whole file is
//! valid. Run it inside one writing transaction.

use super::file_problems::{Flaw, Rejected};
use crate::db::performance::{client_ids_by_name, Kpi, KpiValue, Panel};
use crate::db::AnyConnection;
use crate::domain::performance::ranks_from_ratings;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// What an import stored.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Imported {
    /// Data rows of the file, all stored.
    pub rows: usize,
}

/// Why an import stored nothing.
#[derive(Debug)]
pub enum ImportError {
    Rejected(Rejected),
    Database(diesel::result::Error),
}

impl From<diesel::result::Error> for ImportError {
    fn from(e: diesel::result::Error) -> ImportError {
        ImportError::Database(e)
    }
}

impl From<Rejected> for ImportError {
    fn from(r: Rejected) -> ImportError {
        ImportError::Rejected(r)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Rejected(r) => r.fmt(f),
            ImportError::Database(e) => write!(f, "database error: {e}"),
        }
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// For the command line: `file:row:column: message`, the way compilers
    /// point at a place, and how many more problems there are.
    pub fn in_file(self, file: &Path) -> anyhow::Error {
        match self {
            ImportError::Rejected(Rejected(flaws)) => {
                let more = match flaws.len() {
                    0 | 1 => String::new(),
                    2 => " (and 1 more problem)".to_owned(),
                    n => format!(" (and {} more problems)", n - 1),
                };
                match flaws.first() {
                    Some(first) => anyhow::anyhow!(
                        "{}:{}: {}{more}",
                        file.display(),
                        first
                            .position
                            .map_or_else(|| "1:1".to_owned(), |(r, c)| format!("{r}:{c}")),
                        first.message
                    ),
                    None => anyhow::anyhow!("{}: refused", file.display()),
                }
            }
            ImportError::Database(e) => anyhow::anyhow!("{}: {e}", file.display()),
        }
    }
}

/// One problem at a row and column (both from 1; row 1 is the header).
fn flaw(row: usize, column: usize, message: impl Into<String>) -> Flaw {
    Flaw::at_cell(row, column, message)
}

/// The rows of a CSV text whose header must be one of `headers`: which
/// header it is and the cells as text, trimmed.
fn rows(csv_text: &[u8], headers: &[&[&str]]) -> Result<(usize, Vec<Vec<String>>), Rejected> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(csv_text);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| Rejected(vec![flaw(1, 1, e.to_string())]))?
        .iter()
        .map(str::to_owned)
        .collect();
    let Some(which) = headers.iter().position(|h| header == *h) else {
        let wanted: Vec<String> = headers
            .iter()
            .map(|h| format!("`{}`", h.join(",")))
            .collect();
        return Err(Rejected(vec![flaw(
            1,
            1,
            format!(
                "the header must be {}, not `{}`",
                wanted.join(" or "),
                header.join(",")
            ),
        )]));
    };
    let mut flaws = Vec::new();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        match record {
            Ok(record) => rows.push(record.iter().map(str::to_owned).collect()),
            Err(e) => flaws.push(flaw(i + 2, 1, e.to_string())),
        }
    }
    if flaws.is_empty() {
        Ok((which, rows))
    } else {
        Err(Rejected(flaws))
    }
}

fn number(row: usize, column: usize, cell: &str, flaws: &mut Vec<Flaw>) -> Option<f64> {
    let value = cell.parse::<f64>().ok().filter(|v| v.is_finite());
    if value.is_none() {
        flaws.push(flaw(row, column, format!("`{cell}` is not a number")));
    }
    value
}

fn text<'a>(
    row: usize,
    column: usize,
    cell: &'a str,
    what: &str,
    flaws: &mut Vec<Flaw>,
) -> Option<&'a str> {
    if cell.is_empty() {
        flaws.push(flaw(row, column, format!("the {what} is empty")));
        None
    } else {
        Some(cell)
    }
}

fn named(
    row: usize,
    column: usize,
    names: &HashMap<String, i32>,
    name: &str,
    what: &str,
    flaws: &mut Vec<Flaw>,
) -> Option<i32> {
    let id = names.get(name).copied();
    if id.is_none() {
        flaws.push(flaw(
            row,
            column,
            format!("there is no {what} named `{name}`"),
        ));
    }
    id
}

/// `client,kpi,period,value`: clients and KPIs by name; the KPIs must be defined.
pub fn kpi_values(
    conn: &mut AnyConnection,
    organisation_id: i32,
    csv_text: &[u8],
) -> Result<Imported, ImportError> {
    let (_, rows) = rows(csv_text, &[&["client", "kpi", "period", "value"]])?;
    let clients = client_ids_by_name(conn, organisation_id)?;
    let kpis: HashMap<String, i32> = Kpi::list_in(conn, organisation_id)?
        .into_iter()
        .map(|k| (k.name, k.id))
        .collect();
    let mut flaws = Vec::new();
    let mut values = Vec::new();
    for (i, cells) in rows.iter().enumerate() {
        let row = i + 2;
        let client_id = named(row, 1, &clients, &cells[0], "client", &mut flaws);
        let kpi_id = named(row, 2, &kpis, &cells[1], "KPI", &mut flaws);
        let period = text(row, 3, &cells[2], "period", &mut flaws);
        let value = number(row, 4, &cells[3], &mut flaws);
        if let (Some(client_id), Some(kpi_id), Some(period), Some(value)) =
            (client_id, kpi_id, period, value)
        {
            values.push(KpiValue {
                kpi_id,
                client_id,
                period: period.to_owned(),
                value,
            });
        }
    }
    if !flaws.is_empty() {
        return Err(Rejected(flaws).into());
    }
    KpiValue::set_all(conn, organisation_id, &values)?;
    Ok(Imported { rows: rows.len() })
}

/// `panel,period,client,rank` (1 = best) or `panel,period,client,rating`
/// (higher = better, turned into ranks per panel): panels are created as
/// needed; each panel's ranks replace its old ones.
pub fn panel_ranks(
    conn: &mut AnyConnection,
    organisation_id: i32,
    csv_text: &[u8],
) -> Result<Imported, ImportError> {
    let (which, rows) = rows(
        csv_text,
        &[
            &["panel", "period", "client", "rank"],
            &["panel", "period", "client", "rating"],
        ],
    )?;
    let ratings = which == 1;
    let clients = client_ids_by_name(conn, organisation_id)?;
    let mut flaws = Vec::new();
    let mut panels: HashMap<(String, String), Vec<(i32, f64)>> = HashMap::new();
    for (i, cells) in rows.iter().enumerate() {
        let row = i + 2;
        let name = text(row, 1, &cells[0], "panel", &mut flaws);
        let period = text(row, 2, &cells[1], "period", &mut flaws);
        let client_id = named(row, 3, &clients, &cells[2], "client", &mut flaws);
        let mut rank = number(row, 4, &cells[3], &mut flaws);
        if !ratings && rank.is_some_and(|r| r < 1.0) {
            flaws.push(flaw(row, 4, "a rank starts at 1 (the best)"));
            rank = None;
        }
        let (Some(name), Some(period), Some(client_id), Some(rank)) =
            (name, period, client_id, rank)
        else {
            continue;
        };
        let entries = panels
            .entry((name.to_owned(), period.to_owned()))
            .or_default();
        if entries.iter().any(|(c, _)| *c == client_id) {
            flaws.push(flaw(
                row,
                3,
                format!("`{}` is ranked twice by {name} for {period}", cells[2]),
            ));
            continue;
        }
        entries.push((client_id, rank));
    }
    if !flaws.is_empty() {
        return Err(Rejected(flaws).into());
    }
    for ((name, period), entries) in &panels {
        let panel = match Panel::find_by_name(conn, organisation_id, name, period)? {
            Some(p) => p,
            None => Panel::create(conn, organisation_id, name, period)?,
        };
        let ranks: Vec<(i32, f64)> = if ratings {
            let values: Vec<f64> = entries.iter().map(|(_, rating)| *rating).collect();
            entries
                .iter()
                .map(|(c, _)| *c)
                .zip(ranks_from_ratings(&values))
                .collect()
        } else {
            entries.clone()
        };
        Panel::set_ranks(conn, &panel, &ranks)?;
    }
    Ok(Imported { rows: rows.len() })
}
