//! The programme pages: the list of programmes, and one programme with its
//! report (coverage map, timeline, trends, money, what needs attention),
//! forms to add a project and to record a project's progress. The forms
//! post natively and share their rules with the API.

use super::create::{field, Fields};
use super::flash::{Confirmation, Flash, FlashQuery};
use super::form_errors::Refusal;
use super::messages::{fill, in_words, label, text};
use super::{PageError, Viewer};
use crate::app::error::{AppError, AppResult};
use crate::app::programmes::projects::{self, ProjectRequest};
use crate::app::programmes::rows::{self, RowInput};
use crate::app::programmes::{self, NewProgramme, CHANGERS};
use crate::app::settings::read_amount;
use crate::domain::numbers::NumberFormat;
use crate::domain::programme::{Grid, MilestoneInput, Placement, ProjectStatus, DEFAULT_GROUPS};
use crate::domain::role::Caller;
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde_json::{json, Value};
use std::collections::HashMap;

fn may_change(viewer: &Viewer) -> bool {
    CHANGERS.contains(&viewer.caller().role)
}

fn changer(viewer: &Viewer) -> Result<Caller, PageError> {
    viewer.require(CHANGERS, &text("only_changers"))
}

/// The programmes, and the form that starts one: blank, or as sent with
/// each problem beside its field.
async fn list_page(
    state: &AppState,
    viewer: &Viewer,
    flash: Flash,
    typed: Option<(Fields, Refusal)>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let overview = state
        .run(move |app| programmes::overview(app, &caller))
        .await?;
    let blank: Fields = vec![
        ("name".into(), text("pages-programmes-default-name")),
        ("customer_groups".into(), DEFAULT_GROUPS.join("\n")),
    ];
    let sent = typed.as_ref().map_or(&blank, |(sent, _)| sent);
    let mut data = json!({
        "title": text("pages-programmes-title"),
        "programmes": overview.programmes.iter().map(|p| json!({ "id": p.id, "client": p.client, "name": p.name })).collect::<Vec<_>>(),
        "may_change": may_change(viewer),
        "clients": overview.clients_without_one.iter().map(|c| json!({ "id": c.id, "name": c.name, "selected": field(sent, "client_id") == c.id.to_string() })).collect::<Vec<_>>(),
        "form": {
            "name": field(sent, "name"),
            "business_units": field(sent, "business_units"),
            "customer_groups": field(sent, "customer_groups"),
        },
    });
    let mut status = flash.fill(&mut data);
    if let Some((_, refusal)) = typed {
        refusal.fill(&mut data);
        status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "programmes", &data))
}

pub async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    list_page(&state, &viewer, query.flash(), None).await
}

/// One name per line (or comma), blanks dropped.
fn lines(text: &str) -> Vec<String> {
    text.split(['\n', ','])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

pub async fn start(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let caller = changer(&viewer)?;
    let fields = form.into_inner();
    viewer.check(field(&fields, "csrf_token"))?;
    let body = NewProgramme {
        client_id: field(&fields, "client_id").parse().unwrap_or(0),
        name: field(&fields, "name").to_owned(),
        business_units: lines(field(&fields, "business_units")),
        customer_groups: Some(lines(field(&fields, "customer_groups"))),
        dimensions: Vec::new(),
    };
    match state
        .run(move |app| programmes::start(app, &caller, body))
        .await
    {
        Ok(created) => Ok(HttpResponse::SeeOther()
            .insert_header((
                "Location",
                format!("/programmes/{}?done=started", created.id),
            ))
            .finish()),
        Err(e) => {
            let typed = Some((fields, Refusal::of(e)?));
            list_page(&state, &viewer, Flash::Nothing, typed).await
        }
    }
}

/// The placements a project can have on this grid, as form options.
pub(super) fn placements(grid: &Grid) -> Vec<Value> {
    let option = |value: String, label: String| json!({ "value": value, "label": label });
    let mut options = Vec::new();
    for (u, unit) in grid.units.iter().enumerate() {
        let label = fill("placement_row", &[("unit", unit)]);
        options.push(option(format!("row:{u}"), label));
    }
    for (g, group) in grid.groups.iter().enumerate() {
        let label = fill("placement_column", &[("group", group)]);
        options.push(option(format!("column:{g}"), label));
    }
    for (u, unit) in grid.units.iter().enumerate() {
        for (g, group) in grid.groups.iter().enumerate() {
            let label = fill("placement_cell", &[("unit", unit), ("group", group)]);
            options.push(option(format!("cell:{u}:{g}"), label));
        }
    }
    options
}

/// The placement chosen in the form, by grid positions.
pub(super) fn placement(grid: &Grid, value: &str) -> AppResult<Placement> {
    let parts: Vec<&str> = value.split(':').collect();
    let index = |i: usize| parts.get(i).and_then(|p| p.parse::<usize>().ok());
    let unit = |i: Option<usize>| i.and_then(|i| grid.units.get(i)).cloned();
    let group = |i: Option<usize>| i.and_then(|i| grid.groups.get(i)).cloned();
    let chosen = match parts.first().copied() {
        Some("row") => unit(index(1)).map(|unit| Placement::Row { unit }),
        Some("column") => group(index(1)).map(|group| Placement::Column { group }),
        Some("cell") => unit(index(1))
            .zip(group(index(2)))
            .map(|(unit, group)| Placement::Cell { unit, group }),
        _ => None,
    };
    chosen.ok_or_else(|| AppError::invalid("not_on_grid", text("pages-choose-placement")))
}

/// The table's rows as typed, and each problem by `{project_id}.{field}`:
/// a refused table is shown again as it was sent.
#[derive(Default)]
struct Typed {
    rows: Vec<RowInput>,
    errors: HashMap<String, String>,
    /// The add-project form as sent, and its problems by field.
    added: Option<(Fields, Refusal)>,
}

/// The fields of the table's row, in order: (name, input type); each is
/// labelled as forms call it (`messages::label`).
const ROW_FIELDS: [(&str, &str); 6] = [
    ("owner", "text"),
    ("start", "date"),
    ("end", "date"),
    ("status", "select"),
    ("cost_actual", "text"),
    ("benefit_actual", "text"),
];

fn typed_value<'a>(row: &'a RowInput, field: &str) -> &'a str {
    match field {
        "owner" => &row.owner,
        "start" => &row.start,
        "end" => &row.end,
        "status" => &row.status,
        "cost_actual" => &row.cost_actual,
        _ => &row.benefit_actual,
    }
}

