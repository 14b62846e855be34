//! Building a scorecard and rendering it as PDF and HTML, on the bundled
//! questionnaire with a portfolio the size of the demo.
//! Run: `cargo bench --bench scorecard`.

use cmas::app::bootstrap::bundled;
use cmas::domain::questionnaire::Questionnaire;
use cmas::domain::scoring::{consolidate, roll_up, Answer, Results};
use cmas::render::{docx, html, pdf};
use cmas::report::{
    build, AnswerNote, AreaScores, Benchmark, Branding, Edition, History, Meta, PortfolioEntry,
    Scorecard, ScorecardInput,
};
use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::BTreeMap;

/// A small deterministic generator, so every run benchmarks the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn results(q: &Questionnaire, rng: &mut Lcg) -> (Results, Vec<AnswerNote>) {
    let mut notes = Vec::new();
    let consolidated = q
        .questions()
        .map(|question| {
            let answers: Vec<Answer> = (0..2)
                .map(|a| {
                    let (i, r) = (rng.next(8) as i32 + 2, rng.next(7) as i32);
                    notes.push(AnswerNote {
                        question_id: question.id.clone(),
                        by: format!("Assessor {a}"),
                        intention: Some(i),
                        reality: Some(r),
                        na_reason: None,
                        evidence: Some("Interviews with the customer service team and a review of the complaint log".into()),
                    });
                    Answer::Scored {
                        intention: q.scale.score(i64::from(i)).unwrap_or_else(|_| unreachable!()),
                        reality: q.scale.score(i64::from(r)).unwrap_or_else(|_| unreachable!()),
                    }
                })
                .collect();
            consolidate(&question.id, &answers, None, &q.scale)
        })
        .collect();
    (roll_up(q, consolidated), notes)
}

fn areas(q: &Questionnaire, rng: &mut Lcg) -> BTreeMap<String, f64> {
    q.areas
        .iter()
        .map(|a| (a.id.clone(), 15.0 + rng.next(55) as f64))
        .collect()
}

fn scorecard(q: &Questionnaire) -> Scorecard {
    let mut rng = Lcg(2026);
    let (results, notes) = results(q, &mut rng);
    let others: Vec<(f64, AreaScores)> = (0..48)
        .map(|_| {
            let overall = 15.0 + rng.next(55) as f64;
            let areas = areas(q, &mut rng).into_iter().map(|(id, v)| (id.into(), v));
            (overall, AreaScores::new(areas))
        })
        .collect();
    let sectors = ["Retail banking", "Insurance", "Telecoms", "Utilities"];
    let portfolio: Vec<PortfolioEntry> = others
        .iter()
        .zip(sectors.iter().cycle())
        .map(|((overall, areas), sector)| PortfolioEntry {
            sector,
            overall: *overall,
            areas,
        })
        .collect();
    let history: Vec<History> = (2023..2026)
        .map(|year| History {
            date: chrono::NaiveDate::from_ymd_opt(year, 5, 1).unwrap_or_default(),
            overall: 20.0 + rng.next(30) as f64,
            areas: areas(q, &mut rng),
        })
        .collect();
    let date = |s: &str| s.parse().unwrap_or_default();
    build(ScorecardInput {
        edition: Edition::Working,
        language: cmas::domain::i18n::Language::En,
        benchmark: Benchmark::Companies,
        meta: Meta {
            title: "Customer management scorecard: Harbour Bank".into(),
            client: "Harbour Bank".into(),
            sector: "Retail banking".into(),
            scope: "Whole company".into(),
            assessment_date: date("2026-06-01"),
            assessors: vec!["Ann Assessor".into(), "Bob Assessor".into()],
            lead_assessor: "Ann Assessor".into(),
            status: "final".into(),
            questionnaire: q.title.clone(),
            questionnaire_version: format!("{} {}", q.id, q.version),
            generated_on: date("2026-11-23"),
            organisation: "Northbridge Consulting".into(),
        },
        questionnaire: q,
        results: &results,
        answers: &notes,
        history: &history,
        portfolio: &portfolio,
        area_weights: None,
        evidence_base: cmas::report::evidence_base(q, &[], &[], false),
        targets: None,
        actions: Vec::new(),
    })
}

fn benchmarks(c: &mut Criterion) {
    let q = bundled().unwrap_or_default().remove(0);
    let card = scorecard(&q);
    let now = chrono::Utc::now();
    c.bench_function("scorecard: build the model", |b| b.iter(|| scorecard(&q)));
    c.bench_function("scorecard: render the PDF", |b| {
        b.iter(|| pdf::scorecard(&card, &Branding::default(), pdf::Paper::A4, now))
    });
    c.bench_function("scorecard: render the HTML", |b| {
        b.iter(|| html::scorecard(&card, &Branding::default()))
    });
    c.bench_function("scorecard: render the Word document", |b| {
        b.iter(|| docx::scorecard(&card, &Branding::default(), now))
    });
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
