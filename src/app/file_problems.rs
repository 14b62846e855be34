//! Problems of an uploaded file, each with its place, gathered so a person
//! can fix them all in one pass. A file with any of them stores nothing.

use serde::Serialize;
use std::fmt;

/// One problem and where it is: "row 3, column 2" of a CSV file or
/// "sheet Proposition, cell E7" of a workbook.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Flaw {
    pub at: String,
    pub message: String,
    /// Row and column from 1, for text files (the command line prints `file:row:column`).
    #[serde(skip)]
    pub position: Option<(usize, usize)>,
}

impl Flaw {
    /// A problem whose place is said in words only, such as a sheet's cell.
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> Flaw {
        Flaw {
            at: at.into(),
            message: message.into(),
            position: None,
        }
    }

    /// A problem of a CSV file; row 1 is the header.
    pub fn at_cell(row: usize, column: usize, message: impl Into<String>) -> Flaw {
        Flaw {
            at: format!("row {row}, column {column}"),
            message: message.into(),
            position: Some((row, column)),
        }
    }
}

/// A file refused as a whole; the flaws are in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected(pub Vec<Flaw>);

impl fmt::Display for Rejected {
    /// The first problem on one line, and how many more there are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.split_first() {
            None => f.write_str("the file was refused"),
            Some((first, rest)) => {
                write!(f, "{}: {}", first.at, first.message)?;
                match rest.len() {
                    0 => Ok(()),
                    1 => f.write_str(" (and 1 more problem)"),
                    n => write!(f, " (and {n} more problems)"),
                }
            }
        }
    }
}

impl std::error::Error for Rejected {}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn the_message_names_the_first_problem_and_counts_the_rest() {
        let one = Rejected(vec![Flaw::new("row 2, column 1", "bad")]);
        assert_eq!(one.to_string(), "row 2, column 1: bad");
        let three = Rejected(vec![
            Flaw::new("a", "x"),
            Flaw::new("b", "y"),
            Flaw::new("c", "z"),
        ]);
        assert_eq!(three.to_string(), "a: x (and 2 more problems)");
    }
}
