//! Clients: the companies assessed. Executives and programme managers see
//! only the clients they are attached to.

use super::exports::attachment;
use crate::app::client_data;
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::{Client, NewClient};
use crate::db::users::User;
use crate::domain::role::{Caller, Role};
use crate::render::table::Table;
use crate::web::input::{required, SHORT_TEXT};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use crate::web::views::{ClientView, UserView};
use actix_web::{delete, get, post, web, HttpResponse};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewClientRequest {
    pub name: String,
    /// E.g. "Retail banking", "Telecoms".
    pub sector: String,
    /// E.g. "1,000–5,000 employees".
    pub size_band: String,
    pub region: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// An executive or programme manager of the organisation.
    pub user_id: i32,
}

/// The clients the caller may see.
#[utoipa::path(context_path = "/api/v1", tag = "clients",
    responses((status = 200, body = Vec<ClientView>), (status = 401, body = Problem)))]
#[get("/clients")]
pub async fn list(state: web::Data<AppState>, auth: Auth) -> ApiResult<web::Json<Vec<ClientView>>> {
    let caller = auth.caller();
    let clients = state
        .read(move |conn| Ok(Client::list_visible(conn, &caller)?))
        .await?;
    Ok(web::Json(
        clients.into_iter().map(ClientView::from).collect(),
    ))
}

