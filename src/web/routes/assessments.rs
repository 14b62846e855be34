//! Assessments: created by consultants, scored by assessors, finalised by the lead.

use crate::app::results;
use crate::db::assessments::{Assessment, AssessmentFilter, NewAssessment};
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::Client;
use crate::db::summaries;
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::assessment::Status;
use crate::domain::role::{Caller, Role};
use crate::web::input::{optional, SHORT_TEXT};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use crate::web::views::{AssessmentView, Scope};
use actix_web::{get, patch, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAssessmentRequest {
    pub client_id: i32,
    /// The stored questionnaire version; the assessment keeps it for good.
    pub questionnaire_id: i32,
    pub assessment_date: chrono::NaiveDate,
    #[serde(default)]
    pub scope: Scope,
    /// Defaults to the caller.
    pub lead_assessor_id: Option<i32>,
    /// Co-assessors; the lead is always an assessor.
    #[serde(default)]
    pub assessor_ids: Vec<i32>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentUpdate {
    /// The version the change was made against.
    pub version: i32,
    pub status: Status,
}

#[derive(Deserialize, IntoParams)]
pub struct ListQuery {
    pub client_id: Option<i32>,
    pub status: Option<Status>,
}

/// At most this many co-assessors on one assessment.
pub const MAX_ASSESSORS: usize = 20;

/// The assessment if the caller may see it, else 404.
pub fn assessment_or_404(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i32,
) -> ApiResult<Assessment> {
    Assessment::find_visible(conn, caller, id)?.ok_or_else(|| ApiError::not_found("assessment"))
}

/// Only the lead assessor (or an admin) steers an assessment.
pub fn require_lead(caller: &Caller, assessment: &Assessment, action: &str) -> ApiResult<()> {
    if caller.user_id == assessment.lead_assessor_id || caller.role == Role::Admin {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "not_the_lead",
            format!("only the lead assessor may {action}"),
        ))
    }
}

/// An assessor must be a consultant or admin of the caller's organisation.
pub fn assessor(conn: &mut AnyConnection, caller: &Caller, user_id: i32) -> ApiResult<User> {
    let user = User::find_in(conn, caller, user_id)?
        .filter(|u| u.active)
        .ok_or_else(|| {
            ApiError::invalid(
                "unknown_user",
                format!("there is no active user {user_id} in your organisation"),
            )
        })?;
    if user.role().is_staff() {
        Ok(user)
    } else {
        Err(ApiError::invalid(
            "not_an_assessor_role",
            format!(
                "{} is a {}; assessors are consultants or admins",
                user.email,
                user.role()
            ),
        ))
    }
}

pub fn view(conn: &mut AnyConnection, a: Assessment) -> ApiResult<AssessmentView> {
    let assessors = Assessment::assessors(conn, a.id)?;
    Ok(AssessmentView::new(a, assessors))
}

/// Assessments the caller may see, newest first.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(ListQuery),
    responses((status = 200, body = Vec<AssessmentView>), (status = 401, body = Problem)))]
#[get("/assessments")]
pub async fn list(
    state: web::Data<AppState>,
    auth: Auth,
    query: web::Query<ListQuery>,
) -> ApiResult<web::Json<Vec<AssessmentView>>> {
    let caller = auth.caller();
    let filter = AssessmentFilter {
        client_id: query.client_id,
        status: query.status,
    };
    let views = state
        .read(move |conn| {
            let found = Assessment::list_visible(conn, &caller, &filter)?;
            let ids: Vec<i32> = found.iter().map(|a| a.id).collect();
            let mut teams = Assessment::assessors_of(conn, &ids)?;
            Ok(found
                .into_iter()
                .map(|a| {
                    let team = teams.remove(&a.id).unwrap_or_default();
                    AssessmentView::new(a, team)
                })
                .collect())
        })
        .await?;
    Ok(web::Json(views))
}

