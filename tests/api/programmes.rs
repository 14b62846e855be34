//! Steady-progress programmes over the API: the plan rules, progress per
//! cell, who may see and change what, and the demo's programmes.

use crate::browser::Browser;
use crate::helpers::{Cred, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    projects_are_planned_on_the_grid_and_unsound_plans_are_refused_naming_the_projects,
    cells_show_progress_from_scoped_assessments_and_projects_their_before_and_after,
    programme_managers_and_executives_see_only_their_clients_programmes,
    the_demo_has_a_programme_for_each_sectors_leader_with_late_projects,
    the_programme_pages_start_a_programme_add_a_project_and_record_progress,
    projects_and_milestones_export_and_the_report_renders_for_the_board,
    amounts_past_a_thousand_million_million_are_refused,
    a_made_up_version_is_a_conflict_not_a_fault,
    the_organisation_says_how_it_writes_numbers_and_its_currency,
);

/// An admin sets a decimal comma and Swiss francs: the table of projects
/// reads "48.000" as 48000 and shows amounts the same way.
fn the_organisation_says_how_it_writes_numbers_and_its_currency(app: &TestApp) {
    let admin = app.admin();
    let (_, consultant) = app.user(&admin, "carla@a.test", "consultant");
    assert_eq!(
        app.get("/api/v1/settings", &consultant).expect(200),
        json!({ "number_format": "decimal_point", "currency": "EUR", "report_language": "en", "two_factor": "optional" })
    );
    let swiss = json!({ "number_format": "decimal_comma", "currency": "CHF" });
    app.send("PUT", "/api/v1/settings", &consultant, &swiss)
        .problem(403, "role_not_allowed");
    app.send(
        "PUT",
        "/api/v1/settings",
        &admin,
        &json!({ "number_format": "decimal_comma", "currency": "XYZ" }),
    )
    .problem(422, "unknown_currency");
    app.send("PUT", "/api/v1/settings", &admin, &swiss)
        .expect(200);
    let mut saved = swiss.clone();
    saved["report_language"] = json!("en");
    saved["two_factor"] = json!("optional");
    assert_eq!(app.get("/api/v1/settings", &consultant).expect(200), saved);

    let client = app.client(&admin, "Zurich Bank");
    let programme = start_programme(app, &admin, client);
    let placement = json!({ "kind": "row", "unit": "Retail" });
    let body = project("Pilot", placement, "2026-01-01", "2026-12-31", &[]);
    let project_id = app
        .send(
            "POST",
            &format!("/api/v1/programmes/{programme}/projects"),
            &admin,
            &body,
        )
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    // The projects as a list of their own, searched and paged.
    let listed = app.get(
        &format!("/api/v1/programmes/{programme}/projects?q=PIL&sort=-name"),
        &admin,
    );
    assert_eq!(listed.header("x-total-count"), Some("1"));
    assert_eq!(listed.expect(200)[0]["name"], "Pilot");
    assert_eq!(
        app.get(
            &format!("/api/v1/programmes/{programme}/projects?q=nothing"),
            &admin
        )
        .header("x-total-count"),
        Some("0")
    );
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let p = project_id.to_string();
    let saved = browser.post(
        &format!("/programmes/{programme}/rows"),
        &[
            ("project_id", &p),
            (&format!("owner.{p}"), "Ursula"),
            (&format!("start.{p}"), "2026-01-01"),
            (&format!("end.{p}"), "2026-12-31"),
            (&format!("status.{p}"), "pilot"),
            (&format!("cost_actual.{p}"), "48.000"),
            (&format!("benefit_actual.{p}"), "1.234,5"),
        ],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let stored = &detail(app, &admin, programme)["report"]["projects"][0];
    assert_eq!(
        (
            stored["cost_actual"].as_f64(),
            stored["benefit_actual"].as_f64()
        ),
        (Some(48000.0), Some(1234.5))
    );
    let page = browser.get(&format!("/programmes/{programme}"));
    assert!(
        page.body.contains("value=\"48.000\"")
            && page.body.contains("value=\"1.234,50\"")
            && page.body.contains("Amounts in CHF"),
        "{}",
        page.body
    );
    let trail = app
        .get("/api/v1/audit?action=organisation.settings", &admin)
        .expect(200);
    assert_eq!(trail.as_array().map(Vec::len), Some(1));
}

/// schemathesis found it: the next version was worked out in Rust, so the
/// largest version number overflowed (500). It is raised in SQL now.
fn a_made_up_version_is_a_conflict_not_a_fault(app: &TestApp) {
    let admin = app.admin();
    let client = app.client(&admin, "Version Bank");
    let programme = start_programme(app, &admin, client);
    let body = json!({ "business_units": ["Retail"], "customer_groups": ["All"], "dimensions": [], "name": "Renamed", "version": i32::MAX });
    app.send(
        "PATCH",
        &format!("/api/v1/programmes/{programme}"),
        &admin,
        &body,
    )
    .problem(409, "stale_version");
    let questionnaire = app.mini_questionnaire(&admin);
    let id = app.draft(&admin, client, questionnaire);
    app.send(
        "PATCH",
        &format!("/api/v1/assessments/{id}"),
        &admin,
        &json!({ "version": i32::MAX, "status": "in_progress" }),
    )
    .problem(409, "stale_version");
}

/// The probe that found it: a benefit near the largest number made the
/// report's money chart draw billions of ticks, until memory ran out.
fn amounts_past_a_thousand_million_million_are_refused(app: &TestApp) {
    let admin = app.admin();
    let client = app.client(&admin, "Huge Bank");
    let programme = start_programme(app, &admin, client);
    let placement = json!({ "kind": "row", "unit": "Retail" });
    let mut body = project("Moonshot", placement, "2026-01-01", "2026-12-31", &[]);
    body["benefit_planned"] = json!(1.7e308);
    let refused = app
        .send(
            "POST",
            &format!("/api/v1/programmes/{programme}/projects"),
            &admin,
            &body,
        )
        .problem(422, "bad_amount");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains("1e15")),
        "{refused}"
    );
    body["benefit_planned"] = json!(1e15);
    let created = app
        .send(
            "POST",
            &format!("/api/v1/programmes/{programme}/projects"),
            &admin,
            &body,
        )
        .expect(201);
    // The answer carries the version a replacement must send.
    assert_eq!(created["version"], 1, "{created}");
    body["version"] = json!(1);
    let replaced = app
        .send(
            "PUT",
            &format!("/api/v1/programmes/{programme}/projects/{}", created["id"]),
            &admin,
            &body,
        )
        .expect(200);
    assert_eq!(replaced["version"], 2, "{replaced}");
    let pdf = app.get(
        &format!("/api/v1/programmes/{programme}/report.pdf"),
        &admin,
    );
    assert_eq!(pdf.status, 200);
}

