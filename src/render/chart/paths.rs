//! Planned against actual: for each area with a target, the scores the
//! client reached on each whole-company assessment (solid, with dots) and the
//! straight path planned from where the targets started to the target on
//! its due date (dashed), on a time axis.

use super::colour::MUTED;
use super::{legend, px, Drawn, Palette};
use crate::report::programme::AreaPath;
use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The chart's size in points.
pub const PATHS: (f32, f32) = (515.0, 230.0);

/// Each targeted area's planned and actual path.
pub fn paths<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Palette,
    paths: &[AreaPath],
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (left, right, top, bottom) = (px(34.0), w - px(30.0), px(8.0), h - px(60.0));
    let dates = paths
        .iter()
        .flat_map(|a| a.actual.iter().chain(&a.planned))
        .map(|pt| pt.date);
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
        return Ok(());
    };
    let days = (last - first).num_days().max(1) as f64;
    let x = |d: NaiveDate| {
        left + ((right - left) as f64 * (d - first).num_days() as f64 / days).round() as i32
    };
    let y = |v: f64| bottom - ((bottom - top) as f64 * v.clamp(0.0, 100.0) / 100.0).round() as i32;
    super::up_percent(area, p, &y, (left, right))?;
    for d in [first, last] {
        area.draw(&Text::new(
            p.words.month_year(d),
            (x(d), bottom + px(4.0)),
            p.font(7.0, &MUTED, HPos::Center, VPos::Top),
        ))?;
    }
    let mut entries = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        let colour = p.lines.iter().cycle().nth(i).copied().unwrap_or(p.client);
        let actual: Vec<(i32, i32)> = path
            .actual
            .iter()
            .map(|pt| (x(pt.date), y(pt.value)))
            .collect();
        area.draw(&PathElement::new(
            actual.clone(),
            colour.stroke_width(px(1.8) as u32),
        ))?;
        for point in actual {
            area.draw(&Circle::new(point, px(2.2), colour.filled()))?;
        }
        let planned: Vec<(i32, i32)> = path
            .planned
            .iter()
            .map(|pt| (x(pt.date), y(pt.value)))
            .collect();
        super::radar::dashed(area, &planned, colour.stroke_width(px(1.2) as u32))?;
        if let Some(end) = planned.last() {
            area.draw(&Circle::new(
                *end,
                px(3.0),
                colour.stroke_width(px(1.2) as u32),
            ))?;
        }
        entries.push((path.name.clone(), colour));
    }
    let note = p.words.get("chart-planned-dashed");
    area.draw(&Text::new(
        note,
        (left, h - px(38.0)),
        p.font(7.0, &MUTED, HPos::Left, VPos::Center),
    ))?;
    let entries: Vec<(&str, RGBColor)> = entries.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    let (one, two) = entries.split_at(entries.len().min(4));
    legend(area, p, (left, h - px(22.0)), one)?;
    legend(area, p, (left, h - px(9.0)), two)
}
