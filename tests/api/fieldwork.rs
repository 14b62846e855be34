//! Fieldwork: partial answers kept as drafts and left out of results, the
//! interview plan with its versioned notes, the coverage of the areas, the
//! lead's division of the areas and each assessor's work.

use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    a_partial_answer_is_kept_as_a_draft_and_counts_only_once_complete,
    interviews_are_planned_held_and_cover_areas,
    the_lead_divides_the_areas_and_each_assessor_sees_their_work,
    two_reviewers_on_one_agreed_score_get_a_conflict_not_an_overwrite,
);

fn setup(app: &TestApp) -> (Cred, i64) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Fieldwork Ltd");
    (admin.clone(), app.draft(&admin, client, questionnaire))
}

fn results(app: &TestApp, cred: &Cred, id: i64) -> Value {
    app.get(&format!("/api/v1/assessments/{id}/results"), cred)
        .expect(200)
}

fn a_partial_answer_is_kept_as_a_draft_and_counts_only_once_complete(app: &TestApp) {
    let (admin, id) = setup(app);
    let path = format!("/api/v1/assessments/{id}/scores/AP.1.1");
    // A note before any score, then one dimension, then N/A without its reason.
    let note = app
        .send(
            "PUT",
            &path,
            &admin,
            &json!({ "evidence": "CMO says the plan is signed off", "version": 0 }),
        )
        .expect(200);
    assert_eq!(
        (note["complete"].clone(), note["version"].clone()),
        (json!(false), json!(1))
    );
    let half = app
        .send(
            "PUT",
            &path,
            &admin,
            &json!({ "intention": 6, "evidence": "CMO says the plan is signed off", "version": 1 }),
        )
        .expect(200);
    assert_eq!(half["complete"], false);
    assert_eq!(half["intention"], 6);
    let r = results(app, &admin, id);
    assert_eq!(
        r["overall"]["scored"], 0,
        "a draft is left out of results: {r}"
    );
    assert!(r["questions"].as_array().is_some_and(Vec::is_empty), "{r}");
    let na = app
        .send(
            "PUT",
            &path,
            &admin,
            &json!({ "not_applicable": true, "version": 2 }),
        )
        .expect(200);
    assert_eq!(
        (na["complete"].clone(), na["not_applicable"].clone()),
        (json!(false), json!(true))
    );
    // Finalising refuses while a question has only a draft.
    let version = app
        .get(&format!("/api/v1/assessments/{id}"), &admin)
        .expect(200)["version"]
        .clone();
    app.send(
        "PATCH",
        &format!("/api/v1/assessments/{id}"),
        &admin,
        &json!({ "version": version, "status": "final" }),
    )
    .expect(422);
    let done = app
        .send(
            "PUT",
            &path,
            &admin,
            &json!({ "intention": 6, "reality": 4, "evidence": "Plan seen", "version": 3 }),
        )
        .expect(200);
    assert_eq!(done["complete"], true);
    assert_eq!(results(app, &admin, id)["overall"]["scored"], 1);
    // A value given is still checked, draft or not.
    app.send("PUT", &path, &admin, &json!({ "intention": 11 }))
        .problem(422, "score_out_of_range");
}

fn interview(function: &str, status: &str, areas: Value, assessors: Value) -> Value {
    json!({
        "interviewee": "Anna Berg", "job_title": "Head of service", "function": function,
        "scheduled_at": "2026-12-08T14:30:00", "status": status, "area_ids": areas, "assessor_ids": assessors,
    })
}

