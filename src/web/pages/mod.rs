//! Server-rendered pages: handlebars templates under `templates/`, one
//! registry built at start-up. Pages use the session cookie; every form post
//! carries the session's CSRF token in a hidden field.

mod admin;
mod assessment;
mod create;
mod dashboard;
mod data;
mod login;
mod password;
mod programmes;
mod review;
mod study;
mod tokens;
mod upload;
mod workbook;

use super::problem::ApiError;
use super::state::AppState;
use crate::auth::digest;
use crate::db::{organisations::Organisation, sessions::Session, users::User};
use crate::domain::role::{Caller, Role};
use actix_web::{
    dev::{Payload, ServiceResponse},
    http::StatusCode,
    middleware::ErrorHandlerResponse,
    web, FromRequest, HttpRequest, HttpResponse, ResponseError,
};
use handlebars::Handlebars;
use serde::Deserialize;
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
        hb.register_partial("flaws", include_str!("../../../templates/flaws.hbs"))?;
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
            ("data", include_str!("../../../templates/data.hbs")),
            ("study", include_str!("../../../templates/study.hbs")),
            (
                "programmes",
                include_str!("../../../templates/programmes.hbs"),
            ),
            (
                "programme",
                include_str!("../../../templates/programme.hbs"),
            ),
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
            (
                "admin_users",
                include_str!("../../../templates/admin_users.hbs"),
            ),
            (
                "admin_access",
                include_str!("../../../templates/admin_access.hbs"),
            ),
            (
                "admin_audit",
                include_str!("../../../templates/admin_audit.hbs"),
            ),
            ("tokens", include_str!("../../../templates/tokens.hbs")),
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
    /// Adds what the layout's header and its navigation need.
    fn fill(&self, data: &mut Value) {
        let role = self.user.role();
        data["user"] = json!({ "name": self.user.name, "role": self.user.role });
        data["organisation"] = json!(self.organisation);
        data["csrf_token"] = json!(self.csrf_token);
        data["is_admin"] = json!(role == Role::Admin);
        data["is_staff"] = json!(role.is_staff());
    }

    /// The viewer as a caller if their role is one of `roles`, else the 403
    /// page saying `why` (the pages' twin of `Auth::require`).
    fn require(&self, roles: &[Role], why: &str) -> Result<Caller, PageError> {
        let caller = self.user.caller();
        if roles.contains(&caller.role) {
            Ok(caller)
        } else {
            Err(PageError::Forbidden(why.to_owned()))
        }
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

/// What a form post did, confirmed on the page it redirects to (`?done=…`),
/// so reloading that page posts nothing again.
#[derive(Debug, Clone, Copy)]
enum Done {
    UserCreated,
    UserUpdated,
    AccessGiven,
    AccessRemoved,
    TokenRevoked,
    KpiDefined,
    KpiValuesImported,
    PanelRanksImported,
    ProgrammeStarted,
    ProjectAdded,
    ProjectUpdated,
}

impl Done {
    const ALL: [Done; 11] = [
        Done::UserCreated,
        Done::UserUpdated,
        Done::AccessGiven,
        Done::AccessRemoved,
        Done::TokenRevoked,
        Done::KpiDefined,
        Done::KpiValuesImported,
        Done::PanelRanksImported,
        Done::ProgrammeStarted,
        Done::ProjectAdded,
        Done::ProjectUpdated,
    ];

    fn code(self) -> &'static str {
        match self {
            Done::UserCreated => "created",
            Done::UserUpdated => "updated",
            Done::AccessGiven => "given",
            Done::AccessRemoved => "removed",
            Done::TokenRevoked => "revoked",
            Done::KpiDefined => "kpi",
            Done::KpiValuesImported => "values",
            Done::PanelRanksImported => "ranks",
            Done::ProgrammeStarted => "started",
            Done::ProjectAdded => "added",
            Done::ProjectUpdated => "progress",
        }
    }

    fn message(self) -> &'static str {
        match self {
            Done::UserCreated => "The user was added; they can log in now.",
            Done::UserUpdated => "The changes were saved.",
            Done::AccessGiven => "The access was given.",
            Done::AccessRemoved => "The access was removed.",
            Done::TokenRevoked => "The token was revoked; it no longer works.",
            Done::KpiDefined => "The KPI was defined; upload its values below.",
            Done::KpiValuesImported => "The KPI values are stored.",
            Done::PanelRanksImported => "The panel ranks are stored.",
            Done::ProgrammeStarted => "The programme is started; add its first projects below.",
            Done::ProjectAdded => "The project is in the plan.",
            Done::ProjectUpdated => "The project's progress is recorded.",
        }
    }

    /// The answer to a successful form post: back to `path`, saying so.
    fn redirect(self, path: &str) -> HttpResponse {
        HttpResponse::SeeOther()
            .insert_header(("Location", format!("{path}?done={}", self.code())))
            .finish()
    }
}

