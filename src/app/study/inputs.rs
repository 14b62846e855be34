//! What the study reads: each client's latest final assessment and its
//! scores, the panels' ranks and the KPI values of the period, and the
//! answers behind the questionnaire's reliability and the assessors'
//! agreement (worked out once per assessment and kept with the portfolio).

use crate::app::error::AppResult;
use crate::app::portfolio::{ItemScores, Portfolio};
use crate::app::questionnaire_language::in_language;
use crate::app::{results, App};
use crate::db::agreed::AgreedRow;
use crate::db::assessments::FinalEntry;
use crate::db::performance::{Kpi, KpiValue, Panel};
use crate::db::scores::ScoreRow;
use crate::db::AnyConnection;
use crate::domain::i18n::Language;
use crate::domain::questionnaire::Questionnaire;
use crate::report::study::{self, Agreement, Column, Measure, Reliability, Study, StudyInput};
use crate::stats::Method;
use std::collections::{BTreeMap, HashMap};

/// Works out the study of an organisation for a period (the latest with
/// data when `None`).
pub(super) fn work_out(
    app: &App,
    conn: &mut AnyConnection,
    organisation_id: i32,
    (period, method): (Option<String>, Method),
    language: Language,
) -> AppResult<Study> {
    let period = match period {
        Some(p) => p,
        None => latest_period(conn, organisation_id)?.unwrap_or_default(),
    };
    let (portfolio, _) = app.portfolios.get(conn, organisation_id)?;
    let latest = latest_per_client(&portfolio.finals);

    // Areas and items come from the questionnaire most of the latest assessments used.
    let mut uses: BTreeMap<i32, usize> = BTreeMap::new();
    for entry in latest.values() {
        *uses.entry(entry.questionnaire_id).or_default() += 1;
    }
    let questionnaire = match uses.into_iter().max_by_key(|(id, n)| (*n, *id)) {
        Some((id, _)) => app
            .questionnaires
            .get(conn, organisation_id, id)?
            .map(|q| (id, in_language(q, language))),
        None => None,
    };
    let score = |area: Option<&str>| -> BTreeMap<i32, f64> {
        latest
            .iter()
            .filter_map(|(client, e)| {
                let combined = portfolio.latest.get(&e.id)?;
                let value = match area {
                    None => Some(combined.overall),
                    Some(area) => combined.areas.get(area),
                };
                value.map(|v| (*client, v))
            })
            .collect()
    };
    let areas = questionnaire
        .iter()
        .flat_map(|(_, q)| &q.areas)
        .map(|a| {
            let column = Column {
                id: a.id.clone(),
                name: a.name.clone(),
            };
            (column, score(Some(&a.id)))
        })
        .collect();

    let panels = panel_ranks(conn, organisation_id, &period)?;
    let kpis = kpis(conn, organisation_id, &period)?;
    let (reliability, assessor_agreement) = match &questionnaire {
        Some((id, q)) => reliability(app, conn, organisation_id, &portfolio, (*id, q), &latest)?,
        None => (Vec::new(), Vec::new()),
    };
    Ok(study::build(StudyInput {
        language,
        period,
        method,
        clients: latest.len(),
        overall: score(None),
        areas,
        panels,
        kpis,
        reliability,
        assessor_agreement,
    }))
}

/// The latest final assessment of each client, preferring whole-company scope.
pub(super) fn latest_per_client(finals: &[FinalEntry]) -> BTreeMap<i32, &FinalEntry> {
    let mut latest: BTreeMap<i32, &FinalEntry> = BTreeMap::new();
    for entry in finals {
        let whole = entry.scope == (None, None, None);
        match latest.get(&entry.client_id) {
            Some(current) if current.scope == (None, None, None) || !whole => {}
            _ => {
                latest.insert(entry.client_id, entry);
            }
        }
    }
    latest
}

/// The latest period with KPI values or panels. Periods compare as text, so
/// write them so that text order is time order: "2025", "2025-Q4", "2026-03".
pub(super) fn latest_period(
    conn: &mut AnyConnection,
    organisation_id: i32,
) -> AppResult<Option<String>> {
    let mut periods = KpiValue::periods(conn, organisation_id)?;
    periods.extend(
        Panel::list_in(conn, organisation_id)?
            .into_iter()
            .map(|p| p.period),
    );
    periods.sort();
    Ok(periods.pop())
}

/// Each panel's ranks of the period, by client.
pub(super) fn panel_ranks(
    conn: &mut AnyConnection,
    organisation_id: i32,
    period: &str,
) -> AppResult<Vec<HashMap<i32, f64>>> {
    Ok(Panel::ranks_for_period(conn, organisation_id, period)?
        .into_iter()
        .map(|(_, ranks)| ranks)
        .collect())
}

