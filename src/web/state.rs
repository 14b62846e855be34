//! What every handler shares: the use cases' context and what only the
//! edge needs (the page templates, cookie settings, metrics).

use super::problem::ApiResult;
use crate::app::error::AppResult;
use crate::app::App;
use actix_web::web;

pub struct AppState {
    pub app: App,
    /// The page templates, parsed once at start-up.
    pub pages: super::pages::Pages,
    /// Mark cookies `Secure` (when served over TLS, directly or by a proxy).
    pub secure_cookies: bool,
    /// Whether the caller's address comes from the proxy's headers.
    pub trust_forwarded: bool,
    /// How fast request bodies must come (`body_pace`).
    pub body_pace: super::body_pace::BodyPace,
    /// Set once the studies have been worked out ahead (or that failed).
    pub warm: std::sync::atomic::AtomicBool,
    /// This instance's request and render counters, for `/metrics`.
    pub metrics: std::sync::Arc<super::metrics::Metrics>,
}

impl AppState {
    /// Runs a use case on the blocking pool, off the async workers: its
    /// transactions and renders block.
    pub async fn run<T, F>(&self, use_case: F) -> ApiResult<T>
    where
        F: FnOnce(&App) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let app = self.app.clone();
        Ok(web::block(move || use_case(&app)).await??)
    }
}
