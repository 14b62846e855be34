//! The scorecard as an HTML page: handlebars templates under `reports/`,
//! with the same charts as inline SVG.

use super::chart::{self, svg::SvgBackend};
use crate::report::Scorecard;
use handlebars::{handlebars_helper, Handlebars};
use plotters::drawing::IntoDrawingArea;
use std::sync::OnceLock;

/// The template registry, built once: strict, so a missing field is an error, not a blank.
fn registry() -> &'static Result<Handlebars<'static>, String> {
    static REGISTRY: OnceLock<Result<Handlebars<'static>, String>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_helper("pct", Box::new(pct));
        hb.register_helper("opt_pct", Box::new(opt_pct));
        hb.register_helper("delta", Box::new(delta));
        hb.register_helper("fixed", Box::new(fixed));
        hb.register_partial(
            "study_body",
            include_str!("../../reports/study_body.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_template_string("study", include_str!("../../reports/study.html.hbs"))
            .map_err(|e| e.to_string())?;
        hb.register_template_string(
            "study_fragment",
            include_str!("../../reports/study_body.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_template_string(
            "scorecard",
            include_str!("../../reports/scorecard.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        Ok(hb)
    })
}

handlebars_helper!(fixed: |v: f64| format!("{v:.2}"));
handlebars_helper!(pct: |v: f64| format!("{v:.0}%"));
handlebars_helper!(opt_pct: |v: Json| v.as_f64().map_or("n/a".to_owned(), |v| format!("{v:.0}%")));
handlebars_helper!(delta: |v: Json| v.as_f64().map_or("–".to_owned(), |v| format!("{v:+.0}")));
fn svg(
    size: (f32, f32),
    title: &str,
    draw: impl FnOnce(
        &plotters::drawing::DrawingArea<SvgBackend<'_>, plotters::coord::Shift>,
    ) -> Result<(), String>,
) -> Result<String, String> {
    let mut out = String::new();
    {
        let area = SvgBackend::new(&mut out, chart::units(size), title).into_drawing_area();
        draw(&area)?;
        area.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Renders the scorecard page.
pub fn scorecard(card: &Scorecard) -> anyhow::Result<String> {
    let hb = registry()
        .as_ref()
        .map_err(|e| anyhow::anyhow!("the scorecard template is invalid: {e}"))?;
    let names: Vec<String> = card.radar.iter().map(|a| a.name.clone()).collect();
    let radar = svg(
        chart::RADAR,
        "The eight areas: client, portfolio median and top quartile",
        |a| chart::radar(a, &card.radar).map_err(|e| e.to_string()),
    );
    let bars = svg(
        chart::BARS,
        "Intention and Reality per area against the portfolio",
        |a| chart::area_bars(a, &card.areas).map_err(|e| e.to_string()),
    );
    let trend = if card.trend.len() >= 2 {
        Some(
            svg(chart::TREND, "Scores over the assessments", |a| {
                chart::trend(a, &card.trend, &names).map_err(|e| e.to_string())
            })
            .map_err(anyhow::Error::msg)?,
        )
    } else {
        None
    };
    let data = serde_json::json!({
        "card": card,
        "charts": { "radar": radar.map_err(anyhow::Error::msg)?, "bars": bars.map_err(anyhow::Error::msg)?, "trend": trend },
    });
    Ok(hb.render("scorecard", &data)?)
}

/// Renders the portfolio study page.
pub fn study(study: &crate::app::study::Study, organisation: &str) -> anyhow::Result<String> {
    render_study("study", study, organisation)
}

/// The study's content alone, for a page of the web application.
pub fn study_fragment(
    study: &crate::app::study::Study,
    organisation: &str,
) -> anyhow::Result<String> {
    render_study("study_fragment", study, organisation)
}

fn render_study(
    template: &str,
    study: &crate::app::study::Study,
    organisation: &str,
) -> anyhow::Result<String> {
    let hb = registry()
        .as_ref()
        .map_err(|e| anyhow::anyhow!("the study template is invalid: {e}"))?;
    let (points, caption) = (
        super::study::scatter_points(study),
        super::study::scatter_caption(study),
    );
    let (rows, columns, cells) = super::study::heat(study);
    let scatter = svg(
        chart::SCATTER,
        "Assessment rank against performance rank",
        |a| chart::scatter(a, &points, &caption).map_err(|e| e.to_string()),
    );
    let heatmap = svg(
        chart::HEATMAP,
        "Correlations of scores with measures of performance",
        |a| chart::heatmap(a, &rows, &columns, &cells).map_err(|e| e.to_string()),
    );
    let data = serde_json::json!({
        "study": study,
        "organisation": organisation,
        "charts": { "scatter": scatter.map_err(anyhow::Error::msg)?, "heatmap": heatmap.map_err(anyhow::Error::msg)? },
    });
    Ok(hb.render(template, &data)?)
}

/// A client's scores over its final assessments, as an inline SVG chart.
pub fn trend_svg(points: &[crate::report::TrendPoint], names: &[String]) -> anyhow::Result<String> {
    svg(chart::TREND, "Scores over the assessments", |a| {
        chart::trend(a, points, names).map_err(|e| e.to_string())
    })
    .map_err(anyhow::Error::msg)
}
