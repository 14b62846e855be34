//! The OpenAPI 3 document, generated from the handlers' annotations.

use super::routes::{
    actions, assessments, assessors, audit, auth, branding, clients, comparisons, evidence,
    exports, fieldwork, health, imports, invitations, operator, password_reset, performance,
    programme_exports, programmes, questionnaires, results, scorecards, scores, sessions, settings,
    sso, stats, study, targets, tokens, two_factor, users, workbook,
};
mod bodies;
mod links;
mod patterns;

use bodies::Documents;

use actix_web::{get, HttpResponse};
use utoipa::openapi::schema::{ArrayItems, KnownFormat, Schema, SchemaFormat};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "cmas API", description = "Customer-management assessments: questionnaires, two-dimension scoring and consolidated results. Errors are RFC 9457 problem documents with a stable `code`."),
    paths(
        auth::login, auth::logout, auth::me, auth::change_password,
        tokens::create, tokens::list, tokens::revoke, sessions::list, sessions::end,
        password_reset::request, password_reset::confirm,
        two_factor::status, two_factor::start, two_factor::confirm, two_factor::switch_off, two_factor::reset,
        operator::log_in, operator::list, operator::create, operator::disable, operator::enable, operator::invite_admin,
        users::list, users::get, users::create, users::update, invitations::invite, invitations::reinvite, invitations::accept, settings::get, settings::put, sso::get, sso::put, sso::remove, branding::get, branding::put, branding::logo, branding::put_logo, branding::remove_logo,
        clients::list, clients::get, clients::create, clients::update, clients::members, clients::attach, clients::detach,
        questionnaires::list, questionnaires::get, questionnaires::import,
        assessments::list, assessments::get, assessments::create, assessments::update,
        assessors::add, assessors::remove, assessments::audit,
        scores::save, scores::list, scores::agree, scores::clear_agreed,
        evidence::list, evidence::upload, evidence::add_link, evidence::change, evidence::remove, evidence::file,
        fieldwork::interview_plan, fieldwork::plan_interview, fieldwork::update_interview, fieldwork::coverage, fieldwork::assignments, fieldwork::assign, fieldwork::ready, fieldwork::my_work, results::get, scorecards::pdf_scorecard, scorecards::html_scorecard, scorecards::docx_scorecard, comparisons::data, comparisons::pdf, comparisons::html, comparisons::docx, targets::get, targets::put, actions::list, actions::export, actions::create, actions::get, actions::update, actions::status, stats::correlation, stats::alpha, stats::concordance, stats::icc, stats::adjust, exports::scores, exports::results, exports::kpi_values, audit::list, audit::export, clients::export, clients::erase, workbook::download, workbook::upload, imports::kpi_values, imports::panel_ranks, imports::clients, programme_exports::projects, programme_exports::milestones, programmes::report_pdf, programmes::report_html, programmes::report_docx, programmes::list, programmes::create, programmes::get, programmes::update, programmes::list_projects, programmes::add_project, programmes::replace_project, programmes::remove_project, performance::create_kpi, performance::list_kpis, performance::put_values, performance::create_panel, performance::list_panels, performance::put_ranks, study::portfolio, study::portfolio_pdf, study::portfolio_html, study::portfolio_docx,
        health::healthz, health::readyz, super::metrics::prometheus, document,
    ),
    // Enums that only path and query parameters name.
    components(schemas(crate::app::documents::Format, crate::app::clients::ExportFormat, crate::report::Paper)),
    modifiers(&Security, &CommonProblems, &LocalTimestamps, &UniqueOperationIds, &Documents),
    security(("bearer" = []), ("session" = [])),
)]
pub struct ApiDoc;

struct Security;

/// Operation ids are the handlers' names, which repeat across resources
/// (`list`, `get`, `create`): a repeated one gets its tag in front
/// (`clients_list`), so every id names one operation, as OpenAPI requires
/// and as links and client generators rely on.
struct UniqueOperationIds;

