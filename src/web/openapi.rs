//! The OpenAPI 3 document, generated from the handlers' annotations.

use super::routes::{
    assessments, assessors, auth, clients, health, questionnaires, results, scores, tokens, users,
};
use actix_web::{get, HttpResponse};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "cmas API", description = "Customer-management assessments: questionnaires, two-dimension scoring and consolidated results. Errors are RFC 9457 problem documents with a stable `code`."),
    paths(
        auth::login, auth::logout, auth::me, auth::change_password,
        tokens::create, tokens::list, tokens::revoke,
        users::list, users::get, users::create,
        clients::list, clients::get, clients::create, clients::attach,
        questionnaires::list, questionnaires::get, questionnaires::import,
        assessments::list, assessments::get, assessments::create, assessments::update,
        assessors::add, assessors::remove, assessments::audit,
        scores::save, scores::list, scores::agree, scores::clear_agreed, results::get,
        health::healthz, health::readyz,
    ),
    modifiers(&Security),
    security(("bearer" = []), ("session" = [])),
)]
pub struct ApiDoc;

struct Security;

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

/// The OpenAPI document of this server.
#[get("/openapi.json")]
pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
