//! Building the scorecard from an assessment's results and its context.

use super::area_scores::AreaScores;
use super::benchmark::{percentile_rank, quantile, quartile, Benchmark};
use super::model::*;
use crate::domain::i18n::{words, Arg, Language, Words};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::{Percent, QuestionResult, Results};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

mod plans;

/// A sector is benchmarked on its own from this many companies.
pub const MIN_SECTOR: usize = 5;
/// Areas are weighted by their link to performance from this many clients.
pub const MIN_STUDY: usize = 10;
/// How many strengths and priorities the summary names.
const FINDINGS: usize = 3;
/// How many of an area's lowest questions the detail pages show.
const LOWEST: usize = 3;
/// Reality this far below Intention means "practise the plan" rather than "make one".
const EXECUTION_GAP: f64 = 10.0;

/// The latest final assessment of another client (or scope) of the organisation.
/// Borrowed: a scorecard reads 10,000 of them from the kept portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioEntry<'a> {
    pub sector: &'a str,
    pub overall: f64,
    /// Combined % by area id.
    pub areas: &'a AreaScores,
}

/// An earlier final assessment of the same client and scope.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    pub date: chrono::NaiveDate,
    pub overall: f64,
    pub areas: BTreeMap<String, f64>,
}

/// One assessor's (or the agreed) answer, for the detail pages.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerNote {
    pub question_id: String,
    /// The assessor's name, or "Agreed".
    pub by: String,
    pub intention: Option<i32>,
    pub reality: Option<i32>,
    pub na_reason: Option<String>,
    pub evidence: Option<String>,
}

pub struct ScorecardInput<'a> {
    pub edition: Edition,
    /// The language of the report's words.
    pub language: Language,
    pub meta: Meta,
    pub questionnaire: &'a Questionnaire,
    pub results: &'a Results,
    pub answers: &'a [AnswerNote],
    /// Earlier final assessments of this client and scope, any order.
    pub history: &'a [History],
    /// The companies the client is compared with (see [`Benchmark`]).
    pub portfolio: &'a [PortfolioEntry<'a>],
    /// What `portfolio` holds, in words for the reader.
    pub benchmark: Benchmark,
    /// Rank correlation of each area with business performance and the number of clients behind it.
    pub area_weights: Option<(&'a HashMap<String, f64>, usize)>,
    /// The fieldwork behind the scores.
    pub evidence_base: super::EvidenceBase,
    /// The targets the client and scope set from this assessment or an earlier one.
    pub targets: Option<&'a super::Targets>,
    /// The actions agreed on this assessment's priorities.
    pub actions: Vec<super::ActionLine>,
}