fn interviews_are_planned_held_and_cover_areas(app: &TestApp) {
    let (admin, id) = setup(app);
    let me = app.get("/api/v1/me", &admin).expect(200)["user"]["id"].clone();
    let base = format!("/api/v1/assessments/{id}/interviews");
    let planned = app
        .send(
            "POST",
            &base,
            &admin,
            &interview("service", "planned", json!(["AP"]), json!([me])),
        )
        .expect(201);
    assert_eq!(planned["version"], 1);
    assert_eq!(planned["assessor_ids"], json!([me]));
    app.send(
        "POST",
        &base,
        &admin,
        &interview("catering", "planned", json!([]), json!([])),
    )
    .problem(422, "unknown_value");
    app.send(
        "POST",
        &base,
        &admin,
        &interview("sales", "planned", json!(["XX"]), json!([])),
    )
    .problem(422, "unknown_area");
    app.send(
        "POST",
        &base,
        &admin,
        &interview("sales", "planned", json!([]), json!([999])),
    )
    .problem(422, "not_an_assessor");

    let coverage = |app: &TestApp| {
        app.get(&format!("/api/v1/assessments/{id}/coverage"), &admin)
            .expect(200)
    };
    let before = coverage(app);
    assert_eq!(
        before["uncovered"],
        json!(["AP", "ME"]),
        "a planned interview covers nothing yet"
    );

    // Held, with notes (the autosave sends the whole interview with its version).
    let path = format!("{base}/{}", planned["id"]);
    let mut held = interview("service", "held", json!(["AP.1"]), json!([me]));
    held["notes"] = json!("Complaints are logged but never analysed.");
    held["version"] = json!(1);
    let saved = app.send("PUT", &path, &admin, &held).expect(200);
    assert_eq!(
        (saved["version"].clone(), saved["notes"].clone()),
        (json!(2), held["notes"].clone())
    );
    // Someone who read version 1 gets a conflict, not an overwrite.
    held["notes"] = json!("An older note");
    app.send("PUT", &path, &admin, &held)
        .problem(409, "stale_version");

    let after = coverage(app);
    assert_eq!(after["uncovered"], json!(["ME"]), "{after}");
    let functions: Vec<&str> = after["functions"]
        .as_array()
        .expect("functions")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let service = functions
        .iter()
        .position(|f| *f == "service")
        .expect("service");
    assert_eq!(after["areas"][0]["held_by_function"][service], 1);
    assert_eq!(after["areas"][0]["held_interviews"], 1);
    // A document meant for ME covers it.
    app.send(
        "POST",
        &format!("/api/v1/assessments/{id}/evidence/links"),
        &admin,
        &json!({ "title": "KPI pack", "url": "https://kpi.test/pack", "area_ids": ["ME"] }),
    )
    .expect(201);
    assert_eq!(coverage(app)["uncovered"], json!([]));
    // The interview is evidence that answers cite.
    let listed = app
        .get(&format!("/api/v1/assessments/{id}/evidence"), &admin)
        .expect(200);
    assert!(listed
        .as_array()
        .expect("items")
        .iter()
        .any(|i| i["kind"] == "interview" && i["id"] == planned["id"]));
}

