//! A programme to render in tests: 3 business units × 3 customer groups,
//! six projects with dependencies and milestones, one late, one blocked and
//! one at risk, a hostile name and a long objective.

use crate::domain::plans::ActionStatus;
use crate::domain::programme::{Grid, MilestoneInput, Placement, ProjectInput, ProjectStatus};
use crate::report::programme::{build, ProgrammeInput, ProgrammeReport, ScoredAssessment};
use crate::report::ActionLine;
use chrono::NaiveDate;
use std::collections::HashMap;

pub const HOSTILE: &str = "<script>alert(1)</script> & Co";
pub const UNITS: [&str; 3] = ["Retail banking", "Business banking", "Wealth"];
pub const GROUPS: [&str; 3] = ["current high value", "future high value", "other customers"];

pub fn day(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

fn assessment(
    id: i32,
    date: &str,
    scope: (Option<&str>, Option<&str>),
    overall: f64,
) -> ScoredAssessment {
    ScoredAssessment {
        id,
        date: day(date),
        unit: scope.0.map(String::from),
        group: scope.1.map(String::from),
        overall,
        areas: HashMap::from([
            ("PR".to_owned(), overall - 5.0),
            ("ME".to_owned(), overall + 4.0),
            ("PO".to_owned(), overall - 12.0),
        ]),
    }
}

fn project(
    id: i32,
    name: &str,
    placement: Placement,
    status: ProjectStatus,
    (start, end): (&str, &str),
    depends_on: &[i32],
) -> ProjectInput {
    ProjectInput {
        id,
        name: name.to_owned(),
        objective: format!("Make {name} count for customers."),
        owner: "Ola Nordmann".into(),
        placement,
        areas: vec!["PR".into(), "ME".into()],
        inputs: "Customer data".into(),
        outputs: "A tested way of working".into(),
        start: day(start),
        end: day(end),
        status,
        cost_planned: 120_000.0 * f64::from(id),
        cost_actual: (status != ProjectStatus::Planned).then_some(100_000.0 * f64::from(id)),
        benefit_planned: 400_000.0 * f64::from(id),
        benefit_actual: (status == ProjectStatus::Done).then_some(250_000.0 * f64::from(id)),
        milestones: Vec::new(),
        depends_on: depends_on.to_vec(),
    }
}

fn unit(i: usize) -> Placement {
    Placement::Row {
        unit: UNITS[i].into(),
    }
}

pub fn input() -> ProgrammeInput {
    use ProjectStatus::*;
    let mut projects = vec![
        project(
            1,
            "Single customer view",
            unit(0),
            Done,
            ("2025-01-06", "2025-06-30"),
            &[],
        ),
        project(
            2,
            "Segmentation",
            Placement::Column {
                group: GROUPS[1].into(),
            },
            RollingOut,
            ("2025-07-01", "2026-03-31"),
            &[1],
        ),
        project(
            3,
            HOSTILE,
            Placement::Cell {
                unit: UNITS[1].into(),
                group: GROUPS[0].into(),
            },
            Pilot,
            ("2025-09-01", "2026-09-30"),
            &[1],
        ),
        project(
            4,
            "Retention offers",
            unit(2),
            Planned,
            ("2026-06-01", "2026-12-31"),
            &[2],
        ),
        project(
            5,
            "Complaints to insight",
            Placement::Cell {
                unit: UNITS[0].into(),
                group: GROUPS[2].into(),
            },
            Planned,
            ("2026-01-05", "2026-10-31"),
            &[6],
        ),
        project(
            6,
            "Stopped pricing test",
            unit(1),
            Stopped,
            ("2025-03-01", "2025-08-31"),
            &[],
        ),
    ];
    projects[0].milestones = vec![MilestoneInput {
        name: "Data model agreed".into(),
        due: day("2025-03-01"),
        done: Some(day("2025-02-20")),
    }];
    projects[1].milestones = vec![
        MilestoneInput {
            name: "Segments signed off".into(),
            due: day("2025-10-01"),
            done: Some(day("2025-10-03")),
        },
        MilestoneInput {
            name: "All branches trained".into(),
            due: day("2026-03-01"),
            done: None,
        },
    ];
    projects[2].objective = "Understand what our most valuable business customers need, \
        and change how we serve them. "
        .repeat(20);
    projects[2].objective.truncate(1500);
    ProgrammeInput {
        client: "Harbour Bank".into(),
        name: "Customer first 2026".into(),
        grid: Grid {
            units: UNITS.map(String::from).to_vec(),
            groups: GROUPS.map(String::from).to_vec(),
        },
        dimensions: vec![("geography".into(), vec!["Nordics".into(), "DACH".into()])],
        area_names: vec![
            ("PR".into(), "Proposition".into()),
            ("ME".into(), "Measurement".into()),
            ("PO".into(), "People & Organisation".into()),
        ],
        assessments: vec![
            assessment(1, "2024-11-01", (None, None), 38.0),
            assessment(2, "2025-03-01", (Some(UNITS[0]), Some(GROUPS[0])), 55.0),
            assessment(3, "2026-03-01", (Some(UNITS[0]), Some(GROUPS[0])), 68.0),
            assessment(4, "2025-09-01", (Some(UNITS[1]), None), 45.0),
            assessment(5, "2025-10-01", (Some(UNITS[2]), Some(GROUPS[1])), 83.0),
            assessment(6, "2026-01-15", (None, Some(GROUPS[2])), 22.0),
        ],
        projects,
        today: day("2026-05-15"),
        currency: Default::default(),
        actions: vec![
            ActionLine {
                title: "Appoint an owner per segment".into(),
                addresses: "Proposition".into(),
                owner: "Petra Berg".into(),
                due: Some(day("2026-04-30")),
                status: ActionStatus::Agreed,
                overdue: true,
                project: Some("Segmentation".into()),
            },
            ActionLine {
                title: "Publish the measures monthly".into(),
                addresses: "Measurement".into(),
                owner: "Dana Doyle".into(),
                due: Some(day("2026-09-30")),
                status: ActionStatus::InProgress,
                overdue: false,
                project: None,
            },
        ],
        targets: Some((
            day("2024-11-01"),
            [("PR".to_owned(), (60.0, day("2026-12-31")))].into(),
        )),
    }
}

pub fn report() -> ProgrammeReport {
    build(input())
}

/// A programme just set up: a grid, nothing else.
pub fn empty() -> ProgrammeReport {
    let mut input = input();
    input.projects.clear();
    input.assessments.clear();
    input.actions.clear();
    input.targets = None;
    build(input)
}
