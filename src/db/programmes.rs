//! Programmes, their projects, milestones and dependencies. Lists (the grid
//! axes, placements, targeted areas) are stored as JSON text: they are read
//! and written whole, never queried inside.

use super::{
    now,
    schema::{milestones, programmes, project_dependencies, projects},
    AnyConnection,
};
use crate::domain::programme::{Grid, MilestoneInput, Placement, ProjectInput, ProjectStatus};
use crate::domain::role::Caller;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = programmes)]
pub struct Programme {
    pub id: i32,
    pub organisation_id: i32,
    pub client_id: i32,
    pub name: String,
    pub business_units: String,
    pub customer_groups: String,
    pub dimensions: String,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// A further dimension of a programme and its values.
pub type Dimension = (String, Vec<String>);

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}

fn parsed<T: serde::de::DeserializeOwned + Default>(text: &str) -> T {
    serde_json::from_str(text).unwrap_or_default()
}

/// What a programme is made of, for creating and changing one.
pub struct ProgrammeFields<'a> {
    pub name: &'a str,
    pub grid: &'a Grid,
    pub dimensions: &'a [Dimension],
}

impl Programme {
    pub fn grid(&self) -> Grid {
        Grid {
            units: parsed(&self.business_units),
            groups: parsed(&self.customer_groups),
        }
    }

    pub fn dimensions(&self) -> Vec<Dimension> {
        parsed(&self.dimensions)
    }

    pub fn create(
        conn: &mut AnyConnection,
        organisation_id: i32,
        client_id: i32,
        fields: &ProgrammeFields<'_>,
    ) -> QueryResult<Programme> {
        let at = now();
        diesel::insert_into(programmes::table)
            .values((
                programmes::organisation_id.eq(organisation_id),
                programmes::client_id.eq(client_id),
                programmes::name.eq(fields.name),
                programmes::business_units.eq(json(&fields.grid.units)),
                programmes::customer_groups.eq(json(&fields.grid.groups)),
                programmes::dimensions.eq(json(&fields.dimensions)),
                programmes::version.eq(1),
                programmes::created_at.eq(at),
                programmes::updated_at.eq(at),
            ))
            .returning(programmes::all_columns)
            .get_result::<Programme>(conn)
    }

    /// Replaces name, grid and dimensions if the version is still `version`.
    pub fn update(
        conn: &mut AnyConnection,
        id: i32,
        version: i32,
        fields: &ProgrammeFields<'_>,
    ) -> QueryResult<Option<Programme>> {
        diesel::update(
            programmes::table
                .filter(programmes::id.eq(id))
                .filter(programmes::version.eq(version)),
        )
        .set((
            programmes::name.eq(fields.name),
            programmes::business_units.eq(json(&fields.grid.units)),
            programmes::customer_groups.eq(json(&fields.grid.groups)),
            programmes::dimensions.eq(json(&fields.dimensions)),
            programmes::version.eq(programmes::version + 1),
            programmes::updated_at.eq(now()),
        ))
        .returning(programmes::all_columns)
        .get_result::<Programme>(conn)
        .optional()
    }

    /// Marks a change of the programme's projects, so stale readers notice.
    pub fn touch(conn: &mut AnyConnection, id: i32) -> QueryResult<usize> {
        diesel::update(programmes::table.filter(programmes::id.eq(id)))
            .set((
                programmes::version.eq(programmes::version + 1),
                programmes::updated_at.eq(now()),
            ))
            .execute(conn)
    }

    /// The programmes the caller may see: the organisation's, and for
    /// executives and programme managers those of the clients they are attached to.
    pub fn list_visible(conn: &mut AnyConnection, caller: &Caller) -> QueryResult<Vec<Programme>> {
        let mut query = programmes::table
            .filter(programmes::organisation_id.eq(caller.organisation_id.get()))
            .select(Programme::as_select())
            .order(programmes::name)
            .into_boxed();
        if !caller.role.is_staff() {
            query = query.filter(
                programmes::client_id.eq_any(super::clients::member_of(caller.user_id.get())),
            );
        }
        query.load(conn)
    }

