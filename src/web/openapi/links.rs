//! Links between operations (OpenAPI 3 `links`): a record's id, from the
//! operation that creates or lists it, to the operations that take it. They
//! tell a client, and the stateful phase of the schemathesis run in CI, how
//! the API's calls chain. utoipa 5 writes a link's fields in snake case, so
//! the links are added to the served JSON, in OpenAPI's camel case.

use serde_json::{json, Map, Value};

/// One link: from an operation's answer (method, path, status) to the
/// operation that takes what it holds.
struct Link {
    from: (&'static str, &'static str, &'static str),
    name: &'static str,
    to: (&'static str, &'static str),
    /// Path parameters of `to` and where their values come from.
    parameters: &'static [(&'static str, &'static str)],
    /// Fields of `to`'s JSON body and where their values come from.
    body: &'static [(&'static str, &'static str)],
}

const NEW: &str = "$response.body#/id";
const SAME: &str = "$request.path.id";
/// A question of the bundled questionnaire (a constant, as links allow).
const FIRST_QUESTION: &str = "AP.1.1";

macro_rules! links {
    ($(($from:expr, $name:literal, $to:expr, [$($p:literal = $pv:expr),*], {$($b:literal = $bv:expr),*})),* $(,)?) => {
        &[$(Link { from: $from, name: $name, to: $to, parameters: &[$(($p, $pv)),*], body: &[$(($b, $bv)),*] }),*]
    };
}

const CLIENT_CREATED: (&str, &str, &str) = ("post", "/api/v1/clients", "201");
const ASSESSMENT_CREATED: (&str, &str, &str) = ("post", "/api/v1/assessments", "201");
const PROGRAMME_CREATED: (&str, &str, &str) = ("post", "/api/v1/programmes", "201");
const PROJECT_ADDED: (&str, &str, &str) = ("post", "/api/v1/programmes/{id}/projects", "201");
const USER_CREATED: (&str, &str, &str) = ("post", "/api/v1/users", "201");

const LINKS: &[Link] = links![
    (
        (
            "put",
            "/api/v1/assessments/{id}/agreed/{question_id}",
            "200"
        ),
        "ClearThisAgreed",
        ("delete", "/api/v1/assessments/{id}/agreed/{question_id}"),
        ["id" = SAME, "question_id" = "$request.path.question_id"],
        {}
    ),
    (
        CLIENT_CREATED,
        "GetClient",
        ("get", "/api/v1/clients/{id}"),
        ["id" = NEW],
        {}
    ),
    (
        CLIENT_CREATED,
        "ClientMembers",
        ("get", "/api/v1/clients/{id}/members"),
        ["id" = NEW],
        {}
    ),
    (
        CLIENT_CREATED,
        "AttachMember",
        ("post", "/api/v1/clients/{id}/members"),
        ["id" = NEW],
        {}
    ),
    (
        CLIENT_CREATED,
        "ExportClient",
        ("get", "/api/v1/clients/{id}/export.{format}"),
        ["id" = NEW],
        {}
    ),
    (
        CLIENT_CREATED,
        "EraseClient",
        ("delete", "/api/v1/clients/{id}"),
        ["id" = NEW],
        {}
    ),
    (
        CLIENT_CREATED,
        "AssessClient",
        ("post", "/api/v1/assessments"),
        [],
        { "client_id" = NEW }
    ),
    (
        CLIENT_CREATED,
        "PlanProgramme",
        ("post", "/api/v1/programmes"),
        [],
        { "client_id" = NEW }
    ),
    (
        ("post", "/api/v1/clients/{id}/members", "204"),
        "DetachMember",
        ("delete", "/api/v1/clients/{id}/members/{user_id}"),
        ["id" = SAME, "user_id" = "$request.body#/user_id"],
        {}
    ),
    (
        USER_CREATED,
        "GetUser",
        ("get", "/api/v1/users/{id}"),
        ["id" = NEW],
        {}
    ),
    (
        USER_CREATED,
        "UpdateUser",
        ("patch", "/api/v1/users/{id}"),
        ["id" = NEW],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "GetAssessment",
        ("get", "/api/v1/assessments/{id}"),
        ["id" = NEW],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "UpdateAssessment",
        ("patch", "/api/v1/assessments/{id}"),
        ["id" = NEW],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "AssessmentAudit",
        ("get", "/api/v1/assessments/{id}/audit"),
        ["id" = NEW],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "AddAssessor",
        ("post", "/api/v1/assessments/{id}/assessors"),
        ["id" = NEW],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "RemoveLead",
        ("delete", "/api/v1/assessments/{id}/assessors/{user_id}"),
        ["id" = NEW, "user_id" = "$response.body#/lead_assessor_id"],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "Scores",
        ("get", "/api/v1/assessments/{id}/scores"),
        ["id" = NEW],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "SaveScore",
        ("put", "/api/v1/assessments/{id}/scores/{question_id}"),
        ["id" = NEW, "question_id" = FIRST_QUESTION],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "Agree",
        ("put", "/api/v1/assessments/{id}/agreed/{question_id}"),
        ["id" = NEW, "question_id" = FIRST_QUESTION],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "ClearAgreed",
        ("delete", "/api/v1/assessments/{id}/agreed/{question_id}"),
        ["id" = NEW, "question_id" = FIRST_QUESTION],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "Results",
        ("get", "/api/v1/assessments/{id}/results"),
        ["id" = NEW],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "ExportScores",
        ("get", "/api/v1/assessments/{id}/scores.{format}"),
        ["id" = NEW],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "ExportResults",
        ("get", "/api/v1/assessments/{id}/results.{format}"),
        ["id" = NEW],
        {}
    ),
    (
        ASSESSMENT_CREATED,
        "Workbook",
        ("get", "/api/v1/assessments/{id}/workbook.xlsx"),
        ["id" = NEW],
        {}
    ),
    (
        PROGRAMME_CREATED,
        "GetProgramme",
        ("get", "/api/v1/programmes/{id}"),
        ["id" = NEW],
        {}
    ),
    (
        PROGRAMME_CREATED,
        "UpdateProgramme",
        ("patch", "/api/v1/programmes/{id}"),
        ["id" = NEW],
        {}
    ),
    (
        PROGRAMME_CREATED,
        "AddProject",
        ("post", "/api/v1/programmes/{id}/projects"),
        ["id" = NEW],
        {}
    ),
    (
        PROGRAMME_CREATED,
        "ExportProjects",
        ("get", "/api/v1/programmes/{id}/projects.{format}"),
        ["id" = NEW],
        {}
    ),
    (
        PROGRAMME_CREATED,
        "ExportMilestones",
        ("get", "/api/v1/programmes/{id}/milestones.{format}"),
        ["id" = NEW],
        {}
    ),
    (
        PROJECT_ADDED,
        "ReplaceProject",
        ("put", "/api/v1/programmes/{id}/projects/{project_id}"),
        ["id" = SAME, "project_id" = NEW],
        { "version" = "$response.body#/version" }
    ),
    (
        PROJECT_ADDED,
        "RemoveProject",
        ("delete", "/api/v1/programmes/{id}/projects/{project_id}"),
        ["id" = SAME, "project_id" = NEW],
        {}
    ),
    (
        ("post", "/api/v1/panels", "201"),
        "PutRanks",
        ("put", "/api/v1/panels/{id}/ranks"),
        ["id" = NEW],
        {}
    ),
];

/// An operation as a JSON pointer into the document (`~1` for `/`).
fn reference((method, path): (&str, &str)) -> String {
    format!(
        "#/paths/{}/{method}",
        path.replace('~', "~0").replace('/', "~1")
    )
}

fn pairs(pairs: &[(&str, &str)]) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(name, value)| ((*name).to_owned(), json!(value)))
        .collect()
}

