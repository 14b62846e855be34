//! Reading a questionnaire from TOML, reporting every problem at once with its
//! line and column, so an author fixes a file in one pass.
//!
//! The file is walked by hand over `toml_edit`'s spanned document instead of
//! through serde: serde stops at the first error and forgets positions.

mod keys;
mod map;
mod problems;

pub(super) use problems::Lines;
pub use problems::{LoadErrors, Problem};

use super::{Area, Guidance, Question, Questionnaire, Scale, SubArea};
use keys::*;
use std::{collections::HashMap, ops::Range};
use toml_edit::{ImDocument, Item, TableLike};

/// Parses and validates a questionnaire. `file` only names the source in errors.
pub fn load(file: &str, source: &str) -> Result<Questionnaire, LoadErrors> {
    let mut reader = Reader {
        lines: Lines::of(source),
        problems: Vec::new(),
        seen_ids: HashMap::new(),
        questions: 0,
    };
    if source.len() > MAX_BYTES {
        reader.report(
            Some(0..0),
            format!(
                "a questionnaire file may have at most {MAX_BYTES} bytes; this one has {}",
                source.len()
            ),
        );
        return Err(reader.into_errors(file));
    }
    let questionnaire = match ImDocument::parse(source) {
        Ok(doc) => reader.questionnaire(doc.as_table()),
        Err(e) => {
            let message = e.message().trim().replace('\n', "; ");
            reader.report(e.span(), format!("invalid TOML: {message}"));
            None
        }
    };
    match questionnaire {
        Some(q) if reader.problems.is_empty() => Ok(q),
        _ => Err(reader.into_errors(file)),
    }
}

type Span = Option<Range<usize>>;

/// Share of Intention in the combined score when the file does not set it.
const DEFAULT_INTENTION_WEIGHT: f64 = 0.5;

/// The largest scale cmas accepts; scores are stored as small integers.
const MAX_SCALE: i64 = 100;

/// The largest questionnaire file: about thirteen times the bundled one.
pub const MAX_BYTES: usize = 1024 * 1024;

/// The most questions a questionnaire may ask: the bundled model asks 118,
/// and an assessment is scored by people, question by question.
pub const MAX_QUESTIONS: usize = 1_000;

/// The most areas, and sub-areas in one area, a questionnaire may have.
pub const MAX_AREAS: usize = 30;

struct Reader<'s> {
    /// Where the lines start, to place a span.
    lines: Lines<'s>,
    problems: Vec<Problem>,
    /// Questions read so far, held to [`MAX_QUESTIONS`].
    questions: usize,
    /// Every id seen so far (areas, sub-areas and questions share one namespace).
    seen_ids: HashMap<String, (usize, usize)>,
}

/// A table being read, with the span to blame for what is missing from it.
struct Node<'t> {
    table: &'t dyn TableLike,
    span: Span,
    what: String,
}

