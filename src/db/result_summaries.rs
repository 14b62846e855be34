//! Stored summaries of final results (overall and per area), so benchmarks
//! over the whole portfolio read a few rows per assessment instead of every score.

use super::{schema::result_summaries, AnyConnection};
use crate::domain::scoring::{Dimensions, Percent, Results};
use diesel::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Combined, Intention and Reality by node id ("overall" or an area id).
pub type Summary = BTreeMap<String, Dimensions>;

/// Stores the summary of an assessment's results, replacing any earlier one.
pub fn store(conn: &mut AnyConnection, assessment_id: i32, results: &Results) -> QueryResult<()> {
    diesel::delete(
        result_summaries::table.filter(result_summaries::assessment_id.eq(assessment_id)),
    )
    .execute(conn)?;
    let nodes = std::iter::once(&results.overall).chain(results.areas.iter().map(|a| &a.rollup));
    for node in nodes {
        let Some(p) = node.percent else { continue };
        diesel::insert_into(result_summaries::table)
            .values((
                result_summaries::assessment_id.eq(assessment_id),
                result_summaries::node_id.eq(&node.id),
                result_summaries::intention.eq(p.intention.get()),
                result_summaries::reality.eq(p.reality.get()),
                result_summaries::combined.eq(p.combined.get()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The summaries of several assessments, by assessment id.
pub fn load(conn: &mut AnyConnection, ids: &[i32]) -> QueryResult<HashMap<i32, Summary>> {
    let mut map: HashMap<i32, Summary> = HashMap::new();
    // Chunks keep SQLite under its limit of bound parameters.
    for chunk in ids.chunks(1000) {
        let rows: Vec<(i32, String, f64, f64, f64)> = result_summaries::table
            .filter(result_summaries::assessment_id.eq_any(chunk))
            .select((
                result_summaries::assessment_id,
                result_summaries::node_id,
                result_summaries::intention,
                result_summaries::reality,
                result_summaries::combined,
            ))
            .load(conn)?;
        for (id, node, intention, reality, combined) in rows {
            map.entry(id).or_default().insert(
                node,
                Dimensions {
                    intention: Percent::clamped(intention),
                    reality: Percent::clamped(reality),
                    combined: Percent::clamped(combined),
                },
            );
        }
    }
    Ok(map)
}

/// Ids of final assessments that have no summary yet (finalised before summaries existed).
pub fn missing(conn: &mut AnyConnection) -> QueryResult<Vec<i32>> {
    use super::schema::assessments;
    assessments::table
        .filter(assessments::status.eq(crate::domain::assessment::Status::Final.as_str()))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            result_summaries::table.filter(result_summaries::assessment_id.eq(assessments::id)),
        )))
        .select(assessments::id)
        .order(assessments::id)
        .load(conn)
}
