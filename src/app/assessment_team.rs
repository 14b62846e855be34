//! The assessment team: the lead adds and removes co-assessors until the
//! assessment is final.

use super::assessments::{
    assessor, change, require_lead, require_open, view, visible, AssessmentView, MAX_ASSESSORS,
};
use super::error::{AppError, AppResult};
use super::App;
use crate::db::assessments::Assessment;
use crate::db::assignments;
use crate::db::audit::{AuditEvent, Change};
use crate::db::evidence::Citation;
use crate::db::interviews::InterviewRow;
use crate::db::scores::ScoreRow;
use crate::db::AnyConnection;
use crate::domain::ids::{AssessmentId, UserId};
use crate::domain::role::Caller;
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct AssessorRequest {
    #[schema(minimum = 1)]
    pub user_id: i32,
}

/// The assessment whose team the caller wants to change, if they may.
fn team_of(conn: &mut AnyConnection, caller: &Caller, id: AssessmentId) -> AppResult<Assessment> {
    let current = visible(conn, caller, id)?;
    require_lead(caller, &current, "change the assessors")?;
    require_open(&current, "its team")?;
    Ok(current)
}

/// Adds a co-assessor (the lead or an admin); adding one twice changes nothing.
pub fn add(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    body: AssessorRequest,
) -> AppResult<AssessmentView> {
    app.write(|conn| {
        let mut current = team_of(conn, caller, id)?;
        // The team is the lead and the co-assessors, of whom creation allows
        // as many as the limit: so may adding.
        if Assessment::assessors(conn, id.get())?.len() > MAX_ASSESSORS {
            return Err(AppError::invalid(
                "too_many_assessors",
                format!("at most {MAX_ASSESSORS} assessors per assessment"),
            ));
        }
        let user = assessor(conn, caller, UserId(body.user_id))?;
        if Assessment::add_assessor(conn, id.get(), user.id)? {
            current = Assessment::touch(conn, id.get())?;
            AuditEvent::record(
                conn,
                Change {
                    after: Some(serde_json::json!({ "assessor_id": user.id }).to_string()),
                    ..change(caller, id.get(), "assessment.assessor_added", None, None)
                },
            )?;
        }
        view(conn, current)
    })
}

/// Removes a co-assessor; their answers leave the results and stay in the
/// audit trail.
pub fn remove(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    user_id: UserId,
) -> AppResult<AssessmentView> {
    app.write(|conn| {
        let current = team_of(conn, caller, id)?;
        if user_id.get() == current.lead_assessor_id {
            return Err(AppError::invalid(
                "lead_required",
                "the lead assessor cannot be removed",
            ));
        }
        if !Assessment::remove_assessor(conn, id.get(), user_id.get())? {
            return Err(AppError::not_found("assessor"));
        }
        let answers = ScoreRow::list_for_assessor(conn, id.get(), user_id.get())?;
        ScoreRow::delete_for_assessor(conn, id.get(), user_id.get())?;
        // What they cited, their areas and their seats at interviews go with them.
        Citation::delete_for_assessor(conn, id.get(), user_id.get())?;
        assignments::remove_assessor(conn, id.get(), user_id.get())?;
        InterviewRow::remove_assessor(conn, id.get(), user_id.get())?;
        let updated = Assessment::touch(conn, id.get())?;
        let before = serde_json::json!({ "assessor_id": user_id, "answers": answers });
        AuditEvent::record(
            conn,
            Change {
                before: Some(before.to_string()),
                ..change(caller, id.get(), "assessment.assessor_removed", None, None)
            },
        )?;
        view(conn, updated)
    })
}
