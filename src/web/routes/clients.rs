//! Clients: the companies assessed. Executives and programme managers see
//! only the clients they are attached to.

use crate::app::access::{self, Grant, Membership};
use crate::app::client_records::Erased;
use crate::app::clients::{self, ClientView, EraseRequest, ExportFormat, NewClientRequest};
use crate::app::users::UserView;
use crate::domain::ids::{ClientId, UserId};
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{delete, get, post, web, HttpResponse};

/// The clients the caller may see.
#[utoipa::path(context_path = "/api/v1", tag = "clients",
    responses((status = 200, body = Vec<ClientView>), (status = 401, body = Problem)))]
#[get("/clients")]
pub async fn list(call: Call) -> ApiResult<JsonAnswer<Vec<ClientView>>> {
    call.json(clients::list).await
}

/// One client, if the caller may see it.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path)),
    responses((status = 200, body = ClientView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/clients/{id}")]
pub async fn get(call: Call, path: web::Path<ClientId>) -> ApiResult<JsonAnswer<ClientView>> {
    call.json(move |app, caller| clients::get(app, caller, path.into_inner()))
        .await
}

/// Creates a client (admins and consultants).
#[utoipa::path(context_path = "/api/v1", tag = "clients", request_body = NewClientRequest,
    responses((status = 201, body = ClientView), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/clients")]
pub async fn create(call: Call, body: web::Json<NewClientRequest>) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    call.created(move |app, caller| clients::create(app, caller, body))
        .await
}

/// The executives and programme managers attached to a client (admins and consultants).
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path)),
    responses((status = 200, body = Vec<UserView>), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
#[get("/clients/{id}/members")]
pub async fn members(
    call: Call,
    path: web::Path<ClientId>,
) -> ApiResult<JsonAnswer<Vec<UserView>>> {
    call.json(move |app, caller| access::members(app, caller, path.into_inner()))
        .await
}

/// Attaches an executive or programme manager to a client, so they see its final results.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path)), request_body = Membership,
    responses((status = 204, description = "Attached"), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/clients/{id}/members")]
pub async fn attach(
    call: Call,
    path: web::Path<ClientId>,
    body: web::Json<Membership>,
) -> ApiResult<HttpResponse> {
    let (id, user_id) = (path.into_inner(), UserId(body.user_id));
    call.no_content(move |app, caller| access::set(app, caller, id, user_id, Grant::Attach))
        .await
}

/// Detaches an executive or programme manager from a client.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path), ("user_id" = i32, Path)),
    responses((status = 204, description = "Detached"), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
#[delete("/clients/{id}/members/{user_id}")]
pub async fn detach(call: Call, path: web::Path<(ClientId, UserId)>) -> ApiResult<HttpResponse> {
    let (id, user_id) = path.into_inner();
    call.no_content(move |app, caller| access::set(app, caller, id, user_id, Grant::Detach))
        .await
}

/// Everything cmas holds about the client (admins): its record, members,
/// assessments with every answer, performance data, programme and the audit
/// events about them; JSON, or XLSX with a sheet per section. Audited.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path), ("format" = ExportFormat, Path)),
    responses((status = 200, description = "The client's data", content((Object = "application/json"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "application/zip"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/clients/{id}/export.{format}")]
pub async fn export(
    call: Call,
    path: web::Path<(ClientId, ExportFormat)>,
) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    call.attachment(move |app, caller| clients::export(app, caller, id, format))
        .await
}

/// Erases the client with all its data (admins): assessments and answers,
/// KPI values and panel ranks, programme, memberships. Its audit events stay,
/// with their before and after values blanked; the erasure itself is audited.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path, minimum = 1)), request_body = EraseRequest,
    responses((status = 200, body = Erased), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem, description = "The confirmation is not the client's name")))]
#[delete("/clients/{id}")]
pub async fn erase(
    call: Call,
    path: web::Path<ClientId>,
    body: web::Json<EraseRequest>,
) -> ApiResult<JsonAnswer<Erased>> {
    let (id, body) = (path.into_inner(), body.into_inner());
    call.json(move |app, caller| clients::erase(app, caller, id, body))
        .await
}
