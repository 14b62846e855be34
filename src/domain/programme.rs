//! Steady-progress programmes: a grid of business units (or products) ×
//! customer groups, projects placed on it, and the rules that keep a plan
//! sound: no dependency cycles, nobody starts before what they depend on
//! ends. Also what "late", "blocked" and "at risk" mean. Pure: dates come in
//! as arguments, so the rules are testable on their own.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The customer groups a new programme starts with (editable).
pub const DEFAULT_GROUPS: [&str; 3] =
    ["current high value", "future high value", "other customers"];

/// The further dimensions a programme may track, with examples.
pub const DIMENSION_KINDS: [&str; 7] = [
    "geography",
    "function",
    "communications channel",
    "distribution channel",
    "relationship stage",
    "enabler",
    "product",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Planned,
    Pilot,
    RollingOut,
    Done,
    Stopped,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 5] = [
        ProjectStatus::Planned,
        ProjectStatus::Pilot,
        ProjectStatus::RollingOut,
        ProjectStatus::Done,
        ProjectStatus::Stopped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::Pilot => "pilot",
            ProjectStatus::RollingOut => "rolling_out",
            ProjectStatus::Done => "done",
            ProjectStatus::Stopped => "stopped",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::Pilot => "pilot",
            ProjectStatus::RollingOut => "rolling out",
            ProjectStatus::Done => "done",
            ProjectStatus::Stopped => "stopped",
        }
    }

    /// Finished one way or the other: nothing more is expected of it.
    pub fn closed(self) -> bool {
        matches!(self, ProjectStatus::Done | ProjectStatus::Stopped)
    }
}

impl std::str::FromStr for ProjectStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProjectStatus::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "status must be one of planned, pilot, rolling_out, done, stopped, not `{s}`"
                )
            })
    }
}

/// Where a project sits on the grid: a whole row or column is a breadth
/// project, one cell a depth project.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Placement {
    /// Every customer group of one business unit.
    Row { unit: String },
    /// One customer group across every business unit.
    Column { group: String },
    /// One business unit's one customer group.
    Cell { unit: String, group: String },
}

impl Placement {
    pub fn breadth(&self) -> bool {
        !matches!(self, Placement::Cell { .. })
    }

    /// Whether the project covers the cell (unit, group).
    pub fn covers(&self, unit: &str, group: &str) -> bool {
        match self {
            Placement::Row { unit: u } => u == unit,
            Placement::Column { group: g } => g == group,
            Placement::Cell { unit: u, group: g } => u == unit && g == group,
        }
    }

    pub fn label(&self) -> String {
        match self {
            Placement::Row { unit } => format!("{unit} (all customer groups)"),
            Placement::Column { group } => format!("{group} (all business units)"),
            Placement::Cell { unit, group } => format!("{unit} × {group}"),
        }
    }

    /// The grid names it uses must exist on the grid.
    pub fn check(&self, grid: &Grid) -> Result<(), String> {
        let unit_ok = |u: &String| grid.units.contains(u);
        let group_ok = |g: &String| grid.groups.contains(g);
        match self {
            Placement::Row { unit } if !unit_ok(unit) => {
                Err(format!("`{unit}` is not a business unit of the grid"))
            }
            Placement::Column { group } if !group_ok(group) => {
                Err(format!("`{group}` is not a customer group of the grid"))
            }
            Placement::Cell { unit, .. } if !unit_ok(unit) => {
                Err(format!("`{unit}` is not a business unit of the grid"))
            }
            Placement::Cell { group, .. } if !group_ok(group) => {
                Err(format!("`{group}` is not a customer group of the grid"))
            }
            _ => Ok(()),
        }
    }
}

/// The programme's two axes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Grid {
    /// Business units or products: the rows.
    pub units: Vec<String>,
    /// Customer groups: the columns.
    pub groups: Vec<String>,
}

