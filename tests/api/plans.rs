//! From priorities to plans: targets (versioned per client and scope, set
//! from a final assessment by its lead, an admin or the client's programme
//! manager) and agreed actions (owners, due dates, statuses, projects),
//! with their exports, their place in the scorecard and who may do what.

use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    targets_are_versioned_checked_and_drawn_on_the_scorecard,
    who_may_set_and_read_targets,
    actions_have_one_owner_a_status_and_an_export_and_land_on_the_scorecard,
    executives_mark_their_own_peoples_actions_done_and_nothing_else,
);

/// A client with one final assessment of the mini questionnaire, led by
/// `lead`; returns (client, assessment).
fn assessed(app: &TestApp, admin: &Cred, lead: &Cred) -> (i64, i64) {
    let client = app.client(admin, "Harbour Bank");
    let questionnaire = app.mini_questionnaire(admin);
    let id = app.draft(lead, client, questionnaire);
    app.finalise_mini(lead, id, (4, 3), "Seen in the CRM");
    (client, id)
}

fn attach(app: &TestApp, admin: &Cred, client: i64, user: i64) {
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        admin,
        &json!({ "user_id": user }),
    )
    .expect(204);
}

fn targets(entries: &[(&str, f64, &str)]) -> Value {
    json!({ "targets": entries.iter().map(|(n, t, d)| json!({ "node_id": n, "target": t, "due_date": d })).collect::<Vec<_>>() })
}

fn html(app: &TestApp, cred: &Cred, path: &str) -> String {
    let answer = app.get(path, cred);
    assert_eq!(answer.status, 200, "GET {path}");
    answer.body.as_str().unwrap_or_default().to_owned()
}

fn targets_are_versioned_checked_and_drawn_on_the_scorecard(app: &TestApp) {
    let admin = app.admin();
    let (client, id) = assessed(app, &admin, &admin);
    let path = format!("/api/v1/assessments/{id}/targets");
    let none = app.get(&path, &admin).expect(200);
    assert!(none["current"].is_null() && none["versions"] == json!([]));

    let first = app
        .send(
            "PUT",
            &path,
            &admin,
            &targets(&[("AP", 70.0, "2027-06-30"), ("AP.1.1", 80.0, "2027-06-30")]),
        )
        .expect(200);
    assert_eq!(first["current"]["version"], 1);
    let area = &first["current"]["targets"][0];
    assert_eq!(
        (area["node_id"].as_str(), area["kind"].as_str()),
        (Some("AP"), Some("area"))
    );
    // Intention 4 and Reality 3 of 10 on every practice: 35% combined.
    assert_eq!(area["baseline"], 35.0);
    assert_eq!(first["current"]["targets"][1]["kind"], "practice");
    assert_eq!(first["current"]["set_by"], "Administrator");

    let second = app
        .send(
            "PUT",
            &path,
            &admin,
            &targets(&[("AP", 75.0, "2027-12-31"), ("AP.1.1", 80.0, "2027-06-30")]),
        )
        .expect(200);
    assert_eq!(second["current"]["version"], 2);
    assert_eq!(second["versions"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        second["versions"][1]["targets"][0]["target"], 70.0,
        "version 1 kept as it was"
    );

    for (body, code) in [
        (targets(&[("XX", 50.0, "2027-01-01")]), "unknown_node"),
        (targets(&[("AP", 120.0, "2027-01-01")]), "bad_target"),
        (
            targets(&[("AP", 50.0, "2026-05-04")]),
            "due_before_assessment",
        ),
        (
            targets(&[("AP", 50.0, "2027-01-01"), ("AP", 60.0, "2027-01-01")]),
            "duplicate_target",
        ),
    ] {
        app.send("PUT", &path, &admin, &body).problem(422, code);
    }
    assert_eq!(
        app.get(&path, &admin).expect(200)["current"]["version"],
        2,
        "a refused set changes nothing"
    );
    let questionnaire = app
        .get(&format!("/api/v1/assessments/{id}"), &admin)
        .expect(200)["questionnaire_id"]
        .as_i64()
        .expect("questionnaire");
    let draft = app.draft(&admin, client, questionnaire);
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{draft}/targets"),
        &admin,
        &targets(&[("AP", 50.0, "2027-01-01")]),
    )
    .problem(422, "not_final");

    let card = html(
        app,
        &admin,
        &format!("/api/v1/assessments/{id}/scorecard.html"),
    );
    for expected in [
        "<th scope=\"col\">Target</th>",
        "<th scope=\"col\">To target</th>",
        "75%",
        "+40",
        "Practice targets",
        "Targets: version 2",
    ] {
        assert!(
            card.contains(expected),
            "`{expected}` missing from the scorecard"
        );
    }
    let pdf = app.get(&format!("/api/v1/assessments/{id}/scorecard.pdf"), &admin);
    assert_eq!(pdf.status, 200);
    let audit = app
        .get(
            &format!("/api/v1/audit?entity=assessment&entity_id={id}"),
            &admin,
        )
        .expect(200);
    assert_eq!(
        audit
            .as_array()
            .map(|a| a.iter().filter(|e| e["action"] == "targets.set").count()),
        Some(2)
    );
}

