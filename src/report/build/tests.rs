use super::*;
use crate::domain::questionnaire::{Area, Guidance, Question, Scale, SubArea};
use crate::domain::scoring::{consolidate, roll_up, Answer};

fn questionnaire() -> Questionnaire {
    let area = |id: &str, name: &str| Area {
        id: id.into(),
        name: name.into(),
        weight: 1.0,
        description: String::new(),
        sub_areas: vec![SubArea {
            id: format!("{id}.1"),
            name: format!("{name} basics"),
            weight: 1.0,
            description: String::new(),
            questions: (1..=2)
                .map(|n| Question {
                    id: format!("{id}.1.{n}"),
                    practice: format!("{name} practice {n}"),
                    weight: 1.0,
                    guidance: Guidance {
                        low: "l".into(),
                        middle: "m".into(),
                        high: "h".into(),
                    },
                })
                .collect(),
        }],
    };
    Questionnaire {
        id: "t".into(),
        version: "1.0.0".into(),
        title: "Test".into(),
        description: String::new(),
        scale: Scale {
            min: 0,
            max: 10,
            intention: "i".into(),
            reality: "r".into(),
            intention_weight: 0.5,
        },
        areas: vec![
            area("AP", "Analysis"),
            area("PO", "People"),
            area("ME", "Measurement"),
        ],
        replaces: None,
        map: Vec::new(),
    }
}

fn scale() -> Scale {
    questionnaire().scale
}

fn scored(i: u8, r: u8) -> Answer {
    let s = scale();
    Answer::Scored {
        intention: s.score(i64::from(i)).unwrap_or_else(|_| unreachable!()),
        reality: s.score(i64::from(r)).unwrap_or_else(|_| unreachable!()),
    }
}

/// Results with every question of an area at the same (intention, reality).
fn results(q: &Questionnaire, per_area: &[(u8, u8)]) -> Results {
    let questions = q
        .areas
        .iter()
        .zip(per_area)
        .flat_map(|(area, &(i, r))| {
            area.sub_areas[0]
                .questions
                .iter()
                .map(move |question| (question.id.clone(), i, r))
        })
        .map(|(id, i, r)| consolidate(&id, &[scored(i, r)], None, &scale()))
        .collect();
    roll_up(q, questions)
}

fn meta(date: &str) -> Meta {
    Meta {
        title: "Scorecard".into(),
        client: "Harbour Bank".into(),
        sector: "Banking".into(),
        scope: "Whole company".into(),
        assessment_date: date.parse().unwrap_or_default(),
        assessors: vec!["Ann".into(), "Bob".into()],
        lead_assessor: "Ann".into(),
        status: "final".into(),
        questionnaire: "t".into(),
        questionnaire_version: "1.0.0".into(),
        generated_on: "2026-11-23".parse().unwrap_or_default(),
        organisation: "Alpha".into(),
    }
}

/// A portfolio entry for a test; its areas are leaked, as the kept portfolio
/// would otherwise own them.
fn entry(sector: &'static str, ap: f64, po: f64, me: f64) -> PortfolioEntry<'static> {
    let areas = AreaScores::new([("AP".into(), ap), ("PO".into(), po), ("ME".into(), me)]);
    PortfolioEntry {
        sector,
        overall: (ap + po + me) / 3.0,
        areas: Box::leak(Box::new(areas)),
    }
}

fn input<'a>(
    q: &'a Questionnaire,
    r: &'a Results,
    portfolio: &'a [PortfolioEntry<'a>],
) -> ScorecardInput<'a> {
    ScorecardInput {
        language: crate::domain::i18n::Language::En,
        edition: Edition::Working,
        meta: meta("2026-06-01"),
        questionnaire: q,
        results: r,
        answers: &[],
        history: &[],
        portfolio,
        benchmark: Benchmark::Companies,
        area_weights: None,
        evidence_base: crate::report::evidence_base(q, &[], &[], false),
        targets: None,
        actions: Vec::new(),
    }
}

