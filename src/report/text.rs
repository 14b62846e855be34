//! The sentences of the findings. Their wording lives in
//! `reports/sentences.toml`, so it can change without touching code.

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sentences {
    pub strength: String,
    pub strength_top: String,
    pub priority_execute: String,
    pub priority_plan: String,
    pub priority_both: String,
    pub standing: String,
    pub group_companies: String,
    pub group_same_scope: String,
    pub group_whole_companies: String,
    pub count_companies: String,
    pub count_assessments: String,
    pub scope_parts: [String; 3],
    pub quarters: [String; 4],
    pub rule_equal: String,
    pub rule_correlation: String,
}

/// The bundled sentences, parsed once. The file is part of the binary and
/// checked by a test, so a parse failure is a build defect.
#[expect(
    clippy::panic,
    reason = "the file is bundled and checked by a test: a bad one is a build defect"
)]
pub fn sentences() -> &'static Sentences {
    static SENTENCES: OnceLock<Sentences> = OnceLock::new();
    SENTENCES.get_or_init(|| {
        toml_edit::de::from_str(include_str!("../../reports/sentences.toml"))
            .unwrap_or_else(|e| panic!("reports/sentences.toml is invalid: {e}"))
    })
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// A percentage as the report prints it: whole points.
pub fn pct(value: f64) -> String {
    format!("{value:.0}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_sentences_parse_and_fill() {
        let s = sentences();
        let text = fill(
            &s.strength,
            &[
                ("area", "People".into()),
                ("client", pct(61.4)),
                ("points", pct(12.0)),
                ("median", pct(49.4)),
            ],
        );
        assert_eq!(text, "People is a strength: 61% of best practice, 12 points above the portfolio median of 49%.");
    }
}
