//! CMAT-style scoring: every question is scored on Intention and Reality,
//! several assessors are consolidated, and the results roll up with weights to
//! sub-area, area and overall as a percentage of best practice.
//!
//! Unanswered and N/A questions leave the denominator, so they never move a
//! score; they are counted separately to show completeness.

use super::questionnaire::{Questionnaire, Scale};
use serde::Serialize;
use std::collections::HashMap;

/// Assessors who differ by this many points on a dimension are flagged.
pub const DISAGREEMENT_POINTS: u8 = 3;

/// The node id of the overall result, beside the areas' ids.
pub const OVERALL: &str = "overall";

/// A score on the questionnaire's scale; only `Scale::score` builds one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Score(u8);

impl Score {
    /// The score as a point on the scale.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl Scale {
    /// Checks a raw value against the declared scale.
    pub fn score(&self, value: i64) -> Result<Score, String> {
        if (i64::from(self.min)..=i64::from(self.max)).contains(&value) {
            Ok(Score(value as u8))
        } else {
            Err(format!(
                "score {value} is outside the scale {}–{}",
                self.min, self.max
            ))
        }
    }

    fn percent(&self, value: f64) -> f64 {
        // Loaded scales have max > min; a degenerate one scores nothing rather than dividing by zero.
        if self.max <= self.min {
            return 0.0;
        }
        let span = f64::from(self.max - self.min);
        ((value - f64::from(self.min)) / span * 100.0).clamp(0.0, 100.0)
    }
}

/// One assessor's answer to one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Scored on both dimensions.
    Scored {
        /// How far the practice is intended: planned, communicated, bought into.
        intention: Score,
        /// How far it is really done: implemented and used.
        reality: Score,
    },
    /// The question does not apply to this client.
    NotApplicable {
        /// Why, in the assessor's words.
        reason: String,
    },
}

/// A share of best practice, from 0 to 100. It is made only by clamping,
/// so no score, mean or stored summary leaves the range.
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Percent(f64);

impl Percent {
    /// `value` kept within 0–100 (a value that is not a number reads as 0).
    pub fn clamped(value: f64) -> Percent {
        Percent(if value.is_nan() {
            0.0
        } else {
            value.clamp(0.0, 100.0)
        })
    }

    /// The share as a number from 0 to 100.
    pub fn get(self) -> f64 {
        self.0
    }
}

/// Intention, Reality and their combination, all as % of best practice.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Dimensions {
    #[schema(value_type = f64)]
    pub intention: Percent,
    #[schema(value_type = f64)]
    pub reality: Percent,
    #[schema(value_type = f64)]
    pub combined: Percent,
}

/// The consolidated result of one question.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct QuestionResult {
    pub question_id: String,
    /// Mean (or agreed) Intention and Reality on the questionnaire's scale.
    pub intention: Option<f64>,
    pub reality: Option<f64>,
    /// As % of best practice; absent when N/A or unanswered.
    pub percent: Option<Dimensions>,
    pub not_applicable: bool,
    /// The lead assessor set this score; it replaces the assessors' mean.
    pub agreed: bool,
    /// Assessors differ by `DISAGREEMENT_POINTS` or more, or some said N/A and others scored.
    pub disagreement: bool,
    /// How many assessors answered.
    pub answers: usize,
}

/// A node of the roll-up (sub-area, area or overall).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Rollup {
    pub id: String,
    pub name: String,
    /// Absent when nothing below it has been scored.
    pub percent: Option<Dimensions>,
    /// Reality minus Intention in percentage points: negative means saying exceeds doing.
    pub gap: Option<f64>,
    pub questions: usize,
    pub scored: usize,
    pub not_applicable: usize,
    pub disagreements: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct AreaResult {
    #[serde(flatten)]
    pub rollup: Rollup,
    pub sub_areas: Vec<Rollup>,
}

/// Everything the results of an assessment show.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Results {
    pub overall: Rollup,
    pub areas: Vec<AreaResult>,
    pub questions: Vec<QuestionResult>,
}

/// Consolidates the answers to one question: the agreed answer when the lead
/// set one, otherwise the mean of the assessors who scored.
pub fn consolidate(
    question_id: &str,
    answers: &[Answer],
    agreed: Option<&Answer>,
    scale: &Scale,
) -> QuestionResult {
    let scored: Vec<(f64, f64)> = answers
        .iter()
        .filter_map(|a| match a {
            Answer::Scored { intention, reality } => {
                Some((f64::from(intention.0), f64::from(reality.0)))
            }
            Answer::NotApplicable { .. } => None,
        })
        .collect();
    let spread = |pick: fn(&(f64, f64)) -> f64| {
        let values = scored.iter().map(pick);
        values.clone().fold(f64::MIN, f64::max) - values.fold(f64::MAX, f64::min)
    };
    let mixed = !scored.is_empty() && scored.len() < answers.len();
    let disagreement = mixed
        || (scored.len() > 1
            && (spread(|s| s.0) >= f64::from(DISAGREEMENT_POINTS)
                || spread(|s| s.1) >= f64::from(DISAGREEMENT_POINTS)));

    let (value, is_agreed) = match agreed {
        Some(Answer::Scored { intention, reality }) => {
            (Some((f64::from(intention.0), f64::from(reality.0))), true)
        }
        Some(Answer::NotApplicable { .. }) => (None, true),
        None if scored.is_empty() => (None, false),
        None => {
            let n = scored.len() as f64;
            let sum = scored
                .iter()
                .fold((0.0, 0.0), |acc, s| (acc.0 + s.0, acc.1 + s.1));
            (Some((sum.0 / n, sum.1 / n)), false)
        }
    };
    let not_applicable = match agreed {
        Some(a) => matches!(a, Answer::NotApplicable { .. }),
        None => !answers.is_empty() && scored.is_empty(),
    };
    QuestionResult {
        question_id: question_id.to_owned(),
        intention: value.map(|v| v.0),
        reality: value.map(|v| v.1),
        percent: value.map(|(i, r)| dimensions(scale, i, r)),
        not_applicable,
        agreed: is_agreed,
        disagreement,
        answers: answers.len(),
    }
}

