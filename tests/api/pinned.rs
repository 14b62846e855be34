//! Limits, list filters and orders, and what feeds a scorecard, pinned with
//! numbers: each limit at its value and one past it, each list against the
//! order worked out here from what the test sent, and the scorecard's
//! benchmark and history against figures computed here from the scores.

use crate::helpers::{Answer, Cred, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use crate::storage::{assert_unchanged, Snapshot};
use serde_json::{json, Value};

on_both_backends!(
    an_assessment_takes_twenty_co_assessors_when_created_or_added_and_refuses_twenty_one,
    text_fields_take_their_limit_in_characters_and_refuse_one_more,
    json_bodies_are_read_up_to_256_kib_and_refused_from_one_byte_more,
    files_are_read_up_to_their_limits_and_refused_from_one_byte_more,
    programme_lists_take_100_entries_and_audit_pages_1000_events,
    the_assessment_list_filters_by_client_and_status_newest_first,
    clients_are_listed_by_name_and_executives_see_only_their_own,
    a_scorecard_benchmarks_against_the_latest_whole_company_final_of_every_other_company,
    a_scorecards_history_is_the_earlier_finals_of_its_own_client_and_scope,
);

const SHORT: usize = 200;
const LONG: usize = 10_000;
const JSON_LIMIT: usize = 256 * 1024;

fn id_of(body: &Value) -> i64 {
    body["id"].as_i64().expect("an id")
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|a| a["id"].as_i64().expect("an id"))
        .collect()
}

fn me(app: &TestApp, cred: &Cred) -> i64 {
    app.get("/api/v1/me", cred).expect(200)["user"]["id"]
        .as_i64()
        .expect("id")
}

/// A user made by the admin without logging them in.
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

fn client(app: &TestApp, cred: &Cred, name: &str, sector: &str) -> i64 {
    id_of(
        &app.send(
            "POST",
            "/api/v1/clients",
            cred,
            &json!({ "name": name, "sector": sector, "size_band": "1,000–5,000", "region": "Nordics" }),
        )
        .expect(201),
    )
}

fn an_assessment_takes_twenty_co_assessors_when_created_or_added_and_refuses_twenty_one(
    app: &TestApp,
) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Crowded Bank");
    let users: Vec<i64> = (0..22)
        .map(|i| new_user(app, &admin, &format!("assessor{i}@a.test"), "consultant"))
        .collect();
    let create = |team: &[i64]| {
        app.send(
            "POST",
            "/api/v1/assessments",
            &admin,
            &json!({ "client_id": client, "questionnaire_id": questionnaire,
                     "assessment_date": "2026-05-04", "assessor_ids": team }),
        )
    };
    let before = Snapshot::of(app);
    let refused = create(&users[..21]).problem(422, "too_many_assessors");
    assert!(
        refused["detail"].as_str().is_some_and(|d| d.contains("20")),
        "{refused}"
    );
    assert_unchanged(app, &before, "an assessment with 21 co-assessors");

    let made = create(&users[..20]).expect(201);
    let mut team: Vec<i64> = made["assessor_ids"]
        .as_array()
        .expect("team")
        .iter()
        .filter_map(Value::as_i64)
        .collect();
    team.sort_unstable();
    let mut expected = users[..20].to_vec();
    expected.push(me(app, &admin));
    expected.sort_unstable();
    assert_eq!(team, expected, "the lead and the twenty co-assessors");

    // A full team takes nobody more.
    let id = id_of(&made);
    let before = Snapshot::of(app);
    app.send(
        "POST",
        &format!("/api/v1/assessments/{id}/assessors"),
        &admin,
        &json!({ "user_id": users[21] }),
    )
    .problem(422, "too_many_assessors");
    assert_unchanged(app, &before, "adding a 22nd assessor");

    // Adding stops where creating does: at twenty co-assessors besides the lead.
    let short = id_of(&create(&users[..19]).expect(201));
    let add = |user: i64| {
        app.send(
            "POST",
            &format!("/api/v1/assessments/{short}/assessors"),
            &admin,
            &json!({ "user_id": user }),
        )
    };
    let added = add(users[19]).expect(200);
    assert_eq!(added["assessor_ids"].as_array().map(Vec::len), Some(21));
    add(users[20]).problem(422, "too_many_assessors");
}

