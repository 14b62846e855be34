//! What the pages say, kept in `reports/pages.toml` so the wording can
//! change (and later be translated) without touching code.

use crate::report::wording::Wording;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Messages {
    text: Wording,
    done: BTreeMap<String, String>,
    fields: BTreeMap<String, String>,
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
pub fn text(key: &'static str) -> &'static str {
    messages().text.text(key)
}

/// The message `key` with its `{name}` placeholders filled in.
pub fn fill(key: &str, values: &[(&str, &str)]) -> String {
    messages().text.fill(key, values)
}

/// What a form calls a field, e.g. "Cost so far" for `cost_actual`.
pub fn label(field: &str) -> &str {
    messages().fields.get(field).map_or(field, String::as_str)
}

/// A list's orders as options of its select: (sort key, words), `chosen` selected.
pub fn order_options(orders: &[(&str, &str)], chosen: &str) -> Vec<serde_json::Value> {
    orders
        .iter()
        .map(|(value, label)| serde_json::json!({ "value": value, "label": label, "selected": *value == chosen }))
        .collect()
}

/// A refusal in the words of the form: every field the use case names in
/// backticks (`cost_actual`) becomes its label ("Cost so far"), and the
/// text becomes a sentence.
pub fn in_words(detail: &str) -> String {
    let mut out = String::with_capacity(detail.len());
    let mut parts = detail.split('`');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        if i % 2 == 0 {
            out.push_str(messages().fields.get(part).map_or(part, String::as_str));
        } else {
            out.push_str(part);
        }
    }
    let mut chars = out.chars();
    chars.next().map_or(String::new(), |c| {
        let text: String = c.to_uppercase().chain(chars).collect();
        if text.ends_with('.') {
            text
        } else {
            text + "."
        }
    })
}

/// The confirmation of the form post that redirected with `?done=code`.
pub fn done(code: &str) -> Option<&'static str> {
    messages().done.get(code).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_the_pages_use_is_in_the_file() {
        // The pages' modules, and those of their folders (one level down).
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/web/pages");
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).expect("the pages' folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                let inner = std::fs::read_dir(&path).expect("a folder");
                files.extend(inner.map(|e| e.expect("an entry").path()));
            } else {
                files.push(path);
            }
        }
        let sources: Vec<String> = files
            .iter()
            .map(|path| std::fs::read_to_string(path).expect("a file"))
            .collect();
        let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
        let keys = crate::report::wording::keys_used(&sources);
        assert!(keys.len() > 10, "{keys:?}");
        for key in keys {
            assert!(
                messages().text.has(&key),
                "reports/pages.toml has no `{key}`"
            );
        }
        assert_eq!(
            in_words("`name` must not be empty"),
            "Name must not be empty."
        );
        assert_eq!(
            fill("workbook_in", &[("saved", "3"), ("unchanged", "1")]),
            "The workbook is in: 3 saved, 1 unchanged."
        );
    }
}
