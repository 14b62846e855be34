//! Two waves compared: the JSON, the report in every format and edition,
//! the refusals (same assessment, not final, another client or scope), and
//! who may read a comparison: whoever may read both waves.

use crate::helpers::{Cred, TestApp};
use crate::on_both_backends;
use serde_json::{json, Value};

on_both_backends!(
    two_waves_compare_practice_by_practice_in_every_format,
    only_two_final_waves_of_one_client_and_scope_compare,
    whoever_reads_both_waves_reads_their_comparison_and_nobody_else,
);

/// A practice's answer: its id, (Intention, Reality) or N/A, and the note.
type Scored<'a> = (&'a str, Option<(i64, i64)>, &'a str);

/// Scores the mini questionnaire's three practices (`None` = N/A) with
/// notes, as `cred`, and finalises.
fn wave(
    app: &TestApp,
    cred: &Cred,
    (client, questionnaire): (i64, i64),
    date: &str,
    scores: [Scored<'_>; 3],
) -> i64 {
    let me = app.get("/api/v1/me", cred).expect(200)["user"]["id"].clone();
    let id = app
        .send(
            "POST",
            "/api/v1/assessments",
            cred,
            &json!({ "client_id": client, "questionnaire_id": questionnaire,
                     "assessment_date": date, "lead_assessor_id": me }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    for (question, score, note) in scores {
        let body = match score {
            Some((i, r)) => json!({ "intention": i, "reality": r, "evidence": note }),
            None => json!({ "not_applicable": true, "na_reason": note }),
        };
        app.send(
            "PUT",
            &format!("/api/v1/assessments/{id}/scores/{question}"),
            cred,
            &body,
        )
        .expect(200);
    }
    app.finalise(cred, id);
    id
}

fn practice<'a>(view: &'a Value, id: &str) -> &'a Value {
    view["practices"]
        .as_array()
        .and_then(|all| all.iter().find(|p| p["after_id"] == id))
        .unwrap_or_else(|| panic!("{id} is not in {view}"))
}

/// Two final waves of `client` a year apart; returns them and the questionnaire.
fn two_waves(app: &TestApp, cred: &Cred, client: i64) -> (i64, i64, i64) {
    let questionnaire = app.mini_questionnaire(cred);
    let ids = (client, questionnaire);
    let first = wave(
        app,
        cred,
        ids,
        "2025-03-12",
        [
            ("AP.1.1", Some((2, 2)), "Segments exist on paper only"),
            ("AP.1.2", Some((5, 5)), "Annual competitor review"),
            ("ME.1.1", Some((3, 4)), "Satisfaction surveyed yearly"),
        ],
    );
    let second = wave(
        app,
        cred,
        ids,
        "2026-03-10",
        [
            ("AP.1.1", Some((6, 5)), "Segments now drive the budget"),
            ("AP.1.2", Some((5, 5)), "Annual competitor review"),
            ("ME.1.1", None, "Measurement moved to the group"),
        ],
    );
    (first, second, questionnaire)
}

fn text(app: &TestApp, cred: &Cred, path: &str) -> String {
    let answer = app.get(path, cred);
    assert_eq!(answer.status, 200, "GET {path}: {}", answer.body);
    answer.body.as_str().unwrap_or_default().to_owned()
}

fn two_waves_compare_practice_by_practice_in_every_format(app: &TestApp) {
    let admin = app.admin();
    let client = app.client(&admin, "Harbour Bank");
    let (first, second, _) = two_waves(app, &admin, client);
    let targets = json!({ "targets": [
        { "node_id": "AP", "target": 50, "due_date": "2026-01-31" },
        { "node_id": "AP.1.1", "target": 90, "due_date": "2026-02-28" },
        { "node_id": "ME", "target": 80, "due_date": "2027-06-30" },
    ] });
    app.send(
        "PUT",
        &format!("/api/v1/assessments/{first}/targets"),
        &admin,
        &targets,
    )
    .expect(200);

    // Either order names the same earlier and later wave.
    for path in [
        format!("/api/v1/assessments/{second}/comparison/{first}"),
        format!("/api/v1/assessments/{first}/comparison/{second}"),
    ] {
        let view = app.get(&path, &admin).expect(200);
        assert_eq!(view["before"]["assessment_id"], first);
        assert_eq!(view["after"]["assessment_id"], second);
        assert_eq!(view["spans_versions"], false);
        assert_eq!(view["threshold_points"], 1.0);
        assert_eq!(
            view["counts"],
            json!({ "improved": 1, "regressed": 0, "mixed": 0, "unchanged": 1, "not_compared": 1 })
        );
        let moved = practice(&view, "AP.1.1");
        assert_eq!(moved["movement"], "improved");
        assert_eq!(moved["before"]["intention"], 2.0);
        assert_eq!(moved["after"]["reality"], 5.0);
        assert_eq!(practice(&view, "AP.1.2")["movement"], "unchanged");
        let na = practice(&view, "ME.1.1");
        assert_eq!(na["movement"], "not_compared");
        assert_eq!(na["reason"], "not_applicable_after");
        // AP: Intention (2·1 + 5·3)/4 = 4.25 of 10 → 42.5%; then (6 + 15)/4 → 52.5%.
        let ap = view["areas"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["id"] == "AP"))
            .expect("area AP");
        assert_eq!(ap["intention"]["before"], 42.5);
        assert_eq!(ap["intention"]["after"], 52.5);
        assert!(ap["sub_areas"][0]["combined"]["after"].is_number());
        // Measurement is N/A in the later wave: nothing to set against.
        let me = view["areas"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["id"] == "ME"))
            .expect("area ME");
        assert!(me["combined"]["after"].is_null() && me["combined"]["before"].is_number());
        // AP reached 52.5% (50 was the aim); AP.1.1 55% of 90 once due; ME N/A.
        let outcomes: Vec<(&str, &str)> = view["targets"]
            .as_array()
            .map(|t| {
                t.iter()
                    .filter_map(|x| Some((x["node_id"].as_str()?, x["outcome"].as_str()?)))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            outcomes,
            [("AP", "met"), ("AP.1.1", "missed"), ("ME", "no_score")]
        );
    }

    let base = format!("/api/v1/assessments/{second}/comparison/{first}");
    let html = text(app, &admin, &format!("{base}.html"));
    for expected in [
        "Wave-over-wave comparison",
        "Harbour Bank",
        "Segments exist on paper only",
        "Segments now drive the budget",
        "N/A in the later wave",
        "at least 1 point",
        "<svg",
        "Targets</h2>",
        "missed",
    ] {
        assert!(
            html.contains(expected),
            "`{expected}` missing from the HTML"
        );
    }
    // The client edition lists what moved, not the unchanged practice.
    assert!(
        !html.contains("Competitors"),
        "an unchanged practice is listed"
    );
    let working = text(app, &admin, &format!("{base}.html?edition=working"));
    assert!(working.contains("Competitors") && working.contains("Working edition"));
    assert!(
        working.contains("Admin: Segments now drive the budget")
            || working.contains(": Segments now drive the budget")
    );

    let pdf = app.get(&format!("{base}.pdf?paper=letter"), &admin);
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    let docx = app.get(&format!("{base}.docx"), &admin);
    assert_eq!(docx.status, 200);
    assert!(docx
        .header("content-disposition")
        .is_some_and(|d| d.contains("comparison") && d.contains(".docx")));

    let german = text(app, &admin, &format!("{base}.html?lang=de"));
    assert!(german.contains("<html lang=\"de\""));
    for english in [
        "Wave-over-wave comparison",
        "Every practice",
        "improved",
        "Sub-areas",
    ] {
        assert!(
            !german.contains(english),
            "`{english}` in the German comparison"
        );
    }
}

