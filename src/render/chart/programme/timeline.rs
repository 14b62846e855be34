//! The timeline: the projects over time with their milestones, their
//! dependencies, today, and what is late, blocked or at risk.

use super::{at, line, note, width_of, NAMES, WIDTH};
use crate::domain::i18n::Words;
use crate::domain::programme::ProjectStatus;
use crate::render::chart::colour::{self, Palette, *};
use crate::render::chart::{legend, px, Drawn};
use crate::render::programme::{flags, Say};
use crate::report::programme::{ProgrammeReport, ProjectView};
use chrono::{Datelike, Months, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::ops::Range;

const AXIS: f64 = 26.0;
const ROW: f64 = 18.0;
const FLAGS: f64 = 62.0;
const GANTT_KEY: f64 = 42.0;

/// The size of a timeline of `projects` rows.
pub fn gantt_size(projects: usize) -> (f32, f32) {
    (WIDTH, (AXIS + ROW * projects as f64 + GANTT_KEY) as f32)
}

/// A time axis in whole months, mapped onto `left..right` points.
struct Timeline {
    from: NaiveDate,
    to: NaiveDate,
    left: f64,
    right: f64,
}

impl Timeline {
    /// From the first of the month of the earliest of the projects and
    /// today to the first of the month after the latest: today is always on it.
    fn new(span: (NaiveDate, NaiveDate), today: NaiveDate, (left, right): (f64, f64)) -> Timeline {
        let (first, last) = (span.0.min(today), span.1.max(today));
        Timeline {
            from: first.with_day(1).unwrap_or(first),
            to: last
                .with_day(1)
                .and_then(|d| d.checked_add_months(Months::new(1)))
                .unwrap_or(last),
            left,
            right,
        }
    }

    fn x(&self, date: NaiveDate) -> f64 {
        let total = (self.to - self.from).num_days().max(1) as f64;
        let days = (date - self.from).num_days() as f64;
        self.left + (self.right - self.left) * days.clamp(0.0, total) / total
    }

    /// Every month start on the axis, labelled every month, quarter, half
    /// year or year, whichever keeps the labels to about ten.
    fn ticks(&self, w: &Words) -> Vec<(NaiveDate, Option<String>)> {
        let months = (self.to.year() - self.from.year()) * 12 + self.to.month() as i32
            - self.from.month() as i32;
        let step = match months {
            ..=9 => 1,
            10..=30 => 3,
            31..=72 => 6,
            _ => 12,
        };
        let mut ticks = Vec::new();
        let mut month = Some(self.from);
        while let Some(d) = month.filter(|d| *d <= self.to) {
            let label = (d.month0() % step == 0).then(|| match step {
                3 => w.fill(
                    "chart-quarter",
                    &[
                        ("quarter", (d.month0() / 3 + 1).to_string().into()),
                        ("year", d.format("%y").to_string().into()),
                    ],
                ),
                12 => d.format("%Y").to_string(),
                _ => format!(
                    "{} {}",
                    w.get(&format!("month-short-{}", d.month())),
                    d.format("%y")
                ),
            });
            ticks.push((d, label));
            month = d.checked_add_months(Months::new(1));
        }
        ticks
    }
}

/// The projects (the report's in `rows`) over time: a bar from start to end
/// coloured by status, milestones as diamonds (filled when done), arrows
/// from the end of a dependency to the start of the project that waits on
/// it, today as a red line, and what is late, blocked or at risk outlined
/// and named on the right.
pub fn gantt<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    palette: &Palette,
    report: &ProgrammeReport,
    rows: Range<usize>,
) -> Drawn<DB> {
    let Some(span) = report.span else {
        return Ok(());
    };
    let width = width_of(area);
    let projects = report.projects.get(rows).unwrap_or_default();
    let time = Timeline::new(span, report.today, (NAMES, width - FLAGS));
    let bottom = AXIS + ROW * projects.len() as f64;
    let ticks = time.ticks(palette.words);
    let minor = ticks.len() <= 37;
    for (date, label) in &ticks {
        let x = time.x(*date);
        if let Some(label) = label {
            area.draw(&PathElement::new(
                vec![at(x, AXIS - 3.0), at(x, bottom)],
                GRID.stroke_width(px(0.5) as u32),
            ))?;
            area.draw(&Text::new(
                label.clone(),
                at(x, AXIS - 6.0),
                palette.font(7.0, &MUTED, HPos::Center, VPos::Bottom),
            ))?;
        } else if minor {
            area.draw(&PathElement::new(
                vec![at(x, AXIS - 3.0), at(x, AXIS)],
                GRID.stroke_width(px(0.5) as u32),
            ))?;
        }
    }
    for (i, p) in projects.iter().enumerate() {
        let middle = AXIS + ROW * (i as f64 + 0.5);
        project_row(area, palette, p, (&time, report.today), middle, width)?;
    }
    for (i, p) in projects.iter().enumerate() {
        for dep in &p.depends_on {
            if let Some((j, q)) = projects.iter().enumerate().find(|(_, q)| q.id == *dep) {
                let from = (time.x(q.end), AXIS + ROW * (j as f64 + 0.5));
                let to = (time.x(p.start), AXIS + ROW * (i as f64 + 0.5));
                connector(area, from, to, AXIS + ROW * i.max(j) as f64)?;
            }
        }
    }
    let today = time.x(report.today);
    area.draw(&PathElement::new(
        vec![at(today, AXIS - 3.0), at(today, bottom + 1.0)],
        ALERT.stroke_width(px(1.0) as u32),
    ))?;
    area.draw(&Text::new(
        palette.words.get("chart-today"),
        at(today, bottom + 2.0),
        palette.bold(7.0, &ALERT, HPos::Center, VPos::Top),
    ))?;
    let names: Vec<String> = ProjectStatus::ALL
        .iter()
        .map(|s| {
            palette
                .words
                .get(&format!("programme-status_{}", s.as_str()))
        })
        .collect();
    let statuses: Vec<(&str, RGBColor)> = ProjectStatus::ALL
        .iter()
        .zip(&names)
        .map(|(s, name)| (name.as_str(), colour::status(*s)))
        .collect();
    legend(area, palette, at(0.0, bottom + 22.0), &statuses)?;
    note(
        area,
        palette,
        &palette.words.get("chart-timeline-key"),
        bottom + 35.0,
    )
}