/// A text of `n` two-byte characters: limits count characters, not bytes.
fn text(n: usize) -> String {
    "é".repeat(n)
}

#[track_caller]
fn too_long(answer: Answer, field: &str, limit: usize) {
    let body = answer.problem(422, "field_too_long");
    let detail = body["detail"].as_str().unwrap_or("");
    assert!(
        detail.contains(&format!("`{field}`"))
            && detail.contains(&format!("{} characters", limit + 1))
            && detail.contains(&format!("the limit is {limit}")),
        "{body}"
    );
}

/// Sends `send` with a text one past `limit` (refused, naming the field, nothing
/// stored) and with one at `limit` (accepted); returns the accepted answer.
#[track_caller]
fn at_limit(
    app: &TestApp,
    field: &str,
    limit: usize,
    mut send: impl FnMut(&str) -> Answer,
) -> Value {
    let before = Snapshot::of(app);
    too_long(send(&text(limit + 1)), field, limit);
    assert_unchanged(app, &before, field);
    let answer = send(&text(limit));
    assert!(
        answer.status < 300,
        "{field} at {limit} characters: {} {}",
        answer.status,
        answer.body
    );
    answer.body
}

fn text_fields_take_their_limit_in_characters_and_refuse_one_more(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let post = |path: &str, body: Value| app.send("POST", path, &admin, &body);
    let new_client = |name: &str, sector: &str| {
        post(
            "/api/v1/clients",
            json!({ "name": name, "sector": sector, "size_band": "b", "region": "r" }),
        )
    };

    let made = at_limit(app, "name", SHORT, |t| new_client(t, "Insurance"));
    assert_eq!(
        made["name"].as_str().map(|n| n.chars().count()),
        Some(SHORT)
    );
    at_limit(app, "sector", SHORT, |t| new_client("Sector Bank", t));
    // Surrounding blanks are trimmed before the count.
    let other = "ü".repeat(SHORT);
    let padded = new_client(&format!("  {other}  "), "Insurance").expect(201);
    assert_eq!(padded["name"].as_str(), Some(other.as_str()));

    let mut n = 0;
    at_limit(app, "name", SHORT, |t| {
        n += 1;
        post(
            "/api/v1/users",
            json!({ "email": format!("long{n}@a.test"), "name": t, "role": "consultant", "password": PASSWORD }),
        )
    });
    at_limit(app, "name", SHORT, |t| {
        post("/api/v1/tokens", json!({ "name": t }))
    });
    at_limit(app, "name", SHORT, |t| {
        post(
            "/api/v1/kpis",
            json!({ "name": t, "unit": "%", "direction": "higher", "kind": "financial" }),
        )
    });
    at_limit(app, "unit", SHORT, |t| {
        post(
            "/api/v1/kpis",
            json!({ "name": "Unit KPI", "unit": t, "direction": "higher", "kind": "financial" }),
        )
    });
    at_limit(app, "period", SHORT, |t| {
        post("/api/v1/panels", json!({ "name": "Panel", "period": t }))
    });

    let client = app.client(&admin, "Scoped Bank");
    let scoped = at_limit(app, "scope.business_unit", SHORT, |t| {
        post(
            "/api/v1/assessments",
            json!({ "client_id": client, "questionnaire_id": questionnaire,
                    "assessment_date": "2026-05-04", "scope": { "business_unit": t } }),
        )
    });
    let id = id_of(&scoped);
    let score = |q: &str, body: Value| {
        app.send(
            "PUT",
            &format!("/api/v1/assessments/{id}/scores/{q}"),
            &admin,
            &body,
        )
    };
    let saved = at_limit(app, "evidence", LONG, |t| {
        score(
            "AP.1.1",
            json!({ "intention": 5, "reality": 5, "evidence": t, "version": 0 }),
        )
    });
    assert_eq!(
        saved["evidence"].as_str().map(|e| e.chars().count()),
        Some(LONG)
    );
    at_limit(app, "na_reason", LONG, |t| {
        score(
            "ME.1.1",
            json!({ "not_applicable": true, "na_reason": t, "version": 0 }),
        )
    });
    at_limit(app, "evidence", LONG, |t| {
        app.send(
            "PUT",
            &format!("/api/v1/assessments/{id}/agreed/AP.1.2"),
            &admin,
            &json!({ "intention": 5, "reality": 5, "evidence": t }),
        )
    });

    let planned = app.client(&admin, "Planned Bank");
    let programme = id_of(&at_limit(app, "name", SHORT, |t| {
        post(
            "/api/v1/programmes",
            json!({ "client_id": planned, "name": t, "business_units": ["Retail"] }),
        )
    }));
    let project = |name: &str, objective: &str| {
        post(
            &format!("/api/v1/programmes/{programme}/projects"),
            json!({
                "name": name, "objective": objective, "owner": "Olga Owner",
                "placement": { "kind": "row", "unit": "Retail" }, "areas": ["AP"],
                "start": "2026-07-01", "end": "2026-12-31", "status": "planned",
                "cost_planned": 1.0, "benefit_planned": 2.0,
            }),
        )
    };
    at_limit(app, "objective", LONG, |t| project("Objective", t));
    at_limit(app, "name", SHORT, |t| project(t, "Win"));
}

