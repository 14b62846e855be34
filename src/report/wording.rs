//! Wording kept in data files (`reports/*.toml`): sentences by key, with
//! `{name}` placeholders, so the words can change (and later be translated)
//! without touching code.

use serde::Deserialize;
use std::collections::BTreeMap;

/// A file's sentences by key.
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
pub struct Wording(BTreeMap<String, String>);

impl Wording {
    /// The sentence `key`; the key itself if the file lacks it (each file's
    /// test makes sure every key its readers use is there).
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).map_or(key, String::as_str)
    }

    /// The sentence `key` with its `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(self.text(key).to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }

    /// Whether the file has a sentence `key`.
    pub fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }
}

/// Every key that `text("…")` or `fill("…", …)` calls name in `sources`
/// (not methods of that name, such as a form's `.text("field")`).
#[cfg(test)]
pub(crate) fn keys_used(sources: &[&str]) -> Vec<String> {
    let mut keys = Vec::new();
    for source in sources {
        for call in ["text(\"", "fill(\""] {
            let pieces: Vec<&str> = source.split(call).collect();
            for (before, piece) in pieces.iter().zip(pieces.iter().skip(1)) {
                let key = piece.split('"').next().unwrap_or_default();
                let method = before.ends_with('.');
                let word = before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
                if !method && !word && key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}
