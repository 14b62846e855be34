//! What a page request can fail with, shown as a page in the layout rather
//! than as a problem document.

use super::messages::text;
use super::viewer::Viewer;
use crate::app::error::AppError;
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_web::{
    dev::ServiceResponse, http::StatusCode, middleware::ErrorHandlerResponse, web, FromRequest,
    HttpResponse, ResponseError,
};

/// What a page request can fail with, shown as a page rather than JSON:
/// [`friendly_errors`] renders it in the layout, with the viewer's header.
#[derive(Debug)]
pub enum PageError {
    /// Not logged in: off to the login page.
    Login,
    /// A second factor is required and missing: off to enrol one.
    EnrolFirst,
    BadRequest(String),
    Forbidden(String),
    /// Absent, or not the viewer's to see.
    NotFound(String),
    Internal(String),
}

impl PageError {
    pub(super) fn status(&self) -> StatusCode {
        match self {
            PageError::Login | PageError::EnrolFirst => StatusCode::SEE_OTHER,
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::Forbidden(_) => StatusCode::FORBIDDEN,
            PageError::NotFound(_) => StatusCode::NOT_FOUND,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the page says; a fault of ours is logged, never shown.
    pub(super) fn message(&self) -> String {
        match self {
            PageError::Login => text("login_first"),
            PageError::EnrolFirst => text("enrol_first"),
            PageError::BadRequest(m) | PageError::Forbidden(m) | PageError::NotFound(m) => {
                m.clone()
            }
            PageError::Internal(_) => text("fault"),
        }
    }
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::Internal(cause) => f.write_str(cause),
            other => f.write_str(&other.message()),
        }
    }
}

impl From<ApiError> for PageError {
    /// A refusal the person cannot act on in a form: not logged in, not
    /// allowed, or a request that could not be read; anything else is a
    /// fault (forms show the refusals they expect themselves, see `Flash`).
    fn from(e: ApiError) -> PageError {
        match e {
            ApiError::App(AppError::Unauthenticated(_)) => PageError::Login,
            ApiError::App(AppError::Forbidden { detail, .. }) => {
                PageError::Forbidden(sentence(&detail))
            }
            ApiError::BadRequest { detail, .. } => PageError::BadRequest(sentence(&detail)),
            ApiError::App(AppError::NotFound(detail)) => PageError::NotFound(sentence(&detail)),
            other => PageError::Internal(other.to_string()),
        }
    }
}

impl From<AppError> for PageError {
    fn from(e: AppError) -> PageError {
        ApiError::App(e).into()
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    /// A plain fallback; [`friendly_errors`] replaces it with the real page.
    fn error_response(&self) -> HttpResponse {
        match self {
            PageError::Login => HttpResponse::SeeOther()
                .insert_header(("Location", "/login"))
                .finish(),
            PageError::EnrolFirst => HttpResponse::SeeOther()
                .insert_header(("Location", "/two-factor"))
                .finish(),
            other => {
                if let PageError::Internal(cause) = other {
                    tracing::error!(cause = %cause, "a page failed");
                }
                HttpResponse::build(other.status())
                    .content_type("text/plain; charset=utf-8")
                    .body(other.message().to_owned())
            }
        }
    }
}

/// Middleware hook: a response that came from a [`PageError`] becomes the
/// error page in the layout, with the header of whoever is logged in.
pub fn friendly_errors<B: 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let shown = res
        .response()
        .error()
        .and_then(|e| e.as_error::<PageError>())
        .filter(|e| !matches!(e, PageError::Login))
        .map(|e| (e.status(), e.message().to_owned()));
    let Some((status, message)) = shown else {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    };
    let (req, _) = res.into_parts();
    Ok(ErrorHandlerResponse::Future(Box::pin(async move {
        let viewer = Viewer::extract(&req).await.ok();
        let page = match req.app_data::<web::Data<AppState>>() {
            Some(state) => state.pages.error(status, &message, viewer.as_ref()),
            None => HttpResponse::build(status).body(message),
        };
        Ok(ServiceResponse::new(req, page).map_into_right_body())
    })))
}

/// An API message as a sentence for a page: capitalised, with a full stop.
pub(super) fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>() + "."
    })
}
