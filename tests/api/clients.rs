//! Clients as a product: found by part of their name, filtered, sorted and
//! paged on the server; names unique in an organisation however they are
//! typed; a page per client; lists imported from CSV; downloads named after
//! what they hold.

use crate::browser::Browser;
use crate::helpers::{TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    the_client_list_is_searched_filtered_sorted_and_paged_with_its_total,
    a_client_name_is_taken_whatever_its_case_and_spacing,
    a_client_list_imports_from_csv_all_or_nothing_with_each_problem_placed,
    a_client_page_shows_its_timeline_and_an_executive_sees_only_their_own,
    downloads_are_named_after_what_they_hold,
);

fn new_client(
    app: &TestApp,
    cred: &crate::helpers::Cred,
    name: &str,
    sector: &str,
    region: &str,
) -> i64 {
    app.send(
        "POST",
        "/api/v1/clients",
        cred,
        &json!({ "name": name, "sector": sector, "size_band": "1,000–5,000", "region": region }),
    )
    .expect(201)["id"]
        .as_i64()
        .expect("an id")
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .filter_map(|c| c["name"].as_str().map(str::to_owned))
        .collect()
}

fn the_client_list_is_searched_filtered_sorted_and_paged_with_its_total(app: &TestApp) {
    let admin = app.admin();
    for (name, sector, region) in [
        ("Harbour Bank", "Banking", "Nordics"),
        ("Harbour Insurance", "Insurance", "DACH"),
        ("Anchor Bank", "Banking", "DACH"),
        ("50% Mutual", "Insurance", "Nordics"),
        ("Zenith Telecom", "Telecoms", "Benelux"),
    ] {
        new_client(app, &admin, name, sector, region);
    }
    let all = app.get("/api/v1/clients", &admin);
    assert_eq!(all.header("x-total-count"), Some("5"));
    assert_eq!(
        names(&all.expect(200)),
        [
            "50% Mutual",
            "Anchor Bank",
            "Harbour Bank",
            "Harbour Insurance",
            "Zenith Telecom"
        ]
    );

    // Part of the name, in any case and spacing; `%` is a character, not a wildcard.
    let found = app
        .get("/api/v1/clients?q=%20HARBOUR%20%20", &admin)
        .expect(200);
    assert_eq!(names(&found), ["Harbour Bank", "Harbour Insurance"]);
    assert_eq!(
        names(&app.get("/api/v1/clients?q=%25", &admin).expect(200)),
        ["50% Mutual"]
    );
    let filtered = app
        .get("/api/v1/clients?sector=Banking&region=DACH", &admin)
        .expect(200);
    assert_eq!(names(&filtered), ["Anchor Bank"]);

    // Sorted the other way, two per page: the second page and its links.
    let page = app.get("/api/v1/clients?sort=-name&per_page=2&page=2", &admin);
    assert_eq!(page.header("x-total-count"), Some("5"));
    let link = page.header("link").unwrap_or_default().to_owned();
    assert!(
        link.contains("page=1>; rel=\"prev\"") && link.contains("page=3>; rel=\"next\""),
        "{link}"
    );
    assert_eq!(names(&page.expect(200)), ["Harbour Bank", "Anchor Bank"]);
    let by_region = app
        .get("/api/v1/clients?sort=region&per_page=1", &admin)
        .expect(200);
    assert_eq!(names(&by_region), ["Zenith Telecom"]);

    for (query, field) in [
        ("sort=email", "bad_sort"),
        ("page=0", "bad_page"),
        ("per_page=501", "bad_per_page"),
    ] {
        app.get(&format!("/api/v1/clients?{query}"), &admin)
            .problem(422, field);
    }

    // The list page: the search form finds by part of the name, and pages.
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let page = browser.get("/clients?q=harb");
    assert!(
        page.body.contains(">Harbour Bank</a>")
            && page.body.contains(">Harbour Insurance</a>")
            && !page.body.contains("Anchor Bank")
            && page.body.contains("2 in all"),
        "{}",
        page.body
    );
    let none = browser.get("/clients?q=nothing-like-it");
    assert!(none.body.contains("No client matches"), "{}", none.body);
}

