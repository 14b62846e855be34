//! What the PDF and the Word scorecard both print: the rows of its tables,
//! the lines of its masthead and the sentences that depend on the edition,
//! in the scorecard's language.

use crate::domain::i18n::{words, Arg, Words};
use crate::report::{ActionLine, AreaDetail, Edition, QuestionNote, Scorecard};

/// The words of the scorecard's language.
pub fn words_of(card: &Scorecard) -> &'static Words {
    words(card.language)
}

/// A percentage as the scorecard prints it: "61%".
pub fn pct(w: &Words, value: f64) -> String {
    w.percent(value)
}

/// The headings of the areas table, in its order.
pub const AREA_COLUMNS: [&str; 7] = [
    "column-area",
    "column-score",
    "column-intention",
    "column-reality",
    "column-median",
    "column-top-quartile",
    "column-change",
];

/// The headings of a sub-area table, in its order.
pub const SUB_AREA_COLUMNS: [&str; 4] = [
    "column-sub-area",
    "column-score",
    "column-intention",
    "column-reality",
];

/// The areas table's headings: with the target and the way to it when
/// the client and scope set targets.
pub fn area_columns(card: &Scorecard) -> Vec<&'static str> {
    let mut ids = AREA_COLUMNS.to_vec();
    if card.targets_version.is_some() {
        ids.extend(["column-target", "column-to-target"]);
    }
    ids
}

/// The areas table: score, Intention, Reality, median, top quartile,
/// change, and with targets the target and the points still to gain.
pub fn area_rows(card: &Scorecard) -> Vec<Vec<String>> {
    let w = words_of(card);
    card.areas
        .iter()
        .map(|a| {
            let mut row = vec![
                a.name.clone(),
                pct(w, a.combined),
                pct(w, a.intention),
                pct(w, a.reality),
                pct(w, a.median),
                pct(w, a.top_quartile),
                w.change(a.delta),
            ];
            if card.targets_version.is_some() {
                row.push(a.target.map_or_else(|| "–".to_owned(), |t| pct(w, t)));
                row.push(
                    a.target
                        .map_or_else(|| "–".to_owned(), |t| to_target(w, a.combined, t)),
                );
            }
            row
        })
        .collect()
}

/// What the target columns mean and which version they show; none without targets.
pub fn targets_note(card: &Scorecard) -> Option<String> {
    card.targets_version.map(|v| {
        words_of(card).fill(
            "scorecard-targets-note",
            &[("version", v.to_string().into())],
        )
    })
}

/// The points still to gain to reach `target`, or "met".
pub fn to_target(w: &Words, now: f64, target: f64) -> String {
    if now.round() >= target.round() {
        w.get("scorecard-target-met")
    } else {
        w.change(Some(target.round() - now.round()))
    }
}

/// The headings of the practice targets table.
pub const PRACTICE_TARGET_COLUMNS: [&str; 5] = [
    "compare-column-practice",
    "column-score",
    "column-target",
    "column-to-target",
    "column-due",
];

/// The practice targets table.
pub fn practice_target_rows(card: &Scorecard) -> Vec<Vec<String>> {
    let w = words_of(card);
    card.practice_targets
        .iter()
        .map(|t| {
            vec![
                format!("{} {}", t.id, t.practice),
                t.current
                    .map_or_else(|| w.get("report-not-available"), |c| pct(w, c)),
                pct(w, t.target),
                t.current
                    .map_or_else(|| "–".to_owned(), |c| to_target(w, c, t.target)),
                w.short_date(t.due),
            ]
        })
        .collect()
}

/// The headings of the agreed actions table.
pub const ACTION_COLUMNS: [&str; 5] = [
    "column-action",
    "column-owner",
    "column-due",
    "column-status",
    "column-project",
];

/// The agreed actions table: what, who, by when, where it stands (flagged
/// when overdue) and the project that carries it.
pub fn action_rows(w: &Words, actions: &[ActionLine]) -> Vec<Vec<String>> {
    actions
        .iter()
        .map(|a| {
            let status = w.get(&format!("action-status-{}", a.status.as_str()));
            vec![
                format!("{} ({})", a.title, a.addresses),
                a.owner.clone(),
                a.due.map_or_else(|| "–".to_owned(), |d| w.short_date(d)),
                if a.overdue {
                    w.fill("action-overdue", &[("status", status.into())])
                } else {
                    status
                },
                a.project.clone().unwrap_or_else(|| "–".to_owned()),
            ]
        })
        .collect()
}

