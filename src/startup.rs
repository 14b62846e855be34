//! Building the server: the application binds its own listener, so tests can
//! ask for port 0 and read back the real port.

use crate::app::bootstrap;
use crate::config::ServerSettings;
use crate::db::Database;
use crate::web::{self, state::AppState};
use actix_web::{dev::Server, middleware, App, HttpServer};
use std::net::TcpListener;

pub struct Application {
    address: std::net::SocketAddr,
    app: crate::app::App,
    server: Server,
}

impl Application {
    /// Connects, migrates, bootstraps the first admin and the bundled
    /// questionnaires, and binds the listener. `serve` starts answering.
    pub fn build(settings: &ServerSettings) -> anyhow::Result<Application> {
        let db = Database::connect(&settings.database.url(), settings.pool_size)?;
        bootstrap::run(&db, &settings.first_start)?;
        let listener = TcpListener::bind(&settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.bind))?;
        Self::with_listener(db, settings, listener)
    }

    pub fn with_listener(
        db: Database,
        settings: &ServerSettings,
        listener: TcpListener,
    ) -> anyhow::Result<Application> {
        let address = listener.local_addr()?;
        let metrics = std::sync::Arc::new(crate::web::metrics::Metrics::default());
        let mut context = crate::app::App::new(db, settings.session_lifetime())
            .with_mail(&settings.mail, &format!("http://{address}"))
            .with_credentials_kept(std::time::Duration::from_millis(
                settings.credentials_kept_ms,
            ));
        context.evidence = settings.evidence.clone();
        context.sso_allow_http = settings.sso_allow_http;
        crate::auth::hashing_pool::configure(settings.hashing_threads, settings.logins_waiting);
        // A key that cannot be read stops the start, not a later login.
        context.sealer()?;
        if let Some(smtp) = &settings.mail.smtp_url {
            crate::app::mail::start_worker(context.clone(), smtp, &settings.mail.mail_from)?;
        }
        context.renders.watch(metrics.clone());
        let state = actix_web::web::Data::new(AppState {
            app: context,
            pages: crate::web::pages::Pages::new()?,
            secure_cookies: settings.secure_cookies,
            trust_forwarded: settings.trust_forwarded,
            body_pace: crate::web::body_pace::BodyPace {
                deadline: std::time::Duration::from_secs(settings.connections.body_deadline_secs),
                upload_deadline: std::time::Duration::from_secs(
                    settings.connections.upload_deadline_secs,
                ),
                min_rate: settings.connections.body_min_rate,
            },
            metrics,
            warm: Default::default(),
        });
        let app = state.app.clone();
        let ahead = state.clone();
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        let connections = connection_cap(settings);
        std::thread::Builder::new()
            .name("warm-up".into())
            .spawn(move || {
                if let Err(e) = crate::app::study::warm_up(&ahead.app) {
                    let error = crate::app::error::chain(&e);
                    tracing::warn!(error = %error, "working out the studies ahead failed");
                }
                ahead.warm.store(true, std::sync::atomic::Ordering::Release);
            })?;
        let server = HttpServer::new(move || {
            App::new()
                // No page of cmas may be framed by another site (clickjacking a
                // Finalise button), run inline script or style, be sniffed into
                // another type, or leak its URL. Report documents set their own
                // policy, which these defaults then leave alone.
                .wrap(
                    middleware::DefaultHeaders::new()
                        .add(("X-Frame-Options", "DENY"))
                        .add(("Content-Security-Policy", web::content_policy::PAGE_POLICY))
                        .add(("X-Content-Type-Options", "nosniff"))
                        .add(("Referrer-Policy", "same-origin")),
                )
                .wrap(middleware::Compress::default())
                .wrap(middleware::ErrorHandlers::new().default_handler(web::pages::friendly_errors))
                // Outside the error pages, so they speak the request's language too.
                .wrap(middleware::from_fn(web::language::choose))
                .wrap(middleware::from_fn(web::body_pace::pace))
                // Outermost: the request id and timing cover everything above.
                .wrap(middleware::from_fn(web::metrics::observe))
                .app_data(state.clone())
                .configure(web::configure)
        })
        // Blocking work is a transaction (bounded by the pool) or a render
        // (bounded by the cores): more threads than that only queue, and each
        // keeps its own allocator memory.
        .worker_max_blocking_threads(settings.pool_size as usize + 4)
        .workers(workers)
        .max_connections(connections.div_ceil(workers))
        .listen(listener)?
        .run();
        Ok(Application {
            address,
            app,
            server,
        })
    }

    /// The use cases' context the server runs with.
    pub fn app(&self) -> &crate::app::App {
        &self.app
    }

    /// A handle to stop the server (gracefully: in-flight requests finish).
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Where the server listens (the real port when asked for port 0).
    pub fn address(&self) -> std::net::SocketAddr {
        self.address
    }

    /// Serves until the process is told to stop; in-flight requests finish first.
    pub async fn serve(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Files the process keeps for itself besides its connections: the
/// database's, the logs', the listener's, rendering's fonts.
const FILES_KEPT: usize = 64;

/// The connections an instance accepts at once: as configured, but below the
/// open-file limit (raised first to the hard limit where that is higher), so
/// that a flood of connections can never leave the process unable to open
/// a database file or accept `/healthz`.
fn connection_cap(settings: &ServerSettings) -> usize {
    let configured = settings.connections.max_connections;
    let files = open_files_allowed();
    let cap = below_file_limit(configured, files, settings.pool_size as usize);
    if cap < configured {
        tracing::warn!(
            configured,
            cap,
            open_files = files,
            "fewer connections than configured: the open-file limit is lower"
        );
    }
    cap
}

/// The process's open-file limit, first raised to the hard limit.
fn open_files_allowed() -> u64 {
    rlimit::increase_nofile_limit(u64::MAX)
        .or_else(|_| rlimit::getrlimit(rlimit::Resource::NOFILE).map(|(soft, _)| soft))
        .unwrap_or_else(|e| {
            tracing::warn!(error = %e, "cannot read the open-file limit; assuming 1024");
            1024
        })
}

/// `configured` connections, fewer if the files left once the process has
/// its own cannot hold them, and at least one.
fn below_file_limit(configured: usize, files: u64, pool_size: usize) -> usize {
    let files = usize::try_from(files).unwrap_or(usize::MAX);
    configured
        .min(files.saturating_sub(FILES_KEPT + pool_size))
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_stay_below_the_open_file_limit() {
        assert_eq!(below_file_limit(4096, 1_048_576, 10), 4096);
        assert_eq!(below_file_limit(4096, 1024, 10), 1024 - 64 - 10);
        assert_eq!(below_file_limit(4096, 10, 10), 1);
    }

    #[test]
    fn the_soft_file_limit_is_raised_to_the_hard_one() {
        let allowed = open_files_allowed();
        let (soft, hard) = rlimit::getrlimit(rlimit::Resource::NOFILE).expect("limits");
        assert_eq!(allowed, soft);
        // Raising to an unlimited hard limit is refused by Linux (it has a
        // ceiling of its own); a finite one is reached.
        if hard != rlimit::INFINITY {
            assert_eq!(soft, hard);
        }
    }
}
