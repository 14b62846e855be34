//! Each assessor's scores, one row per assessor and question.

use super::kept_prepared::KeptUpdate;
use super::{assessments::Assessment, now, schema::scores, AnyConnection};
use diesel::prelude::*;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = scores)]
pub struct ScoreRow {
    pub id: i32,
    pub assessment_id: i32,
    pub assessor_id: i32,
    pub question_id: String,
    pub intention: Option<i32>,
    pub reality: Option<i32>,
    /// Present exactly when the answer is N/A.
    pub na_reason: Option<String>,
    pub evidence: Option<String>,
    pub version: i32,
    pub updated_at: chrono::NaiveDateTime,
    /// Marked N/A; complete only with `na_reason`.
    pub not_applicable: bool,
}

/// An assessor's answer as [`ScoreRow::answers_of`] reads it.
pub type AnswerTuple = (i32, i32, String, Option<i32>, Option<i32>, Option<String>);

/// The answer columns shared by assessor scores and agreed scores. An
/// assessor's answer may be partial (a draft): a note without scores, one
/// dimension, or N/A without its reason yet; results leave such answers out.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AnswerFields {
    pub intention: Option<i32>,
    pub reality: Option<i32>,
    pub not_applicable: bool,
    pub na_reason: Option<String>,
    pub evidence: Option<String>,
}

impl AnswerFields {
    /// Both scores, or N/A with its reason: what results count.
    pub fn complete(&self) -> bool {
        if self.not_applicable {
            self.na_reason.is_some()
        } else {
            self.intention.is_some() && self.reality.is_some()
        }
    }
}

/// The outcome of a versioned write.
#[derive(Debug)]
pub enum Saved {
    Written {
        before: Option<ScoreRow>,
        after: ScoreRow,
    },
    /// The caller's expected version is not the stored one.
    Stale { current: ScoreRow },
    /// The caller expected an existing answer (a version above 0) and there is none.
    Missing,
}

/// A first answer of a bulk load (the demo portfolio): version 1, written now.
pub struct NewAnswer {
    pub assessment_id: i32,
    pub assessor_id: i32,
    pub question_id: String,
    pub fields: AnswerFields,
}

impl ScoreRow {
    /// Inserts first answers in batches, for bulk loads; the caller makes
    /// sure none exists yet.
    pub fn insert_batch(conn: &mut AnyConnection, answers: Vec<NewAnswer>) -> QueryResult<()> {
        let at = now();
        let mut assessments: Vec<i32> = answers.iter().map(|a| a.assessment_id).collect();
        assessments.dedup();
        let rows: Vec<_> = answers
            .into_iter()
            .map(|a| {
                (
                    scores::assessment_id.eq(a.assessment_id),
                    scores::assessor_id.eq(a.assessor_id),
                    scores::question_id.eq(a.question_id),
                    scores::intention.eq(a.fields.intention),
                    scores::reality.eq(a.fields.reality),
                    scores::not_applicable.eq(a.fields.not_applicable),
                    scores::na_reason.eq(a.fields.na_reason),
                    scores::evidence.eq(a.fields.evidence),
                    scores::version.eq(1),
                    scores::updated_at.eq(at),
                )
            })
            .collect();
        for chunk in rows.chunks(400) {
            // Batch inserts need the concrete backend; MultiConnection has none.
            let insert = diesel::insert_into(scores::table).values(chunk);
            match conn {
                AnyConnection::Sqlite(c) => insert.execute(c)?,
                AnyConnection::Postgresql(c) => insert.execute(c)?,
            };
        }
        for id in assessments {
            Assessment::answers_changed(conn, id)?;
        }
        Ok(())
    }

    /// Creates or replaces an assessor's answer (with `expected_version`,
    /// only if the stored row still has that version), runs `rest` (the
    /// rest of the caller's transaction: its audit record, its citations),
    /// and only then bumps the assessment's answers version when the answer
    /// was written. That update locks the assessment's row until the commit
    /// on PostgreSQL, so it comes last: saves to one assessment then wait
    /// for each other only through the commit, not through the audit and
    /// citations as well.
    pub fn save<T, E: From<diesel::result::Error>>(
        conn: &mut AnyConnection,
        (assessment_id, assessor_id, question_id): (i32, i32, &str),
        (fields, expected_version): (&AnswerFields, Option<i32>),
        rest: impl FnOnce(&mut AnyConnection, Saved) -> Result<T, E>,
    ) -> Result<T, E> {
        let saved = Self::write(
            conn,
            (assessment_id, assessor_id, question_id),
            fields,
            expected_version,
        )?;
        let written = matches!(saved, Saved::Written { .. });
        let done = rest(conn, saved)?;
        if written {
            Assessment::answers_changed(conn, assessment_id)?;
        }
        Ok(done)
    }