fn project(name: &str, placement: Value, start: &str, end: &str, depends_on: &[i64]) -> Value {
    json!({
        "name": name, "objective": format!("Deliver {name}"), "owner": "Olga Owner",
        "placement": placement, "areas": ["AP"], "start": start, "end": end, "status": "planned",
        "cost_planned": 100000.0, "cost_actual": null, "benefit_planned": 250000.0, "benefit_actual": null,
        "milestones": [{ "name": "Go-live", "due": end, "done": null }], "depends_on": depends_on,
    })
}

fn add(app: &TestApp, cred: &Cred, programme: i64, body: &Value) -> i64 {
    app.send(
        "POST",
        &format!("/api/v1/programmes/{programme}/projects"),
        cred,
        body,
    )
    .expect(201)["id"]
        .as_i64()
        .expect("id")
}

fn start_programme(app: &TestApp, cred: &Cred, client: i64) -> i64 {
    app.send(
        "POST",
        "/api/v1/programmes",
        cred,
        &json!({ "client_id": client, "name": "Customer first", "business_units": ["Retail", "Business"] }),
    )
    .expect(201)["id"]
    .as_i64()
    .expect("id")
}

fn detail(app: &TestApp, cred: &Cred, programme: i64) -> Value {
    app.get(&format!("/api/v1/programmes/{programme}"), cred)
        .expect(200)
}

