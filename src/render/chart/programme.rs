//! The programme report's charts: the grid coloured by score (coverage),
//! the projects over time (gantt), and money planned against realised
//! (benefits). Their heights grow with their rows, so each draws a range of
//! rows of the report: the PDF cuts a long chart into parts that fit a page.

use super::colour::{self, *};
use super::{bold, font, legend, px, Drawn, U};
use crate::domain::programme::ProjectStatus;
use crate::render::font::Weight;
use crate::render::pdf::{fit, wrap};
use crate::render::programme::{flags, short_money, totals_caption};
use crate::report::programme::{Basis, CellView, ProgrammeReport, ProjectView};
use chrono::{Datelike, Months, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::ops::Range;

/// Width of the programme charts in points: the text width of an A4 page.
const WIDTH: f32 = 495.0;
/// The column of project names on the timeline and the money chart.
const NAMES: f64 = 140.0;

fn width_of<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> f64 {
    f64::from(area.dim_in_pixel().0) / U
}

fn at(x: f64, y: f64) -> (i32, i32) {
    (px(x), px(y))
}

/// `text` in at most `max` lines of `width` points, the last shortened with "…".
fn wrapped(text: &str, size: f32, weight: Weight, width: f64, max: usize) -> Vec<String> {
    let width = width as f32;
    let mut lines = wrap(text, size, weight, width);
    if lines.len() > max {
        let rest = lines.split_off(max - 1).join(" ");
        lines.push(fit(&rest, size, weight, width));
    }
    lines
}

/// Lines of `size`-point text stacked so that their middle is at `(x, y)`.
fn stack<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &[String],
    (x, y): (f64, f64),
    size: f64,
    style: &TextStyle<'static>,
) -> Drawn<DB> {
    let leading = size * 1.2;
    let first = y - leading * (lines.len().max(1) - 1) as f64 / 2.0;
    for (i, line) in lines.iter().enumerate() {
        area.draw(&Text::new(
            line.clone(),
            at(x, first + leading * i as f64),
            style.clone(),
        ))?;
    }
    Ok(())
}

/// One line of text shortened to `width` points; nothing when empty.
fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    (x, y): (f64, f64),
    width: f64,
    style: TextStyle<'static>,
) -> Drawn<DB> {
    if text.is_empty() {
        return Ok(());
    }
    let size = (style.font.get_size() / U) as f32;
    let weight = super::text::weight(&style);
    area.draw(&Text::new(
        fit(text, size, weight, width as f32),
        at(x, y),
        style,
    ))
}

const GROUP_LABELS: f64 = 30.0;
const UNIT_LABELS: f64 = 110.0;
const CELL: f64 = 46.0;
const COVERAGE_KEY: f64 = 34.0;

/// The size of the coverage map of `units` rows.
pub fn coverage_size(units: usize) -> (f32, f32) {
    (
        WIDTH,
        (GROUP_LABELS + CELL * units as f64 + COVERAGE_KEY) as f32,
    )
}

