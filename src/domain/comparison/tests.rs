use super::*;
use crate::domain::questionnaire::{Area, Guidance, Question, Questionnaire, Scale, SubArea};
use crate::domain::scoring::{consolidate, roll_up, Answer};

/// One area of two sub-areas with the given practice ids, scale 0–5.
fn questionnaire(first: &[&str], second: &[&str]) -> Questionnaire {
    let question = |id: &&str| Question {
        id: (*id).to_owned(),
        practice: format!("Practice {id}"),
        weight: 1.0,
        guidance: Guidance {
            low: "l".into(),
            middle: "m".into(),
            high: "h".into(),
        },
    };
    let sub = |id: &str, ids: &[&str]| SubArea {
        id: id.to_owned(),
        name: format!("Sub {id}"),
        weight: 1.0,
        description: String::new(),
        questions: ids.iter().map(question).collect(),
    };
    Questionnaire {
        id: "t".into(),
        version: "1.0.0".into(),
        title: "Test".into(),
        description: String::new(),
        scale: Scale {
            min: 0,
            max: 5,
            intention: "plan".into(),
            reality: "use".into(),
            intention_weight: 0.5,
        },
        areas: vec![Area {
            id: "A".into(),
            name: "Area A".into(),
            weight: 1.0,
            description: String::new(),
            sub_areas: vec![sub("A.1", first), sub("A.2", second)],
        }],
        replaces: None,
        map: Vec::new(),
    }
}

/// Results where each practice is scored by the given assessors' (I, R)
/// pairs, or N/A when the list is empty.
fn results(q: &Questionnaire, answers: &[(&str, &[(u8, u8)])]) -> Results {
    let scale = &q.scale;
    let questions = answers
        .iter()
        .map(|(id, scores)| {
            let given: Vec<Answer> = if scores.is_empty() {
                vec![Answer::NotApplicable {
                    reason: "no stores".into(),
                }]
            } else {
                scores
                    .iter()
                    .map(|(i, r)| Answer::Scored {
                        intention: scale.score(i64::from(*i)).expect("on the scale"),
                        reality: scale.score(i64::from(*r)).expect("on the scale"),
                    })
                    .collect()
            };
            consolidate(id, &given, None, scale)
        })
        .collect();
    roll_up(q, questions)
}

fn practice<'a>(c: &'a WaveComparison, id: &str) -> &'a PracticeChange {
    c.practices
        .iter()
        .find(|p| {
            p.after_id.as_deref() == Some(id) || (p.after_id.is_none() && p.before_ids == [id])
        })
        .expect("the practice is compared")
}

fn standing(intention: f64, reality: f64) -> PracticeStanding {
    PracticeStanding {
        intention: Some(intention),
        reality: Some(reality),
        not_applicable: false,
    }
}

#[test]
fn a_change_of_one_point_on_either_dimension_moves_a_practice_and_less_does_not() {
    let cases = [
        ((2.0, 2.0), (3.0, 2.0), Movement::Improved),
        ((2.0, 2.0), (2.0, 3.0), Movement::Improved),
        ((2.0, 2.0), (1.0, 2.0), Movement::Regressed),
        ((2.0, 2.0), (2.0, 1.0), Movement::Regressed),
        ((2.0, 2.0), (3.0, 1.0), Movement::Mixed),
        ((2.0, 2.0), (2.9, 1.1), Movement::Unchanged),
        ((2.0, 2.0), (2.5, 2.5), Movement::Unchanged),
        // A rise past the threshold with a small fall beside it is a rise.
        ((2.0, 2.0), (3.5, 1.5), Movement::Improved),
        // Means of three assessors: 11/3 − 8/3 reads as one point.
        ((8.0 / 3.0, 2.0), (11.0 / 3.0, 2.0), Movement::Improved),
    ];
    for ((i0, r0), (i1, r1), expected) in cases {
        let (moved, reason) = movement(Link::Kept, standing(i0, r0), standing(i1, r1));
        assert_eq!(moved, expected, "({i0}, {r0}) → ({i1}, {r1})");
        assert_eq!(reason, None);
    }
}

#[test]
fn not_applicable_or_unanswered_on_either_side_is_not_compared_and_says_which() {
    let na = PracticeStanding {
        intention: None,
        reality: None,
        not_applicable: true,
    };
    let blank = PracticeStanding {
        intention: None,
        reality: None,
        not_applicable: false,
    };
    let scored = standing(1.0, 4.0);
    for (before, after, why) in [
        (na, scored, NotCompared::NotApplicableBefore),
        (scored, na, NotCompared::NotApplicableAfter),
        (na, na, NotCompared::NotApplicableBoth),
        (blank, scored, NotCompared::Unanswered),
        (scored, blank, NotCompared::Unanswered),
    ] {
        assert_eq!(
            movement(Link::Kept, before, after),
            (Movement::NotCompared, Some(why))
        );
    }
}

