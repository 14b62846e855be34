//! The programme report as a PDF: what needs attention, the grid, the
//! timeline, the trends per area and the money, then one section per
//! project.

use super::layout::{Column, Paper, Writer, INK};
use super::{finish, Info, PdfError};
use crate::domain::i18n::Arg;
use crate::render::chart::{self, pdf::PdfBackend, Palette};
use crate::render::font::Weight;
use crate::render::programme::{self as words, Say};
use crate::report::programme::{ProgrammeReport, ProjectView};
use crate::report::Branding;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use std::ops::Range;

/// Room for a section heading above a chart, in points.
const HEADING: f32 = 40.0;

/// Renders the report; `created` stamps the footer and the document information.
pub fn programme(
    report: &ProgrammeReport,
    branding: &Branding,
    paper: Paper,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, PdfError> {
    let say = Say::of(report);
    let mut w = Writer::new(paper, branding, report.language);
    w.marking = branding.marking(&report.client);
    w.cover(&crate::render::cover::programme(report));
    w.masthead(
        &say.text("masthead_kicker"),
        &report.name,
        22.0,
        &words::masthead(report),
    );
    attention(&mut w, report);
    sections(&mut w, report)?;
    projects(&mut w, report);
    let laid = w.finish(&branding.footer_line("", &words::footer(report, created.date_naive())));
    finish(
        laid,
        &Info {
            title: format!("{}: {}", report.name, report.client),
            author: report.client.clone(),
            subject: say.fill("subject", &[("client", Arg::from(&report.client))]),
            created,
            family: branding.family,
        },
    )
}

fn attention(w: &mut Writer, report: &ProgrammeReport) {
    let say = Say::of(report);
    w.heading(&say.text("heading_attention"), 13.0);
    let list = words::attention(report);
    if list.is_empty() {
        w.body(&say.fill(
            "nothing_flagged",
            &[("today", say.day(report.today).into())],
        ));
    }
    for a in &list {
        w.paragraph(
            &format!("{} — {}", a.project, a.flags),
            9.0,
            Weight::Bold,
            INK,
            0.0,
        );
        for reason in &a.reasons {
            w.item(&format!("•  {reason}"));
        }
        w.space(3.0);
    }
}

/// The client's agreed actions, overdue ones flagged.
fn actions(w: &mut Writer, report: &ProgrammeReport) {
    let say = Say::of(report);
    w.heading(&say.0.get("scorecard-heading-actions"), 13.0);
    if report.actions.is_empty() {
        w.body(&say.text("no_actions"));
        return;
    }
    let mut cols = super::layout::columns(
        say.0,
        &crate::render::scorecard::ACTION_COLUMNS,
        &[185.0, 90.0, 55.0, 90.0, 75.0],
    );
    for c in cols.iter_mut() {
        c.right = false;
    }
    w.table(
        &cols,
        &crate::render::scorecard::action_rows(say.0, &report.actions),
        8.0,
    );
}

/// The grid, the timeline, the trends and the money.
fn sections(w: &mut Writer, report: &ProgrammeReport) -> Result<(), PdfError> {
    let say = Say::of(report);
    in_parts(
        w,
        (&say.text("heading_grid"), &say.text("empty_grid")),
        words::grid_rows(report),
        chart::coverage_size,
        |area, p, rows| chart::coverage(area, p, report, rows).map_err(|e| e.to_string()),
    )?;
    let projects = report.projects.len();
    in_parts(
        w,
        (&say.text("heading_timeline"), &say.text("empty_timeline")),
        projects,
        chart::gantt_size,
        |area, p, rows| chart::gantt(area, p, report, rows).map_err(|e| e.to_string()),
    )?;
    if report.trend.len() >= 2 {
        w.ensure(chart::TREND.1 + HEADING);
        w.heading(&say.text("heading_trend"), 13.0);
        w.chart(0.0, chart::TREND, |area, p| {
            chart::trend(area, p, &report.trend, &report.area_names).map_err(|e| e.to_string())
        })?;
    } else {
        w.heading(&say.text("heading_trend"), 13.0);
        w.body(&say.text("empty_trend"));
    }
    if !report.paths.is_empty() {
        w.ensure(chart::PATHS.1 + HEADING);
        w.heading(&say.text("heading_paths"), 13.0);
        w.chart(0.0, chart::PATHS, |area, p| {
            chart::paths(area, p, &report.paths).map_err(|e| e.to_string())
        })?;
    }
    actions(w, report);
    in_parts(
        w,
        (&say.text("heading_benefits"), &say.text("empty_benefits")),
        projects,
        chart::benefits_size,
        |area, p, rows| chart::benefits(area, p, report, rows).map_err(|e| e.to_string()),
    )?;
    if projects > 0 {
        totals(w, report);
    }
    Ok(())
}

/// A chart whose height grows with its rows, under its heading: cut into
/// parts that each fit a page, the first kept with the heading; or, with no
/// rows, the heading and a sentence saying why there is no chart.
fn in_parts(
    w: &mut Writer,
    (title, empty): (&str, &str),
    rows: usize,
    size: fn(usize) -> (f32, f32),
    draw: impl Fn(&DrawingArea<PdfBackend<'_>, Shift>, &Palette, Range<usize>) -> Result<(), String>,
) -> Result<(), PdfError> {
    if rows == 0 {
        w.heading(title, 13.0);
        w.body(empty);
        return Ok(());
    }
    let most = (1..=rows)
        .rev()
        .find(|n| size(*n).1 + HEADING <= w.room())
        .unwrap_or(1);
    // Parts of even size rather than full ones and a stub.
    let per_part = rows.div_ceil(rows.div_ceil(most));
    w.ensure(size(per_part).1 + HEADING);
    w.heading(title, 13.0);
    for start in (0..rows).step_by(per_part) {
        let part = start..(start + per_part).min(rows);
        w.chart(0.0, size(part.len()), |area, p| draw(area, p, part))?;
    }
    Ok(())
}

fn totals(w: &mut Writer, report: &ProgrammeReport) {
    let say = Say::of(report);
    let columns = [
        Column {
            title: say.text("column_total"),
            width: 130.0,
            right: false,
        },
        Column {
            title: say.text("column_planned"),
            width: 110.0,
            right: true,
        },
        Column {
            title: say.text("column_actual"),
            width: 110.0,
            right: true,
        },
        Column {
            title: say.text("column_share"),
            width: 120.0,
            right: true,
        },
    ];
    w.table(&columns, &words::totals_rows(say, &report.money), 8.5);
}

fn projects(w: &mut Writer, report: &ProgrammeReport) {
    let say = Say::of(report);
    if report.projects.is_empty() {
        return;
    }
    w.new_page();
    w.heading(&say.text("heading_projects"), 13.0);
    for p in &report.projects {
        project(w, say, p, (report.today, &report.money.currency));
    }
}

fn project(
    w: &mut Writer,
    say: Say<'_>,
    p: &ProjectView,
    (today, currency): (chrono::NaiveDate, &crate::domain::numbers::Currency),
) {
    w.heading(&p.name, 11.0);
    w.body(&p.objective);
    w.space(4.0);
    for fact in words::facts(say, p, currency) {
        w.field(&fact.label, &fact.value, 72.0);
    }
    w.space(4.0);
    let milestones = words::milestone_rows(say, p, today);
    if !milestones.is_empty() {
        let columns = [
            Column {
                title: say.text("column_milestone"),
                width: 270.0,
                right: false,
            },
            Column {
                title: say.text("column_due"),
                width: 100.0,
                right: false,
            },
            Column {
                title: say.text("column_state"),
                width: 120.0,
                right: false,
            },
        ];
        w.table(&columns, &milestones, 8.0);
    }
    let areas = words::area_rows(say, p);
    if !areas.is_empty() {
        let columns = [
            Column {
                title: say.text("column_area"),
                width: 250.0,
                right: false,
            },
            Column {
                title: say.text("column_before"),
                width: 80.0,
                right: true,
            },
            Column {
                title: say.text("column_since"),
                width: 80.0,
                right: true,
            },
            Column {
                title: say.text("column_change"),
                width: 80.0,
                right: true,
            },
        ];
        w.table(&columns, &areas, 8.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::ProjectInput;
    use crate::render::pdf::check::{media_box, off_page};
    use crate::render::programme::sample;
    use lopdf::Document;

    fn created() -> chrono::DateTime<chrono::Utc> {
        "2026-05-15T09:00:00Z".parse().expect("a time")
    }

    /// The document's text, after checking every page's size and that
    /// nothing is drawn off it.
    fn text_of(bytes: &[u8], paper: Paper) -> (usize, String) {
        let doc = Document::load_mem(bytes).expect("a PDF");
        let pages = doc.get_pages();
        let size = crate::render::pdf::paper_size(paper);
        for (&number, &page) in &pages {
            let (w, h) = media_box(&doc, page).expect("a media box");
            assert!(
                (w - size.0).abs() < 0.5 && (h - size.1).abs() < 0.5,
                "page {number} is {w}×{h}"
            );
            assert_eq!(off_page(&doc, page, (w, h)), None, "page {number}");
        }
        let numbers: Vec<u32> = pages.keys().copied().collect();
        (pages.len(), doc.extract_text(&numbers).expect("text"))
    }

    #[test]
    fn the_report_shows_the_programme_its_charts_and_every_project_on_the_page() {
        let report = sample::report();
        for paper in [Paper::A4, Paper::Letter] {
            let bytes = programme(&report, &Branding::default(), paper, created()).expect("a PDF");
            let (pages, text) = text_of(&bytes, paper);
            assert!(pages >= 2, "{pages} pages");
            let mut expected = vec![
                "Harbour Bank",
                "Customer first 2026",
                "What needs attention",
                "late",
                "blocked",
                "at risk",
                "Retail banking",
                "current high value",
                "Proposition",
                "Total benefit realised",
                "Programme total",
                "All branches trained",
                "today",
                sample::HOSTILE,
            ];
            expected.extend(report.projects.iter().map(|p| p.name.as_str()));
            for expected in expected {
                assert!(
                    text.contains(expected),
                    "`{expected}` missing from the PDF text:\n{text}"
                );
            }
            assert!(
                text.contains("change how we serve them"),
                "the long objective is printed"
            );
        }
    }

    #[test]
    fn a_large_programme_is_drawn_in_charts_that_each_fit_a_page() {
        let mut input = sample::input();
        input.grid.units = (1..=25).map(|i| format!("Unit {i}")).collect();
        let first = input.projects[0].clone();
        input.projects = (1..=70)
            .map(|id| ProjectInput {
                id,
                name: format!("Project {id}"),
                depends_on: if id > 1 { vec![id - 1] } else { Vec::new() },
                ..first.clone()
            })
            .collect();
        let report = crate::report::programme::build(input);
        let bytes =
            programme(&report, &Branding::default(), Paper::Letter, created()).expect("a PDF");
        let (pages, text) = text_of(&bytes, Paper::Letter);
        assert!(pages >= 8, "{pages} pages");
        for expected in ["Unit 1", "Unit 25", "Project 1", "Project 70"] {
            assert!(text.contains(expected), "`{expected}` missing");
        }
    }

    #[test]
    fn an_empty_programme_still_makes_a_report() {
        let bytes =
            programme(&sample::empty(), &Branding::default(), Paper::A4, created()).expect("a PDF");
        let (pages, text) = text_of(&bytes, Paper::A4);
        assert_eq!(pages, 1);
        for expected in [
            "Nothing is late, blocked or at risk",
            "no projects yet",
            "not assessed",
        ] {
            assert!(text.contains(expected), "`{expected}` missing:\n{text}");
        }
    }
}
