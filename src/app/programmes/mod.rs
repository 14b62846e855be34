//! Steady-progress programmes: one per client, a grid of business units ×
//! customer groups, projects placed on it (`projects`), and the programme's
//! report (`report`) and tables (`tables`). Consultants, admins and the
//! programme managers attached to the client change them; executives
//! attached to the client read them.

pub mod projects;
pub mod report;
pub mod rows;
pub mod tables;

use super::clients::ClientView;
use super::error::{AppError, AppResult};
use super::input::{required, SHORT_TEXT};
use super::listing::{ListQuery, Paged};
use super::permissions::require;
use super::settings::{self, Settings};
use super::App;
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::Client;
use crate::db::programmes::{Dimension, Programme, ProgrammeFields, StoredProject};
use crate::db::AnyConnection;
use crate::domain::numbers::NumberFormat;
use crate::domain::programme::{Grid, DEFAULT_GROUPS};
use crate::domain::role::{Caller, Role};
use crate::report::programme::ProgrammeReport;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// Who changes programmes; executives only read them.
pub const CHANGERS: &[Role] = &[Role::Admin, Role::Consultant, Role::ProgrammeManager];

/// Most business units, customer groups, dimensions, values, projects or milestones in one list.
const MAX_ITEMS: usize = 100;

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct DimensionInput {
    // Patterns are named; web::openapi::patterns says what each one takes.
    /// E.g. geography, function, communications channel, distribution channel,
    /// relationship stage, enabler.
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub kind: String,
    #[schema(
        max_items = 100,
        min_length = 1,
        max_length = 200,
        pattern = "one-line"
    )]
    pub values: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct NewProgramme {
    #[schema(minimum = 1)]
    pub client_id: i32,
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
    /// Business units or products: the rows of the grid.
    #[schema(
        min_items = 1,
        max_items = 100,
        min_length = 1,
        max_length = 200,
        pattern = "one-line"
    )]
    pub business_units: Vec<String>,
    /// The columns; by default current high value, future high value, other customers.
    #[schema(
        max_items = 100,
        min_length = 1,
        max_length = 200,
        pattern = "one-line"
    )]
    pub customer_groups: Option<Vec<String>>,
    #[serde(default)]
    #[schema(max_items = 100)]
    pub dimensions: Vec<DimensionInput>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct ProgrammeUpdate {
    /// The version you read; a stale one gets 409.
    #[schema(minimum = 1)]
    pub version: i32,
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: Option<String>,
    #[schema(
        min_items = 1,
        max_items = 100,
        min_length = 1,
        max_length = 200,
        pattern = "one-line"
    )]
    pub business_units: Option<Vec<String>>,
    #[schema(
        min_items = 1,
        max_items = 100,
        min_length = 1,
        max_length = 200,
        pattern = "one-line"
    )]
    pub customer_groups: Option<Vec<String>>,
    #[schema(max_items = 100)]
    pub dimensions: Option<Vec<DimensionInput>>,
}

#[derive(Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct ProgrammeSummary {
    pub id: i32,
    pub client_id: i32,
    pub client: String,
    pub name: String,
    pub version: i32,
}

#[derive(Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
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

/// The caller's programmes, and the clients that could start one.
pub struct Overview {
    /// The programmes of the clients the caller sees.
    pub programmes: Vec<ProgrammeSummary>,
    /// The clients the caller sees that have no programme yet.
    pub clients_without_one: Vec<ClientView>,
}

