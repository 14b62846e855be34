//! The organisation's report branding: admins set colours (refused below
//! 4.5:1 on white, with the ratio), a bundled font, a cover, a footer, a
//! confidentiality marking and a logo checked by its bytes; every report of
//! the organisation follows it, and no other organisation's.

use crate::browser::Browser;
use crate::helpers::{Cred, TestApp, ADMIN_EMAIL, PASSWORD};
use crate::on_both_backends;
use lopdf::Document;
use serde_json::{json, Value};

on_both_backends!(
    admins_brand_the_reports_and_bad_colours_and_logos_are_refused_in_words,
    every_format_of_every_report_follows_the_branding,
    the_branding_page_keeps_what_was_typed_and_says_each_problem_beside_its_field,
);

const LOGO: &[u8] = include_bytes!("../fixtures/logo.png");
const BRANDING: &str = "/api/v1/settings/branding";

fn brand() -> Value {
    json!({
        "primary_colour": "#0B6E4F", "accent_colour": "#a61e4d", "font": "noto-serif",
        "cover": true, "footer": "Northbridge · Customer practice",
        "confidentiality": "Confidential — prepared for {client}"
    })
}

fn admins_brand_the_reports_and_bad_colours_and_logos_are_refused_in_words(app: &TestApp) {
    let admin = app.admin();
    let (_, consultant) = app.user(&admin, "c@a.test", "consultant");
    let start = app.get(BRANDING, &admin).expect(200);
    assert_eq!(
        (
            start["primary_colour"].as_str(),
            start["font"].as_str(),
            &start["logo"]
        ),
        (Some("#1f4e79"), Some("dejavu-sans"), &Value::Null),
        "cmas's own look until set"
    );
    app.send("PUT", BRANDING, &consultant, &brand())
        .problem(403, "role_not_allowed");
    app.send_bytes(
        "PUT",
        &format!("{BRANDING}/logo"),
        &consultant,
        LOGO,
        "image/png",
    )
    .problem(403, "role_not_allowed");

    // Twelve first saves at once: every one is taken, none half-written.
    let answers: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..12)
            .map(|_| scope.spawn(|| app.send("PUT", BRANDING, &admin, &brand()).status))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).collect()
    });
    assert!(answers.iter().all(|s| *s == 200), "{answers:?}");
    let saved = app.send("PUT", BRANDING, &admin, &brand()).expect(200);
    assert_eq!(saved["primary_colour"], "#0b6e4f");
    assert_eq!(saved["font"], "noto-serif");

    // A pale colour is refused with its ratio; nothing changes.
    let mut pale = brand();
    pale["accent_colour"] = json!("#f0b429");
    let refused = app
        .send("PUT", BRANDING, &admin, &pale)
        .problem(422, "low_contrast");
    let detail = refused["detail"].as_str().unwrap_or_default();
    assert!(
        // WebAIM's checker gives #f0b429 on white 1.86:1.
        detail.contains("#f0b429 has a contrast of 1.86:1") && detail.contains("4.5:1"),
        "{refused}"
    );
    for (field, value, code) in [
        ("primary_colour", json!("teal"), "bad_colour"),
        (
            "confidentiality",
            json!("For {client} of {sector}"),
            "bad_placeholder",
        ),
        ("footer", json!("a\nb"), "invalid_text"),
        ("font", json!("comic-sans"), ""),
    ] {
        let mut bad = brand();
        bad[field] = value;
        let answer = app.send("PUT", BRANDING, &admin, &bad);
        if code.is_empty() {
            assert!(answer.status == 400 || answer.status == 422, "{field}");
        } else {
            answer.problem(422, code);
        }
    }
    assert_eq!(
        app.get(BRANDING, &admin).expect(200)["accent_colour"],
        "#a61e4d"
    );

    // The logo: what its bytes say, within its limits.
    let logo = format!("{BRANDING}/logo");
    app.get(&logo, &admin).problem(404, "not_found");
    let with = app
        .send_bytes("PUT", &logo, &admin, LOGO, "image/png")
        .expect(200);
    assert_eq!(
        with["logo"],
        json!({ "kind": "png", "width": 240, "height": 64 })
    );
    let back = app.get(&logo, &admin);
    assert_eq!(
        (back.status, back.header("content-type")),
        (200, Some("image/png"))
    );
    assert_eq!(back.bytes, LOGO);
    app.send_bytes("PUT", &logo, &admin, b"GIF89a\x01\x00\x01\x00", "image/png")
        .problem(422, "bad_logo");
    let mut named_png = b"<svg onload=alert(1)>".to_vec();
    named_png.extend_from_slice(LOGO);
    app.send_bytes("PUT", &logo, &admin, &named_png, "image/png")
        .problem(422, "bad_logo");
    let big = vec![0x89; 600 * 1024];
    assert_eq!(
        app.send_bytes("PUT", &logo, &admin, &big, "image/png")
            .status,
        413
    );
    assert_eq!(
        app.get(&logo, &admin).bytes,
        LOGO,
        "a refused logo changes nothing"
    );
    let removed = app.send("DELETE", &logo, &admin, &json!({})).expect(200);
    assert_eq!(removed["logo"], Value::Null);

    // Audited, and another organisation's branding is its own.
    let actions: Vec<String> = app
        .get("/api/v1/audit?action=organisation", &admin)
        .expect(200)
        .as_array()
        .map(|events| {
            events
                .iter()
                .filter_map(|e| e["action"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    for action in [
        "organisation.branding",
        "organisation.logo",
        "organisation.logo_removed",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    let other = app.other_organisation("admin@b.test");
    assert_eq!(
        app.get(BRANDING, &other).expect(200)["primary_colour"],
        "#1f4e79"
    );
}

fn pdf_text(bytes: &[u8]) -> (Document, String) {
    let doc = Document::load_mem(bytes).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    (doc, text)
}

fn fetch(app: &TestApp, cred: &Cred, path: &str) -> Vec<u8> {
    let answer = app.get(path, cred);
    assert_eq!(answer.status, 200, "GET {path}");
    answer.bytes
}

fn every_format_of_every_report_follows_the_branding(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Harbour Bank");
    let id = app.draft(&admin, client, questionnaire);
    app.finalise_mini(&admin, id, (6, 4), "Seen");
    let programme = app.programme(&admin, client, "Grow");
    app.send("PUT", BRANDING, &admin, &brand()).expect(200);
    app.send_bytes(
        "PUT",
        &format!("{BRANDING}/logo"),
        &admin,
        LOGO,
        "image/png",
    )
    .expect(200);

    let reports = [
        (
            format!("/api/v1/assessments/{id}/scorecard"),
            "Harbour Bank",
        ),
        (
            format!("/api/v1/programmes/{programme}/report"),
            "Harbour Bank",
        ),
        ("/api/v1/analysis/portfolio".to_owned(), "Secret Consulting"),
    ];
    for (path, prepared_for) in &reports {
        let html = String::from_utf8(fetch(app, &admin, &format!("{path}.html"))).expect("UTF-8");
        for expected in [
            "color: #0b6e4f",
            "\"Noto Serif\", Georgia, serif",
            "src=\"data:image/png;base64,",
            "class=\"cover\"",
            "Northbridge · Customer practice",
        ] {
            assert!(html.contains(expected), "{expected} in {path}.html");
        }
        if path.contains("portfolio") {
            assert!(html.contains("Confidential — prepared for "), "{path}.html");
        } else {
            assert!(
                html.contains(&format!("Confidential — prepared for {prepared_for}")),
                "{path}.html"
            );
        }

        let (doc, text) = pdf_text(&fetch(app, &admin, &format!("{path}.pdf")));
        assert!(text.contains("Confidential — prepared for"), "{path}.pdf");
        assert!(
            text.contains("Northbridge · Customer practice"),
            "{path}.pdf"
        );
        let fonts: Vec<String> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter_map(|d| d.get(b"BaseFont").ok())
            .filter_map(|n| n.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect();
        assert!(
            !fonts.is_empty() && fonts.iter().all(|f| f.contains("NotoSerif")),
            "{path}.pdf fonts: {fonts:?}"
        );
        let images = doc
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image"))
            .count();
        assert!(images >= 1, "{path}.pdf draws the logo");
        // The cover comes first: the marking and the title on a page of their own.
        let first = doc.extract_text(&[1]).expect("page 1");
        assert!(
            first.contains("Confidential") && !first.contains("Strengths"),
            "{first}"
        );
    }
}

fn the_branding_page_keeps_what_was_typed_and_says_each_problem_beside_its_field(app: &TestApp) {
    let admin = app.admin();
    app.user(&admin, "carla@a.test", "consultant");
    let mut browser = Browser::new(app);
    browser.login(ADMIN_EMAIL, PASSWORD);
    let page = browser.get("/admin/branding");
    assert!(
        page.status == 200 && page.body.contains("value=\"#1f4e79\""),
        "{}",
        page.body
    );

    let refused = browser.post(
        "/admin/branding",
        &[
            ("primary_colour", "#0b6e4f"),
            ("accent_colour", "#f0b429"),
            ("font", "noto-sans"),
            ("cover", "on"),
            ("footer", "Northbridge · practice"),
            ("confidentiality", "Confidential — prepared for {client}"),
        ],
    );
    assert_eq!(refused.status, 422);
    for kept in [
        "value=\"#0b6e4f\"",
        "value=\"#f0b429\"",
        "value=\"Northbridge · practice\"",
        "<option value=\"noto-sans\" selected>",
        " checked>",
    ] {
        assert!(refused.body.contains(kept), "{kept} kept: {}", refused.body);
    }
    assert!(
        refused
            .body
            .contains("id=\"brand-accent-error\">#f0b429 has a contrast of 1.86:1"),
        "{}",
        refused.body
    );

    let saved = browser.post(
        "/admin/branding",
        &[
            ("primary_colour", "#0b6e4f"),
            ("accent_colour", "#a61e4d"),
            ("font", "noto-sans"),
            ("footer", "Northbridge · practice"),
            ("confidentiality", ""),
        ],
    );
    assert_eq!(
        (saved.status, saved.location.as_deref()),
        (303, Some("/admin/branding?done=branding"))
    );
    let stored = app.get(BRANDING, &admin).expect(200);
    assert_eq!(
        (stored["accent_colour"].as_str(), &stored["cover"]),
        (Some("#a61e4d"), &json!(false))
    );

    let token = Browser::token(&browser.get("/admin/branding"));
    let gif: &[u8] = b"GIF89a\x01\x00\x01\x00";
    let refused = browser.upload("/admin/branding/logo", &token, &[("logo", gif)]);
    assert!(
        refused.status == 422
            && refused
                .body
                .contains("id=\"brand-logo-error\">The logo is not a PNG or JPEG image."),
        "{}",
        refused.body
    );
    let uploaded = browser.upload("/admin/branding/logo", &token, &[("logo", LOGO)]);
    assert_eq!(
        uploaded.location.as_deref(),
        Some("/admin/branding?done=logo")
    );
    let page = browser.get("/admin/branding?done=logo");
    assert!(
        page.body.contains("240 × 64 pixels") && page.body.contains("src=\"/admin/branding/logo\"")
    );
    let removed = browser.post("/admin/branding/logo/remove", &[]);
    assert_eq!(
        removed.location.as_deref(),
        Some("/admin/branding?done=logo_removed")
    );

    let mut consultant = Browser::new(app);
    consultant.login("carla@a.test", PASSWORD);
    assert_eq!(consultant.get("/admin/branding").status, 403);
}
