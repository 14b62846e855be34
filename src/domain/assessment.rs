//! The life of an assessment: draft → in progress → final.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// Filters on the listing of assessments; absent parts filter nothing.
#[derive(Debug, Default, Clone)]
pub struct AssessmentFilter {
    /// Only this client's assessments.
    pub client_id: Option<i32>,
    /// Only the assessments in this state.
    pub status: Option<Status>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[expect(
    missing_docs,
    reason = "a doc comment here would become a description in the published OpenAPI document"
)]
pub enum Status {
    /// Created, with no answer yet.
    Draft,
    /// Being scored; a draft moves here with its first answer.
    InProgress,
    /// Finalised by the lead: a record that changes no more, and part of the
    /// portfolio the benchmarks draw on.
    Final,
}

impl Status {
    /// Every state, in the order an assessment goes through them.
    pub const ALL: [Status; 3] = [Status::Draft, Status::InProgress, Status::Final];

    /// The state as the API and the database spell it, e.g. `in_progress`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InProgress => "in_progress",
            Status::Final => "final",
        }
    }

    /// Scores may change until the assessment is final; after that it is a record.
    pub fn accepts_scores(self) -> bool {
        self != Status::Final
    }

    /// Checks a requested change of status; asking for the current status is
    /// a no-op. Going back is refused: a final assessment has been built on,
    /// and one in progress has scores.
    pub fn transition_to(self, next: Status) -> Result<Status, String> {
        use Status::*;
        match (self, next) {
            (a, b) if a == b => Ok(b),
            (Draft, InProgress) | (Draft, Final) | (InProgress, Final) => Ok(next),
            (Final, _) => Err("the assessment is final and can no longer change".into()),
            (from, to) => Err(format!("an assessment cannot go back from {from} to {to}")),
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(Status::Draft),
            "in_progress" => Ok(Status::InProgress),
            "final" => Ok(Status::Final),
            other => Err(format!(
                "unknown status '{other}' (expected draft, in_progress or final)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Status::*;

    #[test]
    fn a_final_assessment_cannot_be_reopened() {
        assert!(Final.transition_to(Draft).is_err());
        assert!(Final.transition_to(InProgress).is_err());
        assert_eq!(Final.transition_to(Final), Ok(Final));
    }

    #[test]
    fn an_assessment_in_progress_cannot_go_back_to_draft() {
        assert!(InProgress.transition_to(Draft).is_err());
        assert_eq!(InProgress.transition_to(InProgress), Ok(InProgress));
    }

    #[test]
    fn drafts_move_forward() {
        assert_eq!(Draft.transition_to(InProgress), Ok(InProgress));
        assert_eq!(InProgress.transition_to(Final), Ok(Final));
        assert!(!Final.accepts_scores());
        assert!(InProgress.accepts_scores());
    }
}
