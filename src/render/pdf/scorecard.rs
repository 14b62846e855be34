//! The scorecard as a PDF: summary and radar (page 1), areas (page 2), then
//! the detail pages.

use super::layout::{columns, Paper, Writer, INK, MARGIN, MUTED};
use super::{finish, Info, PdfError};
use crate::domain::i18n::Words;
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
    let mut w = Writer::new(paper, branding, card.language);
    w.marking = branding.marking(&card.meta.client);
    w.cover(&crate::render::cover::scorecard(card));
    summary_page(&mut w, card)?;
    w.new_page();
    areas_page(&mut w, card)?;
    w.new_page();
    detail_pages(&mut w, card);
    w.new_page();
    actions_page(&mut w, card);
    let footer = branding.footer_line(&card.meta.organisation, &shared::footer(card));
    let laid = w.finish(&footer);
    finish(
        laid,
        &Info {
            title: card.meta.title.clone(),
            author: card.meta.organisation.clone(),
            subject: shared::subject(card),
            created,
            family: branding.family,
        },
    )
}

fn summary_page(w: &mut Writer, card: &Scorecard) -> Result<(), PdfError> {
    let t = shared::words_of(card);
    w.masthead(
        &t.get("scorecard-kicker"),
        &card.meta.client,
        22.0,
        &shared::masthead(card),
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
        &percent(t, s.overall),
    );
    w.text_at(
        MARGIN + 12.0,
        top + 56.0,
        8.5,
        Weight::Regular,
        MUTED,
        &t.get("scorecard-of-best-practice"),
    );
    let x = MARGIN + 120.0;
    w.text_at(
        x,
        top + 20.0,
        9.5,
        Weight::Bold,
        INK,
        &shared::intention_reality(card),
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
        &shared::answered(card),
    );
    w.y = top + height + 12.0;

    w.heading(&t.get("scorecard-heading-radar"), 11.0);
    let left = (w.width() - chart::RADAR.0) / 2.0;
    w.chart(left, chart::RADAR, |area, p| {
        chart::radar(area, p, &card.radar).map_err(|e| e.to_string())
    })?;

    w.heading(&t.get("scorecard-heading-strengths"), 11.0);
    if card.strengths.is_empty() {
        w.body(&t.get("scorecard-no-strengths"));
    }
    for f in &card.strengths {
        w.body(&format!("•  {}", f.sentence));
    }
    w.heading(&t.get("scorecard-heading-priorities"), 11.0);
    if card.priorities.is_empty() {
        w.body(&t.get("scorecard-no-priorities"));
    }
    for (i, f) in card.priorities.iter().enumerate() {
        w.body(&format!("{}.  {}", i + 1, f.sentence));
    }
    w.space(3.0);
    w.paragraph(&card.priority_rule, 7.5, Weight::Regular, MUTED, 0.0);
    Ok(())
}

fn areas_page(w: &mut Writer, card: &Scorecard) -> Result<(), PdfError> {
    let t = shared::words_of(card);
    w.heading(&t.get("scorecard-heading-areas"), 13.0);
    w.chart(0.0, chart::BARS, |area, p| {
        chart::area_bars(area, p, &card.areas).map_err(|e| e.to_string())
    })?;
    let ids = shared::area_columns(card);
    let widths: &[f32] = if card.targets_version.is_some() {
        &[123.0, 42.0, 48.0, 42.0, 42.0, 55.0, 42.0, 42.0, 59.0]
    } else {
        &[165.0, 50.0, 55.0, 50.0, 50.0, 70.0, 55.0]
    };
    w.table(&columns(t, &ids, widths), &shared::area_rows(card), 8.5);
    if let Some(note) = shared::targets_note(card) {
        w.paragraph(&note, 7.5, Weight::Regular, MUTED, 0.0);
    }
    if !card.practice_targets.is_empty() {
        w.heading(&t.get("scorecard-heading-practice-targets"), 11.0);
        let widths = [255.0, 50.0, 50.0, 60.0, 80.0];
        let cols = columns(t, &shared::PRACTICE_TARGET_COLUMNS, &widths);
        w.table(&cols, &shared::practice_target_rows(card), 8.0);
    }
    if card.trend.len() >= 2 {
        w.ensure(chart::TREND.1 + 30.0);
        w.heading(&t.get("scorecard-heading-trend"), 11.0);
        let names: Vec<String> = card.radar.iter().map(|a| a.name.clone()).collect();
        w.chart(0.0, chart::TREND, |area, p| {
            chart::trend(area, p, &card.trend, &names).map_err(|e| e.to_string())
        })?;
    } else {
        w.space(6.0);
        w.paragraph(
            &t.get("scorecard-first-assessment"),
            8.5,
            Weight::Regular,
            MUTED,
            0.0,
        );
    }
    Ok(())
}

