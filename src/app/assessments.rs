//! Assessments: created by consultants, scored by assessors, finalised by
//! the lead. The rules every verb on an assessment shares live here: who
//! may see it, who steers it, and that a final assessment changes no more.

use super::clients::ClientView;
use super::error::{AppError, AppResult};
use super::input::{optional, SHORT_TEXT};
use super::listing::{ListQuery, Paged};
use super::permissions::{require, STAFF};
use super::users::UserView;
use super::{results, App};
use crate::db::assessments::{Assessment, AssessmentOrder, NewAssessment};
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::Client;
use crate::db::questionnaires::StoredQuestionnaire;
use crate::db::result_summaries;
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::dates::{self, past_window};
use crate::domain::ids::{AssessmentId, UserId};
use crate::domain::role::{Caller, Role};
use diesel::QueryResult;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// At most this many co-assessors on one assessment.
pub const MAX_ASSESSORS: usize = 20;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct NewAssessmentRequest {
    #[schema(minimum = 1)]
    pub client_id: i32,
    /// The stored questionnaire version; the assessment keeps it for good.
    #[schema(minimum = 1)]
    pub questionnaire_id: i32,
    // Dates from 1990 on (domain::dates); the latest allowed moves with today, so only the
    // century is stated.
    #[schema(pattern = "date")]
    pub assessment_date: chrono::NaiveDate,
    #[serde(default)]
    pub scope: Scope,
    /// Defaults to the caller.
    #[schema(minimum = 1)]
    pub lead_assessor_id: Option<i32>,
    /// Co-assessors; the lead is always an assessor.
    #[serde(default)]
    #[schema(max_items = 20, minimum = 1)]
    pub assessor_ids: Vec<i32>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct AssessmentUpdate {
    /// The version the change was made against.
    #[schema(minimum = 1)]
    pub version: i32,
    pub status: Status,
}

/// The part of the client or company an assessment covers; all absent means the whole company.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Scope {
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(max_length = 200, pattern = "one-line-or-blank")]
    pub business_unit: Option<String>,
    #[schema(max_length = 200, pattern = "one-line-or-blank")]
    pub product: Option<String>,
    #[schema(max_length = 200, pattern = "one-line-or-blank")]
    pub customer_group: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct AssessmentView {
    pub id: i32,
    pub client_id: i32,
    pub questionnaire_id: i32,
    pub assessment_date: chrono::NaiveDate,
    pub scope: Scope,
    pub status: Status,
    pub lead_assessor_id: i32,
    pub assessor_ids: Vec<i32>,
    /// Send it back with a change; a stale version gets 409.
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub finalised_at: Option<chrono::NaiveDateTime>,
}

impl AssessmentView {
    fn new(a: Assessment, assessor_ids: Vec<i32>) -> AssessmentView {
        AssessmentView {
            id: a.id,
            client_id: a.client_id,
            questionnaire_id: a.questionnaire_id,
            assessment_date: a.assessment_date,
            status: a.status(),
            scope: Scope {
                business_unit: a.business_unit,
                product: a.product,
                customer_group: a.customer_group,
            },
            lead_assessor_id: a.lead_assessor_id,
            assessor_ids,
            version: a.version,
            created_at: a.created_at,
            updated_at: a.updated_at,
            finalised_at: a.finalised_at,
        }
    }
}

/// The assessment if the caller may see it.
pub(super) fn visible(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: AssessmentId,
) -> AppResult<Assessment> {
    Assessment::find_visible(conn, caller, id.get())?
        .ok_or_else(|| AppError::not_found("assessment"))
}

/// Only the lead assessor (or an admin) steers an assessment.
pub(super) fn require_lead(
    caller: &Caller,
    assessment: &Assessment,
    action: &str,
) -> AppResult<()> {
    if caller.user_id.get() == assessment.lead_assessor_id || caller.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "not_the_lead",
            format!("only the lead assessor may {action}"),
        ))
    }
}

/// The first answer moves a draft assessment to in progress. Statuses never
/// go back, so one this transaction read as started needs no write.
pub(super) fn start_if_draft(conn: &mut AnyConnection, read: &Assessment) -> QueryResult<()> {
    if read.status() == Status::Draft {
        Assessment::start_if_draft(conn, read.id)?;
    }
    Ok(())
}

/// A final assessment changes no more: `what` ("its scores", "its team")
/// says what the caller tried to change.
pub(super) fn require_open(assessment: &Assessment, what: &str) -> AppResult<()> {
    if assessment.status().accepts_scores() {
        Ok(())
    } else {
        Err(AppError::conflict(
            "assessment_final",
            format!("the assessment is final; {what} can no longer change"),
        ))
    }
}

