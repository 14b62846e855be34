use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    an_assessment_goes_from_import_to_final_results_with_two_assessors,
    the_lead_sets_agreed_scores_and_na_leaves_the_denominator,
    a_stale_status_change_gets_409_and_changes_nothing,
    every_score_change_is_in_the_audit_trail,
    the_lead_manages_the_team_and_only_assessors_score,
    a_final_assessment_never_changes_status_again,
    an_agreed_score_makes_an_older_version_stale,
);

/// An admin, a lead assessor and a co-assessor, and a draft assessment of theirs.
struct Team {
    admin: Cred,
    lead_id: i64,
    lead: Cred,
    co_id: i64,
    co: Cred,
    id: i64,
}

fn team(app: &TestApp) -> Team {
    let admin = app.admin();
    let (lead_id, lead) = app.user(&admin, "lead@a.test", "consultant");
    let (co_id, co) = app.user(&admin, "co@a.test", "consultant");
    let id = assessment(app, &admin, lead_id, co_id);
    Team {
        admin,
        lead_id,
        lead,
        co_id,
        co,
        id,
    }
}

/// Sets up a client, the mini questionnaire and an assessment led by `lead` with `co` as co-assessor.
fn assessment(app: &TestApp, admin: &Cred, lead: i64, co: i64) -> i64 {
    let questionnaire = app.mini_questionnaire(admin);
    let client = app.client(admin, "Harbour Bank");
    let body = app
        .send(
            "POST",
            "/api/v1/assessments",
            admin,
            &json!({
                "client_id": client, "questionnaire_id": questionnaire, "assessment_date": "2026-11-01",
                "scope": { "business_unit": "Retail", "customer_group": "current high value" },
                "lead_assessor_id": lead, "assessor_ids": [co]
            }),
        )
        .expect(201);
    assert_eq!(body["status"], "draft");
    assert_eq!(body["assessor_ids"].as_array().map(Vec::len), Some(2));
    body["id"].as_i64().expect("id")
}

fn score(
    app: &TestApp,
    cred: &Cred,
    assessment: i64,
    question: &str,
    intention: i64,
    reality: i64,
) -> Value {
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{assessment}/scores/{question}"),
        cred,
        &json!({ "intention": intention, "reality": reality, "evidence": "Seen the segmentation model" }),
    )
    .expect(200)
}

fn question<'a>(results: &'a Value, id: &str) -> &'a Value {
    results["questions"]
        .as_array()
        .and_then(|qs| qs.iter().find(|q| q["question_id"] == id))
        .expect("question in results")
}

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

