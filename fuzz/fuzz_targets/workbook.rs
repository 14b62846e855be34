//! The offline workbook reader. Random bytes rarely get past the zip
//! header, so the input is a list of byte patches over a real workbook.
#![no_main]

use cmas::app::workbook::{self, Heading};
use cmas::domain::questionnaire::{load, Questionnaire};
use std::sync::OnceLock;

fn base() -> &'static (Vec<u8>, Questionnaire) {
    static BASE: OnceLock<(Vec<u8>, Questionnaire)> = OnceLock::new();
    BASE.get_or_init(|| {
        let source = include_str!("../../questionnaires/customer-management.toml");
        let questionnaire = load("bundled.toml", source).expect("the bundled questionnaire");
        let heading = Heading {
            assessment_id: 7,
            client: "Harbour Bank",
            scope: "Whole company",
            date: "2026-11-23",
            assessor: "Ada",
        };
        let bytes = workbook::write(&heading, &questionnaire, &[]).expect("a workbook");
        (bytes, questionnaire)
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (bytes, questionnaire) = base();
    let mut patched = bytes.clone();
    for patch in data.chunks_exact(5) {
        let at = u32::from_le_bytes([patch[0], patch[1], patch[2], patch[3]]) as usize;
        let len = patched.len();
        patched[at % len] = patch[4];
    }
    let _ = workbook::read(&patched, 7, questionnaire);
});
