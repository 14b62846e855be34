//! The client's language: every report in German and French reads without
//! an English heading in every format; a client's report language is the
//! default and `?lang=` asks for another; the pages follow the person's
//! browser.

use crate::helpers::{spawn_app, Backend, Cred, TestApp};
use crate::on_both_backends;
use cmas::domain::i18n::{words, Language, SOURCES};
use std::io::Read;

on_both_backends!(
    every_report_reads_in_german_and_french_without_an_english_heading,
    a_client_has_a_report_language_and_a_report_can_be_asked_for_in_another
);

/// The headings of the reports in English: every kicker, title and heading
/// of the report catalogue.
fn english_headings() -> Vec<String> {
    let (_, _, source) = SOURCES
        .iter()
        .find(|(l, file, _)| *l == Language::En && file.ends_with("reports.ftl"))
        .expect("the English report catalogue");
    let ids: Vec<&str> = source
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
        .filter(|id| id.contains("heading") || id.contains("kicker") || *id == "study-title")
        .collect();
    assert!(ids.len() > 25, "{ids:?}");
    ids.iter().map(|id| words(Language::En).get(id)).collect()
}

/// A report's text: the page, the PDF's text, or the Word document's runs.
fn text_of(app: &TestApp, cred: &Cred, path: &str) -> String {
    let answer = app.get(path, cred);
    assert_eq!(answer.status, 200, "GET {path}");
    if path.contains(".pdf") {
        let doc = lopdf::Document::load_mem(&answer.bytes).expect("a PDF");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).expect("text")
    } else if path.contains(".docx") {
        let mut archive =
            zip::ZipArchive::new(std::io::Cursor::new(&answer.bytes)).expect("a package");
        let mut xml = String::new();
        archive
            .by_name("word/document.xml")
            .expect("the document")
            .read_to_string(&mut xml)
            .expect("UTF-8");
        let doc = roxmltree::Document::parse(&xml).expect("XML");
        doc.descendants()
            .filter(|n| n.tag_name().name() == "t")
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        answer
            .body
            .as_str()
            .unwrap_or_default()
            .replace("&amp;", "&")
    }
}

fn every_report_reads_in_german_and_french_without_an_english_heading(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Crown Bank");
    let id = app.draft(&admin, client, questionnaire);
    app.finalise_mini(&admin, id, (6, 4), "Seen");
    let programme = app.programme(&admin, client, "Grow");
    let english = english_headings();
    let reports = [
        (
            format!("/api/v1/assessments/{id}/scorecard"),
            "scorecard-heading-strengths",
        ),
        (
            format!("/api/v1/programmes/{programme}/report"),
            "programme-heading_attention",
        ),
        (
            "/api/v1/analysis/portfolio".to_owned(),
            "study-heading-findings",
        ),
    ];
    for language in [Language::De, Language::Fr] {
        for (base, heading) in &reports {
            for format in ["pdf", "html", "docx"] {
                let path = format!("{base}.{format}?lang={language}");
                let text = text_of(app, &admin, &path);
                // The report is there and its text was read...
                assert!(
                    text.contains("Crown Bank") || base.contains("portfolio"),
                    "{path}: {text}"
                );
                if format != "pdf" {
                    // ...in its language (PDF text comes out of subset fonts
                    // glyph by glyph, so only ASCII is compared there)...
                    let wanted = words(language).get(heading);
                    assert!(text.contains(&wanted), "{path} lacks “{wanted}”");
                }
                // ...and no heading of the English one is left.
                for english in &english {
                    assert!(!text.contains(english.as_str()), "{path} says “{english}”");
                }
            }
        }
    }
    // English is still English.
    let text = text_of(
        app,
        &admin,
        &format!("/api/v1/assessments/{id}/scorecard.html?lang=en"),
    );
    assert!(text.contains("Priorities: what to do first"));
}