/// An assessor must be an active consultant or admin of the caller's organisation.
pub(super) fn assessor(
    conn: &mut AnyConnection,
    caller: &Caller,
    user_id: UserId,
) -> AppResult<User> {
    let user = User::find_in(conn, caller, user_id.get())?
        .filter(|u| u.active)
        .ok_or_else(|| {
            AppError::invalid(
                "unknown_user",
                format!("there is no active user {user_id} in your organisation"),
            )
        })?;
    if user.role().is_staff() {
        Ok(user)
    } else {
        Err(AppError::invalid(
            "not_an_assessor_role",
            format!(
                "{} is a {}; assessors are consultants or admins",
                user.email,
                user.role()
            ),
        ))
    }
}

/// The assessment as shown, with its team.
pub(super) fn view(conn: &mut AnyConnection, a: Assessment) -> AppResult<AssessmentView> {
    let assessors = Assessment::assessors(conn, a.id)?;
    Ok(AssessmentView::new(a, assessors))
}

/// A change of the assessment by `caller`, for the audit trail.
pub(super) fn change<'a>(
    caller: &Caller,
    id: i32,
    action: &'a str,
    before: Option<&Assessment>,
    after: Option<&Assessment>,
) -> Change<'a> {
    let json = |a: Option<&Assessment>| a.and_then(|a| serde_json::to_string(a).ok());
    Change {
        before: json(before),
        after: json(after),
        ..Change::by(caller, "assessment", id, action)
    }
}

/// Assessments the caller may see, newest first.
pub fn list(
    app: &App,
    caller: &Caller,
    query: &ListQuery,
    filter: &AssessmentFilter,
) -> AppResult<Paged<AssessmentView>> {
    let cut = query.cut_or(SORTS, "-assessment_date")?;
    app.read(|conn| {
        let (found, total) = Assessment::search(
            conn,
            caller,
            (filter, cut.search.as_deref()),
            (cut.sort, cut.descending),
            cut.window,
        )?;
        let ids: Vec<i32> = found.iter().map(|a| a.id).collect();
        let mut teams = Assessment::assessors_of(conn, &ids)?;
        let views = found
            .into_iter()
            .map(|a| {
                let team = teams.remove(&a.id).unwrap_or_default();
                AssessmentView::new(a, team)
            })
            .collect();
        Ok(cut.page(views, total))
    })
}

/// The keys a list of assessments sorts by; newest first unless asked.
const SORTS: &[(&str, AssessmentOrder)] = &[
    ("assessment_date", AssessmentOrder::Date),
    ("status", AssessmentOrder::Status),
    ("updated_at", AssessmentOrder::Updated),
];

/// One assessment the caller may see.
pub fn get(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<AssessmentView> {
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        view(conn, assessment)
    })
}

/// Starts a draft assessment of a client against one questionnaire version
/// (staff only), with the lead and co-assessors of the caller's organisation.
pub fn create(app: &App, caller: &Caller, body: NewAssessmentRequest) -> AppResult<AssessmentView> {
    require(caller, STAFF, "create assessments")?;
    if body.assessor_ids.len() > MAX_ASSESSORS {
        return Err(AppError::invalid(
            "too_many_assessors",
            format!("at most {MAX_ASSESSORS} assessors per assessment"),
        ));
    }
    let scope = &body.scope;
    let new = NewAssessment {
        client_id: body.client_id,
        questionnaire_id: body.questionnaire_id,
        assessment_date: dates::within(body.assessment_date, past_window(today())).map_err(
            |e| {
                AppError::invalid_field(
                    "date_out_of_range",
                    "assessment_date",
                    format!("the assessment date {e}"),
                )
            },
        )?,
        business_unit: optional(
            "scope.business_unit",
            scope.business_unit.as_deref(),
            SHORT_TEXT,
        )?,
        product: optional("scope.product", scope.product.as_deref(), SHORT_TEXT)?,
        customer_group: optional(
            "scope.customer_group",
            scope.customer_group.as_deref(),
            SHORT_TEXT,
        )?,
        lead_assessor_id: body.lead_assessor_id.unwrap_or(caller.user_id.get()),
    };
    app.write(|conn| {
        Client::find_visible(conn, caller, new.client_id)?
            .ok_or_else(|| AppError::not_found("client"))?;
        app.questionnaires
            .get(conn, caller.organisation_id.get(), new.questionnaire_id)?
            .ok_or_else(|| {
                AppError::invalid(
                    "unknown_questionnaire",
                    format!("there is no questionnaire {}", new.questionnaire_id),
                )
            })?;
        let lead = assessor(conn, caller, UserId(new.lead_assessor_id))?;
        let others = body
            .assessor_ids
            .iter()
            .map(|&id| assessor(conn, caller, UserId(id)))
            .collect::<AppResult<Vec<_>>>()?;
        let created = Assessment::create(conn, caller, new)?;
        for user in std::iter::once(&lead).chain(&others) {
            Assessment::add_assessor(conn, created.id, user.id)?;
        }
        AuditEvent::record(
            conn,
            change(
                caller,
                created.id,
                "assessment.create",
                None,
                Some(&created),
            ),
        )?;
        view(conn, created)
    })
}

