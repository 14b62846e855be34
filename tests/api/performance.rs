use crate::helpers::TestApp;
use crate::on_both_backends;
use cmas::app::demo;
use serde_json::{json, Value};

on_both_backends!(
    kpi_values_and_panel_ranks_are_stored_all_or_nothing,
    the_study_on_the_demo_finds_the_seeds_shape_with_caveats,
);

fn kpi_values_and_panel_ranks_are_stored_all_or_nothing(app: &TestApp) {
    let admin = app.admin();
    let (a, b, c) = (
        app.client(&admin, "Anchor Insurance"),
        app.client(&admin, "Beacon Insurance"),
        app.client(&admin, "Crown Bank"),
    );
    let kpi = app
        .send("POST", "/api/v1/kpis", &admin, &json!({ "name": "Customer retention", "unit": "%", "direction": "higher", "kind": "behaviour" }))
        .expect(201);
    let kpi_id = kpi["id"].as_i64().expect("id");
    app.send("POST", "/api/v1/kpis", &admin, &json!({ "name": "Customer retention", "unit": "%", "direction": "higher", "kind": "behaviour" }))
        .problem(409, "kpi_exists");
    app.send(
        "POST",
        "/api/v1/kpis",
        &admin,
        &json!({ "name": "NPS", "unit": "points", "direction": "sideways", "kind": "behaviour" }),
    )
    .problem(400, "malformed_json");

    let value = |client: i64, v: f64| json!({ "kpi_id": kpi_id, "client_id": client, "period": "2025", "value": v });
    let bad = app
        .send(
            "PUT",
            "/api/v1/kpis/values",
            &admin,
            &json!([value(a, 80.0), value(b, 70.0), value(999, 1.0)]),
        )
        .problem(422, "unknown_client");
    assert!(
        bad["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("row 2:")),
        "{bad}"
    );
    let outsider = app.other_organisation("admin@b.test");
    app.send(
        "PUT",
        "/api/v1/kpis/values",
        &outsider,
        &json!([value(a, 1.0)]),
    )
    .problem(422, "unknown_kpi");
    app.request(
        "PUT",
        "/api/v1/kpis/values",
        &admin,
        Some(&json!([value(a, 80.0), value(b, 70.0), value(c, 60.0)]).to_string()),
        "application/json",
    )
    .expect(204);

    let panel = app
        .send(
            "POST",
            "/api/v1/panels",
            &admin,
            &json!({ "name": "Analysts", "period": "2025" }),
        )
        .expect(201);
    let ranks = format!("/api/v1/panels/{}/ranks", panel["id"]);
    app.send(
        "PUT",
        &ranks,
        &admin,
        &json!([{ "client_id": a, "rank": 1 }, { "client_id": b, "rating": 3 }]),
    )
    .problem(422, "mixed_entries");
    app.send(
        "PUT",
        &ranks,
        &admin,
        &json!([{ "client_id": a, "rank": 1 }, { "client_id": a, "rank": 2 }]),
    )
    .problem(422, "duplicate_client");
    app.send("PUT", &ranks, &admin, &json!([]))
        .problem(422, "no_entries");
    app.send("PUT", &ranks, &admin, &json!([{ "client_id": a, "rating": 9 }, { "client_id": b, "rating": 7 }, { "client_id": c, "rating": 7 }])).expect(204);
    app.send(
        "PUT",
        &format!("/api/v1/panels/{}/ranks", panel["id"]),
        &outsider,
        &json!([{ "client_id": a, "rank": 1 }]),
    )
    .problem(404, "not_found");

    let study = app
        .get("/api/v1/analysis/portfolio?period=2025", &admin)
        .expect(200);
    assert_eq!(study["period"], "2025");
    assert_eq!(study["measures"][1]["name"], "Customer retention");
    // No assessments yet: every cell says why it has no correlation.
    let cells = study["cells"].as_array().expect("cells");
    assert!(
        !cells.is_empty()
            && cells.iter().all(|c| c["error"]
                .as_str()
                .is_some_and(|e| e.contains("at least 3"))),
        "{study}"
    );
    let (_, exec) = app.user(&admin, "ceo@anchor.test", "executive");
    app.get("/api/v1/analysis/portfolio", &exec)
        .problem(403, "role_not_allowed");
    app.get("/api/v1/analysis/portfolio?method=magic", &admin)
        .problem(400, "bad_query");
}

fn bearer(cred: &crate::helpers::Cred) -> String {
    match cred {
        crate::helpers::Cred::Bearer(token) => format!("Bearer {token}"),
        _ => String::new(),
    }
}

fn cell<'a>(study: &'a Value, score: &str, measure: &str) -> &'a Value {
    study["cells"]
        .as_array()
        .and_then(|cells| {
            cells
                .iter()
                .find(|c| c["score"] == score && c["measure"] == measure)
        })
        .expect("cell")
}

