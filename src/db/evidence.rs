//! Evidence of an assessment: documents (their bytes in chunks), links and
//! interviews, the areas each is meant to cover, and the answers citing them.

use super::schema::{citations, evidence_areas, evidence_chunks, evidence_items};
use super::{now, AnyConnection};
use diesel::prelude::*;
use std::collections::HashMap;

/// The largest piece of a file kept in one row.
pub const CHUNK_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = evidence_items)]
pub struct EvidenceRow {
    pub id: i32,
    pub organisation_id: i32,
    pub assessment_id: i32,
    /// `document`, `link` or `interview`.
    pub kind: String,
    pub title: String,
    pub url: Option<String>,
    pub file_name: Option<String>,
    pub media_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub sha256: Option<String>,
    pub effective_date: Option<chrono::NaiveDate>,
    pub shared_with_executives: bool,
    pub added_by: i32,
    pub added_at: chrono::NaiveDateTime,
}

/// A stored file's description, as the upload found it.
pub struct FileFacts {
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
}

/// A new item; `file` for documents, `url` for links.
pub struct NewEvidence<'a> {
    pub organisation_id: i32,
    pub assessment_id: i32,
    pub kind: &'a str,
    pub title: &'a str,
    pub url: Option<&'a str>,
    pub file: Option<&'a FileFacts>,
    pub effective_date: Option<chrono::NaiveDate>,
    pub added_by: i32,
}

impl EvidenceRow {
    pub fn insert(conn: &mut AnyConnection, new: NewEvidence<'_>) -> QueryResult<EvidenceRow> {
        diesel::insert_into(evidence_items::table)
            .values((
                evidence_items::organisation_id.eq(new.organisation_id),
                evidence_items::assessment_id.eq(new.assessment_id),
                evidence_items::kind.eq(new.kind),
                evidence_items::title.eq(new.title),
                evidence_items::url.eq(new.url),
                evidence_items::file_name.eq(new.file.map(|f| f.file_name.as_str())),
                evidence_items::media_type.eq(new.file.map(|f| f.media_type.as_str())),
                evidence_items::size_bytes.eq(new.file.map(|f| f.size_bytes)),
                evidence_items::sha256.eq(new.file.map(|f| f.sha256.as_str())),
                evidence_items::effective_date.eq(new.effective_date),
                evidence_items::added_by.eq(new.added_by),
                evidence_items::added_at.eq(now()),
            ))
            .returning(evidence_items::all_columns)
            .get_result(conn)
    }

    /// An item of the assessment.
    pub fn find(
        conn: &mut AnyConnection,
        assessment_id: i32,
        id: i32,
    ) -> QueryResult<Option<EvidenceRow>> {
        evidence_items::table
            .filter(evidence_items::assessment_id.eq(assessment_id))
            .filter(evidence_items::id.eq(id))
            .select(EvidenceRow::as_select())
            .first(conn)
            .optional()
    }

    /// The file of the assessment with these bytes, if one was uploaded.
    pub fn with_sha256(
        conn: &mut AnyConnection,
        assessment_id: i32,
        sha256: &str,
    ) -> QueryResult<Option<EvidenceRow>> {
        evidence_items::table
            .filter(evidence_items::assessment_id.eq(assessment_id))
            .filter(evidence_items::sha256.eq(sha256))
            .select(EvidenceRow::as_select())
            .first(conn)
            .optional()
    }

    pub fn list(conn: &mut AnyConnection, assessment_id: i32) -> QueryResult<Vec<EvidenceRow>> {
        evidence_items::table
            .filter(evidence_items::assessment_id.eq(assessment_id))
            .order(evidence_items::id)
            .select(EvidenceRow::as_select())
            .load(conn)
    }

    pub fn list_for_assessments(
        conn: &mut AnyConnection,
        assessment_ids: &[i32],
    ) -> QueryResult<Vec<EvidenceRow>> {
        evidence_items::table
            .filter(evidence_items::assessment_id.eq_any(assessment_ids))
            .order(evidence_items::id)
            .select(EvidenceRow::as_select())
            .load(conn)
    }

