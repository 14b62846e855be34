//! Clients: the companies assessed. Executives and programme managers see
//! only the clients they are attached to.

use crate::app::access::{self, Grant, Membership};
use crate::app::client_records::Erased;
use crate::app::clients::{
    self, ClientFilter, ClientView, EraseRequest, ExportFormat, NewClientRequest,
};
use crate::app::listing::ListQuery;
use crate::app::users::UserView;
use crate::domain::ids::{ClientId, UserId};
use crate::web::call::{Call, JsonAnswer, PageAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{delete, get, post, put, web, HttpResponse};

/// One page of the clients the caller may see: `q` finds a part of the name
/// (case and spacing ignored); sorts by `name`, `sector`, `region` or
/// `created_at`.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(ListQuery, ClientFilter),
    responses((status = 200, body = Vec<ClientView>, headers(
            ("X-Total-Count" = i64, description = "Clients that match, across all pages"),
            ("Link" = String, description = "The first, previous, next and last pages (RFC 8288)"))),
        (status = 401, body = Problem), (status = 422, body = Problem)))]
#[get("/clients")]
pub async fn list(
    call: Call,
    query: web::Query<ListQuery>,
    filter: web::Query<ClientFilter>,
) -> ApiResult<PageAnswer<ClientView>> {
    let (query, filter) = (query.into_inner(), filter.into_inner());
    call.page(move |app, caller| clients::list(app, caller, &query, &filter))
        .await
}

/// One client, if the caller may see it.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path)),
    responses((status = 200, body = ClientView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/clients/{id}")]
pub async fn get(call: Call, path: web::Path<ClientId>) -> ApiResult<JsonAnswer<ClientView>> {
    call.json(move |app, caller| clients::get(app, caller, path.into_inner()))
        .await
}

/// Creates a client (admins and consultants). A name another client has
/// (case and spacing ignored) gets 409 with `existing_id`.
#[utoipa::path(context_path = "/api/v1", tag = "clients", request_body = NewClientRequest,
    responses((status = 201, body = ClientView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem, description = "Another client has the name"), (status = 422, body = Problem)))]
#[post("/clients")]
pub async fn create(call: Call, body: web::Json<NewClientRequest>) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    call.created(move |app, caller| clients::create(app, caller, body))
        .await
}

/// Replaces a client's profile (admins and consultants). A name another
/// client has (case and spacing ignored) gets 409 with `existing_id`.
#[utoipa::path(context_path = "/api/v1", tag = "clients", params(("id" = i32, Path, minimum = 1)), request_body = NewClientRequest,
    responses((status = 200, body = ClientView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "Another client has the name"),
        (status = 422, body = Problem)))]
#[put("/clients/{id}")]
pub async fn update(
    call: Call,
    path: web::Path<ClientId>,
    body: web::Json<NewClientRequest>,
) -> ApiResult<JsonAnswer<ClientView>> {
    let (id, body) = (path.into_inner(), body.into_inner());
    call.json(move |app, caller| clients::update(app, caller, id, body))
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