fn a_client_name_is_taken_whatever_its_case_and_spacing(app: &TestApp) {
    let admin = app.admin();
    let first = new_client(app, &admin, "Harbour Bank", "Banking", "Nordics");
    let twin = app
        .send(
            "POST",
            "/api/v1/clients",
            &admin,
            &json!({ "name": "  harbour   BANK ", "sector": "x", "size_band": "y", "region": "z" }),
        )
        .problem(409, "duplicate_name");
    assert_eq!(twin["existing_id"].as_i64(), Some(first));
    assert!(
        twin["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("Harbour Bank"),
        "{twin}"
    );

    // Another organisation may have a client of that name.
    let other = app.other_organisation("admin@b.test");
    new_client(app, &other, "Harbour Bank", "Banking", "Nordics");

    // Renaming: to a free name is a change, onto another client's name is refused.
    let second = new_client(app, &admin, "Anchor Bank", "Banking", "DACH");
    let body = |name: &str| json!({ "name": name, "sector": "Banking", "size_band": "Large", "region": "DACH" });
    app.send(
        "PUT",
        &format!("/api/v1/clients/{second}"),
        &admin,
        &body("HARBOUR bank"),
    )
    .problem(409, "duplicate_name");
    let renamed = app
        .send(
            "PUT",
            &format!("/api/v1/clients/{second}"),
            &admin,
            &body("Anchor Bank plc"),
        )
        .expect(200);
    assert_eq!(renamed["name"], "Anchor Bank plc");
    assert_eq!(renamed["size_band"], "Large");
    // A client keeps its own name in another case.
    app.send(
        "PUT",
        &format!("/api/v1/clients/{second}"),
        &admin,
        &body("ANCHOR BANK PLC"),
    )
    .expect(200);
    let (_, executive) = app.user(&admin, "exec@a.test", "executive");
    app.send(
        "PUT",
        &format!("/api/v1/clients/{second}"),
        &executive,
        &body("Mine"),
    )
    .problem(403, "role_not_allowed");
    app.send(
        "PUT",
        &format!("/api/v1/clients/{second}"),
        &other,
        &body("Theirs"),
    )
    .problem(404, "not_found");

    // Twenty at once with the same name: one is created, the rest refused, none half-written.
    let answers: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..20)
            .map(|_| {
                scope.spawn(|| {
                    app.send(
                        "POST",
                        "/api/v1/clients",
                        &admin,
                        &json!({ "name": "Race Bank", "sector": "s", "size_band": "b", "region": "r" }),
                    )
                    .status
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a thread"))
            .collect()
    });
    assert_eq!(
        answers.iter().filter(|s| **s == 201).count(),
        1,
        "{answers:?}"
    );
    assert!(
        answers.iter().all(|s| *s == 201 || *s == 409),
        "{answers:?}"
    );
    let found = app.get("/api/v1/clients?q=race", &admin).expect(200);
    assert_eq!(names(&found), ["Race Bank"]);
}

fn a_client_list_imports_from_csv_all_or_nothing_with_each_problem_placed(app: &TestApp) {
    let admin = app.admin();
    new_client(app, &admin, "Harbour Bank", "Banking", "Nordics");
    let refused = app
        .upload(
            "/api/v1/clients.csv",
            &admin,
            "name,sector,size_band,region\n\
             Fjord Mutual,Insurance,Large,Nordics\n\
             harbour  bank,Banking,Large,Nordics\n\
             ,Telecoms,Small,DACH\n\
             FJORD MUTUAL,Insurance,Large,Nordics\n"
                .as_bytes(),
            "text/csv",
        )
        .problem(422, "file_rejected");
    let errors: Vec<(String, String)> = refused["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["at"].as_str().unwrap_or_default().to_owned(),
                e["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (
                "row 3, column 1".to_owned(),
                "a client named `Harbour Bank` exists already".to_owned()
            ),
            ("row 4, column 1".to_owned(), "the name is empty".to_owned()),
            (
                "row 5, column 1".to_owned(),
                "the name is on row 2 already".to_owned()
            ),
        ],
        "{refused}"
    );
    assert_eq!(
        app.get("/api/v1/clients", &admin).header("x-total-count"),
        Some("1")
    );

    app.upload(
        "/api/v1/clients.csv",
        &admin,
        "name,sector\nFjord Mutual,Insurance\n".as_bytes(),
        "text/csv",
    )
    .problem(422, "file_rejected");
    let stored = app
        .upload(
            "/api/v1/clients.csv",
            &admin,
            "name,sector,size_band,region\nFjord Mutual,Insurance,Large,Nordics\n\"Lakeside, Ltd\",Retail,Small,DACH\n"
                .as_bytes(),
            "text/csv",
        )
        .expect(200);
    assert_eq!(stored["rows"], 2);
    assert_eq!(
        names(&app.get("/api/v1/clients", &admin).expect(200)),
        ["Fjord Mutual", "Harbour Bank", "Lakeside, Ltd"]
    );
    let trail = app
        .get("/api/v1/audit?action=client.import", &admin)
        .expect(200);
    assert_eq!(trail.as_array().map(Vec::len), Some(1));
    let (_, executive) = app.user(&admin, "exec@a.test", "executive");
    app.upload(
        "/api/v1/clients.csv",
        &executive,
        b"name,sector,size_band,region\nX,Y,Z,W\n",
        "text/csv",
    )
    .problem(403, "role_not_allowed");
}

fn a_client_page_shows_its_timeline_and_an_executive_sees_only_their_own(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Timeline Bank");
    let hidden = app.client(&admin, "Hidden Bank");
    let id = app.draft(&admin, client, questionnaire);
    app.finalise_mini(&admin, id, (5, 4), "seen");
    app.draft(&admin, client, questionnaire);
    let (executive_id, _) = app.user(&admin, "exec@a.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        &admin,
        &json!({ "user_id": executive_id }),
    )
    .expect(204);

    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let page = browser.get(&format!("/clients/{client}"));
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<h1>Timeline Bank</h1>")
            && page.body.contains("final")
            && page.body.contains("draft")
            && page.body.contains(&format!("/assessments/{id}/scorecard"))
            && page.body.contains("Who sees this client")
            && page
                .body
                .contains("exec@a.test <span class=\"muted\">· executive"),
        "{}",
        page.body
    );
    // The scorecard inside the application: its header, the way back and the PDF.
    let card = browser.get(&format!("/assessments/{id}/scorecard"));
    assert!(
        card.body.contains(&format!("href=\"/clients/{client}\""))
            && card
                .body
                .contains(&format!("/api/v1/assessments/{id}/scorecard.pdf"))
            && card.body.contains("CUSTOMER MANAGEMENT SCORECARD")
            && card.body.contains("<nav class=\"site\""),
        "{}",
        card.body
    );

    let mut executive = Browser::new(app);
    executive.login("exec@a.test", PASSWORD);
    let theirs = executive.get(&format!("/clients/{client}"));
    assert!(
        theirs.body.contains("<h1>Timeline Bank</h1>")
            && !theirs.body.contains("draft")
            && !theirs.body.contains("Who sees this client"),
        "{}",
        theirs.body
    );
    assert_eq!(executive.get(&format!("/clients/{hidden}")).status, 404);
    let list = executive.get("/clients");
    assert!(
        list.body.contains("Timeline Bank") && !list.body.contains("Hidden Bank"),
        "{}",
        list.body
    );
    // Only staff change a client; the form keeps what was typed.
    assert_eq!(
        executive.get(&format!("/clients/{client}/edit")).status,
        403
    );
    let form = browser.get(&format!("/clients/{client}/edit"));
    let token = Browser::token(&form);
    let refused = browser.send(
        "POST",
        &format!("/clients/{client}/edit"),
        Some(&[
            ("csrf_token", &token),
            ("name", "HIDDEN bank"),
            ("sector", "Private banking"),
            ("size_band", "Large"),
            ("region", "UK"),
        ]),
    );
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains(&format!("href=\"/clients/{hidden}\""))
            && refused.body.contains("value=\"Private banking\""),
        "{}",
        refused.body
    );
}

