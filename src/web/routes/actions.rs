//! A client's agreed actions (see `app::actions`): read by whoever sees the
//! client, written by the consultancy's staff and the client's programme
//! managers; executives may mark their own people's actions done.

use crate::app::actions::{self, ActionRequest, ActionView, StatusRequest};
use crate::app::documents::Format;
use crate::domain::ids::ClientId;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, post, put, web, HttpResponse};

/// The client's actions, by due date, each flagged when overdue.
#[utoipa::path(context_path = "/api/v1", tag = "actions", params(("id" = i32, Path)),
    responses((status = 200, body = Vec<ActionView>), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/clients/{id}/actions")]
pub async fn list(call: Call, path: web::Path<ClientId>) -> ApiResult<JsonAnswer<Vec<ActionView>>> {
    call.json(move |app, caller| actions::list(app, caller, path.into_inner()))
        .await
}

/// The client's actions as CSV or XLSX.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/clients/{id}/actions.{format}")]
pub async fn export(call: Call, path: web::Path<(ClientId, Format)>) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    call.attachment(move |app, caller| actions::export(app, caller, id, format))
        .await
}

/// Adds an action to the client (staff, the client's programme managers). Audited.
#[utoipa::path(context_path = "/api/v1", tag = "actions", params(("id" = i32, Path)), request_body = ActionRequest,
    responses((status = 201, body = ActionView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/clients/{id}/actions")]
pub async fn create(
    call: Call,
    path: web::Path<ClientId>,
    body: web::Json<ActionRequest>,
) -> ApiResult<HttpResponse> {
    let (id, body) = (path.into_inner(), body.into_inner());
    call.created(move |app, caller| actions::create(app, caller, id, body))
        .await
}

/// One action.
#[utoipa::path(context_path = "/api/v1", tag = "actions", params(("id" = i32, Path)),
    responses((status = 200, body = ActionView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/actions/{id}")]
pub async fn get(call: Call, path: web::Path<i32>) -> ApiResult<JsonAnswer<ActionView>> {
    call.json(move |app, caller| actions::get(app, caller, path.into_inner()))
        .await
}

/// Replaces an action at the version read (staff, the client's programme managers). Audited.
#[utoipa::path(context_path = "/api/v1", tag = "actions", params(("id" = i32, Path)), request_body = ActionRequest,
    responses((status = 200, body = ActionView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/actions/{id}")]
pub async fn update(
    call: Call,
    path: web::Path<i32>,
    body: web::Json<ActionRequest>,
) -> ApiResult<JsonAnswer<ActionView>> {
    let (id, body) = (path.into_inner(), body.into_inner());
    call.json(move |app, caller| actions::update(app, caller, id, body))
        .await
}

/// Moves an action to another status; executives only to `done`, and only
/// for actions their own people own. Audited.
#[utoipa::path(context_path = "/api/v1", tag = "actions", params(("id" = i32, Path)), request_body = StatusRequest,
    responses((status = 200, body = ActionView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem)))]
#[put("/actions/{id}/status")]
pub async fn status(
    call: Call,
    path: web::Path<i32>,
    body: web::Json<StatusRequest>,
) -> ApiResult<JsonAnswer<ActionView>> {
    let (id, body) = (path.into_inner(), body.into_inner());
    call.json(move |app, caller| actions::set_status(app, caller, id, body))
        .await
}
