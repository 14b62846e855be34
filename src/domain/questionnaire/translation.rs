//! A questionnaire's text in another language, in a file beside it
//! (`customer-management.de.toml`): the same ids, every area, sub-area and
//! question once and nothing else, the placeholders of the English intact,
//! and tied to the English version it translates by its content hash, so a
//! change to the English shows which translations need review.

use super::load::Lines;
use super::{LoadErrors, Problem, Questionnaire};
use std::collections::{BTreeSet, HashMap};
use toml_edit::{ImDocument, Item, TableLike};

/// The translated text of a questionnaire, by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The language, e.g. `de`.
    pub language: String,
    title: String,
    description: String,
    scale: (String, String),
    /// Name and description by area or sub-area id.
    parts: HashMap<String, (String, String)>,
    /// Practice, then low, middle and high guidance, by question id.
    questions: HashMap<String, [String; 4]>,
}

const TOP_KEYS: &[&str] = &[
    "questionnaire",
    "version",
    "language",
    "content_hash",
    "title",
    "description",
    "scale",
    "areas",
    "sub_areas",
    "questions",
];
const QUESTION_KEYS: [&str; 4] = ["practice", "low", "middle", "high"];

/// The `{placeholders}` of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.match_indices('{')
        .filter_map(|(start, _)| {
            let rest = text.get(start..)?;
            rest.find('}').and_then(|end| rest.get(..=end))
        })
        .collect()
}

struct Checker<'s> {
    lines: Lines<'s>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, span: Option<std::ops::Range<usize>>, message: String) {
        let (line, column) = span.map_or((1, 1), |s| self.lines.position(s.start));
        self.problems.push(Problem {
            line,
            column,
            message,
        });
    }

    /// A text that must be there, not blank, with `english`'s placeholders.
    fn text(&mut self, table: &dyn TableLike, key: &str, english: &str, what: &str) -> String {
        let Some(item) = table.get(key) else {
            self.report(None, format!("no translation of the {key} of {what}"));
            return String::new();
        };
        let Some(value) = item.as_str().filter(|v| !v.trim().is_empty()) else {
            self.report(item.span(), format!("the {key} of {what} must be text"));
            return String::new();
        };
        if placeholders(value) != placeholders(english) {
            self.report(
                item.span(),
                format!(
                    "the {key} of {what} must keep the placeholders of the English: {:?}",
                    placeholders(english)
                ),
            );
        }
        value.to_owned()
    }

    /// Refuses keys a table of this kind does not have.
    fn only(&mut self, table: &dyn TableLike, keys: &[&str], what: &str) {
        for (key, item) in table.iter() {
            if !keys.contains(&key) {
                self.report(item.span(), format!("{what} has no `{key}`"));
            }
        }
    }

    /// The section `name`: one table per id of `ids`, none other.
    fn section<'d>(
        &mut self,
        doc: &'d toml_edit::Table,
        name: &str,
        ids: &[&str],
    ) -> HashMap<String, &'d dyn TableLike> {
        let mut found = HashMap::new();
        let Some(section) = doc.get(name).and_then(Item::as_table_like) else {
            self.report(None, format!("no `{name}` section"));
            return found;
        };
        for (id, item) in section.iter() {
            match item.as_table_like() {
                Some(table) if ids.contains(&id) => {
                    found.insert(id.to_owned(), table);
                }
                Some(_) => self.report(
                    item.span(),
                    format!("`{id}` in {name} is no id of the questionnaire"),
                ),
                None => self.report(item.span(), format!("`{id}` in {name} must be a table")),
            }
        }
        for id in ids {
            if !found.contains_key(*id) {
                self.report(None, format!("no translation of {id} in {name}"));
            }
        }
        found
    }
}