#[test]
fn the_maps_kinds_decide_what_is_compared_with_what() {
    let before_q = questionnaire(&["p1", "p2", "p3"], &["p4", "p5", "p6"]);
    let after_q = questionnaire(&["p1", "p2b"], &["p4a", "p4b", "p56", "p7"]);
    let before = results(
        &before_q,
        &[
            ("p1", &[(2, 2)]),
            ("p2", &[(1, 1)]),
            ("p3", &[(3, 3)]),
            ("p4", &[(2, 3)]),
            ("p5", &[(1, 1)]),
            ("p6", &[(3, 3)]),
        ],
    );
    let after = results(
        &after_q,
        &[
            ("p1", &[(2, 2)]),
            ("p2b", &[(3, 1)]),
            ("p4a", &[(3, 3)]),
            ("p4b", &[(1, 3)]),
            ("p56", &[(2, 2)]),
            ("p7", &[(5, 5)]),
        ],
    );
    let link = |before: &[&str], after: Option<&str>, link| Counterpart {
        before: before.iter().map(|s| (*s).to_owned()).collect(),
        after: after.map(str::to_owned),
        link,
    };
    let map = [
        link(&["p1"], Some("p1"), Link::Kept),
        link(&["p2"], Some("p2b"), Link::Renamed),
        link(&["p4"], Some("p4a"), Link::Split),
        link(&["p4"], Some("p4b"), Link::Split),
        link(&["p5", "p6"], Some("p56"), Link::Merged),
        link(&[], Some("p7"), Link::New),
        link(&["p3"], None, Link::Retired),
    ];
    let c = compare(&before, &after, &map);
    assert_eq!(practice(&c, "p1").movement, Movement::Unchanged);
    assert_eq!(practice(&c, "p2b").movement, Movement::Improved);
    assert_eq!(practice(&c, "p2b").before_ids, ["p2"]);
    // Each part of a split is compared with the whole it came from.
    assert_eq!(practice(&c, "p4a").movement, Movement::Improved);
    assert_eq!(practice(&c, "p4b").movement, Movement::Regressed);
    // A merged practice is compared with the mean of its parts: (1+3)/2 = 2.
    let merged = practice(&c, "p56");
    assert_eq!(merged.before, standing(2.0, 2.0));
    assert_eq!(merged.movement, Movement::Unchanged);
    assert_eq!(
        practice(&c, "p7").reason,
        Some(NotCompared::NoEarlierCounterpart)
    );
    assert_eq!(
        practice(&c, "p3").reason,
        Some(NotCompared::NoLaterCounterpart)
    );
    assert_eq!(c.count(Movement::Improved), 2);
    assert_eq!(c.count(Movement::Regressed), 1);
    assert_eq!(c.count(Movement::NotCompared), 2);
    // The sub-areas are paired by id, whatever their practices.
    let area = c.areas.first().expect("one area");
    assert_eq!(area.sub_areas.len(), 2);
    assert!(area.area.change.combined.delta().is_some());
}

#[test]
fn a_merged_practice_is_not_applicable_only_when_every_part_was() {
    let q = questionnaire(&["a", "b"], &["c"]);
    let after_q = questionnaire(&["ab"], &["c"]);
    let merged = |b: &[(u8, u8)]| {
        let before = results(&q, &[("a", &[]), ("b", b), ("c", &[(1, 1)])]);
        let after = results(&after_q, &[("ab", &[(4, 4)]), ("c", &[(1, 1)])]);
        let map = [Counterpart {
            before: vec!["a".into(), "b".into()],
            after: Some("ab".into()),
            link: Link::Merged,
        }];
        compare(&before, &after, &map)
            .practices
            .first()
            .cloned()
            .expect("one practice")
    };
    let one_scored = merged(&[(2, 2)]);
    assert_eq!(one_scored.before, standing(2.0, 2.0));
    assert_eq!(one_scored.movement, Movement::Improved);
    let none_scored = merged(&[]);
    assert_eq!(none_scored.reason, Some(NotCompared::NotApplicableBefore));
}

#[test]
fn same_ids_pairs_what_both_ask_and_marks_the_rest_new_or_retired() {
    let pairs = same_ids(["a", "b"].into_iter(), ["b", "c"].into_iter());
    let kinds: Vec<(Option<&str>, Link)> =
        pairs.iter().map(|p| (p.after.as_deref(), p.link)).collect();
    assert_eq!(
        kinds,
        [
            (Some("b"), Link::Kept),
            (Some("c"), Link::New),
            (None, Link::Retired)
        ]
    );
}

#[test]
fn areas_and_the_overall_result_carry_both_waves_and_moved_most_ranks_by_distance() {
    let q = questionnaire(&["p1", "p2"], &["p3"]);
    let before = results(
        &q,
        &[("p1", &[(1, 1)]), ("p2", &[(2, 2)]), ("p3", &[(4, 4)])],
    );
    let after = results(
        &q,
        &[("p1", &[(4, 3)]), ("p2", &[(3, 2)]), ("p3", &[(4, 4)])],
    );
    let ids = || q.questions().map(|x| x.id.as_str());
    let c = compare(&before, &after, &same_ids(ids(), ids()));
    let overall = c.overall.combined;
    assert!(overall.delta().is_some_and(|d| d > 0.0), "{overall:?}");
    let sub = c
        .areas
        .first()
        .and_then(|a| a.sub_areas.first())
        .expect("a sub-area");
    // A.1 intention: (1+2)/2 = 1.5 of 5 → 30%; then (4+3)/2 = 3.5 → 70%.
    assert_eq!(sub.change.intention.before, Some(30.0));
    assert_eq!(sub.change.intention.after, Some(70.0));
    let most: Vec<Option<&str>> = c
        .moved_most(5)
        .iter()
        .map(|p| p.after_id.as_deref())
        .collect();
    assert_eq!(most, [Some("p1"), Some("p2")]);
    assert_eq!(c.count(Movement::Unchanged), 1);
}
