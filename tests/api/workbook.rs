//! XLSX exports and the offline scoring workbook, end to end: the test
//! downloads the workbook, fills it as a person would in a spreadsheet
//! (read every cell, change some, save a new file) and uploads it.

use crate::browser::multipart;
use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::Workbook;
use serde_json::json;
use std::io::Cursor;

on_both_backends!(
    a_filled_workbook_round_trips_and_leaves_untouched_answers_alone,
    a_workbook_with_problems_names_each_cell_and_stores_nothing,
    an_answer_changed_online_after_the_download_is_reported_not_overwritten,
    only_assessors_of_an_open_assessment_of_their_organisation_use_workbooks,
    xlsx_exports_hold_numbers_as_numbers_and_formulas_as_text,
    the_scoring_page_uploads_a_workbook_and_lists_its_problems,
);

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Every sheet of a workbook as a grid of cells, in sheet order.
struct Grid {
    sheets: Vec<(String, Vec<Vec<Data>>)>,
}

impl Grid {
    fn read(bytes: &[u8]) -> Grid {
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an XLSX file");
        let names = book.sheet_names().to_vec();
        let sheets = names
            .into_iter()
            .map(|name| {
                let range = book.worksheet_range(&name).expect("a sheet");
                let (rows, columns) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
                let grid = (0..rows)
                    .map(|r| {
                        (0..columns)
                            .map(|c| range.get_value((r, c)).cloned().unwrap_or(Data::Empty))
                            .collect()
                    })
                    .collect();
                (name, grid)
            })
            .collect();
        Grid { sheets }
    }

    fn sheet(&mut self, name: &str) -> &mut Vec<Vec<Data>> {
        &mut self
            .sheets
            .iter_mut()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no sheet {name}"))
            .1
    }

    /// The row of a question in an area sheet.
    fn row(&mut self, sheet: &str, question: &str) -> &mut Vec<Data> {
        self.sheet(sheet)
            .iter_mut()
            .find(|row| row.first() == Some(&Data::String(question.to_owned())))
            .unwrap_or_else(|| panic!("no row for {question}"))
    }

    fn set(&mut self, sheet: &str, question: &str, column: usize, value: Data) {
        let row = self.row(sheet, question);
        if row.len() <= column {
            row.resize(column + 1, Data::Empty);
        }
        row[column] = value;
    }

    /// Saves the grid as a new workbook, as a spreadsheet program would.
    fn write(&self) -> Vec<u8> {
        let mut book = Workbook::new();
        for (name, rows) in &self.sheets {
            let sheet = book.add_worksheet();
            sheet.set_name(name).expect("name");
            for (r, row) in (0u32..).zip(rows) {
                for (c, cell) in (0u16..).zip(row) {
                    match cell {
                        Data::String(s) => {
                            sheet.write_string(r, c, s).expect("cell");
                        }
                        Data::Float(f) => {
                            sheet.write_number(r, c, *f).expect("cell");
                        }
                        Data::Int(i) => {
                            sheet.write_number(r, c, *i as f64).expect("cell");
                        }
                        _ => {}
                    }
                }
            }
        }
        book.save_to_buffer().expect("xlsx")
    }
}

/// Columns of an area sheet.
const INTENTION: usize = 4;
const REALITY: usize = 5;
const NA_REASON: usize = 6;
const EVIDENCE: usize = 7;

/// An assessment of the mini questionnaire with AP.1.1 answered online.
fn started(app: &TestApp, cred: &Cred) -> i64 {
    let questionnaire = app.mini_questionnaire(cred);
    let client = app.client(cred, "Nordwind Insurance");
    let id = app.draft(cred, client, questionnaire);
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/AP.1.1"),
        cred,
        &json!({ "intention": 6, "reality": 4, "evidence": "Segments in the CRM" }),
    )
    .expect(200);
    id
}

fn download(app: &TestApp, cred: &Cred, id: i64) -> Grid {
    let answer = app.get(&format!("/api/v1/assessments/{id}/workbook.xlsx"), cred);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.header("content-type"), Some(XLSX));
    Grid::read(&answer.bytes)
}

fn my_scores(app: &TestApp, cred: &Cred, id: i64) -> serde_json::Value {
    app.get(&format!("/api/v1/assessments/{id}/scores"), cred)
        .expect(200)
}

