//! Agreed scores: set by the lead assessor, they replace the assessors' mean.

use super::{now, schema::agreed_scores, scores::AnswerFields, AnyConnection};
use diesel::prelude::*;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = agreed_scores)]
pub struct AgreedRow {
    pub id: i32,
    pub assessment_id: i32,
    pub question_id: String,
    pub intention: Option<i32>,
    pub reality: Option<i32>,
    pub na_reason: Option<String>,
    pub evidence: Option<String>,
    pub set_by: i32,
    pub version: i32,
    pub updated_at: chrono::NaiveDateTime,
}

impl AgreedRow {
    pub fn find(
        conn: &mut AnyConnection,
        assessment_id: i32,
        question_id: &str,
    ) -> QueryResult<Option<AgreedRow>> {
        agreed_scores::table
            .filter(agreed_scores::assessment_id.eq(assessment_id))
            .filter(agreed_scores::question_id.eq(question_id))
            .select(AgreedRow::as_select())
            .first(conn)
            .optional()
    }

    /// Sets the agreed answer of a question (last writer wins: only the lead
    /// sets it); returns the answer before and after.
    pub fn save(
        conn: &mut AnyConnection,
        assessment_id: i32,
        question_id: &str,
        fields: &AnswerFields,
        set_by: i32,
    ) -> QueryResult<(Option<AgreedRow>, AgreedRow)> {
        let before = Self::find(conn, assessment_id, question_id)?;
        let values = (
            agreed_scores::intention.eq(fields.intention),
            agreed_scores::reality.eq(fields.reality),
            agreed_scores::na_reason.eq(&fields.na_reason),
            agreed_scores::evidence.eq(&fields.evidence),
            agreed_scores::set_by.eq(set_by),
            agreed_scores::updated_at.eq(now()),
        );
        let after = match &before {
            Some(current) => diesel::update(agreed_scores::table.find(current.id))
                .set((values, agreed_scores::version.eq(current.version + 1)))
                .returning(agreed_scores::all_columns)
                .get_result::<AgreedRow>(conn)?,
            None => diesel::insert_into(agreed_scores::table)
                .values((
                    agreed_scores::assessment_id.eq(assessment_id),
                    agreed_scores::question_id.eq(question_id),
                    values,
                    agreed_scores::version.eq(1),
                ))
                .returning(agreed_scores::all_columns)
                .get_result::<AgreedRow>(conn)?,
        };
        Ok((before, after))
    }

    pub fn fields(&self) -> AnswerFields {
        AnswerFields {
            intention: self.intention,
            reality: self.reality,
            not_applicable: self.na_reason.is_some(),
            na_reason: self.na_reason.clone(),
            evidence: self.evidence.clone(),
        }
    }

    /// Removes the agreed answer so the assessors' mean applies again.
    pub fn clear(
        conn: &mut AnyConnection,
        assessment_id: i32,
        question_id: &str,
    ) -> QueryResult<Option<AgreedRow>> {
        let before = Self::find(conn, assessment_id, question_id)?;
        if let Some(row) = &before {
            diesel::delete(agreed_scores::table.find(row.id)).execute(conn)?;
        }
        Ok(before)
    }

    /// The agreed answers of several assessments at once: (assessment,
    /// question, intention, reality, N/A reason), by assessment.
    #[expect(clippy::type_complexity, reason = "one row of answer columns")]
    pub fn agreed_of(
        conn: &mut AnyConnection,
        ids: &[i32],
    ) -> QueryResult<Vec<(i32, String, Option<i32>, Option<i32>, Option<String>)>> {
        agreed_scores::table
            .filter(agreed_scores::assessment_id.eq_any(ids))
            .order(agreed_scores::assessment_id)
            .select((
                agreed_scores::assessment_id,
                agreed_scores::question_id,
                agreed_scores::intention,
                agreed_scores::reality,
                agreed_scores::na_reason,
            ))
            .load(conn)
    }

    pub fn list_for_assessment(
        conn: &mut AnyConnection,
        assessment_id: i32,
    ) -> QueryResult<Vec<AgreedRow>> {
        agreed_scores::table
            .filter(agreed_scores::assessment_id.eq(assessment_id))
            .order(agreed_scores::question_id)
            .select(AgreedRow::as_select())
            .load(conn)
    }
}
