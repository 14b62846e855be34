//! The start of a session: for consultants and admins, the organisation's
//! assessments by status; for executives and programme managers, the final
//! scorecards of their clients, each client's scores over time and their
//! programmes.

use super::error::{AppError, AppResult};
use super::programmes::{self, ProgrammeSummary};
use super::scorecard::scope_label;
use super::App;
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::result_summaries;
use crate::db::AnyConnection;
use crate::domain::assessment::{AssessmentFilter, Status};
use crate::domain::role::Caller;
use crate::domain::scoring::OVERALL;
use crate::report::TrendPoint;
use std::collections::{BTreeMap, HashMap};

/// How many assessments the start lists, newest first.
const SHOWN: usize = 200;

/// What the caller starts with.
pub struct Home {
    /// Consultants and admins see the organisation's work, others their clients' results.
    pub staff: bool,
    /// The caller's clients and their assessments by status.
    pub counts: Counts,
    /// The newest assessments first, at most [`SHOWN`].
    pub assessments: Vec<ListedAssessment>,
    /// The steady-progress programmes of the clients the caller sees.
    pub programmes: Vec<ProgrammeSummary>,
    /// For executives and programme managers: each client's scores over
    /// its final assessments, from two assessments on.
    pub trends: Vec<ClientTrend>,
    /// For staff: the open assessments they lead or score, and what is next.
    pub work: Vec<super::fieldwork::WorkItem>,
}

/// The caller's clients, and their assessments by status.
pub struct Counts {
    /// The clients the caller sees.
    pub clients: usize,
    /// Their assessments not yet scored.
    pub draft: usize,
    /// Those being scored.
    pub in_progress: usize,
    /// Those finalised, whose results are a record.
    pub finals: usize,
}

/// An assessment in the list: its client's name, if the caller sees the client.
pub struct ListedAssessment {
    /// The assessment's id, for its link.
    pub id: i32,
    /// The assessed client's name; absent when the caller does not see it.
    pub client: Option<String>,
    /// The day the assessment is dated.
    pub date: chrono::NaiveDate,
    /// The part of the client it covers, in words.
    pub scope: String,
    /// Where it stands: draft, in progress or final.
    pub status: Status,
}

/// A client's scores over time, overall and per area, as an SVG chart.
pub struct ClientTrend {
    /// The client's name; absent when the caller does not see it.
    pub client: Option<String>,
    /// The chart, as inline SVG markup.
    pub chart: String,
}

/// What the caller starts with.
pub fn home(app: &App, caller: &Caller) -> AppResult<Home> {
    let staff = caller.role.is_staff();
    let (clients, assessments, programmes, trends) = app.read(|conn| {
        let clients = Client::list_visible(conn, caller)?;
        let assessments = Assessment::list_visible(conn, caller, &AssessmentFilter::default())?;
        let programmes = programmes::summaries(conn, caller)?;
        let trends = if staff {
            ScoresOverTime::default()
        } else {
            scores_over_time(app, conn, caller, &assessments)?
        };
        Ok((clients, assessments, programmes, trends))
    })?;
    let names: HashMap<i32, &str> = clients.iter().map(|c| (c.id, c.name.as_str())).collect();
    let name = |client_id: i32| names.get(&client_id).map(|n| (*n).to_owned());
    let count = |status: Status| assessments.iter().filter(|a| a.status() == status).count();
    let trends = trends
        .clients
        .into_iter()
        .map(|(client_id, points)| {
            let chart = crate::render::html::trend_svg(&points, &trends.area_names)
                .map_err(|e| AppError::internal(e.context("cannot draw a trend")))?;
            Ok(ClientTrend {
                client: name(client_id),
                chart,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let work = if staff {
        super::fieldwork::my_work(app, caller)?
    } else {
        Vec::new()
    };
    Ok(Home {
        work,
        staff,
        counts: Counts {
            clients: clients.len(),
            draft: count(Status::Draft),
            in_progress: count(Status::InProgress),
            finals: count(Status::Final),
        },
        assessments: assessments
            .iter()
            .take(SHOWN)
            .map(|a| ListedAssessment {
                id: a.id,
                client: name(a.client_id),
                date: a.assessment_date,
                scope: scope_label(a),
                status: a.status(),
            })
            .collect(),
        programmes,
        trends,
    })
}

/// Per client with two final assessments or more, its scores over time.
#[derive(Default)]
struct ScoresOverTime {
    /// The areas the points have a score for: those of the first client's questionnaire.
    area_names: Vec<String>,
    clients: Vec<(i32, Vec<TrendPoint>)>,
}

fn scores_over_time(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    assessments: &[Assessment],
) -> AppResult<ScoresOverTime> {
    let mut by_client: BTreeMap<i32, Vec<&Assessment>> = BTreeMap::new();
    for a in assessments.iter().filter(|a| a.status() == Status::Final) {
        by_client.entry(a.client_id).or_default().push(a);
    }
    by_client.retain(|_, list| list.len() >= 2);
    let Some(first) = by_client.values().flatten().next() else {
        return Ok(ScoresOverTime::default());
    };
    let ids: Vec<i32> = by_client.values().flatten().map(|a| a.id).collect();
    let stored = result_summaries::load(conn, &ids)?;
    let Some(questionnaire) =
        app.questionnaires
            .get(conn, caller.organisation_id.get(), first.questionnaire_id)?
    else {
        return Ok(ScoresOverTime::default());
    };
    let area_names: Vec<String> = questionnaire.areas.iter().map(|a| a.name.clone()).collect();
    let clients = by_client
        .into_iter()
        .map(|(client, list)| {
            let mut points: Vec<TrendPoint> = list
                .iter()
                .filter_map(|a| {
                    let summary = stored.get(&a.id)?;
                    Some(TrendPoint {
                        date: a.assessment_date,
                        overall: summary.get(OVERALL)?.combined.get(),
                        areas: questionnaire
                            .areas
                            .iter()
                            .map(|area| summary.get(&area.id).map_or(0.0, |d| d.combined.get()))
                            .collect(),
                    })
                })
                .collect();
            points.sort_by_key(|p| p.date);
            (client, points)
        })
        .collect();
    Ok(ScoresOverTime {
        area_names,
        clients,
    })
}