fn a_filled_workbook_round_trips_and_leaves_untouched_answers_alone(app: &TestApp) {
    let admin = app.admin();
    let id = started(app, &admin);
    let mut grid = download(app, &admin, id);
    let names: Vec<&str> = grid.sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["About", "Analysis & Planning", "Measurement"]);
    assert_eq!(grid.sheet("About")[2][1], Data::Float(id as f64));
    assert_eq!(grid.sheet("About")[4][1], Data::String("mini 1.0.0".into()));
    let stored = grid.row("Analysis & Planning", "AP.1.1").clone();
    assert_eq!(stored[INTENTION], Data::Float(6.0), "answers so far are in");
    assert_eq!(stored[EVIDENCE], Data::String("Segments in the CRM".into()));
    assert!(
        matches!(&stored[3], Data::String(g) if g.contains("Segments drive budgets.")),
        "the evidence guidance is beside the question: {stored:?}"
    );

    grid.set("Analysis & Planning", "AP.1.2", INTENTION, Data::Float(7.0));
    grid.set(
        "Analysis & Planning",
        "AP.1.2",
        REALITY,
        Data::String("5".into()),
    );
    grid.set(
        "Analysis & Planning",
        "AP.1.2",
        EVIDENCE,
        Data::String("=SUM(A1:A2) quarterly review".into()),
    );
    grid.set(
        "Measurement",
        "ME.1.1",
        NA_REASON,
        Data::String("No customer measures yet".into()),
    );
    let done = app
        .upload(
            &format!("/api/v1/assessments/{id}/workbook"),
            &admin,
            &grid.write(),
            XLSX,
        )
        .expect(200);
    assert_eq!(done, json!({ "saved": 2, "unchanged": 1 }));

    let scores = my_scores(app, &admin, id);
    let by_id = |q: &str| {
        scores
            .as_array()
            .expect("list")
            .iter()
            .find(|s| s["question_id"] == q)
            .cloned()
            .unwrap_or_else(|| panic!("no answer to {q}: {scores}"))
    };
    assert_eq!(
        by_id("AP.1.1")["version"],
        1,
        "an unchanged answer is not rewritten"
    );
    assert_eq!(
        (
            by_id("AP.1.2")["intention"].clone(),
            by_id("AP.1.2")["reality"].clone()
        ),
        (json!(7), json!(5))
    );
    assert_eq!(by_id("AP.1.2")["evidence"], "=SUM(A1:A2) quarterly review");
    assert_eq!(by_id("ME.1.1")["not_applicable"], true);
    assert_eq!(by_id("ME.1.1")["na_reason"], "No customer measures yet");

    let audit = app
        .get(&format!("/api/v1/assessments/{id}/audit"), &admin)
        .expect(200);
    let from_workbook = audit
        .as_array()
        .expect("audit")
        .iter()
        .filter(|e| e["action"] == "score.workbook")
        .count();
    assert_eq!(from_workbook, 2, "each stored answer is audited: {audit}");
}

