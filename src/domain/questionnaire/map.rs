//! A questionnaire version's practice map: what it replaces, and how each
//! changed practice relates to the earlier version's (renamed, merged,
//! split, new, retired). Practices the map does not name are kept under
//! the same id. [`check`] holds a map against the earlier version; the
//! comparison of two waves follows it.

use super::Questionnaire;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How practices of the earlier version become practices of this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MapKind {
    /// The same practice reworded, or given another id: one to one.
    Renamed,
    /// Several earlier practices became one.
    Merged,
    /// One earlier practice became several.
    Split,
    /// Practices asked for the first time.
    New,
    /// Practices no longer asked.
    Retired,
}

impl MapKind {
    /// Every kind, as the file names them.
    pub const ALL: [MapKind; 5] = [
        MapKind::Renamed,
        MapKind::Merged,
        MapKind::Split,
        MapKind::New,
        MapKind::Retired,
    ];

    /// As the file spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            MapKind::Renamed => "renamed",
            MapKind::Merged => "merged",
            MapKind::Split => "split",
            MapKind::New => "new",
            MapKind::Retired => "retired",
        }
    }

    /// How many practices each side takes: (earlier, later), as a range
    /// from its least; `None` for "two or more".
    fn arity(self) -> (Side, Side) {
        match self {
            MapKind::Renamed => (Side::One, Side::One),
            MapKind::Merged => (Side::Several, Side::One),
            MapKind::Split => (Side::One, Side::Several),
            MapKind::New => (Side::None, Side::Some),
            MapKind::Retired => (Side::Some, Side::None),
        }
    }
}

#[derive(Clone, Copy)]
enum Side {
    None,
    One,
    Some,
    Several,
}

impl Side {
    fn fits(self, n: usize) -> bool {
        match self {
            Side::None => n == 0,
            Side::One => n == 1,
            Side::Some => n >= 1,
            Side::Several => n >= 2,
        }
    }

    fn words(self) -> &'static str {
        match self {
            Side::None => "none",
            Side::One => "exactly one",
            Side::Some => "at least one",
            Side::Several => "at least two",
        }
    }
}

/// One `[[map]]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MapEntry {
    /// What happened to the practices.
    pub kind: MapKind,
    /// Practice ids of the earlier version.
    #[serde(default)]
    pub from: Vec<String>,
    /// Practice ids of this version.
    #[serde(default)]
    pub to: Vec<String>,
}

/// A problem of a map against the earlier version: the `[[map]]` table it
/// is in (0-based; none when it is about a practice no table names), and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapProblem {
    /// The index of the `[[map]]` table at fault.
    pub entry: Option<usize>,
    /// The practice at fault when no table is: the place to look.
    pub practice: Option<String>,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// The practice pairs of `later` against `earlier` as the map says them,
