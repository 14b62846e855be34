//! What an uploaded evidence file is, decided by its bytes alone (never by
//! its name or the Content-Type the client sent), against an allow-list;
//! and, for the formats that are ZIP archives, a check that the archive
//! does not unpack to far more than it weighs (a ZIP bomb).

use super::super::error::{AppError, AppResult};
use std::io::{Read, Seek};

/// Bytes read from the start of a file to decide its type.
pub const SNIFF_BYTES: usize = 64 * 1024;
/// What the archives of Office and OpenDocument files may unpack to, in all.
const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
/// How many times its packed size one entry may unpack to.
const MAX_RATIO: u64 = 200;
/// Entries an archive may hold.
const MAX_ENTRIES: usize = 10_000;

/// Every media type an evidence file may have (the download's `Content-Type`).
pub const MEDIA_TYPES: &[&str] = &[
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "text/csv",
    "text/plain",
];

/// The media type of a file that starts with `head`, or why it is refused.
pub fn media_type(head: &[u8]) -> AppResult<&'static str> {
    if head.is_empty() {
        return Err(refused("empty_file", "the file is empty"));
    }
    if let Some(kind) = infer::get(head) {
        // Text is never `infer`'s to decide: it is checked below.
        return MEDIA_TYPES
            .iter()
            .filter(|allowed| !allowed.starts_with("text/"))
            .find(|allowed| **allowed == kind.mime_type())
            .copied()
            .ok_or_else(|| not_allowed(kind.mime_type()));
    }
    text_type(head)
}

/// Plain text or CSV: UTF-8 without control bytes, and not markup (HTML,
/// SVG or XML would be rendered by a browser that ignored our headers).
fn text_type(head: &[u8]) -> AppResult<&'static str> {
    // The last character may be cut by the end of the sniffed bytes.
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => head
            .get(..e.valid_up_to())
            .and_then(|valid| std::str::from_utf8(valid).ok())
            .unwrap_or_default(),
        Err(_) => return Err(not_allowed("binary data of an unknown kind")),
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(not_allowed("binary data of an unknown kind"));
    }
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('<') {
        return Err(not_allowed("markup (HTML, SVG or XML)"));
    }
    Ok(if looks_like_csv(start) {
        "text/csv"
    } else {
        "text/plain"
    })
}

/// At least two lines with the same number (one or more) of commas or semicolons.
fn looks_like_csv(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty()).take(5);
    let separators = |line: &str| line.matches([',', ';']).count();
    match (lines.next(), lines.next()) {
        (Some(first), Some(second)) => {
            let n = separators(first);
            n > 0 && separators(second) == n
        }
        _ => false,
    }
}

/// Whether the type is a ZIP archive underneath (Office Open XML, OpenDocument).
pub fn is_archive(media_type: &str) -> bool {
    media_type.contains("openxmlformats") || media_type.contains("opendocument")
}

/// Unpacks every entry of the archive without keeping it, refusing it once
/// it passes the limits: it is the unpacked bytes, not the sizes the
/// archive claims, that count.
pub fn check_archive(file: impl Read + Seek) -> AppResult<()> {
    let broken = |e: zip::result::ZipError| {
        refused(
            "damaged_file",
            format!("the file claims to be an Office or OpenDocument file but is not a readable archive ({e})"),
        )
    };
    let mut archive = zip::ZipArchive::new(file).map_err(broken)?;
    if archive.len() > MAX_ENTRIES {
        return Err(bomb(format!("it holds {} entries", archive.len())));
    }
    let mut unpacked: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(broken)?;
        let allowed = entry
            .compressed_size()
            .max(1024)
            .saturating_mul(MAX_RATIO)
            .min(MAX_UNPACKED.saturating_sub(unpacked));
        let read = std::io::copy(&mut entry.take(allowed + 1), &mut std::io::sink())
            .map_err(|e| refused("damaged_file", format!("an entry cannot be unpacked ({e})")))?;
        if read > allowed {
            return Err(bomb(
                "it unpacks to far more than it weighs (a ZIP bomb)".into(),
            ));
        }
        unpacked += read;
    }
    Ok(())
}

fn bomb(why: String) -> AppError {
    refused("suspicious_archive", format!("the file is refused: {why}"))
}

fn not_allowed(what: &str) -> AppError {
    refused(
        "file_type_not_allowed",
        format!(
            "the file's content is {what}; evidence files may be PDF, PNG, JPEG, Word, Excel, \
             PowerPoint, OpenDocument, CSV or plain text (decided by the content, not the name)"
        ),
    )
}

fn refused(code: &'static str, detail: impl Into<String>) -> AppError {
    AppError::invalid_field(code, "file", detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(result: AppResult<&str>) -> &'static str {
        match result {
            Err(AppError::Invalid { code, .. }) => code,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(media_type(b"%PDF-1.7\n").ok(), Some("application/pdf"));
        assert_eq!(
            media_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").ok(),
            Some("image/png")
        );
        assert_eq!(media_type(b"a,b,c\n1,2,3\n").ok(), Some("text/csv"));
        assert_eq!(
            media_type("Notes of the interview\n".as_bytes()).ok(),
            Some("text/plain")
        );
        assert_eq!(code(media_type(b"")), "empty_file");
        assert_eq!(
            code(media_type(b"<!DOCTYPE html><p>hi")),
            "file_type_not_allowed"
        );
        assert_eq!(
            code(media_type(b"  <svg xmlns='x'/>")),
            "file_type_not_allowed"
        );
        assert_eq!(
            code(media_type(b"\x7fELF\x02\x01\x01")),
            "file_type_not_allowed"
        );
        assert_eq!(code(media_type(b"GIF89a")), "file_type_not_allowed");
    }

    /// A Word document as the zip crate writes it: `entries` of (name, size).
    fn docx(entries: &[(&str, usize)]) -> Vec<u8> {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, size) in entries {
            zip.start_file(*name, options).expect("entry");
            zip.write_all(&vec![b'<'; *size]).expect("write");
        }
        zip.finish().expect("zip");
        out.into_inner()
    }

    #[test]
    fn office_files_are_unpacked_and_a_bomb_is_refused() {
        let normal = docx(&[
            ("[Content_Types].xml", 300),
            ("_rels/.rels", 200),
            ("word/document.xml", 20_000),
            ("word/styles.xml", 500),
        ]);
        let kind = media_type(&normal);
        assert_eq!(
            kind.ok(),
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        );
        assert!(check_archive(std::io::Cursor::new(&normal)).is_ok());
        let bomb = docx(&[
            ("[Content_Types].xml", 300),
            ("_rels/.rels", 200),
            ("word/document.xml", 100),
            ("word/media/x.bin", 40 << 20),
        ]);
        match check_archive(std::io::Cursor::new(&bomb)) {
            Err(AppError::Invalid { code, .. }) => assert_eq!(code, "suspicious_archive"),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_cut_character_at_the_end_of_the_sniffed_bytes_is_still_text() {
        let text = "Café".as_bytes();
        assert_eq!(media_type(&text[..text.len() - 1]).ok(), Some("text/plain"));
    }
}
