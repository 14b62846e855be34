//! The targets of an assessment's client and scope, in a form: one row per
//! area, a few per practice, each with its due date. A refused form keeps
//! what was typed and says beside each row what is wrong.

use super::create::{field, Fields};
use super::flash::Confirmation;
use super::form_errors::Refusal;
use super::messages::{fill, here, text};
use super::{PageError, Viewer};
use crate::app::error::AppError;
use crate::app::targets::{self, TargetInput, TargetsRequest, TargetsView};
use crate::domain::ids::AssessmentId;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

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
    let status = Refusal::status(refusal, &mut data);
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
