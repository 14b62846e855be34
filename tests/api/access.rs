use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(
    a_user_of_another_organisation_gets_404_for_its_client_and_assessment,
    an_executive_sees_only_final_assessments_of_attached_clients,
    executives_cannot_create_or_score,
    a_detached_executive_loses_access_at_once,
    a_deactivated_user_is_locked_out_and_admins_cannot_lock_themselves_out,
);

/// A final assessment of `client` with every mini question scored by the admin as lead.
fn final_assessment(app: &TestApp, admin: &Cred, client: i64, questionnaire: i64) -> i64 {
    let id = app.draft(admin, client, questionnaire);
    app.finalise_mini(admin, id, (5, 4), "");
    id
}

fn a_user_of_another_organisation_gets_404_for_its_client_and_assessment(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let assessment = final_assessment(app, &admin, client, questionnaire);
    let outsider = app.other_organisation("admin@b.test");

    app.get(&format!("/api/v1/clients/{client}"), &outsider)
        .problem(404, "not_found");
    app.get(&format!("/api/v1/assessments/{assessment}"), &outsider)
        .problem(404, "not_found");
    app.get(
        &format!("/api/v1/assessments/{assessment}/results"),
        &outsider,
    )
    .problem(404, "not_found");
    app.get(
        &format!("/api/v1/questionnaires/{questionnaire}"),
        &outsider,
    )
    .problem(404, "not_found");
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{assessment}/scores/AP.1.1"),
        &outsider,
        &json!({ "intention": 1, "reality": 1 }),
    )
    .problem(404, "not_found");
    assert_eq!(app.get("/api/v1/clients", &outsider).expect(200), json!([]));
    assert_eq!(
        app.get("/api/v1/assessments", &outsider).expect(200),
        json!([])
    );
    let users = app.get("/api/v1/users", &outsider).expect(200);
    assert_eq!(
        users.as_array().map(Vec::len),
        Some(1),
        "only their own admin: {users}"
    );
}

fn an_executive_sees_only_final_assessments_of_attached_clients(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let theirs = app.client(&admin, "Harbour Bank");
    let other = app.client(&admin, "Crown Bank");
    let (exec_id, exec) = app.user(&admin, "ceo@harbour.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{theirs}/members"),
        &admin,
        &json!({ "user_id": exec_id }),
    )
    .expect(204);

    let final_id = final_assessment(app, &admin, theirs, questionnaire);
    let draft = app
        .send("POST", "/api/v1/assessments", &admin, &json!({ "client_id": theirs, "questionnaire_id": questionnaire, "assessment_date": "2026-11-01" }))
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    let elsewhere = final_assessment(app, &admin, other, questionnaire);

    let clients = app.get("/api/v1/clients", &exec).expect(200);
    assert_eq!(clients.as_array().map(Vec::len), Some(1));
    assert_eq!(clients[0]["id"], theirs);
    let listed = app.get("/api/v1/assessments", &exec).expect(200);
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    assert_eq!(listed[0]["id"], final_id);
    app.get(&format!("/api/v1/assessments/{final_id}/results"), &exec)
        .expect(200);
    app.get(&format!("/api/v1/assessments/{draft}"), &exec)
        .problem(404, "not_found");
    app.get(&format!("/api/v1/assessments/{draft}/results"), &exec)
        .problem(404, "not_found");
    app.get(&format!("/api/v1/assessments/{elsewhere}/results"), &exec)
        .problem(404, "not_found");
    app.get(&format!("/api/v1/clients/{other}"), &exec)
        .problem(404, "not_found");
}

fn executives_cannot_create_or_score(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let (exec_id, exec) = app.user(&admin, "ceo@harbour.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        &admin,
        &json!({ "user_id": exec_id }),
    )
    .expect(204);
    app.send(
        "POST",
        "/api/v1/clients",
        &exec,
        &json!({ "name": "X", "sector": "Y", "size_band": "Z", "region": "W" }),
    )
    .problem(403, "role_not_allowed");
    app.send("POST", "/api/v1/assessments", &exec, &json!({ "client_id": client, "questionnaire_id": questionnaire, "assessment_date": "2026-11-01" }))
        .problem(403, "role_not_allowed");
    app.get("/api/v1/users", &exec)
        .problem(403, "role_not_allowed");
    // An executive cannot be made an assessor either.
    app.send("POST", "/api/v1/assessments", &admin, &json!({ "client_id": client, "questionnaire_id": questionnaire, "assessment_date": "2026-11-01", "assessor_ids": [exec_id] }))
        .problem(422, "not_an_assessor_role");
}

fn a_detached_executive_loses_access_at_once(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let (exec_id, exec) = app.user(&admin, "ceo@harbour.test", "executive");
    let members = format!("/api/v1/clients/{client}/members");
    app.send("POST", &members, &admin, &json!({ "user_id": exec_id }))
        .expect(204);
    let id = final_assessment(app, &admin, client, questionnaire);
    app.get(&format!("/api/v1/assessments/{id}/results"), &exec)
        .expect(200);
    app.get("/api/v1/questionnaires", &exec)
        .problem(403, "role_not_allowed");
    app.request("DELETE", &format!("{members}/{exec_id}"), &admin, None, "")
        .expect(204);
    app.get(&format!("/api/v1/assessments/{id}/results"), &exec)
        .problem(404, "not_found");
    app.request("DELETE", &format!("{members}/{exec_id}"), &admin, None, "")
        .problem(404, "not_found");
}

fn a_deactivated_user_is_locked_out_and_admins_cannot_lock_themselves_out(app: &TestApp) {
    let admin = app.admin();
    let me = app.get("/api/v1/me", &admin).expect(200)["user"]["id"]
        .as_i64()
        .expect("id");
    let (id, consultant) = app.user(&admin, "leaver@a.test", "consultant");
    app.get("/api/v1/clients", &consultant).expect(200);
    app.send(
        "PATCH",
        &format!("/api/v1/users/{id}"),
        &consultant,
        &json!({ "active": false }),
    )
    .problem(403, "role_not_allowed");
    let changed = app
        .send(
            "PATCH",
            &format!("/api/v1/users/{id}"),
            &admin,
            &json!({ "active": false, "name": "Former colleague" }),
        )
        .expect(200);
    assert_eq!(
        (changed["active"].clone(), changed["name"].clone()),
        (json!(false), json!("Former colleague"))
    );
    app.get("/api/v1/clients", &consultant)
        .problem(401, "unauthenticated");
    app.send(
        "POST",
        "/api/v1/auth/login",
        &Cred::None,
        &json!({ "email": "leaver@a.test", "password": crate::helpers::PASSWORD }),
    )
    .problem(401, "unauthenticated");
    app.send(
        "PATCH",
        &format!("/api/v1/users/{me}"),
        &admin,
        &json!({ "role": "consultant" }),
    )
    .problem(422, "own_account");
    app.send(
        "PATCH",
        &format!("/api/v1/users/{me}"),
        &admin,
        &json!({ "active": false }),
    )
    .problem(422, "own_account");
    let outsider = app.other_organisation("admin@b.test");
    app.send(
        "PATCH",
        &format!("/api/v1/users/{id}"),
        &outsider,
        &json!({ "active": true }),
    )
    .problem(404, "not_found");
}