fn projects_are_planned_on_the_grid_and_unsound_plans_are_refused_naming_the_projects(
    app: &TestApp,
) {
    let admin = app.admin();
    app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let id = start_programme(app, &admin, client);
    let again = app
        .send(
            "POST",
            "/api/v1/programmes",
            &admin,
            &json!({ "client_id": client, "name": "Second", "business_units": ["X"] }),
        )
        .problem(409, "programme_exists");
    assert!(again["detail"]
        .as_str()
        .unwrap_or("")
        .contains("Harbour Bank"));
    let programme = detail(app, &admin, id);
    assert_eq!(
        programme["grid"]["groups"],
        json!(["current high value", "future high value", "other customers"])
    );

    let data = add(
        app,
        &admin,
        id,
        &project(
            "Data foundation",
            json!({ "kind": "row", "unit": "Retail" }),
            "2025-01-01",
            "2025-06-30",
            &[],
        ),
    );
    let pilot = add(
        app,
        &admin,
        id,
        &project(
            "Retention pilot",
            json!({ "kind": "cell", "unit": "Retail", "group": "current high value" }),
            "2025-07-01",
            "2025-12-31",
            &[data],
        ),
    );
    let path = format!("/api/v1/programmes/{id}/projects");

    let early = app
        .send(
            "POST",
            &path,
            &admin,
            &project(
                "Early bird",
                json!({ "kind": "column", "group": "other customers" }),
                "2025-03-01",
                "2025-09-30",
                &[data],
            ),
        )
        .problem(422, "plan_conflict");
    assert_eq!(
        early["detail"],
        "Early bird starts on 2025-03-01, before Data foundation, which it depends on, ends on 2025-06-30"
    );
    let mut cyclic = project(
        "Data foundation",
        json!({ "kind": "row", "unit": "Retail" }),
        "2025-01-01",
        "2025-06-30",
        &[pilot],
    );
    cyclic["version"] = json!(1);
    let cycle = app
        .send("PUT", &format!("{path}/{data}"), &admin, &cyclic)
        .problem(422, "plan_conflict");
    let text = cycle["detail"].as_str().unwrap_or("");
    assert!(
        text.contains("go round in a circle")
            && text.contains("Data foundation")
            && text.contains("Retention pilot"),
        "{text}"
    );
    app.send(
        "POST",
        &path,
        &admin,
        &project(
            "Nowhere",
            json!({ "kind": "row", "unit": "Wealth" }),
            "2025-01-01",
            "2025-02-01",
            &[],
        ),
    )
    .problem(422, "not_on_grid");
    let mut bad_area = project(
        "Odd",
        json!({ "kind": "row", "unit": "Retail" }),
        "2025-01-01",
        "2025-02-01",
        &[],
    );
    bad_area["areas"] = json!(["ZZ"]);
    assert!(app
        .send("POST", &path, &admin, &bad_area)
        .problem(422, "unknown_area")["detail"]
        .as_str()
        .unwrap_or("")
        .contains("AP, ME"));
    app.send(
        "POST",
        &path,
        &admin,
        &project(
            "Backwards",
            json!({ "kind": "row", "unit": "Retail" }),
            "2025-05-01",
            "2025-02-01",
            &[],
        ),
    )
    .problem(422, "plan_conflict");
    app.send(
        "POST",
        &path,
        &admin,
        &project(
            "Data foundation",
            json!({ "kind": "row", "unit": "Retail" }),
            "2026-01-01",
            "2026-02-01",
            &[],
        ),
    )
    .problem(409, "project_exists");

    // A replacement with the version read, then a stale one.
    let mut moved = project(
        "Data foundation",
        json!({ "kind": "row", "unit": "Retail" }),
        "2025-01-01",
        "2025-05-31",
        &[],
    );
    moved["version"] = json!(1);
    moved["status"] = json!("done");
    app.send("PUT", &format!("{path}/{data}"), &admin, &moved)
        .expect(200);
    app.send("PUT", &format!("{path}/{data}"), &admin, &moved)
        .problem(409, "stale_version");

    let removed = app.request("DELETE", &format!("{path}/{data}"), &admin, None, "");
    let body = removed.problem(422, "has_dependants");
    assert_eq!(
        body["detail"],
        "Data foundation cannot be removed while other projects depend on it: Retention pilot"
    );
    // A grid change that would strand a project is refused; a harmless one is kept.
    let programme = detail(app, &admin, id);
    let version = programme["version"].as_i64().expect("version");
    app.send(
        "PATCH",
        &format!("/api/v1/programmes/{id}"),
        &admin,
        &json!({ "version": version, "business_units": ["Business"] }),
    )
    .problem(422, "placement_in_use");
    app.send("PATCH", &format!("/api/v1/programmes/{id}"), &admin, &json!({ "version": version, "business_units": ["Retail", "Business", "Wealth"], "dimensions": [{ "kind": "geography", "values": ["Nordics"] }] }))
        .expect(200);
    let programme = detail(app, &admin, id);
    assert_eq!(
        programme["grid"]["units"],
        json!(["Retail", "Business", "Wealth"])
    );
    assert_eq!(programme["dimensions"][0]["kind"], "geography");
    app.request("DELETE", &format!("{path}/{pilot}"), &admin, None, "")
        .expect(204);
    app.request("DELETE", &format!("{path}/{pilot}"), &admin, None, "")
        .problem(404, "not_found");
}

