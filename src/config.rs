//! Configuration, read once from the environment (each variable is listed
//! in `cmas --help`).

use crate::db::DatabaseUrl;
use clap::Args;

#[derive(Clone, Args)]
pub struct Settings {
    /// Database: `sqlite://PATH` (or a plain path) for the embedded default, `postgres://…` for PostgreSQL.
    #[arg(
        long,
        env = "CMAS_DATABASE_URL",
        default_value = "sqlite://data/cmas.sqlite3",
        global = true
    )]
    pub database_url: String,

    /// Address and port to serve on.
    #[arg(
        long,
        env = "CMAS_BIND",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub bind: String,

    /// Log filter, e.g. `info`, `cmas=debug,actix_web=info`.
    #[arg(long, env = "CMAS_LOG", default_value = "info", global = true)]
    pub log: String,

    /// Database connections per instance.
    #[arg(long, env = "CMAS_DB_POOL_SIZE", default_value_t = 10, global = true)]
    pub pool_size: u32,

    /// Email of the admin created on first start (when there are no users yet).
    #[arg(
        long,
        env = "CMAS_ADMIN_EMAIL",
        default_value = "admin@cmas.local",
        global = true
    )]
    pub admin_email: String,

    /// Password of that admin; without it one is generated and printed once.
    #[arg(
        long,
        env = "CMAS_ADMIN_PASSWORD",
        hide_env_values = true,
        global = true
    )]
    pub admin_password: Option<String>,

    /// Name of the organisation created on first start.
    #[arg(
        long,
        env = "CMAS_ORGANISATION",
        default_value = "My consultancy",
        global = true
    )]
    pub organisation: String,

    /// Hours a browser session lasts.
    #[arg(long, env = "CMAS_SESSION_HOURS", default_value_t = 12, global = true)]
    pub session_hours: i64,

    /// Mark cookies Secure; set it when users reach cmas over HTTPS.
    #[arg(
        long,
        env = "CMAS_SECURE_COOKIES",
        default_value_t = false,
        global = true
    )]
    pub secure_cookies: bool,

    /// Take the caller's address from `Forwarded` / `X-Forwarded-For` (for
    /// login throttling); set it only behind a proxy that sets them.
    #[arg(
        long,
        env = "CMAS_TRUST_FORWARDED",
        default_value_t = false,
        global = true
    )]
    pub trust_forwarded: bool,
}

impl Settings {
    pub fn database(&self) -> DatabaseUrl {
        DatabaseUrl::parse(&self.database_url)
    }

    /// The session lifetime, kept between an hour and a year.
    pub fn session_lifetime(&self) -> chrono::Duration {
        chrono::Duration::hours(self.session_hours.clamp(1, 24 * 366))
    }
}

/// Shown in debug output without the secrets: the database URL's password and the admin password.
impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("database", &self.database().redacted())
            .field("bind", &self.bind)
            .field("log", &self.log)
            .field("pool_size", &self.pool_size)
            .field("admin_email", &self.admin_email)
            .field(
                "admin_password",
                &self.admin_password.as_ref().map(|_| "***"),
            )
            .field("organisation", &self.organisation)
            .field("session_hours", &self.session_hours)
            .field("secure_cookies", &self.secure_cookies)
            .field("trust_forwarded", &self.trust_forwarded)
            .finish()
    }
}