/// One assessment.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path)),
    responses((status = 200, body = AssessmentView), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<web::Json<AssessmentView>> {
    let (caller, id) = (auth.caller(), path.into_inner());
    let found = state
        .read(move |conn| {
            let assessment = assessment_or_404(conn, &caller, id)?;
            view(conn, assessment)
        })
        .await?;
    Ok(web::Json(found))
}

/// Starts a draft assessment of a client against one questionnaire version.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", request_body = NewAssessmentRequest,
    responses((status = 201, body = AssessmentView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments")]
pub async fn create(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<NewAssessmentRequest>,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "create assessments")?;
    let created = create_assessment(&state, caller, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Starts a draft assessment; the API and the new-assessment page share it.
pub async fn create_assessment(
    state: &AppState,
    caller: Caller,
    body: NewAssessmentRequest,
) -> ApiResult<AssessmentView> {
    if body.assessor_ids.len() > MAX_ASSESSORS {
        return Err(ApiError::invalid(
            "too_many_assessors",
            format!("at most {MAX_ASSESSORS} assessors per assessment"),
        ));
    }
    let new = NewAssessment {
        client_id: body.client_id,
        questionnaire_id: body.questionnaire_id,
        assessment_date: body.assessment_date,
        business_unit: optional(
            "scope.business_unit",
            body.scope.business_unit.as_deref(),
            SHORT_TEXT,
        )?,
        product: optional("scope.product", body.scope.product.as_deref(), SHORT_TEXT)?,
        customer_group: optional(
            "scope.customer_group",
            body.scope.customer_group.as_deref(),
            SHORT_TEXT,
        )?,
        lead_assessor_id: body.lead_assessor_id.unwrap_or(caller.user_id),
    };
    let cache = state.questionnaires.clone();
    let created = state
        .write(move |conn| {
            Client::find_visible(conn, &caller, new.client_id)?
                .ok_or_else(|| ApiError::not_found("client"))?;
            cache
                .get(conn, caller.organisation_id, new.questionnaire_id)?
                .ok_or_else(|| {
                    ApiError::invalid(
                        "unknown_questionnaire",
                        format!("there is no questionnaire {}", new.questionnaire_id),
                    )
                })?;
            let lead = assessor(conn, &caller, new.lead_assessor_id)?;
            let others = body
                .assessor_ids
                .iter()
                .map(|&id| assessor(conn, &caller, id))
                .collect::<ApiResult<Vec<_>>>()?;
            let created = Assessment::create(conn, &caller, new)?;
            for user in std::iter::once(&lead).chain(&others) {
                Assessment::add_assessor(conn, created.id, user.id)?;
            }
            AuditEvent::record(
                conn,
                change(
                    &caller,
                    created.id,
                    "assessment.create",
                    None,
                    Some(&created),
                ),
            )?;
            view(conn, created)
        })
        .await?;
    Ok(created)
}

pub fn change<'a>(
    caller: &Caller,
    id: i32,
    action: &'a str,
    before: Option<&Assessment>,
    after: Option<&Assessment>,
) -> Change<'a> {
    let json = |a: Option<&Assessment>| a.and_then(|a| serde_json::to_string(a).ok());
    Change {
        organisation_id: caller.organisation_id,
        actor_id: Some(caller.user_id),
        entity: "assessment",
        entity_id: id,
        action,
        before: json(before),
        after: json(after),
    }
}

/// Changes the status (e.g. finalises). Send the version you read: if the
/// assessment changed since, the answer is 409 and nothing changes.
/// Finalising needs an answer (or N/A) for every question.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path)), request_body = AssessmentUpdate,
    responses((status = 200, body = AssessmentView), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "Stale version or a final assessment"),
        (status = 422, body = Problem, description = "Unanswered questions")))]
#[patch("/assessments/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
    body: web::Json<AssessmentUpdate>,
) -> ApiResult<web::Json<AssessmentView>> {
    let (caller, id, update) = (auth.caller(), path.into_inner(), body.into_inner());
    let cache = state.questionnaires.clone();
    let updated = state
        .write(move |conn| {
            let current = assessment_or_404(conn, &caller, id)?;
            require_lead(&caller, &current, "change the status")?;
            if current.version != update.version {
                return Err(stale(&current));
            }
            let next = current
                .status()
                .transition_to(update.status)
                .map_err(|detail| ApiError::conflict("invalid_transition", detail))?;
            if next == current.status() {
                return view(conn, current);
            }
            let finished = if next == Status::Final {
                let questionnaire = cache
                    .get(conn, caller.organisation_id, current.questionnaire_id)?
                    .ok_or_else(|| ApiError::Internal("assessment without its questionnaire".into()))?;
                let finished = results::load(conn, &current, &questionnaire)?;
                let overall = &finished.overall;
                let open = overall.questions - overall.scored - overall.not_applicable;
                if open > 0 {
                    return Err(ApiError::invalid(
                        "incomplete",
                        format!("{open} of {} questions have no consolidated answer yet; score them or mark them N/A before finalising", overall.questions),
                    ));
                }
                Some(finished)
            } else {
                None
            };
            let updated = Assessment::set_status(conn, id, update.version, next)?.ok_or_else(|| stale(&current))?;
            if let Some(finished) = finished {
                summaries::store(conn, id, &finished)?;
            }
            AuditEvent::record(conn, change(&caller, id, "assessment.status", Some(&current), Some(&updated)))?;
            view(conn, updated)
        })
        .await?;
    Ok(web::Json(updated))
}

fn stale(current: &Assessment) -> ApiError {
    ApiError::conflict(
        "stale_version",
        format!(
            "the assessment changed since you read it (now version {}); reload and try again",
            current.version
        ),
    )
}

/// The audit trail of an assessment: every status and score change, oldest first.
#[utoipa::path(context_path = "/api/v1", tag = "assessments", params(("id" = i32, Path)),
    responses((status = 200, body = Vec<AuditEvent>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/audit")]
pub async fn audit(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<web::Json<Vec<AuditEvent>>> {
    let (caller, id) = (auth.caller(), path.into_inner());
    let events = state
        .read(move |conn| {
            let assessment = assessment_or_404(conn, &caller, id)?;
            require_lead(&caller, &assessment, "read the audit trail")?;
            Ok(AuditEvent::list_for(
                conn,
                caller.organisation_id,
                "assessment",
                id,
            )?)
        })
        .await?;
    Ok(web::Json(events))
}
