//! Invitations over the API: a one-time link, valid 72 hours, that sets
//! the invited person's own password; only admins invite.

use crate::helpers::{Cred, TestApp, PASSWORD};
use crate::on_both_backends;
use diesel::RunQueryDsl;
use serde_json::json;

on_both_backends!(an_invited_person_sets_their_password_once_within_72_hours,);

fn token_of(invitation: &serde_json::Value) -> String {
    invitation["link"]
        .as_str()
        .and_then(|l| l.strip_prefix("/invitations/"))
        .expect("a link")
        .to_owned()
}

fn an_invited_person_sets_their_password_once_within_72_hours(app: &TestApp) {
    let admin = app.admin();
    let (_, consultant) = app.user(&admin, "consultant@a.test", "consultant");
    let body =
        json!({ "email": "ines@a.test", "name": "Ines Invited", "role": "programme_manager" });
    app.send("POST", "/api/v1/invitations", &consultant, &body)
        .problem(403, "role_not_allowed");
    let invitation = app
        .send("POST", "/api/v1/invitations", &admin, &body)
        .expect(201);
    assert_eq!(invitation["user"]["active"], false);
    assert_eq!(invitation["user"]["last_login_at"], serde_json::Value::Null);
    let token = token_of(&invitation);
    let login = json!({ "email": "ines@a.test", "password": PASSWORD });
    assert_eq!(
        app.send("POST", "/api/v1/auth/login", &Cred::None, &login)
            .status,
        401
    );

    let accept = |token: &str, password: &str| {
        app.send(
            "POST",
            "/api/v1/invitations/accept",
            &Cred::None,
            &json!({ "token": token, "password": password }),
        )
    };
    accept(&token, "short").problem(422, "weak_password");
    accept("i_made-up", PASSWORD).problem(404, "not_found");
    assert_eq!(accept(&token, PASSWORD).status, 204);
    accept(&token, "another-long-password").problem(404, "not_found");
    let me = app.login("ines@a.test", PASSWORD);
    let user = app.get("/api/v1/me", &me).expect(200);
    assert_eq!(user["user"]["active"], true);
    assert!(user["user"]["last_login_at"].is_string(), "{user}");

    // A new link replaces the open one; a link older than 72 hours is refused.
    let id = invitation["user"]["id"].as_i64().expect("an id");
    let first = token_of(
        &app.send(
            "POST",
            &format!("/api/v1/users/{id}/invitation"),
            &admin,
            &json!({}),
        )
        .expect(201),
    );
    let second = token_of(
        &app.send(
            "POST",
            &format!("/api/v1/users/{id}/invitation"),
            &admin,
            &json!({}),
        )
        .expect(201),
    );
    accept(&first, "a-new-long-password").problem(404, "not_found");
    app.db
        .write(|conn| -> anyhow::Result<usize> {
            Ok(diesel::sql_query(
                "UPDATE invitations SET expires_at = created_at WHERE accepted_at IS NULL",
            )
            .execute(conn)?)
        })
        .expect("aged");
    accept(&second, "a-new-long-password").problem(404, "not_found");
    assert_eq!(
        app.send("POST", "/api/v1/auth/login", &Cred::None, &login)
            .status,
        200,
        "the password stays"
    );

    let other = app.other_organisation("admin@b.test");
    app.send(
        "POST",
        &format!("/api/v1/users/{id}/invitation"),
        &other,
        &json!({}),
    )
    .problem(404, "not_found");
    let trail: Vec<String> = app
        .get(
            &format!("/api/v1/audit?entity=user&entity_id={id}&per_page=100"),
            &admin,
        )
        .expect(200)
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["action"].as_str().map(str::to_owned))
        .collect();
    for action in ["user.create", "user.invite", "user.accept", "user.login"] {
        assert!(trail.iter().any(|a| a == action), "{action} in {trail:?}");
    }
}
