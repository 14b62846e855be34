//! Agreed actions: the work that turns a scorecard's priorities into better
//! scores, each with the areas and practices it addresses, an owner (a cmas
//! user or a named person at the client), a due date, a status and the
//! programme project that carries it.
//!
//! The client's access rules hold: whoever sees the client reads its
//! actions. The consultancy's staff and the client's programme managers
//! write them; executives may mark done the actions their own people own
//! (the client's members, or a person named at the client).

use super::clients::visible as visible_client;
use super::error::{AppError, AppResult};
use super::input::{optional, required, SHORT_TEXT};
use super::permissions::require;
use super::scores::questionnaire_of;
use super::App;

mod form;
mod lines;

use crate::db::actions::{ActionFields, ActionRow};
use crate::db::assessments::Assessment;
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::Client;
use crate::db::programmes::{Programme, StoredProject};
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::dates::{self, plan_window};
use crate::domain::ids::ClientId;
use crate::domain::plans::{overdue, ActionStatus};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::role::{Caller, Role};
pub use form::{edit_form, form, ActionForm};
pub use lines::export;
pub(crate) use lines::lines;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
use utoipa::ToSchema;

/// Who writes actions.
const WRITERS: &[Role] = &[Role::Admin, Role::Consultant, Role::ProgrammeManager];
/// The most areas and practices one action addresses.
const MAX_ADDRESSES: usize = 50;

/// An action as sent, new or replacing one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct ActionRequest {
    /// What will be done, in one line.
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub title: String,
    /// The final assessment whose priorities it answers.
    pub assessment_id: Option<i32>,
    /// Area ids (`CMA`) and practice ids (`CMA.2.1`) it addresses; at least one.
    #[schema(min_items = 1, max_items = 50)]
    pub addresses: Vec<String>,
    /// A cmas user who owns it…
    pub owner_user_id: Option<i32>,
    /// …or a named person at the client (exactly one of the two).
    #[schema(max_length = 200, pattern = "one-line-or-blank")]
    pub owner_name: Option<String>,
    #[schema(pattern = "date")]
    pub due_date: Option<chrono::NaiveDate>,
    /// `proposed` when left out.
    pub status: Option<ActionStatus>,
    /// A project of the client's programme that carries it.
    pub project_id: Option<i32>,
    /// For a replacement: the version you read; a stale one gets 409.
    pub version: Option<i32>,
}

/// A change of status alone, the one change an executive may make.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct StatusRequest {
    pub status: ActionStatus,
    /// The version you read; a stale one gets 409.
    pub version: i32,
}

/// An area or practice an action addresses, with its name.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Addressed {
    pub id: String,
    pub name: String,
}

/// An action as it stands.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct ActionView {
    pub id: i32,
    pub client_id: i32,
    pub assessment_id: Option<i32>,
    pub title: String,
    pub addresses: Vec<Addressed>,
    pub owner_user_id: Option<i32>,
    /// The owner's name: the user's, or the person named at the client.
    pub owner: String,
    pub due_date: Option<chrono::NaiveDate>,
    pub status: ActionStatus,
    /// Open and past its due date today.
    pub overdue: bool,
    pub project_id: Option<i32>,
    pub project: Option<String>,
    /// The version to send with the next change.
    pub version: i32,
    pub updated_at: chrono::NaiveDateTime,
}

/// What the views of a client's actions are built with.
struct Lookup {
    users: HashMap<i32, String>,
    projects: HashMap<i32, String>,
    names: HashMap<String, String>,
    today: chrono::NaiveDate,
}

impl Lookup {
    fn of(
        app: &App,
        conn: &mut AnyConnection,
        caller: &Caller,
        client_id: i32,
    ) -> AppResult<Lookup> {
        let users = User::list_in(conn, caller)?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let projects = match Programme::find_for_client(conn, client_id)? {
            Some(p) => StoredProject::list(conn, p.id)?
                .into_iter()
                .map(|s| (s.project.id, s.project.name))
                .collect(),
            None => HashMap::new(),
        };
        let names = match questionnaire_for(app, conn, caller, client_id, None)? {
            Some(q) => node_names(&q),
            None => HashMap::new(),
        };
        Ok(Lookup {
            users,
            projects,
            names,
            today: chrono::Utc::now().date_naive(),
        })
    }

    fn view(&self, row: ActionRow) -> ActionView {
        let addresses: Vec<String> = serde_json::from_str(&row.addresses).unwrap_or_default();
        ActionView {
            id: row.id,
            client_id: row.client_id,
            assessment_id: row.assessment_id,
            addresses: addresses
                .into_iter()
                .map(|id| Addressed {
                    name: self.names.get(&id).cloned().unwrap_or_else(|| id.clone()),
                    id,
                })
                .collect(),
            owner: match (row.owner_user_id, row.owner_name) {
                (Some(id), _) => self.users.get(&id).cloned().unwrap_or_default(),
                (None, name) => name.unwrap_or_default(),
            },
            owner_user_id: row.owner_user_id,
            overdue: overdue(row.status, row.due_date, self.today),
            due_date: row.due_date,
            status: row.status,
            project: row
                .project_id
                .and_then(|id| self.projects.get(&id).cloned()),
            project_id: row.project_id,
            title: row.title,
            version: row.version,
            updated_at: row.updated_at,
        }
    }
}