fn a_client_has_a_report_language_and_a_report_can_be_asked_for_in_another(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let client = app.client(&admin, "Rhein Versicherung");
    let profile = serde_json::json!({
        "name": "Rhein Versicherung", "sector": "Insurance", "size_band": "large",
        "region": "DACH", "report_language": "de",
    });
    let saved = app
        .send(
            "PUT",
            &format!("/api/v1/clients/{client}"),
            &admin,
            &profile,
        )
        .expect(200);
    assert_eq!(saved["report_language"], "de");
    let id = app.draft(&admin, client, questionnaire);
    app.finalise_mini(&admin, id, (6, 4), "Seen");
    let path = format!("/api/v1/assessments/{id}/scorecard.html");
    let german = text_of(app, &admin, &path);
    assert!(german.contains("<html lang=\"de\">"), "{german}");
    assert!(german.contains(&words(Language::De).get("scorecard-heading-priorities")));
    let french = text_of(app, &admin, &format!("{path}?lang=fr"));
    assert!(french.contains("<html lang=\"fr\">"));
    assert!(french.contains(&words(Language::Fr).get("scorecard-heading-priorities")));
    // Dates in the language's convention: the assessment's date in words.
    let sheet = app
        .get(&format!("/api/v1/assessments/{id}"), &admin)
        .expect(200);
    let assessed: chrono::NaiveDate = sheet["assessment_date"]
        .as_str()
        .and_then(|d| d.parse().ok())
        .expect("a date");
    let assessed = words(Language::De).date(assessed);
    assert!(german.contains(&assessed), "{assessed} in {german}");
    // An unknown language is refused, not guessed.
    assert_eq!(app.get(&format!("{path}?lang=es"), &admin).status, 400);
    let refused = app.send(
        "PUT",
        &format!("/api/v1/clients/{client}"),
        &admin,
        &serde_json::json!({ "report_language": "es", "name": "Rhein Versicherung",
            "sector": "Insurance", "size_band": "large", "region": "DACH" }),
    );
    assert!(
        refused.status >= 400 && refused.status < 500,
        "{}",
        refused.status
    );
}

#[test]
fn a_page_speaks_the_language_the_browser_asks_for() {
    let app = spawn_app(Backend::Sqlite).expect("sqlite always runs");
    let page = |accept: &str| {
        ureq::get(&format!("{}/login", app.address))
            .set("Accept-Language", accept)
            .call()
            .expect("the login page")
            .into_string()
            .expect("text")
    };
    let german = page("de-CH, de;q=0.9, en;q=0.5");
    assert!(german.contains("<html lang=\"de\">"), "{german}");
    assert!(
        german.contains(&words(Language::De).get("common-log-in")),
        "{german}"
    );
    let french = page("fr");
    assert!(french.contains("<html lang=\"fr\">"));
    let english = page("es, it;q=0.5");
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains(&words(Language::En).get("common-log-in")));
}

#[test]
fn a_person_chooses_the_language_they_read_cmas_in_over_their_browsers() {
    use crate::helpers::{ADMIN_EMAIL, PASSWORD};
    let app = spawn_app(Backend::Sqlite).expect("sqlite always runs");
    let session = app.login(ADMIN_EMAIL, PASSWORD);
    let Cred::Session { cookie, csrf } = &session else {
        panic!("a session")
    };
    let page = |accept: &str| {
        ureq::get(&format!("{}/password", app.address))
            .set("Cookie", &format!("cmas_session={cookie}"))
            .set("Accept-Language", accept)
            .call()
            .expect("the page")
            .into_string()
            .expect("text")
    };
    assert!(page("en").contains("<html lang=\"en\">"));
    let choose = |code: &str| {
        let form = format!(
            "csrf_token={}&language={code}",
            csrf.as_deref().unwrap_or_default()
        );
        app.request(
            "POST",
            "/language",
            &session,
            Some(&form),
            "application/x-www-form-urlencoded",
        )
    };
    assert_eq!(choose("fr").status, 200, "saved, and back on the page");
    let french = page("en");
    assert!(
        french.contains("<html lang=\"fr\">"),
        "the person's choice beats the browser's"
    );
    assert!(french.contains(&words(Language::Fr).get("password-language-heading")));
    assert_eq!(choose("xx").status, 400, "an unknown language is refused");
    assert_eq!(choose("").status, 200);
    assert!(
        page("de").contains("<html lang=\"de\">"),
        "back to the browser's"
    );
}
