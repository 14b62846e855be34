//! Server-rendered pages: handlebars templates under `templates/`, one
//! registry built at start-up. Pages use the session cookie; every form post
//! carries the session's CSRF token in a hidden field. Like the routes, a
//! page reads its request, calls a use case of `app/` and shapes the answer
//! with a template.
//!
//! - `templates`: the registry and the error page;
//! - `viewer`: who is looking (the session behind the cookie);
//! - `page_error`: failures shown as pages;
//! - `flash`: the confirmation or refusal shown after a form post;
//! - `messages`: the pages' wording, from `reports/i18n/*/pages.ftl`;
//! - one module per page or group of pages.

mod actions;
mod admin;
mod assessment;
mod assessment_list;
mod audit;
mod branding;
mod clients;
mod comparison;
mod create;
mod dashboard;
mod data;
mod fieldwork;
mod flash;
mod form_errors;
mod invitation;
mod login;
mod messages;
mod page_error;
mod pager;
mod password;
mod password_reset;
mod programmes;
mod project_edit;
mod review;
mod scorecard;
mod settings;
mod sso;
mod sso_settings;
mod study;
mod targets;
mod templates;
mod tokens;
mod two_factor;
mod upload;
mod viewer;
mod workbook;

pub use page_error::{friendly_errors, PageError};
pub use templates::Pages;
pub use viewer::Viewer;

use super::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use messages::text;