impl Grid {
    /// Both axes non-empty, no name twice on an axis.
    pub fn check(&self) -> Result<(), String> {
        for (axis, names) in [
            ("business units", &self.units),
            ("customer groups", &self.groups),
        ] {
            if names.is_empty() {
                return Err(format!("the grid needs at least one of its {axis}"));
            }
            let mut seen = HashSet::new();
            for name in names {
                if name.trim().is_empty() {
                    return Err(format!("the {axis} have an empty name"));
                }
                if !seen.insert(name.to_lowercase()) {
                    return Err(format!("`{name}` appears twice among the {axis}"));
                }
            }
        }
        Ok(())
    }
}

/// What the dependency rules need to know of a project.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: i32,
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub depends_on: Vec<i32>,
}

/// Why a set of plans is not sound; names the projects involved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// A project ends before it starts.
    EndsBeforeStart { project: String },
    /// A project depends on itself or on an unknown project.
    UnknownDependency { project: String, id: i32 },
    /// The dependencies go round: each depends on the next, the last on the first.
    Cycle { projects: Vec<String> },
    /// A project starts before a project it depends on ends.
    StartsTooEarly {
        project: String,
        starts: NaiveDate,
        dependency: String,
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

/// Checks a programme's plans: dates in order, dependencies known, no
/// cycle, and no project starting before what it depends on ends.
pub fn check_plans(plans: &[Plan]) -> Result<(), PlanError> {
    let by_id: HashMap<i32, &Plan> = plans.iter().map(|p| (p.id, p)).collect();
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
fn find_cycle(plans: &[Plan], by_id: &HashMap<i32, &Plan>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Unseen,
        OnPath,
        Done,
    }
    let mut marks: HashMap<i32, Mark> = plans.iter().map(|p| (p.id, Mark::Unseen)).collect();
    // Iterative depth-first search; `path` holds the current chain of ids.
    for start in plans {
        if marks[&start.id] != Mark::Unseen {
            continue;
        }
        let mut path: Vec<(i32, usize)> = vec![(start.id, 0)];
        marks.insert(start.id, Mark::OnPath);
        while let Some(&mut (id, ref mut next)) = path.last_mut() {
            let deps = &by_id[&id].depends_on;
            if *next < deps.len() {
                let dep = deps[*next];
                *next += 1;
                match marks.get(&dep).copied() {
                    Some(Mark::Unseen) => {
                        marks.insert(dep, Mark::OnPath);
                        path.push((dep, 0));
                    }
                    Some(Mark::OnPath) => {
                        let from = path.iter().position(|(p, _)| *p == dep).unwrap_or(0);
                        return Some(
                            path[from..]
                                .iter()
                                .map(|(p, _)| by_id[p].name.clone())
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

/// What a project needs for its health today.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracked {
    pub id: i32,
    pub name: String,
    pub status: ProjectStatus,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub depends_on: Vec<i32>,
    /// Milestones: due date and whether it is done.
    pub milestones: Vec<(String, NaiveDate, bool)>,
}

/// How a project stands, with the reasons in words.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Health {
    pub project_id: i32,
    /// Past its end, or a milestone past due, and not finished.
    pub late: bool,
    /// Cannot go on: it depends on a stopped project, or should have begun
    /// while a dependency is not done.
    pub blocked: bool,
    /// A dependency is late: it will end after this project was to start.
    pub at_risk: bool,
    pub reasons: Vec<String>,
}

/// The health of every project on `today`.
pub fn health(projects: &[Tracked], today: NaiveDate) -> Vec<Health> {
    let by_id: HashMap<i32, &Tracked> = projects.iter().map(|p| (p.id, p)).collect();
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
                h.reasons
                    .push(format!("{} was due to end on {}", p.name, p.end));
            }
            for (name, due, done) in &p.milestones {
                if !done && *due < today {
                    h.late = true;
                    h.reasons
                        .push(format!("milestone “{name}” was due on {due}"));
                }
            }
            for dep in p.depends_on.iter().filter_map(|d| by_id.get(d)) {
                if dep.status == ProjectStatus::Stopped {
                    h.blocked = true;
                    h.reasons
                        .push(format!("it depends on {}, which was stopped", dep.name));
                } else if dep.status != ProjectStatus::Done {
                    if p.start <= today && p.status == ProjectStatus::Planned {
                        h.blocked = true;
                        h.reasons.push(format!(
                            "it should have begun on {}, but {} is not done",
                            p.start, dep.name
                        ));
                    } else if dep.end < today || dep.end > p.start {
                        h.at_risk = true;
                        h.reasons.push(format!(
                            "{} has slipped (due {}, not done)",
                            dep.name, dep.end
                        ));
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

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    fn plan(id: i32, name: &str, start: &str, end: &str, deps: &[i32]) -> Plan {
        Plan {
            id,
            name: name.into(),
            start: day(start),
            end: day(end),
            depends_on: deps.to_vec(),
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
        let plans: Vec<Plan> = (1..=5000)
            .map(|i| {
                let deps: Vec<i32> = if i > 1 { vec![i - 1] } else { Vec::new() };
                plan(i, &format!("P{i}"), "2025-01-01", "2025-01-01", &deps)
            })
            .collect();
        assert_eq!(check_plans(&plans), Ok(()));
    }

    fn tracked(id: i32, status: ProjectStatus, start: &str, end: &str, deps: &[i32]) -> Tracked {
        Tracked {
            id,
            name: format!("P{id}"),
            status,
            start: day(start),
            end: day(end),
            depends_on: deps.to_vec(),
            milestones: Vec::new(),
        }
    }

    #[test]
    fn late_blocked_and_at_risk_follow_the_dates_and_the_dependencies() {
        let today = day("2026-03-01");
        let mut milestone = tracked(5, ProjectStatus::Pilot, "2026-01-01", "2026-12-31", &[]);
        milestone.milestones = vec![
            ("Pilot review".into(), day("2026-02-01"), false),
            ("Kick-off".into(), day("2026-01-05"), true),
        ];
        let projects = [
            tracked(
                1,
                ProjectStatus::RollingOut,
                "2025-01-01",
                "2026-02-01",
                &[],
            ),
            tracked(2, ProjectStatus::Planned, "2026-06-01", "2026-09-01", &[1]),
            tracked(3, ProjectStatus::Planned, "2026-02-15", "2026-09-01", &[1]),
            tracked(4, ProjectStatus::Planned, "2026-06-01", "2026-09-01", &[6]),
            milestone,
            tracked(6, ProjectStatus::Stopped, "2025-01-01", "2025-06-01", &[]),
            tracked(7, ProjectStatus::Done, "2025-01-01", "2025-06-01", &[6]),
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
            ["milestone “Pilot review” was due on 2026-02-01"]
        );
        assert_eq!(h[1].reasons, ["P1 has slipped (due 2026-02-01, not done)"]);
    }

    #[test]
    fn placements_cover_rows_columns_or_one_cell_and_must_be_on_the_grid() {
        let grid = Grid {
            units: vec!["Retail".into(), "Business".into()],
            groups: DEFAULT_GROUPS.map(String::from).to_vec(),
        };
        let row = Placement::Row {
            unit: "Retail".into(),
        };
        assert!(
            row.breadth()
                && row.covers("Retail", "other customers")
                && !row.covers("Business", "other customers")
        );
        let cell = Placement::Cell {
            unit: "Business".into(),
            group: "future high value".into(),
        };
        assert!(
            !cell.breadth()
                && cell.covers("Business", "future high value")
                && !cell.covers("Business", "other customers")
        );
        assert_eq!(
            Placement::Column {
                group: "VIP".into()
            }
            .check(&grid),
            Err("`VIP` is not a customer group of the grid".into())
        );
        assert_eq!(grid.check(), Ok(()));
        let twice = Grid {
            units: vec!["Retail".into(), "retail".into()],
            groups: vec!["x".into()],
        };
        assert_eq!(
            twice.check(),
            Err("`retail` appears twice among the business units".into())
        );
    }
}
