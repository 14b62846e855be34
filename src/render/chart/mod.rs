//! The reports' charts, drawn with plotters on any backend: SVG for the
//! HTML pages, printpdf operations for the PDFs. Sizes are in backend units
//! (`pdf::UNITS_PER_PT` per point) so both come out alike.

mod canvas;
pub mod colour;
mod paths;
pub mod pdf;
mod programme;
mod radar;
pub mod svg;
mod text;
mod waves;

use crate::report::{AreaRow, TrendPoint};
pub use colour::Palette;
use colour::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

pub use paths::{paths, PATHS};
pub use programme::{benefits, benefits_size, coverage, coverage_size, gantt, gantt_size};
pub use radar::radar;
pub use waves::{waves, waves_size, WaveRow};

/// Chart sizes in points.
pub const RADAR: (f32, f32) = (500.0, 270.0);
pub const BARS: (f32, f32) = (515.0, 290.0);
pub const TREND: (f32, f32) = (515.0, 210.0);
pub const SCATTER: (f32, f32) = (330.0, 300.0);
pub const HEATMAP: (f32, f32) = (515.0, 330.0);

/// A size in points as backend units.
pub fn units((w, h): (f32, f32)) -> (u32, u32) {
    (
        (w * pdf::UNITS_PER_PT) as u32,
        (h * pdf::UNITS_PER_PT) as u32,
    )
}

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

const U: f64 = pdf::UNITS_PER_PT as f64;

fn px(points: f64) -> i32 {
    (points * U).round() as i32
}

/// A small legend: coloured swatches with their labels, in a row from `(x, y)`.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Palette,
    (x, y): (i32, i32),
    entries: &[(&str, RGBColor)],
) -> Drawn<DB> {
    let mut at = x;
    for (label, colour) in entries {
        area.draw(&Rectangle::new(
            [(at, y - px(4.0)), (at + px(10.0), y + px(4.0))],
            colour.filled(),
        ))?;
        let style = p.font(8.0, &TEXT, HPos::Left, VPos::Center);
        area.draw(&Text::new(label.to_string(), (at + px(14.0), y), style))?;
        let width = crate::render::font::fonts_of(p.family)
            .face(crate::render::font::Weight::Regular)
            .width(label, 8.0);
        at += px(14.0) + (f64::from(width) * U) as i32 + px(14.0);
    }
    Ok(())
}

/// Vertical grid lines at 0, 25, 50, 75 and 100 % of `x`, labelled above.
fn across_percent<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Palette,
    x: &dyn Fn(f64) -> i32,
    (top, bottom): (i32, i32),
) -> Drawn<DB> {
    for tick in (0..=100).step_by(25) {
        let tx = x(f64::from(tick));
        area.draw(&PathElement::new(
            vec![(tx, top), (tx, bottom)],
            GRID.stroke_width(px(0.5) as u32),
        ))?;
        area.draw(&Text::new(
            format!("{tick}%"),
            (tx, top - px(3.0)),
            p.font(7.0, &MUTED, HPos::Center, VPos::Bottom),
        ))?;
    }
    Ok(())
}

/// Horizontal grid lines at 0, 25, 50, 75 and 100 % of `y`, labelled left.
fn up_percent<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Palette,
    y: &dyn Fn(f64) -> i32,
    (left, right): (i32, i32),
) -> Drawn<DB> {
    for tick in (0..=100).step_by(25) {
        let ty = y(f64::from(tick));
        area.draw(&PathElement::new(
            vec![(left, ty), (right, ty)],
            GRID.stroke_width(px(0.5) as u32),
        ))?;
        area.draw(&Text::new(
            format!("{tick}%"),
            (left - px(4.0), ty),
            p.font(7.0, &MUTED, HPos::Right, VPos::Center),
        ))?;
    }
    Ok(())
}