/// Changes the status (e.g. finalises), as the lead. A change made against
/// a stale version is refused and changes nothing. Finalising needs an
/// answer (or N/A) for every question, and stores the consolidated results.
pub fn change_status(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    update: AssessmentUpdate,
) -> AppResult<AssessmentView> {
    app.write(|conn| {
        let current = visible(conn, caller, id)?;
        require_lead(caller, &current, "change the status")?;
        if current.version != update.version {
            return Err(stale(&current));
        }
        let next = current
            .status()
            .transition_to(update.status)
            .map_err(|detail| AppError::conflict("invalid_transition", detail))?;
        if next == current.status() {
            return view(conn, current);
        }
        let finished = if next == Status::Final {
            let questionnaire = app
                .questionnaires
                .get(conn, caller.organisation_id.get(), current.questionnaire_id)?
                .ok_or_else(|| AppError::fault("assessment without its questionnaire"))?;
            let finished = results::load(conn, &current, &questionnaire)?;
            let overall = &finished.overall;
            let open = overall.questions - overall.scored - overall.not_applicable;
            if open > 0 {
                return Err(AppError::invalid(
                    "incomplete",
                    format!(
                        "{open} of {} questions have no consolidated answer yet; score them or mark them N/A before finalising",
                        overall.questions
                    ),
                ));
            }
            Some(finished)
        } else {
            None
        };
        let updated = Assessment::set_status(conn, id.get(), update.version, next)?
            .ok_or_else(|| stale(&current))?;
        if let Some(finished) = finished {
            result_summaries::store(conn, id.get(), &finished)?;
        }
        AuditEvent::record(
            conn,
            change(caller, id.get(), "assessment.status", Some(&current), Some(&updated)),
        )?;
        view(conn, updated)
    })
}

fn stale(current: &Assessment) -> AppError {
    AppError::conflict(
        "stale_version",
        format!(
            "the assessment changed since you read it (now version {}); reload and try again",
            current.version
        ),
    )
}

/// The audit trail of an assessment, oldest first (the lead and admins).
pub fn audit_trail(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<Vec<AuditEvent>> {
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        require_lead(caller, &assessment, "read the audit trail")?;
        Ok(AuditEvent::list_for(
            conn,
            caller.organisation_id.get(),
            "assessment",
            id.get(),
        )?)
    })
}

/// A questionnaire version to assess against.
pub struct QuestionnaireChoice {
    /// The stored version's id, which the new assessment keeps.
    pub id: i32,
    /// The questionnaire's title, as the form lists it.
    pub title: String,
    /// Its semantic version, which tells two editions of one title apart.
    pub version: String,
}

/// What the new-assessment form offers (staff): the clients, the
/// questionnaire versions (newest first) and the colleagues who may assess.
pub struct Choices {
    /// The clients the caller sees, one of which is assessed.
    pub clients: Vec<ClientView>,
    /// Every imported questionnaire version, newest first.
    pub questionnaires: Vec<QuestionnaireChoice>,
    /// The other active staff, who may join as co-assessors.
    pub colleagues: Vec<UserView>,
}

/// The choices of a new assessment for the caller (staff).
pub fn choices(app: &App, caller: &Caller) -> AppResult<Choices> {
    require(caller, STAFF, "create assessments")?;
    let (clients, questionnaires, users) = app.read(|conn| {
        Ok((
            Client::list_visible(conn, caller)?,
            StoredQuestionnaire::list_in(conn, caller.organisation_id.get())?,
            User::list_in(conn, caller)?,
        ))
    })?;
    Ok(Choices {
        clients: clients.into_iter().map(ClientView::from).collect(),
        questionnaires: questionnaires
            .into_iter()
            .rev()
            .map(|q| QuestionnaireChoice {
                id: q.id,
                title: q.title,
                version: q.version,
            })
            .collect(),
        colleagues: users
            .iter()
            .filter(|u| u.id != caller.user_id.get() && u.active && u.role().is_staff())
            .map(UserView::from)
            .collect(),
    })
}

/// Today, as the server's clock has it (UTC).
fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}
