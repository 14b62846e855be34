//! Two final assessments of one client and scope compared, wave over wave
//! (see `app::comparison`): as data and as a report in every format. Either
//! may be named first; the earlier date is the earlier wave. Whoever may
//! read both assessments may read their comparison.

use crate::app::comparison::{self, ComparisonView};
use crate::app::documents::Layout;
use crate::domain::ids::AssessmentId;
use crate::web::call::{Call, JsonAnswer};
use crate::web::problem::{ApiResult, Problem};
use crate::web::report_query::ReportQuery;
use actix_web::{get, web, HttpResponse};

/// The two waves side by side: each area and sub-area on Intention, Reality
/// and combined, every practice improved, regressed, mixed, unchanged or not
/// compared (with why), and the counts.
#[utoipa::path(context_path = "/api/v1", tag = "comparisons", params(("id" = i32, Path), ("other" = i32, Path)),
    responses((status = 200, body = ComparisonView), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem, description = "Not both final, not the same client and scope, or the same assessment")))]
#[get("/assessments/{id}/comparison/{other}")]
pub async fn data(
    call: Call,
    path: web::Path<(AssessmentId, AssessmentId)>,
) -> ApiResult<JsonAnswer<ComparisonView>> {
    let (one, other) = path.into_inner();
    call.json(move |app, caller| comparison::data(app, caller, one, other))
        .await
}

/// The comparison as a PDF (A4 or US Letter).
#[utoipa::path(context_path = "/api/v1", tag = "comparisons", params(("id" = i32, Path), ("other" = i32, Path), ReportQuery),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>, description = "The comparison"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/assessments/{id}/comparison/{other}.pdf")]
pub async fn pdf(
    call: Call,
    path: web::Path<(AssessmentId, AssessmentId)>,
    query: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    let (ids, layout, asked) = (path.into_inner(), Layout::Pdf(query.paper()), query.asked());
    call.inline(move |app, caller| comparison::document(app, caller, ids, layout, asked))
        .await
}

/// The comparison as an HTML page with its chart inline.
#[utoipa::path(context_path = "/api/v1", tag = "comparisons", params(("id" = i32, Path), ("other" = i32, Path), ReportQuery),
    responses((status = 200, content_type = "text/html", body = String, description = "The comparison page"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/assessments/{id}/comparison/{other}.html")]
pub async fn html(
    call: Call,
    path: web::Path<(AssessmentId, AssessmentId)>,
    query: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    let (ids, asked) = (path.into_inner(), query.asked());
    call.inline(move |app, caller| comparison::document(app, caller, ids, Layout::Html, asked))
        .await
}

/// The comparison as a Word document.
#[utoipa::path(context_path = "/api/v1", tag = "comparisons", params(("id" = i32, Path), ("other" = i32, Path), ReportQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = String, description = "The comparison"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/assessments/{id}/comparison/{other}.docx")]
pub async fn docx(
    call: Call,
    path: web::Path<(AssessmentId, AssessmentId)>,
    query: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    let (ids, asked) = (path.into_inner(), query.asked());
    call.attachment(move |app, caller| comparison::document(app, caller, ids, Layout::Docx, asked))
        .await
}
