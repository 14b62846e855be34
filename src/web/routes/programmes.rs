//! Steady-progress programmes: one per client, a grid of business units ×
//! customer groups, projects placed on it. Consultants, admins and the
//! programme managers attached to the client change them; executives
//! attached to the client read them. A plan that would make a dependency
//! cycle, or start a project before what it depends on ends, is refused
//! naming the projects.

use crate::app::input::{optional, required, LONG_TEXT, SHORT_TEXT};
use crate::app::programme::{self, client_areas};
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::Client;
use crate::db::programmes::{Dimension, Programme, ProgrammeFields, StoredProject};
use crate::db::AnyConnection;
use crate::domain::programme::{check_plans, Grid, Placement, Plan, ProjectStatus, DEFAULT_GROUPS};
use crate::domain::role::{Caller, Role};
use crate::report::programme::{MilestoneInput, ProgrammeReport, ProjectInput};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::{Auth, AuthShim};
use crate::web::state::AppState;
use actix_web::{delete, get, patch, post, put, web, HttpResponse};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// Most business units, customer groups, dimensions, values, projects or milestones in one list.
const MAX_ITEMS: usize = 100;

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DimensionInput {
    /// E.g. geography, function, communications channel, distribution channel,
    /// relationship stage, enabler.
    pub kind: String,
    pub values: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewProgramme {
    pub client_id: i32,
    pub name: String,
    /// Business units or products: the rows of the grid.
    pub business_units: Vec<String>,
    /// The columns; by default current high value, future high value, other customers.
    pub customer_groups: Option<Vec<String>>,
    #[serde(default)]
    pub dimensions: Vec<DimensionInput>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeUpdate {
    /// The version you read; a stale one gets 409.
    pub version: i32,
    pub name: Option<String>,
    pub business_units: Option<Vec<String>>,
    pub customer_groups: Option<Vec<String>>,
    pub dimensions: Option<Vec<DimensionInput>>,
}

/// A project as sent: every field, for a new project and for a replacement.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectRequest {
    pub name: String,
    pub objective: String,
    pub owner: String,
    /// A row (`{"kind": "row", "unit": …}`) or a column (`{"kind": "column", "group": …}`)
    /// makes a breadth project; a cell (`{"kind": "cell", "unit": …, "group": …}`) a depth project.
    pub placement: Placement,
    /// Area ids of the model the project targets, e.g. `CMA`, `PO`.
    pub areas: Vec<String>,
    #[serde(default)]
    pub inputs: String,
    #[serde(default)]
    pub outputs: String,
    pub start: chrono::NaiveDate,
    pub end: chrono::NaiveDate,
    pub status: ProjectStatus,
    pub cost_planned: f64,
    pub cost_actual: Option<f64>,
    pub benefit_planned: f64,
    pub benefit_actual: Option<f64>,
    #[serde(default)]
    pub milestones: Vec<MilestoneInput>,
    /// Ids of projects of the same programme that must end before this one starts.
    #[serde(default)]
    pub depends_on: Vec<i32>,
    /// For a replacement: the version you read; a stale one gets 409.
    pub version: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeSummary {
    pub id: i32,
    pub client_id: i32,
    pub client: String,
    pub name: String,
    pub version: i32,
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeDetail {
    pub id: i32,
    pub client_id: i32,
    pub name: String,
    pub version: i32,
    pub grid: Grid,
    pub dimensions: Vec<DimensionInput>,
    /// Each project's version, by project id, for replacements.
    #[schema(value_type = BTreeMap<String, i32>)]
    pub project_versions: BTreeMap<i32, i32>,
    /// The grid's progress, the projects with their health, trends, money and alerts.
    pub report: ProgrammeReport,
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The programme if the caller may see it, else 404.
pub fn programme_or_404(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i32,
) -> ApiResult<Programme> {
    Programme::find_visible(conn, caller, id)?.ok_or_else(|| ApiError::not_found("programme"))
}

/// Executives read programmes; the others (attached programme managers included) change them.
fn may_change(auth: &Auth, action: &str) -> ApiResult<Caller> {
    auth.require(
        &[Role::Admin, Role::Consultant, Role::ProgrammeManager],
        action,
    )
}

fn names(field: &str, values: &[String]) -> ApiResult<Vec<String>> {
    if values.len() > MAX_ITEMS {
        return Err(ApiError::invalid(
            "too_many_items",
            format!(
                "`{field}` has {} entries; the limit is {MAX_ITEMS}",
                values.len()
            ),
        ));
    }
    values
        .iter()
        .map(|v| Ok(required(field, v, SHORT_TEXT)?))
        .collect()
}

fn grid(units: &[String], groups: &[String]) -> ApiResult<Grid> {
    let grid = Grid {
        units: names("business_units", units)?,
        groups: names("customer_groups", groups)?,
    };
    grid.check().map_err(|e| ApiError::invalid("bad_grid", e))?;
    Ok(grid)
}

fn dimensions(input: &[DimensionInput]) -> ApiResult<Vec<Dimension>> {
    if input.len() > MAX_ITEMS {
        return Err(ApiError::invalid(
            "too_many_items",
            format!("at most {MAX_ITEMS} dimensions"),
        ));
    }
    input
        .iter()
        .map(|d| {
            Ok((
                required("dimensions.kind", &d.kind, SHORT_TEXT)?,
                names("dimensions.values", &d.values)?,
            ))
        })
        .collect()
}

fn dimension_views(dimensions: Vec<Dimension>) -> Vec<DimensionInput> {
    dimensions
        .into_iter()
        .map(|(kind, values)| DimensionInput { kind, values })
        .collect()
}

fn audit(
    conn: &mut AnyConnection,
    caller: &Caller,
    entity: &str,
    id: i32,
    action: &str,
    after: Option<String>,
) -> ApiResult<()> {
    AuditEvent::record(
        conn,
        Change {
            after,
            ..Change::by(caller, entity, id, action)
        },
    )?;
    Ok(())
}

/// The programmes the caller may see.
#[utoipa::path(context_path = "/api/v1", tag = "programmes",
    responses((status = 200, body = Vec<ProgrammeSummary>), (status = 401, body = Problem)))]
#[get("/programmes")]
pub async fn list(
    state: web::Data<AppState>,
    auth: Auth,
) -> ApiResult<web::Json<Vec<ProgrammeSummary>>> {
    let caller = auth.caller();
    Ok(web::Json(
        state.read(move |conn| summaries(conn, &caller)).await?,
    ))
}

/// The caller's programmes with their clients' names; the list page shares it.
pub fn summaries(conn: &mut AnyConnection, caller: &Caller) -> ApiResult<Vec<ProgrammeSummary>> {
    let clients: BTreeMap<i32, String> = Client::list_visible(conn, caller)?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    Ok(Programme::list_visible(conn, caller)?
        .into_iter()
        .map(|p| ProgrammeSummary {
            id: p.id,
            client_id: p.client_id,
            client: clients.get(&p.client_id).cloned().unwrap_or_default(),
            name: p.name,
            version: p.version,
        })
        .collect())
}

/// Starts a client's programme (one per client).
#[utoipa::path(context_path = "/api/v1", tag = "programmes", request_body = NewProgramme,
    responses((status = 201, body = ProgrammeSummary), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem, description = "No such client"), (status = 409, body = Problem, description = "The client has a programme"),
        (status = 422, body = Problem)))]
