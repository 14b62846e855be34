//! What the per-instance caches promise, checked with two instances on one
//! database (a SQLite file, and PostgreSQL): results read at one instance
//! follow a save made at the other at once (no stale result), and a token
//! revoked or a session ended at one instance stops working at the other
//! within the credential bound (`CMAS_CREDENTIALS_KEPT_MS`), and at the
//! first at once.

#![expect(
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking, and indexes what it has just built or read"
)]

#[path = "support/instances.rs"]
mod instances;

use instances::{admin_bearer, call, log_in, start, up, Instance, Schema};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The bound the instances are started with.
const KEPT_MS: u64 = 1_000;
/// What a poll may add to the bound on a busy machine.
const SLACK: Duration = Duration::from_millis(750);

#[test]
fn on_sqlite_results_are_never_stale_and_revocations_reach_the_other_instance_within_the_bound() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("shared.sqlite3");
    across_two_instances(file.to_str().expect("path"));
}

#[test]
fn on_postgres_results_are_never_stale_and_revocations_reach_the_other_instance_within_the_bound() {
    let Some(schema) = Schema::create() else {
        return;
    };
    across_two_instances(&schema.url());
}

fn across_two_instances(url: &str) {
    let kept = KEPT_MS.to_string();
    let a = start(url, &[("CMAS_CREDENTIALS_KEPT_MS", &kept)]);
    up(&a);
    // The second starts once the first has set the database up.
    let b = start(url, &[("CMAS_CREDENTIALS_KEPT_MS", &kept)]);
    up(&b);
    results_follow_a_save_made_at_the_other_instance(&a, &b);
    a_revoked_token_stops_at_the_other_instance_within_the_bound(&a, &b);
    an_ended_session_stops_at_the_other_instance_within_the_bound(&a, &b);
}

fn results_follow_a_save_made_at_the_other_instance(a: &Instance, b: &Instance) {
    let bearer = admin_bearer(&a.address);
    let auth = [("Authorization", bearer.as_str())];
    let (_, questionnaires) = call(
        "GET",
        &format!("{}/api/v1/questionnaires", a.address),
        &auth,
        None,
    );
    let (_, client) = call(
        "POST",
        &format!("{}/api/v1/clients", a.address),
        &auth,
        Some(
            &json!({ "name": "Twin Bank", "sector": "Insurance", "size_band": "1,000–5,000", "region": "Nordics" }),
        ),
    );
    let (status, assessment) = call(
        "POST",
        &format!("{}/api/v1/assessments", a.address),
        &auth,
        Some(&json!({
            "client_id": client["id"], "questionnaire_id": questionnaires[0]["id"],
            "assessment_date": "2026-12-01"
        })),
    );
    assert_eq!(status, 201, "{assessment}");
    let id = assessment["id"].as_i64().expect("id");
    let results = |at: &Instance| {
        let (status, body) = call(
            "GET",
            &format!("{}/api/v1/assessments/{id}/results", at.address),
            &auth,
            None,
        );
        assert_eq!(status, 200, "{body}");
        body["overall"]["percent"].clone()
    };
    let save = |at: &Instance, score: i64| {
        let (status, body) = call(
            "PUT",
            &format!("{}/api/v1/assessments/{id}/scores/AP.1.1", at.address),
            &auth,
            Some(&json!({ "intention": score, "reality": score })),
        );
        assert_eq!(status, 200, "{body}");
    };
    // Each save at one instance is seen by the very next read at the other,
    // however often that other has read (and kept) the results before.
    let mut seen: Vec<Value> = Vec::new();
    for (n, score) in [2, 9, 4, 10].into_iter().enumerate() {
        let (writer, reader) = if n % 2 == 0 { (a, b) } else { (b, a) };
        save(writer, score);
        let read = results(reader);
        assert_eq!(results(reader), read, "read twice, kept");
        assert_eq!(results(writer), read, "both instances agree");
        assert!(!seen.contains(&read), "save {n} ({score}) not seen: {read}");
        seen.push(read);
    }
}

/// Polls `url` with `auth` at `at` until it is refused with 401; the time
/// that took since `since`.
fn refused_after(url: &str, auth: &[(&str, &str)], since: Instant) -> Duration {
    let mut served = 0;
    loop {
        let (status, body) = call("GET", url, auth, None);
        match status {
            401 => {
                let waited = since.elapsed();
                eprintln!("refused after {waited:?} ({served} answers in between)");
                return waited;
            }
            200 => served += 1,
            _ => panic!("{url}: {status} {body}"),
        }
        assert!(
            since.elapsed() < Duration::from_millis(KEPT_MS) + SLACK,
            "{url} still served {:?} after the revocation",
            since.elapsed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn a_revoked_token_stops_at_the_other_instance_within_the_bound(a: &Instance, b: &Instance) {
    let (cookie, csrf) = log_in(&a.address);
    let (status, token) = call(
        "POST",
        &format!("{}/api/v1/tokens", a.address),
        &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
        Some(&json!({ "name": "to revoke" })),
    );
    assert_eq!(status, 201, "{token}");
    let bearer = format!("Bearer {}", token["token"].as_str().expect("token"));
    let auth = [("Authorization", bearer.as_str())];
    let me = |at: &Instance| format!("{}/api/v1/me", at.address);
    // Both instances have just checked (and keep) the token.
    assert_eq!(call("GET", &me(a), &auth, None).0, 200);
    assert_eq!(call("GET", &me(b), &auth, None).0, 200);
    let (status, _) = call(
        "DELETE",
        &format!("{}/api/v1/tokens/{}", a.address, token["id"]),
        &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
        None,
    );
    assert_eq!(status, 204);
    let revoked = Instant::now();
    assert_eq!(
        call("GET", &me(a), &auth, None).0,
        401,
        "at once where it was revoked"
    );
    refused_after(&me(b), &auth, revoked);
}

fn an_ended_session_stops_at_the_other_instance_within_the_bound(a: &Instance, b: &Instance) {
    let (cookie, csrf) = log_in(&a.address);
    let session = [("Cookie", cookie.as_str())];
    let me = |at: &Instance| format!("{}/api/v1/me", at.address);
    assert_eq!(call("GET", &me(a), &session, None).0, 200);
    assert_eq!(call("GET", &me(b), &session, None).0, 200);
    let (status, _) = call(
        "POST",
        &format!("{}/api/v1/auth/logout", a.address),
        &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
        None,
    );
    assert_eq!(status, 204);
    let ended = Instant::now();
    assert_eq!(call("GET", &me(a), &session, None).0, 401);
    refused_after(&me(b), &session, ended);
}
