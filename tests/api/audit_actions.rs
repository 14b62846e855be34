//! Every audited action, performed over HTTP by someone other than the
//! reading admin, and its one audit row read back: who (actor), what
//! (entity and id) and the content before and after.

use crate::helpers::{Cred, TestApp, PASSWORD};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    setting_replacing_and_clearing_an_agreed_answer_is_audited_with_the_answer_before_and_after,
    a_status_change_is_audited_with_the_assessment_before_and_after_and_a_no_op_is_not,
    adding_and_removing_a_co_assessor_is_audited_with_who_and_the_answers_removed,
    detaching_a_member_is_audited_on_the_client_with_the_user_before,
    programmes_and_projects_are_audited_by_entity_with_their_names,
    revoking_a_token_is_audited_against_the_token_by_whoever_revoked_it_and_never_holds_the_secret,
    changing_a_user_is_audited_with_name_role_and_active_before_and_after,
);

/// The events about one entity, oldest first, as an admin reads them.
fn events(app: &TestApp, admin: &Cred, entity: &str, id: i64) -> Vec<Value> {
    let list = app
        .get(
            &format!("/api/v1/audit?entity={entity}&entity_id={id}"),
            admin,
        )
        .expect(200);
    let mut list = list.as_array().expect("a list").clone();
    list.reverse();
    list
}

/// The only event of `action` among `events`.
#[track_caller]
fn only<'a>(events: &'a [Value], action: &str) -> &'a Value {
    let found: Vec<&Value> = events.iter().filter(|e| e["action"] == action).collect();
    assert_eq!(found.len(), 1, "one {action} in {events:?}");
    found[0]
}

/// A before or after value as JSON (Null when absent).
#[track_caller]
fn content(event: &Value, field: &str) -> Value {
    match &event[field] {
        Value::Null => Value::Null,
        Value::String(text) => serde_json::from_str(text)
            .unwrap_or_else(|e| panic!("{field} is not JSON ({e}): {text}")),
        other => panic!("{field} is neither text nor absent: {other}"),
    }
}

/// Asserts who did it and to what.
#[track_caller]
fn by(event: &Value, actor: i64, entity: &str, entity_id: i64) {
    assert_eq!(
        (
            event["actor_id"].as_i64(),
            event["entity"].as_str(),
            event["entity_id"].as_i64()
        ),
        (Some(actor), Some(entity), Some(entity_id)),
        "{event}"
    );
}

fn me(app: &TestApp, cred: &Cred) -> i64 {
    app.get("/api/v1/me", cred).expect(200)["user"]["id"]
        .as_i64()
        .expect("id")
}

/// An admin (the reader), a consultant (the actor), the mini questionnaire and a client.
fn cast(app: &TestApp) -> (Cred, i64, Cred, i64, i64) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let (consultant_id, consultant) = app.user(&admin, "lead@a.test", "consultant");
    let client = app.client(&consultant, "Audit Mutual");
    (admin, consultant_id, consultant, questionnaire, client)
}

fn setting_replacing_and_clearing_an_agreed_answer_is_audited_with_the_answer_before_and_after(
    app: &TestApp,
) {
    let (admin, lead_id, lead, questionnaire, client) = cast(app);
    let id = app.draft(&lead, client, questionnaire);
    let path = format!("/api/v1/assessments/{id}/agreed/AP.1.2");
    app.send(
        "PUT",
        &path,
        &lead,
        &json!({ "intention": 6, "reality": 4, "evidence": "Agreed in the workshop" }),
    )
    .expect(200);
    app.send(
        "PUT",
        &path,
        &lead,
        &json!({ "not_applicable": true, "na_reason": "No competitors in this market" }),
    )
    .expect(200);
    app.request("DELETE", &path, &lead, None, "").expect(204);

    let trail = events(app, &admin, "assessment", id);
    let first = json!({ "question_id": "AP.1.2", "answer": { "intention": 6, "reality": 4, "not_applicable": false, "na_reason": null, "evidence": "Agreed in the workshop" } });
    let second = json!({ "question_id": "AP.1.2", "answer": { "intention": null, "reality": null, "not_applicable": true, "na_reason": "No competitors in this market", "evidence": null } });
    let saves: Vec<&Value> = trail
        .iter()
        .filter(|e| e["action"] == "agreed.save")
        .collect();
    assert_eq!(saves.len(), 2, "{trail:?}");
    for save in &saves {
        by(save, lead_id, "assessment", id);
    }
    assert_eq!(content(saves[0], "before_value"), Value::Null);
    assert_eq!(content(saves[0], "after_value"), first);
    assert_eq!(content(saves[1], "before_value"), first);
    assert_eq!(content(saves[1], "after_value"), second);
    let clear = only(&trail, "agreed.clear");
    by(clear, lead_id, "assessment", id);
    assert_eq!(content(clear, "before_value"), second);
    assert_eq!(content(clear, "after_value"), Value::Null);
    assert!(
        clear["id"].as_i64() > saves[1]["id"].as_i64(),
        "in order: {trail:?}"
    );

    // The lead reads the same rows in the assessment's own trail.
    let own = app
        .get(&format!("/api/v1/assessments/{id}/audit"), &lead)
        .expect(200);
    let actions: Vec<&str> = own
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "assessment.create",
            "agreed.save",
            "agreed.save",
            "agreed.clear"
        ]
    );
    assert_eq!(
        own.as_array().expect("list")[1..].to_vec(),
        trail[1..].to_vec()
    );
}