/// Every KPI as a measure, with its values of the period turned so that
/// higher is better.
fn kpis(
    conn: &mut AnyConnection,
    organisation_id: i32,
    period: &str,
) -> AppResult<Vec<(Measure, BTreeMap<i32, f64>)>> {
    let kpis = Kpi::list_in(conn, organisation_id)?;
    let values = KpiValue::for_period(conn, organisation_id, period)?;
    Ok(kpis
        .into_iter()
        .map(|kpi| {
            let direction = kpi.direction();
            let by_client = values
                .iter()
                .filter(|v| v.kpi_id == kpi.id)
                .map(|v| (v.client_id, direction.oriented(v.value)))
                .collect();
            let measure = Measure {
                id: format!("kpi:{}", kpi.id),
                name: kpi.name,
                unit: kpi.unit,
                direction: kpi.direction.as_str().to_owned(),
                kind: kpi.kind.as_str().to_owned(),
            };
            (measure, by_client)
        })
        .collect())
}

/// Cronbach's α per area over the clients' latest assessments on the study's
/// questionnaire (questions as items), and the assessors' agreement within
/// each latest assessment.
fn reliability(
    app: &App,
    conn: &mut AnyConnection,
    organisation_id: i32,
    portfolio: &Portfolio,
    (questionnaire_id, q): (i32, &Questionnaire),
    latest: &BTreeMap<i32, &FinalEntry>,
) -> AppResult<(Vec<Reliability>, Vec<Agreement>)> {
    let by_id: HashMap<i32, &FinalEntry> = latest.values().map(|e| (e.id, *e)).collect();
    let ids: Vec<i32> = latest.values().map(|e| e.id).collect();
    let scored = portfolio.item_scores(&ids, |missing| {
        let entries: Vec<&FinalEntry> = missing
            .iter()
            .filter_map(|id| by_id.get(id).copied())
            .collect();
        item_scores(app, conn, organisation_id, &entries)
    })?;
    let agreement = scored.iter().map(|s| s.agreement.clone()).collect();
    // Items must be the same questions: only assessments on the study's questionnaire count for α.
    let on_study: Vec<&[f32]> = scored
        .iter()
        .filter(|s| s.questionnaire_id == questionnaire_id)
        .map(|s| s.items.as_slice())
        .collect();
    Ok((study::reliability(q, &on_study), agreement))
}

/// Reads the answers of `entries` and works out their item scores.
fn item_scores(
    app: &App,
    conn: &mut AnyConnection,
    organisation_id: i32,
    entries: &[&FinalEntry],
) -> AppResult<Vec<(i32, ItemScores)>> {
    let mut out = Vec::with_capacity(entries.len());
    // A hundred assessments a query: few round trips, and about 30,000
    // answers in memory at once (with 500 a query, the start-up of a
    // 10,000-client instance peaked at 129 MiB in one run; with 100, at
    // 70–105 MiB in three).
    for chunk in entries.chunks(100) {
        let ids: Vec<i32> = chunk.iter().map(|e| e.id).collect();
        let answers = ScoreRow::answers_of(conn, &ids)?;
        let agreed = AgreedRow::agreed_of(conn, &ids)?;
        for entry in chunk {
            let rows = of(&answers, entry.id, |a| a.0);
            let questionnaire =
                app.questionnaires
                    .get(conn, organisation_id, entry.questionnaire_id)?;
            let items = questionnaire.map_or_else(Vec::new, |q| {
                let results = results::consolidated(
                    &q,
                    rows.iter()
                        .map(|a| (a.2.as_str(), a.3, a.4, a.5.as_deref())),
                    of(&agreed, entry.id, |a| a.0)
                        .iter()
                        .map(|a| (a.1.as_str(), a.2, a.3, a.4.as_deref())),
                );
                // Results list the answered questions in questionnaire order.
                let mut answered = results.questions.iter().peekable();
                q.questions()
                    .map(
                        |question| match answered.next_if(|r| r.question_id == question.id) {
                            #[expect(
                                clippy::cast_possible_truncation,
                                reason = "a % to seven digits"
                            )]
                            Some(r) => r.percent.map_or(f32::NAN, |p| p.combined.get() as f32),
                            None => f32::NAN,
                        },
                    )
                    .collect()
            });
            let agreement = study::assessor_agreement(
                entry.id,
                rows.iter().map(|a| (a.1, a.2.as_str(), a.3, a.4)),
            );
            out.push((
                entry.id,
                ItemScores {
                    questionnaire_id: entry.questionnaire_id,
                    items,
                    agreement,
                },
            ));
        }
    }
    Ok(out)
}

/// The rows of one assessment among rows sorted by assessment.
fn of<T>(rows: &[T], id: i32, assessment: impl Fn(&T) -> i32) -> &[T] {
    let start = rows.partition_point(|r| assessment(r) < id);
    let end = rows.partition_point(|r| assessment(r) <= id);
    rows.get(start..end).unwrap_or_default()
}