/// Checks a translation of `questionnaire`; `file` only names the source in
/// errors, each at its line and column.
pub fn check_translation(
    questionnaire: &Questionnaire,
    file: &str,
    source: &str,
) -> Result<Translation, LoadErrors> {
    let mut c = Checker {
        lines: Lines::of(source),
        problems: Vec::new(),
    };
    let doc = match ImDocument::parse(source) {
        Ok(doc) => doc,
        Err(e) => {
            let message = e.message().trim().replace('\n', "; ");
            c.report(e.span(), format!("invalid TOML: {message}"));
            return Err(LoadErrors::sorted(file, c.problems));
        }
    };
    let top = doc.as_table();
    c.only(top, TOP_KEYS, "a translation");
    let q = questionnaire;
    let expected = [
        ("questionnaire", q.id.clone()),
        ("version", q.version.clone()),
        ("content_hash", q.content_hash()),
    ];
    for (key, wanted) in expected {
        let item = top.get(key);
        if item.and_then(Item::as_str) != Some(wanted.as_str()) {
            let message = if key == "content_hash" {
                format!("translates another text than {} {}: its content hash is {wanted}; review the translation against the English, then set content_hash", q.id, q.version)
            } else {
                format!("`{key}` must be \"{wanted}\", the questionnaire beside it")
            };
            c.report(item.and_then(Item::span), message);
        }
    }
    let language = top.get("language").and_then(Item::as_str).unwrap_or("");
    if language.len() != 2
        || !language.chars().all(|ch| ch.is_ascii_lowercase())
        || language == "en"
    {
        c.report(
            top.get("language").and_then(Item::span),
            "`language` must be a two-letter code other than en, e.g. \"de\"".to_owned(),
        );
    }
    let what = "the questionnaire";
    let title = c.text(top, "title", &q.title, what);
    let description = c.text(top, "description", &q.description, what);
    let scale = match top.get("scale").and_then(Item::as_table_like) {
        Some(scale) => {
            c.only(scale, &["intention", "reality"], "the scale");
            (
                c.text(scale, "intention", &q.scale.intention, "the scale"),
                c.text(scale, "reality", &q.scale.reality, "the scale"),
            )
        }
        None => {
            c.report(None, "no `scale` section".to_owned());
            Default::default()
        }
    };
    let area_ids: Vec<&str> = q.areas.iter().map(|a| a.id.as_str()).collect();
    let sub_area_ids: Vec<&str> = q
        .areas
        .iter()
        .flat_map(|a| &a.sub_areas)
        .map(|s| s.id.as_str())
        .collect();
    let question_ids: Vec<&str> = q.questions().map(|x| x.id.as_str()).collect();
    let areas = c.section(top, "areas", &area_ids);
    let sub_areas = c.section(top, "sub_areas", &sub_area_ids);
    let tables = c.section(top, "questions", &question_ids);
    let mut parts = HashMap::new();
    let english_parts = q
        .areas
        .iter()
        .map(|a| (&a.id, &a.name, &a.description, &areas))
        .chain(
            q.areas
                .iter()
                .flat_map(|a| &a.sub_areas)
                .map(|s| (&s.id, &s.name, &s.description, &sub_areas)),
        );
    for (id, name, description, found) in english_parts {
        if let Some(table) = found.get(id.as_str()) {
            let what = format!("`{id}`");
            c.only(*table, &["name", "description"], &what);
            let name = c.text(*table, "name", name, &what);
            let description = if description.is_empty() {
                String::new()
            } else {
                c.text(*table, "description", description, &what)
            };
            parts.insert(id.clone(), (name, description));
        }
    }
    let mut questions = HashMap::new();
    for question in q.questions() {
        if let Some(table) = tables.get(question.id.as_str()) {
            let what = format!("question {}", question.id);
            c.only(*table, &QUESTION_KEYS, &what);
            let g = &question.guidance;
            let english = [&question.practice, &g.low, &g.middle, &g.high];
            let texts = QUESTION_KEYS
                .iter()
                .zip(english)
                .map(|(key, english)| c.text(*table, key, english, &what));
            let texts: Vec<String> = texts.collect();
            if let Ok(texts) = <[String; 4]>::try_from(texts) {
                questions.insert(question.id.clone(), texts);
            }
        }
    }
    if !c.problems.is_empty() {
        return Err(LoadErrors::sorted(file, c.problems));
    }
    Ok(Translation {
        language: language.to_owned(),
        title,
        description,
        scale,
        parts,
        questions,
    })
}

impl Translation {
    /// The questionnaire with this translation's text: the same ids,
    /// weights and scale, so scores and results do not change.
    pub fn apply(&self, questionnaire: &Questionnaire) -> Questionnaire {
        let mut q = questionnaire.clone();
        q.title.clone_from(&self.title);
        q.description.clone_from(&self.description);
        q.scale.intention.clone_from(&self.scale.0);
        q.scale.reality.clone_from(&self.scale.1);
        for area in &mut q.areas {
            if let Some((name, description)) = self.parts.get(&area.id) {
                area.name.clone_from(name);
                area.description.clone_from(description);
            }
            for sub in &mut area.sub_areas {
                if let Some((name, description)) = self.parts.get(&sub.id) {
                    sub.name.clone_from(name);
                    sub.description.clone_from(description);
                }
                for question in &mut sub.questions {
                    if let Some([practice, low, middle, high]) = self.questions.get(&question.id) {
                        question.practice.clone_from(practice);
                        question.guidance.low.clone_from(low);
                        question.guidance.middle.clone_from(middle);
                        question.guidance.high.clone_from(high);
                    }
                }
            }
        }
        q
    }
}

#[cfg(test)]
mod tests;
