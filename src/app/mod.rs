//! The use cases: every verb of the product, each with its validation, its
//! authorisation and its audit record, once. The API, the pages and the
//! command line adapt these functions and nothing else; they are the only
//! callers of `db`. Each takes the context ([`App`]) and the caller, and
//! returns [`error::AppResult`].

#![warn(missing_docs)]

pub mod access;
pub mod actions;
pub mod assessment_list;
pub mod assessment_team;
pub mod assessments;
pub mod audit;
pub mod audit_lines;
pub mod backup;
pub mod bootstrap;
pub mod branding;
pub mod client_cards;
pub mod client_evidence;
pub mod client_overview;
pub mod client_records;
pub mod clients;
pub mod comparison;
mod context;
pub mod credential_cache;
pub mod csv_columns;
pub mod dashboard;
pub mod demo;
mod demo_performance;
pub mod documents;
pub mod error;
pub mod evidence;
pub mod exports;
pub mod fieldwork;
pub mod fieldwork_sheet;
pub mod file_problems;
pub mod import;
pub mod input;
pub mod interviews;
pub mod invitations;
pub mod kept;
pub mod limits;
pub mod listing;
pub mod login;
mod login_attempts;
pub mod mail;
pub mod notices;
pub mod operations;
pub mod operators;
pub mod own_data;
pub mod password_reset;
pub mod performance;
pub mod permissions;
pub mod portfolio;
pub mod programmes;
pub mod questionnaire_language;
pub mod questionnaires;
pub mod render_slots;
pub mod report_files;
pub mod results;
pub mod scorecard;
pub mod scores;
pub mod scoring_sheet;
pub mod session_list;
pub mod sessions;
pub mod settings;
pub mod soon;
pub mod sso;
pub mod sso_login;
pub mod statistics;
pub mod study;
pub mod targets;
pub mod tenants;
pub mod tokens;
pub mod two_factor;
pub mod users;
pub mod workbook;

pub use context::App;
