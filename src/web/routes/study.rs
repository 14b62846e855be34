//! The portfolio study: how the scores track business performance, as
//! JSON, PDF or a standalone HTML page.

use crate::app::study::{self, Study};
use crate::stats::Method;
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use actix_web::{get, web, HttpResponse};

use super::performance::{staff, PeriodQuery};

/// The portfolio study: scores against every KPI and the panels' consensus,
/// with significance, Holm and Benjamini–Hochberg; panel consistency;
/// questionnaire reliability; assessor agreement.
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(PeriodQuery),
    responses((status = 200, body = Study), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/analysis/portfolio")]
pub async fn portfolio(
    state: web::Data<AppState>,
    auth: Auth,
    query: web::Query<PeriodQuery>,
) -> ApiResult<web::Json<Study>> {
    let caller = staff(&auth, "run the portfolio study")?;
    let cache = state.questionnaires.clone();
    let portfolios = state.portfolios.clone();
    let PeriodQuery { period, method } = query.into_inner();
    let study = state
        .read(move |conn| {
            Ok(study::run(
                conn,
                &cache,
                &portfolios,
                caller.organisation_id,
                period,
                method.unwrap_or(Method::Spearman),
            )?)
        })
        .await?;
    Ok(web::Json(study))
}

enum StudyFormat {
    Pdf(crate::render::pdf::Paper),
    Html,
}

async fn study_document(
    state: &AppState,
    auth: &Auth,
    query: PeriodQuery,
    format: StudyFormat,
) -> ApiResult<HttpResponse> {
    let caller = staff(auth, "run the portfolio study")?;
    let cache = state.questionnaires.clone();
    let portfolios = state.portfolios.clone();
    let PeriodQuery { period, method } = query;
    let (study, organisation) = state
        .read(move |conn| {
            let study = study::run(
                conn,
                &cache,
                &portfolios,
                caller.organisation_id,
                period,
                method.unwrap_or(Method::Spearman),
            )?;
            Ok((
                study,
                crate::db::organisations::Organisation::find(conn, caller.organisation_id)?.name,
            ))
        })
        .await?;
    let renders = state.app.renders.clone();
    let (bytes, content_type) = web::block(move || -> ApiResult<(Vec<u8>, &'static str)> {
        Ok(match format {
            StudyFormat::Pdf(paper) => (
                renders
                    .run("study_pdf", || {
                        crate::render::pdf::study(&study, &organisation, paper, chrono::Utc::now())
                    })
                    .map_err(|e| ApiError::internal(e.to_string()))?,
                "application/pdf",
            ),
            StudyFormat::Html => (
                renders
                    .run("study_html", || {
                        crate::render::html::study(&study, &organisation)
                    })?
                    .into_bytes(),
                "text/html; charset=utf-8",
            ),
        })
    })
    .await??;
    Ok(crate::web::download::inline(
        crate::app::documents::Document {
            bytes,
            content_type,
            filename: String::new(),
        },
    ))
}

/// The portfolio study as a PDF report.
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(PeriodQuery),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/analysis/portfolio.pdf")]
pub async fn portfolio_pdf(
    state: web::Data<AppState>,
    auth: Auth,
    query: web::Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    study_document(
        &state,
        &auth,
        query.into_inner(),
        StudyFormat::Pdf(crate::render::pdf::Paper::A4),
    )
    .await
}

/// The portfolio study as an HTML page.
#[utoipa::path(context_path = "/api/v1", tag = "performance", params(PeriodQuery),
    responses((status = 200, content_type = "text/html", body = String), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/analysis/portfolio.html")]
pub async fn portfolio_html(
    state: web::Data<AppState>,
    auth: Auth,
    query: web::Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    study_document(&state, &auth, query.into_inner(), StudyFormat::Html).await
}
