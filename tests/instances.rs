//! cmas as separate processes: two instances on one PostgreSQL database
//! share sessions and lose no score; an instance told to stop finishes the
//! request it is serving; logs are JSON lines carrying the request id and
//! never the password; an instance killed mid-save loses no acknowledged
//! answer, on SQLite and on PostgreSQL.

#![expect(
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking, and indexes what it has just built or read"
)]

#[path = "support/instances.rs"]
mod instances;

use instances::{admin_bearer, call, log_in, start, up, Schema, ADMIN, PASSWORD};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

/// A new client's draft assessment on the bundled questionnaire, and the ids
/// of its first 50 questions.
fn assessment_to_score(base: &str, auth: &[(&str, &str)]) -> (i64, Vec<String>) {
    let (_, questionnaires) = call("GET", &format!("{base}/api/v1/questionnaires"), auth, None);
    let questionnaire_id = questionnaires[0]["id"]
        .as_i64()
        .expect("bundled questionnaire");
    let (_, full) = call(
        "GET",
        &format!("{base}/api/v1/questionnaires/{questionnaire_id}"),
        auth,
        None,
    );
    let questions: Vec<String> = full["definition"]["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .flat_map(|a| a["sub_areas"].as_array().cloned().unwrap_or_default())
        .flat_map(|s| s["questions"].as_array().cloned().unwrap_or_default())
        .filter_map(|q| q["id"].as_str().map(str::to_owned))
        .take(50)
        .collect();
    assert_eq!(questions.len(), 50);
    let (_, client) = call(
        "POST",
        &format!("{base}/api/v1/clients"),
        auth,
        Some(
            &json!({ "name": "Twin Bank", "sector": "Retail banking", "size_band": "5,000+", "region": "Nordics" }),
        ),
    );
    let (status, assessment) = call(
        "POST",
        &format!("{base}/api/v1/assessments"),
        auth,
        Some(
            &json!({ "client_id": client["id"], "questionnaire_id": questionnaire_id, "assessment_date": "2026-11-20" }),
        ),
    );
    assert_eq!(status, 201, "{assessment}");
    (assessment["id"].as_i64().expect("id"), questions)
}

#[test]
fn two_instances_on_one_postgres_share_sessions_and_login_throttling_keep_every_score_and_refuse_stale_ones(
) {
    let Some(schema) = Schema::create() else {
        return;
    };
    // Started together: migrations and the first admin are set up once, in turns.
    let (a, b) = (start(&schema.url(), &[]), start(&schema.url(), &[]));
    up(&a);
    up(&b);

    // A session made on one instance works on the other.
    let (cookie, csrf) = log_in(&a.address);
    let (status, me) = call(
        "GET",
        &format!("{}/api/v1/me", b.address),
        &[("Cookie", &cookie)],
        None,
    );
    assert_eq!((status, me["user"]["email"].as_str()), (200, Some(ADMIN)));
    let (status, token) = call(
        "POST",
        &format!("{}/api/v1/tokens", b.address),
        &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
        Some(&json!({ "name": "instances" })),
    );
    assert_eq!(status, 201);
    let bearer = format!("Bearer {}", token["token"].as_str().expect("token"));
    let auth = [("Authorization", bearer.as_str())];

    let (id, questions) = assessment_to_score(&a.address, &auth);
    let scores_url = |base: &str, q: &str| format!("{base}/api/v1/assessments/{id}/scores/{q}");

    // 40 questions written at once through both instances: every one is kept.
    let addresses = [a.address.clone(), b.address.clone()];
    std::thread::scope(|scope| {
        for worker in 0..8 {
            let (questions, addresses, bearer) = (&questions, &addresses, &bearer);
            scope.spawn(move || {
                for (i, q) in questions
                    .iter()
                    .enumerate()
                    .take(40)
                    .skip(worker)
                    .step_by(8)
                {
                    let body =
                        json!({ "intention": (i % 11) as i64, "reality": ((i + 3) % 11) as i64 });
                    let (status, saved) = call(
                        "PUT",
                        &scores_url(&addresses[i % 2], q),
                        &[("Authorization", bearer)],
                        Some(&body),
                    );
                    assert_eq!(status, 200, "{q}: {saved}");
                }
            });
        }
    });

    // Ten questions answered for the first time through both instances at the same moment:
    // one write wins, the other is told its view is stale.
    for q in &questions[40..50] {
        let barrier = Arc::new(Barrier::new(2));
        let statuses: Vec<u16> = std::thread::scope(|scope| {
            let handles: Vec<_> = addresses
                .iter()
                .enumerate()
                .map(|(n, address)| {
                    let (barrier, bearer, url) = (barrier.clone(), &bearer, scores_url(address, q));
                    scope.spawn(move || {
                        barrier.wait();
                        let body = json!({ "intention": 5 + n as i64, "reality": 5, "version": 0 });
                        call("PUT", &url, &[("Authorization", bearer)], Some(&body)).0
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("thread"))
                .collect()
        });
        let mut sorted = statuses.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, [200, 409], "{q}: {statuses:?}");
    }

    // An update from a stale version gets 409 on either instance and changes nothing.
    let q = &questions[0];
    let (status, _) = call(
        "PUT",
        &scores_url(&a.address, q),
        &auth,
        Some(&json!({ "intention": 9, "reality": 9, "version": 1 })),
    );
    assert_eq!(status, 200);
    let (status, stale) = call(
        "PUT",
        &scores_url(&b.address, q),
        &auth,
        Some(&json!({ "intention": 1, "reality": 1, "version": 1 })),
    );
    assert_eq!(
        (status, stale["code"].as_str()),
        (409, Some("stale_version"))
    );

    let (_, scores) = call(
        "GET",
        &format!("{}/api/v1/assessments/{id}/scores", a.address),
        &auth,
        None,
    );
    let scores = scores.as_array().expect("scores");
    assert_eq!(scores.len(), 50, "every acknowledged answer is there");
    for (i, q) in questions.iter().enumerate().take(40).skip(1) {
        let stored = scores
            .iter()
            .find(|s| s["question_id"] == q.as_str())
            .expect("answer");
        assert_eq!(stored["intention"], json!((i % 11) as i64), "{q}");
    }
    let first = scores
        .iter()
        .find(|s| s["question_id"] == q.as_str())
        .expect("answer");
    assert_eq!(
        (first["intention"].as_i64(), first["version"].as_i64()),
        (Some(9), Some(2))
    );

    // Failed logins count on every instance, however many arrive at once:
    // of 200 guesses spread over both, exactly the limit of five reach the
    // password check (401); the rest are held back (429).
    let addresses = [a.address.clone(), b.address.clone()];
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let guesses: Vec<_> = (0..200)
            .map(|i| {
                let address = &addresses[i % 2];
                scope.spawn(move || {
                    call(
                        "POST",
                        &format!("{address}/api/v1/auth/login"),
                        &[],
                        Some(&json!({ "email": ADMIN, "password": "a guess" })),
                    )
                    .0
                })
            })
            .collect();
        guesses
            .into_iter()
            .map(|guess| guess.join().expect("a guess"))
            .collect()
    });
    let count = |status: u16| statuses.iter().filter(|s| **s == status).count();
    assert_eq!((count(401), count(429)), (5, 195), "{statuses:?}");
    let (status, refused) = call(
        "POST",
        &format!("{}/api/v1/auth/login", b.address),
        &[],
        Some(&json!({ "email": ADMIN, "password": PASSWORD })),
    );
    assert_eq!(
        (status, refused["code"].as_str()),
        (429, Some("login_throttled"))
    );
}

#[test]
fn a_stopping_instance_finishes_the_request_in_flight_and_logs_json_with_the_request_id() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cmas.sqlite3");
    let mut instance = start(db.to_str().expect("path"), &[("CMAS_LOG_FORMAT", "json")]);
    up(&instance);
    let secret = "not-the-password-but-secret-9";
    let body = json!({ "email": ADMIN, "password": secret }).to_string();
    let host = instance.address.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&host).expect("connect");
    write!(
        stream,
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nX-Request-Id: slow-login-1\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .expect("head");
    let (first, rest) = body.split_at(body.len() / 2);
    stream.write_all(first.as_bytes()).expect("half the body");
    stream.flush().expect("flush");
    std::thread::sleep(Duration::from_millis(300));
    let stopped = Command::new("kill")
        .args(["-TERM", &instance.child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(stopped.success());
    std::thread::sleep(Duration::from_millis(300));
    stream
        .write_all(rest.as_bytes())
        .expect("the rest of the body");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("an answer");
    assert!(
        answer.starts_with("HTTP/1.1 401"),
        "the request in flight was answered: {answer}"
    );
    assert!(
        answer.to_lowercase().contains("x-request-id: slow-login-1"),
        "{answer}"
    );

    let end = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = instance.child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < end, "cmas did not stop after SIGTERM");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "a clean exit: {status}");

    let log = std::fs::read_to_string(&instance.log).expect("log");
    let line = log
        .lines()
        .find(|l| l.contains("slow-login-1") && l.contains("\"route\":\"/api/v1/auth/login\""))
        .unwrap_or_else(|| panic!("a JSON line for the request: {log}"));
    let parsed: Value = serde_json::from_str(line).expect("the line is JSON");
    assert_eq!(parsed["fields"]["status"], 401, "{line}");
    assert!(!log.contains(secret), "the password never reaches the log");
    assert!(!log.contains(PASSWORD), "nor the admin's");
}

