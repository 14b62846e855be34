//! The radar: the client's eight areas on a spider web against the
//! portfolio's median and top quartile, with the client's targets as a
//! dashed ring when it set any.

use super::colour::*;
use super::{legend, px, Drawn, Palette, U};
use crate::report::AreaBenchmark;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The eight areas on a spider web: the client against the portfolio's
/// median and top quartile.
pub fn radar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Palette,
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
            p.font(6.5, &MUTED, HPos::Center, VPos::Center),
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
        area.draw(&Text::new(d.name.clone(), (x, y), p.font(8.0, &TEXT, h, v)))?;
    }
    area.draw(&PathElement::new(
        series(|d| d.median),
        p.median.stroke_width(px(1.0) as u32),
    ))?;
    area.draw(&PathElement::new(
        series(|d| d.top_quartile),
        p.top_quartile.stroke_width(px(1.2) as u32),
    ))?;
    let targeted = data.iter().any(|d| d.target.is_some());
    if targeted {
        // Areas without a target keep the client's score on the ring.
        let ring = series(|d| d.target.unwrap_or(d.client));
        dashed(area, &ring, TEXT.stroke_width(px(1.2) as u32))?;
    }
    area.draw(&PathElement::new(
        series(|d| d.client),
        p.client.stroke_width(px(2.0) as u32),
    ))?;
    for (i, d) in data.iter().enumerate() {
        area.draw(&Circle::new(at(i, d.client), px(2.2), p.client.filled()))?;
    }
    let y = (h - legend_height / 2.0) as i32;
    let target = p.words.get("chart-target");
    let mut entries = vec![
        (p.words.get("chart-client"), p.client),
        (p.words.get("chart-portfolio-median"), p.median),
        (p.words.get("chart-top-quartile"), p.top_quartile),
    ];
    if targeted {
        entries.push((target, TEXT));
    }
    let entries: Vec<(&str, RGBColor)> = entries.iter().map(|(l, c)| (l.as_str(), *c)).collect();
    legend(area, p, (px(10.0), y), &entries)
}

/// A polyline drawn in dashes of 4 pt with 3 pt gaps, the same on every backend.
pub(super) fn dashed<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[(i32, i32)],
    style: ShapeStyle,
) -> Drawn<DB> {
    let (dash, gap) = (4.0 * U, 3.0 * U);
    let mut drawing = true;
    let mut left = dash;
    for pair in points.windows(2) {
        let [(x0, y0), (x1, y1)] = pair else {
            continue;
        };
        let (x0, y0, x1, y1) = (*x0, *y0, *x1, *y1);
        let (dx, dy) = (f64::from(x1 - x0), f64::from(y1 - y0));
        let length = dx.hypot(dy);
        let mut done = 0.0;
        while done < length {
            let step = left.min(length - done);
            let at = |t: f64| {
                (
                    x0 + (dx * t / length).round() as i32,
                    y0 + (dy * t / length).round() as i32,
                )
            };
            if drawing {
                area.draw(&PathElement::new(vec![at(done), at(done + step)], style))?;
            }
            done += step;
            left -= step;
            if left <= 0.0 {
                drawing = !drawing;
                left = if drawing { dash } else { gap };
            }
        }
    }
    Ok(())
}
