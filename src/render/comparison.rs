//! What the PDF, the Word and the HTML comparison all print: the rows of
//! its tables, its masthead and footer lines, in the report's language.

use crate::domain::comparison::{Change, DimensionChange, Link, NodeChange, PracticeStanding};
use crate::domain::i18n::{words, Arg, Words};
use crate::domain::plans::TargetOutcome;
use crate::render::chart::WaveRow;
use crate::report::comparison::{MovedPractice, PracticeLine, WaveReport};

/// The words of the report's language.
pub fn words_of(report: &WaveReport) -> &'static Words {
    words(report.language)
}

/// The headings of the areas table.
pub const AREA_COLUMNS: [&str; 5] = [
    "column-area",
    "column-intention",
    "column-reality",
    "column-score",
    "column-change",
];

/// The headings of the sub-areas table.
pub const SUB_AREA_COLUMNS: [&str; 5] = [
    "column-sub-area",
    "column-intention",
    "column-reality",
    "column-score",
    "column-change",
];

/// The headings of the practices table; the match column only when the
/// waves span questionnaire versions.
pub fn practice_columns(report: &WaveReport) -> Vec<&'static str> {
    let mut ids = vec![
        "compare-column-practice",
        "column-area",
        "compare-column-before",
        "compare-column-after",
        "compare-column-verdict",
    ];
    if report.versions_note.is_some() {
        ids.push("compare-column-link");
    }
    ids
}

/// "46% → 58%", with "n/a" for a side without a value.
fn both(w: &Words, c: Change) -> String {
    let side = |v: Option<f64>| v.map_or_else(|| w.get("report-not-available"), |v| w.percent(v));
    format!("{} → {}", side(c.before), side(c.after))
}

fn node_row(w: &Words, name: String, c: &DimensionChange) -> Vec<String> {
    vec![
        name,
        both(w, c.intention),
        both(w, c.reality),
        both(w, c.combined),
        w.change(c.combined.delta()),
    ]
}

/// The areas table, the overall result first.
pub fn area_rows(report: &WaveReport) -> Vec<Vec<String>> {
    let w = words_of(report);
    std::iter::once(node_row(w, w.get("column-overall"), &report.overall))
        .chain(
            report
                .areas
                .iter()
                .map(|a| node_row(w, a.area.name.clone(), &a.area.change)),
        )
        .collect()
}

/// The sub-areas table: "Area › Sub-area" rows.
pub fn sub_area_rows(report: &WaveReport) -> Vec<Vec<String>> {
    let w = words_of(report);
    report
        .areas
        .iter()
        .flat_map(|a| {
            a.sub_areas.iter().map(|s: &NodeChange| {
                node_row(w, format!("{} › {}", a.area.name, s.name), &s.change)
            })
        })
        .collect()
}

/// A wave's standing in points: "3.5 / 2.0", "N/A" or "–".
pub fn standing(w: &Words, s: &PracticeStanding) -> String {
    if s.not_applicable {
        return w.get("compare-na");
    }
    match (s.intention, s.reality) {
        (Some(i), Some(r)) => format!("{} / {}", w.number(i, 1), w.number(r, 1)),
        _ => "–".to_owned(),
    }
}

/// How a practice is matched, in words.
pub fn link(w: &Words, link: Link) -> String {
    w.get(match link {
        Link::Kept => "compare-link-kept",
        Link::Renamed => "compare-link-renamed",
        Link::Merged => "compare-link-merged",
        Link::Split => "compare-link-split",
        Link::New => "compare-link-new",
        Link::Retired => "compare-link-retired",
    })
}

/// The practices table.
pub fn practice_rows(report: &WaveReport) -> Vec<Vec<String>> {
    let w = words_of(report);
    let spans = report.versions_note.is_some();
    report
        .practices
        .iter()
        .map(|p| {
            let mut row = vec![
                format!("{} {}", p.id, p.practice),
                p.area.clone(),
                standing(w, &p.before),
                standing(w, &p.after),
                p.verdict.clone(),
            ];
            if spans {
                row.push(link(w, p.link));
            }
            row
        })
        .collect()
}

/// A moved practice's title: "3.2.1 Complaints are analysed monthly".
pub fn moved_title(m: &MovedPractice) -> String {
    format!("{} {}", m.line.id, m.line.practice)
}

