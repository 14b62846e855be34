//! The portfolio study inside the application: findings, the rank scatter
//! and the heat map for a chosen period and method, with the PDF and the
//! standalone page one click away.

use super::messages::text;
use super::{PageError, Viewer};
use crate::app::study;
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
    (Method::Spearman, "spearman", "pages-study-spearman"),
    (Method::Kendall, "kendall", "pages-study-kendall"),
    (Method::Pearson, "pearson", "pages-study-pearson"),
];

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<StudyQuery>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(&[Role::Admin, Role::Consultant], &text("only_staff_study"))?;
    let query = query.into_inner();
    // An unknown method falls back to the default rather than failing the page.
    let (method, method_code, _) = METHODS
        .iter()
        .copied()
        .find(|(_, code, _)| Some(*code) == query.method.as_deref())
        .unwrap_or(METHODS[0]);
    let wanted = query.period.filter(|p| !p.trim().is_empty());
    // The study is the consultancy's own: it reads in the page's language.
    let language = Some(crate::web::language::current());
    let shown = state
        .run(move |app| study::page(app, &caller, wanted, method, language))
        .await?;
    let period = shown.period;
    let query_string = format!(
        "period={}&method={method_code}",
        super::data::url_encode(&period)
    );
    let mut data = json!({
        "title": text("pages-study-title"),
        "study": shown.content,
        "query": query_string,
        "periods": shown.periods.iter().rev().map(|p| json!({ "value": p, "selected": *p == period })).collect::<Vec<_>>(),
        "methods": METHODS.iter().map(|(_, code, label)| json!({ "value": code, "label": text(label), "selected": *code == method_code })).collect::<Vec<_>>(),
    });
    viewer.fill(&mut data);
    Ok(state.pages.render(StatusCode::OK, "study", &data))
}
