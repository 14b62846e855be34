//! Business performance data for the portfolio study: the KPIs staff
//! define and their values per client and period, and the expert panels
//! with their ranks. Every write is all or nothing: one bad row refuses
//! the whole request.

use super::error::{AppError, AppResult};
use super::input::{required, SHORT_TEXT};
use super::limits;
use super::listing::{ListQuery, Paged};
use super::permissions::{require, STAFF};
use super::App;
use crate::db::clients::Client;
use crate::db::AnyConnection;
use crate::domain::performance::{ranks_from_ratings, Direction, KpiKind};
use crate::domain::role::Caller;
use serde::Deserialize;
use utoipa::ToSchema;

/// KPIs, values and panels as stored are also what the API sends and takes
/// (the organisation's id is never written out).
pub use crate::db::performance::{Kpi, KpiValue, Panel};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct NewKpi {
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
    /// E.g. "%", "per 1,000 customers".
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub unit: String,
    pub direction: Direction,
    pub kind: KpiKind,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct NewPanel {
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
    /// E.g. "2025".
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub period: String,
}

/// A panel's verdict on one client: a rank (1 = best) or a rating (higher = better).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct PanelEntry {
    #[schema(minimum = 1)]
    pub client_id: i32,
    #[schema(minimum = 1)]
    pub rank: Option<f64>,
    pub rating: Option<f64>,
}

/// What the performance-data page lists: held to what a page shows (see
/// `limits::LISTED`), with the number left out; the API has them all.
pub struct Overview {
    /// The KPIs the organisation defined, the first ones.
    pub kpis: Vec<Kpi>,
    /// The latest periods with values, oldest first.
    pub periods: Vec<String>,
    /// The expert panels, each for one period, the first ones.
    pub panels: Vec<Panel>,
    /// KPIs, periods and panels left out of the lists above.
    pub left_out: (usize, usize, usize),
}

/// The client must be the caller's, or the whole request is refused.
fn known_client(
    conn: &mut AnyConnection,
    caller: &Caller,
    client_id: i32,
    row: usize,
) -> AppResult<()> {
    Client::find_visible(conn, caller, client_id)?
        .map(|_| ())
        .ok_or_else(|| {
            AppError::invalid(
                "unknown_client",
                format!("row {row}: there is no client {client_id}"),
            )
        })
}

/// Defines a KPI of the caller's organisation (staff); names are unique.
pub fn define_kpi(app: &App, caller: &Caller, body: NewKpi) -> AppResult<Kpi> {
    require(caller, STAFF, "define KPIs")?;
    let name = required("name", &body.name, SHORT_TEXT)?;
    let unit = required("unit", &body.unit, SHORT_TEXT)?;
    let organisation_id = caller.organisation_id.get();
    app.write(|conn| {
        if Kpi::list_in(conn, organisation_id)?
            .iter()
            .any(|k| k.name == name)
        {
            return Err(AppError::conflict(
                "kpi_exists",
                format!("a KPI named {name} exists already"),
            ));
        }
        Ok(Kpi::create(
            conn,
            organisation_id,
            &name,
            &unit,
            body.direction,
            body.kind,
        )?)
    })
}

/// A page of the organisation's KPIs (staff), found by name, sorted by
/// `name` or `unit`.
pub fn kpis(app: &App, caller: &Caller, query: &ListQuery) -> AppResult<Paged<Kpi>> {
    require(caller, STAFF, "read KPIs")?;
    let cut = query.cut(&[("name", 0), ("unit", 1)])?;
    let kpis = app.read(|conn| Ok(Kpi::list_in(conn, caller.organisation_id.get())?))?;
    Ok(cut.apply(
        kpis,
        |k| k.name.clone(),
        |key, a, b| match key {
            0 => a.name.cmp(&b.name),
            _ => a.unit.cmp(&b.unit).then(a.name.cmp(&b.name)),
        },
    ))
}

/// Sets KPI values (staff), each creating or replacing the value of its
/// KPI, client and period; every KPI and client must be the organisation's.
pub fn set_values(app: &App, caller: &Caller, rows: Vec<KpiValue>) -> AppResult<()> {
    require(caller, STAFF, "record KPI values")?;
    limits::rows(rows.len())?;
    limits::periods(rows.iter().map(|v| v.period.as_str()))?;
    app.write(|conn| {
        let kpis: Vec<i32> = Kpi::list_in(conn, caller.organisation_id.get())?
            .iter()
            .map(|k| k.id)
            .collect();
        let mut values = Vec::with_capacity(rows.len());
        for (i, v) in rows.into_iter().enumerate() {
            if !kpis.contains(&v.kpi_id) {
                return Err(AppError::invalid(
                    "unknown_kpi",
                    format!("row {i}: there is no KPI {}", v.kpi_id),
                ));
            }
            known_client(conn, caller, v.client_id, i)?;
            let period = required(&format!("row {i}: period"), &v.period, SHORT_TEXT)?;
            if !v.value.is_finite() {
                return Err(AppError::invalid(
                    "not_finite",
                    format!("row {i}: the value is not a finite number"),
                ));
            }
            values.push(KpiValue { period, ..v });
        }
        Ok(KpiValue::set_all(
            conn,
            caller.organisation_id.get(),
            &values,
        )?)
    })
}

