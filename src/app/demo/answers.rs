//! The demo's answers: each assessor's scores around the company's level,
//! areas offset as they tend to be in the field, a few questions N/A.

use super::AREA_OFFSET;
use crate::db::scores::{AnswerFields, NewAnswer};
use crate::domain::questionnaire::Questionnaire;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Every answer of `team` to an assessment of a company at `level` (0–100).
pub fn of(
    rng: &mut ChaCha8Rng,
    questionnaire: &Questionnaire,
    assessment_id: i32,
    level: f64,
    team: &[i32],
) -> Vec<NewAnswer> {
    let mut answers = Vec::new();
    for area in &questionnaire.areas {
        let offset = AREA_OFFSET
            .iter()
            .find(|(id, _)| *id == area.id)
            .map_or(0.0, |(_, o)| *o);
        // Technology spending follows budgets, not customer-management maturity.
        let coupling = if area.id == "IT" { 0.0 } else { 1.0 };
        let area_level =
            coupling * level + (1.0 - coupling) * 38.0 + offset + rng.gen_range(-7.0..7.0);
        for question in area.sub_areas.iter().flat_map(|s| &s.questions) {
            let na = rng.gen_bool(0.015);
            let centre = (area_level + rng.gen_range(-10.0..10.0)) / 10.0;
            for &assessor in team {
                let (intention, reality, na_reason) = if na {
                    (
                        None,
                        None,
                        Some("Not relevant to this business model".to_owned()),
                    )
                } else {
                    let noise = rng.gen_range(-1.6..1.6);
                    let gap = rng.gen_range(0.5..2.0);
                    let clamp = |v: f64| Some(v.round().clamp(0.0, 10.0) as i32);
                    (
                        clamp(centre + noise + gap / 2.0),
                        clamp(centre + noise - gap / 2.0),
                        None,
                    )
                };
                let evidence = (!na && rng.gen_bool(0.2))
                    .then(|| format!("Interviews and documents reviewed for {}", question.id));
                answers.push(NewAnswer {
                    assessment_id,
                    assessor_id: assessor,
                    question_id: question.id.clone(),
                    fields: AnswerFields {
                        intention,
                        reality,
                        not_applicable: na,
                        na_reason,
                        evidence,
                    },
                });
            }
        }
    }
    answers
}
