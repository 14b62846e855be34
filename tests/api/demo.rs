use crate::helpers::TestApp;
use crate::on_both_backends;
use cmas::app::demo;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

on_both_backends!(the_demo_portfolio_looks_like_the_field_and_loads_once);

fn the_demo_portfolio_looks_like_the_field_and_loads_once(app: &TestApp) {
    let first = demo::load(&app.db).expect("demo loads");
    assert!(first.created);
    let again = demo::load(&app.db).expect("demo loads again");
    assert!(
        !again.created && again.clients == first.clients && again.assessments == first.assessments
    );

    // The demo's platform operator logs in and sees the demo among the organisations.
    let (email, password) = demo::OPERATOR;
    let operator = app
        .send(
            "POST",
            "/api/v1/operator/tokens",
            &crate::helpers::Cred::None,
            &serde_json::json!({ "email": email, "password": password }),
        )
        .expect(201)["token"]
        .as_str()
        .map(|t| crate::helpers::Cred::Bearer(t.to_owned()))
        .expect("a token");
    let organisations = app
        .get("/api/v1/operator/organisations", &operator)
        .expect(200);
    assert!(organisations.to_string().contains(demo::ORGANISATION));

    let consultant = app.token("consultant@demo.cmas", "demo-consultant-pass");
    let clients = app.get("/api/v1/clients", &consultant).expect(200);
    let clients = clients.as_array().expect("clients");
    assert!(clients.len() >= 40, "{} clients", clients.len());
    let sectors: BTreeSet<&str> = clients
        .iter()
        .filter_map(|c| c["sector"].as_str())
        .collect();
    assert!(sectors.len() >= 4, "{sectors:?}");

    let assessments = app
        .get("/api/v1/assessments?status=final&per_page=500", &consultant)
        .expect(200);
    let mut by_client: BTreeMap<i64, Vec<&Value>> = BTreeMap::new();
    let all = assessments.as_array().expect("assessments");
    // The programmes' re-assessments of grid cells are scoped; the field's shape is
    // about whole-company assessments.
    let scoped = all
        .iter()
        .filter(|a| a["scope"]["business_unit"].is_string())
        .count();
    assert_eq!(
        scoped, 18,
        "three cell re-assessments for each of six programmes"
    );
    for a in all.iter().filter(|a| a["scope"]["business_unit"].is_null()) {
        by_client
            .entry(a["client_id"].as_i64().expect("client"))
            .or_default()
            .push(a);
        let team = a["assessor_ids"].as_array().map_or(0, Vec::len);
        assert!((2..=3).contains(&team), "{team} assessors on {}", a["id"]);
    }
    assert_eq!(by_client.len(), clients.len());
    let mut latest = Vec::new();
    let mut areas: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for list in by_client.values() {
        // 2–4 in the field, and one more for the client re-assessed on 1.1.0.
        assert!((2..=5).contains(&list.len()), "{} assessments", list.len());
        let dates: BTreeSet<&str> = list
            .iter()
            .filter_map(|a| a["assessment_date"].as_str())
            .collect();
        assert_eq!(
            dates.len(),
            list.len(),
            "assessments of a client are at different dates"
        );
        // Listed newest first.
        let results = app
            .get(
                &format!("/api/v1/assessments/{}/results", list[0]["id"]),
                &consultant,
            )
            .expect(200);
        latest.push(
            results["overall"]["percent"]["combined"]
                .as_f64()
                .expect("overall"),
        );
        for area in results["areas"].as_array().expect("areas") {
            let value = area["percent"]["combined"].as_f64().expect("area");
            areas
                .entry(area["id"].as_str().expect("id").to_owned())
                .or_default()
                .push(value);
        }
    }
    let mean = latest.iter().sum::<f64>() / latest.len() as f64;
    let best = latest.iter().copied().fold(f64::MIN, f64::max);
    let worst = latest.iter().copied().fold(f64::MAX, f64::min);
    assert!(
        (30.0..=40.0).contains(&mean),
        "average company at {mean:.1}%"
    );
    assert!((60.0..=75.0).contains(&best), "best at {best:.1}%");
    // The loop from plan to re-assessment: one client re-assessed on 1.1.0.
    let again: Vec<&Value> = all
        .iter()
        .filter(|a| a["assessment_date"] == "2026-11-23" && a["scope"]["business_unit"].is_null())
        .collect();
    assert_eq!(
        again.len(),
        1,
        "one re-assessment on the questionnaire's next version"
    );
    assert!((12.0..=22.0).contains(&worst), "worst at {worst:.1}%");
    let area_means: Vec<f64> = areas
        .values()
        .map(|v| v.iter().sum::<f64>() / v.len() as f64)
        .collect();
    let spread = area_means.iter().copied().fold(f64::MIN, f64::max)
        - area_means.iter().copied().fold(f64::MAX, f64::min);
    assert!(spread >= 5.0, "areas are not all alike: {area_means:?}");
}