fn an_assessment_goes_from_import_to_final_results_with_two_assessors(app: &TestApp) {
    let Team { lead, co, id, .. } = team(app);

    score(app, &lead, id, "AP.1.1", 8, 6);
    score(app, &co, id, "AP.1.1", 4, 2); // 4 points apart: flagged
    score(app, &lead, id, "AP.1.2", 5, 5);
    score(app, &co, id, "AP.1.2", 6, 4);
    score(app, &lead, id, "ME.1.1", 2, 0);
    let current = app
        .get(&format!("/api/v1/assessments/{id}"), &lead)
        .expect(200);
    assert_eq!(
        current["status"], "in_progress",
        "the first score starts the assessment"
    );

    let results = app
        .get(&format!("/api/v1/assessments/{id}/results"), &lead)
        .expect(200);
    let ap11 = question(&results, "AP.1.1");
    assert!(
        close(&ap11["intention"], 6.0) && close(&ap11["reality"], 4.0),
        "{ap11}"
    );
    assert_eq!(ap11["disagreement"], true);
    assert_eq!(question(&results, "AP.1.2")["disagreement"], false);
    // AP.1: (50% × 1 + 50% × 3) / 4 = 50 combined; ME: 10%; overall: (50 + 10) / 2.
    let ap = &results["areas"][0];
    assert!(close(&ap["percent"]["combined"], 50.0), "{ap}");
    assert!(
        close(&ap["percent"]["intention"], (60.0 + 3.0 * 55.0) / 4.0),
        "{ap}"
    );
    assert!(close(&results["areas"][1]["percent"]["combined"], 10.0));
    assert!(
        close(&results["overall"]["percent"]["combined"], 30.0),
        "{}",
        results["overall"]
    );
    assert_eq!(results["overall"]["disagreements"], 1);
    assert_eq!(results["areas"][0]["sub_areas"][0]["id"], "AP.1");

    // Each assessor sees their own answers; the lead sees everyone's.
    let own = app
        .get(&format!("/api/v1/assessments/{id}/scores"), &co)
        .expect(200);
    assert_eq!(own.as_array().map(Vec::len), Some(2));
    let all = app
        .get(
            &format!("/api/v1/assessments/{id}/scores?assessor=all"),
            &lead,
        )
        .expect(200);
    assert_eq!(all.as_array().map(Vec::len), Some(5));
    app.get(
        &format!("/api/v1/assessments/{id}/scores?assessor=all"),
        &co,
    )
    .problem(403, "not_the_lead");

    let version = current["version"].as_i64().expect("version");
    let final_ = app
        .send(
            "PATCH",
            &format!("/api/v1/assessments/{id}"),
            &lead,
            &json!({ "version": version, "status": "final" }),
        )
        .expect(200);
    assert_eq!(final_["status"], "final");
    assert!(final_["finalised_at"].is_string());

    // A final assessment is a record: no more scores.
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/ME.1.1"),
        &lead,
        &json!({ "intention": 9, "reality": 9 }),
    )
    .problem(409, "assessment_final");
    let again = app
        .get(&format!("/api/v1/assessments/{id}/results"), &lead)
        .expect(200);
    assert_eq!(again["overall"], results["overall"]);
}

fn the_lead_sets_agreed_scores_and_na_leaves_the_denominator(app: &TestApp) {
    let Team { lead, co, id, .. } = team(app);
    score(app, &lead, id, "AP.1.1", 10, 10);
    score(app, &co, id, "AP.1.1", 0, 0);
    score(app, &lead, id, "ME.1.1", 6, 6);
    let before = app
        .get(&format!("/api/v1/assessments/{id}/results"), &lead)
        .expect(200);

    // N/A on AP.1.2 from both assessors: nothing moves.
    for cred in [&lead, &co] {
        app.send(
            "PUT",
            &format!("/api/v1/assessments/{id}/scores/AP.1.2"),
            cred,
            &json!({ "not_applicable": true, "na_reason": "No competitors in this regulated market" }),
        )
        .expect(200);
    }
    let with_na = app
        .get(&format!("/api/v1/assessments/{id}/results"), &lead)
        .expect(200);
    assert_eq!(with_na["overall"]["percent"], before["overall"]["percent"]);
    assert_eq!(question(&with_na, "AP.1.2")["not_applicable"], true);
    assert_eq!(with_na["overall"]["not_applicable"], 1);

    // The co-assessor may not agree scores; the lead may, and it replaces the mean.
    let path = format!("/api/v1/assessments/{id}/agreed/AP.1.1");
    app.send("PUT", &path, &co, &json!({ "intention": 7, "reality": 5 }))
        .problem(403, "not_the_lead");
    app.send(
        "PUT",
        &path,
        &lead,
        &json!({ "intention": 7, "reality": 5, "evidence": "Agreed in the wash-up" }),
    )
    .expect(200);
    let agreed = app
        .get(&format!("/api/v1/assessments/{id}/results"), &lead)
        .expect(200);
    let ap11 = question(&agreed, "AP.1.1");
    assert_eq!(ap11["agreed"], true);
    assert_eq!(
        ap11["disagreement"], true,
        "the flag stays so the reader knows"
    );
    assert!(close(&ap11["percent"]["combined"], 60.0), "{ap11}");

    app.request("DELETE", &path, &lead, None, "").expect(204);
    let cleared = app
        .get(&format!("/api/v1/assessments/{id}/results"), &lead)
        .expect(200);
    assert!(close(
        &question(&cleared, "AP.1.1")["percent"]["combined"],
        50.0
    ));
}