pub fn build(input: ScorecardInput<'_>) -> Scorecard {
    let w = words(input.language);
    let results = input.results;
    let combined =
        |p: Option<crate::domain::scoring::Dimensions>| p.map_or(0.0, |d| d.combined.get());
    let own_areas = AreaScores::new(
        results
            .areas
            .iter()
            .map(|a| (Arc::from(a.rollup.id.as_str()), combined(a.rollup.percent))),
    );
    let own_sector = input.meta.sector.clone();
    let own = PortfolioEntry {
        sector: &own_sector,
        overall: combined(results.overall.percent),
        areas: &own_areas,
    };
    let everyone: Vec<&PortfolioEntry> = input
        .portfolio
        .iter()
        .chain(std::iter::once(&own))
        .collect();
    let sector: Vec<&PortfolioEntry> = everyone
        .iter()
        .copied()
        .filter(|e| e.sector == own.sector)
        .collect();

    let target_of = |id: &str| input.targets.and_then(|t| t.nodes.get(id).copied());
    let radar: Vec<AreaBenchmark> = input
        .questionnaire
        .areas
        .iter()
        .map(|area| {
            let values: Vec<f64> = everyone
                .iter()
                .filter_map(|e| e.areas.get(&area.id))
                .collect();
            AreaBenchmark {
                id: area.id.clone(),
                name: area.name.clone(),
                client: own.areas.get(&area.id).unwrap_or(0.0),
                median: quantile(&values, 0.5).unwrap_or(0.0),
                top_quartile: quantile(&values, 0.75).unwrap_or(0.0),
                target: target_of(&area.id).map(|(t, _)| t),
            }
        })
        .collect();

    let overall = results
        .overall
        .percent
        .unwrap_or(crate::domain::scoring::Dimensions {
            intention: Percent::default(),
            reality: Percent::default(),
            combined: Percent::default(),
        });
    let summary = Summary {
        overall: overall.combined.get(),
        intention: overall.intention.get(),
        reality: overall.reality.get(),
        portfolio: standing(
            w,
            &input.benchmark.group(w),
            &input.benchmark,
            &everyone,
            own.overall,
        ),
        sector: (sector.len() >= MIN_SECTOR).then(|| {
            let group = w.fill("scorecard-group-sector", &[("sector", own.sector.into())]);
            standing(w, &group, &input.benchmark, &sector, own.overall)
        }),
        answered: results.overall.scored + results.overall.not_applicable,
        questions: results.overall.questions,
    };

    let mut history: Vec<&History> = input
        .history
        .iter()
        .filter(|h| h.date < input.meta.assessment_date)
        .collect();
    history.sort_by_key(|h| h.date);
    let previous = history.last().copied();
    let areas: Vec<AreaRow> = results
        .areas
        .iter()
        .zip(&radar)
        .map(|(area, bench)| {
            let p = area.rollup.percent;
            AreaRow {
                id: bench.id.clone(),
                name: bench.name.clone(),
                combined: bench.client,
                intention: p.map_or(0.0, |d| d.intention.get()),
                reality: p.map_or(0.0, |d| d.reality.get()),
                median: bench.median,
                top_quartile: bench.top_quartile,
                delta: previous
                    .and_then(|h| h.areas.get(&bench.id))
                    .map(|before| bench.client - before),
                target: bench.target,
                target_due: target_of(&bench.id).map(|(_, due)| due),
            }
        })
        .collect();
    let trend = trend(&history, &own, input.meta.assessment_date, &radar);
    let (priorities, priority_rule) = priorities(w, &areas, input.area_weights);
    let strengths = strengths(w, &areas);
    let working = input.edition.is_working();
    let (details, mut disagreements, not_applicable) =
        details(w, input.questionnaire, results, input.answers, working);
    let disagreement_count = disagreements.len();
    if !working {
        disagreements.clear();
    }
    Scorecard {
        edition: input.edition,
        language: input.language,
        meta: input.meta,
        summary,
        radar,
        strengths,
        priorities,
        priority_rule,
        areas,
        trend,
        details,
        disagreement_count,
        disagreements,
        not_applicable,
        evidence_base: input.evidence_base,
        targets_version: input.targets.map(|t| t.version),
        practice_targets: plans::practice_targets(input.questionnaire, results, input.targets),
        actions: input.actions,
    }
}

fn standing(
    w: &Words,
    group: &str,
    benchmark: &Benchmark,
    entries: &[&PortfolioEntry],
    overall: f64,
) -> Standing {
    let values: Vec<f64> = entries.iter().map(|e| e.overall).collect();
    let percentile = percentile_rank(&values, overall).unwrap_or(0.0);
    let quartile = quartile(percentile);
    let (median, top_quartile) = (
        quantile(&values, 0.5).unwrap_or(0.0),
        quantile(&values, 0.75).unwrap_or(0.0),
    );
    let quarter = w.get(&format!("scorecard-quarter-{}", quartile.clamp(1, 4)));
    Standing {
        group: group.to_owned(),
        companies: values.len(),
        percentile,
        quartile,
        median,
        top_quartile,
        sentence: w.fill(
            "scorecard-standing",
            &[
                ("percentile", w.whole(percentile).into()),
                ("group", group.into()),
                ("count", benchmark.count(w, values.len()).into()),
                ("quarter", quarter.into()),
                ("median", w.whole(median).into()),
                ("top_quartile", w.whole(top_quartile).into()),
            ],
        ),
    }
}

