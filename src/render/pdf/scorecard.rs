//! The scorecard as a PDF: summary and radar (page 1), areas (page 2), then
//! the detail pages.

use super::layout::{Column, Paper, Writer, INK, MARGIN, MUTED};
use super::{finish, Info, PdfError};
use crate::render::chart;
use crate::render::font::Weight;
use crate::render::scorecard::{self as shared, pct as percent};
use crate::report::{Branding, Scorecard};

/// Renders the scorecard; `created` stamps the document information.
pub fn scorecard(
    card: &Scorecard,
    branding: &Branding,
    paper: Paper,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, PdfError> {
    let mut w = Writer::new(paper, branding);
    w.marking = branding.marking(&card.meta.client);
    w.cover(&crate::render::cover::scorecard(card));
    summary_page(&mut w, card)?;
    w.new_page();
    areas_page(&mut w, card)?;
    w.new_page();
    detail_pages(&mut w, card);
    let footer = branding.footer_line(&card.meta.organisation, &shared::footer(card));
    let laid = w.finish(&footer);
    finish(
        laid,
        &Info {
            title: card.meta.title.clone(),
            author: card.meta.organisation.clone(),
            subject: format!(
                "Customer management assessment of {} on {}",
                card.meta.client, card.meta.assessment_date
            ),
            created,
            family: branding.family,
        },
    )
}

fn summary_page(w: &mut Writer, card: &Scorecard) -> Result<(), PdfError> {
    let m = &card.meta;
    w.masthead(
        "CUSTOMER MANAGEMENT SCORECARD",
        &m.client,
        22.0,
        &[
            format!(
                "{} · {} · assessed {} · {}",
                m.sector,
                m.scope,
                m.assessment_date.format("%-d %B %Y"),
                m.status
            ),
            format!(
                "Assessors: {} (lead: {})",
                m.assessors.join(", "),
                m.lead_assessor
            ),
        ],
    );
    if let Some(note) = shared::working_note(card) {
        w.paragraph(&note, 8.5, Weight::Bold, w.primary, 0.0);
    }
    w.space(10.0);

    // The headline box: the overall score and where it stands.
    let s = &card.summary;
    let top = w.y;
    let height = if s.sector.is_some() { 92.0 } else { 78.0 };
    w.rect(MARGIN, top, w.width(), height, w.band);
    w.text_at(
        MARGIN + 12.0,
        top + 40.0,
        30.0,
        Weight::Bold,
        w.primary,
        &percent(s.overall),
    );
    w.text_at(
        MARGIN + 12.0,
        top + 56.0,
        8.5,
        Weight::Regular,
        MUTED,
        "of best practice overall",
    );
    let x = MARGIN + 120.0;
    w.text_at(
        x,
        top + 20.0,
        9.5,
        Weight::Bold,
        INK,
        &format!(
            "Intention {} · Reality {}",
            percent(s.intention),
            percent(s.reality)
        ),
    );
    let mut line_y = top + 36.0;
    for standing in std::iter::once(&s.portfolio).chain(s.sector.as_ref()) {
        let face = w.face(Weight::Regular);
        for part in super::layout::wrap(&standing.sentence, 8.5, face, w.width() - 132.0) {
            w.text_at(x, line_y, 8.5, Weight::Regular, INK, &part);
            line_y += 12.0;
        }
    }
    w.text_at(
        x,
        top + height - 10.0,
        8.0,
        Weight::Regular,
        MUTED,
        &format!("{} of {} questions answered", s.answered, s.questions),
    );
    w.y = top + height + 12.0;

    w.heading("The eight areas against the portfolio", 11.0);
    let left = (w.width() - chart::RADAR.0) / 2.0;
    w.chart(left, chart::RADAR, |area, p| {
        chart::radar(area, p, &card.radar).map_err(|e| e.to_string())
    })?;

    w.heading("Strengths", 11.0);
    if card.strengths.is_empty() {
        w.body("No area is above the portfolio median yet.");
    }
    for f in &card.strengths {
        w.body(&format!("•  {}", f.sentence));
    }
    w.heading("Priorities: what to do first", 11.0);
    if card.priorities.is_empty() {
        w.body("Every area is at or above the portfolio's top quartile.");
    }
    for (i, f) in card.priorities.iter().enumerate() {
        w.body(&format!("{}.  {}", i + 1, f.sentence));
    }
    w.space(3.0);
    w.paragraph(&card.priority_rule, 7.5, Weight::Regular, MUTED, 0.0);
    Ok(())
}

fn areas_page(w: &mut Writer, card: &Scorecard) -> Result<(), PdfError> {
    w.heading("Areas: Intention and Reality against the portfolio", 13.0);
    w.chart(0.0, chart::BARS, |area, p| {
        chart::area_bars(area, p, &card.areas).map_err(|e| e.to_string())
    })?;
    let columns = [
        Column {
            title: "Area",
            width: 165.0,
            right: false,
        },
        Column {
            title: "Score",
            width: 50.0,
            right: true,
        },
        Column {
            title: "Intention",
            width: 55.0,
            right: true,
        },
        Column {
            title: "Reality",
            width: 50.0,
            right: true,
        },
        Column {
            title: "Median",
            width: 50.0,
            right: true,
        },
        Column {
            title: "Top quartile",
            width: 70.0,
            right: true,
        },
        Column {
            title: "Change",
            width: 55.0,
            right: true,
        },
    ];
    w.table(&columns, &shared::area_rows(card), 8.5);
    if card.trend.len() >= 2 {
        w.heading("Progress over the assessments", 11.0);
        let names: Vec<String> = card.radar.iter().map(|a| a.name.clone()).collect();
        w.chart(0.0, chart::TREND, |area, p| {
            chart::trend(area, p, &card.trend, &names).map_err(|e| e.to_string())
        })?;
    } else {
        w.space(6.0);
        w.paragraph("This is the first final assessment of this client and scope; changes appear from the next one.", 8.5, Weight::Regular, MUTED, 0.0);
    }
    Ok(())
}

fn detail_pages(w: &mut Writer, card: &Scorecard) {
    w.heading("Area details", 13.0);
    for area in &card.details {
        w.heading(&format!("{}: {}", area.name, percent(area.combined)), 11.0);
        let columns = [
            Column {
                title: "Sub-area",
                width: 330.0,
                right: false,
            },
            Column {
                title: "Score",
                width: 55.0,
                right: true,
            },
            Column {
                title: "Intention",
                width: 55.0,
                right: true,
            },
            Column {
                title: "Reality",
                width: 55.0,
                right: true,
            },
        ];
        w.table(&columns, &shared::sub_area_rows(area), 8.0);
        if !area.lowest.is_empty() {
            w.paragraph("Lowest-scoring practices", 8.5, Weight::Bold, INK, 0.0);
        }
        for q in &area.lowest {
            w.paragraph(
                &format!("{}  {}", q.id, shared::practice_line(q)),
                8.5,
                Weight::Regular,
                INK,
                8.0,
            );
            for note in &q.evidence {
                w.aside(&format!("Evidence — {note}"));
            }
        }
    }
    evidence_base(w, &card.evidence_base);
    w.heading("Where the assessors disagreed", 11.0);
    if let Some(note) = shared::disagreement_note(card) {
        w.small(&note);
    }
    for d in &card.disagreements {
        let agreed = if d.agreed {
            " — agreed score set by the lead"
        } else {
            ""
        };
        w.item(&format!("{}  {}{agreed}", d.id, d.practice));
        w.aside(&d.answers.join(" · "));
    }
    w.heading("Not applicable", 11.0);
    if card.not_applicable.is_empty() {
        w.small("Every question applied to this client.");
    }
    for n in &card.not_applicable {
        w.item(&format!("{}  {}", n.id, n.practice));
        w.aside(&n.reasons.join(" · "));
    }
}

/// The interviews held and the documents reviewed, with counts per area.
fn evidence_base(w: &mut Writer, base: &crate::report::EvidenceBase) {
    w.heading("Evidence base", 11.0);
    if base.interviews.is_empty() {
        w.small("No interview is recorded in cmas for this assessment.");
    } else {
        w.item(&format!("{} interviews held", base.interviews.len()));
        for i in &base.interviews {
            let name = i.name.as_ref().map_or(String::new(), |n| format!("{n}, "));
            w.aside(&format!("{name}{} ({})", i.job_title, i.function));
        }
    }
    w.item(&format!("{} documents and links reviewed", base.documents));
    for area in &base.per_area {
        w.aside(&format!(
            "{}: {} interviews, {} documents",
            area.name, area.interviews, area.documents
        ));
    }
}
