use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use cmas::render::pdf::check;
use lopdf::{Document, Object};
use serde_json::json;

on_both_backends!(
    the_scorecard_pdf_has_embedded_fonts_real_text_and_stays_on_the_page,
    hostile_and_long_text_is_escaped_in_html_and_literal_in_the_pdf,
    scorecards_follow_the_access_rules_of_the_assessment,
    pages_and_reports_allow_no_inline_code_but_the_reports_own_stylesheet,
);

const HOSTILE: &str = "<script>alert(1)</script>";

/// A final mini assessment of a new client, every question scored (i, r) with `evidence`.
fn final_assessment(
    app: &TestApp,
    admin: &Cred,
    client: &str,
    (i, r): (i64, i64),
    evidence: &str,
) -> (i64, i64) {
    let questionnaire = app
        .get("/api/v1/questionnaires", admin)
        .expect(200)
        .as_array()
        .and_then(|list| {
            list.iter()
                .find(|q| q["key"] == "mini")
                .and_then(|q| q["id"].as_i64())
        })
        .unwrap_or_else(|| app.mini_questionnaire(admin));
    let client = app.client(admin, client);
    let id = app.draft(admin, client, questionnaire);
    app.finalise_mini(admin, id, (i, r), evidence);
    (client, id)
}

fn pdf(app: &TestApp, cred: &Cred, path: &str) -> Vec<u8> {
    let response = ureq::get(&format!("{}{path}", app.address))
        .set(
            "Authorization",
            match cred {
                Cred::Bearer(t) => format!("Bearer {t}"),
                _ => String::new(),
            }
            .as_str(),
        )
        .call()
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    assert_eq!(response.content_type(), "application/pdf");
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut response.into_reader(), &mut bytes).expect("body");
    bytes
}

fn media_box(doc: &Document, page: lopdf::ObjectId) -> (f32, f32) {
    check::media_box(doc, page).expect("media box")
}

fn assert_inside_page(doc: &Document, page: lopdf::ObjectId, size: (f32, f32)) {
    assert_eq!(check::off_page(doc, page, size), None);
}

fn fonts_are_embedded(doc: &Document, page: lopdf::ObjectId) -> usize {
    let fonts = doc.get_page_fonts(page).expect("fonts");
    for font in fonts.values() {
        let descendant = font
            .get(b"DescendantFonts")
            .and_then(Object::as_array)
            .expect("Type0 font");
        let cid = doc
            .dereference(&descendant[0])
            .expect("cid font")
            .1
            .as_dict()
            .expect("dict");
        let descriptor = cid
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
            .expect("descriptor");
        assert!(descriptor.has(b"FontFile2"), "a font is not embedded");
        let name = descriptor
            .get(b"FontName")
            .and_then(Object::as_name)
            .expect("name");
        assert!(
            String::from_utf8_lossy(name).contains('+'),
            "the font is not marked as a subset"
        );
    }
    fonts.len()
}

