use crate::helpers::TestApp;
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(
    ad_hoc_correlation_gives_r_p_and_interval_and_refuses_undefined_input,
    alpha_concordance_icc_and_adjustment_on_ones_own_table,
);

fn ad_hoc_correlation_gives_r_p_and_interval_and_refuses_undefined_input(app: &TestApp) {
    let admin = app.admin();
    // Reference case 2 of tests/fixtures/stats/reference.json, computed with scipy.
    let reference: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/stats/reference.json")).expect("fixture");
    let case = &reference["correlation"][2];
    let body = json!({ "x": case["x"], "y": case["y"], "method": "pearson" });
    let got = app
        .send("POST", "/api/v1/stats/correlation", &admin, &body)
        .expect(200);
    let keys: Vec<&str> = got
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 7, "{got}");
    for key in [
        "method",
        "n",
        "r",
        "p_value",
        "ci_low",
        "ci_high",
        "r_squared",
    ] {
        assert!(got.get(key).is_some(), "{key} missing: {got}");
    }
    let expected = &case["pearson"];
    assert!((got["r"].as_f64().expect("r") - expected["r"].as_f64().expect("r")).abs() < 1e-9);
    assert!(
        (got["ci_low"].as_f64().expect("ci") - expected["ci95"][0].as_f64().expect("ci")).abs()
            < 1e-9
    );
    assert_eq!(got["method"], "pearson");
    let spearman = app
        .send(
            "POST",
            "/api/v1/stats/correlation",
            &admin,
            &json!({ "x": case["x"], "y": case["y"] }),
        )
        .expect(200);
    assert_eq!(
        spearman["method"], "spearman",
        "Spearman unless asked otherwise"
    );

    let post =
        |body: serde_json::Value| app.send("POST", "/api/v1/stats/correlation", &admin, &body);
    post(json!({ "x": [1, 2], "y": [1, 2] })).problem(422, "too_few_values");
    post(json!({ "x": [1, 2, 3], "y": [1, 2] })).problem(422, "unequal_lengths");
    let constant =
        post(json!({ "x": [4, 4, 4, 4], "y": [1, 2, 3, 4] })).problem(422, "constant_variable");
    assert!(constant["detail"]
        .as_str()
        .is_some_and(|d| d.contains("x is constant")));
    post(json!({ "x": [1, 2, 3], "y": [1, 2, 3], "method": "magic" }))
        .problem(400, "malformed_json");
    let (_, exec) = app.user(&admin, "ceo@harbour.test", "executive");
    app.send(
        "POST",
        "/api/v1/stats/correlation",
        &exec,
        &json!({ "x": [1, 2, 3], "y": [3, 1, 2] }),
    )
    .problem(403, "role_not_allowed");
}

/// The API's α, W, ICC and adjustment agree with pingouin/scipy (the
/// fixtures), refuse undefined tables with 422 and are staff-only.
fn alpha_concordance_icc_and_adjustment_on_ones_own_table(app: &TestApp) {
    let admin = app.admin();
    let extra: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/stats/extra.json")).expect("fixture");
    let close = |got: &serde_json::Value, want: &serde_json::Value| {
        let (got, want) = (got.as_f64().expect("got"), want.as_f64().expect("want"));
        assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    };
    let table = |rows: &serde_json::Value| {
        let columns = rows[0].as_array().map_or(0, Vec::len);
        let names: Vec<String> = (1..=columns).map(|j| format!("c{j}")).collect();
        json!({ "columns": names, "rows": rows })
    };

    let case = &extra["alpha"][0];
    let alpha = app
        .send(
            "POST",
            "/api/v1/stats/alpha",
            &admin,
            &table(&case["items"]),
        )
        .expect(200);
    close(&alpha["alpha"], &case["alpha"]);
    close(&alpha["ci_low"], &case["ci95"][0]);
    close(&alpha["ci_high"], &case["ci95"][1]);

    let case = &extra["icc"][0];
    let icc = app
        .send(
            "POST",
            "/api/v1/stats/icc",
            &admin,
            &table(&case["ratings"]),
        )
        .expect(200);
    let icc2 = icc["forms"]
        .as_array()
        .and_then(|forms| forms.iter().find(|f| f["form"] == "ICC2"))
        .expect("ICC2");
    close(&icc2["icc"], &case["forms"]["ICC2"]["icc"]);

    // Three raters ranking four subjects identically: W = 1.
    let agree =
        json!({ "columns": ["a", "b", "c"], "rows": [[1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4]] });
    let w = app
        .send("POST", "/api/v1/stats/concordance", &admin, &agree)
        .expect(200);
    close(&w["w"], &json!(1.0));

    let case = &extra["adjust"][0];
    let body = json!({ "p_values": case["p"], "method": "bh" });
    let adjusted = app
        .send("POST", "/api/v1/stats/adjust", &admin, &body)
        .expect(200);
    close(&adjusted[1]["p_bh"], &case["bh"][1]);
    assert!(adjusted[1].get("p_holm").is_none());

    let constant = json!({ "columns": ["q1", "q2"], "rows": [[1, 4], [2, 4], [3, 4]] });
    let problem = app
        .send("POST", "/api/v1/stats/alpha", &admin, &constant)
        .problem(422, "constant_variable");
    assert!(problem["detail"]
        .as_str()
        .unwrap_or_default()
        .contains("`q2`"));
    let two = json!({ "columns": ["a", "b"], "rows": [[1, 2], [2, 1]] });
    app.send("POST", "/api/v1/stats/icc", &admin, &two)
        .problem(422, "too_few_values");
    let (_, executive) = app.user(&admin, "exec@a.test", "executive");
    app.send("POST", "/api/v1/stats/concordance", &executive, &agree)
        .problem(403, "role_not_allowed");
}
