use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use cmas::db::organisations::Organisation;
use serde_json::json;

on_both_backends!(
    scores_outside_the_rules_get_422_naming_the_problem,
    malformed_or_oversized_bodies_get_4xx_problems,
    a_failed_transaction_leaves_nothing_behind,
    unknown_routes_and_bad_ids_get_problems_too,
);

fn setup(app: &TestApp) -> (Cred, i64) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let id = app
        .send("POST", "/api/v1/assessments", &admin, &json!({ "client_id": client, "questionnaire_id": questionnaire, "assessment_date": "2026-11-01" }))
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    (admin, id)
}

fn scores_outside_the_rules_get_422_naming_the_problem(app: &TestApp) {
    let (admin, id) = setup(app);
    let put = |q: &str, body: serde_json::Value| {
        app.send(
            "PUT",
            &format!("/api/v1/assessments/{id}/scores/{q}"),
            &admin,
            &body,
        )
    };
    let unknown =
        put("XX.9.9", json!({ "intention": 5, "reality": 5 })).problem(422, "unknown_question");
    assert!(unknown["detail"]
        .as_str()
        .is_some_and(|d| d.contains("XX.9.9")));
    let range =
        put("AP.1.1", json!({ "intention": 11, "reality": 5 })).problem(422, "score_out_of_range");
    assert!(
        range["detail"]
            .as_str()
            .is_some_and(|d| d.contains("intention") && d.contains("0–10")),
        "{range}"
    );
    put("AP.1.1", json!({ "intention": 5, "reality": -1 })).problem(422, "score_out_of_range");
    // A partial answer is no error: it is kept as a draft (tests/api/fieldwork.rs).
    assert_eq!(
        put("AP.1.1", json!({ "intention": 5 })).expect(200)["complete"],
        false
    );
    assert_eq!(
        put("AP.1.1", json!({ "not_applicable": true })).expect(200)["complete"],
        false
    );
    put(
        "AP.1.1",
        json!({ "not_applicable": true, "na_reason": "n/a", "intention": 3 }),
    )
    .problem(422, "na_with_scores");
    put(
        "AP.1.1",
        json!({ "intention": 5, "reality": 5, "evidence": "x".repeat(10_001) }),
    )
    .problem(422, "field_too_long");
    put("AP.1.1", json!({ "intention": 5.5, "reality": 5 })).problem(400, "malformed_json");
    put(
        "AP.1.1",
        json!({ "intention": 5, "reality": 5, "colour": "red" }),
    )
    .problem(400, "malformed_json");
}

fn malformed_or_oversized_bodies_get_4xx_problems(app: &TestApp) {
    let (admin, _) = setup(app);
    let broken = app
        .request(
            "POST",
            "/api/v1/clients",
            &admin,
            Some("{\"name\": "),
            "application/json",
        )
        .problem(400, "malformed_json");
    assert!(
        broken["detail"]
            .as_str()
            .is_some_and(|d| d.contains("line 1")),
        "{broken}"
    );
    app.request(
        "POST",
        "/api/v1/clients",
        &admin,
        Some("name=x"),
        "application/x-www-form-urlencoded",
    )
    .problem(400, "content_type");
    let huge =
        json!({ "name": "x".repeat(300 * 1024), "sector": "s", "size_band": "b", "region": "r" });
    let too_large = app
        .send("POST", "/api/v1/clients", &admin, &huge)
        .problem(413, "body_too_large");
    assert!(
        too_large["detail"]
            .as_str()
            .is_some_and(|d| d.contains("262144")),
        "{too_large}"
    );
    app.send(
        "POST",
        "/api/v1/clients",
        &admin,
        &json!({ "name": "x".repeat(201), "sector": "s", "size_band": "b", "region": "r" }),
    )
    .problem(422, "field_too_long");
    app.send(
        "POST",
        "/api/v1/clients",
        &admin,
        &json!({ "name": "  ", "sector": "s", "size_band": "b", "region": "r" }),
    )
    .problem(422, "missing_field");
    app.send(
        "POST",
        "/api/v1/assessments",
        &admin,
        &json!({ "client_id": 1, "questionnaire_id": 1, "assessment_date": "2026-13-45" }),
    )
    .problem(400, "malformed_json");
}

fn a_failed_transaction_leaves_nothing_behind(app: &TestApp) {
    // Every handler runs in `Database::write`: a failure after a write must undo it.
    let result = app.db.write(|conn| -> anyhow::Result<()> {
        Organisation::create(conn, "Half-written", "half-written")?;
        anyhow::bail!("a later step failed")
    });
    assert!(result.is_err());
    let left = app
        .db
        .read(|conn| Organisation::find_by_slug(conn, "half-written").map_err(anyhow::Error::from));
    assert!(
        left.expect("read").is_none(),
        "the organisation of the failed transaction is still there"
    );
}

fn unknown_routes_and_bad_ids_get_problems_too(app: &TestApp) {
    let admin = app.admin();
    app.get("/api/v1/nothing-here", &admin)
        .problem(404, "not_found");
    app.get("/api/v1/clients/abc", &admin)
        .problem(400, "bad_path");
    app.get("/api/v1/clients/424242", &admin)
        .problem(404, "not_found");
    app.get("/api/v1/assessments?status=open", &admin)
        .problem(400, "bad_query");
    let _ = Cred::None;
}