fn cells_show_progress_from_scoped_assessments_and_projects_their_before_and_after(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let me = app.get("/api/v1/me", &admin).expect(200)["user"]["id"]
        .as_i64()
        .expect("id");
    let assess = |date: &str, scope: Value, score: i64| {
        let body = json!({ "client_id": client, "questionnaire_id": questionnaire, "assessment_date": date, "lead_assessor_id": me, "scope": scope });
        let id = app
            .send("POST", "/api/v1/assessments", &admin, &body)
            .expect(201)["id"]
            .as_i64()
            .expect("id");
        app.finalise_mini(&admin, id, (score, score), "seen");
    };
    assess("2024-06-01", json!({}), 3);
    assess(
        "2025-03-01",
        json!({ "business_unit": "Retail", "customer_group": "current high value" }),
        4,
    );
    assess(
        "2026-03-01",
        json!({ "business_unit": "Retail", "customer_group": "current high value" }),
        8,
    );
    let id = start_programme(app, &admin, client);
    add(
        app,
        &admin,
        id,
        &project(
            "Retention pilot",
            json!({ "kind": "cell", "unit": "Retail", "group": "current high value" }),
            "2025-04-01",
            "2025-12-31",
            &[],
        ),
    );

    let report = &detail(app, &admin, id)["report"];
    let cell = &report["cells"][0][0];
    assert_eq!(
        (cell["unit"].as_str(), cell["group"].as_str()),
        (Some("Retail"), Some("current high value"))
    );
    assert_eq!(cell["basis"], "cell");
    assert_eq!(cell["latest"], 80.0);
    assert_eq!(cell["change"], 40.0);
    assert_eq!(cell["history"].as_array().map(Vec::len), Some(2));
    assert_eq!(cell["projects"], json!(["planned"]));
    let other = &report["cells"][1][2];
    assert_eq!(
        (other["basis"].as_str(), other["latest"].as_f64()),
        (Some("company"), Some(30.0))
    );
    let change = &report["projects"][0]["areas"][0];
    assert_eq!(
        (
            change["area"].as_str(),
            change["before"].as_f64(),
            change["after"].as_f64()
        ),
        (Some("Analysis & Planning"), Some(40.0), Some(80.0))
    );
    assert_eq!(
        report["projects"][0]["health"]["late"], true,
        "planned, and its end has passed"
    );
    assert_eq!(report["alerts"][0]["kind"], "late");
    assert_eq!(report["trend"].as_array().map(Vec::len), Some(3));
}

