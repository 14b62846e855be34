//! A kept assessment's combined % per area, compact: a portfolio keeps one
//! for each of its latest assessments (10,000 and more), so the area ids are
//! shared between them (`domain::shared_text`) and the scores sit in one
//! sorted slice rather than a map of owned strings per assessment.

use std::sync::Arc;

/// Combined % by area id; an area with no score is absent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AreaScores(Box<[(Arc<str>, f64)]>);

impl AreaScores {
    /// From (area id, %) pairs, sorted by id.
    pub fn new(pairs: impl IntoIterator<Item = (Arc<str>, f64)>) -> AreaScores {
        let mut pairs: Vec<(Arc<str>, f64)> = pairs.into_iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        AreaScores(pairs.into_boxed_slice())
    }

    /// The % of one area.
    pub fn get(&self, area: &str) -> Option<f64> {
        let at = self
            .0
            .binary_search_by(|(id, _)| id.as_ref().cmp(area))
            .ok()?;
        self.0.get(at).map(|(_, value)| *value)
    }

    /// Each area's id and %, by id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f64)> + '_ {
        self.0.iter().map(|(id, value)| (id.as_ref(), *value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_found_by_id_whatever_order_they_came_in() {
        let first = AreaScores::new([("PO".into(), 40.0), ("AP".into(), 55.5)]);
        assert_eq!(first.get("AP"), Some(55.5));
        assert_eq!(first.get("PO"), Some(40.0));
        assert_eq!(first.get("ME"), None);
        assert_eq!(
            first.iter().map(|(id, _)| id).collect::<Vec<_>>(),
            ["AP", "PO"]
        );
    }
}
