//! Every report in two editions: the client's (nobody's name beside a score,
//! no raw answers, disagreements counted) and the consultancy's working
//! edition, which executives and programme managers never reach. And a
//! company counts once in the benchmarks.

use crate::browser::Browser;
use crate::helpers::{Cred, TestApp, PASSWORD};
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(
    the_client_edition_names_nobody_beside_a_score_and_only_staff_reach_the_working_one,
    a_company_counts_once_and_a_scoped_assessment_says_what_it_is_compared_with,
);

fn score(app: &TestApp, cred: &Cred, id: i64, question: &str, (i, r): (i64, i64), note: &str) {
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/{question}"),
        cred,
        &json!({ "intention": i, "reality": r, "evidence": note }),
    )
    .expect(200);
}

fn html(app: &TestApp, cred: &Cred, path: &str) -> String {
    let answer = app.get(path, cred);
    assert_eq!(answer.status, 200, "GET {path}");
    answer.body.as_str().unwrap_or_default().to_owned()
}

fn the_client_edition_names_nobody_beside_a_score_and_only_staff_reach_the_working_one(
    app: &TestApp,
) {
    let admin = app.admin();
    let (lead_id, lead) = app.user(&admin, "lena.lead@a.test", "consultant");
    let (co_id, co) = app.user(&admin, "colin.co@a.test", "consultant");
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let id = app
        .send(
            "POST",
            "/api/v1/assessments",
            &admin,
            &json!({ "client_id": client, "questionnaire_id": questionnaire,
                     "assessment_date": "2026-11-01", "lead_assessor_id": lead_id,
                     "assessor_ids": [co_id] }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    score(app, &lead, id, "AP.1.1", (8, 6), "Segmentation model seen");
    score(app, &co, id, "AP.1.1", (3, 2), "No campaign uses it"); // 5 apart
    for q in ["AP.1.2", "ME.1.1"] {
        score(app, &lead, id, q, (5, 5), "Seen");
        score(app, &co, id, q, (5, 4), "Seen");
    }
    app.finalise(&lead, id);

    let scorecard = format!("/api/v1/assessments/{id}/scorecard.html");
    let client_edition = html(app, &admin, &scorecard);
    let working = html(app, &admin, &format!("{scorecard}?edition=working"));
    assert!(
        working.contains("colin.co@a.test: Intention 3, Reality 2")
            && working.contains("lena.lead@a.test: Segmentation model seen")
            && working.contains("Working edition"),
        "{working}"
    );
    assert!(
        client_edition.contains("differed by 3 points or more on 1 of the questions"),
        "{client_edition}"
    );
    for raw in [
        "Intention 3, Reality 2",
        "colin.co@a.test: ",
        "lena.lead@a.test: ",
        "No campaign uses it",
        "Working edition",
    ] {
        assert!(!client_edition.contains(raw), "{raw} in the client edition");
    }
    // The same scores and findings in both.
    let headline = |page: &str| {
        page.split("<section class=\"headline\"")
            .nth(1)
            .map(|s| s[..400].to_owned())
    };
    assert_eq!(headline(&client_edition), headline(&working));

    // Executives read the client edition and never the working one, by any URL.
    let (exec_id, exec) = app.user(&admin, "ceo@harbour.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        &admin,
        &json!({ "user_id": exec_id }),
    )
    .expect(204);
    let programme = app.programme(&admin, client, "Grow");
    assert!(!html(app, &exec, &scorecard).contains("No campaign uses it"));
    for path in [
        format!("{scorecard}?edition=working"),
        format!("/api/v1/assessments/{id}/scorecard.pdf?edition=working"),
        format!("/api/v1/assessments/{id}/scorecard.docx?edition=working"),
        format!("/api/v1/programmes/{programme}/report.docx?edition=working"),
        format!("/api/v1/programmes/{programme}/report.pdf?edition=working"),
        format!("/api/v1/programmes/{programme}/report.html?edition=working"),
        "/api/v1/analysis/portfolio.pdf?edition=working".to_owned(),
    ] {
        app.get(&path, &exec).problem(403, "role_not_allowed");
    }
    app.get(&format!("{scorecard}?edition=draft"), &admin)
        .problem(400, "bad_query");
    let mut browser = Browser::new(app);
    browser.login("ceo@harbour.test", PASSWORD);
    assert_eq!(
        browser
            .get(&format!("/assessments/{id}/scorecard?edition=working"))
            .status,
        403
    );
    let page = browser.get(&format!("/assessments/{id}/scorecard"));
    assert!(page.status == 200 && !page.body.contains("No campaign uses it"));
    // Staff choose, on the command line as in the API.
    let staff = html(
        app,
        &admin,
        &format!("/api/v1/programmes/{programme}/report.html?edition=working"),
    );
    assert!(staff.contains("Grow"));
}

/// A final mini assessment of `client` on `date`, of a scope if given.
fn final_of(
    app: &TestApp,
    admin: &Cred,
    (client, questionnaire): (i64, i64),
    date: &str,
    unit: Option<&str>,
    score: i64,
) -> i64 {
    let scope = unit.map_or(json!({}), |u| json!({ "business_unit": u }));
    let id = app
        .send(
            "POST",
            "/api/v1/assessments",
            admin,
            &json!({ "client_id": client, "questionnaire_id": questionnaire,
                     "assessment_date": date, "scope": scope }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    app.finalise_mini(admin, id, (score, score), "Seen");
    id
}

/// "(N companies)" or "(N assessments)" and the group before it.
fn standing(app: &TestApp, cred: &Cred, id: i64) -> String {
    let page = html(
        app,
        cred,
        &format!("/api/v1/assessments/{id}/scorecard.html"),
    );
    let start = page.find("Percentile ").expect("a standing sentence");
    let end = start + page[start..].find(")").expect(")") + 1;
    page[start..end].replace("&#x27;", "'")
}

fn a_company_counts_once_and_a_scoped_assessment_says_what_it_is_compared_with(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let clients: Vec<i64> = (0..4)
        .map(|n| app.client(&admin, &format!("Company {n}")))
        .collect();
    // Company 0: two whole-company waves and two business units.
    let latest = final_of(
        app,
        &admin,
        (clients[0], questionnaire),
        "2026-06-01",
        None,
        6,
    );
    final_of(
        app,
        &admin,
        (clients[0], questionnaire),
        "2025-06-01",
        None,
        3,
    );
    let retail = final_of(
        app,
        &admin,
        (clients[0], questionnaire),
        "2026-06-02",
        Some("Retail"),
        7,
    );
    final_of(
        app,
        &admin,
        (clients[0], questionnaire),
        "2026-06-03",
        Some("Corporate"),
        4,
    );
    for (n, client) in clients.iter().enumerate().skip(1) {
        final_of(
            app,
            &admin,
            (*client, questionnaire),
            "2026-05-01",
            None,
            n as i64 + 2,
        );
    }
    let whole = standing(app, &admin, latest);
    assert!(whole.contains("in the portfolio (4 companies)"), "{whole}");
    let scoped = standing(app, &admin, retail);
    assert!(
        scoped.contains("in the portfolio's whole-company results (4 companies)"),
        "{scoped}"
    );
    // Five business units make a group of their own.
    for client in &clients[1..4] {
        final_of(
            app,
            &admin,
            (*client, questionnaire),
            "2026-06-04",
            Some("Retail"),
            5,
        );
    }
    let scoped = standing(app, &admin, retail);
    assert!(
        scoped.contains("in the portfolio's business unit assessments (5 assessments)"),
        "{scoped}"
    );
    assert!(standing(app, &admin, latest).contains("(4 companies)"));
}
