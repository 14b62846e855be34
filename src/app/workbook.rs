//! The offline scoring workbook: one assessor's questions and answers as an
//! XLSX file to fill in without a network, and reading it back.
//!
//! The first sheet names the assessment and the questionnaire version, which
//! an upload must match; then one sheet per area, one row per question. The
//! question columns are locked; Intention, Reality, N/A reason and the
//! evidence note are the cells to fill. A hidden column keeps each answer's
//! version at download, so an answer changed online in the meantime is
//! reported rather than overwritten. Reading checks the whole file and
//! reports every problem by sheet and cell.

use super::flaws::{column_letters, Flaw, Rejected};
use crate::db::scores::ScoreRow;
use crate::domain::questionnaire::{Area, Questionnaire};
use calamine::{Data, Range, Reader, Xlsx};
use rust_xlsxwriter::{DataValidation, DataValidationRule, Format, Workbook, XlsxError};
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The largest workbook read back, unpacked: a few hundred questions take
/// well under 1 MiB, so this only stops compressed bombs.
const MAX_UNPACKED: u64 = 32 * 1024 * 1024;

const ABOUT: &str = "About";
const COLUMNS: [&str; 9] = [
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
const QUESTION: u16 = 0;
const INTENTION: u16 = 4;
const REALITY: u16 = 5;
const NA_REASON: u16 = 6;
const EVIDENCE: u16 = 7;
const VERSION: u16 = 8;
/// Rows of the About sheet that an upload checks.
const ASSESSMENT_ROW: u32 = 2;
const QUESTIONNAIRE_ROW: u32 = 4;

/// What the workbook is for, printed on its first sheet.
pub struct Heading<'a> {
    pub assessment_id: i32,
    pub client: &'a str,
    pub scope: &'a str,
    pub date: &'a str,
    pub assessor: &'a str,
}

/// An answer as a workbook holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct OfflineAnswer {
    pub question_id: String,
    pub intention: Option<i64>,
    pub reality: Option<i64>,
    pub na_reason: Option<String>,
    pub evidence: Option<String>,
    /// The stored answer's version when the workbook was made (0: none yet).
    pub version: i32,
    /// The answer's row, for messages: "sheet Proposition, row 7".
    pub at: String,
}

/// The version label an upload must match, e.g. `customer-management 1.0.0`.
fn questionnaire_label(q: &Questionnaire) -> String {
    format!("{} {}", q.id, q.version)
}

