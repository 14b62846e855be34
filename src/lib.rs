//! cmas: customer-management assessments, scorecards, the portfolio study
//! and steady-progress programmes. ARCHITECTURE.md has the picture.
//!
//! Layers, from the inside out:
//! - `domain` and `stats`: the model and the statistics, pure;
//! - `report`: what the reports say, as data; `render`: their layout;
//! - `db`: storage, queries as methods; `auth`: password hashes, secrets;
//! - `app`: every use case, the only caller of `db`;
//! - `web` (routes and pages) and `cli`: adapters that call `app`;
//! - `config`, `telemetry` and `startup` wire it all together.

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
