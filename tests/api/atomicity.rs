//! A failure part-way through a writing use case leaves nothing behind.
//!
//! Each case installs a trigger that makes one of the use case's last
//! writes fail (usually the audit row, which every audited use case writes
//! last), sends the request, and checks that the answer is a 500 `internal`
//! problem, that nothing stored changed (every table's counts, versions and
//! flags) and that the records read back over HTTP are as before. Then the
//! trigger goes and the very same request succeeds and is seen, so the
//! refusal was the fault's and the checks would have seen a partial write.

use crate::helpers::{Answer, Cred, TestApp, PASSWORD};
use crate::on_both_backends;
use crate::storage::{assert_unchanged, number, Fault, Snapshot};
use calamine::{Data, Reader, Xlsx};
use serde_json::{json, Value};
use std::io::Cursor;

on_both_backends!(
    creating_a_client_or_an_assessment_with_co_assessors_that_fails_creates_neither,
    scores_and_agreed_scores_that_fail_leave_the_answers_and_the_status_as_they_were,
    a_status_change_or_finalisation_that_fails_changes_neither_status_version_nor_portfolio,
    adding_or_removing_an_assessor_that_fails_leaves_the_team_and_its_answers,
    users_memberships_and_tokens_whose_change_fails_stay_as_they_were,
    kpis_values_panels_and_ranks_that_fail_part_way_store_nothing,
    programmes_and_projects_whose_change_fails_stay_as_they_were,
    a_workbook_upload_that_fails_after_its_first_answer_stores_none_of_them,
    an_erasure_that_fails_at_its_last_step_erases_nothing_and_an_unaudited_export_is_not_served,
    a_password_change_that_fails_to_end_the_sessions_keeps_the_old_password,
);

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Sends `send` with the fault in place and expects a 500 `internal` problem,
/// nothing stored changed and `look` (reads over HTTP) as before; then sends it
/// again without the fault and expects success that both the stored data and
/// `look` show. Returns the successful answer.
#[track_caller]
fn fails_whole<'a>(
    app: &'a TestApp,
    what: &str,
    fault: impl FnOnce() -> Fault<'a>,
    look: impl Fn() -> Value,
    send: impl Fn() -> Answer,
) -> Answer {
    let seen = look();
    let stored = Snapshot::of(app);
    {
        let _fault = fault();
        let failed = send();
        assert_eq!(
            (failed.status, failed.body["code"].as_str()),
            (500, Some("internal")),
            "{what} with a failing last step: {}",
            failed.body
        );
        assert_unchanged(app, &stored, what);
        assert_eq!(look(), seen, "{what} failed, yet reads show a change");
    }
    let done = send();
    assert!(
        done.status < 300,
        "{what} without the fault: {} {}",
        done.status,
        done.body
    );
    assert_ne!(
        Snapshot::of(app),
        stored,
        "{what} stores something the snapshot sees"
    );
    assert_ne!(look(), seen, "{what} shows in the reads once it succeeds");
    done
}

/// The audit row, which every audited use case writes last, cannot be written.
fn audit_fails(app: &TestApp) -> Fault<'_> {
    Fault::on(app, "INSERT", "audit_events")
}

/// The organisation's data versions, which performance writes bump last, cannot change.
fn versions_fail(app: &TestApp) -> Fault<'_> {
    Fault::on(app, "UPDATE", "organisations")
}

fn id_of(body: &Value) -> i64 {
    body["id"].as_i64().expect("an id")
}

fn me(app: &TestApp, cred: &Cred) -> i64 {
    app.get("/api/v1/me", cred).expect(200)["user"]["id"]
        .as_i64()
        .expect("id")
}

fn new_user(app: &TestApp, admin: &Cred, email: &str, role: &str) -> i64 {
    id_of(
        &app.send(
            "POST",
            "/api/v1/users",
            admin,
            &json!({ "email": email, "name": email, "role": role, "password": PASSWORD }),
        )
        .expect(201),
    )
}

fn assessment(app: &TestApp, cred: &Cred, id: i64) -> Value {
    app.get(&format!("/api/v1/assessments/{id}"), cred)
        .expect(200)
}

