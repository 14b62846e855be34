//! The programme report as data: where on the grid the company has
//! improved, how each project stands, what its targeted areas did, and the
//! money planned against realised. Built from plain inputs, laid out by the
//! PDF and HTML renderers and the programme pages. Pure.

use super::{Edition, TrendPoint};
use crate::domain::i18n::{Language, Words};
use crate::domain::numbers::Currency;
use crate::domain::programme::{
    health, with_project_fields, Grid, Health, ProjectInput, ProjectStatus, Reason,
};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

mod paths;

/// A final assessment of the programme's client, with its scope and its
/// combined % overall and per area (by area id).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredAssessment {
    pub id: i32,
    pub date: NaiveDate,
    /// Business unit or product, when the assessment was scoped to one.
    pub unit: Option<String>,
    pub group: Option<String>,
    pub overall: f64,
    pub areas: HashMap<String, f64>,
}

/// Everything the report is built from.
pub struct ProgrammeInput {
    pub client: String,
    pub name: String,
    pub grid: Grid,
    /// Further dimensions: kind and its values (e.g. "geography": ["Nordics", "DACH"]).
    pub dimensions: Vec<(String, Vec<String>)>,
    /// Area ids and names, in questionnaire order.
    pub area_names: Vec<(String, String)>,
    pub assessments: Vec<ScoredAssessment>,
    pub projects: Vec<ProjectInput>,
    pub today: NaiveDate,
    /// The organisation's currency, which the amounts are in.
    pub currency: Currency,
    /// The client's agreed actions (dropped ones left out).
    pub actions: Vec<super::ActionLine>,
    /// The client's whole-company targets per area: the assessment date they
    /// start from, and area id → (target %, due date).
    pub targets: Option<(NaiveDate, super::TargetMap)>,
}

/// An area's planned path to its target beside the scores actually reached.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct AreaPath {
    pub name: String,
    /// The area's combined % on each whole-company assessment date.
    pub actual: Vec<PathPoint>,
    /// From the score the targets start from to the target on its due date.
    pub planned: Vec<PathPoint>,
}

/// A combined % on a date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PathPoint {
    pub date: NaiveDate,
    pub value: f64,
}

