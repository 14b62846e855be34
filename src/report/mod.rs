//! The scorecard as data: built once from an assessment and its portfolio
//! context, then laid out by the PDF and HTML renderers. Pure: no storage,
//! no HTTP, no drawing.

mod benchmark;
mod build;
mod model;
mod paper;
pub mod programme;
pub mod study;
mod text;

pub use benchmark::{percentile_rank, quantile, quartile};
pub use build::{build, AnswerNote, History, PortfolioEntry, ScorecardInput};
pub use model::*;
pub use paper::Paper;
