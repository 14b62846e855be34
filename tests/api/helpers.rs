//! A real server per test, on a random port, with its own database: a fresh
//! SQLite file, or a fresh PostgreSQL schema when CMAS_TEST_POSTGRES_URL is set.

use cmas::app::bootstrap;
use cmas::config::ServerSettings;
use cmas::db::{Database, DatabaseUrl};
use cmas::startup::Application;
use diesel::{Connection, PgConnection, RunQueryDsl};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};

pub const ADMIN_EMAIL: &str = "admin@a.test";
pub const PASSWORD: &str = "a-long-test-password";

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub address: String,
    pub db: Database,
    /// The database's URL, for the command line to open.
    pub url: String,
    /// Keeps the SQLite file alive for the test.
    _dir: tempfile::TempDir,
    /// The PostgreSQL schema to drop afterwards.
    schema: Option<(String, String)>,
    /// Stops the server when the test ends, so its connections close.
    server: Option<(actix_web::dev::ServerHandle, std::thread::JoinHandle<()>)>,
}

/// An HTTP answer: status and JSON body (Null when there is none).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub headers: Vec<(String, String)>,
    /// The body as sent, for files such as XLSX.
    pub bytes: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    pub fn expect(self, status: u16) -> Value {
        assert_eq!(
            self.status, status,
            "unexpected status; body: {}",
            self.body
        );
        self.body
    }

    /// Asserts a problem document with this status and code.
    #[track_caller]
    pub fn problem(self, status: u16, code: &str) -> Value {
        let body = self.expect(status);
        assert_eq!(body["code"], code, "problem: {body}");
        assert_eq!(body["status"], status, "problem: {body}");
        assert!(
            body["title"].is_string() && body["type"].is_string(),
            "problem: {body}"
        );
        assert!(
            !body["detail"].as_str().unwrap_or("").is_empty(),
            "problem: {body}"
        );
        body
    }
}

fn test_settings(database_url: &str) -> ServerSettings {
    let mut settings = ServerSettings::from_env();
    settings.database.url = database_url.to_owned();
    settings.bind = "127.0.0.1:0".into();
    settings.first_start.admin_email = ADMIN_EMAIL.into();
    settings.first_start.admin_password = Some(PASSWORD.into());
    settings.first_start.organisation = "Alpha Advisory".into();
    settings.pool_size = 4;
    settings
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh schema on the configured PostgreSQL server; None when not configured.
fn postgres_schema() -> Option<(String, String, String)> {
    let base = std::env::var("CMAS_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())?;
    let schema = format!(
        "t{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        rand_suffix()
    );
    let mut conn = PgConnection::establish(&base).unwrap_or_else(|e| {
        panic!("CMAS_TEST_POSTGRES_URL is set but PostgreSQL is unreachable: {e}")
    });
    diesel::sql_query(format!("CREATE SCHEMA {schema}"))
        .execute(&mut conn)
        .expect("create schema");
    let separator = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{separator}options=-csearch_path%3D{schema}");
    Some((base, schema, url))
}

fn rand_suffix() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0)
}

/// Starts the app, or returns None (after saying so) when PostgreSQL is asked for but not configured.
pub fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |_| {})
}

/// Starts the app with settings of the test's own (a short body deadline, say).
pub fn spawn_app_with(
    backend: Backend,
    configure: impl FnOnce(&mut ServerSettings),
) -> Option<TestApp> {
    let dir = tempfile::tempdir().expect("temp dir");
    let (url, schema) = match backend {
        Backend::Sqlite => (
            format!("sqlite://{}", dir.path().join("cmas.sqlite3").display()),
            None,
        ),
        Backend::Postgres => match postgres_schema() {
            Some((base, schema, url)) => (url, Some((base, schema))),
            None => {
                eprintln!("skipped: CMAS_TEST_POSTGRES_URL is not set, so the PostgreSQL run of this test did not happen");
                return None;
            }
        },
    };
    if std::env::var("TEST_LOG").is_ok() {
        cmas::telemetry::init("debug");
    }
    let mut settings = test_settings(&url);
    configure(&mut settings);
    let db = Database::connect(&DatabaseUrl::parse(&url), settings.pool_size).expect("database");
    let database_url = url.clone();
    bootstrap::run(&db, &settings.first_start).expect("bootstrap");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("port").port();
    let server_db = db.clone();
    let (handle_tx, handle_rx) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        let served = actix_web::rt::System::new().block_on(async move {
            let app =
                Application::with_listener(server_db, &settings, listener).expect("build app");
            let _ = handle_tx.send(app.handle());
            app.serve().await
        });
        served.expect("server ran");
    });
    let handle = handle_rx.recv().expect("the server started");
    Some(TestApp {
        address: format!("http://127.0.0.1:{port}"),
        db,
        url: database_url,
        _dir: dir,
        schema,
        server: Some((handle, thread)),
    })
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some((handle, thread)) = self.server.take() {
            drop(handle.stop(false));
            let _ = thread.join();
        }
        if let Some((base, schema)) = &self.schema {
            if let Ok(mut conn) = PgConnection::establish(base) {
                let _ =
                    diesel::sql_query(format!("DROP SCHEMA {schema} CASCADE")).execute(&mut conn);
            }
        }
    }
}

