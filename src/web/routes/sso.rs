//! The organisation's single sign-on settings (see `app::sso`): its OpenID
//! provider, the client secret write-only.

use crate::app::error::AppError;
use crate::app::sso::{self, SsoInput, SsoView};
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{delete, get, put, web, HttpResponse};

/// The organisation's identity provider (admins); 404 when it has none.
#[utoipa::path(context_path = "/api/v1", tag = "sso",
    responses((status = 200, body = SsoView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
#[get("/settings/sso")]
pub async fn get(call: Call) -> ApiResult<JsonAnswer<SsoView>> {
    call.json(|app, caller| {
        sso::get(app, caller)?.ok_or_else(|| AppError::not_found("single sign-on"))
    })
    .await
}

/// Sets the organisation's identity provider (admins); audited, the secret
/// never returned. `required` turns passwords off for all but admins with a
/// second factor, and needs the caller to have one.
#[utoipa::path(context_path = "/api/v1", tag = "sso", request_body = SsoInput,
    responses((status = 200, body = SsoView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/settings/sso")]
pub async fn put(call: Call, body: web::Json<SsoInput>) -> ApiResult<JsonAnswer<SsoView>> {
    let body = body.into_inner();
    call.json(move |app, caller| sso::set(app, caller, body))
        .await
}

/// Removes the organisation's identity provider (admins): passwords work again.
#[utoipa::path(context_path = "/api/v1", tag = "sso",
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
#[delete("/settings/sso")]
pub async fn remove(call: Call) -> ApiResult<HttpResponse> {
    call.no_content(sso::remove).await
}
