use crate::helpers::TestApp;
use crate::on_both_backends;

on_both_backends!(
    the_bundled_questionnaire_is_there_from_the_first_start,
    an_imported_version_is_immutable,
    an_invalid_questionnaire_gets_every_problem_with_line_and_column,
    the_openapi_document_describes_every_route,
    health_and_readiness_answer_without_credentials,
);

const MINI: &str = include_str!("../fixtures/mini.toml");

fn the_bundled_questionnaire_is_there_from_the_first_start(app: &TestApp) {
    let admin = app.admin();
    let list = app.get("/api/v1/questionnaires", &admin).expect(200);
    let bundled = &list[0];
    assert_eq!(bundled["key"], "customer-management");
    assert!(
        bundled["question_count"].as_u64().is_some_and(|n| n >= 100),
        "{bundled}"
    );
    let detail = app
        .get(&format!("/api/v1/questionnaires/{}", bundled["id"]), &admin)
        .expect(200);
    let areas = detail["definition"]["areas"].as_array().expect("areas");
    assert_eq!(areas.len(), 8);
    let question = &areas[0]["sub_areas"][0]["questions"][0];
    for level in ["low", "middle", "high"] {
        assert!(
            question["guidance"][level]
                .as_str()
                .is_some_and(|g| g.len() > 10),
            "{question}"
        );
    }
}

fn an_imported_version_is_immutable(app: &TestApp) {
    let admin = app.admin();
    let first = app
        .request(
            "POST",
            "/api/v1/questionnaires",
            &admin,
            Some(MINI),
            "application/toml",
        )
        .expect(201);
    // The same content, laid out differently, is the same version.
    let relaid = format!(
        "# reformatted\n{}",
        MINI.replace("weight = 3.0", "weight = 3")
    );
    let same = app
        .request(
            "POST",
            "/api/v1/questionnaires",
            &admin,
            Some(&relaid),
            "application/toml",
        )
        .expect(200);
    assert_eq!(first["id"], same["id"]);
    assert_eq!(first["content_hash"], same["content_hash"]);
    let changed = MINI.replace(
        "Customers are segmented by value.",
        "Customers are segmented by need.",
    );
    let refused = app
        .request(
            "POST",
            "/api/v1/questionnaires",
            &admin,
            Some(&changed),
            "application/toml",
        )
        .problem(409, "version_exists");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains("new version")),
        "{refused}"
    );
    let bumped = changed.replace("version = \"1.0.0\"", "version = \"1.1.0\"");
    let second = app
        .request(
            "POST",
            "/api/v1/questionnaires",
            &admin,
            Some(&bumped),
            "application/toml",
        )
        .expect(201);
    assert_ne!(first["id"], second["id"]);
    let stored = app
        .get(&format!("/api/v1/questionnaires/{}", first["id"]), &admin)
        .expect(200);
    assert_eq!(
        stored["definition"]["areas"][0]["sub_areas"][0]["questions"][0]["practice"],
        "Customers are segmented by value."
    );
}

fn an_invalid_questionnaire_gets_every_problem_with_line_and_column(app: &TestApp) {
    let admin = app.admin();
    let broken = MINI
        .replace("weight = 3.0", "weight = 0")
        .replace("id = \"ME.1.1\"", "id = \"AP.1.1\"");
    let problem = app
        .request(
            "POST",
            "/api/v1/questionnaires",
            &admin,
            Some(&broken),
            "application/toml",
        )
        .problem(422, "invalid_questionnaire");
    let detail = problem["detail"].as_str().expect("detail");
    assert!(
        detail.contains("request body:36:10: the weight of question AP.1.2 must be greater than 0"),
        "{detail}"
    );
    assert!(
        detail.contains("request body:54:6: duplicate id `AP.1.1`"),
        "{detail}"
    );
}

fn the_openapi_document_describes_every_route(app: &TestApp) {
    let doc = app
        .get("/api/v1/openapi.json", &crate::helpers::Cred::None)
        .expect(200);
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    let paths = doc["paths"].as_object().expect("paths");
    for (path, method) in [
        ("/api/v1/auth/login", "post"),
        ("/api/v1/tokens", "post"),
        ("/api/v1/clients/{id}", "get"),
        ("/api/v1/assessments/{id}", "patch"),
        ("/api/v1/assessments/{id}/scores/{question_id}", "put"),
        ("/api/v1/assessments/{id}/agreed/{question_id}", "delete"),
        ("/api/v1/assessments/{id}/results", "get"),
        ("/api/v1/questionnaires", "post"),
        ("/readyz", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} missing"
        );
    }
    // Every documented operation exists: without credentials it answers 401 (or, when public, not 404).
    let public = [
        "/api/v1/auth/login",
        "/api/v1/invitations/accept",
        "/api/v1/operator/tokens",
        "/api/v1/auth/password-reset",
        "/api/v1/auth/password-reset/confirm",
        "/api/v1/openapi.json",
        "/healthz",
        "/readyz",
    ];
    for (path, operations) in paths {
        let concrete = path
            .replace("{id}", "1")
            .replace("{user_id}", "1")
            .replace("{question_id}", "AP.1.1");
        for method in operations.as_object().expect("operations").keys() {
            let answer = app.request(
                &method.to_uppercase(),
                &concrete,
                &crate::helpers::Cred::None,
                Some("{}"),
                "application/json",
            );
            if public.contains(&path.as_str()) {
                assert_ne!(answer.status, 404, "{method} {path}");
            } else {
                answer.problem(401, "unauthenticated");
            }
        }
    }
    assert!(doc["components"]["schemas"]["Problem"]["properties"]["code"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    // Timestamps are documented as sent: UTC without an offset, not RFC 3339.
    let text = doc.to_string();
    assert!(
        !text.contains("\"date-time\""),
        "no date-time format is claimed"
    );
    assert!(text.contains("utc-date-time-without-offset"));
    // Errors are documented as they are sent: problem documents.
    for (path, operations) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in operations.as_object().expect("operations") {
            for (status, response) in operation["responses"].as_object().expect("responses") {
                if status.starts_with(['4', '5']) {
                    let content = response["content"].as_object();
                    assert!(
                        content.is_some_and(|c| c.keys().eq(["application/problem+json"])),
                        "{method} {path} {status}: {content:?}"
                    );
                }
            }
        }
    }
}

fn health_and_readiness_answer_without_credentials(app: &TestApp) {
    assert_eq!(
        app.get("/healthz", &crate::helpers::Cred::None).expect(200)["status"],
        "ok"
    );
    // Ready once the studies have been worked out ahead: at once for a small portfolio.
    let end = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let answer = app.get("/readyz", &crate::helpers::Cred::None);
        if answer.status == 200 {
            assert_eq!(answer.body["status"], "ready");
            break;
        }
        assert_eq!(answer.body["status"], "warming up", "{}", answer.body);
        assert!(std::time::Instant::now() < end, "still not ready");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
