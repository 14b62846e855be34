//! The programme pages: the list of programmes, and one programme with its
//! report (coverage map, timeline, trends, money, what needs attention),
//! forms to add a project and to record a project's progress. The forms
//! post natively and share their rules with the API (`save_project`).

use super::create::{field, Fields};
use super::flash::{Confirmation, Flash, FlashQuery};
use super::{PageError, Viewer};
use crate::app::programme::client_areas;
use crate::db::clients::Client;
use crate::db::programmes::StoredProject;
use crate::domain::programme::{Placement, ProjectStatus, DEFAULT_GROUPS};
use crate::domain::role::{Caller, Role};
use crate::report::programme::MilestoneInput;
use crate::web::problem::{ApiError, ApiResult};
use crate::web::routes::programmes::{
    detail, programme_or_404, save_project, summaries, ProgrammeDetail, ProjectRequest,
};
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde_json::{json, Value};

/// Who may change programmes; executives only read them.
const CHANGERS: [Role; 3] = [Role::Admin, Role::Consultant, Role::ProgrammeManager];

fn may_change(viewer: &Viewer) -> bool {
    CHANGERS.contains(&viewer.caller().role)
}

fn changer(viewer: &Viewer) -> Result<Caller, PageError> {
    viewer.require(
        &CHANGERS,
        "Executives read programmes; programme managers and consultants change them.",
    )
}

async fn list_page(
    state: &AppState,
    viewer: &Viewer,
    flash: Flash,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let (programmes, free) = state
        .read(move |conn| {
            let programmes = summaries(conn, &caller)?;
            let free: Vec<Client> = Client::list_visible(conn, &caller)?
                .into_iter()
                .filter(|c| !programmes.iter().any(|p| p.client_id == c.id))
                .collect();
            Ok((programmes, free))
        })
        .await?;
    let mut data = json!({
        "title": "Programmes",
        "programmes": programmes.iter().map(|p| json!({ "id": p.id, "client": p.client, "name": p.name })).collect::<Vec<_>>(),
        "may_change": may_change(viewer),
        "clients": free.iter().map(|c| json!({ "id": c.id, "name": c.name })).collect::<Vec<_>>(),
        "groups": DEFAULT_GROUPS.join("\n"),
    });
    let status = flash.fill(&mut data);
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "programmes", &data))
}

pub async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    list_page(&state, &viewer, query.flash()).await
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
    changer(&viewer)?;
    let fields = form.into_inner();
    viewer.check(field(&fields, "csrf_token"))?;
    let body = crate::web::routes::programmes::NewProgramme {
        client_id: field(&fields, "client_id").parse().unwrap_or(0),
        name: field(&fields, "name").to_owned(),
        business_units: lines(field(&fields, "business_units")),
        customer_groups: Some(lines(field(&fields, "customer_groups"))),
        dimensions: Vec::new(),
    };
    match crate::web::routes::programmes::start_programme(&state, viewer.caller(), body).await {
        Ok(created) => Ok(HttpResponse::SeeOther()
            .insert_header((
                "Location",
                format!("/programmes/{}?done=started", created.id),
            ))
            .finish()),
        Err(e) => list_page(&state, &viewer, Flash::refusal(e)?).await,
    }
}

/// The placements a project can have on this grid, as form options.
fn placements(d: &ProgrammeDetail) -> Vec<Value> {
    let mut options = Vec::new();
    for (u, unit) in d.grid.units.iter().enumerate() {
        options.push(json!({ "value": format!("row:{u}"), "label": format!("Breadth: {unit}, all customer groups") }));
    }
    for (g, group) in d.grid.groups.iter().enumerate() {
        options.push(json!({ "value": format!("column:{g}"), "label": format!("Breadth: {group}, all business units") }));
    }
    for (u, unit) in d.grid.units.iter().enumerate() {
        for (g, group) in d.grid.groups.iter().enumerate() {
            options.push(json!({ "value": format!("cell:{u}:{g}"), "label": format!("Depth: {unit} × {group}") }));
        }
    }
    options
}

/// The placement chosen in the form, by grid positions.
fn placement(d: &ProgrammeDetail, value: &str) -> ApiResult<Placement> {
    let parts: Vec<&str> = value.split(':').collect();
    let index = |i: usize| parts.get(i).and_then(|p| p.parse::<usize>().ok());
    let unit = |i: Option<usize>| i.and_then(|i| d.grid.units.get(i)).cloned();
    let group = |i: Option<usize>| i.and_then(|i| d.grid.groups.get(i)).cloned();
    let chosen = match parts.first().copied() {
        Some("row") => unit(index(1)).map(|unit| Placement::Row { unit }),
        Some("column") => group(index(1)).map(|group| Placement::Column { group }),
        Some("cell") => unit(index(1))
            .zip(group(index(2)))
            .map(|(unit, group)| Placement::Cell { unit, group }),
        _ => None,
    };
    chosen.ok_or_else(|| {
        ApiError::invalid("not_on_grid", "choose where on the grid the project sits")
    })
}

