//! E-mail through a real SMTP server (aiosmtpd, from PyPI, started here):
//! invitations, password resets and notices arrive in the recipient's
//! language with working links; a send that fails (no server yet) is tried
//! again and never holds up the request; without mail, resets say so.

use crate::helpers::{spawn_app_with, Backend, Cred, TestApp, PASSWORD};
use crate::on_both_backends;
use cmas::db::outbox::outbox;
use cmas::db::schema::users;
use diesel::prelude::*;
use serde_json::{json, Value};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

on_both_backends!(without_mail_links_are_shown_and_resets_say_no_mail_is_sent);

#[test]
fn two_organisations_made_on_the_command_line_get_their_admins_by_email_on_sqlite() {
    admins_by_email(Backend::Sqlite);
}

#[test]
fn two_organisations_made_on_the_command_line_get_their_admins_by_email_on_postgres() {
    admins_by_email(Backend::Postgres);
}

/// Two consultancies made with `cmas organisation create` (which queues the
/// invitation; the server's worker sends it), each admin in by the e-mailed
/// link, and neither sees the other's client. Then the issue's whole
/// scenario: Alpha signs its consultant in through its OpenID provider;
/// Beta keeps passwords and requires a second factor of everyone.
fn admins_by_email(backend: Backend) {
    let port = free_port();
    let maildir = tempfile::tempdir().expect("a maildir");
    let _server = MailServer::start(port, maildir.path());
    let smtp = format!("smtp://127.0.0.1:{port}");
    let Some(app) = spawn_app_with(backend, |settings| {
        settings.mail.smtp_url = Some(smtp.clone());
        settings.sso_allow_http = true;
    }) else {
        return;
    };
    let mut admins = Vec::new();
    for (name, email) in [
        ("Alpha Consulting", "ada@alpha.test"),
        ("Beta Partners", "bob@beta.test"),
    ] {
        let (ok, out, err) = crate::tenants::create(
            &app,
            name,
            email,
            &[
                "--smtp-url",
                &smtp,
                "--public-url",
                "https://cmas.example.test",
            ],
        );
        assert!(ok && out.contains("it was e-mailed to them"), "{out}{err}");
        let letter = wait_for(
            maildir.path(),
            email,
            &format!("{name} invites you to cmas"),
        );
        let token = link(&letter, "https://cmas.example.test/invitations/i_")
            .rsplit('/')
            .next()
            .expect("a token")
            .to_owned();
        app.send(
            "POST",
            "/api/v1/invitations/accept",
            &Cred::None,
            &json!({ "token": token, "password": PASSWORD }),
        )
        .expect(204);
        admins.push(app.token(email, PASSWORD));
    }
    let [alpha, beta] = admins.as_slice() else {
        panic!("two admins");
    };
    let client = app.client(alpha, "Alpha's Client Ltd");
    app.get(&format!("/api/v1/clients/{client}"), beta)
        .problem(404, "not_found");
    assert_eq!(app.get("/api/v1/clients", beta).expect(200), json!([]));

    // Alpha: its consultant signs in through Alpha's identity provider.
    let provider = crate::sso::IdProvider::start(&app);
    let link = crate::sso::set_up(&app, alpha, &provider, json!({}));
    let browser = crate::sso::browser();
    let (status, _) = crate::sso::sign_in(&browser, &provider, &link, "ada@alpha.example");
    assert_eq!(status, 303);
    let me = crate::sso::me(&app, &browser);
    assert_eq!(me["role"], "consultant");
    let clients = browser
        .get(&format!("{}/api/v1/clients", app.address))
        .call();
    let clients: Value = clients.expect("Alpha's clients").into_json().expect("JSON");
    assert_eq!(
        clients[0]["name"], "Alpha's Client Ltd",
        "in Alpha, not Beta"
    );

    // Beta: passwords, with a second factor required of everyone.
    let (_, carl) = app.user(beta, "carl@beta.test", "consultant");
    let mut settings = app.get("/api/v1/settings", beta).expect(200);
    settings["two_factor"] = json!("everyone");
    app.send("PUT", "/api/v1/settings", beta, &settings)
        .expect(200);
    app.get("/api/v1/clients", &carl)
        .problem(403, "two_factor_enrolment_required");
    let (secret, _) = crate::two_factor::enrol(&app, &carl);
    let password_only = json!({ "email": "carl@beta.test", "password": PASSWORD });
    app.send("POST", "/api/v1/auth/login", &Cred::None, &password_only)
        .problem(401, "second_factor_needed");
    let code = crate::two_factor::code_at_next_step(&secret);
    let with_code = json!({ "email": "carl@beta.test", "password": PASSWORD, "code": code });
    app.send("POST", "/api/v1/auth/login", &Cred::None, &with_code)
        .expect(200);
    // Beta's people cannot use Alpha's provider link to get in anywhere.
    let (status, _) = crate::sso::sign_in(
        &crate::sso::browser(),
        &provider,
        &link,
        "eve@elsewhere.example",
    );
    assert_eq!(status, 403);
}