fn the_study_on_the_demo_finds_the_seeds_shape_with_caveats(app: &TestApp) {
    demo::load(&app.db).expect("demo");
    let consultant = app.token("consultant@demo.cmas", "demo-consultant-pass");
    let study = app
        .get("/api/v1/analysis/portfolio", &consultant)
        .expect(200);
    assert_eq!(study["period"], "2025", "the latest period with data");
    assert_eq!(study["clients"], 48);
    assert_eq!(
        study["cells"].as_array().map(Vec::len),
        Some(9 * 9),
        "overall and 8 areas × the panels and 8 KPIs"
    );

    let overall = cell(&study, "overall", "performance");
    let r = overall["r"].as_f64().expect("r");
    assert!(
        (0.6..0.95).contains(&r),
        "overall vs performance r = {r}: realistic, not perfect"
    );
    assert!(overall["p_holm"].as_f64().expect("holm") < 0.001);
    for c in study["cells"].as_array().expect("cells") {
        if let (Some(p), Some(holm), Some(bh)) = (
            c["p_value"].as_f64(),
            c["p_holm"].as_f64(),
            c["p_bh"].as_f64(),
        ) {
            assert!(holm >= p && bh >= p && holm >= bh - 1e-12, "{c}");
        }
    }
    let ties = study["tied_to_performance"].as_array().expect("ties");
    assert_eq!(ties.len(), 8);
    assert!(
        ["PO", "ME", "CMA"].contains(&ties[0]["area"].as_str().expect("area")),
        "{}",
        ties[0]
    );
    assert_eq!(
        ties[7]["area"], "IT",
        "technology is the area least tied to performance"
    );
    assert!(
        ties[7]["p_holm"].as_f64().expect("holm") > 0.05,
        "IT's link does not survive Holm"
    );

    let panels = &study["panels"];
    assert_eq!(
        (
            panels["panels"].as_u64(),
            panels["clients_ranked_by_all"].as_u64()
        ),
        (Some(3), Some(48))
    );
    assert!(
        panels["kendall_w"]["w"].as_f64().expect("W") > 0.7,
        "the panels broadly agree"
    );
    assert_eq!(panels["icc"].as_array().map(Vec::len), Some(6));
    let alphas = study["reliability"].as_array().expect("alpha");
    assert_eq!(alphas.len(), 8);
    assert!(
        alphas
            .iter()
            .all(|a| a["alpha"]["alpha"].as_f64().is_some_and(|v| v > 0.5)),
        "{alphas:?}"
    );
    assert_eq!(
        study["assessor_agreement"].as_array().map(Vec::len),
        Some(48)
    );
    let caveats = study["caveats"].to_string();
    assert!(
        caveats.contains("not causation") && caveats.contains("above 0.28"),
        "{caveats}"
    );

    // The study as a report: real text, charts included.
    let pdf = ureq::get(&format!("{}/api/v1/analysis/portfolio.pdf", app.address))
        .set("Authorization", &bearer(&consultant))
        .call()
        .expect("pdf");
    assert_eq!(pdf.content_type(), "application/pdf");
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut pdf.into_reader(), &mut bytes).expect("bytes");
    let doc = lopdf::Document::load_mem(&bytes).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    for expected in [
        "Does customer management track business",
        "not causation",
        "People & Organisation",
        "Customer retention",
        "Performance rank",
        "significant after Holm",
        "Kendall's W",
    ] {
        assert!(
            text.contains(expected),
            "`{expected}` missing from the study PDF:\n{text}"
        );
    }
    let html = app.get("/api/v1/analysis/portfolio.html", &consultant);
    let page = html
        .body
        .as_str()
        .unwrap_or_else(|| panic!("{} {}", html.status, html.body));
    assert!(page.contains("<svg") && page.contains("Cronbach") && page.contains("not causation"));

    // Scorecards now weigh priorities by the study.
    let admin = app.token("admin@demo.cmas", "demo-admin-pass");
    let id = app
        .get("/api/v1/assessments?status=final", &admin)
        .expect(200)[0]["id"]
        .as_i64()
        .expect("id");
    let html = app
        .get(&format!("/api/v1/assessments/{id}/scorecard.html"), &admin)
        .body
        .as_str()
        .expect("html")
        .to_owned();
    assert!(
        html.contains("weighted by how strongly the area tracks business performance")
            && html.contains("48 clients"),
        "rule not stated"
    );
}
