//! Two waves of the same client and scope side by side: how every area and
//! sub-area moved on Intention, Reality and combined, and which practices
//! improved, regressed or stayed where they were.
//!
//! A practice moved when either dimension changed by at least
//! [`MOVED_POINTS`] on the questionnaire's scale; smaller changes are the
//! noise of consolidating several assessors and read as unchanged. A practice
//! that is N/A, unanswered or has no counterpart on one side is not compared
//! and says why, so no change is invented.

use super::scoring::{Dimensions, QuestionResult, Results, Rollup};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// A practice moved when Intention or Reality changed by this many points.
pub const MOVED_POINTS: f64 = 1.0;

/// Changes this close to the threshold count as reaching it: consolidated
/// scores are means, and 3.667 − 2.667 is not exactly 1 in floating point.
const TOLERANCE: f64 = 1e-9;

/// How one practice's counterpart in the earlier wave was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// The same practice in both waves.
    Kept,
    /// The same practice, reworded or renumbered in the later version.
    Renamed,
    /// Several earlier practices became this one; compared with their mean.
    Merged,
    /// This practice is one of the parts an earlier one was split into.
    Split,
    /// Asked only in the later version.
    New,
    /// Asked only in the earlier version.
    Retired,
}

/// What the later wave says of a practice against the earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// A dimension rose by the threshold or more and none fell as far.
    Improved,
    /// A dimension fell by the threshold or more and none rose as far.
    Regressed,
    /// One dimension rose and the other fell, each by the threshold or more.
    Mixed,
    /// Neither dimension moved as far as the threshold.
    Unchanged,
    /// Not compared: see the practice's `reason`.
    NotCompared,
}

/// Why a practice is not compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotCompared {
    /// N/A in the earlier wave only.
    NotApplicableBefore,
    /// N/A in the later wave only.
    NotApplicableAfter,
    /// N/A in both waves.
    NotApplicableBoth,
    /// Not answered in one wave or both.
    Unanswered,
    /// Asked only in the later version of the questionnaire.
    NoEarlierCounterpart,
    /// Asked only in the earlier version of the questionnaire.
    NoLaterCounterpart,
}

/// Which practices of the earlier wave one practice of the later wave is
/// compared with (`before` empty: new), or an earlier practice with no
/// later counterpart (`after` none: retired).
#[derive(Debug, Clone, PartialEq)]
pub struct Counterpart {
    /// The earlier wave's practice ids.
    pub before: Vec<String>,
    /// The later wave's practice id.
    pub after: Option<String>,
    /// How they are linked.
    pub link: Link,
}

/// Every practice of `after` matched by id with `before`'s: what two
/// waves on the same questionnaire, or versions without a map, compare.
pub fn same_ids<'a>(
    before: impl Iterator<Item = &'a str>,
    after: impl Iterator<Item = &'a str>,
) -> Vec<Counterpart> {
    let before: Vec<&str> = before.collect();
    let after: Vec<&str> = after.collect();
    let mut pairs: Vec<Counterpart> = after
        .iter()
        .map(|id| {
            let kept = before.contains(id);
            Counterpart {
                before: if kept { vec![(*id).to_owned()] } else { vec![] },
                after: Some((*id).to_owned()),
                link: if kept { Link::Kept } else { Link::New },
            }
        })
        .collect();
    pairs.extend(
        before
            .iter()
            .filter(|id| !after.contains(id))
            .map(|id| Counterpart {
                before: vec![(*id).to_owned()],
                after: None,
                link: Link::Retired,
            }),
    );
    pairs
}

/// A value in each wave; either may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToSchema)]
pub struct Change {
    /// The earlier wave's value.
    pub before: Option<f64>,
    /// The later wave's value.
    pub after: Option<f64>,
}

