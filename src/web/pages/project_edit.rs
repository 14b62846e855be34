//! One project of a programme, changed in a form: its plan (name, owner,
//! dates, status, money), where it sits on the grid, what it targets and
//! depends on, and its milestones (added, moved, marked done or removed).
//! A refused form keeps what was typed and says beside each field what is
//! wrong; amounts are read the organisation's way ("251,000").

use super::create::{field, Fields};
use super::form_errors::Refusal;
use super::messages::{fill, text};
use super::{PageError, Viewer};
use crate::app::error::AppError;
use crate::app::programmes::projects::{self, ProjectRequest};
use crate::app::programmes::{self, CHANGERS};
use crate::domain::numbers::NumberFormat;
use crate::domain::programme::{Grid, MilestoneInput, Placement, ProjectStatus};
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde_json::{json, Map, Value};

/// Blank milestone rows the form offers for new milestones.
const NEW_MILESTONES: usize = 2;

/// A placement as the grid's select names it: `row:0`, `column:1`, `cell:0:1`.
fn placement_value(grid: &Grid, placement: &Placement) -> String {
    let unit = |u: &str| grid.units.iter().position(|x| x == u).unwrap_or(0);
    let group = |g: &str| grid.groups.iter().position(|x| x == g).unwrap_or(0);
    match placement {
        Placement::Row { unit: u } => format!("row:{}", unit(u)),
        Placement::Column { group: g } => format!("column:{}", group(g)),
        Placement::Cell { unit: u, group: g } => format!("cell:{}:{}", unit(u), group(g)),
    }
}

/// The form's values: as stored, or as typed when refused.
type Values = Map<String, Value>;

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, PageError> {
    render(&state, &viewer, path.into_inner(), None).await
}

/// The form with `typed` (and its refusal), or with the project as stored.
async fn render(
    state: &AppState,
    viewer: &Viewer,
    (id, project_id): (i32, i32),
    typed: Option<(Values, Refusal)>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(CHANGERS, &text("only_changers"))?;
    let planning = state
        .run(move |app| programmes::planning(app, &caller, id))
        .await?;
    let programme = &planning.programme;
    let format = planning.settings.number_format;
    let project = programme
        .report
        .projects
        .iter()
        .find(|p| p.id == project_id)
        .ok_or_else(|| PageError::NotFound(text("no_project")))?;
    let version = programme
        .project_versions
        .get(&project_id)
        .copied()
        .unwrap_or(1);
    let money = |v: Option<f64>| v.map(|v| format.write(v)).unwrap_or_default();
    let mut milestones: Vec<Value> = project
        .milestones
        .iter()
        .map(|m| json!({ "name": m.name, "due": m.due.to_string(), "done": m.done.map(|d| d.to_string()).unwrap_or_default() }))
        .collect();
    milestones.extend((0..NEW_MILESTONES).map(|_| json!({ "name": "", "due": "", "done": "" })));
    let stored: Values = json!({
        "name": project.name, "objective": project.objective, "owner": project.owner,
        "placement": placement_value(&programme.grid, &project.placement),
        "areas": project.areas.iter().map(|a| a.area_id.clone()).collect::<Vec<_>>(),
        "depends_on": project.depends_on,
        "inputs": project.inputs, "outputs": project.outputs,
        "start": project.start.to_string(), "end": project.end.to_string(),
        "status": project.status.as_str(),
        "cost_planned": format.write(project.cost_planned), "cost_actual": money(project.cost_actual),
        "benefit_planned": format.write(project.benefit_planned), "benefit_actual": money(project.benefit_actual),
        "milestones": milestones,
        "version": version,
    })
    .as_object()
    .cloned()
    .unwrap_or_default();
    let (values, refusal) = match typed {
        Some((values, refusal)) => (values, Some(refusal)),
        None => (stored, None),
    };
    let listed = |key: &str| -> Vec<String> {
        values
            .get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (areas, depends_on) = (listed("areas"), listed("depends_on"));
    let chosen_placement = values
        .get("placement")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let chosen_status = values
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let mut data = json!({
        "title": fill("edit_project", &[("project", &project.name)]),
        "id": id, "project_id": project_id, "client": programme.report.client,
        "form": values,
        "currency": planning.settings.currency,
        "example": format.write(251_000.0),
        "placements": programme_placements(&programme.grid, &chosen_placement),
        "statuses": ProjectStatus::ALL.iter().map(|s| json!({ "value": s.as_str(), "label": s.label(), "selected": s.as_str() == chosen_status })).collect::<Vec<_>>(),
        "areas": planning.areas.iter().map(|(a, name)| json!({ "id": a, "name": name, "checked": areas.contains(a) })).collect::<Vec<_>>(),
        "others": programme.report.projects.iter().filter(|p| p.id != project_id).map(|p| json!({ "id": p.id, "name": p.name, "checked": depends_on.contains(&p.id.to_string()) })).collect::<Vec<_>>(),
    });
    let status = Refusal::status(refusal, &mut data);
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "project_edit", &data))
}

