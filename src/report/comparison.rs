//! The wave-over-wave report: two final assessments of the same client and
//! scope side by side, built from `domain::comparison`, with the practices'
//! words and the evidence notes of both waves for those that moved most.

use super::build::AnswerNote;
use super::model::Edition;
use crate::domain::comparison::{
    AreaWaves, DimensionChange, Link, Movement, NotCompared, PracticeStanding, WaveComparison,
    MOVED_POINTS,
};
use crate::domain::i18n::{words, Arg, Language, Words};
use crate::domain::plans::TargetOutcome;
use crate::domain::questionnaire::Questionnaire;
use serde::Serialize;

/// How many practices the report shows with their evidence notes.
pub const MOVED_MOST: usize = 5;

/// One wave: when it was assessed and on which questionnaire version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Wave {
    /// The assessment's id.
    pub id: i32,
    /// The day it is dated.
    pub date: chrono::NaiveDate,
    /// The questionnaire's title and version, e.g. "Customer management 1.1.0".
    pub questionnaire: String,
}

/// Who and what the two waves are about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WavesMeta {
    /// "Harbour Bank: wave 2025 against wave 2026".
    pub title: String,
    /// The client's name.
    pub client: String,
    /// The client's sector.
    pub sector: String,
    /// The scope both waves share, in words.
    pub scope: String,
    /// The consultancy's name.
    pub organisation: String,
    /// The earlier wave.
    pub before: Wave,
    /// The later wave.
    pub after: Wave,
    /// The day the report was made.
    pub generated_on: chrono::NaiveDate,
}

/// One practice's line: its words, both waves and the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PracticeLine {
    /// The later wave's id, or the earlier's ids when retired ("3.2.1").
    pub id: String,
    /// The practice as the later version words it (the earlier when retired).
    pub practice: String,
    /// Its area's name.
    pub area: String,
    /// How it is linked to the earlier wave's practices.
    pub link: Link,
    /// The earlier wave (the mean of the parts when merged).
    pub before: PracticeStanding,
    /// The later wave.
    pub after: PracticeStanding,
    /// Improved, regressed, mixed, unchanged or not compared.
    pub movement: Movement,
    /// The verdict in words: "improved", "N/A in the earlier wave", ….
    pub verdict: String,
}

/// A practice that moved, with what the assessors wrote in each wave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MovedPractice {
    /// The practice and how it moved.
    #[serde(flatten)]
    pub line: PracticeLine,
    /// The earlier wave's evidence notes.
    pub notes_before: Vec<String>,
    /// The later wave's evidence notes.
    pub notes_after: Vec<String>,
}

/// A target in force at the earlier wave, and what the later wave made of it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TargetResult {
    /// The area's or practice's id.
    pub node_id: String,
    /// Its name (a practice with its id).
    pub name: String,
    /// The combined score aimed for, %.
    pub target: f64,
    /// By when.
    pub due_date: chrono::NaiveDate,
    /// The combined score in the earlier wave, %.
    pub before: Option<f64>,
    /// The combined score in the later wave, %.
    pub after: Option<f64>,
    /// Met, missed, not yet due, or no score in the later wave.
    pub outcome: TargetOutcome,
}

/// How many practices moved each way.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Counts {
    pub improved: usize,
    pub regressed: usize,
    pub mixed: usize,
    pub unchanged: usize,
    pub not_compared: usize,
}

/// The wave-over-wave report, in the order a reader meets it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveReport {
    /// Client or working edition.
    pub edition: Edition,
    /// The language of its words.
    pub language: Language,
    /// Who and when.
    pub meta: WavesMeta,
    /// The overall result, one sentence: "Overall 46% → 58% (+12 points)".
    pub summary: String,
    /// The practice counts in one sentence.
    pub counted: String,
    /// The threshold rule in words, stated in every format.
    pub rule: String,
    /// Said when the waves used different questionnaire versions.
    pub versions_note: Option<String>,
    /// The overall result in both waves.
    pub overall: DimensionChange,
    /// Every area with its sub-areas.
    pub areas: Vec<AreaWaves>,
    /// How many practices moved each way.
    pub counts: Counts,
    /// The practices that moved furthest, with both waves' notes.
    pub moved_most: Vec<MovedPractice>,
    /// The practice lines: every practice in the working edition; those that
    /// moved or are not compared in the client edition.
    pub practices: Vec<PracticeLine>,
    /// The targets in force at the earlier wave, met or missed by the later.
    pub targets: Vec<TargetResult>,
}

/// What the report is built from.
pub struct WavesInput<'a> {
    /// Client or working edition.
    pub edition: Edition,
    /// The report's language.
    pub language: Language,
    /// Who and when; the title is filled in here.
    pub meta: WavesMeta,
    /// The earlier wave's questionnaire, in the report's language.
    pub before: &'a Questionnaire,
    /// The later wave's questionnaire, in the report's language.
    pub after: &'a Questionnaire,
    /// The comparison itself.
    pub comparison: WaveComparison,
    /// The targets in force at the earlier wave and their outcomes.
    pub targets: Vec<TargetResult>,
    /// Practices were paired by the later version's practice map (else by id).
    pub mapped: bool,
    /// The earlier wave's answers, for their evidence notes.
    pub notes_before: &'a [AnswerNote],
    /// The later wave's answers.
    pub notes_after: &'a [AnswerNote],
}

