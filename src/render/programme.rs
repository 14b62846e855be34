//! What both renderers of the programme report say in words: a project's
//! flags and facts, the alerts per project, money, and the rows of the
//! report's tables. One place, so the PDF and the HTML page cannot disagree.

use crate::domain::i18n::{words, Arg, Words};
use crate::domain::numbers::Currency;
use crate::domain::programme::{Health, Placement};
use crate::report::programme::{reason, Money, ProgrammeReport, ProjectView};
use chrono::NaiveDate;
use serde::Serialize;

/// The programme report's words in its language: the `programme-<key>`
/// messages of the report catalogues.
#[derive(Clone, Copy)]
pub struct Say<'w>(pub &'w Words);

impl Say<'static> {
    /// The words of `report`'s language.
    pub fn of(report: &ProgrammeReport) -> Say<'static> {
        Say(words(report.language))
    }
}

impl Say<'_> {
    /// The report's sentence `key`.
    pub fn text(self, key: &str) -> String {
        self.0.get(&format!("programme-{key}"))
    }

    /// The report's sentence `key` with its variables filled in.
    pub fn fill(self, key: &str, values: &[(&str, Arg<'_>)]) -> String {
        self.0.fill(&format!("programme-{key}"), values)
    }

    /// A date as the report prints it: 1 Apr 2026.
    pub fn day(self, date: NaiveDate) -> String {
        self.0.short_date(date)
    }

    fn percent(self, value: Option<f64>) -> String {
        value.map_or(self.0.get("report-not-available"), |v| self.0.percent(v))
    }

    fn count(self, n: usize) -> String {
        self.0.whole(n as f64)
    }
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
fn planned_actual(
    say: Say<'_>,
    currency: &Currency,
    planned: f64,
    actual: Option<f64>,
    done: &str,
) -> String {
    let planned = currency.show(planned);
    match actual {
        Some(a) => say.fill(
            "planned_actual",
            &[
                ("planned", planned.into()),
                ("done", done.into()),
                ("actual", currency.show(a).into()),
            ],
        ),
        None => say.fill(
            "planned_unknown",
            &[("planned", planned.into()), ("done", done.into())],
        ),
    }
}

/// The lines under the report's title: the client, the date, the size of
/// the programme, and its further dimensions.
pub fn masthead(report: &ProgrammeReport) -> Vec<String> {
    let say = Say::of(report);
    let mut lines = vec![say.fill(
        "masthead_line",
        &[
            ("client", Arg::from(&report.client)),
            ("today", say.day(report.today).into()),
            ("projects", say.count(report.projects.len()).into()),
            ("units", say.count(report.grid.units.len()).into()),
            ("groups", say.count(report.grid.groups.len()).into()),
        ],
    )];
    if !report.dimensions.is_empty() {
        let tracked: Vec<String> = report
            .dimensions
            .iter()
            .map(|(kind, values)| format!("{kind} ({})", values.join(", ")))
            .collect();
        lines.push(say.fill("also_tracked", &[("dimensions", tracked.join("; ").into())]));
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
pub fn flags(say: Say<'_>, health: &Health) -> Vec<String> {
    [
        (say.text("flag_late"), health.late),
        (say.text("flag_blocked"), health.blocked),
        (say.text("flag_at_risk"), health.at_risk),
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
    let say = Say::of(report);
    let mut out: Vec<(i32, Attention)> = Vec::new();
    for alert in &report.alerts {
        let kind = say.text(&format!("flag_{}", alert.kind));
        match out.last_mut() {
            Some((id, a)) if *id == alert.project_id => {
                a.flags = format!("{}, {kind}", a.flags);
            }
            _ => out.push((
                alert.project_id,
                Attention {
                    project: alert.project.clone(),
                    flags: kind,
                    reasons: alert.reasons.iter().map(|r| reason(say.0, r)).collect(),
                },
            )),
        }
    }
    out.into_iter().map(|(_, a)| a).collect()
}

/// A labelled fact about a project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// A project's facts in reading order (its objective is printed apart: it is long).
pub fn facts(say: Say<'_>, p: &ProjectView, currency: &Currency) -> Vec<Fact> {
    let reach = say.text(if p.breadth {
        "reach_breadth"
    } else {
        "reach_depth"
    });
    let flags = flags(say, &p.health);
    let status_word = say.text(&format!("status_{}", p.status.as_str()));
    let status = if flags.is_empty() {
        status_word
    } else {
        format!("{status_word} — {}", flags.join(", "))
    };
    let mut facts = vec![
        (say.text("fact_owner"), p.owner.clone()),
        (
            say.text("fact_placement"),
            say.fill(
                "placement",
                &[
                    ("placement", placement(say, &p.placement).into()),
                    ("reach", reach.into()),
                ],
            ),
        ),
        (
            say.text("fact_dates"),
            say.fill(
                "dates",
                &[
                    ("start", say.day(p.start).into()),
                    ("end", say.day(p.end).into()),
                ],
            ),
        ),
        (say.text("fact_status"), status),
        (
            say.text("fact_cost"),
            planned_actual(
                say,
                currency,
                p.cost_planned,
                p.cost_actual,
                &say.text("spent"),
            ),
        ),
        (
            say.text("fact_benefit"),
            planned_actual(
                say,
                currency,
                p.benefit_planned,
                p.benefit_actual,
                &say.text("realised"),
            ),
        ),
        (say.text("fact_inputs"), p.inputs.clone()),
        (say.text("fact_outputs"), p.outputs.clone()),
        (
            say.text("fact_depends_on"),
            p.depends_on_names.join(&say.0.get("report-list-separator")),
        ),
    ];
    facts.retain(|(_, value)| !value.trim().is_empty());
    facts
        .into_iter()
        .map(|(label, value)| Fact { label, value })
        .collect()
}

/// Where a project sits on the grid, in words: "Retail × current high value".
fn placement(say: Say<'_>, placement: &Placement) -> String {
    match placement {
        Placement::Row { unit } => say.fill("placement_row", &[("unit", unit.into())]),
        Placement::Column { group } => say.fill("placement_column", &[("group", group.into())]),
        Placement::Cell { unit, group } => say.fill(
            "placement_cell",
            &[("unit", unit.into()), ("group", group.into())],
        ),
    }
}

/// Milestone, due, state: one row per milestone.
pub fn milestone_rows(say: Say<'_>, p: &ProjectView, today: NaiveDate) -> Vec<Vec<String>> {
    p.milestones
        .iter()
        .map(|m| {
            let state = match m.done {
                Some(done) => say.fill("milestone_done", &[("date", say.day(done).into())]),
                None if m.due < today => say.text("milestone_overdue"),
                None => say.text("milestone_open"),
            };
            vec![m.name.clone(), say.day(m.due), state]
        })
        .collect()
}

/// Area, before, after, change: one row per targeted area.
pub fn area_rows(say: Say<'_>, p: &ProjectView) -> Vec<Vec<String>> {
    p.areas
        .iter()
        .map(|a| {
            let change = match (a.before, a.after) {
                (Some(b), Some(a)) => format!("{:+.0}", a - b),
                _ => "–".to_owned(),
            };
            vec![
                a.area.clone(),
                say.percent(a.before),
                say.percent(a.after),
                change,
            ]
        })
        .collect()
}

fn share(say: Say<'_>, actual: f64, planned: f64) -> String {
    if planned > 0.0 {
        say.0.percent(actual / planned * 100.0)
    } else {
        "–".to_owned()
    }
}

/// What, planned, actual, actual as a share of plan: benefit and cost.
pub fn totals_rows(say: Say<'_>, m: &Money) -> Vec<Vec<String>> {
    [
        (say.text("row_benefit"), m.benefit_planned, m.benefit_actual),
        (say.text("row_cost"), m.cost_planned, m.cost_actual),
    ]
    .into_iter()
    .map(|(what, planned, actual)| {
        vec![
            what,
            m.currency.show(planned),
            m.currency.show(actual),
            share(say, actual, planned),
        ]
    })
    .collect()
}

/// The totals in one line, for a chart's caption.
pub fn totals_caption(say: Say<'_>, m: &Money) -> String {
    say.fill(
        "totals_caption",
        &[
            ("benefit_actual", short_money(m.benefit_actual).into()),
            ("benefit_planned", short_money(m.benefit_planned).into()),
            (
                "benefit_share",
                share(say, m.benefit_actual, m.benefit_planned).into(),
            ),
            ("cost_actual", short_money(m.cost_actual).into()),
            ("cost_planned", short_money(m.cost_planned).into()),
            (
                "cost_share",
                share(say, m.cost_actual, m.cost_planned).into(),
            ),
        ],
    )
}

#[cfg(test)]
pub mod sample;

/// The footer's report part: client, programme, its date and when generated.
pub fn footer(report: &ProgrammeReport, generated: NaiveDate) -> String {
    let say = Say::of(report);
    say.fill(
        "footer",
        &[
            ("client", Arg::from(&report.client)),
            ("name", Arg::from(&report.name)),
            ("today", say.day(report.today).into()),
            ("generated", say.0.date(generated).into()),
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
        let say = Say::of(&report);
        let facts = facts(say, &report.projects[1], &report.money.currency);
        assert!(facts
            .iter()
            .any(|f| f.label == "Depends on" && f.value == "Single customer view"));
        assert_eq!(
            milestone_rows(say, &report.projects[1], report.today)[1],
            ["All branches trained", "1 Mar 2026", "overdue"]
        );
        assert_eq!(report.projects[2].objective.chars().count(), 1500);
    }
}