/// One client, if the caller may see it.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path)),
    responses((status = 200, body = ClientView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/clients/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<web::Json<ClientView>> {
    let (caller, id) = (auth.caller(), path.into_inner());
    let client = state
        .read(move |conn| Ok(Client::find_visible(conn, &caller, id)?))
        .await?;
    client
        .map(|c| web::Json(c.into()))
        .ok_or_else(|| ApiError::not_found("client"))
}

/// Creates a client (admins and consultants).
#[utoipa::path(context_path = "/api/v1", tag = "clients", request_body = NewClientRequest,
    responses((status = 201, body = ClientView), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/clients")]
pub async fn create(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<NewClientRequest>,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "create clients")?;
    let client = create_client(&state, caller, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(ClientView::from(client)))
}

/// Creates a client; the API and the new-client page share it.
pub async fn create_client(
    state: &AppState,
    caller: Caller,
    body: NewClientRequest,
) -> ApiResult<Client> {
    let name = required("name", &body.name, SHORT_TEXT)?;
    let sector = required("sector", &body.sector, SHORT_TEXT)?;
    let size_band = required("size_band", &body.size_band, SHORT_TEXT)?;
    let region = required("region", &body.region, SHORT_TEXT)?;
    let client = state
        .write(move |conn| {
            let new = NewClient {
                name: &name,
                sector: &sector,
                size_band: &size_band,
                region: &region,
            };
            let client = Client::create(conn, &caller, new)?;
            AuditEvent::record(
                conn,
                Change::by(&caller, "client", client.id, "client.create")
                    .after(json!({ "name": client.name, "sector": client.sector })),
            )?;
            Ok(client)
        })
        .await?;
    Ok(client)
}

/// The executives and programme managers attached to a client (admins and consultants).
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path)),
    responses((status = 200, body = Vec<UserView>), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
#[get("/clients/{id}/members")]
pub async fn members(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<web::Json<Vec<UserView>>> {
    let caller = auth.require(
        &[Role::Admin, Role::Consultant],
        "list the users attached to clients",
    )?;
    let client_id = path.into_inner();
    let users = state
        .read(move |conn| {
            Client::find_visible(conn, &caller, client_id)?
                .ok_or_else(|| ApiError::not_found("client"))?;
            Ok(Client::members(conn, caller.organisation_id, client_id)?)
        })
        .await?;
    Ok(web::Json(users.iter().map(UserView::from).collect()))
}

/// Attaches an executive or programme manager to a client, so they see its final results.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path)), request_body = Membership,
    responses((status = 204, description = "Attached"), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/clients/{id}/members")]
pub async fn attach(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    body: web::Json<Membership>,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "attach users to clients")?;
    attach_member(&state, caller, path.into_inner(), body.user_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Attaches a user to a client of the caller's organisation; staff see every
/// client already, so only executives and programme managers can be attached.
/// The API and the access page share it.
pub async fn attach_member(
    state: &AppState,
    caller: Caller,
    client_id: i32,
    user_id: i32,
) -> ApiResult<()> {
    state
        .write(move |conn| {
            Client::find_visible(conn, &caller, client_id)?
                .ok_or_else(|| ApiError::not_found("client"))?;
            let user = User::find_in(conn, &caller, user_id)?
                .ok_or_else(|| ApiError::not_found("user"))?;
            if user.role().is_staff() {
                return Err(ApiError::invalid(
                    "not_attachable",
                    format!(
                        "{} is a {} and sees every client already",
                        user.email,
                        user.role()
                    ),
                ));
            }
            Client::attach(conn, client_id, user_id)?;
            Ok(AuditEvent::record(
                conn,
                Change::by(&caller, "client", client_id, "client.member_attached")
                    .after(json!({ "user_id": user_id })),
            )?)
        })
        .await
}

/// Detaches an executive or programme manager from a client.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path), ("user_id" = i32, Path)),
    responses((status = 204, description = "Detached"), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
#[delete("/clients/{id}/members/{user_id}")]
pub async fn detach(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, i32)>,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(
        &[Role::Admin, Role::Consultant],
        "detach users from clients",
    )?;
    let (client_id, user_id) = path.into_inner();
    detach_member(&state, caller, client_id, user_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Detaches a user from a client of the caller's organisation; the API and
/// the access page share it.
pub async fn detach_member(
    state: &AppState,
    caller: Caller,
    client_id: i32,
    user_id: i32,
) -> ApiResult<()> {
    state
        .write(move |conn| {
            Client::find_visible(conn, &caller, client_id)?
                .ok_or_else(|| ApiError::not_found("client"))?;
            if Client::detach(conn, client_id, user_id)? {
                Ok(AuditEvent::record(
                    conn,
                    Change::by(&caller, "client", client_id, "client.member_detached")
                        .before(json!({ "user_id": user_id })),
                )?)
            } else {
                Err(ApiError::not_found("membership"))
            }
        })
        .await
}

/// What an export is written as.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Json,
    Xlsx,
}

/// Everything cmas holds about the client (admins): its record, members,
/// assessments with every answer, performance data, programme and the audit
/// events about them; JSON, or XLSX with a sheet per section. Audited.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path), ("format" = ExportFormat, Path)),
    responses((status = 200, description = "The client's data", content((Object = "application/json"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/clients/{id}/export.{format}")]
pub async fn export(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, ExportFormat)>,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(&[Role::Admin], "export a client's data")?;
    let (id, format) = path.into_inner();
    let sections = state
        .write(move |conn| {
            let sections = client_data::export(conn, &caller, id)?
                .ok_or_else(|| ApiError::not_found("client"))?;
            AuditEvent::record(conn, Change::by(&caller, "client", id, "client.export"))?;
            Ok(sections)
        })
        .await?;
    let stem = format!("client-{id}");
    Ok(match format {
        ExportFormat::Json => {
            let document: serde_json::Map<String, serde_json::Value> = sections
                .into_iter()
                .map(|(name, records)| (name.to_owned(), serde_json::Value::Array(records)))
                .collect();
            let bytes = serde_json::to_vec_pretty(&document)
                .map_err(|e| ApiError::Internal(format!("cannot write JSON: {e}")))?;
            attachment(bytes, "application/json", &format!("{stem}.json"))
        }
        ExportFormat::Xlsx => {
            let tables: Vec<(&str, Table)> = sections
                .iter()
                .map(|(name, records)| (*name, Table::from_records(records)))
                .collect();
            let sheets: Vec<(&str, &Table)> = tables.iter().map(|(n, t)| (*n, t)).collect();
            let bytes = crate::render::table::workbook(&sheets)
                .map_err(|e| ApiError::Internal(format!("cannot write XLSX: {e}")))?;
            attachment(
                bytes,
                crate::app::workbook::CONTENT_TYPE,
                &format!("{stem}.xlsx"),
            )
        }
    })
}

/// Confirms an erasure: the client's name, exactly as stored.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EraseRequest {
    pub confirm: String,
}

/// Erases the client with all its data (admins): assessments and answers,
/// KPI values and panel ranks, programme, memberships. Its audit events stay,
/// with their before and after values blanked; the erasure itself is audited.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path)), request_body = EraseRequest,
    responses((status = 200, body = client_data::Erased), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem, description = "The confirmation is not the client's name")))]
#[delete("/clients/{id}")]
pub async fn erase(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    body: web::Json<EraseRequest>,
) -> ApiResult<web::Json<client_data::Erased>> {
    let caller = auth.require(&[Role::Admin], "erase a client")?;
    let id = path.into_inner();
    let confirm = body.into_inner().confirm;
    let erased = state
        .write(move |conn| {
            let client = Client::find_visible(conn, &caller, id)?
                .ok_or_else(|| ApiError::not_found("client"))?;
            if client.name != confirm {
                return Err(ApiError::invalid(
                    "confirmation_mismatch",
                    "send the client's name, exactly as stored, in `confirm` to erase it",
                ));
            }
            let erased = client_data::erase(conn, &caller, id)?
                .ok_or_else(|| ApiError::not_found("client"))?;
            AuditEvent::record(
                conn,
                Change::by(&caller, "client", id, "client.erase").after(json!({
                    "assessments": erased.assessments,
                    "projects": erased.projects,
                    "audit_events_blanked": erased.audit_events_blanked,
                })),
            )?;
            Ok(erased)
        })
        .await?;
    Ok(web::Json(erased))
}
