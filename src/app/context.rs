//! What every use case runs with: the database, and what each instance
//! keeps between requests (parsed questionnaires, portfolios, render slots).
//! The server builds one at start-up; the command line builds its own.

use super::credential_cache::{Checked, CredentialCache, Kind};
use super::error::{AppError, AppResult};
use super::kept::KeptBytes;
use super::mail::MailSettings;
use super::portfolio::PortfolioCache;
use super::render_slots::Renders;
use super::soon::Soon;
use crate::auth::sealed::Sealer;
use crate::config::{DatabaseSettings, EvidenceLimits, MailArgs};
use crate::db::instance_keys;
use crate::db::{questionnaires::QuestionnaireCache, AnyConnection, Database};
use std::sync::{Arc, OnceLock};

/// The most bytes of consolidated results an instance keeps (an
/// assessment's are 20–60 KB).
const RESULTS_BYTES: u64 = 16 << 20;
/// The most bytes of rendered reports an instance keeps (a scorecard PDF
/// is about 70 KB).
const DOCUMENT_BYTES: u64 = 32 << 20;

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
    /// Consolidated results as JSON, by (assessment, version, answers version).
    pub results: Arc<KeptBytes<(i32, i32, i32)>>,
    /// Credentials checked in the last moments (see `credential_cache`).
    pub credentials: Arc<CredentialCache>,
    /// Rendered reports, by a digest of everything they show.
    pub documents: Arc<KeptBytes<[u8; 32]>>,
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

    /// Runs `f`, a read of one statement, outside any transaction (see
    /// `Database::read_one`).
    pub fn read_one<T>(&self, f: impl FnOnce(&mut AnyConnection) -> AppResult<T>) -> AppResult<T> {
        self.db.read_one(f)
    }

    /// Runs `f`, a read of one statement, on this thread if that costs no
    /// wait; `None` if it would (see `Database::read_one_now`).
    pub fn read_one_now<T>(
        &self,
        f: impl FnOnce(&mut AnyConnection) -> AppResult<T>,
    ) -> Option<AppResult<T>> {
        self.db.read_one_now(f)
    }

    /// Runs `f` in one transaction: all of its writes or none. Whatever
    /// it wrote, the credentials this instance remembers are forgotten
    /// once it is committed (see `credential_cache`).
    pub fn write<T>(&self, f: impl FnOnce(&mut AnyConnection) -> AppResult<T>) -> AppResult<T> {
        let written = self.db.write(f);
        self.credentials.forget_all();
        written
    }

    /// Runs `f` in a transaction it may share with other such writes that
    /// arrive meanwhile (a group commit, on SQLite), and answers once that
    /// is committed. Only for writes that change no credential: the
    /// credentials remembered are not forgotten. On PostgreSQL, `f` is the
    /// work left for the blocking pool, in a transaction of its own.
    pub fn write_together<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut AnyConnection) -> AppResult<T> + Send + 'static,
    ) -> Soon<T> {
        match self.db.write_together(f) {
            Ok(queued) => Soon::Queued(Box::pin(async move {
                queued.await.unwrap_or_else(|_| {
                    Err(AppError::fault(
                        "the write was dropped before its transaction",
                    ))
                })
            })),
            Err(f) => Soon::later(move |app| app.db.write(f)),
        }
    }

    /// The credential of `kind` with digest `hash` if this instance
    /// remembers it (no database).
    pub fn remembered(&self, kind: Kind, hash: &str) -> Option<Checked> {
        self.credentials.remembered(kind, hash)
    }

    /// The credential of `kind` with digest `hash`, as this instance
    /// remembers it, or else as `check` reads it (then remembered).
    pub fn recall(
        &self,
        kind: Kind,
        hash: String,
        check: impl FnOnce(&mut AnyConnection, &str) -> AppResult<Checked>,
    ) -> AppResult<Checked> {
        let epoch = match self.credentials.recall(kind, &hash) {
            Ok(checked) => return Ok(checked),
            Err(epoch) => epoch,
        };
        let checked = self.read(|conn| check(conn, &hash))?;
        self.credentials.keep(kind, hash, checked.clone(), epoch);
        Ok(checked)
    }

    /// A context over `db` with empty caches.
    pub fn new(db: Database, session_lifetime: chrono::Duration) -> App {
        App {
            db,
            questionnaires: QuestionnaireCache::default(),
            portfolios: Arc::default(),
            renders: Arc::default(),
            results: Arc::new(KeptBytes::new(RESULTS_BYTES)),
            documents: Arc::new(KeptBytes::new(DOCUMENT_BYTES)),
            credentials: Arc::new(CredentialCache::new(std::time::Duration::from_secs(2))),
            session_lifetime,
            evidence: EvidenceLimits::default(),
            mail: MailSettings::default(),
            sso_allow_http: false,
            sealer: Arc::default(),
        }
    }

    /// Remembers checked credentials for `ttl` (none when zero): the bound
    /// on a revocation made at another instance.
    pub fn with_credentials_kept(mut self, ttl: std::time::Duration) -> App {
        self.credentials = Arc::new(CredentialCache::new(ttl));
        self
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