fn a_stale_status_change_gets_409_and_changes_nothing(app: &TestApp) {
    let Team { lead, id, .. } = team(app);
    let path = format!("/api/v1/assessments/{id}");
    let first = app
        .send(
            "PATCH",
            &path,
            &lead,
            &json!({ "version": 1, "status": "in_progress" }),
        )
        .expect(200);
    assert_eq!(first["version"], 2);
    app.send(
        "PATCH",
        &path,
        &lead,
        &json!({ "version": 1, "status": "draft" }),
    )
    .problem(409, "stale_version");
    assert_eq!(app.get(&path, &lead).expect(200)["status"], "in_progress");
    // Finalising with unanswered questions is refused and says how many.
    let body = app
        .send(
            "PATCH",
            &path,
            &lead,
            &json!({ "version": 2, "status": "final" }),
        )
        .problem(422, "incomplete");
    assert!(
        body["detail"]
            .as_str()
            .is_some_and(|d| d.contains("3 of 3 questions")),
        "{body}"
    );

    // Stale score versions too.
    let scores = format!("/api/v1/assessments/{id}/scores/AP.1.1");
    let saved = app
        .send(
            "PUT",
            &scores,
            &lead,
            &json!({ "intention": 3, "reality": 2, "version": 0 }),
        )
        .expect(200);
    assert_eq!(saved["version"], 1);
    app.send(
        "PUT",
        &scores,
        &lead,
        &json!({ "intention": 4, "reality": 2, "version": 1 }),
    )
    .expect(200);
    app.send(
        "PUT",
        &scores,
        &lead,
        &json!({ "intention": 9, "reality": 9, "version": 1 }),
    )
    .problem(409, "stale_version");
    let mine = app
        .get(&format!("/api/v1/assessments/{id}/scores"), &lead)
        .expect(200);
    assert_eq!(mine[0]["intention"], 4);
}

fn every_score_change_is_in_the_audit_trail(app: &TestApp) {
    let Team {
        lead,
        co_id,
        co,
        id,
        ..
    } = team(app);
    score(app, &co, id, "ME.1.1", 3, 1);
    score(app, &co, id, "ME.1.1", 5, 1);
    let trail = app
        .get(&format!("/api/v1/assessments/{id}/audit"), &lead)
        .expect(200);
    let saves: Vec<&Value> = trail
        .as_array()
        .expect("list")
        .iter()
        .filter(|e| e["action"] == "score.save")
        .collect();
    assert_eq!(saves.len(), 2);
    assert_eq!(saves[1]["actor_id"], co_id);
    let before: Value =
        serde_json::from_str(saves[1]["before_value"].as_str().expect("before")).expect("json");
    let after: Value =
        serde_json::from_str(saves[1]["after_value"].as_str().expect("after")).expect("json");
    assert_eq!(
        (
            before["answer"]["intention"].clone(),
            after["answer"]["intention"].clone()
        ),
        (json!(3), json!(5))
    );
    assert!(saves[0]["before_value"].is_null());
    app.get(&format!("/api/v1/assessments/{id}/audit"), &co)
        .problem(403, "not_the_lead");
}