fn trend(
    history: &[&History],
    own: &PortfolioEntry,
    date: chrono::NaiveDate,
    radar: &[AreaBenchmark],
) -> Vec<TrendPoint> {
    let point = |date, overall, area: &dyn Fn(&str) -> Option<f64>| TrendPoint {
        date,
        overall,
        areas: radar.iter().map(|a| area(&a.id).unwrap_or(0.0)).collect(),
    };
    history
        .iter()
        .map(|h| point(h.date, h.overall, &|id| h.areas.get(id).copied()))
        .chain(std::iter::once(point(date, own.overall, &|id| {
            own.areas.get(id)
        })))
        .collect()
}

/// A gap in whole percentage points, as a count: the catalogue chooses
/// "1 point" or "3 points".
fn points(gap: f64) -> Arg<'static> {
    // Rounded as the percentages beside it are written (ties to even).
    Arg::Count(gap.round_ties_even().max(0.0) as usize)
}

/// The areas furthest above the portfolio median.
fn strengths(w: &Words, areas: &[AreaRow]) -> Vec<Finding> {
    let mut ranked: Vec<&AreaRow> = areas.iter().filter(|a| a.combined > a.median).collect();
    ranked.sort_by(|a, b| (b.combined - b.median).total_cmp(&(a.combined - a.median)));
    ranked
        .into_iter()
        .take(FINDINGS)
        .map(|a| {
            let template = if a.combined >= a.top_quartile {
                "scorecard-strength-top"
            } else {
                "scorecard-strength"
            };
            Finding {
                area_id: a.id.clone(),
                area: a.name.clone(),
                client: a.combined,
                benchmark: a.median,
                score: a.combined - a.median,
                sentence: w.fill(
                    template,
                    &[
                        ("area", Arg::from(&a.name)),
                        ("client", w.whole(a.combined).into()),
                        ("points", points(a.combined - a.median)),
                        ("median", w.whole(a.median).into()),
                    ],
                ),
            }
        })
        .collect()
}