#[test]
fn standing_and_benchmarks_come_from_the_whole_portfolio_including_the_client() {
    let q = questionnaire();
    // Client: AP 50, PO 30, ME 10 → overall 30.
    let r = results(&q, &[(5, 5), (3, 3), (1, 1)]);
    let portfolio = [
        entry("Retail", 10.0, 10.0, 10.0),
        entry("Retail", 40.0, 40.0, 40.0),
        entry("Banking", 60.0, 60.0, 60.0),
    ];
    let card = build(input(&q, &r, &portfolio));
    // Overall values: 10, 40, 60 and the client's own 30: one below, itself a tie → 37.5.
    assert_eq!(card.summary.portfolio.companies, 4);
    assert_eq!(card.summary.portfolio.percentile, 37.5);
    assert_eq!(card.summary.portfolio.quartile, 3);
    assert_eq!(card.summary.portfolio.median, 35.0);
    assert!(
        card.summary.sector.is_none(),
        "two banks are too few for a sector benchmark"
    );
    // AP values 10, 40, 60, 50: median 45, top quartile 52.5.
    assert_eq!(
        (card.radar[0].median, card.radar[0].top_quartile),
        (45.0, 52.5)
    );
    assert_eq!(card.radar[0].client, 50.0);
}

#[test]
fn a_sector_with_five_companies_gets_its_own_standing() {
    let q = questionnaire();
    let r = results(&q, &[(5, 5), (5, 5), (5, 5)]);
    let portfolio: Vec<PortfolioEntry> = (0..4)
        .map(|i| entry("Banking", 10.0 * f64::from(i), 0.0, 0.0))
        .collect();
    let card = build(input(&q, &r, &portfolio));
    let sector = card.summary.sector.expect("five banks");
    assert_eq!(
        (sector.group.as_str(), sector.companies, sector.quartile),
        ("the Banking sector", 5, 1)
    );
}

#[test]
fn priorities_rank_gaps_to_the_top_quartile_with_equal_weights_until_the_study_exists() {
    let q = questionnaire();
    // Client: AP 50, PO 30 (plans but no practice), ME 10.
    let r = results(&q, &[(5, 5), (5, 1), (1, 1)]);
    let portfolio = [
        entry("Retail", 60.0, 60.0, 60.0),
        entry("Retail", 70.0, 70.0, 70.0),
        entry("Retail", 80.0, 80.0, 80.0),
    ];
    let card = build(input(&q, &r, &portfolio));
    let order: Vec<&str> = card.priorities.iter().map(|p| p.area_id.as_str()).collect();
    assert_eq!(order, ["ME", "PO", "AP"]);
    assert!(
        card.priority_rule.contains("weighted equally"),
        "{}",
        card.priority_rule
    );
    assert!(
        card.priorities[1].sentence.contains("not yet practised"),
        "{}",
        card.priorities[1].sentence
    );
    assert!(
        card.priorities[0]
            .sentence
            .starts_with("Measurement: 62 points below the top quartile (10% against 72%)"),
        "{}",
        card.priorities[0].sentence
    );

    // With the study, an area that tracks performance moves up; too few clients change nothing.
    let weights: HashMap<String, f64> = [
        ("AP".to_owned(), 0.9),
        ("PO".to_owned(), 0.1),
        ("ME".to_owned(), 0.1),
    ]
    .into_iter()
    .collect();
    let mut with_study = input(&q, &r, &portfolio);
    with_study.area_weights = Some((&weights, 12));
    let card = build(with_study);
    assert_eq!(card.priorities[0].area_id, "AP");
    assert!(
        card.priority_rule.contains("12 clients"),
        "{}",
        card.priority_rule
    );
    let mut too_few = input(&q, &r, &portfolio);
    too_few.area_weights = Some((&weights, 9));
    assert_eq!(build(too_few).priorities[0].area_id, "ME");
}

#[test]
fn strengths_are_the_areas_furthest_above_the_median() {
    let q = questionnaire();
    let r = results(&q, &[(9, 9), (6, 6), (1, 1)]);
    let portfolio = [
        entry("Retail", 20.0, 50.0, 20.0),
        entry("Retail", 30.0, 55.0, 30.0),
    ];
    let card = build(input(&q, &r, &portfolio));
    let order: Vec<&str> = card.strengths.iter().map(|s| s.area_id.as_str()).collect();
    assert_eq!(
        order,
        ["AP", "PO"],
        "ME is below the median and no strength"
    );
    assert!(
        card.strengths[0].sentence.contains("top quarter"),
        "{}",
        card.strengths[0].sentence
    );
}

