//! What operators read about an instance: whether its database answers, its
//! pool and its queries.

use super::error::AppResult;
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
    })
}

/// Whether the database answers, for the readiness probe (anyone may ask).
pub fn ready(app: &App) -> bool {
    app.db.is_ready()
}