fn put_score(app: &TestApp, cred: &Cred, id: i64, question: &str, body: &Value) -> Answer {
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/{question}"),
        cred,
        body,
    )
}

fn creating_a_client_or_an_assessment_with_co_assessors_that_fails_creates_neither(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let clients = || app.get("/api/v1/clients", &admin).expect(200);
    let body = json!({ "name": "Fjord Mutual", "sector": "Insurance", "size_band": "1,000–5,000", "region": "Nordics" });
    let client = id_of(
        &fails_whole(
            app,
            "creating a client",
            || audit_fails(app),
            clients,
            || app.send("POST", "/api/v1/clients", &admin, &body),
        )
        .body,
    );

    let first = new_user(app, &admin, "first@a.test", "consultant");
    let second = new_user(app, &admin, "second@a.test", "consultant");
    let assessments = || {
        json!([
            app.get("/api/v1/assessments", &admin).expect(200),
            number(app, "SELECT count(*) AS n FROM assessment_assessors"),
        ])
    };
    let body = json!({
        "client_id": client, "questionnaire_id": questionnaire, "assessment_date": "2026-05-04",
        "scope": { "business_unit": "Retail" }, "assessor_ids": [first, second],
    });
    let created = fails_whole(
        app,
        "creating an assessment with two co-assessors",
        || audit_fails(app),
        assessments,
        || app.send("POST", "/api/v1/assessments", &admin, &body),
    );
    let mut team: Vec<i64> = created.body["assessor_ids"]
        .as_array()
        .expect("assessors")
        .iter()
        .filter_map(Value::as_i64)
        .collect();
    team.sort_unstable();
    let mut expected = vec![me(app, &admin), first, second];
    expected.sort_unstable();
    assert_eq!(team, expected);
}

fn scores_and_agreed_scores_that_fail_leave_the_answers_and_the_status_as_they_were(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Delta Bank");
    let id = app.draft(&admin, client, questionnaire);
    let look = || {
        json!([
            assessment(app, &admin, id),
            app.get(
                &format!("/api/v1/assessments/{id}/scores?assessor=all"),
                &admin
            )
            .expect(200),
            app.get(&format!("/api/v1/assessments/{id}/results"), &admin)
                .expect(200),
        ])
    };

    // The first answer: a score row, and the draft moves to in progress.
    fails_whole(
        app,
        "the first answer of a draft",
        || audit_fails(app),
        look,
        || {
            put_score(
                app,
                &admin,
                id,
                "AP.1.1",
                &json!({ "intention": 6, "reality": 4, "evidence": "CRM segments" }),
            )
        },
    );
    assert_eq!(assessment(app, &admin, id)["status"], "in_progress");

    // A changed answer: the row's version and values.
    fails_whole(
        app,
        "changing an answer",
        || audit_fails(app),
        look,
        || {
            put_score(
                app,
                &admin,
                id,
                "AP.1.1",
                &json!({ "intention": 8, "reality": 7, "version": 1 }),
            )
        },
    );

    // An agreed answer: its row, and the assessment's version.
    let agreed_path = format!("/api/v1/assessments/{id}/agreed/AP.1.2");
    let agreed = json!({ "intention": 5, "reality": 5, "evidence": "Agreed in the review" });
    fails_whole(
        app,
        "setting an agreed answer",
        || audit_fails(app),
        look,
        || app.send("PUT", &agreed_path, &admin, &agreed),
    );
    fails_whole(
        app,
        "replacing an agreed answer",
        || audit_fails(app),
        look,
        || {
            app.send(
                "PUT",
                &agreed_path,
                &admin,
                &json!({ "not_applicable": true, "na_reason": "No competitors" }),
            )
        },
    );
    fails_whole(
        app,
        "clearing an agreed answer",
        || audit_fails(app),
        look,
        || app.request("DELETE", &agreed_path, &admin, None, ""),
    )
    .expect(204);

    // An agreed answer on a draft also starts it.
    let draft = app.draft(&admin, client, questionnaire);
    fails_whole(
        app,
        "an agreed answer on a draft",
        || audit_fails(app),
        || assessment(app, &admin, draft),
        || {
            app.send(
                "PUT",
                &format!("/api/v1/assessments/{draft}/agreed/ME.1.1"),
                &admin,
                &agreed,
            )
        },
    );
}

