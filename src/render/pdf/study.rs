//! The portfolio study as a PDF: findings and caveats, the rank-vs-rank
//! scatter, the heat map, and the consistency and reliability figures.

use super::layout::{Column, Paper, Writer, INK};
use super::{finish, Info, PdfError};
use crate::render::font::Weight;
use crate::render::{chart, study as shared};
use crate::report::study::Study;
use crate::report::Branding;

pub fn study(
    s: &Study,
    organisation: &str,
    branding: &Branding,
    paper: Paper,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, PdfError> {
    let mut w = Writer::new(paper, branding);
    // The study is the consultancy's own: its marking names the consultancy.
    w.marking = branding.marking(organisation);
    w.cover(&crate::render::cover::study(s, organisation));
    w.masthead(
        "PORTFOLIO STUDY",
        "Does customer management track business performance?",
        18.0,
        &[format!(
            "{organisation} · period {} · {} clients · {:?} correlations",
            s.period, s.clients, s.method
        )],
    );
    w.heading("Findings", 11.0);
    for f in &s.findings {
        w.body(&format!("•  {f}"));
    }
    w.heading("Read with care", 11.0);
    for c in &s.caveats {
        w.body(&format!("•  {c}"));
    }
    w.heading("Assessment rank against business-performance rank", 11.0);
    let left = (w.width() - chart::SCATTER.0) / 2.0;
    let (points, caption) = (shared::scatter_points(s), shared::scatter_caption(s));
    w.chart(left, chart::SCATTER, |area, p| {
        chart::scatter(area, p, &points, &caption).map_err(|e| e.to_string())
    })?;
    w.new_page();
    w.heading("Scores against every measure of performance", 11.0);
    let (rows, columns, cells) = shared::heat(s);
    w.chart(0.0, chart::HEATMAP, |area, p| {
        chart::heatmap(area, p, &rows, &columns, &cells).map_err(|e| e.to_string())
    })?;
    w.heading("Consistency and reliability", 11.0);
    match &s.panels.kendall_w {
        Some(k) => w.paragraph(
            &format!("Panels: {} panels ranked {} clients in common; Kendall's W = {:.2}, Friedman χ² = {:.1}, p = {:.2e}.", s.panels.panels, s.panels.clients_ranked_by_all, k.w, k.chi2, k.p_value),
            9.0,
            Weight::Regular,
            INK,
            0.0,
        ),
        None => w.body(&format!("Panels: {}", s.panels.error.as_deref().unwrap_or("no panel data"))),
    }
    let columns = [
        Column {
            title: "Area",
            width: 200.0,
            right: false,
        },
        Column {
            title: "Cronbach's α",
            width: 90.0,
            right: true,
        },
        Column {
            title: "95% CI",
            width: 120.0,
            right: true,
        },
        Column {
            title: "Assessments",
            width: 80.0,
            right: true,
        },
    ];
    let rows = shared::reliability_rows(s);
    w.table(&columns, &rows, 8.5);
    if let Some(a) = &s.agreement {
        w.body(&format!("Assessors: across {} assessments, the single-assessor agreement ICC(2,1) averages {:.2}.", a.assessments, a.mean_icc));
    }
    if !s.assessor_agreement.is_empty() {
        w.heading(
            "Working edition: the assessments with the weakest agreement",
            11.0,
        );
        let columns = [
            Column {
                title: "Assessment",
                width: 90.0,
                right: false,
            },
            Column {
                title: "Assessors",
                width: 70.0,
                right: true,
            },
            Column {
                title: "ICC(2,1)",
                width: 70.0,
                right: true,
            },
            Column {
                title: "Note",
                width: 250.0,
                right: false,
            },
        ];
        let rows: Vec<Vec<String>> = s
            .assessor_agreement
            .iter()
            .take(10)
            .map(|a| {
                vec![
                    format!("#{}", a.assessment_id),
                    a.assessors.to_string(),
                    a.icc.map_or("–".into(), |v| format!("{v:.2}")),
                    a.error.clone().unwrap_or_default(),
                ]
            })
            .collect();
        w.table(&columns, &rows, 8.5);
    }
    let laid = w.finish(&branding.footer_line(
        organisation,
        &format!(
            "portfolio study {} · generated {}",
            s.period,
            created.date_naive()
        ),
    ));
    finish(
        laid,
        &Info {
            title: format!("Portfolio study {}: {organisation}", s.period),
            author: organisation.to_owned(),
            subject: "Customer-management scores against business performance".into(),
            created,
            family: branding.family,
        },
    )
}
