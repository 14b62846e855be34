//! Where the fieldwork stands: the evidence that covers each area (by the
//! functions interviewed and the documents read), the lead's division of
//! the areas among the assessors, and each assessor's own work across the
//! assessments they lead or score.

use super::assessments::{require_lead, visible};
use super::error::{AppError, AppResult};
use super::evidence::area_ids;
use super::interviews::{self, FUNCTIONS};
use super::permissions::{require, STAFF};
use super::scores::questionnaire_of;
use super::{results, App};
use crate::db::assessments::Assessment;
use crate::db::assignments;
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::Client;
use crate::db::evidence::{Citation, EvidenceRow};
use crate::db::scores::ScoreRow;
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::ids::AssessmentId;
use crate::domain::questionnaire::{Area, Questionnaire};
use crate::domain::role::Caller;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeSet, HashMap};
use utoipa::ToSchema;

/// How well the evidence covers one area.
#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct AreaCoverage {
    pub area_id: String,
    pub name: String,
    /// Held interviews covering the area, per function (in `functions` order).
    pub held_by_function: Vec<usize>,
    pub held_interviews: usize,
    /// Documents and links meant to cover the area or cited by its answers.
    pub documents: usize,
    /// No held interview and no document covers it yet.
    pub uncovered: bool,
}

/// The evidence of an assessment, area by area.
#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Coverage {
    pub functions: Vec<String>,
    pub areas: Vec<AreaCoverage>,
    /// Ids of the areas nothing covers yet.
    pub uncovered: Vec<String>,
}

/// The area (not sub-area) an area or sub-area id belongs to.
fn area_of<'q>(questionnaire: &'q Questionnaire, id: &str) -> Option<&'q Area> {
    questionnaire
        .areas
        .iter()
        .find(|a| a.id == id || a.sub_areas.iter().any(|s| s.id == id))
}

fn area_of_question<'q>(questionnaire: &'q Questionnaire, question: &str) -> Option<&'q Area> {
    questionnaire.areas.iter().find(|a| {
        a.sub_areas
            .iter()
            .any(|s| s.questions.iter().any(|q| q.id == question))
    })
}

/// Areas × functions of the held interviews, and the documents per area.
pub fn coverage(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<Coverage> {
    require(caller, STAFF, "read the evidence coverage")?;
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        let questionnaire = questionnaire_of(app, conn, &assessment)?;
        coverage_of(conn, &assessment, &questionnaire)
    })
}

/// The coverage of a visible assessment.
pub(crate) fn coverage_of(
    conn: &mut crate::db::AnyConnection,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
) -> AppResult<Coverage> {
    let interviews = interviews::views(conn, assessment)?;
    let items = EvidenceRow::list(conn, assessment.id)?;
    let mut documents: HashMap<&str, BTreeSet<i32>> = HashMap::new();
    let tagged = EvidenceRow::areas(conn, assessment.id)?;
    let is_document = |id: i32| items.iter().any(|i| i.id == id && i.kind != "interview");
    for (item, area) in tagged
        .iter()
        .flat_map(|(i, areas)| areas.iter().map(move |a| (i, a)))
    {
        if let (true, Some(a)) = (is_document(*item), area_of(questionnaire, area)) {
            documents.entry(a.id.as_str()).or_default().insert(*item);
        }
    }
    for c in Citation::list_for_assessment(conn, assessment.id)? {
        if let (true, Some(a)) = (
            is_document(c.evidence_id),
            area_of_question(questionnaire, &c.question_id),
        ) {
            documents
                .entry(a.id.as_str())
                .or_default()
                .insert(c.evidence_id);
        }
    }
    let areas: Vec<AreaCoverage> = questionnaire
        .areas
        .iter()
        .map(|area| {
            let covering: Vec<_> = interviews
                .iter()
                .filter(|i| i.status == "held")
                .filter(|i| {
                    i.area_ids
                        .iter()
                        .any(|a| area_of(questionnaire, a).is_some_and(|x| x.id == area.id))
                })
                .collect();
            let held_by_function = FUNCTIONS
                .iter()
                .map(|f| covering.iter().filter(|i| i.function == *f).count())
                .collect();
            let documents = documents.get(area.id.as_str()).map_or(0, BTreeSet::len);
            AreaCoverage {
                area_id: area.id.clone(),
                name: area.name.clone(),
                held_by_function,
                held_interviews: covering.len(),
                documents,
                uncovered: covering.is_empty() && documents == 0,
            }
        })
        .collect();
    Ok(Coverage {
        functions: FUNCTIONS.iter().map(|f| (*f).to_owned()).collect(),
        uncovered: areas
            .iter()
            .filter(|a| a.uncovered)
            .map(|a| a.area_id.clone())
            .collect(),
        areas,
    })
}

