//! The audit trail in plain language: each recorded event as a sentence
//! ("Carla Consultant finalised the Harbour Bank assessment of 23 Oct
//! 2026") and its changed fields as a short before → after list. The words
//! are in `reports/audit.toml`; the names come from `db::audit_names`.

use crate::db::audit::AuditEvent;
use crate::db::audit_names::RecordNames;
use crate::report::wording::Wording;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// One event as the trail shows it.
#[derive(Debug)]
pub struct AuditLine {
    /// The event's id.
    pub id: i32,
    /// When it happened (UTC).
    pub at: chrono::NaiveDateTime,
    /// What happened, in a sentence with names.
    pub sentence: String,
    /// The fields it changed: "status: in progress → final".
    pub changes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditWording {
    subjects: Wording,
    actions: Wording,
    fields: BTreeMap<String, String>,
}

#[expect(
    clippy::panic,
    reason = "the file is bundled and checked by a test: a bad one is a build defect"
)]
fn wording() -> &'static AuditWording {
    static WORDING: OnceLock<AuditWording> = OnceLock::new();
    WORDING.get_or_init(|| {
        toml_edit::de::from_str(include_str!("../../reports/audit.toml"))
            .unwrap_or_else(|e| panic!("reports/audit.toml is invalid: {e}"))
    })
}

/// Fields a change list leaves out: bookkeeping, not content.
const UNSHOWN: &[&str] = &[
    "id",
    "version",
    "created_at",
    "updated_at",
    "organisation_id",
    "question_id",
    "user_id",
    "assessor_id",
    "assessment_id",
];
/// Most changes listed for one event.
const MOST_CHANGES: usize = 8;
/// Longest value shown in a change.
const LONGEST_VALUE: usize = 80;

/// The records the events speak of, by kind, for [`RecordNames::of`]: each
/// event's own record, and the people named in its values.
pub fn records_named(events: &[AuditEvent]) -> HashMap<&'static str, Vec<i32>> {
    let mut ids: HashMap<&'static str, Vec<i32>> = HashMap::new();
    for event in events {
        if let Some(kind) = kind(&event.entity) {
            ids.entry(kind).or_default().push(event.entity_id);
        }
        if let Some(user) = member(event) {
            ids.entry("user").or_default().push(user);
        }
    }
    ids
}

fn kind(entity: &str) -> Option<&'static str> {
    [
        "assessment",
        "client",
        "user",
        "token",
        "programme",
        "project",
    ]
    .into_iter()
    .find(|k| *k == entity)
}

fn values(text: Option<&str>) -> Map<String, Value> {
    match text.map(serde_json::from_str::<Value>) {
        Some(Ok(Value::Object(map))) => map,
        _ => Map::new(),
    }
}

/// The person an event gives or takes access, or adds or removes as an assessor.
fn member(event: &AuditEvent) -> Option<i32> {
    [event.after_value.as_deref(), event.before_value.as_deref()]
        .into_iter()
        .find_map(|text| values(text).get("user_id").and_then(Value::as_i64))
        .and_then(|id| i32::try_from(id).ok())
}

/// The events as sentences; `actors` names the organisation's users.
pub fn lines(
    events: Vec<AuditEvent>,
    actors: &HashMap<i32, String>,
    names: &RecordNames,
) -> Vec<AuditLine> {
    events
        .into_iter()
        .map(|event| line(event, actors, names))
        .collect()
}

