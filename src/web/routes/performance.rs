//! Business performance data: KPI definitions and values, expert panels and
//! their ranks, and the portfolio study over them.

use crate::app::input::{required, SHORT_TEXT};
use crate::db::clients::Client;
use crate::db::performance::{Kpi, KpiValue, Panel};
use crate::db::AnyConnection;
use crate::domain::performance::{ranks_from_ratings, Direction, KpiKind};
use crate::domain::role::{Caller, Role};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::{Auth, AuthShim};
use crate::web::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

/// Most values or ranks one request may carry.
const MAX_ROWS: usize = 50_000;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewKpi {
    pub name: String,
    /// E.g. "%", "per 1,000 customers".
    pub unit: String,
    pub direction: Direction,
    pub kind: KpiKind,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPanel {
    pub name: String,
    /// E.g. "2025".
    pub period: String,
}

/// A panel's verdict on one client: a rank (1 = best) or a rating (higher = better).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PanelEntry {
    pub client_id: i32,
    pub rank: Option<f64>,
    pub rating: Option<f64>,
}

pub(super) fn staff(auth: &Auth, action: &str) -> ApiResult<Caller> {
    auth.require(&[Role::Admin, Role::Consultant], action)
}

fn too_many(n: usize) -> ApiResult<()> {
    if n > MAX_ROWS {
        return Err(ApiError::invalid(
            "too_many_rows",
            format!("at most {MAX_ROWS} rows per request; this one has {n}"),
        ));
    }
    Ok(())
}

/// The client must be the caller's, or the whole request is refused.
fn known_client(
    conn: &mut AnyConnection,
    caller: &Caller,
    client_id: i32,
    row: usize,
) -> ApiResult<()> {
    Client::find_visible(conn, caller, client_id)?
        .map(|_| ())
        .ok_or_else(|| {
            ApiError::invalid(
                "unknown_client",
                format!("row {row}: there is no client {client_id}"),
            )
        })
}

