//! Interviews of the fieldwork: each is an evidence item (its areas and
//! citations are the item's) with the interviewee, the plan and the notes.

use super::schema::{evidence_items, interview_assessors, interviews};
use super::AnyConnection;
use diesel::prelude::*;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = interviews)]
pub struct InterviewRow {
    pub evidence_id: i32,
    pub interviewee: String,
    pub job_title: String,
    pub job_function: String,
    pub scheduled_at: chrono::NaiveDateTime,
    /// `planned`, `held` or `cancelled`.
    pub status: String,
    pub notes: Option<String>,
    pub version: i32,
}

/// The fields of an interview that its form sets.
pub struct InterviewFields<'a> {
    pub interviewee: &'a str,
    pub job_title: &'a str,
    pub job_function: &'a str,
    pub scheduled_at: chrono::NaiveDateTime,
    pub status: &'a str,
    pub notes: Option<&'a str>,
}

impl InterviewRow {
    pub fn insert(
        conn: &mut AnyConnection,
        evidence_id: i32,
        fields: &InterviewFields<'_>,
    ) -> QueryResult<InterviewRow> {
        diesel::insert_into(interviews::table)
            .values((
                interviews::evidence_id.eq(evidence_id),
                interviews::interviewee.eq(fields.interviewee),
                interviews::job_title.eq(fields.job_title),
                interviews::job_function.eq(fields.job_function),
                interviews::scheduled_at.eq(fields.scheduled_at),
                interviews::status.eq(fields.status),
                interviews::notes.eq(fields.notes),
                interviews::version.eq(1),
            ))
            .returning(interviews::all_columns)
            .get_result(conn)
    }

    /// Replaces the interview's fields if it still has `version`; `None`
    /// when another change came first.
    pub fn update(
        conn: &mut AnyConnection,
        evidence_id: i32,
        version: i32,
        fields: &InterviewFields<'_>,
    ) -> QueryResult<Option<InterviewRow>> {
        diesel::update(
            interviews::table
                .find(evidence_id)
                .filter(interviews::version.eq(version)),
        )
        .set((
            interviews::interviewee.eq(fields.interviewee),
            interviews::job_title.eq(fields.job_title),
            interviews::job_function.eq(fields.job_function),
            interviews::scheduled_at.eq(fields.scheduled_at),
            interviews::status.eq(fields.status),
            interviews::notes.eq(fields.notes),
            interviews::version.eq(interviews::version + 1),
        ))
        .returning(interviews::all_columns)
        .get_result(conn)
        .optional()
    }

    pub fn find(conn: &mut AnyConnection, evidence_id: i32) -> QueryResult<Option<InterviewRow>> {
        interviews::table
            .find(evidence_id)
            .select(InterviewRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn list(conn: &mut AnyConnection, assessment_id: i32) -> QueryResult<Vec<InterviewRow>> {
        interviews::table
            .inner_join(evidence_items::table)
            .filter(evidence_items::assessment_id.eq(assessment_id))
            .order((interviews::scheduled_at, interviews::evidence_id))
            .select(InterviewRow::as_select())
            .load(conn)
    }

    /// Replaces the assessors attending an interview.
    pub fn set_assessors(
        conn: &mut AnyConnection,
        evidence_id: i32,
        user_ids: &[i32],
    ) -> QueryResult<()> {
        diesel::delete(
            interview_assessors::table.filter(interview_assessors::evidence_id.eq(evidence_id)),
        )
        .execute(conn)?;
        for user_id in user_ids {
            diesel::insert_into(interview_assessors::table)
                .values((
                    interview_assessors::evidence_id.eq(evidence_id),
                    interview_assessors::user_id.eq(user_id),
                ))
                .execute(conn)?;
        }
        Ok(())
    }

    /// (interview, assessor) for every interview of the assessment.
    pub fn assessors(conn: &mut AnyConnection, assessment_id: i32) -> QueryResult<Vec<(i32, i32)>> {
        interview_assessors::table
            .inner_join(
                evidence_items::table.on(evidence_items::id.eq(interview_assessors::evidence_id)),
            )
            .filter(evidence_items::assessment_id.eq(assessment_id))
            .order((
                interview_assessors::evidence_id,
                interview_assessors::user_id,
            ))
            .select((
                interview_assessors::evidence_id,
                interview_assessors::user_id,
            ))
            .load(conn)
    }

    /// Removes an assessor from the interviews of an assessment they leave.
    pub fn remove_assessor(
        conn: &mut AnyConnection,
        assessment_id: i32,
        user_id: i32,
    ) -> QueryResult<usize> {
        let of_assessment = evidence_items::table
            .filter(evidence_items::assessment_id.eq(assessment_id))
            .select(evidence_items::id);
        diesel::delete(
            interview_assessors::table
                .filter(interview_assessors::user_id.eq(user_id))
                .filter(interview_assessors::evidence_id.eq_any(of_assessment)),
        )
        .execute(conn)
    }
}