/// Per question: the highest sequence number acknowledged, and the highest
/// sent (a save in flight at the kill may or may not be kept). A save is
/// acknowledged when its 2xx answer has arrived: the server answers only
/// after the transaction holding the answer committed, so an acknowledged
/// save must survive the kill.
type Ledger = std::collections::BTreeMap<String, (u64, u64)>;

/// What the killer and the writers of one cycle share: how many saves were
/// acknowledged so far, and whether the kill has begun (an error before it
/// is a failure of the server, not the kill).
#[derive(Default)]
struct Cycle {
    acknowledged: std::sync::atomic::AtomicU64,
    killed: std::sync::atomic::AtomicBool,
}

/// Saves answers from four writers at full speed until the server dies;
/// each answer's evidence carries its writer's sequence number.
fn save_until_killed(
    base: &str,
    bearer: &str,
    (id, questions): (i64, &[String]),
    ledger: &mut Ledger,
    cycle: &Cycle,
) -> u64 {
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(2))
        .timeout(Duration::from_secs(10))
        .build();
    let results: Vec<(Ledger, u64)> = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..4)
            .map(|writer| {
                let (agent, mine) = (agent.clone(), questions.iter().skip(writer).step_by(4));
                let mine: Vec<&String> = mine.collect();
                let start = ledger.values().map(|(_, sent)| *sent).max().unwrap_or(0) + 1;
                scope.spawn(move || {
                    let (mut seen, mut acknowledged) = (Ledger::new(), 0);
                    for (n, seq) in (start..).enumerate() {
                        let q = mine[n % mine.len()];
                        let entry = seen.entry(q.clone()).or_default();
                        entry.1 = seq;
                        let body = json!({ "intention": (seq % 11) as i64, "reality": 3, "evidence": format!("seq {seq}") });
                        match agent
                            .put(&format!("{base}/api/v1/assessments/{id}/scores/{q}"))
                            .set("Authorization", bearer)
                            .send_json(body)
                        {
                            Ok(r) if r.status() < 300 => {
                                entry.0 = seq;
                                acknowledged += 1;
                                cycle.acknowledged.fetch_add(1, Ordering::SeqCst);
                            }
                            Ok(r) => panic!("save answered {}", r.status()),
                            Err(ureq::Error::Status(status, r)) => {
                                panic!("save answered {status}: {}", r.into_string().unwrap_or_default())
                            }
                            Err(e) if !cycle.killed.load(Ordering::SeqCst) => {
                                panic!("a save failed before the kill: {e}")
                            }
                            Err(_) => return (seen, acknowledged),
                        }
                    }
                    (seen, acknowledged)
                })
            })
            .collect();
        writers
            .into_iter()
            .map(|w| w.join().expect("writer"))
            .collect()
    });
    let mut acknowledged = 0;
    for (seen, count) in results {
        acknowledged += count;
        for (q, (acked, sent)) in seen {
            let entry = ledger.entry(q).or_default();
            entry.0 = entry.0.max(acked);
            entry.1 = entry.1.max(sent);
        }
    }
    acknowledged
}

