//! cmas: customer-management assessments, scorecards and the portfolio study.
//!
//! Layers, from the inside out: `domain` is pure (questionnaires, scoring);
//! `db` stores; `app` combines the two into use cases; `web` speaks HTTP;
//! `cli` and `startup` wire it all together.

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
