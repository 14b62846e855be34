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
