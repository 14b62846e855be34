//! Storage: diesel over SQLite (the embedded default) or PostgreSQL, chosen by
//! the database URL. One module per table or group of tables, its queries as
//! methods returning `diesel::QueryResult` (an absent row is an `Option`);
//! `app` runs them inside `Database::read` or `Database::write`, one
//! transaction per use case. `text_enums` reads the domain's enums from text
//! columns; `sqlite_file` handles a database file for backups.

pub mod actions;
pub mod agreed;
pub mod assessments;
pub mod assignments;
pub mod audit;
pub mod audit_names;
pub mod brandings;
pub mod clients;
pub mod evidence;
mod group_commit;
pub mod instance_keys;
pub mod interviews;
pub mod invitations;
mod kept_prepared;
pub mod login_failures;
pub mod operators;
pub mod organisations;
pub mod outbox;
pub mod password_resets;
pub mod performance;
pub mod programmes;
pub mod questionnaires;
pub mod result_summaries;
pub mod schema;
pub mod scores;
pub mod sessions;
pub mod sqlite_file;
pub mod sso;
pub mod targets;
mod text_enums;
pub mod tokens;
pub mod two_factor;
pub mod users;

use anyhow::Context;
use diesel::connection::SimpleConnection;
use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool};
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One connection type for both backends; SQLite last, since it accepts any URL.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// The versions of the SQLite migrations this build knows, e.g. "20261123000001".
pub fn sqlite_migration_versions() -> Vec<String> {
    diesel::migration::MigrationSource::<diesel::sqlite::Sqlite>::migrations(&SQLITE_MIGRATIONS)
        .map(|all| all.iter().map(|m| m.name().version().to_string()).collect())
        .unwrap_or_default()
}

/// Where the data lives, parsed from `CMAS_DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(String),
    Postgres(String),
}

impl DatabaseUrl {
    /// Accepts `postgres://…`, `postgresql://…`, `sqlite://PATH` or a plain path.
    pub fn parse(url: &str) -> DatabaseUrl {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            DatabaseUrl::Postgres(url.to_owned())
        } else {
            let path = url.strip_prefix("sqlite://").unwrap_or(url);
            DatabaseUrl::Sqlite(path.to_owned())
        }
    }

    fn connection_string(&self) -> &str {
        match self {
            DatabaseUrl::Sqlite(path) | DatabaseUrl::Postgres(path) => path,
        }
    }

    /// The URL for logs: a PostgreSQL password is masked.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(path) => format!("sqlite://{path}"),
            DatabaseUrl::Postgres(url) => match (url.find("://"), url.rfind('@')) {
                (Some(scheme), Some(at)) if url[scheme + 3..at].contains(':') => {
                    let user_end = scheme + 3 + url[scheme + 3..at].find(':').unwrap_or(0);
                    format!("{}:***{}", &url[..user_end], &url[at..])
                }
                _ => url.clone(),
            },
        }
    }
}

/// Prepares each new connection: a counter of the queries it runs (for the
/// metrics, and for tests that hold a request to a constant number of
/// queries), and for SQLite the pragmas: WAL so readers never block the
/// writer, foreign keys enforced, a busy timeout instead of immediate
/// "database is locked" errors, checkpoints left to their own thread (see
/// `group_commit`), and a page cache of 512 KiB rather than
/// SQLite's 2 MB: each pooled connection keeps its own, ten of them were a
/// fifth of the server's memory, and the operating system caches the file
/// for all of them.
#[derive(Debug)]
struct ConnectionSetup {
    queries: Arc<AtomicU64>,
}

struct QueryCounter(Arc<AtomicU64>);

impl Instrumentation for QueryCounter {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if matches!(event, InstrumentationEvent::StartQuery { .. }) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }
}

