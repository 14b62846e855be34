//! The audit trail: every change recorded, read and exported by admins only,
//! and append-only in the database itself.

use crate::browser::Browser;
use crate::helpers::{Cred, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use diesel::RunQueryDsl;
use serde_json::{json, Value};

on_both_backends!(
    admins_read_filter_page_and_export_the_whole_audit_trail_and_nobody_else_does,
    the_trail_page_speaks_in_sentences_with_names_and_records_logins,
    the_database_refuses_to_change_or_delete_audit_events_and_only_lets_payloads_be_blanked,
);

fn actions(events: &Value) -> Vec<String> {
    events
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|e| e["action"].as_str().map(str::to_owned))
        .collect()
}

fn admins_read_filter_page_and_export_the_whole_audit_trail_and_nobody_else_does(app: &TestApp) {
    let admin = app.admin();
    let (_, consultant) = app.user(&admin, "auditee@a.test", "consultant");
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Audit Bank");
    let id = app.draft(&admin, client, questionnaire);
    let hostile = json!({ "intention": 3, "reality": 2, "evidence": "=HYPERLINK(\"http://x\")" });
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/AP.1.1"),
        &admin,
        &hostile,
    )
    .expect(200);

    let events = app.get("/api/v1/audit", &admin).expect(200);
    let all = actions(&events);
    for action in [
        "user.create",
        "token.create",
        "client.create",
        "assessment.create",
    ] {
        assert!(all.iter().any(|a| a == action), "{action} in {all:?}");
    }
    let ids: Vec<i64> = events
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|e| e["id"].as_i64())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");

    let about_client = app
        .get(
            &format!("/api/v1/audit?entity=client&entity_id={client}"),
            &admin,
        )
        .expect(200);
    assert_eq!(actions(&about_client), ["client.create"]);
    let second_page = app
        .get(&format!("/api/v1/audit?before={}&limit=1", ids[1]), &admin)
        .expect(200);
    assert_eq!(second_page[0]["id"].as_i64(), Some(ids[2]));
    app.get("/api/v1/audit?limit=0", &admin)
        .problem(422, "limit_out_of_range");
    app.get("/api/v1/audit?since=2026-02-01&until=2026-01-01", &admin)
        .problem(422, "bad_range");
    assert_eq!(app.get("/api/v1/audit?colour=red", &admin).status, 400);

    app.get("/api/v1/audit", &consultant)
        .problem(403, "role_not_allowed");
    app.get("/api/v1/audit.csv", &consultant)
        .problem(403, "role_not_allowed");

    let csv = app.get("/api/v1/audit.csv?entity=assessment", &admin);
    assert_eq!(csv.status, 200);
    let text = String::from_utf8_lossy(&csv.bytes).into_owned();
    assert!(
        text.starts_with("id,occurred_at,actor,entity,entity_id,action,before,after"),
        "{text}"
    );
    assert!(
        text.contains(&format!(",{ADMIN_EMAIL},")),
        "the actor by email: {text}"
    );
    let mut reader = csv::Reader::from_reader(csv.bytes.as_slice());
    for record in reader.records() {
        let record = record.expect("a CSV row");
        for field in &record {
            assert!(
                !field.starts_with(['=', '+', '-', '@']),
                "no cell runs as a formula: {field}"
            );
        }
    }
    assert!(!text.contains("client.create"), "filtered to assessments");
    let xlsx = app.get("/api/v1/audit.xlsx", &admin);
    assert_eq!(xlsx.status, 200);
    assert_eq!(&xlsx.bytes[..2], b"PK", "an XLSX (zip) file");
}

