//! The programme report as a Word document: what needs attention, the
//! grid, the timeline, the trend and the money, each chart with its data,
//! then every project.

use super::{DocxError, Info, Writer};
use crate::render::chart::Palette;
use crate::render::cover;
use crate::render::figures::{self, Figure};
use crate::render::programme::{self as words, day, fill, text};
use crate::report::programme::ProgrammeReport;
use crate::report::Branding;

pub fn programme(
    report: &ProgrammeReport,
    branding: &Branding,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, DocxError> {
    let figures = figures::programme(report, &Palette::of(branding))
        .map_err(|e| DocxError::Chart(e.to_string()))?;
    let footer = branding.footer_line("", &words::footer(report, created.date_naive()));
    let mut w = Writer::new(branding, branding.marking(&report.client), &footer);
    w.opening(&cover::programme(report), &words::masthead(report))?;
    w.heading(1, text("heading_attention"));
    let list = words::attention(report);
    if list.is_empty() {
        w.text(&fill("nothing_flagged", &[("today", &day(report.today))]));
    }
    for a in &list {
        w.heading(3, &format!("{} — {}", a.project, a.flags));
        for reason in &a.reasons {
            w.item("•", reason);
        }
    }
    section(
        &mut w,
        (text("heading_grid"), text("empty_grid")),
        figures.coverage.as_ref(),
    )?;
    section(
        &mut w,
        (text("heading_timeline"), text("empty_timeline")),
        figures.gantt.as_ref(),
    )?;
    section(
        &mut w,
        (text("heading_trend"), text("empty_trend")),
        figures.trend.as_ref(),
    )?;
    if figures.trend.is_some() {
        let mut columns = vec![("Date", false)];
        columns.extend(report.area_names.iter().map(|n| (n.as_str(), true)));
        let rows: Vec<Vec<String>> = report
            .trend
            .iter()
            .map(|p| {
                std::iter::once(day(p.date))
                    .chain(p.areas.iter().map(|v| format!("{v:.0}%")))
                    .collect()
            })
            .collect();
        w.table(&columns, &rows);
    }
    section(
        &mut w,
        (text("heading_benefits"), text("empty_benefits")),
        figures.benefits.as_ref(),
    )?;
    if !report.projects.is_empty() {
        w.table(
            &[
                (text("column_total"), false),
                (text("column_planned"), true),
                (text("column_actual"), true),
                (text("column_share"), true),
            ],
            &words::totals_rows(&report.money),
        );
        projects(&mut w, report);
    }
    w.finish(&Info {
        title: format!("{}: {}", report.name, report.client),
        author: report.client.clone(),
        subject: fill("subject", &[("client", &report.client)]),
        created,
    })
}

/// A heading and its chart, or the sentence that says why there is none.
fn section(
    w: &mut Writer,
    (title, empty): (&str, &str),
    figure: Option<&Figure>,
) -> Result<(), DocxError> {
    w.heading(1, title);
    match figure {
        Some(figure) => w.figure(figure),
        None => {
            w.text(empty);
            Ok(())
        }
    }
}

fn projects(w: &mut Writer, report: &ProgrammeReport) {
    w.page_break();
    w.heading(1, text("heading_projects"));
    for p in &report.projects {
        w.heading(2, &p.name);
        w.text(&p.objective);
        let facts: Vec<Vec<String>> = words::facts(p, &report.money.currency)
            .into_iter()
            .map(|f| vec![f.label.to_owned(), f.value])
            .collect();
        w.table(&[("", false), ("", false)], &facts);
        let milestones = words::milestone_rows(p, report.today);
        if !milestones.is_empty() {
            w.table(
                &[
                    (text("column_milestone"), false),
                    (text("column_due"), false),
                    (text("column_state"), false),
                ],
                &milestones,
            );
        }
        let areas = words::area_rows(p);
        if !areas.is_empty() {
            w.table(
                &[
                    (text("column_area"), false),
                    (text("column_before"), true),
                    (text("column_since"), true),
                    (text("column_change"), true),
                ],
                &areas,
            );
        }
    }
}