fn a_status_change_or_finalisation_that_fails_changes_neither_status_version_nor_portfolio(
    app: &TestApp,
) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Summit Insurance");
    let id = app.draft(&admin, client, questionnaire);
    let path = format!("/api/v1/assessments/{id}");
    let version = assessment(app, &admin, id)["version"].as_i64().expect("v");
    let look = || {
        json!([
            assessment(app, &admin, id),
            app.get(
                &format!("/api/v1/assessments?status=final&client_id={client}"),
                &admin
            )
            .expect(200),
        ])
    };
    // Sending the version read before the failure again works: it did not move.
    let started = fails_whole(
        app,
        "starting a draft",
        || audit_fails(app),
        look,
        || {
            app.send(
                "PATCH",
                &path,
                &admin,
                &json!({ "version": version, "status": "in_progress" }),
            )
        },
    );
    assert_eq!(started.body["status"], "in_progress");
    assert_eq!(started.body["version"], version + 1);

    for q in ["AP.1.1", "AP.1.2", "ME.1.1"] {
        put_score(app, &admin, id, q, &json!({ "intention": 6, "reality": 4 })).expect(200);
    }
    let version = assessment(app, &admin, id)["version"].as_i64().expect("v");
    let summaries = || number(app, "SELECT count(*) AS n FROM result_summaries");
    let finalised = fails_whole(
        app,
        "finalising",
        || audit_fails(app),
        || json!([look(), summaries()]),
        || {
            app.send(
                "PATCH",
                &path,
                &admin,
                &json!({ "version": version, "status": "final" }),
            )
        },
    );
    assert_eq!(finalised.body["status"], "final");
    // Finalising stores the consolidated results overall and of the two areas.
    assert_eq!(summaries(), 3);
}

fn adding_or_removing_an_assessor_that_fails_leaves_the_team_and_its_answers(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Coast Bank");
    let id = app.draft(&admin, client, questionnaire);
    let (co, co_cred) = app.user(&admin, "co@a.test", "consultant");
    let look = || {
        json!([
            assessment(app, &admin, id),
            app.get(
                &format!("/api/v1/assessments/{id}/scores?assessor=all"),
                &admin
            )
            .expect(200),
        ])
    };
    let added = fails_whole(
        app,
        "adding a co-assessor",
        || audit_fails(app),
        look,
        || {
            app.send(
                "POST",
                &format!("/api/v1/assessments/{id}/assessors"),
                &admin,
                &json!({ "user_id": co }),
            )
        },
    );
    assert!(added.body["assessor_ids"]
        .as_array()
        .expect("team")
        .contains(&json!(co)));

    put_score(
        app,
        &co_cred,
        id,
        "AP.1.1",
        &json!({ "intention": 3, "reality": 2 }),
    )
    .expect(200);
    // Removing deletes the co-assessor's answers before the audit row: both stay.
    let removed = fails_whole(
        app,
        "removing a co-assessor with answers",
        || audit_fails(app),
        look,
        || {
            app.request(
                "DELETE",
                &format!("/api/v1/assessments/{id}/assessors/{co}"),
                &admin,
                None,
                "",
            )
        },
    );
    assert!(!removed.body["assessor_ids"]
        .as_array()
        .expect("team")
        .contains(&json!(co)));
    assert_eq!(
        app.get(
            &format!("/api/v1/assessments/{id}/scores?assessor=all"),
            &admin
        )
        .expect(200),
        json!([])
    );
}