impl Change {
    /// After minus before, when both are there.
    pub fn delta(self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

/// Intention, Reality and combined, each in both waves (% of best practice).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToSchema)]
pub struct DimensionChange {
    /// Intention, % of best practice.
    pub intention: Change,
    /// Reality, % of best practice.
    pub reality: Change,
    /// Intention and Reality combined with the questionnaire's weights.
    pub combined: Change,
}

impl DimensionChange {
    fn of(before: Option<&Dimensions>, after: Option<&Dimensions>) -> DimensionChange {
        let pick = |f: fn(&Dimensions) -> f64| Change {
            before: before.map(f),
            after: after.map(f),
        };
        DimensionChange {
            intention: pick(|d| d.intention.get()),
            reality: pick(|d| d.reality.get()),
            combined: pick(|d| d.combined.get()),
        }
    }
}

/// A sub-area (or an area without its sub-areas) in both waves.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct NodeChange {
    /// Its id in the later wave (the earlier one's when retired).
    pub id: String,
    /// Its name in the later wave (the earlier one's when retired).
    pub name: String,
    /// The three dimensions in both waves.
    #[serde(flatten)]
    pub change: DimensionChange,
}

/// An area in both waves, with its sub-areas.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AreaWaves {
    /// The area itself.
    #[serde(flatten)]
    pub area: NodeChange,
    /// Its sub-areas, in the later wave's order.
    pub sub_areas: Vec<NodeChange>,
}

/// Where a practice stood in one wave, in points on the scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToSchema)]
pub struct PracticeStanding {
    /// Intention in points; absent when N/A or unanswered.
    pub intention: Option<f64>,
    /// Reality in points; absent when N/A or unanswered.
    pub reality: Option<f64>,
    /// Said not to apply.
    pub not_applicable: bool,
}

impl PracticeStanding {
    fn of(result: Option<&QuestionResult>) -> PracticeStanding {
        PracticeStanding {
            intention: result.and_then(|q| q.intention),
            reality: result.and_then(|q| q.reality),
            not_applicable: result.is_some_and(|q| q.not_applicable),
        }
    }

    /// Several earlier practices merged into one: the mean of those scored,
    /// N/A only when every one of them was.
    fn merged(parts: &[PracticeStanding]) -> PracticeStanding {
        let mean = |f: fn(&PracticeStanding) -> Option<f64>| {
            let values: Vec<f64> = parts.iter().filter_map(f).collect();
            (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
        };
        PracticeStanding {
            intention: mean(|s| s.intention),
            reality: mean(|s| s.reality),
            not_applicable: !parts.is_empty() && parts.iter().all(|s| s.not_applicable),
        }
    }

    fn scored(self) -> Option<(f64, f64)> {
        Some((self.intention?, self.reality?))
    }
}

/// One practice of the later wave against its counterpart.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PracticeChange {
    /// The earlier wave's practice ids (none when new).
    pub before_ids: Vec<String>,
    /// The later wave's practice id (none when retired).
    pub after_id: Option<String>,
    /// How the two are linked.
    pub link: Link,
    /// The earlier wave (the mean of the parts when merged).
    pub before: PracticeStanding,
    /// The later wave.
    pub after: PracticeStanding,
    /// Improved, regressed, mixed, unchanged or not compared.
    pub movement: Movement,
    /// Why it is not compared, when it is not.
    pub reason: Option<NotCompared>,
}

impl PracticeChange {
    /// Change in Intention points, when both waves scored it.
    pub fn intention_delta(&self) -> Option<f64> {
        Some(self.after.intention? - self.before.intention?)
    }

    /// Change in Reality points, when both waves scored it.
    pub fn reality_delta(&self) -> Option<f64> {
        Some(self.after.reality? - self.before.reality?)
    }

    /// How far it moved: both changes' sizes added, 0 when not compared.
    pub fn distance(&self) -> f64 {
        self.intention_delta().map_or(0.0, f64::abs) + self.reality_delta().map_or(0.0, f64::abs)
    }
}

/// The verdict on one practice: moved (and which way), or why not compared.
pub fn movement(
    link: Link,
    before: PracticeStanding,
    after: PracticeStanding,
) -> (Movement, Option<NotCompared>) {
    let not = |why| (Movement::NotCompared, Some(why));
    match link {
        Link::New => return not(NotCompared::NoEarlierCounterpart),
        Link::Retired => return not(NotCompared::NoLaterCounterpart),
        _ => {}
    }
    match (before.not_applicable, after.not_applicable) {
        (true, true) => return not(NotCompared::NotApplicableBoth),
        (true, false) => return not(NotCompared::NotApplicableBefore),
        (false, true) => return not(NotCompared::NotApplicableAfter),
        (false, false) => {}
    }
    let (Some((i0, r0)), Some((i1, r1))) = (before.scored(), after.scored()) else {
        return not(NotCompared::Unanswered);
    };
    let reached = |delta: f64| delta.abs() + TOLERANCE >= MOVED_POINTS;
    let (di, dr) = (i1 - i0, r1 - r0);
    let up = (reached(di) && di > 0.0) || (reached(dr) && dr > 0.0);
    let down = (reached(di) && di < 0.0) || (reached(dr) && dr < 0.0);
    let moved = match (up, down) {
        (true, true) => Movement::Mixed,
        (true, false) => Movement::Improved,
        (false, true) => Movement::Regressed,
        (false, false) => Movement::Unchanged,
    };
    (moved, None)
}

