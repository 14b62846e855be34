//! Forms that send files (multipart), read with a limit on the whole body.

use super::messages::fill;
use super::PageError;
use actix_multipart::{Multipart, MultipartError};
use futures_util::StreamExt;

/// The fields of a posted multipart form, in the order sent.
pub struct Upload {
    fields: Vec<(String, Vec<u8>)>,
}

impl Upload {
    /// Reads every field, refusing the form once it passes `limit` bytes.
    pub async fn read(mut payload: Multipart, limit: usize) -> Result<Upload, PageError> {
        let malformed = |e: MultipartError| {
            PageError::BadRequest(fill("upload_unreadable", &[("what", &e.to_string())]))
        };
        let mut fields = Vec::new();
        let mut total = 0;
        while let Some(field) = payload.next().await {
            let mut field = field.map_err(malformed)?;
            let name = field.name().unwrap_or_default().to_owned();
            let mut bytes = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(malformed)?;
                total += chunk.len();
                if total > limit {
                    let mib = (limit / 1024 / 1024).to_string();
                    return Err(PageError::BadRequest(fill(
                        "upload_too_large",
                        &[("limit", &mib)],
                    )));
                }
                bytes.extend_from_slice(&chunk);
            }
            fields.push((name, bytes));
        }
        Ok(Upload { fields })
    }

    /// A field's bytes; empty when it was not sent.
    pub fn bytes(&self, name: &str) -> &[u8] {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    /// A field as text.
    pub fn text(&self, name: &str) -> String {
        String::from_utf8_lossy(self.bytes(name)).into_owned()
    }
}

/// A form with one file field that may be large: the file is spooled to a
/// temporary file as it arrives (refused past `file_limit`), the other
/// fields are read into memory (refused past 64 KiB in all).
pub struct SpooledForm {
    /// The small fields, in the order sent.
    pub fields: Vec<(String, String)>,
    /// The file and the name the browser gave it, if one was chosen.
    pub file: Option<(std::fs::File, String)>,
}

impl SpooledForm {
    pub async fn read(
        mut payload: Multipart,
        file_field: &str,
        file_limit: u64,
    ) -> Result<SpooledForm, PageError> {
        const FIELDS_LIMIT: usize = 64 * 1024;
        let malformed = |e: MultipartError| {
            PageError::BadRequest(fill("upload_unreadable", &[("what", &e.to_string())]))
        };
        let (mut fields, mut file, mut total) = (Vec::new(), None, 0);
        while let Some(field) = payload.next().await {
            let mut field = field.map_err(malformed)?;
            let name = field.name().unwrap_or_default().to_owned();
            if name == file_field {
                let file_name = field
                    .content_disposition()
                    .and_then(|d| d.get_filename())
                    .unwrap_or_default()
                    .to_owned();
                let spooled = crate::web::spool::spool(&mut field, file_limit, "an evidence file")
                    .await
                    .map_err(|e| PageError::BadRequest(e.problem().detail))?;
                if !file_name.is_empty() {
                    file = Some((spooled, file_name));
                }
                continue;
            }
            let mut bytes = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(malformed)?;
                total += chunk.len();
                if total > FIELDS_LIMIT {
                    return Err(PageError::BadRequest(fill(
                        "upload_too_large",
                        &[("limit", "0.06")],
                    )));
                }
                bytes.extend_from_slice(&chunk);
            }
            fields.push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
        Ok(SpooledForm { fields, file })
    }
}
