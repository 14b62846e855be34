//! What every use case runs with: the database, and what each instance
//! keeps between requests (parsed questionnaires, portfolios, render slots).
//! The server builds one at start-up; the command line builds its own.

use super::error::AppResult;
use super::portfolio::PortfolioCache;
use super::render_slots::Renders;
use crate::config::{DatabaseSettings, EvidenceLimits};
use crate::db::{questionnaires::QuestionnaireCache, AnyConnection, Database};
use std::sync::Arc;

/// The use cases' shared context; cheap to clone into a blocking task.
#[derive(Clone)]
pub struct App {
    /// The connection pool every query of a use case goes through.
    pub db: Database,
    /// Parsed questionnaires, by id (versions never change once stored).
    pub questionnaires: QuestionnaireCache,
    /// Each organisation's portfolio for benchmarks, re-read when it changed.
    pub portfolios: Arc<PortfolioCache>,
    /// One report render per core at a time, each timed.
    pub renders: Arc<Renders>,
    /// How long a browser session lasts without logging in again.
    pub session_lifetime: chrono::Duration,
    /// The largest evidence file and the most an organisation keeps.
    pub evidence: EvidenceLimits,
}

impl App {
    /// Opens (creating and migrating) the database of `settings` with up to
    /// `pool_size` connections, for the command line, which opens no
    /// browser session.
    pub fn open(settings: &DatabaseSettings, pool_size: u32) -> anyhow::Result<App> {
        let db = Database::connect(&settings.url(), pool_size)?;
        Ok(App::new(db, chrono::Duration::hours(12)))
    }

    /// Runs `f` in one read-only transaction that sees one consistent state.
    pub fn read<T>(&self, f: impl FnOnce(&mut AnyConnection) -> AppResult<T>) -> AppResult<T> {
        self.db.read(f)
    }

    /// Runs `f` in one transaction: all of its writes or none.
    pub fn write<T>(&self, f: impl FnOnce(&mut AnyConnection) -> AppResult<T>) -> AppResult<T> {
        self.db.write(f)
    }

    /// A context over `db` with empty caches.
    pub fn new(db: Database, session_lifetime: chrono::Duration) -> App {
        App {
            db,
            questionnaires: QuestionnaireCache::default(),
            portfolios: Arc::default(),
            renders: Arc::default(),
            session_lifetime,
            evidence: EvidenceLimits::default(),
        }
    }
}
