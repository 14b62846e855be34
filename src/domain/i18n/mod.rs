//! The words readers see, in English, German and French. Every message
//! lives in a Fluent catalogue under `reports/i18n/<language>/`, one bundle
//! per language; the code names a message by its id and fills in its
//! `$variables`. Numbers and dates are written here in each language's
//! convention before they reach a message, so a report reads the same in
//! PDF, HTML and Word.

mod catalogue;
mod language;

pub use catalogue::{words, Arg, Words, SOURCES};
pub use language::Language;

#[cfg(test)]
mod tests;
