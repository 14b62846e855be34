//! What a questionnaire file is refused with: every problem at its line and
//! column, and the index of line starts that places them.

use std::fmt;

/// One problem in a questionnaire file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The line it is on, from 1.
    pub line: usize,
    /// The column it starts at, from 1.
    pub column: usize,
    /// What is wrong there, e.g. "missing `weight` in question AP.1.2".
    pub message: String,
}

/// Every problem found in one file, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadErrors {
    /// The file as the caller named it, for `file:line:column` messages.
    pub file: String,
    /// The problems, by line and column.
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{}:{}: {}", self.file, p.line, p.column, p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

/// A source's lines, indexed once, so a span's line is a binary search and
/// not a scan from the top (which made a long file's errors quadratic).
pub(in crate::domain::questionnaire) struct Lines<'s> {
    source: &'s str,
    starts: Vec<usize>,
}

impl<'s> Lines<'s> {
    pub(in crate::domain::questionnaire) fn of(source: &'s str) -> Lines<'s> {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { source, starts }
    }

    /// The line and column (in characters), both from 1, of a byte offset.
    pub(in crate::domain::questionnaire) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let line = self.starts.partition_point(|start| *start <= offset);
        let start = line
            .checked_sub(1)
            .and_then(|i| self.starts.get(i))
            .copied()
            .unwrap_or(0);
        let column = self
            .source
            .get(start..offset)
            .map_or(0, |l| l.chars().count())
            + 1;
        (line.max(1), column)
    }
}

impl LoadErrors {
    /// The problems of `file`, in file order.
    pub fn sorted(file: &str, mut problems: Vec<Problem>) -> LoadErrors {
        problems.sort_by_key(|p| (p.line, p.column));
        LoadErrors {
            file: file.to_owned(),
            problems,
        }
    }
}
