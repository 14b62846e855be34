//! What both renderers of the programme report say in words: a project's
//! flags and facts, the alerts per project, money, and the rows of the
//! report's tables. One place, so the PDF and the HTML page cannot disagree.

use crate::domain::numbers::Currency;
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
fn planned_actual(currency: &Currency, planned: f64, actual: Option<f64>, done: &str) -> String {
    let planned = currency.show(planned);
    match actual {
        Some(a) => fill(
            "planned_actual",
            &[
                ("planned", &planned),
                ("done", done),
                ("actual", &currency.show(a)),
            ],
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
pub fn facts(p: &ProjectView, currency: &Currency) -> Vec<Fact> {
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
            planned_actual(currency, p.cost_planned, p.cost_actual, text("spent")),
        ),
        (
            text("fact_benefit"),
            planned_actual(
                currency,
                p.benefit_planned,
                p.benefit_actual,
                text("realised"),
            ),
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
            m.currency.show(planned),
            m.currency.show(actual),
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

#[cfg(test)]
pub mod sample;

/// The footer's report part: client, programme, its date and when generated.
pub fn footer(report: &ProgrammeReport, generated: NaiveDate) -> String {
    fill(
        "footer",
        &[
            ("client", &report.client),
            ("name", &report.name),
            ("today", &day(report.today)),
            ("generated", &generated.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_in_full_and_short() {
        let euro = Currency::default();
        assert_eq!(euro.show(1_250_000.4), "€1,250,000");
        assert_eq!(euro.show(950.0), "€950");
        assert_eq!(euro.show(-12_345.0), "€-12,345");
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
        let facts = facts(&report.projects[1], &report.money.currency);
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