/// An area's sub-areas: score, Intention and Reality, "n/a" where unscored.
pub fn sub_area_rows(w: &Words, area: &AreaDetail) -> Vec<Vec<String>> {
    let shown = |v: Option<f64>| v.map_or_else(|| w.get("report-not-available"), |v| pct(w, v));
    area.sub_areas
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                shown(s.combined),
                shown(s.intention),
                shown(s.reality),
            ]
        })
        .collect()
}

/// A low-scoring practice with its scores.
pub fn practice_line(w: &Words, q: &QuestionNote) -> String {
    let scores = w.fill(
        "scorecard-practice-scores",
        &[
            ("score", pct(w, q.combined).into()),
            ("intention", pct(w, q.intention).into()),
            ("reality", pct(w, q.reality).into()),
        ],
    );
    format!("{} ({scores})", q.practice)
}

/// The lines under the client's name: sector, scope, date and status; the
/// assessment team.
pub fn masthead(card: &Scorecard) -> [String; 2] {
    let (m, w) = (&card.meta, words_of(card));
    let assessed = w.fill(
        "scorecard-assessed-lower",
        &[("date", w.date(m.assessment_date).into())],
    );
    [
        format!("{} · {} · {assessed} · {}", m.sector, m.scope, m.status),
        assessors(card),
    ]
}

/// "Assessors: A, B (lead: A)".
pub fn assessors(card: &Scorecard) -> String {
    let (m, w) = (&card.meta, words_of(card));
    w.fill(
        "scorecard-assessors",
        &[
            (
                "assessors",
                m.assessors.join(&w.get("report-list-separator")).into(),
            ),
            ("lead", Arg::from(&m.lead_assessor)),
        ],
    )
}

/// The document's subject: whose assessment, of when.
pub fn subject(card: &Scorecard) -> String {
    let (m, w) = (&card.meta, words_of(card));
    w.fill(
        "scorecard-title",
        &[
            ("client", Arg::from(&m.client)),
            ("date", w.date(m.assessment_date).into()),
        ],
    )
}

/// "Intention 48% · Reality 41%".
pub fn intention_reality(card: &Scorecard) -> String {
    let (s, w) = (&card.summary, words_of(card));
    w.fill(
        "scorecard-intention-reality",
        &[
            ("intention", pct(w, s.intention).into()),
            ("reality", pct(w, s.reality).into()),
        ],
    )
}

/// "96 of 96 questions answered".
pub fn answered(card: &Scorecard) -> String {
    let (s, w) = (&card.summary, words_of(card));
    w.fill(
        "scorecard-answered",
        &[
            ("answered", w.whole(s.answered as f64).into()),
            ("questions", w.whole(s.questions as f64).into()),
        ],
    )
}

/// What the disagreements section says before its list, if anything: that
/// there were none, or (the client's edition) how many there were.
pub fn disagreement_note(card: &Scorecard) -> Option<String> {
    let w = words_of(card);
    if card.disagreement_count == 0 {
        Some(w.get("scorecard-no-disagreements"))
    } else if !card.edition.is_working() {
        Some(w.fill(
            "scorecard-disagreements",
            &[("count", card.disagreement_count.into())],
        ))
    } else {
        None
    }
}

/// The line under the masthead in the working edition.
pub fn working_note(card: &Scorecard) -> Option<String> {
    working_line(words_of(card), card.edition, &card.meta.organisation)
}

/// The working edition's line for `organisation`; none in the client edition.
pub fn working_line(w: &Words, edition: Edition, organisation: &str) -> Option<String> {
    edition.is_working().then(|| {
        w.fill(
            "report-working-edition",
            &[("organisation", Arg::from(organisation))],
        )
    })
}

/// The footer's report part: client, questionnaire and date.
pub fn footer(card: &Scorecard) -> String {
    let (m, w) = (&card.meta, words_of(card));
    let generated = w.fill(
        "report-generated",
        &[("date", w.date(m.generated_on).into())],
    );
    format!("{} · {} · {generated}", m.client, m.questionnaire_version)
}

/// The target and action tables as the HTML scorecard lays them out:
/// headings and rows, in the scorecard's language.
pub fn plans(card: &Scorecard) -> serde_json::Value {
    let w = words_of(card);
    let titles = |ids: &[&str]| -> Vec<String> { ids.iter().map(|id| w.get(id)).collect() };
    serde_json::json!({
        "area_columns": titles(&area_columns(card)),
        "areas": area_rows(card),
        "targets_note": targets_note(card),
        "practice_columns": titles(&PRACTICE_TARGET_COLUMNS),
        "practices": practice_target_rows(card),
        "action_columns": titles(&ACTION_COLUMNS),
        "actions": action_rows(w, &card.actions),
    })
}
