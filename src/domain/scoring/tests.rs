use super::*;
use crate::domain::questionnaire::{Area, Guidance, Question, SubArea};
use proptest::prelude::*;

fn scale() -> Scale {
    Scale {
        min: 0,
        max: 10,
        intention: "plan".into(),
        reality: "use".into(),
        intention_weight: 0.5,
    }
}

/// A questionnaire of `shape[a][s]` questions per sub-area, with the given weights.
fn questionnaire(shape: &[Vec<usize>], weight: impl Fn(usize) -> f64) -> Questionnaire {
    let mut n = 0;
    let mut next_weight = || {
        n += 1;
        weight(n)
    };
    let areas = shape
        .iter()
        .enumerate()
        .map(|(a, subs)| Area {
            id: format!("A{a}"),
            name: format!("Area {a}"),
            weight: next_weight(),
            description: String::new(),
            sub_areas: subs
                .iter()
                .enumerate()
                .map(|(s, &count)| SubArea {
                    id: format!("A{a}.{s}"),
                    name: format!("Sub {a}.{s}"),
                    weight: next_weight(),
                    description: String::new(),
                    questions: (0..count)
                        .map(|q| Question {
                            id: format!("A{a}.{s}.{q}"),
                            practice: "p".into(),
                            weight: next_weight(),
                            guidance: Guidance {
                                low: "l".into(),
                                middle: "m".into(),
                                high: "h".into(),
                            },
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Questionnaire {
        id: "t".into(),
        version: "1.0.0".into(),
        title: "Test".into(),
        description: String::new(),
        scale: scale(),
        areas,
        replaces: None,
        map: Vec::new(),
    }
}

fn scored(i: u8, r: u8) -> Answer {
    Answer::Scored {
        intention: Score(i),
        reality: Score(r),
    }
}

fn na() -> Answer {
    Answer::NotApplicable {
        reason: "no branch network".into(),
    }
}

#[test]
fn the_scale_refuses_values_outside_it() {
    assert!(scale().score(11).is_err());
    assert!(scale().score(-1).is_err());
    assert_eq!(scale().score(10).map(Score::get), Ok(10));
}

#[test]
fn assessors_are_averaged_and_a_three_point_difference_is_flagged() {
    let r = consolidate("q", &[scored(4, 2), scored(7, 3)], None, &scale());
    assert_eq!(r.intention, Some(5.5));
    assert_eq!(r.reality, Some(2.5));
    assert!(r.disagreement);
    let p = r.percent.expect("scored");
    assert!((p.combined.get() - 40.0).abs() < 1e-12);
    let close = consolidate("q", &[scored(4, 2), scored(6, 4)], None, &scale());
    assert!(!close.disagreement);
}

#[test]
fn an_agreed_score_replaces_the_mean_but_keeps_the_flag() {
    let agreed = scored(6, 6);
    let r = consolidate("q", &[scored(2, 2), scored(9, 9)], Some(&agreed), &scale());
    assert_eq!((r.intention, r.reality), (Some(6.0), Some(6.0)));
    assert!(r.agreed && r.disagreement);
}

#[test]
fn na_from_everyone_makes_the_question_not_applicable() {
    let r = consolidate("q", &[na(), na()], None, &scale());
    assert!(r.not_applicable && r.percent.is_none() && !r.disagreement);
    let mixed = consolidate("q", &[na(), scored(5, 5)], None, &scale());
    assert!(!mixed.not_applicable && mixed.disagreement);
    assert_eq!(mixed.intention, Some(5.0));
}

#[test]
fn roll_up_weights_questions_sub_areas_and_areas() {
    // Area 0: sub 0 has two questions (weights 3 and 4), sub 1 one question.
    let q = questionnaire(&[vec![2, 1], vec![1]], |n| n as f64);
    let results = vec![
        consolidate("A0.0.0", &[scored(10, 10)], None, &scale()),
        consolidate("A0.0.1", &[scored(0, 0)], None, &scale()),
        consolidate("A0.1.0", &[scored(5, 5)], None, &scale()),
        consolidate("A1.0.0", &[scored(10, 0)], None, &scale()),
    ];
    let r = roll_up(&q, results);
    let sub = &r.areas[0].sub_areas[0];
    // weights: A0=1, A0.0=2, q0=3, q1=4, A0.1=5, q=6, A1=7, A1.0=8, q=9
    assert!((sub.percent.expect("scored").combined.get() - 300.0 / 7.0).abs() < 1e-9);
    let area0 = (2.0 * 300.0 / 7.0 + 5.0 * 50.0) / 7.0;
    assert!((r.areas[0].rollup.percent.expect("scored").combined.get() - area0).abs() < 1e-9);
    let a1 = r.areas[1].rollup.percent.expect("scored");
    assert_eq!(
        (a1.intention.get(), a1.reality.get(), a1.combined.get()),
        (100.0, 0.0, 50.0)
    );
    assert_eq!(r.areas[1].rollup.gap, Some(-100.0));
    let overall = (area0 + 7.0 * 50.0) / 8.0;
    assert!((r.overall.percent.expect("scored").combined.get() - overall).abs() < 1e-9);
    assert_eq!((r.overall.questions, r.overall.scored), (4, 4));
}

#[test]
fn nothing_scored_means_no_percentage_rather_than_zero() {
    let q = questionnaire(&[vec![2]], |_| 1.0);
    let r = roll_up(&q, vec![]);
    assert_eq!(r.overall.percent, None);
    assert_eq!((r.overall.questions, r.overall.scored), (2, 0));
}

fn answer_strategy() -> impl Strategy<Value = Answer> {
    prop_oneof![
        4 => (0u8..=10, 0u8..=10).prop_map(|(i, r)| scored(i, r)),
        1 => Just(na()),
    ]
}

/// Shape of a questionnaire and answers from 1–3 assessors for each question.
fn case() -> impl Strategy<Value = (Vec<Vec<usize>>, Vec<Vec<Answer>>, Vec<f64>)> {
    prop::collection::vec(prop::collection::vec(1usize..4, 1..3), 1..4).prop_flat_map(|shape| {
        let questions: usize = shape.iter().flatten().sum();
        let nodes = questions + shape.iter().map(|s| s.len() + 1).sum::<usize>();
        (
            Just(shape),
            prop::collection::vec(prop::collection::vec(answer_strategy(), 0..4), questions),
            prop::collection::vec(0.1f64..10.0, nodes),
        )
    })
}

fn results(shape: &[Vec<usize>], answers: &[Vec<Answer>], weights: &[f64], factor: f64) -> Results {
    let q = questionnaire(shape, |n| weights[n - 1] * factor);
    let consolidated = q
        .questions()
        .zip(answers)
        .map(|(question, a)| consolidate(&question.id, a, None, &q.scale))
        .collect();
    roll_up(&q, consolidated)
}

fn all_percents(r: &Results) -> Vec<Dimensions> {
    let mut all: Vec<Dimensions> = r.questions.iter().filter_map(|q| q.percent).collect();
    for area in &r.areas {
        all.extend(area.rollup.percent);
        all.extend(area.sub_areas.iter().filter_map(|s| s.percent));
    }
    all.extend(r.overall.percent);
    all
}

fn close(a: &Results, b: &Results) -> bool {
    let (a, b) = (all_percents(a), all_percents(b));
    a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| {
            (x.intention.get() - y.intention.get()).abs() < 1e-9
                && (x.reality.get() - y.reality.get()).abs() < 1e-9
                && (x.combined.get() - y.combined.get()).abs() < 1e-9
        })
}

proptest! {
    #[test]
    fn every_result_stays_between_0_and_100((shape, answers, weights) in case()) {
        let r = results(&shape, &answers, &weights, 1.0);
        for d in all_percents(&r) {
            for v in [d.intention.get(), d.reality.get(), d.combined.get()] {
                prop_assert!((0.0..=100.0).contains(&v), "{v} out of range");
            }
        }
    }

    #[test]
    fn scaling_all_weights_changes_nothing((shape, answers, weights) in case(), factor in 0.01f64..1000.0) {
        let a = results(&shape, &answers, &weights, 1.0);
        let b = results(&shape, &answers, &weights, factor);
        prop_assert!(close(&a, &b));
    }

    #[test]
    fn an_na_answer_does_not_move_any_score((shape, mut answers, weights) in case(), pick in any::<prop::sample::Index>()) {
        // Turn every answer of one question into N/A: scores elsewhere must not move,
        // and the question must drop out of the roll-up rather than count as zero.
        let before = results(&shape, &answers, &weights, 1.0);
        let i = pick.index(answers.len());
        let was_scored = before.questions[i].percent.is_some();
        answers[i] = vec![na()];
        let after = results(&shape, &answers, &weights, 1.0);
        prop_assert!(after.questions[i].not_applicable);
        if !was_scored {
            prop_assert!(close(&before, &after));
        }
        // Compare with simply leaving the question unanswered: identical roll-up.
        let mut unanswered = answers.clone();
        unanswered[i] = vec![];
        let skipped = results(&shape, &unanswered, &weights, 1.0);
        prop_assert_eq!(after.overall.percent, skipped.overall.percent);
    }
}
