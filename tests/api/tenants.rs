//! Many consultancies on one deployment: organisations made on the command
//! line and through the operator's API, each with its first admin invited;
//! switching one off stops its sessions and tokens at once and keeps its
//! data; the operator administers tenants and reads none of their content.

use crate::helpers::{Cred, TestApp, PASSWORD};
use crate::on_both_backends;
use serde_json::{json, Value};
use std::process::Command;

on_both_backends!(
    an_organisation_made_on_the_command_line_gets_its_admin_by_invitation,
    the_operator_creates_lists_and_switches_organisations_off_and_on,
    the_operator_reads_no_organisations_content_and_organisations_open_no_operator_route,
    organisations_choose_the_language_of_new_clients_reports,
);

/// Runs `cmas ARGS` against the test's database: (success, stdout, stderr).
pub fn cmas(app: &TestApp, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cmas"))
        .args(args)
        .env("CMAS_DATABASE_URL", &app.url)
        .env("CMAS_LOG", "warn")
        .env_remove("CMAS_PUBLIC_URL")
        .output()
        .expect("cmas runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The invitation token in a text that holds a link `/invitations/i_…`.
fn invitation_token(text: &str) -> String {
    let start = text.find("/invitations/").expect("a link") + "/invitations/".len();
    text[start..]
        .split(|c: char| c.is_whitespace() || c == '"')
        .next()
        .expect("a token")
        .to_owned()
}

/// Accepts the invitation in `text` with the test password.
fn accept(app: &TestApp, text: &str) {
    app.send(
        "POST",
        "/api/v1/invitations/accept",
        &Cred::None,
        &json!({ "token": invitation_token(text), "password": PASSWORD }),
    )
    .expect(204);
}

/// `cmas organisation create` for `name` with its first admin `email`.
pub fn create(app: &TestApp, name: &str, email: &str, more: &[&str]) -> (bool, String, String) {
    let admin = format!("{name} admin");
    let mut args = vec![
        "organisation",
        "create",
        "--name",
        name,
        "--admin-email",
        email,
        "--admin-name",
        &admin,
    ];
    args.extend_from_slice(more);
    cmas(app, &args)
}

/// An organisation made with `cmas organisation create`, its admin's
/// invitation accepted; the admin's bearer token.
pub fn organisation(app: &TestApp, name: &str, admin_email: &str) -> Cred {
    let slug: String = admin_email
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let (ok, out, err) = create(app, name, admin_email, &["--slug", &slug]);
    assert!(ok, "cmas organisation create failed: {err}");
    assert!(out.contains(&slug) && out.contains(admin_email), "{out}");
    accept(app, &out);
    app.token(admin_email, PASSWORD)
}

/// A platform operator made on the command line, logged in: their token.
fn operator(app: &TestApp, email: &str) -> Cred {
    let (ok, out, err) = cmas(app, &["operator", "create", email]);
    assert!(ok, "cmas operator create failed: {err}");
    let password = out
        .split("with the password ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a generated password");
    let body = app
        .send(
            "POST",
            "/api/v1/operator/tokens",
            &Cred::None,
            &json!({ "email": email, "password": password }),
        )
        .expect(201);
    Cred::Bearer(body["token"].as_str().expect("token").to_owned())
}

fn an_organisation_made_on_the_command_line_gets_its_admin_by_invitation(app: &TestApp) {
    let (ok, out, _) = create(
        app,
        "Northbridge Partners",
        "ada@northbridge.test",
        &["--public-url", "https://cmas.example.test/"],
    );
    assert!(ok, "{out}");
    assert!(
        out.contains("https://cmas.example.test/invitations/i_"),
        "{out}"
    );
    // Until the link is used, nobody logs in.
    app.send(
        "POST",
        "/api/v1/auth/login",
        &Cred::None,
        &json!({ "email": "ada@northbridge.test", "password": PASSWORD }),
    )
    .problem(401, "unauthenticated");
    accept(app, &out);
    let admin = app.token("ada@northbridge.test", PASSWORD);
    let me = app.get("/api/v1/me", &admin).expect(200);
    assert_eq!(me["organisation"], "Northbridge Partners");
    assert_eq!(me["user"]["role"], "admin");
    // It starts with the bundled questionnaires and nothing of anyone else's.
    let questionnaires = app.get("/api/v1/questionnaires", &admin).expect(200);
    assert_eq!(questionnaires.as_array().map(Vec::len), Some(2));
    assert_eq!(app.get("/api/v1/clients", &admin).expect(200), json!([]));
    // The slug was made from the name; a second one with it is refused.
    let (ok, _, err) = create(app, "Northbridge Partners", "bob@northbridge.test", &[]);
    assert!(!ok);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("slug northbridge-partners exists already"),
        "{err}"
    );
    // A taken e-mail address is refused, and nothing is half made.
    let (ok, _, err) = create(app, "Other", "ada@northbridge.test", &[]);
    assert!(!ok && err.contains("cannot be used"), "{err}");
    let (ok, list, _) = cmas(app, &["organisation", "list"]);
    assert!(ok);
    assert!(list.contains("northbridge-partners"), "{list}");
    assert!(!list.contains("Other"), "{list}");
    // The organisation's trail says the platform made it.
    let trail = app.get("/api/v1/audit", &admin).expect(200).to_string();
    assert!(trail.contains("organisation.create"), "{trail}");
}

fn the_operator_creates_lists_and_switches_organisations_off_and_on(app: &TestApp) {
    let op = operator(app, "ops@platform.test");
    let created = app
        .send(
            "POST",
            "/api/v1/operator/organisations",
            &op,
            &json!({
                "name": "Kestrel Advisory", "slug": "kestrel",
                "admin_email": "kim@kestrel.test", "admin_name": "Kim",
                "report_language": "de",
            }),
        )
        .expect(201);
    let id = created["organisation"]["id"].as_i64().expect("id");
    assert_eq!(created["organisation"]["report_language"], "de");
    assert_eq!(created["invitation"]["user"]["email"], "kim@kestrel.test");
    accept(app, created["invitation"]["link"].as_str().expect("link"));
    let token = app.token("kim@kestrel.test", PASSWORD);
    let session = app.login("kim@kestrel.test", PASSWORD);
    let client = app.client(&token, "Kept Client Ltd");
    // A bad slug and a taken one are refused with the field named.
    let bad = app
        .send(
            "POST",
            "/api/v1/operator/organisations",
            &op,
            &json!({ "name": "X", "slug": "Not A Slug", "admin_email": "x@x.test", "admin_name": "X" }),
        )
        .problem(422, "bad_slug");
    assert!(
        bad["detail"].as_str().is_some_and(|d| d.contains("slug")),
        "{bad}"
    );
    app.send(
        "POST",
        "/api/v1/operator/organisations",
        &op,
        &json!({ "name": "Kestrel", "slug": "kestrel", "admin_email": "y@y.test", "admin_name": "Y" }),
    )
    .problem(409, "slug_taken");

    let listed = app.get("/api/v1/operator/organisations", &op).expect(200);
    let kestrel = find(&listed, id);
    assert_eq!(kestrel["people"], 1);
    assert_eq!(kestrel["disabled_at"], Value::Null);

    // Off: the session and the token stop at once, and logging in says why.
    let off = app
        .request(
            "POST",
            &format!("/api/v1/operator/organisations/{id}/disable"),
            &op,
            None,
            "",
        )
        .expect(200);
    assert!(off["disabled_at"].is_string());
    app.get("/api/v1/me", &token)
        .problem(401, "unauthenticated");
    app.get("/api/v1/me", &session)
        .problem(401, "unauthenticated");
    app.send(
        "POST",
        "/api/v1/auth/login",
        &Cred::None,
        &json!({ "email": "kim@kestrel.test", "password": PASSWORD }),
    )
    .problem(403, "organisation_disabled");
    let (ok, list, _) = cmas(app, &["organisation", "list"]);
    assert!(ok && list.contains("disabled since"), "{list}");

    // On again (here from the command line): the token works, the data stayed.
    let (ok, out, err) = cmas(app, &["organisation", "enable", "kestrel"]);
    assert!(ok && out.contains("kestrel is enabled"), "{out}{err}");
    app.get(&format!("/api/v1/clients/{client}"), &token)
        .expect(200);
    // The session ended for good when it was switched off.
    app.get("/api/v1/me", &session)
        .problem(401, "unauthenticated");
    let trail = app.get("/api/v1/audit", &token).expect(200).to_string();
    assert!(trail.contains("organisation.disable") && trail.contains("organisation.enable"));

    // Another admin by invitation; an address of another organisation is refused.
    let second = app
        .send(
            "POST",
            &format!("/api/v1/operator/organisations/{id}/admins"),
            &op,
            &json!({ "email": "lee@kestrel.test", "name": "Lee" }),
        )
        .expect(201);
    assert_eq!(second["user"]["role"], "admin");
    app.send(
        "POST",
        &format!("/api/v1/operator/organisations/{id}/admins"),
        &op,
        &json!({ "email": crate::helpers::ADMIN_EMAIL, "name": "Not theirs" }),
    )
    .problem(409, "email_taken");
    app.request(
        "POST",
        "/api/v1/operator/organisations/99999/disable",
        &op,
        None,
        "",
    )
    .problem(404, "not_found");
    let (ok, _, err) = cmas(app, &["organisation", "disable", "no-such-org"]);
    assert!(!ok && err.contains("not found"), "{err}");
}

fn find(list: &Value, id: i64) -> &Value {
    list.as_array()
        .and_then(|all| all.iter().find(|o| o["id"] == id))
        .expect("listed")
}

fn the_operator_reads_no_organisations_content_and_organisations_open_no_operator_route(
    app: &TestApp,
) {
    let admin = app.admin();
    let client = app.client(&admin, "Private Client Ltd");
    let questionnaire = app.mini_questionnaire(&admin);
    let assessment = app.draft(&admin, client, questionnaire);
    let op = operator(app, "ops@platform.test");
    // Every route of an organisation refuses the operator's token.
    let doc = app.get("/api/v1/openapi.json", &Cred::None).expect(200);
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        if path.starts_with("/api/v1/operator/") {
            continue;
        }
        for (method, operation) in item.as_object().expect("operations") {
            if operation["security"] == json!([{}]) {
                continue;
            }
            let concrete = path
                .replace("{id}", &assessment.to_string())
                .replace("{format}", "csv")
                .replace("{question_id}", "AP.1.1")
                .split('/')
                .map(|part| if part.starts_with('{') { "1" } else { part })
                .collect::<Vec<_>>()
                .join("/");
            let status = app
                .request(
                    &method.to_uppercase(),
                    &concrete,
                    &op,
                    None,
                    "application/json",
                )
                .status;
            // Refused for the token; a request without the body or query it
            // needs may be refused for that first (actix reads them at once).
            let refused = status == 401 || status == 400;
            assert!(
                refused,
                "{method} {concrete} with the operator's token: {status}"
            );
            checked += 1;
        }
    }
    assert!(checked > 60, "{checked}");
    for read in [
        "/api/v1/me".to_owned(),
        "/api/v1/clients".to_owned(),
        "/api/v1/assessments".to_owned(),
        format!("/api/v1/assessments/{assessment}"),
        format!("/api/v1/clients/{client}"),
        "/api/v1/audit".to_owned(),
    ] {
        app.get(&read, &op).problem(401, "unauthenticated");
    }
    let still = app
        .get(&format!("/api/v1/assessments/{assessment}"), &admin)
        .expect(200);
    assert_eq!(still["status"], "draft", "{still}");
    app.get(&format!("/api/v1/clients/{client}"), &admin)
        .expect(200);
    // What the operator sees of an organisation names none of its content.
    let listed = app
        .get("/api/v1/operator/organisations", &op)
        .expect(200)
        .to_string();
    assert!(!listed.contains("Private Client"), "{listed}");
    // An organisation's admin, token or session, opens no operator route.
    let session = app.login(crate::helpers::ADMIN_EMAIL, PASSWORD);
    for cred in [&admin, &session] {
        app.get("/api/v1/operator/organisations", cred)
            .problem(401, "unauthenticated");
    }
    // Operator logins are throttled like everyone's.
    for _ in 0..5 {
        app.send(
            "POST",
            "/api/v1/operator/tokens",
            &Cred::None,
            &json!({ "email": "ops@platform.test", "password": "wrong password here" }),
        )
        .problem(401, "unauthenticated");
    }
    app.send(
        "POST",
        "/api/v1/operator/tokens",
        &Cred::None,
        &json!({ "email": "ops@platform.test", "password": "wrong password here" }),
    )
    .problem(429, "login_throttled");
}

