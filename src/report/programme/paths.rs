//! The planned path to each area's target beside the scores reached.

use super::{AreaPath, PathPoint, ProgrammeInput, ScoredAssessment};

/// Each targeted area's path: the whole-company scores it reached, and the
/// straight line planned from where the targets started to the target.
pub(super) fn paths(input: &ProgrammeInput, area_ids: &[String]) -> Vec<AreaPath> {
    let Some((from, targets)) = &input.targets else {
        return Vec::new();
    };
    let whole: Vec<&ScoredAssessment> = input
        .assessments
        .iter()
        .filter(|a| a.unit.is_none() && a.group.is_none())
        .collect();
    area_ids
        .iter()
        .zip(&input.area_names)
        .filter_map(|(id, (_, name))| {
            let (target, due) = targets.get(id).copied()?;
            let actual: Vec<PathPoint> = whole
                .iter()
                .filter_map(|a| {
                    Some(PathPoint {
                        date: a.date,
                        value: *a.areas.get(id)?,
                    })
                })
                .collect();
            let start = actual
                .iter()
                .filter(|p| p.date <= *from)
                .max_by_key(|p| p.date)
                .copied()?;
            Some(AreaPath {
                name: name.clone(),
                actual,
                planned: vec![
                    start,
                    PathPoint {
                        date: due,
                        value: target,
                    },
                ],
            })
        })
        .collect()
}
