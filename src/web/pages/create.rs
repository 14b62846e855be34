//! The form that starts an assessment (the client form is `clients`'s). They post natively
//! (no script needed) and share their rules with the JSON API.

use super::messages::{fill, text};
use super::page_error::sentence;
use super::{PageError, Viewer};
use crate::app::assessments::{self, NewAssessmentRequest, Scope};
use crate::app::error::AppError;
use crate::domain::role::{Caller, Role};
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

/// A form's fields in order; checkboxes repeat their name.
pub(super) type Fields = Vec<(String, String)>;

pub(super) fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

fn staff_only(viewer: &Viewer) -> Result<Caller, PageError> {
    viewer.require(&[Role::Admin, Role::Consultant], text("only_staff_create"))
}

#[derive(Deserialize)]
pub struct ClientQuery {
    client_id: Option<i32>,
}

async fn assessment_page(
    state: &AppState,
    viewer: &Viewer,
    client_id: Option<i32>,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let choices = state
        .run(move |app| assessments::choices(app, &caller))
        .await?;
    let mut data = json!({
        "title": "New assessment",
        "today": chrono::Utc::now().date_naive().to_string(),
        "error": error,
        "clients": choices.clients.iter().map(|c| json!({ "id": c.id, "name": c.name, "selected": Some(c.id) == client_id })).collect::<Vec<_>>(),
        "questionnaires": choices.questionnaires.iter().map(|q| json!({ "id": q.id, "title": q.title, "version": q.version })).collect::<Vec<_>>(),
        "colleagues": choices.colleagues.iter().map(|u| json!({ "id": u.id, "name": u.name })).collect::<Vec<_>>(),
    });
    viewer.fill(&mut data);
    let status = if data.get("error").is_none_or(Value::is_null) {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(state.pages.render(status, "assessment_form", &data))
}

pub async fn assessment_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<ClientQuery>,
) -> Result<HttpResponse, PageError> {
    staff_only(&viewer)?;
    assessment_page(&state, &viewer, query.client_id, None).await
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
        field(&fields, name)
            .parse::<i32>()
            .map_err(|_| fill("choose_one", &[("what", &name.replace("_id", ""))]))
    };
    let parsed = (|| -> Result<NewAssessmentRequest, String> {
        let given =
            |name: &str| Some(field(&fields, name).to_owned()).filter(|v| !v.trim().is_empty());
        Ok(NewAssessmentRequest {
            client_id: number("client_id")?,
            questionnaire_id: number("questionnaire_id")?,
            assessment_date: field(&fields, "assessment_date")
                .parse()
                .map_err(|_| text("date_needed").to_owned())?,
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
    let client_id = field(&fields, "client_id").parse().ok();
    let body = match parsed {
        Ok(body) => body,
        Err(problem) => return assessment_page(&state, &viewer, client_id, Some(problem)).await,
    };
    let caller = viewer.caller();
    match state
        .run(move |app| assessments::create(app, &caller, body))
        .await
    {
        Ok(created) => Ok(HttpResponse::SeeOther()
            .insert_header(("Location", format!("/assessments/{}", created.id)))
            .finish()),
        Err(e @ ApiError::App(AppError::Invalid { .. } | AppError::NotFound(_))) => {
            assessment_page(
                &state,
                &viewer,
                client_id,
                Some(sentence(&e.problem().detail)),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
