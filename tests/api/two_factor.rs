//! Two factors (RFC 6238): enrolment with one code, ten recovery codes
//! shown once, every code accepted once (a replay is refused) within one
//! step either side, failed codes counting toward login throttling, and an
//! organisation requiring a second factor of admins or everyone.

use crate::browser::Browser;
use crate::helpers::{Cred, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use cmas::auth::totp;
use serde_json::{json, Value};

on_both_backends!(
    a_person_enrols_and_each_code_is_accepted_once,
    failed_codes_count_toward_login_throttling,
    an_organisation_requires_a_second_factor_and_an_admin_resets_one,
    the_login_page_asks_for_the_code_in_a_second_step,
    one_code_sent_by_many_logins_at_once_lets_exactly_one_in,
    the_users_page_shows_who_has_a_second_factor_and_resets_one,
);

fn now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).expect("after 1970")
}

/// The code the person's app shows at `at`.
fn code(secret: &[u8], at: u64) -> String {
    totp::code_at(secret, at).expect("a code")
}

/// The code of the step after this one (accepted within the ±1 window,
/// and not the one an enrolment just used).
pub fn code_at_next_step(secret: &[u8]) -> String {
    code(secret, now() + 30)
}

/// Enrols the caller and returns (secret, recovery codes).
pub fn enrol(app: &TestApp, cred: &Cred) -> (Vec<u8>, Vec<String>) {
    let enrolment = app
        .request("POST", "/api/v1/me/two-factor", cred, None, "")
        .expect(201);
    let secret = totp_rs::Secret::try_from_base32(enrolment["secret"].as_str().expect("secret"))
        .expect("base32")
        .as_ref()
        .to_vec();
    let codes = app
        .send(
            "POST",
            "/api/v1/me/two-factor/confirm",
            cred,
            &json!({ "code": code(&secret, now()) }),
        )
        .expect(200)["recovery_codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c.as_str().expect("a code").to_owned())
        .collect();
    (secret, codes)
}

fn log_in(app: &TestApp, email: &str, code: Option<&str>) -> crate::helpers::Answer {
    let mut body = json!({ "email": email, "password": PASSWORD });
    if let Some(code) = code {
        body["code"] = json!(code);
    }
    app.send("POST", "/api/v1/auth/login", &Cred::None, &body)
}

fn a_person_enrols_and_each_code_is_accepted_once(app: &TestApp) {
    let admin = app.admin();
    let status = app.get("/api/v1/me/two-factor", &admin).expect(200);
    assert_eq!(
        status,
        json!({ "enabled": false, "required": false, "recovery_codes_left": 0 })
    );
    let started = app
        .request("POST", "/api/v1/me/two-factor", &admin, None, "")
        .expect(201);
    assert!(started["otpauth_url"]
        .as_str()
        .is_some_and(|u| u.starts_with("otpauth://totp/")));
    assert!(started["qr_svg"]
        .as_str()
        .is_some_and(|s| s.contains("<svg")));
    // Started again before confirming: the same secret (the app may have scanned it).
    let again = app
        .request("POST", "/api/v1/me/two-factor", &admin, None, "")
        .expect(201);
    assert_eq!(again["secret"], started["secret"]);
    let secret = totp_rs::Secret::try_from_base32(started["secret"].as_str().expect("secret"))
        .expect("base32")
        .as_ref()
        .to_vec();
    // A wrong first code switches nothing on.
    let right = code(&secret, now());
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };
    app.send(
        "POST",
        "/api/v1/me/two-factor/confirm",
        &admin,
        &json!({ "code": wrong }),
    )
    .problem(422, "wrong_code");
    log_in(app, ADMIN_EMAIL, None).expect(200);
    // The right one does, and gives ten different recovery codes, once.
    let codes = app
        .send(
            "POST",
            "/api/v1/me/two-factor/confirm",
            &admin,
            &json!({ "code": right }),
        )
        .expect(200)["recovery_codes"]
        .clone();
    let codes: Vec<&str> = codes
        .as_array()
        .expect("codes")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(codes.len(), 10);
    assert_eq!(
        codes.iter().collect::<std::collections::HashSet<_>>().len(),
        10
    );
    app.request("POST", "/api/v1/me/two-factor", &admin, None, "")
        .problem(409, "two_factor_on");

    // Now a login needs a code; the one used to switch it on is spent.
    log_in(app, ADMIN_EMAIL, None).problem(401, "second_factor_needed");
    log_in(app, ADMIN_EMAIL, Some(&right)).problem(401, "second_factor_wrong");
    // The next step's code (one step ahead is allowed) works, once.
    let next = code(&secret, now() + 30);
    log_in(app, ADMIN_EMAIL, Some(&next)).expect(200);
    log_in(app, ADMIN_EMAIL, Some(&next)).problem(401, "second_factor_wrong");
    // An older step's code after a newer one, and one three steps back, are refused.
    log_in(app, ADMIN_EMAIL, Some(&code(&secret, now() - 30))).problem(401, "second_factor_wrong");
    log_in(app, ADMIN_EMAIL, Some(&code(&secret, now() - 90))).problem(401, "second_factor_wrong");
    // A recovery code works once, typed in any case with or without its hyphen.
    let first = codes[0].to_uppercase().replace('-', "");
    log_in(app, ADMIN_EMAIL, Some(&first)).expect(200);
    log_in(app, ADMIN_EMAIL, Some(codes[0])).problem(401, "second_factor_wrong");
    let status = app.get("/api/v1/me/two-factor", &admin).expect(200);
    assert_eq!(status["enabled"], true);
    assert_eq!(status["recovery_codes_left"], 9);
    // Switching it off takes a code; then the password alone logs in.
    app.send(
        "POST",
        "/api/v1/me/two-factor/off",
        &admin,
        &json!({ "code": "000000" }),
    )
    .problem(422, "wrong_code");
    app.send(
        "POST",
        "/api/v1/me/two-factor/off",
        &admin,
        &json!({ "code": codes[1] }),
    )
    .expect(204);
    log_in(app, ADMIN_EMAIL, None).expect(200);
    let trail = app.get("/api/v1/audit", &admin).expect(200).to_string();
    assert!(trail.contains("user.two_factor_on") && trail.contains("user.two_factor_off"));
}