/// The last page: the actions agreed on the assessment's priorities.
fn actions_page(w: &mut Writer, card: &Scorecard) {
    let t = shared::words_of(card);
    w.heading(&t.get("scorecard-heading-actions"), 13.0);
    if card.actions.is_empty() {
        w.small(&t.get("scorecard-no-actions"));
        return;
    }
    let mut cols = columns(t, &shared::ACTION_COLUMNS, &[205.0, 90.0, 55.0, 70.0, 75.0]);
    for c in cols.iter_mut() {
        c.right = false;
    }
    w.table(&cols, &shared::action_rows(t, &card.actions), 8.0);
}

fn detail_pages(w: &mut Writer, card: &Scorecard) {
    let t = shared::words_of(card);
    w.heading(&t.get("scorecard-heading-details"), 13.0);
    let columns = columns(t, &shared::SUB_AREA_COLUMNS, &[330.0, 55.0, 55.0, 55.0]);
    for area in &card.details {
        w.heading(
            &format!("{}: {}", area.name, percent(t, area.combined)),
            11.0,
        );
        w.table(&columns, &shared::sub_area_rows(t, area), 8.0);
        if !area.lowest.is_empty() {
            w.paragraph(
                &t.get("scorecard-heading-lowest"),
                8.5,
                Weight::Bold,
                INK,
                0.0,
            );
        }
        for q in &area.lowest {
            w.paragraph(
                &format!("{}  {}", q.id, shared::practice_line(t, q)),
                8.5,
                Weight::Regular,
                INK,
                8.0,
            );
            for note in &q.evidence {
                w.aside(&t.fill("scorecard-evidence", &[("note", note.into())]));
            }
        }
    }
    evidence_base(w, t, &card.evidence_base);
    w.heading(&t.get("scorecard-heading-disagreements"), 11.0);
    if let Some(note) = shared::disagreement_note(card) {
        w.small(&note);
    }
    for d in &card.disagreements {
        let agreed = if d.agreed {
            format!(" — {}", t.get("scorecard-agreed-by-lead"))
        } else {
            String::new()
        };
        w.item(&format!("{}  {}{agreed}", d.id, d.practice));
        w.aside(&d.answers.join(" · "));
    }
    w.heading(&t.get("scorecard-heading-not-applicable"), 11.0);
    if card.not_applicable.is_empty() {
        w.small(&t.get("scorecard-all-applicable"));
    }
    for n in &card.not_applicable {
        w.item(&format!("{}  {}", n.id, n.practice));
        w.aside(&n.reasons.join(" · "));
    }
}

/// The interviews held and the documents reviewed, with counts per area.
fn evidence_base(w: &mut Writer, t: &Words, base: &crate::report::EvidenceBase) {
    w.heading(&t.get("scorecard-heading-evidence-base"), 11.0);
    if base.interviews.is_empty() {
        w.small(&t.get("scorecard-no-interviews"));
    } else {
        w.item(&t.fill(
            "scorecard-interviews-held",
            &[("count", base.interviews.len().into())],
        ));
        for i in &base.interviews {
            let name = i.name.as_ref().map_or(String::new(), |n| format!("{n}, "));
            w.aside(&format!("{name}{} ({})", i.job_title, i.function));
        }
    }
    w.item(&t.fill(
        "scorecard-documents-reviewed",
        &[("count", base.documents.into())],
    ));
    for area in &base.per_area {
        w.aside(&t.fill(
            "scorecard-area-evidence",
            &[
                ("area", (&area.name).into()),
                ("interviews", area.interviews.into()),
                ("documents", area.documents.into()),
            ],
        ));
    }
}
