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