/// A client body padded with blanks to exactly `size` bytes.
fn padded_client(size: usize) -> String {
    let body = json!({ "name": "Padded Bank", "sector": "s", "size_band": "b", "region": "r" })
        .to_string();
    let mut text = body[..body.len() - 1].to_owned();
    text.push_str(&" ".repeat(size - body.len()));
    text.push('}');
    assert_eq!(text.len(), size);
    text
}

fn json_bodies_are_read_up_to_256_kib_and_refused_from_one_byte_more(app: &TestApp) {
    let admin = app.admin();
    let send = |size: usize| {
        app.request(
            "POST",
            "/api/v1/clients",
            &admin,
            Some(&padded_client(size)),
            "application/json",
        )
    };
    let before = Snapshot::of(app);
    let refused = send(JSON_LIMIT + 1).problem(413, "body_too_large");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains(&JSON_LIMIT.to_string())),
        "{refused}"
    );
    assert_unchanged(app, &before, "a JSON body of 256 KiB and a byte");
    assert_eq!(send(JSON_LIMIT).expect(201)["name"], "Padded Bank");
}

fn files_are_read_up_to_their_limits_and_refused_from_one_byte_more(app: &TestApp) {
    let admin = app.admin();
    let csv_limit = 8 * 1024 * 1024;
    app.client(&admin, "Alpha Bank");
    app.send(
        "POST",
        "/api/v1/kpis",
        &admin,
        &json!({ "name": "Churn", "unit": "%", "direction": "lower", "kind": "behaviour" }),
    )
    .expect(201);
    // One row whose last cell is padded with blanks (trimmed) to the size.
    let csv = |size: usize| {
        let head = "client,kpi,period,value\nAlpha Bank,Churn,2025,4.5";
        format!("{head}{}\n", " ".repeat(size - head.len() - 1))
    };
    let post =
        |path: &str, body: &[u8], content_type: &str| app.upload(path, &admin, body, content_type);
    let before = Snapshot::of(app);
    let refused = post(
        "/api/v1/kpis/values.csv",
        csv(csv_limit + 1).as_bytes(),
        "text/csv",
    )
    .problem(413, "body_too_large");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains(&csv_limit.to_string())),
        "{refused}"
    );
    assert_unchanged(app, &before, "a CSV file of 8 MiB and a byte");
    let imported = post(
        "/api/v1/kpis/values.csv",
        csv(csv_limit).as_bytes(),
        "text/csv",
    )
    .expect(200);
    assert_eq!(imported["rows"], 1);

    // A questionnaire file: 1 MiB, padded with a TOML comment.
    let toml_limit = 1024 * 1024;
    let toml = |size: usize| {
        let source = include_str!("../fixtures/mini.toml");
        format!("{source}#{}\n", "x".repeat(size - source.len() - 2))
    };
    let before = Snapshot::of(app);
    post(
        "/api/v1/questionnaires",
        toml(toml_limit + 1).as_bytes(),
        "application/toml",
    )
    .problem(413, "body_too_large");
    assert_unchanged(app, &before, "a questionnaire file of 1 MiB and a byte");
    let imported = post(
        "/api/v1/questionnaires",
        toml(toml_limit).as_bytes(),
        "application/toml",
    )
    .expect(201);
    assert_eq!(imported["key"], "mini");

    // A workbook: 5 MiB is read (and judged), a byte more is not.
    let questionnaire = id_of(&imported);
    let client = app.client(&admin, "Workbook Bank");
    let id = app.draft(&admin, client, questionnaire);
    let path = format!("/api/v1/assessments/{id}/workbook");
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let workbook_limit = 5 * 1024 * 1024;
    post(&path, &vec![b'x'; workbook_limit + 1], xlsx).problem(413, "body_too_large");
    post(&path, &vec![b'x'; workbook_limit], xlsx).problem(422, "file_rejected");
}

