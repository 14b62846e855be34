//! The scorecard's targets on single practices.

use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::Results;

/// The targets set on single practices, in the questionnaire's order.
pub(super) fn practice_targets(
    questionnaire: &Questionnaire,
    results: &Results,
    targets: Option<&crate::report::Targets>,
) -> Vec<crate::report::PracticeTarget> {
    let Some(targets) = targets else {
        return Vec::new();
    };
    questionnaire
        .areas
        .iter()
        .flat_map(|a| {
            a.sub_areas
                .iter()
                .flat_map(move |s| s.questions.iter().map(move |q| (a, q)))
        })
        .filter_map(|(area, q)| {
            let (target, due) = targets.nodes.get(&q.id).copied()?;
            let current = results
                .questions
                .iter()
                .find(|r| r.question_id == q.id)
                .and_then(|r| r.percent)
                .map(|p| p.combined.get());
            Some(crate::report::PracticeTarget {
                id: q.id.clone(),
                practice: q.practice.clone(),
                area: area.name.clone(),
                current,
                target,
                due,
            })
        })
        .collect()
}
