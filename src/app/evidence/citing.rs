//! What an assessor's answer cites: the assessment's evidence items it
//! rests on, replaced as a whole and audited.

use crate::app::error::{AppError, AppResult};
use crate::db::audit::{AuditEvent, Change};
use crate::db::evidence::{Citation, EvidenceRow};
use crate::db::AnyConnection;
use crate::domain::ids::AssessmentId;
use crate::domain::role::Caller;

/// Replaces what the caller's answer cites, when `evidence_ids` is given,
/// and records the change; returns what the answer cites now.
pub(in crate::app) fn cite(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: AssessmentId,
    question_id: &str,
    evidence_ids: Option<&[i32]>,
) -> AppResult<Vec<i32>> {
    let (assessment_id, assessor) = (id.get(), caller.user_id.get());
    let Some(ids) = evidence_ids else {
        return Ok(Citation::list_for_answer(
            conn,
            assessment_id,
            assessor,
            question_id,
        )?);
    };
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for &evidence_id in &ids {
        if EvidenceRow::find(conn, assessment_id, evidence_id)?.is_none() {
            return Err(AppError::invalid_field(
                "unknown_evidence",
                "evidence_ids",
                format!("evidence item {evidence_id} is not part of this assessment"),
            ));
        }
    }
    let before = Citation::replace(conn, assessment_id, assessor, question_id, &ids)?;
    if before != ids {
        AuditEvent::record(
            conn,
            Change::by(caller, "assessment", assessment_id, "evidence.cite")
                .before(serde_json::json!({ "question_id": question_id, "evidence_ids": before }))
                .after(serde_json::json!({ "question_id": question_id, "evidence_ids": ids })),
        )?;
    }
    Ok(ids)
}
