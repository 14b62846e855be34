//! The portfolio study: do the organisation's assessment scores track
//! business performance? Run for the API, rendered as a report or for the
//! study page, and worked out ahead at start-up. What it reads is gathered
//! in `inputs`; what it works out from that is `report::study`.

mod inputs;

use super::documents::Asked;
use super::documents::{file_stem, render_report, Document, Layout, Renderers, Report};
use super::error::{AppError, AppResult};
use super::permissions::{self, require, STAFF};
use super::portfolio::{Portfolio, Weights};
use super::App;
use crate::db::organisations::Organisation;
use crate::db::performance::KpiValue;
use crate::db::AnyConnection;
use crate::domain::i18n::Language;
use crate::domain::role::Caller;
use crate::report::study::{self, Study};
use crate::stats::Method;

const ACTION: &str = "run the portfolio study";

/// The study of the caller's organisation for `period` (the latest with
/// data when `None`).
pub fn run(app: &App, caller: &Caller, period: Option<String>, method: Method) -> AppResult<Study> {
    require(caller, STAFF, ACTION)?;
    app.read(|conn| {
        inputs::work_out(
            app,
            conn,
            caller.organisation_id.get(),
            (period, method),
            Language::En,
        )
    })
}

/// The study as a report: a PDF, or a standalone page with its charts.
pub fn document(
    app: &App,
    caller: &Caller,
    period: Option<String>,
    method: Method,
    layout: Layout,
    asked: Asked,
) -> AppResult<Document> {
    require(caller, STAFF, ACTION)?;
    let edition = permissions::edition(caller, asked.edition)?;
    let language = asked.language.unwrap_or_default();
    let organisation_id = caller.organisation_id.get();
    let (study, organisation, branding) = app.read(|conn| {
        let study = inputs::work_out(app, conn, organisation_id, (period, method), language)?
            .in_edition(edition);
        Ok((
            study,
            Organisation::find(conn, organisation_id)?.name,
            super::branding::for_reports(conn, organisation_id)?,
        ))
    })?;
    render_report(
        app,
        Report::Study,
        layout,
        &file_stem(&["Portfolio study", &study.period]),
        Renderers {
            pdf: |paper| {
                Ok(crate::render::pdf::study(
                    &study,
                    &organisation,
                    &branding,
                    paper,
                    chrono::Utc::now(),
                )?)
            },
            html: || crate::render::html::study(&study, &organisation, &branding),
            docx: || {
                Ok(crate::render::docx::study(
                    &study,
                    &organisation,
                    &branding,
                    chrono::Utc::now(),
                )?)
            },
        },
    )
}

/// What the study page shows.
#[derive(Debug)]
pub struct StudyPage {
    /// The period the study is of.
    pub period: String,
    /// The periods with KPI values, oldest first.
    pub periods: Vec<String>,
    /// The study itself as HTML, for the page's body.
    pub content: String,
}

/// The study for the page of the web application.
pub fn page(
    app: &App,
    caller: &Caller,
    period: Option<String>,
    method: Method,
    language: Option<Language>,
) -> AppResult<StudyPage> {
    require(caller, STAFF, ACTION)?;
    let organisation_id = caller.organisation_id.get();
    let (study, periods, organisation) = app.read(|conn| {
        let periods = KpiValue::periods(conn, organisation_id)?;
        let organisation = Organisation::find(conn, organisation_id)?.name;
        let study = inputs::work_out(
            app,
            conn,
            organisation_id,
            (period, method),
            language.unwrap_or_default(),
        )?;
        Ok((study, periods, organisation))
    })?;
    let content = crate::render::html::study_fragment(&study, &organisation)
        .map_err(|e| AppError::internal(e.context("cannot render the study page")))?;
    Ok(StudyPage {
        period: study.period,
        periods,
        content,
    })
}

/// Runs every organisation's study once, so that the first study after a
/// start does not wait while the latest assessments' answers are read (3.7 s
/// at 10,000 clients): what it works out is kept with the portfolio.
pub fn warm_up(app: &App) -> AppResult<()> {
    let organisations = app.read(|conn| Ok(Organisation::all(conn)?))?;
    for organisation in organisations {
        let started = std::time::Instant::now();
        app.read(|conn| {
            inputs::work_out(
                app,
                conn,
                organisation.id,
                (None, Method::Spearman),
                Language::En,
            )
        })?;
        tracing::info!(
            organisation_id = organisation.id,
            ms = started.elapsed().as_millis() as u64,
            "study worked out ahead"
        );
    }
    Ok(())
}

/// The areas' rank correlation with the panels' consensus in the period the
/// study shows by default, for weighting a scorecard's priorities; worked
/// out again only when the performance data changed.
pub fn area_weights(
    conn: &mut AnyConnection,
    portfolio: &Portfolio,
    organisation_id: i32,
    performance_version: i64,
) -> AppResult<Weights> {
    portfolio.area_weights(performance_version, |portfolio| {
        // Without panels in that period, no weights.
        let Some(period) = inputs::latest_period(conn, organisation_id)? else {
            return Ok(None);
        };
        let panels = inputs::panel_ranks(conn, organisation_id, &period)?;
        let clients = inputs::latest_per_client(&portfolio.finals)
            .into_iter()
            .filter_map(|(client, entry)| Some((client, &portfolio.latest.get(&entry.id)?.areas)));
        Ok(study::area_weights(&panels, clients))
    })
}
