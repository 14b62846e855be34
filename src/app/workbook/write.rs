//! Writing one assessor's workbook: the About sheet, then one locked sheet
//! per area with the cells to fill.

use super::sheets::*;
use crate::db::scores::ScoreRow;
use crate::domain::questionnaire::Questionnaire;
use rust_xlsxwriter::{DataValidation, DataValidationRule, Format, Workbook, XlsxError};
use std::collections::HashMap;

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
