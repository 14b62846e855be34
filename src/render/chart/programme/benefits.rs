//! Money per project: benefit planned and realised, cost planned and spent,
//! on one scale for the whole programme.

use super::{at, line, width_of, NAMES, WIDTH};
use crate::render::chart::colour::{Palette, *};
use crate::render::chart::{legend, px, Drawn};
use crate::render::programme::{short_money, totals_caption, Say};
use crate::report::programme::ProgrammeReport;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::ops::Range;

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
    palette: &Palette,
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
    // A handful of ticks whatever the amounts: never one per step of a
    // scale that overflowed.
    let ticks = (largest / step).ceil().clamp(1.0, 8.0);
    let ceiling = (ticks * step).min(f64::MAX);
    let (left, right) = (NAMES, width - VALUES);
    let x = |v: f64| left + (right - left) * (v / ceiling).clamp(0.0, 1.0);
    let bottom = MONEY_TOP + PROJECT * projects.len() as f64;
    for k in 0..=ticks as u32 {
        let value = step * f64::from(k);
        area.draw(&PathElement::new(
            vec![at(x(value), MONEY_TOP - 3.0), at(x(value), bottom)],
            GRID.stroke_width(px(0.5) as u32),
        ))?;
        area.draw(&Text::new(
            short_money(value),
            at(x(value), MONEY_TOP - 5.0),
            palette.font(7.0, &MUTED, HPos::Center, VPos::Bottom),
        ))?;
    }
    let w = palette.words;
    let names = [
        w.get("chart-benefit-planned"),
        w.get("chart-benefit-realised"),
        w.get("chart-cost-planned"),
        w.get("chart-cost-spent"),
    ];
    let colours = [
        palette.intention,
        palette.client,
        palette.planned_cost,
        palette.top_quartile,
    ];
    let series: Vec<(&str, RGBColor)> = names.iter().map(String::as_str).zip(colours).collect();
    for (i, p) in projects.iter().enumerate() {
        let row = MONEY_TOP + PROJECT * i as f64;
        line(
            area,
            &p.name,
            (left - 6.0, row + PROJECT / 2.0),
            left - 10.0,
            palette.font(8.0, &TEXT, HPos::Right, VPos::Center),
        )?;
        let values = [
            Some(p.benefit_planned),
            p.benefit_actual,
            Some(p.cost_planned),
            p.cost_actual,
        ];
        let first = row + (PROJECT - 4.0 * BAR - 3.0) / 2.0;
        for (k, (value, colour)) in values.into_iter().zip(colours).enumerate() {
            let top = first + (BAR + 1.0) * k as f64;
            let label = match value {
                Some(v) => {
                    area.draw(&Rectangle::new(
                        [at(x(0.0), top), at(x(v), top + BAR)],
                        colour.filled(),
                    ))?;
                    short_money(v)
                }
                None => w.get("chart-not-known-yet"),
            };
            area.draw(&Text::new(
                label,
                at(x(value.unwrap_or(0.0)) + 3.0, top + BAR / 2.0),
                palette.font(6.0, &TEXT, HPos::Left, VPos::Center),
            ))?;
        }
    }
    legend(area, palette, at(0.0, bottom + 12.0), &series)?;
    line(
        area,
        &totals_caption(Say(w), &report.money),
        (0.0, bottom + 27.0),
        width,
        palette.font(8.0, &TEXT, HPos::Left, VPos::Center),
    )
}

#[cfg(test)]
mod tests {
    use super::super::{assert_shows, svg};
    use super::*;
    use crate::render::programme::sample;

    #[test]
    fn the_money_chart_names_what_it_shows_in_real_text() {
        let report = sample::report();
        let n = report.projects.len();
        let money = svg(benefits_size(n), |a| {
            benefits(a, &Palette::default(), &report, 0..n).map_err(|e| e.to_string())
        });
        assert_shows(
            &money,
            "money chart",
            &[
                "Benefit realised",
                "Total benefit realised",
                "not known yet",
            ],
        );
    }

    #[test]
    fn amounts_at_the_limits_of_a_number_draw_a_handful_of_ticks() {
        // A project stored before amounts were bounded: the scale overflows
        // to infinity, and the chart still has a few ticks, not billions.
        let mut report = sample::report();
        let n = report.projects.len();
        report.projects[0].benefit_planned = f64::MAX;
        let money = svg(benefits_size(n), |a| {
            benefits(a, &Palette::default(), &report, 0..n).map_err(|e| e.to_string())
        });
        let ticks = money.matches("stroke-width").count();
        assert!(ticks < 50, "{ticks} strokes");
    }
}
