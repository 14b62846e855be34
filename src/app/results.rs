//! Consolidated results of an assessment: stored answers → domain scoring.

use crate::db::{agreed::AgreedRow, assessments::Assessment, scores::ScoreRow, AnyConnection};
use crate::domain::questionnaire::{Questionnaire, Scale};
use crate::domain::scoring::{consolidate, roll_up, Answer, Results};
use diesel::QueryResult;
use std::collections::HashMap;

/// Reads stored answer columns as a domain answer. Rows are validated on the
/// way in, so a value the scale refuses can only come from a hand-edited row;
/// it is left out rather than failing the whole result.
pub fn answer(
    scale: &Scale,
    intention: Option<i32>,
    reality: Option<i32>,
    na_reason: Option<&str>,
) -> Option<Answer> {
    match (na_reason, intention, reality) {
        (Some(reason), _, _) => Some(Answer::NotApplicable {
            reason: reason.to_owned(),
        }),
        (None, Some(i), Some(r)) => Some(Answer::Scored {
            intention: scale.score(i64::from(i)).ok()?,
            reality: scale.score(i64::from(r)).ok()?,
        }),
        _ => None,
    }
}

/// The consolidated results of an assessment, in a fixed number of queries.
pub fn load(
    conn: &mut AnyConnection,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
) -> QueryResult<Results> {
    let scale = &questionnaire.scale;
    let mut by_question: HashMap<String, Vec<Answer>> = HashMap::new();
    for row in ScoreRow::list_for_assessment(conn, assessment.id)? {
        if let Some(a) = answer(scale, row.intention, row.reality, row.na_reason.as_deref()) {
            by_question.entry(row.question_id).or_default().push(a);
        }
    }
    let agreed: HashMap<String, Answer> = AgreedRow::list_for_assessment(conn, assessment.id)?
        .into_iter()
        .filter_map(|row| {
            Some((
                row.question_id.clone(),
                answer(scale, row.intention, row.reality, row.na_reason.as_deref())?,
            ))
        })
        .collect();
    let questions = questionnaire
        .questions()
        .filter(|q| by_question.contains_key(&q.id) || agreed.contains_key(&q.id))
        .map(|q| {
            let answers = by_question.get(&q.id).map_or(&[][..], Vec::as_slice);
            consolidate(&q.id, answers, agreed.get(&q.id), scale)
        })
        .collect();
    Ok(roll_up(questionnaire, questions))
}