fn failed_codes_count_toward_login_throttling(app: &TestApp) {
    let admin = app.admin();
    let (secret, _) = enrol(app, &admin);
    for _ in 0..5 {
        let right = [now() - 30, now(), now() + 30].map(|t| code(&secret, t));
        let wrong = ["000000", "111111", "222222", "333333"]
            .into_iter()
            .find(|w| !right.iter().any(|r| r == w))
            .expect("a wrong code");
        log_in(app, ADMIN_EMAIL, Some(wrong)).problem(401, "second_factor_wrong");
    }
    // The password was right each time; the codes were not: now even the right code waits.
    let answer = log_in(app, ADMIN_EMAIL, Some(&code(&secret, now() + 30)));
    assert_eq!(answer.status, 429, "{}", answer.body);
    assert!(answer.header("retry-after").is_some());
}

fn an_organisation_requires_a_second_factor_and_an_admin_resets_one(app: &TestApp) {
    let admin = app.admin();
    let (carla_id, carla) = app.user(&admin, "carla@a.test", "consultant");
    let (_, eve) = app.user(&admin, "eve@a.test", "executive");
    let mut settings = app.get("/api/v1/settings", &admin).expect(200);
    assert_eq!(settings["two_factor"], "optional");
    settings["two_factor"] = json!("admins");
    app.send("PUT", "/api/v1/settings", &admin, &settings)
        .expect(200);
    // The admin must enrol before anything else; a consultant need not.
    app.get("/api/v1/clients", &admin)
        .problem(403, "two_factor_enrolment_required");
    app.get("/api/v1/me", &admin).expect(200);
    app.get("/api/v1/clients", &carla).expect(200);
    enrol(app, &admin);
    app.get("/api/v1/clients", &admin).expect(200);
    app.send(
        "POST",
        "/api/v1/me/two-factor/off",
        &admin,
        &json!({ "code": "x" }),
    )
    .problem(403, "two_factor_required");

    settings["two_factor"] = json!("everyone");
    app.send("PUT", "/api/v1/settings", &admin, &settings)
        .expect(200);
    app.get("/api/v1/clients", &carla)
        .problem(403, "two_factor_enrolment_required");
    app.get("/api/v1/clients", &eve)
        .problem(403, "two_factor_enrolment_required");
    // The pages send them to enrol.
    let mut browser = Browser::new(app);
    browser.login("carla@a.test", PASSWORD);
    let page = browser.get("/clients");
    assert_eq!(
        (page.status, page.location.as_deref()),
        (303, Some("/two-factor"))
    );
    let page = browser.get("/two-factor");
    assert!(
        page.body.contains("requires a second factor"),
        "{} {}",
        page.status,
        page.body
    );
    enrol(app, &carla);
    app.get("/api/v1/clients", &carla).expect(200);
    // Lost phone: an admin resets it; the password alone logs in, and enrolment comes first again.
    app.request(
        "DELETE",
        &format!("/api/v1/users/{carla_id}/two-factor"),
        &carla,
        None,
        "",
    )
    .problem(403, "role_not_allowed");
    app.request(
        "DELETE",
        &format!("/api/v1/users/{carla_id}/two-factor"),
        &admin,
        None,
        "",
    )
    .expect(204);
    log_in(app, "carla@a.test", None).expect(200);
    app.get("/api/v1/clients", &carla)
        .problem(403, "two_factor_enrolment_required");
    let trail = app.get("/api/v1/audit", &admin).expect(200).to_string();
    assert!(trail.contains("user.two_factor_reset"), "{trail}");
}