fn problems(app: &TestApp, cred: &Cred, id: i64, bytes: &[u8]) -> Vec<(String, String)> {
    let body = app
        .upload(
            &format!("/api/v1/assessments/{id}/workbook"),
            cred,
            bytes,
            XLSX,
        )
        .problem(422, "file_rejected");
    body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["at"].as_str().unwrap_or("").to_owned(),
                e["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

fn a_workbook_with_problems_names_each_cell_and_stores_nothing(app: &TestApp) {
    let admin = app.admin();
    let id = started(app, &admin);
    let mut grid = download(app, &admin, id);
    grid.sheet("About")[2][1] = Data::Float(9999.0);
    grid.set(
        "Analysis & Planning",
        "AP.1.2",
        INTENTION,
        Data::Float(11.0),
    );
    grid.set("Analysis & Planning", "AP.1.2", REALITY, Data::Float(4.5));
    grid.set("Measurement", "ME.1.1", INTENTION, Data::Float(3.0));
    grid.set(
        "Measurement",
        "ME.1.1",
        NA_REASON,
        Data::String("Not relevant".into()),
    );
    grid.set(
        "Analysis & Planning",
        "AP.1.1",
        0,
        Data::String("AP.9.9".into()),
    );
    let found = problems(app, &admin, id, &grid.write());
    let places: Vec<&str> = found.iter().map(|(at, _)| at.as_str()).collect();
    assert_eq!(
        places,
        [
            "sheet About, cell B3",
            "sheet Analysis & Planning, cell A2",
            "sheet Analysis & Planning, cell E3",
            "sheet Analysis & Planning, cell F3",
            "sheet Measurement, cell E2",
        ],
        "{found:?}"
    );
    assert!(found[0].1.contains("assessment `9999`"), "{found:?}");
    assert!(
        found[1].1.contains("`AP.9.9` is not a question"),
        "{found:?}"
    );
    assert!(found[2].1.contains("outside the scale 0–10"), "{found:?}");
    assert!(
        found[3].1.contains("`4.5` is not a whole number"),
        "{found:?}"
    );
    assert!(
        found[4].1.contains("an N/A answer has no scores"),
        "{found:?}"
    );

    // A valid row beside the bad ones is not stored either.
    let mut grid = download(app, &admin, id);
    grid.set("Analysis & Planning", "AP.1.2", INTENTION, Data::Float(5.0));
    grid.set("Analysis & Planning", "AP.1.2", REALITY, Data::Float(5.0));
    grid.set("Measurement", "ME.1.1", INTENTION, Data::Float(5.0));
    let found = problems(app, &admin, id, &grid.write());
    assert_eq!(
        found,
        [(
            "sheet Measurement, cell F2".to_owned(),
            "Reality is missing (or leave both scores empty and give an N/A reason)".to_owned()
        )]
    );
    let scores = my_scores(app, &admin, id);
    assert_eq!(scores.as_array().map(Vec::len), Some(1), "{scores}");

    let body = app
        .upload(
            &format!("/api/v1/assessments/{id}/workbook"),
            &admin,
            b"question,intention\nAP.1.1,5\n",
            XLSX,
        )
        .problem(422, "file_rejected");
    assert_eq!(body["errors"][0]["at"], "the file");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .starts_with("this is not an XLSX workbook"),
        "{body}"
    );
    let mut grid = download(app, &admin, id);
    grid.sheets.retain(|(name, _)| name != "Measurement");
    grid.sheet("Analysis & Planning")[0][4] = Data::String("Score".into());
    let found = problems(app, &admin, id, &grid.write());
    assert_eq!(
        found.iter().map(|(at, _)| at.as_str()).collect::<Vec<_>>(),
        ["sheet Analysis & Planning, cell E1", "sheet Measurement"],
        "{found:?}"
    );
}

fn an_answer_changed_online_after_the_download_is_reported_not_overwritten(app: &TestApp) {
    let admin = app.admin();
    let id = started(app, &admin);
    let mut grid = download(app, &admin, id);
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/AP.1.1"),
        &admin,
        &json!({ "intention": 9, "reality": 9, "version": 1 }),
    )
    .expect(200);
    grid.set("Analysis & Planning", "AP.1.1", INTENTION, Data::Float(2.0));
    let found = problems(app, &admin, id, &grid.write());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "sheet Analysis & Planning, row 2");
    assert!(found[0]
        .1
        .contains("changed in cmas after the workbook was downloaded"));
    let scores = my_scores(app, &admin, id);
    assert_eq!(scores[0]["intention"], 9, "the online answer stays");
}

fn only_assessors_of_an_open_assessment_of_their_organisation_use_workbooks(app: &TestApp) {
    let admin = app.admin();
    let id = started(app, &admin);
    let bytes = app
        .get(&format!("/api/v1/assessments/{id}/workbook.xlsx"), &admin)
        .bytes;
    let (_, colleague) = app.user(&admin, "colleague@a.test", "consultant");
    app.get(
        &format!("/api/v1/assessments/{id}/workbook.xlsx"),
        &colleague,
    )
    .problem(403, "not_an_assessor");
    app.upload(
        &format!("/api/v1/assessments/{id}/workbook"),
        &colleague,
        &bytes,
        XLSX,
    )
    .problem(403, "not_an_assessor");
    let outsider = app.other_organisation("admin@b.test");
    app.get(
        &format!("/api/v1/assessments/{id}/workbook.xlsx"),
        &outsider,
    )
    .problem(404, "not_found");
    app.upload(
        &format!("/api/v1/assessments/{id}/workbook"),
        &outsider,
        &bytes,
        XLSX,
    )
    .problem(404, "not_found");
    app.get(
        &format!("/api/v1/assessments/{id}/workbook.xlsx"),
        &Cred::None,
    )
    .problem(401, "unauthenticated");

    app.finalise_mini(&admin, id, (5, 5), "done");
    app.upload(
        &format!("/api/v1/assessments/{id}/workbook"),
        &admin,
        &bytes,
        XLSX,
    )
    .problem(409, "assessment_final");
}

