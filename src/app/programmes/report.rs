//! A programme's report: loaded from its grid and projects and the client's
//! final assessments with their stored summaries, and rendered for the
//! board (PDF or a standalone page) and for the programme's page.

use super::{today, visible};
use crate::app::documents::{file_stem, render_report, Asked, Document, Layout, Renderers, Report};
use crate::app::error::{AppError, AppResult};
use crate::app::questionnaire_language::in_language;
use crate::app::App;
use crate::app::{branding, permissions, settings};
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::programmes::{Programme, StoredProject};
use crate::db::questionnaires::StoredQuestionnaire;
use crate::db::result_summaries;
use crate::db::AnyConnection;
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::i18n::Language;
use crate::domain::role::Caller;
use crate::domain::scoring::OVERALL;
use crate::report::programme::{build, Alert, ProgrammeInput, ProgrammeReport, ScoredAssessment};
use diesel::QueryResult;

/// The report rendered for the board, and what it covers (the command line
/// says so).
pub struct RenderedReport {
    /// The report as a PDF or a standalone page.
    pub document: Document,
    /// The name of the programme's client.
    pub client: String,
    /// How many projects the report covers.
    pub projects: usize,
}

/// The areas of the model (id and name) the programme is measured on: those
/// of the questionnaire of the client's latest final assessment, else of the
/// organisation's newest questionnaire.
fn area_names(
    app: &App,
    conn: &mut AnyConnection,
    (organisation_id, language): (i32, Language),
    latest: Option<&Assessment>,
) -> QueryResult<Vec<(String, String)>> {
    let questionnaire_id = match latest {
        Some(a) => Some(a.questionnaire_id),
        None => StoredQuestionnaire::list_in(conn, organisation_id)?
            .last()
            .map(|q| q.id),
    };
    let Some(id) = questionnaire_id else {
        return Ok(Vec::new());
    };
    Ok(app
        .questionnaires
        .get(conn, organisation_id, id)?
        .map(|q| {
            in_language(q, language)
                .areas
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect()
        })
        .unwrap_or_default())
}

/// The client's final assessments the caller may see.
fn finals(
    conn: &mut AnyConnection,
    caller: &Caller,
    client_id: i32,
) -> QueryResult<Vec<Assessment>> {
    let filter = AssessmentFilter {
        client_id: Some(client_id),
        status: Some(Status::Final),
    };
    Assessment::list_visible(conn, caller, &filter)
}

fn latest(finals: &[Assessment]) -> Option<&Assessment> {
    finals.iter().max_by_key(|a| (a.assessment_date, a.id))
}

/// The areas of the model (id and name) a client's projects can target: see [`area_names`].
pub(super) fn client_areas(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    client_id: i32,
) -> QueryResult<Vec<(String, String)>> {
    let finals = finals(conn, caller, client_id)?;
    area_names(
        app,
        conn,
        (caller.organisation_id.get(), Language::En),
        latest(&finals),
    )
}

/// A programme and what in it needs attention.
pub struct Attention {
    /// The programme's id.
    pub id: i32,
    /// Its client.
    pub client: String,
    /// Its name.
    pub name: String,
    /// Its projects that are late, blocked or at risk, with the reasons.
    pub alerts: Vec<Alert>,
}

/// The programmes the caller sees, each with what needs attention today.
pub(crate) fn attention(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
) -> AppResult<Vec<Attention>> {
    Programme::list_visible(conn, caller)?
        .iter()
        .map(|programme| {
            let report = load(app, conn, caller, programme, today())?;
            Ok(Attention {
                id: programme.id,
                client: report.client,
                name: report.name,
                alerts: report.alerts,
            })
        })
        .collect()
}

/// The programme's report as of `today`, as the caller may see it, in the
/// language of the pages (English: the programme pages are not translated
/// reports).
pub(super) fn load(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    programme: &Programme,
    today: chrono::NaiveDate,
) -> AppResult<ProgrammeReport> {
    build_report(app, conn, caller, programme, (today, Language::En))
}

/// The programme's report as of today in `language`, or its client's
/// report language.
fn load_in(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    programme: &Programme,
    language: Option<Language>,
) -> AppResult<ProgrammeReport> {
    let language = match language {
        Some(language) => language,
        None => Client::find_visible(conn, caller, programme.client_id)?
            .map_or(Language::En, |c| c.report_language),
    };
    build_report(app, conn, caller, programme, (today(), language))
}

