//! CSV exports of an assessment's answers and consolidated results, and of
//! the organisation's KPI values. Cells that a spreadsheet would run as a
//! formula (=, +, -, @) are written as text.

use super::assessments::{assessment_or_404, require_lead};
use crate::app::results as consolidated;
use crate::db::performance::{Kpi, KpiValue};
use crate::db::scores::ScoreRow;
use crate::db::users::User;
use crate::domain::role::Role;
use crate::web::problem::{ApiError, ApiResult, Problem};
use crate::web::session::Auth;
use crate::web::state::AppState;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;

/// A cell made safe for spreadsheets: text that starts like a formula is
/// quoted away; numbers (a negative value starts with "-") stay numbers.
pub fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if text.parse::<f64>().is_err() => {
            format!("'{text}")
        }
        _ => text.to_owned(),
    }
}

fn csv(header: &[&str], rows: Vec<Vec<String>>, filename: &str) -> ApiResult<HttpResponse> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| ApiError::Internal(format!("cannot write CSV: {e}"));
    writer.write_record(header).map_err(failed)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|c| cell(c)))
            .map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ApiError::Internal(format!("cannot write CSV: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(bytes))
}

fn number(value: Option<f64>) -> String {
    value.map_or(String::new(), |v| format!("{v:.2}"))
}

/// Every assessor's answers (lead and admins).
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path)),
    responses((status = 200, content_type = "text/csv", body = String), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/scores.csv")]
pub async fn scores_csv(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "export scores")?;
    let id = path.into_inner();
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
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                r.question_id,
                names.get(&r.assessor_id).cloned().unwrap_or_default(),
                r.intention.map_or(String::new(), |v| v.to_string()),
                r.reality.map_or(String::new(), |v| v.to_string()),
                r.na_reason.unwrap_or_default(),
                r.evidence.unwrap_or_default(),
            ]
        })
        .collect();
    csv(
        &[
            "question",
            "assessor",
            "intention",
            "reality",
            "na_reason",
            "evidence",
        ],
        rows,
        &format!("assessment-{id}-scores.csv"),
    )
}

/// The consolidated results per question, with the roll-up's percentages.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(("id" = i32, Path)),
    responses((status = 200, content_type = "text/csv", body = String), (status = 401, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/results.csv")]
pub async fn results_csv(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    let (caller, id) = (auth.caller(), path.into_inner());
    let cache = state.questionnaires.clone();
    let (results, questionnaire) = state
        .read(move |conn| {
            let assessment = assessment_or_404(conn, &caller, id)?;
            let questionnaire = cache
                .get(conn, caller.organisation_id, assessment.questionnaire_id)?
                .ok_or_else(|| ApiError::Internal("assessment without its questionnaire".into()))?;
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
    let mut rows = Vec::new();
    for area in &questionnaire.areas {
        for sub in &area.sub_areas {
            for q in &sub.questions {
                let r = by_id.get(q.id.as_str());
                let p = r.and_then(|r| r.percent);
                rows.push(vec![
                    area.name.clone(),
                    sub.name.clone(),
                    q.id.clone(),
                    q.practice.clone(),
                    number(r.and_then(|r| r.intention)),
                    number(r.and_then(|r| r.reality)),
                    number(p.map(|p| p.combined)),
                    r.map_or("unanswered", |r| {
                        if r.not_applicable {
                            "n/a"
                        } else if r.agreed {
                            "agreed"
                        } else {
                            "mean"
                        }
                    })
                    .to_owned(),
                    r.is_some_and(|r| r.disagreement).to_string(),
                ]);
            }
        }
    }
    csv(
        &[
            "area",
            "sub_area",
            "question",
            "practice",
            "intention",
            "reality",
            "combined_percent",
            "basis",
            "disagreement",
        ],
        rows,
        &format!("assessment-{id}-results.csv"),
    )
}

#[derive(Deserialize, IntoParams)]
pub struct PeriodQuery {
    pub period: String,
}

/// The organisation's KPI values for a period.
#[utoipa::path(context_path = "/api/v1", tag = "exports", params(PeriodQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/kpis/values.csv")]
pub async fn kpis_csv(
    state: web::Data<AppState>,
    auth: Auth,
    query: web::Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    let caller = auth.require(&[Role::Admin, Role::Consultant], "export KPI values")?;
    let period = query.into_inner().period;
    let file = format!(
        "kpis-{}.csv",
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
    let rows = values
        .iter()
        .map(|v| {
            vec![
                client_names
                    .get(&v.client_id)
                    .copied()
                    .unwrap_or("")
                    .to_owned(),
                kpi_names.get(&v.kpi_id).copied().unwrap_or("").to_owned(),
                v.period.clone(),
                v.value.to_string(),
            ]
        })
        .collect();
    // The same header `cmas import kpis` reads: an export can go straight back in.
    csv(&["client", "kpi", "period", "value"], rows, &file)
}
