//! What both renderers of the programme report say in words: a project's
//! flags and facts, the alerts per project, money, and the rows of the
//! report's tables. One place, so the PDF and the HTML page cannot disagree.

use crate::domain::programme::Health;
use crate::report::programme::{wording, Money, ProgrammeReport, ProjectView};
use chrono::NaiveDate;
use serde::Serialize;

/// The report's sentence `key` (`reports/programme.toml`).
pub fn text(key: &'static str) -> &'static str {
    wording().text(key)
}

/// The report's sentence `key` with its placeholders filled in.
pub fn fill(key: &str, values: &[(&str, &str)]) -> String {
    wording().fill(key, values)
}

/// A date as the report prints it: 1 Apr 2026.
pub fn day(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

fn percent(value: Option<f64>) -> String {
    value.map_or("n/a".to_owned(), |v| format!("{v:.0}%"))
}

/// An amount in whole units with thousands separated: 1,250,000.
pub fn money(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value.round() < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// An amount short enough for a chart label: 950, 1.5k, 350k, 1.3M.
pub fn short_money(value: f64) -> String {
    let (scaled, unit) = match value.abs() {
        a if a >= 1e9 => (value / 1e9, "bn"),
        a if a >= 1e6 => (value / 1e6, "M"),
        a if a >= 1e3 => (value / 1e3, "k"),
        _ => (value, ""),
    };
    let number = if scaled.abs() < 10.0 && !unit.is_empty() {
        format!("{scaled:.1}").trim_end_matches(".0").to_owned()
    } else {
        format!("{scaled:.0}")
    };
    format!("{number}{unit}")
}

/// A planned amount and the actual one when known.
fn planned_actual(planned: f64, actual: Option<f64>, done: &str) -> String {
    let planned = money(planned);
    match actual {
        Some(a) => fill(
            "planned_actual",
            &[("planned", &planned), ("done", done), ("actual", &money(a))],
        ),
        None => fill("planned_unknown", &[("planned", &planned), ("done", done)]),
    }
}

/// The lines under the report's title: the client, the date, the size of
/// the programme, and its further dimensions.
pub fn masthead(report: &ProgrammeReport) -> Vec<String> {
    let mut lines = vec![fill(
        "masthead_line",
        &[
            ("client", &report.client),
            ("today", &day(report.today)),
            ("projects", &report.projects.len().to_string()),
            ("units", &report.grid.units.len().to_string()),
            ("groups", &report.grid.groups.len().to_string()),
        ],
    )];
    if !report.dimensions.is_empty() {
        let tracked: Vec<String> = report
            .dimensions
            .iter()
            .map(|(kind, values)| format!("{kind} ({})", values.join(", ")))
            .collect();
        lines.push(fill("also_tracked", &[("dimensions", &tracked.join("; "))]));
    }
    lines
}

/// The rows of the coverage map: none when the grid lacks either axis.
pub fn grid_rows(report: &ProgrammeReport) -> usize {
    if report.grid.groups.is_empty() {
        0
    } else {
        report.cells.len()
    }
}

/// What needs attention about a project, in words: late, blocked, at risk.
pub fn flags(health: &Health) -> Vec<&'static str> {
    [
        (text("flag_late"), health.late),
        (text("flag_blocked"), health.blocked),
        (text("flag_at_risk"), health.at_risk),
    ]
    .into_iter()
    .filter_map(|(word, on)| on.then_some(word))
    .collect()
}

/// The alerts of one project together: each alert carries all the project's
/// reasons, so listing alerts one by one would repeat them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attention {
    pub project: String,
    /// "late, at risk".
    pub flags: String,
    pub reasons: Vec<String>,
}

pub fn attention(report: &ProgrammeReport) -> Vec<Attention> {
    let mut out: Vec<(i32, Attention)> = Vec::new();
    for alert in &report.alerts {
        let kind = alert.kind.replace('_', " ");
        match out.last_mut() {
            Some((id, a)) if *id == alert.project_id => {
                a.flags = format!("{}, {kind}", a.flags);
            }
            _ => out.push((
                alert.project_id,
                Attention {
                    project: alert.project.clone(),
                    flags: kind,
                    reasons: alert.reasons.clone(),
                },
            )),
        }
    }
    out.into_iter().map(|(_, a)| a).collect()
}

/// A labelled fact about a project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub label: &'static str,
    pub value: String,
}

