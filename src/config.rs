//! Configuration, read once from the environment or the command line. Each
//! group is taken by the commands that use it, so `cmas X --help` lists
//! only what X reads.

use crate::db::DatabaseUrl;
use clap::{Args, Parser};

/// Where the data lives.
#[derive(Clone, Args)]
pub struct DatabaseSettings {
    /// Database: `sqlite://PATH` (or a plain path) for the embedded default, `postgres://…` for PostgreSQL.
    #[arg(
        long = "database-url",
        env = "CMAS_DATABASE_URL",
        default_value = "sqlite://data/cmas.sqlite3",
        global = true
    )]
    pub url: String,
}

impl DatabaseSettings {
    pub fn url(&self) -> DatabaseUrl {
        DatabaseUrl::parse(&self.url)
    }
}

/// What the first start creates when there are no users yet: an
/// organisation and its admin.
#[derive(Clone, Args)]
pub struct FirstStart {
    /// Email of the admin created on first start (when there are no users yet).
    #[arg(long, env = "CMAS_ADMIN_EMAIL", default_value = "admin@cmas.local")]
    pub admin_email: String,

    /// Password of that admin; without it one is generated and printed once.
    #[arg(long, env = "CMAS_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,

    /// Name of the organisation created on first start.
    #[arg(long, env = "CMAS_ORGANISATION", default_value = "My consultancy")]
    pub organisation: String,
}

/// The web service.
#[derive(Clone, Args)]
pub struct ServerSettings {
    #[command(flatten)]
    pub database: DatabaseSettings,

    #[command(flatten)]
    pub first_start: FirstStart,

    /// Address and port to serve on.
    #[arg(long, env = "CMAS_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,

    /// Database connections per instance.
    #[arg(long, env = "CMAS_DB_POOL_SIZE", default_value_t = 10)]
    pub pool_size: u32,

    /// Hours a browser session lasts.
    #[arg(long, env = "CMAS_SESSION_HOURS", default_value_t = 12)]
    pub session_hours: i64,

    /// Mark cookies Secure; set it when users reach cmas over HTTPS.
    #[arg(long, env = "CMAS_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,

    /// Take the caller's address from `Forwarded` / `X-Forwarded-For` (for
    /// login throttling); set it only behind a proxy that sets them.
    #[arg(long, env = "CMAS_TRUST_FORWARDED", default_value_t = false)]
    pub trust_forwarded: bool,

    #[command(flatten)]
    pub connections: ConnectionLimits,

    #[command(flatten)]
    pub evidence: EvidenceLimits,

    #[command(flatten)]
    pub mail: MailArgs,

    /// Accept identity providers reached over plain HTTP (a provider on the
    /// same host, or tests); otherwise their issuer must be https://.
    #[arg(long, env = "CMAS_SSO_ALLOW_HTTP", default_value_t = false)]
    pub sso_allow_http: bool,

    /// Logins that may wait per core while passwords are being checked;
    /// beyond them a login is refused at once with 503 and Retry-After.
    #[arg(long, env = "CMAS_LOGINS_WAITING", default_value_t = crate::auth::hashing_pool::WAITING_PER_THREAD)]
    pub logins_waiting: usize,

    /// Threads that check passwords (argon2, 19 MiB each while they work);
    /// by default half the cores, so that logins never take them all.
    #[arg(long, env = "CMAS_HASHING_THREADS")]
    pub hashing_threads: Option<usize>,

    /// How long, in milliseconds, an instance trusts a token or session it
    /// has checked without reading it again: the bound on how soon a
    /// revocation made at another instance stops it here (0: read every time).
    #[arg(long, env = "CMAS_CREDENTIALS_KEPT_MS", default_value_t = 2000)]
    pub credentials_kept_ms: u64,
}

/// Where e-mail goes, and the address links in it start with.
#[derive(Clone, Debug, Default, Args)]
pub struct MailArgs {
    /// The mail server, e.g. `smtp://user:pass@mail.example.com:587?tls=required`
    /// or `smtps://…:465`; without it no mail is sent and links are shown to the admin.
    #[arg(long, env = "CMAS_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of cmas's letters.
    #[arg(long, env = "CMAS_MAIL_FROM", default_value = "cmas <cmas@localhost>")]
    pub mail_from: String,