#[test]
fn letters_arrive_by_smtp_and_a_failed_send_is_tried_again_on_sqlite() {
    letters_arrive(Backend::Sqlite);
}

#[test]
fn letters_arrive_by_smtp_and_a_failed_send_is_tried_again_on_postgres() {
    letters_arrive(Backend::Postgres);
}

/// aiosmtpd on `port`, keeping every message in the maildir `dir`; stopped when dropped.
struct MailServer(Child);

impl MailServer {
    fn start(port: u16, dir: &Path) -> MailServer {
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir_all(dir.join(sub)).expect("the maildir");
        }
        MailServer::serve(port, dir)
    }

    /// aiosmtpd storing into `dir` as it is: without a maildir there, it
    /// refuses every letter for good (500).
    fn serve(port: u16, dir: &Path) -> MailServer {
        let installed = Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .status();
        if !installed.is_ok_and(|s| s.success()) {
            // As scripts/install-deps.sh does, so that `cargo test` alone runs it.
            let pip = Command::new("python3")
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "aiosmtpd==1.4.6",
                ])
                .status()
                .expect("pip runs");
            assert!(pip.success(), "aiosmtpd could not be installed from PyPI");
        }
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
        MailServer(child)
    }
}

impl Drop for MailServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The letters in a maildir, decoded by Python's own e-mail parser:
/// `[{to, subject, body}]`, oldest first.
fn letters(dir: &Path) -> Vec<Value> {
    let script = r#"
import json, mailbox, sys
box = mailbox.Maildir(sys.argv[1], create=False)
out = []
for key in box.keys():
    m = box[key]
    body = m.get_payload(decode=True).decode(m.get_content_charset() or 'utf-8')
    subject = str(__import__('email.header', fromlist=['x']).make_header(__import__('email.header', fromlist=['x']).decode_header(m['subject'])))
    out.append({'to': m['to'], 'subject': subject, 'body': body, 'date': m['date']})
print(json.dumps(out))
"#;
    if !dir.join("new").exists() {
        return Vec::new();
    }
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(dir)
        .output()
        .expect("python reads the maildir");
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap_or_default()
}

