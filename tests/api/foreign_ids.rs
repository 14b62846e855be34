//! Another organisation's ids inside request bodies are refused, with the
//! status and problem code of an unknown id, and nothing is written; the
//! same request with this organisation's own ids succeeds.

use crate::helpers::{Answer, Cred, TestApp, PASSWORD};
use crate::on_both_backends;
use crate::storage::{assert_unchanged, Snapshot};
use serde_json::{json, Value};

on_both_backends!(
    an_assessment_refuses_another_organisations_client_questionnaire_lead_and_co_assessors,
    a_team_refuses_another_organisations_user_as_co_assessor,
    kpi_values_refuse_another_organisations_clients_and_kpis_by_id_and_by_name,
    panel_ranks_refuse_another_organisations_clients_and_panels,
    programmes_and_projects_refuse_another_organisations_client_and_projects,
    memberships_refuse_another_organisations_users_and_clients,
);

fn id_of(body: &Value) -> i64 {
    body["id"].as_i64().expect("an id")
}

fn me(app: &TestApp, cred: &Cred) -> i64 {
    app.get("/api/v1/me", cred).expect(200)["user"]["id"]
        .as_i64()
        .expect("id")
}

/// The other organisation's records, made through its own admin.
struct Theirs {
    admin: Cred,
    admin_id: i64,
    consultant: i64,
    executive: i64,
    questionnaire: i64,
    client: i64,
    kpi: i64,
    panel: i64,
    project: i64,
}

fn theirs(app: &TestApp) -> Theirs {
    let admin = app.other_organisation("admin@b.test");
    let admin_id = me(app, &admin);
    let user = |email: &str, role: &str| {
        id_of(
            &app.send(
                "POST",
                "/api/v1/users",
                &admin,
                &json!({ "email": email, "name": email, "role": role, "password": PASSWORD }),
            )
            .expect(201),
        )
    };
    let consultant = user("consultant@b.test", "consultant");
    let executive = user("ceo@b.test", "executive");
    let questionnaire = app.mini_questionnaire(&admin);
    let client = id_of(
        &app.send(
            "POST",
            "/api/v1/clients",
            &admin,
            &json!({ "name": "Beta Client", "sector": "Retail", "size_band": "small", "region": "Alps" }),
        )
        .expect(201),
    );
    let kpi = id_of(
        &app.send(
            "POST",
            "/api/v1/kpis",
            &admin,
            &json!({ "name": "Beta KPI", "unit": "%", "direction": "higher", "kind": "financial" }),
        )
        .expect(201),
    );
    let panel = id_of(
        &app.send(
            "POST",
            "/api/v1/panels",
            &admin,
            &json!({ "name": "Beta panel", "period": "2025" }),
        )
        .expect(201),
    );
    app.send(
        "PUT",
        &format!("/api/v1/panels/{panel}/ranks"),
        &admin,
        &json!([{ "client_id": client, "rank": 1.0 }]),
    )
    .expect(204);
    let programme = id_of(
        &app.send(
            "POST",
            "/api/v1/programmes",
            &admin,
            &json!({ "client_id": client, "name": "Beta plan", "business_units": ["Retail"] }),
        )
        .expect(201),
    );
    let project = id_of(
        &app.send(
            "POST",
            &format!("/api/v1/programmes/{programme}/projects"),
            &admin,
            &project("Beta project", &[]),
        )
        .expect(201),
    );
    Theirs {
        admin,
        admin_id,
        consultant,
        executive,
        questionnaire,
        client,
        kpi,
        panel,
        project,
    }
}

fn project(name: &str, depends_on: &[i64]) -> Value {
    json!({
        "name": name, "objective": "Win", "owner": "Olga Owner",
        "placement": { "kind": "row", "unit": "Retail" }, "areas": ["AP"],
        "start": "2027-01-01", "end": "2027-06-30", "status": "planned",
        "cost_planned": 1.0, "cost_actual": null, "benefit_planned": 2.0, "benefit_actual": null,
        "milestones": [], "depends_on": depends_on,
    })
}

/// Sends a request that names another organisation's record, expects this
/// problem, and checks that nothing at all was stored.
#[track_caller]
fn refused(app: &TestApp, status: u16, code: &str, send: impl FnOnce() -> Answer) -> Value {
    let before = Snapshot::of(app);
    let body = send().problem(status, code);
    assert_unchanged(app, &before, code);
    body
}

