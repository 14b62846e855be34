//! The pure domain: questionnaires, scoring, roles and callers, assessment
//! states, performance data, programme plans, numbers and money as people
//! write them, and login throttling.
//! Nothing here knows about HTTP or the database, so it can be tested on its own.

#![warn(missing_docs)]

pub mod assessment;
pub mod branding;
pub mod comparison;
pub mod credentials;
pub mod dates;
pub mod i18n;
pub mod ids;
pub mod numbers;
pub mod performance;
pub mod plans;
pub mod programme;
pub mod questionnaire;
pub mod role;
pub mod scoring;
pub mod shared_text;
pub mod sso;
pub mod text;
pub mod throttle;