fn build_report(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    programme: &Programme,
    (today, language): (chrono::NaiveDate, Language),
) -> AppResult<ProgrammeReport> {
    let client = Client::find_visible(conn, caller, programme.client_id)?
        .map_or_else(String::new, |c| c.name);
    let finals = finals(conn, caller, programme.client_id)?;
    let ids: Vec<i32> = finals.iter().map(|a| a.id).collect();
    let stored = result_summaries::load(conn, &ids)?;
    let area_names = area_names(
        app,
        conn,
        (caller.organisation_id.get(), language),
        latest(&finals),
    )?;
    let assessments = finals
        .iter()
        .filter_map(|a| {
            let summary = stored.get(&a.id)?;
            Some(ScoredAssessment {
                id: a.id,
                date: a.assessment_date,
                unit: a.business_unit.clone().or_else(|| a.product.clone()),
                group: a.customer_group.clone(),
                overall: summary.get(OVERALL)?.combined.get(),
                areas: summary
                    .iter()
                    .filter(|(node, _)| node.as_str() != OVERALL)
                    .map(|(node, d)| (node.clone(), d.combined.get()))
                    .collect(),
            })
        })
        .collect();
    let projects = StoredProject::list(conn, programme.id)?
        .into_iter()
        .map(|p| p.project)
        .collect();
    let actions = crate::app::actions::lines(
        app,
        conn,
        caller,
        (programme.client_id, None),
        (today, language),
    )?;
    let targets = company_targets(conn, &finals)?;
    let report = build(ProgrammeInput {
        client,
        name: programme.name.clone(),
        grid: programme.grid(),
        dimensions: programme.dimensions(),
        area_names,
        assessments,
        projects,
        today,
        currency: settings::currency_of(conn, caller.organisation_id.get())?,
        actions,
        targets,
    });
    Ok(ProgrammeReport { language, ..report })
}

/// The whole company's area targets in force after the client's latest
/// whole-company assessment: the date they start from, and per area the
/// target and its due date.
fn company_targets(
    conn: &mut AnyConnection,
    finals: &[Assessment],
) -> AppResult<Option<(chrono::NaiveDate, crate::report::TargetMap)>> {
    let whole = finals
        .iter()
        .filter(|a| a.business_unit.is_none() && a.product.is_none() && a.customer_group.is_none())
        .max_by_key(|a| (a.assessment_date, a.id));
    let Some(latest) = whole else {
        return Ok(None);
    };
    let Some(in_force) = crate::app::targets::in_force(conn, latest)? else {
        return Ok(None);
    };
    let from = finals
        .iter()
        .find(|a| a.id == in_force.assessment_id)
        .map_or(latest.assessment_date, |a| a.assessment_date);
    Ok(Some((from, in_force.targets)))
}

/// The report of a programme the caller may see, as of today.
pub(super) fn visible_report(app: &App, caller: &Caller, id: i32) -> AppResult<ProgrammeReport> {
    app.read(|conn| {
        let programme = visible(conn, caller, id)?;
        load(app, conn, caller, &programme, today())
    })
}

/// The programme report for the board as a PDF or a standalone page:
/// coverage map, timeline, trends, benefits, alerts, projects.
pub fn document(
    app: &App,
    caller: &Caller,
    id: i32,
    layout: Layout,
    asked: Asked,
) -> AppResult<RenderedReport> {
    let edition = permissions::edition(caller, asked.edition)?;
    // The report and the look it is laid out in, read together.
    let (report, branding) = app.read(|conn| {
        let programme = visible(conn, caller, id)?;
        Ok((
            load_in(app, conn, caller, &programme, asked.language)?,
            branding::for_reports(conn, caller.organisation_id.get())?,
        ))
    })?;
    let report = ProgrammeReport { edition, ..report };
    let document = render_report(
        app,
        Report::Programme,
        layout,
        &file_stem(&[&report.client, &report.name, &today().to_string()]),
        Renderers {
            pdf: |paper| {
                Ok(crate::render::pdf::programme(
                    &report,
                    &branding,
                    paper,
                    chrono::Utc::now(),
                )?)
            },
            html: || crate::render::html::programme(&report, &branding),
            docx: || {
                Ok(crate::render::docx::programme(
                    &report,
                    &branding,
                    chrono::Utc::now(),
                )?)
            },
        },
    )?;
    Ok(RenderedReport {
        document,
        client: report.client,
        projects: report.projects.len(),
    })
}

/// The report as an HTML fragment with its charts, for the programme's page.
pub(super) fn fragment(report: &ProgrammeReport) -> AppResult<String> {
    crate::render::html::programme_fragment(report)
        .map_err(|e| AppError::internal(e.context("cannot draw the programme's report")))
}
