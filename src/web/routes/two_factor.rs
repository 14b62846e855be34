//! The caller's second factor: enrol (a QR code and one code), switch it
//! off, and an admin's reset of someone else's.

use crate::app::two_factor::{self, CodeRequest, Enrolment, RecoveryCodes, TwoFactorStatus};
use crate::domain::ids::UserId;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{delete, get, post, web, HttpResponse};

/// Whether the caller has a second factor on, whether their organisation
/// requires one, and how many recovery codes they have left.
#[utoipa::path(context_path = "/api/v1", tag = "two-factor",
    responses((status = 200, body = TwoFactorStatus), (status = 401, body = Problem)))]
#[get("/me/two-factor")]
pub async fn status(call: Call) -> ApiResult<JsonAnswer<TwoFactorStatus>> {
    call.json(two_factor::status).await
}

/// Starts enrolment: a new secret, the `otpauth://` address and its QR
/// code; nothing changes at login until a code confirms it.
#[utoipa::path(context_path = "/api/v1", tag = "two-factor",
    responses((status = 201, body = Enrolment), (status = 401, body = Problem),
        (status = 409, body = Problem, description = "A second factor is on already")))]
#[post("/me/two-factor")]
pub async fn start(call: Call) -> ApiResult<HttpResponse> {
    call.created(two_factor::start).await
}

/// Switches the second factor on with the first code from the app; the
/// answer holds the ten recovery codes, shown this once.
#[utoipa::path(context_path = "/api/v1", tag = "two-factor", request_body = CodeRequest,
    responses((status = 200, body = RecoveryCodes), (status = 401, body = Problem),
        (status = 409, body = Problem, description = "No enrolment was started, or it is on already"),
        (status = 422, body = Problem, description = "The code is wrong (`wrong_code`)")))]
#[post("/me/two-factor/confirm")]
pub async fn confirm(
    call: Call,
    body: web::Json<CodeRequest>,
) -> ApiResult<JsonAnswer<RecoveryCodes>> {
    call.json(move |app, caller| two_factor::confirm(app, caller, &body))
        .await
}

/// Switches the caller's second factor off, with a current code (or a
/// recovery code); refused where the organisation requires one.
#[utoipa::path(context_path = "/api/v1", tag = "two-factor", request_body = CodeRequest,
    responses((status = 204, description = "Switched off"), (status = 401, body = Problem),
        (status = 403, body = Problem, description = "The organisation requires it (`two_factor_required`)"),
        (status = 422, body = Problem, description = "The code is wrong (`wrong_code`)")))]
#[post("/me/two-factor/off")]
pub async fn switch_off(call: Call, body: web::Json<CodeRequest>) -> ApiResult<HttpResponse> {
    call.no_content(move |app, caller| two_factor::switch_off(app, caller, &body))
        .await
}

/// Resets a person's second factor (admins): for a lost phone and lost
/// recovery codes. Where it is required, they enrol again at next login.
#[utoipa::path(context_path = "/api/v1", tag = "two-factor",
    params(("id" = i32, Path, description = "User id")),
    responses((status = 204, description = "Reset"), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
#[delete("/users/{id}/two-factor")]
pub async fn reset(call: Call, path: web::Path<UserId>) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    call.no_content(move |app, caller| two_factor::reset(app, caller, id))
        .await
}