fn the_lead_divides_the_areas_and_each_assessor_sees_their_work(app: &TestApp) {
    let (admin, id) = setup(app);
    let (co_id, co) = app.user(&admin, "co@a.test", "consultant");
    app.send(
        "POST",
        &format!("/api/v1/assessments/{id}/assessors"),
        &admin,
        &json!({ "user_id": co_id }),
    )
    .expect(200);
    let path = format!("/api/v1/assessments/{id}/assignments");
    let division = json!({ "assignments": [{ "user_id": co_id, "area_id": "ME" }, { "user_id": co_id, "area_id": "AP.1" }] });
    app.send("PUT", &path, &co, &division)
        .problem(403, "not_the_lead");
    let saved = app.send("PUT", &path, &admin, &division).expect(200);
    assert_eq!(saved["assignments"].as_array().map(Vec::len), Some(2));
    app.send(
        "PUT",
        &path,
        &admin,
        &json!({ "assignments": [{ "user_id": 999, "area_id": "ME" }] }),
    )
    .problem(422, "not_an_assessor");

    let work = app.get("/api/v1/me/work", &co).expect(200);
    let mine = work
        .as_array()
        .expect("work")
        .iter()
        .find(|w| w["assessment_id"] == id)
        .cloned()
        .expect("on my desk");
    assert_eq!(mine["role"], "assessor");
    assert_eq!(mine["next"], "score");
    let areas: Vec<(&str, i64)> = mine["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .map(|a| {
            (
                a["area_id"].as_str().unwrap_or(""),
                a["total"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(areas, vec![("AP", 2), ("ME", 1)]);
    // A draft is progress not yet done.
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/ME.1.1"),
        &co,
        &json!({ "evidence": "to check" }),
    )
    .expect(200);
    let work = app.get("/api/v1/me/work", &co).expect(200);
    let me_area = work[0]["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .find(|a| a["area_id"] == "ME")
        .cloned()
        .expect("ME");
    assert_eq!(
        (me_area["answered"].clone(), me_area["drafts"].clone()),
        (json!(0), json!(1))
    );
    // Once the co-assessor scored everything, they wait; the lead, who scored nothing, scores.
    for q in ["AP.1.1", "AP.1.2", "ME.1.1"] {
        app.send(
            "PUT",
            &format!("/api/v1/assessments/{id}/scores/{q}"),
            &co,
            &json!({ "intention": 5, "reality": 5 }),
        )
        .expect(200);
    }
    assert_eq!(
        app.get("/api/v1/me/work", &co).expect(200)[0]["next"],
        "wait"
    );
    let lead = app.get("/api/v1/me/work", &admin).expect(200);
    let lead_item = lead
        .as_array()
        .expect("work")
        .iter()
        .find(|w| w["assessment_id"] == id)
        .cloned()
        .expect("lead's");
    assert_eq!(
        (lead_item["role"].clone(), lead_item["next"].clone()),
        (json!("lead"), json!("score"))
    );
    // Leaving the team takes the assessor's areas with them.
    app.request(
        "DELETE",
        &format!("/api/v1/assessments/{id}/assessors/{co_id}"),
        &admin,
        None,
        "",
    )
    .expect(200);
    assert_eq!(app.get(&path, &admin).expect(200)["assignments"], json!([]));
}

fn two_reviewers_on_one_agreed_score_get_a_conflict_not_an_overwrite(app: &TestApp) {
    let (admin, id) = setup(app);
    let path = format!("/api/v1/assessments/{id}/agreed/AP.1.1");
    let first = app
        .send(
            "PUT",
            &path,
            &admin,
            &json!({ "intention": 6, "reality": 5, "version": 0 }),
        )
        .expect(200);
    assert_eq!(first["version"], 1);
    // A second reviewer who also read version 0.
    app.send(
        "PUT",
        &path,
        &admin,
        &json!({ "intention": 2, "reality": 2, "version": 0 }),
    )
    .problem(409, "stale_version");
    app.send(
        "PUT",
        &path,
        &admin,
        &json!({ "intention": 2, "reality": 2, "version": 1 }),
    )
    .expect(200);
}

on_both_backends!(a_made_up_version_is_stale_not_a_fault);

/// The largest version a client can send is compared, never added to.
fn a_made_up_version_is_stale_not_a_fault(app: &TestApp) {
    let (admin, id) = setup(app);
    let base = format!("/api/v1/assessments/{id}/interviews");
    let planned = app
        .send(
            "POST",
            &base,
            &admin,
            &interview("sales", "planned", json!([]), json!([])),
        )
        .expect(201);
    let mut body = interview("sales", "held", json!([]), json!([]));
    body["version"] = json!(i32::MAX);
    app.send("PUT", &format!("{base}/{}", planned["id"]), &admin, &body)
        .problem(409, "stale_version");
}

on_both_backends!(the_scorecard_states_its_evidence_base_without_the_interviewees_names);

fn the_scorecard_states_its_evidence_base_without_the_interviewees_names(app: &TestApp) {
    let (admin, id) = setup(app);
    let base = format!("/api/v1/assessments/{id}/interviews");
    let mut held = interview("marketing", "held", json!(["AP"]), json!([]));
    held["interviewee"] = json!("Olivia Secretname");
    held["job_title"] = json!("Chief marketing officer");
    app.send("POST", &base, &admin, &held).expect(201);
    app.send(
        "POST",
        &base,
        &admin,
        &interview("it", "cancelled", json!(["ME"]), json!([])),
    )
    .expect(201);
    app.send(
        "POST",
        &format!("/api/v1/assessments/{id}/evidence/links"),
        &admin,
        &json!({ "title": "KPI pack", "url": "https://kpi.test/pack", "area_ids": ["ME.1"] }),
    )
    .expect(201);
    app.finalise_mini(&admin, id, (6, 4), "seen");
    let html = app.get(&format!("/api/v1/assessments/{id}/scorecard.html"), &admin);
    assert_eq!(html.status, 200, "{:?}", html.body);
    let page = html.body.as_str().expect("html").to_owned();
    assert!(page.contains("Evidence base"), "{page}");
    assert!(
        page.contains("1 interviews held"),
        "the cancelled one is not counted"
    );
    assert!(page.contains("Chief marketing officer (marketing)"));
    assert!(
        !page.contains("Secretname"),
        "no names in the client's edition"
    );
    assert!(page.contains("1 documents and links reviewed"));
    let pdf = app.get(&format!("/api/v1/assessments/{id}/scorecard.pdf"), &admin);
    assert_eq!(pdf.status, 200);
    let doc = lopdf::Document::load_mem(&pdf.bytes).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    for expected in [
        "Evidence base",
        "1 interviews held",
        "Chief marketing officer (marketing)",
        "1 documents and links reviewed",
    ] {
        assert!(text.contains(expected), "{expected} is not in the PDF");
    }
    assert!(!text.contains("Secretname"));
}
