//! A programme's tables, as CSV or XLSX: its projects and its milestones.

use super::report::visible_report;
use crate::app::documents::{self, Document, Format};
use crate::app::error::AppResult;
use crate::app::App;
use crate::domain::role::Caller;
use crate::render::table::{Cell, Table};

fn money(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, Cell::Number)
}

/// A programme's projects with their plan, money and health.
pub fn projects(app: &App, caller: &Caller, id: i32, format: Format) -> AppResult<Document> {
    let report = visible_report(app, caller, id)?;
    let mut table = Table::new(&[
        "project",
        "placement",
        "breadth_or_depth",
        "areas",
        "owner",
        "start",
        "end",
        "status",
        "cost_planned",
        "cost_actual",
        "benefit_planned",
        "benefit_actual",
        "depends_on",
        "late",
        "blocked",
        "at_risk",
        "objective",
    ]);
    for p in &report.projects {
        table.push(vec![
            p.name.as_str().into(),
            p.placement_label.as_str().into(),
            if p.breadth { "breadth" } else { "depth" }.into(),
            p.areas
                .iter()
                .map(|a| a.area_id.as_str())
                .collect::<Vec<_>>()
                .join(" ")
                .into(),
            p.owner.as_str().into(),
            p.start.to_string().into(),
            p.end.to_string().into(),
            p.status.label().into(),
            Cell::Number(p.cost_planned),
            money(p.cost_actual),
            Cell::Number(p.benefit_planned),
            money(p.benefit_actual),
            p.depends_on_names.join("; ").into(),
            p.health.late.to_string().into(),
            p.health.blocked.to_string().into(),
            p.health.at_risk.to_string().into(),
            p.objective.as_str().into(),
        ]);
    }
    let stem = documents::file_stem(&[&report.client, &report.name, "projects"]);
    documents::table(&table, format, "projects", &stem)
}

/// A programme's milestones, by project.
pub fn milestones(app: &App, caller: &Caller, id: i32, format: Format) -> AppResult<Document> {
    let report = visible_report(app, caller, id)?;
    let mut table = Table::new(&["project", "milestone", "due", "done"]);
    for p in &report.projects {
        for m in &p.milestones {
            table.push(vec![
                p.name.as_str().into(),
                m.name.as_str().into(),
                m.due.to_string().into(),
                m.done.map_or(String::new(), |d| d.to_string()).into(),
            ]);
        }
    }
    let stem = documents::file_stem(&[&report.client, &report.name, "milestones"]);
    documents::table(&table, format, "milestones", &stem)
}
