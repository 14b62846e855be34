use super::*;
use chrono::NaiveDate;

#[test]
fn a_request_names_its_language() {
    assert_eq!(Language::parse("de-CH"), Some(Language::De));
    assert_eq!(Language::parse("FR"), Some(Language::Fr));
    assert_eq!(Language::parse("es"), None);
    let header = "es;q=1.0, fr;q=0.5, de-DE;q=0.8, en;q=0.1";
    assert_eq!(Language::from_accept_language(header), Some(Language::De));
    assert_eq!(Language::from_accept_language("fr, en"), Some(Language::Fr));
    assert_eq!(Language::from_accept_language("de;q=0, es"), None);
    assert_eq!(Language::from_accept_language("*"), None);
}

#[test]
fn numbers_and_dates_follow_each_language() {
    let day = NaiveDate::from_ymd_opt(2026, 12, 6).expect("a date");
    let cases = [
        (
            Language::En,
            "1,234,567.89",
            "−0.42",
            "6 December 2026",
            "6 Dec 2026",
        ),
        (
            Language::De,
            "1.234.567,89",
            "−0,42",
            "6. Dezember 2026",
            "6. Dez. 2026",
        ),
        (
            Language::Fr,
            "1\u{202f}234\u{202f}567,89",
            "−0,42",
            "6 décembre 2026",
            "6 déc. 2026",
        ),
    ];
    for (language, big, negative, long, short) in cases {
        let w = words(language);
        assert_eq!(w.number(1_234_567.891, 2), big);
        assert_eq!(w.number(-0.4199, 2), negative);
        assert_eq!(w.number(-0.001, 0), "0", "no minus on a rounded zero");
        assert_eq!(w.whole(61.4), "61");
        assert_eq!(w.date(day), long);
        assert_eq!(w.short_date(day), short);
    }
}

#[test]
fn a_message_is_filled_and_a_missing_one_shows_its_id() {
    let w = words(Language::En);
    assert_eq!(
        w.fill("scorecard-count-companies", &[("n", "48".into())]),
        "48 companies"
    );
    assert_eq!(
        w.fill("chart-projects", &[("count", 1.into())]),
        "1 project"
    );
    assert_eq!(
        w.fill("chart-projects", &[("count", 3.into())]),
        "3 projects"
    );
    assert_eq!(w.get("no-such-message"), "no-such-message");
}

/// Each message of a catalogue file with its `$variables`, read as text:
/// a message starts at `id =` in the first column; its continuation lines
/// are indented.
fn messages(source: &str) -> Vec<(String, std::collections::BTreeSet<String>)> {
    let mut out: Vec<(String, std::collections::BTreeSet<String>)> = Vec::new();
    for line in source.lines() {
        let body = match line.split_once(" =") {
            Some((id, body)) if !line.starts_with([' ', '#']) && !id.contains(' ') => {
                out.push((id.to_owned(), Default::default()));
                body
            }
            _ if line.starts_with(' ') => line,
            _ => continue,
        };
        if let Some((_, variables)) = out.last_mut() {
            for piece in body.split('$').skip(1) {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                variables.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_message_is_in_every_language_with_the_same_variables() {
    for language in Language::ALL {
        // Every catalogue parses and no id repeats (a bundle refuses both).
        assert_eq!(words(language).language(), language);
    }
    let english: Vec<_> = SOURCES
        .iter()
        .filter(|(l, _, _)| *l == Language::En)
        .collect();
    assert_eq!(english.len() * Language::ALL.len(), SOURCES.len());
    let mut count = 0;
    for (_, file, source) in english {
        let wanted = messages(source);
        count += wanted.len();
        for language in [Language::De, Language::Fr] {
            let twin = file.replace("/en/", &format!("/{language}/"));
            let (_, _, other) = SOURCES
                .iter()
                .find(|(l, f, _)| *l == language && *f == twin)
                .unwrap_or_else(|| panic!("{twin} is missing"));
            let found: std::collections::BTreeMap<_, _> = messages(other).into_iter().collect();
            for (id, variables) in &wanted {
                let theirs = found
                    .get(id)
                    .unwrap_or_else(|| panic!("{twin} has no `{id}`"));
                assert_eq!(theirs, variables, "`{id}` in {twin} has other variables");
            }
            assert_eq!(found.len(), wanted.len(), "{twin} has ids English lacks");
        }
    }
    assert!(count > 700, "{count} messages");
}

#[test]
fn the_reading_of_messages_sees_ids_variables_and_selectors() {
    let read = messages("# note\nplain = Text\nwith = { $a } and { $b-c }\nmany =\n    { $n ->\n    [one] one { $x }\n   *[other] { $n }\n}\n");
    let ids: Vec<&str> = read.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["plain", "with", "many"]);
    assert!(read[0].1.is_empty());
    assert_eq!(read[1].1.iter().collect::<Vec<_>>(), ["a", "b-c"]);
    assert_eq!(read[2].1.iter().collect::<Vec<_>>(), ["n", "x"]);
}

#[test]
fn a_percentage_is_written_as_each_language_writes_it() {
    assert_eq!(words(Language::En).percent(61.4), "61%");
    assert_eq!(words(Language::De).percent(61.4), "61\u{a0}%");
    assert_eq!(words(Language::Fr).percent(61.6), "62\u{a0}%");
}