/// One sheet per area, with names Excel accepts and no two alike.
fn area_sheets(questionnaire: &Questionnaire) -> Vec<(String, &Area)> {
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

fn guidance_text(q: &crate::domain::questionnaire::Question) -> String {
    format!(
        "Low: {}\nMiddle: {}\nHigh: {}",
        q.guidance.low, q.guidance.middle, q.guidance.high
    )
}

/// The workbook for one assessor, filled with their stored answers.
pub fn write(
    heading: &Heading<'_>,
    questionnaire: &Questionnaire,
    answers: &[ScoreRow],
) -> Result<Vec<u8>, XlsxError> {
    let stored: HashMap<&str, &ScoreRow> = answers
        .iter()
        .map(|a| (a.question_id.as_str(), a))
        .collect();
    let mut book = Workbook::new();
    write_about(&mut book, heading, questionnaire)?;
    let bold = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let input = Format::new()
        .set_unlocked()
        .set_text_wrap()
        .set_background_color("#FFF8DC")
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let scale = &questionnaire.scale;
    let whole = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(
            i32::from(scale.min),
            i32::from(scale.max),
        ))
        .set_input_message(format!(
            "A whole number from {} to {}.",
            scale.min, scale.max
        ))?
        .set_error_message(format!(
            "Give a whole number from {} to {}, or leave it empty and write an N/A reason.",
            scale.min, scale.max
        ))?;
    for (name, area) in area_sheets(questionnaire) {
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        for (column, (title, width)) in (0u16..).zip(
            COLUMNS
                .iter()
                .zip([10.0, 18.0, 48.0, 48.0, 10.0, 10.0, 24.0, 40.0, 8.0]),
        ) {
            sheet.write_string_with_format(0, column, *title, &bold)?;
            sheet.set_column_width(column, width)?;
        }
        sheet.set_column_hidden(VERSION)?;
        sheet.set_freeze_panes(1, 1)?;
        let mut row = 1u32;
        for sub in &area.sub_areas {
            for q in &sub.questions {
                let answer = stored.get(q.id.as_str());
                sheet.write_string_with_format(row, QUESTION, &q.id, &wrap)?;
                sheet.write_string_with_format(row, 1, &sub.name, &wrap)?;
                sheet.write_string_with_format(row, 2, &q.practice, &wrap)?;
                sheet.write_string_with_format(row, 3, guidance_text(q), &wrap)?;
                for column in [INTENTION, REALITY, NA_REASON, EVIDENCE] {
                    sheet.write_blank(row, column, &input)?;
                }
                if let Some(a) = answer {
                    if let Some(v) = a.intention {
                        sheet.write_number_with_format(row, INTENTION, v, &input)?;
                    }
                    if let Some(v) = a.reality {
                        sheet.write_number_with_format(row, REALITY, v, &input)?;
                    }
                    if let Some(text) = &a.na_reason {
                        sheet.write_string_with_format(row, NA_REASON, text, &input)?;
                    }
                    if let Some(text) = &a.evidence {
                        sheet.write_string_with_format(row, EVIDENCE, text, &input)?;
                    }
                }
                sheet.write_number(row, VERSION, answer.map_or(0, |a| a.version))?;
                row += 1;
            }
        }
        if row > 1 {
            sheet.add_data_validation(1, INTENTION, row - 1, REALITY, &whole)?;
        }
        sheet.protect();
    }
    book.save_to_buffer()
}

fn write_about(
    book: &mut Workbook,
    heading: &Heading<'_>,
    questionnaire: &Questionnaire,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(ABOUT)?;
    sheet.set_column_width(0, 18)?;
    sheet.set_column_width(1, 70)?;
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, "cmas offline scoring workbook", &bold)?;
    let scale = &questionnaire.scale;
    let facts: [(&str, String); 7] = [
        ("Assessment", heading.assessment_id.to_string()),
        ("Client", heading.client.to_owned()),
        ("Questionnaire", questionnaire_label(questionnaire)),
        ("Scope", heading.scope.to_owned()),
        ("Date", heading.date.to_owned()),
        ("Assessor", heading.assessor.to_owned()),
        (
            "Scale",
            format!("{}–{} for Intention and Reality", scale.min, scale.max),
        ),
    ];
    for (row, (label, value)) in (ASSESSMENT_ROW..).zip(facts) {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        if row == ASSESSMENT_ROW {
            sheet.write_number(row, 1, heading.assessment_id)?;
        } else {
            sheet.write_string(row, 1, value)?;
        }
    }
    let steps = [
        "How to use this workbook",
        "1. Each area has its own sheet, one row per question. Fill the yellow cells only.",
        &format!("2. Intention: {}", scale.intention),
        &format!("3. Reality: {}", scale.reality),
        "4. If a question does not apply to this client, leave both scores empty and write the reason under N/A reason.",
        "5. Write the evidence behind each score in the evidence note.",
        "6. Back online, upload the file on the assessment's scoring page. Nothing is stored unless every answer is valid; each problem is reported by sheet and cell.",
        "7. Rows left empty change nothing. An answer changed in cmas after this download is reported, not overwritten.",
    ];
    for (row, text) in (11u32..).zip(steps) {
        if row == 11 {
            sheet.write_string_with_format(row, 0, text, &bold)?;
        } else {
            sheet.write_string(row, 0, text)?;
        }
    }
    sheet.protect();
    Ok(())
}

/// Where a cell is, for messages.
fn cell_at(sheet: &str, row: u32, column: u16) -> String {
    format!(
        "sheet {sheet}, cell {}{}",
        column_letters(usize::from(column)),
        row + 1
    )
}

