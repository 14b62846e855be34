//! The clients as an executive's or programme manager's home shows them: a
//! card per client with its latest overall score, the change since the
//! previous assessment of the same scope and its quartile in the
//! consultancy's portfolio; and one trend chart whose lines the reader
//! chooses (the overall score, and the areas they tick).

use super::dashboard::TrendChoice;
use super::error::{AppError, AppResult};
use super::App;
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::result_summaries::{self, Summary};
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::role::Caller;
use crate::domain::scoring::OVERALL;
use crate::report::{percentile_rank, quartile, TrendPoint};
use std::collections::HashMap;

/// Areas drawn beside the overall score when the reader chose none: the
/// weakest and the strongest of the latest assessment.
const DEFAULT_AREAS: usize = 2;

/// One client on the home page.
pub struct ClientCard {
    /// The client's id.
    pub client_id: i32,
    /// Its name.
    pub name: String,
    /// Its latest final assessment, if it has one.
    pub latest: Option<Latest>,
}

/// A client's latest final assessment, as its card sums it up.
pub struct Latest {
    /// The assessment, for its scorecard.
    pub assessment_id: i32,
    /// The day it is dated.
    pub date: chrono::NaiveDate,
    /// Its overall combined score, in %.
    pub overall: f64,
    /// Points gained (or lost) since the previous final assessment of the
    /// same scope, if there is one.
    pub change: Option<f64>,
    /// Its quartile among the latest scores of the consultancy's portfolio
    /// (as the scorecard works it out): 1 is the top quarter.
    pub quartile: Option<u8>,
}

/// One client's scores over time, with the lines the reader chose.
pub struct ChosenTrend {
    /// The client drawn.
    pub client_id: i32,
    /// Its name.
    pub client: String,
    /// Every area that can be drawn: (id, name, chosen).
    pub areas: Vec<(String, String, bool)>,
    /// The chart as inline SVG.
    pub chart: String,
    /// The same figures as a table (the overall score, then each chosen
    /// area), for narrow screens and screen readers: (date, values).
    pub rows: Vec<(chrono::NaiveDate, Vec<f64>)>,
    /// The chosen areas' names: the table's columns after the date and the
    /// overall score.
    pub columns: Vec<String>,
}

/// The cards of the clients the caller sees, and the chosen trend.
pub fn cards(
    app: &App,
    caller: &Caller,
    choice: &TrendChoice,
) -> AppResult<(Vec<ClientCard>, Option<ChosenTrend>)> {
    let finals_only = AssessmentFilter {
        client_id: None,
        status: Some(Status::Final),
    };
    let (clients, finals, summaries, portfolio_scores) = app.read(|conn| {
        let clients = Client::list_visible(conn, caller)?;
        let finals = Assessment::list_visible(conn, caller, &finals_only)?;
        let ids: Vec<i32> = finals.iter().map(|a| a.id).collect();
        let summaries = result_summaries::load(conn, &ids)?;
        let (portfolio, _) = app.portfolios.get(conn, caller.organisation_id.get())?;
        let scores: Vec<f64> = portfolio.companies().map(|(_, c)| c.overall).collect();
        Ok((clients, finals, summaries, scores))
    })?;
    let overall = |id: i32| summary_value(&summaries, id, OVERALL);
    // Newest first, as listed.
    let mut by_client: HashMap<i32, Vec<&Assessment>> = HashMap::new();
    for a in &finals {
        by_client.entry(a.client_id).or_default().push(a);
    }
    let cards: Vec<ClientCard> = clients
        .iter()
        .map(|client| {
            let theirs = by_client.get(&client.id).map_or(&[][..], Vec::as_slice);
            let latest = theirs.first().and_then(|latest| {
                let score = overall(latest.id)?;
                let previous = theirs.iter().skip(1).find(|a| same_scope(a, latest));
                Some(Latest {
                    assessment_id: latest.id,
                    date: latest.assessment_date,
                    overall: score,
                    change: previous
                        .and_then(|p| overall(p.id))
                        .map(|before| score - before),
                    // As the scorecard says it: mid-rank percentile, then quartile.
                    quartile: percentile_rank(&portfolio_scores, score).map(quartile),
                })
            });
            ClientCard {
                client_id: client.id,
                name: client.name.clone(),
                latest,
            }
        })
        .collect();
    let chosen = choice
        .client_id
        .filter(|id| by_client.get(id).is_some_and(|l| l.len() >= 2))
        .or_else(|| {
            cards
                .iter()
                .map(|c| c.client_id)
                .find(|id| by_client.get(id).is_some_and(|l| l.len() >= 2))
        });
    let trend = match chosen {
        Some(client_id) => {
            let list = by_client.get(&client_id).map_or(&[][..], Vec::as_slice);
            let name = cards
                .iter()
                .find(|c| c.client_id == client_id)
                .map_or_else(String::new, |c| c.name.clone());
            trend(app, caller, (client_id, name), list, &summaries, choice)?
        }
        None => None,
    };
    Ok((cards, trend))
}