fn downloads_are_named_after_what_they_hold(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Größe & Söhne");
    let id = app.draft(&admin, client, questionnaire);
    app.finalise_mini(&admin, id, (5, 4), "seen");
    let date = app
        .get(&format!("/api/v1/assessments/{id}"), &admin)
        .expect(200)["assessment_date"]
        .as_str()
        .expect("a date")
        .to_owned();
    let encoded = |name: &str| -> String {
        name.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    for (path, name) in [
        (
            format!("/api/v1/assessments/{id}/scorecard.pdf"),
            format!("Größe & Söhne – scorecard – {date}.pdf"),
        ),
        (
            format!("/api/v1/assessments/{id}/results.csv"),
            format!("Größe & Söhne – results – {date}.csv"),
        ),
        (
            format!("/api/v1/clients/{client}/export.json"),
            format!(
                "Größe & Söhne – all data – {}.json",
                chrono::Utc::now().date_naive()
            ),
        ),
    ] {
        let answer = app.get(&path, &admin);
        assert_eq!(answer.status, 200, "{path}");
        let disposition = answer.header("content-disposition").unwrap_or_default();
        assert!(
            disposition.contains(&format!("filename*=UTF-8''{}", encoded(&name))),
            "{path}: {disposition}"
        );
        assert!(disposition.is_ascii(), "{disposition}");
    }
}