/// One row per area: Intention and Reality bars against the portfolio's
/// median and top quartile (ticks), with the combined score and its change.
pub fn area_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Palette,
    rows: &[AreaRow],
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (left, right, top, bottom) = (px(150.0), w - px(70.0), px(16.0), h - px(22.0));
    let x = |value: f64| {
        left + ((right - left) as f64 * value.clamp(0.0, 100.0) / 100.0).round() as i32
    };
    let row_height = (bottom - top) / rows.len().max(1) as i32;
    across_percent(area, p, &x, (top, bottom))?;
    for (i, row) in rows.iter().enumerate() {
        let y0 = top + row_height * i as i32;
        let mid = y0 + row_height / 2;
        let bar = (row_height / 4).max(1);
        area.draw(&Text::new(
            row.name.clone(),
            (left - px(6.0), mid),
            p.font(8.0, &TEXT, HPos::Right, VPos::Center),
        ))?;
        area.draw(&Rectangle::new(
            [
                (x(0.0), mid - bar - px(0.5)),
                (x(row.intention), mid - px(0.5)),
            ],
            p.intention.filled(),
        ))?;
        area.draw(&Rectangle::new(
            [
                (x(0.0), mid + px(0.5)),
                (x(row.reality), mid + bar + px(0.5)),
            ],
            p.client.filled(),
        ))?;
        for (value, colour) in [(row.median, p.median), (row.top_quartile, p.top_quartile)] {
            let tx = x(value);
            area.draw(&PathElement::new(
                vec![(tx, mid - bar - px(3.0)), (tx, mid + bar + px(3.0))],
                colour.stroke_width(px(1.5) as u32),
            ))?;
        }
        if let Some(target) = row.target {
            // A downward triangle above the bars: the combined score aimed for.
            let tx = x(target);
            let top = mid - bar - px(3.5);
            area.draw(&Polygon::new(
                vec![
                    (tx - px(3.5), top - px(5.0)),
                    (tx + px(3.5), top - px(5.0)),
                    (tx, top),
                ],
                TEXT.filled(),
            ))?;
        }
        let delta = row.delta.map_or(String::new(), |d| format!(" ({d:+.0})"));
        let label = format!("{:.0}%{delta}", row.combined);
        area.draw(&Text::new(
            label,
            (right + px(6.0), mid),
            p.font(8.0, &TEXT, HPos::Left, VPos::Center),
        ))?;
    }
    let mut entries = vec![
        (p.words.get("chart-intention"), p.intention),
        (p.words.get("chart-reality"), p.client),
        (p.words.get("chart-portfolio-median"), p.median),
        (p.words.get("chart-top-quartile"), p.top_quartile),
    ];
    if rows.iter().any(|r| r.target.is_some()) {
        entries.push((p.words.get("chart-target"), TEXT));
    }
    let entries: Vec<(&str, RGBColor)> = entries.iter().map(|(l, c)| (l.as_str(), *c)).collect();
    legend(area, p, (left, h - px(8.0)), &entries)
}

/// Overall and per-area scores over the client's assessments.
pub fn trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Palette,
    points: &[TrendPoint],
    names: &[String],
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (left, right, top, bottom) = (px(34.0), w - px(30.0), px(8.0), h - px(40.0));
    let y = |value: f64| {
        bottom - ((bottom - top) as f64 * value.clamp(0.0, 100.0) / 100.0).round() as i32
    };
    let steps = (points.len().max(2) - 1) as f64;
    let x = |i: usize| left + ((right - left) as f64 * i as f64 / steps).round() as i32;
    up_percent(area, p, &y, (left, right))?;
    for (i, point) in points.iter().enumerate() {
        area.draw(&Text::new(
            p.words.month_year(point.date),
            (x(i), bottom + px(4.0)),
            p.font(7.0, &MUTED, HPos::Center, VPos::Top),
        ))?;
    }
    let overall = p.words.get("chart-overall");
    let mut entries: Vec<(&str, RGBColor)> = vec![(overall.as_str(), p.client)];
    for (a, name) in names.iter().enumerate() {
        let colour = p.lines.iter().cycle().nth(a).copied().unwrap_or(p.client);
        let line: Vec<(i32, i32)> = points
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.areas.get(a).map(|v| (x(i), y(*v))))
            .collect();
        area.draw(&PathElement::new(line, colour.stroke_width(px(1.0) as u32)))?;
        entries.push((name.as_str(), colour));
    }
    let overall: Vec<(i32, i32)> = points
        .iter()
        .enumerate()
        .map(|(i, p)| (x(i), y(p.overall)))
        .collect();
    area.draw(&PathElement::new(
        overall.clone(),
        p.client.stroke_width(px(2.5) as u32),
    ))?;
    for point in overall {
        area.draw(&Circle::new(point, px(2.5), p.client.filled()))?;
    }
    let (first, second) = entries.split_at(entries.len().min(5));
    legend(area, p, (left, h - px(22.0)), first)?;
    legend(area, p, (left, h - px(9.0)), second)
}

