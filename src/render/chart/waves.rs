//! Two waves per area: the earlier score a hollow dot, the later a filled
//! one, joined by a line, so which way each area moved reads at a glance.

use super::colour::{TEXT, WHITE};
use super::{legend, px, Drawn, Palette};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// One row of the chart: the area's name and its combined score in each wave.
pub struct WaveRow {
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// The chart's size in points for `rows` areas.
pub fn waves_size(rows: usize) -> (f32, f32) {
    (515.0, 44.0 + 22.0 * rows as f32)
}

/// Earlier and later combined score per area on a 0–100% scale.
pub fn waves<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Palette,
    rows: &[WaveRow],
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (left, right, top, bottom) = (px(150.0), w - px(70.0), px(16.0), h - px(22.0));
    let x = |value: f64| {
        left + ((right - left) as f64 * value.clamp(0.0, 100.0) / 100.0).round() as i32
    };
    let row_height = (bottom - top) / rows.len().max(1) as i32;
    super::across_percent(area, p, &x, (top, bottom))?;
    for (i, row) in rows.iter().enumerate() {
        let mid = top + row_height * i as i32 + row_height / 2;
        area.draw(&Text::new(
            row.name.clone(),
            (left - px(6.0), mid),
            p.font(8.0, &TEXT, HPos::Right, VPos::Center),
        ))?;
        if let (Some(b), Some(a)) = (row.before, row.after) {
            area.draw(&PathElement::new(
                vec![(x(b), mid), (x(a), mid)],
                p.client.stroke_width(px(1.5) as u32),
            ))?;
        }
        if let Some(b) = row.before {
            area.draw(&Circle::new((x(b), mid), px(3.2), WHITE.filled()))?;
            area.draw(&Circle::new(
                (x(b), mid),
                px(3.2),
                p.median.stroke_width(px(1.2) as u32),
            ))?;
        }
        if let Some(a) = row.after {
            area.draw(&Circle::new((x(a), mid), px(3.2), p.client.filled()))?;
        }
        let label = match (row.before, row.after) {
            (Some(b), Some(a)) => format!("{:+.0}", a - b),
            _ => String::new(),
        };
        area.draw(&Text::new(
            label,
            (right + px(6.0), mid),
            p.font(8.0, &TEXT, HPos::Left, VPos::Center),
        ))?;
    }
    legend(
        area,
        p,
        (left, h - px(8.0)),
        &[
            (p.words.get("chart-earlier-wave").as_str(), p.median),
            (p.words.get("chart-later-wave").as_str(), p.client),
        ],
    )
}
