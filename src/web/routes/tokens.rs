//! API tokens for scripts and integrations: shown once, stored hashed, revocable.

use crate::app::listing::ListQuery;
use crate::app::tokens::{self, CreatedToken, NewToken, TokenView};
use crate::web::call::{Call, PageAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{delete, get, post, web, HttpResponse};

/// Creates an API token for the caller; the secret is in this response only.
#[utoipa::path(context_path = "/api/v1", tag = "tokens", request_body = NewToken,
    responses((status = 201, body = CreatedToken), (status = 401, body = Problem), (status = 422, body = Problem)))]
#[post("/tokens")]
pub async fn create(call: Call, body: web::Json<NewToken>) -> ApiResult<HttpResponse> {
    call.created(move |app, caller| tokens::create(app, caller, &body))
        .await
}

/// A page of the caller's tokens, without their secrets: newest first
/// unless `sort` says otherwise (`name`, `created_at`, `last_used_at`).
#[utoipa::path(context_path = "/api/v1", tag = "tokens", params(ListQuery),
    responses((status = 200, body = Vec<TokenView>, headers(
            ("X-Total-Count" = i64, description = "Items that match, across all pages"),
            ("Link" = String, description = "The first, previous, next and last pages (RFC 8288)"))),
        (status = 401, body = Problem), (status = 422, body = Problem)))]
#[get("/tokens")]
pub async fn list(call: Call, query: web::Query<ListQuery>) -> ApiResult<PageAnswer<TokenView>> {
    let query = query.into_inner();
    call.page(move |app, caller| tokens::mine(app, caller, &query))
        .await
}

/// Revokes a token at once: one of the caller's own or, for an admin, any
/// token of their organisation.
#[utoipa::path(context_path = "/api/v1", tag = "tokens",
    params(("id" = i32, Path, description = "Token id")),
    responses((status = 204, description = "Revoked"), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[delete("/tokens/{id}")]
pub async fn revoke(call: Call, path: web::Path<i32>) -> ApiResult<HttpResponse> {
    call.no_content(move |app, caller| tokens::revoke(app, caller, path.into_inner()))
        .await
}
