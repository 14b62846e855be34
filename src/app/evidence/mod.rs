//! Evidence of an assessment: documents (uploaded files kept in the
//! database), links and interviews. Answers cite items; the lead sees the
//! items beside each disagreement. Staff who may see the assessment may see
//! its evidence; executives only the items an admin shared with them.
//! Every upload, link, share and removal is audited on the assessment.

pub(super) mod citing;
pub mod file_type;
mod upload;

pub use upload::{add_document, DocumentInput, Uploaded};

use super::assessments::{require_open, visible};
use super::error::{AppError, AppResult};
use super::input::{required, SHORT_TEXT};
use super::permissions::{require, ADMINS, STAFF};
use super::scores::{questionnaire_of, require_assessor};
use super::App;
use crate::db::assessments::Assessment;
use crate::db::audit::{AuditEvent, Change};
use crate::db::evidence::{Citation, EvidenceRow, NewEvidence};
use crate::db::AnyConnection;
use crate::domain::ids::AssessmentId;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::role::{Caller, Role};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::ToSchema;

/// The longest link kept.
const MAX_URL: usize = 2000;

/// One evidence item.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct EvidenceView {
    pub id: i32,
    pub assessment_id: i32,
    /// `document`, `link` or `interview`.
    pub kind: String,
    pub title: String,
    pub url: Option<String>,
    pub file_name: Option<String>,
    /// Decided by the file's bytes.
    pub media_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub sha256: Option<String>,
    /// When the document was current (not when it was uploaded).
    pub effective_date: Option<chrono::NaiveDate>,
    pub shared_with_executives: bool,
    pub added_by: i32,
    pub added_at: chrono::NaiveDateTime,
    /// The areas or sub-areas it is meant to cover.
    pub area_ids: Vec<String>,
    /// How many answers cite it.
    pub citations: usize,
}

impl EvidenceView {
    fn new(row: EvidenceRow, area_ids: Vec<String>, citations: usize) -> EvidenceView {
        EvidenceView {
            id: row.id,
            assessment_id: row.assessment_id,
            kind: row.kind,
            title: row.title,
            url: row.url,
            file_name: row.file_name,
            media_type: row.media_type,
            size_bytes: row.size_bytes,
            sha256: row.sha256,
            effective_date: row.effective_date,
            shared_with_executives: row.shared_with_executives,
            added_by: row.added_by,
            added_at: row.added_at,
            area_ids,
            citations,
        }
    }
}

/// A link to evidence kept elsewhere (an intranet page, a shared drive).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct LinkInput {
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub title: String,
    /// An `https://` or `http://` address.
    #[schema(min_length = 1, max_length = 2000)]
    pub url: String,
    pub effective_date: Option<chrono::NaiveDate>,
    #[serde(default)]
    #[schema(max_items = 100)]
    pub area_ids: Vec<String>,
}

/// A change of an item: its description, or (admins) sharing it with executives.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct EvidenceChange {
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub title: Option<String>,
    pub effective_date: Option<chrono::NaiveDate>,
    #[schema(max_items = 100)]
    pub area_ids: Option<Vec<String>>,
    /// Admins only: executives of the client may then download it.
    pub shared_with_executives: Option<bool>,
}

/// The assessment's evidence as the caller may see it.
pub fn list(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<Vec<EvidenceView>> {
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        views(conn, caller, &assessment)
    })
}

/// The items of a visible assessment, with their areas and citation counts;
/// executives see only the shared ones.
pub(crate) fn views(
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment: &Assessment,
) -> AppResult<Vec<EvidenceView>> {
    let mut areas = EvidenceRow::areas(conn, assessment.id)?;
    let mut cited: HashMap<i32, usize> = HashMap::new();
    for c in Citation::list_for_assessment(conn, assessment.id)? {
        *cited.entry(c.evidence_id).or_default() += 1;
    }
    Ok(EvidenceRow::list(conn, assessment.id)?
        .into_iter()
        .filter(|row| caller.role.is_staff() || row.shared_with_executives)
        .map(|row| {
            let id = row.id;
            EvidenceView::new(
                row,
                areas.remove(&id).unwrap_or_default(),
                cited.get(&id).copied().unwrap_or(0),
            )
        })
        .collect())
}

/// One item of the assessment as [`views`] shows it.
fn view_of(
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment: &Assessment,
    id: i32,
) -> AppResult<EvidenceView> {
    views(conn, caller, assessment)?
        .into_iter()
        .find(|v| v.id == id)
        .ok_or_else(|| AppError::not_found("evidence item"))
}

/// Adds a link, as an assessor of an open assessment.
pub fn add_link(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    input: &LinkInput,
) -> AppResult<EvidenceView> {
    let title = required("title", &input.title, SHORT_TEXT)?;
    let url = input.url.trim();
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    if !scheme_ok || url.len() > MAX_URL || url.chars().any(char::is_whitespace) {
        return Err(AppError::invalid_field(
            "invalid_url",
            "url",
            format!("`url` must be an http:// or https:// address without spaces, at most {MAX_URL} characters"),
        ));
    }
    app.write(|conn| {
        let (assessment, questionnaire) = contributable(app, conn, caller, id)?;
        let areas = area_ids(&questionnaire, &input.area_ids)?;
        let row = EvidenceRow::insert(
            conn,
            NewEvidence {
                organisation_id: assessment.organisation_id,
                assessment_id: assessment.id,
                kind: "link",
                title: &title,
                url: Some(url),
                file: None,
                effective_date: input.effective_date,
                added_by: caller.user_id.get(),
            },
        )?;
        EvidenceRow::set_areas(conn, row.id, &areas)?;
        audit(
            conn,
            caller,
            assessment.id,
            "evidence.link",
            None,
            Some(&row),
        )?;
        Ok(EvidenceView::new(row, areas, 0))
    })
}

