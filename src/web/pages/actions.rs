//! Agreed actions in forms: proposed from a scorecard's priorities (the
//! area already ticked), changed, and marked done from the client page. A
//! refused form keeps what was typed and says beside each field what is wrong.

use super::create::{field, Fields};
use super::flash::Confirmation;
use super::form_errors::Refusal;
use super::messages::{fill, here, text};
use super::{PageError, Viewer};
use crate::app::actions::{self, ActionForm, ActionRequest, ActionView, StatusRequest};
use crate::app::error::AppError;
use crate::domain::ids::ClientId;
use crate::domain::plans::ActionStatus;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Map, Value};

/// Where an action is proposed from: the assessment and the area, filled in.
#[derive(Deserialize)]
pub struct ProposedFrom {
    assessment: Option<i32>,
    area: Option<String>,
}

pub async fn new_action(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<ClientId>,
    query: web::Query<ProposedFrom>,
) -> Result<HttpResponse, PageError> {
    let client = path.into_inner();
    let caller = viewer.caller();
    let form = state
        .run(move |app| actions::form(app, &caller, client))
        .await?;
    let from = query.into_inner();
    let values = json!({
        "title": "", "owner_user": "", "owner_name": "", "due": "", "status": "proposed", "project": "",
        "assessment": from.assessment.map(|a| a.to_string()).unwrap_or_default(),
        "addresses": from.area.into_iter().collect::<Vec<_>>(),
    });
    action_page(&state, &viewer, (Target::New(client), &form), values, None)
}

pub async fn edit_action(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let id = path.into_inner();
    let caller = viewer.caller();
    let (action, form) = state
        .run(move |app| actions::edit_form(app, &caller, id))
        .await?;
    action_page(
        &state,
        &viewer,
        (Target::Existing(id, action.client_id), &form),
        stored(&action),
        None,
    )
}

/// A new action for a client, or an existing one.
#[derive(Clone, Copy)]
enum Target {
    New(ClientId),
    Existing(i32, i32),
}

impl Target {
    fn client(self) -> i32 {
        match self {
            Target::New(c) => c.get(),
            Target::Existing(_, c) => c,
        }
    }
}

fn stored(a: &ActionView) -> Value {
    json!({
        "title": a.title,
        "owner_user": a.owner_user_id.map(|u| u.to_string()).unwrap_or_default(),
        "owner_name": if a.owner_user_id.is_none() { a.owner.clone() } else { String::new() },
        "due": a.due_date.map(|d| d.to_string()).unwrap_or_default(),
        "status": a.status.as_str(),
        "project": a.project_id.map(|p| p.to_string()).unwrap_or_default(),
        "assessment": a.assessment_id.map(|p| p.to_string()).unwrap_or_default(),
        "addresses": a.addresses.iter().map(|x| x.id.clone()).collect::<Vec<_>>(),
        "version": a.version,
    })
}

fn typed(fields: &Fields) -> Value {
    let mut values: Map<String, Value> = [
        "title",
        "owner_user",
        "owner_name",
        "due",
        "status",
        "project",
        "assessment",
        "version",
    ]
    .iter()
    .map(|n| ((*n).to_owned(), json!(field(fields, n))))
    .collect();
    let addresses: Vec<&str> = fields
        .iter()
        .filter(|(n, _)| n == "address")
        .map(|(_, v)| v.as_str())
        .collect();
    values.insert("addresses".into(), json!(addresses));
    Value::Object(values)
}

