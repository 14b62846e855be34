//! Business performance: KPIs, whose direction says whether more is better,
//! and expert panels, whose ranks combine into a consensus.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
#[expect(
    missing_docs,
    reason = "a doc comment here would become a description in the published OpenAPI document"
)]
pub enum Direction {
    /// More is better (revenue growth, retention).
    Higher,
    /// Less is better (complaint rate, cost to serve).
    Lower,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
#[expect(
    missing_docs,
    reason = "a doc comment here would become a description in the published OpenAPI document"
)]
pub enum KpiKind {
    /// Financial results: revenue growth, margin, return on capital.
    Financial,
    /// Customer behaviour: retention, share of wallet, complaints, advocacy.
    Behaviour,
}

impl Direction {
    /// The direction as the API and the database spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }

    /// A value turned so that higher always means better performance.
    pub fn oriented(self, value: f64) -> f64 {
        match self {
            Direction::Higher => value,
            Direction::Lower => -value,
        }
    }
}

impl KpiKind {
    /// The kind as the API and the database spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            KpiKind::Financial => "financial",
            KpiKind::Behaviour => "behaviour",
        }
    }
}

impl std::str::FromStr for Direction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "higher" => Ok(Direction::Higher),
            "lower" => Ok(Direction::Lower),
            other => Err(format!(
                "direction must be `higher` or `lower`, not `{other}`"
            )),
        }
    }
}

impl std::str::FromStr for KpiKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "financial" => Ok(KpiKind::Financial),
            "behaviour" => Ok(KpiKind::Behaviour),
            other => Err(format!(
                "kind must be `financial` or `behaviour`, not `{other}`"
            )),
        }
    }
}

/// Ranks from ratings within one panel: the best rating gets rank 1, ties share.
pub fn ranks_from_ratings(ratings: &[f64]) -> Vec<f64> {
    let negated: Vec<f64> = ratings.iter().map(|r| -r).collect();
    crate::stats::average_ranks(&negated)
}

/// The consensus performance rank of each client: the mean of its panel
/// ranks, over the panels that ranked it.
pub fn consensus(panels: &[HashMap<i32, f64>]) -> BTreeMap<i32, f64> {
    let mut sums: BTreeMap<i32, (f64, usize)> = BTreeMap::new();
    for panel in panels {
        for (&client, &rank) in panel {
            let entry = sums.entry(client).or_default();
            entry.0 += rank;
            entry.1 += 1;
        }
    }
    sums.into_iter()
        .map(|(client, (sum, n))| (client, sum / n as f64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_become_ranks_with_the_best_first() {
        assert_eq!(
            ranks_from_ratings(&[7.0, 9.0, 7.0, 3.0]),
            [2.5, 1.0, 2.5, 4.0]
        );
    }

    #[test]
    fn the_consensus_is_the_mean_of_the_panel_ranks() {
        let a: HashMap<i32, f64> = [(1, 1.0), (2, 2.0), (3, 3.0)].into_iter().collect();
        let b: HashMap<i32, f64> = [(1, 2.0), (2, 1.0)].into_iter().collect();
        let c = consensus(&[a, b]);
        assert_eq!(c.get(&1), Some(&1.5));
        assert_eq!(
            c.get(&3),
            Some(&3.0),
            "a client ranked by one panel keeps that rank"
        );
        assert_eq!(Direction::Lower.oriented(4.0), -4.0);
    }
}