/// One assessor's area or sub-area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Assignment {
    pub user_id: i32,
    #[schema(min_length = 1, max_length = 50)]
    pub area_id: String,
}

/// The whole division of an assessment's areas.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Assignments {
    #[schema(max_items = 2000)]
    pub assignments: Vec<Assignment>,
}

/// Who scores which areas (staff who see the assessment).
pub fn assignments(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<Assignments> {
    require(caller, STAFF, "read who scores what")?;
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        Ok(listed(assignments::list(conn, assessment.id)?))
    })
}

fn listed(rows: Vec<(i32, String)>) -> Assignments {
    Assignments {
        assignments: rows
            .into_iter()
            .map(|(user_id, area_id)| Assignment { user_id, area_id })
            .collect(),
    }
}

/// Replaces the division of the areas, as the lead; an area may have several assessors.
pub fn assign(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    input: &Assignments,
) -> AppResult<Assignments> {
    require(caller, STAFF, "divide the areas")?;
    app.write(|conn| {
        let assessment = visible(conn, caller, id)?;
        require_lead(caller, &assessment, "divide the areas among the assessors")?;
        super::assessments::require_open(&assessment, "its division of work")?;
        let questionnaire = questionnaire_of(app, conn, &assessment)?;
        let team = Assessment::assessors(conn, assessment.id)?;
        let mut rows: Vec<(i32, String)> = Vec::new();
        for a in &input.assignments {
            if !team.contains(&a.user_id) {
                return Err(AppError::invalid_field(
                    "not_an_assessor",
                    "assignments",
                    format!("user {} is not an assessor of this assessment", a.user_id),
                ));
            }
            let area = area_ids(&questionnaire, std::slice::from_ref(&a.area_id))?;
            for area in area {
                if !rows.contains(&(a.user_id, area.clone())) {
                    rows.push((a.user_id, area));
                }
            }
        }
        let before = assignments::list(conn, assessment.id)?;
        assignments::replace(conn, assessment.id, &rows)?;
        let gained = gained(&before, &rows, &questionnaire);
        super::notices::assigned(app, conn, caller, &assessment, &gained)?;
        AuditEvent::record(
            conn,
            Change::by(caller, "assessment", assessment.id, "assessment.assign")
                .before(json!(listed(before)))
                .after(json!(listed(rows.clone()))),
        )?;
        Ok(listed(rows))
    })
}

/// Each assessor's areas (by name) that `after` gives them and `before` did not.
fn gained(
    before: &[(i32, String)],
    after: &[(i32, String)],
    questionnaire: &Questionnaire,
) -> Vec<(i32, Vec<String>)> {
    let mut out: Vec<(i32, Vec<String>)> = Vec::new();
    for (user, area) in after.iter().filter(|row| !before.contains(row)) {
        let name = questionnaire
            .areas
            .iter()
            .find(|a| &a.id == area)
            .map_or_else(|| area.clone(), |a| a.name.clone());
        match out.iter_mut().find(|(u, _)| u == user) {
            Some((_, names)) => names.push(name),
            None => out.push((*user, vec![name])),
        }
    }
    out
}

/// An assessor's progress in one of their areas.
#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct AreaProgress {
    pub area_id: String,
    pub name: String,
    pub answered: usize,
    /// Answers kept as drafts (not complete yet).
    pub drafts: usize,
    pub total: usize,
}