fn a_status_change_is_audited_with_the_assessment_before_and_after_and_a_no_op_is_not(
    app: &TestApp,
) {
    let (admin, lead_id, lead, questionnaire, client) = cast(app);
    let id = app.draft(&lead, client, questionnaire);
    let path = format!("/api/v1/assessments/{id}");
    let version = app.get(&path, &lead).expect(200)["version"]
        .as_i64()
        .expect("version");
    app.send(
        "PATCH",
        &path,
        &lead,
        &json!({ "version": version, "status": "in_progress" }),
    )
    .expect(200);
    // Asking for the status it has changes nothing and records nothing.
    app.send(
        "PATCH",
        &path,
        &lead,
        &json!({ "version": version + 1, "status": "in_progress" }),
    )
    .expect(200);
    app.finalise_mini(&lead, id, (6, 4), "seen");

    let trail = events(app, &admin, "assessment", id);
    let changes: Vec<&Value> = trail
        .iter()
        .filter(|e| e["action"] == "assessment.status")
        .collect();
    assert_eq!(changes.len(), 2, "one row per real change: {trail:?}");
    let states: Vec<(Value, Value)> = changes
        .iter()
        .map(|e| {
            by(e, lead_id, "assessment", id);
            (content(e, "before_value"), content(e, "after_value"))
        })
        .collect();
    let (before, after) = &states[0];
    assert_eq!(
        (before["status"].as_str(), after["status"].as_str()),
        (Some("draft"), Some("in_progress"))
    );
    assert_eq!(
        (before["version"].as_i64(), after["version"].as_i64()),
        (Some(version), Some(version + 1))
    );
    for state in [before, after] {
        assert_eq!(state["id"].as_i64(), Some(id));
        assert_eq!(state["client_id"].as_i64(), Some(client));
        assert_eq!(state["lead_assessor_id"].as_i64(), Some(lead_id));
    }
    let (before, after) = &states[1];
    assert_eq!(
        (before["status"].as_str(), after["status"].as_str()),
        (Some("in_progress"), Some("final"))
    );
    assert_eq!(
        after["version"].as_i64(),
        before["version"].as_i64().map(|v| v + 1)
    );
    assert!(before["finalised_at"].is_null(), "{before}");
    assert!(after["finalised_at"].is_string(), "{after}");
    let stored = app.get(&path, &lead).expect(200);
    assert_eq!(after["version"], stored["version"]);
    assert_eq!(after["finalised_at"], stored["finalised_at"]);
}

fn adding_and_removing_a_co_assessor_is_audited_with_who_and_the_answers_removed(app: &TestApp) {
    let (admin, lead_id, lead, questionnaire, client) = cast(app);
    let id = app.draft(&lead, client, questionnaire);
    let (co, co_cred) = app.user(&admin, "co@a.test", "consultant");
    let team = format!("/api/v1/assessments/{id}/assessors");
    app.send("POST", &team, &lead, &json!({ "user_id": co }))
        .expect(200);
    // Adding someone already on the team changes nothing and records nothing.
    app.send("POST", &team, &lead, &json!({ "user_id": co }))
        .expect(200);
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/AP.1.1"),
        &co_cred,
        &json!({ "intention": 3, "reality": 2, "evidence": "Interviews" }),
    )
    .expect(200);
    app.request("DELETE", &format!("{team}/{co}"), &lead, None, "")
        .expect(200);

    let trail = events(app, &admin, "assessment", id);
    let added = only(&trail, "assessment.assessor_added");
    by(added, lead_id, "assessment", id);
    assert_eq!(content(added, "before_value"), Value::Null);
    assert_eq!(content(added, "after_value"), json!({ "assessor_id": co }));

    let removed = only(&trail, "assessment.assessor_removed");
    by(removed, lead_id, "assessment", id);
    assert_eq!(content(removed, "after_value"), Value::Null);
    let before = content(removed, "before_value");
    assert_eq!(before["assessor_id"].as_i64(), Some(co), "{before}");
    let answers = before["answers"].as_array().expect("the answers removed");
    assert_eq!(answers.len(), 1, "{before}");
    let answer = &answers[0];
    assert_eq!(
        (
            answer["question_id"].as_str(),
            answer["assessor_id"].as_i64(),
            answer["assessment_id"].as_i64(),
            answer["intention"].as_i64(),
            answer["reality"].as_i64(),
            answer["evidence"].as_str(),
        ),
        (
            Some("AP.1.1"),
            Some(co),
            Some(id),
            Some(3),
            Some(2),
            Some("Interviews")
        ),
        "{answer}"
    );
}

