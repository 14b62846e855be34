//! Content-Security-Policy: nothing inline anywhere, except the stylesheet
//! a standalone HTML report carries so that it can be saved and mailed;
//! that one is allowed by its hash, never by `unsafe-inline`.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The pages' policy: scripts, styles, fonts and requests only from cmas itself,
/// no framing, no plugins, forms only back to cmas.
pub const PAGE_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'";

/// The policy of a standalone HTML report: its `<style>` elements by hash.
pub fn report_policy(html: &str) -> String {
    let hashes: Vec<String> = inline_styles(html)
        .map(|css| {
            let digest = Sha256::digest(css.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let styles = if hashes.is_empty() {
        "'none'".to_owned()
    } else {
        hashes.join(" ")
    };
    format!(
        "default-src 'none'; style-src {styles}; img-src data:; form-action 'none'; \
         frame-ancestors 'none'; base-uri 'none'"
    )
}

/// The text of each `<style>` element, exactly as the browser hashes it.
fn inline_styles(html: &str) -> impl Iterator<Item = &str> {
    html.split("<style>").skip(1).filter_map(|rest| {
        let end = rest.find("</style>")?;
        Some(&rest[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reports_inline_styles_are_allowed_by_their_hash_and_nothing_else() {
        // printf 'p{color:red}' | openssl dgst -sha256 -binary | base64
        let policy = report_policy("<style>p{color:red}</style><p>x</p>");
        assert!(
            policy.contains("style-src 'sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64='"),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-inline"));
        assert!(report_policy("<p>no styles</p>").contains("style-src 'none'"));
    }
}