/// Everything two waves say side by side.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct WaveComparison {
    /// The overall result in both waves.
    pub overall: DimensionChange,
    /// Every area of the later wave (then any the earlier one had alone).
    pub areas: Vec<AreaWaves>,
    /// Every practice, in the later wave's order, then the retired ones.
    pub practices: Vec<PracticeChange>,
}

impl WaveComparison {
    /// How many practices moved each way.
    pub fn count(&self, movement: Movement) -> usize {
        self.practices
            .iter()
            .filter(|p| p.movement == movement)
            .count()
    }

    /// The practices that moved, furthest first, at most `limit`.
    pub fn moved_most(&self, limit: usize) -> Vec<&PracticeChange> {
        let mut moved: Vec<&PracticeChange> = self
            .practices
            .iter()
            .filter(|p| {
                matches!(
                    p.movement,
                    Movement::Improved | Movement::Regressed | Movement::Mixed
                )
            })
            .collect();
        moved.sort_by(|a, b| b.distance().total_cmp(&a.distance()));
        moved.truncate(limit);
        moved
    }
}

/// Compares two waves' results, practice by practice along `counterparts`.
pub fn compare(before: &Results, after: &Results, counterparts: &[Counterpart]) -> WaveComparison {
    let scored = |r: &Results| -> HashMap<String, QuestionResult> {
        r.questions
            .iter()
            .map(|q| (q.question_id.clone(), q.clone()))
            .collect()
    };
    let (earlier, later) = (scored(before), scored(after));
    let practices = counterparts
        .iter()
        .map(|c| {
            let parts: Vec<PracticeStanding> = c
                .before
                .iter()
                .map(|id| PracticeStanding::of(earlier.get(id)))
                .collect();
            let was = if parts.len() == 1 {
                parts.first().copied().unwrap_or(PracticeStanding::of(None))
            } else {
                PracticeStanding::merged(&parts)
            };
            let now = PracticeStanding::of(c.after.as_ref().and_then(|id| later.get(id)));
            let (movement, reason) = movement(c.link, was, now);
            PracticeChange {
                before_ids: c.before.clone(),
                after_id: c.after.clone(),
                link: c.link,
                before: was,
                after: now,
                movement,
                reason,
            }
        })
        .collect();
    WaveComparison {
        overall: DimensionChange::of(
            before.overall.percent.as_ref(),
            after.overall.percent.as_ref(),
        ),
        areas: areas(before, after),
        practices,
    }
}

/// Pairs nodes by id: the later wave's in order, then the earlier's alone.
fn paired<'a>(before: &[&'a Rollup], after: &[&'a Rollup]) -> Vec<NodeChange> {
    let find = |nodes: &[&'a Rollup], id: &str| nodes.iter().copied().find(|n| n.id == id);
    let change = |node: &Rollup, was: Option<&Rollup>, now: Option<&Rollup>| NodeChange {
        id: node.id.clone(),
        name: node.name.clone(),
        change: DimensionChange::of(
            was.and_then(|n| n.percent.as_ref()),
            now.and_then(|n| n.percent.as_ref()),
        ),
    };
    after
        .iter()
        .map(|n| change(n, find(before, &n.id), Some(n)))
        .chain(
            before
                .iter()
                .filter(|n| find(after, &n.id).is_none())
                .map(|n| change(n, Some(n), None)),
        )
        .collect()
}

fn rollups(r: &Results) -> Vec<&Rollup> {
    r.areas.iter().map(|a| &a.rollup).collect()
}

fn sub_areas<'a>(r: &'a Results, id: &str) -> Vec<&'a Rollup> {
    r.areas
        .iter()
        .filter(|a| a.rollup.id == id)
        .flat_map(|a| &a.sub_areas)
        .collect()
}

fn areas(before: &Results, after: &Results) -> Vec<AreaWaves> {
    paired(&rollups(before), &rollups(after))
        .into_iter()
        .map(|area| AreaWaves {
            sub_areas: paired(&sub_areas(before, &area.id), &sub_areas(after, &area.id)),
            area,
        })
        .collect()
}

#[cfg(test)]
mod tests;