fn action_page(
    state: &AppState,
    viewer: &Viewer,
    (target, form): (Target, &ActionForm),
    values: Value,
    refusal: Option<Refusal>,
) -> Result<HttpResponse, PageError> {
    let chosen = |key: &str| {
        values
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let addresses: Vec<String> = values
        .get("addresses")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let option = |id: String, label: String, key: &str| json!({ "id": id, "label": label, "selected": chosen(key) == id });
    let (action, title) = match target {
        Target::New(c) => (
            format!("/clients/{}/actions", c.get()),
            fill("plans-action-new", &[("client", &form.client)]),
        ),
        Target::Existing(id, _) => (
            format!("/actions/{id}"),
            fill("plans-action-edit", &[("client", &form.client)]),
        ),
    };
    let mut data = json!({
        "title": title,
        "action": action,
        "client": { "id": target.client(), "name": form.client },
        "form": values,
        "areas": form.areas.iter().map(|(id, name)| json!({ "id": id, "name": name, "checked": addresses.contains(id) })).collect::<Vec<_>>(),
        "practices": form.practices.iter().map(|(id, name)| json!({ "id": id, "name": format!("{id} {name}"), "selected": addresses.contains(id) })).collect::<Vec<_>>(),
        "users": form.users.iter().map(|(id, name)| option(id.to_string(), name.clone(), "owner_user")).collect::<Vec<_>>(),
        "projects": form.projects.iter().map(|(id, name)| option(id.to_string(), name.clone(), "project")).collect::<Vec<_>>(),
        "assessments": form.assessments.iter().map(|(id, date)| option(id.to_string(), here().short_date(*date), "assessment")).collect::<Vec<_>>(),
        "statuses": ActionStatus::ALL.iter().map(|s| option(s.as_str().to_owned(), here().get(&format!("action-status-{}", s.as_str())), "status")).collect::<Vec<_>>(),
    });
    let status = Refusal::status(refusal, &mut data);
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "action_form", &data))
}

/// The form as an action.
fn action_request(fields: &Fields) -> Result<ActionRequest, AppError> {
    let id = |name: &str| field(fields, name).trim().parse::<i32>().ok();
    let due = field(fields, "due").trim();
    let due_date = if due.is_empty() {
        None
    } else {
        Some(due.parse().map_err(|_| {
            AppError::invalid_field(
                "bad_date",
                "due_date",
                fill("pages-give-date", &[("field", &text("plans-due"))]),
            )
        })?)
    };
    let mut addresses: Vec<String> = fields
        .iter()
        .filter(|(n, _)| n == "address")
        .map(|(_, v)| v.clone())
        .collect();
    addresses.dedup();
    let owner_name = Some(field(fields, "owner_name").trim().to_owned()).filter(|n| !n.is_empty());
    Ok(ActionRequest {
        title: field(fields, "title").to_owned(),
        assessment_id: id("assessment"),
        addresses,
        owner_user_id: id("owner_user").filter(|_| owner_name.is_none()),
        owner_name,
        due_date,
        status: field(fields, "status").parse().ok(),
        project_id: id("project"),
        version: id("version"),
    })
}

pub async fn create_action(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<ClientId>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    submit(
        &state,
        &viewer,
        Target::New(path.into_inner()),
        form.into_inner(),
    )
    .await
}

pub async fn update_action(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    // The client is known once the action is read; the form names none.
    submit(
        &state,
        &viewer,
        Target::Existing(path.into_inner(), 0),
        form.into_inner(),
    )
    .await
}

/// Saves the form as a new action or a change of one; back to the client
/// page, or the form again with what was typed and why it was refused.
async fn submit(
    state: &AppState,
    viewer: &Viewer,
    target: Target,
    fields: Fields,
) -> Result<HttpResponse, PageError> {
    viewer.check(field(&fields, "csrf_token"))?;
    let caller = viewer.caller();
    let outcome = match action_request(&fields) {
        Ok(body) => {
            state
                .run(move |app| match target {
                    Target::New(client) => actions::create(app, &caller, client, body),
                    Target::Existing(id, _) => actions::update(app, &caller, id, body),
                })
                .await
        }
        Err(e) => Err(e.into()),
    };
    let refusal = match outcome {
        Ok(saved) => {
            return Ok(Confirmation::ActionSaved.redirect(&format!("/clients/{}", saved.client_id)))
        }
        Err(e) => Refusal::of(e)?,
    };
    let (target, form) = match target {
        Target::New(client) => {
            let form = state
                .run(move |app| actions::form(app, &caller, client))
                .await?;
            (target, form)
        }
        Target::Existing(id, _) => {
            let (action, form) = state
                .run(move |app| actions::edit_form(app, &caller, id))
                .await?;
            (Target::Existing(id, action.client_id), form)
        }
    };
    action_page(
        state,
        viewer,
        (target, &form),
        typed(&fields),
        Some(refusal),
    )
}

/// An action marked done from the client page.
pub async fn mark_done(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let (id, fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let caller = viewer.caller();
    let version = field(&fields, "version").parse().unwrap_or(0);
    let body = StatusRequest {
        status: ActionStatus::Done,
        version,
    };
    let saved = state
        .run(move |app| actions::set_status(app, &caller, id, body))
        .await?;
    Ok(Confirmation::ActionDone.redirect(&format!("/clients/{}", saved.client_id)))
}
