//! A programme's projects. A plan that would make a dependency cycle, or
//! start a project before what it depends on ends, is refused naming the
//! projects.

use super::report::client_areas;
use super::{audit, visible, CHANGERS, MAX_ITEMS};
use crate::app::error::{AppError, AppResult};
use crate::app::input::{optional, required, LONG_TEXT, SHORT_TEXT};
use crate::app::listing::{ListQuery, Paged};
use crate::app::permissions::require;
use crate::app::App;
use crate::db::programmes::{Programme, StoredProject};
use crate::db::AnyConnection;
use crate::domain::dates::{self, plan_window};
use crate::domain::programme::{
    check_plans, MilestoneInput, Placement, ProjectInput, ProjectStatus,
};
use crate::domain::role::Caller;
use crate::report::programme::ProjectView;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The largest cost or benefit a project may state: a thousand million
/// million in any currency, past every real programme, and far enough from
/// the floating-point limits that sums and chart scales stay finite.
pub const MAX_AMOUNT: f64 = 1e15;

/// A project as sent: every field, for a new project and for a replacement.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct ProjectRequest {
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
    #[schema(min_length = 1, max_length = 10000, pattern = "text-not-blank")]
    pub objective: String,
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub owner: String,
    /// A row (`{"kind": "row", "unit": …}`) or a column (`{"kind": "column", "group": …}`)
    /// makes a breadth project; a cell (`{"kind": "cell", "unit": …, "group": …}`) a depth project.
    pub placement: Placement,
    /// Area ids of the model the project targets, e.g. `CMA`, `PO`.
    #[schema(max_items = 100)]
    pub areas: Vec<String>,
    #[serde(default)]
    #[schema(max_length = 10000, pattern = "text")]
    pub inputs: String,
    #[serde(default)]
    #[schema(max_length = 10000, pattern = "text")]
    pub outputs: String,
    // Dates from 1990 on (domain::dates); the latest allowed moves with today, so only the
    // century is stated.
    #[schema(pattern = "date")]
    pub start: chrono::NaiveDate,
    #[schema(pattern = "date")]
    pub end: chrono::NaiveDate,
    pub status: ProjectStatus,
    #[schema(minimum = 0, maximum = 1e15)]
    pub cost_planned: f64,
    #[schema(minimum = 0, maximum = 1e15)]
    pub cost_actual: Option<f64>,
    #[schema(minimum = 0, maximum = 1e15)]
    pub benefit_planned: f64,
    #[schema(minimum = 0, maximum = 1e15)]
    pub benefit_actual: Option<f64>,
    #[serde(default)]
    #[schema(max_items = 100)]
    pub milestones: Vec<MilestoneInput>,
    /// Ids of projects of the same programme that must end before this one starts.
    #[serde(default)]
    #[schema(max_items = 100, minimum = 1)]
    pub depends_on: Vec<i32>,
    /// For a replacement: the version you read; a stale one gets 409.
    pub version: Option<i32>,
}

impl ProjectRequest {
    /// The project as sent (its id still unknown), and the version it replaces.
    fn into_project(self) -> (ProjectInput, Option<i32>) {
        let project = ProjectInput {
            id: 0,
            name: self.name,
            objective: self.objective,
            owner: self.owner,
            placement: self.placement,
            areas: self.areas,
            inputs: self.inputs,
            outputs: self.outputs,
            start: self.start,
            end: self.end,
            status: self.status,
            cost_planned: self.cost_planned,
            cost_actual: self.cost_actual,
            benefit_planned: self.benefit_planned,
            benefit_actual: self.benefit_actual,
            milestones: self.milestones,
            depends_on: self.depends_on,
        };
        (project, self.version)
    }
}

#[derive(Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct SavedProject {
    pub id: i32,
    /// The version to send with the next replacement.
    pub version: i32,
}

