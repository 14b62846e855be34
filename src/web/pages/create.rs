//! The form that starts an assessment (the client form is `clients`'s). They post natively
//! (no script needed) and share their rules with the JSON API.

use super::form_errors::Refusal;
use super::messages::{fill, text};
use super::{PageError, Viewer};
use crate::app::assessments::{self, NewAssessmentRequest, Scope};
use crate::app::error::AppError;
use crate::domain::role::{Caller, Role};
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

/// A form's fields in order; checkboxes repeat their name.
pub(super) type Fields = Vec<(String, String)>;

pub(super) fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

fn staff_only(viewer: &Viewer) -> Result<Caller, PageError> {
    viewer.require(&[Role::Admin, Role::Consultant], &text("only_staff_create"))
}

#[derive(Deserialize)]
pub struct ClientQuery {
    client_id: Option<i32>,
}

/// The form, blank (`typed` empty) or as it was sent, with its refusal.
async fn assessment_page(
    state: &AppState,
    viewer: &Viewer,
    typed: &Fields,
    refusal: Option<Refusal>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let choices = state
        .run(move |app| assessments::choices(app, &caller))
        .await?;
    let chosen = |name: &str, id: i32| field(typed, name) == id.to_string();
    let ticked = |id: i32| {
        typed
            .iter()
            .any(|(n, v)| n == "assessor" && *v == id.to_string())
    };
    let date = match field(typed, "assessment_date") {
        "" => chrono::Utc::now().date_naive().to_string(),
        given => given.to_owned(),
    };
    let mut data = json!({
        "title": text("pages-assessment-new-title"),
        "form": {
            "assessment_date": date,
            "business_unit": field(typed, "business_unit"),
            "product": field(typed, "product"),
            "customer_group": field(typed, "customer_group"),
        },
        "clients": choices.clients.iter().map(|c| json!({ "id": c.id, "name": c.name, "selected": chosen("client_id", c.id) })).collect::<Vec<_>>(),
        "questionnaires": choices.questionnaires.iter().map(|q| json!({ "id": q.id, "title": q.title, "version": q.version, "selected": chosen("questionnaire_id", q.id) })).collect::<Vec<_>>(),
        "colleagues": choices.colleagues.iter().map(|u| json!({ "id": u.id, "name": u.name, "checked": ticked(u.id) })).collect::<Vec<_>>(),
    });
    let status = Refusal::status(refusal, &mut data);
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "assessment_form", &data))
}

pub async fn assessment_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<ClientQuery>,
) -> Result<HttpResponse, PageError> {
    staff_only(&viewer)?;
    let typed: Fields = query
        .client_id
        .map(|id| vec![("client_id".to_owned(), id.to_string())])
        .unwrap_or_default();
    assessment_page(&state, &viewer, &typed, None).await
}

pub async fn assessment_submit(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    staff_only(&viewer)?;
    let fields = form.into_inner();
    viewer.check(field(&fields, "csrf_token"))?;
    let number = |name: &str| {
        field(&fields, name).parse::<i32>().map_err(|_| {
            let what = name.replace("_id", "");
            AppError::invalid_field(
                "missing_field",
                name,
                fill("choose_one", &[("what", &what)]),
            )
        })
    };
    let parsed = (|| -> Result<NewAssessmentRequest, AppError> {
        let given =
            |name: &str| Some(field(&fields, name).to_owned()).filter(|v| !v.trim().is_empty());
        Ok(NewAssessmentRequest {
            client_id: number("client_id")?,
            questionnaire_id: number("questionnaire_id")?,
            assessment_date: field(&fields, "assessment_date").parse().map_err(|_| {
                AppError::invalid_field("bad_date", "assessment_date", text("date_needed"))
            })?,
            scope: Scope {
                business_unit: given("business_unit"),
                product: given("product"),
                customer_group: given("customer_group"),
            },
            lead_assessor_id: None,
            assessor_ids: fields
                .iter()
                .filter(|(n, _)| n == "assessor")
                .filter_map(|(_, v)| v.parse().ok())
                .collect(),
        })
    })();
    let outcome = match parsed {
        Ok(body) => {
            let caller = viewer.caller();
            state
                .run(move |app| assessments::create(app, &caller, body))
                .await
        }
        Err(e) => Err(e.into()),
    };
    match outcome {
        Ok(created) => Ok(HttpResponse::SeeOther()
            .insert_header(("Location", format!("/assessments/{}", created.id)))
            .finish()),
        Err(ApiError::App(AppError::NotFound(detail))) => {
            let refusal = Refusal::of(ApiError::App(AppError::invalid_field(
                "not_found",
                "client_id",
                detail,
            )))?;
            assessment_page(&state, &viewer, &fields, Some(refusal)).await
        }
        Err(e) => {
            let refusal = Refusal::of(e)?;
            assessment_page(&state, &viewer, &fields, Some(refusal)).await
        }
    }
}
