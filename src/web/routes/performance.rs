//! Business performance data (see `app::performance`): KPI definitions and
//! values, and expert panels with their ranks.

use crate::app::listing::ListQuery;
use crate::app::performance::{self, Kpi, KpiValue, NewKpi, NewPanel, Panel, PanelEntry};
use crate::web::call::{Call, PageAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, post, put, web, HttpResponse};

/// Defines a KPI.
#[utoipa::path(context_path = "/api/v1", tag = "performance", request_body = NewKpi,
    responses((status = 201, body = Kpi), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/kpis")]
pub async fn create_kpi(call: Call, body: web::Json<NewKpi>) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    call.created(move |app, caller| performance::define_kpi(app, caller, body))
        .await
}

/// A page of the organisation's KPIs: `q` finds a part of a name; sorts by `name` or `unit`.
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(ListQuery),
    responses((status = 200, body = Vec<Kpi>, headers(
            ("X-Total-Count" = i64, description = "Items that match, across all pages"),
            ("Link" = String, description = "The first, previous, next and last pages (RFC 8288)"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[get("/kpis")]
pub async fn list_kpis(call: Call, query: web::Query<ListQuery>) -> ApiResult<PageAnswer<Kpi>> {
    let query = query.into_inner();
    call.page(move |app, caller| performance::kpis(app, caller, &query))
        .await
}

/// Sets KPI values (creating or replacing), all or nothing: one bad row refuses them all.
#[utoipa::path(context_path = "/api/v1", tag = "performance", request_body = Vec<KpiValue>,
    responses((status = 204, description = "Stored"), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[put("/kpis/values")]
pub async fn put_values(call: Call, body: web::Json<Vec<KpiValue>>) -> ApiResult<HttpResponse> {
    let rows = body.into_inner();
    call.no_content(move |app, caller| performance::set_values(app, caller, rows))
        .await
}

/// Defines an expert panel for a period.
#[utoipa::path(context_path = "/api/v1", tag = "performance", request_body = NewPanel,
    responses((status = 201, body = Panel), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/panels")]
pub async fn create_panel(call: Call, body: web::Json<NewPanel>) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    call.created(move |app, caller| performance::define_panel(app, caller, body))
        .await
}

/// A page of the organisation's panels: `q` finds a part of a name; sorts by `name` or `period`.
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(ListQuery),
    responses((status = 200, body = Vec<Panel>, headers(
            ("X-Total-Count" = i64, description = "Items that match, across all pages"),
            ("Link" = String, description = "The first, previous, next and last pages (RFC 8288)"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[get("/panels")]
pub async fn list_panels(call: Call, query: web::Query<ListQuery>) -> ApiResult<PageAnswer<Panel>> {
    let query = query.into_inner();
    call.page(move |app, caller| performance::panels(app, caller, &query))
        .await
}

/// Replaces a panel's verdicts: every entry a rank, or every entry a rating (turned into ranks).
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(("id" = i32, Path, minimum = 1)), request_body = Vec<PanelEntry>,
    responses((status = 204, description = "Stored"), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/panels/{id}/ranks")]
pub async fn put_ranks(
    call: Call,
    path: web::Path<i32>,
    body: web::Json<Vec<PanelEntry>>,
) -> ApiResult<HttpResponse> {
    let (id, entries) = (path.into_inner(), body.into_inner());
    call.no_content(move |app, caller| performance::set_ranks(app, caller, id, entries))
        .await
}
