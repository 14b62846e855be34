//! Dates people type: within a window that fits this work (customer
//! management has been assessed since the 1990s; plans reach a few years
//! ahead), so a mistyped year is refused instead of becoming a client's
//! latest assessment in every benchmark.

use chrono::{Datelike, NaiveDate};

/// The earliest date cmas takes.
pub const EARLIEST_YEAR: i32 = 1990;

/// The window of a date that has happened: 1 Jan 1990 to a year from `today`.
pub fn past_window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (earliest(), years_from(today, 1))
}

/// The window of a planned date: 1 Jan 1990 to ten years from `today`.
pub fn plan_window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (earliest(), years_from(today, 10))
}

/// Refuses a date outside `window`, naming the window.
pub fn within(date: NaiveDate, (from, to): (NaiveDate, NaiveDate)) -> Result<NaiveDate, String> {
    if (from..=to).contains(&date) {
        Ok(date)
    } else {
        Err(format!("{date} is outside {from} to {to}"))
    }
}

fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1).unwrap_or_default()
}

fn years_from(today: NaiveDate, years: i32) -> NaiveDate {
    today
        .with_year(today.year() + years)
        .or_else(|| {
            today
                .with_day(28)
                .and_then(|d| d.with_year(today.year() + years))
        })
        .unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    #[test]
    fn a_date_is_taken_within_its_window_and_refused_outside_naming_it() {
        let today = day("2026-12-01");
        let window = past_window(today);
        assert_eq!(window, (day("1990-01-01"), day("2027-12-01")));
        assert!(within(day("1990-01-01"), window).is_ok());
        assert!(within(day("2027-12-01"), window).is_ok());
        let refused = within(day("1989-12-31"), window).expect_err("too early");
        assert!(
            refused.contains("1990-01-01") && refused.contains("2027-12-01"),
            "{refused}"
        );
        assert!(within(day("2027-12-02"), window).is_err());
        assert_eq!(plan_window(day("2024-02-29")).1, day("2034-02-28"));
    }
}