/// Adds every link to the document's operations; a link whose source is not
/// in the document is left out (the tests check that none is).
pub fn add(document: &mut Value) {
    for link in LINKS {
        let (method, path, status) = link.from;
        let Some(response) = document
            .pointer_mut(&format!(
                "/paths/{}/{method}/responses/{status}",
                path.replace('~', "~0").replace('/', "~1")
            ))
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        let mut value = Map::new();
        value.insert("operationRef".into(), json!(reference(link.to)));
        if !link.parameters.is_empty() {
            value.insert("parameters".into(), Value::Object(pairs(link.parameters)));
        }
        if !link.body.is_empty() {
            value.insert("requestBody".into(), Value::Object(pairs(link.body)));
        }
        let links = response
            .entry("links")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(links) = links.as_object_mut() {
            links.insert(link.name.to_owned(), Value::Object(value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_joins_two_operations_of_the_document() {
        let document = super::super::served();
        for link in LINKS {
            let (method, path, status) = link.from;
            let here = format!("{method} {path} {status}");
            let source = format!(
                "/paths/{}/{method}/responses/{status}/links/{}",
                path.replace('/', "~1"),
                link.name
            );
            assert!(
                document.pointer(&source).is_some(),
                "{here}: no such response"
            );
            let target = reference(link.to);
            let target = target.trim_start_matches('#');
            let operation = document
                .pointer(target)
                .unwrap_or_else(|| panic!("{here} → {target}: no such operation"));
            for (name, _) in link.parameters {
                let takes = operation["parameters"]
                    .as_array()
                    .is_some_and(|ps| ps.iter().any(|p| p["name"] == *name));
                assert!(takes, "{here} → {target}: takes no parameter {name}");
            }
        }
    }

    #[test]
    fn every_operation_id_names_one_operation() {
        let document = super::super::served();
        let mut ids: Vec<&str> = document["paths"]
            .as_object()
            .expect("paths")
            .values()
            .flat_map(|item| item.as_object().into_iter().flat_map(|ops| ops.values()))
            .filter_map(|op| op["operationId"].as_str())
            .collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "{ids:?}");
        assert!(count >= 64, "{count} operations");
    }
}
