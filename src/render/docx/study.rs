//! The portfolio study as a Word document: findings, caveats, the two
//! charts with their data, and the consistency and reliability figures.

use super::{DocxError, Info, Writer};
use crate::render::chart::Palette;
use crate::render::{cover, figures, study as shared};
use crate::report::study::Study;
use crate::report::Branding;

pub fn study(
    s: &Study,
    organisation: &str,
    branding: &Branding,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, DocxError> {
    let figures =
        figures::study(s, &Palette::of(branding)).map_err(|e| DocxError::Chart(e.to_string()))?;
    let footer = branding.footer_line(
        organisation,
        &format!(
            "portfolio study {} · generated {}",
            s.period,
            created.date_naive()
        ),
    );
    let mut w = Writer::new(branding, branding.marking(organisation), &footer);
    w.opening(
        &cover::study(s, organisation),
        &[format!(
            "{organisation} · period {} · {} clients · {:?} correlations",
            s.period, s.clients, s.method
        )],
    )?;
    w.heading(1, "Findings");
    for f in &s.findings {
        w.item("•", f);
    }
    w.heading(1, "Read with care");
    for c in &s.caveats {
        w.item("•", c);
    }
    w.heading(1, "Assessment rank against business-performance rank");
    w.figure(&figures.scatter)?;
    let rows: Vec<Vec<String>> = s
        .scatter
        .iter()
        .map(|p| {
            vec![
                format!("#{}", p.client_id),
                format!("{:.1}", p.score_rank),
                format!("{:.1}", p.performance_rank),
            ]
        })
        .collect();
    w.table(
        &[
            ("Client", false),
            ("Assessment rank", true),
            ("Performance rank", true),
        ],
        &rows,
    );
    w.heading(1, "Scores against every measure of performance");
    w.figure(&figures.heatmap)?;
    let (names, measures, cells) = shared::heat(s);
    let mut columns = vec![("Score", false)];
    columns.extend(measures.iter().map(|m| (m.as_str(), true)));
    let rows: Vec<Vec<String>> = names
        .iter()
        .zip(&cells)
        .map(|(name, row)| {
            std::iter::once(name.clone())
                .chain(row.iter().map(|c| {
                    c.r.map_or("–".to_owned(), |r| {
                        format!("{r:.2}{}", if c.significant { " *" } else { "" })
                    })
                }))
                .collect()
        })
        .collect();
    w.table(&columns, &rows);
    w.note("* significant at 5% after Holm's adjustment.");
    w.heading(1, "Consistency and reliability");
    match &s.panels.kendall_w {
        Some(k) => w.text(&format!("Panels: {} panels ranked {} clients in common; Kendall's W = {:.2}, Friedman χ² = {:.1}, p = {:.2e}.", s.panels.panels, s.panels.clients_ranked_by_all, k.w, k.chi2, k.p_value)),
        None => w.text(&format!("Panels: {}", s.panels.error.as_deref().unwrap_or("no panel data"))),
    }
    w.table(
        &[
            ("Area", false),
            ("Cronbach's α", true),
            ("95% CI", true),
            ("Assessments", true),
        ],
        &shared::reliability_rows(s),
    );
    if let Some(a) = &s.agreement {
        w.text(&format!("Assessors: across {} assessments, the single-assessor agreement ICC(2,1) averages {:.2}.", a.assessments, a.mean_icc));
    }
    w.finish(&Info {
        title: format!("Portfolio study {}: {organisation}", s.period),
        author: organisation.to_owned(),
        subject: "Customer-management scores against business performance".into(),
        created,
    })
}