fn programme_managers_and_executives_see_only_their_clients_programmes(app: &TestApp) {
    let admin = app.admin();
    app.mini_questionnaire(&admin);
    let (mine, theirs) = (
        app.client(&admin, "Mine Ltd"),
        app.client(&admin, "Theirs Ltd"),
    );
    let (mine_p, theirs_p) = (
        start_programme(app, &admin, mine),
        start_programme(app, &admin, theirs),
    );
    let (pm_id, pm) = app.user(&admin, "pm@a.test", "programme_manager");
    let (exec_id, exec) = app.user(&admin, "exec@a.test", "executive");
    for user in [pm_id, exec_id] {
        app.send(
            "POST",
            &format!("/api/v1/clients/{mine}/members"),
            &admin,
            &json!({ "user_id": user }),
        )
        .expect(204);
    }
    for cred in [&pm, &exec] {
        let list = app.get("/api/v1/programmes", cred).expect(200);
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
        assert_eq!(list[0]["client"], "Mine Ltd");
        detail(app, cred, mine_p);
        app.get(&format!("/api/v1/programmes/{theirs_p}"), cred)
            .problem(404, "not_found");
    }
    let body = project(
        "Onboarding",
        json!({ "kind": "column", "group": "future high value" }),
        "2026-01-01",
        "2026-06-30",
        &[],
    );
    add(app, &pm, mine_p, &body);
    app.send(
        "POST",
        &format!("/api/v1/programmes/{theirs_p}/projects"),
        &pm,
        &body,
    )
    .problem(404, "not_found");
    app.send(
        "POST",
        &format!("/api/v1/programmes/{mine_p}/projects"),
        &exec,
        &body,
    )
    .problem(403, "role_not_allowed");
    app.send(
        "POST",
        "/api/v1/programmes",
        &exec,
        &json!({ "client_id": mine, "name": "x", "business_units": ["a"] }),
    )
    .problem(403, "role_not_allowed");
    let outsider = app.other_organisation("admin@b.test");
    app.get(&format!("/api/v1/programmes/{mine_p}"), &outsider)
        .problem(404, "not_found");
    app.send(
        "POST",
        "/api/v1/programmes",
        &outsider,
        &json!({ "client_id": theirs, "name": "x", "business_units": ["a"] }),
    )
    .problem(404, "not_found");
    app.get("/api/v1/programmes", &Cred::None)
        .problem(401, "unauthenticated");
}

fn the_demo_has_a_programme_for_each_sectors_leader_with_late_projects(app: &TestApp) {
    cmas::app::demo::load(&app.db).expect("demo loads");
    let pm = app.token("programme@demo.cmas", "demo-programme-pass");
    let list = app.get("/api/v1/programmes", &pm).expect(200);
    let programmes = list.as_array().expect("list");
    assert_eq!(programmes.len(), 6, "one per sector: {list}");
    let mut late = 0;
    for p in programmes {
        let d = detail(app, &pm, p["id"].as_i64().expect("id"));
        let projects = d["report"]["projects"].as_array().expect("projects");
        assert!(
            (8..=15).contains(&projects.len()),
            "{} projects",
            projects.len()
        );
        assert!(projects
            .iter()
            .any(|p| !p["depends_on"].as_array().expect("deps").is_empty()));
        late += d["report"]["alerts"]
            .as_array()
            .map_or(0, |a| a.iter().filter(|x| x["kind"] == "late").count());
        let improved = d["report"]["cells"][0][0]["change"]
            .as_f64()
            .expect("the first cell was re-assessed");
        assert!(improved > 0.0, "the targeted cell improved: {improved}");
    }
    assert!(late >= 6, "{late} late projects");
}

