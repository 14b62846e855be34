//! What the pages say, kept in `reports/pages.toml` so the wording can
//! change (and later be translated) without touching code.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Messages {
    text: BTreeMap<String, String>,
    done: BTreeMap<String, String>,
}

/// The bundled messages, parsed once. The file is part of the binary and
/// checked by a test, so a parse failure is a build defect.
#[expect(
    clippy::panic,
    reason = "the file is bundled and checked by a test: a bad one is a build defect"
)]
fn messages() -> &'static Messages {
    static MESSAGES: OnceLock<Messages> = OnceLock::new();
    MESSAGES.get_or_init(|| {
        toml_edit::de::from_str(include_str!("../../../reports/pages.toml"))
            .unwrap_or_else(|e| panic!("reports/pages.toml is invalid: {e}"))
    })
}

/// The message `key`; the key itself if the file lacks it (a test makes
/// sure every key the pages use is there).
pub fn text(key: &str) -> &str {
    messages().text.get(key).map_or(key, String::as_str)
}

/// The message `key` with its `{name}` placeholders filled in.
pub fn fill(key: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(text(key).to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// The confirmation of the form post that redirected with `?done=code`.
pub fn done(code: &str) -> Option<&'static str> {
    messages().done.get(code).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `text("…")` and `fill("…", …)` key in the pages' sources (not
    /// methods of that name, such as a form's `.text("field")`).
    fn keys_used() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/web/pages");
        let mut keys = Vec::new();
        for entry in std::fs::read_dir(dir).expect("the pages' folder") {
            let source = std::fs::read_to_string(entry.expect("an entry").path()).expect("a file");
            for call in ["text(\"", "fill(\""] {
                let pieces: Vec<&str> = source.split(call).collect();
                for (before, piece) in pieces.iter().zip(pieces.iter().skip(1)) {
                    let key = piece.split('"').next().unwrap_or_default();
                    let method = before.ends_with('.');
                    if !method && key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                        keys.push(key.to_owned());
                    }
                }
            }
        }
        keys
    }

    #[test]
    fn every_message_the_pages_use_is_in_the_file() {
        let keys = keys_used();
        assert!(keys.len() > 10, "{keys:?}");
        for key in keys {
            assert!(
                messages().text.contains_key(&key),
                "reports/pages.toml has no `{key}`"
            );
        }
        assert_eq!(
            fill("workbook_in", &[("saved", "3"), ("unchanged", "1")]),
            "The workbook is in: 3 saved, 1 unchanged."
        );
    }
}
