//! What operators read about an instance: whether its database answers, its
//! pool and its queries.

use super::error::AppResult;
use super::kept::CacheUse;
use super::permissions::{require, ADMINS};
use super::App;
use crate::domain::role::Caller;

/// The instance's database use.
pub struct PoolUse {
    /// Connections the pool may open at most.
    pub size: u32,
    /// Connections open now.
    pub open: u32,
    /// Open connections waiting for a query.
    pub idle: u32,
    /// Queries run since the instance started.
    pub queries: u64,
    /// Write transactions committed since it started (a group commit of
    /// many saves counts once).
    pub commits: u64,
    /// How each of its caches served: results, documents, credentials.
    pub caches: [(&'static str, CacheUse); 3],
}

/// The instance's database use, for its metrics (admins).
pub fn pool_use(app: &App, caller: &Caller) -> AppResult<PoolUse> {
    require(caller, ADMINS, "read the metrics")?;
    let (size, open, idle) = app.db.pool_state();
    Ok(PoolUse {
        size,
        open,
        idle,
        queries: app.db.queries_run(),
        commits: app.db.commits_made(),
        caches: [
            ("results", app.results.usage()),
            ("documents", app.documents.usage()),
            ("credentials", app.credentials.usage()),
        ],
    })
}

/// Whether the database answers, for the readiness probe (anyone may ask).
pub fn ready(app: &App) -> bool {
    app.db.is_ready()
}
