//! What the pages say, from the `pages.ftl` catalogues under
//! `reports/i18n/`, in the language of the request (see `web::language`):
//! `[text]`-style messages by their key, confirmations as `done-<code>`,
//! field names as `field-<name>`.

use crate::domain::i18n::{words, Arg, Language, Words};
use crate::web::language;

/// The words of the request's language.
pub fn here() -> &'static Words {
    words(language::current())
}

/// The message `key`; the key itself if the catalogue lacks it (a test
/// makes sure every key the pages use is there).
pub fn text(key: &str) -> String {
    here().get(key)
}

/// The message `key` with its `$name` variables filled in.
pub fn fill(key: &str, values: &[(&str, &str)]) -> String {
    let args: Vec<(&str, Arg<'_>)> = values.iter().map(|(k, v)| (*k, Arg::from(*v))).collect();
    here().fill(key, &args)
}

/// What a form calls a field, e.g. "Cost so far" for `cost_actual`; the
/// field's own name when the catalogue has none.
pub fn label(field: &str) -> String {
    let id = format!("field-{field}");
    let w = here();
    if w.has(&id) {
        w.get(&id)
    } else {
        field.to_owned()
    }
}

/// An assessment's status in words: "in progress", "in Arbeit".
pub fn status_words(status: crate::domain::assessment::Status) -> String {
    here().fill(
        "common-assessment-status",
        &[("status", status.as_str().into())],
    )
}

/// The languages as options of a select, `chosen` selected.
pub fn language_options(chosen: Option<Language>) -> Vec<serde_json::Value> {
    Language::ALL
        .iter()
        .map(|l| serde_json::json!({ "value": l.code(), "label": text(&format!("language-{l}")), "selected": chosen == Some(*l) }))
        .collect()
}

/// A list's orders as options of its select: (sort key, words), `chosen` selected.
pub fn order_options(orders: &[(&str, String)], chosen: &str) -> Vec<serde_json::Value> {
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
            out.push_str(&label(part));
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
pub fn done(code: &str) -> Option<String> {
    let id = format!("done-{code}");
    let w = here();
    w.has(&id).then(|| w.get(&id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::Language;

    #[test]
    fn every_message_the_pages_use_is_in_every_catalogue() {
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
        for language in Language::ALL {
            for key in &keys {
                assert!(
                    words(language).has(key),
                    "the {language} pages have no `{key}`"
                );
            }
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
