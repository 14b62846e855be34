//! Targets: after a final assessment, its lead (or an admin, or a programme
//! manager of the client) sets what the client and scope aim for — a % of
//! best practice per area, optionally per practice, each by a date. Setting
//! them again makes a new version; every version stays, with who set it.

use super::assessments::visible;
use super::error::{AppError, AppResult};
use super::permissions::require;
use super::scores::questionnaire_of;
use super::{results, App};
use crate::db::assessments::Assessment;
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::Client;
use crate::db::targets::{TargetOwner, TargetRow, TargetSetRow};
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::assessment::Status;
use crate::domain::dates::{self, plan_window};
use crate::domain::ids::AssessmentId;
use crate::domain::plans::{scope_key, TargetKind};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::role::{Caller, Role};
use crate::domain::scoring::Results;
use diesel::result::{DatabaseErrorKind, Error::DatabaseError};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use utoipa::ToSchema;

/// Who may set targets besides the assessment's lead.
const SETTERS: &[Role] = &[Role::Admin, Role::Consultant, Role::ProgrammeManager];

/// The targets as sent: the whole set, which replaces the current version.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetsRequest {
    /// One per area or practice; none clears the targets (a new, empty version).
    #[schema(max_items = 500)]
    pub targets: Vec<TargetInput>,
}

/// One target as sent.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetInput {
    /// An area's id (`AP`) or a practice's (`AP.1.1`) of the assessment's questionnaire.
    #[schema(min_length = 1, max_length = 40)]
    pub node_id: String,
    /// The combined score aimed for, % of best practice.
    #[schema(minimum = 0, maximum = 100)]
    pub target: f64,
    /// By when; after the assessment's date.
    #[schema(pattern = "date")]
    pub due_date: chrono::NaiveDate,
}

/// One target as it stands, with where the assessment left it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TargetView {
    /// The area's or practice's id.
    pub node_id: String,
    /// Area or practice.
    pub kind: TargetKind,
    /// The area's name or the practice's words.
    pub name: String,
    /// The combined score aimed for, %.
    pub target: f64,
    /// By when.
    pub due_date: chrono::NaiveDate,
    /// The combined score in the assessment the targets start from, %.
    pub baseline: Option<f64>,
}

/// One version of a client and scope's targets.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TargetSetView {
    /// 1 for the first targets of the client and scope, then 2, ….
    pub version: i32,
    /// The final assessment they start from.
    pub assessment_id: i32,
    /// Who set them (absent when that user is gone).
    pub set_by: Option<String>,
    /// When.
    pub set_at: chrono::NaiveDateTime,
    /// Areas first, then practices.
    pub targets: Vec<TargetView>,
}

/// An area or practice a target may be set on, with where the assessment left it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TargetNode {
    /// The area's or practice's id.
    pub id: String,
    /// The area's name or the practice's words.
    pub name: String,
    /// The combined score in this assessment, % (none when not scored).
    pub current: Option<f64>,
}

/// The targets in force for an assessment's client and scope, and how many
/// versions there have been.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TargetsView {
    /// The assessment asked about.
    pub assessment_id: i32,
    /// Its client.
    pub client_id: i32,
    /// The client's name.
    pub client: String,
    /// The day the assessment is dated; targets fall due after it.
    pub assessment_date: chrono::NaiveDate,
    /// Whether the caller may set targets from this assessment.
    pub may_set: bool,
    /// The areas a target may be set on, with this assessment's scores.
    pub areas: Vec<TargetNode>,
    /// The practices a target may be set on, with this assessment's scores.
    pub practices: Vec<TargetNode>,
    /// The latest version set from this assessment or an earlier one; none
    /// before any was set.
    pub current: Option<TargetSetView>,
    /// Every version of the client and scope's targets, newest first.
    pub versions: Vec<TargetSetView>,
}

/// A client and scope's targets as the reports use them.
#[derive(Debug, Clone, PartialEq)]
pub struct InForce {
    /// The version.
    pub version: i32,
    /// The final assessment they start from.
    pub assessment_id: i32,
    /// node id → (target %, due date).
    pub targets: HashMap<String, (f64, chrono::NaiveDate)>,
}

fn owner_of(assessment: &Assessment) -> (i32, i32, String) {
    (
        assessment.organisation_id,
        assessment.client_id,
        scope_key([
            &assessment.business_unit,
            &assessment.product,
            &assessment.customer_group,
        ]),
    )
}

/// The targets of the assessment's client and scope, in force and past.
pub fn get(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<TargetsView> {
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        view(app, conn, caller, &assessment)
    })
}