/// Reads a filled workbook back: every answer given, or every problem.
pub fn read(
    bytes: &[u8],
    assessment_id: i32,
    questionnaire: &Questionnaire,
) -> Result<Vec<OfflineAnswer>, Rejected> {
    let whole_file = |message: String| Rejected(vec![Flaw::new("the file", message)]);
    check_unpacked_size(bytes).map_err(whole_file)?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| whole_file(format!("this is not an XLSX workbook ({e})")))?;
    let mut flaws = Vec::new();
    match book.worksheet_range(ABOUT) {
        Ok(about) => check_about(&about, assessment_id, questionnaire, &mut flaws),
        Err(_) => flaws.push(Flaw::new(
            format!("sheet {ABOUT}"),
            "the sheet is missing; download a fresh workbook from cmas",
        )),
    }
    let mut answers = Vec::new();
    let mut seen = HashSet::new();
    for (name, area) in area_sheets(questionnaire) {
        let Ok(range) = book.worksheet_range(&name) else {
            flaws.push(Flaw::new(
                format!("sheet {name}"),
                "the sheet is missing; download a fresh workbook from cmas",
            ));
            continue;
        };
        let sheet = Sheet {
            name: &name,
            range: &range,
        };
        if !sheet.check_header(&mut flaws) {
            continue;
        }
        let questions: HashSet<&str> = area
            .sub_areas
            .iter()
            .flat_map(|s| s.questions.iter().map(|q| q.id.as_str()))
            .collect();
        let last = range.end().map_or(0, |(row, _)| row);
        for row in 1..=last {
            if let Some(answer) =
                sheet.answer(row, &questions, &mut seen, questionnaire, &mut flaws)
            {
                answers.push(answer);
            }
        }
    }
    if flaws.is_empty() {
        Ok(answers)
    } else {
        Err(Rejected(flaws))
    }
}

/// Refuses a file that would unpack to more than [`MAX_UNPACKED`] bytes,
/// counting what its parts really inflate to rather than what they claim.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("this is not an XLSX workbook ({e})"))?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let part = archive
            .by_index(i)
            .map_err(|e| format!("this is not an XLSX workbook ({e})"))?;
        let room = MAX_UNPACKED - total;
        let unpacked = std::io::copy(&mut part.take(room + 1), &mut std::io::sink())
            .map_err(|e| format!("this is not an XLSX workbook ({e})"))?;
        total += unpacked;
        if total > MAX_UNPACKED {
            return Err(format!(
                "the workbook unpacks to more than {} MiB; a scoring workbook is far smaller",
                MAX_UNPACKED / 1024 / 1024
            ));
        }
    }
    Ok(())
}

fn check_about(
    about: &Range<Data>,
    assessment_id: i32,
    questionnaire: &Questionnaire,
    flaws: &mut Vec<Flaw>,
) {
    let id = about.get_value((ASSESSMENT_ROW, 1));
    let found = id.and_then(whole_number);
    if found != Some(i64::from(assessment_id)) {
        let shown = id.map_or(String::new(), ToString::to_string);
        flaws.push(Flaw::new(
            cell_at(ABOUT, ASSESSMENT_ROW, 1),
            format!("this workbook is for assessment `{shown}`, not {assessment_id}; download the workbook of this assessment"),
        ));
    }
    let label = about
        .get_value((QUESTIONNAIRE_ROW, 1))
        .map_or(String::new(), ToString::to_string);
    let wanted = questionnaire_label(questionnaire);
    if label.trim() != wanted {
        flaws.push(Flaw::new(
            cell_at(ABOUT, QUESTIONNAIRE_ROW, 1),
            format!("the workbook was made for `{label}`, but the assessment uses `{wanted}`"),
        ));
    }
}