fn the_programme_pages_start_a_programme_add_a_project_and_record_progress(app: &TestApp) {
    let admin = app.admin();
    app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour <Bank>");
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let list = browser.get("/programmes");
    assert_eq!(list.status, 200);
    assert!(list.body.contains("Harbour &lt;Bank&gt;"), "{}", list.body);
    // A refused start keeps what was typed, the problem beside its field.
    let refused = browser.post(
        "/programmes",
        &[
            ("client_id", &client.to_string()),
            ("name", "Kept plan"),
            ("business_units", ""),
            ("customer_groups", "Loyal"),
        ],
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("value=\"Kept plan\"")
            && refused.body.contains(">Loyal</textarea>")
            && refused.body.contains("class=\"field-error\""),
        "{}",
        refused.body
    );
    let started = browser.post(
        "/programmes",
        &[
            ("client_id", &client.to_string()),
            ("name", "Customer first"),
            ("business_units", "Retail\nBusiness"),
            ("customer_groups", ""),
        ],
    );
    assert_eq!(started.status, 303, "{}", started.body);
    let location = started.location.unwrap_or_default();
    assert!(location.ends_with("?done=started"), "{location}");
    let page = browser.get(&location);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("The programme is started"));
    assert!(
        page.body.contains("Depth: Retail × current high value"),
        "the grid's cells are offered"
    );
    let id: i64 = location
        .trim_start_matches("/programmes/")
        .split('?')
        .next()
        .and_then(|i| i.parse().ok())
        .expect("id");

    let path = format!("/programmes/{id}/projects");
    let fields = |name: &'static str, start: &'static str, end: &'static str| {
        vec![
            ("name", name),
            ("objective", "Keep the best customers"),
            ("owner", "Olga"),
            ("placement", "cell:0:0"),
            ("area", "AP"),
            ("area", "ME"),
            ("start", start),
            ("end", end),
            ("status", "pilot"),
            ("cost_planned", "50000"),
            ("benefit_planned", "120000"),
            ("milestone", "Pilot review"),
            ("milestone_due", "2026-03-01"),
        ]
    };
    let added = browser.post(
        &path,
        &fields("Retention pilot", "2026-01-01", "2026-06-30"),
    );
    assert_eq!(
        (added.status, added.location.as_deref()),
        (303, Some(format!("/programmes/{id}?done=added").as_str()))
    );
    let refused = browser.post(&path, &fields("Backwards", "2026-06-30", "2026-01-01"));
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("Backwards ends before it starts."),
        "{}",
        refused.body
    );

    let detail = detail(app, &admin, id);
    let project = detail["report"]["projects"][0]["id"]
        .as_i64()
        .expect("project");
    assert_eq!(
        detail["report"]["projects"][0]["areas"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    // The table saves every row at once, numbers as people write them; a
    // mistyped one keeps every value typed and says so beside its field.
    let p = project.to_string();
    let row = |benefit: &'static str| {
        vec![
            ("project_id".to_owned(), p.clone()),
            (format!("owner.{p}"), "Olga Ortiz".to_owned()),
            (format!("start.{p}"), "2026-01-01".to_owned()),
            (format!("end.{p}"), "2026-07-31".to_owned()),
            (format!("status.{p}"), "done".to_owned()),
            (format!("cost_actual.{p}"), "48,000".to_owned()),
            (format!("benefit_actual.{p}"), benefit.to_owned()),
        ]
    };
    fn as_fields(row: &[(String, String)]) -> Vec<(&str, &str)> {
        row.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect()
    }
    let mistyped = row("9O,000");
    let refused = browser.post(&format!("/programmes/{id}/rows"), &as_fields(&mistyped));
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains(&format!(
            "id=\"benefit_actual.{p}-error\">Benefit so far must be a number, e.g. 251,000."
        )) && refused.body.contains("value=\"48,000\"")
            && refused.body.contains("value=\"Olga Ortiz\"")
            && refused.body.contains("value=\"9O,000\""),
        "{}",
        refused.body
    );
    assert_eq!(
        self::detail(app, &admin, id)["report"]["projects"][0]["owner"],
        "Olga",
        "nothing stored"
    );
    let fixed = row("90,000");
    let progress = browser.post(&format!("/programmes/{id}/rows"), &as_fields(&fixed));
    assert_eq!(progress.status, 303, "{}", progress.body);
    let detail = self::detail(app, &admin, id);
    let stored = &detail["report"]["projects"][0];
    assert_eq!(
        (
            stored["status"].as_str(),
            stored["cost_actual"].as_f64(),
            stored["benefit_actual"].as_f64()
        ),
        (Some("done"), Some(48000.0), Some(90000.0))
    );
    assert_eq!(
        (stored["owner"].as_str(), stored["end"].as_str()),
        (Some("Olga Ortiz"), Some("2026-07-31"))
    );
    assert_eq!(
        stored["milestones"][0]["name"], "Pilot review",
        "the rest of the project is kept"
    );

    let (exec_id, _) = app.user(&admin, "exec@a.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        &admin,
        &json!({ "user_id": exec_id }),
    )
    .expect(204);
    let mut executive = Browser::new(app);
    executive.login("exec@a.test", PASSWORD);
    let read = executive.get(&format!("/programmes/{id}"));
    assert_eq!(read.status, 200);
    assert!(!read.body.contains("Add a project"), "executives only read");
    assert_eq!(
        executive
            .post(&path, &fields("Sneaky", "2026-01-01", "2026-02-01"))
            .status,
        403
    );
    let forged = browser.send(
        "POST",
        &path,
        Some(&fields("Forged", "2026-01-01", "2026-02-01")),
    );
    assert_eq!(forged.status, 403, "no CSRF token");
    assert_eq!(browser.get("/programmes/99999").status, 404);
}