#[test]
fn deltas_compare_with_the_previous_earlier_assessment_and_the_trend_ends_with_this_one() {
    let q = questionnaire();
    let r = results(&q, &[(5, 5), (5, 5), (5, 5)]);
    let at = |date: &str, value: f64| History {
        date: date.parse().unwrap_or_default(),
        overall: value,
        areas: [
            ("AP".to_owned(), value),
            ("PO".to_owned(), value),
            ("ME".to_owned(), value),
        ]
        .into_iter()
        .collect(),
    };
    let history = [
        at("2025-06-01", 40.0),
        at("2024-06-01", 30.0),
        at("2027-01-01", 90.0),
    ];
    let mut with_history = input(&q, &r, &[]);
    with_history.history = &history;
    let card = build(with_history);
    assert_eq!(card.areas[0].delta, Some(10.0));
    let dates: Vec<String> = card.trend.iter().map(|t| t.date.to_string()).collect();
    assert_eq!(
        dates,
        ["2024-06-01", "2025-06-01", "2026-06-01"],
        "a later assessment is not history"
    );
    assert_eq!(card.trend[2].overall, 50.0);
    assert!(build(input(&q, &r, &[])).areas[0].delta.is_none());
}

#[test]
fn details_show_the_lowest_questions_with_evidence_disagreements_and_na_reasons() {
    let q = questionnaire();
    let questions = vec![
        consolidate("AP.1.1", &[scored(8, 8)], None, &scale()),
        consolidate("AP.1.2", &[scored(1, 1), scored(5, 5)], None, &scale()),
        consolidate(
            "PO.1.1",
            &[Answer::NotApplicable {
                reason: "No staff".into(),
            }],
            None,
            &scale(),
        ),
    ];
    let r = roll_up(&q, questions);
    let note =
        |id: &str, by: &str, i: Option<i32>, na: Option<&str>, evidence: Option<&str>| AnswerNote {
            question_id: id.into(),
            by: by.into(),
            intention: i,
            reality: i,
            na_reason: na.map(Into::into),
            evidence: evidence.map(Into::into),
        };
    let answers = [
        note(
            "AP.1.2",
            "Ann",
            Some(1),
            None,
            Some("No segmentation in the CRM"),
        ),
        note("AP.1.2", "Bob", Some(5), None, None),
        note("PO.1.1", "Ann", None, Some("No staff"), None),
    ];
    let mut with_answers = input(&q, &r, &[]);
    with_answers.answers = &answers;
    let card = build(with_answers);
    let mut for_the_client = input(&q, &r, &[]);
    for_the_client.answers = &answers;
    for_the_client.edition = Edition::Client;
    let client = build(for_the_client);
    let ap = &card.details[0];
    assert_eq!(
        ap.lowest.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["AP.1.2", "AP.1.1"]
    );
    assert_eq!(ap.lowest[0].evidence, ["Ann: No segmentation in the CRM"]);
    assert_eq!(card.disagreements.len(), 1);
    assert_eq!(
        card.disagreements[0].answers,
        ["Ann: Intention 1, Reality 1", "Bob: Intention 5, Reality 5"]
    );
    assert_eq!(card.not_applicable[0].reasons, ["Ann: No staff"]);
    assert_eq!(card.summary.answered, 3);

    // The client's edition: the same findings, nobody's name beside a score.
    assert_eq!(client.disagreement_count, 1);
    assert!(client.disagreements.is_empty());
    assert!(client.details[0].lowest[0].evidence.is_empty());
    assert_eq!(client.not_applicable[0].reasons, ["No staff"]);
    assert_eq!(client.summary, card.summary);
    // The team is named on the cover, never beside a score.
    let beside_scores = serde_json::to_string(&(
        &client.details,
        &client.disagreements,
        &client.not_applicable,
    ))
    .unwrap_or_default();
    assert!(
        !beside_scores.contains("Ann") && !beside_scores.contains("Bob"),
        "{beside_scores}"
    );
}
