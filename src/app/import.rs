//! Importing client lists, KPI values and panel ranks from CSV, for the API, the data
//! page and the command line alike: the header is checked, every problem is
//! collected with its row and column, and nothing is stored unless the whole
//! file is valid (one writing transaction).

use super::error::{AppError, AppResult};
use super::file_problems::{Flaw, Rejected};
use super::input::SHORT_TEXT;
use super::limits;
use super::listing::search_key;
use super::permissions::{require, STAFF};
use super::App;
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::{Client, NewClient};
use crate::db::organisations::Organisation;
use crate::db::performance::{client_ids_by_name, Kpi, KpiValue, Panel};
use crate::db::AnyConnection;
use crate::domain::performance::ranks_from_ratings;
use crate::domain::role::Caller;
use crate::domain::text;
use crate::render::table::csv_unguarded;
use std::collections::{HashMap, HashSet};

/// The kinds of CSV file cmas reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvImport {
    /// `client,kpi,period,value`
    KpiValues,
    /// `panel,period,client,rank` or `panel,period,client,rating`
    PanelRanks,
    /// `name,sector,size_band,region`: new clients, each name new to the organisation.
    Clients,
}

/// What an import stored.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Imported {
    /// Data rows of the file, all stored.
    pub rows: usize,
}

/// Refuses a caller who may not import this kind of file; the API asks
/// before it reads a body of up to [`limits::MAX_CSV`] bytes.
pub fn may_import(caller: &Caller, kind: CsvImport) -> AppResult<()> {
    match kind {
        CsvImport::Clients => require(caller, STAFF, "import clients"),
        CsvImport::KpiValues | CsvImport::PanelRanks => {
            require(caller, STAFF, "import performance data")
        }
    }
}

/// Checks and stores one CSV file into the caller's organisation (staff).
pub fn csv(app: &App, caller: &Caller, kind: CsvImport, text: &[u8]) -> AppResult<Imported> {
    may_import(caller, kind)?;
    let file = read(kind, text)?;
    app.write(|conn| {
        let imported = store(conn, caller.organisation_id.get(), &file)?;
        if kind == CsvImport::Clients {
            AuditEvent::record(
                conn,
                Change::by(caller, "client", 0, "client.import")
                    .after(serde_json::json!({ "clients": imported.rows })),
            )?;
        }
        Ok(imported)
    })
}

/// The command line's import, by whoever runs it: into the organisation
/// with the slug `organisation`.
pub fn into_organisation(
    app: &App,
    organisation: &str,
    kind: CsvImport,
    text: &[u8],
) -> AppResult<Imported> {
    let file = read(kind, text)?;
    app.write(|conn| {
        let org = Organisation::find_by_slug(conn, organisation)?.ok_or_else(|| {
            AppError::NotFound(format!("there is no organisation `{organisation}`"))
        })?;
        store(conn, org.id, &file)
    })
}

const KPI_HEADER: &[&str; 4] = &["client", "kpi", "period", "value"];
const CLIENT_HEADER: &[&str; 4] = &["name", "sector", "size_band", "region"];
const RANK_HEADERS: &[&[&str; 4]] = &[
    &["panel", "period", "client", "rank"],
    &["panel", "period", "client", "rating"],
];

/// A file's rows, read before any transaction: a long or broken file is
/// refused without holding the database (and SQLite's one writer) meanwhile.
struct CsvFile {
    kind: CsvImport,
    /// Which of the kind's headers it has.
    header: usize,
    rows: Vec<Row>,
}

fn read(kind: CsvImport, text: &[u8]) -> Result<CsvFile, Rejected> {
    let headers = match kind {
        CsvImport::KpiValues => &[KPI_HEADER][..],
        CsvImport::PanelRanks => RANK_HEADERS,
        CsvImport::Clients => &[CLIENT_HEADER][..],
    };
    let (header, rows) = rows(text, headers)?;
    Ok(CsvFile { kind, header, rows })
}

fn store(conn: &mut AnyConnection, organisation_id: i32, file: &CsvFile) -> AppResult<Imported> {
    match file.kind {
        CsvImport::KpiValues => kpi_values(conn, organisation_id, &file.rows),
        CsvImport::PanelRanks => panel_ranks(conn, organisation_id, file.header == 1, &file.rows),
        CsvImport::Clients => clients(conn, organisation_id, &file.rows),
    }
}

/// One problem at a row and column (both from 1; row 1 is the header).
fn flaw(row: usize, column: usize, message: impl Into<String>) -> Flaw {
    Flaw::at_cell(row, column, message)
}

/// The rows of a CSV text whose header must be one of `headers`: which
/// header it is and the cells as text, trimmed.
/// A data row: the four cells every import's header names.
type Row = [String; 4];

/// Refuses a file of more than [`limits::MAX_ROWS`] data rows before any
/// row is kept: records are counted in one reused buffer, so a refused
/// file costs no memory beyond its bytes.
fn refuse_if_too_long(csv_text: &[u8]) -> Result<(), Rejected> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text);
    let mut record = csv::ByteRecord::new();
    let mut count = 0;
    while let Ok(true) = reader.read_byte_record(&mut record) {
        count += 1;
        if count > limits::MAX_ROWS {
            return Err(Rejected(vec![flaw(
                count + 1,
                1,
                format!(
                    "the file has more than {} rows, the limit of one upload",
                    limits::MAX_ROWS
                ),
            )]));
        }
    }
    Ok(())
}

