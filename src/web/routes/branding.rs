//! The organisation's report branding (see `app::branding`): colours, font,
//! cover page, footer, confidentiality marking and logo. Admins only.

use crate::app::branding::{self, BrandingRequest, BrandingView};
use crate::domain::branding::MAX_LOGO_BYTES;
use crate::web::body::file_body;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{delete, get, put, web, HttpResponse};

/// The report branding as it stands (admins).
#[utoipa::path(context_path = "/api/v1", tag = "branding",
    responses((status = 200, body = BrandingView), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/settings/branding")]
pub async fn get(call: Call) -> ApiResult<JsonAnswer<BrandingView>> {
    call.json(branding::get).await
}

/// Sets the report branding but the logo (admins); a colour below 4.5:1
/// on white is refused with its ratio. Audited.
#[utoipa::path(context_path = "/api/v1", tag = "branding", request_body = BrandingRequest,
    responses((status = 200, body = BrandingView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
#[put("/settings/branding")]
pub async fn put(
    call: Call,
    body: web::Json<BrandingRequest>,
) -> ApiResult<JsonAnswer<BrandingView>> {
    let body = body.into_inner();
    call.json(move |app, caller| branding::set(app, caller, body))
        .await
}

/// The logo (admins).
#[utoipa::path(context_path = "/api/v1", tag = "branding",
    responses((status = 200, content_type = "image/png", body = String), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem, description = "No logo is set")))]
#[get("/settings/branding/logo")]
pub async fn logo(call: Call) -> ApiResult<HttpResponse> {
    call.inline(branding::logo).await
}

/// Sets the logo, the image being the body: PNG or JPEG by its bytes,
/// 512 KiB and 4000 pixels each way at most (admins). Audited.
#[utoipa::path(context_path = "/api/v1", tag = "branding",
    request_body(content = Vec<u8>, content_type = "image/png"),
    responses((status = 200, body = BrandingView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 413, body = Problem), (status = 422, body = Problem, description = "Not a PNG or JPEG, or too large")))]
#[put("/settings/branding/logo")]
pub async fn put_logo(call: Call, payload: web::Payload) -> ApiResult<JsonAnswer<BrandingView>> {
    let body = file_body(payload, MAX_LOGO_BYTES, "a logo").await?;
    call.json(move |app, caller| branding::set_logo(app, caller, &body))
        .await
}

/// Removes the logo (admins). Audited.
#[utoipa::path(context_path = "/api/v1", tag = "branding",
    responses((status = 200, body = BrandingView), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[delete("/settings/branding/logo")]
pub async fn remove_logo(call: Call) -> ApiResult<JsonAnswer<BrandingView>> {
    call.json(branding::remove_logo).await
}
