//! The scorecard's charts, drawn with plotters on any backend: SVG for the
//! HTML page, printpdf operations for the PDF. Sizes are in backend units
//! (`pdf::UNITS_PER_PT` per point) so both come out alike.

pub mod colour;
pub mod pdf;
pub mod svg;
mod text;

use crate::report::{AreaBenchmark, AreaRow, TrendPoint};
use colour::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Chart sizes in points.
pub const RADAR: (f32, f32) = (500.0, 270.0);
pub const BARS: (f32, f32) = (515.0, 290.0);
pub const TREND: (f32, f32) = (515.0, 210.0);

/// A size in points as backend units.
pub fn units((w, h): (f32, f32)) -> (u32, u32) {
    (
        (w * pdf::UNITS_PER_PT) as u32,
        (h * pdf::UNITS_PER_PT) as u32,
    )
}

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

const U: f64 = pdf::UNITS_PER_PT as f64;

fn font(points: f64, colour: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    ("sans-serif", points * U)
        .into_font()
        .color(colour)
        .pos(Pos::new(h, v))
}

fn px(points: f64) -> i32 {
    (points * U).round() as i32
}

/// A small legend: coloured swatches with their labels, in a row from `(x, y)`.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    entries: &[(&str, RGBColor)],
) -> Drawn<DB> {
    let mut at = x;
    for (label, colour) in entries {
        area.draw(&Rectangle::new(
            [(at, y - px(4.0)), (at + px(10.0), y + px(4.0))],
            colour.filled(),
        ))?;
        let style = font(8.0, &TEXT, HPos::Left, VPos::Center);
        area.draw(&Text::new(label.to_string(), (at + px(14.0), y), style))?;
        let width = crate::render::font::fonts()
            .face(crate::render::font::Weight::Regular)
            .width(label, 8.0);
        at += px(14.0) + (f64::from(width) * U) as i32 + px(14.0);
    }
    Ok(())
}

/// The eight areas on a spider web: the client against the portfolio's
/// median and top quartile.
pub fn radar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &[AreaBenchmark],
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let legend_height = 16.0 * U;
    let centre = (w / 2.0, (h - legend_height) / 2.0 + 2.0 * U);
    let radius = ((h - legend_height) / 2.0 - 22.0 * U)
        .min(w / 2.0 - 70.0 * U)
        .max(10.0);
    let n = data.len().max(1) as f64;
    let at = |i: usize, value: f64| -> (i32, i32) {
        let angle = std::f64::consts::FRAC_PI_2 - i as f64 / n * std::f64::consts::TAU;
        let r = radius * value.clamp(0.0, 100.0) / 100.0;
        (
            (centre.0 + r * angle.cos()).round() as i32,
            (centre.1 - r * angle.sin()).round() as i32,
        )
    };
    let ring = |value: f64| -> Vec<(i32, i32)> {
        (0..data.len())
            .chain(std::iter::once(0))
            .map(|i| at(i, value))
            .collect()
    };
    let series = |pick: fn(&AreaBenchmark) -> f64| -> Vec<(i32, i32)> {
        (0..data.len())
            .chain(std::iter::once(0))
            .filter_map(|i| data.get(i).map(|d| at(i, pick(d))))
            .collect()
    };

    area.draw(&Polygon::new(series(|d| d.median), MEDIAN_FILL.filled()))?;
    for level in [25.0, 50.0, 75.0, 100.0] {
        area.draw(&PathElement::new(
            ring(level),
            GRID.stroke_width(px(0.5) as u32),
        ))?;
        // Ring values sit between the first two spokes, clear of the area names.
        let angle = std::f64::consts::FRAC_PI_2 - 0.5 / n * std::f64::consts::TAU;
        let r = radius * level / 100.0;
        let (x, y) = (
            (centre.0 + r * angle.cos()) as i32,
            (centre.1 - r * angle.sin()) as i32,
        );
        area.draw(&Text::new(
            format!("{level:.0}%"),
            (x, y),
            font(6.5, &MUTED, HPos::Center, VPos::Center),
        ))?;
    }
    for (i, d) in data.iter().enumerate() {
        area.draw(&PathElement::new(
            vec![at(i, 0.0), at(i, 100.0)],
            GRID.stroke_width(px(0.5) as u32),
        ))?;
        let angle = std::f64::consts::FRAC_PI_2 - i as f64 / n * std::f64::consts::TAU;
        let (x, y) = at(i, 112.0);
        let h = if angle.cos() > 0.2 {
            HPos::Left
        } else if angle.cos() < -0.2 {
            HPos::Right
        } else {
            HPos::Center
        };
        let v = if angle.sin() > 0.5 {
            VPos::Bottom
        } else if angle.sin() < -0.5 {
            VPos::Top
        } else {
            VPos::Center
        };
        area.draw(&Text::new(d.name.clone(), (x, y), font(8.0, &TEXT, h, v)))?;
    }
    area.draw(&PathElement::new(
        series(|d| d.median),
        MEDIAN.stroke_width(px(1.0) as u32),
    ))?;
    area.draw(&PathElement::new(
        series(|d| d.top_quartile),
        TOP_QUARTILE.stroke_width(px(1.2) as u32),
    ))?;
    area.draw(&PathElement::new(
        series(|d| d.client),
        CLIENT.stroke_width(px(2.0) as u32),
    ))?;
    for (i, d) in data.iter().enumerate() {
        area.draw(&Circle::new(at(i, d.client), px(2.2), CLIENT.filled()))?;
    }
    let y = (h - legend_height / 2.0) as i32;
    legend(
        area,
        (px(10.0), y),
        &[
            ("Client", CLIENT),
            ("Portfolio median", MEDIAN),
            ("Top quartile", TOP_QUARTILE),
        ],
    )
}

