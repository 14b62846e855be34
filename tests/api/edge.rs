//! The edge holds against slow and noisy clients (issue 14): slow bodies are
//! cut off, made-up methods add no metrics series, and questionnaire files
//! are held to their limits.

use crate::helpers::{spawn_app_with, Backend, Cred, TestApp};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// An app whose request bodies must arrive within `deadline` seconds.
fn app_with_body_deadline(deadline: u64) -> TestApp {
    spawn_app_with(Backend::Sqlite, |settings| {
        settings.connections.body_deadline_secs = deadline;
    })
    .expect("sqlite always runs")
}

/// Opens a login request that announces a 200,000-byte body and sends one byte.
fn slow_login(app: &TestApp) -> TcpStream {
    let address = app.address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).expect("connect");
    let head = format!(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n\r\n{{"
    );
    stream.write_all(head.as_bytes()).expect("send the head");
    stream
}

/// Everything the server sends until it closes the connection, or None if it
/// keeps it open past `patience`.
fn answer_then_close(stream: &mut TcpStream, patience: Duration) -> Option<String> {
    stream
        .set_read_timeout(Some(patience))
        .expect("read timeout");
    let mut answer = Vec::new();
    match stream.read_to_end(&mut answer) {
        Ok(_) => Some(String::from_utf8_lossy(&answer).into_owned()),
        Err(_) => None,
    }
}

#[test]
fn a_slow_body_is_answered_408_naming_the_limit_and_its_connection_closed() {
    let app = app_with_body_deadline(3);
    let mut stream = slow_login(&app);
    let mut trickle = stream.try_clone().expect("clone");
    let sender = std::thread::spawn(move || {
        // A byte every half second, until the server hangs up.
        for _ in 0..40 {
            std::thread::sleep(Duration::from_millis(500));
            if trickle.write_all(b" ").is_err() {
                break;
            }
        }
    });
    let answer = answer_then_close(&mut stream, Duration::from_secs(15))
        .expect("the server closes a body that has not come within its deadline");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("body_too_slow"), "{answer}");
    assert!(answer.contains("within 3 s"), "{answer}");
    sender.join().expect("sender");
}

#[test]
fn hundreds_of_slow_bodies_neither_stop_healthz_nor_outlive_the_deadline() {
    let app = app_with_body_deadline(4);
    let mut slow: Vec<TcpStream> = (0..300).map(|_| slow_login(&app)).collect();
    let started = Instant::now();
    let mut waits = Vec::new();
    for _ in 0..20 {
        let asked = Instant::now();
        app.get("/healthz", &Cred::None).expect(200);
        waits.push(asked.elapsed());
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "the probes ran while every slow body was still open ({waits:?})"
    );
    for stream in &mut slow {
        let answer = answer_then_close(stream, Duration::from_secs(15))
            .expect("every slow connection is closed once its deadline passed");
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    }
}

/// The request-duration series in `/metrics`.
fn series(app: &TestApp, admin: &Cred) -> usize {
    let text = app.get("/metrics", admin).body;
    text.as_str()
        .expect("text")
        .lines()
        .filter(|l| l.starts_with("cmas_http_request_duration_seconds_count{"))
        .count()
}

#[test]
fn a_thousand_made_up_methods_add_no_metrics_series() {
    let app = app_with_body_deadline(60);
    let admin = app.admin();
    let flood = |from: usize, to: usize| {
        for i in from..to {
            let method = format!("FROB{i}");
            let path = format!("/made/up/{i}");
            let answer = app.request(&method, &path, &Cred::None, None, "");
            assert!(answer.status >= 400, "{method} {path}: {}", answer.status);
            let answer = app.request(&method, "/api/v1/clients", &Cred::None, None, "");
            assert!(answer.status >= 400, "{method}: {}", answer.status);
        }
    };
    flood(0, 5);
    // The first scrape is counted once it is answered: its own series comes after it.
    series(&app, &admin);
    let before = series(&app, &admin);
    flood(5, 1_000);
    let after = series(&app, &admin);
    assert_eq!(before, after, "made-up methods and paths became series");
    let text = app.get("/metrics", &admin).body;
    let text = text.as_str().expect("text");
    assert!(!text.contains("FROB"), "a made-up method became a label");
    assert!(
        text.contains("method=\"other\",route=\"unmatched\""),
        "{text}"
    );
}

/// A questionnaire of `questions` questions in one area and sub-area.
fn questionnaire_of(questions: usize) -> String {
    let mut toml = String::from(
        "id = \"wide\"\nversion = \"1.0.0\"\ntitle = \"Wide\"\n[scale]\nmin = 0\nmax = 10\nintention = \"i\"\nreality = \"r\"\n\
         [[areas]]\nid = \"A\"\nname = \"A\"\nweight = 1.0\n[[areas.sub_areas]]\nid = \"A.1\"\nname = \"A.1\"\nweight = 1.0\n",
    );
    for q in 0..questions {
        toml += &format!(
            "[[areas.sub_areas.questions]]\nid = \"A.1.{q}\"\npractice = \"p\"\nweight = 1.0\n\
             [areas.sub_areas.questions.guidance]\nlow = \"l\"\nmiddle = \"m\"\nhigh = \"h\"\n"
        );
    }
    toml
}

