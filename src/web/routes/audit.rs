//! The organisation's audit trail for its admins (see `app::audit`): every
//! recorded change, newest first, filtered and paged, or exported whole as
//! CSV or XLSX.

use crate::app::audit::{self, AuditEvent, AuditQuery};
use crate::app::documents::Format;
use crate::web::call::{Call, PageAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, web, HttpResponse};

/// A page of the organisation's recorded changes, newest first (admins).
#[utoipa::path(context_path = "/api/v1", tag = "audit", params(AuditQuery),
    responses((status = 200, body = Vec<AuditEvent>, headers(
            ("X-Total-Count" = i64, description = "Events that match, across all pages"),
            ("Link" = String, description = "The first, previous, next and last pages (RFC 8288)"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[get("/audit")]
pub async fn list(call: Call, query: web::Query<AuditQuery>) -> ApiResult<PageAnswer<AuditEvent>> {
    let query = query.into_inner();
    call.page(move |app, caller| audit::search(app, caller, &query))
        .await
}

/// The recorded changes as a file (admins): the same filters, up to 100,000 events.
#[utoipa::path(context_path = "/api/v1", tag = "audit", params(("format" = Format, Path), AuditQuery),
    responses((status = 200, description = "The audit trail as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[get("/audit.{format}")]
pub async fn export(
    call: Call,
    path: web::Path<Format>,
    query: web::Query<AuditQuery>,
) -> ApiResult<HttpResponse> {
    let (format, query) = (path.into_inner(), query.into_inner());
    call.attachment(move |app, caller| audit::export(app, caller, &query, format))
        .await
}
