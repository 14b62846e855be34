//! The Fluent catalogues, built into the binary and parsed once per
//! language, and the conventions for numbers and dates in each language.

use super::Language;
use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::OnceLock;

macro_rules! catalogue {
    ($language:ident, $file:literal) => {
        (
            Language::$language,
            concat!("reports/i18n/", $file),
            include_str!(concat!("../../../reports/i18n/", $file)),
        )
    };
}

/// Every catalogue file: (language, path, text). A language's bundle holds
/// all of its files, so an id is unique across them.
pub const SOURCES: &[(Language, &str, &str)] = &[
    catalogue!(En, "en/common.ftl"),
    catalogue!(En, "en/reports.ftl"),
    catalogue!(En, "en/pages.ftl"),
    catalogue!(En, "en/audit.ftl"),
    catalogue!(En, "en/mail.ftl"),
    catalogue!(De, "de/common.ftl"),
    catalogue!(De, "de/reports.ftl"),
    catalogue!(De, "de/pages.ftl"),
    catalogue!(De, "de/audit.ftl"),
    catalogue!(De, "de/mail.ftl"),
    catalogue!(Fr, "fr/common.ftl"),
    catalogue!(Fr, "fr/reports.ftl"),
    catalogue!(Fr, "fr/pages.ftl"),
    catalogue!(Fr, "fr/audit.ftl"),
    catalogue!(Fr, "fr/mail.ftl"),
];

/// A value for a message's `$variable`: text as it is shown (numbers
/// already written by [`Words::number`]), or a count that also chooses
/// among the plural forms of a selector.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// Shown as it is.
    Text(Cow<'a, str>),
    /// A whole number, for plural selectors (`[one]`, `*[other]`).
    Count(usize),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl From<usize> for Arg<'_> {
    fn from(count: usize) -> Self {
        Arg::Count(count)
    }
}

/// One language's messages.
pub struct Words {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

/// The messages of `language`, parsed once. The catalogues are part of the
/// binary and checked by a test, so a parse failure is a build defect.
pub fn words(language: Language) -> &'static Words {
    static WORDS: [OnceLock<Words>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match language {
        Language::En => &WORDS[0],
        Language::De => &WORDS[1],
        Language::Fr => &WORDS[2],
    };
    slot.get_or_init(|| Words::load(language))
}

impl Words {
    #[expect(
        clippy::panic,
        reason = "the catalogues are bundled and checked by a test: a bad one is a build defect"
    )]
    fn load(language: Language) -> Words {
        let tag = language
            .code()
            .parse()
            .unwrap_or_else(|e| panic!("{language} is no language tag: {e:?}"));
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // No Unicode isolation marks around values: the PDF fonts have no
        // glyph for them, and names are already kept free of bidi controls.
        bundle.set_use_isolating(false);
        for (_, file, text) in SOURCES.iter().filter(|(l, _, _)| *l == language) {
            let resource = FluentResource::try_new((*text).to_owned())
                .unwrap_or_else(|(_, e)| panic!("{file} does not parse: {e:?}"));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("{file} repeats an id: {e:?}"));
        }
        Words { language, bundle }
    }

    /// The language of these words.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether the catalogue has a message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` without variables.
    pub fn get(&self, id: &str) -> String {
        self.fill(id, &[])
    }

    /// The message `id` with its `$variables` filled in. A missing message
    /// shows its id, so a gap is visible rather than silent (the
    /// completeness test keeps the catalogues whole).
    pub fn fill(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut values = FluentArgs::with_capacity(args.len());
        for (name, arg) in args {
            match arg {
                Arg::Text(text) => values.set(*name, FluentValue::from(text.as_ref())),
                Arg::Count(n) => values.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&values), &mut errors)
            .into_owned()
    }

    /// A number with `decimals` places in this language's convention:
    /// 1,234.5 in English, 1.234,5 in German, 1 234,5 in French.
    pub fn number(&self, value: f64, decimals: usize) -> String {
        let (group, point) = match self.language {
            Language::En => (",", "."),
            Language::De => (".", ","),
            Language::Fr => ("\u{202f}", ","),
        };
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::with_capacity(text.len() + 4);
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push_str(group);
            }
            grouped.push(digit);
        }
        let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
        let sign = if negative { "−" } else { "" };
        if fraction.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{point}{fraction}")
        }
    }

    /// A whole percentage point value, e.g. the scorecard's scores.
    pub fn whole(&self, value: f64) -> String {
        self.number(value, 0)
    }

    /// A change in whole points with its sign ("+3", "−2"), "–" when none.
    pub fn change(&self, delta: Option<f64>) -> String {
        delta.map_or("–".to_owned(), |d| {
            let whole = self.whole(d);
            if d.round() > 0.0 {
                format!("+{whole}")
            } else {
                whole
            }
        })
    }

    /// A whole percentage as the language writes it: 61%, 61 %.
    pub fn percent(&self, value: f64) -> String {
        self.fill("report-percent", &[("value", self.whole(value).into())])
    }

    /// A date in words: 6 December 2026, 6. Dezember 2026, 6 décembre 2026.
    pub fn date(&self, date: NaiveDate) -> String {
        self.dated("date-long", "month", date)
    }

    /// A date with the month shortened: 6 Dec 2026, 6. Dez. 2026, 6 déc. 2026.
    pub fn short_date(&self, date: NaiveDate) -> String {
        self.dated("date-short", "month-short", date)
    }

    /// A month and year, for time axes: Dec 2026, Dez. 2026, déc. 2026.
    pub fn month_year(&self, date: NaiveDate) -> String {
        let month = self.get(&format!("month-short-{}", date.month()));
        self.fill(
            "date-month",
            &[
                ("month", month.into()),
                ("year", date.year().to_string().into()),
            ],
        )
    }

    fn dated(&self, pattern: &str, months: &str, date: NaiveDate) -> String {
        let month = self.get(&format!("{months}-{}", date.month()));
        self.fill(
            pattern,
            &[
                ("day", date.day().to_string().into()),
                ("month", month.into()),
                ("year", date.year().to_string().into()),
            ],
        )
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({})", self.language)
    }
}

/// Two catalogues are the same when they are of the same language.
impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.language == other.language
    }
}