/// Checks that every save the ledger has acknowledged is stored.
fn check_ledger(base: &str, bearer: &str, id: i64, ledger: &Ledger) {
    let (_, stored) = call(
        "GET",
        &format!("{base}/api/v1/assessments/{id}/scores"),
        &[("Authorization", bearer)],
        None,
    );
    for (q, (acked, sent)) in ledger {
        let kept = stored
            .as_array()
            .and_then(|all| all.iter().find(|s| s["question_id"] == q.as_str()))
            .and_then(|s| s["evidence"].as_str())
            .and_then(|e| e.strip_prefix("seq "))
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
        assert!(
            *acked <= kept && kept <= *sent,
            "{q}: acknowledged save {acked} (sent up to {sent}), found {kept}"
        );
    }
}

/// Drives saves, kills the server with SIGKILL at a random moment once it
/// has acknowledged some, restarts it, and checks that every acknowledged
/// save is there: 20 times, the last cycle's too.
fn crash_cycles(database_url: &str) -> (u32, u64) {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    let mut ledger = Ledger::new();
    let mut setup: Option<(String, i64, Vec<String>)> = None;
    let mut saves = 0;
    let cycles = 20;
    for _ in 0..cycles {
        let mut instance = start(database_url, &[("CMAS_LOG", "warn")]);
        up(&instance);
        let (bearer, id, questions) = setup.get_or_insert_with(|| {
            let bearer = admin_bearer(&instance.address);
            let (id, questions) =
                assessment_to_score(&instance.address, &[("Authorization", &bearer)]);
            (bearer, id, questions)
        });
        // What the last cycle acknowledged survived its kill.
        check_ledger(&instance.address, bearer, *id, &ledger);
        let kill_after = Duration::from_millis(rng.gen_range(0..300));
        let child = &mut instance.child;
        let cycle = Cycle::default();
        let acknowledged = std::thread::scope(|scope| {
            let cycle = &cycle;
            scope.spawn(move || {
                // Some saves first, so that every cycle proves something.
                let started = std::time::Instant::now();
                while cycle.acknowledged.load(Ordering::SeqCst) == 0
                    && started.elapsed() < Duration::from_secs(10)
                {
                    std::thread::sleep(Duration::from_millis(1));
                }
                std::thread::sleep(kill_after);
                cycle.killed.store(true, Ordering::SeqCst);
                child.kill().expect("SIGKILL");
            });
            save_until_killed(
                &instance.address,
                bearer,
                (*id, questions.as_slice()),
                &mut ledger,
                cycle,
            )
        });
        assert!(acknowledged > 0, "a cycle acknowledged no save");
        saves += acknowledged;
    }
    // The last cycle's acknowledged saves survived its kill too.
    let instance = start(database_url, &[("CMAS_LOG", "warn")]);
    up(&instance);
    if let Some((bearer, id, _)) = &setup {
        check_ledger(&instance.address, bearer, *id, &ledger);
    }
    (cycles, saves)
}