/// Area and practice ids with their names.
fn node_names(q: &Questionnaire) -> HashMap<String, String> {
    q.areas
        .iter()
        .map(|a| (a.id.clone(), a.name.clone()))
        .chain(
            q.questions()
                .map(|x| (x.id.clone(), format!("{} {}", x.id, x.practice))),
        )
        .collect()
}

/// The questionnaire an action's areas and practices belong to: its
/// assessment's, else that of the client's latest final assessment.
fn questionnaire_for(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    client_id: i32,
    assessment: Option<&Assessment>,
) -> AppResult<Option<Arc<Questionnaire>>> {
    let latest;
    let assessment = match assessment {
        Some(a) => Some(a),
        None => {
            let filter = AssessmentFilter {
                client_id: Some(client_id),
                status: Some(Status::Final),
            };
            latest = Assessment::list_visible(conn, caller, &filter)?
                .into_iter()
                .max_by_key(|a| (a.assessment_date, a.id));
            latest.as_ref()
        }
    };
    assessment
        .map(|a| questionnaire_of(app, conn, a))
        .transpose()
}

/// A client's actions the caller may see, by due date.
pub fn list(app: &App, caller: &Caller, client_id: ClientId) -> AppResult<Vec<ActionView>> {
    app.read(|conn| {
        let client = visible_client(conn, caller, client_id)?;
        of_client(app, conn, caller, &client)
    })
}

/// A visible client's actions, by due date.
pub(super) fn of_client(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    client: &Client,
) -> AppResult<Vec<ActionView>> {
    let lookup = Lookup::of(app, conn, caller, client.id)?;
    Ok(
        ActionRow::for_client(conn, client.organisation_id, client.id)?
            .into_iter()
            .map(|r| lookup.view(r))
            .collect(),
    )
}

/// One action of a client the caller may see.
pub fn get(app: &App, caller: &Caller, id: i32) -> AppResult<ActionView> {
    app.read(|conn| {
        let row = visible_action(conn, caller, id)?;
        Lookup::of(app, conn, caller, row.client_id).map(|l| l.view(row))
    })
}

fn visible_action(conn: &mut AnyConnection, caller: &Caller, id: i32) -> AppResult<ActionRow> {
    let row = ActionRow::find(conn, caller.organisation_id.get(), id)?
        .ok_or_else(|| AppError::not_found("action"))?;
    Client::find_visible(conn, caller, row.client_id)?
        .ok_or_else(|| AppError::not_found("action"))?;
    Ok(row)
}

/// Adds an action to a client. Audited.
pub fn create(
    app: &App,
    caller: &Caller,
    client_id: ClientId,
    request: ActionRequest,
) -> AppResult<ActionView> {
    require(caller, WRITERS, "add actions")?;
    app.write(|conn| {
        let client = visible_client(conn, caller, client_id)?;
        let fields = checked(app, conn, caller, client.id, request)?;
        let row = ActionRow::create(
            conn,
            (client.organisation_id, client.id, caller.user_id.get()),
            &fields,
        )?;
        audit(conn, caller, &row, "action.create", None)?;
        Lookup::of(app, conn, caller, client.id).map(|l| l.view(row))
    })
}

/// Replaces an action's fields at the version the caller read. Audited.
pub fn update(
    app: &App,
    caller: &Caller,
    id: i32,
    request: ActionRequest,
) -> AppResult<ActionView> {
    require(caller, WRITERS, "change actions")?;
    app.write(|conn| {
        let before = visible_action(conn, caller, id)?;
        let version = request.version.ok_or_else(|| {
            AppError::invalid(
                "missing_version",
                "send the `version` of the action you read",
            )
        })?;
        let fields = checked(app, conn, caller, before.client_id, request)?;
        let row = ActionRow::update(conn, id, version, &fields)?.ok_or_else(stale)?;
        audit(conn, caller, &row, "action.update", Some(&before))?;
        Lookup::of(app, conn, caller, row.client_id).map(|l| l.view(row))
    })
}

/// Moves an action to another status. Executives may only mark done the
/// actions their own people own. Audited.
pub fn set_status(
    app: &App,
    caller: &Caller,
    id: i32,
    request: StatusRequest,
) -> AppResult<ActionView> {
    app.write(|conn| {
        let before = visible_action(conn, caller, id)?;
        if caller.role == Role::Executive {
            let theirs = match before.owner_user_id {
                Some(owner) => Client::members(conn, before.organisation_id, before.client_id)?
                    .iter()
                    .any(|u| u.id == owner),
                None => before.owner_name.is_some(),
            };
            if request.status != ActionStatus::Done || !theirs {
                return Err(AppError::forbidden(
                    "not_your_action",
                    "executives may only mark done the actions their own people own",
                ));
            }
        } else {
            require(caller, WRITERS, "change actions")?;
        }
        let fields = ActionFields {
            status: request.status.as_str(),
            ..fields_of(&before)
        };
        let row = ActionRow::update(conn, id, request.version, &fields)?.ok_or_else(stale)?;
        audit(conn, caller, &row, "action.status", Some(&before))?;
        Lookup::of(app, conn, caller, row.client_id).map(|l| l.view(row))
    })
}

