//! Exports of a programme, as CSV or XLSX: its projects and its milestones.

use crate::render::table::{Cell, Table};
use crate::web::problem::{ApiResult, Problem};
use crate::web::session::{Auth, AuthShim};
use crate::web::state::AppState;
use actix_web::{get, web, HttpResponse};

use super::exports::{download, Format};

fn money(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, Cell::Number)
}

/// A programme's projects with their plan, money and health.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}/projects.{format}")]
pub async fn projects(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, Format)>,
) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    let report = super::programmes::detail(&state, auth.caller(), id)
        .await?
        .report;
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
    download(&table, format, &format!("programme-{id}-projects"))
}

/// A programme's milestones, by project.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}/milestones.{format}")]
pub async fn milestones(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, Format)>,
) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    let report = super::programmes::detail(&state, auth.caller(), id)
        .await?
        .report;
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
    download(&table, format, &format!("programme-{id}-milestones"))
}