fn programme_placements(grid: &Grid, chosen: &str) -> Vec<Value> {
    super::programmes::placements(grid)
        .into_iter()
        .map(|mut option| {
            let selected = option.get("value").and_then(Value::as_str) == Some(chosen);
            if let Some(o) = option.as_object_mut() {
                o.insert("selected".into(), json!(selected));
            }
            option
        })
        .collect()
}

/// The form's values as typed, for showing it again.
fn typed(fields: &Fields) -> Values {
    let all = |name: &str| -> Vec<Value> {
        fields
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| json!(v))
            .collect()
    };
    let mut values: Values = [
        "name",
        "objective",
        "owner",
        "placement",
        "inputs",
        "outputs",
        "start",
        "end",
        "status",
        "cost_planned",
        "cost_actual",
        "benefit_planned",
        "benefit_actual",
        "version",
    ]
    .iter()
    .map(|n| ((*n).to_owned(), json!(field(fields, n))))
    .collect();
    values.insert("areas".into(), Value::Array(all("area")));
    values.insert("depends_on".into(), Value::Array(all("depends_on")));
    let (names, dues, dones) = (
        all("milestone_name"),
        all("milestone_due"),
        all("milestone_done"),
    );
    let milestones: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(i, name)| json!({ "name": name, "due": dues.get(i), "done": dones.get(i) }))
        .collect();
    values.insert("milestones".into(), Value::Array(milestones));
    values
}

fn date(fields: &Fields, name: &str) -> Result<chrono::NaiveDate, AppError> {
    field(fields, name).trim().parse().map_err(|_| {
        AppError::invalid_field(
            "bad_date",
            name,
            fill("pages-give-date", &[("field", &format!("`{name}`"))]),
        )
    })
}

/// The form as a replacement of the project.
fn request(grid: &Grid, format: NumberFormat, fields: &Fields) -> Result<ProjectRequest, AppError> {
    let all = |name: &'static str| {
        fields
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let (dues, dones): (Vec<&str>, Vec<&str>) = (
        all("milestone_due").collect(),
        all("milestone_done").collect(),
    );
    let mut milestones = Vec::new();
    for (i, name) in all("milestone_name").enumerate() {
        if name.trim().is_empty() {
            continue;
        }
        let due = dues
            .get(i)
            .and_then(|d| d.trim().parse().ok())
            .ok_or_else(|| {
                AppError::invalid_field(
                    "bad_date",
                    "milestones",
                    fill("pages-milestone-due-needed", &[("milestone", name)]),
                )
            })?;
        let done = dones.get(i).map(|d| d.trim()).filter(|d| !d.is_empty());
        let done = done.map(|d| d.parse()).transpose().map_err(|_| {
            AppError::invalid_field(
                "bad_date",
                "milestones",
                fill("pages-milestone-done-needed", &[("milestone", name)]),
            )
        })?;
        milestones.push(MilestoneInput {
            name: name.to_owned(),
            due,
            done,
        });
    }
    Ok(ProjectRequest {
        name: field(fields, "name").to_owned(),
        objective: field(fields, "objective").to_owned(),
        owner: field(fields, "owner").to_owned(),
        placement: super::programmes::placement(grid, field(fields, "placement"))?,
        areas: all("area").map(str::to_owned).collect(),
        inputs: field(fields, "inputs").to_owned(),
        outputs: field(fields, "outputs").to_owned(),
        start: date(fields, "start")?,
        end: date(fields, "end")?,
        status: field(fields, "status")
            .parse()
            .map_err(|e: String| AppError::invalid_field("bad_status", "status", e))?,
        cost_planned: super::programmes::amount(format, fields, "cost_planned")?.unwrap_or(0.0),
        cost_actual: super::programmes::amount(format, fields, "cost_actual")?,
        benefit_planned: super::programmes::amount(format, fields, "benefit_planned")?
            .unwrap_or(0.0),
        benefit_actual: super::programmes::amount(format, fields, "benefit_actual")?,
        milestones,
        depends_on: all("depends_on").filter_map(|v| v.parse().ok()).collect(),
        version: field(fields, "version").parse().ok(),
    })
}

pub async fn save(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(i32, i32)>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(CHANGERS, &text("only_changers"))?;
    let ((id, project_id), fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let (grid, format) = state
        .run(move |app| programmes::form_context(app, &caller, id))
        .await?;
    let outcome = match request(&grid, format, &fields) {
        Ok(body) => {
            state
                .run(move |app| projects::replace(app, &caller, id, project_id, body))
                .await
        }
        Err(e) => Err(e.into()),
    };
    match outcome {
        Ok(_) => {
            Ok(super::flash::Confirmation::ProjectUpdated.redirect(&format!("/programmes/{id}")))
        }
        Err(e) => {
            let refusal = Refusal::of(e)?;
            render(
                &state,
                &viewer,
                (id, project_id),
                Some((typed(&fields), refusal)),
            )
            .await
        }
    }
}
