//! Random JSON bodies, shaped after the OpenAPI document, sent to every
//! operation that takes one: never a 5xx, always a problem document on 4xx,
//! and the server keeps answering.

use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};

on_both_backends!(random_json_bodies_never_get_a_server_error,);

/// Every property name the document's schemas use, so that bodies reach past
/// the first "unknown field" check.
fn property_names(doc: &Value) -> Vec<String> {
    let mut names = Vec::new();
    for schema in doc["components"]["schemas"]
        .as_object()
        .into_iter()
        .flat_map(|s| s.values())
    {
        for name in schema["properties"]
            .as_object()
            .into_iter()
            .flat_map(|p| p.keys())
        {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    names
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-20i64..20).prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,40}".prop_map(Value::String),
        Just(json!("2026-02-30")),
        Just(json!("=1+1")),
        Just(json!("x".repeat(5000))),
    ]
}

fn body(names: Vec<String>) -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        4 => prop::sample::select(names),
        1 => "[a-z_]{1,10}",
    ];
    leaf().prop_recursive(3, 24, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn random_json_bodies_never_get_a_server_error(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Fuzz Bank");
    let draft = app.draft(&admin, client, questionnaire);
    let doc = app.get("/api/v1/openapi.json", &Cred::None).expect(200);
    let names = property_names(&doc);
    let mut operations = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("operations") {
            let json_body = op["requestBody"]["content"]["application/json"].is_object();
            if json_body && !path.ends_with("/auth/password") {
                let path = path
                    .replace("{id}", &draft.to_string())
                    .replace("{question_id}", "AP.1.1")
                    .replace("{user_id}", "1")
                    .replace("{project_id}", "1");
                let path = if path.starts_with("/api/v1/clients/")
                    || path.starts_with("/api/v1/programmes/")
                {
                    path.replacen(&draft.to_string(), &client.to_string(), 1)
                } else {
                    path
                };
                operations.push((method.to_uppercase(), path));
            }
        }
    }
    assert!(operations.len() >= 15, "{operations:?}");
    let cases = std::env::var("CMAS_BODY_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(40);
    let sent = std::cell::Cell::new(0);
    for (method, path) in &operations {
        let mut runner = TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&body(names.clone()), |value| {
                let answer = app.send(method, path, &admin, &value);
                sent.set(sent.get() + 1);
                prop_assert!(
                    answer.status < 500,
                    "{method} {path} {value}: {}",
                    answer.status
                );
                if answer.status >= 400 {
                    prop_assert!(
                        answer.body["code"].is_string(),
                        "{method} {path}: {}",
                        answer.body
                    );
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }
    app.get("/api/v1/me", &admin).expect(200);
    eprintln!(
        "random bodies: {} requests over {} operations",
        sent.get(),
        operations.len()
    );
}
