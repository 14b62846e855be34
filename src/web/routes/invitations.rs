//! Invitations (see `app::invitations`): admins invite people by a one-time
//! link; the person uses it to set their own password, without logging in.

use crate::app::invitations::{self, Acceptance, Invitation, InvitationRequest};
use crate::domain::ids::UserId;
use crate::web::call::Call;
use crate::web::problem::{ApiResult, Problem};
use crate::web::state::AppState;
use actix_web::{post, web, HttpResponse};

/// Invites a person into the caller's organisation (admins): the account is
/// made without a password, and the answer holds the link (valid 72 hours,
/// once) by which they set one. Pass it on; it is not shown again.
#[utoipa::path(context_path = "/api/v1", tag = "users", request_body = InvitationRequest,
    responses((status = 201, body = Invitation), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem, description = "The email is taken"), (status = 422, body = Problem)))]
#[post("/invitations")]
pub async fn invite(call: Call, body: web::Json<InvitationRequest>) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    call.created(move |app, caller| invitations::invite(app, caller, body))
        .await
}

/// A new link for a user of the organisation (admins), to set a new
/// password; their earlier links stop working.
#[utoipa::path(context_path = "/api/v1", tag = "users", params(("id" = i32, Path, minimum = 1)),
    responses((status = 201, body = Invitation), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem)))]
#[post("/users/{id}/invitation")]
pub async fn reinvite(call: Call, path: web::Path<UserId>) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    call.created(move |app, caller| invitations::reinvite(app, caller, id))
        .await
}

/// Accepts an invitation: the token from the link and the password chosen.
/// The account opens; the person then logs in.
#[utoipa::path(context_path = "/api/v1", tag = "users", request_body = Acceptance,
    responses((status = 204, description = "The password is set; log in with it"),
        (status = 404, body = Problem, description = "The link was used, replaced or is older than 72 hours"),
        (status = 422, body = Problem, description = "The password is too weak")),
    security(()))]
#[post("/invitations/accept")]
pub async fn accept(
    state: web::Data<AppState>,
    body: web::Json<Acceptance>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    state.run(move |app| invitations::accept(app, body)).await?;
    Ok(HttpResponse::NoContent().finish())
}
