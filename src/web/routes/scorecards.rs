//! The scorecard of an assessment as PDF or HTML, with the same access rules
//! as the assessment itself. Rendering runs on the blocking pool, off the
//! async workers.

use super::assessments::assessment_or_404;
use crate::app::scorecard;
use crate::render::{html, pdf};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use actix_web::{get, http::header, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
pub struct PaperQuery {
    /// `a4` (default) or `letter`.
    pub paper: Option<pdf::Paper>,
}

enum Format {
    Pdf(pdf::Paper),
    Html,
}

async fn render(state: &AppState, auth: &Auth, id: i32, format: Format) -> ApiResult<HttpResponse> {
    let caller = auth.caller();
    let cache = state.questionnaires.clone();
    let portfolios = state.portfolios.clone();
    let today = chrono::Utc::now().date_naive();
    let card = state
        .read(move |conn| {
            let assessment = assessment_or_404(conn, &caller, id)?;
            Ok(scorecard::load(
                conn,
                &cache,
                &portfolios,
                &caller,
                &assessment,
                today,
            )?)
        })
        .await?;
    // Rendering is CPU work: on the blocking pool, after the connection went back.
    let metrics = state.metrics.clone();
    let (bytes, content_type) = web::block(move || -> ApiResult<(Vec<u8>, &'static str)> {
        Ok(match format {
            Format::Pdf(paper) => (
                metrics
                    .render("scorecard_pdf", || {
                        pdf::scorecard(&card, paper, chrono::Utc::now())
                    })
                    .map_err(|e| ApiError::Internal(e.to_string()))?,
                "application/pdf",
            ),
            Format::Html => (
                metrics
                    .render("scorecard_html", || html::scorecard(&card))?
                    .into_bytes(),
                "text/html; charset=utf-8",
            ),
        })
    })
    .await??;
    Ok(crate::web::document::report(bytes, content_type))
}

/// The scorecard as a PDF (A4 or US Letter).
#[utoipa::path(context_path = "/api/v1", tag = "scorecards", params(("id" = i32, Path), PaperQuery),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>, description = "The scorecard"),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scorecard.pdf")]
pub async fn pdf_scorecard(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    query: web::Query<PaperQuery>,
) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    let mut response = render(
        &state,
        &auth,
        id,
        Format::Pdf(query.paper.unwrap_or(pdf::Paper::A4)),
    )
    .await?;
    let disposition = format!("inline; filename=\"scorecard-{id}.pdf\"");
    if let Ok(value) = header::HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// The scorecard as an HTML page with inline SVG charts.
#[utoipa::path(context_path = "/api/v1", tag = "scorecards", params(("id" = i32, Path)),
    responses((status = 200, content_type = "text/html", body = String, description = "The scorecard page"),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scorecard.html")]
pub async fn html_scorecard(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    render(&state, &auth, path.into_inner(), Format::Html).await
}
