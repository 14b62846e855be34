//! Steady-progress programmes: a grid of business units (or products) ×
//! customer groups, projects placed on it, and the rules that keep a plan
//! sound (`plan`) and say how each project stands (`health`). Pure: dates
//! come in as arguments, so the rules are testable on their own.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

mod health;
mod plan;

pub use health::{health, Health, Reason};
pub use plan::{check_plans, PlanError};

/// The customer groups a new programme starts with (editable).
pub const DEFAULT_GROUPS: [&str; 3] =
    ["current high value", "future high value", "other customers"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[expect(
    missing_docs,
    reason = "a doc comment here would become a description in the published OpenAPI document"
)]
pub enum ProjectStatus {
    /// Planned, not begun.
    Planned,
    /// Being tried out before it is rolled out.
    Pilot,
    /// Being rolled out across its part of the grid.
    RollingOut,
    /// Finished; nothing more is expected of it.
    Done,
    /// Given up before it finished; projects that depend on it are blocked.
    Stopped,
}

impl ProjectStatus {
    /// Every status, in the order pages offer them.
    pub const ALL: [ProjectStatus; 5] = [
        ProjectStatus::Planned,
        ProjectStatus::Pilot,
        ProjectStatus::RollingOut,
        ProjectStatus::Done,
        ProjectStatus::Stopped,
    ];

    /// The status as the API and the database spell it, e.g. `rolling_out`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::Pilot => "pilot",
            ProjectStatus::RollingOut => "rolling_out",
            ProjectStatus::Done => "done",
            ProjectStatus::Stopped => "stopped",
        }
    }

    /// The status as reports and pages show it, e.g. "rolling out".
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
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub enum Placement {
    /// Every customer group of one business unit.
    Row { unit: String },
    /// One customer group across every business unit.
    Column { group: String },
    /// One business unit's one customer group.
    Cell { unit: String, group: String },
}

impl Placement {
    /// A breadth project (a whole row or column) rather than a depth one (a cell).
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

    /// Where the project sits, in words: "Retail × current high value".
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct MilestoneInput {
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
    // Dates from 1990 on (domain::dates); the latest allowed moves with today, so only the
    // century is stated.
    #[schema(pattern = "date")]
    pub due: NaiveDate,
    #[schema(pattern = "date")]
    pub done: Option<NaiveDate>,
}

/// Declares a struct that starts with a project's fields (its plan, money,
/// milestones and dependencies), then has its own: the project as stored and
/// as reported share this one list. Flat, because nesting (`serde(flatten)`)
/// would turn the reported project's OpenAPI schema into a composition.
macro_rules! with_project_fields {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$field_meta:meta])* pub $field:ident: $type:ty,)*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            pub id: i32,
            pub name: String,
            pub objective: String,
            pub owner: String,
            pub placement: $crate::domain::programme::Placement,
            pub inputs: String,
            pub outputs: String,
            pub start: chrono::NaiveDate,
            pub end: chrono::NaiveDate,
            pub status: $crate::domain::programme::ProjectStatus,
            pub cost_planned: f64,
            pub cost_actual: Option<f64>,
            pub benefit_planned: f64,
            pub benefit_actual: Option<f64>,
            pub milestones: Vec<$crate::domain::programme::MilestoneInput>,
            pub depends_on: Vec<i32>,
            $($(#[$field_meta])* pub $field: $type,)*
        }
    };
}
pub(crate) use with_project_fields;

with_project_fields! {
    /// A project as stored.
    #[derive(Debug, Clone, PartialEq)]
    #[expect(
        missing_docs,
        reason = "the shared fields are ProjectView's too: docs would change its OpenAPI schema"
    )]
    pub struct ProjectInput {
        /// Area ids of the model the project targets.
        pub areas: Vec<String>,
    }
}

/// A date from its ISO form, for the tests.
#[cfg(test)]
fn day(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

/// A project named `P{id}` with nothing but its plan, for the tests.
#[cfg(test)]
fn project(id: i32, status: ProjectStatus, start: &str, end: &str, deps: &[i32]) -> ProjectInput {
    ProjectInput {
        id,
        name: format!("P{id}"),
        objective: String::new(),
        owner: String::new(),
        placement: Placement::Row {
            unit: String::new(),
        },
        areas: Vec::new(),
        inputs: String::new(),
        outputs: String::new(),
        start: day(start),
        end: day(end),
        status,
        cost_planned: 0.0,
        cost_actual: None,
        benefit_planned: 0.0,
        benefit_actual: None,
        milestones: Vec::new(),
        depends_on: deps.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