    pub fn find_visible(
        conn: &mut AnyConnection,
        caller: &Caller,
        id: i32,
    ) -> QueryResult<Option<Programme>> {
        let mut query = programmes::table
            .filter(programmes::organisation_id.eq(caller.organisation_id.get()))
            .filter(programmes::id.eq(id))
            .select(Programme::as_select())
            .into_boxed();
        if !caller.role.is_staff() {
            query = query.filter(
                programmes::client_id.eq_any(super::clients::member_of(caller.user_id.get())),
            );
        }
        query.first(conn).optional()
    }

    pub fn find_for_client(
        conn: &mut AnyConnection,
        client_id: i32,
    ) -> QueryResult<Option<Programme>> {
        programmes::table
            .filter(programmes::client_id.eq(client_id))
            .select(Programme::as_select())
            .first(conn)
            .optional()
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = projects)]
struct ProjectRow {
    id: i32,
    name: String,
    objective: String,
    owner: String,
    placement: String,
    areas: String,
    inputs: String,
    outputs: String,
    start_date: chrono::NaiveDate,
    end_date: chrono::NaiveDate,
    status: ProjectStatus,
    money: String,
    version: i32,
}

/// A project's costs and benefits as stored.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Money {
    cost_planned: f64,
    cost_actual: Option<f64>,
    benefit_planned: f64,
    benefit_actual: Option<f64>,
}

impl Money {
    fn of(p: &ProjectInput) -> Money {
        Money {
            cost_planned: p.cost_planned,
            cost_actual: p.cost_actual,
            benefit_planned: p.benefit_planned,
            benefit_actual: p.benefit_actual,
        }
    }
}

/// A stored project with its version (for optimistic updates).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredProject {
    pub project: ProjectInput,
    pub version: i32,
}

/// The project's own columns, for inserts and updates.
#[expect(
    clippy::type_complexity,
    reason = "the columns of one insert or update"
)]
fn columns(
    p: &ProjectInput,
) -> (
    diesel::dsl::Eq<projects::name, String>,
    diesel::dsl::Eq<projects::objective, String>,
    diesel::dsl::Eq<projects::owner, String>,
    diesel::dsl::Eq<projects::placement, String>,
    diesel::dsl::Eq<projects::areas, String>,
    diesel::dsl::Eq<projects::inputs, String>,
    diesel::dsl::Eq<projects::outputs, String>,
    diesel::dsl::Eq<projects::start_date, chrono::NaiveDate>,
    diesel::dsl::Eq<projects::end_date, chrono::NaiveDate>,
    diesel::dsl::Eq<projects::status, &'static str>,
    diesel::dsl::Eq<projects::money, String>,
    diesel::dsl::Eq<projects::updated_at, chrono::NaiveDateTime>,
) {
    (
        projects::name.eq(p.name.clone()),
        projects::objective.eq(p.objective.clone()),
        projects::owner.eq(p.owner.clone()),
        projects::placement.eq(json(&p.placement)),
        projects::areas.eq(json(&p.areas)),
        projects::inputs.eq(p.inputs.clone()),
        projects::outputs.eq(p.outputs.clone()),
        projects::start_date.eq(p.start),
        projects::end_date.eq(p.end),
        projects::status.eq(p.status.as_str()),
        projects::money.eq(json(&Money::of(p))),
        projects::updated_at.eq(now()),
    )
}