/// The query of a page a form post redirects to; an unknown code says nothing.
#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

impl DoneQuery {
    fn said(&self) -> Said {
        self.done
            .as_deref()
            .and_then(|code| Done::ALL.into_iter().find(|d| d.code() == code))
            .map_or(Said::Nothing, Said::Done)
    }
}

/// What a page says above its content after a form post.
enum Said {
    Nothing,
    Done(Done),
    /// A refusal the person can act on, and the status to answer with.
    Refused(StatusCode, String),
}

impl Said {
    /// The refusal to show for an API error a person can act on; faults and
    /// missing permissions stay errors.
    fn refusal(e: ApiError) -> Result<Said, PageError> {
        match e {
            ApiError::Invalid { .. } | ApiError::Conflict { .. } | ApiError::NotFound(_) => Ok(
                Said::Refused(e.status_code(), sentence(&e.problem().detail)),
            ),
            other => Err(other.into()),
        }
    }

    /// Puts the message into a page's data (`done` or `error`) and returns
    /// the status to answer with.
    fn fill(&self, data: &mut Value) -> StatusCode {
        match self {
            Said::Nothing => StatusCode::OK,
            Said::Done(done) => {
                data["done"] = json!(done.message());
                StatusCode::OK
            }
            Said::Refused(status, message) => {
                data["error"] = json!(message);
                *status
            }
        }
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
        .route("/admin/users", web::get().to(admin::users))
        .route("/admin/users", web::post().to(admin::add_user))
        .route("/admin/users/{id}", web::post().to(admin::change_user))
        .route("/admin/access", web::get().to(admin::access))
        .route("/admin/access", web::post().to(admin::give_access))
        .route("/admin/access/remove", web::post().to(admin::remove_access))
        .route("/admin/audit", web::get().to(admin::audit))
        .route("/tokens", web::get().to(tokens::show))
        .route("/tokens", web::post().to(tokens::create))
        .route("/tokens/{id}/revoke", web::post().to(tokens::revoke))
        .route("/assessments/{id}", web::get().to(assessment::show))
        .route("/assessments/{id}/review", web::get().to(review::show))
        .route(
            "/assessments/{id}/workbook",
            web::post().to(workbook::upload),
        )
        .route("/study", web::get().to(study::show))
        .route("/programmes", web::get().to(programmes::list))
        .route("/programmes", web::post().to(programmes::start))
        .route("/programmes/{id}", web::get().to(programmes::show))
        .route(
            "/programmes/{id}/projects",
            web::post().to(programmes::add_project),
        )
        .route(
            "/programmes/{id}/projects/{project_id}/progress",
            web::post().to(programmes::progress),
        )
        .route("/data", web::get().to(data::show))
        .route("/data/kpis", web::post().to(data::add_kpi))
        .route("/data/kpi-values", web::post().to(data::upload_kpi_values))
        .route(
            "/data/panel-ranks",
            web::post().to(data::upload_panel_ranks),
        )
        .route("/", web::get().to(dashboard::show));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{questionnaires::QuestionnaireCache, Database, DatabaseUrl};
    use actix_web::{middleware::ErrorHandlers, test, App};

    async fn fails() -> Result<HttpResponse, PageError> {
        Err(PageError::Internal("the secret cause".into()))
    }

    #[actix_web::test]
    async fn a_fault_in_a_page_shows_the_error_page_in_the_layout_without_its_cause() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("cmas.sqlite3").display().to_string();
        let state = web::Data::new(AppState {
            db: Database::connect(&DatabaseUrl::Sqlite(path), 1).expect("a database"),
            pages: Pages::new().expect("the templates"),
            questionnaires: QuestionnaireCache::default(),
            session_lifetime: chrono::Duration::hours(1),
            secure_cookies: false,
            trust_forwarded: false,
            metrics: Default::default(),
            portfolios: Default::default(),
            warm: Default::default(),
        });
        let app = test::init_service(
            App::new()
                .app_data(state)
                .wrap(ErrorHandlers::new().default_handler(friendly_errors))
                .route("/fails", web::get().to(fails)),
        )
        .await;
        let response =
            test::call_service(&app, test::TestRequest::get().uri("/fails").to_request()).await;
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = String::from_utf8(test::read_body(response).await.to_vec()).expect("UTF-8");
        assert!(body.contains("<header class=\"top\">"), "{body}");
        assert!(body.contains("<h1>Something went wrong</h1>"), "{body}");
        assert!(body.contains("It has been logged"), "{body}");
        assert!(!body.contains("secret cause"), "{body}");
    }
}
