//! CSV imports over HTTP: client lists, KPI values and panel ranks, all or nothing, every
//! problem by row and column (the rules are `app::import`'s, shared with
//! the command line and the data page).

use crate::app::import::{self, CsvImport, Imported};
use crate::app::limits::MAX_CSV;
use crate::web::body::file_body;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{post, web};

async fn import(
    call: Call,
    kind: CsvImport,
    payload: web::Payload,
) -> ApiResult<JsonAnswer<Imported>> {
    // The role before the body: a caller without it learns nothing from reading.
    import::may_import(&call.identity.caller, kind)?;
    let body = file_body(payload, MAX_CSV, "a CSV file").await?;
    call.json(move |app, caller| import::csv(app, caller, kind, &body))
        .await
}

/// Stores KPI values from CSV (`client,kpi,period,value`; clients and KPIs by
/// name), all or nothing; a refused file gets 422 with every problem by row and column.
#[utoipa::path(context_path = "/api/v1", tag = "performance",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = Imported), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "The file has problems, listed in `errors`")))]
#[post("/kpis/values.csv")]
pub async fn kpi_values(call: Call, payload: web::Payload) -> ApiResult<JsonAnswer<Imported>> {
    import(call, CsvImport::KpiValues, payload).await
}

/// Stores panel verdicts from CSV (`panel,period,client,rank` with 1 = best,
/// or `…,rating` with higher = better); each panel's ranks replace its old ones.
#[utoipa::path(context_path = "/api/v1", tag = "performance",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = Imported), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "The file has problems, listed in `errors`")))]
#[post("/panels/ranks.csv")]
pub async fn panel_ranks(call: Call, payload: web::Payload) -> ApiResult<JsonAnswer<Imported>> {
    import(call, CsvImport::PanelRanks, payload).await
}

/// Creates clients from CSV (`name,sector,size_band,region`), all or
/// nothing; a name the organisation has already, or one twice in the file
/// (case and spacing ignored), is a problem of its row.
#[utoipa::path(context_path = "/api/v1", tag = "clients",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = Imported), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "The file has problems, listed in `errors`")))]
#[post("/clients.csv")]
pub async fn clients(call: Call, payload: web::Payload) -> ApiResult<JsonAnswer<Imported>> {
    import(call, CsvImport::Clients, payload).await
}