fn the_login_page_asks_for_the_code_in_a_second_step(app: &TestApp) {
    let admin = app.admin();
    let (secret, _) = enrol(app, &admin);
    let mut browser = Browser::new(app);
    let step = browser.login(ADMIN_EMAIL, PASSWORD);
    assert_eq!(step.status, 200);
    assert!(step.body.contains("name=\"challenge\""), "{}", step.body);
    assert!(step.body.contains("autocomplete=\"one-time-code\""));
    let challenge = field(&step.body, "challenge");
    // Each page of the form carries its own token, as a browser would send it.
    let send = |browser: &mut Browser<'_>, page: &crate::browser::Page, code: &str| {
        let token = Browser::token(page);
        browser.send(
            "POST",
            "/login/code",
            Some(&[
                ("csrf_token", &token),
                ("email", ADMIN_EMAIL),
                ("challenge", &challenge),
                ("code", code),
            ]),
        )
    };
    // A wrong code asks again, keeping the challenge.
    let again = send(&mut browser, &step, "000000");
    assert_eq!(again.status, 401);
    assert!(
        again.body.contains("wrong, expired or used already") && again.body.contains(&challenge)
    );
    let signed_in = send(&mut browser, &again, &code(&secret, now() + 30));
    assert_eq!(
        (signed_in.status, signed_in.location.as_deref()),
        (303, Some("/"))
    );
    assert_eq!(browser.get("/clients").status, 200);
    // The challenge is used up, whoever sends it again.
    let mut other = Browser::new(app);
    let form = other.get("/login");
    let reused = send(&mut other, &form, &code(&secret, now() + 30));
    assert_eq!(reused.status, 401);
    assert!(
        !reused.body.contains("name=\"challenge\""),
        "back to the password"
    );
}

/// The value of the hidden field `name` on a page.
fn field(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker).expect("the field") + marker.len();
    body[start..].split('"').next().unwrap_or("").to_owned()
}

/// Sixteen logins with the same right code at the same moment: the step is
/// used up in the update that accepts it, so exactly one gets in; the rest
/// are refused as a replay or held back by the throttling.
fn one_code_sent_by_many_logins_at_once_lets_exactly_one_in(app: &TestApp) {
    let admin = app.admin();
    let (secret, _) = enrol(app, &admin);
    let next = code(&secret, now() + 30);
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let logins: Vec<_> = (0..16)
            .map(|_| scope.spawn(|| log_in(app, ADMIN_EMAIL, Some(&next)).status))
            .collect();
        logins
            .into_iter()
            .map(|login| login.join().expect("a login"))
            .collect()
    });
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| matches!(s, 200 | 401 | 429)),
        "{statuses:?}"
    );
}

fn the_users_page_shows_who_has_a_second_factor_and_resets_one(app: &TestApp) {
    let admin = app.admin();
    let (carla_id, carla) = app.user(&admin, "carla@a.test", "consultant");
    enrol(app, &carla);
    let user = app
        .get(&format!("/api/v1/users/{carla_id}"), &admin)
        .expect(200);
    assert_eq!(user["two_factor"], true);
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let page = browser.get("/admin/users").body;
    assert!(
        page.contains(&format!("/admin/users/{carla_id}/two-factor/reset")),
        "{page}"
    );
    let reset = browser.post(&format!("/admin/users/{carla_id}/two-factor/reset"), &[]);
    assert_eq!(
        (reset.status, reset.location.as_deref()),
        (303, Some("/admin/users?done=two_factor_reset"))
    );
    let user = app
        .get(&format!("/api/v1/users/{carla_id}"), &admin)
        .expect(200);
    assert_eq!(user["two_factor"], false);
    log_in(app, "carla@a.test", None).expect(200);
}