/// How a moved practice moved, in one line.
pub fn moved_line(w: &Words, p: &PracticeLine) -> String {
    let points = |v: Option<f64>| v.map_or("–".to_owned(), |v| w.number(v, 1));
    w.fill(
        "compare-moved-line",
        &[
            ("area", Arg::from(&p.area)),
            ("verdict", Arg::from(&p.verdict)),
            ("intention_before", points(p.before.intention).into()),
            ("intention_after", points(p.after.intention).into()),
            ("reality_before", points(p.before.reality).into()),
            ("reality_after", points(p.after.reality).into()),
        ],
    )
}

/// Each wave's label for its notes ("Evidence, 12 March 2025") with the
/// notes, "No evidence note." when there are none.
pub fn notes(report: &WaveReport, m: &MovedPractice) -> [(String, Vec<String>); 2] {
    let w = words_of(report);
    let side = |date, notes: &Vec<String>| {
        let label = w.fill("compare-notes-of", &[("date", w.date(date).into())]);
        let lines = if notes.is_empty() {
            vec![w.get("compare-no-notes")]
        } else {
            notes.clone()
        };
        (label, lines)
    };
    [
        side(report.meta.before.date, &m.notes_before),
        side(report.meta.after.date, &m.notes_after),
    ]
}

/// The masthead's lines: scope, the two waves and their questionnaires.
pub fn masthead(report: &WaveReport) -> [String; 2] {
    let (w, m) = (words_of(report), &report.meta);
    [
        format!("{} · {}", m.sector, m.scope),
        w.fill(
            "compare-waves",
            &[
                ("before", w.date(m.before.date).into()),
                ("before_version", Arg::from(&m.before.questionnaire)),
                ("after", w.date(m.after.date).into()),
                ("after_version", Arg::from(&m.after.questionnaire)),
            ],
        ),
    ]
}

/// The footer line.
pub fn footer(report: &WaveReport) -> String {
    let (w, m) = (words_of(report), &report.meta);
    w.fill(
        "compare-footer",
        &[
            ("client", Arg::from(&m.client)),
            ("before", w.short_date(m.before.date).into()),
            ("after", w.short_date(m.after.date).into()),
        ],
    )
}

/// The document's subject.
pub fn subject(report: &WaveReport) -> String {
    let (w, m) = (words_of(report), &report.meta);
    w.fill(
        "compare-subject",
        &[
            ("client", Arg::from(&m.client)),
            ("scope", Arg::from(&m.scope)),
        ],
    )
}

/// The working edition's line, none in the client edition.
pub fn working_note(report: &WaveReport) -> Option<String> {
    super::scorecard::working_line(words_of(report), report.edition, &report.meta.organisation)
}

/// The chart's rows: each area's combined score in both waves.
pub fn chart_rows(report: &WaveReport) -> Vec<WaveRow> {
    report
        .areas
        .iter()
        .map(|a| WaveRow {
            name: a.area.name.clone(),
            before: a.area.change.combined.before,
            after: a.area.change.combined.after,
        })
        .collect()
}

/// The heading of the practices table for the edition.
pub fn practices_heading(report: &WaveReport) -> &'static str {
    if report.edition.is_working() {
        "compare-heading-practices"
    } else {
        "compare-heading-practices-client"
    }
}

/// The headings of the targets table.
pub const TARGET_COLUMNS: [&str; 6] = [
    "compare-column-node",
    "column-target",
    "column-due",
    "compare-column-earlier",
    "compare-column-later",
    "compare-column-outcome",
];

/// The targets table: each target in force at the earlier wave with both
/// waves' scores and whether the later one met it.
pub fn target_rows(report: &WaveReport) -> Vec<Vec<String>> {
    let w = words_of(report);
    let side = |v: Option<f64>| v.map_or_else(|| w.get("report-not-available"), |v| w.percent(v));
    report
        .targets
        .iter()
        .map(|t| {
            let outcome = match t.outcome {
                TargetOutcome::Met => "target-outcome-met",
                TargetOutcome::Missed => "target-outcome-missed",
                TargetOutcome::NotYetDue => "target-outcome-not-yet-due",
                TargetOutcome::NoScore => "target-outcome-no-score",
            };
            vec![
                t.name.clone(),
                w.percent(t.target),
                w.short_date(t.due_date),
                side(t.before),
                side(t.after),
                w.get(outcome),
            ]
        })
        .collect()
}