#[test]
fn killed_mid_save_twenty_times_on_sqlite_no_acknowledged_answer_is_lost_and_the_file_is_intact() {
    use diesel::{sql_query, sql_types::Text, Connection, QueryableByName, RunQueryDsl};
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("crash.sqlite3");
    let (cycles, saves) = crash_cycles(&db.to_string_lossy());
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = Text)]
        integrity_check: String,
    }
    let mut conn = diesel::SqliteConnection::establish(&db.to_string_lossy()).expect("open");
    let verdict: Vec<Check> = sql_query("PRAGMA integrity_check")
        .load(&mut conn)
        .expect("check");
    assert_eq!(
        verdict.first().map(|c| c.integrity_check.as_str()),
        Some("ok")
    );
    eprintln!("sqlite: {cycles} kill -9 cycles, {saves} acknowledged saves checked, integrity ok");
}

#[test]
fn killed_mid_save_twenty_times_on_postgres_no_acknowledged_answer_is_lost() {
    let Some(schema) = Schema::create() else {
        return;
    };
    let (cycles, saves) = crash_cycles(&schema.url());
    eprintln!("postgres: {cycles} kill -9 cycles, {saves} acknowledged saves checked");
}

#[test]
fn at_the_most_verbose_log_level_no_password_token_session_or_csrf_secret_is_logged() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cmas.sqlite3");
    let instance = start(db.to_str().expect("path"), &[("CMAS_LOG", "trace")]);
    up(&instance);
    let base = &instance.address;
    let wrong = "wrong-password-secret-31";
    let (status, _) = call(
        "POST",
        &format!("{base}/api/v1/auth/login"),
        &[],
        Some(&json!({ "email": ADMIN, "password": wrong })),
    );
    assert_eq!(status, 401);
    // A session (cookie and CSRF token), an API token, a new user, a password change.
    let (cookie, csrf) = log_in(base);
    let session = cookie.split('=').nth(1).expect("session id").to_owned();
    let session_headers = [("Cookie", cookie.as_str()), ("X-CSRF-Token", csrf.as_str())];
    let (_, token) = call(
        "POST",
        &format!("{base}/api/v1/tokens"),
        &session_headers,
        Some(&json!({ "name": "logged?" })),
    );
    let token = token["token"].as_str().expect("token").to_owned();
    let bearer = format!("Bearer {token}");
    let new_password = "new-user-password-secret-77";
    let (status, _) = call(
        "POST",
        &format!("{base}/api/v1/users"),
        &[("Authorization", &bearer)],
        Some(
            &json!({ "email": "new@instances.test", "name": "New", "role": "consultant", "password": new_password }),
        ),
    );
    assert_eq!(status, 201);
    let changed = "changed-password-secret-55";
    let (status, _) = call(
        "POST",
        &format!("{base}/api/v1/auth/password"),
        &session_headers,
        Some(&json!({ "current_password": PASSWORD, "new_password": changed })),
    );
    assert!(status < 300, "password change: {status}");
    let log = std::fs::read_to_string(&instance.log).expect("log");
    assert!(
        log.lines().count() > 10,
        "the trace level logs plenty: {log}"
    );
    for (what, secret) in [
        ("a wrong password", wrong),
        ("the admin's password", PASSWORD),
        ("a new user's password", new_password),
        ("a changed password", changed),
        ("the session id", session.as_str()),
        ("the CSRF token", csrf.as_str()),
        ("the API token", token.as_str()),
    ] {
        assert!(!log.contains(secret), "{what} is in the log");
    }
}