fn projects_and_milestones_export_and_the_report_renders_for_the_board(app: &TestApp) {
    let admin = app.admin();
    app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let id = start_programme(app, &admin, client);
    let first = add(
        app,
        &admin,
        id,
        &project(
            "=cmd|' /C calc'!A0",
            json!({ "kind": "row", "unit": "Retail" }),
            "2025-01-01",
            "2025-06-30",
            &[],
        ),
    );
    add(
        app,
        &admin,
        id,
        &project(
            "Roll-out",
            json!({ "kind": "column", "group": "other customers" }),
            "2025-07-01",
            "2025-12-31",
            &[first],
        ),
    );
    let csv = app.get(&format!("/api/v1/programmes/{id}/projects.csv"), &admin);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    let text = csv.body.as_str().unwrap_or("").to_owned();
    assert!(
        text.starts_with("project,placement,breadth_or_depth,areas,owner,start,end,status,"),
        "{text}"
    );
    assert!(
        text.contains("\n'=cmd|' /C calc'!A0,"),
        "formula written as text: {text}"
    );
    assert!(text.contains("Roll-out,other customers (all business units),breadth,AP,Olga Owner,2025-07-01,2025-12-31,planned,100000,,250000,,'=cmd|' /C calc'!A0,true,"), "{text}");
    let milestones = app.get(&format!("/api/v1/programmes/{id}/milestones.xlsx"), &admin);
    assert_eq!(milestones.status, 200);
    assert!(milestones.bytes.starts_with(b"PK"), "an XLSX (zip) file");
    let pdf = app.get(&format!("/api/v1/programmes/{id}/report.pdf"), &admin);
    assert_eq!(
        (pdf.status, pdf.header("content-type")),
        (200, Some("application/pdf"))
    );
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    let html = app.get(&format!("/api/v1/programmes/{id}/report.html"), &admin);
    let page = html.body.as_str().unwrap_or("");
    assert!(page.contains("<svg") && page.contains("Roll-out"), "{page}");
    let outsider = app.other_organisation("admin@b.test");
    app.get(&format!("/api/v1/programmes/{id}/report.pdf"), &outsider)
        .problem(404, "not_found");
    app.get(&format!("/api/v1/programmes/{id}/projects.csv"), &outsider)
        .problem(404, "not_found");
}
