//! Reading a filled workbook back: the whole file is checked and every
//! problem reported by sheet and cell.

use super::sheets::*;
use crate::app::file_problems::{Flaw, Rejected};
use crate::domain::questionnaire::Questionnaire;
use calamine::{Data, Range, Reader, Xlsx};
use std::collections::HashSet;
use std::io::{Cursor, Read};

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
        Err(e) => flaws.push(unreadable(&book, ABOUT, &e)),
    }
    let mut answers = Vec::new();
    let mut seen = HashSet::new();
    for (name, area) in area_sheets(questionnaire) {
        let range = match book.worksheet_range(&name) {
            Ok(range) => range,
            Err(e) => {
                flaws.push(unreadable(&book, &name, &e));
                continue;
            }
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

/// Why a sheet could not be read: it is not in the file, or it is and its
/// content is broken (a cell naming a shared string the file lacks, say).
fn unreadable<R: Read + std::io::Seek>(
    book: &Xlsx<R>,
    name: &str,
    e: &calamine::XlsxError,
) -> Flaw {
    let message = if book.sheet_names().iter().any(|n| n == name) {
        format!("the sheet cannot be read ({e}); download a fresh workbook from cmas")
    } else {
        "the sheet is missing; download a fresh workbook from cmas".to_owned()
    };
    Flaw::new(format!("sheet {name}"), message)
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
