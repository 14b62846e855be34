//! Operations: request ids and the Prometheus metrics of an instance.

use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(
    every_answer_carries_a_request_id_and_keeps_a_sane_incoming_one,
    metrics_count_requests_by_route_pattern_renders_and_the_pool_for_admins_only,
    consolidated_results_take_the_same_number_of_queries_whatever_the_portfolio_size,
    a_kept_portfolio_is_renewed_as_soon_as_another_assessment_is_final,
    panel_ranks_reach_scorecard_priorities_at_once,
);

fn every_answer_carries_a_request_id_and_keeps_a_sane_incoming_one(app: &TestApp) {
    let fresh = app.get("/healthz", &Cred::None);
    let id = fresh
        .header("x-request-id")
        .expect("a request id")
        .to_owned();
    assert_eq!(id.len(), 16, "{id}");
    assert_ne!(
        app.get("/healthz", &Cred::None).header("x-request-id"),
        Some(id.as_str()),
        "one per request"
    );
    let kept = ureq::get(&format!("{}/healthz", app.address))
        .set("X-Request-Id", "lb-7f3a_01")
        .call()
        .expect("ok");
    assert_eq!(kept.header("x-request-id"), Some("lb-7f3a_01"));
    let replaced = ureq::get(&format!("{}/healthz", app.address))
        .set("X-Request-Id", "<script>")
        .call()
        .expect("ok");
    assert_ne!(replaced.header("x-request-id"), Some("<script>"));
    let failed = app.get("/api/v1/clients", &Cred::None);
    assert_eq!(failed.status, 401);
    assert!(
        failed.header("x-request-id").is_some(),
        "errors carry it too"
    );
}