/// Waits (up to 30 s) for a letter to `to` whose subject holds `subject`.
fn wait_for(dir: &Path, to: &str, subject: &str) -> Value {
    let started = Instant::now();
    loop {
        if let Some(letter) = letters(dir).into_iter().find(|l| {
            l["to"].as_str().is_some_and(|t| t.contains(to))
                && l["subject"].as_str().is_some_and(|s| s.contains(subject))
        }) {
            return letter;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no letter to {to} about “{subject}” arrived: {:?}",
            letters(dir)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The path of the link in a letter's body that starts with `prefix`.
fn link(letter: &Value, prefix: &str) -> String {
    let body = letter["body"].as_str().expect("a body");
    let start = body.find(prefix).expect("the link");
    body[start..]
        .split_whitespace()
        .next()
        .expect("a link")
        .to_owned()
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn letters_arrive(backend: Backend) {
    let port = free_port();
    let Some(app) = spawn_app_with(backend, |settings| {
        settings.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        settings.mail.public_url = "https://cmas.example.test".to_owned();
    }) else {
        return;
    };
    let admin = app.admin();
    // The organisation writes German: so do its letters to people without a language of their own.
    let mut settings = app.get("/api/v1/settings", &admin).expect(200);
    settings["report_language"] = json!("de");
    app.send("PUT", "/api/v1/settings", &admin, &settings)
        .expect(200);
    // No mail server yet: the request is answered at once all the same.
    let asked = Instant::now();
    let invitation = app
        .send(
            "POST",
            "/api/v1/invitations",
            &admin,
            &json!({ "email": "nora@a.test", "name": "Nora Neu", "role": "consultant" }),
        )
        .expect(201);
    assert!(asked.elapsed() < Duration::from_secs(5));
    assert_eq!(invitation["emailed"], true);
    // The first try fails and is noted; the next ones wait longer.
    let failed = wait_until(&app, "the first failed try", |conn| {
        let tried: Vec<(i32, Option<String>)> = outbox::table
            .select((outbox::attempts, outbox::last_error))
            .load(conn)?;
        Ok(tried.into_iter().find(|(attempts, _)| *attempts >= 1))
    });
    assert!(failed.1.is_some(), "the error is kept");

    let maildir = tempfile::tempdir().expect("a maildir");
    let _server = MailServer::start(port, maildir.path());
    let letter = wait_for(maildir.path(), "nora@a.test", "lädt Sie zu cmas ein");
    let body = letter["body"].as_str().expect("body");
    assert!(body.contains("Guten Tag Nora Neu"), "{body}");
    assert!(body.contains("72 Stunden"), "{body}");
    let accept = link(&letter, "https://cmas.example.test/invitations/i_");
    let token = accept.rsplit('/').next().expect("a token").to_owned();
    assert_eq!(
        format!("/invitations/{token}"),
        invitation["link"].as_str().expect("link")
    );
    app.send(
        "POST",
        "/api/v1/invitations/accept",
        &Cred::None,
        &json!({ "token": token, "password": PASSWORD }),
    )
    .expect(204);
    // Sent letters keep no body (the link was a secret).
    let kept = wait_until(&app, "the sent letter's body blanked", |conn| {
        let bodies: Vec<String> = outbox::table
            .filter(outbox::sent_at.is_not_null())
            .select(outbox::body)
            .load(conn)?;
        Ok(bodies.into_iter().next())
    });
    assert_eq!(kept, "");

    // A forgotten password: a one-hour link, in the person's own language.
    let nora = app.login("nora@a.test", PASSWORD);
    // Nora reads French (her own choice on the password page).
    app.db
        .write(|conn| -> anyhow::Result<usize> {
            Ok(
                diesel::update(users::table.filter(users::email.eq("nora@a.test")))
                    .set(users::language.eq(Some("fr")))
                    .execute(conn)?,
            )
        })
        .expect("Nora reads French");
    app.send(
        "POST",
        "/api/v1/auth/password-reset",
        &Cred::None,
        &json!({ "email": "nora@a.test" }),
    )
    .expect(202);
    app.send(
        "POST",
        "/api/v1/auth/password-reset",
        &Cred::None,
        &json!({ "email": "nobody@a.test" }),
    )
    .expect(202);
    let reset = wait_for(maildir.path(), "nora@a.test", "Nouveau mot de passe");
    assert!(reset["body"]
        .as_str()
        .is_some_and(|b| b.contains("60 minutes")));
    let reset_link = link(&reset, "https://cmas.example.test/password-reset/r_");
    let reset_token = reset_link.rsplit('/').next().expect("token").to_owned();
    // Eight uses of the link at the same moment: exactly one sets the password.
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let uses: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(|| {
                    app.send(
                        "POST",
                        "/api/v1/auth/password-reset/confirm",
                        &Cred::None,
                        &json!({ "token": reset_token, "password": "a-brand-new-password" }),
                    )
                    .status
                })
            })
            .collect();
        uses.into_iter().map(|u| u.join().expect("a use")).collect()
    });
    assert_eq!(
        statuses.iter().filter(|s| **s == 204).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| matches!(s, 204 | 404)),
        "{statuses:?}"
    );
    app.get("/api/v1/me", &nora).problem(401, "unauthenticated");
    app.login("nora@a.test", "a-brand-new-password");
    app.send(
        "POST",
        "/api/v1/auth/password-reset/confirm",
        &Cred::None,
        &json!({ "token": reset_token, "password": "yet-another-password" }),
    )
    .problem(404, "not_found");
    assert!(
        !letters(maildir.path())
            .iter()
            .any(|l| l["to"].as_str().is_some_and(|t| t.contains("nobody"))),
        "no letter to an address without an account"
    );

    // Notices: areas assigned to an assessor, and their areas ready for the lead.
    let (consultant_id, consultant) = app.user(&admin, "carla@a.test", "consultant");
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let assessment = app.draft(&admin, client, questionnaire);
    app.send(
        "POST",
        &format!("/api/v1/assessments/{assessment}/assessors"),
        &admin,
        &json!({ "user_id": consultant_id }),
    )
    .expect(200);
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{assessment}/assignments"),
        &admin,
        &json!({ "assignments": [{ "user_id": consultant_id, "area_id": "AP" }] }),
    )
    .expect(200);
    let assigned = wait_for(maildir.path(), "carla@a.test", "Harbour Bank");
    assert!(assigned["body"]
        .as_str()
        .is_some_and(|b| b.contains(&format!("/assessments/{assessment}"))));
    app.request(
        "POST",
        &format!("/api/v1/assessments/{assessment}/ready"),
        &consultant,
        None,
        "",
    )
    .expect(204);
    app.request(
        "POST",
        &format!("/api/v1/assessments/{assessment}/ready"),
        &admin,
        None,
        "",
    )
    .problem(403, "not_a_co_assessor");
    wait_for(maildir.path(), crate::helpers::ADMIN_EMAIL, "carla@a.test");
}

