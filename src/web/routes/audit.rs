//! The organisation's audit trail for its admins: every recorded change,
//! newest first, filtered and paged, or exported whole as CSV or XLSX.

use super::exports::{download, Format};
use crate::db::audit::{AuditEvent, AuditFilter};
use crate::db::users::User;
use crate::domain::role::Role;
use crate::render::table::{Cell, Table};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::{Auth, AuthShim};
use crate::web::state::AppState;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;

/// Most events one page lists.
const PAGE: i64 = 1000;
/// Most events one export holds.
const EXPORT: i64 = 100_000;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// `assessment`, `programme`, `project`, `client`, `user`, `token`.
    pub entity: Option<String>,
    pub entity_id: Option<i32>,
    pub actor_id: Option<i32>,
    /// First day included (YYYY-MM-DD).
    pub since: Option<chrono::NaiveDate>,
    /// Last day included (YYYY-MM-DD).
    pub until: Option<chrono::NaiveDate>,
    /// Only events older than this event id (the next page).
    pub before: Option<i32>,
    /// At most this many events (default 200, at most 1000).
    pub limit: Option<i64>,
}

impl AuditQuery {
    fn filter(&self) -> ApiResult<AuditFilter> {
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if since > until {
                return Err(ApiError::invalid("bad_range", "`since` is after `until`"));
            }
        }
        Ok(AuditFilter {
            entity: self.entity.clone(),
            entity_id: self.entity_id,
            actor_id: self.actor_id,
            since: self.since.and_then(|d| d.and_hms_opt(0, 0, 0)),
            until: self
                .until
                .and_then(|d| d.succ_opt())
                .and_then(|d| d.and_hms_opt(0, 0, 0)),
            before: self.before,
        })
    }
}

fn admin(auth: &Auth) -> ApiResult<i32> {
    Ok(auth
        .require(&[Role::Admin], "read the audit trail")?
        .organisation_id)
}

/// The organisation's recorded changes, newest first (admins).
#[utoipa::path(context_path = "/api/v1", tag = "audit", params(AuditQuery),
    responses((status = 200, body = Vec<AuditEvent>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[get("/audit")]
pub async fn list(
    state: web::Data<AppState>,
    auth: Auth,
    query: web::Query<AuditQuery>,
) -> ApiResult<web::Json<Vec<AuditEvent>>> {
    let organisation_id = admin(&auth)?;
    let filter = query.filter()?;
    let limit = query.limit.unwrap_or(200);
    if !(1..=PAGE).contains(&limit) {
        return Err(ApiError::invalid(
            "limit_out_of_range",
            format!("`limit` is from 1 to {PAGE}"),
        ));
    }
    let events = state
        .read(move |conn| Ok(AuditEvent::search(conn, organisation_id, &filter, limit)?))
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
    auth: Auth,
    path: web::Path<Format>,
    query: web::Query<AuditQuery>,
) -> ApiResult<HttpResponse> {
    let organisation_id = admin(&auth)?;
    let filter = query.filter()?;
    let caller = auth.caller();
    let (events, users) = state
        .read(move |conn| {
            Ok((
                AuditEvent::search(conn, organisation_id, &filter, EXPORT)?,
                User::list_in(conn, &caller)?,
            ))
        })
        .await?;
    let emails: HashMap<i32, String> = users.into_iter().map(|u| (u.id, u.email)).collect();
    let mut table = Table::new(&[
        "id",
        "occurred_at",
        "actor",
        "entity",
        "entity_id",
        "action",
        "before",
        "after",
    ]);
    for e in events {
        table.push(vec![
            Cell::Number(f64::from(e.id)),
            Cell::Text(e.occurred_at.format("%Y-%m-%d %H:%M:%S").to_string()),
            e.actor_id
                .and_then(|id| emails.get(&id).cloned())
                .map_or(Cell::Empty, Cell::Text),
            Cell::Text(e.entity),
            Cell::Number(f64::from(e.entity_id)),
            Cell::Text(e.action),
            e.before_value.map_or(Cell::Empty, Cell::Text),
            e.after_value.map_or(Cell::Empty, Cell::Text),
        ]);
    }
    download(&table, path.into_inner(), "audit")
}
