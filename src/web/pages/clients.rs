//! The clients: a list searched by name and filtered by sector and region,
//! a page per client, and the form that creates or changes one. A refused
//! form keeps what was typed and says beside each field what is wrong; a
//! name another client has links to that client.

use super::create::{field, Fields};
use super::flash::FlashQuery;
use super::form_errors::Refusal;
use super::messages::{here, language_options, order_options, text};
use super::pager::pager;
use super::{PageError, Viewer};
use crate::app::client_overview::{self, ClientOverview, TimelineEntry};
use crate::app::clients::{self, ClientFilter, ClientView, Directory, NewClientRequest};
use crate::app::listing::ListQuery;
use crate::app::permissions::STAFF;
use crate::domain::assessment::Status;
use crate::domain::i18n::Language;
use crate::domain::ids::ClientId;
use crate::domain::role::{Caller, Role};
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

/// The list's query as the search form sends it.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListForm {
    q: String,
    sector: String,
    region: String,
    sort: String,
    page: Option<u32>,
}

/// The orders the list offers, as (sort key, words).
fn orders() -> [(&'static str, String); 5] {
    [
        ("name", text("order_name_az")),
        ("-name", text("order_name_za")),
        ("sector", text("order_sector")),
        ("region", text("order_region")),
        ("-created_at", text("order_newest")),
    ]
}

pub async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Query<ListForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let query = ListQuery {
        q: Some(form.q.clone()),
        sort: Some(form.sort.clone()),
        page: form.page,
        per_page: None,
    };
    let filter = ClientFilter {
        sector: Some(form.sector.clone()),
        region: Some(form.region.clone()),
    };
    let caller = viewer.caller();
    let Directory {
        clients,
        sectors,
        regions,
    } = state
        .run(move |app| clients::directory(app, &caller, &query, &filter))
        .await?;
    let options = |values: &[String], chosen: &str| -> Vec<Value> {
        values
            .iter()
            .map(|v| json!({ "value": v, "selected": v == chosen }))
            .collect()
    };
    let pager = pager(
        &clients,
        "/clients",
        &[
            ("q", &form.q),
            ("sector", &form.sector),
            ("region", &form.region),
            ("sort", &form.sort),
        ],
    );
    let mut data = json!({
        "title": text("pages-clients-title"),
        "q": form.q,
        "sectors": options(&sectors, &form.sector),
        "regions": options(&regions, &form.region),
        "orders": order_options(&orders(), &form.sort),
        "clients": clients.items.iter().map(|c| json!({ "id": c.id, "name": c.name, "sector": c.sector, "size_band": c.size_band, "region": c.region })).collect::<Vec<_>>(),
        "searched": !(form.q.is_empty() && form.sector.is_empty() && form.region.is_empty()),
        "pager": pager,
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "clients", &data))
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<ClientId>,
    flash: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let id = path.into_inner();
    let ClientOverview {
        client,
        assessments,
        programme,
        kpis,
        members,
        actions,
    } = state
        .run(move |app| client_overview::overview(app, &caller, id))
        .await?;
    let staff = caller.role.is_staff();
    let compare = compare_choices(&assessments);
    let may_write_actions = matches!(
        caller.role,
        Role::Admin | Role::Consultant | Role::ProgrammeManager
    );
    let mut data = json!({
        "title": client.name,
        "compare": compare,
        "may_write_actions": may_write_actions,
        "actions": actions.iter().map(|a| json!({
            "id": a.id,
            "title": a.title,
            "addresses": a.addresses.iter().map(|x| x.name.as_str()).collect::<Vec<_>>().join(", "),
            "owner": a.owner,
            "due": a.due_date.map(|d| here().short_date(d)).unwrap_or_default(),
            "status": here().get(&format!("action-status-{}", a.status.as_str())),
            "overdue": a.overdue,
            "open": a.status.is_open(),
            "project": a.project,
            "version": a.version,
        })).collect::<Vec<_>>(),
        "client": profile(&client),
        "staff": staff,
        "assessments": assessments.iter().map(|a| json!({
            "id": a.id,
            "date": here().short_date(a.date),
            "scope": a.scope,
            "status": super::messages::status_words(a.status),
            "final": a.status == Status::Final,
            "lead": a.lead,
            "overall": a.overall.map(|p| format!("{p:.0}%")),
        })).collect::<Vec<_>>(),
        "programme": programme.map(|(id, name)| json!({ "id": id, "name": name })),
        "kpis": kpis.iter().map(|(kpi, period, value)| json!({ "kpi": kpi, "period": period, "value": value })).collect::<Vec<_>>(),
        "members": members.iter().map(|m| json!({ "name": m.name, "role": m.role.as_str().replace('_', " ") })).collect::<Vec<_>>(),
    });
    viewer.fill(&mut data);
    let status = flash.flash().fill(&mut data);
    Ok(state.pages.render(status, "client", &data))
}

