//! The caller's browser sessions: where each is used from, and ending one.

use crate::app::session_list::{self, SessionView};
use crate::app::sessions::Credential;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{delete, get, web, HttpResponse};

/// The caller's live browser sessions, newest first, with the device and
/// address each is used from; `current` marks the one asking.
#[utoipa::path(context_path = "/api/v1", tag = "sessions",
    responses((status = 200, body = Vec<SessionView>), (status = 401, body = Problem)))]
#[get("/sessions")]
pub async fn list(call: Call) -> ApiResult<JsonAnswer<Vec<SessionView>>> {
    let current = match &call.identity.credential {
        Credential::Session { token_hash, .. } => Some(token_hash.clone()),
        Credential::Token { .. } => None,
    };
    call.json(move |app, caller| session_list::mine(app, caller, current.as_deref()))
        .await
}

/// Ends one of the caller's sessions at once (its browser must log in again).
#[utoipa::path(context_path = "/api/v1", tag = "sessions",
    params(("id" = i32, Path, description = "Session id")),
    responses((status = 204, description = "Ended"), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[delete("/sessions/{id}")]
pub async fn end(call: Call, path: web::Path<i32>) -> ApiResult<HttpResponse> {
    call.no_content(move |app, caller| session_list::end(app, caller, path.into_inner()))
        .await
}
