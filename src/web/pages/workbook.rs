//! Uploading a filled offline workbook from the scoring screen. The form
//! posts natively (multipart); the rules are the API's, through
//! `import_workbook`.

use super::messages::text;
use super::page_error::sentence;
use super::upload::Upload;
use super::{PageError, Viewer};
use crate::app::error::AppError;
use crate::app::limits::MAX_WORKBOOK;
use crate::app::workbook;
use crate::domain::ids::AssessmentId;
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_multipart::Multipart;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde_json::json;

pub async fn upload(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<AssessmentId>,
    payload: Multipart,
) -> Result<HttpResponse, PageError> {
    let id = path.into_inner();
    let form = Upload::read(payload, MAX_WORKBOOK + 64 * 1024).await?;
    viewer.check(&form.text("csrf_token"))?;
    let file = form.bytes("workbook");
    if file.is_empty() {
        return Ok(refused(
            &state,
            &viewer,
            id.get(),
            StatusCode::UNPROCESSABLE_ENTITY,
            text("choose_workbook"),
            Vec::new(),
        ));
    }
    let (caller, file) = (viewer.caller(), file.to_vec());
    match state
        .run(move |app| workbook::import(app, &caller, id, &file))
        .await
    {
        Ok(done) => Ok(HttpResponse::SeeOther()
            .insert_header((
                "Location",
                format!(
                    "/assessments/{id}?saved={}&unchanged={}",
                    done.saved, done.unchanged
                ),
            ))
            .finish()),
        Err(ApiError::App(AppError::Rejected(rejected))) => Ok(refused(
            &state,
            &viewer,
            id.get(),
            StatusCode::UNPROCESSABLE_ENTITY,
            text("workbook_problems"),
            rejected
                .0
                .iter()
                .map(|f| json!({ "at": f.at, "message": sentence(&f.message) }))
                .collect(),
        )),
        Err(ApiError::App(AppError::NotFound(_))) => {
            Ok(state
                .pages
                .error(StatusCode::NOT_FOUND, &text("no_assessment"), Some(&viewer)))
        }
        Err(
            e @ ApiError::App(
                AppError::Conflict { .. } | AppError::Invalid { .. } | AppError::TooLarge(_),
            ),
        ) => {
            let status = e.problem().status;
            Ok(refused(
                &state,
                &viewer,
                id.get(),
                StatusCode::from_u16(status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY),
                sentence(&e.problem().detail),
                Vec::new(),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The page that says why an upload was refused, with every problem.
fn refused(
    state: &AppState,
    viewer: &Viewer,
    id: i32,
    status: StatusCode,
    message: String,
    flaws: Vec<serde_json::Value>,
) -> HttpResponse {
    let mut data = json!({ "title": text("pages-workbook-title"), "id": id, "message": message, "flaws": flaws });
    viewer.fill(&mut data);
    state.pages.render(status, "workbook_refused", &data)
}
