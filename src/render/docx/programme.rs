//! The programme report as a Word document: what needs attention, the
//! grid, the timeline, the trend and the money, each chart with its data,
//! then every project.

use super::{DocxError, Info, Writer};
use crate::domain::i18n::Arg;
use crate::render::chart::Palette;
use crate::render::cover;
use crate::render::figures::{self, Figure};
use crate::render::programme::{self as words, Say};
use crate::report::programme::ProgrammeReport;
use crate::report::Branding;

pub fn programme(
    report: &ProgrammeReport,
    branding: &Branding,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, DocxError> {
    let figures = figures::programme(report, &Palette::of(branding, report.language))
        .map_err(|e| DocxError::Chart(e.to_string()))?;
    let say = Say::of(report);
    let footer = branding.footer_line("", &words::footer(report, created.date_naive()));
    let mut w = Writer::new(branding, say.0, branding.marking(&report.client), &footer);
    w.opening(&cover::programme(report), &words::masthead(report))?;
    w.heading(1, &say.text("heading_attention"));
    let list = words::attention(report);
    if list.is_empty() {
        w.text(&say.fill(
            "nothing_flagged",
            &[("today", say.day(report.today).into())],
        ));
    }
    for a in &list {
        w.heading(3, &format!("{} — {}", a.project, a.flags));
        for reason in &a.reasons {
            w.item("•", reason);
        }
    }
    section(
        &mut w,
        (&say.text("heading_grid"), &say.text("empty_grid")),
        figures.coverage.as_ref(),
    )?;
    section(
        &mut w,
        (&say.text("heading_timeline"), &say.text("empty_timeline")),
        figures.gantt.as_ref(),
    )?;
    section(
        &mut w,
        (&say.text("heading_trend"), &say.text("empty_trend")),
        figures.trend.as_ref(),
    )?;
    if figures.trend.is_some() {
        let date = say.0.get("column-date");
        let mut columns = vec![(date.as_str(), false)];
        columns.extend(report.area_names.iter().map(|n| (n.as_str(), true)));
        let rows: Vec<Vec<String>> = report
            .trend
            .iter()
            .map(|p| {
                std::iter::once(say.day(p.date))
                    .chain(p.areas.iter().map(|v| say.0.percent(*v)))
                    .collect()
            })
            .collect();
        w.table(&columns, &rows);
    }
    if let Some(paths) = &figures.paths {
        w.heading(1, &say.text("heading_paths"));
        w.figure(paths)?;
    }
    w.heading(1, &say.0.get("scorecard-heading-actions"));
    if report.actions.is_empty() {
        w.note(&say.text("no_actions"));
    } else {
        let columns: Vec<(String, bool)> = crate::render::scorecard::ACTION_COLUMNS
            .iter()
            .map(|id| (say.0.get(id), false))
            .collect();
        w.table(
            &columns,
            &crate::render::scorecard::action_rows(say.0, &report.actions),
        );
    }
    section(
        &mut w,
        (&say.text("heading_benefits"), &say.text("empty_benefits")),
        figures.benefits.as_ref(),
    )?;
    if !report.projects.is_empty() {
        w.table(
            &[
                (&say.text("column_total"), false),
                (&say.text("column_planned"), true),
                (&say.text("column_actual"), true),
                (&say.text("column_share"), true),
            ],
            &words::totals_rows(say, &report.money),
        );
        projects(&mut w, report);
    }
    w.finish(&Info {
        title: format!("{}: {}", report.name, report.client),
        author: report.client.clone(),
        subject: say.fill("subject", &[("client", Arg::from(&report.client))]),
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
    let say = Say::of(report);
    w.page_break();
    w.heading(1, &say.text("heading_projects"));
    for p in &report.projects {
        w.heading(2, &p.name);
        w.text(&p.objective);
        let facts: Vec<Vec<String>> = words::facts(say, p, &report.money.currency)
            .into_iter()
            .map(|f| vec![f.label, f.value])
            .collect();
        w.table(&[("", false), ("", false)], &facts);
        let milestones = words::milestone_rows(say, p, report.today);
        if !milestones.is_empty() {
            w.table(
                &[
                    (&say.text("column_milestone"), false),
                    (&say.text("column_due"), false),
                    (&say.text("column_state"), false),
                ],
                &milestones,
            );
        }
        let areas = words::area_rows(say, p);
        if !areas.is_empty() {
            w.table(
                &[
                    (&say.text("column_area"), false),
                    (&say.text("column_before"), true),
                    (&say.text("column_since"), true),
                    (&say.text("column_change"), true),
                ],
                &areas,
            );
        }
    }
}
