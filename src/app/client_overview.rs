//! Everything about one client on one page: its profile, its assessments
//! as a timeline with their overall scores, its programme, its KPI values,
//! and (for staff) who outside the consultancy may see it.

use super::clients::{visible, ClientView};
use super::error::AppResult;
use super::scorecard::scope_label;
use super::users::UserView;
use super::App;
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::performance::KpiValue;
use crate::db::programmes::Programme;
use crate::db::result_summaries;
use crate::db::users::User;
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::ids::ClientId;
use crate::domain::role::Caller;
use crate::domain::scoring::OVERALL;
use std::collections::HashMap;

/// One client as its page shows it.
pub struct ClientOverview {
    /// Its profile.
    pub client: ClientView,
    /// Its assessments the caller may see, newest first.
    pub assessments: Vec<TimelineEntry>,
    /// Its steady-progress programme, if it runs one: (id, name).
    pub programme: Option<(i32, String)>,
    /// Its KPI values: (KPI, period, value), by KPI then period.
    pub kpis: Vec<(String, String, f64)>,
    /// The executives and programme managers who see it; listed for staff only.
    pub members: Vec<UserView>,
    /// Its agreed actions, by due date.
    pub actions: Vec<super::actions::ActionView>,
}

/// An assessment on the client's timeline.
pub struct TimelineEntry {
    /// Its id, for its links.
    pub id: i32,
    /// The day it is dated.
    pub date: chrono::NaiveDate,
    /// The part of the client it covers, in words.
    pub scope: String,
    /// Where it stands.
    pub status: Status,
    /// Who leads it, by name.
    pub lead: String,
    /// Its overall combined score in %, once final.
    pub overall: Option<f64>,
}

/// The client's page, if the caller may see the client. Executives and
/// programme managers see its final assessments only, as everywhere.
pub fn overview(app: &App, caller: &Caller, id: ClientId) -> AppResult<ClientOverview> {
    app.read(|conn| {
        let client = visible(conn, caller, id)?;
        let filter = AssessmentFilter {
            client_id: Some(client.id),
            status: None,
        };
        let assessments = Assessment::list_visible(conn, caller, &filter)?;
        let finals: Vec<i32> = assessments
            .iter()
            .filter(|a| a.status() == Status::Final)
            .map(|a| a.id)
            .collect();
        let summaries = result_summaries::load(conn, &finals)?;
        let names: HashMap<i32, String> = User::list_in(conn, caller)?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let members = if caller.role.is_staff() {
            Client::members(conn, caller.organisation_id.get(), client.id)?
                .iter()
                .map(UserView::from)
                .collect()
        } else {
            Vec::new()
        };
        let actions = super::actions::of_client(app, conn, caller, &client)?;
        Ok(ClientOverview {
            actions,
            programme: Programme::find_for_client(conn, client.id)?.map(|p| (p.id, p.name)),
            kpis: KpiValue::of_client(conn, client.id)?,
            assessments: assessments
                .iter()
                .map(|a| TimelineEntry {
                    id: a.id,
                    date: a.assessment_date,
                    scope: scope_label(a),
                    status: a.status(),
                    lead: names.get(&a.lead_assessor_id).cloned().unwrap_or_default(),
                    overall: summaries
                        .get(&a.id)
                        .and_then(|s| s.get(OVERALL))
                        .map(|d| d.combined.get()),
                })
                .collect(),
            members,
            client: client.into(),
        })
    })
}
