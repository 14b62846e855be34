//! What a person sees and ends of their own credentials: browser sessions
//! with their device, address and last use; API tokens that expire and
//! carry a scope (read only, scoring, everything the role allows).

use crate::helpers::{Cred, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(
    a_tokens_scope_limits_what_it_may_change,
    tokens_expire_and_an_expired_one_is_refused,
    people_see_their_sessions_and_end_one,
);

fn token(app: &TestApp, session: &Cred, body: serde_json::Value) -> (i64, Cred) {
    let created = app
        .send("POST", "/api/v1/tokens", session, &body)
        .expect(201);
    (
        created["id"].as_i64().expect("id"),
        Cred::Bearer(created["token"].as_str().expect("token").to_owned()),
    )
}

fn a_tokens_scope_limits_what_it_may_change(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Scoped Ltd");
    let assessment = app.draft(&admin, client, questionnaire);
    let session = app.login(ADMIN_EMAIL, PASSWORD);
    let (_, read) = token(
        app,
        &session,
        json!({ "name": "dashboard", "scope": "read" }),
    );
    let (_, scoring) = token(
        app,
        &session,
        json!({ "name": "tablet", "scope": "scoring" }),
    );
    let score = json!({ "intention": 4, "reality": 3 });
    let path = format!("/api/v1/assessments/{assessment}/scores/AP.1.1");
    // Read only: reads, and refuses every change with the scope named.
    app.get(&format!("/api/v1/assessments/{assessment}"), &read)
        .expect(200);
    app.send(
        "POST",
        "/api/v1/stats/correlation",
        &read,
        &json!({ "x": [1, 2, 3], "y": [1, 3, 2] }),
    )
    .expect(200);
    let refused = app
        .send("PUT", &path, &read, &score)
        .problem(403, "token_scope");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains("read")),
        "{refused}"
    );
    // Scoring: scores and evidence, nothing else.
    app.send("PUT", &path, &scoring, &score).expect(200);
    app.send(
        "POST",
        &format!("/api/v1/assessments/{assessment}/evidence/links"),
        &scoring,
        &json!({ "title": "Plan", "url": "https://plan.test" }),
    )
    .expect(201);
    let new_client =
        json!({ "name": "Not By Script", "sector": "s", "size_band": "b", "region": "r" });
    app.send("POST", "/api/v1/clients", &scoring, &new_client)
        .problem(403, "token_scope");
    app.send(
        "PATCH",
        &format!("/api/v1/assessments/{assessment}"),
        &scoring,
        &json!({ "version": 1, "status": "final" }),
    )
    .problem(403, "token_scope");
    // The widest (and the default) does whatever the role allows.
    app.send("POST", "/api/v1/clients", &admin, &new_client)
        .expect(201);
    // The scope never widens the role: a consultant's admin-scope token
    // still cannot create users.
    let (_, consultant) = app.user(&admin, "c@a.test", "consultant");
    app.send(
        "POST",
        "/api/v1/users",
        &consultant,
        &json!({ "email": "x@a.test", "name": "X", "role": "admin", "password": PASSWORD }),
    )
    .problem(403, "role_not_allowed");
    let listed = app.get("/api/v1/tokens", &session).expect(200);
    let scopes: Vec<&str> = listed
        .as_array()
        .expect("tokens")
        .iter()
        .filter_map(|t| t["scope"].as_str())
        .collect();
    assert!(
        scopes.contains(&"read") && scopes.contains(&"scoring"),
        "{listed}"
    );
    app.send(
        "POST",
        "/api/v1/tokens",
        &session,
        &json!({ "name": "x", "scope": "root" }),
    )
    .expect(400);
}

