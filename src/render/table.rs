//! Tabular exports: one table, written as CSV or as an XLSX workbook.
//!
//! Both formats keep text harmless in a spreadsheet. In CSV, text that would
//! run as a formula (starting with =, +, -, @) gets a leading `'`; in XLSX,
//! text is written as a string cell, which no spreadsheet evaluates.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// One cell of an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl<T: Into<f64>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Number(v.into()))
    }
}

/// A header and its rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A CSV field made safe for spreadsheets: text that starts like a formula is
/// quoted away; numbers (a negative value starts with "-") stay numbers.
pub fn csv_text(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if text.parse::<f64>().is_err() => {
            format!("'{text}")
        }
        _ => text.to_owned(),
    }
}

/// A CSV cell as it was before [`csv_text`] guarded it: the one `'` that
/// the export puts before text that starts like a formula, taken off again,
/// so that an export reads back as it was.
pub fn csv_unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(text) if csv_text(text) == cell => text,
        _ => cell,
    }
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Flat JSON records as a table: a column per key, in the order keys
    /// first appear; nested values are written as JSON text.
    pub fn from_records(records: &[serde_json::Value]) -> Table {
        let mut header: Vec<String> = Vec::new();
        for record in records {
            for key in record.as_object().into_iter().flat_map(|o| o.keys()) {
                if !header.contains(key) {
                    header.push(key.clone());
                }
            }
        }
        let rows = records
            .iter()
            .map(|record| {
                header
                    .iter()
                    .map(|key| match &record[key.as_str()] {
                        serde_json::Value::Null => Cell::Empty,
                        serde_json::Value::Number(n) => {
                            n.as_f64().map_or(Cell::Empty, Cell::Number)
                        }
                        serde_json::Value::String(s) => Cell::Text(s.clone()),
                        other => Cell::Text(other.to_string()),
                    })
                    .collect()
            })
            .collect();
        Table { header, rows }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// The table as CSV; numbers with up to 2 decimals, as a person reads them.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&self.header)?;
        for row in &self.rows {
            writer.write_record(row.iter().map(|cell| match cell {
                Cell::Text(text) => csv_text(text),
                Cell::Number(n) => format_number(*n),
                Cell::Empty => String::new(),
            }))?;
        }
        writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }

    /// The table as a one-sheet workbook with a bold, frozen header row.
    pub fn to_xlsx(&self, sheet: &str) -> Result<Vec<u8>, XlsxError> {
        workbook(&[(sheet, self)])
    }

    fn write_sheet(&self, workbook: &mut Workbook, sheet: &str) -> Result<(), XlsxError> {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet_name(sheet))?;
        let bold = Format::new().set_bold();
        for (column, title) in (0u16..).zip(&self.header) {
            worksheet.write_string_with_format(0, column, title, &bold)?;
            worksheet.set_column_width(column, column_width(title))?;
        }
        worksheet.set_freeze_panes(1, 0)?;
        for (row, cells) in (1u32..).zip(&self.rows) {
            for (column, cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Text(text) => {
                        worksheet.write_string(row, column, text)?;
                    }
                    Cell::Number(n) => {
                        worksheet.write_number(row, column, *n)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        Ok(())
    }
}

/// Several tables as one workbook, a sheet each, with bold, frozen header rows.
pub fn workbook(sheets: &[(&str, &Table)]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    for (name, table) in sheets {
        table.write_sheet(&mut workbook, name)?;
    }
    workbook.save_to_buffer()
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        let text = format!("{n:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn column_width(title: &str) -> f64 {
    (title.chars().count() as f64 + 4.0).max(12.0)
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
pub fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    let trimmed = cleaned.trim_matches('\'').trim();
    if trimmed.is_empty() {
        "Sheet".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_quoted_in_csv_and_numbers_are_not() {
        let mut table = Table::new(&["name", "value"]);
        table.push(vec!["=1+2".into(), Cell::Number(-3.5)]);
        table.push(vec!["-dash".into(), Cell::Number(7.0)]);
        table.push(vec!["plain".into(), Cell::Empty]);
        let text = String::from_utf8(table.to_csv().expect("csv")).expect("utf-8");
        assert_eq!(text, "name,value\n'=1+2,-3.5\n'-dash,7\nplain,\n");
    }

    #[test]
    fn the_guard_comes_off_exactly_as_it_went_on() {
        for text in [
            "@Home Stores",
            "=SUM(A1)",
            "+44 20",
            "-minus",
            "'quoted",
            "plain",
            "-3.5",
        ] {
            assert_eq!(csv_unguarded(&csv_text(text)), text, "{text}");
        }
        // A quote that the guard did not put there stays.
        assert_eq!(csv_unguarded("'plain"), "'plain");
    }

    #[test]
    fn sheet_names_are_made_acceptable() {
        assert_eq!(sheet_name("Analysis & Planning"), "Analysis & Planning");
        assert_eq!(sheet_name("a/b:c"), "a-b-c");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
        assert_eq!(sheet_name("''"), "Sheet");
    }
}