#[post("/programmes")]
pub async fn create(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<NewProgramme>,
) -> ApiResult<HttpResponse> {
    let caller = may_change(&auth, "start programmes")?;
    let created = start_programme(&state, caller, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Starts a client's programme; the API and the programmes page share it.
pub async fn start_programme(
    state: &AppState,
    caller: Caller,
    body: NewProgramme,
) -> ApiResult<ProgrammeSummary> {
    let name = required("name", &body.name, SHORT_TEXT)?;
    let groups = body
        .customer_groups
        .filter(|g| !g.is_empty())
        .unwrap_or_else(|| DEFAULT_GROUPS.map(String::from).to_vec());
    let grid = grid(&body.business_units, &groups)?;
    let dimensions = dimensions(&body.dimensions)?;
    let client_id = body.client_id;
    state
        .write(move |conn| {
            let client = Client::find_visible(conn, &caller, client_id)?
                .ok_or_else(|| ApiError::not_found("client"))?;
            if Programme::find_for_client(conn, client_id)?.is_some() {
                return Err(ApiError::conflict(
                    "programme_exists",
                    format!("{} has a programme already", client.name),
                ));
            }
            let fields = ProgrammeFields {
                name: &name,
                grid: &grid,
                dimensions: &dimensions,
            };
            let programme = Programme::create(conn, caller.organisation_id, client_id, &fields)?;
            audit(
                conn,
                &caller,
                "programme",
                programme.id,
                "programme.create",
                Some(name.clone()),
            )?;
            Ok(ProgrammeSummary {
                id: programme.id,
                client_id,
                client: client.name,
                name: programme.name,
                version: programme.version,
            })
        })
        .await
}

/// The programme with its report: the grid's progress, projects and their health.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path)),
    responses((status = 200, body = ProgrammeDetail), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<web::Json<ProgrammeDetail>> {
    let (caller, id) = (auth.caller(), path.into_inner());
    Ok(web::Json(detail(&state, caller, id).await?))
}

/// A programme and its report, as the caller may see it; the pages share it.
pub async fn detail(state: &AppState, caller: Caller, id: i32) -> ApiResult<ProgrammeDetail> {
    let cache = state.questionnaires.clone();
    state
        .read(move |conn| {
            let programme = programme_or_404(conn, &caller, id)?;
            let report = programme::report(conn, &cache, &caller, &programme, today())?;
            let project_versions = StoredProject::list(conn, programme.id)?
                .into_iter()
                .map(|p| (p.project.id, p.version))
                .collect();
            Ok(ProgrammeDetail {
                id: programme.id,
                client_id: programme.client_id,
                name: programme.name.clone(),
                version: programme.version,
                grid: programme.grid(),
                dimensions: dimension_views(programme.dimensions()),
                project_versions,
                report,
            })
        })
        .await
}

/// Renames the programme or changes its grid and dimensions. A business unit
/// or customer group that a project is placed on cannot be removed.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path)), request_body = ProgrammeUpdate,
    responses((status = 200, body = ProgrammeSummary), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Stale version"), (status = 422, body = Problem)))]
#[patch("/programmes/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    body: web::Json<ProgrammeUpdate>,
) -> ApiResult<web::Json<ProgrammeSummary>> {
    let caller = may_change(&auth, "change programmes")?;
    let (id, body) = (path.into_inner(), body.into_inner());
    let updated = state
        .write(move |conn| {
            let programme = programme_or_404(conn, &caller, id)?;
            let old = programme.grid();
            let name = match &body.name {
                Some(n) => required("name", n, SHORT_TEXT)?,
                None => programme.name.clone(),
            };
            let grid = grid(body.business_units.as_ref().unwrap_or(&old.units), body.customer_groups.as_ref().unwrap_or(&old.groups))?;
            let dimensions = match &body.dimensions {
                Some(d) => dimensions(d)?,
                None => programme.dimensions(),
            };
            for stored in StoredProject::list(conn, id)? {
                if let Err(e) = stored.project.placement.check(&grid) {
                    return Err(ApiError::invalid("placement_in_use", format!("{e}: {} is placed on it", stored.project.name)));
                }
            }
            let fields = ProgrammeFields { name: &name, grid: &grid, dimensions: &dimensions };
            let changed = Programme::update(conn, id, body.version, &fields)?
                .ok_or_else(|| ApiError::conflict("stale_version", format!("the programme changed since you read it (now version {}); reload and try again", programme.version)))?;
            audit(conn, &caller, "programme", id, "programme.update", Some(name))?;
            let client = Client::find_visible(conn, &caller, changed.client_id)?.map_or_else(String::new, |c| c.name);
            Ok(ProgrammeSummary { id, client_id: changed.client_id, client, name: changed.name, version: changed.version })
        })
        .await?;
    Ok(web::Json(updated))
}

/// Checks a project's fields against the programme's grid and the model's areas.
fn checked(
    conn: &mut AnyConnection,
    state_cache: &crate::db::questionnaires::QuestionnaireCache,
    caller: &Caller,
    programme: &Programme,
    body: &ProjectRequest,
) -> ApiResult<ProjectInput> {
    let text = |field: &str, value: &str| {
        optional(field, Some(value), LONG_TEXT).map(Option::unwrap_or_default)
    };
    body.placement
        .check(&programme.grid())
        .map_err(|e| ApiError::invalid("not_on_grid", e))?;
    let known = client_areas(conn, state_cache, caller, programme.client_id)?;
    if body.areas.len() > MAX_ITEMS
        || body.milestones.len() > MAX_ITEMS
        || body.depends_on.len() > MAX_ITEMS
    {
        return Err(ApiError::invalid(
            "too_many_items",
            format!("at most {MAX_ITEMS} areas, milestones or dependencies"),
        ));
    }
    for area in &body.areas {
        if !known.iter().any(|(id, _)| id == area) {
            let ids: Vec<&str> = known.iter().map(|(id, _)| id.as_str()).collect();
            return Err(ApiError::invalid(
                "unknown_area",
                format!(
                    "`{area}` is not an area of the model (areas: {})",
                    ids.join(", ")
                ),
            ));
        }
    }
    for (field, value) in [
        ("cost_planned", Some(body.cost_planned)),
        ("cost_actual", body.cost_actual),
        ("benefit_planned", Some(body.benefit_planned)),
        ("benefit_actual", body.benefit_actual),
    ] {
        if value.is_some_and(|v| !v.is_finite() || v < 0.0) {
            return Err(ApiError::invalid(
                "bad_amount",
                format!("`{field}` must be a number of at least 0"),
            ));
        }
    }
    let milestones = body
        .milestones
        .iter()
        .map(|m| {
            Ok(MilestoneInput {
                name: required("milestones.name", &m.name, SHORT_TEXT)?,
                due: m.due,
                done: m.done,
            })
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(ProjectInput {
        id: 0,
        name: required("name", &body.name, SHORT_TEXT)?,
        objective: required("objective", &body.objective, LONG_TEXT)?,
        owner: required("owner", &body.owner, SHORT_TEXT)?,
        placement: body.placement.clone(),
        areas: body.areas.clone(),
        inputs: text("inputs", &body.inputs)?,
        outputs: text("outputs", &body.outputs)?,
        start: body.start,
        end: body.end,
        status: body.status,
        cost_planned: body.cost_planned,
        cost_actual: body.cost_actual,
        benefit_planned: body.benefit_planned,
        benefit_actual: body.benefit_actual,
        milestones,
        depends_on: body.depends_on.clone(),
    })
}

/// Refuses a set of projects whose plan is not sound, naming the projects.
fn sound(projects: &[ProjectInput]) -> ApiResult<()> {
    let plans: Vec<Plan> = projects
        .iter()
        .map(|p| Plan {
            id: p.id,
            name: p.name.clone(),
            start: p.start,
            end: p.end,
            depends_on: p.depends_on.clone(),
        })
        .collect();
    check_plans(&plans).map_err(|e| ApiError::invalid("plan_conflict", e.to_string()))
}

/// Adds a project, or replaces one (`existing`), after checking the whole plan.
pub async fn save_project(
    state: &AppState,
    caller: Caller,
    programme_id: i32,
    existing: Option<i32>,
    body: ProjectRequest,
) -> ApiResult<i32> {
    let cache = state.questionnaires.clone();
    state
        .write(move |conn| {
            let programme = programme_or_404(conn, &caller, programme_id)?;
            let mut project = checked(conn, &cache, &caller, &programme, &body)?;
            let mut all: Vec<ProjectInput> = StoredProject::list(conn, programme_id)?
                .into_iter()
                .map(|p| p.project)
                .collect();
            if all
                .iter()
                .any(|p| p.name == project.name && Some(p.id) != existing)
            {
                return Err(ApiError::conflict(
                    "project_exists",
                    format!("the programme has a project named {} already", project.name),
                ));
            }
            let id = match existing {
                Some(id) => {
                    let slot = all
                        .iter_mut()
                        .find(|p| p.id == id)
                        .ok_or_else(|| ApiError::not_found("project"))?;
                    project.id = id;
                    *slot = project.clone();
                    sound(&all)?;
                    let version = body.version.ok_or_else(|| {
                        ApiError::invalid(
                            "missing_version",
                            "send the `version` of the project you read",
                        )
                    })?;
                    if !StoredProject::update(conn, programme_id, &project, version)? {
                        return Err(ApiError::conflict(
                            "stale_version",
                            "the project changed since you read it; reload and try again",
                        ));
                    }
                    audit(
                        conn,
                        &caller,
                        "project",
                        id,
                        "project.update",
                        Some(project.name.clone()),
                    )?;
                    id
                }
                None => {
                    // A new project has no id yet; none can depend on it, so -1 stands in.
                    project.id = -1;
                    all.push(project.clone());
                    sound(&all)?;
                    let id = StoredProject::create(conn, programme_id, &project)?;
                    audit(
                        conn,
                        &caller,
                        "project",
                        id,
                        "project.create",
                        Some(project.name.clone()),
                    )?;
                    id
                }
            };
            Programme::touch(conn, programme_id)?;
            Ok(id)
        })
        .await
}

#[derive(Serialize, ToSchema)]
pub struct SavedProject {
    pub id: i32,
}

/// Adds a project to the programme.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path)), request_body = ProjectRequest,
    responses((status = 201, body = SavedProject), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "A project of that name exists"),
        (status = 422, body = Problem, description = "Invalid field, not on the grid, or a dependency cycle or date conflict naming the projects")))]
#[post("/programmes/{id}/projects")]
pub async fn add_project(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    body: web::Json<ProjectRequest>,
) -> ApiResult<HttpResponse> {
    let caller = may_change(&auth, "plan projects")?;
    let id = save_project(&state, caller, path.into_inner(), None, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(SavedProject { id }))
}

/// Replaces a project (send its `version`).
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path), ("project_id" = i32, Path)), request_body = ProjectRequest,
    responses((status = 200, body = SavedProject), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Stale version or duplicate name"), (status = 422, body = Problem)))]
#[put("/programmes/{id}/projects/{project_id}")]
pub async fn replace_project(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, i32)>,
    body: web::Json<ProjectRequest>,
) -> ApiResult<web::Json<SavedProject>> {
    let caller = may_change(&auth, "plan projects")?;
    let (programme_id, project_id) = path.into_inner();
    let id = save_project(
        &state,
        caller,
        programme_id,
        Some(project_id),
        body.into_inner(),
    )
    .await?;
    Ok(web::Json(SavedProject { id }))
}