/// A number with no fraction, from a numeric or a text cell.
fn whole_number(data: &Data) -> Option<i64> {
    match data {
        Data::Int(i) => Some(*i),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e12 => Some(*f as i64),
        Data::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

struct Sheet<'a> {
    name: &'a str,
    range: &'a Range<Data>,
}

impl Sheet<'_> {
    fn get(&self, row: u32, column: u16) -> Option<&Data> {
        self.range
            .get_value((row, u32::from(column)))
            .filter(|d| !is_blank(d))
    }

    fn at(&self, row: u32, column: u16) -> String {
        cell_at(self.name, row, column)
    }

    /// The header must be the one cmas wrote: columns read by position.
    fn check_header(&self, flaws: &mut Vec<Flaw>) -> bool {
        let before = flaws.len();
        for (column, title) in (0u16..).zip(COLUMNS) {
            let found = self
                .get(0, column)
                .map_or(String::new(), ToString::to_string);
            if found.trim() != title {
                flaws.push(Flaw::new(
                    self.at(0, column),
                    format!("the header should read `{title}`, not `{found}`; do not move or rename columns"),
                ));
            }
        }
        flaws.len() == before
    }

    fn text(&self, row: u32, column: u16) -> Option<String> {
        self.get(row, column)
            .map(|d| d.to_string().trim().to_owned())
            .filter(|t| !t.is_empty())
    }

    fn score(
        &self,
        row: u32,
        column: u16,
        questionnaire: &Questionnaire,
        flaws: &mut Vec<Flaw>,
    ) -> Option<i64> {
        let data = self.get(row, column)?;
        let Some(value) = whole_number(data) else {
            flaws.push(Flaw::new(
                self.at(row, column),
                format!("`{data}` is not a whole number"),
            ));
            return None;
        };
        if let Err(e) = questionnaire.scale.score(value) {
            flaws.push(Flaw::new(self.at(row, column), e));
            return None;
        }
        Some(value)
    }

    /// The answer in a row, if the row holds one; its problems go to `flaws`.
    fn answer(
        &self,
        row: u32,
        questions: &HashSet<&str>,
        seen: &mut HashSet<String>,
        questionnaire: &Questionnaire,
        flaws: &mut Vec<Flaw>,
    ) -> Option<OfflineAnswer> {
        let filled = [INTENTION, REALITY, NA_REASON, EVIDENCE]
            .iter()
            .any(|&c| self.get(row, c).is_some());
        let question = self.text(row, QUESTION);
        let Some(question_id) = question else {
            if filled {
                flaws.push(Flaw::new(
                    self.at(row, QUESTION),
                    "this row has an answer but no question id",
                ));
            }
            return None;
        };
        if !questions.contains(question_id.as_str()) {
            flaws.push(Flaw::new(
                self.at(row, QUESTION),
                format!("`{question_id}` is not a question of this area"),
            ));
            return None;
        }
        if !seen.insert(question_id.clone()) {
            flaws.push(Flaw::new(
                self.at(row, QUESTION),
                format!("question `{question_id}` appears twice"),
            ));
            return None;
        }
        if !filled {
            return None;
        }
        let before = flaws.len();
        let intention = self.score(row, INTENTION, questionnaire, flaws);
        let reality = self.score(row, REALITY, questionnaire, flaws);
        let na_reason = self.text(row, NA_REASON);
        let has_scores = self.get(row, INTENTION).is_some() || self.get(row, REALITY).is_some();
        if na_reason.is_some() && has_scores {
            flaws.push(Flaw::new(
                self.at(row, INTENTION),
                "an N/A answer has no scores: clear Intention and Reality, or the N/A reason",
            ));
        } else if na_reason.is_none() {
            for (column, name) in [(INTENTION, "Intention"), (REALITY, "Reality")] {
                if self.get(row, column).is_none() {
                    flaws.push(Flaw::new(
                        self.at(row, column),
                        format!(
                            "{name} is missing (or leave both scores empty and give an N/A reason)"
                        ),
                    ));
                }
            }
        }
        let version = match self.get(row, VERSION) {
            None => Some(0),
            Some(data) => whole_number(data).and_then(|v| i32::try_from(v).ok()),
        };
        let Some(version) = version else {
            flaws.push(Flaw::new(
                self.at(row, VERSION),
                "the hidden version cell was changed; download a fresh workbook",
            ));
            return None;
        };
        if flaws.len() > before {
            return None;
        }
        Some(OfflineAnswer {
            question_id,
            intention,
            reality,
            na_reason,
            evidence: self.text(row, EVIDENCE),
            version,
            at: format!("sheet {}, row {}", self.name, row + 1),
        })
    }
}

fn is_blank(data: &Data) -> bool {
    match data {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}