#[test]
fn questionnaire_files_are_held_to_their_size_and_question_limits() {
    let app = app_with_body_deadline(60);
    let admin = app.admin();
    let post = |toml: &str| {
        app.request(
            "POST",
            "/api/v1/questionnaires",
            &admin,
            Some(toml),
            "application/toml",
        )
    };
    let too_many = post(&questionnaire_of(1_001)).problem(422, "invalid_questionnaire");
    assert!(
        too_many["detail"]
            .as_str()
            .is_some_and(|d| d.contains("has 1001 questions; at most 1000 are allowed")),
        "{too_many}"
    );
    let mut too_big = questionnaire_of(10);
    too_big += &format!("# {}\n", "x".repeat(1024 * 1024));
    let refused = post(&too_big).problem(413, "body_too_large");
    assert!(
        refused["detail"]
            .as_str()
            .is_some_and(|d| d.contains("1048576 bytes")),
        "{refused}"
    );
    post(&questionnaire_of(1_000)).expect(201);
}

#[test]
fn the_data_page_lists_the_latest_periods_and_counts_the_rest() {
    let app = app_with_body_deadline(60);
    let admin = app.admin();
    app.client(&admin, "North Bank");
    app.send("POST", "/api/v1/kpis", &admin, &serde_json::json!({ "name": "Retention", "unit": "%", "direction": "higher", "kind": "behaviour" }))
        .expect(201);
    // 60 monthly periods, six to an upload (one upload brings at most 24).
    for year in 2021..2026 {
        for months in [1..=6, 7..=12] {
            let half: String = months
                .map(|month| format!("North Bank,Retention,{year}-{month:02},{month}\n"))
                .collect();
            app.request(
                "POST",
                "/api/v1/kpis/values.csv",
                &admin,
                Some(&format!("client,kpi,period,value\n{half}")),
                "text/csv",
            )
            .expect(200);
        }
    }
    let session = app.login(crate::helpers::ADMIN_EMAIL, crate::helpers::PASSWORD);
    let page = app.get("/data", &session);
    assert_eq!(page.status, 200);
    let html = page.body.as_str().expect("html");
    assert_eq!(
        html.matches("/api/v1/kpis/values.csv?period=20").count(),
        48
    );
    assert!(
        html.contains("period=2025-12"),
        "the latest period is listed"
    );
    assert!(!html.contains("period=2021-12\""), "the oldest are not");
    assert!(html.contains("and 12 earlier periods"), "{html}");
}

#[test]
fn a_method_a_path_does_not_take_is_answered_405_with_the_methods_it_does() {
    let app = app_with_body_deadline(60);
    let admin = app.admin();
    let answer = app.request("PATCH", "/api/v1/clients", &admin, None, "");
    assert_eq!(answer.header("allow"), Some("GET, POST"));
    answer.problem(405, "method_not_allowed");
    let answer = app.request(
        "FROB",
        "/api/v1/assessments/1/scores/AP.1.1",
        &Cred::None,
        None,
        "",
    );
    assert_eq!(answer.header("allow"), Some("PUT"));
    answer.problem(405, "method_not_allowed");
    app.request("GET", "/api/v1/no/such/route", &admin, None, "")
        .problem(404, "not_found");
}

/// An evidence upload has its own, longer deadline: a pace that other
/// bodies are cut off at brings a file in.
#[test]
fn an_evidence_upload_may_take_longer_than_other_bodies() {
    let app = spawn_app_with(Backend::Sqlite, |settings| {
        settings.connections.body_deadline_secs = 2;
        settings.connections.upload_deadline_secs = 30;
    })
    .expect("sqlite always runs");
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Slow Network Ltd");
    let id = app.draft(&admin, client, questionnaire);
    let Cred::Bearer(token) = &admin else {
        panic!("a token")
    };
    // 32 KiB in 4 s: far above the minimum rate, past the 2 s deadline.
    let send_slowly = |path: &str, content_type: &str, first: &[u8]| {
        let address = app.address.trim_start_matches("http://");
        let mut stream = TcpStream::connect(address).expect("connect");
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\nContent-Type: {content_type}\r\nContent-Length: 32768\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).expect("head");
        let mut body = first.to_vec();
        body.resize(32768, b'a');
        for piece in body.chunks(4096) {
            if stream.write_all(piece).is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        answer_then_close(&mut stream, Duration::from_secs(20)).expect("an answer")
    };
    let upload = send_slowly(
        &format!("/api/v1/assessments/{id}/evidence/files?file_name=notes.txt"),
        "text/plain",
        b"Interview notes\n",
    );
    assert!(upload.starts_with("HTTP/1.1 201"), "{upload}");
    let link = send_slowly(
        &format!("/api/v1/assessments/{id}/evidence/links"),
        "application/json",
        b"{\"title\": \"x\", \"url\": \"https://x.test\", \"pad\": \"",
    );
    assert!(link.starts_with("HTTP/1.1 408"), "{link}");
}
