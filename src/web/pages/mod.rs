//! Server-rendered pages: handlebars templates under `templates/`, one
//! registry built at start-up. Pages use the session cookie; every form post
//! carries the session's CSRF token in a hidden field.

mod assessment;
mod create;
mod dashboard;
mod login;
mod password;
mod review;
mod workbook;

use super::problem::ApiError;
use super::state::AppState;
use crate::auth::digest;
use crate::db::{organisations::Organisation, sessions::Session, users::User};
use actix_web::{
    dev::{Payload, ServiceResponse},
    http::StatusCode,
    middleware::ErrorHandlerResponse,
    web, FromRequest, HttpRequest, HttpResponse, ResponseError,
};
use handlebars::Handlebars;
use serde_json::{json, Value};
use std::future::Future;
use std::pin::Pin;

/// The page templates, parsed once.
pub struct Pages {
    hb: Handlebars<'static>,
}

impl Pages {
    pub fn new() -> anyhow::Result<Pages> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_partial("layout", include_str!("../../../templates/layout.hbs"))?;
        for (name, source) in [
            ("login", include_str!("../../../templates/login.hbs")),
            (
                "dashboard",
                include_str!("../../../templates/dashboard.hbs"),
            ),
            ("error", include_str!("../../../templates/error.hbs")),
            (
                "assessment",
                include_str!("../../../templates/assessment.hbs"),
            ),
            ("review", include_str!("../../../templates/review.hbs")),
            ("password", include_str!("../../../templates/password.hbs")),
            (
                "workbook_refused",
                include_str!("../../../templates/workbook_refused.hbs"),
            ),
            (
                "client_form",
                include_str!("../../../templates/client_form.hbs"),
            ),
            (
                "assessment_form",
                include_str!("../../../templates/assessment_form.hbs"),
            ),
        ] {
            hb.register_template_string(name, source)?;
        }
        Ok(Pages { hb })
    }

    /// A page, or the error page if the template fails (logged, never shown).
    pub fn render(&self, status: StatusCode, name: &str, data: &Value) -> HttpResponse {
        match self.hb.render(name, data) {
            Ok(html) => HttpResponse::build(status)
                .content_type("text/html; charset=utf-8")
                .body(html),
            Err(e) => {
                tracing::error!(template = name, cause = %e, "a page failed to render");
                HttpResponse::InternalServerError()
                    .content_type("text/plain")
                    .body("Something went wrong on our side; it has been logged.")
            }
        }
    }

    /// A friendly error page; `viewer` fills the header when someone is logged in.
    pub fn error(
        &self,
        status: StatusCode,
        message: &str,
        viewer: Option<&Viewer>,
    ) -> HttpResponse {
        let heading = match status.as_u16() {
            400 => "That did not work",
            403 => "Not allowed",
            404 => "Page not found",
            _ => "Something went wrong",
        };
        let mut data = json!({ "title": heading, "heading": heading, "message": message });
        if let Some(v) = viewer {
            v.fill(&mut data);
        }
        self.render(status, "error", &data)
    }
}

/// The logged-in person looking at a page.
pub struct Viewer {
    pub user: User,
    pub organisation: String,
    pub csrf_token: String,
    pub token_hash: String,
}

impl Viewer {
    /// Adds what the layout's header needs.
    fn fill(&self, data: &mut Value) {
        data["user"] = json!({ "name": self.user.name, "role": self.user.role });
        data["organisation"] = json!(self.organisation);
        data["csrf_token"] = json!(self.csrf_token);
    }

    /// Refuses a form post whose token is not this session's.
    fn check(&self, sent: &str) -> Result<(), PageError> {
        if super::session::csrf_matches(sent, &self.csrf_token) {
            Ok(())
        } else {
            Err(PageError::Forbidden(
                "The form has expired or did not come from cmas. Reload the page and try again."
                    .into(),
            ))
        }
    }
}

/// What a page request can fail with, shown as a page rather than JSON:
/// [`friendly_errors`] renders it in the layout, with the viewer's header.
#[derive(Debug)]
pub enum PageError {
    /// Not logged in: off to the login page.
    Login,
    BadRequest(String),
    Forbidden(String),
    Internal(String),
}

impl PageError {
    fn status(&self) -> StatusCode {
        match self {
            PageError::Login => StatusCode::SEE_OTHER,
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::Forbidden(_) => StatusCode::FORBIDDEN,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the page says; a fault of ours is logged, never shown.
    fn message(&self) -> &str {
        match self {
            PageError::Login => "Log in first.",
            PageError::BadRequest(m) | PageError::Forbidden(m) => m,
            PageError::Internal(_) => {
                "Something went wrong on our side. It has been logged; try again in a moment."
            }
        }
    }
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::Internal(cause) => f.write_str(cause),
            other => f.write_str(other.message()),
        }
    }
}

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> PageError {
        match e {
            ApiError::Unauthenticated(_) => PageError::Login,
            ApiError::Forbidden { detail, .. } => PageError::Forbidden(sentence(&detail)),
            ApiError::BadRequest { detail, .. } => PageError::BadRequest(sentence(&detail)),
            other => PageError::Internal(other.to_string()),
        }
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

impl FromRequest for Viewer {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Viewer, PageError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let cookie = req
            .cookie(super::session::SESSION_COOKIE)
            .map(|c| c.value().to_owned());
        Box::pin(async move {
            let (state, cookie) = match (state, cookie) {
                (Some(state), Some(cookie)) => (state, cookie),
                _ => return Err(PageError::Login),
            };
            let hash = digest(&cookie);
            let viewer = state
                .read(move |conn| {
                    let Some(session) = Session::find_live(conn, &hash)? else {
                        return Ok(None);
                    };
                    let Some(user) = User::find_active(conn, session.user_id)? else {
                        return Ok(None);
                    };
                    let organisation = Organisation::find(conn, user.organisation_id)?.name;
                    Ok(Some(Viewer {
                        user,
                        organisation,
                        csrf_token: session.csrf_token,
                        token_hash: hash,
                    }))
                })
                .await?;
            viewer.ok_or(PageError::Login)
        })
    }
}

/// An API message as a sentence for a page: capitalised, with a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>() + "."
    })
}

/// The friendly 404 for pages (the API answers with a problem document).
pub async fn not_found(state: web::Data<AppState>, viewer: Option<Viewer>) -> HttpResponse {
    state.pages.error(
        StatusCode::NOT_FOUND,
        "There is no page at this address.",
        viewer.as_ref(),
    )
}

async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(include_str!("../../../static/score.js"))
}

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(include_str!("../../../static/app.css"))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/app.css", web::get().to(stylesheet))
        .route("/login", web::get().to(login::form))
        .route("/login", web::post().to(login::submit))
        .route("/logout", web::post().to(login::logout))
        .route("/static/score.js", web::get().to(script))
        .route("/password", web::get().to(password::form))
        .route("/password", web::post().to(password::submit))
        .route("/clients/new", web::get().to(create::client_form))
        .route("/clients/new", web::post().to(create::client_submit))
        .route("/assessments/new", web::get().to(create::assessment_form))
        .route(
            "/assessments/new",
            web::post().to(create::assessment_submit),
        )
        .route("/assessments/{id}", web::get().to(assessment::show))
        .route("/assessments/{id}/review", web::get().to(review::show))
        .route(
            "/assessments/{id}/workbook",
            web::post().to(workbook::upload),
        )
        .route("/", web::get().to(dashboard::show));
}