/// Changes an item's description (an assessor of the open assessment) or
/// whether executives may see it (an admin, at any time).
pub fn change(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    evidence_id: i32,
    input: &EvidenceChange,
) -> AppResult<EvidenceView> {
    if input.shared_with_executives.is_some() {
        require(caller, ADMINS, "share evidence with executives")?;
    }
    let describes =
        input.title.is_some() || input.effective_date.is_some() || input.area_ids.is_some();
    app.write(|conn| {
        let (assessment, questionnaire) = if describes {
            contributable(app, conn, caller, id)?
        } else {
            let assessment = visible(conn, caller, id)?;
            let questionnaire = questionnaire_of(app, conn, &assessment)?;
            (assessment, questionnaire)
        };
        let before = found(conn, assessment.id, evidence_id)?;
        if let Some(shared) = input.shared_with_executives {
            EvidenceRow::set_shared(conn, evidence_id, shared)?;
        }
        if describes {
            let title = match &input.title {
                Some(title) => required("title", title, SHORT_TEXT)?,
                None => before.title.clone(),
            };
            EvidenceRow::describe(
                conn,
                evidence_id,
                &title,
                input.effective_date.or(before.effective_date),
            )?;
            if let Some(areas) = &input.area_ids {
                EvidenceRow::set_areas(conn, evidence_id, &area_ids(&questionnaire, areas)?)?;
            }
        }
        let after = found(conn, assessment.id, evidence_id)?;
        audit(
            conn,
            caller,
            assessment.id,
            "evidence.change",
            Some(&before),
            Some(&after),
        )?;
        view_of(conn, caller, &assessment, evidence_id)
    })
}

/// Removes an item (and what cited it), as an assessor of the open assessment.
pub fn remove(app: &App, caller: &Caller, id: AssessmentId, evidence_id: i32) -> AppResult<()> {
    app.write(|conn| {
        let (assessment, _) = contributable(app, conn, caller, id)?;
        let before = found(conn, assessment.id, evidence_id)?;
        EvidenceRow::delete(conn, evidence_id)?;
        audit(
            conn,
            caller,
            assessment.id,
            "evidence.remove",
            Some(&before),
            None,
        )
    })
}

/// A document's bytes, for its download: staff who see the assessment, and
/// executives of the client when an admin shared it.
pub fn file(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    evidence_id: i32,
) -> AppResult<(EvidenceRow, Vec<u8>)> {
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        let row = found(conn, assessment.id, evidence_id)?;
        if !caller.role.is_staff() && !row.shared_with_executives {
            return Err(AppError::not_found("evidence item"));
        }
        if row.kind != "document" {
            return Err(AppError::not_found("file of this evidence item"));
        }
        let bytes = EvidenceRow::file_bytes(conn, row.id)?;
        Ok((row, bytes))
    })
}

/// The open assessment and its questionnaire, when the caller is one of its
/// assessors (or its lead or an admin): who may add and change evidence.
pub(crate) fn contributable(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    id: AssessmentId,
) -> AppResult<(Assessment, std::sync::Arc<Questionnaire>)> {
    require(caller, STAFF, "add or change evidence")?;
    let assessment = visible(conn, caller, id)?;
    if caller.role != Role::Admin && caller.user_id.get() != assessment.lead_assessor_id {
        require_assessor(conn, caller, &assessment)?;
    }
    require_open(&assessment, "its evidence")?;
    let questionnaire = questionnaire_of(app, conn, &assessment)?;
    Ok((assessment, questionnaire))
}

/// The item of the assessment, or not found.
fn found(conn: &mut AnyConnection, assessment_id: i32, id: i32) -> AppResult<EvidenceRow> {
    EvidenceRow::find(conn, assessment_id, id)?.ok_or_else(|| AppError::not_found("evidence item"))
}

/// Area or sub-area ids of the questionnaire, each once, in the order given.
pub(crate) fn area_ids(questionnaire: &Questionnaire, ids: &[String]) -> AppResult<Vec<String>> {
    let known = |id: &str| {
        questionnaire
            .areas
            .iter()
            .any(|a| a.id == id || a.sub_areas.iter().any(|s| s.id == id))
    };
    let mut kept: Vec<String> = Vec::new();
    for id in ids {
        let id = id.trim();
        if !known(id) {
            return Err(AppError::invalid_field(
                "unknown_area",
                "area_ids",
                format!(
                    "`{id}` is not an area or sub-area of {} {}",
                    questionnaire.id, questionnaire.version
                ),
            ));
        }
        if !kept.iter().any(|k| k == id) {
            kept.push(id.to_owned());
        }
    }
    Ok(kept)
}

/// Records an evidence change on the assessment's audit trail (so that
/// erasing the client blanks it with the rest).
pub(crate) fn audit(
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment_id: i32,
    action: &str,
    before: Option<&EvidenceRow>,
    after: Option<&EvidenceRow>,
) -> AppResult<()> {
    let describe = |row: &EvidenceRow| {
        json!({
            "evidence_id": row.id, "kind": row.kind, "title": row.title, "url": row.url,
            "file_name": row.file_name, "sha256": row.sha256, "size_bytes": row.size_bytes,
            "shared_with_executives": row.shared_with_executives,
        })
    };
    let mut change = Change::by(caller, "assessment", assessment_id, action);
    if let Some(before) = before {
        change = change.before(describe(before));
    }
    if let Some(after) = after {
        change = change.after(describe(after));
    }
    AuditEvent::record(conn, change)?;
    Ok(())
}