fn line(event: AuditEvent, actors: &HashMap<i32, String>, names: &RecordNames) -> AuditLine {
    let words = wording();
    let before = values(event.before_value.as_deref());
    let after = values(event.after_value.as_deref());
    let actor = event
        .actor_id
        .and_then(|id| actors.get(&id).cloned())
        .unwrap_or_else(|| words.subjects.text("someone").to_owned());
    let subject = subject(&event, names);
    let question = after
        .get("question_id")
        .or_else(|| before.get("question_id"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let member = member(&event)
        .and_then(|id| names.users.get(&id).cloned())
        .unwrap_or_else(|| words.subjects.text("nobody").to_owned());
    let key = match (
        event.action.as_str(),
        after.get("status").and_then(Value::as_str),
    ) {
        ("assessment.status", Some(status)) => format!("assessment.status.{status}"),
        (action, _) => action.to_owned(),
    };
    let key = if words.actions.has(&key) {
        key
    } else {
        "other".to_owned()
    };
    let sentence = words.actions.fill(
        &key,
        &[
            ("actor", &actor),
            ("action", &event.action),
            ("question", &question),
            ("member", &member),
            ("subject", &subject),
        ],
    );
    AuditLine {
        id: event.id,
        at: event.occurred_at,
        sentence,
        changes: changes(&before, &after),
    }
}

/// The record an event is about, in words.
fn subject(event: &AuditEvent, names: &RecordNames) -> String {
    let words = &wording().subjects;
    let id = event.entity_id;
    let found = match event.entity.as_str() {
        "assessment" => names.assessments.get(&id).map(|(client, date)| {
            let date = date.format("%-d %b %Y").to_string();
            words.fill("assessment", &[("client", client), ("date", &date)])
        }),
        "client" => names
            .clients
            .get(&id)
            .map(|name| words.fill("client", &[("name", name)])),
        "user" => names
            .users
            .get(&id)
            .map(|name| words.fill("user", &[("name", name)])),
        "token" => names
            .tokens
            .get(&id)
            .map(|name| words.fill("token", &[("name", name)])),
        "programme" => names
            .programmes
            .get(&id)
            .map(|(name, client)| words.fill("programme", &[("name", name), ("client", client)])),
        "project" => names
            .projects
            .get(&id)
            .map(|name| words.fill("project", &[("name", name)])),
        _ => None,
    };
    found.unwrap_or_else(|| words.fill("erased", &[("entity", &event.entity)]))
}

/// The fields whose values differ, as "field: before → after"; a nested
/// object (a score's answer) is compared field by field.
fn changes(before: &Map<String, Value>, after: &Map<String, Value>) -> Vec<String> {
    let flat = |map: &Map<String, Value>| -> BTreeMap<String, Value> {
        let mut out = BTreeMap::new();
        for (key, value) in map {
            match value {
                Value::Object(inner) => {
                    out.extend(inner.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
                other => {
                    out.insert(key.clone(), other.clone());
                }
            }
        }
        out
    };
    let (before, after) = (flat(before), flat(after));
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    let fields = &wording().fields;
    keys.into_iter()
        .filter(|key| !UNSHOWN.contains(&key.as_str()))
        .filter(|key| before.get(*key) != after.get(*key))
        .take(MOST_CHANGES)
        .map(|key| {
            let label = fields.get(key).map_or(key.replace('_', " "), Clone::clone);
            let shown = |v: Option<&Value>| shown(v);
            match (before.get(key), after.get(key)) {
                (None, value) => format!("{label}: {}", shown(value)),
                (value, None) => format!("{label}: {} → —", shown(value)),
                (old, new) => format!("{label}: {} → {}", shown(old), shown(new)),
            }
        })
        .collect()
}

/// A value as a change shows it: text without quotes, nothing as a dash,
/// long text cut short.
fn shown(value: Option<&Value>) -> String {
    let text = match value {
        None | Some(Value::Null) => "—".to_owned(),
        Some(Value::String(s)) => s.replace('_', " "),
        Some(other) => other.to_string(),
    };
    if text.chars().count() > LONGEST_VALUE {
        text.chars().take(LONGEST_VALUE).collect::<String>() + "…"
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(
        entity: &str,
        id: i32,
        action: &str,
        before: Option<&str>,
        after: Option<&str>,
    ) -> AuditEvent {
        AuditEvent {
            id: 1,
            organisation_id: 1,
            actor_id: Some(7),
            occurred_at: chrono::NaiveDate::from_ymd_opt(2026, 10, 23)
                .and_then(|d| d.and_hms_opt(9, 30, 0))
                .unwrap_or_default(),
            entity: entity.into(),
            entity_id: id,
            action: action.into(),
            before_value: before.map(str::to_owned),
            after_value: after.map(str::to_owned),
        }
    }

    fn names() -> RecordNames {
        let mut names = RecordNames::default();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 23).unwrap_or_default();
        names.assessments.insert(49, ("Harbour Bank".into(), date));
        names.users.insert(8, "Eva Executive".into());
        names.clients.insert(3, "Harbour Bank".into());
        names
    }

    #[test]
    fn a_finalisation_reads_as_a_sentence_with_its_change() {
        let actors = HashMap::from([(7, "Carla Consultant".to_owned())]);
        let lines = lines(
            vec![event(
                "assessment",
                49,
                "assessment.status",
                Some(r#"{"status":"in_progress","version":4}"#),
                Some(r#"{"status":"final","version":5}"#),
            )],
            &actors,
            &names(),
        );
        let [line] = lines.as_slice() else {
            panic!("one line: {lines:?}")
        };
        assert_eq!(
            line.sentence,
            "Carla Consultant finalised the Harbour Bank assessment of 23 Oct 2026"
        );
        assert_eq!(line.changes, ["status: in progress → final"]);
    }

    #[test]
    fn names_replace_ids_and_erased_records_say_so() {
        let actors = HashMap::new();
        let given = event(
            "client",
            3,
            "client.member_attached",
            None,
            Some(r#"{"user_id":8}"#),
        );
        let erased = event(
            "client",
            99,
            "client.update",
            Some(r#"{"name":"Old"}"#),
            Some(r#"{"name":"New"}"#),
        );
        let lines = lines(vec![given, erased], &actors, &names());
        assert_eq!(
            lines
                .iter()
                .map(|l| l.sentence.as_str())
                .collect::<Vec<_>>(),
            [
                "Someone gave Eva Executive access to the client Harbour Bank",
                "Someone changed the profile of an erased client"
            ]
        );
        assert_eq!(
            lines.last().map(|l| l.changes.clone()),
            Some(vec!["name: Old → New".to_owned()])
        );
    }

    #[test]
    fn every_action_the_code_records_has_a_sentence() {
        let prefixes = [
            "assessment.",
            "score.",
            "agreed.",
            "evidence.",
            "interview.",
            "client.",
            "programme.",
            "project.",
            "token.",
            "user.",
        ];
        let mut files = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/app"
        ))];
        let mut actions = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(
                    std::fs::read_dir(&path)
                        .expect("a folder")
                        .map(|e| e.expect("an entry").path()),
                );
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("a file");
            for literal in source.split('"').skip(1).step_by(2) {
                let word = |c: char| c.is_ascii_lowercase() || c == '_' || c == '.';
                if prefixes.iter().any(|p| literal.starts_with(p))
                    && literal.chars().all(word)
                    && literal.matches('.').count() == 1
                    && !literal.ends_with('.')
                {
                    actions.push(literal.to_owned());
                }
            }
        }
        assert!(actions.len() > 30, "{actions:?}");
        for action in actions {
            let keys = if action == "assessment.status" {
                vec![
                    "assessment.status.final",
                    "assessment.status.in_progress",
                    "assessment.status.draft",
                ]
                .into_iter()
                .map(str::to_owned)
                .collect()
            } else {
                vec![action.clone()]
            };
            for key in keys {
                assert!(
                    wording().actions.has(&key),
                    "reports/audit.toml has no sentence for `{key}`"
                );
            }
        }
    }
}
