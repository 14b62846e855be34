//! How each project of a programme stands today: what "late", "blocked"
//! and "at risk" mean.

use super::{ProjectInput, ProjectStatus};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// How a project stands, and why.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Health {
    pub project_id: i32,
    /// Past its end, or a milestone past due, and not finished.
    pub late: bool,
    /// Cannot go on: it depends on a stopped project, or should have begun
    /// while a dependency is not done.
    pub blocked: bool,
    /// A dependency is late: it will end after this project was to start.
    pub at_risk: bool,
    pub reasons: Vec<Reason>,
}

/// Why a project is late, blocked or at risk; each reads as a sentence in
/// the reader's language (`report::programme::reason`).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[expect(
    missing_docs,
    reason = "the fields are named for what the variant says"
)]
pub enum Reason {
    /// The project was due to end on `end` and has not.
    EndPassed { project: String, end: NaiveDate },
    /// A milestone was due on `due` and is not done.
    MilestoneDue { milestone: String, due: NaiveDate },
    /// A project it depends on was stopped.
    DependencyStopped { dependency: String },
    /// It should have begun on `start`, but a dependency is not done.
    NotBegun {
        start: NaiveDate,
        dependency: String,
    },
    /// A dependency due on `due` will end after this project was to start.
    DependencySlipped { dependency: String, due: NaiveDate },
    /// An agreed action owned by `owner` was due on `due` and is still open.
    ActionOverdue { owner: String, due: NaiveDate },
}

/// The health of every project on `today`.
pub fn health(projects: &[ProjectInput], today: NaiveDate) -> Vec<Health> {
    let by_id: HashMap<i32, &ProjectInput> = projects.iter().map(|p| (p.id, p)).collect();
    projects
        .iter()
        .map(|p| {
            let mut h = Health {
                project_id: p.id,
                late: false,
                blocked: false,
                at_risk: false,
                reasons: Vec::new(),
            };
            if p.status.closed() {
                return h;
            }
            if p.end < today {
                h.late = true;
                h.reasons.push(Reason::EndPassed {
                    project: p.name.clone(),
                    end: p.end,
                });
            }
            for m in p.milestones.iter().filter(|m| m.done.is_none()) {
                if m.due < today {
                    h.late = true;
                    h.reasons.push(Reason::MilestoneDue {
                        milestone: m.name.clone(),
                        due: m.due,
                    });
                }
            }
            for dep in p.depends_on.iter().filter_map(|d| by_id.get(d)) {
                if dep.status == ProjectStatus::Stopped {
                    h.blocked = true;
                    h.reasons.push(Reason::DependencyStopped {
                        dependency: dep.name.clone(),
                    });
                } else if dep.status != ProjectStatus::Done {
                    if p.start <= today && p.status == ProjectStatus::Planned {
                        h.blocked = true;
                        h.reasons.push(Reason::NotBegun {
                            start: p.start,
                            dependency: dep.name.clone(),
                        });
                    } else if dep.end < today || dep.end > p.start {
                        h.at_risk = true;
                        h.reasons.push(Reason::DependencySlipped {
                            dependency: dep.name.clone(),
                            due: dep.end,
                        });
                    }
                }
            }
            h
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::{day, project, MilestoneInput};

    #[test]
    fn late_blocked_and_at_risk_follow_the_dates_and_the_dependencies() {
        let today = day("2026-03-01");
        let mut milestone = project(5, ProjectStatus::Pilot, "2026-01-01", "2026-12-31", &[]);
        milestone.milestones = vec![
            MilestoneInput {
                name: "Pilot review".into(),
                due: day("2026-02-01"),
                done: None,
            },
            MilestoneInput {
                name: "Kick-off".into(),
                due: day("2026-01-05"),
                done: Some(day("2026-01-05")),
            },
        ];
        let projects = [
            project(
                1,
                ProjectStatus::RollingOut,
                "2025-01-01",
                "2026-02-01",
                &[],
            ),
            project(2, ProjectStatus::Planned, "2026-06-01", "2026-09-01", &[1]),
            project(3, ProjectStatus::Planned, "2026-02-15", "2026-09-01", &[1]),
            project(4, ProjectStatus::Planned, "2026-06-01", "2026-09-01", &[6]),
            milestone,
            project(6, ProjectStatus::Stopped, "2025-01-01", "2025-06-01", &[]),
            project(7, ProjectStatus::Done, "2025-01-01", "2025-06-01", &[6]),
        ];
        let h = health(&projects, today);
        let flags: Vec<(bool, bool, bool)> =
            h.iter().map(|h| (h.late, h.blocked, h.at_risk)).collect();
        assert_eq!(
            flags,
            [
                (true, false, false),  // past its end, still rolling out
                (false, false, true),  // its dependency slipped
                (false, true, false),  // should have begun; dependency not done
                (false, true, false),  // depends on a stopped project
                (true, false, false),  // a milestone past due
                (false, false, false), // stopped: nothing expected
                (false, false, false), // done
            ]
        );
        assert_eq!(
            h[4].reasons,
            [Reason::MilestoneDue {
                milestone: "Pilot review".into(),
                due: day("2026-02-01")
            }]
        );
        assert_eq!(
            h[1].reasons,
            [Reason::DependencySlipped {
                dependency: "P1".into(),
                due: day("2026-02-01")
            }]
        );
    }
}