    /// The address people reach cmas at, put in front of the links in letters
    /// (the address served on when left out).
    #[arg(long, env = "CMAS_PUBLIC_URL", default_value = "")]
    pub public_url: String,
}

/// How much evidence (uploaded files) the service keeps.
#[derive(Clone, Debug, Args)]
pub struct EvidenceLimits {
    /// MiB one evidence file may have; refused while it streams in beyond that.
    #[arg(long, env = "CMAS_EVIDENCE_FILE_MIB", default_value_t = 25)]
    pub file_mib: u64,

    /// MiB of evidence files one organisation may keep in all.
    #[arg(long, env = "CMAS_EVIDENCE_ORGANISATION_MIB", default_value_t = 2048)]
    pub organisation_mib: u64,
}

impl Default for EvidenceLimits {
    fn default() -> EvidenceLimits {
        EvidenceLimits {
            file_mib: 25,
            organisation_mib: 2048,
        }
    }
}

impl EvidenceLimits {
    /// The largest file, in bytes.
    pub fn file_bytes(&self) -> u64 {
        self.file_mib.saturating_mul(1024 * 1024)
    }

    /// The most one organisation keeps, in bytes.
    pub fn organisation_bytes(&self) -> u64 {
        self.organisation_mib.saturating_mul(1024 * 1024)
    }
}

/// What one client may hold of the server: connections, and the time its
/// request body may take.
#[derive(Clone, Debug, Args)]
pub struct ConnectionLimits {
    /// Open connections per instance; kept below the process's file limit.
    #[arg(long, env = "CMAS_MAX_CONNECTIONS", default_value_t = 4096)]
    pub max_connections: usize,

    /// Seconds a request body may take to arrive, whole.
    #[arg(long, env = "CMAS_BODY_DEADLINE_SECS", default_value_t = 60)]
    pub body_deadline_secs: u64,

    /// Seconds an evidence upload may take to arrive, whole.
    #[arg(long, env = "CMAS_UPLOAD_DEADLINE_SECS", default_value_t = 900)]
    pub upload_deadline_secs: u64,

    /// Bytes a second a request body must average after its first five seconds.
    #[arg(long, env = "CMAS_BODY_MIN_RATE", default_value_t = 1024)]
    pub body_min_rate: u64,
}

/// The server's settings alone, to read them from the environment.
#[derive(Parser)]
struct FromEnvironment {
    #[command(flatten)]
    settings: ServerSettings,
}

impl ServerSettings {
    /// The settings as the environment gives them (`cmas` with no command).
    pub fn from_env() -> ServerSettings {
        FromEnvironment::parse_from(["cmas"]).settings
    }

    /// The session lifetime, kept between an hour and a year.
    pub fn session_lifetime(&self) -> chrono::Duration {
        chrono::Duration::hours(self.session_hours.clamp(1, 24 * 366))
    }
}

/// Shown in debug output without the secrets: the database URL's password and the admin password.
impl std::fmt::Debug for ServerSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerSettings")
            .field("database", &self.database)
            .field("first_start", &self.first_start)
            .field("bind", &self.bind)
            .field("pool_size", &self.pool_size)
            .field("session_hours", &self.session_hours)
            .field("secure_cookies", &self.secure_cookies)
            .field("trust_forwarded", &self.trust_forwarded)
            .field("connections", &self.connections)
            .finish()
    }
}

impl std::fmt::Debug for DatabaseSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.url().redacted())
    }
}

impl std::fmt::Debug for FirstStart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirstStart")
            .field("admin_email", &self.admin_email)
            .field(
                "admin_password",
                &self.admin_password.as_ref().map(|_| "***"),
            )
            .field("organisation", &self.organisation)
            .finish()
    }
}

/// The key secrets are sealed with (`CMAS_SECRET_KEY`, 32 bytes in base64),
/// read from the environment only, never from a flag that `ps` would show.
pub fn secret_key() -> Option<String> {
    std::env::var("CMAS_SECRET_KEY")
        .ok()
        .filter(|key| !key.trim().is_empty())
}
