//! Steady-progress programmes: one per client, a grid of business units ×
//! customer groups, projects placed on it. Consultants, admins and the
//! programme managers attached to the client change them; executives
//! attached to the client read them. A plan that would make a dependency
//! cycle, or start a project before what it depends on ends, is refused
//! naming the projects.

use crate::app::documents::{Asked, Layout};
use crate::app::listing::ListQuery;
use crate::app::programmes::projects::{self, ProjectRequest, SavedProject};
use crate::app::programmes::{
    self, report, NewProgramme, ProgrammeDetail, ProgrammeSummary, ProgrammeUpdate,
};
use crate::report::programme::ProjectView;
use crate::web::call::{Call, JsonAnswer, PageAnswer};
use crate::web::download::{attachment, inline};
use crate::web::problem::{ApiResult, Problem};
use crate::web::report_query::ReportQuery;
use actix_web::{delete, get, patch, post, put, web, HttpResponse};

/// A page of the programmes the caller may see: `q` finds a part of the
/// client's or the programme's name; sorts by `client` or `name`.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(ListQuery),
    responses((status = 200, body = Vec<ProgrammeSummary>, headers(
            ("X-Total-Count" = i64, description = "Items that match, across all pages"),
            ("Link" = String, description = "The first, previous, next and last pages (RFC 8288)"))),
        (status = 401, body = Problem), (status = 422, body = Problem)))]
#[get("/programmes")]
pub async fn list(
    call: Call,
    query: web::Query<ListQuery>,
) -> ApiResult<PageAnswer<ProgrammeSummary>> {
    let query = query.into_inner();
    call.page(move |app, caller| programmes::list(app, caller, &query))
        .await
}

/// Starts a client's programme (one per client).
#[utoipa::path(context_path = "/api/v1", tag = "programmes", request_body = NewProgramme,
    responses((status = 201, body = ProgrammeSummary), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem, description = "No such client"), (status = 409, body = Problem, description = "The client has a programme"),
        (status = 422, body = Problem)))]
#[post("/programmes")]
pub async fn create(call: Call, body: web::Json<NewProgramme>) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    call.created(move |app, caller| programmes::start(app, caller, body))
        .await
}

/// The programme with its report: the grid's progress, projects and their health.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path)),
    responses((status = 200, body = ProgrammeDetail), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}")]
pub async fn get(call: Call, path: web::Path<i32>) -> ApiResult<JsonAnswer<ProgrammeDetail>> {
    call.json(move |app, caller| programmes::detail(app, caller, path.into_inner()))
        .await
}

/// Renames the programme or changes its grid and dimensions. A business unit
/// or customer group that a project is placed on cannot be removed.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path)), request_body = ProgrammeUpdate,
    responses((status = 200, body = ProgrammeSummary), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Stale version"), (status = 422, body = Problem)))]
#[patch("/programmes/{id}")]
pub async fn update(
    call: Call,
    path: web::Path<i32>,
    body: web::Json<ProgrammeUpdate>,
) -> ApiResult<JsonAnswer<ProgrammeSummary>> {
    let (id, body) = (path.into_inner(), body.into_inner());
    call.json(move |app, caller| programmes::update(app, caller, id, body))
        .await
}

/// Adds a project to the programme.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path, minimum = 1)), request_body = ProjectRequest,
    responses((status = 201, body = SavedProject), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "A project of that name exists"),
        (status = 422, body = Problem, description = "Invalid field, not on the grid, or a dependency cycle or date conflict naming the projects")))]
#[post("/programmes/{id}/projects")]
pub async fn add_project(
    call: Call,
    path: web::Path<i32>,
    body: web::Json<ProjectRequest>,
) -> ApiResult<HttpResponse> {
    let (id, body) = (path.into_inner(), body.into_inner());
    call.created(move |app, caller| projects::add(app, caller, id, body))
        .await
}

/// Replaces a project (send its `version`).
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path, minimum = 1), ("project_id" = i32, Path, minimum = 1)), request_body = ProjectRequest,
    responses((status = 200, body = SavedProject), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Stale version or duplicate name"), (status = 422, body = Problem)))]
#[put("/programmes/{id}/projects/{project_id}")]
pub async fn replace_project(
    call: Call,
    path: web::Path<(i32, i32)>,
    body: web::Json<ProjectRequest>,
) -> ApiResult<JsonAnswer<SavedProject>> {
    let ((id, project_id), body) = (path.into_inner(), body.into_inner());
    call.json(move |app, caller| projects::replace(app, caller, id, project_id, body))
        .await
}

/// Removes a project that no other project depends on.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path), ("project_id" = i32, Path)),
    responses((status = 204, description = "Removed"), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem, description = "Other projects depend on it")))]
#[delete("/programmes/{id}/projects/{project_id}")]
pub async fn remove_project(call: Call, path: web::Path<(i32, i32)>) -> ApiResult<HttpResponse> {
    let (id, project_id) = path.into_inner();
    call.no_content(move |app, caller| projects::remove(app, caller, id, project_id))
        .await
}

/// The programme report as a PDF: coverage map, timeline, trends, benefits, alerts, projects.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path), ReportQuery),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}/report.pdf")]
pub async fn report_pdf(
    call: Call,
    path: web::Path<i32>,
    query: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    let layout = Layout::Pdf(query.paper());
    report_in(call, path.into_inner(), layout, query.asked()).await
}

/// The report of programme `id` in `layout`: a PDF or a page opens in the
/// browser, a Word document is saved.
async fn report_in(call: Call, id: i32, layout: Layout, asked: Asked) -> ApiResult<HttpResponse> {
    let rendered = call
        .run(move |app, caller| report::document(app, caller, id, layout, asked))
        .await?;
    Ok(match layout {
        Layout::Docx => attachment(rendered.document),
        Layout::Pdf(_) | Layout::Html => inline(rendered.document),
    })
}

/// The programme report as an HTML page with the same charts.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path), ReportQuery),
    responses((status = 200, content_type = "text/html", body = String), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}/report.html")]
pub async fn report_html(
    call: Call,
    path: web::Path<i32>,
    query: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    report_in(call, path.into_inner(), Layout::Html, query.asked()).await
}

/// The programme report as a Word document.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path), ReportQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = String), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/programmes/{id}/report.docx")]
pub async fn report_docx(
    call: Call,
    path: web::Path<i32>,
    query: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    report_in(call, path.into_inner(), Layout::Docx, query.asked()).await
}

/// A page of a programme's projects with their health: `q` finds a part of
/// a name or owner; sorts by `name`, `owner`, `start`, `end` or `status`.
#[utoipa::path(context_path = "/api/v1", tag = "programmes", params(("id" = i32, Path, minimum = 1), ListQuery),
    responses((status = 200, body = Vec<ProjectView>, headers(
            ("X-Total-Count" = i64, description = "Projects that match, across all pages"),
            ("Link" = String, description = "The first, previous, next and last pages (RFC 8288)"))),
        (status = 401, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/programmes/{id}/projects")]
pub async fn list_projects(
    call: Call,
    path: web::Path<i32>,
    query: web::Query<ListQuery>,
) -> ApiResult<PageAnswer<ProjectView>> {
    let (id, query) = (path.into_inner(), query.into_inner());
    call.page(move |app, caller| projects::list(app, caller, id, &query))
        .await
}