fn users_memberships_and_tokens_whose_change_fails_stay_as_they_were(app: &TestApp) {
    let admin = app.admin();
    let users = || app.get("/api/v1/users", &admin).expect(200);
    let login = |email: &str| {
        app.send(
            "POST",
            "/api/v1/auth/login",
            &Cred::None,
            &json!({ "email": email, "password": PASSWORD }),
        )
        .status
    };
    let body = json!({ "email": "new@a.test", "name": "New Person", "role": "consultant", "password": PASSWORD });
    fails_whole(
        app,
        "creating a user",
        || audit_fails(app),
        users,
        || app.send("POST", "/api/v1/users", &admin, &body),
    );
    assert_eq!(login("new@a.test"), 200);

    // Changing the role ends the user's sessions, before the audit row.
    let (user, _) = app.user(&admin, "changing@a.test", "consultant");
    let session = app.login("changing@a.test", PASSWORD);
    let look = || {
        json!([
            app.get(&format!("/api/v1/users/{user}"), &admin)
                .expect(200),
            app.get("/api/v1/me", &session).status,
        ])
    };
    let changed = fails_whole(
        app,
        "renaming a user and changing their role",
        || audit_fails(app),
        look,
        || {
            app.send(
                "PATCH",
                &format!("/api/v1/users/{user}"),
                &admin,
                &json!({ "name": "Renamed Person", "role": "executive" }),
            )
        },
    );
    assert_eq!(
        (changed.body["name"].clone(), changed.body["role"].clone()),
        (json!("Renamed Person"), json!("executive"))
    );
    assert_eq!(app.get("/api/v1/me", &session).status, 401);

    let client = app.client(&admin, "Member Bank");
    let members = || {
        app.get(&format!("/api/v1/clients/{client}/members"), &admin)
            .expect(200)
    };
    fails_whole(
        app,
        "attaching an executive",
        || audit_fails(app),
        members,
        || {
            app.send(
                "POST",
                &format!("/api/v1/clients/{client}/members"),
                &admin,
                &json!({ "user_id": user }),
            )
        },
    )
    .expect(204);
    fails_whole(
        app,
        "detaching an executive",
        || audit_fails(app),
        members,
        || {
            app.request(
                "DELETE",
                &format!("/api/v1/clients/{client}/members/{user}"),
                &admin,
                None,
                "",
            )
        },
    )
    .expect(204);

    let (_, owner) = app.user(&admin, "owner@a.test", "consultant");
    // The secret-free part of the token list (`last_used_at` moves with every use).
    let tokens = || {
        let list = app.get("/api/v1/tokens", &owner).expect(200);
        Value::Array(
            list.as_array()
                .expect("tokens")
                .iter()
                .map(|t| json!([t["id"], t["name"], t["revoked_at"]]))
                .collect(),
        )
    };
    let created = fails_whole(
        app,
        "creating a token",
        || audit_fails(app),
        tokens,
        || {
            app.send(
                "POST",
                "/api/v1/tokens",
                &owner,
                &json!({ "name": "nightly" }),
            )
        },
    );
    let (token, secret) = (
        id_of(&created.body),
        Cred::Bearer(created.body["token"].as_str().expect("secret").to_owned()),
    );
    let works = || app.get("/api/v1/me", &secret).status;
    fails_whole(
        app,
        "revoking a token",
        || audit_fails(app),
        || json!([tokens(), works()]),
        || {
            app.request(
                "DELETE",
                &format!("/api/v1/tokens/{token}"),
                &owner,
                None,
                "",
            )
        },
    )
    .expect(204);
    assert_eq!(works(), 401);
}

