//! The HTTP edge, an adapter over `app`: `routes` (the JSON API) and `pages`
//! (HTML), siblings that never call each other; `call` and `session` read
//! who is calling; `problem` turns the use cases' errors into problem
//! documents; `download` and `content_policy` answer documents; `body`
//! reads file bodies and `body_pace` cuts off slow ones; `allowed` knows
//! which methods a path takes (405); `assets` serves the pages' files;
//! `metrics` and `openapi` describe the service.

pub mod allowed;
pub mod assets;
pub mod body;
pub mod body_pace;
pub mod call;
pub mod content_policy;
pub mod download;
pub mod language;
pub mod metrics;
pub mod openapi;
pub mod pages;
pub mod problem;
pub mod report_query;
pub mod routes;
pub mod session;
pub mod spool;
pub mod state;

use crate::app::error::AppError;
use actix_web::{error::JsonPayloadError, web, HttpRequest, HttpResponse};
use problem::ApiError;
use routes::{
    actions, assessments, assessors, audit, auth, branding, clients, comparisons, evidence,
    exports, fieldwork, health, imports, invitations, operator, password_reset, performance,
    programme_exports, programmes, questionnaires, results, scorecards, scores, sessions, settings,
    sso, stats, study, targets, tokens, two_factor, users, workbook,
};

/// Largest JSON body accepted.
pub const JSON_LIMIT: usize = 256 * 1024;

fn json_error(err: JsonPayloadError, _: &HttpRequest) -> actix_web::Error {
    match err {
        JsonPayloadError::Overflow { limit }
        | JsonPayloadError::OverflowKnownLength { limit, .. } => {
            ApiError::too_large(format!("the body is over the limit of {limit} bytes"))
        }
        JsonPayloadError::ContentType => ApiError::bad_request(
            "content_type",
            "send the body as JSON with `Content-Type: application/json`",
        ),
        JsonPayloadError::Deserialize(e) => {
            ApiError::bad_request("malformed_json", format!("the JSON body does not fit: {e}"))
        }
        other => ApiError::bad_request("malformed_json", other.to_string()),
    }
    .into()
}

fn path_error(err: actix_web::error::PathError, _: &HttpRequest) -> actix_web::Error {
    ApiError::bad_request("bad_path", format!("the path does not fit: {err}")).into()
}

fn query_error(err: actix_web::error::QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    ApiError::bad_request("bad_query", format!("the query string does not fit: {err}")).into()
}

/// Unknown API routes get a problem document; anything else the friendly page.
async fn not_found(
    req: HttpRequest,
    state: web::Data<state::AppState>,
    viewer: Option<pages::Viewer>,
) -> HttpResponse {
    if req.path().starts_with("/api/") {
        if let Some(allow) = allowed::methods_of(req.path()) {
            let refusal = ApiError::MethodNotAllowed(format!(
                "{} {} is not an operation of the API; that path takes {allow}",
                req.method(),
                req.path()
            ));
            let mut response = actix_web::ResponseError::error_response(&refusal);
            if let Ok(value) = actix_web::http::header::HeaderValue::from_str(&allow) {
                response
                    .headers_mut()
                    .insert(actix_web::http::header::ALLOW, value);
            }
            return response;
        }
        actix_web::ResponseError::error_response(&ApiError::App(AppError::NotFound(format!(
            "no route for {} {}",
            req.method(),
            req.path()
        ))))
    } else {
        pages::not_found(state, viewer).await
    }
}

