//! Each report's charts as SVG, drawn once for every format that shows them
//! as pictures: inline in the HTML pages, rasterised in the Word documents.

use super::chart::{self, svg::SvgBackend, Palette};
use super::programme as words;
use crate::report::programme::ProgrammeReport;
use crate::report::study::Study;
use crate::report::{Scorecard, TrendPoint};
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use std::ops::Range;

/// A chart as SVG, its size in points and what it shows (its title).
#[derive(Debug, Clone)]
pub struct Figure {
    pub svg: String,
    pub size: (f32, f32),
    pub title: String,
}

/// Draws a figure titled by the message `title` in the palette's language.
fn figure(
    palette: &Palette,
    size: (f32, f32),
    title: &str,
    draw: impl FnOnce(&DrawingArea<SvgBackend<'_>, Shift>, &Palette) -> Result<(), String>,
) -> anyhow::Result<Figure> {
    let title = palette.words.get(title);
    let mut svg = String::new();
    {
        let area = SvgBackend::new(&mut svg, chart::units(size), &title, palette.family)
            .into_drawing_area();
        draw(&area, palette).map_err(anyhow::Error::msg)?;
        area.present()
            .map_err(|e| anyhow::Error::msg(e.to_string()))?;
    }
    Ok(Figure { svg, size, title })
}

/// A chart of all `rows` rows of a report, or none without rows.
fn rows(
    palette: &Palette,
    rows: usize,
    size: fn(usize) -> (f32, f32),
    title: &str,
    draw: impl FnOnce(&DrawingArea<SvgBackend<'_>, Shift>, &Palette, Range<usize>) -> Result<(), String>,
) -> anyhow::Result<Option<Figure>> {
    if rows == 0 {
        return Ok(None);
    }
    figure(palette, size(rows), title, |a, p| draw(a, p, 0..rows)).map(Some)
}

/// The scorecard's radar, area bars and (from two assessments) trend.
pub struct ScorecardFigures {
    pub radar: Figure,
    pub bars: Figure,
    pub trend: Option<Figure>,
}

pub fn scorecard(card: &Scorecard, palette: &Palette) -> anyhow::Result<ScorecardFigures> {
    let names: Vec<String> = card.radar.iter().map(|a| a.name.clone()).collect();
    Ok(ScorecardFigures {
        radar: figure(palette, chart::RADAR, "figure-radar", |a, p| {
            chart::radar(a, p, &card.radar).map_err(|e| e.to_string())
        })?,
        bars: figure(palette, chart::BARS, "figure-bars", |a, p| {
            chart::area_bars(a, p, &card.areas).map_err(|e| e.to_string())
        })?,
        trend: (card.trend.len() >= 2)
            .then(|| trend(palette, &card.trend, &names))
            .transpose()?,
    })
}

/// The study's rank scatter and correlation heat map.
pub struct StudyFigures {
    pub scatter: Figure,
    pub heatmap: Figure,
}

pub fn study(study: &Study, palette: &Palette) -> anyhow::Result<StudyFigures> {
    let (points, caption) = (
        super::study::scatter_points(study),
        super::study::scatter_caption(study),
    );
    let (rows, columns, cells) = super::study::heat(study);
    Ok(StudyFigures {
        scatter: figure(palette, chart::SCATTER, "figure-scatter", |a, p| {
            chart::scatter(a, p, &points, &caption).map_err(|e| e.to_string())
        })?,
        heatmap: figure(palette, chart::HEATMAP, "figure-heatmap", |a, p| {
            chart::heatmap(a, p, &rows, &columns, &cells).map_err(|e| e.to_string())
        })?,
    })
}

/// The programme's coverage map, timeline, money chart and trend, each
/// only where it has something to show.
pub struct ProgrammeFigures {
    pub coverage: Option<Figure>,
    pub gantt: Option<Figure>,
    pub benefits: Option<Figure>,
    pub trend: Option<Figure>,
    pub paths: Option<Figure>,
}

pub fn programme(report: &ProgrammeReport, palette: &Palette) -> anyhow::Result<ProgrammeFigures> {
    let projects = report.projects.len();
    Ok(ProgrammeFigures {
        coverage: rows(
            palette,
            words::grid_rows(report),
            chart::coverage_size,
            "figure-coverage",
            |a, p, r| chart::coverage(a, p, report, r).map_err(|e| e.to_string()),
        )?,
        gantt: rows(
            palette,
            projects,
            chart::gantt_size,
            "figure-timeline",
            |a, p, r| chart::gantt(a, p, report, r).map_err(|e| e.to_string()),
        )?,
        benefits: rows(
            palette,
            projects,
            chart::benefits_size,
            "figure-benefits",
            |a, p, r| chart::benefits(a, p, report, r).map_err(|e| e.to_string()),
        )?,
        trend: (report.trend.len() >= 2)
            .then(|| trend(palette, &report.trend, &report.area_names))
            .transpose()?,
        paths: (!report.paths.is_empty())
            .then(|| {
                figure(palette, chart::PATHS, "figure-paths", |a, p| {
                    chart::paths(a, p, &report.paths).map_err(|e| e.to_string())
                })
            })
            .transpose()?,
    })
}

/// A client's scores over its final assessments.
pub fn trend(palette: &Palette, points: &[TrendPoint], names: &[String]) -> anyhow::Result<Figure> {
    figure(palette, chart::TREND, "figure-trend", |a, p| {
        chart::trend(a, p, points, names).map_err(|e| e.to_string())
    })
}

/// The comparison's chart: each area's combined score in both waves.
pub fn comparison(
    report: &crate::report::comparison::WaveReport,
    palette: &Palette,
) -> anyhow::Result<Figure> {
    let rows = super::comparison::chart_rows(report);
    figure(
        palette,
        chart::waves_size(rows.len()),
        "compare-figure-areas",
        |a, p| chart::waves(a, p, &rows).map_err(|e| e.to_string()),
    )
}