fn an_assessment_refuses_another_organisations_client_questionnaire_lead_and_co_assessors(
    app: &TestApp,
) {
    let admin = app.admin();
    let them = theirs(app);
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Alpha Client");
    let (co, _) = app.user(&admin, "co@a.test", "consultant");
    let lead = me(app, &admin);
    let body = |client: i64, questionnaire: i64, lead: i64, co: &[i64]| {
        json!({ "client_id": client, "questionnaire_id": questionnaire, "assessment_date": "2026-05-04",
                "lead_assessor_id": lead, "assessor_ids": co })
    };
    let create = |b: Value| app.send("POST", "/api/v1/assessments", &admin, &b);

    refused(app, 404, "not_found", || {
        create(body(them.client, questionnaire, lead, &[co]))
    });
    refused(app, 422, "unknown_questionnaire", || {
        create(body(client, them.questionnaire, lead, &[co]))
    });
    let lead_refused = refused(app, 422, "unknown_user", || {
        create(body(client, questionnaire, them.consultant, &[co]))
    });
    assert!(
        lead_refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains(&them.consultant.to_string())),
        "{lead_refused}"
    );
    refused(app, 422, "unknown_user", || {
        create(body(client, questionnaire, them.admin_id, &[]))
    });
    // One foreign co-assessor among our own refuses the whole assessment.
    refused(app, 422, "unknown_user", || {
        create(body(client, questionnaire, lead, &[co, them.consultant]))
    });
    refused(app, 422, "unknown_user", || {
        create(body(client, questionnaire, lead, &[them.admin_id]))
    });

    let made = create(body(client, questionnaire, lead, &[co])).expect(201);
    let mut team: Vec<i64> = made["assessor_ids"]
        .as_array()
        .expect("team")
        .iter()
        .filter_map(Value::as_i64)
        .collect();
    team.sort_unstable();
    assert_eq!(team, [lead.min(co), lead.max(co)]);
    // Their own lists are untouched and ours holds only ours.
    assert_eq!(
        app.get("/api/v1/assessments", &them.admin).expect(200),
        json!([])
    );
}

fn a_team_refuses_another_organisations_user_as_co_assessor(app: &TestApp) {
    let admin = app.admin();
    let them = theirs(app);
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Alpha Client");
    let id = app.draft(&admin, client, questionnaire);
    let team = format!("/api/v1/assessments/{id}/assessors");
    for user in [them.consultant, them.admin_id] {
        refused(app, 422, "unknown_user", || {
            app.send("POST", &team, &admin, &json!({ "user_id": user }))
        });
    }
    let (co, _) = app.user(&admin, "co@a.test", "consultant");
    let added = app
        .send("POST", &team, &admin, &json!({ "user_id": co }))
        .expect(200);
    assert_eq!(added["assessor_ids"].as_array().map(Vec::len), Some(2));
}

fn kpi_values_refuse_another_organisations_clients_and_kpis_by_id_and_by_name(app: &TestApp) {
    let admin = app.admin();
    let them = theirs(app);
    let client = app.client(&admin, "Alpha Client");
    let kpi = id_of(
        &app.send(
            "POST",
            "/api/v1/kpis",
            &admin,
            &json!({ "name": "Alpha KPI", "unit": "%", "direction": "higher", "kind": "financial" }),
        )
        .expect(201),
    );
    let row = |kpi: i64, client: i64| json!({ "kpi_id": kpi, "client_id": client, "period": "2025", "value": 1.5 });
    let put = |rows: Value| app.send("PUT", "/api/v1/kpis/values", &admin, &rows);
    // A valid first row, then the foreign one: nothing of either is stored.
    let unknown_client = refused(app, 422, "unknown_client", || {
        put(json!([row(kpi, client), row(kpi, them.client)]))
    });
    assert!(
        unknown_client["detail"]
            .as_str()
            .is_some_and(|d| d.contains("row 1") && d.contains(&them.client.to_string())),
        "{unknown_client}"
    );
    refused(app, 422, "unknown_kpi", || {
        put(json!([row(kpi, client), row(them.kpi, client)]))
    });

    // By name in CSV: their client and KPI are not ours.
    let csv = |text: &'static str| {
        app.request(
            "POST",
            "/api/v1/kpis/values.csv",
            &admin,
            Some(text),
            "text/csv",
        )
    };
    let rejected = refused(app, 422, "file_rejected", || {
        csv("client,kpi,period,value\nAlpha Client,Alpha KPI,2025,1\nBeta Client,Alpha KPI,2025,2\nAlpha Client,Beta KPI,2025,3\n")
    });
    let errors: Vec<(Value, Value)> = rejected["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| (e["at"].clone(), e["message"].clone()))
        .collect();
    assert_eq!(errors.len(), 2, "{rejected}");
    assert!(
        errors[0]
            .1
            .as_str()
            .is_some_and(|m| m.contains("Beta Client")),
        "{rejected}"
    );
    assert!(
        errors[1].1.as_str().is_some_and(|m| m.contains("Beta KPI")),
        "{rejected}"
    );

    put(json!([row(kpi, client)])).expect(204);
    let theirs_export = app.get("/api/v1/kpis/values.csv?period=2025", &them.admin);
    assert_eq!(
        String::from_utf8_lossy(&theirs_export.bytes).trim(),
        "client,kpi,period,value",
        "their KPI values are untouched"
    );
}

