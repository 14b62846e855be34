//! cmas: customer-management assessments, scorecards and the portfolio study.
//!
//! Layers, from the inside out: `domain` is pure (questionnaires, scoring);
//! `db` stores; `app` combines the two into use cases; `web` speaks HTTP;
//! `cli` and `startup` wire it all together.

/// Prints a line to standard output. A closed pipe (`cmas demo | head`) is
/// the reader's choice, not a reason to panic as `println!` would.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod render;
pub mod report;
pub mod startup;
pub mod stats;
pub mod telemetry;
pub mod web;
