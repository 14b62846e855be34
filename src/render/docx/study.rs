//! The portfolio study as a Word document: findings, caveats, the two
//! charts with their data, and the consistency and reliability figures.

use super::{DocxError, Info, Writer};
use crate::render::chart::Palette;
use crate::render::{cover, figures, study as shared};
use crate::report::study::Study;
use crate::report::Branding;

pub fn study(
    s: &Study,
    organisation: &str,
    branding: &Branding,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, DocxError> {
    let t = shared::words_of(s);
    let figures = figures::study(s, &Palette::of(branding, s.language))
        .map_err(|e| DocxError::Chart(e.to_string()))?;
    let footer = branding.footer_line(
        organisation,
        &shared::footer(s, organisation, created.date_naive()),
    );
    let mut w = Writer::new(branding, t, branding.marking(organisation), &footer);
    w.opening(
        &cover::study(s, organisation),
        &[shared::meta_line(s, organisation)],
    )?;
    w.heading(1, &t.get("study-heading-findings"));
    for f in &s.findings {
        w.item("•", f);
    }
    w.heading(1, &t.get("study-heading-caveats"));
    for c in &s.caveats {
        w.item("•", c);
    }
    w.heading(1, &t.get("study-heading-scatter"));
    w.figure(&figures.scatter)?;
    let rows: Vec<Vec<String>> = s
        .scatter
        .iter()
        .map(|p| {
            vec![
                format!("#{}", p.client_id),
                t.number(p.score_rank, 1),
                t.number(p.performance_rank, 1),
            ]
        })
        .collect();
    w.table_of(
        t,
        &[
            "column-client",
            "column-assessment-rank",
            "column-performance-rank",
        ],
        &rows,
    );
    w.heading(1, &t.get("study-heading-heatmap"));
    w.figure(&figures.heatmap)?;
    let (names, measures, cells) = shared::heat(s);
    let mut columns = vec![(t.get("column-score"), false)];
    columns.extend(measures.iter().map(|m| (m.clone(), true)));
    let rows: Vec<Vec<String>> = names
        .iter()
        .zip(&cells)
        .map(|(name, row)| {
            std::iter::once(name.clone())
                .chain(row.iter().map(|c| {
                    c.r.map_or("–".to_owned(), |r| {
                        format!(
                            "{}{}",
                            t.number(r, 2),
                            if c.significant { " *" } else { "" }
                        )
                    })
                }))
                .collect()
        })
        .collect();
    w.table(&columns, &rows);
    w.note(&t.get("chart-significant"));
    w.heading(1, &t.get("study-heading-reliability"));
    w.text(&shared::panels_line(s));
    w.table_of(
        t,
        &shared::RELIABILITY_COLUMNS,
        &shared::reliability_rows(s),
    );
    if let Some(line) = shared::agreement_line(s) {
        w.text(&line);
    }
    w.finish(&Info {
        title: shared::document_title(s, organisation),
        author: organisation.to_owned(),
        subject: t.get("study-subject"),
        created,
    })
}
