//! The fieldwork page of an assessment: the interview plan (notes autosave
//! through `static/fieldwork.js`), the evidence with its upload and link
//! forms, the coverage of the areas, and the lead's division of the areas.
//! Forms post natively; a refused one comes back with what was typed and
//! the error beside its field.

mod view;

use super::create::{field, Fields};
use super::messages::text;
use super::page_error::sentence;
use super::upload::SpooledForm;
use super::{PageError, Viewer};
use crate::app::error::{AppError, AppResult};
use crate::app::evidence::{self, DocumentInput, EvidenceChange, LinkInput};
use crate::app::fieldwork::{self, Assignment, Assignments};
use crate::app::fieldwork_sheet;
use crate::app::interviews::{self, InterviewInput};
use crate::app::App;
use crate::domain::ids::AssessmentId;
use crate::domain::role::Caller;
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_multipart::Multipart;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::json;
use view::{forms, shape};

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// A refused form: which one, what was typed, and the error by field.
pub(super) struct Refusal {
    form: &'static str,
    values: Fields,
    field: String,
    message: String,
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
    query: web::Query<Done>,
) -> Result<HttpResponse, PageError> {
    let notice = query.done.as_deref().and_then(|done| match done {
        "interview" => Some(text("fieldwork_interview")),
        "link" => Some(text("fieldwork_link")),
        "document" => Some(text("fieldwork_document")),
        "existing" => Some(text("fieldwork_existing")),
        "assignments" => Some(text("fieldwork_assignments")),
        "shared" => Some(text("fieldwork_shared")),
        _ => None,
    });
    page(&state, &viewer, path.into_inner(), notice, None).await
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    id: AssessmentId,
    notice: Option<String>,
    refusal: Option<Refusal>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let sheet = match state
        .run(move |app| fieldwork_sheet::sheet(app, &caller, id))
        .await
    {
        Ok(sheet) => sheet,
        Err(ApiError::App(AppError::NotFound(_) | AppError::Forbidden { .. })) => {
            return Ok(state.pages.error(
                StatusCode::NOT_FOUND,
                &text("no_fieldwork"),
                Some(viewer),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let status = if refusal.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut data = shape(&sheet, id.get());
    if let Some(page) = data.as_object_mut() {
        page.insert("notice".into(), json!(notice));
        page.extend(forms(&sheet, refusal.as_ref()));
    }
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "fieldwork", &data))
}

/// Runs a form's use case: back to the page saying `done` when it is
/// accepted, or the page again with the form refused.
async fn submit<T, F>(
    (state, viewer, id): (&AppState, &Viewer, AssessmentId),
    (form, fields): (&'static str, Fields),
    use_case: F,
    done: impl FnOnce(&T) -> &'static str,
) -> Result<HttpResponse, PageError>
where
    F: FnOnce(&App, &Caller) -> AppResult<T> + Send + 'static,
    T: Send + 'static,
{
    let caller = viewer.caller();
    match state.run(move |app| use_case(app, &caller)).await {
        Ok(outcome) => Ok(back(id, done(&outcome))),
        Err(e) => {
            let refusal = refused(form, fields, e)?;
            page(state, viewer, id, None, Some(refusal)).await
        }
    }
}

/// Where a form went once it was accepted.
fn back(id: AssessmentId, done: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((
            "Location",
            format!("/assessments/{id}/fieldwork?done={done}"),
        ))
        .finish()
}

/// A refusal of the use case as the form's error; other failures as pages.
fn refused(form: &'static str, values: Fields, error: ApiError) -> Result<Refusal, PageError> {
    match &error {
        ApiError::App(AppError::Invalid { field, .. }) => Ok(Refusal {
            form,
            values,
            field: field.clone().unwrap_or_else(|| "form".into()),
            message: sentence(&error.problem().detail),
        }),
        ApiError::App(
            AppError::Conflict { .. } | AppError::TooLarge(_) | AppError::Forbidden { .. },
        ) => Ok(Refusal {
            form,
            values,
            field: "form".into(),
            message: sentence(&error.problem().detail),
        }),
        _ => Err(error.into()),
    }
}

fn all(fields: &Fields, name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
        .collect()
}

fn date(value: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

pub async fn plan_interview(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let (id, fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let when = field(&fields, "scheduled_at");
    let Ok(scheduled_at) = chrono::NaiveDateTime::parse_from_str(when, "%Y-%m-%dT%H:%M") else {
        let refusal = Refusal {
            form: "interview_form",
            values: fields,
            field: "scheduled_at".into(),
            message: text("interview_when"),
        };
        return page(&state, &viewer, id, None, Some(refusal)).await;
    };
    let input = InterviewInput {
        interviewee: field(&fields, "interviewee").into(),
        job_title: field(&fields, "job_title").into(),
        function: field(&fields, "function").into(),
        scheduled_at,
        status: Some(field(&fields, "status").into()),
        assessor_ids: all(&fields, "assessor")
            .iter()
            .filter_map(|v| v.parse().ok())
            .collect(),
        area_ids: all(&fields, "area"),
        notes: Some(field(&fields, "notes").into()),
        version: None,
    };
    submit(
        (&state, &viewer, id),
        ("interview_form", fields),
        move |app, caller| interviews::plan(app, caller, id, &input),
        |_| "interview",
    )
    .await
}

pub async fn add_link(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let (id, fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let input = LinkInput {
        title: field(&fields, "title").into(),
        url: field(&fields, "url").into(),
        effective_date: date(field(&fields, "effective_date")),
        area_ids: all(&fields, "area"),
    };
    submit(
        (&state, &viewer, id),
        ("link_form", fields),
        move |app, caller| evidence::add_link(app, caller, id, &input),
        |_| "link",
    )
    .await
}

pub async fn upload_document(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
    payload: Multipart,
) -> Result<HttpResponse, PageError> {
    let id = path.into_inner();
    let limit = state.app.evidence.file_bytes();
    let form = SpooledForm::read(payload, "file", limit).await?;
    viewer.check(field(&form.fields, "csrf_token"))?;
    let fields = form.fields;
    let Some((file, file_name)) = form.file else {
        let refusal = Refusal {
            form: "document_form",
            values: fields,
            field: "file".into(),
            message: text("choose_file"),
        };
        return page(&state, &viewer, id, None, Some(refusal)).await;
    };
    let input = DocumentInput {
        title: Some(field(&fields, "title").to_owned()).filter(|t| !t.trim().is_empty()),
        file_name,
        effective_date: date(field(&fields, "effective_date")),
        area_ids: all(&fields, "area"),
    };
    submit(
        (&state, &viewer, id),
        ("document_form", fields),
        move |app, caller| evidence::add_document(app, caller, id, &input, file),
        |done| {
            if done.existing {
                "existing"
            } else {
                "document"
            }
        },
    )
    .await
}

pub async fn assign(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let (id, fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let assignments = all(&fields, "assign")
        .iter()
        .filter_map(|v| {
            let (user, area) = v.split_once(':')?;
            Some(Assignment {
                user_id: user.parse().ok()?,
                area_id: area.to_owned(),
            })
        })
        .collect();
    let input = Assignments { assignments };
    submit(
        (&state, &viewer, id),
        ("division_form", fields),
        move |app, caller| fieldwork::assign(app, caller, id, &input),
        |_| "assignments",
    )
    .await
}

pub async fn share(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(AssessmentId, i32)>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    let ((id, evidence_id), fields) = (path.into_inner(), form.into_inner());
    viewer.check(field(&fields, "csrf_token"))?;
    let input = EvidenceChange {
        title: None,
        effective_date: None,
        area_ids: None,
        shared_with_executives: Some(field(&fields, "shared") == "true"),
    };
    submit(
        (&state, &viewer, id),
        ("share_form", fields),
        move |app, caller| evidence::change(app, caller, id, evidence_id, &input),
        |_| "shared",
    )
    .await
}
