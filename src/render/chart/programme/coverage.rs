//! The coverage map: the grid of business units by customer groups, each
//! cell coloured by its latest score.

use super::{at, line, note, width_of, WIDTH};
use crate::domain::i18n::Words;
use crate::domain::programme::ProjectStatus;
use crate::render::chart::colour::{self, Palette, *};
use crate::render::chart::{legend, Drawn};
use crate::render::font::{fonts_of, Face, Weight};
use crate::render::pdf::{fit, wrap};
use crate::report::programme::{Basis, CellView, ProgrammeReport};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::ops::Range;

/// `text` in at most `max` lines of `width` points, the last shortened with "…".
fn wrapped(text: &str, size: f32, face: &Face, width: f64, max: usize) -> Vec<String> {
    let width = width as f32;
    let mut lines = wrap(text, size, face, width);
    if lines.len() > max {
        let rest = lines.split_off(max - 1).join(" ");
        lines.push(fit(&rest, size, face, width));
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
    palette: &Palette,
    report: &ProgrammeReport,
    units: Range<usize>,
) -> Drawn<DB> {
    let width = width_of(area);
    let groups = &report.grid.groups;
    let cell_w = (width - UNIT_LABELS) / groups.len().max(1) as f64;
    for (j, group) in groups.iter().enumerate() {
        let x = UNIT_LABELS + cell_w * (j as f64 + 0.5);
        let text = wrapped(
            group,
            7.5,
            fonts_of(palette.family).face(Weight::Bold),
            cell_w - 6.0,
            2,
        );
        let style = palette.bold(7.5, &TEXT, HPos::Center, VPos::Center);
        stack(area, &text, (x, GROUP_LABELS / 2.0), 7.5, &style)?;
    }
    let names = report.grid.units.get(units.clone()).unwrap_or_default();
    let rows = report.cells.get(units).unwrap_or_default();
    for (i, (name, row)) in names.iter().zip(rows).enumerate() {
        let top = GROUP_LABELS + CELL * i as f64;
        let text = wrapped(
            name,
            8.0,
            fonts_of(palette.family).face(Weight::Regular),
            UNIT_LABELS - 8.0,
            3,
        );
        let style = palette.font(8.0, &TEXT, HPos::Right, VPos::Center);
        stack(
            area,
            &text,
            (UNIT_LABELS - 6.0, top + CELL / 2.0),
            8.0,
            &style,
        )?;
        for (j, c) in row.iter().enumerate() {
            cell(
                area,
                palette,
                c,
                (UNIT_LABELS + cell_w * j as f64, top),
                cell_w,
            )?;
        }
    }
    let key = GROUP_LABELS + CELL * rows.len() as f64 + 12.0;
    area.draw(&Text::new(
        palette.words.get("chart-latest-score"),
        at(0.0, key),
        palette.font(8.0, &MUTED, HPos::Left, VPos::Center),
    ))?;
    let not_assessed = palette.words.get("chart-not-assessed");
    let steps: Vec<(&str, RGBColor)> = SCORE_STEPS
        .iter()
        .map(|(c, label)| (*label, *c))
        .chain([(not_assessed.as_str(), NOT_ASSESSED)])
        .collect();
    legend(area, palette, at(UNIT_LABELS, key), &steps)?;
    note(
        area,
        palette,
        &palette.words.get("chart-coverage-key"),
        key + 14.0,
    )
}

/// The wider scope a cell's score was inherited from, if any.
fn inherited(w: &Words, basis: Basis) -> Option<String> {
    let id = match basis {
        Basis::Unit => "chart-scope-unit",
        Basis::Group => "chart-scope-group",
        Basis::Company => "chart-scope-company",
        Basis::Cell | Basis::None => return None,
    };
    Some(w.get(id))
}

/// "3 projects: 2 pilot, done".
fn covering(w: &Words, statuses: &[ProjectStatus]) -> String {
    let parts: Vec<String> = ProjectStatus::ALL
        .iter()
        .filter_map(|s| {
            let label = w.get(&format!("programme-status_{}", s.as_str()));
            match statuses.iter().filter(|x| *x == s).count() {
                0 => None,
                1 => Some(label),
                n => Some(format!("{n} {label}")),
            }
        })
        .collect();
    if statuses.is_empty() {
        return w.get("chart-no-project");
    }
    w.fill(
        "chart-covering",
        &[
            (
                "projects",
                w.fill("chart-projects", &[("count", statuses.len().into())])
                    .into(),
            ),
            (
                "statuses",
                parts.join(&w.get("report-list-separator")).into(),
            ),
        ],
    )
}

fn cell<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    palette: &Palette,
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
        (None, _) => palette.words.get("chart-not-assessed"),
    };
    let centred = |size: f64| palette.font(size, &ink, HPos::Center, VPos::Center);
    line(
        area,
        &headline,
        (middle, y + 13.0),
        room,
        palette.bold(10.0, &ink, HPos::Center, VPos::Center),
    )?;
    let when = c
        .assessed_on
        .map_or(String::new(), |d| palette.words.month_year(d));
    let source = match inherited(palette.words, c.basis) {
        Some(scope) => format!("{when} ({scope})"),
        None => when,
    };
    line(area, &source, (middle, y + 25.0), room, centred(7.0))?;
    line(
        area,
        &covering(palette.words, &c.projects),
        (middle, y + 36.0),
        room,
        centred(7.0),
    )
}

#[cfg(test)]
mod tests {
    use super::super::{assert_shows, svg};
    use super::*;
    use crate::render::programme::sample;

    #[test]
    fn the_map_names_what_it_shows_in_real_text() {
        let report = sample::report();
        let map = svg(coverage_size(3), |a| {
            coverage(a, &Palette::default(), &report, 0..3).map_err(|e| e.to_string())
        });
        assert_shows(
            &map,
            "coverage map",
            &[
                "Retail banking",
                "current high value",
                "68%  +13",
                "(company)",
                "2 projects: pilot, stopped",
                "not assessed",
            ],
        );
    }

    #[test]
    fn covering_counts_the_statuses() {
        use ProjectStatus::*;
        let w = crate::domain::i18n::words(crate::domain::i18n::Language::En);
        assert_eq!(covering(w, &[]), "no project");
        assert_eq!(
            covering(w, &[Done, Pilot, Pilot]),
            "3 projects: 2 pilot, done"
        );
    }
}