/// Removes a project that no other project depends on.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path), ("project_id" = i32, Path)),
    responses((status = 204, description = "Removed"), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem, description = "Other projects depend on it")))]
#[delete("/programmes/{id}/projects/{project_id}")]
pub async fn remove_project(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, i32)>,
) -> ApiResult<HttpResponse> {
    let caller = may_change(&auth, "plan projects")?;
    let (programme_id, project_id) = path.into_inner();
    state
        .write(move |conn| {
            programme_or_404(conn, &caller, programme_id)?;
            let all = StoredProject::list(conn, programme_id)?;
            let name = all
                .iter()
                .find(|p| p.project.id == project_id)
                .map(|p| p.project.name.clone())
                .ok_or_else(|| ApiError::not_found("project"))?;
            let dependants: Vec<&str> = all
                .iter()
                .filter(|p| p.project.depends_on.contains(&project_id))
                .map(|p| p.project.name.as_str())
                .collect();
            if !dependants.is_empty() {
                return Err(ApiError::invalid(
                    "has_dependants",
                    format!(
                        "{name} cannot be removed while other projects depend on it: {}",
                        dependants.join(", ")
                    ),
                ));
            }
            StoredProject::delete(conn, programme_id, project_id)?;
            Programme::touch(conn, programme_id)?;
            audit(
                conn,
                &caller,
                "project",
                project_id,
                "project.delete",
                Some(name),
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The programme report for the board, as PDF or as a standalone page.
async fn report_document(
    state: &AppState,
    auth: &Auth,
    id: i32,
    pdf: bool,
) -> ApiResult<HttpResponse> {
    let report = detail(state, auth.caller(), id).await?.report;
    let renders = state.app.renders.clone();
    let (bytes, content_type) = web::block(move || -> ApiResult<(Vec<u8>, &'static str)> {
        Ok(if pdf {
            (
                renders
                    .run("programme_pdf", || {
                        crate::render::pdf::programme(
                            &report,
                            crate::render::pdf::Paper::A4,
                            chrono::Utc::now(),
                        )
                    })
                    .map_err(|e| ApiError::internal(e.to_string()))?,
                "application/pdf",
            )
        } else {
            (
                renders
                    .run("programme_html", || crate::render::html::programme(&report))?
                    .into_bytes(),
                "text/html; charset=utf-8",
            )
        })
    })
    .await??;
    Ok(crate::web::download::inline(
        crate::app::documents::Document {
            bytes,
            content_type,
            filename: String::new(),
        },
    ))
}

/// The programme report as a PDF: coverage map, timeline, trends, benefits, alerts, projects.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}/report.pdf")]
pub async fn report_pdf(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    report_document(&state, &auth, path.into_inner(), true).await
}

/// The programme report as an HTML page with the same charts.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path)),
    responses((status = 200, content_type = "text/html", body = String), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}/report.html")]
pub async fn report_html(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    report_document(&state, &auth, path.into_inner(), false).await
}
