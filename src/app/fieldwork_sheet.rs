//! Everything the fieldwork page shows of one assessment, read at once: the
//! interview plan, the evidence, the coverage and the division of the areas.

use super::assessments::{view, visible, AssessmentView};
use super::error::AppResult;
use super::evidence::{self, EvidenceView};
use super::fieldwork::{coverage_of, Assignment, Coverage};
use super::interviews::{self, InterviewView};
use super::permissions::{require, STAFF};
use super::scores::questionnaire_of;
use super::App;
use crate::db::assessments::Assessment;
use crate::db::assignments;
use crate::db::clients::Client;
use crate::db::users::User;
use crate::domain::ids::AssessmentId;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::role::{Caller, Role};
use std::sync::Arc;

/// The fieldwork of an assessment as its page shows it.
pub struct FieldworkSheet {
    /// The assessment.
    pub assessment: AssessmentView,
    /// The assessed client's name.
    pub client: String,
    /// Its questionnaire, for the areas.
    pub questionnaire: Arc<Questionnaire>,
    /// The interview plan.
    pub interviews: Vec<InterviewView>,
    /// Documents, links and interviews.
    pub evidence: Vec<EvidenceView>,
    /// The areas the evidence covers.
    pub coverage: Coverage,
    /// Who scores which areas.
    pub assignments: Vec<Assignment>,
    /// The assessors: id and name.
    pub team: Vec<(i32, String)>,
    /// The lead (or an admin): divides the areas.
    pub is_lead: bool,
    /// An assessor, the lead or an admin, and the assessment open: adds evidence.
    pub may_contribute: bool,
    /// An admin: shares evidence with executives.
    pub is_admin: bool,
}

/// The fieldwork page's data (staff who see the assessment).
pub fn sheet(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<FieldworkSheet> {
    require(caller, STAFF, "read the fieldwork")?;
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        let questionnaire = questionnaire_of(app, conn, &assessment)?;
        let team_ids = Assessment::assessors(conn, assessment.id)?;
        let team = User::list_in(conn, caller)?
            .into_iter()
            .filter(|u| team_ids.contains(&u.id))
            .map(|u| (u.id, u.name))
            .collect();
        let me = caller.user_id.get();
        let is_lead = me == assessment.lead_assessor_id || caller.role == Role::Admin;
        let open = assessment.status().accepts_scores();
        let client = Client::find_visible(conn, caller, assessment.client_id)?
            .map_or_else(String::new, |c| c.name);
        Ok(FieldworkSheet {
            interviews: interviews::views(conn, &assessment)?,
            evidence: evidence::views(conn, caller, &assessment)?,
            coverage: coverage_of(conn, &assessment, &questionnaire)?,
            assignments: assignments::list(conn, assessment.id)?
                .into_iter()
                .map(|(user_id, area_id)| Assignment { user_id, area_id })
                .collect(),
            may_contribute: open && (is_lead || team_ids.contains(&me)),
            is_admin: caller.role == Role::Admin,
            is_lead,
            team,
            client,
            questionnaire,
            assessment: view(conn, assessment)?,
        })
    })
}
