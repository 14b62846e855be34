//! The reports as Word documents, read back: every XML part parses, the
//! styles a consultant restyles are there, the text holds the client, the
//! areas and the priorities as text, every picture is referenced, and the
//! document's properties are set.

use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use std::collections::BTreeMap;
use std::io::Read;

on_both_backends!(every_report_is_a_word_document_with_styles_text_pictures_and_properties);

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The package's parts by name.
fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP package");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).expect("an entry");
            let mut content = Vec::new();
            entry.read_to_end(&mut content).expect("readable");
            (entry.name().expect("a name").into_owned(), content)
        })
        .collect()
}

/// Every `w:t` of a part, joined.
fn text_of(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("XML");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "t")
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ")
}

fn fetch(app: &TestApp, cred: &Cred, path: &str) -> Vec<u8> {
    let answer = app.get(path, cred);
    assert_eq!(answer.status, 200, "GET {path}");
    assert_eq!(answer.header("content-type"), Some(DOCX), "{path}");
    assert!(
        answer
            .header("content-disposition")
            .is_some_and(|d| d.starts_with("attachment") && d.contains(".docx")),
        "{path}"
    );
    answer.bytes
}

fn check(bytes: &[u8], expected: &[&str], title: &str) -> String {
    let parts = parts(bytes);
    for (name, content) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let xml = std::str::from_utf8(content).unwrap_or_else(|_| panic!("{name} is UTF-8"));
            roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let part = |name: &str| {
        String::from_utf8(
            parts
                .get(name)
                .unwrap_or_else(|| panic!("no {name}"))
                .clone(),
        )
        .expect("UTF-8")
    };
    let styles = part("word/styles.xml");
    for style in [
        "Title",
        "Heading1",
        "Heading2",
        "Heading3",
        "Caption",
        "cmasTable",
    ] {
        assert!(
            styles.contains(&format!("w:styleId=\"{style}\"")),
            "style {style}"
        );
    }
    let document = part("word/document.xml");
    let text = text_of(&document);
    for wanted in expected {
        assert!(text.contains(wanted), "`{wanted}` in the text");
    }
    assert!(
        document.contains("w:val=\"Heading1\""),
        "headings use the styles"
    );
    // Every picture is referenced, and every picture referenced is there.
    let rels = part("word/_rels/document.xml.rels");
    let media: Vec<&String> = parts
        .keys()
        .filter(|n| n.starts_with("word/media/"))
        .collect();
    for name in &media {
        let target = name.trim_start_matches("word/");
        assert!(rels.contains(target), "{name} is referenced");
    }
    let rels_doc = roxmltree::Document::parse(&rels).expect("rels");
    for rel in rels_doc
        .descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
    {
        if rel.attribute("Type").is_some_and(|t| t.ends_with("/image")) {
            let id = rel.attribute("Id").expect("an id");
            let target = format!("word/{}", rel.attribute("Target").expect("a target"));
            assert!(parts.contains_key(&target), "{target} is in the package");
            assert!(
                document.contains(&format!("r:embed=\"{id}\"")),
                "{id} is drawn"
            );
        }
    }
    let core = part("docProps/core.xml");
    assert!(core.contains(&format!("<dc:title>{title}")), "{core}");
    assert!(
        part("word/footer1.xml").contains("PAGE"),
        "page numbers in the footer"
    );
    text
}

fn every_report_is_a_word_document_with_styles_text_pictures_and_properties(app: &TestApp) {
    let admin = app.admin();
    let questionnaire = app.mini_questionnaire(&admin);
    let mut last = (0, 0);
    for (n, name) in ["Crown Bank", "Summit Bank", "Harbour & Sons"]
        .iter()
        .enumerate()
    {
        let client = app.client(&admin, name);
        let id = app.draft(&admin, client, questionnaire);
        // The last is the weakest, so its scorecard has priorities.
        app.finalise_mini(&admin, id, (8 - 2 * n as i64, 6 - 2 * n as i64), "Seen");
        last = (client, id);
    }
    let (client, id) = last;
    let text = check(
        &fetch(
            app,
            &admin,
            &format!("/api/v1/assessments/{id}/scorecard.docx"),
        ),
        &[
            "Harbour & Sons",
            "Analysis & Planning",
            "Measurement",
            "Priorities: what to do first",
            "Portfolio median",
        ],
        "Customer management scorecard: Harbour &amp; Sons",
    );
    let card = app
        .get(&format!("/api/v1/assessments/{id}/scorecard.html"), &admin)
        .body
        .as_str()
        .unwrap_or_default()
        .to_owned();
    // The priorities, as the scorecard words them.
    let first_priority = card
        .split("<ol>")
        .nth(1)
        .and_then(|s| s.split("<li>").nth(1))
        .and_then(|s| s.split(':').next())
        .unwrap_or("no priority")
        .replace("&amp;", "&");
    assert!(!first_priority.starts_with("Every area"), "a priority");
    assert!(text.contains(&first_priority), "{first_priority}");

    let programme = app.programme(&admin, client, "Grow");
    check(
        &fetch(
            app,
            &admin,
            &format!("/api/v1/programmes/{programme}/report.docx"),
        ),
        &["Grow", "What needs attention"],
        "Grow: Harbour &amp; Sons",
    );
    check(
        &fetch(app, &admin, "/api/v1/analysis/portfolio.docx"),
        &["Findings", "Read with care", "Consistency and reliability"],
        "Portfolio study",
    );
}
