//! Business performance data (see `app::performance`): KPI definitions and
//! values, and expert panels with their ranks.

use crate::app::performance::{self, Kpi, KpiValue, NewKpi, NewPanel, Panel, PanelEntry};
use crate::app::permissions::{require, STAFF};
use crate::app::sessions::Identity;
use crate::domain::role::Caller;
use crate::stats::Method;
use crate::web::problem::{ApiResult, Problem};
use crate::web::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

// The study's routes (`routes/study.rs`) use these two until they move onto app.
#[derive(Deserialize, IntoParams)]
pub struct PeriodQuery {
    pub period: Option<String>,
    /// spearman (default), pearson or kendall.
    pub method: Option<Method>,
}

pub(super) fn staff(auth: &Identity, action: &str) -> ApiResult<Caller> {
    require(&auth.caller, STAFF, action)?;
    Ok(auth.caller)
}

/// Defines a KPI.
#[utoipa::path(context_path = "/api/v1", tag = "performance", request_body = NewKpi,
    responses((status = 201, body = Kpi), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/kpis")]
pub async fn create_kpi(
    state: web::Data<AppState>,
    auth: Identity,
    body: web::Json<NewKpi>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let kpi = state
        .run(move |app| performance::define_kpi(app, &auth.caller, body))
        .await?;
    Ok(HttpResponse::Created().json(kpi))
}

/// The organisation's KPIs.
#[utoipa::path(context_path = "/api/v1", tag = "performance",
    responses((status = 200, body = Vec<Kpi>), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/kpis")]
pub async fn list_kpis(
    state: web::Data<AppState>,
    auth: Identity,
) -> ApiResult<web::Json<Vec<Kpi>>> {
    let kpis = state
        .run(move |app| performance::kpis(app, &auth.caller))
        .await?;
    Ok(web::Json(kpis))
}

/// Sets KPI values (creating or replacing), all or nothing: one bad row refuses them all.
#[utoipa::path(context_path = "/api/v1", tag = "performance", request_body = Vec<KpiValue>,
    responses((status = 204, description = "Stored"), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[put("/kpis/values")]
pub async fn put_values(
    state: web::Data<AppState>,
    auth: Identity,
    body: web::Json<Vec<KpiValue>>,
) -> ApiResult<HttpResponse> {
    let rows = body.into_inner();
    state
        .run(move |app| performance::set_values(app, &auth.caller, rows))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Defines an expert panel for a period.
#[utoipa::path(context_path = "/api/v1", tag = "performance", request_body = NewPanel,
    responses((status = 201, body = Panel), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/panels")]
pub async fn create_panel(
    state: web::Data<AppState>,
    auth: Identity,
    body: web::Json<NewPanel>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let panel = state
        .run(move |app| performance::define_panel(app, &auth.caller, body))
        .await?;
    Ok(HttpResponse::Created().json(panel))
}

/// The organisation's panels.
#[utoipa::path(context_path = "/api/v1", tag = "performance",
    responses((status = 200, body = Vec<Panel>), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/panels")]
pub async fn list_panels(
    state: web::Data<AppState>,
    auth: Identity,
) -> ApiResult<web::Json<Vec<Panel>>> {
    let panels = state
        .run(move |app| performance::panels(app, &auth.caller))
        .await?;
    Ok(web::Json(panels))
}

/// Replaces a panel's verdicts: every entry a rank, or every entry a rating (turned into ranks).
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(("id" = i32, Path)), request_body = Vec<PanelEntry>,
    responses((status = 204, description = "Stored"), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/panels/{id}/ranks")]
pub async fn put_ranks(
    state: web::Data<AppState>,
    auth: Identity,
    path: web::Path<i32>,
    body: web::Json<Vec<PanelEntry>>,
) -> ApiResult<HttpResponse> {
    let (id, entries) = (path.into_inner(), body.into_inner());
    state
        .run(move |app| performance::set_ranks(app, &auth.caller, id, entries))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