/// or every problem: the versions must be of one questionnaire with
/// `later.replaces` naming `earlier`; every table must have its kind's
/// counts and ids of the right version; every earlier practice must be kept,
/// mapped or retired, and every later one kept, mapped or new, once.
pub fn check(earlier: &Questionnaire, later: &Questionnaire) -> Result<Vec<Pair>, Vec<MapProblem>> {
    let mut problems = Vec::new();
    let mut say = |entry: Option<usize>, message: String| {
        problems.push(MapProblem {
            entry,
            practice: None,
            message,
        })
    };
    if earlier.id != later.id {
        say(
            None,
            format!(
                "{} {} is not a version of {}",
                later.id, later.version, earlier.id
            ),
        );
    }
    if later.replaces.as_deref() != Some(earlier.version.as_str()) {
        say(
            None,
            format!(
                "{} declares that it replaces {}, not {}",
                later.version,
                later.replaces.as_deref().unwrap_or("nothing"),
                earlier.version
            ),
        );
    }
    let before: HashSet<&str> = earlier.questions().map(|q| q.id.as_str()).collect();
    let after: HashSet<&str> = later.questions().map(|q| q.id.as_str()).collect();
    let (mut mapped_from, mut mapped_to) = (HashSet::new(), HashSet::new());
    for (i, entry) in later.map.iter().enumerate() {
        let (from_side, to_side) = entry.kind.arity();
        let kind = entry.kind.as_str();
        if !from_side.fits(entry.from.len()) {
            say(
                Some(i),
                format!(
                    "a `{kind}` table takes {} `from` practice(s); it has {}",
                    from_side.words(),
                    entry.from.len()
                ),
            );
        }
        if !to_side.fits(entry.to.len()) {
            say(
                Some(i),
                format!(
                    "a `{kind}` table takes {} `to` practice(s); it has {}",
                    to_side.words(),
                    entry.to.len()
                ),
            );
        }
        for id in &entry.from {
            if !before.contains(id.as_str()) {
                say(
                    Some(i),
                    format!(
                        "`{id}` is not a practice of {} {}",
                        earlier.id, earlier.version
                    ),
                );
            } else if !mapped_from.insert(id.as_str()) {
                say(
                    Some(i),
                    format!("`{id}` of {} is mapped twice", earlier.version),
                );
            }
        }
        for id in &entry.to {
            if !after.contains(id.as_str()) {
                say(
                    Some(i),
                    format!("`{id}` is not a practice of {} {}", later.id, later.version),
                );
            } else if !mapped_to.insert(id.as_str()) {
                say(
                    Some(i),
                    format!("`{id}` of {} is mapped twice", later.version),
                );
            }
        }
    }
    let mut unmapped = Vec::new();
    for q in earlier.questions() {
        let id = q.id.as_str();
        if !after.contains(id) && !mapped_from.contains(id) {
            unmapped.push((None, format!("`{id}` of {} is gone from {} but no [[map]] table says where (renamed, merged, split or retired)", earlier.version, later.version)));
        }
    }
    for q in later.questions() {
        let id = q.id.as_str();
        if !before.contains(id) && !mapped_to.contains(id) {
            unmapped.push((Some(id.to_owned()), format!("`{id}` is new in {} but no [[map]] table says so (a `new` table, or where it came from)", later.version)));
        }
    }
    problems.extend(unmapped.into_iter().map(|(practice, message)| MapProblem {
        entry: None,
        practice,
        message,
    }));
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(pairs(earlier, later, (&mapped_from, &mapped_to)))
}

/// A practice of the later version and what it is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The earlier version's practices (none: new).
    pub before: Vec<String>,
    /// The later version's practice (none: retired).
    pub after: Option<String>,
    /// Kept (none) or how the map relates them.
    pub kind: Option<MapKind>,
}

fn pairs(
    earlier: &Questionnaire,
    later: &Questionnaire,
    (from, to): (&HashSet<&str>, &HashSet<&str>),
) -> Vec<Pair> {
    let before: HashSet<&str> = earlier.questions().map(|q| q.id.as_str()).collect();
    let mut out: Vec<Pair> = later
        .questions()
        .filter(|q| {
            before.contains(q.id.as_str())
                && !to.contains(q.id.as_str())
                && !from.contains(q.id.as_str())
        })
        .map(|q| Pair {
            before: vec![q.id.clone()],
            after: Some(q.id.clone()),
            kind: None,
        })
        .collect();
    for entry in &later.map {
        match entry.kind {
            MapKind::Retired => out.extend(entry.from.iter().map(|f| Pair {
                before: vec![f.clone()],
                after: None,
                kind: Some(MapKind::Retired),
            })),
            kind => out.extend(entry.to.iter().map(|t| Pair {
                before: entry.from.clone(),
                after: Some(t.clone()),
                kind: Some(kind),
            })),
        }
    }
    // The later version's order, then the retired practices.
    let order = |p: &Pair| {
        p.after
            .as_ref()
            .and_then(|a| later.questions().position(|q| &q.id == a))
            .unwrap_or(usize::MAX)
    };
    out.sort_by_key(order);
    out
}

#[cfg(test)]
mod tests;
