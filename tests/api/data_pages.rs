//! Performance data by CSV (the API and the data page) and the study page.

use crate::browser::Browser;
use crate::helpers::{Cred, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    a_csv_upload_reports_every_bad_row_and_column_and_stores_nothing,
    the_data_page_defines_kpis_and_uploads_values_and_ranks,
    the_study_page_shows_the_charts_and_findings_to_staff_only,
);

fn two_clients_and_a_kpi(app: &TestApp, admin: &Cred) {
    app.client(admin, "Anchor Insurance");
    app.client(admin, "Beacon Insurance");
    app.send("POST", "/api/v1/kpis", admin, &json!({ "name": "Customer retention", "unit": "%", "direction": "higher", "kind": "behaviour" }))
        .expect(201);
}

fn values(app: &TestApp, admin: &Cred) -> Value {
    app.get("/api/v1/kpis/values.csv?period=2025", admin).body
}

fn a_csv_upload_reports_every_bad_row_and_column_and_stores_nothing(app: &TestApp) {
    let admin = app.admin();
    two_clients_and_a_kpi(app, &admin);
    let bad = "client,kpi,period,value\n\
               Anchor Insurance,Customer retention,2025,81.5\n\
               Nobody Ltd,Customer retention,2025,70\n\
               Beacon Insurance,Churn,,lots\n";
    let body = app
        .request(
            "POST",
            "/api/v1/kpis/values.csv",
            &admin,
            Some(bad),
            "text/csv",
        )
        .problem(422, "file_rejected");
    let errors: Vec<(String, String)> = body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["at"].as_str().unwrap_or("").to_owned(),
                e["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (
                "row 3, column 1".to_owned(),
                "there is no client named `Nobody Ltd`".to_owned()
            ),
            (
                "row 4, column 2".to_owned(),
                "there is no KPI named `Churn`".to_owned()
            ),
            (
                "row 4, column 3".to_owned(),
                "the period is empty".to_owned()
            ),
            (
                "row 4, column 4".to_owned(),
                "`lots` is not a number".to_owned()
            ),
        ]
    );
    assert_eq!(
        values(app, &admin),
        json!("client,kpi,period,value\n"),
        "the good row was not stored either"
    );

    let header = app
        .request(
            "POST",
            "/api/v1/kpis/values.csv",
            &admin,
            Some("name,value\nA,1\n"),
            "text/csv",
        )
        .problem(422, "file_rejected");
    assert_eq!(header["errors"][0]["at"], "row 1, column 1");

    let good = "client,kpi,period,value\nAnchor Insurance,Customer retention,2025,81.5\nBeacon Insurance,Customer retention,2025,70\n";
    let stored = app
        .request(
            "POST",
            "/api/v1/kpis/values.csv",
            &admin,
            Some(good),
            "text/csv",
        )
        .expect(200);
    assert_eq!(stored, json!({ "rows": 2 }));
    assert_eq!(values(app, &admin), json!(good));

    let ranks = "panel,period,client,rating\nIndustry,2025,Anchor Insurance,4\nIndustry,2025,Beacon Insurance,9\n";
    app.request(
        "POST",
        "/api/v1/panels/ranks.csv",
        &admin,
        Some(ranks),
        "text/csv",
    )
    .expect(200);
    let panels = app.get("/api/v1/panels", &admin).expect(200);
    assert_eq!(panels[0]["name"], "Industry");

    let executive = app.user(&admin, "exec@a.test", "executive").1;
    app.request(
        "POST",
        "/api/v1/kpis/values.csv",
        &executive,
        Some(good),
        "text/csv",
    )
    .problem(403, "role_not_allowed");
    let outsider = app.other_organisation("admin@b.test");
    let foreign = app
        .request(
            "POST",
            "/api/v1/kpis/values.csv",
            &outsider,
            Some(good),
            "text/csv",
        )
        .problem(422, "file_rejected");
    assert!(
        foreign["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("no client named `Anchor Insurance`"),
        "another organisation's clients do not exist for it: {foreign}"
    );
}

