//! The reports as HTML pages (scorecard, portfolio study, programme):
//! handlebars templates under `reports/`, with the same charts as inline SVG.

use super::chart::Palette;
use super::programme as words;
use crate::report::comparison::WaveReport;
use crate::report::programme::ProgrammeReport;
use crate::report::study::Study;
use crate::report::{Branding, Scorecard};
use handlebars::{handlebars_helper, Handlebars};
use std::sync::OnceLock;

/// The template registry, built once: strict, so a missing field is an error, not a blank.
fn registry() -> &'static Result<Handlebars<'static>, String> {
    static REGISTRY: OnceLock<Result<Handlebars<'static>, String>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        crate::report::template_words::register(&mut hb);
        hb.register_helper("working", Box::new(working));
        hb.register_partial(
            "report_style",
            include_str!("../../reports/report_style.css.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_partial(
            "brand_top",
            include_str!("../../reports/brand_top.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_partial(
            "brand_bottom",
            include_str!("../../reports/brand_bottom.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_partial(
            "study_body",
            include_str!("../../reports/study_body.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_partial(
            "programme_body",
            include_str!("../../reports/programme_body.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_template_string(
            "programme",
            include_str!("../../reports/programme.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_template_string(
            "programme_fragment",
            include_str!("../../reports/programme_body.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_template_string("study", include_str!("../../reports/study.html.hbs"))
            .map_err(|e| e.to_string())?;
        hb.register_template_string(
            "study_fragment",
            include_str!("../../reports/study_body.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_partial(
            "scorecard_body",
            include_str!("../../reports/scorecard_body.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_partial(
            "comparison_body",
            include_str!("../../reports/comparison_body.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_template_string(
            "comparison",
            include_str!("../../reports/comparison.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_template_string(
            "comparison_fragment",
            include_str!("../../reports/comparison_body.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_template_string(
            "scorecard",
            include_str!("../../reports/scorecard.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        hb.register_template_string(
            "scorecard_fragment",
            include_str!("../../reports/scorecard_body.html.hbs"),
        )
        .map_err(|e| e.to_string())?;
        Ok(hb)
    })
}

handlebars_helper!(working: |edition: str| edition == crate::report::Edition::Working.name());
/// What the standalone pages need of the branding: colours, the font's
/// family, the logo as a data URI, the marking for `client`, the footer line.
fn brand(branding: &Branding, client: &str) -> serde_json::Value {
    use base64::Engine;
    let logo = branding.logo.as_ref().map(|logo| {
        format!(
            "data:{};base64,{}",
            logo.shape.kind.media_type(),
            base64::engine::general_purpose::STANDARD.encode(&logo.bytes)
        )
    });
    let generic = if branding.family.is_serif() {
        "Georgia, serif"
    } else {
        "Verdana, sans-serif"
    };
    serde_json::json!({
        "primary": branding.primary.to_string(),
        "accent": branding.accent.to_string(),
        "band": branding.band().to_string(),
        "font": format!("\"{}\", {generic}", branding.family.name()),
        "logo": logo,
        "cover": branding.cover,
        "marking": branding.marking(client),
        "footer": branding.footer.trim(),
    })
}

/// Renders the scorecard page.
pub fn scorecard(card: &Scorecard, branding: &Branding) -> anyhow::Result<String> {
    render_scorecard("scorecard", card, branding)
}

/// The scorecard's content alone, for a page of the web application.
pub fn scorecard_fragment(card: &Scorecard) -> anyhow::Result<String> {
    render_scorecard("scorecard_fragment", card, &Branding::default())
}

fn render_scorecard(
    template: &str,
    card: &Scorecard,
    branding: &Branding,
) -> anyhow::Result<String> {
    let hb = registry()
        .as_ref()
        .map_err(|e| anyhow::anyhow!("the scorecard template is invalid: {e}"))?;
    let figures = super::figures::scorecard(card, &Palette::of(branding, card.language))?;
    let data = serde_json::json!({
        "lang": card.language,
        "brand": brand(branding, &card.meta.client),
        "cover": super::cover::scorecard(card),
        "card": card,
        "assessors": card.meta.assessors.join(&super::scorecard::words_of(card).get("report-list-separator")),
        "dates": {
            "assessed": super::scorecard::words_of(card).date(card.meta.assessment_date),
            "generated": super::scorecard::words_of(card).date(card.meta.generated_on),
        },
        "charts": { "radar": figures.radar.svg, "bars": figures.bars.svg, "trend": figures.trend.map(|f| f.svg) },
        "plans": super::scorecard::plans(card),
    });
    Ok(hb.render(template, &data)?)
}

/// Renders the portfolio study page.
pub fn study(study: &Study, organisation: &str, branding: &Branding) -> anyhow::Result<String> {
    render_study("study", study, organisation, branding)
}

/// The study's content alone, for a page of the web application.
pub fn study_fragment(study: &Study, organisation: &str) -> anyhow::Result<String> {
    render_study("study_fragment", study, organisation, &Branding::default())
}

fn render_study(
    template: &str,
    study: &Study,
    organisation: &str,
    branding: &Branding,
) -> anyhow::Result<String> {
    let hb = registry()
        .as_ref()
        .map_err(|e| anyhow::anyhow!("the study template is invalid: {e}"))?;
    let figures = super::figures::study(study, &Palette::of(branding, study.language))?;
    let data = serde_json::json!({
        "lang": study.language,
        "brand": brand(branding, organisation),
        "cover": super::cover::study(study, organisation),
        "study": study,
        "method": super::study::method(study),
        "organisation": organisation,
        "charts": { "scatter": figures.scatter.svg, "heatmap": figures.heatmap.svg },
    });
    Ok(hb.render(template, &data)?)
}

/// Renders the programme report page.
pub fn programme(report: &ProgrammeReport, branding: &Branding) -> anyhow::Result<String> {
    render_programme("programme", report, branding)
}

/// The programme report's content alone, for a page of the web application.
pub fn programme_fragment(report: &ProgrammeReport) -> anyhow::Result<String> {
    render_programme("programme_fragment", report, &Branding::default())
}

fn render_programme(
    template: &str,
    report: &ProgrammeReport,
    branding: &Branding,
) -> anyhow::Result<String> {
    let hb = registry()
        .as_ref()
        .map_err(|e| anyhow::anyhow!("the programme template is invalid: {e}"))?;
    let figures = super::figures::programme(report, &Palette::of(branding, report.language))?;
    let say = words::Say::of(report);
    let details: Vec<serde_json::Value> = report
        .projects
        .iter()
        .map(|p| {
            serde_json::json!({
                "project": p,
                "facts": words::facts(say, p, &report.money.currency),
                "milestones": words::milestone_rows(say, p, report.today),
                "areas": words::area_rows(say, p),
            })
        })
        .collect();
    let data = serde_json::json!({
        "lang": report.language,
        "brand": brand(branding, &report.client),
        "cover": super::cover::programme(report),
        "report": report,
        "masthead": words::masthead(report),
        "today": say.day(report.today),
        "attention": words::attention(report),
        "projects": details,
        "totals": words::totals_rows(say, &report.money),
        "charts": {
            "coverage": figures.coverage.map(|f| f.svg),
            "gantt": figures.gantt.map(|f| f.svg),
            "trend": figures.trend.map(|f| f.svg),
            "benefits": figures.benefits.map(|f| f.svg),
            "paths": figures.paths.map(|f| f.svg),
        },
        "action_columns": crate::render::scorecard::ACTION_COLUMNS.iter().map(|id| say.0.get(id)).collect::<Vec<_>>(),
        "actions": crate::render::scorecard::action_rows(say.0, &report.actions),
    });
    Ok(hb.render(template, &data)?)
}

/// Renders the wave-over-wave comparison page.
pub fn comparison(report: &WaveReport, branding: &Branding) -> anyhow::Result<String> {
    render_comparison("comparison", report, branding)
}

/// The comparison's content alone, for a page of the web application.
pub fn comparison_fragment(report: &WaveReport) -> anyhow::Result<String> {
    render_comparison("comparison_fragment", report, &Branding::default())
}

fn render_comparison(
    template: &str,
    report: &WaveReport,
    branding: &Branding,
) -> anyhow::Result<String> {
    use super::comparison as shared;
    let hb = registry()
        .as_ref()
        .map_err(|e| anyhow::anyhow!("the comparison template is invalid: {e}"))?;
    let t = shared::words_of(report);
    let chart = super::figures::comparison(report, &Palette::of(branding, report.language))?;
    let moved: Vec<serde_json::Value> = report
        .moved_most
        .iter()
        .map(|m| {
            let notes: Vec<serde_json::Value> = shared::notes(report, m)
                .into_iter()
                .map(|(label, lines)| serde_json::json!({ "label": label, "lines": lines }))
                .collect();
            serde_json::json!({
                "title": shared::moved_title(m),
                "line": shared::moved_line(t, &m.line),
                "notes": notes,
            })
        })
        .collect();
    let titles = |ids: &[&str]| -> Vec<String> { ids.iter().map(|id| t.get(id)).collect() };
    let data = serde_json::json!({
        "lang": report.language,
        "brand": brand(branding, &report.meta.client),
        "cover": super::cover::comparison(report),
        "report": report,
        "masthead": shared::masthead(report),
        "working_note": shared::working_note(report),
        "chart": chart.svg,
        "area_columns": titles(&shared::AREA_COLUMNS),
        "sub_area_columns": titles(&shared::SUB_AREA_COLUMNS),
        "areas": shared::area_rows(report),
        "sub_areas": shared::sub_area_rows(report),
        "moved": moved,
        "target_columns": titles(&shared::TARGET_COLUMNS),
        "targets": shared::target_rows(report),
        "practices_heading": t.get(shared::practices_heading(report)),
        "practice_columns": titles(&shared::practice_columns(report)),
        "practices": shared::practice_rows(report),
        "footer": shared::footer(report),
    });
    Ok(hb.render(template, &data)?)
}

/// A client's scores over its final assessments, as an inline SVG chart.
pub fn trend_svg(
    palette: &Palette,
    points: &[crate::report::TrendPoint],
    names: &[String],
) -> anyhow::Result<String> {
    Ok(super::figures::trend(palette, points, names)?.svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::programme::sample;

    #[test]
    fn the_programme_page_escapes_user_text_and_shows_charts_and_alerts() {
        let page = programme(&sample::report(), &Branding::default()).expect("a page");
        assert!(
            !page.contains("<script>"),
            "a project name reached the page unescaped"
        );
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
        assert_eq!(
            page.matches("<svg").count(),
            5,
            "grid, timeline, trend, planned paths, money"
        );
        for expected in [
            "<title>Customer first 2026: Harbour Bank</title>",
            "<strong>Segmentation</strong> — <span class=\"flag\">late</span>",
            "<span class=\"flag\">blocked</span>",
            "<span class=\"flag\">at risk</span>",
            "which was stopped",
            "Retail banking",
            "<dt>Depends on</dt><dd>Single customer view</dd>",
            "<th scope=\"row\">All branches trained</th><td>1 Mar 2026</td><td>overdue</td>",
            "<th scope=\"row\">Benefit</th><td>€8,400,000</td>",
            "<strong>Appoint an owner per segment</strong> — <span class=\"flag\">overdue action</span>",
            "owned by Petra Berg, due on 30 Apr 2026, still open",
            "Planned and actual paths to the targets",
            "<td>Publish the measures monthly (Measurement)</td>",
        ] {
            assert!(
                page.contains(expected),
                "`{expected}` missing from the page"
            );
        }
    }

    #[test]
    fn every_scrolling_region_of_the_programme_page_is_focusable_and_named() {
        let page = programme(&sample::report(), &Branding::default()).expect("a page");
        let wraps = page.matches("class=\"wrap").count();
        assert!(wraps >= 5, "{wraps} scrolling regions");
        let reachable = page
            .split("<div class=\"wrap")
            .skip(1)
            .filter(|div| {
                let tag = div.split('>').next().unwrap_or_default();
                tag.contains("tabindex=\"0\"")
                    && tag.contains("role=\"region\"")
                    && tag.contains("aria-label=\"")
            })
            .count();
        assert_eq!(reachable, wraps);
    }

    #[test]
    fn the_fragment_is_the_page_without_its_frame() {
        let report = sample::report();
        let fragment = programme_fragment(&report).expect("a fragment");
        assert!(!fragment.contains("<html") && !fragment.contains("<style"));
        assert!(fragment.contains("<h1>Customer first 2026</h1>") && fragment.contains("<svg"));
    }

    #[test]
    fn an_empty_programme_page_says_what_is_missing() {
        let report = sample::empty();
        for page in [
            programme(&report, &Branding::default()).expect("a page"),
            programme_fragment(&report).expect("a fragment"),
        ] {
            assert_eq!(page.matches("<svg").count(), 1, "only the grid");
            for expected in [
                "Nothing is late, blocked or at risk on 15 May 2026.",
                "The programme has no projects yet.",
                "assessments on two dates",
            ] {
                assert!(page.contains(expected), "`{expected}` missing");
            }
        }
    }
}
