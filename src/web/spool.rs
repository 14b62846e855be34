//! Uploads too big to hold in memory: the body goes to a temporary file as
//! it arrives, and is refused (413) the moment it passes the limit, so a
//! 25 MiB upload costs the server a buffer, not 25 MiB.

use super::problem::{ApiError, ApiResult};
use actix_web::web::Bytes;
use futures_util::{Stream, StreamExt};
use std::fs::File;
use std::io::Write;

/// Writes the stream to an anonymous temporary file (gone when dropped),
/// refusing it once it passes `limit` bytes.
pub async fn spool<S, E>(mut stream: S, limit: u64, what: &str) -> ApiResult<File>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let mut file = tempfile::tempfile().map_err(internal)?;
    let mut written: u64 = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| ApiError::bad_request("bad_body", e.to_string()))?;
        written += chunk.len() as u64;
        if written > limit {
            return Err(too_large(what, limit));
        }
        file.write_all(&chunk).map_err(internal)?;
    }
    Ok(file)
}

/// A declared length above the limit is refused before a byte is read.
pub fn check_declared(request: &actix_web::HttpRequest, limit: u64, what: &str) -> ApiResult<()> {
    let declared = request
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(length) if length > limit => Err(too_large(what, limit)),
        _ => Ok(()),
    }
}

fn too_large(what: &str, limit: u64) -> ApiError {
    ApiError::too_large(format!(
        "{what} may have at most {} MiB ({limit} bytes)",
        limit / 1024 / 1024
    ))
}

fn internal(e: std::io::Error) -> ApiError {
    ApiError::App(crate::app::error::AppError::internal(e))
}