impl CustomizeConnection<AnyConnection, diesel::r2d2::Error> for ConnectionSetup {
    fn on_acquire(&self, conn: &mut AnyConnection) -> Result<(), diesel::r2d2::Error> {
        conn.set_instrumentation(QueryCounter(self.queries.clone()));
        if let AnyConnection::Sqlite(conn) = conn {
            conn.batch_execute(
                "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                 PRAGMA foreign_keys = ON; PRAGMA cache_size = -512; PRAGMA wal_autocheckpoint = 0;",
            )
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// The connection pool and the rules for using it.
#[derive(Clone)]
pub struct Database {
    pool: Pool<ConnectionManager<AnyConnection>>,
    /// SQLite has one writer at a time; taking turns inside the process avoids
    /// the lock-upgrade failures of concurrent deferred transactions.
    sqlite_writer: Option<Arc<Mutex<()>>>,
    /// Queries run by the pool's connections since it opened.
    queries: Arc<AtomicU64>,
    /// Write transactions committed since it opened.
    commits: Arc<AtomicU64>,
    /// SQLite's writer thread, where writes queue to share a transaction
    /// (`write_together`).
    writer: Option<group_commit::Writer>,
}

/// The PostgreSQL advisory lock of setup (migrations, bootstrap): "cmas" in ASCII.
const SETUP_LOCK: i64 = 0x636d_6173;

/// Inside a transaction: waits until no other instance is setting up, and
/// holds the turn until the transaction ends. SQLite has one process: no wait.
pub fn setup_turn(conn: &mut AnyConnection) -> diesel::QueryResult<()> {
    if let AnyConnection::Postgresql(pg) = conn {
        diesel::sql_query(format!("SELECT pg_advisory_xact_lock({SETUP_LOCK})")).execute(pg)?;
    }
    Ok(())
}

impl Database {
    /// Opens (and for SQLite creates) the database, and applies pending migrations.
    pub fn connect(url: &DatabaseUrl, pool_size: u32) -> anyhow::Result<Database> {
        if let DatabaseUrl::Sqlite(path) = url {
            if let Some(dir) = std::path::Path::new(path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir).with_context(|| {
                        format!("cannot create the directory {}", dir.display())
                    })?;
                }
            }
        }
        let manager = ConnectionManager::<AnyConnection>::new(url.connection_string());
        let queries = Arc::new(AtomicU64::new(0));
        let pool = Pool::builder()
            .max_size(pool_size)
            // Open connections as load needs them, not all up front.
            .min_idle(Some(1))
            // A pooled SQLite connection is an open file: there is nothing
            // to check before lending it, and the check was a statement on
            // every request. A PostgreSQL one may have lost its server.
            .test_on_check_out(matches!(url, DatabaseUrl::Postgres(_)))
            .connection_timeout(Duration::from_secs(10))
            .connection_customizer(Box::new(ConnectionSetup {
                queries: queries.clone(),
            }))
            .build(manager)
            .with_context(|| format!("cannot open the database {}", url.redacted()))?;
        let mut db = Database {
            pool,
            sqlite_writer: matches!(url, DatabaseUrl::Sqlite(_)).then(|| Arc::new(Mutex::new(()))),
            queries,
            commits: Arc::default(),
            writer: None,
        };
        if db.sqlite_writer.is_some() {
            // The writer thread's own handle has no writer: no cycle keeps it alive.
            let writer = group_commit::Writer::start(db.clone());
            db.writer = Some(writer.context("cannot start the writer thread")?);
        }
        db.migrate()?;
        Ok(db)
    }

    /// Applies the migrations of the backend in use; returns how many ran.
    /// On PostgreSQL, instances starting together take turns (an advisory lock).
    pub fn migrate(&self) -> anyhow::Result<usize> {
        let mut conn = self.pool.get().context("no database connection")?;
        let (migrations, shared) = match &*conn {
            AnyConnection::Postgresql(_) => (POSTGRES_MIGRATIONS, true),
            AnyConnection::Sqlite(_) => (SQLITE_MIGRATIONS, false),
        };
        if shared {
            diesel::sql_query(format!("SELECT pg_advisory_lock({SETUP_LOCK})"))
                .execute(&mut *conn)?;
        }
        let applied = conn
            .run_pending_migrations(migrations)
            .map(|a| a.len())
            .map_err(|e| anyhow::anyhow!("migrations failed: {e}"));
        if shared {
            diesel::sql_query(format!("SELECT pg_advisory_unlock({SETUP_LOCK})"))
                .execute(&mut *conn)?;
        }
        applied
    }

    /// Queries run through this pool so far.
    pub fn queries_run(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    /// Write transactions committed so far (a group commit counts once).
    pub fn commits_made(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }

    fn counted_commit(&self) {
        self.commits.fetch_add(1, Ordering::Relaxed);
    }

    /// SQLite has one writer at a time: the turn to write, taken before a
    /// connection so that queued writers cannot drain the pool that readers
    /// need. PostgreSQL writers need no turn.
    fn writer_turn(&self) -> Option<std::sync::MutexGuard<'_, ()>> {
        self.sqlite_writer
            .as_ref()
            .map(|m| m.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    /// Pool size, open connections and idle ones, for the metrics.
    pub fn pool_state(&self) -> (u32, u32, u32) {
        let state = self.pool.state();
        (
            self.pool.max_size(),
            state.connections,
            state.idle_connections,
        )
    }

    /// Runs `f` in one transaction; use it for anything that writes.
    pub fn write<T, E>(&self, f: impl FnOnce(&mut AnyConnection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<diesel::result::Error> + From<diesel::r2d2::PoolError>,
    {
        let _turn = self.writer_turn();
        let mut conn = self.pool.get()?;
        let written = conn.transaction(|c| f(c));
        if written.is_ok() {
            self.counted_commit();
        }
        written
    }

    /// Runs `f` in one read-only transaction that sees one consistent state
    /// (SQLite transactions are snapshots; PostgreSQL is asked for one).
    pub fn read<T, E>(&self, f: impl FnOnce(&mut AnyConnection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<diesel::result::Error> + From<diesel::r2d2::PoolError>,
    {
        let mut conn = self.pool.get()?;
        conn.transaction(|c| {
            if let AnyConnection::Postgresql(pg) = &mut **c {
                pg.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
            }
            f(c)
        })
    }

    /// Runs `f` on a pooled connection outside any transaction: only for a
    /// read of one statement, which sees one consistent state by itself.
    /// It saves the transaction's own statements (three round trips on
    /// PostgreSQL) where that matters, on the hottest reads.
    pub fn read_one<T, E>(&self, f: impl FnOnce(&mut AnyConnection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<diesel::r2d2::PoolError>,
    {
        let mut conn = self.pool.get()?;
        f(&mut conn)
    }

    /// Runs `f`, a read of one statement, on the calling thread, if that
    /// costs no wait: on SQLite with a connection idle now, where an indexed
    /// read takes microseconds (WAL readers take no lock a writer holds).
    /// `None` on PostgreSQL, a round trip away, and when no connection is
    /// idle: the caller then reads where waiting is allowed.
    pub fn read_one_now<T, E>(
        &self,
        f: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
    ) -> Option<Result<T, E>> {
        self.sqlite_writer.as_ref()?;
        let mut conn = self.pool.try_get()?;
        Some(f(&mut conn))
    }

    /// Refreshes the query planner's statistics after a bulk load: without
    /// them PostgreSQL read a study's answers by scanning all 11.8 million.
    pub fn refresh_statistics(&self) -> anyhow::Result<()> {
        let mut conn = self.pool.get().context("no database connection")?;
        let statement = match &*conn {
            AnyConnection::Postgresql(_) => "ANALYZE",
            AnyConnection::Sqlite(_) => "PRAGMA optimize",
        };
        diesel::sql_query(statement)
            .execute(&mut *conn)
            .with_context(|| format!("{statement} failed"))?;
        Ok(())
    }

    /// Whether the database answers a trivial query.
    pub fn is_ready(&self) -> bool {
        self.pool
            .get()
            .ok()
            .and_then(|mut c| c.batch_execute("SELECT 1").ok())
            .is_some()
    }
}

/// A page of rows: how many to skip, how many to take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Rows skipped.
    pub offset: i64,
    /// Rows taken at most.
    pub limit: i64,
}

/// A `LIKE` pattern that finds `text` anywhere, with `\` escaping `%`, `_`
/// and itself (pass `'\\'` to `escape`).
pub fn contains(text: &str) -> String {
    format!("%{}%", literal(text))
}

/// A `LIKE` pattern of the texts that start with `text`, escaped as [`contains`]'s.
pub fn starts_with(text: &str) -> String {
    format!("{}%", literal(text))
}

fn literal(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern
}

/// Now, as stored: UTC without a zone, to microseconds (PostgreSQL's precision).
pub fn now() -> chrono::NaiveDateTime {
    use chrono::{DurationRound, TimeDelta};
    let now = chrono::Utc::now().naive_utc();
    now.duration_trunc(TimeDelta::microseconds(1))
        .unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_patterns_escape_wildcards() {
        assert_eq!(contains("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }

    #[test]
    fn urls_pick_the_backend() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/x.db"),
            DatabaseUrl::Sqlite("data/x.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("./x.db"),
            DatabaseUrl::Sqlite("./x.db".into())
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://u@h/db"),
            DatabaseUrl::Postgres(_)
        ));
    }

    #[test]
    fn a_postgres_password_never_reaches_the_logs() {
        let url = DatabaseUrl::parse("postgres://cmas:s3cret@db:5432/cmas");
        assert_eq!(url.redacted(), "postgres://cmas:***@db:5432/cmas");
        assert!(!url.redacted().contains("s3cret"));
    }
}