fn the_lead_manages_the_team_and_only_assessors_score(app: &TestApp) {
    let Team {
        admin,
        lead_id,
        lead,
        co,
        id,
        ..
    } = team(app);
    let (late_id, late) = app.user(&admin, "late@a.test", "consultant");
    let team = format!("/api/v1/assessments/{id}/assessors");

    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/AP.1.1"),
        &late,
        &json!({ "intention": 5, "reality": 5 }),
    )
    .problem(403, "not_an_assessor");
    app.send("POST", &team, &co, &json!({ "user_id": late_id }))
        .problem(403, "not_the_lead");
    let added = app
        .send("POST", &team, &lead, &json!({ "user_id": late_id }))
        .expect(200);
    assert!(
        added["assessor_ids"]
            .as_array()
            .is_some_and(|ids| ids.contains(&json!(late_id))),
        "{added}"
    );
    score(app, &late, id, "AP.1.1", 9, 9);
    score(app, &co, id, "AP.1.1", 1, 1);

    // Removing an assessor takes their answers out of the results.
    app.request("DELETE", &format!("{team}/{lead_id}"), &lead, None, "")
        .problem(422, "lead_required");
    let removed = app
        .request("DELETE", &format!("{team}/{late_id}"), &lead, None, "")
        .expect(200);
    assert!(removed["assessor_ids"]
        .as_array()
        .is_some_and(|ids| !ids.contains(&json!(late_id))));
    let results = app
        .get(&format!("/api/v1/assessments/{id}/results"), &lead)
        .expect(200);
    let ap11 = question(&results, "AP.1.1");
    assert_eq!(ap11["answers"], 1);
    assert!(close(&ap11["intention"], 1.0), "{ap11}");
    app.request("DELETE", &format!("{team}/{late_id}"), &lead, None, "")
        .problem(404, "not_found");
    app.send("POST", &team, &lead, &json!({ "user_id": 99_999 }))
        .problem(422, "unknown_user");
}

/// Scores every mini question as `cred` and returns the assessment's current version.
fn score_all(app: &TestApp, cred: &Cred, id: i64) -> i64 {
    for q in ["AP.1.1", "AP.1.2", "ME.1.1"] {
        score(app, cred, id, q, 6, 4);
    }
    app.get(&format!("/api/v1/assessments/{id}"), cred)
        .expect(200)["version"]
        .as_i64()
        .expect("version")
}

fn a_final_assessment_never_changes_status_again(app: &TestApp) {
    let Team {
        lead, co_id, id, ..
    } = team(app);
    let path = format!("/api/v1/assessments/{id}");
    let version = score_all(app, &lead, id);
    app.send(
        "PATCH",
        &path,
        &lead,
        &json!({ "version": version, "status": "draft" }),
    )
    .problem(409, "invalid_transition");
    let done = app
        .send(
            "PATCH",
            &path,
            &lead,
            &json!({ "version": version, "status": "final" }),
        )
        .expect(200);
    let final_version = done["version"].as_i64().expect("version");
    // Asking for final again changes nothing: same version, same finalisation time.
    let again = app
        .send(
            "PATCH",
            &path,
            &lead,
            &json!({ "version": final_version, "status": "final" }),
        )
        .expect(200);
    assert_eq!(
        (again["version"].clone(), again["finalised_at"].clone()),
        (done["version"].clone(), done["finalised_at"].clone())
    );
    let body = app
        .send(
            "PATCH",
            &path,
            &lead,
            &json!({ "version": final_version, "status": "in_progress" }),
        )
        .problem(409, "invalid_transition");
    assert!(
        body["detail"].as_str().is_some_and(|d| d.contains("final")),
        "{body}"
    );
    app.send(
        "POST",
        &format!("{path}/assessors"),
        &lead,
        &json!({ "user_id": co_id }),
    )
    .problem(409, "assessment_final");
    app.send(
        "PUT",
        &format!("{path}/agreed/AP.1.1"),
        &lead,
        &json!({ "intention": 1, "reality": 1 }),
    )
    .problem(409, "assessment_final");
}

fn an_agreed_score_makes_an_older_version_stale(app: &TestApp) {
    let Team { lead, id, .. } = team(app);
    let path = format!("/api/v1/assessments/{id}");
    let version = score_all(app, &lead, id);
    app.send(
        "PUT",
        &format!("{path}/agreed/ME.1.1"),
        &lead,
        &json!({ "intention": 2, "reality": 2 }),
    )
    .expect(200);
    app.send(
        "PATCH",
        &path,
        &lead,
        &json!({ "version": version, "status": "final" }),
    )
    .problem(409, "stale_version");
    let current = app.get(&path, &lead).expect(200);
    assert_eq!(current["version"], version + 1);
    assert_eq!(current["status"], "in_progress");
}
