//! What every use case runs with: the database, and what each instance
//! keeps between requests (parsed questionnaires, portfolios, render slots).
//! The server builds one at start-up; the command line builds its own.

use super::error::{AppError, AppResult};
use super::mail::MailSettings;
use super::portfolio::PortfolioCache;
use super::render_slots::Renders;
use crate::auth::sealed::Sealer;
use crate::config::{DatabaseSettings, EvidenceLimits, MailArgs};
use crate::db::instance_keys;
use crate::db::{questionnaires::QuestionnaireCache, AnyConnection, Database};
use std::sync::{Arc, OnceLock};

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
    /// Whether letters are queued, and how their links start.
    pub mail: MailSettings,
    /// Whether identity providers may be reached over plain HTTP.
    pub sso_allow_http: bool,
    /// The key secrets are sealed with, once read.
    sealer: Arc<OnceLock<Sealer>>,
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
            mail: MailSettings::default(),
            sso_allow_http: false,
            sealer: Arc::default(),
        }
    }

    /// Mail as `args` configure it; links start with `fallback_url` when
    /// they give no public address.
    pub fn with_mail(mut self, args: &MailArgs, fallback_url: &str) -> App {
        let public_url = match args.public_url.trim() {
            "" => fallback_url.to_owned(),
            url => url.to_owned(),
        };
        self.mail = MailSettings {
            enabled: args.smtp_url.is_some(),
            public_url,
        };
        self
    }

    /// The key secrets are sealed with: `CMAS_SECRET_KEY`'s, or else one
    /// kept in the database (which guards nothing against a stolen
    /// database; said at start).
    pub fn sealer(&self) -> AppResult<Sealer> {
        if let Some(sealer) = self.sealer.get() {
            return Ok(sealer.clone());
        }
        let key = match crate::config::secret_key() {
            Some(key) => key,
            None => {
                tracing::warn!("CMAS_SECRET_KEY is not set: secrets are sealed with a key kept in the database");
                self.write(|conn| {
                    Ok(instance_keys::get_or_put(
                        conn,
                        "secrets",
                        &Sealer::new_key(),
                    )?)
                })?
            }
        };
        let sealer = Sealer::from_base64(&key).map_err(AppError::internal)?;
        Ok(self.sealer.get_or_init(|| sealer).clone())
    }
}
