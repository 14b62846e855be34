//! The names the audit trail speaks of: who the records of a page of
//! events are, so that a sentence says "the Harbour Bank assessment of 23
//! Oct 2026" rather than "assessment 49". Every lookup is scoped to the
//! organisation.

use super::schema::{api_tokens, assessments, clients, programmes, projects, users};
use super::AnyConnection;
use diesel::prelude::*;
use std::collections::HashMap;

/// The records a page of events is about, by kind, with their names.
#[derive(Debug, Default)]
pub struct RecordNames {
    /// Assessments: their client's name and their date.
    pub assessments: HashMap<i32, (String, chrono::NaiveDate)>,
    pub clients: HashMap<i32, String>,
    pub users: HashMap<i32, String>,
    pub tokens: HashMap<i32, String>,
    /// Programmes: their name and their client's.
    pub programmes: HashMap<i32, (String, String)>,
    pub projects: HashMap<i32, String>,
}

impl RecordNames {
    /// The names of the records with these ids, by kind (`assessment`,
    /// `client`, `user`, `token`, `programme`, `project`); ids of other
    /// organisations, or of erased records, are left out.
    pub fn of(
        conn: &mut AnyConnection,
        organisation_id: i32,
        ids: &HashMap<&str, Vec<i32>>,
    ) -> QueryResult<RecordNames> {
        let of = |kind: &str| ids.get(kind).cloned().unwrap_or_default();
        let mut names = RecordNames::default();
        for chunk in of("assessment").chunks(500) {
            let rows: Vec<(i32, String, chrono::NaiveDate)> = assessments::table
                .inner_join(clients::table)
                .filter(assessments::organisation_id.eq(organisation_id))
                .filter(assessments::id.eq_any(chunk))
                .select((assessments::id, clients::name, assessments::assessment_date))
                .load(conn)?;
            names.assessments.extend(
                rows.into_iter()
                    .map(|(id, client, date)| (id, (client, date))),
            );
        }
        for chunk in of("client").chunks(500) {
            let rows: Vec<(i32, String)> = clients::table
                .filter(clients::organisation_id.eq(organisation_id))
                .filter(clients::id.eq_any(chunk))
                .select((clients::id, clients::name))
                .load(conn)?;
            names.clients.extend(rows);
        }
        for chunk in of("user").chunks(500) {
            let rows: Vec<(i32, String)> = users::table
                .filter(users::organisation_id.eq(organisation_id))
                .filter(users::id.eq_any(chunk))
                .select((users::id, users::name))
                .load(conn)?;
            names.users.extend(rows);
        }
        for chunk in of("token").chunks(500) {
            let rows: Vec<(i32, String)> = api_tokens::table
                .inner_join(users::table)
                .filter(users::organisation_id.eq(organisation_id))
                .filter(api_tokens::id.eq_any(chunk))
                .select((api_tokens::id, api_tokens::name))
                .load(conn)?;
            names.tokens.extend(rows);
        }
        for chunk in of("programme").chunks(500) {
            let rows: Vec<(i32, String, String)> = programmes::table
                .inner_join(clients::table)
                .filter(programmes::organisation_id.eq(organisation_id))
                .filter(programmes::id.eq_any(chunk))
                .select((programmes::id, programmes::name, clients::name))
                .load(conn)?;
            names.programmes.extend(
                rows.into_iter()
                    .map(|(id, name, client)| (id, (name, client))),
            );
        }
        for chunk in of("project").chunks(500) {
            let rows: Vec<(i32, String)> = projects::table
                .inner_join(programmes::table)
                .filter(programmes::organisation_id.eq(organisation_id))
                .filter(projects::id.eq_any(chunk))
                .select((projects::id, projects::name))
                .load(conn)?;
            names.projects.extend(rows);
        }
        Ok(names)
    }
}
