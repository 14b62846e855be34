//! Every list paged on the server with its total, and each role's home.

use crate::browser::Browser;
use crate::helpers::{TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(
    every_list_of_the_api_is_searched_sorted_and_paged_with_its_total,
    each_role_starts_on_its_own_home,
);

fn total(answer: &crate::helpers::Answer) -> i64 {
    answer
        .header("x-total-count")
        .and_then(|t| t.parse().ok())
        .expect("a total")
}

fn every_list_of_the_api_is_searched_sorted_and_paged_with_its_total(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let harbour = app.client(&admin, "Harbour Bank");
    let fjord = app.client(&admin, "Fjord Mutual");
    for client in [harbour, harbour, fjord] {
        app.draft(&admin, client, questionnaire);
    }
    for (email, name) in [("zoe@a.test", "Zoe Zander"), ("amy@a.test", "Amy Archer")] {
        app.send(
            "POST",
            "/api/v1/users",
            &admin,
            &json!({ "email": email, "name": name, "role": "consultant", "password": PASSWORD }),
        )
        .expect(201);
    }
    for name in ["Retention", "Revenue growth", "Churn"] {
        app.send(
            "POST",
            "/api/v1/kpis",
            &admin,
            &json!({ "name": name, "unit": "%", "direction": "higher", "kind": "financial" }),
        )
        .expect(201);
    }

    let found = app.get("/api/v1/assessments?q=harb&per_page=1", &admin);
    assert_eq!(total(&found), 2);
    assert!(found
        .header("link")
        .unwrap_or_default()
        .contains("rel=\"next\""));
    assert_eq!(found.expect(200).as_array().map(Vec::len), Some(1));
    let by_status = app.get(
        "/api/v1/assessments?status=draft&sort=assessment_date",
        &admin,
    );
    assert_eq!(total(&by_status), 3);

    let users = app.get("/api/v1/users?sort=-name&per_page=2", &admin);
    assert_eq!(total(&users), 3);
    let names: Vec<String> = users
        .expect(200)
        .as_array()
        .expect("users")
        .iter()
        .filter_map(|u| u["name"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(names[0], "Zoe Zander");
    assert_eq!(total(&app.get("/api/v1/users?q=ARCHER", &admin)), 1);

    let kpis = app.get("/api/v1/kpis?q=re&sort=-name", &admin);
    assert_eq!(total(&kpis), 2);
    let kpis = kpis.expect(200);
    assert_eq!(kpis[0]["name"], "Revenue growth");

    let tokens = app.get("/api/v1/tokens", &admin);
    assert!(total(&tokens) >= 1);
    assert_eq!(total(&app.get("/api/v1/programmes", &admin)), 0);
    for list in [
        "users",
        "kpis",
        "tokens",
        "programmes",
        "panels",
        "assessments",
        "clients",
    ] {
        app.get(&format!("/api/v1/{list}?sort=nonsense"), &admin)
            .problem(422, "bad_sort");
        app.get(&format!("/api/v1/{list}?per_page=0"), &admin)
            .problem(422, "bad_per_page");
    }

    // The assessments page lists the same, searched and paged.
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let page = browser.get("/assessments?q=fjord");
    assert!(
        page.body.contains(">Fjord Mutual</a>")
            && !page.body.contains(">Harbour Bank</a>")
            && page.body.contains("1 in all"),
        "{}",
        page.body
    );
}

fn each_role_starts_on_its_own_home(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let first = app.draft(&admin, client, questionnaire);
    app.finalise_mini(&admin, first, (4, 3), "first wave");
    let second = app.draft(&admin, client, questionnaire);
    app.finalise_mini(&admin, second, (8, 7), "second wave");
    let other = app.client(&admin, "Other Bank");
    let theirs = app.draft(&admin, other, questionnaire);
    app.finalise_mini(&admin, theirs, (2, 2), "low");
    app.draft(&admin, other, questionnaire);
    let (exec_id, _) = app.user(&admin, "exec@a.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        &admin,
        &json!({ "user_id": exec_id }),
    )
    .expect(204);
    // Made, never logged in (the helper's users log in to get their token).
    app.send(
        "POST",
        "/api/v1/users",
        &admin,
        &json!({ "email": "idle@a.test", "name": "Ivy Idle", "role": "consultant", "password": PASSWORD }),
    )
    .expect(201);

    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let home = browser.get("/").body;
    assert!(
        home.contains("<strong>1</strong> draft")
            && home.contains("<strong>3</strong> final")
            && home.contains("My work")
            && home.contains("Needs looking after")
            && home.contains("Ivy Idle <span class=\"muted\">· Consultant · never logged in")
            && !home.contains("exec@a.test <span"),
        "{home}"
    );

    let mut executive = Browser::new(app);
    executive.login("exec@a.test", PASSWORD);
    let home = executive.get("/").body;
    assert!(
        home.contains("<h1>Your clients</h1>")
            && home.contains(">Harbour Bank</a>")
            && !home.contains("Other Bank")
            && home.contains("since the previous assessment")
            && home.contains("top quartile")
            && home.contains("Scores over time: Harbour Bank")
            && home.contains("<svg"),
        "{home}"
    );
    assert!(
        home.contains("<span class=\"badge up\">+"),
        "the score went up: {home}"
    );
    // The reader chooses the lines: one area ticked, one line besides the overall score.
    let chosen = executive.get(&format!("/?client_id={client}&area=AP")).body;
    assert!(chosen.contains("value=\"AP\" checked"), "{chosen}");
}
