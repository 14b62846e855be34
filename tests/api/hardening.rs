//! Limits and refusals that hold against what attackers try (issue 14).

use crate::helpers::{Cred, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(
    an_email_used_in_another_organisation_is_refused_without_saying_where,
    an_assessment_or_project_date_outside_the_window_is_refused_naming_it,
    a_kpi_export_with_formula_guarded_names_imports_back_unchanged,
    a_password_change_revokes_the_tokens_unless_asked_not_to,
    a_deactivated_account_loses_its_tokens_for_good,
    a_user_has_at_most_fifty_live_tokens,
    a_csv_upload_is_held_to_the_row_limit_that_json_is,
    one_upload_brings_values_for_at_most_twenty_four_periods,
    names_refuse_nul_and_invisible_characters_however_they_come_and_compare_composed,
);

fn an_email_used_in_another_organisation_is_refused_without_saying_where(app: &TestApp) {
    let beta = app.other_organisation("boss@beta.test");
    let user = |email: &str| json!({ "email": email, "name": "Someone", "role": "consultant", "password": PASSWORD });
    let refused = app
        .send("POST", "/api/v1/users", &beta, &user(ADMIN_EMAIL))
        .problem(409, "email_taken");
    let detail = refused["detail"].as_str().unwrap_or_default();
    assert!(
        !detail.contains("exists")
            && !detail.contains("Alpha")
            && detail.contains("cannot be used"),
        "{detail}"
    );
    // In one's own organisation the admin may be told: they see their users.
    let own = app
        .send("POST", "/api/v1/users", &beta, &user("boss@beta.test"))
        .problem(409, "email_taken");
    assert!(
        own["detail"]
            .as_str()
            .is_some_and(|d| d.contains("in your organisation")),
        "{own}"
    );
}

fn an_assessment_or_project_date_outside_the_window_is_refused_naming_it(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Dated Bank");
    let assess = |date: &str| {
        app.send(
            "POST",
            "/api/v1/assessments",
            &admin,
            &json!({ "client_id": client, "questionnaire_id": questionnaire, "assessment_date": date }),
        )
    };
    for date in ["+99999-01-01", "0000-01-01"] {
        // Out of chrono's range or of this work's: unreadable or refused, never stored.
        assert!(matches!(assess(date).status, 400 | 422), "{date}");
    }
    let far = (chrono::Utc::now().date_naive() + chrono::Duration::days(800)).to_string();
    for date in ["1989-12-31", far.as_str()] {
        let refused = assess(date).problem(422, "date_out_of_range");
        assert!(
            refused["detail"]
                .as_str()
                .is_some_and(|d| d.contains("1990-01-01")),
            "{refused}"
        );
    }
    assess("1990-01-01").expect(201);
    assert_eq!(
        app.get(&format!("/api/v1/assessments?client_id={client}"), &admin)
            .expect(200)
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    let programme = app
        .send(
            "POST",
            "/api/v1/programmes",
            &admin,
            &json!({ "client_id": client, "name": "Customer first", "business_units": ["Retail"] }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    let project = |end: &str| {
        json!({ "name": "Segments", "objective": "Know them", "owner": "Olga",
                "placement": { "kind": "row", "unit": "Retail" }, "areas": [],
                "start": "2026-07-01", "end": end, "status": "planned",
                "cost_planned": 1.0, "benefit_planned": 2.0 })
    };
    let projects = format!("/api/v1/programmes/{programme}/projects");
    let refused = app
        .send("POST", &projects, &admin, &project("2099-12-31"))
        .problem(422, "date_out_of_range");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains("`end`")),
        "{refused}"
    );
    app.send("POST", &projects, &admin, &project("2026-12-31"))
        .expect(201);
}

fn a_kpi_export_with_formula_guarded_names_imports_back_unchanged(app: &TestApp) {
    let admin = app.admin();
    let names = [
        "@Home Stores",
        "=Equal Bank",
        "+Plus Telecom",
        "-Minus Energy",
        "Plain Bank",
    ];
    let clients: Vec<i64> = names.iter().map(|n| app.client(&admin, n)).collect();
    let kpi = app
        .send(
            "POST",
            "/api/v1/kpis",
            &admin,
            &json!({ "name": "=Retention", "unit": "%", "direction": "higher", "kind": "behaviour" }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    let values: Vec<_> = clients
        .iter()
        .zip(1..)
        .map(|(client, n)| json!({ "kpi_id": kpi, "client_id": client, "period": "2025", "value": f64::from(n) * 10.0 }))
        .collect();
    app.send("PUT", "/api/v1/kpis/values", &admin, &json!(values))
        .expect(204);
    let export = || {
        let answer = app.get("/api/v1/kpis/values.csv?period=2025", &admin);
        assert_eq!(answer.status, 200);
        String::from_utf8_lossy(&answer.bytes).into_owned()
    };
    let exported = export();
    assert!(
        exported.contains("'@Home Stores") && exported.contains("'=Retention"),
        "{exported}"
    );
    let imported = app
        .request(
            "POST",
            "/api/v1/kpis/values.csv",
            &admin,
            Some(&exported),
            "text/csv",
        )
        .expect(200);
    assert_eq!(imported["rows"], 5, "{imported}");
    assert_eq!(export(), exported);
}

fn password_change(app: &TestApp, token: &Cred, new: &str, revoke: Option<bool>) {
    let mut body = json!({ "current_password": PASSWORD, "new_password": new });
    if let Some(revoke) = revoke {
        body["revoke_tokens"] = json!(revoke);
    }
    app.send("POST", "/api/v1/auth/password", token, &body)
        .expect(204);
}

fn a_password_change_revokes_the_tokens_unless_asked_not_to(app: &TestApp) {
    let admin = app.admin();
    let (_, kept) = app.user(&admin, "keeps@a.test", "consultant");
    password_change(app, &kept, "a-second-long-password", Some(false));
    app.get("/api/v1/me", &kept).expect(200);

    let (_, token) = app.user(&admin, "changes@a.test", "consultant");
    let other = app.token("changes@a.test", PASSWORD);
    password_change(app, &token, "a-second-long-password", None);
    for revoked in [&token, &other] {
        app.get("/api/v1/me", revoked)
            .problem(401, "unauthenticated");
    }
    // Each revocation is in the trail, by the user who changed the password.
    let trail = app.get("/api/v1/audit?entity=token", &admin).expect(200);
    let revoked = trail.as_array().map_or(0, |events| {
        events
            .iter()
            .filter(|e| e["action"] == "token.revoke")
            .count()
    });
    assert_eq!(revoked, 2, "{trail}");
}

fn a_deactivated_account_loses_its_tokens_for_good(app: &TestApp) {
    let admin = app.admin();
    let (id, token) = app.user(&admin, "leaves@a.test", "consultant");
    app.get("/api/v1/me", &token).expect(200);
    let path = format!("/api/v1/users/{id}");
    app.send("PATCH", &path, &admin, &json!({ "active": false }))
        .expect(200);
    app.get("/api/v1/me", &token)
        .problem(401, "unauthenticated");
    app.send("PATCH", &path, &admin, &json!({ "active": true }))
        .expect(200);
    app.get("/api/v1/me", &token)
        .problem(401, "unauthenticated");
    // The account itself works again, with a new token.
    let fresh = app.token("leaves@a.test", PASSWORD);
    app.get("/api/v1/me", &fresh).expect(200);
}

fn a_user_has_at_most_fifty_live_tokens(app: &TestApp) {
    let session = app.login(ADMIN_EMAIL, PASSWORD);
    let make =
        |name: String| app.send("POST", "/api/v1/tokens", &session, &json!({ "name": name }));
    // `admin()` is not used here: every live token counts, this session's own too.
    let mut ids = Vec::new();
    for n in 0..50 {
        ids.push(
            make(format!("script {n}")).expect(201)["id"]
                .as_i64()
                .expect("id"),
        );
    }
    let refused = make("one too many".into()).problem(422, "too_many_tokens");
    assert!(
        refused["detail"].as_str().is_some_and(|d| d.contains("50")),
        "{refused}"
    );
    app.request(
        "DELETE",
        &format!("/api/v1/tokens/{}", ids[0]),
        &session,
        None,
        "",
    )
    .expect(204);
    make("in its place".into()).expect(201);
}

fn a_csv_upload_is_held_to_the_row_limit_that_json_is(app: &TestApp) {
    let admin = app.admin();
    let mut csv = String::from("client,kpi,period,value\n");
    for _ in 0..50_001 {
        csv.push_str("Nobody,Nothing,2025,1\n");
    }
    let refused = app
        .request(
            "POST",
            "/api/v1/kpis/values.csv",
            &admin,
            Some(&csv),
            "text/csv",
        )
        .problem(422, "file_rejected");
    let errors = refused["errors"].as_array().cloned().unwrap_or_default();
    assert_eq!(errors.len(), 1, "{refused}");
    assert!(
        errors[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("50000 rows")),
        "{refused}"
    );
    assert_eq!(errors[0]["at"], "row 50002, column 1");
}

fn one_upload_brings_values_for_at_most_twenty_four_periods(app: &TestApp) {
    let admin = app.admin();
    let client = app.client(&admin, "Periodic Bank");
    let kpi = app
        .send(
            "POST",
            "/api/v1/kpis",
            &admin,
            &json!({ "name": "Retention", "unit": "%", "direction": "higher", "kind": "behaviour" }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    let values = |n: usize| {
        let rows: Vec<_> = (0..n)
            .map(|i| json!({ "kpi_id": kpi, "client_id": client, "period": format!("P{i}"), "value": 1.0 }))
            .collect();
        json!(rows)
    };
    let refused = app
        .send("PUT", "/api/v1/kpis/values", &admin, &values(25))
        .problem(422, "too_many_periods");
    assert!(
        refused["detail"].as_str().is_some_and(|d| d.contains("24")),
        "{refused}"
    );
    let mut csv = String::from("client,kpi,period,value\n");
    for i in 0..25 {
        csv.push_str(&format!("Periodic Bank,Retention,P{i},1\n"));
    }
    app.request(
        "POST",
        "/api/v1/kpis/values.csv",
        &admin,
        Some(&csv),
        "text/csv",
    )
    .problem(422, "too_many_periods");
    app.send("PUT", "/api/v1/kpis/values", &admin, &values(24))
        .expect(204);
}

fn names_refuse_nul_and_invisible_characters_however_they_come_and_compare_composed(app: &TestApp) {
    let admin = app.admin();
    let client = |name: &str| {
        app.send(
            "POST",
            "/api/v1/clients",
            &admin,
            &json!({ "name": name, "sector": "Retail", "size_band": "1,000–5,000", "region": "Nordics" }),
        )
    };
    for hidden in ["Evil\u{202e}gnaB", "Zero\u{200b}Width", "Nul\u{0}Bank"] {
        let refused = client(hidden).problem(422, "invalid_text");
        assert!(
            refused["detail"]
                .as_str()
                .is_some_and(|d| d.contains("`name`")),
            "{refused}"
        );
    }
    // Composed on the way in: the decomposed spelling is the same client.
    let made = client("Cafe\u{301} Bank").expect(201);
    assert_eq!(made["name"], "Caf\u{e9} Bank");
    app.send(
        "POST",
        "/api/v1/kpis",
        &admin,
        &json!({ "name": "Retention", "unit": "%", "direction": "higher", "kind": "behaviour" }),
    )
    .expect(201);
    let upload = |csv: &str| {
        app.request(
            "POST",
            "/api/v1/kpis/values.csv",
            &admin,
            Some(csv),
            "text/csv",
        )
    };
    upload("client,kpi,period,value\nCafe\u{301} Bank,Retention,2025,1\n").expect(200);
    for (csv, column) in [
        (
            "client,kpi,period,value\nCaf\u{e9} Bank,Retention,20\u{0}31,1\n",
            3,
        ),
        (
            "client,kpi,period,value\nCaf\u{e9} Bank\u{200d},Retention,2025,1\n",
            1,
        ),
    ] {
        let refused = upload(csv).problem(422, "file_rejected");
        assert_eq!(
            refused["errors"][0]["at"],
            format!("row 2, column {column}"),
            "{refused}"
        );
    }
    let panels = "panel,period,client,rank\nNul\u{0}Panel,2025,Caf\u{e9} Bank,1\n";
    app.request(
        "POST",
        "/api/v1/panels/ranks.csv",
        &admin,
        Some(panels),
        "text/csv",
    )
    .problem(422, "file_rejected");
    assert_eq!(app.get("/api/v1/panels", &admin).expect(200), json!([]));
}