/// Registers every route of the service.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::JsonConfig::default()
            .limit(JSON_LIMIT)
            .error_handler(json_error),
    )
    .app_data(web::PathConfig::default().error_handler(path_error))
    .app_data(web::QueryConfig::default().error_handler(query_error))
    .service(health::healthz)
    .service(metrics::prometheus)
    .service(health::readyz)
    .service(
        // A request is tried against the routes in order, with a regular
        // expression each for those with a path parameter: the hot paths
        // of fieldwork come first (matching the ~80 routes before them was
        // a fifth of a results read's CPU).
        web::scope("/api/v1")
            .service(scores::save)
            .service(results::get)
            .service(openapi::document)
            .service(auth::login)
            .service(auth::logout)
            .service(auth::me)
            .service(auth::change_password)
            .service(tokens::create)
            .service(tokens::list)
            .service(tokens::revoke)
            .service(password_reset::request)
            .service(password_reset::confirm)
            .service(two_factor::status)
            .service(two_factor::start)
            .service(two_factor::confirm)
            .service(two_factor::switch_off)
            .service(two_factor::reset)
            .service(sso::get)
            .service(sso::put)
            .service(sso::remove)
            .service(sessions::list)
            .service(sessions::end)
            .service(operator::log_in)
            .service(operator::list)
            .service(operator::create)
            .service(operator::disable)
            .service(operator::enable)
            .service(operator::invite_admin)
            .service(users::list)
            .service(users::get)
            .service(users::create)
            .service(users::update)
            .service(invitations::invite)
            .service(invitations::reinvite)
            .service(invitations::accept)
            .service(settings::get)
            .service(settings::put)
            .service(branding::get)
            .service(branding::put)
            .service(branding::logo)
            .service(branding::put_logo)
            .service(branding::remove_logo)
            .service(clients::list)
            .service(clients::get)
            .service(clients::create)
            .service(clients::update)
            .service(clients::members)
            .service(clients::attach)
            .service(clients::detach)
            .service(questionnaires::list)
            .service(questionnaires::get)
            .service(questionnaires::import)
            .service(assessments::list)
            .service(assessments::get)
            .service(assessments::create)
            .service(assessments::update)
            .service(assessors::add)
            .service(assessors::remove)
            .service(assessments::audit)
            .service(scores::list)
            .service(scores::agree)
            .service(scores::clear_agreed)
            .service(evidence::list)
            .service(evidence::upload)
            .service(evidence::add_link)
            .service(evidence::change)
            .service(evidence::remove)
            .service(evidence::file)
            .service(fieldwork::interview_plan)
            .service(fieldwork::plan_interview)
            .service(fieldwork::update_interview)
            .service(fieldwork::coverage)
            .service(fieldwork::assignments)
            .service(fieldwork::assign)
            .service(fieldwork::ready)
            .service(fieldwork::my_work)
            .service(scorecards::pdf_scorecard)
            .service(scorecards::html_scorecard)
            .service(scorecards::docx_scorecard)
            .service(comparisons::pdf)
            .service(comparisons::html)
            .service(comparisons::docx)
            .service(comparisons::data)
            .service(targets::get)
            .service(targets::put)
            .service(actions::export)
            .service(actions::list)
            .service(actions::create)
            .service(actions::get)
            .service(actions::update)
            .service(actions::status)
            .service(stats::correlation)
            .service(stats::alpha)
            .service(stats::concordance)
            .service(stats::icc)
            .service(stats::adjust)
            .service(exports::scores)
            .service(exports::results)
            .service(exports::kpi_values)
            .service(audit::export)
            .service(clients::export)
            .service(clients::erase)
            .service(audit::list)
            .service(workbook::download)
            .service(workbook::upload)
            .service(imports::kpi_values)
            .service(imports::panel_ranks)
            .service(imports::clients)
            .service(programme_exports::projects)
            .service(programme_exports::milestones)
            .service(programmes::report_pdf)
            .service(programmes::report_html)
            .service(programmes::report_docx)
            .service(programmes::list)
            .service(programmes::create)
            .service(programmes::get)
            .service(programmes::update)
            .service(programmes::list_projects)
            .service(programmes::add_project)
            .service(programmes::replace_project)
            .service(programmes::remove_project)
            .service(performance::create_kpi)
            .service(performance::list_kpis)
            .service(performance::put_values)
            .service(performance::create_panel)
            .service(performance::list_panels)
            .service(performance::put_ranks)
            .service(study::portfolio_pdf)
            .service(study::portfolio_html)
            .service(study::portfolio_docx)
            .service(study::portfolio),
    )
    .configure(assets::configure)
    .configure(pages::configure)
    .default_service(web::to(not_found));
}