fn detaching_a_member_is_audited_on_the_client_with_the_user_before(app: &TestApp) {
    let (admin, consultant_id, consultant, _, client) = cast(app);
    let (exec, _) = app.user(&admin, "ceo@mutual.test", "executive");
    let members = format!("/api/v1/clients/{client}/members");
    app.send("POST", &members, &consultant, &json!({ "user_id": exec }))
        .expect(204);
    app.request(
        "DELETE",
        &format!("{members}/{exec}"),
        &consultant,
        None,
        "",
    )
    .expect(204);
    // Detaching someone not attached is refused and records nothing.
    app.request(
        "DELETE",
        &format!("{members}/{exec}"),
        &consultant,
        None,
        "",
    )
    .problem(404, "not_found");

    let trail = events(app, &admin, "client", client);
    let attached = only(&trail, "client.member_attached");
    by(attached, consultant_id, "client", client);
    assert_eq!(content(attached, "before_value"), Value::Null);
    assert_eq!(content(attached, "after_value"), json!({ "user_id": exec }));
    let detached = only(&trail, "client.member_detached");
    by(detached, consultant_id, "client", client);
    assert_eq!(
        content(detached, "before_value"),
        json!({ "user_id": exec })
    );
    assert_eq!(content(detached, "after_value"), Value::Null);
}

fn project(name: &str, version: Option<i64>) -> Value {
    json!({
        "name": name, "objective": "Know the customers", "owner": "Olga Owner",
        "placement": { "kind": "row", "unit": "Retail" }, "areas": ["AP"],
        "start": "2026-07-01", "end": "2026-12-31", "status": "planned",
        "cost_planned": 1000.0, "cost_actual": null, "benefit_planned": 2500.0, "benefit_actual": null,
        "milestones": [], "depends_on": [], "version": version,
    })
}

fn programmes_and_projects_are_audited_by_entity_with_their_names(app: &TestApp) {
    let (admin, actor, consultant, _, client) = cast(app);
    let programme = app
        .send(
            "POST",
            "/api/v1/programmes",
            &consultant,
            &json!({ "client_id": client, "name": "Customer first", "business_units": ["Retail"] }),
        )
        .expect(201);
    let (programme, version) = (
        programme["id"].as_i64().expect("id"),
        programme["version"].as_i64().expect("version"),
    );
    let path = format!("/api/v1/programmes/{programme}");
    app.send(
        "PATCH",
        &path,
        &consultant,
        &json!({ "version": version, "name": "Customers always first" }),
    )
    .expect(200);

    let trail = events(app, &admin, "programme", programme);
    assert_eq!(trail.len(), 2, "{trail:?}");
    let created = only(&trail, "programme.create");
    by(created, actor, "programme", programme);
    assert!(created["before_value"].is_null(), "{created}");
    assert_eq!(
        content(created, "after_value"),
        json!({ "name": "Customer first" })
    );
    let updated = only(&trail, "programme.update");
    by(updated, actor, "programme", programme);
    assert_eq!(
        content(updated, "before_value"),
        json!({ "name": "Customer first" })
    );
    assert_eq!(
        content(updated, "after_value"),
        json!({ "name": "Customers always first" })
    );

    let projects = format!("{path}/projects");
    let id = app
        .send("POST", &projects, &consultant, &project("Segments", None))
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    let project_version = app.get(&path, &consultant).expect(200)["project_versions"]
        [id.to_string()]
    .as_i64()
    .expect("version");
    app.send(
        "PUT",
        &format!("{projects}/{id}"),
        &consultant,
        &project("Value segments", Some(project_version)),
    )
    .expect(200);
    app.request("DELETE", &format!("{projects}/{id}"), &consultant, None, "")
        .expect(204);

    let trail = events(app, &admin, "project", id);
    let actions: Vec<&str> = trail.iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(
        actions,
        ["project.create", "project.update", "project.delete"]
    );
    for event in &trail {
        by(event, actor, "project", id);
    }
    assert!(trail[0]["before_value"].is_null(), "{}", trail[0]);
    assert_eq!(
        content(&trail[0], "after_value"),
        json!({ "name": "Segments" })
    );
    assert_eq!(
        content(&trail[1], "before_value"),
        json!({ "name": "Segments" })
    );
    assert_eq!(
        content(&trail[1], "after_value"),
        json!({ "name": "Value segments" })
    );
    assert_eq!(
        content(&trail[2], "before_value"),
        json!({ "name": "Value segments" })
    );
    assert!(trail[2]["after_value"].is_null(), "{}", trail[2]);
    // The programme's own trail did not take the projects' events.
    assert_eq!(events(app, &admin, "programme", programme).len(), 2);
}

