//! Forgotten passwords: a one-time link by e-mail, then the new password.

use crate::app::password_reset::{self, NewPassword, ResetRequest};
use crate::web::problem::{ApiResult, Problem};
use crate::web::state::AppState;
use actix_web::{post, web, HttpResponse};

/// Sends a link that sets a new password (good for an hour) to the
/// address, if an account has it; the answer is the same either way.
#[utoipa::path(context_path = "/api/v1", tag = "auth", request_body = ResetRequest,
    responses((status = 202, description = "A link is on its way if an account has the address"),
        (status = 409, body = Problem, description = "This deployment sends no e-mail (`mail_not_configured`)"),
        (status = 400, body = Problem)),
    security(()))]
#[post("/auth/password-reset")]
pub async fn request(
    state: web::Data<AppState>,
    body: web::Json<ResetRequest>,
) -> ApiResult<HttpResponse> {
    state
        .run(move |app| password_reset::request(app, &body))
        .await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Sets the new password with the link's token; every session of the
/// account ends and its API tokens are revoked.
#[utoipa::path(context_path = "/api/v1", tag = "auth", request_body = NewPassword,
    responses((status = 204, description = "The password is set; log in with it"),
        (status = 404, body = Problem, description = "The link was used, replaced or is older than an hour"),
        (status = 422, body = Problem, description = "The password is too weak"),
        (status = 400, body = Problem)),
    security(()))]
#[post("/auth/password-reset/confirm")]
pub async fn confirm(
    state: web::Data<AppState>,
    body: web::Json<NewPassword>,
) -> ApiResult<HttpResponse> {
    state
        .run(move |app| password_reset::confirm(app, &body))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
