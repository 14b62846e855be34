//! The wave-over-wave comparison as a Word document: the same sections as
//! the PDF, the chart followed by its data as a table.

use super::{DocxError, Info, Writer};
use crate::render::chart::Palette;
use crate::render::comparison as shared;
use crate::render::{cover, figures};
use crate::report::comparison::WaveReport;
use crate::report::Branding;

/// Renders the comparison; `created` stamps the document's properties.
pub fn comparison(
    report: &WaveReport,
    branding: &Branding,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, DocxError> {
    let (m, t) = (&report.meta, shared::words_of(report));
    let figure = figures::comparison(report, &Palette::of(branding, report.language))
        .map_err(|e| DocxError::Chart(e.to_string()))?;
    let footer = branding.footer_line(&m.organisation, &shared::footer(report));
    let mut w = Writer::new(branding, t, branding.marking(&m.client), &footer);
    let [scope, waves] = shared::masthead(report);
    w.opening(&cover::comparison(report), &[scope])?;
    w.text(&waves);
    if let Some(note) = shared::working_note(report) {
        w.note(&note);
    }
    w.heading(1, &t.get("compare-heading-summary"));
    w.text(&report.summary);
    w.text(&report.counted);
    if let Some(note) = &report.versions_note {
        w.text(note);
    }
    w.note(&report.rule);
    w.figure(&figure)?;
    w.heading(1, &t.get("compare-heading-areas"));
    w.table_of(t, &shared::AREA_COLUMNS, &shared::area_rows(report));
    w.heading(2, &t.get("compare-heading-sub-areas"));
    w.table_of(t, &shared::SUB_AREA_COLUMNS, &shared::sub_area_rows(report));
    w.heading(1, &t.get("compare-heading-targets"));
    if report.targets.is_empty() {
        w.note(&t.get("compare-no-targets"));
    } else {
        w.table_of(t, &shared::TARGET_COLUMNS, &shared::target_rows(report));
    }
    w.heading(1, &t.get("compare-heading-moved"));
    if report.moved_most.is_empty() {
        w.note(&t.get("compare-no-moved"));
    }
    for moved in &report.moved_most {
        w.heading(3, &shared::moved_title(moved));
        w.text(&shared::moved_line(t, &moved.line));
        for (label, notes) in shared::notes(report, moved) {
            w.note(&label);
            for note in notes {
                w.item("•", &note);
            }
        }
    }
    w.heading(1, &t.get(shared::practices_heading(report)));
    if report.practices.is_empty() {
        w.note(&t.get("compare-no-practices"));
    } else {
        let columns: Vec<(String, bool)> = shared::practice_columns(report)
            .iter()
            .map(|id| (t.get(id), false))
            .collect();
        w.table(&columns, &shared::practice_rows(report));
    }
    w.finish(&Info {
        title: m.title.clone(),
        author: m.organisation.clone(),
        subject: shared::subject(report),
        created,
    })
}
