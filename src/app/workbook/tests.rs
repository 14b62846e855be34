use super::*;
use crate::domain::questionnaire::load;
use std::io::{Cursor, Read, Write};

fn questionnaire() -> crate::domain::questionnaire::Questionnaire {
    load(
        "customer-management.toml",
        include_str!("../../../questionnaires/customer-management.toml"),
    )
    .expect("the bundled questionnaire")
}

/// A fresh workbook with one part's text changed by `edit`.
fn edited(edit: impl Fn(&str, String) -> String) -> Vec<u8> {
    let heading = Heading {
        assessment_id: 7,
        client: "North Bank",
        scope: "Whole company",
        date: "2026-05-04",
        assessor: "Ann",
    };
    let bytes = write(&heading, &questionnaire(), &[]).expect("a workbook");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).expect("a part");
        let name = part.name().expect("a part's name").to_string();
        let mut text = String::new();
        part.read_to_string(&mut text).expect("text");
        out.start_file(&name, zip::write::SimpleFileOptions::default())
            .expect("a part");
        out.write_all(edit(&name, text).as_bytes())
            .expect("written");
    }
    out.finish().expect("a zip").into_inner()
}

#[test]
fn a_sheet_whose_cells_name_a_missing_shared_string_is_said_to_be_unreadable_not_missing() {
    // The About sheet's first text cell points past the end of the shared strings.
    let broken = edited(|name, text| {
        if name == "xl/worksheets/sheet1.xml" {
            text.replacen("t=\"s\"><v>0</v>", "t=\"s\"><v>99999</v>", 1)
        } else {
            text
        }
    });
    let refused = read(&broken, 7, &questionnaire()).expect_err("refused");
    let about = refused
        .0
        .iter()
        .find(|f| f.at == "sheet About")
        .expect("a problem on the About sheet");
    assert!(
        about.message.contains("cannot be read"),
        "{}",
        about.message
    );
}

#[test]
fn a_sheet_that_is_gone_is_said_to_be_missing() {
    let renamed = edited(|name, text| {
        if name == "xl/workbook.xml" {
            text.replacen("name=\"About\"", "name=\"Elsewhere\"", 1)
        } else {
            text
        }
    });
    let refused = read(&renamed, 7, &questionnaire()).expect_err("refused");
    assert!(
        refused
            .0
            .iter()
            .any(|f| f.at == "sheet About" && f.message.contains("is missing")),
        "{refused}"
    );
}
