//! What the fieldwork page shows: the sheet shaped for its template, and
//! each form's values, errors and checkboxes.

use super::super::create::Fields;
use super::super::messages::fill;
use super::Refusal;
use crate::app::fieldwork::Assignment;
use crate::app::fieldwork_sheet::FieldworkSheet;
use crate::app::interviews::{FUNCTIONS, STATUSES};
use serde_json::{json, Map, Value};

/// Each form's values and errors (blank unless it is the refused one) and
/// its checkboxes, ticked as the refused form had them.
pub(super) fn forms(sheet: &FieldworkSheet, refusal: Option<&Refusal>) -> Map<String, Value> {
    // Every field the templates read.
    let names = [
        "interviewee",
        "job_title",
        "function",
        "scheduled_at",
        "status",
        "notes",
        "title",
        "url",
        "effective_date",
        "file",
        "assessor_ids",
        "area_ids",
        "assignments",
        "form",
    ];
    let forms = [
        "interview_form",
        "link_form",
        "document_form",
        "division_form",
        "share_form",
    ];
    forms
        .iter()
        .map(|form| {
            let refused = refusal.filter(|r| r.form == *form);
            let chosen = refused.map(|r| &r.values);
            let mut values: Map<String, Value> =
                names.iter().map(|k| ((*k).to_owned(), json!(""))).collect();
            let mut errors = values.clone();
            if let Some(r) = refused {
                values.extend(r.values.iter().map(|(n, v)| (n.clone(), json!(v))));
                errors.insert(r.field.clone(), json!(r.message));
            }
            let assessors: Vec<Value> = sheet
                .team
                .iter()
                .map(|(u, n)| {
                    json!({ "id": u, "name": n, "checked": ticked(chosen, "assessor", &u.to_string()) })
                })
                .collect();
            let form_data = json!({
                "values": values, "errors": errors, "assessors": assessors,
                "areas": area_choices(sheet, chosen),
            });
            ((*form).to_owned(), form_data)
        })
        .collect()
}

/// Whether the refused form had the checkbox `name` with `value` ticked.
fn ticked(chosen: Option<&Fields>, name: &str, value: &str) -> bool {
    chosen.is_some_and(|v| v.iter().any(|(k, x)| k == name && x == value))
}

/// The areas as checkboxes, ticked as the refused form had them.
fn area_choices(sheet: &FieldworkSheet, chosen: Option<&Fields>) -> Vec<Value> {
    sheet
        .questionnaire
        .areas
        .iter()
        .map(|a| json!({ "id": a.id, "name": a.name, "checked": ticked(chosen, "area", &a.id) }))
        .collect()
}

pub(super) fn shape(sheet: &FieldworkSheet, id: i32) -> Value {
    let name_of = |user: i32| {
        sheet.team.iter().find(|(u, _)| *u == user).map_or_else(
            || fill("pages-fieldwork-user", &[("id", &user.to_string())]),
            |(_, n)| n.clone(),
        )
    };
    let areas: Vec<Value> = sheet
        .questionnaire
        .areas
        .iter()
        .map(|a| {
            let subs: Vec<Value> = a
                .sub_areas
                .iter()
                .map(|s| json!({ "id": s.id, "name": s.name }))
                .collect();
            json!({ "id": a.id, "name": a.name, "sub_areas": subs })
        })
        .collect();
    let interviews: Vec<Value> = sheet
        .interviews
        .iter()
        .map(|i| {
            json!({
                "id": i.id, "interviewee": i.interviewee, "job_title": i.job_title, "function": i.function,
                "when": i.scheduled_at.format("%Y-%m-%d %H:%M").to_string(), "status": i.status,
                "assessors": i.assessor_ids.iter().map(|u| name_of(*u)).collect::<Vec<_>>().join(", "),
                "areas": i.area_ids.join(", "), "notes": i.notes.clone().unwrap_or_default(),
                // What the notes' autosave sends back with each change.
                "body": json!({
                    "interviewee": i.interviewee, "job_title": i.job_title, "function": i.function,
                    "scheduled_at": i.scheduled_at, "status": i.status, "assessor_ids": i.assessor_ids,
                    "area_ids": i.area_ids,
                }).to_string(),
                "version": i.version,
            })
        })
        .collect();
    let evidence: Vec<Value> = sheet
        .evidence
        .iter()
        .filter(|e| e.kind != "interview")
        .map(|e| {
            json!({
                "id": e.id, "kind": e.kind, "title": e.title, "url": e.url, "file_name": e.file_name,
                "document": e.kind == "document", "media_type": e.media_type,
                "size": e.size_bytes.map(human_size), "sha256": e.sha256,
                "effective_date": e.effective_date.map(|d| d.to_string()),
                "added_by": name_of(e.added_by), "added_at": e.added_at.format("%Y-%m-%d %H:%M").to_string(),
                "areas": e.area_ids.join(", "), "citations": e.citations, "shared": e.shared_with_executives,
            })
        })
        .collect();
    let coverage: Vec<Value> = sheet
        .coverage
        .areas
        .iter()
        .map(|a| json!({ "name": a.name, "counts": a.held_by_function, "documents": a.documents, "uncovered": a.uncovered }))
        .collect();
    let uncovered: Vec<&str> = sheet
        .coverage
        .areas
        .iter()
        .filter(|a| a.uncovered)
        .map(|a| a.name.as_str())
        .collect();
    let division: Vec<Value> = sheet
        .team
        .iter()
        .map(|(user, name)| {
            let cells: Vec<Value> = sheet
                .questionnaire
                .areas
                .iter()
                .map(|a| {
                    let cell = |id: &str, name: &str| {
                        let on = sheet.assignments.contains(&Assignment {
                            user_id: *user,
                            area_id: id.to_owned(),
                        });
                        json!({ "value": format!("{user}:{id}"), "area": name, "checked": on })
                    };
                    let mut area = cell(&a.id, &a.name);
                    let subs: Vec<Value> =
                        a.sub_areas.iter().map(|s| cell(&s.id, &s.name)).collect();
                    if let Some(area) = area.as_object_mut() {
                        area.insert("sub_areas".into(), json!(subs));
                    }
                    area
                })
                .collect();
            json!({ "name": name, "cells": cells })
        })
        .collect();
    json!({
        "title": fill("pages-fieldwork-title", &[("client", &sheet.client)]),
        "id": id, "client": sheet.client, "date": sheet.assessment.assessment_date.to_string(),
        "status": super::super::messages::status_words(sheet.assessment.status),
        "interviews": interviews, "evidence": evidence, "areas": areas,
        "functions": FUNCTIONS, "statuses": STATUSES, "team": sheet.team.iter().map(|(u, n)| json!({ "id": u, "name": n })).collect::<Vec<_>>(),
        "coverage": coverage, "uncovered": uncovered.join(", "), "division": division,
        "area_names": sheet.questionnaire.areas.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
        "may_contribute": sheet.may_contribute, "is_lead": sheet.is_lead && sheet.may_contribute,
        "may_share": sheet.is_admin,
    })
}

fn human_size(bytes: i64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / f64::from(1 << 20)),
        b if b >= 1 << 10 => format!("{:.0} KiB", b as f64 / 1024.0),
        b => fill("pages-fieldwork-bytes", &[("count", &b.to_string())]),
    }
}
