//! Uploading a document: the adapter has spooled the body to a temporary
//! file (refusing it once it passed the size limit), so memory stays flat;
//! here its type is decided by its bytes, archives are unpacked to check
//! them, the organisation's quota is checked, and only then, in one write
//! transaction, are its bytes stored in chunks. The same bytes uploaded
//! again to the assessment give back the item already there.

use super::file_type::{check_archive, is_archive, media_type, SNIFF_BYTES};
use super::{area_ids, audit, contributable, EvidenceView};
use crate::app::error::{AppError, AppResult};
use crate::app::input::{optional, required, SHORT_TEXT};
use crate::app::App;
use crate::db::evidence::{EvidenceRow, FileFacts, NewEvidence, CHUNK_BYTES};
use crate::domain::ids::AssessmentId;
use crate::domain::role::Caller;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

/// What the form or the query says about a document.
#[derive(Debug, Default)]
pub struct DocumentInput {
    /// The title shown; the file name when blank.
    pub title: Option<String>,
    /// The file's name as the client sent it (kept for the download only).
    pub file_name: String,
    /// When the document was current.
    pub effective_date: Option<chrono::NaiveDate>,
    /// The areas or sub-areas it is meant to cover.
    pub area_ids: Vec<String>,
}

/// The stored item, and whether it was already there (the same bytes).
#[derive(Debug)]
pub struct Uploaded {
    /// The item.
    pub item: EvidenceView,
    /// True when these bytes were already evidence of the assessment.
    pub existing: bool,
}

/// Keeps a spooled file as a document of the assessment.
pub fn add_document(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    input: &DocumentInput,
    mut file: File,
) -> AppResult<Uploaded> {
    let file_name = required("file_name", &safe_name(&input.file_name), SHORT_TEXT)?;
    let title =
        optional("title", input.title.as_deref(), SHORT_TEXT)?.unwrap_or_else(|| file_name.clone());
    let size = file.metadata().map_err(AppError::internal)?.len();
    let limit = app.evidence.file_bytes();
    if size > limit {
        return Err(AppError::TooLarge(format!(
            "the file has {size} bytes; evidence files may have at most {} MiB",
            app.evidence.file_mib
        )));
    }
    rewind(&mut file)?;
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut file)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(AppError::internal)?;
    let media_type = media_type(&head)?;
    if is_archive(media_type) {
        rewind(&mut file)?;
        check_archive(&mut file)?;
    }
    rewind(&mut file)?;
    let sha256 = sha256_of(&mut file)?;
    let facts = FileFacts {
        file_name,
        media_type: media_type.to_owned(),
        size_bytes: i64::try_from(size).map_err(AppError::internal)?,
        sha256,
    };
    app.write(|conn| {
        let (assessment, questionnaire) = contributable(app, conn, caller, id)?;
        let areas = area_ids(&questionnaire, &input.area_ids)?;
        if let Some(existing) = EvidenceRow::with_sha256(conn, assessment.id, &facts.sha256)? {
            return Ok(Uploaded {
                item: super::view_of(conn, caller, &assessment, existing.id)?,
                existing: true,
            });
        }
        let used = EvidenceRow::bytes_used(conn, assessment.organisation_id)?;
        let quota = app.evidence.organisation_bytes();
        if u64::try_from(used.saturating_add(facts.size_bytes)).unwrap_or(u64::MAX) > quota {
            return Err(AppError::TooLarge(format!(
                "the organisation keeps {used} bytes of evidence; with this file it would pass its {} MiB",
                app.evidence.organisation_mib
            )));
        }
        let row = EvidenceRow::insert(
            conn,
            NewEvidence {
                organisation_id: assessment.organisation_id,
                assessment_id: assessment.id,
                kind: "document",
                title: &title,
                url: None,
                file: Some(&facts),
                effective_date: input.effective_date,
                added_by: caller.user_id.get(),
            },
        )?;
        store_chunks(conn, row.id, &mut file)?;
        EvidenceRow::set_areas(conn, row.id, &areas)?;
        audit(conn, caller, assessment.id, "evidence.upload", None, Some(&row))?;
        Ok(Uploaded {
            item: EvidenceView::new(row, areas, 0),
            existing: false,
        })
    })
}

/// The last part of the name the client sent, without control characters.
fn safe_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    last.chars().filter(|c| !c.is_control()).collect()
}

fn rewind(file: &mut File) -> AppResult<()> {
    file.seek(SeekFrom::Start(0))
        .map(|_| ())
        .map_err(AppError::internal)
}

fn sha256_of(file: &mut File) -> AppResult<String> {
    let mut hasher = Sha256::new();
    std::io::copy(file, &mut hasher).map_err(AppError::internal)?;
    Ok(hex::encode(hasher.finalize()))
}

fn store_chunks(
    conn: &mut crate::db::AnyConnection,
    evidence_id: i32,
    file: &mut File,
) -> AppResult<()> {
    rewind(file)?;
    let mut buffer = vec![0u8; CHUNK_BYTES];
    let mut seq = 0;
    loop {
        let mut filled = 0;
        while filled < CHUNK_BYTES {
            let slot = buffer.get_mut(filled..).unwrap_or_default();
            let n = file.read(slot).map_err(AppError::internal)?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        if filled == 0 {
            return Ok(());
        }
        let piece = buffer.get(..filled).unwrap_or_default();
        EvidenceRow::insert_chunk(conn, evidence_id, seq, piece)?;
        seq += 1;
    }
}