/// Polls the database (up to 30 s) until `found` finds something.
fn wait_until<T>(
    app: &TestApp,
    what: &str,
    found: impl Fn(&mut cmas::db::AnyConnection) -> anyhow::Result<Option<T>>,
) -> T {
    let started = Instant::now();
    loop {
        if let Ok(Some(value)) = app.db.read(&found) {
            return value;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited in vain for {what}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_letter_the_server_refuses_for_good_is_not_tried_again() {
    let port = free_port();
    let nowhere = tempfile::tempdir().expect("a directory with no maildir");
    let _server = MailServer::serve(port, nowhere.path());
    let Some(app) = spawn_app_with(Backend::Sqlite, |settings| {
        settings.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    }) else {
        return;
    };
    let admin = app.admin();
    app.send(
        "POST",
        "/api/v1/invitations",
        &admin,
        &json!({ "email": "nora@a.test", "name": "Nora", "role": "consultant" }),
    )
    .expect(201);
    let (attempts, error) = wait_until(&app, "the refusal", |conn| {
        let tried: Vec<(i32, Option<String>)> = outbox::table
            .select((outbox::attempts, outbox::last_error))
            .load(conn)?;
        Ok(tried.into_iter().find(|(_, error)| error.is_some()))
    });
    assert_eq!(attempts, 10, "given up at once: {error:?}");
    assert!(error.is_some_and(|e| e.contains("500")));
}

fn without_mail_links_are_shown_and_resets_say_no_mail_is_sent(app: &TestApp) {
    let admin = app.admin();
    let invitation = app
        .send(
            "POST",
            "/api/v1/invitations",
            &admin,
            &json!({ "email": "nora@a.test", "name": "Nora", "role": "consultant" }),
        )
        .expect(201);
    assert_eq!(invitation["emailed"], false);
    assert!(invitation["link"]
        .as_str()
        .is_some_and(|l| l.starts_with("/invitations/i_")));
    app.send(
        "POST",
        "/api/v1/auth/password-reset",
        &Cred::None,
        &json!({ "email": "nora@a.test" }),
    )
    .problem(409, "mail_not_configured");
}