    /// Bytes of files the organisation keeps, for its quota.
    pub fn bytes_used(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<i64> {
        // SUM's type differs between the backends; an organisation keeps
        // thousands of files at most, so they are added up here.
        let sizes: Vec<Option<i64>> = evidence_items::table
            .filter(evidence_items::organisation_id.eq(organisation_id))
            .filter(evidence_items::size_bytes.is_not_null())
            .select(evidence_items::size_bytes)
            .load(conn)?;
        Ok(sizes.into_iter().flatten().sum())
    }

    pub fn set_shared(conn: &mut AnyConnection, id: i32, shared: bool) -> QueryResult<usize> {
        diesel::update(evidence_items::table.find(id))
            .set(evidence_items::shared_with_executives.eq(shared))
            .execute(conn)
    }

    pub fn describe(
        conn: &mut AnyConnection,
        id: i32,
        title: &str,
        effective_date: Option<chrono::NaiveDate>,
    ) -> QueryResult<usize> {
        diesel::update(evidence_items::table.find(id))
            .set((
                evidence_items::title.eq(title),
                evidence_items::effective_date.eq(effective_date),
            ))
            .execute(conn)
    }

    pub fn delete(conn: &mut AnyConnection, id: i32) -> QueryResult<usize> {
        diesel::delete(evidence_items::table.find(id)).execute(conn)
    }

    /// Stores a file's bytes, in chunks of at most [`CHUNK_BYTES`].
    pub fn insert_chunk(
        conn: &mut AnyConnection,
        evidence_id: i32,
        seq: i32,
        bytes: &[u8],
    ) -> QueryResult<()> {
        diesel::insert_into(evidence_chunks::table)
            .values((
                evidence_chunks::evidence_id.eq(evidence_id),
                evidence_chunks::seq.eq(seq),
                evidence_chunks::bytes.eq(bytes),
            ))
            .execute(conn)?;
        Ok(())
    }

    /// A file's bytes, in order.
    pub fn file_bytes(conn: &mut AnyConnection, evidence_id: i32) -> QueryResult<Vec<u8>> {
        let chunks: Vec<Vec<u8>> = evidence_chunks::table
            .filter(evidence_chunks::evidence_id.eq(evidence_id))
            .order(evidence_chunks::seq)
            .select(evidence_chunks::bytes)
            .load(conn)?;
        Ok(chunks.concat())
    }

    /// Replaces the areas an item is meant to cover.
    pub fn set_areas(conn: &mut AnyConnection, id: i32, areas: &[String]) -> QueryResult<()> {
        diesel::delete(evidence_areas::table.filter(evidence_areas::evidence_id.eq(id)))
            .execute(conn)?;
        for area in areas {
            diesel::insert_into(evidence_areas::table)
                .values((
                    evidence_areas::evidence_id.eq(id),
                    evidence_areas::area_id.eq(area),
                ))
                .execute(conn)?;
        }
        Ok(())
    }

    /// The areas of every item of the assessment, by item.
    pub fn areas(
        conn: &mut AnyConnection,
        assessment_id: i32,
    ) -> QueryResult<HashMap<i32, Vec<String>>> {
        let rows: Vec<(i32, String)> = evidence_areas::table
            .inner_join(evidence_items::table)
            .filter(evidence_items::assessment_id.eq(assessment_id))
            .order((evidence_areas::evidence_id, evidence_areas::area_id))
            .select((evidence_areas::evidence_id, evidence_areas::area_id))
            .load(conn)?;
        let mut by_item: HashMap<i32, Vec<String>> = HashMap::new();
        for (item, area) in rows {
            by_item.entry(item).or_default().push(area);
        }
        Ok(by_item)
    }
}

/// An assessor's answer citing an item.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = citations)]
pub struct Citation {
    pub assessment_id: i32,
    pub assessor_id: i32,
    pub question_id: String,
    pub evidence_id: i32,
}

impl Citation {
    /// Replaces what an assessor's answer cites; returns the items before.
    pub fn replace(
        conn: &mut AnyConnection,
        assessment_id: i32,
        assessor_id: i32,
        question_id: &str,
        evidence_ids: &[i32],
    ) -> QueryResult<Vec<i32>> {
        let of_answer = citations::table
            .filter(citations::assessment_id.eq(assessment_id))
            .filter(citations::assessor_id.eq(assessor_id))
            .filter(citations::question_id.eq(question_id));
        let before: Vec<i32> = of_answer
            .select(citations::evidence_id)
            .order(citations::evidence_id)
            .load(conn)?;
        diesel::delete(of_answer).execute(conn)?;
        for evidence_id in evidence_ids {
            diesel::insert_into(citations::table)
                .values((
                    citations::assessment_id.eq(assessment_id),
                    citations::assessor_id.eq(assessor_id),
                    citations::question_id.eq(question_id),
                    citations::evidence_id.eq(evidence_id),
                ))
                .execute(conn)?;
        }
        Ok(before)
    }

    /// The items one assessor's answer cites.
    pub fn list_for_answer(
        conn: &mut AnyConnection,
        assessment_id: i32,
        assessor_id: i32,
        question_id: &str,
    ) -> QueryResult<Vec<i32>> {
        citations::table
            .filter(citations::assessment_id.eq(assessment_id))
            .filter(citations::assessor_id.eq(assessor_id))
            .filter(citations::question_id.eq(question_id))
            .order(citations::evidence_id)
            .select(citations::evidence_id)
            .load(conn)
    }

    pub fn list_for_assessment(
        conn: &mut AnyConnection,
        assessment_id: i32,
    ) -> QueryResult<Vec<Citation>> {
        citations::table
            .filter(citations::assessment_id.eq(assessment_id))
            .order((
                citations::question_id,
                citations::assessor_id,
                citations::evidence_id,
            ))
            .select(Citation::as_select())
            .load(conn)
    }

    /// Removes an assessor's citations when they leave the assessment.
    pub fn delete_for_assessor(
        conn: &mut AnyConnection,
        assessment_id: i32,
        assessor_id: i32,
    ) -> QueryResult<usize> {
        diesel::delete(
            citations::table
                .filter(citations::assessment_id.eq(assessment_id))
                .filter(citations::assessor_id.eq(assessor_id)),
        )
        .execute(conn)
    }
}