/// Defines an expert panel for a period (staff); a name is unique per period.
pub fn define_panel(app: &App, caller: &Caller, body: NewPanel) -> AppResult<Panel> {
    require(caller, STAFF, "define panels")?;
    let name = required("name", &body.name, SHORT_TEXT)?;
    let period = required("period", &body.period, SHORT_TEXT)?;
    let organisation_id = caller.organisation_id.get();
    app.write(|conn| {
        if Panel::find_by_name(conn, organisation_id, &name, &period)?.is_some() {
            return Err(AppError::conflict(
                "panel_exists",
                format!("panel {name} exists for {period} already"),
            ));
        }
        Ok(Panel::create(conn, organisation_id, &name, &period)?)
    })
}

/// A page of the organisation's panels (staff), found by name, sorted by
/// `name` or `period`.
pub fn panels(app: &App, caller: &Caller, query: &ListQuery) -> AppResult<Paged<Panel>> {
    require(caller, STAFF, "read panels")?;
    let cut = query.cut(&[("name", 0), ("period", 1)])?;
    let panels = app.read(|conn| Ok(Panel::list_in(conn, caller.organisation_id.get())?))?;
    Ok(cut.apply(
        panels,
        |p| p.name.clone(),
        |key, a, b| match key {
            0 => a.name.cmp(&b.name).then(a.period.cmp(&b.period)),
            _ => a.period.cmp(&b.period).then(a.name.cmp(&b.name)),
        },
    ))
}

/// Replaces a panel's verdicts (staff): every entry a rank, or every entry a
/// rating, turned into ranks (the highest rating ranks first).
pub fn set_ranks(app: &App, caller: &Caller, id: i32, entries: Vec<PanelEntry>) -> AppResult<()> {
    require(caller, STAFF, "record panel ranks")?;
    limits::rows(entries.len())?;
    let ranks = ranks_of(&entries)?;
    app.write(|conn| {
        let panel = Panel::find_in(conn, caller.organisation_id.get(), id)?
            .ok_or_else(|| AppError::not_found("panel"))?;
        let mut pairs = Vec::with_capacity(entries.len());
        for (i, (entry, rank)) in entries.iter().zip(ranks).enumerate() {
            known_client(conn, caller, entry.client_id, i)?;
            if pairs.iter().any(|(c, _)| *c == entry.client_id) {
                return Err(AppError::invalid(
                    "duplicate_client",
                    format!("row {i}: client {} appears twice", entry.client_id),
                ));
            }
            pairs.push((entry.client_id, rank));
        }
        Ok(Panel::set_ranks(conn, &panel, &pairs)?)
    })
}

/// The entries' ranks, in order: given, or worked out from the ratings.
fn ranks_of(entries: &[PanelEntry]) -> AppResult<Vec<f64>> {
    if entries.is_empty() {
        return Err(AppError::invalid(
            "no_entries",
            "give at least one client a rank or a rating",
        ));
    }
    let ranked = entries
        .iter()
        .all(|e| e.rank.is_some() && e.rating.is_none());
    let rated = entries
        .iter()
        .all(|e| e.rating.is_some() && e.rank.is_none());
    let ranks: Vec<f64> = if ranked {
        entries.iter().filter_map(|e| e.rank).collect()
    } else if rated {
        ranks_from_ratings(&entries.iter().filter_map(|e| e.rating).collect::<Vec<_>>())
    } else {
        return Err(AppError::invalid(
            "mixed_entries",
            "give every client either a rank or a rating, the same for all",
        ));
    };
    if let Some(i) = ranks.iter().position(|r| !r.is_finite() || *r < 1.0) {
        return Err(AppError::invalid(
            "invalid_rank",
            format!("row {i}: a rank is a number from 1 (the best)"),
        ));
    }
    Ok(ranks)
}

/// The organisation's KPIs, the periods with values and the panels (staff).
pub fn overview(app: &App, caller: &Caller) -> AppResult<Overview> {
    require(caller, STAFF, "read performance data")?;
    let organisation_id = caller.organisation_id.get();
    app.read(|conn| {
        let (mut kpis, mut panels) = (
            Kpi::list_in(conn, organisation_id)?,
            Panel::list_in(conn, organisation_id)?,
        );
        let mut periods = KpiValue::periods(conn, organisation_id)?;
        let earlier = periods.len().saturating_sub(limits::LISTED_PERIODS);
        periods.drain(..earlier);
        let left_out = (
            kpis.len().saturating_sub(limits::LISTED),
            earlier,
            panels.len().saturating_sub(limits::LISTED),
        );
        kpis.truncate(limits::LISTED);
        panels.truncate(limits::LISTED);
        Ok(Overview {
            kpis,
            periods,
            panels,
            left_out,
        })
    })
}
