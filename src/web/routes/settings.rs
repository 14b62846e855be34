//! The organisation's settings (see `app::settings`): how it writes numbers
//! and its currency.

use crate::app::settings::{self, Settings};
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, put, web};

/// How the caller's organisation writes numbers, and its currency.
#[utoipa::path(context_path = "/api/v1", tag = "settings",
    responses((status = 200, body = Settings), (status = 401, body = Problem)))]
#[get("/settings")]
pub async fn get(call: Call) -> ApiResult<JsonAnswer<Settings>> {
    call.json(settings::get).await
}

/// Changes how the organisation writes numbers and its currency (admins); audited.
#[utoipa::path(context_path = "/api/v1", tag = "settings", request_body = Settings,
    responses((status = 200, body = Settings), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
#[put("/settings")]
pub async fn put(call: Call, body: web::Json<Settings>) -> ApiResult<JsonAnswer<Settings>> {
    let body = body.into_inner();
    call.json(move |app, caller| settings::set(app, caller, body))
        .await
}
