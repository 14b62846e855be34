//! The rules that keep a programme's plan sound: dates in order, no
//! dependency cycles, nobody starts before what they depend on ends.

use super::ProjectInput;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt;

/// Why a programme's plan is not sound; names the projects involved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// A project ends before it starts.
    EndsBeforeStart {
        /// The project's name.
        project: String,
    },
    /// A project depends on itself or on an unknown project.
    UnknownDependency {
        /// The name of the project that depends.
        project: String,
        /// The project id it names as a dependency.
        id: i32,
    },
    /// The dependencies go round: each depends on the next, the last on the first.
    Cycle {
        /// The names of the projects in the circle, in dependency order.
        projects: Vec<String>,
    },
    /// A project starts before a project it depends on ends.
    StartsTooEarly {
        /// The name of the project that starts too early.
        project: String,
        /// The day it starts.
        starts: NaiveDate,
        /// The name of the project it depends on.
        dependency: String,
        /// The day that one ends.
        ends: NaiveDate,
    },
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::EndsBeforeStart { project } => write!(f, "{project} ends before it starts"),
            PlanError::UnknownDependency { project, id } => {
                write!(f, "{project} depends on project {id}, which is not in this programme")
            }
            PlanError::Cycle { projects } => write!(
                f,
                "the dependencies go round in a circle: {} → {}",
                projects.join(" → "),
                projects.first().map_or("", String::as_str)
            ),
            PlanError::StartsTooEarly { project, starts, dependency, ends } => write!(
                f,
                "{project} starts on {starts}, before {dependency}, which it depends on, ends on {ends}"
            ),
        }
    }
}

/// Checks a programme's projects: dates in order, dependencies known, no
/// cycle, and no project starting before what it depends on ends.
pub fn check_plans(plans: &[ProjectInput]) -> Result<(), PlanError> {
    let by_id: HashMap<i32, &ProjectInput> = plans.iter().map(|p| (p.id, p)).collect();
    for plan in plans {
        if plan.end < plan.start {
            return Err(PlanError::EndsBeforeStart {
                project: plan.name.clone(),
            });
        }
        for &dep in &plan.depends_on {
            if dep == plan.id || !by_id.contains_key(&dep) {
                if dep == plan.id {
                    return Err(PlanError::Cycle {
                        projects: vec![plan.name.clone()],
                    });
                }
                return Err(PlanError::UnknownDependency {
                    project: plan.name.clone(),
                    id: dep,
                });
            }
        }
    }
    if let Some(cycle) = find_cycle(plans, &by_id) {
        return Err(PlanError::Cycle { projects: cycle });
    }
    for plan in plans {
        for dep in plan.depends_on.iter().filter_map(|d| by_id.get(d)) {
            if plan.start < dep.end {
                return Err(PlanError::StartsTooEarly {
                    project: plan.name.clone(),
                    starts: plan.start,
                    dependency: dep.name.clone(),
                    ends: dep.end,
                });
            }
        }
    }
    Ok(())
}

/// A cycle of the dependency graph as project names, in dependency order.
fn find_cycle(plans: &[ProjectInput], by_id: &HashMap<i32, &ProjectInput>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Unseen,
        OnPath,
        Done,
    }
    let mut marks: HashMap<i32, Mark> = plans.iter().map(|p| (p.id, Mark::Unseen)).collect();
    // Iterative depth-first search; `path` holds the current chain of ids.
    for start in plans {
        if marks.get(&start.id) != Some(&Mark::Unseen) {
            continue;
        }
        let mut path: Vec<(i32, usize)> = vec![(start.id, 0)];
        marks.insert(start.id, Mark::OnPath);
        while let Some(&mut (id, ref mut next)) = path.last_mut() {
            let deps = by_id.get(&id).map_or(&[][..], |p| p.depends_on.as_slice());
            if let Some(&dep) = deps.get(*next) {
                *next += 1;
                match marks.get(&dep).copied() {
                    Some(Mark::Unseen) => {
                        marks.insert(dep, Mark::OnPath);
                        path.push((dep, 0));
                    }
                    Some(Mark::OnPath) => {
                        let from = path.iter().position(|(p, _)| *p == dep).unwrap_or(0);
                        return Some(
                            path.get(from..)
                                .unwrap_or_default()
                                .iter()
                                .filter_map(|(p, _)| by_id.get(p).map(|p| p.name.clone()))
                                .collect(),
                        );
                    }
                    _ => {}
                }
            } else {
                marks.insert(id, Mark::Done);
                path.pop();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::{project, ProjectStatus};

    fn plan(id: i32, name: &str, start: &str, end: &str, deps: &[i32]) -> ProjectInput {
        ProjectInput {
            name: name.into(),
            ..project(id, ProjectStatus::Planned, start, end, deps)
        }
    }

    #[test]
    fn a_sound_plan_passes() {
        let plans = [
            plan(1, "Data warehouse", "2025-01-01", "2025-06-30", &[]),
            plan(2, "Segmentation", "2025-07-01", "2025-12-31", &[1]),
            plan(3, "Retention pilot", "2026-01-01", "2026-03-31", &[1, 2]),
        ];
        assert_eq!(check_plans(&plans), Ok(()));
    }

    #[test]
    fn a_cycle_is_refused_naming_its_projects_in_order() {
        let plans = [
            plan(1, "A", "2025-01-01", "2025-02-01", &[3]),
            plan(2, "B", "2025-01-01", "2025-02-01", &[1]),
            plan(3, "C", "2025-01-01", "2025-02-01", &[2]),
            plan(4, "D", "2025-01-01", "2025-02-01", &[]),
        ];
        let err = check_plans(&plans).expect_err("a cycle");
        assert_eq!(
            err,
            PlanError::Cycle {
                projects: vec!["A".into(), "C".into(), "B".into()]
            }
        );
        assert_eq!(
            err.to_string(),
            "the dependencies go round in a circle: A → C → B → A"
        );
        let own = [plan(1, "Solo", "2025-01-01", "2025-02-01", &[1])];
        assert_eq!(
            check_plans(&own),
            Err(PlanError::Cycle {
                projects: vec!["Solo".into()]
            })
        );
    }

    #[test]
    fn starting_before_a_dependency_ends_is_refused_with_both_dates() {
        let plans = [
            plan(1, "CRM upgrade", "2025-01-01", "2025-06-30", &[]),
            plan(2, "Call-centre scripts", "2025-06-01", "2025-09-30", &[1]),
        ];
        let err = check_plans(&plans).expect_err("too early");
        assert_eq!(
            err.to_string(),
            "Call-centre scripts starts on 2025-06-01, before CRM upgrade, which it depends on, ends on 2025-06-30"
        );
        let backwards = [plan(1, "Backwards", "2025-06-01", "2025-01-01", &[])];
        assert_eq!(
            check_plans(&backwards),
            Err(PlanError::EndsBeforeStart {
                project: "Backwards".into()
            })
        );
        let unknown = [plan(1, "Lonely", "2025-01-01", "2025-02-01", &[9])];
        assert_eq!(
            check_plans(&unknown),
            Err(PlanError::UnknownDependency {
                project: "Lonely".into(),
                id: 9
            })
        );
    }

    #[test]
    fn a_long_chain_is_checked_without_recursion() {
        let plans: Vec<ProjectInput> = (1..=5000)
            .map(|i| {
                let deps: Vec<i32> = if i > 1 { vec![i - 1] } else { Vec::new() };
                plan(i, &format!("P{i}"), "2025-01-01", "2025-01-01", &deps)
            })
            .collect();
        assert_eq!(check_plans(&plans), Ok(()));
    }
}