impl Reader<'_> {
    fn position(&self, span: &Span) -> (usize, usize) {
        self.lines.position(span.as_ref().map_or(0, |s| s.start))
    }

    fn into_errors(self, file: &str) -> LoadErrors {
        LoadErrors::sorted(file, self.problems)
    }

    fn report(&mut self, span: Span, message: String) {
        let (line, column) = self.position(&span);
        self.problems.push(Problem {
            line,
            column,
            message,
        });
    }

    fn node<'t>(&mut self, item: &'t Item, fallback: &Span, what: String) -> Option<Node<'t>> {
        let span = item.span().or_else(|| fallback.clone());
        match item.as_table_like() {
            Some(table) => Some(Node { table, span, what }),
            None => {
                self.report(
                    span,
                    format!("{what} must be a table, found {}", item.type_name()),
                );
                None
            }
        }
    }

    /// Reports keys that the format does not know: a typo must not pass silently.
    fn check_keys(&mut self, node: &Node<'_>, allowed: &[&str]) {
        for (key, item) in node.table.iter() {
            if !allowed.contains(&key) {
                let span = node
                    .table
                    .key(key)
                    .and_then(|k| k.span())
                    .or_else(|| item.span());
                self.report(
                    span,
                    format!(
                        "unknown key `{key}` in {} (allowed: {})",
                        node.what,
                        allowed.join(", ")
                    ),
                );
            }
        }
    }

    fn item<'t>(&mut self, node: &Node<'t>, key: &str) -> Option<&'t Item> {
        let item = node.table.get(key);
        if item.is_none() {
            self.report(
                node.span.clone(),
                format!("missing `{key}` in {}", node.what),
            );
        }
        item
    }

    fn text(&mut self, node: &Node<'_>, key: &str) -> Option<String> {
        let item = self.item(node, key)?;
        match item.as_str() {
            Some(s) if s.trim().is_empty() => {
                self.report(
                    item.span(),
                    format!("`{key}` in {} must not be empty", node.what),
                );
                None
            }
            Some(s) => Some(s.trim().to_owned()),
            None => {
                self.report(
                    item.span(),
                    format!(
                        "`{key}` in {} must be a string, found {}",
                        node.what,
                        item.type_name()
                    ),
                );
                None
            }
        }
    }

    fn optional_text(&mut self, node: &Node<'_>, key: &str) -> String {
        if node.table.contains_key(key) {
            self.text(node, key).unwrap_or_default()
        } else {
            String::new()
        }
    }

    fn number(&mut self, node: &Node<'_>, key: &str) -> Option<(f64, Span)> {
        let item = self.item(node, key)?;
        let value = item
            .as_float()
            .or_else(|| item.as_integer().map(|i| i as f64));
        match value {
            Some(v) if v.is_finite() => Some((v, item.span())),
            _ => {
                self.report(
                    item.span(),
                    format!(
                        "`{key}` in {} must be a number, found {}",
                        node.what,
                        item.type_name()
                    ),
                );
                None
            }
        }
    }

    fn integer(&mut self, node: &Node<'_>, key: &str) -> Option<(i64, Span)> {
        let item = self.item(node, key)?;
        match item.as_integer() {
            Some(v) => Some((v, item.span())),
            None => {
                self.report(
                    item.span(),
                    format!(
                        "`{key}` in {} must be an integer, found {}",
                        node.what,
                        item.type_name()
                    ),
                );
                None
            }
        }
    }

    fn weight(&mut self, node: &Node<'_>) -> Option<f64> {
        let (weight, span) = self.number(node, "weight")?;
        if weight <= 0.0 {
            self.report(
                span,
                format!(
                    "the weight of {} must be greater than 0, found {weight}",
                    node.what
                ),
            );
            return None;
        }
        Some(weight)
    }

    /// Reads `id` and claims it: ids must be unique across the whole file.
    fn id(&mut self, node: &Node<'_>) -> Option<String> {
        let id = self.text(node, "id")?;
        let span = node.table.get("id").and_then(Item::span);
        let here = self.position(&span);
        if id.chars().any(|c| c.is_whitespace()) {
            self.report(span.clone(), format!("id `{id}` must not contain spaces"));
        }
        if let Some((line, column)) = self.seen_ids.get(&id).copied() {
            self.report(
                span,
                format!("duplicate id `{id}` (first used at line {line}, column {column})"),
            );
            return None;
        }
        self.seen_ids.insert(id.clone(), here);
        Some(id)
    }

    /// Reads an array of tables such as `[[areas]]`; an empty one is a
    /// problem, and so is one longer than `max` (then none is read).
    fn children<'t>(
        &mut self,
        node: &Node<'t>,
        key: &str,
        singular: &str,
        max: usize,
    ) -> Vec<Node<'t>> {
        let Some(item) = self.item(node, key) else {
            return Vec::new();
        };
        let Some(array) = item.as_array_of_tables() else {
            self.report(
                item.span().or_else(|| node.span.clone()),
                format!(
                    "`{key}` in {} must be an array of tables ([[...]]), found {}",
                    node.what,
                    item.type_name()
                ),
            );
            return Vec::new();
        };
        if array.is_empty() {
            self.report(node.span.clone(), format!("{} has no {key}", node.what));
        }
        if array.len() > max {
            self.report(
                node.span.clone(),
                format!(
                    "{} has {} {key}; at most {max} are allowed",
                    node.what,
                    array.len()
                ),
            );
            return Vec::new();
        }
        array
            .iter()
            .enumerate()
            .map(|(i, table)| Node {
                table,
                span: table.span().or_else(|| node.span.clone()),
                what: format!("{singular} {} of {}", i + 1, node.what),
            })
            .collect()
    }

    /// Names a node by its id once known, so messages read "question AP.1.2".
    fn rename(node: &mut Node<'_>, kind: &str, id: &Option<String>) {
        if let Some(id) = id {
            node.what = format!("{kind} {id}");
        }
    }

    fn questionnaire(&mut self, root: &toml_edit::Table) -> Option<Questionnaire> {
        let node = Node {
            table: root,
            span: Some(0..0),
            what: "the questionnaire".into(),
        };
        self.check_keys(&node, TOP_KEYS);
        let id = self.id(&node);
        let version = self.version(&node);
        let title = self.text(&node, "title");
        let description = self.optional_text(&node, "description");
        let scale = self
            .item(&node, "scale")
            .and_then(|item| self.node(item, &node.span, "[scale]".into()))
            .and_then(|scale| self.scale(&scale));
        let areas: Vec<_> = self
            .children(&node, "areas", "area", MAX_AREAS)
            .into_iter()
            .filter_map(|area| self.area(area))
            .collect();
        let replaces = self.replaces(&node);
        let map = self.map(&node, replaces.as_deref());
        Some(Questionnaire {
            id: id?,
            version: version?,
            title: title?,
            description,
            scale: scale?,
            areas,
            replaces,
            map,
        })
    }

    fn version(&mut self, node: &Node<'_>) -> Option<String> {
        let version = self.text(node, "version")?;
        if semver::Version::parse(&version).is_err() {
            let span = node.table.get("version").and_then(Item::span);
            self.report(
                span,
                format!("version `{version}` is not a semantic version such as 1.0.0"),
            );
            return None;
        }
        Some(version)
    }

    fn scale(&mut self, node: &Node<'_>) -> Option<Scale> {
        self.check_keys(node, SCALE_KEYS);
        let min = self.integer(node, "min");
        let max = self.integer(node, "max");
        let intention = self.text(node, "intention");
        let reality = self.text(node, "reality");
        // Intention and Reality count equally unless the file says otherwise.
        let intention_weight = if node.table.contains_key("intention_weight") {
            self.number(node, "intention_weight")
        } else {
            Some((DEFAULT_INTENTION_WEIGHT, None))
        };
        let ((min, min_span), (max, max_span)) = (min?, max?);
        if min < 0 {
            self.report(
                min_span,
                format!("the scale minimum must be 0 or more, found {min}"),
            );
            return None;
        }
        if max <= min || max > MAX_SCALE {
            self.report(
                max_span,
                format!("the scale maximum must be above the minimum ({min}) and at most {MAX_SCALE}, found {max}"),
            );
            return None;
        }
        let (weight, weight_span) = intention_weight?;
        if !(0.0..=1.0).contains(&weight) {
            self.report(
                weight_span,
                format!("intention_weight must be between 0 and 1, found {weight}"),
            );
            return None;
        }
        Some(Scale {
            min: u8::try_from(min).ok()?,
            max: u8::try_from(max).ok()?,
            intention: intention?,
            reality: reality?,
            intention_weight: weight,
        })
    }

    fn area(&mut self, mut node: Node<'_>) -> Option<Area> {
        let id = self.id(&node);
        Self::rename(&mut node, "area", &id);
        self.check_keys(&node, AREA_KEYS);
        let name = self.text(&node, "name");
        let weight = self.weight(&node);
        let description = self.optional_text(&node, "description");
        let sub_areas: Vec<_> = self
            .children(&node, "sub_areas", "sub-area", MAX_AREAS)
            .into_iter()
            .filter_map(|s| self.sub_area(s))
            .collect();
        Some(Area {
            id: id?,
            name: name?,
            weight: weight?,
            description,
            sub_areas,
        })
    }

    fn sub_area(&mut self, mut node: Node<'_>) -> Option<SubArea> {
        let id = self.id(&node);
        Self::rename(&mut node, "sub-area", &id);
        self.check_keys(&node, SUB_AREA_KEYS);
        let name = self.text(&node, "name");
        let weight = self.weight(&node);
        let description = self.optional_text(&node, "description");
        let children = self.children(&node, "questions", "question", MAX_QUESTIONS);
        self.questions += children.len();
        if self.questions > MAX_QUESTIONS && self.questions - children.len() <= MAX_QUESTIONS {
            self.report(
                node.span.clone(),
                format!(
                    "a questionnaire may ask at most {MAX_QUESTIONS} questions; {} brings it past that",
                    node.what
                ),
            );
        }
        let questions: Vec<_> = children
            .into_iter()
            .filter_map(|q| self.question(q))
            .collect();
        Some(SubArea {
            id: id?,
            name: name?,
            weight: weight?,
            description,
            questions,
        })
    }

    fn question(&mut self, mut node: Node<'_>) -> Option<Question> {
        let id = self.id(&node);
        Self::rename(&mut node, "question", &id);
        self.check_keys(&node, QUESTION_KEYS);
        let practice = self.text(&node, "practice");
        let weight = self.weight(&node);
        let what = format!("the guidance of {}", node.what);
        let guidance = self
            .item(&node, "guidance")
            .and_then(|item| self.node(item, &node.span, what))
            .and_then(|g| self.guidance(&g));
        Some(Question {
            id: id?,
            practice: practice?,
            weight: weight?,
            guidance: guidance?,
        })
    }

    fn guidance(&mut self, node: &Node<'_>) -> Option<Guidance> {
        self.check_keys(node, GUIDANCE_KEYS);
        let low = self.text(node, "low");
        let middle = self.text(node, "middle");
        let high = self.text(node, "high");
        Some(Guidance {
            low: low?,
            middle: middle?,
            high: high?,
        })
    }
}

#[cfg(test)]
mod tests;
