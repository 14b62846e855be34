//! cmas: customer-management assessments, scorecards and the portfolio study.

pub mod domain;
