//! Integration tests: the real server over real HTTP, one fresh database each.

#![expect(
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails by panicking, and indexes what it has just built or read"
)]

mod browser;
mod helpers;

mod access;
mod admin_pages;
mod assessments;
mod atomicity;
mod audit;
mod audit_actions;
mod auth;
mod bad_input;
mod bodies;
mod branding;
mod client_data;
mod clients;
mod comparisons;
mod credentials;
mod data_pages;
mod demo;
mod edge;
mod editions;
mod evidence;
mod exports;
mod fieldwork;
mod foreign_ids;
mod hardening;
mod home;
mod hot_paths;
mod invitations;
mod languages;
mod mail;
mod matrix;
mod operations;
mod pages;
mod performance;
mod pinned;
mod plans;
mod programmes;
mod questionnaires;
mod scorecards;
mod sso;
mod stats;
mod storage;
mod tenants;
mod two_factor;
mod word;
mod workbook;