fn revoking_a_token_is_audited_against_the_token_by_whoever_revoked_it_and_never_holds_the_secret(
    app: &TestApp,
) {
    let admin = app.admin();
    let admin_id = me(app, &admin);
    let (owner_id, owner) = app.user(&admin, "owner@a.test", "consultant");
    let create = |name: &str| {
        let body = app
            .send("POST", "/api/v1/tokens", &owner, &json!({ "name": name }))
            .expect(201);
        (
            body["id"].as_i64().expect("id"),
            body["token"].as_str().expect("secret").to_owned(),
        )
    };
    let (own, own_secret) = create("laptop");
    let (other, other_secret) = create("nightly export");
    app.request("DELETE", &format!("/api/v1/tokens/{own}"), &owner, None, "")
        .expect(204);
    app.request(
        "DELETE",
        &format!("/api/v1/tokens/{other}"),
        &admin,
        None,
        "",
    )
    .expect(204);
    // A token revoked already is not revoked again, nor audited again.
    app.request(
        "DELETE",
        &format!("/api/v1/tokens/{other}"),
        &admin,
        None,
        "",
    )
    .problem(404, "not_found");

    for (token, actor, secret) in [
        (own, owner_id, &own_secret),
        (other, admin_id, &other_secret),
    ] {
        let trail = events(app, &admin, "token", token);
        let created = only(&trail, "token.create");
        by(created, owner_id, "token", token);
        assert_eq!(
            content(created, "after_value")["user_id"].as_i64(),
            Some(owner_id)
        );
        let revoked = only(&trail, "token.revoke");
        by(revoked, actor, "token", token);
        // What was revoked is the entity; the row carries no content.
        assert_eq!(content(revoked, "before_value"), Value::Null);
        assert_eq!(content(revoked, "after_value"), Value::Null);
        assert!(
            !trail
                .iter()
                .any(|e| e.to_string().contains(secret.as_str())),
            "the secret is in the trail"
        );
    }
    app.get("/api/v1/me", &Cred::Bearer(own_secret))
        .problem(401, "unauthenticated");
}

fn changing_a_user_is_audited_with_name_role_and_active_before_and_after(app: &TestApp) {
    let admin = app.admin();
    let (second_admin, second) = app.user(&admin, "second-admin@a.test", "admin");
    let (user, _) = app.user(&admin, "changing@a.test", "consultant");
    let path = format!("/api/v1/users/{user}");
    app.send(
        "PATCH",
        &path,
        &second,
        &json!({ "name": "Changed Name", "role": "programme_manager" }),
    )
    .expect(200);
    app.send("PATCH", &path, &second, &json!({ "active": false }))
        .expect(200);

    let trail = events(app, &admin, "user", user);
    let updates: Vec<&Value> = trail
        .iter()
        .filter(|e| e["action"] == "user.update")
        .collect();
    assert_eq!(updates.len(), 2, "{trail:?}");
    let states: Vec<(Value, Value)> = updates
        .iter()
        .map(|e| {
            by(e, second_admin, "user", user);
            (content(e, "before_value"), content(e, "after_value"))
        })
        .collect();
    assert_eq!(
        states[0],
        (
            json!({ "name": "changing@a.test", "role": "consultant", "active": true }),
            json!({ "name": "Changed Name", "role": "programme_manager", "active": true }),
        )
    );
    assert_eq!(
        states[1],
        (
            json!({ "name": "Changed Name", "role": "programme_manager", "active": true }),
            json!({ "name": "Changed Name", "role": "programme_manager", "active": false }),
        )
    );
    // No password or its hash reaches the trail.
    let all = app
        .get("/api/v1/audit?entity=user", &admin)
        .expect(200)
        .to_string();
    assert!(!all.contains(PASSWORD) && !all.contains("$argon2"), "{all}");
}