fn programme_lists_take_100_entries_and_audit_pages_1000_events(app: &TestApp) {
    let admin = app.admin();
    let client = app.client(&admin, "Wide Bank");
    let units = |n: usize| (0..n).map(|i| format!("Unit {i}")).collect::<Vec<_>>();
    let start = |n: usize| {
        app.send(
            "POST",
            "/api/v1/programmes",
            &admin,
            &json!({ "client_id": client, "name": "Wide", "business_units": units(n) }),
        )
    };
    let before = Snapshot::of(app);
    let refused = start(101).problem(422, "too_many_items");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains("101") && d.contains("100")),
        "{refused}"
    );
    assert_unchanged(app, &before, "a programme of 101 business units");
    let programme = id_of(&start(100).expect(201));
    let grid = app
        .get(&format!("/api/v1/programmes/{programme}"), &admin)
        .expect(200)["grid"]["units"]
        .clone();
    assert_eq!(grid, json!(units(100)));

    app.get("/api/v1/audit?limit=1001", &admin)
        .problem(422, "limit_out_of_range");
    app.get("/api/v1/audit?limit=0", &admin)
        .problem(422, "limit_out_of_range");
    let all = app.get("/api/v1/audit?limit=1000", &admin).expect(200);
    let count = all.as_array().map_or(0, Vec::len);
    assert!(count >= 3, "{all}");
    let default = app.get("/api/v1/audit", &admin).expect(200);
    assert_eq!(
        default, all,
        "fewer than the default 200 events: all of them"
    );
    let one = app.get("/api/v1/audit?limit=1", &admin).expect(200);
    assert_eq!(one, json!([all[0].clone()]), "the newest");
}

/// Starts an assessment and, when `status` asks, scores and moves it there.
#[expect(
    clippy::too_many_arguments,
    reason = "one assessment of a planned portfolio"
)]
fn assessment_with(
    app: &TestApp,
    cred: &Cred,
    client: i64,
    questionnaire: i64,
    date: &str,
    scope: Value,
    (ap, me): ((i64, i64), (i64, i64)),
    status: &str,
) -> i64 {
    let id = id_of(
        &app.send(
            "POST",
            "/api/v1/assessments",
            cred,
            &json!({ "client_id": client, "questionnaire_id": questionnaire,
                     "assessment_date": date, "scope": scope }),
        )
        .expect(201),
    );
    if status == "draft" {
        return id;
    }
    for (q, (i, r)) in [("AP.1.1", ap), ("AP.1.2", ap), ("ME.1.1", me)] {
        app.send(
            "PUT",
            &format!("/api/v1/assessments/{id}/scores/{q}"),
            cred,
            &json!({ "intention": i, "reality": r }),
        )
        .expect(200);
    }
    if status == "final" {
        app.finalise(cred, id);
    }
    id
}

/// An assessment made for a list: (id, client, date, status).
type Made = (i64, i64, &'static str, &'static str);

