//! A client's evidence in its data export: the items, interviews and
//! citations as records, and in the ZIP form of the export the files
//! themselves beside the JSON.

use crate::db::evidence::{Citation, EvidenceRow};
use crate::db::interviews::InterviewRow;
use crate::db::AnyConnection;
use diesel::QueryResult;
use serde_json::{json, Value};
use std::io::Write;

/// The evidence sections of the export, for these assessments.
pub fn sections(
    conn: &mut AnyConnection,
    assessment_ids: &[i32],
) -> QueryResult<Vec<(&'static str, Vec<Value>)>> {
    let (mut items, mut interviews, mut citations) = (Vec::new(), Vec::new(), Vec::new());
    for &id in assessment_ids {
        let mut areas = EvidenceRow::areas(conn, id)?;
        for e in EvidenceRow::list(conn, id)? {
            items.push(json!({
                "id": e.id, "assessment_id": e.assessment_id, "kind": e.kind, "title": e.title,
                "url": e.url, "file_name": e.file_name, "media_type": e.media_type,
                "size_bytes": e.size_bytes, "sha256": e.sha256, "effective_date": e.effective_date,
                "shared_with_executives": e.shared_with_executives, "added_by": e.added_by,
                "added_at": e.added_at, "area_ids": areas.remove(&e.id).unwrap_or_default().join(" "),
                "file_in_zip": e.kind == "document" && e.file_name.is_some(),
            }));
        }
        for i in InterviewRow::list(conn, id)? {
            interviews.push(json!({
                "evidence_id": i.evidence_id, "interviewee": i.interviewee, "job_title": i.job_title,
                "function": i.job_function, "scheduled_at": i.scheduled_at, "status": i.status,
                "notes": i.notes, "version": i.version,
            }));
        }
        for c in Citation::list_for_assessment(conn, id)? {
            citations.push(json!({
                "assessment_id": c.assessment_id, "assessor_id": c.assessor_id,
                "question_id": c.question_id, "evidence_id": c.evidence_id,
            }));
        }
    }
    Ok(vec![
        ("evidence", items),
        ("interviews", interviews),
        ("citations", citations),
    ])
}

/// The documents' bytes, each with its path in the ZIP:
/// `evidence/{id}-{file name}`.
pub fn files(
    conn: &mut AnyConnection,
    assessment_ids: &[i32],
) -> QueryResult<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for &id in assessment_ids {
        for e in EvidenceRow::list(conn, id)?
            .into_iter()
            .filter(|e| e.kind == "document")
        {
            let name: String = e
                .file_name
                .unwrap_or_default()
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || ".-_ ".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            out.push((
                format!("evidence/{}-{name}", e.id),
                EvidenceRow::file_bytes(conn, e.id)?,
            ));
        }
    }
    Ok(out)
}

/// The export as a ZIP: the JSON document, then the files.
pub fn zip(json_name: &str, json: &[u8], files: &[(String, Vec<u8>)]) -> anyhow::Result<Vec<u8>> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut archive = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    archive.start_file(json_name, options)?;
    archive.write_all(json)?;
    for (path, bytes) in files {
        archive.start_file(path.as_str(), options)?;
        archive.write_all(bytes)?;
    }
    archive.finish()?;
    Ok(out.into_inner())
}
