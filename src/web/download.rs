//! Documents as responses: a file to save (`Content-Disposition:
//! attachment`), or a report to show (`inline`, with its own policy).

use crate::app::documents::Document;
use actix_web::http::header::{self, HeaderValue};
use actix_web::HttpResponse;

/// A file to save rather than show.
pub fn attachment(document: Document) -> HttpResponse {
    answer(document, "attachment")
}

/// A report to show: PDF, or standalone HTML with a policy that allows its
/// own inline stylesheets and nothing else.
pub fn inline(document: Document) -> HttpResponse {
    answer(document, "inline")
}

fn answer(document: Document, disposition: &str) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    response.content_type(document.content_type);
    let value = format!("{disposition}; filename=\"{}\"", document.filename);
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.insert_header((header::CONTENT_DISPOSITION, value));
    }
    if disposition == "inline" && document.content_type.starts_with("text/html") {
        response.insert_header((
            header::CONTENT_SECURITY_POLICY,
            super::content_policy::report_policy(&String::from_utf8_lossy(&document.bytes)),
        ));
    }
    response.body(document.bytes)
}