fn xlsx_exports_hold_numbers_as_numbers_and_formulas_as_text(app: &TestApp) {
    let admin = app.admin();
    let id = started(app, &admin);
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{id}/scores/AP.1.2"),
        &admin,
        &json!({ "intention": 8, "reality": 2, "evidence": "=HYPERLINK(\"http://evil.test\")" }),
    )
    .expect(200);
    let answer = app.get(&format!("/api/v1/assessments/{id}/scores.xlsx"), &admin);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-type"), Some(XLSX));
    assert!(answer
        .header("content-disposition")
        .is_some_and(|d| d.contains("%E2%80%93%20scores%20%E2%80%93%20") && d.ends_with(".xlsx")));
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(answer.bytes.clone())).expect("xlsx");
    let sheet = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&sheet).expect("formulas");
    assert_eq!(formulas.used_cells().count(), 0, "no cell is a formula");
    let mut grid = Grid::read(&answer.bytes);
    let rows = grid.sheet(&sheet).clone();
    assert_eq!(rows[0][0], Data::String("question".into()));
    let ap12 = rows
        .iter()
        .find(|r| r[0] == Data::String("AP.1.2".into()))
        .expect("AP.1.2");
    assert_eq!(ap12[2], Data::Float(8.0), "scores stay numbers");
    assert_eq!(
        ap12[5],
        Data::String("=HYPERLINK(\"http://evil.test\")".into()),
        "a formula-like note is plain text"
    );

    let results = app.get(&format!("/api/v1/assessments/{id}/results.xlsx"), &admin);
    assert_eq!(results.status, 200);
    let mut grid = Grid::read(&results.bytes);
    let name = grid.sheets[0].0.clone();
    let rows = grid.sheet(&name).clone();
    assert_eq!(rows[0][6], Data::String("combined_percent".into()));
    let ap11 = rows
        .iter()
        .find(|r| r[2] == Data::String("AP.1.1".into()))
        .expect("AP.1.1");
    assert_eq!(ap11[6], Data::Float(50.0), "(60 % + 40 %) / 2");

    let unknown = app
        .get(&format!("/api/v1/assessments/{id}/results.pdf2"), &admin)
        .problem(400, "bad_path");
    assert!(unknown["detail"]
        .as_str()
        .unwrap_or("")
        .contains("expected `csv` or `xlsx`"));
}

fn the_scoring_page_uploads_a_workbook_and_lists_its_problems(app: &TestApp) {
    let admin = app.admin();
    let id = started(app, &admin);
    let session = app.login(crate::helpers::ADMIN_EMAIL, crate::helpers::PASSWORD);
    let Cred::Session { cookie, csrf } = &session else {
        panic!("a session");
    };
    let csrf = csrf.clone().unwrap_or_default();
    let page_cred = Cred::Session {
        cookie: cookie.clone(),
        csrf: None,
    };
    let scoring = app.get(&format!("/assessments/{id}"), &page_cred);
    let html = scoring.body.as_str().unwrap_or("");
    assert!(
        html.contains(&format!("/api/v1/assessments/{id}/workbook.xlsx")),
        "{html}"
    );
    assert!(html.contains("enctype=\"multipart/form-data\""), "{html}");

    let mut grid = download(app, &admin, id);
    grid.set(
        "Analysis & Planning",
        "AP.1.2",
        INTENTION,
        Data::Float(12.0),
    );
    grid.set("Analysis & Planning", "AP.1.2", REALITY, Data::Float(1.0));
    let (content_type, body) =
        multipart(&[("csrf_token", csrf.as_bytes()), ("workbook", &grid.write())]);
    let refused = app.upload(
        &format!("/assessments/{id}/workbook"),
        &page_cred,
        &body,
        &content_type,
    );
    assert_eq!(refused.status, 422);
    let html = refused.body.as_str().unwrap_or("");
    assert!(
        html.contains("sheet Analysis &amp; Planning, cell E3"),
        "{html}"
    );
    assert!(html.contains("Nothing was stored"), "{html}");

    let (content_type, body) = multipart(&[("csrf_token", b"forged"), ("workbook", &grid.write())]);
    let forged = app.upload(
        &format!("/assessments/{id}/workbook"),
        &page_cred,
        &body,
        &content_type,
    );
    assert_eq!(forged.status, 403);
    assert!(
        forged
            .body
            .as_str()
            .unwrap_or("")
            .contains("<header class=\"top\">"),
        "the refusal is a page in the layout"
    );

    grid.set("Analysis & Planning", "AP.1.2", INTENTION, Data::Float(3.0));
    let (content_type, body) =
        multipart(&[("csrf_token", csrf.as_bytes()), ("workbook", &grid.write())]);
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let response = agent
        .post(&format!("{}/assessments/{id}/workbook", app.address))
        .set("Cookie", &format!("cmas_session={cookie}"))
        .set("Content-Type", &content_type)
        .send_bytes(&body)
        .expect("303");
    assert_eq!(response.status(), 303);
    let location = response.header("location").unwrap_or("").to_owned();
    assert_eq!(location, format!("/assessments/{id}?saved=1&unchanged=1"));
    let after = app.get(&location, &page_cred);
    assert!(after
        .body
        .as_str()
        .unwrap_or("")
        .contains("The workbook is in: 1 saved, 1 unchanged."));
}
