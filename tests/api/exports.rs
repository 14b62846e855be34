use crate::helpers::TestApp;
use crate::on_both_backends;
use serde_json::json;

on_both_backends!(exports_are_csv_with_formulas_neutralised_and_the_import_header);

fn exports_are_csv_with_formulas_neutralised_and_the_import_header(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "=cmd|' /C calc'!A0");
    let id = app.draft(&admin, client, questionnaire);
    let hostile = "=HYPERLINK(\"http://evil.test\",\"click\")";
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/AP.1.1"),
        &admin,
        &json!({ "intention": 6, "reality": 4, "evidence": hostile }),
    )
    .expect(200);

    let scores = app.get(&format!("/api/v1/assessments/{id}/scores.csv"), &admin);
    assert_eq!(
        scores.header("content-type"),
        Some("text/csv; charset=utf-8")
    );
    let text = scores.body.as_str().expect("csv").to_owned();
    assert!(
        text.starts_with("question,assessor,intention,reality,na_reason,evidence\n"),
        "{text}"
    );
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\""),
        "a formula is written as text: {text}"
    );

    let results = app
        .get(&format!("/api/v1/assessments/{id}/results.csv"), &admin)
        .body
        .as_str()
        .expect("csv")
        .to_owned();
    let lines: Vec<&str> = results.lines().collect();
    assert_eq!(
        lines.len(),
        4,
        "a header and the three questions: {results}"
    );
    assert!(
        lines[1].starts_with("Analysis & Planning,Customer understanding,AP.1.1,")
            && lines[1].contains(",6,4,50,mean,false"),
        "{results}"
    );
    assert!(lines[3].ends_with(",,,,unanswered,false"), "{results}");

    let kpi = app.send("POST", "/api/v1/kpis", &admin, &json!({ "name": "EBIT margin", "unit": "%", "direction": "higher", "kind": "financial" })).expect(201);
    let values =
        json!([{ "kpi_id": kpi["id"], "client_id": client, "period": "2025", "value": -3.5 }]);
    app.request(
        "PUT",
        "/api/v1/kpis/values",
        &admin,
        Some(&values.to_string()),
        "application/json",
    )
    .expect(204);
    let kpis = app
        .get("/api/v1/kpis/values.csv?period=2025", &admin)
        .body
        .as_str()
        .expect("csv")
        .to_owned();
    assert_eq!(
        kpis, "client,kpi,period,value\n'=cmd|' /C calc'!A0,EBIT margin,2025,-3.5\n",
        "numbers stay numbers, names do not run"
    );

    let (_, colleague) = app.user(&admin, "colleague@a.test", "consultant");
    app.get(&format!("/api/v1/assessments/{id}/scores.csv"), &colleague)
        .problem(403, "not_the_lead");
    let outsider = app.other_organisation("admin@b.test");
    app.get(&format!("/api/v1/assessments/{id}/results.csv"), &outsider)
        .problem(404, "not_found");
}