/// The grid, business units (the report's rows in `units`) by customer
/// groups: each cell coloured by its latest overall score, with its change
/// since the first assessment, the wider scope its score comes from when no
/// assessment covered the cell alone, and the projects covering it.
pub fn coverage<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &ProgrammeReport,
    units: Range<usize>,
) -> Drawn<DB> {
    let width = width_of(area);
    let groups = &report.grid.groups;
    let cell_w = (width - UNIT_LABELS) / groups.len().max(1) as f64;
    for (j, group) in groups.iter().enumerate() {
        let x = UNIT_LABELS + cell_w * (j as f64 + 0.5);
        let text = wrapped(group, 7.5, Weight::Bold, cell_w - 6.0, 2);
        let style = bold(7.5, &TEXT, HPos::Center, VPos::Center);
        stack(area, &text, (x, GROUP_LABELS / 2.0), 7.5, &style)?;
    }
    let names = report.grid.units.get(units.clone()).unwrap_or_default();
    let rows = report.cells.get(units).unwrap_or_default();
    for (i, (name, row)) in names.iter().zip(rows).enumerate() {
        let top = GROUP_LABELS + CELL * i as f64;
        let text = wrapped(name, 8.0, Weight::Regular, UNIT_LABELS - 8.0, 3);
        let style = font(8.0, &TEXT, HPos::Right, VPos::Center);
        stack(
            area,
            &text,
            (UNIT_LABELS - 6.0, top + CELL / 2.0),
            8.0,
            &style,
        )?;
        for (j, c) in row.iter().enumerate() {
            cell(area, c, (UNIT_LABELS + cell_w * j as f64, top), cell_w)?;
        }
    }
    let key = GROUP_LABELS + CELL * rows.len() as f64 + 12.0;
    area.draw(&Text::new(
        "Latest score, %".to_owned(),
        at(0.0, key),
        font(8.0, &MUTED, HPos::Left, VPos::Center),
    ))?;
    let steps: Vec<(&str, RGBColor)> = SCORE_STEPS
        .iter()
        .map(|(c, label)| (*label, *c))
        .chain([("not assessed", NOT_ASSESSED)])
        .collect();
    legend(area, at(UNIT_LABELS, key), &steps)?;
    line(
        area,
        "(unit), (group), (company): no assessment of the cell alone, so the score of a wider one · +/−: change since the first assessment",
        (0.0, key + 14.0),
        width,
        font(7.0, &MUTED, HPos::Left, VPos::Center),
    )
}

/// The wider scope a cell's score was inherited from, if any.
fn inherited(basis: Basis) -> Option<&'static str> {
    match basis {
        Basis::Unit => Some("unit"),
        Basis::Group => Some("group"),
        Basis::Company => Some("company"),
        Basis::Cell | Basis::None => None,
    }
}

/// "3 projects: 2 pilot, done".
fn covering(statuses: &[ProjectStatus]) -> String {
    let parts: Vec<String> = ProjectStatus::ALL
        .iter()
        .filter_map(|s| match statuses.iter().filter(|x| *x == s).count() {
            0 => None,
            1 => Some(s.label().to_owned()),
            n => Some(format!("{n} {}", s.label())),
        })
        .collect();
    match statuses.len() {
        0 => "no project".to_owned(),
        1 => format!("1 project: {}", parts.join(", ")),
        n => format!("{n} projects: {}", parts.join(", ")),
    }
}

fn cell<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &CellView,
    (x, y): (f64, f64),
    width: f64,
) -> Drawn<DB> {
    let fill = c.latest.map_or(NOT_ASSESSED, colour::score);
    let ink = ink_on(fill);
    area.draw(&Rectangle::new(
        [at(x + 1.0, y + 1.0), at(x + width - 1.0, y + CELL - 1.0)],
        fill.filled(),
    ))?;
    let (middle, room) = (x + width / 2.0, width - 8.0);
    let headline = match (c.latest, c.change) {
        (Some(v), Some(d)) => format!("{v:.0}%  {d:+.0}"),
        (Some(v), None) => format!("{v:.0}%"),
        (None, _) => "not assessed".to_owned(),
    };
    let centred = |size: f64| font(size, &ink, HPos::Center, VPos::Center);
    line(
        area,
        &headline,
        (middle, y + 13.0),
        room,
        bold(10.0, &ink, HPos::Center, VPos::Center),
    )?;
    let when = c
        .assessed_on
        .map_or(String::new(), |d| d.format("%b %Y").to_string());
    let source = match inherited(c.basis) {
        Some(scope) => format!("{when} ({scope})"),
        None => when,
    };
    line(area, &source, (middle, y + 25.0), room, centred(7.0))?;
    line(
        area,
        &covering(&c.projects),
        (middle, y + 36.0),
        room,
        centred(7.0),
    )
}

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
    fn ticks(&self) -> Vec<(NaiveDate, Option<String>)> {
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
                3 => format!("Q{} {}", d.month0() / 3 + 1, d.format("%y")),
                12 => d.format("%Y").to_string(),
                _ => d.format("%b %y").to_string(),
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
    let ticks = time.ticks();
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
                font(7.0, &MUTED, HPos::Center, VPos::Bottom),
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
        project_row(area, p, (&time, report.today), middle, width)?;
    }
    for (i, p) in projects.iter().enumerate() {
        for dep in &p.depends_on {
            if let Some(j) = projects.iter().position(|q| q.id == *dep) {
                let from = (time.x(projects[j].end), AXIS + ROW * (j as f64 + 0.5));
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
        "today".to_owned(),
        at(today, bottom + 2.0),
        bold(7.0, &ALERT, HPos::Center, VPos::Top),
    ))?;
    let statuses: Vec<(&str, RGBColor)> = ProjectStatus::ALL
        .iter()
        .map(|s| (s.label(), colour::status(*s)))
        .collect();
    legend(area, at(0.0, bottom + 22.0), &statuses)?;
    line(
        area,
        "◆ milestone, filled when done, red when overdue · arrow: from a project to one that waits on it · red outline: late, blocked or at risk",
        (0.0, bottom + 35.0),
        width,
        font(7.0, &MUTED, HPos::Left, VPos::Center),
    )
}

