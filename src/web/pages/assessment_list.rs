//! Every assessment the viewer may see, searched by client name, filtered
//! by status, sorted and paged on the server.

use super::messages::{here, order_options, text};
use super::pager::pager;
use super::{PageError, Viewer};
use crate::app::assessment_list;
use crate::app::listing::ListQuery;
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

/// The list's query as its form sends it.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListForm {
    q: String,
    status: String,
    sort: String,
    page: Option<u32>,
}

/// The orders the list offers, as (sort key, words).
fn orders() -> [(&'static str, String); 4] {
    [
        ("-assessment_date", text("order_newest")),
        ("assessment_date", text("order_oldest")),
        ("-updated_at", text("order_changed")),
        ("status", text("order_status")),
    ]
}

pub async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Query<ListForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let status = Status::ALL.into_iter().find(|s| s.as_str() == form.status);
    let query = ListQuery {
        q: Some(form.q.clone()),
        sort: Some(form.sort.clone()),
        page: form.page,
        per_page: None,
    };
    let filter = AssessmentFilter {
        client_id: None,
        status,
    };
    let caller = viewer.caller();
    let (found, clients) = state
        .run(move |app| assessment_list::listed(app, &caller, &query, &filter))
        .await?;
    let pager = pager(
        &found,
        "/assessments",
        &[
            ("q", &form.q),
            ("status", &form.status),
            ("sort", &form.sort),
        ],
    );
    let staff = caller.role.is_staff();
    let mut data = json!({
        "title": text("pages-assessments-title"),
        "q": form.q,
        "statuses": Status::ALL.iter().map(|s| json!({ "value": s.as_str(), "label": s.as_str().replace('_', " "), "selected": Some(*s) == status })).collect::<Vec<_>>(),
        "orders": order_options(&orders(), &form.sort),
        "staff": staff,
        "assessments": found.items.iter().map(|a| json!({
            "id": a.id,
            "client_id": a.client_id,
            "client": clients.get(&a.client_id).cloned().unwrap_or_default(),
            "date": here().short_date(a.assessment_date),
            "scope": a.scope_label,
            "status": super::messages::status_words(a.status),
            "final": a.status == Status::Final,
        })).collect::<Vec<_>>(),
        "searched": !(form.q.is_empty() && form.status.is_empty()),
        "pager": pager,
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "assessments", &data))
}