/// A project's facts in reading order (its objective is printed apart: it is long).
pub fn facts(p: &ProjectView) -> Vec<Fact> {
    let reach = text(if p.breadth {
        "reach_breadth"
    } else {
        "reach_depth"
    });
    let flags = flags(&p.health);
    let status = if flags.is_empty() {
        p.status.label().to_owned()
    } else {
        format!("{} — {}", p.status.label(), flags.join(", "))
    };
    let mut facts = vec![
        (text("fact_owner"), p.owner.clone()),
        (
            text("fact_placement"),
            fill(
                "placement",
                &[("placement", &p.placement_label), ("reach", reach)],
            ),
        ),
        (
            text("fact_dates"),
            fill("dates", &[("start", &day(p.start)), ("end", &day(p.end))]),
        ),
        (text("fact_status"), status),
        (
            text("fact_cost"),
            planned_actual(p.cost_planned, p.cost_actual, text("spent")),
        ),
        (
            text("fact_benefit"),
            planned_actual(p.benefit_planned, p.benefit_actual, text("realised")),
        ),
        (text("fact_inputs"), p.inputs.clone()),
        (text("fact_outputs"), p.outputs.clone()),
        (text("fact_depends_on"), p.depends_on_names.join(", ")),
    ];
    facts.retain(|(_, value)| !value.trim().is_empty());
    facts
        .into_iter()
        .map(|(label, value)| Fact { label, value })
        .collect()
}

/// Milestone, due, state: one row per milestone.
pub fn milestone_rows(p: &ProjectView, today: NaiveDate) -> Vec<Vec<String>> {
    p.milestones
        .iter()
        .map(|m| {
            let state = match m.done {
                Some(done) => fill("milestone_done", &[("date", &day(done))]),
                None if m.due < today => text("milestone_overdue").to_owned(),
                None => text("milestone_open").to_owned(),
            };
            vec![m.name.clone(), day(m.due), state]
        })
        .collect()
}

/// Area, before, after, change: one row per targeted area.
pub fn area_rows(p: &ProjectView) -> Vec<Vec<String>> {
    p.areas
        .iter()
        .map(|a| {
            let change = match (a.before, a.after) {
                (Some(b), Some(a)) => format!("{:+.0}", a - b),
                _ => "–".to_owned(),
            };
            vec![a.area.clone(), percent(a.before), percent(a.after), change]
        })
        .collect()
}

fn share(actual: f64, planned: f64) -> String {
    if planned > 0.0 {
        format!("{:.0}%", actual / planned * 100.0)
    } else {
        "–".to_owned()
    }
}

/// What, planned, actual, actual as a share of plan: benefit and cost.
pub fn totals_rows(m: &Money) -> Vec<Vec<String>> {
    [
        (text("row_benefit"), m.benefit_planned, m.benefit_actual),
        (text("row_cost"), m.cost_planned, m.cost_actual),
    ]
    .into_iter()
    .map(|(what, planned, actual)| {
        vec![
            what.to_owned(),
            money(planned),
            money(actual),
            share(actual, planned),
        ]
    })
    .collect()
}

/// The totals in one line, for a chart's caption.
pub fn totals_caption(m: &Money) -> String {
    fill(
        "totals_caption",
        &[
            ("benefit_actual", &short_money(m.benefit_actual)),
            ("benefit_planned", &short_money(m.benefit_planned)),
            ("benefit_share", &share(m.benefit_actual, m.benefit_planned)),
            ("cost_actual", &short_money(m.cost_actual)),
            ("cost_planned", &short_money(m.cost_planned)),
            ("cost_share", &share(m.cost_actual, m.cost_planned)),
        ],
    )
}

/// A programme to render in tests: 3 business units × 3 customer groups,
/// six projects with dependencies and milestones, one late, one blocked and
/// one at risk, a hostile name and a long objective.
#[cfg(test)]
pub mod sample {
    use crate::domain::programme::{Grid, MilestoneInput, Placement, ProjectInput, ProjectStatus};
    use crate::report::programme::{build, ProgrammeInput, ProgrammeReport, ScoredAssessment};
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
        build(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_in_full_and_short() {
        assert_eq!(money(1_250_000.4), "1,250,000");
        assert_eq!(money(950.0), "950");
        assert_eq!(money(-12_345.0), "-12,345");
        assert_eq!(short_money(950.0), "950");
        assert_eq!(short_money(1_500.0), "1.5k");
        assert_eq!(short_money(350_000.0), "350k");
        assert_eq!(short_money(2_000_000.0), "2M");
    }

    #[test]
    fn the_sample_has_what_the_renderers_must_show() {
        let report = sample::report();
        let attention = attention(&report);
        let flagged: Vec<(&str, &str)> = attention
            .iter()
            .map(|a| (a.project.as_str(), a.flags.as_str()))
            .collect();
        assert!(flagged.contains(&("Segmentation", "late")), "{flagged:?}");
        assert!(
            flagged.iter().any(|(_, f)| f.contains("blocked")),
            "{flagged:?}"
        );
        assert!(
            flagged.iter().any(|(_, f)| f.contains("at risk")),
            "{flagged:?}"
        );
        let facts = facts(&report.projects[1]);
        assert!(facts
            .iter()
            .any(|f| f.label == "Depends on" && f.value == "Single customer view"));
        assert_eq!(
            milestone_rows(&report.projects[1], report.today)[1],
            ["All branches trained", "1 Mar 2026", "overdue"]
        );
        assert_eq!(report.projects[2].objective.chars().count(), 1500);
    }
}