fn the_assessment_list_filters_by_client_and_status_newest_first(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let x = client(app, &admin, "Xylo Bank", "Banking");
    let y = client(app, &admin, "Yonder Bank", "Banking");
    let some = ((5, 5), (5, 5));
    // (client, date, status), created in this order; two share a date.
    let plan = [
        (x, "2025-01-10", "final"),
        (y, "2025-03-01", "final"),
        (x, "2026-02-01", "draft"),
        (x, "2025-06-01", "final"),
        (y, "2026-01-01", "in_progress"),
        (x, "2025-06-01", "in_progress"),
        (x, "2024-11-30", "final"),
    ];
    let made: Vec<Made> = plan
        .iter()
        .map(|&(c, date, status)| {
            let id = assessment_with(app, &admin, c, questionnaire, date, json!({}), some, status);
            (id, c, date, status)
        })
        .collect();
    // Newest assessment date first; on the same date, the later one first.
    let expected = |keep: &dyn Fn(&Made) -> bool| {
        let mut chosen: Vec<&Made> = made.iter().filter(|a| keep(a)).collect();
        chosen.sort_by(|a, b| b.2.cmp(a.2).then(b.0.cmp(&a.0)));
        chosen.iter().map(|a| a.0).collect::<Vec<i64>>()
    };
    let list = |query: &str, cred: &Cred| {
        ids(&app
            .get(&format!("/api/v1/assessments{query}"), cred)
            .expect(200))
    };
    assert_eq!(list("", &admin), expected(&|_| true));
    assert_eq!(
        list(&format!("?client_id={x}"), &admin),
        expected(&|a| a.1 == x)
    );
    assert_eq!(
        list(&format!("?client_id={y}"), &admin),
        expected(&|a| a.1 == y)
    );
    assert_eq!(list("?status=final", &admin), expected(&|a| a.3 == "final"));
    assert_eq!(list("?status=draft", &admin), expected(&|a| a.3 == "draft"));
    assert_eq!(
        list("?status=in_progress", &admin),
        expected(&|a| a.3 == "in_progress")
    );
    assert_eq!(
        list(&format!("?client_id={x}&status=final"), &admin),
        expected(&|a| a.1 == x && a.3 == "final")
    );
    assert_eq!(
        list(&format!("?client_id={y}&status=draft"), &admin),
        Vec::<i64>::new()
    );
    assert_eq!(list(&format!("?client_id={x}"), &admin).len(), 5);
    assert_eq!(list("?client_id=424242", &admin), Vec::<i64>::new());

    // An executive of X sees X's finals only, whatever they ask for.
    let (exec, exec_cred) = app.user(&admin, "ceo@xylo.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{x}/members"),
        &admin,
        &json!({ "user_id": exec }),
    )
    .expect(204);
    let finals_of_x = expected(&|a| a.1 == x && a.3 == "final");
    assert_eq!(finals_of_x.len(), 3);
    assert_eq!(list("", &exec_cred), finals_of_x);
    assert_eq!(list(&format!("?client_id={x}"), &exec_cred), finals_of_x);
    assert_eq!(list("?status=draft", &exec_cred), Vec::<i64>::new());
    assert_eq!(
        list(&format!("?client_id={y}"), &exec_cred),
        Vec::<i64>::new()
    );
}

fn clients_are_listed_by_name_and_executives_see_only_their_own(app: &TestApp) {
    let admin = app.admin();
    // Names whose order is the same in every collation: capitals, then letters.
    let names = [
        "Delta Mutual",
        "Aurora Bank",
        "Cobalt Insurance",
        "Borealis Bank",
        "Aurora Banking",
    ];
    let made: Vec<(i64, &str)> = names
        .iter()
        .map(|n| (client(app, &admin, n, "Banking"), *n))
        .collect();
    let mut by_name = made.clone();
    by_name.sort_by(|a, b| a.1.cmp(b.1));
    let listed = app.get("/api/v1/clients", &admin).expect(200);
    assert_eq!(
        ids(&listed),
        by_name.iter().map(|c| c.0).collect::<Vec<_>>(),
        "{listed}"
    );
    let (_, consultant) = app.user(&admin, "consultant@a.test", "consultant");
    assert_eq!(app.get("/api/v1/clients", &consultant).expect(200), listed);

    let (exec, exec_cred) = app.user(&admin, "ceo@a.test", "executive");
    assert_eq!(
        app.get("/api/v1/clients", &exec_cred).expect(200),
        json!([])
    );
    for (id, name) in &made {
        if name.starts_with('A') || name.starts_with('D') {
            app.send(
                "POST",
                &format!("/api/v1/clients/{id}/members"),
                &admin,
                &json!({ "user_id": exec }),
            )
            .expect(204);
        }
    }
    let theirs: Vec<i64> = by_name
        .iter()
        .filter(|c| c.1.starts_with('A') || c.1.starts_with('D'))
        .map(|c| c.0)
        .collect();
    assert_eq!(
        ids(&app.get("/api/v1/clients", &exec_cred).expect(200)),
        theirs
    );
}