/// How a request authenticates.
#[derive(Clone, Debug)]
pub enum Cred {
    None,
    Bearer(String),
    Session {
        cookie: String,
        csrf: Option<String>,
    },
}

impl TestApp {
    /// Whether this server runs on PostgreSQL (else SQLite).
    pub fn on_postgres(&self) -> bool {
        self.schema.is_some()
    }

    pub fn request(
        &self,
        method: &str,
        path: &str,
        cred: &Cred,
        body: Option<&str>,
        content_type: &str,
    ) -> Answer {
        let req = self.prepare(method, path, cred);
        self.finish(req, body.map(str::as_bytes), content_type)
    }

    /// Sends a request with a binary body, such as an XLSX file.
    pub fn upload(&self, path: &str, cred: &Cred, body: &[u8], content_type: &str) -> Answer {
        self.send_bytes("POST", path, cred, body, content_type)
    }

    /// Sends `body` as it is, of `content_type`, with any method.
    pub fn send_bytes(
        &self,
        method: &str,
        path: &str,
        cred: &Cred,
        body: &[u8],
        content_type: &str,
    ) -> Answer {
        let req = self.prepare(method, path, cred);
        self.finish(req, Some(body), content_type)
    }

    fn prepare(&self, method: &str, path: &str, cred: &Cred) -> ureq::Request {
        let mut req = ureq::request(method, &format!("{}{path}", self.address));
        match cred {
            Cred::None => {}
            Cred::Bearer(token) => req = req.set("Authorization", &format!("Bearer {token}")),
            Cred::Session { cookie, csrf } => {
                req = req.set("Cookie", &format!("cmas_session={cookie}"));
                if let Some(csrf) = csrf {
                    req = req.set("X-CSRF-Token", csrf);
                }
            }
        }
        req
    }