fn stale() -> AppError {
    AppError::conflict(
        "stale_version",
        "the action changed since you read it; reload and try again",
    )
}

fn fields_of(row: &ActionRow) -> ActionFields {
    ActionFields {
        assessment_id: row.assessment_id,
        title: row.title.clone(),
        addresses: row.addresses.clone(),
        owner_user_id: row.owner_user_id,
        owner_name: row.owner_name.clone(),
        due_date: row.due_date,
        status: row.status.as_str(),
        project_id: row.project_id,
    }
}

fn audit(
    conn: &mut AnyConnection,
    caller: &Caller,
    row: &ActionRow,
    action: &str,
    before: Option<&ActionRow>,
) -> AppResult<()> {
    // Recorded on the client, whose data the action is: the trail names it,
    // and an erasure of the client blanks it.
    let state = |r: &ActionRow| serde_json::json!({ "id": r.id, "action": r.title, "status": r.status.as_str(), "due_date": r.due_date });
    let mut change = Change::by(caller, "client", row.client_id, action).after(state(row));
    if let Some(b) = before {
        change = change.before(state(b));
    }
    AuditEvent::record(conn, change)?;
    Ok(())
}

/// Checks an action against the client: its assessment final and theirs,
/// the areas and practices in that questionnaire, one owner of the
/// organisation or named, a project of the client's programme.
fn checked(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    client_id: i32,
    r: ActionRequest,
) -> AppResult<ActionFields> {
    let title = required("title", &r.title, SHORT_TEXT)?;
    let assessment = match r.assessment_id {
        Some(id) => {
            let a = Assessment::find_visible(conn, caller, id)?
                .filter(|a| a.client_id == client_id)
                .ok_or_else(|| {
                    AppError::invalid_field(
                        "unknown_assessment",
                        "assessment_id",
                        format!("assessment {id} is not one of this client's"),
                    )
                })?;
            Some(a)
        }
        None => None,
    };
    if r.addresses.is_empty() || r.addresses.len() > MAX_ADDRESSES {
        return Err(AppError::invalid_field(
            "bad_addresses",
            "addresses",
            format!("name from 1 to {MAX_ADDRESSES} areas or practices the action addresses"),
        ));
    }
    if let Some(q) = questionnaire_for(app, conn, caller, client_id, assessment.as_ref())? {
        let known = node_names(&q);
        if let Some(unknown) = r.addresses.iter().find(|id| !known.contains_key(*id)) {
            return Err(AppError::invalid_field(
                "unknown_node",
                "addresses",
                format!(
                    "`{unknown}` is neither an area nor a practice of {} {}",
                    q.title, q.version
                ),
            ));
        }
    }
    let owner_name = optional("owner_name", r.owner_name.as_deref(), SHORT_TEXT)?;
    match (r.owner_user_id, &owner_name) {
        (Some(id), None) => {
            User::find_in(conn, caller, id)?.ok_or_else(|| {
                AppError::invalid_field("unknown_owner", "owner_user_id", format!("user {id} is not in your organisation"))
            })?;
        }
        (None, Some(_)) => {}
        _ => {
            return Err(AppError::invalid_field(
                "one_owner",
                "owner_user_id",
                "name exactly one owner: `owner_user_id` (a cmas user) or `owner_name` (a person at the client)",
            ))
        }
    }
    if let Some(due) = r.due_date {
        dates::within(due, plan_window(chrono::Utc::now().date_naive())).map_err(|e| {
            AppError::invalid_field("date_out_of_range", "due_date", format!("`due_date`: {e}"))
        })?;
    }
    if let Some(project) = r.project_id {
        let carries = match Programme::find_for_client(conn, client_id)? {
            Some(p) => StoredProject::list(conn, p.id)?
                .iter()
                .any(|s| s.project.id == project),
            None => false,
        };
        if !carries {
            return Err(AppError::invalid_field(
                "unknown_project",
                "project_id",
                format!("project {project} is not in this client's programme"),
            ));
        }
    }
    let mut addresses = r.addresses;
    addresses.dedup();
    Ok(ActionFields {
        assessment_id: assessment.map(|a| a.id),
        title,
        addresses: serde_json::to_string(&addresses).unwrap_or_else(|_| "[]".to_owned()),
        owner_user_id: r.owner_user_id,
        owner_name,
        due_date: r.due_date,
        status: r.status.unwrap_or(ActionStatus::Proposed).as_str(),
        project_id: r.project_id,
    })
}
