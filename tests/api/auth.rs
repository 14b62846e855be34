use crate::helpers::{Cred, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(
    requests_without_credentials_get_401_with_a_problem_body,
    a_wrong_password_and_an_unknown_email_get_the_same_401,
    a_session_needs_its_csrf_token_to_change_data_and_ends_at_logout,
    a_revoked_token_stops_working_at_once,
    changing_the_password_ends_every_session,
    logging_in_again_ends_the_browsers_previous_session,
    five_failed_logins_hold_the_account_back_for_a_quarter_hour_and_say_so,
    a_successful_login_forgets_the_accounts_earlier_failures,
    thirty_failed_logins_from_one_address_hold_back_every_account_tried_from_it,
    two_hundred_guesses_at_once_reach_the_password_check_only_five_times,
);

fn requests_without_credentials_get_401_with_a_problem_body(app: &TestApp) {
    for path in [
        "/api/v1/clients",
        "/api/v1/assessments",
        "/api/v1/me",
        "/api/v1/questionnaires",
        "/api/v1/assessments/1/results",
    ] {
        let answer = app.get(path, &Cred::None);
        assert_eq!(
            answer.header("x-frame-options"),
            Some("DENY"),
            "no page may be framed"
        );
        assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(
            answer.header("content-type"),
            Some("application/problem+json")
        );
        answer.problem(401, "unauthenticated");
    }
    app.get("/api/v1/clients", &Cred::Bearer("cmas_not-a-token".into()))
        .problem(401, "unauthenticated");
}

fn a_wrong_password_and_an_unknown_email_get_the_same_401(app: &TestApp) {
    let wrong = app
        .send(
            "POST",
            "/api/v1/auth/login",
            &Cred::None,
            &json!({ "email": ADMIN_EMAIL, "password": "not the password" }),
        )
        .problem(401, "unauthenticated");
    let unknown = app
        .send(
            "POST",
            "/api/v1/auth/login",
            &Cred::None,
            &json!({ "email": "nobody@a.test", "password": "not the password" }),
        )
        .problem(401, "unauthenticated");
    assert_eq!(wrong["detail"], unknown["detail"]);
}

fn a_session_needs_its_csrf_token_to_change_data_and_ends_at_logout(app: &TestApp) {
    let Cred::Session { cookie, csrf } = app.login(ADMIN_EMAIL, PASSWORD) else {
        panic!("login gives a session");
    };
    let with = Cred::Session {
        cookie: cookie.clone(),
        csrf: csrf.clone(),
    };
    let without = Cred::Session {
        cookie: cookie.clone(),
        csrf: None,
    };
    let forged = Cred::Session {
        cookie: cookie.clone(),
        csrf: Some("guess".into()),
    };
    let me = app.get("/api/v1/me", &without).expect(200);
    assert_eq!(me["user"]["email"], ADMIN_EMAIL);
    assert_eq!(me["organisation"], "Alpha Advisory");
    let client = json!({ "name": "Harbour Bank", "sector": "Banking", "size_band": "Large", "region": "UK" });
    app.send("POST", "/api/v1/clients", &without, &client)
        .problem(403, "csrf_failed");
    app.send("POST", "/api/v1/clients", &forged, &client)
        .problem(403, "csrf_failed");
    app.send("POST", "/api/v1/clients", &with, &client)
        .expect(201);

    let logout = app.request("POST", "/api/v1/auth/logout", &with, None, "");
    assert!(
        logout
            .header("set-cookie")
            .is_some_and(|c| c.contains("Max-Age=0")),
        "{:?}",
        logout.headers
    );
    logout.expect(204);
    app.get("/api/v1/me", &without)
        .problem(401, "unauthenticated");
}

fn a_revoked_token_stops_working_at_once(app: &TestApp) {
    let session = app.login(ADMIN_EMAIL, PASSWORD);
    let created = app
        .send(
            "POST",
            "/api/v1/tokens",
            &session,
            &json!({ "name": "export" }),
        )
        .expect(201);
    let token = Cred::Bearer(created["token"].as_str().expect("token").to_owned());
    app.get("/api/v1/clients", &token).expect(200);
    let listed = app.get("/api/v1/tokens", &token).expect(200);
    assert!(
        listed[0].get("token").is_none(),
        "the secret is shown once only"
    );
    assert!(listed[0]["last_used_at"].is_string());
    app.request(
        "DELETE",
        &format!("/api/v1/tokens/{}", created["id"]),
        &session,
        None,
        "",
    )
    .expect(204);
    app.get("/api/v1/clients", &token)
        .problem(401, "unauthenticated");
    app.request(
        "DELETE",
        &format!("/api/v1/tokens/{}", created["id"]),
        &session,
        None,
        "",
    )
    .problem(404, "not_found");
}

fn changing_the_password_ends_every_session(app: &TestApp) {
    let session = app.login(ADMIN_EMAIL, PASSWORD);
    app.send(
        "POST",
        "/api/v1/auth/password",
        &session,
        &json!({ "current_password": "wrong one!!", "new_password": "another-long-password" }),
    )
    .problem(422, "wrong_password");
    app.send(
        "POST",
        "/api/v1/auth/password",
        &session,
        &json!({ "current_password": PASSWORD, "new_password": "short" }),
    )
    .problem(422, "weak_password");
    app.send(
        "POST",
        "/api/v1/auth/password",
        &session,
        &json!({ "current_password": PASSWORD, "new_password": "another-long-password" }),
    )
    .expect(204);
    app.get("/api/v1/me", &session)
        .problem(401, "unauthenticated");
    app.login(ADMIN_EMAIL, "another-long-password");
}

fn logging_in_again_ends_the_browsers_previous_session(app: &TestApp) {
    let Cred::Session { cookie: old, .. } = app.login(ADMIN_EMAIL, PASSWORD) else {
        panic!("login gives a session");
    };
    let same_browser = Cred::Session {
        cookie: old.clone(),
        csrf: None,
    };
    let body = json!({ "email": ADMIN_EMAIL, "password": PASSWORD }).to_string();
    let again = app.request(
        "POST",
        "/api/v1/auth/login",
        &same_browser,
        Some(&body),
        "application/json",
    );
    let new_cookie = again
        .header("set-cookie")
        .and_then(|c| c.strip_prefix("cmas_session="))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned);
    again.expect(200);
    assert_ne!(
        new_cookie.as_deref(),
        Some(old.as_str()),
        "a fresh session id at every login"
    );
    app.get("/api/v1/me", &same_browser)
        .problem(401, "unauthenticated");
}

