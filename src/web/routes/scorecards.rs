//! The scorecard of an assessment as PDF or HTML, with the same access rules
//! as the assessment itself.

use crate::app::documents::Layout;
use crate::app::scorecard;
use crate::domain::ids::AssessmentId;
use crate::web::call::Call;
use crate::web::problem::{ApiResult, Problem};
use crate::web::report_query::ReportQuery;
use actix_web::{get, web, HttpResponse};

/// The scorecard as a PDF (A4 or US Letter).
#[utoipa::path(context_path = "/api/v1", tag = "scorecards", params(("id" = i32, Path), ReportQuery),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>, description = "The scorecard"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scorecard.pdf")]
pub async fn pdf_scorecard(
    call: Call,
    path: web::Path<AssessmentId>,
    query: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    let (id, layout, asked) = (path.into_inner(), Layout::Pdf(query.paper()), query.asked());
    call.inline(move |app, caller| scorecard::scorecard(app, caller, id, layout, asked))
        .await
}

/// The scorecard as an HTML page with inline SVG charts.
#[utoipa::path(context_path = "/api/v1", tag = "scorecards", params(("id" = i32, Path), ReportQuery),
    responses((status = 200, content_type = "text/html", body = String, description = "The scorecard page"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scorecard.html")]
pub async fn html_scorecard(
    call: Call,
    path: web::Path<AssessmentId>,
    query: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    let asked = query.asked();
    call.inline(move |app, caller| {
        scorecard::scorecard(app, caller, path.into_inner(), Layout::Html, asked)
    })
    .await
}

/// The scorecard as a Word document to edit before handing it over.
#[utoipa::path(context_path = "/api/v1", tag = "scorecards", params(("id" = i32, Path), ReportQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = String, description = "The scorecard"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scorecard.docx")]
pub async fn docx_scorecard(
    call: Call,
    path: web::Path<AssessmentId>,
    query: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    let (id, asked) = (path.into_inner(), query.asked());
    call.attachment(move |app, caller| scorecard::scorecard(app, caller, id, Layout::Docx, asked))
        .await
}
