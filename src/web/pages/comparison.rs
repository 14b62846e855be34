//! Two waves compared inside the application: picked on the client page,
//! shown with the app's header, the way back to the client, and the report's
//! formats one click away.

use super::messages::{fill, here};
use super::{PageError, Viewer};
use crate::app::comparison::{self, ComparisonPage};
use crate::app::documents::Asked;
use crate::domain::i18n::Language;
use crate::domain::ids::AssessmentId;
use crate::report::Edition;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

/// The two assessments picked (either order), the edition and language.
#[derive(Deserialize)]
pub struct Picked {
    one: AssessmentId,
    other: AssessmentId,
    edition: Option<Edition>,
    lang: Option<Language>,
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<Picked>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let Picked {
        one,
        other,
        edition,
        lang,
    } = query.into_inner();
    let asked = Asked {
        edition,
        language: Some(lang.unwrap_or_else(|| here().language())),
    };
    let ComparisonPage {
        client_id,
        client,
        waves: (before, after),
        content,
    } = state
        .run(move |app| comparison::page(app, &caller, (one, other), asked))
        .await?;
    let (before_date, after_date) = (
        here().short_date(before.date),
        here().short_date(after.date),
    );
    let edition = edition.unwrap_or_default();
    let mut data = json!({
        "title": fill(
            "comparepage-title",
            &[("client", &client), ("before", &before_date), ("after", &after_date)],
        ),
        "client": { "id": client_id, "name": client },
        "crumb": fill("comparepage-crumb", &[("before", &before_date), ("after", &after_date)]),
        "report": format!("/api/v1/assessments/{}/comparison/{}", after.id, before.id),
        "one": after.id,
        "other": before.id,
        "content": content,
        "edition": edition.name(),
        "working": edition.is_working(),
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "comparison", &data))
}