/// Builds the report (pure).
pub fn build(input: WavesInput<'_>) -> WaveReport {
    let w = words(input.language);
    let working = input.edition.is_working();
    let c = &input.comparison;
    let lines: Vec<PracticeLine> = c
        .practices
        .iter()
        .map(|p| {
            let (questionnaire, id) = match &p.after_id {
                Some(id) => (input.after, id.clone()),
                None => (input.before, p.before_ids.join(" + ")),
            };
            let first = p.after_id.as_ref().or(p.before_ids.first());
            let (area, practice) = first
                .and_then(|id| place(questionnaire, id))
                .unwrap_or_default();
            PracticeLine {
                id,
                practice,
                area,
                link: p.link,
                before: p.before,
                after: p.after,
                movement: p.movement,
                verdict: verdict(w, p.movement, p.reason),
            }
        })
        .collect();
    let moved_most = c
        .moved_most(MOVED_MOST)
        .into_iter()
        .filter_map(|p| {
            let line = lines
                .iter()
                .find(|l| l.link == p.link && Some(&l.id) == p.after_id.as_ref())?;
            Some(MovedPractice {
                line: line.clone(),
                notes_before: notes(input.notes_before, &p.before_ids, working),
                notes_after: notes(input.notes_after, p.after_id.as_slice(), working),
            })
        })
        .collect();
    let counts = Counts {
        improved: c.count(Movement::Improved),
        regressed: c.count(Movement::Regressed),
        mixed: c.count(Movement::Mixed),
        unchanged: c.count(Movement::Unchanged),
        not_compared: c.count(Movement::NotCompared),
    };
    let practices = lines
        .into_iter()
        .filter(|l| working || l.movement != Movement::Unchanged)
        .collect();
    let spans = input.before.version != input.after.version;
    let mut meta = input.meta;
    meta.title = w.fill(
        "compare-document-title",
        &[
            ("client", Arg::from(&meta.client)),
            ("before", w.short_date(meta.before.date).into()),
            ("after", w.short_date(meta.after.date).into()),
        ],
    );
    WaveReport {
        edition: input.edition,
        language: input.language,
        summary: summary(w, &c.overall),
        counted: counted(w, &counts),
        rule: w.fill(
            "compare-rule",
            &[("points", Arg::Count(MOVED_POINTS as usize))],
        ),
        versions_note: spans.then(|| {
            w.fill(
                if input.mapped {
                    "compare-spans-versions"
                } else {
                    "compare-spans-versions-by-id"
                },
                &[
                    ("before", Arg::from(&meta.before.questionnaire)),
                    ("after", Arg::from(&meta.after.questionnaire)),
                ],
            )
        }),
        meta,
        overall: c.overall,
        areas: c.areas.clone(),
        counts,
        moved_most,
        practices,
        targets: input.targets,
    }
}

/// A practice's area name and words in a questionnaire.
fn place(q: &Questionnaire, id: &str) -> Option<(String, String)> {
    q.areas.iter().find_map(|a| {
        a.sub_areas
            .iter()
            .flat_map(|s| &s.questions)
            .find(|x| x.id == id)
            .map(|x| (a.name.clone(), x.practice.clone()))
    })
}

fn verdict(w: &Words, movement: Movement, reason: Option<NotCompared>) -> String {
    let id = match (movement, reason) {
        (Movement::Improved, _) => "compare-improved",
        (Movement::Regressed, _) => "compare-regressed",
        (Movement::Mixed, _) => "compare-mixed",
        (Movement::Unchanged, _) => "compare-unchanged",
        (Movement::NotCompared, Some(NotCompared::NotApplicableBefore)) => "compare-na-before",
        (Movement::NotCompared, Some(NotCompared::NotApplicableAfter)) => "compare-na-after",
        (Movement::NotCompared, Some(NotCompared::NotApplicableBoth)) => "compare-na-both",
        (Movement::NotCompared, Some(NotCompared::NoEarlierCounterpart)) => "compare-new",
        (Movement::NotCompared, Some(NotCompared::NoLaterCounterpart)) => "compare-retired",
        (Movement::NotCompared, _) => "compare-unanswered",
    };
    w.get(id)
}

/// The evidence notes written on these practices: with who wrote them in
/// the working edition, the words alone (each once) in the client's.
fn notes(all: &[AnswerNote], ids: &[String], working: bool) -> Vec<String> {
    let mut found: Vec<String> = all
        .iter()
        .filter(|n| ids.contains(&n.question_id))
        .filter_map(|n| {
            let text = n
                .evidence
                .as_deref()
                .map(str::trim)
                .filter(|e| !e.is_empty())?;
            Some(if working {
                format!("{}: {text}", n.by)
            } else {
                text.to_owned()
            })
        })
        .collect();
    if !working {
        found.sort();
        found.dedup();
    }
    found
}

fn summary(w: &Words, overall: &DimensionChange) -> String {
    let c = overall.combined;
    match (c.before, c.after) {
        (Some(before), Some(after)) => w.fill(
            "compare-summary",
            &[
                ("before", w.percent(before).into()),
                ("after", w.percent(after).into()),
                ("change", w.change(Some(after - before)).into()),
            ],
        ),
        _ => w.get("compare-summary-missing"),
    }
}

fn counted(w: &Words, c: &Counts) -> String {
    let n = Arg::Count;
    w.fill(
        "compare-counted",
        &[
            ("improved", n(c.improved)),
            ("regressed", n(c.regressed)),
            ("mixed", n(c.mixed)),
            ("unchanged", n(c.unchanged)),
            ("not_compared", n(c.not_compared)),
        ],
    )
}