fn the_data_page_defines_kpis_and_uploads_values_and_ranks(app: &TestApp) {
    let admin = app.admin();
    app.client(&admin, "Anchor Insurance");
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let page = browser.get("/data");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("No KPIs yet"), "{}", page.body);
    let csrf = Browser::token(&page);

    let defined = browser.post(
        "/data/kpis",
        &[
            ("name", "<b>Retention</b>"),
            ("unit", "%"),
            ("direction", "higher"),
            ("kind", "behaviour"),
        ],
    );
    assert_eq!(
        (defined.status, defined.location.as_deref()),
        (303, Some("/data?done=kpi"))
    );
    let page = browser.get("/data?done=kpi");
    assert!(page.body.contains("The KPI was defined"), "{}", page.body);
    assert!(
        page.body.contains("&lt;b&gt;Retention&lt;/b&gt;"),
        "names are escaped"
    );

    let refused = browser.upload(
        "/data/kpi-values",
        &csrf,
        &[("file", b"client,kpi,period,value\nAnchor Insurance,<b>Retention</b>,2025,x\nNobody,<b>Retention</b>,2025,1\n")],
    );
    assert_eq!(refused.status, 422);
    for expected in [
        "row 2, column 4",
        "is not a number.",
        "row 3, column 1",
        "Nothing was stored",
    ] {
        assert!(
            refused.body.contains(expected),
            "{expected}: {}",
            refused.body
        );
    }

    let pasted = browser.upload(
        "/data/kpi-values",
        &csrf,
        &[
            ("file", b""),
            (
                "text",
                b"client,kpi,period,value\nAnchor Insurance,<b>Retention</b>,2025-Q4,77\n",
            ),
        ],
    );
    assert_eq!(
        (pasted.status, pasted.location.as_deref()),
        (303, Some("/data?done=values"))
    );
    let page = browser.get("/data?done=values");
    assert!(
        page.body
            .contains("2025-Q4 (<a href=\"/api/v1/kpis/values.csv?period=2025-Q4\">CSV</a>"),
        "{}",
        page.body
    );

    let ranks = browser.upload(
        "/data/panel-ranks",
        &csrf,
        &[(
            "file",
            b"panel,period,client,rank\nExperts,2025,Anchor Insurance,0\n",
        )],
    );
    assert_eq!(ranks.status, 422);
    assert!(
        ranks.body.contains("A rank starts at 1 (the best)."),
        "{}",
        ranks.body
    );

    let forged = browser.upload(
        "/data/kpi-values",
        "forged",
        &[("text", b"client,kpi,period,value\n")],
    );
    assert_eq!(forged.status, 403);

    let consultant_free = browser.upload("/data/kpi-values", &csrf, &[("text", b"  ")]);
    assert_eq!(consultant_free.status, 422);
    assert!(consultant_free
        .body
        .contains("Choose a CSV file or paste its text."));

    app.user(&admin, "exec@a.test", "executive");
    let mut executive = Browser::new(app);
    executive.login("exec@a.test", PASSWORD);
    let denied = executive.get("/data");
    assert_eq!(denied.status, 403);
    assert!(
        denied.body.contains("<header class=\"top\">"),
        "a 403 page in the layout: {}",
        denied.body
    );
    assert!(denied
        .body
        .contains("Only consultants and admins manage performance data."));
}

fn the_study_page_shows_the_charts_and_findings_to_staff_only(app: &TestApp) {
    let admin = app.admin();
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let page = browser.get("/study?method=kendall&period=");
    assert_eq!(page.status, 200, "{}", page.body);
    for expected in [
        "Does customer management track business performance?",
        "<svg",
        "Findings",
        "value=\"kendall\" selected",
        "/api/v1/analysis/portfolio.pdf?period",
    ] {
        assert!(page.body.contains(expected), "{expected}: {}", page.body);
    }
    app.user(&admin, "exec@a.test", "executive");
    let mut executive = Browser::new(app);
    executive.login("exec@a.test", PASSWORD);
    assert_eq!(executive.get("/study").status, 403);
    let mut nobody = Browser::new(app);
    let away = nobody.get("/study");
    assert_eq!(
        (away.status, away.location.as_deref()),
        (303, Some("/login"))
    );
}