fn who_may_set_and_read_targets(app: &TestApp) {
    let admin = app.admin();
    let (lead_id, lead) = app.user(&admin, "lena@a.test", "consultant");
    let (_, other) = app.user(&admin, "otto@a.test", "consultant");
    let (exec_id, exec) = app.user(&admin, "ceo@harbour.test", "executive");
    let (pm_id, pm) = app.user(&admin, "pm@harbour.test", "programme_manager");
    let (_, outsider) = app.user(&admin, "pm@fjord.test", "programme_manager");
    let _ = lead_id;
    let (client, id) = assessed(app, &admin, &lead);
    attach(app, &admin, client, exec_id);
    attach(app, &admin, client, pm_id);
    let path = format!("/api/v1/assessments/{id}/targets");
    let body = targets(&[("ME", 60.0, "2027-03-31")]);
    app.send("PUT", &path, &lead, &body).expect(200);
    app.send("PUT", &path, &pm, &body).expect(200);
    app.send("PUT", &path, &admin, &body).expect(200);
    app.send("PUT", &path, &other, &body)
        .problem(403, "not_the_lead");
    app.send("PUT", &path, &exec, &body)
        .problem(403, "role_not_allowed");
    app.send("PUT", &path, &outsider, &body)
        .problem(404, "not_found");
    for reader in [&lead, &other, &exec, &pm, &admin] {
        assert_eq!(app.get(&path, reader).expect(200)["current"]["version"], 3);
    }
    app.get(&path, &outsider).problem(404, "not_found");
    let stranger = app.other_organisation("admin@elsewhere.test");
    app.get(&path, &stranger).problem(404, "not_found");
    app.send("PUT", &path, &stranger, &body)
        .problem(404, "not_found");
}

fn action(title: &str, assessment: i64, owner: Value, due: &str, status: &str) -> Value {
    let mut body = json!({ "title": title, "assessment_id": assessment, "addresses": ["AP", "AP.1.1"],
                           "due_date": due, "status": status });
    if let (Some(b), Some(o)) = (body.as_object_mut(), owner.as_object()) {
        b.extend(o.clone());
    }
    body
}

fn actions_have_one_owner_a_status_and_an_export_and_land_on_the_scorecard(app: &TestApp) {
    let admin = app.admin();
    let (client, id) = assessed(app, &admin, &admin);
    let list = format!("/api/v1/clients/{client}/actions");
    let late = app
        .send(
            "POST",
            &list,
            &admin,
            &action(
                "Segment the retail base",
                id,
                json!({ "owner_name": "Petra Berg" }),
                "2026-01-31",
                "agreed",
            ),
        )
        .expect(201);
    assert_eq!(late["overdue"], true);
    assert_eq!(late["owner"], "Petra Berg");
    assert_eq!(
        late["addresses"][0],
        json!({ "id": "AP", "name": "Analysis & Planning" })
    );
    let me = app.get("/api/v1/me", &admin).expect(200)["user"]["id"].clone();
    let mine = app
        .send(
            "POST",
            &list,
            &admin,
            &action(
                "Track competitors monthly",
                id,
                json!({ "owner_user_id": me }),
                "2035-01-31",
                "proposed",
            ),
        )
        .expect(201);
    assert_eq!(mine["overdue"], false);

    for (body, code) in [
        (
            action(
                "Both",
                id,
                json!({ "owner_user_id": me, "owner_name": "Petra" }),
                "2027-01-01",
                "agreed",
            ),
            "one_owner",
        ),
        (
            action("Neither", id, json!({}), "2027-01-01", "agreed"),
            "one_owner",
        ),
        (
            json!({ "title": "Nowhere", "addresses": ["XX"], "owner_name": "P" }),
            "unknown_node",
        ),
        (
            json!({ "title": "Nothing", "addresses": [], "owner_name": "P" }),
            "bad_addresses",
        ),
        (
            json!({ "title": "Orphan", "addresses": ["AP"], "owner_name": "P", "project_id": 999 }),
            "unknown_project",
        ),
        (
            json!({ "title": " ", "addresses": ["AP"], "owner_name": "P" }),
            "blank",
        ),
    ] {
        let refused = app.send("POST", &list, &admin, &body);
        assert_eq!(refused.status, 422, "{body}: {}", refused.body);
        if code != "blank" {
            assert_eq!(refused.body["code"], code, "{body}");
        }
    }
    let all = app.get(&list, &admin).expect(200);
    assert_eq!(all.as_array().map(Vec::len), Some(2));
    assert_eq!(all[0]["title"], "Segment the retail base", "by due date");

    let url = format!("/api/v1/actions/{}", late["id"]);
    let mut changed = action(
        "Segment the retail base by value",
        id,
        json!({ "owner_name": "Petra Berg" }),
        "2027-03-31",
        "in_progress",
    );
    changed["version"] = late["version"].clone();
    let updated = app.send("PUT", &url, &admin, &changed).expect(200);
    assert_eq!(
        (updated["status"].as_str(), updated["overdue"].as_bool()),
        (Some("in_progress"), Some(false))
    );
    app.send("PUT", &url, &admin, &changed)
        .problem(409, "stale_version");

    let csv = app.get(&format!("{list}.csv"), &admin);
    assert_eq!(csv.status, 200);
    let text = csv.body.as_str().unwrap_or_default().to_owned();
    assert!(
        text.starts_with("id,title,addresses,owner,due,status,overdue,project,assessment_id"),
        "{text}"
    );
    assert!(text.contains("Segment the retail base by value") && text.contains("AP AP.1.1"));
    let xlsx = app.get(&format!("{list}.xlsx"), &admin);
    assert_eq!(xlsx.status, 200);
    assert!(xlsx
        .header("content-type")
        .is_some_and(|t| t.contains("spreadsheetml")));

    let card = html(
        app,
        &admin,
        &format!("/api/v1/assessments/{id}/scorecard.html"),
    );
    for expected in [
        "Agreed actions",
        "Segment the retail base by value",
        "Petra Berg",
        "in progress",
        "Track competitors monthly",
    ] {
        assert!(
            card.contains(expected),
            "`{expected}` missing from the scorecard"
        );
    }
    let audit = app
        .get(
            &format!("/api/v1/audit?entity=client&entity_id={client}"),
            &admin,
        )
        .expect(200);
    let actions: Vec<&str> = audit
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["action"].as_str())
                .filter(|a| a.starts_with("action."))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(actions.len(), 3, "{actions:?}");
}

