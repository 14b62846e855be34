//! Use cases that combine storage and the domain, shared by the API, the CLI
//! and (later) reports. No HTTP here.

pub mod backup;
pub mod bootstrap;
pub mod client_data;
pub mod csv_columns;
pub mod demo;
mod demo_performance;
pub mod flaws;
pub mod import;
pub mod portfolio;
pub mod programme;
pub mod reports;
pub mod results;
pub mod scorecard;
pub mod study;
pub mod workbook;
