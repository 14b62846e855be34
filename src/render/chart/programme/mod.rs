//! The programme report's charts: the grid coloured by score (`coverage`),
//! the projects over time (`timeline`), and money planned against realised
//! (`benefits`). Their heights grow with their rows, so each draws a range of
//! rows of the report: the PDF cuts a long chart into parts that fit a page.

mod benefits;
mod coverage;
mod timeline;

pub use benefits::{benefits, benefits_size};
pub use coverage::{coverage, coverage_size};
pub use timeline::{gantt, gantt_size};

use super::colour::Palette;
use super::{px, Drawn, U};
use crate::render::pdf::fit;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

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
    let face = super::text::face(&style);
    area.draw(&Text::new(
        fit(text, size, face, width as f32),
        at(x, y),
        style,
    ))
}

/// The small print under a chart's legend: how to read the chart.
fn note<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    palette: &Palette,
    text: &str,
    y: f64,
) -> Drawn<DB> {
    let style = palette.font(7.0, &super::colour::MUTED, HPos::Left, VPos::Center);
    line(area, text, (0.0, y), width_of(area), style)
}

/// A chart drawn as SVG, for the tests to read.
#[cfg(test)]
fn svg(
    size: (f32, f32),
    draw: impl FnOnce(&DrawingArea<super::svg::SvgBackend<'_>, Shift>) -> Result<(), String>,
) -> String {
    let mut out = String::new();
    {
        let area =
            super::svg::SvgBackend::new(&mut out, super::units(size), "chart", Default::default())
                .into_drawing_area();
        draw(&area).expect("drawn");
    }
    out
}

/// Fails unless the chart `name` shows every one of `expected` as text.
#[cfg(test)]
fn assert_shows(chart: &str, name: &str, expected: &[&str]) {
    for text in expected {
        assert!(chart.contains(text), "`{text}` missing from the {name}");
    }
}
