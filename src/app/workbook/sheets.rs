//! The workbook's layout, which writing and reading share: the sheets,
//! their columns and the cells an upload checks.

use crate::app::file_problems::column_letters;
use crate::domain::questionnaire::{Area, Questionnaire};
use std::collections::HashSet;

/// The media type of the offline scoring workbook.
pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The largest workbook read back, unpacked: a few hundred questions take
/// well under 1 MiB, so this only stops compressed bombs.
pub(super) const MAX_UNPACKED: u64 = 32 * 1024 * 1024;

pub(super) const ABOUT: &str = "About";
pub(super) const COLUMNS: [&str; 9] = [
    "Question",
    "Sub-area",
    "Practice",
    "Evidence guidance",
    "Intention",
    "Reality",
    "N/A reason",
    "Evidence note",
    "Version",
];
/// Column positions in an area sheet (see [`COLUMNS`]).
pub(super) const QUESTION: u16 = 0;
pub(super) const INTENTION: u16 = 4;
pub(super) const REALITY: u16 = 5;
pub(super) const NA_REASON: u16 = 6;
pub(super) const EVIDENCE: u16 = 7;
pub(super) const VERSION: u16 = 8;
/// Rows of the About sheet that an upload checks.
pub(super) const ASSESSMENT_ROW: u32 = 2;
pub(super) const QUESTIONNAIRE_ROW: u32 = 4;

/// What the workbook is for, printed on its first sheet.
pub struct Heading<'a> {
    /// The assessment's id, which an upload must match.
    pub assessment_id: i32,
    /// The assessed client's name.
    pub client: &'a str,
    /// The part of the client assessed, in words.
    pub scope: &'a str,
    /// The assessment's date, as YYYY-MM-DD.
    pub date: &'a str,
    /// The name of the assessor whose answers the workbook holds.
    pub assessor: &'a str,
}

/// An answer as a workbook holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct OfflineAnswer {
    /// The question's id, from the Question column.
    pub question_id: String,
    /// The Intention score, a whole number on the questionnaire's scale.
    pub intention: Option<i64>,
    /// The Reality score, a whole number on the questionnaire's scale.
    pub reality: Option<i64>,
    /// Why the question does not apply, for an N/A answer.
    pub na_reason: Option<String>,
    /// The assessor's evidence note.
    pub evidence: Option<String>,
    /// The stored answer's version when the workbook was made (0: none yet).
    pub version: i32,
    /// The answer's row, for messages: "sheet Proposition, row 7".
    pub at: String,
}

/// The version label an upload must match, e.g. `customer-management 1.0.0`.
pub(super) fn questionnaire_label(q: &Questionnaire) -> String {
    format!("{} {}", q.id, q.version)
}

/// One sheet per area, with names Excel accepts and no two alike.
pub(super) fn area_sheets(questionnaire: &Questionnaire) -> Vec<(String, &Area)> {
    let mut taken = HashSet::from([ABOUT.to_lowercase()]);
    questionnaire
        .areas
        .iter()
        .map(|area| {
            let base = crate::render::table::sheet_name(&area.name);
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.to_lowercase()) {
                let suffix = format!(" {n}");
                name = base.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
                n += 1;
            }
            (name, area)
        })
        .collect()
}

pub(super) fn guidance_text(q: &crate::domain::questionnaire::Question) -> String {
    format!(
        "Low: {}\nMiddle: {}\nHigh: {}",
        q.guidance.low, q.guidance.middle, q.guidance.high
    )
}

/// Where a cell is, for messages.
pub(super) fn cell_at(sheet: &str, row: u32, column: u16) -> String {
    format!(
        "sheet {sheet}, cell {}{}",
        column_letters(usize::from(column)),
        row + 1
    )
}
