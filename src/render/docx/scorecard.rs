//! The scorecard as a Word document: the same sections as the PDF, each
//! chart followed by its data as a table.

use super::{DocxError, Info, Writer};
use crate::render::chart::Palette;
use crate::render::scorecard::{self as shared, pct};
use crate::render::{cover, figures};
use crate::report::{Branding, Scorecard};

/// Renders the scorecard; `created` stamps the document's properties.
pub fn scorecard(
    card: &Scorecard,
    branding: &Branding,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, DocxError> {
    let m = &card.meta;
    let figures = figures::scorecard(card, &Palette::of(branding, card.language))
        .map_err(|e| DocxError::Chart(e.to_string()))?;
    let footer = branding.footer_line(&m.organisation, &shared::footer(card));
    let mut w = Writer::new(
        branding,
        shared::words_of(card),
        branding.marking(&m.client),
        &footer,
    );
    let [line, team] = shared::masthead(card);
    w.opening(&cover::scorecard(card), &[line])?;
    w.text(&team);
    if let Some(note) = shared::working_note(card) {
        w.note(&note);
    }
    summary(&mut w, card, &figures)?;
    areas(&mut w, card, &figures)?;
    details(&mut w, card);
    actions(&mut w, card);
    w.finish(&Info {
        title: m.title.clone(),
        author: m.organisation.clone(),
        subject: shared::subject(card),
        created,
    })
}

fn summary(
    w: &mut Writer,
    card: &Scorecard,
    figures: &figures::ScorecardFigures,
) -> Result<(), DocxError> {
    let (s, t) = (&card.summary, shared::words_of(card));
    w.heading(1, &t.get("scorecard-summary"));
    w.text(&format!(
        "{} {}: {}.",
        pct(t, s.overall),
        t.get("scorecard-of-best-practice"),
        shared::intention_reality(card)
    ));
    for standing in std::iter::once(&s.portfolio).chain(s.sector.as_ref()) {
        w.text(&standing.sentence);
    }
    w.note(&shared::answered(card));
    w.heading(2, &t.get("scorecard-heading-radar"));
    w.figure(&figures.radar)?;
    let rows: Vec<Vec<String>> = card
        .radar
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                pct(t, a.client),
                pct(t, a.median),
                pct(t, a.top_quartile),
            ]
        })
        .collect();
    w.table_of(
        t,
        &[
            "column-area",
            "column-client",
            "chart-portfolio-median",
            "column-top-quartile",
        ],
        &rows,
    );
    w.heading(2, &t.get("scorecard-heading-strengths"));
    if card.strengths.is_empty() {
        w.text(&t.get("scorecard-no-strengths"));
    }
    for f in &card.strengths {
        w.item("•", &f.sentence);
    }
    w.heading(2, &t.get("scorecard-heading-priorities"));
    if card.priorities.is_empty() {
        w.text(&t.get("scorecard-no-priorities"));
    }
    for (i, f) in card.priorities.iter().enumerate() {
        w.item(&format!("{}.", i + 1), &f.sentence);
    }
    w.note(&card.priority_rule);
    Ok(())
}

fn areas(
    w: &mut Writer,
    card: &Scorecard,
    figures: &figures::ScorecardFigures,
) -> Result<(), DocxError> {
    let t = shared::words_of(card);
    w.page_break();
    w.heading(1, &t.get("scorecard-heading-areas"));
    w.figure(&figures.bars)?;
    w.table_of(t, &shared::area_columns(card), &shared::area_rows(card));
    if let Some(note) = shared::targets_note(card) {
        w.note(&note);
    }
    if !card.practice_targets.is_empty() {
        w.heading(2, &t.get("scorecard-heading-practice-targets"));
        w.table_of(
            t,
            &shared::PRACTICE_TARGET_COLUMNS,
            &shared::practice_target_rows(card),
        );
    }
    match &figures.trend {
        Some(trend) => {
            w.heading(2, &t.get("scorecard-heading-trend"));
            w.figure(trend)?;
            let mut columns = vec![
                (t.get("column-date"), false),
                (t.get("column-overall"), true),
            ];
            columns.extend(card.radar.iter().map(|a| (a.name.clone(), true)));
            let rows: Vec<Vec<String>> = card
                .trend
                .iter()
                .map(|p| {
                    std::iter::once(t.month_year(p.date))
                        .chain(std::iter::once(pct(t, p.overall)))
                        .chain(p.areas.iter().map(|v| pct(t, *v)))
                        .collect()
                })
                .collect();
            w.table(&columns, &rows);
        }
        None => w.note(&t.get("scorecard-first-assessment")),
    }
    Ok(())
}

/// The last page: the actions agreed on the assessment's priorities.
fn actions(w: &mut Writer, card: &Scorecard) {
    let t = shared::words_of(card);
    w.page_break();
    w.heading(1, &t.get("scorecard-heading-actions"));
    if card.actions.is_empty() {
        w.note(&t.get("scorecard-no-actions"));
        return;
    }
    let columns: Vec<(String, bool)> = shared::ACTION_COLUMNS
        .iter()
        .map(|id| (t.get(id), false))
        .collect();
    w.table(&columns, &shared::action_rows(t, &card.actions));
}

fn details(w: &mut Writer, card: &Scorecard) {
    let t = shared::words_of(card);
    w.page_break();
    w.heading(1, &t.get("scorecard-heading-details"));
    for area in &card.details {
        w.heading(2, &format!("{}: {}", area.name, pct(t, area.combined)));
        w.table_of(
            t,
            &shared::SUB_AREA_COLUMNS,
            &shared::sub_area_rows(t, area),
        );
        if !area.lowest.is_empty() {
            w.heading(3, &t.get("scorecard-heading-lowest"));
        }
        for q in &area.lowest {
            w.item(&q.id, &shared::practice_line(t, q));
            for note in &q.evidence {
                w.note(&t.fill("scorecard-evidence", &[("note", note.into())]));
            }
        }
    }
    evidence(w, card);
}

fn evidence(w: &mut Writer, card: &Scorecard) {
    let (base, t) = (&card.evidence_base, shared::words_of(card));
    w.heading(2, &t.get("scorecard-heading-evidence-base"));
    w.text(&t.fill(
        "scorecard-interviews-held",
        &[("count", base.interviews.len().into())],
    ));
    for i in &base.interviews {
        let name = i.name.as_ref().map_or(String::new(), |n| format!("{n}, "));
        w.item("•", &format!("{name}{} ({})", i.job_title, i.function));
    }
    w.text(&t.fill(
        "scorecard-documents-reviewed",
        &[("count", base.documents.into())],
    ));
    let rows: Vec<Vec<String>> = base
        .per_area
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                a.interviews.to_string(),
                a.documents.to_string(),
            ]
        })
        .collect();
    w.table_of(
        t,
        &["column-area", "column-interviews", "column-documents"],
        &rows,
    );
    w.heading(2, &t.get("scorecard-heading-disagreements"));
    if let Some(note) = shared::disagreement_note(card) {
        w.text(&note);
    }
    for d in &card.disagreements {
        let agreed = if d.agreed {
            format!(" — {}", t.get("scorecard-agreed-by-lead"))
        } else {
            String::new()
        };
        w.item(&d.id, &format!("{}{agreed}", d.practice));
        w.note(&d.answers.join(" · "));
    }
    w.heading(2, &t.get("scorecard-heading-not-applicable"));
    if card.not_applicable.is_empty() {
        w.text(&t.get("scorecard-all-applicable"));
    }
    for n in &card.not_applicable {
        w.item(&n.id, &n.practice);
        w.note(&n.reasons.join(" · "));
    }
}