fn kpis_values_panels_and_ranks_that_fail_part_way_store_nothing(app: &TestApp) {
    let admin = app.admin();
    let north = app.client(&admin, "North Bank");
    let south = app.client(&admin, "South Bank");
    let kpis = || app.get("/api/v1/kpis", &admin).expect(200);
    let kpi =
        json!({ "name": "Retention", "unit": "%", "direction": "higher", "kind": "behaviour" });
    // A definition is one row: the fault is on that row itself.
    let kpi = id_of(
        &fails_whole(
            app,
            "defining a KPI",
            || Fault::on(app, "INSERT", "kpis"),
            kpis,
            || app.send("POST", "/api/v1/kpis", &admin, &kpi),
        )
        .body,
    );
    app.send(
        "PUT",
        "/api/v1/kpis/values",
        &admin,
        &json!([{ "kpi_id": kpi, "client_id": north, "period": "2025", "value": 80.0 }]),
    )
    .expect(204);
    let values = || {
        let export = app.get("/api/v1/kpis/values.csv?period=2025", &admin);
        assert_eq!(export.status, 200);
        Value::String(String::from_utf8_lossy(&export.bytes).into_owned())
    };
    // One value replaced, one added, then the data version fails.
    fails_whole(
        app,
        "storing KPI values",
        || versions_fail(app),
        values,
        || {
            app.send(
                "PUT",
                "/api/v1/kpis/values",
                &admin,
                &json!([
                    { "kpi_id": kpi, "client_id": north, "period": "2025", "value": 85.5 },
                    { "kpi_id": kpi, "client_id": south, "period": "2025", "value": 60.0 },
                ]),
            )
        },
    );
    fails_whole(
        app,
        "importing KPI values from CSV",
        || versions_fail(app),
        values,
        || {
            app.request(
                "POST",
                "/api/v1/kpis/values.csv",
                &admin,
                Some("client,kpi,period,value\nNorth Bank,Retention,2025,90\nSouth Bank,Retention,2025,65\n"),
                "text/csv",
            )
        },
    );

    let panels = || app.get("/api/v1/panels", &admin).expect(200);
    let panel = id_of(
        &fails_whole(
            app,
            "defining a panel",
            || versions_fail(app),
            panels,
            || {
                app.send(
                    "POST",
                    "/api/v1/panels",
                    &admin,
                    &json!({ "name": "Experts", "period": "2025" }),
                )
            },
        )
        .body,
    );
    let ranks = || {
        json!([
            number(app, &format!("SELECT count(*) AS n FROM panel_ranks WHERE panel_id = {panel}")),
            number(app, &format!("SELECT CAST(COALESCE(SUM(rank * client_id), 0) AS BIGINT) AS n FROM panel_ranks WHERE panel_id = {panel}")),
            panels(),
        ])
    };
    let ranks_path = format!("/api/v1/panels/{panel}/ranks");
    app.send(
        "PUT",
        &ranks_path,
        &admin,
        &json!([{ "client_id": north, "rank": 1.0 }]),
    )
    .expect(204);
    // Replacing deletes the old ranks and inserts the new ones before the version.
    fails_whole(
        app,
        "replacing a panel's ranks",
        || versions_fail(app),
        ranks,
        || {
            app.send(
                "PUT",
                &ranks_path,
                &admin,
                &json!([{ "client_id": north, "rank": 2.0 }, { "client_id": south, "rank": 1.0 }]),
            )
        },
    );
    fails_whole(
        app,
        "importing panel ranks from CSV",
        || versions_fail(app),
        ranks,
        || {
            app.request(
                "POST",
                "/api/v1/panels/ranks.csv",
                &admin,
                Some("panel,period,client,rank\nExperts,2025,North Bank,1\nExperts,2025,South Bank,3\n"),
                "text/csv",
            )
        },
    );
}

fn project(name: &str, milestones: usize, depends_on: &[i64], version: Option<i64>) -> Value {
    json!({
        "name": name, "objective": format!("Deliver {name}"), "owner": "Olga Owner",
        "placement": { "kind": "row", "unit": "Retail" }, "areas": ["AP"],
        "start": "2026-07-01", "end": "2026-12-31", "status": "planned",
        "cost_planned": 1000.0, "cost_actual": null, "benefit_planned": 2500.0, "benefit_actual": null,
        "milestones": (0..milestones).map(|i| json!({ "name": format!("Step {i}"), "due": "2026-09-30", "done": null })).collect::<Vec<_>>(),
        "depends_on": depends_on, "version": version,
    })
}