fn tokens_expire_and_an_expired_one_is_refused(app: &TestApp) {
    let session = app.login(ADMIN_EMAIL, PASSWORD);
    let (id, short) = token(
        app,
        &session,
        json!({ "name": "a day", "expires_in_days": 1 }),
    );
    let listed = app.get("/api/v1/tokens", &session).expect(200);
    let view = listed
        .as_array()
        .and_then(|all| all.iter().find(|t| t["id"] == id))
        .expect("listed")
        .clone();
    let expires = chrono::NaiveDateTime::parse_from_str(
        view["expires_at"].as_str().expect("expires_at"),
        "%Y-%m-%dT%H:%M:%S%.f",
    )
    .expect("a time");
    let in_a_day = chrono::Utc::now().naive_utc() + chrono::Duration::days(1);
    assert!((expires - in_a_day).num_minutes().abs() < 5, "{view}");
    let (_, default) = token(app, &session, json!({ "name": "default" }));
    app.get("/api/v1/me", &default).expect(200);
    // Used once: when and from where is noted.
    app.get("/api/v1/me", &short).expect(200);
    let listed = app.get("/api/v1/tokens", &session).expect(200).to_string();
    assert!(listed.contains("127.0.0.1"), "{listed}");
    // Out of range is refused.
    for days in [0, 367] {
        app.send(
            "POST",
            "/api/v1/tokens",
            &session,
            &json!({ "name": "x", "expires_in_days": days }),
        )
        .problem(422, "bad_expiry");
    }
    // Time passes (the clock of the stored row, as a day would).
    app.db
        .write(|conn| -> anyhow::Result<()> {
            use cmas::db::schema::api_tokens;
            use diesel::prelude::*;
            diesel::update(api_tokens::table.find(id as i32))
                .set(api_tokens::expires_at.eq(Some(
                    chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1),
                )))
                .execute(conn)?;
            Ok(())
        })
        .expect("expire the token");
    let refused = app
        .get("/api/v1/me", &short)
        .problem(401, "unauthenticated");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains("expired")),
        "{refused}"
    );
    app.get("/api/v1/me", &default).expect(200);
}

fn people_see_their_sessions_and_end_one(app: &TestApp) {
    let admin = app.admin();
    let laptop = app.login(ADMIN_EMAIL, PASSWORD);
    let phone = app.login(ADMIN_EMAIL, PASSWORD);
    let (_, other) = app.user(&admin, "other@a.test", "consultant");
    let others_session = app.login("other@a.test", PASSWORD);
    let sessions = app.get("/api/v1/sessions", &laptop).expect(200);
    let all = sessions.as_array().expect("sessions");
    // Every session of this admin (the helper's too), none of anyone else's.
    assert!(all.len() >= 2, "{sessions}");
    let current: Vec<_> = all.iter().filter(|s| s["current"] == true).collect();
    assert_eq!(current.len(), 1, "{sessions}");
    assert!(
        all.iter().all(|s| s["address"] == "127.0.0.1"),
        "{sessions}"
    );
    assert!(all
        .iter()
        .all(|s| s["device"].as_str().is_some_and(|d| d.starts_with("ureq"))));
    // The phone's session, seen from the laptop, is ended; the phone is out.
    let phone_id = app
        .get("/api/v1/sessions", &phone)
        .expect(200)
        .as_array()
        .and_then(|all| all.iter().find(|s| s["current"] == true).cloned())
        .expect("the phone's session")["id"]
        .as_i64()
        .expect("id");
    app.request(
        "DELETE",
        &format!("/api/v1/sessions/{phone_id}"),
        &laptop,
        None,
        "",
    )
    .expect(204);
    app.get("/api/v1/me", &phone)
        .problem(401, "unauthenticated");
    app.get("/api/v1/me", &laptop).expect(200);
    // Nobody ends another person's session.
    let theirs = app.get("/api/v1/sessions", &others_session).expect(200)[0]["id"]
        .as_i64()
        .expect("id");
    app.request(
        "DELETE",
        &format!("/api/v1/sessions/{theirs}"),
        &laptop,
        None,
        "",
    )
    .problem(404, "not_found");
    app.get("/api/v1/me", &others_session).expect(200);
    // A token caller lists the sessions too, none of them current.
    let listed = app.get("/api/v1/sessions", &other).expect(200);
    assert!(listed
        .as_array()
        .is_some_and(|all| all.iter().all(|s| s["current"] == false)));
    let trail = app.get("/api/v1/audit", &admin).expect(200).to_string();
    assert!(trail.contains("user.session_ended"), "{trail}");
}