    fn finish(&self, req: ureq::Request, body: Option<&[u8]>, content_type: &str) -> Answer {
        let (method, path) = (req.method().to_owned(), req.url().to_owned());
        let result = match body {
            Some(b) => req.set("Content-Type", content_type).send_bytes(b),
            None => req.call(),
        };
        let response = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{method} {path}: transport error {e}"),
        };
        let status = response.status();
        let headers = response
            .headers_names()
            .into_iter()
            .flat_map(|n| {
                response
                    .all(&n)
                    .into_iter()
                    .map(move |v| (n.clone(), v.to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut response.into_reader(), &mut bytes).expect("a body");
        let text = String::from_utf8_lossy(&bytes);
        let body = serde_json::from_str(&text).unwrap_or(if text.is_empty() {
            Value::Null
        } else {
            Value::String(text.into_owned())
        });
        Answer {
            status,
            body,
            headers,
            bytes,
        }
    }

    pub fn get(&self, path: &str, cred: &Cred) -> Answer {
        self.request("GET", path, cred, None, "")
    }

    pub fn send(&self, method: &str, path: &str, cred: &Cred, body: &Value) -> Answer {
        self.request(
            method,
            path,
            cred,
            Some(&body.to_string()),
            "application/json",
        )
    }

    /// Logs in and returns the session cookie and CSRF token.
    pub fn login(&self, email: &str, password: &str) -> Cred {
        let answer = self.send(
            "POST",
            "/api/v1/auth/login",
            &Cred::None,
            &json!({ "email": email, "password": password }),
        );
        let cookie = answer
            .header("set-cookie")
            .and_then(|c| c.strip_prefix("cmas_session="))
            .and_then(|c| c.split(';').next())
            .map(str::to_owned);
        let body = answer.expect(200);
        Cred::Session {
            cookie: cookie.expect("a session cookie"),
            csrf: body["csrf_token"].as_str().map(str::to_owned),
        }
    }

    /// Logs in and trades the session for an API token.
    pub fn token(&self, email: &str, password: &str) -> Cred {
        let session = self.login(email, password);
        let body = self
            .send(
                "POST",
                "/api/v1/tokens",
                &session,
                &json!({ "name": "tests" }),
            )
            .expect(201);
        Cred::Bearer(body["token"].as_str().expect("token").to_owned())
    }

    pub fn admin(&self) -> Cred {
        self.token(ADMIN_EMAIL, PASSWORD)
    }

    /// Creates a user in the admin's organisation and returns (id, bearer).
    pub fn user(&self, admin: &Cred, email: &str, role: &str) -> (i64, Cred) {
        let body = self
            .send(
                "POST",
                "/api/v1/users",
                admin,
                &json!({ "email": email, "name": email, "role": role, "password": PASSWORD }),
            )
            .expect(201);
        (
            body["id"].as_i64().expect("id"),
            self.token(email, PASSWORD),
        )
    }

    /// A second tenant, created as an operator would (`cmas organisation
    /// create`), whose admin accepted the invitation; their bearer token.
    pub fn other_organisation(&self, admin_email: &str) -> Cred {
        crate::tenants::organisation(self, "Beta Partners", admin_email)
    }

    /// Imports the test questionnaire and returns its stored id.
    pub fn mini_questionnaire(&self, cred: &Cred) -> i64 {
        let source = include_str!("../fixtures/mini.toml");
        let body = self
            .request(
                "POST",
                "/api/v1/questionnaires",
                cred,
                Some(source),
                "application/toml",
            )
            .expect(201);
        body["id"].as_i64().expect("id")
    }

    /// Starts an assessment of `client` on `questionnaire`, led by the caller; returns its id.
    pub fn draft(&self, cred: &Cred, client: i64, questionnaire: i64) -> i64 {
        let me = self.get("/api/v1/me", cred).expect(200)["user"]["id"]
            .as_i64()
            .expect("id");
        let body = json!({ "client_id": client, "questionnaire_id": questionnaire, "assessment_date": "2026-05-04", "lead_assessor_id": me });
        self.send("POST", "/api/v1/assessments", cred, &body)
            .expect(201)["id"]
            .as_i64()
            .expect("id")
    }

    /// Scores every question of the mini questionnaire (Intention `i`, Reality `r`,
    /// with `evidence`) as the lead, and finalises the assessment.
    pub fn finalise_mini(&self, cred: &Cred, id: i64, (i, r): (i64, i64), evidence: &str) {
        for q in ["AP.1.1", "AP.1.2", "ME.1.1"] {
            let body = json!({ "intention": i, "reality": r, "evidence": evidence });
            self.send(
                "PUT",
                &format!("/api/v1/assessments/{id}/scores/{q}"),
                cred,
                &body,
            )
            .expect(200);
        }
        self.finalise(cred, id);
    }

    /// Finalises an assessment at the version it has now.
    pub fn finalise(&self, cred: &Cred, id: i64) {
        let path = format!("/api/v1/assessments/{id}");
        let version = self.get(&path, cred).expect(200)["version"]
            .as_i64()
            .expect("version");
        self.send(
            "PATCH",
            &path,
            cred,
            &json!({ "version": version, "status": "final" }),
        )
        .expect(200);
    }

    /// Starts a programme `name` for `client` with one business unit; returns its id.
    pub fn programme(&self, cred: &Cred, client: i64, name: &str) -> i64 {
        let body = json!({ "client_id": client, "name": name, "business_units": ["Retail"] });
        self.send("POST", "/api/v1/programmes", cred, &body)
            .expect(201)["id"]
            .as_i64()
            .expect("programme")
    }

    pub fn client(&self, cred: &Cred, name: &str) -> i64 {
        let body = self
            .send("POST", "/api/v1/clients", cred, &json!({ "name": name, "sector": "Insurance", "size_band": "1,000–5,000", "region": "Nordics" }))
            .expect(201);
        body["id"].as_i64().expect("id")
    }
}

/// As [`on_both_backends!`], with the app made by `$spawn(backend)`.
#[macro_export]
macro_rules! on_both_backends_with {
    ($spawn:ident, $($name:ident),* $(,)?) => {
        $(
            mod $name {
                use $crate::helpers::Backend;

                #[test]
                fn on_sqlite() {
                    super::$name(&super::$spawn(Backend::Sqlite).expect("sqlite always runs"));
                }

                #[test]
                fn on_postgres() {
                    if let Some(app) = super::$spawn(Backend::Postgres) {
                        super::$name(&app);
                    }
                }
            }
        )*
    };
}

/// Runs a test once on SQLite and once on PostgreSQL (skipped, with a message, when not configured).
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                use $crate::helpers::{spawn_app, Backend};

                #[test]
                fn on_sqlite() {
                    super::$name(&spawn_app(Backend::Sqlite).expect("sqlite always runs"));
                }

                #[test]
                fn on_postgres() {
                    if let Some(app) = spawn_app(Backend::Postgres) {
                        super::$name(&app);
                    }
                }
            }
        )*
    };
}