/// Defines a KPI.
#[utoipa::path(context_path = "/api/v1", tag = "performance", request_body = NewKpi,
    responses((status = 201, body = Kpi), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/kpis")]
pub async fn create_kpi(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<NewKpi>,
) -> ApiResult<HttpResponse> {
    let caller = staff(&auth, "define KPIs")?;
    let kpi = define_kpi(&state, caller, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(kpi))
}

/// Defines a KPI; the API and the data page share it.
pub async fn define_kpi(state: &AppState, caller: Caller, body: NewKpi) -> ApiResult<Kpi> {
    let name = required("name", &body.name, SHORT_TEXT)?;
    let unit = required("unit", &body.unit, SHORT_TEXT)?;
    let (direction, kind) = (body.direction, body.kind);
    state
        .write(move |conn| {
            if Kpi::list_in(conn, caller.organisation_id)?
                .iter()
                .any(|k| k.name == name)
            {
                return Err(ApiError::conflict(
                    "kpi_exists",
                    format!("a KPI named {name} exists already"),
                ));
            }
            Ok(Kpi::create(
                conn,
                caller.organisation_id,
                &name,
                &unit,
                direction,
                kind,
            )?)
        })
        .await
}

/// The organisation's KPIs.
#[utoipa::path(context_path = "/api/v1", tag = "performance",
    responses((status = 200, body = Vec<Kpi>), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/kpis")]
pub async fn list_kpis(state: web::Data<AppState>, auth: Auth) -> ApiResult<web::Json<Vec<Kpi>>> {
    let caller = staff(&auth, "read KPIs")?;
    Ok(web::Json(
        state
            .read(move |conn| Ok(Kpi::list_in(conn, caller.organisation_id)?))
            .await?,
    ))
}

/// Sets KPI values (creating or replacing), all or nothing: one bad row refuses them all.
#[utoipa::path(context_path = "/api/v1", tag = "performance", request_body = Vec<KpiValue>,
    responses((status = 204, description = "Stored"), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[put("/kpis/values")]
pub async fn put_values(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<Vec<KpiValue>>,
) -> ApiResult<HttpResponse> {
    let caller = staff(&auth, "record KPI values")?;
    let rows = body.into_inner();
    too_many(rows.len())?;
    state
        .write(move |conn| {
            let kpis: Vec<i32> = Kpi::list_in(conn, caller.organisation_id)?
                .iter()
                .map(|k| k.id)
                .collect();
            let mut values = Vec::with_capacity(rows.len());
            for (i, v) in rows.iter().enumerate() {
                if !kpis.contains(&v.kpi_id) {
                    return Err(ApiError::invalid(
                        "unknown_kpi",
                        format!("row {i}: there is no KPI {}", v.kpi_id),
                    ));
                }
                known_client(conn, &caller, v.client_id, i)?;
                let period = required(&format!("row {i}: period"), &v.period, SHORT_TEXT)?;
                if !v.value.is_finite() {
                    return Err(ApiError::invalid(
                        "not_finite",
                        format!("row {i}: the value is not a finite number"),
                    ));
                }
                values.push(KpiValue {
                    period,
                    ..v.clone()
                });
            }
            Ok(KpiValue::set_all(conn, caller.organisation_id, &values)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Defines an expert panel for a period.
#[utoipa::path(context_path = "/api/v1", tag = "performance", request_body = NewPanel,
    responses((status = 201, body = Panel), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/panels")]
pub async fn create_panel(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<NewPanel>,
) -> ApiResult<HttpResponse> {
    let caller = staff(&auth, "define panels")?;
    let name = required("name", &body.name, SHORT_TEXT)?;
    let period = required("period", &body.period, SHORT_TEXT)?;
    let panel = state
        .write(move |conn| {
            if Panel::find_by_name(conn, caller.organisation_id, &name, &period)?.is_some() {
                return Err(ApiError::conflict(
                    "panel_exists",
                    format!("panel {name} exists for {period} already"),
                ));
            }
            Ok(Panel::create(conn, caller.organisation_id, &name, &period)?)
        })
        .await?;
    Ok(HttpResponse::Created().json(panel))
}

/// The organisation's panels.
#[utoipa::path(context_path = "/api/v1", tag = "performance",
    responses((status = 200, body = Vec<Panel>), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/panels")]
pub async fn list_panels(
    state: web::Data<AppState>,
    auth: Auth,
) -> ApiResult<web::Json<Vec<Panel>>> {
    let caller = staff(&auth, "read panels")?;
    Ok(web::Json(
        state
            .read(move |conn| Ok(Panel::list_in(conn, caller.organisation_id)?))
            .await?,
    ))
}

/// Replaces a panel's verdicts: every entry a rank, or every entry a rating (turned into ranks).
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(("id" = i32, Path)), request_body = Vec<PanelEntry>,
    responses((status = 204, description = "Stored"), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/panels/{id}/ranks")]
pub async fn put_ranks(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    body: web::Json<Vec<PanelEntry>>,
) -> ApiResult<HttpResponse> {
    let caller = staff(&auth, "record panel ranks")?;
    let (id, entries) = (path.into_inner(), body.into_inner());
    too_many(entries.len())?;
    if entries.is_empty() {
        return Err(ApiError::invalid(
            "no_entries",
            "give at least one client a rank or a rating",
        ));
    }
    let ranks: Vec<f64> = match (
        entries
            .iter()
            .all(|e| e.rank.is_some() && e.rating.is_none()),
        entries
            .iter()
            .all(|e| e.rating.is_some() && e.rank.is_none()),
    ) {
        (true, _) => entries.iter().filter_map(|e| e.rank).collect(),
        (_, true) => {
            ranks_from_ratings(&entries.iter().filter_map(|e| e.rating).collect::<Vec<_>>())
        }
        _ => {
            return Err(ApiError::invalid(
                "mixed_entries",
                "give every client either a rank or a rating, the same for all",
            ))
        }
    };
    if let Some(i) = ranks.iter().position(|r| !r.is_finite() || *r < 1.0) {
        return Err(ApiError::invalid(
            "invalid_rank",
            format!("row {i}: a rank is a number from 1 (the best)"),
        ));
    }
    state
        .write(move |conn| {
            let panel = Panel::find_in(conn, caller.organisation_id, id)?
                .ok_or_else(|| ApiError::not_found("panel"))?;
            let mut pairs = Vec::with_capacity(entries.len());
            for (i, (entry, rank)) in entries.iter().zip(ranks).enumerate() {
                known_client(conn, &caller, entry.client_id, i)?;
                if pairs.iter().any(|(c, _)| *c == entry.client_id) {
                    return Err(ApiError::invalid(
                        "duplicate_client",
                        format!("row {i}: client {} appears twice", entry.client_id),
                    ));
                }
                pairs.push((entry.client_id, rank));
            }
            Ok(Panel::set_ranks(conn, &panel, &pairs)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
