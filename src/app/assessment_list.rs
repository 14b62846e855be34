//! The assessments page: a page of the assessments the caller may see, with
//! their clients' names and scopes in words.

use super::assessments;
use super::error::AppResult;
use super::listing::{ListQuery, Paged};
use super::scorecard::scope_words;
use super::App;
use crate::db::clients::Client;
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::role::Caller;
use std::collections::HashMap;

/// An assessment as the list shows it.
pub struct Listed {
    /// Its id.
    pub id: i32,
    /// Its client's id.
    pub client_id: i32,
    /// The day it is dated.
    pub assessment_date: chrono::NaiveDate,
    /// The part of the client it covers, in words.
    pub scope_label: String,
    /// Where it stands.
    pub status: Status,
}

/// A page of the assessments the caller may see (as the API lists them),
/// and the names of their clients.
pub fn listed(
    app: &App,
    caller: &Caller,
    query: &ListQuery,
    filter: &AssessmentFilter,
) -> AppResult<(Paged<Listed>, HashMap<i32, String>)> {
    let found = assessments::list(app, caller, query, filter)?;
    let ids: Vec<i32> = found.items.iter().map(|a| a.client_id).collect();
    let names = app.read(|conn| Ok(Client::names_of(conn, caller, &ids)?))?;
    let found = found.map(|a| Listed {
        id: a.id,
        client_id: a.client_id,
        assessment_date: a.assessment_date,
        scope_label: scope_words(
            [
                &a.scope.business_unit,
                &a.scope.product,
                &a.scope.customer_group,
            ],
            "Whole company",
        ),
        status: a.status,
    });
    Ok((found, names))
}