fn the_database_refuses_to_change_or_delete_audit_events_and_only_lets_payloads_be_blanked(
    app: &TestApp,
) {
    let admin = app.admin();
    app.client(&admin, "Kept Bank");
    let run = |sql: &'static str| -> Result<usize, anyhow::Error> {
        app.db
            .write(|conn| Ok(diesel::sql_query(sql).execute(conn)?))
    };
    let count = || {
        app.get("/api/v1/audit", &admin)
            .expect(200)
            .as_array()
            .map_or(0, Vec::len)
    };
    let before = count();
    assert!(before > 0);
    for sql in [
        "DELETE FROM audit_events",
        "UPDATE audit_events SET action = 'nothing happened'",
        "UPDATE audit_events SET actor_id = NULL",
        "UPDATE audit_events SET after_value = '{\"name\":\"Forged\"}'",
    ] {
        let refused = run(sql).expect_err(sql).to_string();
        assert!(refused.contains("append-only"), "{sql}: {refused}");
    }
    assert_eq!(count(), before, "nothing was deleted");
    // Erasing a client's data may blank what its events held, and nothing else.
    run("UPDATE audit_events SET before_value = NULL, after_value = NULL").expect("blanked");
    let events = app.get("/api/v1/audit", &admin).expect(200);
    assert_eq!(events.as_array().map_or(0, Vec::len), before);
    assert!(events
        .as_array()
        .expect("list")
        .iter()
        .all(|e| e["after_value"].is_null() && !e["action"].as_str().unwrap_or("").is_empty()));
}

fn the_trail_page_speaks_in_sentences_with_names_and_records_logins(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let (carla, _) = app.user(&admin, "carla@a.test", "consultant");
    app.send(
        "PATCH",
        &format!("/api/v1/users/{carla}"),
        &admin,
        &json!({ "name": "Carla Consultant" }),
    )
    .expect(200);
    let client = app.client(&admin, "Harbour Bank");
    app.client(&admin, "Other Bank");
    let carla_cred = app.login("carla@a.test", PASSWORD);
    let id = app.draft(&carla_cred, client, questionnaire);
    app.finalise_mini(&carla_cred, id, (5, 4), "seen");
    let date = app
        .get(&format!("/api/v1/assessments/{id}"), &admin)
        .expect(200)["assessment_date"]
        .as_str()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .expect("a date")
        .format("%-d %b %Y")
        .to_string();
    let wrong = json!({ "email": "carla@a.test", "password": "not her password" });
    assert_eq!(
        app.send("POST", "/api/v1/auth/login", &Cred::None, &wrong)
            .status,
        401
    );
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);

    // Logins, failed ones included, are in the trail; so is the logout.
    let logins = app.get("/api/v1/audit?action=user", &admin);
    let all = actions(&logins.expect(200));
    for action in [
        "user.login",
        "user.login_failed",
        "user.create",
        "user.update",
    ] {
        assert!(all.iter().any(|a| a == action), "{action} in {all:?}");
    }

    let page = browser.get("/admin/audit");
    for sentence in [
        format!("Carla Consultant finalised the Harbour Bank assessment of {date}."),
        format!("Carla Consultant started the Harbour Bank assessment of {date}."),
        "A login as Carla Consultant failed.".to_owned(),
        "Carla Consultant logged in.".to_owned(),
        "status: in progress → final".to_owned(),
    ] {
        assert!(page.body.contains(&sentence), "{sentence}: {}", page.body);
    }
    assert!(!page.body.contains("before_value") && !page.body.contains("{&quot;"));

    // Filtered by person, action and client; paged with the total.
    let by_carla = browser.get(&format!(
        "/admin/audit?actor_id={carla}&action=assessment.status"
    ));
    assert!(
        by_carla.body.contains("finalised") && !by_carla.body.contains("logged in"),
        "{}",
        by_carla.body
    );
    let about = browser.get(&format!("/admin/audit?client_id={client}"));
    assert!(
        about.body.contains("added the client Harbour Bank")
            && !about.body.contains("Other Bank")
            && about.body.contains("finalised"),
        "{}",
        about.body
    );
    let total: i64 = app
        .get("/api/v1/audit?per_page=2", &admin)
        .header("x-total-count")
        .and_then(|t| t.parse().ok())
        .expect("a total");
    assert!(total > 10, "{total}");
    let second = app
        .get("/api/v1/audit?per_page=2&page=2", &admin)
        .expect(200);
    assert_eq!(second.as_array().map(Vec::len), Some(2));
    let pages = browser.get("/admin/audit");
    assert!(
        pages.body.contains(&format!("{total} in all")),
        "{}",
        pages.body
    );

    assert_eq!(browser.post("/logout", &[]).status, 303);
    let after = actions(
        &app.get("/api/v1/audit?action=user.logout", &admin)
            .expect(200),
    );
    assert_eq!(after, ["user.logout"]);
}