/// One row per area: Intention and Reality bars against the portfolio's
/// median and top quartile (ticks), with the combined score and its change.
pub fn area_bars<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, rows: &[AreaRow]) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (left, right, top, bottom) = (px(150.0), w - px(70.0), px(16.0), h - px(22.0));
    let x = |value: f64| {
        left + ((right - left) as f64 * value.clamp(0.0, 100.0) / 100.0).round() as i32
    };
    let row_height = (bottom - top) / rows.len().max(1) as i32;
    for tick in (0..=100).step_by(25) {
        let tx = x(f64::from(tick));
        area.draw(&PathElement::new(
            vec![(tx, top), (tx, bottom)],
            GRID.stroke_width(px(0.5) as u32),
        ))?;
        area.draw(&Text::new(
            format!("{tick}%"),
            (tx, top - px(3.0)),
            font(7.0, &MUTED, HPos::Center, VPos::Bottom),
        ))?;
    }
    for (i, row) in rows.iter().enumerate() {
        let y0 = top + row_height * i as i32;
        let mid = y0 + row_height / 2;
        let bar = (row_height / 4).max(1);
        area.draw(&Text::new(
            row.name.clone(),
            (left - px(6.0), mid),
            font(8.0, &TEXT, HPos::Right, VPos::Center),
        ))?;
        area.draw(&Rectangle::new(
            [
                (x(0.0), mid - bar - px(0.5)),
                (x(row.intention), mid - px(0.5)),
            ],
            INTENTION.filled(),
        ))?;
        area.draw(&Rectangle::new(
            [
                (x(0.0), mid + px(0.5)),
                (x(row.reality), mid + bar + px(0.5)),
            ],
            REALITY.filled(),
        ))?;
        for (value, colour) in [(row.median, MEDIAN), (row.top_quartile, TOP_QUARTILE)] {
            let tx = x(value);
            area.draw(&PathElement::new(
                vec![(tx, mid - bar - px(3.0)), (tx, mid + bar + px(3.0))],
                colour.stroke_width(px(1.5) as u32),
            ))?;
        }
        let delta = row.delta.map_or(String::new(), |d| format!(" ({d:+.0})"));
        let label = format!("{:.0}%{delta}", row.combined);
        area.draw(&Text::new(
            label,
            (right + px(6.0), mid),
            font(8.0, &TEXT, HPos::Left, VPos::Center),
        ))?;
    }
    legend(
        area,
        (left, h - px(8.0)),
        &[
            ("Intention", INTENTION),
            ("Reality", REALITY),
            ("Portfolio median", MEDIAN),
            ("Top quartile", TOP_QUARTILE),
        ],
    )
}

/// Overall and per-area scores over the client's assessments.
pub fn trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[TrendPoint],
    names: &[String],
) -> Drawn<DB> {
    const LINES: [RGBColor; 8] = [
        RGBColor(0x8f, 0xb4, 0xd9),
        RGBColor(0xc0, 0x7a, 0x12),
        RGBColor(0x5b, 0x8c, 0x5a),
        RGBColor(0x9b, 0x59, 0xb6),
        RGBColor(0xb0, 0x3a, 0x2e),
        RGBColor(0x2e, 0x86, 0x8c),
        RGBColor(0x7f, 0x8c, 0x8d),
        RGBColor(0xd4, 0xac, 0x0d),
    ];
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (left, right, top, bottom) = (px(34.0), w - px(10.0), px(8.0), h - px(40.0));
    let y = |value: f64| {
        bottom - ((bottom - top) as f64 * value.clamp(0.0, 100.0) / 100.0).round() as i32
    };
    let steps = (points.len().max(2) - 1) as f64;
    let x = |i: usize| left + ((right - left) as f64 * i as f64 / steps).round() as i32;
    for tick in (0..=100).step_by(25) {
        let ty = y(f64::from(tick));
        area.draw(&PathElement::new(
            vec![(left, ty), (right, ty)],
            GRID.stroke_width(px(0.5) as u32),
        ))?;
        area.draw(&Text::new(
            format!("{tick}%"),
            (left - px(4.0), ty),
            font(7.0, &MUTED, HPos::Right, VPos::Center),
        ))?;
    }
    for (i, p) in points.iter().enumerate() {
        area.draw(&Text::new(
            p.date.format("%b %Y").to_string(),
            (x(i), bottom + px(4.0)),
            font(7.0, &MUTED, HPos::Center, VPos::Top),
        ))?;
    }
    let mut entries: Vec<(&str, RGBColor)> = vec![("Overall", CLIENT)];
    for (a, name) in names.iter().enumerate() {
        let colour = LINES[a % LINES.len()];
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
        CLIENT.stroke_width(px(2.5) as u32),
    ))?;
    for point in overall {
        area.draw(&Circle::new(point, px(2.5), CLIENT.filled()))?;
    }
    let (first, second) = entries.split_at(entries.len().min(5));
    legend(area, (left, h - px(22.0)), first)?;
    legend(area, (left, h - px(9.0)), second)
}