fn project_row<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
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
        font(8.0, &TEXT, HPos::Right, VPos::Center),
    )?;
    let start = time.x(p.start);
    let end = time.x(p.end).max(start + 1.0);
    let flags = flags(&p.health);
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
            bold(7.0, &ALERT, HPos::Left, VPos::Center),
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

const MONEY_TOP: f64 = 18.0;
const PROJECT: f64 = 34.0;
const BAR: f64 = 6.0;
const VALUES: f64 = 44.0;
const MONEY_KEY: f64 = 38.0;

/// The size of the money chart of `projects` rows.
pub fn benefits_size(projects: usize) -> (f32, f32) {
    (
        WIDTH,
        (MONEY_TOP + PROJECT * projects as f64 + MONEY_KEY) as f32,
    )
}

/// A round step of about `v`: 1, 2, 2.5 or 5 times a power of ten.
fn round_step(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= v)
        .unwrap_or(10.0 * magnitude)
}

/// Per project (the report's in `rows`), benefit planned and realised and
/// cost planned and spent as bars on one scale for the whole programme,
/// with the programme's totals underneath.
pub fn benefits<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &ProgrammeReport,
    rows: Range<usize>,
) -> Drawn<DB> {
    let width = width_of(area);
    let projects = report.projects.get(rows).unwrap_or_default();
    let largest = report
        .projects
        .iter()
        .flat_map(|p| {
            [
                p.benefit_planned,
                p.benefit_actual.unwrap_or(0.0),
                p.cost_planned,
                p.cost_actual.unwrap_or(0.0),
            ]
        })
        .fold(0.0, f64::max);
    let step = round_step(largest / 4.0);
    let ceiling = (largest / step).ceil().max(1.0) * step;
    let (left, right) = (NAMES, width - VALUES);
    let x = |v: f64| left + (right - left) * (v / ceiling).clamp(0.0, 1.0);
    let bottom = MONEY_TOP + PROJECT * projects.len() as f64;
    for k in 0..=(ceiling / step).round() as u32 {
        let value = step * f64::from(k);
        area.draw(&PathElement::new(
            vec![at(x(value), MONEY_TOP - 3.0), at(x(value), bottom)],
            GRID.stroke_width(px(0.5) as u32),
        ))?;
        area.draw(&Text::new(
            short_money(value),
            at(x(value), MONEY_TOP - 5.0),
            font(7.0, &MUTED, HPos::Center, VPos::Bottom),
        ))?;
    }
    const SERIES: [(&str, RGBColor); 4] = [
        ("Benefit planned", BENEFIT_PLANNED),
        ("Benefit realised", BENEFIT_ACTUAL),
        ("Cost planned", COST_PLANNED),
        ("Cost spent", COST_ACTUAL),
    ];
    for (i, p) in projects.iter().enumerate() {
        let row = MONEY_TOP + PROJECT * i as f64;
        line(
            area,
            &p.name,
            (left - 6.0, row + PROJECT / 2.0),
            left - 10.0,
            font(8.0, &TEXT, HPos::Right, VPos::Center),
        )?;
        let values = [
            Some(p.benefit_planned),
            p.benefit_actual,
            Some(p.cost_planned),
            p.cost_actual,
        ];
        let first = row + (PROJECT - 4.0 * BAR - 3.0) / 2.0;
        for (k, (value, (_, colour))) in values.into_iter().zip(SERIES).enumerate() {
            let top = first + (BAR + 1.0) * k as f64;
            let label = match value {
                Some(v) => {
                    area.draw(&Rectangle::new(
                        [at(x(0.0), top), at(x(v), top + BAR)],
                        colour.filled(),
                    ))?;
                    short_money(v)
                }
                None => "not known yet".to_owned(),
            };
            area.draw(&Text::new(
                label,
                at(x(value.unwrap_or(0.0)) + 3.0, top + BAR / 2.0),
                font(6.0, &TEXT, HPos::Left, VPos::Center),
            ))?;
        }
    }
    legend(area, at(0.0, bottom + 12.0), &SERIES)?;
    line(
        area,
        &totals_caption(&report.money),
        (0.0, bottom + 27.0),
        width,
        font(8.0, &TEXT, HPos::Left, VPos::Center),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::chart::svg::SvgBackend;
    use crate::render::chart::units;
    use crate::render::programme::sample;

    fn svg(
        size: (f32, f32),
        draw: impl FnOnce(&DrawingArea<SvgBackend<'_>, Shift>) -> Result<(), String>,
    ) -> String {
        let mut out = String::new();
        {
            let area = SvgBackend::new(&mut out, units(size), "chart").into_drawing_area();
            draw(&area).expect("drawn");
        }
        out
    }

    #[test]
    fn the_timeline_labels_months_quarters_or_years() {
        let day = sample::day;
        let short = Timeline::new(
            (day("2026-01-10"), day("2026-04-20")),
            day("2026-02-01"),
            (0.0, 100.0),
        );
        let labels: Vec<String> = short.ticks().into_iter().filter_map(|(_, l)| l).collect();
        assert_eq!(labels, ["Jan 26", "Feb 26", "Mar 26", "Apr 26", "May 26"]);
        let long = Timeline::new(
            (day("2025-01-06"), day("2026-12-31")),
            day("2026-05-15"),
            (0.0, 100.0),
        );
        let labels: Vec<String> = long.ticks().into_iter().filter_map(|(_, l)| l).collect();
        assert_eq!(labels.first().map(String::as_str), Some("Q1 25"));
        assert_eq!(labels.len(), 9, "{labels:?}");
        assert_eq!(long.x(day("2025-01-01")), 0.0);
        assert_eq!(long.x(day("2027-01-01")), 100.0);
    }

    #[test]
    fn the_charts_name_what_they_show_in_real_text() {
        let report = sample::report();
        let n = report.projects.len();
        let map = svg(coverage_size(3), |a| {
            coverage(a, &report, 0..3).map_err(|e| e.to_string())
        });
        for expected in [
            "Retail banking",
            "current high value",
            "68%  +13",
            "(company)",
            "2 projects: pilot, stopped",
            "not assessed",
        ] {
            assert!(
                map.contains(expected),
                "`{expected}` missing from the coverage map"
            );
        }
        let timeline = svg(gantt_size(n), |a| {
            gantt(a, &report, 0..n).map_err(|e| e.to_string())
        });
        for expected in [
            "Single customer view",
            "&lt;script&gt;",
            "today",
            "late",
            "blocked",
            "at risk",
            "Q1 26",
        ] {
            assert!(
                timeline.contains(expected),
                "`{expected}` missing from the timeline"
            );
        }
        assert!(!timeline.contains("<script>"));
        let money = svg(benefits_size(n), |a| {
            benefits(a, &report, 0..n).map_err(|e| e.to_string())
        });
        for expected in [
            "Benefit realised",
            "Total benefit realised",
            "not known yet",
        ] {
            assert!(
                money.contains(expected),
                "`{expected}` missing from the money chart"
            );
        }
    }

    #[test]
    fn covering_counts_the_statuses() {
        use ProjectStatus::*;
        assert_eq!(covering(&[]), "no project");
        assert_eq!(covering(&[Done, Pilot, Pilot]), "3 projects: 2 pilot, done");
    }
}
