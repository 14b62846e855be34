//! What the PDF and the Word scorecard both print: the rows of its tables
//! and the sentences that depend on the edition.

use crate::report::{AreaDetail, QuestionNote, Scorecard};

/// A percentage as the scorecard prints it.
pub fn pct(value: f64) -> String {
    format!("{value:.0}%")
}

/// The areas table: score, Intention, Reality, median, top quartile, change.
pub fn area_rows(card: &Scorecard) -> Vec<Vec<String>> {
    card.areas
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                pct(a.combined),
                pct(a.intention),
                pct(a.reality),
                pct(a.median),
                pct(a.top_quartile),
                a.delta.map_or("–".to_owned(), |d| format!("{d:+.0}")),
            ]
        })
        .collect()
}

/// An area's sub-areas: score, Intention and Reality, "n/a" where unscored.
pub fn sub_area_rows(area: &AreaDetail) -> Vec<Vec<String>> {
    let shown = |v: Option<f64>| v.map_or_else(|| "n/a".to_owned(), pct);
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
pub fn practice_line(q: &QuestionNote) -> String {
    format!(
        "{} ({}; Intention {}, Reality {})",
        q.practice,
        pct(q.combined),
        pct(q.intention),
        pct(q.reality)
    )
}

/// What the disagreements section says before its list, if anything: that
/// there were none, or (the client's edition) how many there were.
pub fn disagreement_note(card: &Scorecard) -> Option<String> {
    if card.disagreement_count == 0 {
        Some("On every question the assessors differed by less than 3 points.".to_owned())
    } else if !card.edition.is_working() {
        Some(format!("The assessors differed by 3 points or more on {} of the questions; each was discussed before the scores became final.", card.disagreement_count))
    } else {
        None
    }
}

/// The line under the masthead in the working edition.
pub fn working_note(card: &Scorecard) -> Option<String> {
    card.edition.is_working().then(|| {
        format!(
            "Working edition for {}: every assessor's answers and notes. The client gets the client edition.",
            card.meta.organisation
        )
    })
}

/// The footer's report part: client, questionnaire and date.
pub fn footer(card: &Scorecard) -> String {
    let m = &card.meta;
    format!(
        "{} · {} · generated {}",
        m.client, m.questionnaire_version, m.generated_on
    )
}