fn summary_value(summaries: &HashMap<i32, Summary>, id: i32, node: &str) -> Option<f64> {
    summaries
        .get(&id)
        .and_then(|s| s.get(node))
        .map(|d| d.combined.get())
}

fn same_scope(a: &Assessment, b: &Assessment) -> bool {
    (&a.business_unit, &a.product, &a.customer_group)
        == (&b.business_unit, &b.product, &b.customer_group)
}

/// The chosen client's trend over its assessments of the latest one's scope.
fn trend(
    app: &App,
    caller: &Caller,
    (client_id, client): (i32, String),
    finals: &[&Assessment],
    summaries: &HashMap<i32, Summary>,
    choice: &TrendChoice,
) -> AppResult<Option<ChosenTrend>> {
    let Some(latest) = finals.first() else {
        return Ok(None);
    };
    let Some(questionnaire) = app.read(|conn| {
        Ok(app
            .questionnaires
            .get(conn, caller.organisation_id.get(), latest.questionnaire_id)?)
    })?
    else {
        return Ok(None);
    };
    let mut series: Vec<&Assessment> = finals
        .iter()
        .copied()
        .filter(|a| same_scope(a, latest))
        .collect();
    series.sort_by_key(|a| a.assessment_date);
    let area_score = |a: &Assessment, area: &str| summary_value(summaries, a.id, area);
    let chosen: Vec<String> = if choice.areas.is_empty() {
        let mut ranked: Vec<(&str, f64)> = questionnaire
            .areas
            .iter()
            .filter_map(|area| Some((area.id.as_str(), area_score(latest, &area.id)?)))
            .collect();
        ranked.sort_by(|a, b| a.1.total_cmp(&b.1));
        let ends = [ranked.first(), ranked.last()];
        ends.into_iter()
            .flatten()
            .map(|(id, _)| (*id).to_owned())
            .take(DEFAULT_AREAS)
            .collect()
    } else {
        choice.areas.clone()
    };
    let drawn: Vec<_> = questionnaire
        .areas
        .iter()
        .filter(|area| chosen.contains(&area.id))
        .collect();
    let points: Vec<TrendPoint> = series
        .iter()
        .filter_map(|a| {
            Some(TrendPoint {
                date: a.assessment_date,
                overall: summary_value(summaries, a.id, OVERALL)?,
                areas: drawn
                    .iter()
                    .map(|area| area_score(a, &area.id).unwrap_or(0.0))
                    .collect(),
            })
        })
        .collect();
    let names: Vec<String> = drawn.iter().map(|area| area.name.clone()).collect();
    let chart = crate::render::html::trend_svg(&Default::default(), &points, &names)
        .map_err(|e| AppError::internal(e.context("cannot draw a trend")))?;
    Ok(Some(ChosenTrend {
        client_id,
        client,
        areas: questionnaire
            .areas
            .iter()
            .map(|area| {
                (
                    area.id.clone(),
                    area.name.clone(),
                    chosen.contains(&area.id),
                )
            })
            .collect(),
        chart,
        rows: points
            .iter()
            .map(|p| {
                let mut values = vec![p.overall];
                values.extend(p.areas.iter().copied());
                (p.date, values)
            })
            .collect(),
        columns: names,
    }))
}
