//! From priorities to plans, in forms: the targets of an assessment's
//! client and scope (one row per area, a few per practice), and agreed
//! actions proposed from a scorecard's priorities, changed, and marked
//! done. A refused form keeps what was typed and says beside each row
//! what is wrong.

use super::create::{field, Fields};
use super::flash::Confirmation;
use super::form_errors::Refusal;
use super::messages::{fill, here, text};
use super::{PageError, Viewer};
use crate::app::actions::{self, ActionForm, ActionRequest, ActionView, StatusRequest};
use crate::app::error::AppError;
use crate::app::targets::{self, TargetInput, TargetsRequest, TargetsView};
use crate::domain::ids::{AssessmentId, ClientId};
use crate::domain::plans::ActionStatus;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Map, Value};

/// Blank practice rows the targets form offers.
const NEW_PRACTICE_ROWS: usize = 3;

pub async fn targets_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
) -> Result<HttpResponse, PageError> {
    targets_page(&state, &viewer, path.into_inner(), None).await
}

/// The targets form: as in force, or as typed with what was wrong.
async fn targets_page(
    state: &AppState,
    viewer: &Viewer,
    id: AssessmentId,
    typed: Option<(Fields, Refusal)>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let view = state.run(move |app| targets::get(app, &caller, id)).await?;
    if !view.may_set {
        return Err(PageError::Forbidden(text("only_target_setters")));
    }
    let default_due = view
        .assessment_date
        .checked_add_months(chrono::Months::new(12))
        .unwrap_or(view.assessment_date)
        .to_string();
    let in_force = |node: &str| {
        view.current
            .as_ref()
            .and_then(|c| c.targets.iter().find(|t| t.node_id == node))
    };
    let (fields, refusal) = match typed {
        Some((fields, refusal)) => (Some(fields), Some(refusal)),
        None => (None, None),
    };
    let errors = refusal
        .as_ref()
        .map(|r| r.errors.clone())
        .unwrap_or_default();
    let error_of = |names: &[String]| {
        names
            .iter()
            .find_map(|n| errors.get(n).cloned())
            .unwrap_or(Value::Null)
    };
    let pct = |v: Option<f64>| {
        v.map_or_else(|| here().get("report-not-available"), |v| here().percent(v))
    };
    let areas: Vec<Value> = view
        .areas
        .iter()
        .map(|a| {
            let (target, due) = match &fields {
                Some(f) => (field(f, &format!("target_{}", a.id)).to_owned(), field(f, &format!("due_{}", a.id)).to_owned()),
                None => in_force(&a.id).map_or((String::new(), default_due.clone()), |t| {
                    (format!("{:.0}", t.target), t.due_date.to_string())
                }),
            };
            let error = error_of(&[format!("target_{}", a.id), format!("due_{}", a.id)]);
            json!({ "id": a.id, "name": a.name, "current": pct(a.current), "target": target, "due": due, "error": error })
        })
        .collect();
    let practice_rows: Vec<(String, String, String)> = match &fields {
        Some(f) => {
            let all = |name: &str| -> Vec<String> {
                f.iter()
                    .filter(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
                    .collect()
            };
            let (ids, targets, dues) =
                (all("practice"), all("practice_target"), all("practice_due"));
            ids.iter()
                .enumerate()
                .map(|(i, id)| {
                    (
                        id.clone(),
                        targets.get(i).cloned().unwrap_or_default(),
                        dues.get(i).cloned().unwrap_or_default(),
                    )
                })
                .collect()
        }
        None => {
            let mut rows: Vec<(String, String, String)> = view
                .practices
                .iter()
                .filter_map(|p| {
                    in_force(&p.id).map(|t| {
                        (
                            p.id.clone(),
                            format!("{:.0}", t.target),
                            t.due_date.to_string(),
                        )
                    })
                })
                .collect();
            rows.extend(
                (0..NEW_PRACTICE_ROWS).map(|_| (String::new(), String::new(), default_due.clone())),
            );
            rows
        }
    };
    let practices: Vec<Value> = practice_rows
        .iter()
        .enumerate()
        .map(|(i, (chosen, target, due))| {
            json!({
                "row": i,
                "target": target,
                "due": due,
                "error": error_of(&[format!("practice_{i}")]),
                "options": view.practices.iter().map(|p| json!({
                    "id": p.id, "label": format!("{} {} ({})", p.id, p.name, pct(p.current)), "selected": *chosen == p.id,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let versions: Vec<Value> = view
        .versions
        .iter()
        .map(|v| {
            json!(fill(
                "plans-target-version",
                &[
                    ("version", &v.version.to_string()),
                    ("by", v.set_by.as_deref().unwrap_or("–")),
                    ("date", &here().short_date(v.set_at.date())),
                    ("count", &v.targets.len().to_string()),
                ],
            ))
        })
        .collect();
    let mut data = json!({
        "title": fill("plans-targets-title", &[("client", &view.client)]),
        "id": id.get(),
        "client": { "id": view.client_id, "name": view.client },
        "date": here().short_date(view.assessment_date),
        "areas": areas,
        "practices": practices,
        "versions": versions,
    });
    let status = match refusal {
        Some(refusal) => {
            refusal.fill(&mut data);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        None => StatusCode::OK,
    };
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "targets", &data))
}

/// A row's problem, named for its field so the form shows it beside it.
fn row_error(name: String, message: String) -> AppError {
    AppError::Invalid {
        code: "bad_target",
        field: Some(name),
        detail: message,
    }
}

/// The form as targets: every area with a target, every practice row with one.
fn targets_request(view: &TargetsView, fields: &Fields) -> Result<TargetsRequest, AppError> {
    let number = |name: &str, label: &str| -> Result<Option<f64>, AppError> {
        let raw = field(fields, name).trim().trim_end_matches('%').trim();
        if raw.is_empty() {
            return Ok(None);
        }
        raw.replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|v| (0.0..=100.0).contains(v))
            .map(Some)
            .ok_or_else(|| {
                row_error(
                    name.to_owned(),
                    fill("plans-target-number", &[("name", label)]),
                )
            })
    };
    let due = |name: &str, value: &str, label: &str| -> Result<chrono::NaiveDate, AppError> {
        value
            .trim()
            .parse::<chrono::NaiveDate>()
            .ok()
            .filter(|d| *d > view.assessment_date)
            .ok_or_else(|| {
                row_error(
                    name.to_owned(),
                    fill("plans-target-due", &[("name", label)]),
                )
            })
    };
    let mut targets = Vec::new();
    for a in &view.areas {
        if let Some(target) = number(&format!("target_{}", a.id), &a.name)? {
            let name = format!("due_{}", a.id);
            let due_date = due(&name, field(fields, &name), &a.name)?;
            targets.push(TargetInput {
                node_id: a.id.clone(),
                target,
                due_date,
            });
        }
    }
    let all = |name: &str| -> Vec<&str> {
        fields
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let (ids, values, dues) = (all("practice"), all("practice_target"), all("practice_due"));
    for (i, id) in ids.iter().enumerate().filter(|(_, id)| !id.is_empty()) {
        let raw = values
            .get(i)
            .copied()
            .unwrap_or_default()
            .trim()
            .trim_end_matches('%')
            .trim()
            .replace(',', ".");
        let target = raw
            .parse::<f64>()
            .ok()
            .filter(|v| (0.0..=100.0).contains(v))
            .ok_or_else(|| {
                row_error(
                    format!("practice_{i}"),
                    fill("plans-target-number", &[("name", id)]),
                )
            })?;
        let due_date = due(
            &format!("practice_{i}"),
            dues.get(i).copied().unwrap_or_default(),
            id,
        )?;
        targets.push(TargetInput {
            node_id: (*id).to_owned(),
            target,
            due_date,
        });
    }
    Ok(TargetsRequest { targets })
}

pub async fn save_targets(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let (id, fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let caller = viewer.caller();
    let view = state.run(move |app| targets::get(app, &caller, id)).await?;
    let outcome = match targets_request(&view, &fields) {
        Ok(body) => state
            .run(move |app| targets::set(app, &caller, id, body))
            .await
            .map(|_| ()),
        Err(e) => Err(e.into()),
    };
    match outcome {
        Ok(()) => {
            Ok(Confirmation::TargetsSet.redirect(&format!("/assessments/{}/scorecard", id.get())))
        }
        Err(e) => targets_page(&state, &viewer, id, Some((fields, Refusal::of(e)?))).await,
    }
}

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
    let chosen = |key: &str| values[key].as_str().unwrap_or_default().to_owned();
    let addresses: Vec<String> = values["addresses"]
        .as_array()
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
    let status = match refusal {
        Some(refusal) => {
            refusal.fill(&mut data);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        None => StatusCode::OK,
    };
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
    let (client, fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let caller = viewer.caller();
    let outcome = match action_request(&fields) {
        Ok(body) => state
            .run(move |app| actions::create(app, &caller, client, body))
            .await
            .map(|_| ()),
        Err(e) => Err(e.into()),
    };
    match outcome {
        Ok(()) => Ok(Confirmation::ActionSaved.redirect(&format!("/clients/{}", client.get()))),
        Err(e) => {
            let refusal = Refusal::of(e)?;
            let form = state
                .run(move |app| actions::form(app, &caller, client))
                .await?;
            action_page(
                &state,
                &viewer,
                (Target::New(client), &form),
                typed(&fields),
                Some(refusal),
            )
        }
    }
}

pub async fn update_action(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let (id, fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let caller = viewer.caller();
    let outcome = match action_request(&fields) {
        Ok(body) => {
            state
                .run(move |app| actions::update(app, &caller, id, body))
                .await
        }
        Err(e) => Err(e.into()),
    };
    match outcome {
        Ok(saved) => {
            Ok(Confirmation::ActionSaved.redirect(&format!("/clients/{}", saved.client_id)))
        }
        Err(e) => {
            let refusal = Refusal::of(e)?;
            let (action, form) = state
                .run(move |app| actions::edit_form(app, &caller, id))
                .await?;
            action_page(
                &state,
                &viewer,
                (Target::Existing(id, action.client_id), &form),
                typed(&fields),
                Some(refusal),
            )
        }
    }
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
