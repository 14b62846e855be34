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
    if let Ok(value) = HeaderValue::from_str(&self::disposition(disposition, &document.filename)) {
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

/// `Content-Disposition` with an ASCII fallback name and the exact name in
/// UTF-8 (RFC 6266, RFC 8187): "Harbour Bank – scorecard – 2026-10-23.pdf"
/// is saved under that name, dashes and accents kept.
pub fn disposition(kind: &str, name: &str) -> String {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("{kind}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn names_are_quoted_safely_and_kept_exactly_in_utf8() {
        assert_eq!(
            disposition("attachment", "Plan \"Q3\" é.pdf"),
            "attachment; filename=\"Plan _Q3_ _.pdf\"; filename*=UTF-8''Plan%20%22Q3%22%20%C3%A9.pdf"
        );
    }
}
