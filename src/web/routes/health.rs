//! Liveness and readiness for load balancers and orchestrators.

use crate::app::operations;
use crate::web::state::AppState;
use actix_web::{get, web, HttpResponse};

/// The process is up.
#[utoipa::path(tag = "health", responses((status = 200, description = "Up")), security(()))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "status": "ok" }))
}

/// The database answers and the studies have been worked out ahead, so a
/// load balancer sends traffic only to a warm instance.
#[utoipa::path(tag = "health", responses((status = 200, description = "Ready"), (status = 503, description = "Database unreachable, or still warming up")), security(()))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    match state.run(|app| Ok(operations::ready(app))).await {
        Ok(true) if state.warm.load(std::sync::atomic::Ordering::Acquire) => {
            HttpResponse::Ok().json(serde_json::json!({ "status": "ready" }))
        }
        Ok(true) => {
            HttpResponse::ServiceUnavailable().json(serde_json::json!({ "status": "warming up" }))
        }
        _ => HttpResponse::ServiceUnavailable()
            .json(serde_json::json!({ "status": "database unreachable" })),
    }
}