/// One assessment on the caller's desk.
#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct WorkItem {
    pub assessment_id: i32,
    pub client: String,
    pub assessment_date: chrono::NaiveDate,
    pub status: Status,
    /// `lead` or `assessor`.
    pub role: String,
    /// The caller's areas (all areas when the lead divided none to them).
    pub areas: Vec<AreaProgress>,
    /// `score`, `review`, `finalise` or `wait` (for the lead).
    pub next: String,
    /// The area to score next, when `next` is `score`.
    pub next_area: Option<String>,
}

/// The open assessments the caller leads or scores, with their next step.
pub fn my_work(app: &App, caller: &Caller) -> AppResult<Vec<WorkItem>> {
    require(caller, STAFF, "have assessments to score")?;
    app.read(|conn| {
        let me = caller.user_id.get();
        // Only the open ones are read: a portfolio holds far more finals.
        let mut open = Vec::new();
        for status in [Status::InProgress, Status::Draft] {
            let filter = AssessmentFilter {
                client_id: None,
                status: Some(status),
            };
            open.extend(Assessment::list_visible(conn, caller, &filter)?);
        }
        let mut work = Vec::new();
        for assessment in open {
            let team = Assessment::assessors(conn, assessment.id)?;
            let lead = assessment.lead_assessor_id == me;
            if !lead && !team.contains(&me) {
                continue;
            }
            let questionnaire = questionnaire_of(app, conn, &assessment)?;
            let mine: Vec<String> = assignments::list(conn, assessment.id)?
                .into_iter()
                .filter(|(user, _)| *user == me)
                .map(|(_, area)| area)
                .collect();
            let answers = ScoreRow::list_for_assessor(conn, assessment.id, me)?;
            let areas = progress(&questionnaire, &mine, &answers);
            let next_area = areas
                .iter()
                .find(|a| a.answered < a.total)
                .map(|a| a.area_id.clone());
            let next = match (&next_area, lead) {
                (Some(_), _) => "score",
                (None, false) => "wait",
                (None, true) => {
                    let r = results::load(conn, &assessment, &questionnaire)?;
                    let settled = r.questions.iter().all(|q| !q.disagreement || q.agreed);
                    let all = r.overall.scored + r.overall.not_applicable == r.overall.questions;
                    if settled && all {
                        "finalise"
                    } else {
                        "review"
                    }
                }
            };
            let client = Client::find_visible(conn, caller, assessment.client_id)?
                .map_or_else(String::new, |c| c.name);
            work.push(WorkItem {
                assessment_id: assessment.id,
                client,
                assessment_date: assessment.assessment_date,
                status: assessment.status(),
                role: if lead { "lead" } else { "assessor" }.to_owned(),
                areas,
                next: next.to_owned(),
                next_area,
            });
        }
        Ok(work)
    })
}

/// Progress per area of the caller's share: whole areas, or the areas
/// holding their sub-areas (counting only those sub-areas' questions).
fn progress(
    questionnaire: &Questionnaire,
    mine: &[String],
    answers: &[ScoreRow],
) -> Vec<AreaProgress> {
    let complete: HashMap<&str, bool> = answers
        .iter()
        .map(|a| (a.question_id.as_str(), a.fields().complete()))
        .collect();
    questionnaire
        .areas
        .iter()
        .filter_map(|area| {
            let whole = mine.is_empty() || mine.contains(&area.id);
            let questions: Vec<&str> = area
                .sub_areas
                .iter()
                .filter(|s| whole || mine.contains(&s.id))
                .flat_map(|s| s.questions.iter().map(|q| q.id.as_str()))
                .collect();
            if questions.is_empty() {
                return None;
            }
            let answered = questions
                .iter()
                .filter(|q| complete.get(*q) == Some(&true))
                .count();
            let drafts = questions
                .iter()
                .filter(|q| complete.get(*q) == Some(&false))
                .count();
            Some(AreaProgress {
                area_id: area.id.clone(),
                name: area.name.clone(),
                answered,
                drafts,
                total: questions.len(),
            })
        })
        .collect()
}
