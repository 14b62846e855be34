//! The interview plan of an assessment: who is interviewed (name, job title,
//! function), when, by which assessors, about which areas, whether it was
//! held, and the notes taken. Each interview is an evidence item that
//! answers cite; its notes autosave with the version they were read at.

use super::error::{AppError, AppResult};
use super::evidence::{area_ids, audit, contributable};
use super::input::{optional, required, LONG_TEXT, SHORT_TEXT};
use super::App;
use crate::db::assessments::Assessment;
use crate::db::evidence::{EvidenceRow, NewEvidence};
use crate::db::interviews::{InterviewFields, InterviewRow};
use crate::db::AnyConnection;
use crate::domain::ids::AssessmentId;
use crate::domain::role::Caller;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

/// The functions of the client an interviewee works in.
pub const FUNCTIONS: &[&str] = &[
    "board",
    "marketing",
    "sales",
    "service",
    "it",
    "finance",
    "hr",
    "operations",
    "other",
];
/// The states of an interview.
pub const STATUSES: &[&str] = &["planned", "held", "cancelled"];

/// An interview to plan, or its new state.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct InterviewInput {
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub interviewee: String,
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub job_title: String,
    /// One of board, marketing, sales, service, it, finance, hr, operations, other.
    pub function: String,
    /// Date and time, e.g. `2026-12-07T10:00:00`.
    pub scheduled_at: chrono::NaiveDateTime,
    /// planned (the default), held or cancelled.
    pub status: Option<String>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub assessor_ids: Vec<i32>,
    #[serde(default)]
    #[schema(max_items = 100)]
    pub area_ids: Vec<String>,
    #[schema(max_length = 10000, pattern = "text")]
    pub notes: Option<String>,
    /// For a change: the version you read. A stale one gets 409.
    pub version: Option<i32>,
}

/// One interview of the plan.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct InterviewView {
    /// The evidence item's id, which answers cite.
    pub id: i32,
    pub interviewee: String,
    pub job_title: String,
    pub function: String,
    pub scheduled_at: chrono::NaiveDateTime,
    pub status: String,
    pub assessor_ids: Vec<i32>,
    pub area_ids: Vec<String>,
    pub notes: Option<String>,
    pub version: i32,
}

