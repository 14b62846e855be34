//! Liveness and readiness for load balancers and orchestrators.

use crate::web::state::AppState;
use actix_web::{get, web, HttpResponse};

/// The process is up.
#[utoipa::path(tag = "health", responses((status = 200, description = "Up")), security(()))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "status": "ok" }))
}

/// The database answers.
#[utoipa::path(tag = "health", responses((status = 200, description = "Ready"), (status = 503, description = "Database unreachable")), security(()))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let db = state.db.clone();
    match web::block(move || db.is_ready()).await {
        Ok(true) => HttpResponse::Ok().json(serde_json::json!({ "status": "ready" })),
        _ => HttpResponse::ServiceUnavailable()
            .json(serde_json::json!({ "status": "database unreachable" })),
    }
}