/// A programme as its page shows it: the programme with its report, the
/// report as an HTML fragment with its charts, and the areas of the model
/// (id and name) its projects can target.
pub struct Planning {
    /// The programme, its projects and its report as data.
    pub programme: ProgrammeDetail,
    /// The report as an HTML fragment, its charts inline.
    pub report_html: String,
    /// The model's areas as (id, name), for a project's targets.
    pub areas: Vec<(String, String)>,
    /// How the organisation writes numbers and money.
    pub settings: Settings,
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The programme if the caller may see it.
fn visible(conn: &mut AnyConnection, caller: &Caller, id: i32) -> AppResult<Programme> {
    Programme::find_visible(conn, caller, id)?.ok_or_else(|| AppError::not_found("programme"))
}

/// Records a change of a programme or a project in the audit trail: its
/// name before and after, as JSON (none before a creation, none after a
/// removal).
fn audit(
    conn: &mut AnyConnection,
    caller: &Caller,
    (entity, id): (&str, i32),
    action: &str,
    (before, after): (Option<&str>, Option<&str>),
) -> AppResult<()> {
    let state =
        |name: Option<&str>| name.map(|name| serde_json::json!({ "name": name }).to_string());
    AuditEvent::record(
        conn,
        Change {
            before: state(before),
            after: state(after),
            ..Change::by(caller, entity, id, action)
        },
    )?;
    Ok(())
}

fn names(field: &str, values: &[String]) -> AppResult<Vec<String>> {
    if values.len() > MAX_ITEMS {
        return Err(AppError::invalid(
            "too_many_items",
            format!(
                "`{field}` has {} entries; the limit is {MAX_ITEMS}",
                values.len()
            ),
        ));
    }
    values
        .iter()
        .map(|v| required(field, v, SHORT_TEXT))
        .collect()
}

fn grid(units: &[String], groups: &[String]) -> AppResult<Grid> {
    let grid = Grid {
        units: names("business_units", units)?,
        groups: names("customer_groups", groups)?,
    };
    // An empty axis is its field's problem; a name twice, the grid's.
    grid.check()
        .map_err(|e| match (grid.units.is_empty(), grid.groups.is_empty()) {
            (true, _) => AppError::invalid_field("bad_grid", "business_units", e),
            (false, true) => AppError::invalid_field("bad_grid", "customer_groups", e),
            (false, false) => AppError::invalid("bad_grid", e),
        })?;
    Ok(grid)
}

fn dimensions(input: &[DimensionInput]) -> AppResult<Vec<Dimension>> {
    if input.len() > MAX_ITEMS {
        return Err(AppError::invalid(
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

/// The caller's programmes with their clients' names.
pub(super) fn summaries(
    conn: &mut AnyConnection,
    caller: &Caller,
) -> AppResult<Vec<ProgrammeSummary>> {
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

/// The programmes the caller may see.
pub fn list(app: &App, caller: &Caller, query: &ListQuery) -> AppResult<Paged<ProgrammeSummary>> {
    let cut = query.cut(&[("client", 0), ("name", 1)])?;
    let programmes = app.read(|conn| summaries(conn, caller))?;
    Ok(cut.apply(
        programmes,
        |p| format!("{} {}", p.client, p.name),
        |key, a, b| {
            match key {
                0 => a.client.cmp(&b.client),
                _ => a.name.cmp(&b.name),
            }
            .then(a.id.cmp(&b.id))
        },
    ))
}

/// The caller's programmes, and the clients they see that have none yet.
pub fn overview(app: &App, caller: &Caller) -> AppResult<Overview> {
    app.read(|conn| {
        let programmes = summaries(conn, caller)?;
        let clients_without_one = Client::list_visible(conn, caller)?
            .into_iter()
            .filter(|c| !programmes.iter().any(|p| p.client_id == c.id))
            .map(ClientView::from)
            .collect();
        Ok(Overview {
            programmes,
            clients_without_one,
        })
    })
}

/// Starts a client's programme (one per client).
pub fn start(app: &App, caller: &Caller, body: NewProgramme) -> AppResult<ProgrammeSummary> {
    require(caller, CHANGERS, "start programmes")?;
    let name = required("name", &body.name, SHORT_TEXT)?;
    let groups = body
        .customer_groups
        .filter(|g| !g.is_empty())
        .unwrap_or_else(|| DEFAULT_GROUPS.map(String::from).to_vec());
    let grid = grid(&body.business_units, &groups)?;
    let dimensions = dimensions(&body.dimensions)?;
    let client_id = body.client_id;
    app.write(|conn| {
        let client = Client::find_visible(conn, caller, client_id)?
            .ok_or_else(|| AppError::not_found("client"))?;
        if Programme::find_for_client(conn, client_id)?.is_some() {
            return Err(AppError::conflict(
                "programme_exists",
                format!("{} has a programme already", client.name),
            ));
        }
        let fields = ProgrammeFields {
            name: &name,
            grid: &grid,
            dimensions: &dimensions,
        };
        let programme = Programme::create(conn, caller.organisation_id.get(), client_id, &fields)?;
        audit(
            conn,
            caller,
            ("programme", programme.id),
            "programme.create",
            (None, Some(&name)),
        )?;
        Ok(ProgrammeSummary {
            id: programme.id,
            client_id,
            client: client.name,
            name: programme.name,
            version: programme.version,
        })
    })
}

/// The programme with its report as of today, as the caller may see it.
fn load_detail(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    programme: &Programme,
) -> AppResult<ProgrammeDetail> {
    let report = report::load(app, conn, caller, programme, today())?;
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
        dimensions: programme
            .dimensions()
            .into_iter()
            .map(|(kind, values)| DimensionInput { kind, values })
            .collect(),
        project_versions,
        report,
    })
}

/// The programme with its report: the grid's progress, projects and their health.
pub fn detail(app: &App, caller: &Caller, id: i32) -> AppResult<ProgrammeDetail> {
    app.read(|conn| {
        let programme = visible(conn, caller, id)?;
        load_detail(app, conn, caller, &programme)
    })
}

/// The programme, its report drawn as HTML and the areas its projects can target.
pub fn planning(app: &App, caller: &Caller, id: i32) -> AppResult<Planning> {
    let (programme, areas, settings) = app.read(|conn| {
        let programme = visible(conn, caller, id)?;
        let detail = load_detail(app, conn, caller, &programme)?;
        let areas = report::client_areas(app, conn, caller, programme.client_id)?;
        Ok((
            detail,
            areas,
            settings::load(conn, caller.organisation_id.get())?,
        ))
    })?;
    let report_html = report::fragment(&programme.report)?;
    Ok(Planning {
        programme,
        report_html,
        areas,
        settings,
    })
}

/// What a project form needs to read what was typed: the programme's grid
/// (as the caller may see it) and how the organisation writes numbers.
pub fn form_context(app: &App, caller: &Caller, id: i32) -> AppResult<(Grid, NumberFormat)> {
    app.read(|conn| {
        let grid = visible(conn, caller, id)?.grid();
        Ok((
            grid,
            settings::load(conn, caller.organisation_id.get())?.number_format,
        ))
    })
}

/// Renames the programme or changes its grid and dimensions. A business unit
/// or customer group that a project is placed on cannot be removed.
pub fn update(
    app: &App,
    caller: &Caller,
    id: i32,
    body: ProgrammeUpdate,
) -> AppResult<ProgrammeSummary> {
    require(caller, CHANGERS, "change programmes")?;
    app.write(|conn| {
        let programme = visible(conn, caller, id)?;
        let old = programme.grid();
        let name = match &body.name {
            Some(n) => required("name", n, SHORT_TEXT)?,
            None => programme.name.clone(),
        };
        let grid = grid(
            body.business_units.as_ref().unwrap_or(&old.units),
            body.customer_groups.as_ref().unwrap_or(&old.groups),
        )?;
        let dimensions = match &body.dimensions {
            Some(d) => dimensions(d)?,
            None => programme.dimensions(),
        };
        for stored in StoredProject::list(conn, id)? {
            if let Err(e) = stored.project.placement.check(&grid) {
                return Err(AppError::invalid(
                    "placement_in_use",
                    format!("{e}: {} is placed on it", stored.project.name),
                ));
            }
        }
        let fields = ProgrammeFields {
            name: &name,
            grid: &grid,
            dimensions: &dimensions,
        };
        let changed = Programme::update(conn, id, body.version, &fields)?.ok_or_else(|| {
            AppError::conflict(
                "stale_version",
                format!(
                    "the programme changed since you read it (now version {}); reload and try again",
                    programme.version
                ),
            )
        })?;
        audit(
            conn,
            caller,
            ("programme", id),
            "programme.update",
            (Some(&programme.name), Some(&name)),
        )?;
        let client = Client::find_visible(conn, caller, changed.client_id)?
            .map_or_else(String::new, |c| c.name);
        Ok(ProgrammeSummary {
            id,
            client_id: changed.client_id,
            client,
            name: changed.name,
            version: changed.version,
        })
    })
}