fn executives_mark_their_own_peoples_actions_done_and_nothing_else(app: &TestApp) {
    let admin = app.admin();
    let (exec_id, exec) = app.user(&admin, "ceo@harbour.test", "executive");
    let (pm_id, pm) = app.user(&admin, "pm@harbour.test", "programme_manager");
    let (_, outsider) = app.user(&admin, "ceo@fjord.test", "executive");
    let (client, id) = assessed(app, &admin, &admin);
    attach(app, &admin, client, exec_id);
    attach(app, &admin, client, pm_id);
    let list = format!("/api/v1/clients/{client}/actions");
    let me = app.get("/api/v1/me", &admin).expect(200)["user"]["id"].clone();
    let theirs = app
        .send(
            "POST",
            &list,
            &pm,
            &action(
                "Appoint a segment owner",
                id,
                json!({ "owner_user_id": pm_id }),
                "2027-01-31",
                "agreed",
            ),
        )
        .expect(201);
    let named = app
        .send(
            "POST",
            &list,
            &admin,
            &action(
                "Brief the branches",
                id,
                json!({ "owner_name": "Petra Berg" }),
                "2027-01-31",
                "agreed",
            ),
        )
        .expect(201);
    let ours = app
        .send(
            "POST",
            &list,
            &admin,
            &action(
                "Run the workshop",
                id,
                json!({ "owner_user_id": me }),
                "2027-01-31",
                "agreed",
            ),
        )
        .expect(201);
    app.send(
        "POST",
        &list,
        &exec,
        &action(
            "Mine",
            id,
            json!({ "owner_name": "X" }),
            "2027-01-31",
            "agreed",
        ),
    )
    .problem(403, "role_not_allowed");
    assert_eq!(
        app.get(&list, &exec).expect(200).as_array().map(Vec::len),
        Some(3)
    );

    let status = |a: &Value, s: &str| {
        (
            format!("/api/v1/actions/{}/status", a["id"]),
            json!({ "status": s, "version": a["version"] }),
        )
    };
    for a in [&theirs, &named] {
        let (url, body) = status(a, "done");
        assert_eq!(
            app.send("PUT", &url, &exec, &body).expect(200)["status"],
            "done"
        );
    }
    let (url, body) = status(&ours, "done");
    app.send("PUT", &url, &exec, &body)
        .problem(403, "not_your_action");
    let (url, body) = status(&ours, "dropped");
    app.send("PUT", &url, &exec, &body)
        .problem(403, "not_your_action");
    assert_eq!(
        app.send("PUT", &url, &pm, &body).expect(200)["status"],
        "dropped"
    );

    app.get(&list, &outsider).problem(404, "not_found");
    app.get(&format!("/api/v1/actions/{}", ours["id"]), &outsider)
        .problem(404, "not_found");
    let stranger = app.other_organisation("admin@elsewhere.test");
    app.get(&format!("/api/v1/actions/{}", ours["id"]), &stranger)
        .problem(404, "not_found");
    app.get(&format!("{list}.csv"), &stranger)
        .problem(404, "not_found");
    // Dropped actions leave the scorecard; done ones stay.
    let card = html(
        app,
        &exec,
        &format!("/api/v1/assessments/{id}/scorecard.html"),
    );
    assert!(card.contains("Brief the branches") && !card.contains("Run the workshop"));
}
