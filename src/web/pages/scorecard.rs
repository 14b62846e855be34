//! A final scorecard inside the application: the app's header, the way back
//! to its client, and the report's formats one click away.

use super::flash::FlashQuery;
use super::messages::{fill, here};
use super::{PageError, Viewer};
use crate::app::scorecard::{self, ScorecardPage};
use crate::domain::ids::AssessmentId;
use crate::domain::role::Role;
use crate::report::Edition;
use crate::web::report_query::ReportQuery;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde_json::json;

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
    query: web::Query<ReportQuery>,
    flash: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let (id, edition, asked) = (path.into_inner(), query.edition, query.asked());
    let ScorecardPage {
        client_id,
        client,
        date,
        content,
        priorities,
        may_set_targets,
    } = state
        .run(move |app| scorecard::page(app, &caller, id, asked))
        .await?;
    let mut data = json!({
        "title": fill(
            "pages-scorecard-title",
            &[("client", &client), ("date", &here().short_date(date))],
        ),
        "id": id.get(),
        "client": { "id": client_id, "name": client },
        "date": here().short_date(date),
        "content": content,
        "edition": edition.unwrap_or_default().name(),
        "working": edition.is_some_and(Edition::is_working),
        "may_set_targets": may_set_targets,
        "may_propose": matches!(viewer.caller().role, Role::Admin | Role::Consultant | Role::ProgrammeManager),
        "priorities": priorities.iter().map(|(area, name)| json!({ "area": area, "name": name })).collect::<Vec<_>>(),
    });
    viewer.fill(&mut data);
    let status = flash.flash().fill(&mut data);
    Ok(state.pages.render(status, "scorecard", &data))
}