fn project_row<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    palette: &Palette,
    p: &ProjectView,
    (time, today): (&Timeline, NaiveDate),
    middle: f64,
    width: f64,
) -> Drawn<DB> {
    line(
        area,
        &p.name,
        (NAMES - 6.0, middle),
        NAMES - 10.0,
        palette.font(8.0, &TEXT, HPos::Right, VPos::Center),
    )?;
    let start = time.x(p.start);
    let end = time.x(p.end).max(start + 1.0);
    let flags = flags(Say(palette.words), &p.health);
    if !flags.is_empty() {
        area.draw(&Rectangle::new(
            [at(start - 1.5, middle - 6.0), at(end + 1.5, middle + 6.0)],
            ALERT.filled(),
        ))?;
        line(
            area,
            &flags.join(", "),
            (width - FLAGS + 6.0, middle),
            FLAGS - 6.0,
            palette.bold(7.0, &ALERT, HPos::Left, VPos::Center),
        )?;
    }
    area.draw(&Rectangle::new(
        [at(start, middle - 4.5), at(end, middle + 4.5)],
        colour::status(p.status).filled(),
    ))?;
    for m in &p.milestones {
        let overdue = m.done.is_none() && m.due < today;
        diamond(area, (time.x(m.due), middle), m.done.is_some(), overdue)?;
    }
    Ok(())
}

/// A milestone: a diamond, filled when done, red when overdue.
fn diamond<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (f64, f64),
    done: bool,
    overdue: bool,
) -> Drawn<DB> {
    let r = 3.8;
    let corners = vec![at(x, y - r), at(x + r, y), at(x, y + r), at(x - r, y)];
    let edge = if overdue { ALERT } else { TEXT };
    let inside = if done { edge } else { colour::WHITE };
    area.draw(&Polygon::new(corners.clone(), inside.filled()))?;
    let mut ring = corners.clone();
    ring.extend(corners.first());
    area.draw(&PathElement::new(ring, edge.stroke_width(px(1.0) as u32)))
}

/// An arrow from the end of a dependency to the start of the project that
/// waits on it: along the dependency's row, then down (or up) to the
/// project's; through the gap at `between` when the project starts first.
fn connector<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x1, y1): (f64, f64),
    (x2, y2): (f64, f64),
    between: f64,
) -> Drawn<DB> {
    let gap = 5.0;
    let path = if x2 - gap >= x1 {
        vec![(x1, y1), (x2 - gap, y1), (x2 - gap, y2), (x2, y2)]
    } else {
        vec![
            (x1, y1),
            (x1 + gap, y1),
            (x1 + gap, between),
            (x2 - gap, between),
            (x2 - gap, y2),
            (x2, y2),
        ]
    };
    area.draw(&PathElement::new(
        path.into_iter().map(|(x, y)| at(x, y)).collect::<Vec<_>>(),
        MUTED.stroke_width(px(0.8) as u32),
    ))?;
    area.draw(&Polygon::new(
        vec![at(x2, y2), at(x2 - 4.0, y2 - 2.5), at(x2 - 4.0, y2 + 2.5)],
        MUTED.filled(),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::{assert_shows, svg};
    use super::*;
    use crate::render::programme::sample;

    #[test]
    fn the_timeline_labels_months_quarters_or_years() {
        let day = sample::day;
        let short = Timeline::new(
            (day("2026-01-10"), day("2026-04-20")),
            day("2026-02-01"),
            (0.0, 100.0),
        );
        let labels: Vec<String> = short
            .ticks(crate::domain::i18n::words(
                crate::domain::i18n::Language::En,
            ))
            .into_iter()
            .filter_map(|(_, l)| l)
            .collect();
        assert_eq!(labels, ["Jan 26", "Feb 26", "Mar 26", "Apr 26", "May 26"]);
        let long = Timeline::new(
            (day("2025-01-06"), day("2026-12-31")),
            day("2026-05-15"),
            (0.0, 100.0),
        );
        let labels: Vec<String> = long
            .ticks(crate::domain::i18n::words(
                crate::domain::i18n::Language::En,
            ))
            .into_iter()
            .filter_map(|(_, l)| l)
            .collect();
        assert_eq!(labels.first().map(String::as_str), Some("Q1 25"));
        assert_eq!(labels.len(), 9, "{labels:?}");
        assert_eq!(long.x(day("2025-01-01")), 0.0);
        assert_eq!(long.x(day("2027-01-01")), 100.0);
    }

    #[test]
    fn the_timeline_names_what_it_shows_in_real_text() {
        let report = sample::report();
        let n = report.projects.len();
        let timeline = svg(gantt_size(n), |a| {
            gantt(a, &Palette::default(), &report, 0..n).map_err(|e| e.to_string())
        });
        assert_shows(
            &timeline,
            "timeline",
            &[
                "Single customer view",
                "&lt;script&gt;",
                "today",
                "late",
                "blocked",
                "at risk",
                "Q1 26",
            ],
        );
        assert!(!timeline.contains("<script>"));
    }
}