fn only_two_final_waves_of_one_client_and_scope_compare(app: &TestApp) {
    let admin = app.admin();
    let client = app.client(&admin, "Harbour Bank");
    let (first, second, questionnaire) = two_waves(app, &admin, client);
    app.get(
        &format!("/api/v1/assessments/{first}/comparison/{first}"),
        &admin,
    )
    .problem(422, "same_assessment");

    let draft = app.draft(&admin, client, questionnaire);
    app.get(
        &format!("/api/v1/assessments/{first}/comparison/{draft}"),
        &admin,
    )
    .problem(422, "not_final");

    let other = app.client(&admin, "Fjord Insurance");
    let elsewhere = app.draft(&admin, other, questionnaire);
    app.finalise_mini(&admin, elsewhere, (4, 4), "Seen");
    app.get(
        &format!("/api/v1/assessments/{first}/comparison/{elsewhere}.pdf"),
        &admin,
    )
    .problem(422, "different_clients");

    let me = app.get("/api/v1/me", &admin).expect(200)["user"]["id"].clone();
    let scoped = app
        .send(
            "POST",
            "/api/v1/assessments",
            &admin,
            &json!({ "client_id": client, "questionnaire_id": questionnaire,
                     "assessment_date": "2026-06-01", "lead_assessor_id": me,
                     "scope": { "business_unit": "Retail" } }),
        )
        .expect(201)["id"]
        .as_i64()
        .expect("id");
    app.finalise_mini(&admin, scoped, (4, 4), "Seen");
    app.get(
        &format!("/api/v1/assessments/{second}/comparison/{scoped}"),
        &admin,
    )
    .problem(422, "different_scopes");

    app.get(
        &format!("/api/v1/assessments/{first}/comparison/999999"),
        &admin,
    )
    .problem(404, "not_found");
    app.get(
        &format!("/api/v1/assessments/{first}/comparison/abc"),
        &admin,
    )
    .problem(400, "bad_path");
}

fn whoever_reads_both_waves_reads_their_comparison_and_nobody_else(app: &TestApp) {
    let admin = app.admin();
    let client = app.client(&admin, "Harbour Bank");
    let (first, second, _) = two_waves(app, &admin, client);
    let path = format!("/api/v1/assessments/{second}/comparison/{first}");

    let (exec_id, exec) = app.user(&admin, "ceo@harbour.test", "executive");
    let (_, outsider) = app.user(&admin, "ceo@fjord.test", "executive");
    let (manager_id, manager) = app.user(&admin, "pm@harbour.test", "programme_manager");
    let (_, consultant) = app.user(&admin, "cons@a.test", "consultant");
    for member in [exec_id, manager_id] {
        app.send(
            "POST",
            &format!("/api/v1/clients/{client}/members"),
            &admin,
            &json!({ "user_id": member }),
        )
        .expect(204);
    }
    for reader in [&admin, &consultant, &exec, &manager] {
        app.get(&path, reader).expect(200);
        app.get(&format!("{path}.html"), reader).expect(200);
    }
    // The working edition is the consultancy's.
    for reader in [&exec, &manager] {
        app.get(&format!("{path}.pdf?edition=working"), reader)
            .problem(403, "role_not_allowed");
    }
    app.get(&format!("{path}.pdf?edition=working"), &consultant)
        .expect(200);
    // Not a member of the client, or another organisation: as if absent.
    app.get(&path, &outsider).problem(404, "not_found");
    let stranger = app.other_organisation("admin@elsewhere.test");
    app.get(&path, &stranger).problem(404, "not_found");
    app.get(&format!("{path}.docx"), &stranger)
        .problem(404, "not_found");
}
