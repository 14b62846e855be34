//! The JSON API: one module per resource, one short handler per route, each
//! reading its path and body, calling one use case through `Call` and
//! answering its result. The OpenAPI document comes from their annotations.

pub mod actions;
pub mod assessments;
pub mod assessors;
pub mod audit;
pub mod auth;
pub mod branding;
pub mod clients;
pub mod comparisons;
pub mod evidence;
pub mod exports;
pub mod fieldwork;
pub mod health;
pub mod imports;
pub mod invitations;
pub mod operator;
pub mod password_reset;
pub mod performance;
pub mod programme_exports;
pub mod programmes;
pub mod questionnaires;
pub mod results;
pub mod scorecards;
pub mod scores;
pub mod sessions;
pub mod settings;
pub mod sso;
pub mod stats;
pub mod study;
pub mod targets;
pub mod tokens;
pub mod two_factor;
pub mod users;
pub mod workbook;
