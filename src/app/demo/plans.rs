//! The demo's loop from scorecard to plan to re-assessment, for the first
//! programme client: targets set from its latest whole-company assessment,
//! actions agreed on its priorities (one done, one overdue), and a
//! re-assessment on questionnaire 1.1.0, whose practice map carries the
//! comparison across the two versions.

use super::Portfolio;
use crate::app::results;
use crate::db::actions::{ActionFields, ActionRow};
use crate::db::assessments::{Assessment, NewAssessment};
use crate::db::programmes::{Programme, StoredProject};
use crate::db::questionnaires::{Import, StoredQuestionnaire};
use crate::db::result_summaries;
use crate::db::scores::{AnswerFields, NewAnswer, ScoreRow};
use crate::db::targets::{TargetOwner, TargetSetRow};
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::plans::{scope_key, ActionStatus};
use crate::domain::questionnaire::{map, Questionnaire};
use crate::domain::scoring::Results;
use chrono::NaiveDate;
use rand::Rng;
use std::collections::HashMap;

/// An action as the demo plans it: title, area, owner (a user or a named
/// person), due date, status and project.
type Planned<'a> = (
    &'a str,
    String,
    (Option<i32>, Option<&'a str>),
    NaiveDate,
    ActionStatus,
    Option<i32>,
);

