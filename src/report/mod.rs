//! What the reports say, as data: the scorecard (built once from an
//! assessment and its portfolio context), the programme report (`programme`)
//! and the portfolio study (`study`), with their wording from `reports/*.toml`.
//! Built by `app`, laid out by `render`. Pure: no storage, no HTTP, no drawing.

mod area_scores;
mod benchmark;
pub mod branding;
mod build;
pub mod comparison;
mod evidence_base;
mod model;
mod paper;
pub mod programme;
pub mod study;
pub mod template_words;
pub mod wording;

pub use area_scores::AreaScores;
pub use benchmark::{percentile_rank, quantile, quartile, Benchmark, MIN_SAME_SCOPE};
pub use branding::{Branding, Logo};
pub use build::{build, AnswerNote, History, PortfolioEntry, ScorecardInput};
pub use evidence_base::{
    evidence_base, AreaEvidence, EvidenceBase, HeldInterview, InterviewLine, Reviewed,
};
pub use model::*;
pub use paper::Paper;