fn programmes_and_projects_whose_change_fails_stay_as_they_were(app: &TestApp) {
    let admin = app.admin();
    app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Plan Bank");
    let list = || app.get("/api/v1/programmes", &admin).expect(200);
    let programme = id_of(
        &fails_whole(
            app,
            "starting a programme",
            || audit_fails(app),
            list,
            || {
                app.send(
                    "POST",
                    "/api/v1/programmes",
                    &admin,
                    &json!({ "client_id": client, "name": "Customer first", "business_units": ["Retail", "Business"] }),
                )
            },
        )
        .body,
    );
    let path = format!("/api/v1/programmes/{programme}");
    let detail = || {
        let mut d = app.get(&path, &admin).expect(200);
        // The report's "today" is not what these checks are about.
        d["report"] = Value::Null;
        d
    };
    let version = detail()["version"].as_i64().expect("version");
    let renamed = fails_whole(
        app,
        "renaming a programme and changing its grid",
        || audit_fails(app),
        detail,
        || {
            app.send(
                "PATCH",
                &path,
                &admin,
                &json!({ "version": version, "name": "Customers first", "business_units": ["Retail", "Business", "Wealth"] }),
            )
        },
    );
    assert_eq!(renamed.body["version"], version + 1);

    let projects = format!("{path}/projects");
    let first = id_of(
        &fails_whole(
            app,
            "adding a project with milestones",
            || audit_fails(app),
            detail,
            || {
                app.send(
                    "POST",
                    &projects,
                    &admin,
                    &project("Segments", 2, &[], None),
                )
            },
        )
        .body,
    );
    let version = detail()["project_versions"][first.to_string()]
        .as_i64()
        .expect("version");
    fails_whole(
        app,
        "replacing a project",
        || audit_fails(app),
        detail,
        || {
            app.send(
                "PUT",
                &format!("{projects}/{first}"),
                &admin,
                &project("Segments", 3, &[], Some(version)),
            )
        },
    );
    let mut second = project("Loyalty", 1, &[first], None);
    second["start"] = json!("2027-01-01");
    second["end"] = json!("2027-06-30");
    let second = id_of(&app.send("POST", &projects, &admin, &second).expect(201));
    fails_whole(
        app,
        "removing a project with a dependency and a milestone",
        || audit_fails(app),
        detail,
        || app.request("DELETE", &format!("{projects}/{second}"), &admin, None, ""),
    )
    .expect(204);
}

/// The area sheets' columns of the offline workbook.
const INTENTION: usize = 4;
const REALITY: usize = 5;

/// Reads a workbook, sets (intention, reality) of the given questions, and writes it again.
fn filled(bytes: &[u8], answers: &[(&str, f64, f64)]) -> Vec<u8> {
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an XLSX file");
    let mut out = rust_xlsxwriter::Workbook::new();
    for name in book.sheet_names().to_vec() {
        let range = book.worksheet_range(&name).expect("a sheet");
        let sheet = out.add_worksheet();
        sheet.set_name(&name).expect("name");
        let (rows, columns) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
        for r in 0..rows {
            let mut row: Vec<Data> = (0..columns.max(REALITY as u32 + 1))
                .map(|c| range.get_value((r, c)).cloned().unwrap_or(Data::Empty))
                .collect();
            if let Some(&(_, i, re)) = answers
                .iter()
                .find(|(q, _, _)| row.first() == Some(&Data::String((*q).to_owned())))
            {
                row[INTENTION] = Data::Float(i);
                row[REALITY] = Data::Float(re);
            }
            for (c, cell) in (0u16..).zip(&row) {
                match cell {
                    Data::String(s) => {
                        sheet.write_string(r, c, s).expect("cell");
                    }
                    Data::Float(f) => {
                        sheet.write_number(r, c, *f).expect("cell");
                    }
                    Data::Int(i) => {
                        sheet.write_number(r, c, *i as f64).expect("cell");
                    }
                    _ => {}
                }
            }
        }
    }
    out.save_to_buffer().expect("xlsx")
}

