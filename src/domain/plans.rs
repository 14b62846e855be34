//! The plan between two assessments: targets a client and scope aim for,
//! and the agreed actions that should get them there.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub enum ActionStatus {
    /// Suggested, not yet agreed with the client.
    Proposed,
    Agreed,
    InProgress,
    Done,
    /// Decided against; kept for the record.
    Dropped,
}

impl ActionStatus {
    /// Every status, in the order an action goes through them.
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::Proposed,
        ActionStatus::Agreed,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// As the API and the database spell it, e.g. `in_progress`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Proposed => "proposed",
            ActionStatus::Agreed => "agreed",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Still to be done: neither done nor dropped.
    pub fn is_open(self) -> bool {
        !matches!(self, ActionStatus::Done | ActionStatus::Dropped)
    }
}

impl FromStr for ActionStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("`{s}` is not an action status"))
    }
}

/// An open action past its due date on `today`.
pub fn overdue(
    status: ActionStatus,
    due: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
) -> bool {
    status.is_open() && due.is_some_and(|d| d < today)
}

/// What a target is set on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub enum TargetKind {
    Area,
    Practice,
}

impl TargetKind {
    /// As stored: `area` or `practice`.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Area => "area",
            TargetKind::Practice => "practice",
        }
    }
}

/// What a later wave says of a target set after an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetOutcome {
    /// The later wave reached the target.
    Met,
    /// The later wave is on or after the due date and below the target.
    Missed,
    /// Below the target, but the due date is still to come.
    NotYetDue,
    /// The later wave has no score for it (N/A or unanswered).
    NoScore,
}

/// The outcome of a target of `target` % due `due`, by a wave on `date`
/// that scored `value` %. Scores are compared as they are printed, to the
/// whole point, so a printed 60% never "misses" a 60% target.
pub fn outcome(
    target: f64,
    due: chrono::NaiveDate,
    (date, value): (chrono::NaiveDate, Option<f64>),
) -> TargetOutcome {
    match value {
        None => TargetOutcome::NoScore,
        Some(v) if v.round() >= target.round() => TargetOutcome::Met,
        Some(_) if date >= due => TargetOutcome::Missed,
        Some(_) => TargetOutcome::NotYetDue,
    }
}

/// The key one client's scope is stored under: its business unit, product
/// and customer group as a JSON array (`[null,null,null]` for the whole company).
pub fn scope_key(parts: [&Option<String>; 3]) -> String {
    serde_json::to_string(&parts).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(d: &str) -> NaiveDate {
        d.parse().expect("a date")
    }

    #[test]
    fn a_target_is_met_when_reached_missed_only_once_due() {
        let due = day("2026-06-30");
        assert_eq!(
            outcome(60.0, due, (day("2026-01-01"), Some(61.0))),
            TargetOutcome::Met
        );
        assert_eq!(
            outcome(60.0, due, (day("2026-01-01"), Some(59.6))),
            TargetOutcome::Met
        );
        assert_eq!(
            outcome(60.0, due, (day("2026-01-01"), Some(50.0))),
            TargetOutcome::NotYetDue
        );
        assert_eq!(
            outcome(60.0, due, (day("2026-06-30"), Some(50.0))),
            TargetOutcome::Missed
        );
        assert_eq!(
            outcome(60.0, due, (day("2027-01-01"), None)),
            TargetOutcome::NoScore
        );
    }

    #[test]
    fn open_actions_past_their_date_are_overdue_and_finished_ones_never() {
        let today = day("2026-12-07");
        assert!(overdue(
            ActionStatus::Agreed,
            Some(day("2026-12-06")),
            today
        ));
        assert!(!overdue(ActionStatus::Agreed, Some(today), today));
        assert!(!overdue(ActionStatus::Done, Some(day("2026-01-01")), today));
        assert!(!overdue(
            ActionStatus::Dropped,
            Some(day("2026-01-01")),
            today
        ));
        assert!(!overdue(ActionStatus::InProgress, None, today));
        for s in ActionStatus::ALL {
            assert_eq!(s.as_str().parse::<ActionStatus>(), Ok(s));
        }
    }

    #[test]
    fn the_whole_company_and_a_scope_have_different_keys() {
        let none = None;
        let retail = Some("Retail".to_owned());
        assert_eq!(scope_key([&none, &none, &none]), "[null,null,null]");
        assert_ne!(
            scope_key([&retail, &none, &none]),
            scope_key([&none, &retail, &none])
        );
    }
}