fn attempt(app: &TestApp, email: &str, password: &str) -> crate::helpers::Answer {
    app.send(
        "POST",
        "/api/v1/auth/login",
        &Cred::None,
        &json!({ "email": email, "password": password }),
    )
}

fn five_failed_logins_hold_the_account_back_for_a_quarter_hour_and_say_so(app: &TestApp) {
    let admin = app.admin();
    app.user(&admin, "target@a.test", "consultant");
    for _ in 0..5 {
        attempt(app, "target@a.test", "a guess").problem(401, "unauthenticated");
    }
    // Even the right password waits; the address spelled differently is the same account.
    let refused = attempt(app, " Target@A.test", PASSWORD);
    let wait: i64 = refused
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("a Retry-After header in seconds");
    assert!((1..=900).contains(&wait), "{wait} s");
    let problem = refused.problem(429, "login_throttled");
    let detail = problem["detail"].as_str().unwrap_or("");
    assert!(
        detail.contains("this account") && detail.contains("try again in 15 minutes"),
        "{detail}"
    );
    // Other accounts from the same address are not held back.
    app.login(ADMIN_EMAIL, PASSWORD);
}

fn a_successful_login_forgets_the_accounts_earlier_failures(app: &TestApp) {
    for _ in 0..4 {
        attempt(app, ADMIN_EMAIL, "a guess").problem(401, "unauthenticated");
    }
    app.login(ADMIN_EMAIL, PASSWORD);
    for _ in 0..4 {
        attempt(app, ADMIN_EMAIL, "a guess").problem(401, "unauthenticated");
    }
    app.login(ADMIN_EMAIL, PASSWORD);
}

fn thirty_failed_logins_from_one_address_hold_back_every_account_tried_from_it(app: &TestApp) {
    for n in 0..30 {
        attempt(app, &format!("nobody{n}@a.test"), "a guess").problem(401, "unauthenticated");
    }
    let problem = attempt(app, ADMIN_EMAIL, PASSWORD).problem(429, "login_throttled");
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("this address")),
        "{problem}"
    );
}

fn two_hundred_guesses_at_once_reach_the_password_check_only_five_times(app: &TestApp) {
    let admin = app.admin();
    app.user(&admin, "target@a.test", "consultant");
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let guesses: Vec<_> = (0..200)
            .map(|_| scope.spawn(|| attempt(app, "target@a.test", "a guess").status))
            .collect();
        guesses
            .into_iter()
            .map(|guess| guess.join().expect("a guess"))
            .collect()
    });
    let count = |status: u16| statuses.iter().filter(|s| **s == status).count();
    assert_eq!((count(401), count(429)), (5, 195), "{statuses:?}");
    // The right password now waits too: the guesses counted, and none of
    // the held-back ones was ever checked.
    attempt(app, "target@a.test", PASSWORD).problem(429, "login_throttled");
}