impl StoredProject {
    /// The programme's projects with their milestones and dependencies, by start date.
    pub fn list(conn: &mut AnyConnection, programme_id: i32) -> QueryResult<Vec<StoredProject>> {
        let rows: Vec<ProjectRow> = projects::table
            .filter(projects::programme_id.eq(programme_id))
            .order((projects::start_date, projects::id))
            .select(ProjectRow::as_select())
            .load(conn)?;
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let mut stones: Vec<(i32, String, chrono::NaiveDate, Option<chrono::NaiveDate>)> =
            milestones::table
                .filter(milestones::project_id.eq_any(&ids))
                .order((milestones::due_date, milestones::id))
                .select((
                    milestones::project_id,
                    milestones::name,
                    milestones::due_date,
                    milestones::done_date,
                ))
                .load(conn)?;
        let deps: Vec<(i32, i32)> = project_dependencies::table
            .filter(project_dependencies::project_id.eq_any(&ids))
            .order((
                project_dependencies::project_id,
                project_dependencies::depends_on_id,
            ))
            .select((
                project_dependencies::project_id,
                project_dependencies::depends_on_id,
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let money: Money = parsed(&r.money);
                let milestones = stones
                    .iter_mut()
                    .filter(|s| s.0 == r.id)
                    .map(|s| MilestoneInput {
                        name: std::mem::take(&mut s.1),
                        due: s.2,
                        done: s.3,
                    })
                    .collect();
                StoredProject {
                    version: r.version,
                    project: ProjectInput {
                        id: r.id,
                        placement: serde_json::from_str(&r.placement).unwrap_or(Placement::Row {
                            unit: String::new(),
                        }),
                        areas: parsed(&r.areas),
                        status: r.status,
                        depends_on: deps.iter().filter(|d| d.0 == r.id).map(|d| d.1).collect(),
                        milestones,
                        name: r.name,
                        objective: r.objective,
                        owner: r.owner,
                        inputs: r.inputs,
                        outputs: r.outputs,
                        start: r.start_date,
                        end: r.end_date,
                        cost_planned: money.cost_planned,
                        cost_actual: money.cost_actual,
                        benefit_planned: money.benefit_planned,
                        benefit_actual: money.benefit_actual,
                    },
                }
            })
            .collect())
    }

    /// Stores a new project (its `id` is ignored) with its milestones and dependencies; returns the id.
    pub fn create(
        conn: &mut AnyConnection,
        programme_id: i32,
        p: &ProjectInput,
    ) -> QueryResult<i32> {
        let id = diesel::insert_into(projects::table)
            .values((
                projects::programme_id.eq(programme_id),
                projects::version.eq(1),
                columns(p),
            ))
            .returning(projects::id)
            .get_result::<i32>(conn)?;
        Self::replace_links(conn, id, p)?;
        Ok(id)
    }

    /// Replaces a project if its version is still `version`; false when stale or absent.
    pub fn update(
        conn: &mut AnyConnection,
        programme_id: i32,
        p: &ProjectInput,
        version: i32,
    ) -> QueryResult<bool> {
        let changed = diesel::update(
            projects::table
                .filter(projects::id.eq(p.id))
                .filter(projects::programme_id.eq(programme_id))
                .filter(projects::version.eq(version)),
        )
        .set((projects::version.eq(projects::version + 1), columns(p)))
        .execute(conn)?;
        if changed == 1 {
            Self::replace_links(conn, p.id, p)?;
        }
        Ok(changed == 1)
    }

    fn replace_links(conn: &mut AnyConnection, id: i32, p: &ProjectInput) -> QueryResult<()> {
        diesel::delete(milestones::table.filter(milestones::project_id.eq(id))).execute(conn)?;
        for m in &p.milestones {
            diesel::insert_into(milestones::table)
                .values((
                    milestones::project_id.eq(id),
                    milestones::name.eq(&m.name),
                    milestones::due_date.eq(m.due),
                    milestones::done_date.eq(m.done),
                ))
                .execute(conn)?;
        }
        diesel::delete(project_dependencies::table.filter(project_dependencies::project_id.eq(id)))
            .execute(conn)?;
        for &dep in &p.depends_on {
            diesel::insert_into(project_dependencies::table)
                .values((
                    project_dependencies::project_id.eq(id),
                    project_dependencies::depends_on_id.eq(dep),
                ))
                .execute(conn)?;
        }
        Ok(())
    }

    /// Deletes a project of the programme; false when there is none.
    pub fn delete(conn: &mut AnyConnection, programme_id: i32, id: i32) -> QueryResult<bool> {
        diesel::delete(
            projects::table
                .filter(projects::id.eq(id))
                .filter(projects::programme_id.eq(programme_id)),
        )
        .execute(conn)
        .map(|n| n > 0)
    }
}