fn a_workbook_upload_that_fails_after_its_first_answer_stores_none_of_them(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Offline Bank");
    let id = app.draft(&admin, client, questionnaire);
    let download = app.get(&format!("/api/v1/assessments/{id}/workbook.xlsx"), &admin);
    assert_eq!(download.status, 200);
    let upload = filled(
        &download.bytes,
        &[
            ("AP.1.1", 6.0, 4.0),
            ("AP.1.2", 5.0, 5.0),
            ("ME.1.1", 2.0, 1.0),
        ],
    );
    let look = || {
        json!([
            assessment(app, &admin, id),
            app.get(&format!("/api/v1/assessments/{id}/scores"), &admin)
                .expect(200),
        ])
    };
    // The first answer's score and audit row are written; the second audit row fails.
    let done = fails_whole(
        app,
        "uploading a workbook of three answers",
        || Fault::on_insert_after(app, "audit_events", 1),
        look,
        || {
            app.upload(
                &format!("/api/v1/assessments/{id}/workbook"),
                &admin,
                &upload,
                XLSX,
            )
        },
    );
    assert_eq!(done.body, json!({ "saved": 3, "unchanged": 0 }));
    assert_eq!(assessment(app, &admin, id)["status"], "in_progress");
}

fn an_erasure_that_fails_at_its_last_step_erases_nothing_and_an_unaudited_export_is_not_served(
    app: &TestApp,
) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Erased Bank");
    let kept = app.client(&admin, "Kept Bank");
    for c in [client, kept] {
        let id = app.draft(&admin, c, questionnaire);
        app.finalise_mini(&admin, id, (6, 4), "seen in the review");
    }
    let (exec, _) = app.user(&admin, "ceo@erased.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        &admin,
        &json!({ "user_id": exec }),
    )
    .expect(204);
    let kpi = id_of(
        &app.send(
            "POST",
            "/api/v1/kpis",
            &admin,
            &json!({ "name": "Churn", "unit": "%", "direction": "lower", "kind": "behaviour" }),
        )
        .expect(201),
    );
    app.send(
        "PUT",
        "/api/v1/kpis/values",
        &admin,
        &json!([{ "kpi_id": kpi, "client_id": client, "period": "2025", "value": 4.5 }]),
    )
    .expect(204);
    app.send(
        "POST",
        "/api/v1/programmes",
        &admin,
        &json!({ "client_id": client, "name": "Rescue", "business_units": ["Retail"] }),
    )
    .expect(201);

    // Exporting a client's data is audited; unaudited, it is not served.
    let export = format!("/api/v1/clients/{client}/export.json");
    let events = || app.get("/api/v1/audit?limit=1000", &admin).expect(200);
    let served = fails_whole(
        app,
        "exporting a client's data",
        || audit_fails(app),
        events,
        || app.get(&export, &admin),
    );
    assert!(served.body["assessments"].is_array(), "{}", served.body);

    // Erasing blanks the audit payloads, deletes, bumps both versions, then audits.
    let look = || {
        json!([
            app.get("/api/v1/clients", &admin).expect(200),
            app.get("/api/v1/assessments", &admin).expect(200),
            app.get("/api/v1/programmes", &admin).expect(200),
            events(),
        ])
    };
    let erased = fails_whole(
        app,
        "erasing a client",
        || audit_fails(app),
        look,
        || {
            app.send(
                "DELETE",
                &format!("/api/v1/clients/{client}"),
                &admin,
                &json!({ "confirm": "Erased Bank" }),
            )
        },
    );
    assert_eq!(erased.body["assessments"], 1);
    app.get(&format!("/api/v1/clients/{client}"), &admin)
        .problem(404, "not_found");
    app.get(&format!("/api/v1/clients/{kept}"), &admin)
        .expect(200);
}

fn a_password_change_that_fails_to_end_the_sessions_keeps_the_old_password(app: &TestApp) {
    let admin = app.admin();
    let (_, user) = app.user(&admin, "forgetful@a.test", "consultant");
    let status = |password: &str| {
        app.send(
            "POST",
            "/api/v1/auth/login",
            &Cred::None,
            &json!({ "email": "forgetful@a.test", "password": password }),
        )
        .status
    };
    let new_password = "a-new-and-longer-password";
    // The hash is written, then ending the user's sessions fails.
    fails_whole(
        app,
        "changing a password",
        || Fault::on(app, "DELETE", "sessions"),
        || json!([status(PASSWORD), status(new_password)]),
        || {
            app.send(
                "POST",
                "/api/v1/auth/password",
                &user,
                &json!({ "current_password": PASSWORD, "new_password": new_password }),
            )
        },
    )
    .expect(204);
    assert_eq!(status(new_password), 200);
}
