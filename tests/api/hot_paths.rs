//! The hot paths' shortcuts give nothing up: saves that arrive together
//! share commits yet each is answered for itself, kept results follow every
//! change, and a kept document is served only for the very same content.
//! (Across instances: `tests/instances.rs`.)

use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    saves_from_64_connections_share_commits_on_sqlite_and_each_stale_one_gets_its_own_409,
    kept_results_follow_every_save_agreement_and_status_change,
    a_second_scorecard_of_the_same_content_is_not_rendered_again_and_a_changed_look_is,
);

const QUESTIONS: [&str; 3] = ["AP.1.1", "AP.1.2", "ME.1.1"];

fn saves_from_64_connections_share_commits_on_sqlite_and_each_stale_one_gets_its_own_409(
    app: &TestApp,
) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let id = app.draft(&admin, app.client(&admin, "Busy Bank"), questionnaire);
    let commits_before = app.db.commits_made();
    // 64 connections, 8 saves each; every eighth connection sends a version
    // that was never read, so each of its saves must be refused alone.
    let answers: Vec<(usize, u16, Value)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..64)
            .map(|worker| {
                let admin = &admin;
                scope.spawn(move || {
                    (0..8)
                        .map(|n| {
                            let question = QUESTIONS[(worker + n) % QUESTIONS.len()];
                            let mut body =
                                json!({ "intention": (worker + n) % 11, "reality": n % 11 });
                            if worker % 8 == 7 {
                                body["version"] = json!(999);
                            }
                            let answer = app.send(
                                "PUT",
                                &format!("/api/v1/assessments/{id}/scores/{question}"),
                                admin,
                                &body,
                            );
                            (worker, answer.status, answer.body)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a worker"))
            .collect()
    });
    let commits = app.db.commits_made() - commits_before;
    let saved = answers
        .iter()
        .filter(|(_, status, _)| *status == 200)
        .count();
    let postgres = app.url.starts_with("postgres");
    for (worker, status, body) in &answers {
        if worker % 8 == 7 {
            assert_eq!(*status, 409, "worker {worker}: {body}");
            assert_eq!(body["code"], "stale_version", "{body}");
        } else if postgres && *status == 409 {
            // On PostgreSQL saves run side by side: two saves to one
            // question at once may also end as one 200 and one 409.
            let code = body["code"].as_str();
            assert!(matches!(code, Some("stale_version" | "conflict")), "{body}");
        } else {
            assert_eq!(*status, 200, "worker {worker}: {body}");
        }
    }
    if postgres {
        // A transaction each (see `db::group_commit`).
        assert!(
            saved > 0 && commits >= saved as u64,
            "{commits} commits for {saved} saves"
        );
    } else {
        assert_eq!(saved, 56 * 8, "on SQLite saves take turns: none races");
        // Far fewer commits than saves (the credential's last-used note is
        // one more write now and then).
        assert!(
            commits * 2 <= saved as u64,
            "{commits} commits for {saved} saves"
        );
    }
    // Every acknowledged save is stored: each question's version counts the
    // writes to it.
    let scores = app
        .get(&format!("/api/v1/assessments/{id}/scores"), &admin)
        .expect(200);
    let versions: i64 = scores
        .as_array()
        .expect("scores")
        .iter()
        .map(|s| s["version"].as_i64().expect("version"))
        .sum();
    assert_eq!(versions, saved as i64, "{scores}");
    eprintln!("{saved} saves from 64 connections in {commits} commits");
}

fn put(app: &TestApp, cred: &Cred, id: i64, question: &str, (i, r): (i64, i64)) {
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/{question}"),
        cred,
        &json!({ "intention": i, "reality": r }),
    )
    .expect(200);
}

fn kept_results_follow_every_save_agreement_and_status_change(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let id = app.draft(&admin, app.client(&admin, "Kept Bank"), questionnaire);
    let path = format!("/api/v1/assessments/{id}/results");
    let percent = |results: &Value, question: &str| {
        results["questions"]
            .as_array()
            .expect("questions")
            .iter()
            .find(|q| q["question_id"] == question)
            .map(|q| q["percent"].clone())
    };
    put(app, &admin, id, "AP.1.1", (8, 6));
    let first = app.get(&path, &admin).expect(200);
    assert_eq!(app.get(&path, &admin).expect(200), first, "kept, the same");
    put(app, &admin, id, "AP.1.1", (2, 2));
    let after_save = app.get(&path, &admin).expect(200);
    assert_ne!(
        percent(&after_save, "AP.1.1"),
        percent(&first, "AP.1.1"),
        "{after_save}"
    );
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/agreed/AP.1.1"),
        &admin,
        &json!({ "intention": 10, "reality": 10 }),
    )
    .expect(200);
    let after_agreement = app.get(&path, &admin).expect(200);
    assert_ne!(
        percent(&after_agreement, "AP.1.1"),
        percent(&after_save, "AP.1.1"),
        "{after_agreement}"
    );
    for q in QUESTIONS {
        put(app, &admin, id, q, (5, 5));
    }
    app.finalise(&admin, id);
    assert_eq!(app.get(&path, &admin).expect(200)["status"], "final");
}

/// A counter's value in the metrics text, 0 when it has no line yet.
fn metric(app: &TestApp, admin: &Cred, series: &str) -> u64 {
    let text = app.get("/metrics", admin);
    assert_eq!(text.status, 200);
    String::from_utf8_lossy(&text.bytes)
        .lines()
        .find_map(|line| line.strip_prefix(series)?.trim().parse().ok())
        .unwrap_or(0)
}

fn a_second_scorecard_of_the_same_content_is_not_rendered_again_and_a_changed_look_is(
    app: &TestApp,
) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let id = app.draft(&admin, app.client(&admin, "Printed Bank"), questionnaire);
    app.finalise_mini(&admin, id, (7, 5), "seen");
    let pdf = format!("/api/v1/assessments/{id}/scorecard.pdf");
    let renders = r#"cmas_render_duration_seconds_count{kind="scorecard_pdf"}"#;
    let hits = r#"cmas_cache_hits_total{cache="documents"}"#;
    let (renders_before, hits_before) = (metric(app, &admin, renders), metric(app, &admin, hits));
    let first = app.get(&pdf, &admin);
    let second = app.get(&pdf, &admin);
    assert_eq!((first.status, second.status), (200, 200));
    assert_eq!(first.bytes, second.bytes, "the kept bytes");
    assert_eq!(
        metric(app, &admin, renders) - renders_before,
        1,
        "one render"
    );
    assert_eq!(metric(app, &admin, hits) - hits_before, 1, "one hit");
    // Another language is another document.
    let german = app.get(&format!("{pdf}?lang=de"), &admin);
    assert_eq!(german.status, 200);
    assert_ne!(german.bytes, first.bytes);
    assert_eq!(metric(app, &admin, renders) - renders_before, 2);
    // A changed look is a new render, never the kept bytes.
    app.send(
        "PUT",
        "/api/v1/settings/branding",
        &admin,
        &json!({
            "primary_colour": "#0B6E4F", "accent_colour": "#a61e4d", "font": "noto-serif",
            "cover": false, "footer": "Printed on demand", "confidentiality": ""
        }),
    )
    .expect(200);
    let rebranded = app.get(&pdf, &admin);
    assert_eq!(rebranded.status, 200);
    assert_ne!(rebranded.bytes, first.bytes);
    assert_eq!(metric(app, &admin, renders) - renders_before, 3);
    let bytes = metric(app, &admin, r#"cmas_cache_bytes{cache="documents"}"#);
    assert!(bytes >= first.bytes.len() as u64, "{bytes} bytes kept");
}
