//! The authorisation matrix, generated from the OpenAPI document: every
//! route without credentials gets 401 (except the few marked public), and
//! every route × every role of another organisation × this organisation's
//! resources gets no access: 404 where the role could act but the resource
//! is not theirs, 403 where the role may never act. Lists show another
//! organisation none of this one's records, and nothing of ours changes.

use crate::helpers::{Cred, TestApp, ADMIN_EMAIL};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    every_route_refuses_callers_without_credentials_and_other_organisations_every_role,
    two_organisations_made_on_the_command_line_see_nothing_of_each_other,
);

/// Names that only this organisation's records carry.
const MARKS: [&str; 7] = [
    "Secret Harbour",
    "Secret KPI",
    "Secret panel",
    "Secret plan",
    "secret-consultant@a.test",
    "Secret action",
    "secret-idp.a.test",
];

/// This organisation's records, by what a path parameter names.
struct Ours {
    assessment: i64,
    draft: i64,
    client: i64,
    questionnaire: i64,
    panel: i64,
    programme: i64,
    project: i64,
    user: i64,
    token: i64,
    evidence: i64,
    interview: i64,
    /// A second final assessment of the client, for the comparison.
    earlier: i64,
    action: i64,
}

fn ours(app: &TestApp, admin: &Cred) -> Ours {
    let questionnaire = app.mini_questionnaire(admin);
    let client = app.client(admin, "Secret Harbour Ltd");
    let assessment = app.draft(admin, client, questionnaire);
    app.finalise_mini(admin, assessment, (6, 4), "secret evidence");
    let earlier = app.draft(admin, client, questionnaire);
    app.finalise_mini(admin, earlier, (3, 2), "secret evidence");
    let draft = app.draft(admin, client, questionnaire);
    let (user, _) = app.user(admin, "secret-consultant@a.test", "consultant");
    let sso = json!({
        "issuer": "https://secret-idp.a.test",
        "client_id": "cmas",
        "client_secret": "secret-client-secret",
        "allowed_domains": ["a.test"],
    });
    app.send("PUT", "/api/v1/settings/sso", admin, &sso)
        .expect(200);
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{assessment}/targets"),
        admin,
        &json!({ "targets": [{ "node_id": "AP", "target": 80, "due_date": "2027-06-30" }] }),
    )
    .expect(200);
    let action = app
        .send(
            "POST",
            &format!("/api/v1/clients/{client}/actions"),
            admin,
            &action_body(None),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("action");
    let kpi =
        json!({ "name": "Secret KPI", "unit": "%", "direction": "higher", "kind": "financial" });
    app.send("POST", "/api/v1/kpis", admin, &kpi).expect(201);
    let panel = app
        .send(
            "POST",
            "/api/v1/panels",
            admin,
            &json!({ "name": "Secret panel", "period": "2026" }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("panel");
    let programme = app
        .send(
            "POST",
            "/api/v1/programmes",
            admin,
            &json!({ "client_id": client, "name": "Secret plan", "business_units": ["Retail"] }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("programme");
    let project = app
        .send(
            "POST",
            &format!("/api/v1/programmes/{programme}/projects"),
            admin,
            &project_body(0),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("project");
    let token = app
        .send(
            "POST",
            "/api/v1/tokens",
            admin,
            &json!({ "name": "Secret token" }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("token");
    let evidence = app
        .send(
            "POST",
            &format!("/api/v1/assessments/{draft}/evidence/links"),
            admin,
            &json!({ "title": "Secret Harbour intranet", "url": "https://intranet.harbour.test" }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("evidence");
    let interview = app
        .send(
            "POST",
            &format!("/api/v1/assessments/{draft}/interviews"),
            admin,
            &interview_body(None),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("interview");
    Ours {
        evidence,
        interview,
        earlier,
        action,
        assessment,
        draft,
        client,
        questionnaire,
        panel,
        programme,
        project,
        user,
        token,
    }
}

fn project_body(version: i64) -> Value {
    json!({
        "name": "Secret project", "objective": "Win", "owner": "Olga Owner",
        "placement": { "kind": "row", "unit": "Retail" }, "areas": ["AP"],
        "start": "2026-01-01", "end": "2026-06-30", "status": "planned",
        "cost_planned": 1.0, "cost_actual": null, "benefit_planned": 2.0, "benefit_actual": null,
        "milestones": [], "depends_on": [], "version": version,
    })
}

fn action_body(version: Option<i64>) -> Value {
    json!({ "title": "Secret action", "addresses": ["AP"], "owner_name": "Olga Owner", "version": version })
}

fn interview_body(version: Option<i64>) -> Value {
    json!({
        "interviewee": "Secret Harbour's CEO", "job_title": "Chief executive", "function": "board",
        "scheduled_at": "2026-12-07T10:00:00", "version": version,
    })
}

/// The route with its parameters set to our records.
fn concrete(template: &str, ours: &Ours) -> String {
    let first = if template.starts_with("/api/v1/assessments/{id}/scores/")
        || template.starts_with("/api/v1/assessments/{id}/agreed/")
        || template.starts_with("/api/v1/assessments/{id}/workbook")
        || template.starts_with("/api/v1/assessments/{id}/assessors")
        || template.starts_with("/api/v1/assessments/{id}/evidence")
        || template.starts_with("/api/v1/assessments/{id}/interviews")
        || template.starts_with("/api/v1/assessments/{id}/assignments")
    {
        ours.draft
    } else if template.starts_with("/api/v1/assessments/") {
        ours.assessment
    } else if template.starts_with("/api/v1/clients/") {
        ours.client
    } else if template.starts_with("/api/v1/questionnaires/") {
        ours.questionnaire
    } else if template.starts_with("/api/v1/panels/") {
        ours.panel
    } else if template.starts_with("/api/v1/programmes/") {
        ours.programme
    } else if template.starts_with("/api/v1/tokens/") {
        ours.token
    } else if template.starts_with("/api/v1/users/") {
        ours.user
    } else if template.starts_with("/api/v1/actions/") {
        ours.action
    } else {
        0
    };
    template
        .replace("{id}", &first.to_string())
        .replace("{question_id}", "AP.1.1")
        .replace("{user_id}", &ours.user.to_string())
        .replace("{project_id}", &ours.project.to_string())
        .replace("{evidence_id}", &ours.evidence.to_string())
        .replace("{interview_id}", &ours.interview.to_string())
        .replace("{other}", &ours.earlier.to_string())
        .replace("/evidence/files", "/evidence/files?file_name=plan.pdf")
        .replace(
            "{format}",
            if template.ends_with("/export.{format}") {
                "json"
            } else {
                "csv"
            },
        )
}

/// A body that would pass as valid, so that the refusal is about who asks.
fn body(method: &str, template: &str) -> Option<Value> {
    let answer = json!({ "intention": 5, "reality": 4 });
    Some(match (method, template) {
        ("DELETE", "/api/v1/clients/{id}") => json!({ "confirm": "Secret Harbour Ltd" }),
        ("GET" | "DELETE", _) => return None,
        // Files: sent as uploads.
        ("POST", t) if t.ends_with(".csv") || t.ends_with("/workbook") || t.ends_with("/files") => {
            return None
        }
        ("POST", "/api/v1/assessments/{id}/evidence/links") => {
            json!({ "title": "Taken", "url": "https://taken.test" })
        }
        ("PATCH", "/api/v1/assessments/{id}/evidence/{evidence_id}") => json!({ "title": "Taken" }),
        ("POST", "/api/v1/assessments/{id}/interviews") => interview_body(None),
        ("PUT", "/api/v1/assessments/{id}/interviews/{interview_id}") => interview_body(Some(1)),
        ("PUT", "/api/v1/assessments/{id}/assignments") => json!({ "assignments": [] }),
        ("PATCH", "/api/v1/assessments/{id}") => json!({ "version": 1, "status": "final" }),
        ("PUT", "/api/v1/assessments/{id}/agreed/{question_id}") => answer,
        ("PUT", "/api/v1/assessments/{id}/scores/{question_id}") => answer,
        ("POST", "/api/v1/assessments/{id}/assessors") => json!({ "user_id": 1 }),
        ("POST", "/api/v1/clients/{id}/members") => json!({ "user_id": 1 }),
        ("PUT", "/api/v1/clients/{id}") => {
            json!({ "name": "Taken Ltd", "sector": "s", "size_band": "b", "region": "r" })
        }
        ("PUT", "/api/v1/panels/{id}/ranks") => json!([{ "client_id": 1, "rank": 1 }]),
        ("PATCH", "/api/v1/programmes/{id}") => json!({ "version": 1, "name": "Taken" }),
        ("POST", "/api/v1/programmes/{id}/projects") => project_body(0),
        ("PUT", "/api/v1/programmes/{id}/projects/{project_id}") => project_body(1),
        ("PATCH", "/api/v1/users/{id}") => json!({ "name": "Taken" }),
        ("POST", "/api/v1/clients/{id}/actions") => action_body(None),
        ("PUT", "/api/v1/actions/{id}") => action_body(Some(1)),
        ("PUT", "/api/v1/actions/{id}/status") => json!({ "status": "done", "version": 1 }),
        ("PUT", "/api/v1/assessments/{id}/targets") => json!({ "targets": [] }),
        ("POST", "/api/v1/operator/organisations") => {
            json!({ "name": "Taken", "admin_email": "t@taken.test", "admin_name": "T" })
        }
        ("POST", "/api/v1/operator/organisations/{id}/admins") => {
            json!({ "email": "t@taken.test", "name": "T" })
        }
        _ => json!({}),
    })
}

/// Every operation of the OpenAPI document: (method, path template, public).
fn operations(app: &TestApp) -> Vec<(String, String, bool)> {
    let doc = app.get("/api/v1/openapi.json", &Cred::None).expect(200);
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("operations") {
            // `security: [{}]` marks the operations open to anyone.
            let public = op["security"] == json!([{}]);
            out.push((method.to_uppercase(), path.clone(), public));
        }
    }
    out
}

fn call(app: &TestApp, method: &str, path: &str, cred: &Cred, body: Option<&Value>) -> u16 {
    match (method, body) {
        ("POST", None) if path.ends_with(".csv") || path.ends_with("/workbook") => {
            app.upload(path, cred, b"not,a,file\n", "text/csv").status
        }
        ("POST", None) if path.contains("/evidence/files") => {
            app.upload(path, cred, b"%PDF-1.4\nsecret", "application/pdf")
                .status
        }
        (_, Some(body)) => app.send(method, path, cred, body).status,
        (_, None) => {
            app.request(method, path, cred, None, "application/json")
                .status
        }
    }
}

/// What another organisation could notice of ours: read as our admin.
fn snapshot(app: &TestApp, admin: &Cred, ours: &Ours) -> Vec<Value> {
    [
        format!("/api/v1/assessments/{}", ours.assessment),
        format!("/api/v1/assessments/{}", ours.draft),
        format!("/api/v1/assessments/{}/scores", ours.draft),
        format!("/api/v1/assessments/{}/evidence", ours.draft),
        format!("/api/v1/assessments/{}/interviews", ours.draft),
        format!("/api/v1/assessments/{}/assignments", ours.draft),
        format!("/api/v1/clients/{}/members", ours.client),
        format!("/api/v1/programmes/{}", ours.programme),
        format!("/api/v1/users/{}", ours.user),
        format!("/api/v1/assessments/{}/targets", ours.assessment),
        format!("/api/v1/clients/{}/actions", ours.client),
        "/api/v1/tokens".to_owned(),
        "/api/v1/settings/sso".to_owned(),
        "/api/v1/panels".to_owned(),
    ]
    .iter()
    .map(|path| app.get(path, admin).body)
    .collect()
}

fn every_route_refuses_callers_without_credentials_and_other_organisations_every_role(
    app: &TestApp,
) {
    // Ours made at first start, theirs on the command line.
    matrix(app, ADMIN_EMAIL, &app.admin());
}

fn two_organisations_made_on_the_command_line_see_nothing_of_each_other(app: &TestApp) {
    let alpha = crate::tenants::organisation(app, "Alpha Consulting", "admin@alpha.test");
    matrix(app, "admin@alpha.test", &alpha);
}

/// Every route × every role of another organisation (made on the command
/// line) against the records of the organisation whose admin is `admin`.
fn matrix(app: &TestApp, admin_email: &str, admin: &Cred) {
    let admin = admin.clone();
    let ours = ours(app, &admin);
    let before = snapshot(app, &admin, &ours);
    let outsider_admin = app.other_organisation("admin@b.test");
    let mut roles = vec![("admin", outsider_admin.clone())];
    for role in ["consultant", "executive", "programme_manager"] {
        let (_, cred) = app.user(&outsider_admin, &format!("{role}@b.test"), role);
        roles.push((role, cred));
    }
    let operations = operations(app);
    assert!(operations.len() >= 60, "{} operations", operations.len());
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (method, template, public) in &operations {
        let path = concrete(template, &ours);
        let body = body(method, template);
        if !public {
            let status = call(app, method, &path, &Cred::None, body.as_ref());
            if status != 401 {
                wrong.push(format!("{method} {path} without credentials: {status}"));
            }
        }
        for (role, cred) in roles.iter().filter(|_| !public) {
            checked += 1;
            let status = call(app, method, &path, cred, body.as_ref());
            let names_ours = template.contains("{id}");
            let refused = if template.starts_with("/api/v1/operator/") {
                // An organisation's credentials open no operator route.
                status == 401
            } else if names_ours {
                matches!(status, 403 | 404)
            } else {
                // No record of ours is named: the answer may be anything but a 5xx,
                // and a listing must show none of ours.
                status < 500
            };
            if !refused {
                wrong.push(format!("{method} {path} as their {role}: {status}"));
            }
            if method == "GET" && !names_ours && status == 200 {
                let text = app.get(&path, cred).body.to_string();
                if let Some(mark) = MARKS.iter().find(|m| text.contains(*m)) {
                    wrong.push(format!("GET {path} as their {role} shows {mark}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(
        snapshot(app, &admin, &ours),
        before,
        "nothing of ours changed"
    );
    // Our own admin still logs in (another organisation's attempts never throttle us).
    app.login(admin_email, crate::helpers::PASSWORD);
    eprintln!(
        "authorisation matrix: {} operations × {} roles of another organisation = {checked} calls",
        operations.len(),
        roles.len()
    );
}