/// A flood of logins (each an argon2 check) at one instance, from many
/// addresses and for many accounts (as a botnet would send it, so that the
/// per-account and per-address throttles do not stop it first): every
/// login is answered at once, 401 after its check or 503 with
/// `Retry-After` when the bounded line of checks is full (here: no waiting
/// at all), and the instance's other requests are answered all along. On
/// SQLite the throttle's write per attempt already spaces logins out
/// (about 13 ms each here), so the line seldom fills: the refusal's exact
/// rule is proven in `auth::hashing_pool`'s unit test instead.
#[test]
fn a_login_flood_is_answered_at_once_or_refused_with_503_and_the_rest_is_served() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cmas.sqlite3");
    // No login may wait: beyond one check per core, a login is refused.
    let instance = start(
        db.to_str().expect("path"),
        &[
            ("CMAS_TRUST_FORWARDED", "true"),
            ("CMAS_LOGINS_WAITING", "0"),
        ],
    );
    up(&instance);
    let base = instance.address.clone();
    let bearer = admin_bearer(&base);
    let logins = 128;
    let start_line = Arc::new(Barrier::new(logins + 1));
    let flood: Vec<_> = (0..logins)
        .map(|i| {
            let (base, start_line) = (base.clone(), start_line.clone());
            std::thread::spawn(move || {
                start_line.wait();
                let response = match ureq::post(&format!("{base}/api/v1/auth/login"))
                    .set("X-Forwarded-For", &format!("10.1.{}.{}", i / 250, i % 250 + 1))
                    .send_json(json!({ "email": format!("flood{i}@instances.test"), "password": "a-guess-123" }))
                {
                    Ok(r) | Err(ureq::Error::Status(_, r)) => r,
                    Err(e) => panic!("a login went unanswered: {e}"),
                };
                let retry = response.header("retry-after").map(str::to_owned);
                let status = response.status();
                let body: Value = response.into_json().unwrap_or(Value::Null);
                (status, retry, body["code"].as_str().map(str::to_owned))
            })
        })
        .collect();
    start_line.wait();
    // Meanwhile the instance's other requests are served.
    for _ in 0..10 {
        let (status, _) = call(
            "GET",
            &format!("{base}/api/v1/clients"),
            &[("Authorization", &bearer)],
            None,
        );
        assert_eq!(status, 200, "a read during the flood");
    }
    let answers: Vec<_> = flood
        .into_iter()
        .map(|t| t.join().expect("a login thread"))
        .collect();
    let refused = answers.iter().filter(|(status, ..)| *status == 503).count();
    for (status, retry, code) in &answers {
        match status {
            401 => {}
            503 => {
                assert_eq!(retry.as_deref(), Some("1"), "503 says when to try again");
                assert_eq!(code.as_deref(), Some("busy"));
            }
            other => panic!("a login answered {other}"),
        }
    }
    // A refusal for being busy is no failed login: the real one still gets in.
    log_in(&base);
    eprintln!("{logins} logins at once: {refused} refused with 503, the others checked");
}