fn panel_ranks_refuse_another_organisations_clients_and_panels(app: &TestApp) {
    let admin = app.admin();
    let them = theirs(app);
    let client = app.client(&admin, "Alpha Client");
    let panel = id_of(
        &app.send(
            "POST",
            "/api/v1/panels",
            &admin,
            &json!({ "name": "Alpha panel", "period": "2025" }),
        )
        .expect(201),
    );
    let ranks = |panel: i64, entries: Value| {
        app.send(
            "PUT",
            &format!("/api/v1/panels/{panel}/ranks"),
            &admin,
            &entries,
        )
    };
    refused(app, 422, "unknown_client", || {
        ranks(
            panel,
            json!([{ "client_id": client, "rank": 1.0 }, { "client_id": them.client, "rank": 2.0 }]),
        )
    });
    refused(app, 404, "not_found", || {
        ranks(them.panel, json!([{ "client_id": client, "rank": 1.0 }]))
    });
    // Their panel, named in a CSV file, is not theirs to change: a panel of ours
    // by that name is made, and their client's name is unknown here.
    refused(app, 422, "file_rejected", || {
        app.request(
            "POST",
            "/api/v1/panels/ranks.csv",
            &admin,
            Some("panel,period,client,rank\nBeta panel,2025,Alpha Client,1\nBeta panel,2025,Beta Client,2\n"),
            "text/csv",
        )
    });
    app.request(
        "POST",
        "/api/v1/panels/ranks.csv",
        &admin,
        Some("panel,period,client,rank\nBeta panel,2025,Alpha Client,1\n"),
        "text/csv",
    )
    .expect(200);
    let ours = app.get("/api/v1/panels", &admin).expect(200);
    let names: Vec<&str> = ours
        .as_array()
        .expect("panels")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(names, ["Alpha panel", "Beta panel"]);
    assert!(ours
        .as_array()
        .expect("panels")
        .iter()
        .all(|p| p["id"].as_i64() != Some(them.panel)));
    let their_ranks = crate::storage::number(
        app,
        &format!(
            "SELECT count(*) AS n FROM panel_ranks WHERE panel_id = {} AND client_id = {}",
            them.panel, them.client
        ),
    );
    assert_eq!(their_ranks, 1, "their panel keeps its ranks");
    ranks(panel, json!([{ "client_id": client, "rank": 1.0 }])).expect(204);
}

fn programmes_and_projects_refuse_another_organisations_client_and_projects(app: &TestApp) {
    let admin = app.admin();
    let them = theirs(app);
    app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Alpha Client");
    let start = |client: i64| {
        app.send(
            "POST",
            "/api/v1/programmes",
            &admin,
            &json!({ "client_id": client, "name": "Alpha plan", "business_units": ["Retail"] }),
        )
    };
    refused(app, 404, "not_found", || start(them.client));
    let programme = id_of(&start(client).expect(201));
    let projects = format!("/api/v1/programmes/{programme}/projects");
    let dependency = refused(app, 422, "plan_conflict", || {
        app.send(
            "POST",
            &projects,
            &admin,
            &project("Alpha project", &[them.project]),
        )
    });
    assert!(
        dependency["detail"]
            .as_str()
            .is_some_and(|d| d.contains(&them.project.to_string())),
        "{dependency}"
    );
    app.send("POST", &projects, &admin, &project("Alpha project", &[]))
        .expect(201);
}

fn memberships_refuse_another_organisations_users_and_clients(app: &TestApp) {
    let admin = app.admin();
    let them = theirs(app);
    let client = app.client(&admin, "Alpha Client");
    let (exec, _) = app.user(&admin, "ceo@a.test", "executive");
    let attach = |client: i64, user: i64| {
        app.send(
            "POST",
            &format!("/api/v1/clients/{client}/members"),
            &admin,
            &json!({ "user_id": user }),
        )
    };
    for user in [them.executive, them.consultant, them.admin_id] {
        refused(app, 404, "not_found", || attach(client, user));
    }
    refused(app, 404, "not_found", || attach(them.client, exec));
    refused(app, 404, "not_found", || {
        app.request(
            "DELETE",
            &format!("/api/v1/clients/{client}/members/{}", them.executive),
            &admin,
            None,
            "",
        )
    });
    attach(client, exec).expect(204);
    let members = app
        .get(&format!("/api/v1/clients/{client}/members"), &admin)
        .expect(200);
    let ids: Vec<i64> = members
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["id"].as_i64())
        .collect();
    assert_eq!(ids, [exec]);
    assert_eq!(
        app.get(
            &format!("/api/v1/clients/{}/members", them.client),
            &them.admin
        )
        .expect(200),
        json!([])
    );
}