/// How many of the weakest areas the demo client targets hardest.
const FOCUS: usize = 3;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl Portfolio<'_> {
    /// The loop for `client_id`, re-assessed on `later`; returns the
    /// assessments and scores added.
    pub(super) fn plans(
        &mut self,
        client_id: i32,
        (earlier, later): (&Questionnaire, &Questionnaire),
    ) -> anyhow::Result<(usize, usize)> {
        let filter = AssessmentFilter {
            client_id: Some(client_id),
            status: Some(Status::Final),
        };
        let Some(base) = Assessment::list_visible(self.conn, &self.caller, &filter)?
            .into_iter()
            .filter(|a| {
                a.business_unit.is_none() && a.product.is_none() && a.customer_group.is_none()
            })
            .max_by_key(|a| (a.assessment_date, a.id))
        else {
            return Ok((0, 0));
        };
        let before = results::load(self.conn, &base, earlier)?;
        let mut areas: Vec<(String, f64)> = before
            .areas
            .iter()
            .filter_map(|a| Some((a.rollup.id.clone(), a.rollup.percent?.combined.get())))
            .collect();
        areas.sort_by(|a, b| a.1.total_cmp(&b.1));
        let focus: Vec<String> = areas.iter().take(FOCUS).map(|(id, _)| id.clone()).collect();
        self.targets(&base, &before, &areas, &focus)?;
        self.actions(client_id, &base, &focus)?;
        let (Import::AlreadyPresent(stored) | Import::Created(stored)) =
            StoredQuestionnaire::import(self.conn, self.caller.organisation_id.get(), later)?
        else {
            anyhow::bail!("questionnaire 1.1.0 was not imported");
        };
        let count = self.re_assessment(&base, (&before, earlier, later), stored.id, &focus)?;
        Ok((1, count))
    }

    /// Targets a year out: the weakest areas 12 points up, the others 5,
    /// and the first two practices of the weakest area 20.
    fn targets(
        &mut self,
        base: &Assessment,
        before: &Results,
        areas: &[(String, f64)],
        focus: &[String],
    ) -> anyhow::Result<()> {
        let due = base.assessment_date + chrono::Months::new(12);
        let mut items: Vec<(String, &'static str, f64, NaiveDate)> = areas
            .iter()
            .map(|(id, now)| {
                let gain = if focus.contains(id) { 12.0 } else { 5.0 };
                (id.clone(), "area", (now + gain).round().min(100.0), due)
            })
            .collect();
        let weakest = focus.first().cloned().unwrap_or_default();
        items.extend(
            before
                .questions
                .iter()
                .filter(|q| q.question_id.starts_with(&format!("{weakest}.")))
                .filter_map(|q| Some((q.question_id.clone(), q.percent?.combined.get())))
                .take(2)
                .map(|(id, now)| (id, "practice", (now + 20.0).round().min(100.0), due)),
        );
        let key = scope_key([&None, &None, &None]);
        let owner = TargetOwner {
            organisation_id: base.organisation_id,
            client_id: base.client_id,
            scope_key: &key,
        };
        TargetSetRow::create(self.conn, owner, (base.id, base.lead_assessor_id), &items)?;
        Ok(())
    }

    /// Four actions on the priorities: done, overdue, agreed, proposed.
    fn actions(
        &mut self,
        client_id: i32,
        base: &Assessment,
        focus: &[String],
    ) -> anyhow::Result<()> {
        let area = |i: usize| focus.get(i).cloned().unwrap_or_else(|| "ME".to_owned());
        let project = match Programme::find_for_client(self.conn, client_id)? {
            Some(p) => StoredProject::list(self.conn, p.id)?
                .first()
                .map(|s| s.project.id),
            None => None,
        };
        let (executive, manager) = (
            self.attached.first().copied(),
            self.attached.get(1).copied(),
        );
        let plan: [Planned<'_>; 4] = [
            (
                "Agree the value segments with every channel",
                area(0),
                (executive, None),
                day(2026, 6, 30),
                ActionStatus::Done,
                project,
            ),
            (
                "Name an owner for every customer measure",
                area(1),
                (None, Some("Ines Berger, Head of CRM")),
                day(2026, 10, 31),
                ActionStatus::InProgress,
                None,
            ),
            (
                "Coach front-line teams in needs-based conversations",
                area(2),
                (manager, None),
                day(2027, 3, 31),
                ActionStatus::Agreed,
                None,
            ),
            (
                "Review the causes of complaints every quarter",
                "PM".to_owned(),
                (None, Some("Tomasz Nowak, Service Director")),
                day(2027, 6, 30),
                ActionStatus::Proposed,
                None,
            ),
        ];
        for (title, addresses, (owner_user_id, owner_name), due, status, project_id) in plan {
            let fields = ActionFields {
                assessment_id: Some(base.id),
                title: title.to_owned(),
                addresses: serde_json::to_string(&[addresses])?,
                owner_user_id,
                owner_name: owner_name.map(str::to_owned),
                due_date: Some(due),
                status: status.as_str(),
                project_id,
            };
            ActionRow::create(
                self.conn,
                (base.organisation_id, client_id, base.lead_assessor_id),
                &fields,
            )?;
        }
        Ok(())
    }

    /// The re-assessment on the later version: each practice where its
    /// counterpart was, the focus areas up by one to three points, the
    /// rest mostly unchanged; new practices near the company's level.
    fn re_assessment(
        &mut self,
        base: &Assessment,
        (before, earlier, later): (&Results, &Questionnaire, &Questionnaire),
        questionnaire_id: i32,
        focus: &[String],
    ) -> anyhow::Result<usize> {
        let team = Assessment::assessors(self.conn, base.id)?;
        let assessment = Assessment::create(
            self.conn,
            &self.caller,
            NewAssessment {
                client_id: base.client_id,
                questionnaire_id,
                assessment_date: day(2026, 11, 23),
                business_unit: None,
                product: None,
                customer_group: None,
                lead_assessor_id: base.lead_assessor_id,
            },
        )?;
        for &user in &team {
            Assessment::add_assessor(self.conn, assessment.id, user)?;
        }
        let was: HashMap<&str, (f64, f64)> = before
            .questions
            .iter()
            .filter_map(|q| Some((q.question_id.as_str(), (q.intention?, q.reality?))))
            .collect();
        let pairs = map::check(earlier, later)
            .map_err(|p| anyhow::anyhow!("the bundled map does not hold: {p:?}"))?;
        let overall = before.overall.percent.map_or(40.0, |p| p.combined.get()) / 10.0;
        let mut answers = Vec::new();
        for pair in pairs {
            let Some(id) = pair.after else { continue };
            let area = id.split('.').next().unwrap_or_default();
            let (i0, r0) = pair
                .before
                .first()
                .and_then(|b| was.get(b.as_str()).copied())
                .unwrap_or((overall + 0.5, overall - 0.5));
            // A point on the 0–10 scale is ten percentage points: the focus
            // areas gain one in two practices, the rest hold with a little noise.
            let gain = if focus.iter().any(|f| f == area) {
                f64::from(u8::from(self.rng.gen_bool(0.55)))
            } else if self.rng.gen_bool(0.12) {
                f64::from(self.rng.gen_range(-1..=1))
            } else {
                0.0
            };
            for &assessor in &team {
                let noise = if self.rng.gen_bool(0.2) { 0.5 } else { 0.0 };
                let score = |v: f64| Some((v + gain + noise).round().clamp(0.0, 10.0) as i32);
                answers.push(NewAnswer {
                    assessment_id: assessment.id,
                    assessor_id: assessor,
                    question_id: id.clone(),
                    fields: AnswerFields {
                        intention: score(i0),
                        reality: score(r0),
                        not_applicable: false,
                        na_reason: None,
                        evidence: (gain >= 1.0).then(|| {
                            format!(
                                "Re-assessment 2026: the change agreed for {area} is in use ({id})"
                            )
                        }),
                    },
                });
            }
        }
        let count = answers.len();
        ScoreRow::insert_batch(self.conn, answers)?;
        let finished = results::load(self.conn, &assessment, later)?;
        Assessment::set_status(self.conn, assessment.id, assessment.version, Status::Final)?;
        result_summaries::store(self.conn, assessment.id, &finished)?;
        Ok(count)
    }
}
