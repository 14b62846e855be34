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
    let figures = figures::scorecard(card, &Palette::of(branding))
        .map_err(|e| DocxError::Chart(e.to_string()))?;
    let footer = branding.footer_line(
        &m.organisation,
        &format!(
            "{} · {} · generated {}",
            m.client, m.questionnaire_version, m.generated_on
        ),
    );
    let mut w = Writer::new(branding, branding.marking(&m.client), &footer);
    w.opening(
        &cover::scorecard(card),
        &[format!(
            "{} · {} · assessed {} · {}",
            m.sector,
            m.scope,
            m.assessment_date.format("%-d %B %Y"),
            m.status
        )],
    )?;
    w.text(&format!(
        "Assessors: {} (lead: {})",
        m.assessors.join(", "),
        m.lead_assessor
    ));
    if let Some(note) = shared::working_note(card) {
        w.note(&note);
    }
    summary(&mut w, card, &figures)?;
    areas(&mut w, card, &figures)?;
    details(&mut w, card);
    w.finish(&Info {
        title: m.title.clone(),
        author: m.organisation.clone(),
        subject: format!(
            "Customer management assessment of {} on {}",
            m.client, m.assessment_date
        ),
        created,
    })
}

fn summary(
    w: &mut Writer,
    card: &Scorecard,
    figures: &figures::ScorecardFigures,
) -> Result<(), DocxError> {
    let s = &card.summary;
    w.heading(1, "Summary");
    w.text(&format!(
        "{} of best practice overall: Intention {} · Reality {}.",
        pct(s.overall),
        pct(s.intention),
        pct(s.reality)
    ));
    for standing in std::iter::once(&s.portfolio).chain(s.sector.as_ref()) {
        w.text(&standing.sentence);
    }
    w.note(&format!(
        "{} of {} questions answered.",
        s.answered, s.questions
    ));
    w.heading(2, "The eight areas against the portfolio");
    w.figure(&figures.radar)?;
    let rows: Vec<Vec<String>> = card
        .radar
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                pct(a.client),
                pct(a.median),
                pct(a.top_quartile),
            ]
        })
        .collect();
    w.table(
        &[
            ("Area", false),
            ("Client", true),
            ("Portfolio median", true),
            ("Top quartile", true),
        ],
        &rows,
    );
    w.heading(2, "Strengths");
    if card.strengths.is_empty() {
        w.text("No area is above the portfolio median yet.");
    }
    for f in &card.strengths {
        w.item("•", &f.sentence);
    }
    w.heading(2, "Priorities: what to do first");
    if card.priorities.is_empty() {
        w.text("Every area is at or above the portfolio's top quartile.");
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
    w.page_break();
    w.heading(1, "Areas: Intention and Reality against the portfolio");
    w.figure(&figures.bars)?;
    let rows = shared::area_rows(card);
    w.table(
        &[
            ("Area", false),
            ("Score", true),
            ("Intention", true),
            ("Reality", true),
            ("Median", true),
            ("Top quartile", true),
            ("Change", true),
        ],
        &rows,
    );
    match &figures.trend {
        Some(trend) => {
            w.heading(2, "Progress over the assessments");
            w.figure(trend)?;
            let mut columns = vec![("Date", false), ("Overall", true)];
            columns.extend(card.radar.iter().map(|a| (a.name.as_str(), true)));
            let rows: Vec<Vec<String>> = card
                .trend
                .iter()
                .map(|p| {
                    std::iter::once(p.date.format("%b %Y").to_string())
                        .chain(std::iter::once(pct(p.overall)))
                        .chain(p.areas.iter().map(|v| pct(*v)))
                        .collect()
                })
                .collect();
            w.table(&columns, &rows);
        }
        None => w.note("This is the first final assessment of this client and scope; changes appear from the next one."),
    }
    Ok(())
}

fn details(w: &mut Writer, card: &Scorecard) {
    w.page_break();
    w.heading(1, "Area details");
    for area in &card.details {
        w.heading(2, &format!("{}: {}", area.name, pct(area.combined)));
        let rows = shared::sub_area_rows(area);
        w.table(
            &[
                ("Sub-area", false),
                ("Score", true),
                ("Intention", true),
                ("Reality", true),
            ],
            &rows,
        );
        if !area.lowest.is_empty() {
            w.heading(3, "Lowest-scoring practices");
        }
        for q in &area.lowest {
            w.item(&q.id, &shared::practice_line(q));
            for note in &q.evidence {
                w.note(&format!("Evidence — {note}"));
            }
        }
    }
    evidence(w, card);
}

fn evidence(w: &mut Writer, card: &Scorecard) {
    let base = &card.evidence_base;
    w.heading(2, "Evidence base");
    w.text(&format!(
        "{} interviews held; {} documents and links reviewed.",
        base.interviews.len(),
        base.documents
    ));
    for i in &base.interviews {
        let name = i.name.as_ref().map_or(String::new(), |n| format!("{n}, "));
        w.item("•", &format!("{name}{} ({})", i.job_title, i.function));
    }
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
    w.table(
        &[("Area", false), ("Interviews", true), ("Documents", true)],
        &rows,
    );
    w.heading(2, "Where the assessors disagreed");
    if let Some(note) = shared::disagreement_note(card) {
        w.text(&note);
    }
    for d in &card.disagreements {
        let agreed = if d.agreed {
            " — agreed score set by the lead"
        } else {
            ""
        };
        w.item(&d.id, &format!("{}{agreed}", d.practice));
        w.note(&d.answers.join(" · "));
    }
    w.heading(2, "Not applicable");
    if card.not_applicable.is_empty() {
        w.text("Every question applied to this client.");
    }
    for n in &card.not_applicable {
        w.item(&n.id, &n.practice);
        w.note(&n.reasons.join(" · "));
    }
}
