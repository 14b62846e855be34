//! The text patterns the document states, by name. Request types name a
//! pattern (`#[schema(pattern = "one-line")]`) and the served document gets
//! the regular expression, written once here from the rules the use cases
//! apply: `app::input` trims and requires text, `domain::text` refuses NUL
//! everywhere and, in one-line fields, control, bidirectional and
//! zero-width characters. The expressions are ECMA-262 and Python alike.

use serde_json::Value;

/// What `str::trim` removes: Unicode's white space.
const SPACE: &str = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// A character a one-line field keeps and that is not white space.
const SHOWN: &str = r"[^\x00-\x20\x7f\x85\xa0\u1680\u2000-\u200d\u2028-\u202f\u205f\u2060\u2066-\u2069\u3000\ufeff]";

/// A character a one-line field keeps (spaces included).
const LINE: &str = r"[^\x00-\x1f\x7f\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]";

/// The expression a pattern's name stands for.
fn expression(name: &str) -> Option<String> {
    let shown_but_at = SHOWN.replacen("[^", "[^@", 1);
    Some(match name {
        // A required one-line field: something shown once trimmed.
        "one-line" => format!("^[{SPACE}]*{SHOWN}{LINE}*[{SPACE}]*$"),
        // An optional one-line field: blank reads as absent.
        "one-line-or-blank" => format!("^[{SPACE}]*({SHOWN}{LINE}*[{SPACE}]*)?$"),
        // A name exactly as cmas stores it: trimmed, one line.
        "stored-name" => format!("^{SHOWN}({LINE}*{SHOWN})?$"),
        // `app::input::email`: one line, something before the @, a dot after it.
        "email" => format!("^[{SPACE}]*{shown_but_at}+@{SHOWN}*\\.{SHOWN}*[{SPACE}]*$"),
        // `app::tenants`: an organisation's slug, as typed (trimmed).
        "slug" => format!("^[{SPACE}]*[a-z0-9]([a-z0-9-]*[a-z0-9])?[{SPACE}]*$"),
        // `app::sso`: an identity provider's issuer, https:// and no white space.
        "https-url" => format!("^[{SPACE}]*https://[^{SPACE}\\x00]+[{SPACE}]*$"),
        // `domain::sso::Domains`: one e-mail domain, an @ in front allowed.
        "domain" => format!(
            "^[{SPACE}]*@?([a-zA-Z0-9]([a-zA-Z0-9-]{{0,61}}[a-zA-Z0-9])?\\.)+[a-zA-Z0-9]([a-zA-Z0-9-]{{0,61}}[a-zA-Z0-9])?[{SPACE}]*$"
        ),
        // Longer text: anything but NUL.
        "text" => r"^[^\x00]*$".to_owned(),
        "text-not-blank" => format!(r"^[^\x00]*[^\x00{SPACE}][^\x00]*$"),
        // A calendar date in the years cmas takes at all (each use narrows it).
        "date" => r"^(199[0-9]|20[0-9][0-9])-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$".to_owned(),
        // `domain::branding::Colour::parse`: #rrggbb, the # optional.
        "colour" => format!("^[{SPACE}]*#?[0-9a-fA-F]{{6}}[{SPACE}]*$"),
        // `domain::numbers::CURRENCIES`: the codes an organisation may choose.
        "currency" => {
            let codes: Vec<&str> = crate::domain::numbers::CURRENCIES
                .iter()
                .map(|(code, _)| *code)
                .collect();
            format!("^({})$", codes.join("|"))
        }
        _ => return None,
    })
}

/// Puts each named pattern's expression in its place, anywhere in `document`.
pub fn expand(document: &mut Value) {
    match document {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match (key.as_str(), &*value) {
                    ("pattern", Value::String(name)) => {
                        if let Some(expression) = expression(name) {
                            *value = Value::String(expression);
                        }
                    }
                    _ => expand(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(expand),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_the_document_names_is_expanded() {
        let document = super::super::served();
        let mut names = Vec::new();
        collect(&document, &mut names);
        assert!(names.len() > 30, "{} patterns", names.len());
        for pattern in names {
            assert!(
                pattern.starts_with('^') && pattern.ends_with('$'),
                "{pattern}"
            );
        }
    }

    fn collect(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => map.iter().for_each(|(key, value)| match value {
                Value::String(p) if key == "pattern" => out.push(p.clone()),
                other => collect(other, out),
            }),
            Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }

    #[test]
    fn a_one_line_name_is_one_expression_of_the_shared_parts() {
        let one_line = expression("one-line").expect("named");
        assert!(one_line.contains(SHOWN) && one_line.contains(LINE) && one_line.contains(SPACE));
        assert_eq!(expression("no-such-pattern"), None);
    }
}
