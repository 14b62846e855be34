//! What the action form offers: the client's areas and practices, the
//! people who may own an action, its projects and its final assessments.

use super::{get, questionnaire_for, require, visible_client, ActionView, WRITERS};
use crate::app::error::AppResult;
use crate::app::App;
use crate::db::assessments::Assessment;
use crate::db::programmes::{Programme, StoredProject};
use crate::db::users::User;
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::ids::ClientId;
use crate::domain::role::Caller;

/// What the action form offers for a client: its name, the areas and
/// practices of its latest final assessment, the people who may own an
/// action, its programme's projects and its final assessments.
pub struct ActionForm {
    /// The client's name.
    pub client: String,
    /// Area ids and names.
    pub areas: Vec<(String, String)>,
    /// Practice ids and words.
    pub practices: Vec<(String, String)>,
    /// The organisation's people (id, name).
    pub users: Vec<(i32, String)>,
    /// The client's programme's projects (id, name).
    pub projects: Vec<(i32, String)>,
    /// The client's final assessments (id, date).
    pub assessments: Vec<(i32, chrono::NaiveDate)>,
}

/// The action form's choices for a client the caller may write actions for.
pub fn form(app: &App, caller: &Caller, client_id: ClientId) -> AppResult<ActionForm> {
    require(caller, WRITERS, "add actions")?;
    app.read(|conn| {
        let client = visible_client(conn, caller, client_id)?;
        let (areas, practices) = match questionnaire_for(app, conn, caller, client.id, None)? {
            Some(q) => (
                q.areas
                    .iter()
                    .map(|a| (a.id.clone(), a.name.clone()))
                    .collect(),
                q.questions()
                    .map(|x| (x.id.clone(), x.practice.clone()))
                    .collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let projects = match Programme::find_for_client(conn, client.id)? {
            Some(p) => StoredProject::list(conn, p.id)?
                .into_iter()
                .map(|s| (s.project.id, s.project.name))
                .collect(),
            None => Vec::new(),
        };
        let filter = AssessmentFilter {
            client_id: Some(client.id),
            status: Some(Status::Final),
        };
        let mut assessments: Vec<(i32, chrono::NaiveDate)> =
            Assessment::list_visible(conn, caller, &filter)?
                .into_iter()
                .map(|a| (a.id, a.assessment_date))
                .collect();
        assessments.sort_by_key(|(id, date)| std::cmp::Reverse((*date, *id)));
        Ok(ActionForm {
            client: client.name,
            areas,
            practices,
            users: User::list_in(conn, caller)?
                .into_iter()
                .filter(|u| u.active)
                .map(|u| (u.id, u.name))
                .collect(),
            projects,
            assessments,
        })
    })
}

/// An action and the form's choices for its client, to change it.
pub fn edit_form(app: &App, caller: &Caller, id: i32) -> AppResult<(ActionView, ActionForm)> {
    let action = get(app, caller, id)?;
    let form = form(app, caller, ClientId(action.client_id))?;
    Ok((action, form))
}