fn organisations_choose_the_language_of_new_clients_reports(app: &TestApp) {
    let admin = app.admin();
    let settings = app.get("/api/v1/settings", &admin).expect(200);
    assert_eq!(settings["report_language"], "en");
    let mut changed = settings.clone();
    changed["report_language"] = json!("fr");
    let saved = app
        .send("PUT", "/api/v1/settings", &admin, &changed)
        .expect(200);
    assert_eq!(saved["report_language"], "fr");
    let id = app.client(&admin, "Client Français SA");
    let client = app
        .get(&format!("/api/v1/clients/{id}"), &admin)
        .expect(200);
    assert_eq!(client["report_language"], "fr");
    // Chosen for the client, it wins; left out on a change, it stays.
    let german = app
        .send(
            "POST",
            "/api/v1/clients",
            &admin,
            &json!({ "name": "Kunde AG", "sector": "Banking", "size_band": "Large", "region": "DACH", "report_language": "de" }),
        )
        .expect(201);
    assert_eq!(german["report_language"], "de");
    let kept = app
        .send(
            "PUT",
            &format!("/api/v1/clients/{}", german["id"]),
            &admin,
            &json!({ "name": "Kunde AG", "sector": "Banking", "size_band": "Large", "region": "DACH" }),
        )
        .expect(200);
    assert_eq!(kept["report_language"], "de");
    // Without the language, the settings keep theirs.
    let without = json!({ "number_format": "decimal_comma", "currency": "EUR" });
    let saved = app
        .send("PUT", "/api/v1/settings", &admin, &without)
        .expect(200);
    assert_eq!(saved["report_language"], "fr");
}
