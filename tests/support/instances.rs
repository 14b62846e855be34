//! cmas as a separate process for tests: start an instance on a database,
//! wait until it is up, call it, and (for PostgreSQL) a schema of its own.

#![allow(dead_code, reason = "each test file uses part of it")]

use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const ADMIN: &str = "admin@instances.test";
pub const PASSWORD: &str = "instances-password-1";

pub struct Instance {
    pub child: Child,
    pub address: String,
    pub log: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Starts `cmas serve` on a free port; the caller waits for it with [`up`].
pub fn start(database_url: &str, extra: &[(&str, &str)]) -> Instance {
    let dir = tempfile::tempdir().expect("dir");
    let log = dir.path().join("cmas.log");
    let port = free_port();
    let mut command = Command::new(env!("CARGO_BIN_EXE_cmas"));
    command
        .arg("serve")
        .env("CMAS_DATABASE_URL", database_url)
        .env("CMAS_BIND", format!("127.0.0.1:{port}"))
        .env("CMAS_ADMIN_EMAIL", ADMIN)
        .env("CMAS_ADMIN_PASSWORD", PASSWORD)
        .env("CMAS_ORGANISATION", "Instances Advisory")
        .env("CMAS_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::from(std::fs::File::create(&log).expect("log file")));
    for (k, v) in extra {
        command.env(k, v);
    }
    Instance {
        child: command.spawn().expect("cmas starts"),
        address: format!("http://127.0.0.1:{port}"),
        log,
        _dir: dir,
    }
}

pub fn up(instance: &Instance) {
    let end = Instant::now() + Duration::from_secs(90);
    while Instant::now() < end {
        if ureq::get(&format!("{}/healthz", instance.address))
            .call()
            .is_ok()
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!(
        "{} did not come up: {}",
        instance.address,
        std::fs::read_to_string(&instance.log).unwrap_or_default()
    );
}

/// Status and JSON body of a request.
pub fn call(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> (u16, Value) {
    let mut request = ureq::request(method, url);
    for (k, v) in headers {
        request = request.set(k, v);
    }
    let result = match body {
        Some(b) => request.send_json(b.clone()),
        None => request.call(),
    };
    let response = match result {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{method} {url}: {e}"),
    };
    let status = response.status();
    (status, response.into_json().unwrap_or(Value::Null))
}

/// A fresh schema on the test PostgreSQL, dropped afterwards; None (said) when not configured.
pub struct Schema {
    base: String,
    name: String,
}

impl Schema {
    pub fn create() -> Option<Schema> {
        use diesel::{Connection, RunQueryDsl};
        let Some(base) = std::env::var("CMAS_TEST_POSTGRES_URL")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            eprintln!(
                "skipped: CMAS_TEST_POSTGRES_URL is not set, so the two-instance test did not run"
            );
            return None;
        };
        let name = format!("inst{}_{}", std::process::id(), free_port());
        let mut conn = diesel::PgConnection::establish(&base).expect("PostgreSQL answers");
        diesel::sql_query(format!("CREATE SCHEMA {name}"))
            .execute(&mut conn)
            .expect("schema");
        Some(Schema { base, name })
    }

    pub fn url(&self) -> String {
        let separator = if self.base.contains('?') { '&' } else { '?' };
        format!(
            "{}{separator}options=-csearch_path%3D{}",
            self.base, self.name
        )
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        use diesel::{Connection, RunQueryDsl};
        if let Ok(mut conn) = diesel::PgConnection::establish(&self.base) {
            let _ =
                diesel::sql_query(format!("DROP SCHEMA {} CASCADE", self.name)).execute(&mut conn);
        }
    }
}

/// The bootstrap admin's session through `base`: the cookie (`name=value`)
/// and the CSRF token.
pub fn log_in(base: &str) -> (String, String) {
    let login = ureq::post(&format!("{base}/api/v1/auth/login"))
        .send_json(json!({ "email": ADMIN, "password": PASSWORD }))
        .expect("login");
    let cookie = login
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("cookie")
        .to_owned();
    let csrf = login.into_json::<Value>().expect("json")["csrf_token"]
        .as_str()
        .expect("csrf")
        .to_owned();
    (cookie, csrf)
}

/// A bearer token of the bootstrap admin, made through `base`.
pub fn admin_bearer(base: &str) -> String {
    let (cookie, csrf) = log_in(base);
    let (_, token) = call(
        "POST",
        &format!("{base}/api/v1/tokens"),
        &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
        Some(&json!({ "name": "crash" })),
    );
    format!("Bearer {}", token["token"].as_str().expect("token"))
}
