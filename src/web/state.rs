//! What every handler shares: the database and the questionnaire cache.

use super::problem::ApiResult;
use crate::db::{questionnaires::QuestionnaireCache, AnyConnection, Database};
use actix_web::web;

pub struct AppState {
    pub db: Database,
    /// The page templates, parsed once at start-up.
    pub pages: super::pages::Pages,
    pub questionnaires: QuestionnaireCache,
    /// Each organisation's portfolio for benchmarks, re-read when it changed.
    pub portfolios: std::sync::Arc<crate::app::portfolio::PortfolioCache>,
    /// How long a browser session lasts without logging in again.
    pub session_lifetime: chrono::Duration,
    /// Mark cookies `Secure` (when served over TLS, directly or by a proxy).
    pub secure_cookies: bool,
    /// Whether the caller's address comes from the proxy's headers.
    pub trust_forwarded: bool,
    /// Set once the studies have been worked out ahead (or that failed).
    pub warm: std::sync::atomic::AtomicBool,
    /// This instance's request and render counters, for `/metrics`.
    pub metrics: std::sync::Arc<super::metrics::Metrics>,
}

impl AppState {
    /// Runs a read-only transaction off the async workers.
    pub async fn read<T, F>(&self, f: F) -> ApiResult<T>
    where
        F: FnOnce(&mut AnyConnection) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.db.clone();
        web::block(move || db.read(f)).await?
    }

    /// Runs a writing transaction off the async workers: all of it or nothing.
    pub async fn write<T, F>(&self, f: F) -> ApiResult<T>
    where
        F: FnOnce(&mut AnyConnection) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.db.clone();
        web::block(move || db.write(f)).await?
    }
}
