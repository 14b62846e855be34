//! Importing KPI values and panel ranks from CSV files: the header is
//! checked, every problem names its row and column, and nothing is stored
//! unless the whole file is valid.

use crate::db::organisations::Organisation;
use crate::db::performance::{client_ids_by_name, Kpi, KpiValue, Panel};
use crate::db::Database;
use crate::domain::performance::ranks_from_ratings;
use std::collections::HashMap;
use std::path::Path;

/// What an import stored.
pub struct Imported {
    pub rows: usize,
}

/// One problem of a file, with its place.
fn problem(
    file: &Path,
    row: usize,
    column: usize,
    message: impl std::fmt::Display,
) -> anyhow::Error {
    anyhow::anyhow!("{}:{row}:{column}: {message}", file.display())
}

/// Reads a CSV file whose header must be one of `headers`; returns which
/// one and the rows as strings.
fn rows(file: &Path, headers: &[&[&str]]) -> anyhow::Result<(usize, Vec<Vec<String>>)> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(file)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?
        .iter()
        .map(str::to_owned)
        .collect();
    let Some(which) = headers.iter().position(|h| header == *h) else {
        let wanted: Vec<String> = headers
            .iter()
            .map(|h| format!("`{}`", h.join(",")))
            .collect();
        return Err(problem(
            file,
            1,
            1,
            format!(
                "the header must be {}, not `{}`",
                wanted.join(" or "),
                header.join(",")
            ),
        ));
    };
    let rows = reader
        .records()
        .enumerate()
        .map(|(i, record)| {
            let record = record.map_err(|e| problem(file, i + 2, 1, e))?;
            Ok(record.iter().map(str::to_owned).collect())
        })
        .collect::<anyhow::Result<Vec<Vec<String>>>>()?;
    Ok((which, rows))
}

fn organisation(conn: &mut crate::db::AnyConnection, slug: &str) -> anyhow::Result<Organisation> {
    Organisation::find_by_slug(conn, slug)?
        .ok_or_else(|| anyhow::anyhow!("there is no organisation `{slug}`"))
}

fn client(
    file: &Path,
    row: usize,
    clients: &HashMap<String, i32>,
    name: &str,
) -> anyhow::Result<i32> {
    clients
        .get(name)
        .copied()
        .ok_or_else(|| problem(file, row, 1, format!("there is no client named `{name}`")))
}

fn number(file: &Path, row: usize, column: usize, cell: &str) -> anyhow::Result<f64> {
    cell.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| problem(file, row, column, format!("`{cell}` is not a number")))
}

fn text<'a>(
    file: &Path,
    row: usize,
    column: usize,
    cell: &'a str,
    what: &str,
) -> anyhow::Result<&'a str> {
    if cell.is_empty() {
        Err(problem(file, row, column, format!("the {what} is empty")))
    } else {
        Ok(cell)
    }
}

/// `client,kpi,period,value`: clients and KPIs by name; the KPIs must be defined.
pub fn kpis(db: &Database, slug: &str, file: &Path) -> anyhow::Result<Imported> {
    let (_, rows) = rows(file, &[&["client", "kpi", "period", "value"]])?;
    db.write(|conn| -> anyhow::Result<Imported> {
        let org = organisation(conn, slug)?;
        let clients = client_ids_by_name(conn, org.id)?;
        let kpis: HashMap<String, i32> = Kpi::list_in(conn, org.id)?
            .into_iter()
            .map(|k| (k.name, k.id))
            .collect();
        for (i, cells) in rows.iter().enumerate() {
            let row = i + 2;
            let client_id = client(file, row, &clients, &cells[0])?;
            let kpi_id = *kpis.get(&cells[1]).ok_or_else(|| {
                problem(
                    file,
                    row,
                    2,
                    format!("there is no KPI named `{}`", cells[1]),
                )
            })?;
            let period = text(file, row, 3, &cells[2], "period")?;
            let value = number(file, row, 4, &cells[3])?;
            KpiValue::upsert(
                conn,
                &KpiValue {
                    kpi_id,
                    client_id,
                    period: period.to_owned(),
                    value,
                },
            )?;
        }
        Ok(Imported { rows: rows.len() })
    })
}

/// `panel,period,client,rank` (1 = best) or `panel,period,client,rating`
/// (higher = better, turned into ranks per panel): panels are created as
/// needed; each panel's ranks replace its old ones.
pub fn panels(db: &Database, slug: &str, file: &Path) -> anyhow::Result<Imported> {
    let (which, rows) = rows(
        file,
        &[
            &["panel", "period", "client", "rank"],
            &["panel", "period", "client", "rating"],
        ],
    )?;
    let ratings = which == 1;
    db.write(|conn| -> anyhow::Result<Imported> {
        let org = organisation(conn, slug)?;
        let clients = client_ids_by_name(conn, org.id)?;
        let mut panels: HashMap<(String, String), Vec<(i32, f64)>> = HashMap::new();
        for (i, cells) in rows.iter().enumerate() {
            let row = i + 2;
            let name = text(file, row, 1, &cells[0], "panel")?;
            let period = text(file, row, 2, &cells[1], "period")?;
            let client_id = clients.get(&cells[2]).copied().ok_or_else(|| {
                problem(
                    file,
                    row,
                    3,
                    format!("there is no client named `{}`", cells[2]),
                )
            })?;
            let rank = number(file, row, 4, &cells[3])?;
            if !ratings && rank < 1.0 {
                return Err(problem(file, row, 4, "a rank starts at 1 (the best)"));
            }
            let entries = panels
                .entry((name.to_owned(), period.to_owned()))
                .or_default();
            if entries.iter().any(|(c, _)| *c == client_id) {
                return Err(problem(
                    file,
                    row,
                    3,
                    format!("`{}` is ranked twice by {name} for {period}", cells[2]),
                ));
            }
            entries.push((client_id, rank));
        }
        for ((name, period), entries) in &panels {
            let panel = match Panel::find_by_name(conn, org.id, name, period)? {
                Some(p) => p,
                None => Panel::create(conn, org.id, name, period)?,
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
            Panel::set_ranks(conn, panel.id, &ranks)?;
        }
        Ok(Imported { rows: rows.len() })
    })
}