async fn programme_page(
    state: &AppState,
    viewer: &Viewer,
    id: i32,
    flash: Flash,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let programme = match detail(state, caller, id).await {
        Ok(p) => p,
        Err(ApiError::App(crate::app::error::AppError::NotFound(_))) => {
            return Ok(state.pages.error(
                StatusCode::NOT_FOUND,
                "There is no such programme.",
                Some(viewer),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let cache = state.questionnaires.clone();
    let client_id = programme.client_id;
    let areas = state
        .read(move |conn| Ok(client_areas(conn, &cache, &caller, client_id)?))
        .await?;
    let report = programme.report.clone();
    let fragment = web::block(move || crate::render::html::programme_fragment(&report))
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .map_err(|e| PageError::Internal(format!("{e:#}")))?;
    let statuses: Vec<Value> = ProjectStatus::ALL
        .iter()
        .map(|s| json!({ "value": s.as_str(), "label": s.label() }))
        .collect();
    let projects: Vec<Value> = programme
        .report
        .projects
        .iter()
        .map(|p| {
            json!({
                "id": p.id, "name": p.name,
                "statuses": ProjectStatus::ALL.iter().map(|s| json!({ "value": s.as_str(), "label": s.label(), "selected": *s == p.status })).collect::<Vec<_>>(),
                "cost_actual": p.cost_actual, "benefit_actual": p.benefit_actual,
            })
        })
        .collect();
    let mut data = json!({
        "title": format!("{}: {}", programme.report.client, programme.name),
        "id": programme.id, "client": programme.report.client, "name": programme.name,
        "report": fragment,
        "may_change": may_change(viewer),
        "placements": placements(&programme),
        "areas": areas.iter().map(|(id, name)| json!({ "id": id, "name": name })).collect::<Vec<_>>(),
        "statuses": statuses,
        "projects": projects,
        "today": chrono::Utc::now().date_naive().to_string(),
    });
    let status = flash.fill(&mut data);
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

/// A number field of a form: empty is none.
fn amount(fields: &Fields, name: &str) -> ApiResult<Option<f64>> {
    let text = field(fields, name).trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| ApiError::invalid("bad_amount", format!("`{name}` must be a number")))
}

fn date(fields: &Fields, name: &str) -> ApiResult<chrono::NaiveDate> {
    field(fields, name)
        .parse()
        .map_err(|_| ApiError::invalid("bad_date", format!("give the {name} date")))
}

/// The add-project form as a request of the API.
fn project_request(d: &ProgrammeDetail, fields: &Fields) -> ApiResult<ProjectRequest> {
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
        placement: placement(d, field(fields, "placement"))?,
        areas: all("area").collect(),
        inputs: field(fields, "inputs").to_owned(),
        outputs: field(fields, "outputs").to_owned(),
        start: date(fields, "start")?,
        end: date(fields, "end")?,
        status: field(fields, "status")
            .parse()
            .map_err(|e: String| ApiError::invalid("bad_status", e))?,
        cost_planned: amount(fields, "cost_planned")?.unwrap_or(0.0),
        cost_actual: None,
        benefit_planned: amount(fields, "benefit_planned")?.unwrap_or(0.0),
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
    let programme = detail(&state, caller, id).await?;
    let outcome = match project_request(&programme, &fields) {
        Ok(body) => save_project(&state, caller, id, None, body)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => Ok(Confirmation::ProjectAdded.redirect(&format!("/programmes/{id}"))),
        Err(e) => programme_page(&state, &viewer, id, Flash::refusal(e)?).await,
    }
}

/// Records a project's status and actual money, keeping the rest as stored.
pub async fn progress(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(i32, i32)>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let caller = changer(&viewer)?;
    let ((id, project_id), fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let reader = caller;
    let stored = state
        .read(move |conn| {
            programme_or_404(conn, &reader, id)?;
            let found = StoredProject::list(conn, id)?
                .into_iter()
                .find(|p| p.project.id == project_id);
            found.ok_or_else(|| ApiError::not_found("project"))
        })
        .await?;
    let outcome = async {
        let p = stored.project;
        let body = ProjectRequest {
            status: field(&fields, "status")
                .parse()
                .map_err(|e: String| ApiError::invalid("bad_status", e))?,
            cost_actual: amount(&fields, "cost_actual")?,
            benefit_actual: amount(&fields, "benefit_actual")?,
            version: Some(stored.version),
            name: p.name,
            objective: p.objective,
            owner: p.owner,
            placement: p.placement,
            areas: p.areas,
            inputs: p.inputs,
            outputs: p.outputs,
            start: p.start,
            end: p.end,
            cost_planned: p.cost_planned,
            benefit_planned: p.benefit_planned,
            milestones: p.milestones,
            depends_on: p.depends_on,
        };
        save_project(&state, caller, id, Some(project_id), body).await
    }
    .await;
    match outcome {
        Ok(_) => Ok(Confirmation::ProjectUpdated.redirect(&format!("/programmes/{id}"))),
        Err(e) => programme_page(&state, &viewer, id, Flash::refusal(e)?).await,
    }
}
