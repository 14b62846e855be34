//! Single sign-on against a real OpenID provider: the certified
//! `oidc-provider` package from the npm registry, started here with Node
//! (tests/browser/oidc-provider.mjs configures it). A person signs in over
//! real HTTP through the provider's own sign-in page; ID tokens wrong in one
//! respect (audience, expiry, nonce, issuer, signature), a replayed state and
//! a state from another browser are each refused; passwords off leaves only
//! admins with a second factor.

use crate::helpers::{spawn_app_with, Backend, Cred, TestApp, PASSWORD};
use crate::on_both_backends_with;
use cmas::db::sso::sso_settings;
use diesel::prelude::*;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;

on_both_backends_with!(
    sso_app,
    a_person_signs_in_through_the_provider_with_the_role_their_groups_give,
    id_tokens_wrong_in_one_respect_and_people_not_let_in_are_refused,
    a_replayed_state_and_a_state_from_another_browser_are_refused,
    passwords_off_leaves_only_admins_with_a_second_factor,
    the_settings_are_checked_field_by_field_and_for_admins_only,
);

const CLIENT_ID: &str = "cmas-alpha";
const CLIENT_SECRET: &str = "alpha-client-secret-4f9c";

/// The provider's accounts: who they are and what is wrong with their token.
fn accounts() -> Value {
    let groups = json!(["staff", "cmas-consultants"]);
    let mut accounts = json!({
        "ada@alpha.example": { "name": "Ada Alpha", "groups": groups },
        "boss@alpha.example": { "name": "Bea Boss", "groups": ["cmas-admins", "cmas-consultants"] },
        "nobody@alpha.example": { "name": "No Body", "groups": ["staff"] },
        "unverified@alpha.example": { "name": "Un Verified", "groups": groups, "email_verified": false },
        "eve@elsewhere.example": { "name": "Eve Else", "groups": groups },
        "ivy@alpha.example": { "name": "Ivy Invited", "groups": groups },
    });
    for how in ["audience", "expired", "nonce", "issuer", "signature"] {
        accounts[format!("{how}@alpha.example")] =
            json!({ "name": how, "groups": groups, "tamper": how });
    }
    accounts
}

/// A test app that accepts a provider over plain HTTP on this host.
fn sso_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |settings| settings.sso_allow_http = true)
}

/// `oidc-provider` running in Node, killed when dropped.
pub struct IdProvider {
    child: Child,
    issuer: String,
}