/// Clients by overall assessment rank (x) against business-performance rank
/// (y), 1 = best on both, with the least-squares line through them.
pub fn scatter<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Palette,
    points: &[(f64, f64)],
    caption: &str,
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (left, right, top, bottom) = (px(40.0), w - px(12.0), px(20.0), h - px(36.0));
    let n = points.iter().map(|p| p.0.max(p.1)).fold(1.0f64, f64::max);
    let x = |rank: f64| {
        left + ((right - left) as f64 * (rank - 1.0) / (n - 1.0).max(1.0)).round() as i32
    };
    let y = |rank: f64| {
        top + ((bottom - top) as f64 * (rank - 1.0) / (n - 1.0).max(1.0)).round() as i32
    };
    area.draw(&Rectangle::new(
        [(left, top), (right, bottom)],
        GRID.stroke_width(px(0.5) as u32),
    ))?;
    let step = ((n / 5.0).ceil() as usize).max(1);
    for tick in (1..=n as usize).step_by(step) {
        let t = tick as f64;
        area.draw(&Text::new(
            tick.to_string(),
            (x(t), bottom + px(4.0)),
            p.font(7.0, &MUTED, HPos::Center, VPos::Top),
        ))?;
        area.draw(&Text::new(
            tick.to_string(),
            (left - px(4.0), y(t)),
            p.font(7.0, &MUTED, HPos::Right, VPos::Center),
        ))?;
    }
    area.draw(&Text::new(
        p.words.get("chart-assessment-rank"),
        ((left + right) / 2, h - px(6.0)),
        p.font(8.0, &TEXT, HPos::Center, VPos::Bottom),
    ))?;
    area.draw(&Text::new(
        p.words.get("chart-performance-rank"),
        (left, px(2.0)),
        p.font(8.0, &TEXT, HPos::Left, VPos::Top),
    ))?;
    // Least squares of performance rank on assessment rank.
    let count = points.len() as f64;
    if count >= 2.0 {
        let (mx, my) = (
            points.iter().map(|p| p.0).sum::<f64>() / count,
            points.iter().map(|p| p.1).sum::<f64>() / count,
        );
        let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
        let slope = if sxx > 0.0 {
            points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>() / sxx
        } else {
            0.0
        };
        let at = |r: f64| (my + slope * (r - mx)).clamp(1.0, n);
        area.draw(&PathElement::new(
            vec![(x(1.0), y(at(1.0))), (x(n), y(at(n)))],
            p.top_quartile.stroke_width(px(1.5) as u32),
        ))?;
    }
    for (a, b) in points {
        area.draw(&Circle::new((x(*a), y(*b)), px(2.2), p.client.filled()))?;
    }
    area.draw(&Text::new(
        caption.to_owned(),
        (right - px(4.0), top + px(4.0)),
        p.font(8.0, &TEXT, HPos::Right, VPos::Top),
    ))
}

/// A cell of the heat map: its correlation and whether it survives Holm.
pub struct HeatCell {
    pub r: Option<f64>,
    pub significant: bool,
}

/// Correlations of scores (rows) with measures (columns): blue for positive,
/// red for negative, darker when stronger; an asterisk where Holm keeps it.
pub fn heatmap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Palette,
    rows: &[String],
    columns: &[String],
    cells: &[Vec<HeatCell>],
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (left, top, bottom) = (px(160.0), px(78.0), h - px(18.0));
    let cell_w = (w - left) / columns.len().max(1) as i32;
    let cell_h = (bottom - top) / rows.len().max(1) as i32;
    for (j, name) in columns.iter().enumerate() {
        let cx = left + cell_w * j as i32 + cell_w / 2;
        let style = p
            .font(7.0, &TEXT, HPos::Left, VPos::Center)
            .transform(FontTransform::Rotate270);
        area.draw(&Text::new(
            crate::render::pdf::fit(
                name,
                7.0,
                crate::render::font::fonts_of(p.family).face(crate::render::font::Weight::Regular),
                100.0,
            ),
            (cx, top - px(4.0)),
            style,
        ))?;
    }
    for (i, name) in rows.iter().enumerate() {
        let y0 = top + cell_h * i as i32;
        area.draw(&Text::new(
            name.clone(),
            (left - px(6.0), y0 + cell_h / 2),
            p.font(8.0, &TEXT, HPos::Right, VPos::Center),
        ))?;
        for (j, cell) in cells
            .get(i)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let x0 = left + cell_w * j as i32;
            let fill = cell.r.map_or(RGBColor(0xf2, 0xf2, 0xf2), |r| {
                let strength = r.abs().min(1.0);
                let (end_r, end_g, end_b) = if r >= 0.0 {
                    (0x1f, 0x4e, 0x79)
                } else {
                    (0xb0, 0x3a, 0x2e)
                };
                let mix = |from: u8, to: u8| {
                    (f64::from(from) + (f64::from(to) - f64::from(from)) * strength).round() as u8
                };
                RGBColor(mix(0xff, end_r), mix(0xff, end_g), mix(0xff, end_b))
            });
            area.draw(&Rectangle::new(
                [
                    (x0 + px(1.0), y0 + px(1.0)),
                    (x0 + cell_w - px(1.0), y0 + cell_h - px(1.0)),
                ],
                fill.filled(),
            ))?;
            let label = cell.r.map_or("–".to_owned(), |r| {
                format!(
                    "{}{}",
                    p.words.number(r, 2),
                    if cell.significant { "*" } else { "" }
                )
            });
            let ink = if cell.r.is_some_and(|r| r.abs() > 0.5) {
                RGBColor(0xff, 0xff, 0xff)
            } else {
                TEXT
            };
            area.draw(&Text::new(
                label,
                (x0 + cell_w / 2, y0 + cell_h / 2),
                p.font(7.5, &ink, HPos::Center, VPos::Center),
            ))?;
        }
    }
    area.draw(&Text::new(
        p.words.get("chart-significant"),
        (left, h - px(4.0)),
        p.font(7.0, &MUTED, HPos::Left, VPos::Bottom),
    ))
}
