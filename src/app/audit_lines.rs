//! The audit trail in plain language: each recorded event as a sentence
//! ("Carla Consultant finalised the Harbour Bank assessment of 23 Oct
//! 2026") and its changed fields as a short before → after list, in the
//! reader's language. The words are the `audit-*` messages of
//! `reports/i18n/*/audit.ftl`; the names come from `db::audit_names`.

use crate::db::audit::AuditEvent;
use crate::db::audit_names::RecordNames;
use crate::domain::i18n::{words, Arg, Language, Words};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

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

/// The message of an action: its code with "." as "-".
fn action_id(code: &str) -> String {
    format!("audit-action-{}", code.replace('.', "-"))
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
    language: Language,
) -> Vec<AuditLine> {
    let w = words(language);
    events
        .into_iter()
        .map(|event| line(w, event, actors, names))
        .collect()
}

fn line(
    w: &Words,
    event: AuditEvent,
    actors: &HashMap<i32, String>,
    names: &RecordNames,
) -> AuditLine {
    let before = values(event.before_value.as_deref());
    let after = values(event.after_value.as_deref());
    let actor = event
        .actor_id
        .and_then(|id| actors.get(&id).cloned())
        .unwrap_or_else(|| w.get("audit-subject-someone"));
    let subject = subject(w, &event, names);
    let question = after
        .get("question_id")
        .or_else(|| before.get("question_id"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let member = member(&event)
        .and_then(|id| names.users.get(&id).cloned())
        .unwrap_or_else(|| w.get("audit-subject-nobody"));
    let key = match (
        event.action.as_str(),
        after.get("status").and_then(Value::as_str),
    ) {
        ("assessment.status", Some(status)) => format!("assessment.status.{status}"),
        (action, _) => action.to_owned(),
    };
    let id = Some(action_id(&key))
        .filter(|id| w.has(id))
        .unwrap_or_else(|| action_id("other"));
    let sentence = w.fill(
        &id,
        &[
            ("actor", Arg::from(&actor)),
            ("action", Arg::from(&event.action)),
            ("question", Arg::from(&question)),
            ("member", Arg::from(&member)),
            ("subject", Arg::from(&subject)),
        ],
    );
    AuditLine {
        id: event.id,
        at: event.occurred_at,
        sentence,
        changes: changes(w, &before, &after),
    }
}

/// The record an event is about, in words.
fn subject(w: &Words, event: &AuditEvent, names: &RecordNames) -> String {
    let id = event.entity_id;
    let named = |kind: &str, name: &String| {
        w.fill(
            &format!("audit-subject-{kind}"),
            &[("name", Arg::from(name))],
        )
    };
    let found = match event.entity.as_str() {
        "assessment" => names.assessments.get(&id).map(|(client, date)| {
            w.fill(
                "audit-subject-assessment",
                &[
                    ("client", Arg::from(client)),
                    ("date", w.short_date(*date).into()),
                ],
            )
        }),
        "client" => names.clients.get(&id).map(|name| named("client", name)),
        "user" => names.users.get(&id).map(|name| named("user", name)),
        "token" => names.tokens.get(&id).map(|name| named("token", name)),
        "programme" => names.programmes.get(&id).map(|(name, client)| {
            w.fill(
                "audit-subject-programme",
                &[("name", Arg::from(name)), ("client", Arg::from(client))],
            )
        }),
        "project" => names.projects.get(&id).map(|name| named("project", name)),
        _ => None,
    };
    found.unwrap_or_else(|| {
        w.fill(
            "audit-subject-erased",
            &[("entity", Arg::from(&event.entity))],
        )
    })
}

/// The fields whose values differ, as "field: before → after"; a nested
/// object (a score's answer) is compared field by field.
fn changes(w: &Words, before: &Map<String, Value>, after: &Map<String, Value>) -> Vec<String> {
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
    keys.into_iter()
        .filter(|key| !UNSHOWN.contains(&key.as_str()))
        .filter(|key| before.get(*key) != after.get(*key))
        .take(MOST_CHANGES)
        .map(|key| {
            let id = format!("audit-field-{key}");
            let label = if w.has(&id) {
                w.get(&id)
            } else {
                key.replace('_', " ")
            };
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
            Language::En,
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
        let lines = lines(vec![given, erased], &actors, &names(), Language::En);
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
                for language in Language::ALL {
                    assert!(
                        words(language).has(&action_id(&key)),
                        "the {language} audit catalogue has no sentence for `{key}`"
                    );
                }
            }
        }
    }
}