impl Drop for IdProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl IdProvider {
    /// Starts the provider with cmas (at `app`) as its one client.
    pub fn start(app: &TestApp) -> IdProvider {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
        install(&dir);
        let port = crate::mail::free_port();
        let config = json!({
            "port": port,
            "clients": [{
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "redirect_uris": [format!("{}/sso/callback", app.address)],
            }],
            "accounts": accounts(),
        });
        let mut child = Command::new("node")
            .arg(dir.join("oidc-provider.mjs"))
            .arg(config.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Node.js runs (scripts/browser-tests.sh installs it)");
        let stdout = child.stdout.take().expect("the provider's output");
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next();
        assert!(
            matches!(first, Some(Ok(ref line)) if line == "ready"),
            "the provider did not start: {first:?}"
        );
        // Read on, so that its output never fills the pipe.
        std::thread::spawn(move || lines.for_each(drop));
        IdProvider {
            child,
            issuer: format!("http://127.0.0.1:{port}"),
        }
    }
}

/// `npm ci` in tests/browser once, when `oidc-provider` is not there yet, as
/// scripts/browser-tests.sh does, so that `cargo test` alone runs this.
fn install(dir: &Path) {
    static ONCE: Mutex<()> = Mutex::new(());
    let _once = ONCE.lock().unwrap_or_else(|e| e.into_inner());
    if dir.join("node_modules/oidc-provider").exists() {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--silent"])
        .current_dir(dir)
        .status()
        .expect("npm runs");
    assert!(status.success(), "npm ci in tests/browser failed");
}

/// The organisation's provider as its admin sets it up; returns the sign-in link.
pub fn set_up(app: &TestApp, admin: &Cred, provider: &IdProvider, extra: Value) -> String {
    let mut body = json!({
        "issuer": provider.issuer,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "allowed_domains": ["alpha.example"],
        "role_claim": "groups",
        "role_map": { "cmas-consultants": "consultant", "cmas-admins": "admin" },
    });
    for (key, value) in extra.as_object().into_iter().flatten() {
        body[key] = value.clone();
    }
    let view = app
        .send("PUT", "/api/v1/settings/sso", admin, &body)
        .expect(200);
    view["sign_in_url"]
        .as_str()
        .expect("a sign-in link")
        .to_owned()
}

/// A browser without a window: cookies kept, redirects followed by hand.
pub fn browser() -> ureq::Agent {
    ureq::AgentBuilder::new().redirects(0).build()
}

/// Status, `Location` and body of an answer, refusals included.
fn answer(result: Result<ureq::Response, ureq::Error>) -> (u16, String, String) {
    let response = match result {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(e) => panic!("no answer: {e}"),
    };
    let status = response.status();
    let location = response.header("location").unwrap_or_default().to_owned();
    (status, location, response.into_string().unwrap_or_default())
}

/// Against the provider's address when the redirect is relative.
fn absolute(base: &str, location: &str) -> String {
    if location.starts_with("http") {
        location.to_owned()
    } else {
        format!("{base}{location}")
    }
}

/// Through the provider's sign-in page as `account`, up to (not into) the
/// redirect back to cmas; returns that callback address.
fn to_callback(browser: &ureq::Agent, provider: &IdProvider, link: &str, account: &str) -> String {
    let (status, to_provider, _) = answer(browser.get(link).call());
    assert_eq!(status, 303, "cmas sends the browser to the provider");
    assert!(to_provider.starts_with(&provider.issuer), "{to_provider}");
    for parameter in [
        "code_challenge=",
        "code_challenge_method=S256",
        "state=",
        "nonce=",
    ] {
        assert!(
            to_provider.contains(parameter),
            "{parameter} in {to_provider}"
        );
    }
    let (_, page, _) = answer(browser.get(&to_provider).call());
    let page = absolute(&provider.issuer, &page);
    let (status, _, form) = answer(browser.get(&page).call());
    assert_eq!(status, 200, "the provider's sign-in page: {form}");
    let (_, resume, _) = answer(browser.post(&page).send_form(&[("login", account)]));
    let (status, back, body) = answer(browser.get(&absolute(&provider.issuer, &resume)).call());
    assert_eq!(status, 303, "the provider sends the browser back: {body}");
    back
}

/// Signs in through the provider: the callback's status and page.
pub fn sign_in(
    browser: &ureq::Agent,
    provider: &IdProvider,
    link: &str,
    account: &str,
) -> (u16, String) {
    let back = to_callback(browser, provider, link, account);
    let (status, _, body) = answer(browser.get(&back).call());
    (status, body)
}

/// Who the browser's session belongs to.
pub fn me(app: &TestApp, browser: &ureq::Agent) -> Value {
    let (status, _, body) = answer(browser.get(&format!("{}/api/v1/me", app.address)).call());
    assert_eq!(status, 200, "{body}");
    let me: Value = serde_json::from_str(&body).expect("JSON");
    me["user"].clone()
}

fn emails(app: &TestApp, admin: &Cred) -> Vec<String> {
    let users = app.get("/api/v1/users?per_page=200", admin).expect(200);
    let list = users["items"]
        .as_array()
        .or(users.as_array())
        .cloned()
        .unwrap_or_default();
    list.iter()
        .filter_map(|u| u["email"].as_str().map(str::to_owned))
        .collect()
}

fn a_person_signs_in_through_the_provider_with_the_role_their_groups_give(app: &TestApp) {
    let provider = IdProvider::start(app);
    let admin = app.admin();
    let link = set_up(app, &admin, &provider, json!({}));

    let ada = browser();
    let (status, _) = sign_in(&ada, &provider, &link, "ada@alpha.example");
    assert_eq!(status, 303, "signed in and sent home");
    let who = me(app, &ada);
    assert_eq!(who["email"], "ada@alpha.example");
    assert_eq!(who["name"], "Ada Alpha");
    assert_eq!(who["role"], "consultant", "staff + cmas-consultants");
    // The strongest role any of the groups maps to.
    let boss = browser();
    assert_eq!(
        sign_in(&boss, &provider, &link, "boss@alpha.example").0,
        303
    );
    assert_eq!(me(app, &boss)["role"], "admin");

    // A second sign-in finds the same person.
    let again = browser();
    assert_eq!(
        sign_in(&again, &provider, &link, "ada@alpha.example").0,
        303
    );
    assert_eq!(me(app, &again)["id"], who["id"]);
    let made = emails(app, &admin);
    assert_eq!(made.iter().filter(|e| *e == "ada@alpha.example").count(), 1);
    // No password opens the account made by single sign-on.
    let login = json!({ "email": "ada@alpha.example", "password": "!sso" });
    app.send("POST", "/api/v1/auth/login", &Cred::None, &login)
        .expect(401);

    // The secret is never shown and is stored sealed.
    let view = app.get("/api/v1/settings/sso", &admin).expect(200);
    assert_eq!(view["client_secret_set"], true);
    assert!(!view.to_string().contains(CLIENT_SECRET));
    assert_eq!(
        view["redirect_url"],
        format!("{}/sso/callback", app.address)
    );
    let stored: Vec<String> = app
        .db
        .read(|conn| {
            let sealed = sso_settings::table.select(sso_settings::client_secret_sealed);
            anyhow::Ok(sealed.load(conn)?)
        })
        .expect("the settings");
    assert!(stored
        .iter()
        .all(|s| s.starts_with("v1.") && !s.contains(CLIENT_SECRET)));
    // A change without the secret keeps it: sign-in still works.
    let mut change = view.clone();
    for key in ["client_secret_set", "redirect_url", "sign_in_url"] {
        change.as_object_mut().map(|o| o.remove(key));
    }
    app.send("PUT", "/api/v1/settings/sso", &admin, &change)
        .expect(200);
    assert_eq!(
        sign_in(&browser(), &provider, &link, "ada@alpha.example").0,
        303
    );

    // Someone the admin invited (as an executive) signs in through the
    // provider instead of setting a password: in with the admin's role.
    let invited = json!({ "email": "ivy@alpha.example", "name": "Ivy", "role": "executive" });
    app.send("POST", "/api/v1/invitations", &admin, &invited)
        .expect(201);
    let ivy = browser();
    assert_eq!(sign_in(&ivy, &provider, &link, "ivy@alpha.example").0, 303);
    assert_eq!(me(app, &ivy)["role"], "executive", "the invitation's role");

    let audit = app
        .get("/api/v1/audit?per_page=100", &admin)
        .expect(200)
        .to_string();
    for action in ["user.sso_joined", "user.sso_login", "organisation.sso"] {
        assert!(audit.contains(action), "{action} in the trail");
    }
    assert!(!audit.contains(CLIENT_SECRET));
}

fn id_tokens_wrong_in_one_respect_and_people_not_let_in_are_refused(app: &TestApp) {
    let provider = IdProvider::start(app);
    let admin = app.admin();
    let link = set_up(app, &admin, &provider, json!({}));
    for (account, reason) in [
        ("audience@alpha.example", "issued for another application"),
        ("expired@alpha.example", "it has expired"),
        ("nonce@alpha.example", "belongs to another sign-in"),
        ("issuer@alpha.example", "comes from another issuer"),
        ("signature@alpha.example", "signature does not verify"),
        (
            "eve@elsewhere.example",
            "may not sign in to this organisation",
        ),
        ("nobody@alpha.example", "gives you no role in cmas"),
        (
            "unverified@alpha.example",
            "not verified your e-mail address",
        ),
    ] {
        let refused = browser();
        let (status, page) = sign_in(&refused, &provider, &link, account);
        assert_eq!(status, 403, "{account} refused");
        assert!(
            page.contains(reason),
            "{account}: the page says why ({reason}): {page}"
        );
        assert!(page.contains("<html"), "a page, not a problem document");
        let me = refused.get(&format!("{}/api/v1/me", app.address)).call();
        assert_eq!(answer(me).0, 401, "{account} has no session");
    }
    let made = emails(app, &admin);
    assert!(
        made.iter()
            .all(|e| !e.ends_with("alpha.example") && !e.ends_with("elsewhere.example")),
        "nobody refused was created: {made:?}"
    );
    // With a default role, someone whose groups map to none gets it.
    set_up(
        app,
        &admin,
        &provider,
        json!({ "default_role": "executive" }),
    );
    let nobody = browser();
    assert_eq!(
        sign_in(&nobody, &provider, &link, "nobody@alpha.example").0,
        303
    );
    assert_eq!(me(app, &nobody)["role"], "executive");
}

fn a_replayed_state_and_a_state_from_another_browser_are_refused(app: &TestApp) {
    let provider = IdProvider::start(app);
    let admin = app.admin();
    let link = set_up(app, &admin, &provider, json!({}));

    // The provider's answer opened in another browser: refused, and the
    // browser that left can still finish.
    let ada = browser();
    let back = to_callback(&ada, &provider, &link, "ada@alpha.example");
    let (status, _, page) = answer(browser().get(&back).call());
    assert_eq!(status, 403);
    assert!(page.contains("started in another browser"), "{page}");
    let (status, _, _) = answer(ada.get(&back).call());
    assert_eq!(status, 303, "the browser that left signs in");

    // The same answer again, with the browser's cookie as it was (a
    // captured request replayed): used already.
    let state = back
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("state="))
        .expect("a state");
    let replay = browser()
        .get(&back)
        .set("Cookie", &format!("cmas_sso_state={state}"));
    let (status, _, page) = answer(replay.call());
    assert_eq!(status, 403, "a replayed state is refused");
    assert!(page.contains("used already"), "{page}");

    // A state cmas never gave.
    let forged = back.replace("state=", "state=x");
    let (status, _, _) = answer(ada.get(&forged).call());
    assert_eq!(status, 403);
    // An organisation without single sign-on has no sign-in link.
    let (status, _, _) = answer(
        browser()
            .get(&format!("{}/sso/no-such-organisation", app.address))
            .call(),
    );
    assert_eq!(status, 404);
}

fn passwords_off_leaves_only_admins_with_a_second_factor(app: &TestApp) {
    let provider = IdProvider::start(app);
    let admin = app.admin();
    let (_, _) = app.user(&admin, "carla@alpha.example", "consultant");
    set_up(app, &admin, &provider, json!({}));
    let required = json!({ "required": true });
    let mut body = app.get("/api/v1/settings/sso", &admin).expect(200);
    for key in ["client_secret_set", "redirect_url", "sign_in_url"] {
        body.as_object_mut().map(|o| o.remove(key));
    }
    body["required"] = required["required"].clone();
    // Not without a way in for the admin when the provider fails.
    app.send("PUT", "/api/v1/settings/sso", &admin, &body)
        .problem(409, "second_factor_first");
    let (secret, _) = crate::two_factor::enrol(app, &admin);
    let view = app
        .send("PUT", "/api/v1/settings/sso", &admin, &body)
        .expect(200);
    assert_eq!(view["required"], true);

    let carla = json!({ "email": "carla@alpha.example", "password": PASSWORD });
    let refused = app
        .send("POST", "/api/v1/auth/login", &Cred::None, &carla)
        .problem(403, "sso_required");
    assert!(refused["detail"]
        .as_str()
        .unwrap_or_default()
        .contains("/sso/"));
    // The admin's break-glass password, with the code.
    let admin_email = crate::helpers::ADMIN_EMAIL;
    // The next step's code: the enrolment used this one.
    let code = crate::two_factor::code_at_next_step(&secret);
    let login = json!({ "email": admin_email, "password": PASSWORD, "code": code });
    app.send("POST", "/api/v1/auth/login", &Cred::None, &login)
        .expect(200);
    // The login page says the same beside the form, keeping the address.
    let mut page = crate::browser::Browser::new(app);
    let refused = page.login("carla@alpha.example", PASSWORD);
    assert_eq!(refused.status, 403);
    assert!(refused
        .body
        .contains("signs in through its identity provider"));
    assert!(refused.body.contains("value=\"carla@alpha.example\""));

    // Single sign-on removed: passwords work again.
    app.request("DELETE", "/api/v1/settings/sso", &admin, None, "")
        .expect(204);
    app.send("POST", "/api/v1/auth/login", &Cred::None, &carla)
        .expect(200);
}

fn the_settings_are_checked_field_by_field_and_for_admins_only(app: &TestApp) {
    let admin = app.admin();
    app.get("/api/v1/settings/sso", &admin)
        .problem(404, "not_found");
    let good = json!({
        "issuer": "https://login.example.com/tenant/v2.0",
        "client_id": "cmas",
        "client_secret": "s",
        "allowed_domains": ["alpha.example"],
    });
    for (field, value, code) in [
        ("issuer", json!("ftp://login.example.com"), "bad_issuer"),
        ("issuer", json!("https://login example.com"), "bad_issuer"),
        ("client_id", json!(" "), "bad_client_id"),
        ("client_secret", json!(""), "bad_client_secret"),
        ("allowed_domains", json!([]), "no_domains"),
        (
            "allowed_domains",
            json!(["alpha.example", "not a domain"]),
            "bad_domain",
        ),
    ] {
        let mut body = good.clone();
        body[field] = value;
        app.send("PUT", "/api/v1/settings/sso", &admin, &body)
            .problem(422, code);
    }
    let mut secretless = good.clone();
    secretless
        .as_object_mut()
        .map(|o| o.remove("client_secret"));
    app.send("PUT", "/api/v1/settings/sso", &admin, &secretless)
        .problem(422, "missing_client_secret");
    let mut unknown = good.clone();
    unknown["role_map"] = json!({ "x": "owner" });
    assert_eq!(
        app.send("PUT", "/api/v1/settings/sso", &admin, &unknown)
            .status,
        400
    );

    let (_, consultant) = app.user(&admin, "connie@alpha.example", "consultant");
    app.send("PUT", "/api/v1/settings/sso", &consultant, &good)
        .problem(403, "role_not_allowed");
    app.get("/api/v1/settings/sso", &consultant)
        .problem(403, "role_not_allowed");
    let view = app
        .send("PUT", "/api/v1/settings/sso", &admin, &good)
        .expect(200);
    assert_eq!(view["role_claim"], "groups", "the default claim");
    assert_eq!(view["required"], false);
    // Another organisation's admin sees only their own (none).
    let theirs = app.other_organisation("admin@other.example");
    app.get("/api/v1/settings/sso", &theirs)
        .problem(404, "not_found");
    app.request("DELETE", "/api/v1/settings/sso", &theirs, None, "")
        .problem(404, "not_found");
    app.get("/api/v1/settings/sso", &admin).expect(200);
}