/// The percent of best practice of a question scored (intention, reality) on
/// the mini questionnaire: 0–10 scales, Intention weighted 0.5.
fn percent((i, r): (i64, i64)) -> f64 {
    0.5 * (i as f64 * 10.0) + 0.5 * (r as f64 * 10.0)
}

/// Hyndman–Fan type 7 (numpy's default) quantile.
fn quantile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let position = q * (sorted.len() - 1) as f64;
    let (lower, upper) = (position.floor() as usize, position.ceil() as usize);
    sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower as f64)
}

/// Mid-rank percentile: the share below, ties counting half.
fn percentile(values: &[f64], x: f64) -> f64 {
    let below = values.iter().filter(|v| **v < x).count() as f64;
    let equal = values.iter().filter(|v| **v == x).count() as f64;
    (below + equal / 2.0) / values.len() as f64 * 100.0
}

/// A final (or not) assessment of the portfolio with its known areas.
struct Scored {
    id: i64,
    client: &'static str,
    scope: Option<&'static str>,
    date: &'static str,
    ap: f64,
    me: f64,
    status: &'static str,
}

impl Scored {
    fn overall(&self) -> f64 {
        (self.ap + self.me) / 2.0
    }
}

/// A small portfolio, built in an order that tests "latest by date":
/// the subject (Aurora, whole company, 2026-03-10) with two earlier finals,
/// a later final and a draft; Aurora's Retail scope; Borealis's two finals
/// (the older one finalised last); Cobalt's final; Dune in progress; and
/// another organisation's final.
fn portfolio(app: &TestApp) -> (Cred, Vec<Scored>) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let clients = [
        ("Aurora", client(app, &admin, "Aurora", "Insurance")),
        ("Borealis", client(app, &admin, "Borealis", "Insurance")),
        ("Cobalt", client(app, &admin, "Cobalt", "Banking")),
        ("Dune", client(app, &admin, "Dune", "Insurance")),
    ];
    #[expect(clippy::type_complexity, reason = "one row of the plan")]
    let plan: [(&str, Option<&str>, &str, (i64, i64), (i64, i64), &str); 10] = [
        ("Aurora", None, "2024-02-10", (2, 2), (4, 4), "final"),
        ("Aurora", None, "2025-05-10", (4, 4), (7, 7), "final"),
        ("Aurora", None, "2026-03-10", (6, 6), (8, 8), "final"),
        ("Aurora", None, "2026-09-10", (10, 10), (10, 10), "final"),
        ("Aurora", None, "2025-12-01", (9, 9), (9, 9), "in_progress"),
        (
            "Aurora",
            Some("Retail"),
            "2025-06-01",
            (1, 1),
            (1, 1),
            "final",
        ),
        ("Borealis", None, "2025-01-01", (3, 3), (5, 5), "final"),
        ("Borealis", None, "2024-01-01", (0, 0), (0, 0), "final"),
        ("Cobalt", None, "2025-04-01", (8, 8), (6, 6), "final"),
        (
            "Dune",
            None,
            "2025-08-01",
            (10, 10),
            (10, 10),
            "in_progress",
        ),
    ];
    let scored = plan
        .iter()
        .map(|&(name, scope, date, ap, me, status)| {
            let client = clients.iter().find(|c| c.0 == name).expect("client").1;
            let scope_json = scope.map_or(json!({}), |s| json!({ "business_unit": s }));
            let id = assessment_with(
                app,
                &admin,
                client,
                questionnaire,
                date,
                scope_json,
                (ap, me),
                status,
            );
            Scored {
                id,
                client: name,
                scope,
                date,
                ap: percent(ap),
                me: percent(me),
                status,
            }
        })
        .collect();
    // Another organisation's excellent final is not in this one's portfolio.
    let other = app.other_organisation("admin@b.test");
    let their_questionnaire = app.mini_questionnaire(&other);
    let theirs = client(app, &other, "Zenith", "Insurance");
    assessment_with(
        app,
        &other,
        theirs,
        their_questionnaire,
        "2025-02-02",
        json!({}),
        ((10, 10), (10, 10)),
        "final",
    );
    (admin, scored)
}