/// Runs an external PDF checker when this machine has it (CI installs them).
fn external_check(program: &str, args: &[&str], bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().ok()?;
    let file = dir.path().join("card.pdf");
    std::fs::write(&file, bytes).ok()?;
    let Ok(out) = std::process::Command::new(program)
        .args(args)
        .arg(&file)
        .output()
    else {
        eprintln!("skipped the {program} check: {program} is not installed (scripts/install-deps.sh installs it)");
        return None;
    };
    assert!(
        out.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn the_scorecard_pdf_has_embedded_fonts_real_text_and_stays_on_the_page(app: &TestApp) {
    let admin = app.admin();
    for (n, name) in ["Crown Bank", "Harbour Bank", "Summit Bank"]
        .iter()
        .enumerate()
    {
        final_assessment(
            app,
            &admin,
            name,
            (2 + 2 * n as i64, 1 + 2 * n as i64),
            "Seen in the quarterly review",
        );
    }
    let (_, id) = final_assessment(
        app,
        &admin,
        "Meridian Bank",
        (7, 5),
        "Segmentation costs 5 € per customer; retention ≥ 90% in “gold”",
    );
    for (paper, size) in [("a4", (595.28, 841.89)), ("letter", (612.0, 792.0))] {
        let bytes = pdf(
            app,
            &admin,
            // The working edition, which prints the evidence notes.
            &format!("/api/v1/assessments/{id}/scorecard.pdf?paper={paper}&edition=working"),
        );
        let doc = Document::load_mem(&bytes).expect("a PDF");
        let pages = doc.get_pages();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let page_numbers: Vec<u32> = pages.keys().copied().collect();
        let text = doc.extract_text(&page_numbers).expect("text");
        for expected in [
            "Meridian Bank",
            "Analysis & Planning",
            "Measurement",
            "Portfolio median",
            "Top quartile",
            "Priorities: what to do first",
            "Percentile",
            "5 € per customer",
            "≥ 90%",
            "“gold”",
            "mini 1.0.0",
            "Page 1 of",
        ] {
            assert!(
                text.contains(expected),
                "`{expected}` missing from the PDF text:\n{text}"
            );
        }
        for (&number, &page) in &pages {
            let (w, h) = media_box(&doc, page);
            assert!(
                (w - size.0).abs() < 0.5 && (h - size.1).abs() < 0.5,
                "page {number} is {w}×{h}"
            );
            assert!(fonts_are_embedded(&doc, page) >= 1);
            assert_inside_page(&doc, page, (w, h));
        }
        let info = doc
            .trailer
            .get(b"Info")
            .and_then(|i| doc.dereference(i))
            .expect("info")
            .1
            .as_dict()
            .expect("dict");
        assert!(info.has(b"Title") && info.has(b"Author") && info.has(b"CreationDate"));
        if let Some(out) = external_check("qpdf", &["--check"], &bytes) {
            assert!(out.contains("No syntax or stream encoding errors"), "{out}");
        }
        if let Some(out) = external_check("pdffonts", &[], &bytes) {
            assert!(
                out.lines()
                    .skip(2)
                    .all(|l| l.split_whitespace().rev().nth(4) == Some("yes")),
                "a font is not embedded:\n{out}"
            );
        }
    }
}

fn hostile_and_long_text_is_escaped_in_html_and_literal_in_the_pdf(app: &TestApp) {
    let admin = app.admin();
    let long = format!(
        "{} 客户管理 Ende.",
        "Evidence from interviews across functions, with documents reviewed. ".repeat(30)
    );
    assert!(long.chars().count() > 2000);
    let (_, id) = final_assessment(app, &admin, HOSTILE, (1, 0), &long);
    let html = app.get(&format!("/api/v1/assessments/{id}/scorecard.html"), &admin);
    assert_eq!(
        html.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let page = html.body.as_str().expect("html").to_owned();
    assert!(
        !page.contains(HOSTILE),
        "the client name reached the page unescaped"
    );
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        page.contains("<svg") && page.contains("Portfolio median"),
        "the charts are inline SVG"
    );

    let bytes = pdf(
        app,
        &admin,
        &format!("/api/v1/assessments/{id}/scorecard.pdf?edition=working"),
    );
    let doc = Document::load_mem(&bytes).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    assert!(
        text.contains(HOSTILE),
        "the client name is not literal in the PDF"
    );
    assert!(
        text.contains("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} Ende."),
        "characters the font lacks show the fallback glyph"
    );
    let size = media_box(&doc, doc.get_pages()[&1]);
    for page in doc.get_pages().values() {
        assert_inside_page(&doc, *page, size);
    }
}

fn scorecards_follow_the_access_rules_of_the_assessment(app: &TestApp) {
    let admin = app.admin();
    let (client, id) = final_assessment(app, &admin, "Harbour Bank", (5, 4), "Seen");
    let questionnaire = app.get("/api/v1/questionnaires", &admin).expect(200)[1]["id"]
        .as_i64()
        .expect("mini");
    let draft = app
        .send("POST", "/api/v1/assessments", &admin, &json!({ "client_id": client, "questionnaire_id": questionnaire, "assessment_date": "2026-11-01" }))
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    let (exec_id, exec) = app.user(&admin, "ceo@harbour.test", "executive");
    app.send(
        "POST",
        &format!("/api/v1/clients/{client}/members"),
        &admin,
        &json!({ "user_id": exec_id }),
    )
    .expect(204);
    assert!(pdf(
        app,
        &exec,
        &format!("/api/v1/assessments/{id}/scorecard.pdf")
    )
    .starts_with(b"%PDF"));
    app.get(&format!("/api/v1/assessments/{draft}/scorecard.pdf"), &exec)
        .problem(404, "not_found");
    app.get(
        &format!("/api/v1/assessments/{draft}/scorecard.html"),
        &exec,
    )
    .problem(404, "not_found");
    app.get(
        &format!("/api/v1/assessments/{id}/scorecard.pdf"),
        &Cred::None,
    )
    .problem(401, "unauthenticated");
    let outsider = app.other_organisation("admin@b.test");
    app.get(
        &format!("/api/v1/assessments/{id}/scorecard.html"),
        &outsider,
    )
    .problem(404, "not_found");
    app.get(
        &format!("/api/v1/assessments/{id}/scorecard.pdf?paper=a5"),
        &admin,
    )
    .problem(400, "bad_query");
}

fn pages_and_reports_allow_no_inline_code_but_the_reports_own_stylesheet(app: &TestApp) {
    use base64::Engine;
    use sha2::Digest;
    let admin = app.admin();
    let (_, id) = final_assessment(app, &admin, "Policy Bank", (6, 4), "seen");
    let page = app.get("/login", &Cred::None);
    let policy = page.header("content-security-policy").unwrap_or("");
    for part in [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ] {
        assert!(policy.contains(part), "{part} in {policy}");
    }
    let report = app.get(&format!("/api/v1/assessments/{id}/scorecard.html"), &admin);
    let policy = report
        .header("content-security-policy")
        .unwrap_or("")
        .to_owned();
    let html = String::from_utf8_lossy(&report.bytes).into_owned();
    let css = html
        .split("<style>")
        .nth(1)
        .and_then(|rest| rest.split("</style>").next())
        .expect("the report carries its stylesheet");
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(css));
    assert!(
        policy.contains(&format!("style-src 'sha256-{hash}'")),
        "{policy}"
    );
    assert!(
        !policy.contains("unsafe") && policy.contains("default-src 'none'"),
        "{policy}"
    );
}