/// The plan, in time order (staff who see the assessment).
pub fn list(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<Vec<InterviewView>> {
    super::permissions::require(caller, super::permissions::STAFF, "read interviews")?;
    app.read(|conn| {
        let assessment = super::assessments::visible(conn, caller, id)?;
        views(conn, &assessment)
    })
}

/// Every interview of the assessment with its assessors and areas.
pub(crate) fn views(
    conn: &mut AnyConnection,
    assessment: &Assessment,
) -> AppResult<Vec<InterviewView>> {
    let mut assessors: HashMap<i32, Vec<i32>> = HashMap::new();
    for (interview, user) in InterviewRow::assessors(conn, assessment.id)? {
        assessors.entry(interview).or_default().push(user);
    }
    let mut areas = EvidenceRow::areas(conn, assessment.id)?;
    Ok(InterviewRow::list(conn, assessment.id)?
        .into_iter()
        .map(|row| InterviewView {
            id: row.evidence_id,
            assessor_ids: assessors.remove(&row.evidence_id).unwrap_or_default(),
            area_ids: areas.remove(&row.evidence_id).unwrap_or_default(),
            interviewee: row.interviewee,
            job_title: row.job_title,
            function: row.job_function,
            scheduled_at: row.scheduled_at,
            status: row.status,
            notes: row.notes,
            version: row.version,
        })
        .collect())
}

/// Checked fields of an interview.
struct Checked {
    interviewee: String,
    job_title: String,
    function: &'static str,
    status: &'static str,
    notes: Option<String>,
}

fn checked(input: &InterviewInput) -> AppResult<Checked> {
    let one_of = |field: &str, value: &str, allowed: &[&'static str]| {
        allowed
            .iter()
            .find(|a| **a == value)
            .copied()
            .ok_or_else(|| {
                AppError::invalid_field(
                    "unknown_value",
                    field,
                    format!("`{field}` must be one of {}", allowed.join(", ")),
                )
            })
    };
    Ok(Checked {
        interviewee: required("interviewee", &input.interviewee, SHORT_TEXT)?,
        job_title: required("job_title", &input.job_title, SHORT_TEXT)?,
        function: one_of("function", input.function.trim(), FUNCTIONS)?,
        status: one_of(
            "status",
            input.status.as_deref().unwrap_or("planned").trim(),
            STATUSES,
        )?,
        notes: optional("notes", input.notes.as_deref(), LONG_TEXT)?,
    })
}

/// The assessors attending must be on the assessment's team.
fn attending(
    conn: &mut AnyConnection,
    assessment: &Assessment,
    ids: &[i32],
) -> AppResult<Vec<i32>> {
    let team = Assessment::assessors(conn, assessment.id)?;
    let mut kept: Vec<i32> = Vec::new();
    for id in ids {
        if !team.contains(id) {
            return Err(AppError::invalid_field(
                "not_an_assessor",
                "assessor_ids",
                format!("user {id} is not an assessor of this assessment"),
            ));
        }
        if !kept.contains(id) {
            kept.push(*id);
        }
    }
    Ok(kept)
}

/// Plans an interview, as an assessor of the open assessment.
pub fn plan(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    input: &InterviewInput,
) -> AppResult<InterviewView> {
    let fields = checked(input)?;
    app.write(|conn| {
        let (assessment, questionnaire) = contributable(app, conn, caller, id)?;
        let areas = area_ids(&questionnaire, &input.area_ids)?;
        let assessors = attending(conn, &assessment, &input.assessor_ids)?;
        let title = format!("{} ({})", fields.job_title, fields.function);
        let item = EvidenceRow::insert(
            conn,
            NewEvidence {
                organisation_id: assessment.organisation_id,
                assessment_id: assessment.id,
                kind: "interview",
                title: &title,
                url: None,
                file: None,
                effective_date: Some(input.scheduled_at.date()),
                added_by: caller.user_id.get(),
            },
        )?;
        InterviewRow::insert(conn, item.id, &db_fields(&fields, input))?;
        EvidenceRow::set_areas(conn, item.id, &areas)?;
        InterviewRow::set_assessors(conn, item.id, &assessors)?;
        audit(
            conn,
            caller,
            assessment.id,
            "interview.plan",
            None,
            Some(&item),
        )?;
        one(conn, &assessment, item.id)
    })
}

fn db_fields<'a>(fields: &'a Checked, input: &InterviewInput) -> InterviewFields<'a> {
    InterviewFields {
        interviewee: &fields.interviewee,
        job_title: &fields.job_title,
        job_function: fields.function,
        scheduled_at: input.scheduled_at,
        status: fields.status,
        notes: fields.notes.as_deref(),
    }
}

/// Replaces an interview's fields (the notes autosave through this), if
/// the caller read its current version.
pub fn update(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    interview_id: i32,
    input: &InterviewInput,
) -> AppResult<InterviewView> {
    let fields = checked(input)?;
    let version = input.version.ok_or_else(|| {
        AppError::invalid_field(
            "missing_field",
            "version",
            "`version` is required: the version of the interview you read",
        )
    })?;
    app.write(|conn| {
        let (assessment, questionnaire) = contributable(app, conn, caller, id)?;
        let item = EvidenceRow::find(conn, assessment.id, interview_id)?
            .filter(|i| i.kind == "interview")
            .ok_or_else(|| AppError::not_found("interview"))?;
        let areas = area_ids(&questionnaire, &input.area_ids)?;
        let assessors = attending(conn, &assessment, &input.assessor_ids)?;
        if InterviewRow::update(conn, item.id, version, &db_fields(&fields, input))?.is_none() {
            let now = InterviewRow::find(conn, item.id)?.map_or(0, |r| r.version);
            return Err(AppError::conflict(
                "stale_version",
                format!("the interview changed since you read it (now version {now}); reload and try again"),
            ));
        }
        let title = format!("{} ({})", fields.job_title, fields.function);
        EvidenceRow::describe(conn, item.id, &title, Some(input.scheduled_at.date()))?;
        EvidenceRow::set_areas(conn, item.id, &areas)?;
        InterviewRow::set_assessors(conn, item.id, &assessors)?;
        audit(conn, caller, assessment.id, "interview.update", Some(&item), None)?;
        one(conn, &assessment, item.id)
    })
}

fn one(conn: &mut AnyConnection, assessment: &Assessment, id: i32) -> AppResult<InterviewView> {
    views(conn, assessment)?
        .into_iter()
        .find(|v| v.id == id)
        .ok_or_else(|| AppError::not_found("interview"))
}