/// Checks a project's fields against the programme's grid and the model's
/// areas; its text comes back trimmed.
fn validated(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    programme: &Programme,
    project: ProjectInput,
) -> AppResult<ProjectInput> {
    let text = |field: &str, value: &str| {
        optional(field, Some(value), LONG_TEXT).map(Option::unwrap_or_default)
    };
    project
        .placement
        .check(&programme.grid())
        .map_err(|e| AppError::invalid("not_on_grid", e))?;
    let known = client_areas(app, conn, caller, programme.client_id)?;
    if project.areas.len() > MAX_ITEMS
        || project.milestones.len() > MAX_ITEMS
        || project.depends_on.len() > MAX_ITEMS
    {
        return Err(AppError::invalid(
            "too_many_items",
            format!("at most {MAX_ITEMS} areas, milestones or dependencies"),
        ));
    }
    for area in &project.areas {
        if !known.iter().any(|(id, _)| id == area) {
            let ids: Vec<&str> = known.iter().map(|(id, _)| id.as_str()).collect();
            return Err(AppError::invalid(
                "unknown_area",
                format!(
                    "`{area}` is not an area of the model (areas: {})",
                    ids.join(", ")
                ),
            ));
        }
    }
    for (field, value) in [
        ("cost_planned", Some(project.cost_planned)),
        ("cost_actual", project.cost_actual),
        ("benefit_planned", Some(project.benefit_planned)),
        ("benefit_actual", project.benefit_actual),
    ] {
        if value.is_some_and(|v| !(0.0..=MAX_AMOUNT).contains(&v)) {
            return Err(AppError::invalid(
                "bad_amount",
                format!("`{field}` must be a number from 0 to {MAX_AMOUNT:e}"),
            ));
        }
    }
    let window = plan_window(chrono::Utc::now().date_naive());
    let milestone_dates = project.milestones.iter().flat_map(|m| {
        std::iter::once(("milestones.due", m.due)).chain(m.done.map(|d| ("milestones.done", d)))
    });
    for (field, date) in [("start", project.start), ("end", project.end)]
        .into_iter()
        .chain(milestone_dates)
    {
        dates::within(date, window).map_err(|e| {
            AppError::invalid_field("date_out_of_range", field, format!("`{field}`: {e}"))
        })?;
    }
    let milestones = project
        .milestones
        .iter()
        .map(|m| {
            Ok(MilestoneInput {
                name: required("milestones.name", &m.name, SHORT_TEXT)?,
                ..m.clone()
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(ProjectInput {
        name: required("name", &project.name, SHORT_TEXT)?,
        objective: required("objective", &project.objective, LONG_TEXT)?,
        owner: required("owner", &project.owner, SHORT_TEXT)?,
        inputs: text("inputs", &project.inputs)?,
        outputs: text("outputs", &project.outputs)?,
        milestones,
        ..project
    })
}

/// Refuses a set of projects whose plan is not sound, naming the projects.
fn require_sound(projects: &[ProjectInput]) -> AppResult<()> {
    check_plans(projects).map_err(|e| AppError::invalid("plan_conflict", e.to_string()))
}

/// Adds a project, or replaces one (`existing`, at `version`), after
/// checking the whole plan.
pub(super) fn save(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    programme: &Programme,
    existing: Option<i32>,
    (project, version): (ProjectInput, Option<i32>),
) -> AppResult<SavedProject> {
    let mut project = validated(app, conn, caller, programme, project)?;
    let mut all: Vec<ProjectInput> = StoredProject::list(conn, programme.id)?
        .into_iter()
        .map(|p| p.project)
        .collect();
    if all
        .iter()
        .any(|p| p.name == project.name && Some(p.id) != existing)
    {
        return Err(AppError::conflict(
            "project_exists",
            format!("the programme has a project named {} already", project.name),
        ));
    }
    let (id, version) = match existing {
        Some(id) => {
            let slot = all
                .iter_mut()
                .find(|p| p.id == id)
                .ok_or_else(|| AppError::not_found("project"))?;
            project.id = id;
            let before = std::mem::replace(slot, project.clone()).name;
            require_sound(&all)?;
            let version = version.ok_or_else(|| {
                AppError::invalid(
                    "missing_version",
                    "send the `version` of the project you read",
                )
            })?;
            if !StoredProject::update(conn, programme.id, &project, version)? {
                return Err(AppError::conflict(
                    "stale_version",
                    "the project changed since you read it; reload and try again",
                ));
            }
            audit(
                conn,
                caller,
                ("project", id),
                "project.update",
                (Some(&before), Some(&project.name)),
            )?;
            (id, version.saturating_add(1))
        }
        None => {
            // A new project has no id yet; none can depend on it, so -1 stands in.
            project.id = -1;
            all.push(project.clone());
            require_sound(&all)?;
            let id = StoredProject::create(conn, programme.id, &project)?;
            audit(
                conn,
                caller,
                ("project", id),
                "project.create",
                (None, Some(&project.name)),
            )?;
            (id, 1)
        }
    };
    Programme::touch(conn, programme.id)?;
    Ok(SavedProject { id, version })
}

/// Adds a project to the programme.
pub fn add(
    app: &App,
    caller: &Caller,
    programme_id: i32,
    body: ProjectRequest,
) -> AppResult<SavedProject> {
    require(caller, CHANGERS, "plan projects")?;
    app.write(|conn| {
        let programme = visible(conn, caller, programme_id)?;
        save(app, conn, caller, &programme, None, body.into_project())
    })
}

/// Replaces a project (the request carries the version read).
pub fn replace(
    app: &App,
    caller: &Caller,
    programme_id: i32,
    project_id: i32,
    body: ProjectRequest,
) -> AppResult<SavedProject> {
    require(caller, CHANGERS, "plan projects")?;
    app.write(|conn| {
        let programme = visible(conn, caller, programme_id)?;
        save(
            app,
            conn,
            caller,
            &programme,
            Some(project_id),
            body.into_project(),
        )
    })
}

/// Removes a project that no other project depends on.
pub fn remove(app: &App, caller: &Caller, programme_id: i32, project_id: i32) -> AppResult<()> {
    require(caller, CHANGERS, "plan projects")?;
    app.write(|conn| {
        visible(conn, caller, programme_id)?;
        let all = StoredProject::list(conn, programme_id)?;
        let name = all
            .iter()
            .find(|p| p.project.id == project_id)
            .map(|p| p.project.name.clone())
            .ok_or_else(|| AppError::not_found("project"))?;
        let dependants: Vec<&str> = all
            .iter()
            .filter(|p| p.project.depends_on.contains(&project_id))
            .map(|p| p.project.name.as_str())
            .collect();
        if !dependants.is_empty() {
            return Err(AppError::invalid(
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
            caller,
            ("project", project_id),
            "project.delete",
            (Some(&name), None),
        )
    })
}

/// A page of a programme's projects as its report shows them (health
/// included): `q` finds a part of a name or owner; sorted by `name`,
/// `owner`, `start`, `end` or `status`.
pub fn list(
    app: &App,
    caller: &Caller,
    programme_id: i32,
    query: &ListQuery,
) -> AppResult<Paged<ProjectView>> {
    let cut = query.cut(&[
        ("name", 0),
        ("owner", 1),
        ("start", 2),
        ("end", 3),
        ("status", 4),
    ])?;
    let report = super::report::visible_report(app, caller, programme_id)?;
    Ok(cut.apply(
        report.projects,
        |p| format!("{} {}", p.name, p.owner),
        |key, a, b| {
            match key {
                0 => a.name.cmp(&b.name),
                1 => a.owner.cmp(&b.owner),
                2 => a.start.cmp(&b.start),
                3 => a.end.cmp(&b.end),
                _ => a.status.as_str().cmp(b.status.as_str()),
            }
            .then(a.id.cmp(&b.id))
        },
    ))
}
