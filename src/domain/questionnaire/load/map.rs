//! Reading what a version replaces and its `[[map]]` tables (see
//! `questionnaire::map`): each table's kind and its `from` and `to` ids,
//! with a line and column for every problem. Whether the ids fit the two
//! versions is `map::check`'s to say, with both files at hand.

use super::{Node, Reader};
use crate::domain::questionnaire::{MapEntry, MapKind};
use toml_edit::Item;

const MAP_KEYS: &[&str] = &["kind", "from", "to"];
/// The most `[[map]]` tables a version may have: one per practice at most.
const MAX_MAP: usize = super::MAX_QUESTIONS;

impl Reader<'_> {
    /// `replaces` when the file has it: a semantic version.
    pub(super) fn replaces(&mut self, node: &Node<'_>) -> Option<String> {
        if !node.table.contains_key("replaces") {
            return None;
        }
        let replaces = self.text(node, "replaces")?;
        if semver::Version::parse(&replaces).is_err() {
            let span = node.table.get("replaces").and_then(Item::span);
            self.report(
                span,
                format!("replaces `{replaces}` is not a semantic version such as 1.0.0"),
            );
            return None;
        }
        Some(replaces)
    }

    /// The `[[map]]` tables, none when the file has none; a map without
    /// `replaces` says nothing and is refused.
    pub(super) fn map(&mut self, node: &Node<'_>, replaces: Option<&str>) -> Vec<MapEntry> {
        if !node.table.contains_key("map") {
            return Vec::new();
        }
        if replaces.is_none() {
            let span = node.table.get("map").and_then(Item::span);
            self.report(
                span,
                "a practice map needs `replaces`: the version it maps from".into(),
            );
        }
        self.children(node, "map", "map table", MAX_MAP)
            .into_iter()
            .filter_map(|entry| self.map_entry(&entry))
            .collect()
    }

    fn map_entry(&mut self, node: &Node<'_>) -> Option<MapEntry> {
        self.check_keys(node, MAP_KEYS);
        let kind = self.text(node, "kind")?;
        let Some(kind) = MapKind::ALL.into_iter().find(|k| k.as_str() == kind) else {
            let span = node.table.get("kind").and_then(Item::span);
            let kinds: Vec<&str> = MapKind::ALL.iter().map(|k| k.as_str()).collect();
            self.report(
                span,
                format!(
                    "kind `{kind}` in {} is not one of {}",
                    node.what,
                    kinds.join(", ")
                ),
            );
            return None;
        };
        Some(MapEntry {
            kind,
            from: self.ids(node, "from")?,
            to: self.ids(node, "to")?,
        })
    }

    /// An array of practice ids; none when the key is absent.
    fn ids(&mut self, node: &Node<'_>, key: &str) -> Option<Vec<String>> {
        let Some(item) = node.table.get(key) else {
            return Some(Vec::new());
        };
        let strings: Option<Vec<String>> = item.as_array().and_then(|a| {
            a.iter()
                .map(|v| v.as_str().map(|s| s.trim().to_owned()))
                .collect()
        });
        match strings {
            Some(ids) if ids.iter().all(|id| !id.is_empty()) => Some(ids),
            _ => {
                self.report(
                    item.span(),
                    format!(
                        "`{key}` in {} must be a list of practice ids, e.g. [\"AP.1.2\"]",
                        node.what
                    ),
                );
                None
            }
        }
    }
}