/// The subject of the scorecard: Aurora's whole-company final of 2026-03-10.
fn subject(all: &[Scored]) -> &Scored {
    all.iter()
        .find(|s| s.client == "Aurora" && s.scope.is_none() && s.date == "2026-03-10")
        .expect("the subject")
}

/// The scorecard model as the service builds it for the admin.
fn model(app: &TestApp, id: i64) -> Value {
    use cmas::db::users::User;
    let admin = app
        .db
        .read(|conn| anyhow::Ok(User::find_by_email(conn, ADMIN_EMAIL)?))
        .expect("a read")
        .expect("the admin");
    let caller = admin.caller();
    let id = cmas::domain::ids::AssessmentId(i32::try_from(id).expect("an id"));
    let context = cmas::app::App::new(app.db.clone(), chrono::Duration::hours(1));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let card = cmas::app::scorecard::model(&context, &caller, id, Default::default(), today)
        .expect("the scorecard");
    serde_json::to_value(card).expect("JSON")
}

fn html(app: &TestApp, cred: &Cred, id: i64) -> String {
    let page = app.get(&format!("/api/v1/assessments/{id}/scorecard.html"), cred);
    assert_eq!(page.status, 200);
    String::from_utf8_lossy(&page.bytes).into_owned()
}

#[track_caller]
fn close(actual: &Value, expected: f64) {
    let value = actual.as_f64().unwrap_or(f64::NAN);
    assert!((value - expected).abs() < 1e-9, "{actual} ≠ {expected}");
}

fn a_scorecard_benchmarks_against_the_latest_whole_company_final_of_every_other_company(
    app: &TestApp,
) {
    let (admin, all) = portfolio(app);
    let own = subject(&all);
    // A company counts once: the latest whole-company final by assessment
    // date of every other client, and the subject.
    let mut latest: Vec<&Scored> = Vec::new();
    for s in all
        .iter()
        .filter(|s| s.status == "final" && s.scope.is_none())
    {
        if s.client == own.client {
            continue;
        }
        match latest
            .iter_mut()
            .find(|l| (l.client, l.scope) == (s.client, s.scope))
        {
            Some(kept) if kept.date >= s.date => {}
            Some(kept) => *kept = s,
            None => latest.push(s),
        }
    }
    latest.push(own);
    let names: Vec<(&str, Option<&str>, &str)> =
        latest.iter().map(|s| (s.client, s.scope, s.date)).collect();
    assert_eq!(
        names,
        [
            ("Borealis", None, "2025-01-01"),
            ("Cobalt", None, "2025-04-01"),
            ("Aurora", None, "2026-03-10"),
        ],
        "the benchmark group as worked out here"
    );
    let overall: Vec<f64> = latest.iter().map(|s| s.overall()).collect();
    let ap: Vec<f64> = latest.iter().map(|s| s.ap).collect();
    let me: Vec<f64> = latest.iter().map(|s| s.me).collect();
    let (p, median, top) = (
        percentile(&overall, own.overall()),
        quantile(&overall, 0.5),
        quantile(&overall, 0.75),
    );
    assert!(
        (p - 200.0 / 3.0).abs() < 1e-9 && (median, top) == (70.0, 70.0),
        "worked out by hand: one below, the subject tied with one"
    );

    let card = model(app, own.id);
    let standing = &card["summary"]["portfolio"];
    assert_eq!(standing["companies"], latest.len());
    close(&standing["percentile"], p);
    close(&standing["median"], median);
    close(&standing["top_quartile"], top);
    assert_eq!(standing["quartile"], 2);
    close(&card["summary"]["overall"], own.overall());
    assert!(
        card["summary"]["sector"].is_null(),
        "two Insurance companies are too few for a sector benchmark"
    );
    for (i, values, client) in [(0, &ap, own.ap), (1, &me, own.me)] {
        let area = &card["radar"][i];
        close(&area["client"], client);
        close(&area["median"], quantile(values, 0.5));
        close(&area["top_quartile"], quantile(values, 0.75));
    }

    let page = html(app, &admin, own.id);
    let sentence = format!(
        "Percentile {p:.0} in the portfolio ({} companies): second quarter. Median {median:.0}%, top quartile from {top:.0}%.",
        latest.len()
    );
    assert!(page.contains(&sentence), "`{sentence}` in the scorecard");
    assert!(
        !page.contains(" in the Insurance sector ("),
        "no sector standing"
    );
    let row = |name: &str, own: f64, values: &[f64], delta: &str| {
        format!(
            "<tr><td>{name}</td><td>{own:.0}%</td><td>{own:.0}%</td><td>{own:.0}%</td><td>{:.0}%</td><td>{:.0}%</td><td>{delta}</td></tr>",
            quantile(values, 0.5),
            quantile(values, 0.75)
        )
    };
    for expected in [
        row("Analysis &amp; Planning", own.ap, &ap, "+20"),
        row("Measurement", own.me, &me, "+10"),
    ] {
        assert!(page.contains(&expected), "`{expected}` in the scorecard");
    }
}