fn metrics_count_requests_by_route_pattern_renders_and_the_pool_for_admins_only(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let id = app.draft(&admin, client, questionnaire);
    app.finalise_mini(&admin, id, (6, 4), "seen");
    for _ in 0..3 {
        app.get(&format!("/api/v1/assessments/{id}/results"), &admin)
            .expect(200);
    }
    app.get("/api/v1/assessments/999999/results", &admin)
        .expect(404);
    let pdf = app.get(&format!("/api/v1/assessments/{id}/scorecard.pdf"), &admin);
    assert_eq!(pdf.status, 200);

    let answer = app.get("/metrics", &admin);
    assert_eq!(answer.status, 200);
    assert!(answer
        .header("content-type")
        .is_some_and(|c| c.starts_with("application/openmetrics-text; version=1.0.0")));
    let text = answer.body.as_str().expect("text").to_owned();
    let results = "method=\"GET\",route=\"/api/v1/assessments/{id}/results\"";
    assert!(
        text.contains(&format!(
            "cmas_http_request_duration_seconds_count{{{results},status=\"200\"}} 3\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "cmas_http_request_duration_seconds_count{{{results},status=\"404\"}} 1\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "cmas_http_request_duration_seconds_bucket{{le=\"+Inf\",{results},status=\"200\"}} 3\n"
        )),
        "{text}"
    );
    assert!(
        !text.contains("/api/v1/assessments/999999"),
        "raw paths never become labels"
    );
    assert!(
        text.contains("cmas_render_duration_seconds_count{kind=\"scorecard_pdf\"} 1\n"),
        "{text}"
    );
    assert!(text.contains("cmas_db_pool_max_connections 4\n"), "{text}");
    assert!(
        text.contains("# TYPE cmas_db_pool_idle_connections gauge"),
        "{text}"
    );

    let (_, consultant) = app.user(&admin, "carla@a.test", "consultant");
    app.get("/metrics", &consultant)
        .problem(403, "role_not_allowed");
    app.get("/metrics", &Cred::None)
        .problem(401, "unauthenticated");
}

/// Queries the server ran to answer one request (the test's own requests go
/// through HTTP only, and each test has its own server and pool).
fn queries_for(app: &TestApp, path: &str, cred: &Cred) -> u64 {
    let before = app.db.queries_run();
    app.get(path, cred).expect(200);
    app.db.queries_run() - before
}

/// Clients "Client {n}" for each n, each with one final mini assessment
/// scored `answer(n)`: (client id, assessment id) per n.
fn final_clients(
    app: &TestApp,
    admin: &Cred,
    questionnaire: i64,
    numbers: std::ops::Range<i64>,
    answer: impl Fn(i64) -> (i64, i64),
) -> Vec<(i64, i64)> {
    numbers
        .map(|n| {
            let client = app.client(admin, &format!("Client {n}"));
            let id = app.draft(admin, client, questionnaire);
            app.finalise_mini(admin, id, answer(n), "seen");
            (client, id)
        })
        .collect()
}

fn consolidated_results_take_the_same_number_of_queries_whatever_the_portfolio_size(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let first = app.draft(&admin, app.client(&admin, "Client 0"), questionnaire);
    app.finalise_mini(&admin, first, (6, 4), "seen");
    let path = format!("/api/v1/assessments/{first}/results");
    let small = queries_for(app, &path, &admin);
    assert!(
        small > 0 && small <= 20,
        "{small} queries: a handful, counting BEGIN and COMMIT"
    );
    let others = final_clients(app, &admin, questionnaire, 1..13, |n| (n % 10, 3));
    let (_, other) = others[5];
    assert_eq!(
        queries_for(app, &format!("/api/v1/assessments/{other}/results"), &admin),
        small,
        "13× the portfolio, the same queries"
    );
    // Read again, the results are kept: the assessment's versions are read
    // and nothing else (the credential is remembered after one more read),
    // outside a transaction; PostgreSQL's pool checks its connection first.
    queries_for(app, &path, &admin);
    let kept = queries_for(app, &path, &admin);
    let liveness_check = u64::from(app.on_postgres());
    assert_eq!(
        kept,
        1 + liveness_check,
        "queries for kept results (a cold read took {small})"
    );
}

/// The benchmark group of a scorecard, as its page says it: "(N companies)".
fn companies(app: &TestApp, id: i64, cred: &Cred) -> String {
    let page = app.get(&format!("/api/v1/assessments/{id}/scorecard.html"), cred);
    let text = page.body.as_str().unwrap_or("").to_owned();
    let end = text.find(" companies)").expect("a standing sentence");
    let start = text[..end].rfind('(').expect("(") + 1;
    text[start..end].to_owned()
}

fn a_kept_portfolio_is_renewed_as_soon_as_another_assessment_is_final(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let ids: Vec<i64> = final_clients(app, &admin, questionnaire, 0..3, |n| (n + 3, 4))
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    assert_eq!(companies(app, ids[0], &admin), "3");
    assert_eq!(
        companies(app, ids[0], &admin),
        "3",
        "the kept portfolio answers again"
    );
    let late = app.draft(&admin, app.client(&admin, "Latecomer"), questionnaire);
    assert_eq!(
        companies(app, ids[0], &admin),
        "3",
        "a draft is not in the portfolio"
    );
    app.finalise_mini(&admin, late, (9, 9), "seen");
    assert_eq!(companies(app, ids[0], &admin), "4", "renewed at once");
}

/// The scorecard's sentence on how its priorities are weighted.
fn priority_rule(app: &TestApp, id: i64, cred: &Cred) -> &'static str {
    let page = app.get(&format!("/api/v1/assessments/{id}/scorecard.html"), cred);
    let text = page.body.as_str().unwrap_or("");
    match (
        text.contains("all areas weighted equally"),
        text.contains("weighted by how strongly the area tracks business performance"),
    ) {
        (true, false) => "equal",
        (false, true) => "by performance",
        _ => panic!("no single priority rule on the scorecard"),
    }
}

fn panel_ranks_reach_scorecard_priorities_at_once(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let (clients, ids): (Vec<i64>, Vec<i64>) =
        final_clients(app, &admin, questionnaire, 0..10, |n| {
            (n % 10, (n * 3) % 10)
        })
        .into_iter()
        .unzip();
    assert_eq!(priority_rule(app, ids[0], &admin), "equal");
    assert_eq!(
        priority_rule(app, ids[0], &admin),
        "equal",
        "the kept weights answer again"
    );
    let panel = app
        .send(
            "POST",
            "/api/v1/panels",
            &admin,
            &json!({ "name": "Analysts", "period": "2026" }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    let ranks: Vec<_> = clients
        .iter()
        .enumerate()
        .map(|(n, c)| json!({ "client_id": c, "rank": 10 - n }))
        .collect();
    app.send(
        "PUT",
        &format!("/api/v1/panels/{panel}/ranks"),
        &admin,
        &json!(ranks),
    )
    .expect(204);
    assert_eq!(
        priority_rule(app, ids[0], &admin),
        "by performance",
        "new ranks count at once, not after a cache expires"
    );
}
