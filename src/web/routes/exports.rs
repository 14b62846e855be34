//! Exports, as CSV or XLSX, of an assessment's answers and consolidated
//! results and of the organisation's KPI values. Text never runs as a
//! formula in a spreadsheet (see `render::table`).

use crate::app::assessments::{require_lead, visible as assessment_or_404};
use crate::app::results as consolidated;
use crate::app::workbook;
use crate::db::performance::{Kpi, KpiValue};
use crate::db::scores::ScoreRow;
use crate::db::users::User;
use crate::domain::role::Role;
use crate::render::table::{Cell, Table};
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::{Auth, AuthShim};
use crate::web::state::AppState;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

/// The file formats of an export.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Xlsx,
}

/// The table as a download in the asked format.
pub fn download(table: &Table, format: Format, stem: &str) -> ApiResult<HttpResponse> {
    let (bytes, content_type, extension) = match format {
        Format::Csv => (
            table
                .to_csv()
                .map_err(|e| ApiError::internal(format!("cannot write CSV: {e}")))?,
            "text/csv; charset=utf-8",
            "csv",
        ),
        Format::Xlsx => (
            table
                .to_xlsx(stem)
                .map_err(|e| ApiError::internal(format!("cannot write XLSX: {e}")))?,
            workbook::CONTENT_TYPE,
            "xlsx",
        ),
    };
    Ok(attachment(
        bytes,
        content_type,
        &format!("{stem}.{extension}"),
    ))
}

/// A file to save rather than show.
pub(super) fn attachment(bytes: Vec<u8>, content_type: &str, filename: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(bytes)
}

/// Every assessor's answers (lead and admins).
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scores.{format}")]
pub async fn scores(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, Format)>,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "export scores")?;
    let (id, format) = path.into_inner();
    let (rows, names) = state
        .read(move |conn| {
            let assessment = assessment_or_404(conn, &caller, id)?;
            require_lead(&caller, &assessment, "export every assessor's scores")?;
            let names: HashMap<i32, String> = User::list_in(conn, &caller)?
                .into_iter()
                .map(|u| (u.id, u.name))
                .collect();
            Ok((ScoreRow::list_for_assessment(conn, id)?, names))
        })
        .await?;
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
    download(&table, format, &format!("assessment-{id}-scores"))
}

/// The consolidated results per question, with the roll-up's percentages.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path), ("format" = Format, Path)),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/results.{format}")]
pub async fn results(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<(i32, Format)>,
) -> ApiResult<HttpResponse> {
    let caller = auth.caller();
    let (id, format) = path.into_inner();
    let cache = state.questionnaires.clone();
    let (results, questionnaire) = state
        .read(move |conn| {
            let assessment = assessment_or_404(conn, &caller, id)?;
            let questionnaire = cache
                .get(conn, caller.organisation_id, assessment.questionnaire_id)?
                .ok_or_else(|| ApiError::internal("assessment without its questionnaire"))?;
            Ok((
                consolidated::load(conn, &assessment, &questionnaire)?,
                questionnaire,
            ))
        })
        .await?;
    let by_id: HashMap<&str, &crate::domain::scoring::QuestionResult> = results
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
                    rounded(p.map(|p| p.combined)),
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
    download(&table, format, &format!("assessment-{id}-results"))
}

/// A figure to 2 decimals, as the results page shows it.
fn rounded(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, |v| Cell::Number((v * 100.0).round() / 100.0))
}

#[derive(Deserialize, IntoParams)]
pub struct PeriodQuery {
    pub period: String,
}

/// The organisation's KPI values for a period.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("format" = Format, Path), PeriodQuery),
    responses((status = 200, description = "The table as CSV or XLSX", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/kpis/values.{format}")]
pub async fn kpi_values(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<Format>,
    query: web::Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "export KPI values")?;
    let period = query.into_inner().period;
    let format = path.into_inner();
    let stem = format!(
        "kpis-{}",
        period
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
    );
    let (kpis, values, clients) = state
        .read(move |conn| {
            Ok((
                Kpi::list_in(conn, caller.organisation_id)?,
                KpiValue::for_period(conn, caller.organisation_id, &period)?,
                crate::db::performance::client_ids_by_name(conn, caller.organisation_id)?,
            ))
        })
        .await?;
    let kpi_names: HashMap<i32, &str> = kpis.iter().map(|k| (k.id, k.name.as_str())).collect();
    let client_names: HashMap<i32, &str> = clients
        .iter()
        .map(|(name, id)| (*id, name.as_str()))
        .collect();
    // The same header `cmas import kpis` reads: an export can go straight back in.
    let mut table = Table::new(&["client", "kpi", "period", "value"]);
    for v in &values {
        let name = |names: &HashMap<i32, &str>, id| names.get(&id).copied().unwrap_or("").into();
        table.push(vec![
            name(&client_names, v.client_id),
            name(&kpi_names, v.kpi_id),
            v.period.as_str().into(),
            Cell::Number(v.value),
        ]);
    }
    download(&table, format, &stem)
}
