//! The organisation's audit trail for its admins (see `app::audit`): every
//! recorded change, newest first, filtered and paged, or exported whole as
//! CSV or XLSX.

use crate::app::audit::{self, AuditEvent, AuditQuery};
use crate::app::documents::Format;
use crate::app::sessions::Identity;
use crate::web::download::attachment;
use crate::web::problem::{ApiResult, Problem};
use crate::web::state::AppState;
use actix_web::{get, web, HttpResponse};

/// The organisation's recorded changes, newest first (admins).
#[utoipa::path(context_path = "/api/v1", tag = "audit", params(AuditQuery),
    responses((status = 200, body = Vec<AuditEvent>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[get("/audit")]
pub async fn list(
    state: web::Data<AppState>,
    auth: Identity,
    query: web::Query<AuditQuery>,
) -> ApiResult<web::Json<Vec<AuditEvent>>> {
    let query = query.into_inner();
    let events = state
        .run(move |app| audit::search(app, &auth.caller, &query))
        .await?;
    Ok(web::Json(events))
}

/// The recorded changes as a file (admins): the same filters, up to 100,000 events.
#[utoipa::path(context_path = "/api/v1", tag = "audit", params(("format" = Format, Path), AuditQuery),
    responses((status = 200, description = "The audit trail as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[get("/audit.{format}")]
pub async fn export(
    state: web::Data<AppState>,
    auth: Identity,
    path: web::Path<Format>,
    query: web::Query<AuditQuery>,
) -> ApiResult<HttpResponse> {
    let (format, query) = (path.into_inner(), query.into_inner());
    let document = state
        .run(move |app| audit::export(app, &auth.caller, &query, format))
        .await?;
    Ok(attachment(document))
}
