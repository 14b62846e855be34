//! The portfolio study as a PDF: findings and caveats, the rank-vs-rank
//! scatter, the heat map, and the consistency and reliability figures.

use super::layout::{columns, Paper, Writer, INK};
use super::{finish, Info, PdfError};
use crate::render::font::Weight;
use crate::render::{chart, study as shared};
use crate::report::study::Study;
use crate::report::Branding;

pub fn study(
    s: &Study,
    organisation: &str,
    branding: &Branding,
    paper: Paper,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, PdfError> {
    let t = shared::words_of(s);
    let mut w = Writer::new(paper, branding, s.language);
    // The study is the consultancy's own: its marking names the consultancy.
    w.marking = branding.marking(organisation);
    w.cover(&crate::render::cover::study(s, organisation));
    w.masthead(
        &t.get("study-kicker"),
        &t.get("study-title"),
        18.0,
        &[shared::meta_line(s, organisation)],
    );
    w.heading(&t.get("study-heading-findings"), 11.0);
    for f in &s.findings {
        w.body(&format!("•  {f}"));
    }
    w.heading(&t.get("study-heading-caveats"), 11.0);
    for c in &s.caveats {
        w.body(&format!("•  {c}"));
    }
    w.heading(&t.get("study-heading-scatter"), 11.0);
    let left = (w.width() - chart::SCATTER.0) / 2.0;
    let (points, caption) = (shared::scatter_points(s), shared::scatter_caption(s));
    w.chart(left, chart::SCATTER, |area, p| {
        chart::scatter(area, p, &points, &caption).map_err(|e| e.to_string())
    })?;
    w.new_page();
    w.heading(&t.get("study-heading-heatmap"), 11.0);
    let (scores, measures, cells) = shared::heat(s);
    w.chart(0.0, chart::HEATMAP, |area, p| {
        chart::heatmap(area, p, &scores, &measures, &cells).map_err(|e| e.to_string())
    })?;
    w.heading(&t.get("study-heading-reliability"), 11.0);
    w.paragraph(&shared::panels_line(s), 9.0, Weight::Regular, INK, 0.0);
    let headings = columns(t, &shared::RELIABILITY_COLUMNS, &[200.0, 90.0, 120.0, 80.0]);
    w.table(&headings, &shared::reliability_rows(s), 8.5);
    if let Some(line) = shared::agreement_line(s) {
        w.body(&line);
    }
    if !s.assessor_agreement.is_empty() {
        w.heading(&t.get("study-weakest-agreement"), 11.0);
        let mut headings = columns(
            t,
            &[
                "column-assessment",
                "column-assessors",
                "column-icc",
                "column-note",
            ],
            &[90.0, 70.0, 70.0, 250.0],
        );
        if let Some(note) = headings.last_mut() {
            note.right = false;
        }
        let rows: Vec<Vec<String>> = s
            .assessor_agreement
            .iter()
            .take(10)
            .map(|a| {
                vec![
                    format!("#{}", a.assessment_id),
                    a.assessors.to_string(),
                    a.icc.map_or("–".into(), |v| t.number(v, 2)),
                    a.error.clone().unwrap_or_default(),
                ]
            })
            .collect();
        w.table(&headings, &rows, 8.5);
    }
    let laid = w.finish(&branding.footer_line(
        organisation,
        &shared::footer(s, organisation, created.date_naive()),
    ));
    finish(
        laid,
        &Info {
            title: shared::document_title(s, organisation),
            author: organisation.to_owned(),
            subject: t.get("study-subject"),
            created,
            family: branding.family,
        },
    )
}
