//! Login throttling: how long a subject (an account or an address) must
//! wait after too many failed logins. The failures themselves are kept in
//! the database, so every instance counts the same ones.

use chrono::{Duration, NaiveDateTime};

/// At most `failures` failed logins within `window`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// How many failed logins within the window make the subject wait.
    pub failures: usize,
    /// How long a failure counts.
    pub window: Duration,
}

/// Guessing one account's password: 5 tries per quarter of an hour.
pub const PER_ACCOUNT: Limit = Limit {
    failures: 5,
    window: Duration::minutes(15),
};

/// Trying many accounts from one address; an office behind one address
/// still has room for its people's typos.
pub const PER_ADDRESS: Limit = Limit {
    failures: 30,
    window: Duration::minutes(15),
};

/// How long until the subject may try again, given its failed logins (any
/// order); `None` when it may try now. A failure counts for `window`, so
/// the wait ends when the oldest failure that makes the limit leaves it.
pub fn wait(limit: Limit, failures: &[NaiveDateTime], now: NaiveDateTime) -> Option<Duration> {
    let mut recent: Vec<NaiveDateTime> = failures
        .iter()
        .copied()
        .filter(|at| now - *at < limit.window)
        .collect();
    if limit.failures == 0 || recent.len() < limit.failures {
        return None;
    }
    recent.sort_unstable();
    let oldest_counted = recent.get(recent.len() - limit.failures)?;
    Some(*oldest_counted + limit.window - now)
}

/// "2 minutes", "1 minute": a wait rounded up to whole minutes.
pub fn in_minutes(wait: Duration) -> String {
    let minutes = (wait.num_seconds() + 59) / 60;
    match minutes.max(1) {
        1 => "1 minute".to_owned(),
        n => format!("{n} minutes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> NaiveDateTime {
        NaiveDateTime::default() + Duration::minutes(minute)
    }

    #[test]
    fn the_limit_is_reached_by_failures_within_the_window_only() {
        let limit = Limit {
            failures: 3,
            window: Duration::minutes(15),
        };
        assert_eq!(wait(limit, &[at(0), at(1)], at(2)), None);
        // Three within the window: wait until the oldest of them is 15 minutes old.
        assert_eq!(
            wait(limit, &[at(1), at(0), at(2)], at(3)),
            Some(Duration::minutes(12))
        );
        // The oldest has left the window: room for one more try.
        assert_eq!(wait(limit, &[at(0), at(1), at(2)], at(15)), None);
        // Many failures: the wait runs from the oldest of the last three.
        let many: Vec<NaiveDateTime> = (0..10).map(at).collect();
        assert_eq!(wait(limit, &many, at(10)), Some(Duration::minutes(12)));
    }

    #[test]
    fn waits_read_in_whole_minutes_rounded_up() {
        assert_eq!(in_minutes(Duration::seconds(1)), "1 minute");
        assert_eq!(in_minutes(Duration::seconds(61)), "2 minutes");
        assert_eq!(in_minutes(Duration::minutes(15)), "15 minutes");
    }
}