/// The final assessments to pick two from, newest first, with the newest
/// and the one before it of the same scope chosen; none below two.
fn compare_choices(assessments: &[TimelineEntry]) -> Option<Value> {
    let finals: Vec<&TimelineEntry> = assessments
        .iter()
        .filter(|a| a.status == Status::Final)
        .collect();
    let latest = finals.iter().max_by_key(|a| (a.date, a.id))?;
    let previous = finals
        .iter()
        .filter(|a| a.scope == latest.scope && (a.date, a.id) < (latest.date, latest.id))
        .max_by_key(|a| (a.date, a.id))?;
    let options = |chosen: i32| -> Vec<Value> {
        let mut sorted = finals.clone();
        sorted.sort_by_key(|a| std::cmp::Reverse((a.date, a.id)));
        sorted
            .iter()
            .map(|a| {
                json!({
                    "id": a.id,
                    "label": format!("{} · {}", here().short_date(a.date), a.scope),
                    "selected": a.id == chosen,
                })
            })
            .collect()
    };
    Some(json!({ "one": options(latest.id), "other": options(previous.id) }))
}

fn profile(client: &ClientView) -> Value {
    json!({ "id": client.id, "name": client.name, "sector": client.sector, "size_band": client.size_band, "region": client.region })
}

fn staff_only(viewer: &Viewer) -> Result<Caller, PageError> {
    viewer.require(STAFF, &text("only_staff_create"))
}

/// The form, new or for the client `id`, with what it holds.
fn form_page(
    state: &AppState,
    viewer: &Viewer,
    id: Option<ClientId>,
    form: Value,
    refusal: Option<Refusal>,
) -> HttpResponse {
    let (title, action) = match id {
        Some(id) => (
            &text("pages-client-edit-title"),
            format!("/clients/{id}/edit"),
        ),
        None => (&text("pages-client-new-title"), "/clients/new".to_owned()),
    };
    let chosen = form
        .get("report_language")
        .and_then(Value::as_str)
        .and_then(|code| code.parse().ok())
        .unwrap_or(Language::En);
    let languages = language_options(Some(chosen));
    let mut data = json!({ "title": title, "action": action, "form": form, "id": id.map(ClientId::get), "languages": languages });
    let status = Refusal::status(refusal, &mut data);
    viewer.fill(&mut data);
    state.pages.render(status, "client_form", &data)
}

pub async fn new_form(
    state: web::Data<AppState>,
    viewer: Viewer,
) -> Result<HttpResponse, PageError> {
    staff_only(&viewer)?;
    let empty = json!({ "name": "", "sector": "", "size_band": "", "region": "" });
    Ok(form_page(&state, &viewer, None, empty, None))
}

pub async fn edit_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<ClientId>,
) -> Result<HttpResponse, PageError> {
    let caller = staff_only(&viewer)?;
    let id = path.into_inner();
    let client = state.run(move |app| clients::get(app, &caller, id)).await?;
    Ok(form_page(&state, &viewer, Some(id), profile(&client), None))
}

/// Creates the client, or changes the client `id`; then its page.
async fn submit(
    state: &AppState,
    viewer: &Viewer,
    id: Option<ClientId>,
    fields: Fields,
) -> Result<HttpResponse, PageError> {
    let caller = staff_only(viewer)?;
    viewer.check(field(&fields, "csrf_token"))?;
    let body = NewClientRequest {
        name: field(&fields, "name").to_owned(),
        sector: field(&fields, "sector").to_owned(),
        size_band: field(&fields, "size_band").to_owned(),
        region: field(&fields, "region").to_owned(),
        // A choice among the offered languages; anything else is the
        // organisation's default (or, for a client, its language so far).
        report_language: field(&fields, "report_language").parse().ok(),
    };
    let saved = state
        .run(move |app| match id {
            Some(id) => clients::update(app, &caller, id, body),
            None => clients::create(app, &caller, body),
        })
        .await;
    match saved {
        Ok(client) => Ok(HttpResponse::SeeOther()
            .insert_header(("Location", format!("/clients/{}", client.id)))
            .finish()),
        Err(e) => {
            let refusal = Refusal::of(e)?;
            let typed: serde_json::Map<String, Value> = ["name", "sector", "size_band", "region"]
                .iter()
                .map(|n| ((*n).to_owned(), json!(field(&fields, n))))
                .collect();
            Ok(form_page(
                state,
                viewer,
                id,
                Value::Object(typed),
                Some(refusal),
            ))
        }
    }
}

pub async fn create(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    submit(&state, &viewer, None, form.into_inner()).await
}

pub async fn update(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<ClientId>,
    form: web::Form<Fields>,
) -> Result<HttpResponse, PageError> {
    submit(&state, &viewer, Some(path.into_inner()), form.into_inner()).await
}