/// Sets the targets of the assessment's client and scope as a new version,
/// starting from this final assessment. Audited.
pub fn set(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    request: TargetsRequest,
) -> AppResult<TargetsView> {
    app.write(|conn| {
        let assessment = visible(conn, caller, id)?;
        may_set(conn, caller, &assessment)?;
        let questionnaire = questionnaire_of(app, conn, &assessment)?;
        let items = checked(&questionnaire, &assessment, request.targets)?;
        let (organisation_id, client_id, key) = owner_of(&assessment);
        let owner = TargetOwner {
            organisation_id,
            client_id,
            scope_key: &key,
        };
        let created =
            TargetSetRow::create(conn, owner, (assessment.id, caller.user_id.get()), &items)
                .map_err(|e| match e {
                    DatabaseError(DatabaseErrorKind::UniqueViolation, _) => AppError::conflict(
                        "targets_changed",
                        "someone set these targets at the same moment; reload and try again",
                    ),
                    other => other.into(),
                })?;
        AuditEvent::record(
            conn,
            Change::by(caller, "assessment", assessment.id, "targets.set").after(
                serde_json::json!({
                    "targets_version": created.version,
                    "targets": items
                        .iter()
                        .map(|(node, _, target, due)| format!("{node} {target}% by {due}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                }),
            ),
        )?;
        view(app, conn, caller, &assessment)
    })
}

/// The assessment's lead, an admin, or a programme manager of the client
/// (who sees the client only as a member) sets targets, once it is final.
pub(super) fn may_set(
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment: &Assessment,
) -> AppResult<()> {
    require(caller, SETTERS, "set targets")?;
    if caller.role == Role::Consultant && caller.user_id.get() != assessment.lead_assessor_id {
        return Err(AppError::forbidden(
            "not_the_lead",
            "only the lead assessor, an admin or the client's programme manager may set targets",
        ));
    }
    if caller.role == Role::ProgrammeManager
        && Client::find_visible(conn, caller, assessment.client_id)?.is_none()
    {
        return Err(AppError::not_found("assessment"));
    }
    if assessment.status() != Status::Final {
        return Err(AppError::invalid(
            "not_final",
            "targets start from a final assessment; finalise it first",
        ));
    }
    Ok(())
}

/// Each target names a node of the questionnaire once, aims for 0–100 %
/// and falls due after the assessment.
fn checked(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    targets: Vec<TargetInput>,
) -> AppResult<Vec<(String, &'static str, f64, chrono::NaiveDate)>> {
    let limit = questionnaire.areas.len() + questionnaire.question_count();
    if targets.len() > limit {
        return Err(AppError::invalid(
            "too_many_targets",
            format!("at most one target per area and practice ({limit})"),
        ));
    }
    let window = plan_window(chrono::Utc::now().date_naive());
    let mut seen = HashSet::new();
    targets
        .into_iter()
        .map(|t| {
            let kind = kind_of(questionnaire, &t.node_id).ok_or_else(|| {
                AppError::invalid_field(
                    "unknown_node",
                    "node_id",
                    format!(
                        "`{}` is neither an area nor a practice of {} {}",
                        t.node_id, questionnaire.title, questionnaire.version
                    ),
                )
            })?;
            if !seen.insert(t.node_id.clone()) {
                return Err(AppError::invalid_field(
                    "duplicate_target",
                    "node_id",
                    format!("`{}` has two targets; send one", t.node_id),
                ));
            }
            if !(0.0..=100.0).contains(&t.target) {
                return Err(AppError::invalid_field(
                    "bad_target",
                    "target",
                    format!("the target of `{}` must be from 0 to 100 (%)", t.node_id),
                ));
            }
            if t.due_date <= assessment.assessment_date {
                return Err(AppError::invalid_field(
                    "due_before_assessment",
                    "due_date",
                    format!(
                        "the target of `{}` must fall due after the assessment ({})",
                        t.node_id, assessment.assessment_date
                    ),
                ));
            }
            dates::within(t.due_date, window).map_err(|e| {
                AppError::invalid_field("date_out_of_range", "due_date", format!("`due_date`: {e}"))
            })?;
            Ok((t.node_id, kind.as_str(), t.target, t.due_date))
        })
        .collect()
}

fn kind_of(questionnaire: &Questionnaire, node_id: &str) -> Option<TargetKind> {
    if questionnaire.areas.iter().any(|a| a.id == node_id) {
        Some(TargetKind::Area)
    } else {
        questionnaire
            .question(node_id)
            .map(|_| TargetKind::Practice)
    }
}

/// The versions of the client and scope's targets, newest first, each with
/// the date of the assessment it starts from.
fn versions(
    conn: &mut AnyConnection,
    assessment: &Assessment,
) -> AppResult<Vec<(TargetSetRow, chrono::NaiveDate, Vec<TargetRow>)>> {
    let (organisation_id, client_id, key) = owner_of(assessment);
    let sets = TargetSetRow::history(
        conn,
        TargetOwner {
            organisation_id,
            client_id,
            scope_key: &key,
        },
    )?;
    let ids: Vec<i32> = sets.iter().map(|s| s.id).collect();
    let mut rows = TargetSetRow::targets(conn, &ids)?;
    let mut out = Vec::with_capacity(sets.len());
    for set in sets {
        let date = Assessment::find_any(conn, set.assessment_id)?
            .map_or(chrono::NaiveDate::MIN, |a| a.assessment_date);
        let mine: Vec<TargetRow> = rows
            .iter()
            .filter(|r| r.set_id == set.id)
            .cloned()
            .collect();
        rows.retain(|r| r.set_id != set.id);
        out.push((set, date, mine));
    }
    Ok(out)
}

/// The targets an assessment is measured against from here on: the latest
/// version set from it or from an earlier assessment of the client and scope.
pub(crate) fn in_force(
    conn: &mut AnyConnection,
    assessment: &Assessment,
) -> AppResult<Option<InForce>> {
    Ok(versions(conn, assessment)?
        .into_iter()
        .find(|(_, from, _)| *from <= assessment.assessment_date)
        .map(|(set, _, rows)| InForce {
            version: set.version,
            assessment_id: set.assessment_id,
            targets: rows
                .into_iter()
                .map(|r| (r.node_id, (r.target, r.due_date)))
                .collect(),
        }))
}

fn view(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment: &Assessment,
) -> AppResult<TargetsView> {
    let questionnaire = questionnaire_of(app, conn, assessment)?;
    let names: HashMap<i32, String> = User::list_in(conn, caller)?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let all = versions(conn, assessment)?;
    let mut baselines: HashMap<i32, Results> = HashMap::new();
    let mut views = Vec::with_capacity(all.len());
    let mut current = None;
    for (set, from, rows) in all {
        if let std::collections::hash_map::Entry::Vacant(slot) = baselines.entry(set.assessment_id)
        {
            if let Some(base) = Assessment::find_any(conn, set.assessment_id)? {
                let q = questionnaire_of(app, conn, &base)?;
                slot.insert(results::load(conn, &base, &q)?);
            }
        }
        let baseline = baselines.get(&set.assessment_id);
        let mut targets: Vec<TargetView> = rows
            .into_iter()
            .map(|r| target_view(&questionnaire, baseline, r))
            .collect();
        targets.sort_by_key(|t| {
            (
                t.kind == TargetKind::Practice,
                order(&questionnaire, &t.node_id),
            )
        });
        let v = TargetSetView {
            version: set.version,
            assessment_id: set.assessment_id,
            set_by: set.set_by.and_then(|id| names.get(&id).cloned()),
            set_at: set.set_at,
            targets,
        };
        if current.is_none() && from <= assessment.assessment_date {
            current = Some(v.clone());
        }
        views.push(v);
    }
    let results = results::load(conn, assessment, &questionnaire)?;
    let areas = questionnaire
        .areas
        .iter()
        .map(|a| TargetNode {
            id: a.id.clone(),
            name: a.name.clone(),
            current: results
                .areas
                .iter()
                .find(|r| r.rollup.id == a.id)
                .and_then(|r| r.rollup.percent)
                .map(|p| p.combined.get()),
        })
        .collect();
    let practices = questionnaire
        .questions()
        .map(|q| TargetNode {
            id: q.id.clone(),
            name: q.practice.clone(),
            current: results
                .questions
                .iter()
                .find(|r| r.question_id == q.id)
                .and_then(|r| r.percent)
                .map(|p| p.combined.get()),
        })
        .collect();
    let client = Client::find_visible(conn, caller, assessment.client_id)?
        .ok_or_else(|| AppError::not_found("client"))?;
    Ok(TargetsView {
        assessment_id: assessment.id,
        client_id: client.id,
        client: client.name,
        assessment_date: assessment.assessment_date,
        may_set: may_set(conn, caller, assessment).is_ok(),
        areas,
        practices,
        current,
        versions: views,
    })
}

/// Where a node comes in the questionnaire: areas and practices in its order.
fn order(q: &Questionnaire, node_id: &str) -> usize {
    q.areas
        .iter()
        .position(|a| a.id == node_id)
        .or_else(|| q.questions().position(|x| x.id == node_id))
        .unwrap_or(usize::MAX)
}

fn target_view(q: &Questionnaire, baseline: Option<&Results>, r: TargetRow) -> TargetView {
    let area = q.areas.iter().find(|a| a.id == r.node_id);
    let (kind, name) = match area {
        Some(a) => (TargetKind::Area, a.name.clone()),
        None => (
            TargetKind::Practice,
            q.question(&r.node_id)
                .map(|x| x.practice.clone())
                .unwrap_or_default(),
        ),
    };
    let baseline = baseline.and_then(|b| {
        let percent = match kind {
            TargetKind::Area => b
                .areas
                .iter()
                .find(|a| a.rollup.id == r.node_id)
                .and_then(|a| a.rollup.percent),
            TargetKind::Practice => b
                .questions
                .iter()
                .find(|x| x.question_id == r.node_id)
                .and_then(|x| x.percent),
        };
        percent.map(|p| p.combined.get())
    });
    TargetView {
        node_id: r.node_id,
        kind,
        name,
        target: r.target,
        due_date: r.due_date,
        baseline,
    }
}