    fn write(
        conn: &mut AnyConnection,
        (assessment_id, assessor_id, question_id): (i32, i32, &str),
        fields: &AnswerFields,
        expected_version: Option<i32>,
    ) -> QueryResult<Saved> {
        let existing = scores::table
            .filter(scores::assessment_id.eq(assessment_id))
            .filter(scores::assessor_id.eq(assessor_id))
            .filter(scores::question_id.eq(question_id))
            .select(ScoreRow::as_select())
            .first(conn)
            .optional()?;
        let values = (
            scores::intention.eq(fields.intention),
            scores::reality.eq(fields.reality),
            scores::not_applicable.eq(fields.not_applicable),
            scores::na_reason.eq(&fields.na_reason),
            scores::evidence.eq(&fields.evidence),
            scores::updated_at.eq(now()),
        );
        match existing {
            Some(current) if expected_version.is_some_and(|v| v != current.version) => {
                Ok(Saved::Stale { current })
            }
            Some(current) => {
                let after = KeptUpdate::new(
                    scores::table,
                    scores::id
                        .eq(current.id)
                        .and(scores::version.eq(current.version)),
                    (values, scores::version.eq(current.version + 1)),
                )
                .returning(scores::all_columns)
                .get_result::<ScoreRow>(conn)
                .optional()?;
                Ok(match after {
                    Some(after) => Saved::Written {
                        before: Some(current),
                        after,
                    },
                    // Another writer got in between the read and the update.
                    None => Saved::Stale { current },
                })
            }
            None if expected_version.is_some_and(|v| v != 0) => Ok(Saved::Missing),
            None => {
                let after = diesel::insert_into(scores::table)
                    .values((
                        scores::assessment_id.eq(assessment_id),
                        scores::assessor_id.eq(assessor_id),
                        scores::question_id.eq(question_id),
                        values,
                        scores::version.eq(1),
                    ))
                    .returning(scores::all_columns)
                    .get_result::<ScoreRow>(conn)?;
                Ok(Saved::Written {
                    before: None,
                    after,
                })
            }
        }
    }

    /// The answer columns of several assessments at once, for statistics over
    /// many: (assessment, assessor, question, intention, reality, N/A reason),
    /// in the order of the unique index, so that it serves the query.
    pub fn answers_of(conn: &mut AnyConnection, ids: &[i32]) -> QueryResult<Vec<AnswerTuple>> {
        scores::table
            .filter(scores::assessment_id.eq_any(ids))
            .order((
                scores::assessment_id,
                scores::assessor_id,
                scores::question_id,
            ))
            .select((
                scores::assessment_id,
                scores::assessor_id,
                scores::question_id,
                scores::intention,
                scores::reality,
                scores::na_reason,
            ))
            .load(conn)
    }

    pub fn list_for_assessment(
        conn: &mut AnyConnection,
        assessment_id: i32,
    ) -> QueryResult<Vec<ScoreRow>> {
        scores::table
            .filter(scores::assessment_id.eq(assessment_id))
            .order((scores::question_id, scores::assessor_id))
            .select(ScoreRow::as_select())
            .load(conn)
    }

    pub fn list_for_assessor(
        conn: &mut AnyConnection,
        assessment_id: i32,
        assessor_id: i32,
    ) -> QueryResult<Vec<ScoreRow>> {
        scores::table
            .filter(scores::assessment_id.eq(assessment_id))
            .filter(scores::assessor_id.eq(assessor_id))
            .order(scores::question_id)
            .select(ScoreRow::as_select())
            .load(conn)
    }

    /// Removes an assessor's answers when they leave the assessment.
    pub fn delete_for_assessor(
        conn: &mut AnyConnection,
        assessment_id: i32,
        assessor_id: i32,
    ) -> QueryResult<usize> {
        diesel::delete(
            scores::table
                .filter(scores::assessment_id.eq(assessment_id))
                .filter(scores::assessor_id.eq(assessor_id)),
        )
        .execute(conn)
    }

    pub fn fields(&self) -> AnswerFields {
        AnswerFields {
            intention: self.intention,
            reality: self.reality,
            not_applicable: self.not_applicable,
            na_reason: self.na_reason.clone(),
            evidence: self.evidence.clone(),
        }
    }
}
