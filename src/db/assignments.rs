//! The lead's division of the work: areas or sub-areas per assessor.

use super::schema::area_assignments;
use super::AnyConnection;
use diesel::prelude::*;

/// (assessor, area or sub-area id) of one assessment.
pub type Assignment = (i32, String);

/// Every assignment of the assessment, by assessor then area.
pub fn list(conn: &mut AnyConnection, assessment_id: i32) -> QueryResult<Vec<Assignment>> {
    area_assignments::table
        .filter(area_assignments::assessment_id.eq(assessment_id))
        .order((area_assignments::user_id, area_assignments::area_id))
        .select((area_assignments::user_id, area_assignments::area_id))
        .load(conn)
}

/// Every assignment of these assessments: (assessment, assessor, area).
pub fn list_for_assessments(
    conn: &mut AnyConnection,
    assessment_ids: &[i32],
) -> QueryResult<Vec<(i32, i32, String)>> {
    area_assignments::table
        .filter(area_assignments::assessment_id.eq_any(assessment_ids))
        .select((
            area_assignments::assessment_id,
            area_assignments::user_id,
            area_assignments::area_id,
        ))
        .load(conn)
}

/// Replaces the whole division of the assessment.
pub fn replace(
    conn: &mut AnyConnection,
    assessment_id: i32,
    assignments: &[Assignment],
) -> QueryResult<()> {
    diesel::delete(
        area_assignments::table.filter(area_assignments::assessment_id.eq(assessment_id)),
    )
    .execute(conn)?;
    for (user_id, area_id) in assignments {
        diesel::insert_into(area_assignments::table)
            .values((
                area_assignments::assessment_id.eq(assessment_id),
                area_assignments::user_id.eq(user_id),
                area_assignments::area_id.eq(area_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Removes an assessor's areas when they leave the assessment.
pub fn remove_assessor(
    conn: &mut AnyConnection,
    assessment_id: i32,
    user_id: i32,
) -> QueryResult<usize> {
    diesel::delete(
        area_assignments::table
            .filter(area_assignments::assessment_id.eq(assessment_id))
            .filter(area_assignments::user_id.eq(user_id)),
    )
    .execute(conn)
}
