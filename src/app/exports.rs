//! Tables to download as CSV or XLSX: an assessment's answers and its
//! consolidated results, and the organisation's KPI values. Text never runs
//! as a formula in a spreadsheet (see `render::table`).

use super::assessments::{require_lead, visible};
use super::documents::{self, Document, Format};
use super::error::{AppError, AppResult};
use super::permissions::{require, STAFF};
use super::results as consolidated;
use super::scores::questionnaire_of;
use super::App;
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::performance::{client_ids_by_name, Kpi, KpiValue};
use crate::db::scores::ScoreRow;
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::ids::AssessmentId;
use crate::domain::role::Caller;
use crate::domain::scoring::QuestionResult;
use crate::render::table::{Cell, Table};
use std::collections::HashMap;

/// Every assessor's answers (staff; the lead assessor or an admin).
pub fn scores(app: &App, caller: &Caller, id: AssessmentId, format: Format) -> AppResult<Document> {
    require(caller, STAFF, "export scores")?;
    let (rows, names, stem) = app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        require_lead(caller, &assessment, "export every assessor's scores")?;
        let stem = stem(conn, caller, &assessment, "scores")?;
        let names: HashMap<i32, String> = User::list_in(conn, caller)?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        Ok((ScoreRow::list_for_assessment(conn, id.get())?, names, stem))
    })?;
    let mut table = Table::new(&[
        "question",
        "assessor",
        "intention",
        "reality",
        "na_reason",
        "evidence",
    ]);
    for r in rows {
        table.push(vec![
            r.question_id.into(),
            names
                .get(&r.assessor_id)
                .cloned()
                .unwrap_or_default()
                .into(),
            r.intention.into(),
            r.reality.into(),
            r.na_reason.unwrap_or_default().into(),
            r.evidence.unwrap_or_default().into(),
        ]);
    }
    documents::table(&table, format, "scores", &stem)
}

/// The consolidated results per question of an assessment the caller may
/// see, with the roll-up's percentages.
pub fn results(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    format: Format,
) -> AppResult<Document> {
    let (results, questionnaire, stem) = app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        let questionnaire = questionnaire_of(app, conn, &assessment)?;
        Ok((
            consolidated::load(conn, &assessment, &questionnaire)?,
            questionnaire,
            stem(conn, caller, &assessment, "results")?,
        ))
    })?;
    let by_id: HashMap<&str, &QuestionResult> = results
        .questions
        .iter()
        .map(|q| (q.question_id.as_str(), q))
        .collect();
    let mut table = Table::new(&[
        "area",
        "sub_area",
        "question",
        "practice",
        "intention",
        "reality",
        "combined_percent",
        "basis",
        "disagreement",
    ]);
    for area in &questionnaire.areas {
        for sub in &area.sub_areas {
            for q in &sub.questions {
                let r = by_id.get(q.id.as_str());
                let p = r.and_then(|r| r.percent);
                table.push(vec![
                    area.name.as_str().into(),
                    sub.name.as_str().into(),
                    q.id.as_str().into(),
                    q.practice.as_str().into(),
                    rounded(r.and_then(|r| r.intention)),
                    rounded(r.and_then(|r| r.reality)),
                    rounded(p.map(|p| p.combined.get())),
                    r.map_or("unanswered", |r| {
                        if r.not_applicable {
                            "n/a"
                        } else if r.agreed {
                            "agreed"
                        } else {
                            "mean"
                        }
                    })
                    .into(),
                    r.is_some_and(|r| r.disagreement).to_string().into(),
                ]);
            }
        }
    }
    documents::table(&table, format, "results", &stem)
}

/// An assessment's export named after its client, what it holds and its date.
fn stem(
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment: &Assessment,
    what: &str,
) -> AppResult<String> {
    let client = Client::find_visible(conn, caller, assessment.client_id)?
        .ok_or_else(|| AppError::not_found("client"))?;
    Ok(documents::file_stem(&[
        &client.name,
        what,
        &assessment.assessment_date.to_string(),
    ]))
}

/// A figure to 2 decimals, as the results page shows it.
fn rounded(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, |v| Cell::Number((v * 100.0).round() / 100.0))
}

/// The organisation's KPI values for a period (staff), under the header
/// `cmas import kpis` reads: an export can go straight back in.
pub fn kpi_values(app: &App, caller: &Caller, period: &str, format: Format) -> AppResult<Document> {
    require(caller, STAFF, "export KPI values")?;
    let stem = documents::file_stem(&["KPI values", period]);
    let organisation_id = caller.organisation_id.get();
    let (kpis, values, clients) = app.read(|conn| {
        Ok((
            Kpi::list_in(conn, organisation_id)?,
            KpiValue::for_period(conn, organisation_id, period)?,
            client_ids_by_name(conn, organisation_id)?,
        ))
    })?;
    let kpi_names: HashMap<i32, &str> = kpis.iter().map(|k| (k.id, k.name.as_str())).collect();
    let client_names: HashMap<i32, &str> = clients
        .iter()
        .map(|(name, id)| (*id, name.as_str()))
        .collect();
    let mut table = Table::new(&["client", "kpi", "period", "value"]);
    for v in &values {
        let name = |names: &HashMap<i32, &str>, id| names.get(&id).copied().unwrap_or("").into();
        table.push(vec![
            name(&client_names, v.client_id),
            name(&kpi_names, v.kpi_id),
            period.into(),
            Cell::Number(v.value),
        ]);
    }
    documents::table(&table, format, "kpis", &stem)
}
