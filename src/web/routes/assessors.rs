//! The assessment team: the lead adds and removes co-assessors until the
//! assessment is final.

use super::assessments::{assessment_or_404, assessor, change, require_lead, view, MAX_ASSESSORS};
use crate::db::assessments::Assessment;
use crate::db::audit::{AuditEvent, Change};
use crate::db::scores::ScoreRow;
use crate::db::AnyConnection;
use crate::domain::role::Caller;
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use crate::web::views::AssessmentView;
use actix_web::{delete, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessorRequest {
    pub user_id: i32,
}

/// The assessment whose team the caller wants to change, if they may.
fn team_of(conn: &mut AnyConnection, caller: &Caller, id: i32) -> ApiResult<Assessment> {
    let current = assessment_or_404(conn, caller, id)?;
    require_lead(caller, &current, "change the assessors")?;
    if !current.status().accepts_scores() {
        return Err(ApiError::conflict(
            "assessment_final",
            "the assessment is final; its team can no longer change",
        ));
    }
    Ok(current)
}

/// Adds a co-assessor (lead or admin).
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path)), request_body = AssessorRequest,
    responses((status = 200, body = AssessmentView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments/{id}/assessors")]
pub async fn add(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    body: web::Json<AssessorRequest>,
) -> ApiResult<web::Json<AssessmentView>> {
    let (caller, id, user_id) = (auth.caller(), path.into_inner(), body.user_id);
    let updated = state
        .write(move |conn| {
            let current = team_of(conn, &caller, id)?;
            if Assessment::assessors(conn, id)?.len() >= MAX_ASSESSORS {
                return Err(ApiError::invalid(
                    "too_many_assessors",
                    format!("at most {MAX_ASSESSORS} assessors per assessment"),
                ));
            }
            let user = assessor(conn, &caller, user_id)?;
            let mut current = current;
            if Assessment::add_assessor(conn, id, user.id)? {
                current = Assessment::touch(conn, id)?;
                AuditEvent::record(
                    conn,
                    Change {
                        after: Some(format!("{{\"assessor_id\":{}}}", user.id)),
                        ..change(&caller, id, "assessment.assessor_added", None, None)
                    },
                )?;
            }
            view(conn, current)
        })
        .await?;
    Ok(web::Json(updated))
}

/// Removes a co-assessor; their scores stay in the audit trail but leave the results.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path), ("user_id" = i32, Path)),
    responses((status = 200, body = AssessmentView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[delete("/assessments/{id}/assessors/{user_id}")]
pub async fn remove(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, i32)>,
) -> ApiResult<web::Json<AssessmentView>> {
    let (caller, (id, user_id)) = (auth.caller(), path.into_inner());
    let updated = state
        .write(move |conn| {
            let current = team_of(conn, &caller, id)?;
            if user_id == current.lead_assessor_id {
                return Err(ApiError::invalid(
                    "lead_required",
                    "the lead assessor cannot be removed",
                ));
            }
            if !Assessment::remove_assessor(conn, id, user_id)? {
                return Err(ApiError::not_found("assessor"));
            }
            // Their answers leave the results; the audit trail keeps them.
            let answers = ScoreRow::list_for_assessor(conn, id, user_id)?;
            ScoreRow::delete_for_assessor(conn, id, user_id)?;
            let updated = Assessment::touch(conn, id)?;
            let before = serde_json::json!({ "assessor_id": user_id, "answers": answers });
            AuditEvent::record(
                conn,
                Change {
                    before: Some(before.to_string()),
                    ..change(&caller, id, "assessment.assessor_removed", None, None)
                },
            )?;
            view(conn, updated)
        })
        .await?;
    Ok(web::Json(updated))
}