async fn programme_page(
    state: &AppState,
    viewer: &Viewer,
    id: i32,
    flash: Flash,
) -> Result<HttpResponse, PageError> {
    programme_page_with(state, viewer, id, flash, &Typed::default()).await
}

async fn programme_page_with(
    state: &AppState,
    viewer: &Viewer,
    id: i32,
    flash: Flash,
    typed: &Typed,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let planning = match state
        .run(move |app| programmes::planning(app, &caller, id))
        .await
    {
        Ok(planning) => planning,
        Err(ApiError::App(AppError::NotFound(_))) => {
            return Ok(state.pages.error(
                StatusCode::NOT_FOUND,
                &text("no_programme"),
                Some(viewer),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let programme = &planning.programme;
    let statuses: Vec<Value> = ProjectStatus::ALL
        .iter()
        .map(|s| json!({ "value": s.as_str(), "label": s.label() }))
        .collect();
    let format = planning.settings.number_format;
    let projects: Vec<Value> = programme
        .report
        .projects
        .iter()
        .map(|p| {
            let stored = |field: &str| match field {
                "owner" => p.owner.clone(),
                "start" => p.start.to_string(),
                "end" => p.end.to_string(),
                "status" => p.status.as_str().to_owned(),
                "cost_actual" => p.cost_actual.map(|v| format.write(v)).unwrap_or_default(),
                _ => p.benefit_actual.map(|v| format.write(v)).unwrap_or_default(),
            };
            let row = typed.rows.iter().find(|r| r.project_id == p.id);
            let fields: Vec<Value> = ROW_FIELDS
                .iter()
                .map(|(field, kind)| {
                    let label = label(field);
                    let value = row.map_or_else(|| stored(field), |r| typed_value(r, field).to_owned());
                    let options = (*kind == "select").then(|| {
                        ProjectStatus::ALL.iter().map(|s| json!({ "value": s.as_str(), "label": s.label(), "selected": s.as_str() == value })).collect::<Vec<_>>()
                    });
                    json!({
                        "input": format!("{field}.{}", p.id),
                        "label": label,
                        "kind": kind,
                        "numeric": field.ends_with("_actual"),
                        "value": value,
                        "options": options,
                        "error": typed.errors.get(&format!("{}.{field}", p.id)),
                    })
                })
                .collect();
            // A problem of the row as a whole (its plan), beside its name.
            let problem = typed.errors.get(&format!("{}.form", p.id));
            json!({ "id": p.id, "name": p.name, "fields": fields, "problem": problem })
        })
        .collect();
    let add = {
        let blank: Fields = vec![
            ("start".into(), chrono::Utc::now().date_naive().to_string()),
            ("cost_planned".into(), "0".into()),
            ("benefit_planned".into(), "0".into()),
        ];
        let sent = typed.added.as_ref().map_or(&blank, |(sent, _)| sent);
        let value = |name: &str| field(sent, name).to_owned();
        json!({
            "name": value("name"), "objective": value("objective"), "owner": value("owner"),
            "inputs": value("inputs"), "outputs": value("outputs"), "start": value("start"),
            "end": value("end"), "cost_planned": value("cost_planned"),
            "benefit_planned": value("benefit_planned"), "milestone": value("milestone"),
            "milestone_due": value("milestone_due"),
        })
    };
    let mut data = json!({
        "title": format!("{}: {}", programme.report.client, programme.name),
        "id": programme.id, "client": programme.report.client, "name": programme.name,
        "report": planning.report_html,
        "may_change": may_change(viewer),
        "placements": placements(&programme.grid),
        "areas": planning.areas.iter().map(|(id, name)| json!({ "id": id, "name": name })).collect::<Vec<_>>(),
        "statuses": statuses,
        "projects": projects,
        "today": chrono::Utc::now().date_naive().to_string(),
        "currency": planning.settings.currency,
        "example": format.write(251_000.0),
        "errors": { "form": typed.errors.get("form") },
        "add": add,
    });
    let mut status = flash.fill(&mut data);
    if let Some((_, refusal)) = &typed.added {
        if let Some(page) = data.as_object_mut() {
            page.insert("add_errors".into(), Value::Object(refusal.errors.clone()));
        }
        status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "programme", &data))
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
    query: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    programme_page(&state, &viewer, path.into_inner(), query.flash()).await
}

/// A number field of a form, read the organisation's way: empty is none.
pub(super) fn amount(format: NumberFormat, fields: &Fields, name: &str) -> AppResult<Option<f64>> {
    read_amount(format, name, field(fields, name))
}

fn date(fields: &Fields, name: &str) -> AppResult<chrono::NaiveDate> {
    field(fields, name)
        .parse()
        .map_err(|_| AppError::invalid("bad_date", format!("give the {name} date")))
}

fn status(fields: &Fields) -> AppResult<ProjectStatus> {
    field(fields, "status")
        .parse()
        .map_err(|e: String| AppError::invalid("bad_status", e))
}

/// The add-project form as a request of the API.
fn project_request(
    (grid, format): (&Grid, NumberFormat),
    fields: &Fields,
) -> AppResult<ProjectRequest> {
    let milestone = field(fields, "milestone").trim();
    let milestones = if milestone.is_empty() {
        Vec::new()
    } else {
        vec![MilestoneInput {
            name: milestone.to_owned(),
            due: date(fields, "milestone_due")?,
            done: None,
        }]
    };
    let all = |name: &'static str| {
        fields
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    Ok(ProjectRequest {
        name: field(fields, "name").to_owned(),
        objective: field(fields, "objective").to_owned(),
        owner: field(fields, "owner").to_owned(),
        placement: placement(grid, field(fields, "placement"))?,
        areas: all("area").collect(),
        inputs: field(fields, "inputs").to_owned(),
        outputs: field(fields, "outputs").to_owned(),
        start: date(fields, "start")?,
        end: date(fields, "end")?,
        status: status(fields)?,
        cost_planned: amount(format, fields, "cost_planned")?.unwrap_or(0.0),
        cost_actual: None,
        benefit_planned: amount(format, fields, "benefit_planned")?.unwrap_or(0.0),
        benefit_actual: None,
        milestones,
        depends_on: all("depends_on").filter_map(|v| v.parse().ok()).collect(),
        version: None,
    })
}

pub async fn add_project(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let caller = changer(&viewer)?;
    let (id, fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let (grid, format) = state
        .run(move |app| programmes::form_context(app, &caller, id))
        .await?;
    let outcome = match project_request((&grid, format), &fields) {
        Ok(body) => {
            state
                .run(move |app| projects::add(app, &caller, id, body))
                .await
        }
        Err(e) => Err(e.into()),
    };
    match outcome {
        Ok(_) => Ok(Confirmation::ProjectAdded.redirect(&format!("/programmes/{id}"))),
        Err(e) => {
            let typed = Typed {
                added: Some((fields, Refusal::of(e)?)),
                ..Typed::default()
            };
            programme_page_with(&state, &viewer, id, Flash::Nothing, &typed).await
        }
    }
}

/// Saves the table's rows at once; a refused table is shown again as typed,
/// each problem beside its field.
pub async fn save_rows(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let caller = changer(&viewer)?;
    let (id, fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let typed_rows: Vec<RowInput> = fields
        .iter()
        .filter(|(name, _)| name == "project_id")
        .filter_map(|(_, value)| value.parse::<i32>().ok())
        .map(|project_id| {
            let of = |name: &str| field(&fields, &format!("{name}.{project_id}")).to_owned();
            RowInput {
                project_id,
                owner: of("owner"),
                start: of("start"),
                end: of("end"),
                status: of("status"),
                cost_actual: of("cost_actual"),
                benefit_actual: of("benefit_actual"),
            }
        })
        .collect();
    let sent = typed_rows.clone();
    match state
        .run(move |app| rows::save_rows(app, &caller, id, &sent))
        .await
    {
        Ok(_) => Ok(Confirmation::ProjectUpdated.redirect(&format!("/programmes/{id}"))),
        Err(ApiError::App(AppError::Rejected(rejected))) => {
            let typed = Typed {
                rows: typed_rows,
                errors: rejected
                    .0
                    .iter()
                    .map(|flaw| (flaw.at.clone(), in_words(&flaw.message)))
                    .collect(),
                added: None,
            };
            let flash = Flash::Refused(StatusCode::UNPROCESSABLE_ENTITY, text("rows_refused"));
            programme_page_with(&state, &viewer, id, flash, &typed).await
        }
        Err(e) => programme_page(&state, &viewer, id, Flash::refusal(e)?).await,
    }
}
