//! Data uploaded in bulk: client lists, and the performance data of the
//! portfolio study (the KPIs, their values and the expert panels). Consultants define KPIs and upload CSV files here; an
//! upload is all or nothing, and a refused one lists every problem by row
//! and column. The rules are the API's (`app::performance`, `app::import`).

use super::flash::{Confirmation, Flash, FlashQuery};
use super::form_errors::Refusal;
use super::messages::text;
use super::page_error::sentence;
use super::upload::Upload;
use super::{PageError, Viewer};
use crate::app::error::AppError;
use crate::app::file_problems::Flaw;
use crate::app::import::{self, CsvImport};
use crate::app::limits::MAX_CSV;
use crate::app::performance::{self, NewKpi};
use crate::app::permissions::STAFF;
use crate::domain::performance::{Direction, KpiKind};
use crate::domain::role::Caller;
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_multipart::Multipart;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

const DATA: &str = "/data";

fn staff_only(viewer: &Viewer) -> Result<Caller, PageError> {
    viewer.require(STAFF, &text("only_staff_data"))
}

/// What the page shows besides its tables: a confirmation or a refusal, and
/// for a refused file which form it came from and its problems.
struct Outcome {
    flash: Flash,
    refused: Option<(CsvImport, Vec<Flaw>)>,
    /// The KPI form as sent, and its problems by field.
    kpi: Option<(KpiForm, Refusal)>,
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    outcome: Outcome,
) -> Result<HttpResponse, PageError> {
    let caller = staff_only(viewer)?;
    let performance::Overview {
        kpis,
        periods,
        panels,
        left_out,
    } = state
        .run(move |app| performance::overview(app, &caller))
        .await?;
    let flaws = |kind: CsvImport| -> Vec<Value> {
        match &outcome.refused {
            Some((k, flaws)) if *k == kind => flaws
                .iter()
                .map(|f| json!({ "at": f.at, "message": sentence(&f.message) }))
                .collect(),
            _ => Vec::new(),
        }
    };
    let mut data = json!({
        "title": text("pages-data-title"),
        "kpis": kpis.iter().map(|k| json!({ "name": k.name, "unit": k.unit, "direction": k.direction().as_str(), "kind": k.kind })).collect::<Vec<_>>(),
        "periods": periods.iter().rev().map(|p| json!({ "period": p, "query": url_encode(p) })).collect::<Vec<_>>(),
        "panels": panels.iter().map(|p| json!({ "name": p.name, "period": p.period })).collect::<Vec<_>>(),
        "more_kpis": left_out.0,
        "earlier_periods": left_out.1,
        "more_panels": left_out.2,
        "kpi_flaws": flaws(CsvImport::KpiValues),
        "panel_flaws": flaws(CsvImport::PanelRanks),
        "client_flaws": flaws(CsvImport::Clients),
        "kpi": outcome.kpi.as_ref().map_or_else(
            || json!({ "name": "", "unit": "" }),
            |(form, _)| json!({ "name": form.name, "unit": form.unit }),
        ),
    });
    let mut status = outcome.flash.fill(&mut data);
    if let Some((_, refusal)) = outcome.kpi {
        if let Some(page) = data.as_object_mut() {
            page.insert(
                "kpi_errors".into(),
                serde_json::Value::Object(refusal.errors),
            );
        }
        status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "data", &data))
}

/// A period as a query value (periods are short labels such as `2025-Q4`).
pub(super) fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                char::from(b).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    let outcome = Outcome {
        flash: query.flash(),
        refused: None,
        kpi: None,
    };
    page(&state, &viewer, outcome).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct KpiForm {
    csrf_token: String,
    name: String,
    unit: String,
    direction: String,
    kind: String,
}

pub async fn add_kpi(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<KpiForm>,
) -> Result<HttpResponse, PageError> {
    let caller = staff_only(&viewer)?;
    let form = form.into_inner();
    viewer.check(&form.csrf_token)?;
    let direction = match form.direction.as_str() {
        "lower" => Direction::Lower,
        _ => Direction::Higher,
    };
    let kind = match form.kind.as_str() {
        "behaviour" => KpiKind::Behaviour,
        _ => KpiKind::Financial,
    };
    let body = NewKpi {
        name: form.name.clone(),
        unit: form.unit.clone(),
        direction,
        kind,
    };
    let typed = form;
    match state
        .run(move |app| performance::define_kpi(app, &caller, body))
        .await
    {
        Ok(_) => Ok(Confirmation::KpiDefined.redirect(DATA)),
        Err(e) => {
            let outcome = Outcome {
                flash: Flash::Nothing,
                refused: None,
                kpi: Some((typed, Refusal::of(e)?)),
            };
            page(&state, &viewer, outcome).await
        }
    }
}

async fn upload(
    state: &AppState,
    viewer: &Viewer,
    kind: CsvImport,
    payload: Multipart,
) -> Result<HttpResponse, PageError> {
    let caller = staff_only(viewer)?;
    let form = Upload::read(payload, MAX_CSV + 64 * 1024).await?;
    viewer.check(&form.text("csrf_token"))?;
    // A chosen file wins over pasted text.
    let file = match form.bytes("file") {
        [] => form.bytes("text"),
        file => file,
    };
    if file.iter().all(u8::is_ascii_whitespace) {
        let outcome = Outcome {
            flash: Flash::Refused(StatusCode::UNPROCESSABLE_ENTITY, text("choose_csv")),
            refused: None,
            kpi: None,
        };
        return page(state, viewer, outcome).await;
    }
    let done = match kind {
        CsvImport::KpiValues => Confirmation::KpiValuesImported,
        CsvImport::PanelRanks => Confirmation::PanelRanksImported,
        CsvImport::Clients => Confirmation::ClientsImported,
    };
    let file = file.to_vec();
    match state
        .run(move |app| import::csv(app, &caller, kind, &file))
        .await
    {
        Ok(_) => Ok(done.redirect(DATA)),
        Err(ApiError::App(AppError::Rejected(rejected))) => {
            let outcome = Outcome {
                flash: Flash::Refused(StatusCode::UNPROCESSABLE_ENTITY, text("file_problems")),
                refused: Some((kind, rejected.0)),
                kpi: None,
            };
            page(state, viewer, outcome).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn upload_clients(
    state: web::Data<AppState>,
    viewer: Viewer,
    payload: Multipart,
) -> Result<HttpResponse, PageError> {
    upload(&state, &viewer, CsvImport::Clients, payload).await
}

pub async fn upload_kpi_values(
    state: web::Data<AppState>,
    viewer: Viewer,
    payload: Multipart,
) -> Result<HttpResponse, PageError> {
    upload(&state, &viewer, CsvImport::KpiValues, payload).await
}

pub async fn upload_panel_ranks(
    state: web::Data<AppState>,
    viewer: Viewer,
    payload: Multipart,
) -> Result<HttpResponse, PageError> {
    upload(&state, &viewer, CsvImport::PanelRanks, payload).await
}