impl Modify for UniqueOperationIds {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let mut seen = std::collections::HashMap::<String, usize>::new();
        for operation in operations(openapi) {
            if let Some(id) = &operation.operation_id {
                *seen.entry(id.clone()).or_default() += 1;
            }
        }
        for operation in operations(openapi) {
            let tag = operation.tags.as_ref().and_then(|t| t.first()).cloned();
            if let (Some(id), Some(tag)) = (&mut operation.operation_id, tag) {
                if seen.get(id.as_str()).is_some_and(|n| *n > 1) {
                    *id = format!("{tag}_{id}");
                }
            }
        }
    }
}

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                super::session::SESSION_COOKIE,
            ))),
        );
    }
}

/// Errors any operation can answer, added to each so the document lists them
/// without every handler repeating them: a request that cannot be read (400),
/// a body over the limit (413) and a fault of ours (500). Every error is
/// documented as `application/problem+json`, as it is sent.
struct CommonProblems;

impl Modify for CommonProblems {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let problem = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/problem+json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("Problem")))
                        .build(),
                )
                .build()
        };
        for operation in operations(openapi) {
            let responses = &mut operation.responses.responses;
            // Handlers name the Problem body; it is sent as problem+json.
            for (status, response) in responses.iter_mut() {
                if let (true, RefOr::T(response)) = (status.starts_with(['4', '5']), response) {
                    let content = response
                        .content
                        .shift_remove("application/json")
                        .unwrap_or_else(|| {
                            ContentBuilder::new()
                                .schema(Some(Ref::from_schema_name("Problem")))
                                .build()
                        });
                    response.content.clear();
                    response
                        .content
                        .insert("application/problem+json".to_owned(), content);
                }
            }
            let mut add = |status: &str, description: &str| {
                responses
                    .entry(status.to_owned())
                    .or_insert_with(|| problem(description).into());
            };
            add(
                "400",
                "The request cannot be read: malformed JSON, a bad path or query parameter",
            );
            if operation.request_body.is_some() {
                add("413", "The body is over the limit");
            }
            add("500", "A fault on the server; it has been logged");
        }
    }
}

/// Timestamps are sent in UTC without an offset ("2026-11-23T07:51:19.479142"),
/// which RFC 3339's `date-time` does not allow: documented as what they are.
struct LocalTimestamps;

impl Modify for LocalTimestamps {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.schemas.values_mut().for_each(relabel_timestamps);
        }
        for operation in operations(openapi) {
            for response in operation.responses.responses.values_mut() {
                if let RefOr::T(response) = response {
                    for content in response.content.values_mut() {
                        content.schema.iter_mut().for_each(relabel_timestamps);
                    }
                }
            }
        }
    }
}

fn relabel_timestamps(schema: &mut RefOr<Schema>) {
    let RefOr::T(schema) = schema else {
        return;
    };
    match schema {
        Schema::Object(object) => {
            if object.format == Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)) {
                object.format = Some(SchemaFormat::Custom("utc-date-time-without-offset".into()));
                object.pattern = Some(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$".to_owned());
            }
            object.properties.values_mut().for_each(relabel_timestamps);
        }
        Schema::Array(array) => {
            if let ArrayItems::RefOrSchema(items) = &mut array.items {
                relabel_timestamps(items);
            }
        }
        Schema::AllOf(all) => all.items.iter_mut().for_each(relabel_timestamps),
        Schema::OneOf(one) => one.items.iter_mut().for_each(relabel_timestamps),
        Schema::AnyOf(any) => any.items.iter_mut().for_each(relabel_timestamps),
        _ => {}
    }
}

/// Every operation of the document.
fn operations(
    openapi: &mut utoipa::openapi::OpenApi,
) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    openapi.paths.paths.values_mut().flat_map(|item| {
        [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ]
        .into_iter()
        .flatten()
    })
}

/// The OpenAPI document of this server.
#[utoipa::path(context_path = "/api/v1", tag = "meta", responses((status = 200, description = "This document")), security(()))]
#[get("/openapi.json")]
pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(served())
}

/// The document as served: utoipa's, with the links between operations and
/// the named text patterns written out.
fn served() -> serde_json::Value {
    let mut served = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    links::add(&mut served);
    patterns::expand(&mut served);
    served
}
