//! The wave-over-wave comparison as a PDF: summary and chart, the areas and
//! sub-areas, the practices that moved most with both waves' notes, then
//! the practices table.

use super::layout::{columns, Column, Paper, Writer, INK, MUTED};
use super::{finish, Info, PdfError};
use crate::render::chart;
use crate::render::comparison as shared;
use crate::render::font::Weight;
use crate::report::comparison::WaveReport;
use crate::report::Branding;

/// Renders the comparison; `created` stamps the document information.
pub fn comparison(
    report: &WaveReport,
    branding: &Branding,
    paper: Paper,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, PdfError> {
    let t = shared::words_of(report);
    let mut w = Writer::new(paper, branding, report.language);
    w.marking = branding.marking(&report.meta.client);
    w.cover(&crate::render::cover::comparison(report));
    w.masthead(
        &t.get("compare-kicker"),
        &report.meta.client,
        22.0,
        &shared::masthead(report),
    );
    if let Some(note) = shared::working_note(report) {
        w.paragraph(&note, 8.5, Weight::Bold, w.primary, 0.0);
    }
    w.heading(&t.get("compare-heading-summary"), 11.0);
    w.body(&report.summary);
    w.body(&report.counted);
    if let Some(note) = &report.versions_note {
        w.paragraph(note, 8.5, Weight::Bold, INK, 0.0);
    }
    w.paragraph(&report.rule, 7.5, Weight::Regular, MUTED, 0.0);
    let rows = shared::chart_rows(report);
    w.chart(0.0, chart::waves_size(rows.len()), |area, p| {
        chart::waves(area, p, &rows).map_err(|e| e.to_string())
    })?;
    let widths = [175.0, 85.0, 85.0, 85.0, 55.0];
    w.heading(&t.get("compare-heading-areas"), 11.0);
    w.table(
        &columns(t, &shared::AREA_COLUMNS, &widths),
        &shared::area_rows(report),
        8.5,
    );
    w.new_page();
    w.heading(&t.get("compare-heading-sub-areas"), 11.0);
    w.table(
        &columns(t, &shared::SUB_AREA_COLUMNS, &widths),
        &shared::sub_area_rows(report),
        8.0,
    );
    targets(&mut w, report);
    moved_most(&mut w, report);
    w.heading(&t.get(shared::practices_heading(report)), 11.0);
    if report.practices.is_empty() {
        w.small(&t.get("compare-no-practices"));
    } else {
        w.table(
            &practice_columns(report),
            &shared::practice_rows(report),
            7.5,
        );
    }
    let footer = branding.footer_line(&report.meta.organisation, &shared::footer(report));
    finish(
        w.finish(&footer),
        &Info {
            title: report.meta.title.clone(),
            author: report.meta.organisation.clone(),
            subject: shared::subject(report),
            created,
            family: branding.family,
        },
    )
}

fn targets(w: &mut Writer, report: &WaveReport) {
    let t = shared::words_of(report);
    w.heading(&t.get("compare-heading-targets"), 11.0);
    if report.targets.is_empty() {
        w.small(&t.get("compare-no-targets"));
        return;
    }
    let mut cols = columns(
        t,
        &shared::TARGET_COLUMNS,
        &[175.0, 55.0, 70.0, 60.0, 60.0, 80.0],
    );
    if let Some(last) = cols.last_mut() {
        last.right = false;
    }
    w.table(&cols, &shared::target_rows(report), 8.0);
}

fn moved_most(w: &mut Writer, report: &WaveReport) {
    let t = shared::words_of(report);
    w.heading(&t.get("compare-heading-moved"), 11.0);
    if report.moved_most.is_empty() {
        w.small(&t.get("compare-no-moved"));
    }
    for m in &report.moved_most {
        w.paragraph(&shared::moved_title(m), 9.0, Weight::Bold, INK, 0.0);
        w.paragraph(
            &shared::moved_line(t, &m.line),
            8.5,
            Weight::Regular,
            INK,
            8.0,
        );
        for (label, notes) in shared::notes(report, m) {
            w.paragraph(&label, 8.0, Weight::Bold, MUTED, 8.0);
            for note in notes {
                w.aside(&note);
            }
        }
        w.space(4.0);
    }
}

/// The practices table's columns: the practice takes what the rest leave.
fn practice_columns(report: &WaveReport) -> Vec<Column> {
    let ids = shared::practice_columns(report);
    let mut widths = vec![190.0, 90.0, 55.0, 55.0, 110.0];
    if ids.len() > widths.len() {
        widths = vec![165.0, 80.0, 50.0, 50.0, 95.0, 60.0];
    }
    let mut cols = columns(shared::words_of(report), &ids, &widths);
    for c in cols.iter_mut().skip(1) {
        c.right = false;
    }
    cols
}