fn dimensions(scale: &Scale, intention: f64, reality: f64) -> Dimensions {
    let w = scale.intention_weight;
    Dimensions {
        intention: Percent::clamped(scale.percent(intention)),
        reality: Percent::clamped(scale.percent(reality)),
        combined: Percent::clamped(scale.percent(w * intention + (1.0 - w) * reality)),
    }
}

/// Weighted mean of the children that have a score; `None` when none has.
fn weighted(children: impl Iterator<Item = (f64, Option<Dimensions>)>) -> Option<Dimensions> {
    let (mut total, mut intention, mut reality, mut combined) = (0.0, 0.0, 0.0, 0.0);
    for (weight, dims) in children {
        if let Some(d) = dims {
            total += weight;
            intention += weight * d.intention.get();
            reality += weight * d.reality.get();
            combined += weight * d.combined.get();
        }
    }
    (total > 0.0).then(|| Dimensions {
        intention: Percent::clamped(intention / total),
        reality: Percent::clamped(reality / total),
        combined: Percent::clamped(combined / total),
    })
}

/// A node of the roll-up over its parts, whose counts add up.
fn rollup(id: &str, name: &str, percent: Option<Dimensions>, parts: &[&Rollup]) -> Rollup {
    Rollup {
        id: id.to_owned(),
        name: name.to_owned(),
        percent,
        gap: percent.map(|p| p.reality.get() - p.intention.get()),
        questions: parts.iter().map(|p| p.questions).sum(),
        scored: parts.iter().map(|p| p.scored).sum(),
        not_applicable: parts.iter().map(|p| p.not_applicable).sum(),
        disagreements: parts.iter().map(|p| p.disagreements).sum(),
    }
}

/// One question as a leaf of the roll-up; unanswered when `result` is absent.
fn leaf(result: Option<&QuestionResult>) -> Rollup {
    Rollup {
        id: result.map(|r| r.question_id.clone()).unwrap_or_default(),
        name: String::new(),
        percent: result.and_then(|r| r.percent),
        gap: None,
        questions: 1,
        scored: usize::from(result.is_some_and(|r| r.percent.is_some())),
        not_applicable: usize::from(result.is_some_and(|r| r.not_applicable)),
        disagreements: usize::from(result.is_some_and(|r| r.disagreement)),
    }
}

/// Weighted mean of the parts, then the node over them.
fn node<'a>(id: &str, name: &str, parts: impl Iterator<Item = (f64, &'a Rollup)>) -> Rollup {
    let parts: Vec<(f64, &Rollup)> = parts.collect();
    let percent = weighted(parts.iter().map(|(w, r)| (*w, r.percent)));
    let refs: Vec<&Rollup> = parts.iter().map(|(_, r)| *r).collect();
    rollup(id, name, percent, &refs)
}

/// Rolls consolidated question results up the questionnaire's tree.
/// Questions missing from `questions` count as unanswered.
pub fn roll_up(questionnaire: &Questionnaire, questions: Vec<QuestionResult>) -> Results {
    let by_id: HashMap<&str, &QuestionResult> = questions
        .iter()
        .map(|q| (q.question_id.as_str(), q))
        .collect();
    let areas: Vec<AreaResult> = questionnaire
        .areas
        .iter()
        .map(|area| {
            let sub_areas: Vec<Rollup> = area
                .sub_areas
                .iter()
                .map(|sub| {
                    let leaves: Vec<Rollup> = sub
                        .questions
                        .iter()
                        .map(|q| leaf(by_id.get(q.id.as_str()).copied()))
                        .collect();
                    let weights = sub.questions.iter().map(|q| q.weight);
                    node(&sub.id, &sub.name, weights.zip(&leaves))
                })
                .collect();
            let weights = area.sub_areas.iter().map(|s| s.weight);
            AreaResult {
                rollup: node(&area.id, &area.name, weights.zip(&sub_areas)),
                sub_areas,
            }
        })
        .collect();
    let weights = questionnaire.areas.iter().map(|a| a.weight);
    let overall = node(
        OVERALL,
        &questionnaire.title,
        weights.zip(areas.iter().map(|a| &a.rollup)),
    );
    Results {
        overall,
        areas,
        questions,
    }
}

#[cfg(test)]
mod tests;
