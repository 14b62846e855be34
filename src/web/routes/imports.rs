//! CSV imports over HTTP: KPI values and panel ranks, all or nothing, every
//! problem by row and column (the rules are `app::import`'s, shared with
//! the command line and the data page).

use crate::app::import::{self, ImportError, Imported};
use crate::domain::role::{Caller, Role};
use crate::web::body::file_body;
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::{Auth, AuthShim};
use crate::web::state::AppState;
use actix_web::{post, web};

/// The kinds of CSV file cmas reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvImport {
    /// `client,kpi,period,value`
    KpiValues,
    /// `panel,period,client,rank` or `panel,period,client,rating`
    PanelRanks,
}

/// Checks and stores one CSV file in one transaction.
pub async fn import_csv(
    state: &AppState,
    caller: Caller,
    kind: CsvImport,
    text: web::Bytes,
) -> ApiResult<Imported> {
    state
        .write(move |conn| {
            let run = match kind {
                CsvImport::KpiValues => import::kpi_values,
                CsvImport::PanelRanks => import::panel_ranks,
            };
            run(conn, caller.organisation_id, &text).map_err(|e| match e {
                ImportError::Rejected(rejected) => ApiError::from(rejected),
                ImportError::Database(e) => e.into(),
            })
        })
        .await
}

/// The largest CSV file read: some 100,000 rows.
pub const MAX_CSV: usize = 8 * 1024 * 1024;

async fn import(
    state: web::Data<AppState>,
    auth: Auth,
    kind: CsvImport,
    payload: web::Payload,
) -> ApiResult<web::Json<Imported>> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "import performance data")?;
    let body = file_body(payload, MAX_CSV, "a CSV file").await?;
    Ok(web::Json(import_csv(&state, caller, kind, body).await?))
}

/// Stores KPI values from CSV (`client,kpi,period,value`; clients and KPIs by
/// name), all or nothing; a refused file gets 422 with every problem by row and column.
#[utoipa::path(context_path = "/api/v1", tag = "performance",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = Imported), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "The file has problems, listed in `errors`")))]
#[post("/kpis/values.csv")]
pub async fn kpi_values(
    state: web::Data<AppState>,
    auth: Auth,
    payload: web::Payload,
) -> ApiResult<web::Json<Imported>> {
    import(state, auth, CsvImport::KpiValues, payload).await
}

/// Stores panel verdicts from CSV (`panel,period,client,rank` with 1 = best,
/// or `…,rating` with higher = better); each panel's ranks replace its old ones.
#[utoipa::path(context_path = "/api/v1", tag = "performance",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = Imported), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "The file has problems, listed in `errors`")))]
#[post("/panels/ranks.csv")]
pub async fn panel_ranks(
    state: web::Data<AppState>,
    auth: Auth,
    payload: web::Payload,
) -> ApiResult<web::Json<Imported>> {
    import(state, auth, CsvImport::PanelRanks, payload).await
}
