//! API tokens for scripts and integrations: shown once, stored hashed, revocable.

use crate::auth::{digest, new_secret};
use crate::db::audit::{AuditEvent, Change};
use crate::db::tokens::ApiToken;
use crate::domain::role::Caller;
use crate::web::input::{required, SHORT_TEXT};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use actix_web::{delete, get, post, web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// What the token is for, e.g. "nightly export".
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenView {
    pub id: i32,
    pub name: String,
    pub created_at: chrono::NaiveDateTime,
    pub last_used_at: Option<chrono::NaiveDateTime>,
    pub revoked_at: Option<chrono::NaiveDateTime>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    #[serde(flatten)]
    pub view: TokenView,
    /// The secret: shown this once, never again.
    pub token: String,
}

impl From<ApiToken> for TokenView {
    fn from(t: ApiToken) -> TokenView {
        TokenView {
            id: t.id,
            name: t.name,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        }
    }
}

/// Creates an API token for the caller; the secret is in this response only.
#[utoipa::path(context_path = "/api/v1", tag = "tokens", request_body = NewToken,
    responses((status = 201, body = CreatedToken), (status = 401, body = Problem), (status = 422, body = Problem)))]
#[post("/tokens")]
pub async fn create(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<NewToken>,
) -> ApiResult<HttpResponse> {
    let created = create_token(&state, auth.caller(), &body.name).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Creates a token for a user and returns its secret, which is stored only
/// as a hash; the API and the tokens page share it.
pub async fn create_token(state: &AppState, owner: Caller, name: &str) -> ApiResult<CreatedToken> {
    let name = required("name", name, SHORT_TEXT)?;
    let token = new_secret("cmas_");
    let hash = digest(&token);
    let stored = state
        .write(move |conn| {
            let stored = ApiToken::create(conn, owner.user_id, &name, &hash)?;
            AuditEvent::record(
                conn,
                Change::by(&owner, "token", stored.id, "token.create")
                    .after(json!({ "name": stored.name, "user_id": owner.user_id })),
            )?;
            Ok(stored)
        })
        .await?;
    Ok(CreatedToken {
        view: stored.into(),
        token,
    })
}

/// The caller's tokens, without their secrets.
#[utoipa::path(context_path = "/api/v1", tag = "tokens",
    responses((status = 200, body = Vec<TokenView>), (status = 401, body = Problem)))]
#[get("/tokens")]
pub async fn list(state: web::Data<AppState>, auth: Auth) -> ApiResult<web::Json<Vec<TokenView>>> {
    let user_id = auth.user.id;
    let tokens = state
        .read(move |conn| Ok(ApiToken::list_for_user(conn, user_id)?))
        .await?;
    Ok(web::Json(tokens.into_iter().map(TokenView::from).collect()))
}

/// Revokes a token at once: one of the caller's own or, for an admin, any
/// token of their organisation.
#[utoipa::path(context_path = "/api/v1", tag = "tokens",
    params(("id" = i32, Path, description = "Token id")),
    responses((status = 204, description = "Revoked"), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[delete("/tokens/{id}")]
pub async fn revoke(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    revoke_token(&state, auth.caller(), path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Revokes a live token the caller may revoke (see `ApiToken::revoke`); the
/// API and the tokens page share it.
pub async fn revoke_token(state: &AppState, caller: Caller, id: i32) -> ApiResult<()> {
    let revoked = state
        .write(move |conn| {
            let revoked = ApiToken::revoke(conn, &caller, id)?;
            if revoked {
                AuditEvent::record(conn, Change::by(&caller, "token", id, "token.revoke"))?;
            }
            Ok(revoked)
        })
        .await?;
    if revoked {
        Ok(())
    } else {
        Err(ApiError::not_found("live token"))
    }
}