fn a_scorecards_history_is_the_earlier_finals_of_its_own_client_and_scope(app: &TestApp) {
    let (admin, all) = portfolio(app);
    let own = subject(&all);
    let mut history: Vec<&Scored> = all
        .iter()
        .filter(|s| {
            s.status == "final"
                && (s.client, s.scope) == (own.client, own.scope)
                && s.date < own.date
        })
        .collect();
    history.sort_by_key(|s| s.date);
    history.push(own);
    assert_eq!(
        history.iter().map(|s| s.date).collect::<Vec<_>>(),
        ["2024-02-10", "2025-05-10", "2026-03-10"],
        "the history as worked out here"
    );

    let card = model(app, own.id);
    let trend = card["trend"].as_array().expect("trend");
    assert_eq!(trend.len(), history.len(), "{trend:?}");
    for (point, s) in trend.iter().zip(&history) {
        assert_eq!(point["date"], s.date);
        close(&point["overall"], s.overall());
        close(&point["areas"][0], s.ap);
        close(&point["areas"][1], s.me);
    }
    // Change since the previous final of the same client and scope.
    let previous = history[history.len() - 2];
    close(&card["areas"][0]["delta"], own.ap - previous.ap);
    close(&card["areas"][1]["delta"], own.me - previous.me);

    let page = html(app, &admin, own.id);
    for label in ["Feb 2024", "May 2025", "Mar 2026"] {
        assert!(
            page.contains(&format!(">{label}</text>")),
            "{label} on the trend"
        );
    }
    for label in ["Sep 2026", "Jun 2025", "Dec 2025", "Jan 2024"] {
        assert!(
            !page.contains(&format!(">{label}</text>")),
            "{label} is not on the trend"
        );
    }

    // The first final of a client and scope has no history and no change.
    let first = all
        .iter()
        .find(|s| s.client == "Aurora" && s.date == "2024-02-10")
        .expect("first");
    let card = model(app, first.id);
    assert_eq!(card["trend"].as_array().map(Vec::len), Some(1));
    assert!(card["areas"][0]["delta"].is_null());
    assert!(html(app, &admin, first.id)
        .contains("This is the first final assessment of this client and scope"));
    // The later final sees the subject as its previous one.
    let later = all
        .iter()
        .find(|s| s.client == "Aurora" && s.date == "2026-09-10")
        .expect("later");
    let card = model(app, later.id);
    assert_eq!(card["trend"].as_array().map(Vec::len), Some(4));
    close(&card["areas"][0]["delta"], later.ap - own.ap);
}