/// The friendly 404 for pages (the API answers with a problem document).
pub async fn not_found(state: web::Data<AppState>, viewer: Option<Viewer>) -> HttpResponse {
    state
        .pages
        .error(StatusCode::NOT_FOUND, &text("no_page"), viewer.as_ref())
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(login::form))
        .route("/login", web::post().to(login::submit))
        .route("/login/code", web::post().to(login::submit_code))
        .route("/password-reset", web::get().to(password_reset::ask_form))
        .route("/password-reset", web::post().to(password_reset::ask))
        .route(
            "/password-reset/{token}",
            web::get().to(password_reset::show),
        )
        .route(
            "/password-reset/{token}",
            web::post().to(password_reset::set),
        )
        .route("/logout", web::post().to(login::logout))
        .route("/password", web::get().to(password::form))
        .route("/password", web::post().to(password::submit))
        .route("/language", web::post().to(password::language))
        .route("/clients", web::get().to(clients::list))
        .route("/clients/new", web::get().to(clients::new_form))
        .route("/clients/new", web::post().to(clients::create))
        .route("/clients/{id}", web::get().to(clients::show))
        .route("/clients/{id}/edit", web::get().to(clients::edit_form))
        .route("/clients/{id}/edit", web::post().to(clients::update))
        .route("/assessments", web::get().to(assessment_list::list))
        .route("/assessments/new", web::get().to(create::assessment_form))
        .route(
            "/assessments/new",
            web::post().to(create::assessment_submit),
        )
        .route("/admin/users", web::get().to(admin::users))
        .route("/admin/users", web::post().to(admin::add_user))
        .route("/admin/users/{id}", web::post().to(admin::change_user))
        .route(
            "/admin/users/{id}/invitation",
            web::post().to(admin::reinvite),
        )
        .route(
            "/admin/users/{id}/two-factor/reset",
            web::post().to(admin::reset_two_factor),
        )
        .route("/sso", web::get().to(sso::start_named))
        .route("/sso/callback", web::get().to(sso::callback))
        .route("/sso/{organisation}", web::get().to(sso::start))
        .route("/invitations/{token}", web::get().to(invitation::show))
        .route("/invitations/{token}", web::post().to(invitation::accept))
        .route("/admin/access", web::get().to(admin::access))
        .route("/admin/access", web::post().to(admin::give_access))
        .route("/admin/access/remove", web::post().to(admin::remove_access))
        .route("/admin/audit", web::get().to(audit::audit))
        .route("/admin/settings", web::get().to(settings::show))
        .route("/admin/settings", web::post().to(settings::save))
        .route("/admin/sso", web::get().to(sso_settings::show))
        .route("/admin/sso", web::post().to(sso_settings::save))
        .route("/admin/sso/remove", web::post().to(sso_settings::remove))
        .route("/admin/branding", web::get().to(branding::show))
        .route("/admin/branding", web::post().to(branding::save))
        .route("/admin/branding/logo", web::get().to(branding::logo))
        .route(
            "/admin/branding/logo",
            web::post().to(branding::upload_logo),
        )
        .route(
            "/admin/branding/logo/remove",
            web::post().to(branding::remove_logo),
        )
        .route("/tokens", web::get().to(tokens::show))
        .route("/tokens", web::post().to(tokens::create))
        .route("/tokens/{id}/revoke", web::post().to(tokens::revoke))
        .route("/sessions/{id}/end", web::post().to(tokens::end_session))
        .route("/two-factor", web::get().to(two_factor::show))
        .route("/two-factor/start", web::post().to(two_factor::start))
        .route("/two-factor/confirm", web::post().to(two_factor::confirm))
        .route("/two-factor/off", web::post().to(two_factor::switch_off))
        .route("/assessments/{id}", web::get().to(assessment::show))
        .route("/assessments/{id}/review", web::get().to(review::show))
        .route("/compare", web::get().to(comparison::show))
        .route(
            "/assessments/{id}/targets",
            web::get().to(targets::targets_form),
        )
        .route(
            "/assessments/{id}/targets",
            web::post().to(targets::save_targets),
        )
        .route(
            "/clients/{id}/actions/new",
            web::get().to(actions::new_action),
        )
        .route(
            "/clients/{id}/actions",
            web::post().to(actions::create_action),
        )
        .route("/actions/{id}/edit", web::get().to(actions::edit_action))
        .route("/actions/{id}", web::post().to(actions::update_action))
        .route("/actions/{id}/done", web::post().to(actions::mark_done))
        .route(
            "/assessments/{id}/scorecard",
            web::get().to(scorecard::show),
        )
        .route(
            "/assessments/{id}/fieldwork",
            web::get().to(fieldwork::show),
        )
        .route(
            "/assessments/{id}/fieldwork/interviews",
            web::post().to(fieldwork::plan_interview),
        )
        .route(
            "/assessments/{id}/fieldwork/links",
            web::post().to(fieldwork::add_link),
        )
        .route(
            "/assessments/{id}/fieldwork/documents",
            web::post().to(fieldwork::upload_document),
        )
        .route(
            "/assessments/{id}/fieldwork/assignments",
            web::post().to(fieldwork::assign),
        )
        .route(
            "/assessments/{id}/fieldwork/evidence/{evidence_id}/share",
            web::post().to(fieldwork::share),
        )
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
            "/programmes/{id}/rows",
            web::post().to(programmes::save_rows),
        )
        .route(
            "/programmes/{id}/projects/{project_id}/edit",
            web::get().to(project_edit::show),
        )
        .route(
            "/programmes/{id}/projects/{project_id}/edit",
            web::post().to(project_edit::save),
        )
        .route("/data", web::get().to(data::show))
        .route("/data/kpis", web::post().to(data::add_kpi))
        .route("/data/kpi-values", web::post().to(data::upload_kpi_values))
        .route("/data/clients", web::post().to(data::upload_clients))
        .route(
            "/data/panel-ranks",
            web::post().to(data::upload_panel_ranks),
        )
        .route("/", web::get().to(dashboard::show));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DatabaseSettings;
    use actix_web::{middleware::ErrorHandlers, test, App};

    async fn fails() -> Result<HttpResponse, PageError> {
        Err(PageError::Internal("the secret cause".into()))
    }

    #[actix_web::test]
    async fn a_fault_in_a_page_shows_the_error_page_in_the_layout_without_its_cause() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("cmas.sqlite3").display().to_string();
        let app = crate::app::App::open(&DatabaseSettings { url: path }, 1).expect("a database");
        let state = web::Data::new(AppState {
            app,
            pages: Pages::new().expect("the templates"),
            secure_cookies: false,
            trust_forwarded: false,
            body_pace: Default::default(),
            metrics: Default::default(),
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