fn rows(csv_text: &[u8], headers: &[&[&str; 4]]) -> Result<(usize, Vec<Row>), Rejected> {
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
    refuse_if_too_long(csv_text)?;
    let mut flaws = Vec::new();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        match record {
            // The reader refuses a record whose length differs from the header's.
            Ok(record) => match Row::try_from(
                record
                    .iter()
                    .map(|cell| csv_unguarded(cell).to_owned())
                    .collect::<Vec<_>>(),
            ) {
                Ok(cells) => {
                    // Every cell is one line: a name, a period or a number.
                    let refused = cells.iter().enumerate().find_map(|(column, cell)| {
                        text::refusal(cell, true).map(|why| (column, why))
                    });
                    match refused {
                        Some((column, why)) => {
                            flaws.push(flaw(i + 2, column + 1, format!("the cell {why}")));
                        }
                        None => rows.push(cells.map(|cell| text::composed(&cell))),
                    }
                }
                Err(cells) => flaws.push(flaw(
                    i + 2,
                    1,
                    format!("this row has {} fields, not 4", cells.len()),
                )),
            },
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

/// Names as a file's cells are compared with them: composed.
fn names_composed(names: HashMap<String, i32>) -> HashMap<String, i32> {
    names
        .into_iter()
        .map(|(name, id)| (text::composed(&name), id))
        .collect()
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
fn kpi_values(conn: &mut AnyConnection, organisation_id: i32, rows: &[Row]) -> AppResult<Imported> {
    let clients = names_composed(client_ids_by_name(conn, organisation_id)?);
    let kpis: HashMap<String, i32> = Kpi::list_in(conn, organisation_id)?
        .into_iter()
        .map(|k| (text::composed(&k.name), k.id))
        .collect();
    let mut flaws = Vec::new();
    let mut values = Vec::new();
    for (i, cells) in rows.iter().enumerate() {
        let row = i + 2;
        let [client, kpi, period, value] = cells;
        let client_id = named(row, 1, &clients, client, "client", &mut flaws);
        let kpi_id = named(row, 2, &kpis, kpi, "KPI", &mut flaws);
        let period = text(row, 3, period, "period", &mut flaws);
        let value = number(row, 4, value, &mut flaws);
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
    limits::periods(values.iter().map(|v| v.period.as_str()))?;
    KpiValue::set_all(conn, organisation_id, &values)?;
    Ok(Imported { rows: rows.len() })
}

/// `panel,period,client,rank` (1 = best) or `panel,period,client,rating`
/// (higher = better, turned into ranks per panel): panels are created as
/// needed; each panel's ranks replace its old ones.
fn panel_ranks(
    conn: &mut AnyConnection,
    organisation_id: i32,
    ratings: bool,
    rows: &[Row],
) -> AppResult<Imported> {
    let clients = names_composed(client_ids_by_name(conn, organisation_id)?);
    let mut flaws = Vec::new();
    let mut panels: HashMap<(String, String), Vec<(i32, f64)>> = HashMap::new();
    // Who each panel ranked already: a set, since one panel may rank thousands.
    let mut ranked: HashSet<(&str, &str, i32)> = HashSet::new();
    for (i, cells) in rows.iter().enumerate() {
        let row = i + 2;
        let [panel, period, client, rank] = cells;
        let name = text(row, 1, panel, "panel", &mut flaws);
        let period = text(row, 2, period, "period", &mut flaws);
        let client_id = named(row, 3, &clients, client, "client", &mut flaws);
        let mut rank = number(row, 4, rank, &mut flaws);
        if !ratings && rank.is_some_and(|r| r < 1.0) {
            flaws.push(flaw(row, 4, "a rank starts at 1 (the best)"));
            rank = None;
        }
        let (Some(name), Some(period), Some(client_id), Some(rank)) =
            (name, period, client_id, rank)
        else {
            continue;
        };
        if !ranked.insert((name, period, client_id)) {
            flaws.push(flaw(
                row,
                3,
                format!("`{client}` is ranked twice by {name} for {period}"),
            ));
            continue;
        }
        panels
            .entry((name.to_owned(), period.to_owned()))
            .or_default()
            .push((client_id, rank));
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

/// `name,sector,size_band,region`: every field given and one line, each
/// name new to the organisation and once in the file (case and spacing
/// ignored, as the API compares them).
fn clients(conn: &mut AnyConnection, organisation_id: i32, rows: &[Row]) -> AppResult<Imported> {
    let existing: HashMap<String, String> = client_ids_by_name(conn, organisation_id)?
        .into_keys()
        .map(|name| (search_key(&name), name))
        .collect();
    let mut flaws = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, cells) in rows.iter().enumerate() {
        let row = i + 2;
        for (column, (cell, what)) in cells.iter().zip(CLIENT_HEADER).enumerate() {
            if text(row, column + 1, cell, what, &mut flaws).is_some()
                && cell.chars().count() > SHORT_TEXT.chars()
            {
                flaws.push(flaw(
                    row,
                    column + 1,
                    format!(
                        "the {what} is longer than {} characters",
                        SHORT_TEXT.chars()
                    ),
                ));
            }
        }
        let [name, ..] = cells;
        let key = search_key(name);
        if let Some(name) = existing.get(&key) {
            flaws.push(flaw(
                row,
                1,
                format!("a client named `{name}` exists already"),
            ));
        } else if let Some(first) = seen.get(&key) {
            flaws.push(flaw(row, 1, format!("the name is on row {first} already")));
        } else if !key.is_empty() {
            seen.insert(key, row);
        }
    }
    if !flaws.is_empty() {
        return Err(Rejected(flaws).into());
    }
    let language = Organisation::find(conn, organisation_id)?.report_language;
    for [name, sector, size_band, region] in rows {
        Client::create(
            conn,
            organisation_id,
            NewClient {
                name,
                name_key: &search_key(name),
                sector,
                size_band,
                region,
                report_language: language,
            },
        )?;
    }
    Ok(Imported { rows: rows.len() })
}
