//! The portfolio study: how the scores track business performance, as
//! JSON, PDF or a standalone HTML page.

use crate::app::documents::{Asked, Layout};
use crate::app::study;
use crate::domain::i18n::Language;
use crate::report::study::Study;
use crate::report::{Edition, Paper};
use crate::stats::Method;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
pub struct PeriodQuery {
    pub period: Option<String>,
    /// spearman (default), pearson or kendall.
    pub method: Option<Method>,
    /// Reports only: `client` (default) or `working`.
    pub edition: Option<Edition>,
    /// Reports only: `en` (default), `de` or `fr`.
    pub lang: Option<Language>,
}

/// The portfolio study: scores against every KPI and the panels' consensus,
/// with significance, Holm and Benjamini–Hochberg; panel consistency;
/// questionnaire reliability; assessor agreement.
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(PeriodQuery),
    responses((status = 200, body = Study), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/analysis/portfolio")]
pub async fn portfolio(call: Call, query: web::Query<PeriodQuery>) -> ApiResult<JsonAnswer<Study>> {
    let PeriodQuery { period, method, .. } = query.into_inner();
    let method = method.unwrap_or(Method::Spearman);
    call.json(move |app, caller| study::run(app, caller, period, method))
        .await
}

async fn document(call: Call, query: PeriodQuery, layout: Layout) -> ApiResult<HttpResponse> {
    let PeriodQuery {
        period,
        method,
        edition,
        lang,
    } = query;
    let method = method.unwrap_or(Method::Spearman);
    let asked = Asked {
        edition,
        language: lang,
    };
    let use_case =
        move |app: &_, caller: &_| study::document(app, caller, period, method, layout, asked);
    // A page or a PDF opens in the browser; a Word document is saved.
    match layout {
        Layout::Docx => call.attachment(use_case).await,
        Layout::Pdf(_) | Layout::Html => call.inline(use_case).await,
    }
}

/// The portfolio study as a PDF report.
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(PeriodQuery),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/analysis/portfolio.pdf")]
pub async fn portfolio_pdf(call: Call, query: web::Query<PeriodQuery>) -> ApiResult<HttpResponse> {
    document(call, query.into_inner(), Layout::Pdf(Paper::A4)).await
}

/// The portfolio study as an HTML page.
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(PeriodQuery),
    responses((status = 200, content_type = "text/html", body = String), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/analysis/portfolio.html")]
pub async fn portfolio_html(call: Call, query: web::Query<PeriodQuery>) -> ApiResult<HttpResponse> {
    document(call, query.into_inner(), Layout::Html).await
}

/// The portfolio study as a Word document.
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(PeriodQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = String), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/analysis/portfolio.docx")]
pub async fn portfolio_docx(call: Call, query: web::Query<PeriodQuery>) -> ApiResult<HttpResponse> {
    document(call, query.into_inner(), Layout::Docx).await
}
