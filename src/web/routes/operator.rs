//! The platform operator's API: organisations, never their content. Only
//! an operator's token opens these routes (`POST /operator/tokens`).

use crate::app::invitations::Invitation;
use crate::app::operators::{self, Operating, OperatorLogin, OperatorToken};
use crate::app::tenants::{
    self, AdminInvitation, CreatedOrganisation, NewOrganisation, OrganisationView,
};
use crate::web::problem::{ApiResult, Problem};
use crate::web::session::caller_address;
use crate::web::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

/// An operator's token for an hour, in exchange for their password. Failed
/// attempts are throttled like every login.
#[utoipa::path(context_path = "/api/v1", tag = "operator", request_body = OperatorLogin,
    responses((status = 201, body = OperatorToken), (status = 401, body = Problem),
        (status = 429, body = Problem), (status = 503, body = Problem), (status = 400, body = Problem)),
    security(()))]
#[post("/operator/tokens")]
pub async fn log_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<OperatorLogin>,
) -> ApiResult<HttpResponse> {
    let address = caller_address(&state, &req);
    let token = state
        .run(move |app| operators::log_in(app, &body, &address))
        .await?;
    Ok(HttpResponse::Created().json(token))
}

/// Every organisation of the deployment, with how many people each has.
#[utoipa::path(context_path = "/api/v1", tag = "operator",
    responses((status = 200, body = Vec<OrganisationView>), (status = 401, body = Problem)))]
#[get("/operator/organisations")]
pub async fn list(
    state: web::Data<AppState>,
    by: Operating,
) -> ApiResult<web::Json<Vec<OrganisationView>>> {
    let all = state.run(move |app| tenants::list(app, &by)).await?;
    Ok(web::Json(all))
}

/// Creates an organisation and invites its first admin: the answer holds
/// the link they open to set their password (and, with mail configured,
/// it is e-mailed to them).
#[utoipa::path(context_path = "/api/v1", tag = "operator", request_body = NewOrganisation,
    responses((status = 201, body = CreatedOrganisation), (status = 401, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/operator/organisations")]
pub async fn create(
    state: web::Data<AppState>,
    by: Operating,
    body: web::Json<NewOrganisation>,
) -> ApiResult<HttpResponse> {
    let created = state
        .run(move |app| tenants::create(app, &by, &body))
        .await?;
    Ok(HttpResponse::Created().json(created))
}

/// Switches an organisation off: its people's sessions end and their
/// tokens stop working at once; its data stays.
#[utoipa::path(context_path = "/api/v1", tag = "operator",
    params(("id" = i32, Path, description = "Organisation id")),
    responses((status = 200, body = OrganisationView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[post("/operator/organisations/{id}/disable")]
pub async fn disable(
    state: web::Data<AppState>,
    by: Operating,
    path: web::Path<i32>,
) -> ApiResult<web::Json<OrganisationView>> {
    switch(state, by, path.into_inner(), false).await
}

/// Switches an organisation on again.
#[utoipa::path(context_path = "/api/v1", tag = "operator",
    params(("id" = i32, Path, description = "Organisation id")),
    responses((status = 200, body = OrganisationView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[post("/operator/organisations/{id}/enable")]
pub async fn enable(
    state: web::Data<AppState>,
    by: Operating,
    path: web::Path<i32>,
) -> ApiResult<web::Json<OrganisationView>> {
    switch(state, by, path.into_inner(), true).await
}

async fn switch(
    state: web::Data<AppState>,
    by: Operating,
    id: i32,
    enabled: bool,
) -> ApiResult<web::Json<OrganisationView>> {
    let org = state
        .run(move |app| tenants::set_enabled(app, &by, id, enabled))
        .await?;
    Ok(web::Json(org))
}

/// Invites another admin into an organisation (or sends a new link to an
/// admin invited before).
#[utoipa::path(context_path = "/api/v1", tag = "operator", request_body = AdminInvitation,
    params(("id" = i32, Path, description = "Organisation id")),
    responses((status = 201, body = Invitation), (status = 401, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/operator/organisations/{id}/admins")]
pub async fn invite_admin(
    state: web::Data<AppState>,
    by: Operating,
    path: web::Path<i32>,
    body: web::Json<AdminInvitation>,
) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    let invitation = state
        .run(move |app| tenants::invite_admin(app, &by, id, &body))
        .await?;
    Ok(HttpResponse::Created().json(invitation))
}