/// How the score of a cell was found: an assessment of that very cell, or
/// of a wider scope that includes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Cell,
    Unit,
    Group,
    Company,
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CellView {
    pub unit: String,
    pub group: String,
    /// Latest combined % overall, from the most specific assessments that apply.
    pub latest: Option<f64>,
    /// Change since the first of those assessments (None with fewer than two).
    pub change: Option<f64>,
    pub assessed_on: Option<NaiveDate>,
    pub basis: Basis,
    /// The statuses of the projects covering the cell.
    pub projects: Vec<ProjectStatus>,
    /// Per-area combined % over time for this cell.
    pub history: Vec<TrendPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct AreaChange {
    pub area_id: String,
    pub area: String,
    /// Mean over the project's cells of the latest score before it started.
    pub before: Option<f64>,
    /// The same, from assessments since it started.
    pub after: Option<f64>,
}

with_project_fields! {
    #[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
    pub struct ProjectView {
        pub placement_label: String,
        /// A whole row or column (breadth) rather than one cell (depth).
        pub breadth: bool,
        pub depends_on_names: Vec<String>,
        pub areas: Vec<AreaChange>,
        pub health: Health,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Money {
    pub cost_planned: f64,
    pub cost_actual: f64,
    pub benefit_planned: f64,
    pub benefit_actual: f64,
    /// What every amount of the programme is in.
    pub currency: Currency,
}

/// One thing the board should know: late, blocked or at risk, and why.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Alert {
    pub project_id: i32,
    pub project: String,
    /// `late`, `blocked` or `at_risk`.
    pub kind: String,
    pub reasons: Vec<Reason>,
}

/// Why a project needs attention, in a sentence of `w`'s language.
pub fn reason(w: &Words, reason: &Reason) -> String {
    match reason {
        Reason::EndPassed { project, end } => w.fill(
            "programme-reason_end",
            &[
                ("project", project.into()),
                ("date", w.short_date(*end).into()),
            ],
        ),
        Reason::MilestoneDue { milestone, due } => w.fill(
            "programme-reason_milestone",
            &[
                ("milestone", milestone.into()),
                ("date", w.short_date(*due).into()),
            ],
        ),
        Reason::DependencyStopped { dependency } => w.fill(
            "programme-reason_stopped",
            &[("dependency", dependency.into())],
        ),
        Reason::NotBegun { start, dependency } => w.fill(
            "programme-reason_not_begun",
            &[
                ("date", w.short_date(*start).into()),
                ("dependency", dependency.into()),
            ],
        ),
        Reason::DependencySlipped { dependency, due } => w.fill(
            "programme-reason_slipped",
            &[
                ("dependency", dependency.into()),
                ("date", w.short_date(*due).into()),
            ],
        ),
        Reason::ActionOverdue { owner, due } => w.fill(
            "programme-reason_action",
            &[("owner", owner.into()), ("date", w.short_date(*due).into())],
        ),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ProgrammeReport {
    /// Stated on the report; the programme report holds nothing per
    /// assessor, so both editions show the same content.
    pub edition: Edition,
    /// The language of its words, set like the edition by who asks.
    pub language: Language,
    pub client: String,
    pub name: String,
    pub today: NaiveDate,
    pub grid: Grid,
    pub dimensions: Vec<(String, Vec<String>)>,
    pub area_names: Vec<String>,
    /// Rows of the grid (business units), each with one cell per customer group.
    pub cells: Vec<Vec<CellView>>,
    pub projects: Vec<ProjectView>,
    /// Per-area combined % over the programme's assessments (mean of those on a date).
    pub trend: Vec<TrendPoint>,
    pub money: Money,
    pub alerts: Vec<Alert>,
    /// Timeline bounds: the earliest start and the latest end of the projects.
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// The client's agreed actions.
    pub actions: Vec<super::ActionLine>,
    /// Each targeted area's planned path beside its actual scores.
    pub paths: Vec<AreaPath>,
}

/// The assessments that apply to a cell, from the most specific scope that has any.
fn applying<'a>(
    assessments: &'a [ScoredAssessment],
    unit: &str,
    group: &str,
) -> (Basis, Vec<&'a ScoredAssessment>) {
    let fits = |basis: Basis, a: &ScoredAssessment| {
        let (u, g) = (a.unit.as_deref(), a.group.as_deref());
        match basis {
            Basis::Cell => u == Some(unit) && g == Some(group),
            Basis::Unit => u == Some(unit) && g.is_none(),
            Basis::Group => u.is_none() && g == Some(group),
            Basis::Company | Basis::None => u.is_none() && g.is_none(),
        }
    };
    for basis in [Basis::Cell, Basis::Unit, Basis::Group, Basis::Company] {
        let mut found: Vec<&ScoredAssessment> =
            assessments.iter().filter(|a| fits(basis, a)).collect();
        if !found.is_empty() {
            found.sort_by_key(|a| (a.date, a.id));
            return (basis, found);
        }
    }
    (Basis::None, Vec::new())
}

fn point(a: &ScoredAssessment, area_ids: &[String]) -> TrendPoint {
    TrendPoint {
        date: a.date,
        overall: a.overall,
        areas: area_ids
            .iter()
            .map(|id| a.areas.get(id).copied().unwrap_or(0.0))
            .collect(),
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Builds the report for `input.today`.
pub fn build(input: ProgrammeInput) -> ProgrammeReport {
    let area_ids: Vec<String> = input.area_names.iter().map(|(id, _)| id.clone()).collect();
    let cells: Vec<Vec<CellView>> = input
        .grid
        .units
        .iter()
        .map(|unit| {
            input
                .grid
                .groups
                .iter()
                .map(|group| {
                    let (basis, list) = applying(&input.assessments, unit, group);
                    let latest = list.last();
                    CellView {
                        unit: unit.clone(),
                        group: group.clone(),
                        latest: latest.map(|a| a.overall),
                        change: match (list.first(), list.last()) {
                            (Some(first), Some(last)) if list.len() >= 2 => {
                                Some(last.overall - first.overall)
                            }
                            _ => None,
                        },
                        assessed_on: latest.map(|a| a.date),
                        basis,
                        projects: input
                            .projects
                            .iter()
                            .filter(|p| p.placement.covers(unit, group))
                            .map(|p| p.status)
                            .collect(),
                        history: list.iter().map(|a| point(a, &area_ids)).collect(),
                    }
                })
                .collect()
        })
        .collect();
    let names: HashMap<i32, &str> = input
        .projects
        .iter()
        .map(|p| (p.id, p.name.as_str()))
        .collect();
    let healths = health(&input.projects, input.today);
    let area_name: HashMap<&str, &str> = input
        .area_names
        .iter()
        .map(|(id, n)| (id.as_str(), n.as_str()))
        .collect();
    let projects: Vec<ProjectView> = input
        .projects
        .iter()
        .zip(healths)
        .map(|(p, health)| ProjectView {
            id: p.id,
            name: p.name.clone(),
            objective: p.objective.clone(),
            owner: p.owner.clone(),
            placement_label: p.placement.label(),
            breadth: p.placement.breadth(),
            placement: p.placement.clone(),
            inputs: p.inputs.clone(),
            outputs: p.outputs.clone(),
            start: p.start,
            end: p.end,
            status: p.status,
            cost_planned: p.cost_planned,
            cost_actual: p.cost_actual,
            benefit_planned: p.benefit_planned,
            benefit_actual: p.benefit_actual,
            milestones: p.milestones.clone(),
            depends_on: p.depends_on.clone(),
            depends_on_names: p
                .depends_on
                .iter()
                .filter_map(|d| names.get(d).map(|n| (*n).to_owned()))
                .collect(),
            areas: p
                .areas
                .iter()
                .map(|area| {
                    before_after(
                        area,
                        area_name.get(area.as_str()).copied().unwrap_or(area),
                        p,
                        &input,
                    )
                })
                .collect(),
            health,
        })
        .collect();
    let overdue = input
        .actions
        .iter()
        .filter(|a| a.overdue)
        .enumerate()
        .map(|(i, a)| Alert {
            // Actions are not projects: they take ids no project has.
            project_id: -1 - i32::try_from(i).unwrap_or(i32::MAX - 1),
            project: a.title.clone(),
            kind: "overdue_action".to_owned(),
            reasons: a
                .due
                .map(|due| Reason::ActionOverdue {
                    owner: a.owner.clone(),
                    due,
                })
                .into_iter()
                .collect(),
        });
    let alerts = projects
        .iter()
        .flat_map(|p| {
            [
                ("late", p.health.late),
                ("blocked", p.health.blocked),
                ("at_risk", p.health.at_risk),
            ]
            .into_iter()
            .filter(|(_, on)| *on)
            .map(|(kind, _)| Alert {
                project_id: p.id,
                project: p.name.clone(),
                kind: kind.to_owned(),
                reasons: p.health.reasons.clone(),
            })
        })
        .chain(overdue)
        .collect();
    let money = Money {
        cost_planned: input.projects.iter().map(|p| p.cost_planned).sum(),
        cost_actual: input.projects.iter().filter_map(|p| p.cost_actual).sum(),
        benefit_planned: input.projects.iter().map(|p| p.benefit_planned).sum(),
        benefit_actual: input.projects.iter().filter_map(|p| p.benefit_actual).sum(),
        currency: input.currency.clone(),
    };
    let span = input
        .projects
        .iter()
        .map(|p| (p.start, p.end))
        .reduce(|(s, e), (s2, e2)| (s.min(s2), e.max(e2)));
    ProgrammeReport {
        edition: Edition::Client,
        language: Language::En,
        client: input.client.clone(),
        name: input.name.clone(),
        today: input.today,
        grid: input.grid.clone(),
        dimensions: input.dimensions.clone(),
        area_names: input.area_names.iter().map(|(_, n)| n.clone()).collect(),
        cells,
        projects,
        trend: trend(&input.assessments, &area_ids),
        money,
        alerts,
        span,
        paths: paths::paths(&input, &area_ids),
        actions: input.actions,
    }
}

/// Per date, the mean of the assessments of that date, overall and per area.
fn trend(assessments: &[ScoredAssessment], area_ids: &[String]) -> Vec<TrendPoint> {
    let mut by_date: BTreeMap<NaiveDate, Vec<&ScoredAssessment>> = BTreeMap::new();
    for a in assessments {
        by_date.entry(a.date).or_default().push(a);
    }
    by_date
        .into_iter()
        .map(|(date, list)| TrendPoint {
            date,
            overall: mean(list.iter().map(|a| a.overall)).unwrap_or(0.0),
            areas: area_ids
                .iter()
                .map(|id| mean(list.iter().filter_map(|a| a.areas.get(id).copied())).unwrap_or(0.0))
                .collect(),
        })
        .collect()
}

/// A targeted area's score over the project's cells, before it started and since.
fn before_after(
    area_id: &str,
    area: &str,
    project: &ProjectInput,
    input: &ProgrammeInput,
) -> AreaChange {
    let covered: Vec<(&String, &String)> = input
        .grid
        .units
        .iter()
        .flat_map(|u| input.grid.groups.iter().map(move |g| (u, g)))
        .filter(|(u, g)| project.placement.covers(u, g))
        .collect();
    let score = |keep: &dyn Fn(&ScoredAssessment) -> bool| {
        mean(covered.iter().filter_map(|(u, g)| {
            let (_, list) = applying(&input.assessments, u, g);
            list.into_iter()
                .filter(|a| keep(a))
                .last()
                .and_then(|a| a.areas.get(area_id).copied())
        }))
    };
    AreaChange {
        area_id: area_id.to_owned(),
        area: area.to_owned(),
        before: score(&|a| a.date <= project.start),
        after: score(&|a| a.date > project.start),
    }
}

#[cfg(test)]
mod tests;
