//! The portfolio study inside the application: findings, the rank scatter
//! and the heat map for a chosen period and method, with the PDF and the
//! standalone page one click away.

use super::{PageError, Viewer};
use crate::app::study;
use crate::db::organisations::Organisation;
use crate::db::performance::KpiValue;
use crate::domain::role::Role;
use crate::stats::Method;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
pub struct StudyQuery {
    period: Option<String>,
    method: Option<String>,
}

const METHODS: [(Method, &str, &str); 3] = [
    (Method::Spearman, "spearman", "Spearman's ρ (ranks)"),
    (Method::Kendall, "kendall", "Kendall's τ-b (ranks)"),
    (Method::Pearson, "pearson", "Pearson's r (values)"),
];

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<StudyQuery>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(
        &[Role::Admin, Role::Consultant],
        "The portfolio study is for consultants and admins.",
    )?;
    let query = query.into_inner();
    // An unknown method falls back to the default rather than failing the page.
    let (method, method_code, _) = METHODS
        .iter()
        .copied()
        .find(|(_, code, _)| Some(*code) == query.method.as_deref())
        .unwrap_or(METHODS[0]);
    let cache = state.questionnaires.clone();
    let portfolios = state.portfolios.clone();
    let org = caller.organisation_id;
    let wanted = query.period.filter(|p| !p.trim().is_empty());
    let (result, periods, organisation) = state
        .read(move |conn| {
            let periods = KpiValue::periods(conn, org)?;
            let organisation = Organisation::find(conn, org)?.name;
            let result = study::run(conn, &cache, &portfolios, org, wanted, method)?;
            Ok((result, periods, organisation))
        })
        .await?;
    let period = result.period.clone();
    let fragment = web::block(move || crate::render::html::study_fragment(&result, &organisation))
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .map_err(|e| PageError::Internal(format!("{e:#}")))?;
    let query_string = format!(
        "period={}&method={method_code}",
        super::data::url_encode(&period)
    );
    let mut data = json!({
        "title": "Portfolio study",
        "study": fragment,
        "query": query_string,
        "periods": periods.iter().rev().map(|p| json!({ "value": p, "selected": *p == period })).collect::<Vec<_>>(),
        "methods": METHODS.iter().map(|(_, code, label)| json!({ "value": code, "label": label, "selected": *code == method_code })).collect::<Vec<_>>(),
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "study", &data))
}
