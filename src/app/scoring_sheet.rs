//! What the scoring screen and the lead's review show of an assessment:
//! the caller's own answers, or where the assessors disagree.

use super::assessments::{require_lead, view, visible, AssessmentView};
use super::error::{AppError, AppResult};
use super::evidence::{self, EvidenceView};
use super::permissions::{require, STAFF};
use super::scorecard::scope_label;
use super::scores::{questionnaire_of, with_citations, AgreedView, ScoreView};
use super::{results, App};
use crate::db::agreed::AgreedRow;
use crate::db::clients::Client;
use crate::db::evidence::Citation;
use crate::db::scores::ScoreRow;
use crate::db::users::User;
use crate::domain::ids::AssessmentId;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::role::{Caller, Role};
use std::collections::HashMap;
use std::sync::Arc;

/// The scoring screen's assessment: its questionnaire and the caller's answers.
pub struct ScoringSheet {
    /// The assessment being scored.
    pub assessment: AssessmentView,
    /// The assessed client's name.
    pub client: String,
    /// Business unit, product and customer group, or "whole company".
    pub scope: String,
    /// The questionnaire version the assessment is scored on.
    pub questionnaire: Arc<Questionnaire>,
    /// The caller's own answers so far.
    pub answers: Vec<ScoreView>,
    /// Whether the caller is on the assessment's team and may score.
    pub is_assessor: bool,
    /// The lead or an admin: the one who reviews and finalises.
    pub is_lead: bool,
    /// The assessment's evidence, which answers may cite.
    pub evidence: Vec<EvidenceView>,
}

/// The assessment as the caller (staff) scores it.
pub fn scoring_sheet(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<ScoringSheet> {
    require(caller, STAFF, "score assessments")?;
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        let client = client_name(conn, caller, assessment.client_id)?;
        let questionnaire = questionnaire_of(app, conn, &assessment)?;
        let answers = with_citations(
            ScoreRow::list_for_assessor(conn, id.get(), caller.user_id.get())?,
            &Citation::list_for_assessment(conn, id.get())?,
        );
        let scope = scope_label(&assessment);
        let is_lead =
            caller.user_id.get() == assessment.lead_assessor_id || caller.role == Role::Admin;
        let evidence = evidence::views(conn, caller, &assessment)?;
        let assessment = view(conn, assessment)?;
        Ok(ScoringSheet {
            evidence,
            is_assessor: assessment.assessor_ids.contains(&caller.user_id.get()),
            is_lead,
            client,
            scope,
            questionnaire,
            answers,
            assessment,
        })
    })
}

/// One question the assessors answered far apart.
pub struct Disagreement {
    /// The question's id in the questionnaire, e.g. `AP.1.2`.
    pub question_id: String,
    /// The practice the question asks about.
    pub practice: String,
    /// Each assessor's name and answer.
    pub answers: Vec<(String, ScoreView)>,
    /// The lead's agreed answer, once set.
    pub agreed: Option<AgreedView>,
}

/// The lead's review of an assessment.
pub struct Review {
    /// The assessment under review.
    pub assessment: AssessmentView,
    /// The assessed client's name.
    pub client: String,
    /// The questionnaire version it is scored on.
    pub questionnaire: Arc<Questionnaire>,
    /// The questions the assessors answered far apart.
    pub disagreements: Vec<Disagreement>,
    /// Questions without a consolidated answer yet, of `questions`.
    pub open: usize,
    /// The questionnaire's questions.
    pub questions: usize,
    /// The questions without a consolidated answer: (question, practice, area).
    pub unanswered: Vec<(String, String, String)>,
    /// Disagreements without an agreed score, which the mean would settle.
    pub unsettled: usize,
    /// The assessment's evidence, for the items each answer cites.
    pub evidence: Vec<EvidenceView>,
}

/// Where the assessors disagree, with each one's answer: the lead's (or an
/// admin's) to see, as every assessor's scores are on the API.
pub fn review(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<Review> {
    if !caller.role.is_staff() {
        return Err(AppError::not_found("assessment"));
    }
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        require_lead(caller, &assessment, "review the assessors' answers")?;
        let client = client_name(conn, caller, assessment.client_id)?;
        let questionnaire = questionnaire_of(app, conn, &assessment)?;
        let consolidated = results::load(conn, &assessment, &questionnaire)?;
        let rows = with_citations(
            ScoreRow::list_for_assessment(conn, id.get())?,
            &Citation::list_for_assessment(conn, id.get())?,
        );
        let mut agreed: HashMap<String, AgreedRow> =
            AgreedRow::list_for_assessment(conn, id.get())?
                .into_iter()
                .map(|a| (a.question_id.clone(), a))
                .collect();
        let names: HashMap<i32, String> = User::list_in(conn, caller)?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let disagreements = consolidated
            .questions
            .iter()
            .filter(|q| q.disagreement)
            .filter_map(|q| {
                let question = questionnaire.question(&q.question_id)?;
                let answers = rows
                    .iter()
                    .filter(|r| r.question_id == q.question_id)
                    .map(|r| {
                        let name = names
                            .get(&r.assessor_id)
                            .cloned()
                            .unwrap_or_else(|| "?".into());
                        (name, r.clone())
                    })
                    .collect();
                Some(Disagreement {
                    question_id: q.question_id.clone(),
                    practice: question.practice.clone(),
                    answers,
                    agreed: agreed.remove(&q.question_id).map(AgreedView::from),
                })
            })
            .collect();
        let answered: std::collections::HashSet<&str> = consolidated
            .questions
            .iter()
            .map(|q| q.question_id.as_str())
            .collect();
        let unanswered = questionnaire
            .areas
            .iter()
            .flat_map(|a| {
                a.sub_areas
                    .iter()
                    .flat_map(move |s| s.questions.iter().map(move |q| (a, q)))
            })
            .filter(|(_, q)| !answered.contains(q.id.as_str()))
            .map(|(a, q)| (q.id.clone(), q.practice.clone(), a.id.clone()))
            .collect();
        let unsettled = consolidated
            .questions
            .iter()
            .filter(|q| q.disagreement && !q.agreed)
            .count();
        let evidence = evidence::views(conn, caller, &assessment)?;
        let overall = &consolidated.overall;
        Ok(Review {
            unanswered,
            unsettled,
            evidence,
            open: overall.questions - overall.scored - overall.not_applicable,
            questions: overall.questions,
            assessment: view(conn, assessment)?,
            client,
            questionnaire,
            disagreements,
        })
    })
}

/// The client's name as the caller sees it (empty if hidden from them).
fn client_name(conn: &mut crate::db::AnyConnection, caller: &Caller, id: i32) -> AppResult<String> {
    Ok(Client::find_visible(conn, caller, id)?.map_or_else(String::new, |c| c.name))
}
