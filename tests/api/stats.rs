use crate::helpers::TestApp;
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(ad_hoc_correlation_gives_r_p_and_interval_and_refuses_undefined_input);

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