/// Gaps to the top quartile, weighted by each area's link to performance when known.
fn priorities(
    w: &Words,
    areas: &[AreaRow],
    weights: Option<(&HashMap<String, f64>, usize)>,
) -> (Vec<Finding>, String) {
    let usable = weights.filter(|(_, clients)| *clients >= MIN_STUDY);
    let rule = match usable {
        Some((_, clients)) => w.fill(
            "scorecard-rule-correlation",
            &[("clients", w.whole(clients as f64).into())],
        ),
        None => w.get("scorecard-rule-equal"),
    };
    let weight = |id: &str| usable.map_or(1.0, |(w, _)| w.get(id).copied().unwrap_or(0.0).max(0.0));
    let mut ranked: Vec<(f64, &AreaRow)> = areas
        .iter()
        .map(|a| ((a.top_quartile - a.combined).max(0.0) * weight(&a.id), a))
        .filter(|(score, _)| *score > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let findings = ranked
        .into_iter()
        .take(FINDINGS)
        .map(|(score, a)| {
            let template = if a.intention - a.reality >= EXECUTION_GAP {
                "scorecard-priority-execute"
            } else if a.intention < a.top_quartile {
                "scorecard-priority-plan"
            } else {
                "scorecard-priority-both"
            };
            Finding {
                area_id: a.id.clone(),
                area: a.name.clone(),
                client: a.combined,
                benchmark: a.top_quartile,
                score,
                sentence: w.fill(
                    template,
                    &[
                        ("area", Arg::from(&a.name)),
                        ("points", points(a.top_quartile - a.combined)),
                        ("client", w.whole(a.combined).into()),
                        ("top_quartile", w.whole(a.top_quartile).into()),
                        ("intention", w.whole(a.intention).into()),
                        ("reality", w.whole(a.reality).into()),
                    ],
                ),
            }
        })
        .collect();
    (findings, rule)
}

/// The area details, the disagreements and the questions that did not
/// apply; who said what only when `working` (the working edition).
fn details(
    w: &Words,
    q: &Questionnaire,
    results: &Results,
    answers: &[AnswerNote],
    working: bool,
) -> (Vec<AreaDetail>, Vec<Disagreement>, Vec<NotApplicable>) {
    let by_question: HashMap<&str, &QuestionResult> = results
        .questions
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let mut notes: HashMap<&str, Vec<&AnswerNote>> = HashMap::new();
    for a in answers {
        notes.entry(a.question_id.as_str()).or_default().push(a);
    }
    let notes_of = |id: &str| notes.get(id).map(Vec::as_slice).unwrap_or_default();
    let details = q
        .areas
        .iter()
        .zip(&results.areas)
        .map(|(area, result)| {
            let mut scored: Vec<QuestionNote> = area
                .sub_areas
                .iter()
                .flat_map(|s| &s.questions)
                .filter_map(|question| {
                    let r = by_question.get(question.id.as_str())?;
                    let p = r.percent?;
                    Some(QuestionNote {
                        id: question.id.clone(),
                        practice: question.practice.clone(),
                        combined: p.combined.get(),
                        intention: p.intention.get(),
                        reality: p.reality.get(),
                        evidence: notes_of(&question.id)
                            .iter()
                            .filter(|_| working)
                            .filter_map(|n| n.evidence.as_ref().map(|e| format!("{}: {e}", n.by)))
                            .collect(),
                    })
                })
                .collect();
            scored.sort_by(|a, b| a.combined.total_cmp(&b.combined));
            scored.truncate(LOWEST);
            AreaDetail {
                id: area.id.clone(),
                name: area.name.clone(),
                combined: result.rollup.percent.map_or(0.0, |p| p.combined.get()),
                sub_areas: result
                    .sub_areas
                    .iter()
                    .map(|s| SubAreaRow {
                        id: s.id.clone(),
                        name: s.name.clone(),
                        combined: s.percent.map(|p| p.combined.get()),
                        intention: s.percent.map(|p| p.intention.get()),
                        reality: s.percent.map(|p| p.reality.get()),
                    })
                    .collect(),
                lowest: scored,
            }
        })
        .collect();
    let mut disagreements = Vec::new();
    let mut not_applicable = Vec::new();
    for question in q.questions() {
        let Some(r) = by_question.get(question.id.as_str()) else {
            continue;
        };
        let answers = notes_of(&question.id);
        if r.disagreement {
            disagreements.push(Disagreement {
                id: question.id.clone(),
                practice: question.practice.clone(),
                answers: answers
                    .iter()
                    .map(|n| match (n.intention, n.reality, &n.na_reason) {
                        (Some(i), Some(re), _) => w.fill(
                            "scorecard-assessor-answer",
                            &[
                                ("assessor", Arg::from(&n.by)),
                                ("intention", i.to_string().into()),
                                ("reality", re.to_string().into()),
                            ],
                        ),
                        _ => w.fill("scorecard-assessor-na", &[("assessor", Arg::from(&n.by))]),
                    })
                    .collect(),
                agreed: r.agreed,
            });
        }
        let mut reasons: Vec<String> = answers
            .iter()
            .filter_map(|n| {
                n.na_reason.as_ref().map(|reason| match working {
                    true => format!("{}: {reason}", n.by),
                    false => reason.clone(),
                })
            })
            .collect();
        reasons.dedup();
        if !reasons.is_empty() {
            not_applicable.push(NotApplicable {
                id: question.id.clone(),
                practice: question.practice.clone(),
                reasons,
            });
        }
    }
    (details, disagreements, not_applicable)
}

#[cfg(test)]
mod tests;
