//! Data protection: an admin exports everything cmas holds about a client,
//! and erases it; both are audited, and nothing of other clients is touched.

use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    an_admin_exports_everything_about_a_client_as_json_and_xlsx_and_the_export_is_audited,
    erasing_a_client_removes_its_data_keeps_the_audit_facts_and_leaves_other_clients_alone,
);

struct Fixture {
    client: i64,
    assessments: [i64; 2],
    other_client: i64,
    other_assessment: i64,
    consultant: Cred,
}

fn fixture(app: &TestApp, admin: &Cred) -> Fixture {
    let questionnaire = app.mini_questionnaire(admin);
    let client = app.client(admin, "Erase Me Ltd");
    let final_one = app.draft(admin, client, questionnaire);
    app.finalise_mini(admin, final_one, (6, 4), "private note");
    let draft = app.draft(admin, client, questionnaire);
    let other_client = app.client(admin, "Keep Me Ltd");
    let other_assessment = app.draft(admin, other_client, questionnaire);
    app.finalise_mini(admin, other_assessment, (5, 5), "kept note");
    let (executive, _) = app.user(admin, "exec@a.test", "executive");
    let (_, consultant) = app.user(admin, "colleague@a.test", "consultant");
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        admin,
        &json!({ "user_id": executive }),
    )
    .expect(204);
    let kpi = app
        .send(
            "POST",
            "/api/v1/kpis",
            admin,
            &json!({ "name": "Revenue growth", "unit": "%", "direction": "higher", "kind": "financial" }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("kpi");
    app.send(
        "PUT",
        "/api/v1/kpis/values",
        admin,
        &json!([
            { "kpi_id": kpi, "client_id": client, "period": "2026", "value": 1.5 },
            { "kpi_id": kpi, "client_id": other_client, "period": "2026", "value": 2.5 },
        ]),
    )
    .expect(204);
    let panel = app
        .send(
            "POST",
            "/api/v1/panels",
            admin,
            &json!({ "name": "Analysts", "period": "2026" }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("panel");
    app.send(
        "PUT",
        &format!("/api/v1/panels/{panel}/ranks"),
        admin,
        &json!([{ "client_id": client, "rank": 1 }, { "client_id": other_client, "rank": 2 }]),
    )
    .expect(204);
    let programme = app
        .send(
            "POST",
            "/api/v1/programmes",
            admin,
            &json!({ "client_id": client, "name": "Customer first", "business_units": ["Retail"] }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("programme");
    app.send(
        "POST",
        &format!("/api/v1/programmes/{programme}/projects"),
        admin,
        &json!({
            "name": "Data foundation", "objective": "Know the customer", "owner": "Olga Owner",
            "placement": { "kind": "row", "unit": "Retail" }, "areas": ["AP"],
            "start": "2026-01-01", "end": "2026-06-30", "status": "planned",
            "cost_planned": 1.0, "cost_actual": null, "benefit_planned": 2.0, "benefit_actual": null,
            "milestones": [{ "name": "Go-live", "due": "2026-06-30", "done": null }], "depends_on": [],
        }),
    )
    .expect(201);
    Fixture {
        client,
        assessments: [final_one, draft],
        other_client,
        other_assessment,
        consultant,
    }
}

fn an_admin_exports_everything_about_a_client_as_json_and_xlsx_and_the_export_is_audited(
    app: &TestApp,
) {
    let admin = app.admin();
    let f = fixture(app, &admin);
    let path = |format: &str| format!("/api/v1/clients/{}/export.{format}", f.client);
    let data = app.get(&path("json"), &admin).expect(200);
    assert_eq!(data["client"][0]["name"], "Erase Me Ltd");
    assert_eq!(data["assessments"].as_array().map(Vec::len), Some(2));
    let scores = data["scores"].as_array().expect("scores");
    assert_eq!(scores.len(), 3, "the three answers of the final assessment");
    assert!(scores.iter().all(|s| s["evidence"] == "private note"));
    assert_eq!(
        data["kpi_values"],
        json!([{ "kpi": "Revenue growth", "period": "2026", "value": 1.5 }])
    );
    assert_eq!(
        data["panel_ranks"],
        json!([{ "panel": "Analysts", "period": "2026", "rank": 1.0 }])
    );
    assert_eq!(data["members"][0]["email"], "exec@a.test");
    assert_eq!(data["projects"][0]["name"], "Data foundation");
    assert_eq!(data["milestones"][0]["name"], "Go-live");
    let audited: Vec<&str> = data["audit_events"]
        .as_array()
        .expect("audit")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for action in [
        "client.create",
        "client.member_attached",
        "assessment.create",
        "score.save",
    ] {
        assert!(audited.contains(&action), "{action} in {audited:?}");
    }
    let text = data.to_string();
    assert!(
        !text.contains("Keep Me") && !text.contains("kept note"),
        "only this client"
    );

    let xlsx = app.get(&path("xlsx"), &admin);
    assert_eq!(xlsx.status, 200);
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(xlsx.bytes.clone())).expect("xlsx");
    let names = book.sheet_names();
    for sheet in ["client", "scores", "kpi_values", "projects", "audit_events"] {
        assert!(names.iter().any(|n| n == sheet), "{sheet} in {names:?}");
    }
    let sheet = book.worksheet_range("scores").expect("scores sheet");
    let header: Vec<String> = sheet
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(header.contains(&"evidence".to_owned()), "{header:?}");
    assert_eq!(sheet.rows().count(), 4, "a header and three answers");

    app.get(&path("json"), &f.consultant)
        .problem(403, "role_not_allowed");
    let exports = app
        .get(
            &format!("/api/v1/audit?entity=client&entity_id={}", f.client),
            &admin,
        )
        .expect(200);
    assert_eq!(exports[0]["action"], "client.export", "{exports}");
}

fn erasing_a_client_removes_its_data_keeps_the_audit_facts_and_leaves_other_clients_alone(
    app: &TestApp,
) {
    let admin = app.admin();
    let f = fixture(app, &admin);
    let erase = |cred: &Cred, confirm: &str| {
        app.send(
            "DELETE",
            &format!("/api/v1/clients/{}", f.client),
            cred,
            &json!({ "confirm": confirm }),
        )
    };
    erase(&f.consultant, "Erase Me Ltd").problem(403, "role_not_allowed");
    erase(&admin, "Erase me").problem(422, "confirmation_mismatch");
    let erased = erase(&admin, "Erase Me Ltd").expect(200);
    assert_eq!(erased["assessments"], 2);
    assert_eq!(erased["projects"], 1);
    assert!(
        erased["audit_events_blanked"].as_i64().unwrap_or(0) >= 5,
        "{erased}"
    );

    app.get(&format!("/api/v1/clients/{}", f.client), &admin)
        .problem(404, "not_found");
    for id in f.assessments {
        app.get(&format!("/api/v1/assessments/{id}"), &admin)
            .problem(404, "not_found");
    }
    let programmes = app.get("/api/v1/programmes", &admin).expect(200);
    assert_eq!(programmes, json!([]));
    let kpis = app.get("/api/v1/kpis/values.csv?period=2026", &admin);
    let kpis = String::from_utf8_lossy(&kpis.bytes).into_owned();
    assert!(
        kpis.contains("Keep Me Ltd") && !kpis.contains("Erase Me"),
        "{kpis}"
    );

    // The other client is whole, and its scorecard benchmarks against what is left.
    app.get(&format!("/api/v1/clients/{}", f.other_client), &admin)
        .expect(200);
    let scorecard = app.get(
        &format!("/api/v1/assessments/{}/scorecard.html", f.other_assessment),
        &admin,
    );
    assert_eq!(scorecard.status, 200);
    assert!(
        scorecard
            .body
            .as_str()
            .unwrap_or("")
            .contains("(1 companies)"),
        "the erased client left the benchmark"
    );

    // The audit trail keeps who did what and when, without the erased client's data.
    let trail = app.get("/api/v1/audit?limit=1000", &admin).expect(200);
    let events = trail.as_array().expect("events");
    let about = |entity: &str, id: i64| {
        events
            .iter()
            .filter(|e| e["entity"] == entity && e["entity_id"] == id)
            .collect::<Vec<&Value>>()
    };
    let client_events = about("client", f.client);
    assert_eq!(client_events[0]["action"], "client.erase");
    assert!(client_events.len() >= 3, "{client_events:?}");
    assert!(about("assessment", f.assessments[0])
        .iter()
        .all(|e| e["after_value"].is_null() && e["before_value"].is_null()));
    let text = trail.to_string();
    assert!(
        !text.contains("private note") && !text.contains("Erase Me"),
        "{text}"
    );
    assert!(
        text.contains("kept note"),
        "the other client's events keep their values"
    );
}
