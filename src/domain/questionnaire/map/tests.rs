use super::*;
use crate::domain::questionnaire::load;

const EARLIER: &str = include_str!("../../../../questionnaires/customer-management.toml");
const LATER: &str = include_str!("../../../../questionnaires/customer-management-1.1.0.toml");

fn versions() -> (Questionnaire, Questionnaire) {
    (
        load("1.0.0", EARLIER).expect("1.0.0 loads"),
        load("1.1.0", LATER).expect("1.1.0 loads"),
    )
}

#[test]
fn the_bundled_map_holds_and_pairs_every_practice() {
    let (earlier, later) = versions();
    let pairs = check(&earlier, &later).expect("the map holds");
    assert_eq!(pairs.len(), later.question_count(), "nothing retired");
    let kind_of = |id: &str| {
        pairs
            .iter()
            .find(|p| p.after.as_deref() == Some(id))
            .map(|p| (p.before.clone(), p.kind))
    };
    assert_eq!(
        kind_of("AP.1.1"),
        Some((vec!["AP.1.1".to_owned()], None)),
        "kept"
    );
    assert_eq!(
        kind_of("AP.1.2"),
        Some((vec!["AP.1.2".to_owned()], Some(MapKind::Renamed)))
    );
    assert_eq!(
        kind_of("CMA.2.5"),
        Some((vec!["CMA.2.2".to_owned()], Some(MapKind::Split)))
    );
    assert_eq!(
        kind_of("CMA.2.6"),
        Some((vec!["CMA.2.2".to_owned()], Some(MapKind::Split)))
    );
    assert_eq!(kind_of("ME.1.6"), Some((vec![], Some(MapKind::New))));
    assert!(kind_of("CMA.2.2").is_none(), "split away");
}

#[test]
fn a_map_that_misses_loses_or_miscounts_a_practice_is_refused_naming_it() {
    let (earlier, mut later) = versions();
    let split = later
        .map
        .iter_mut()
        .find(|e| e.kind == MapKind::Split)
        .expect("a split");
    split.to = vec!["CMA.2.5".into()];
    let problems = check(&earlier, &later).expect_err("refused");
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("takes at least two `to`")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`CMA.2.6` is new")),
        "{messages:?}"
    );
    assert!(problems
        .iter()
        .any(|p| p.practice.as_deref() == Some("CMA.2.6")));

    let (earlier, mut later) = versions();
    later.map.retain(|e| e.kind != MapKind::Split);
    later.map.push(MapEntry {
        kind: MapKind::Retired,
        from: vec!["XX.9".into()],
        to: vec![],
    });
    let messages: Vec<String> = check(&earlier, &later)
        .expect_err("refused")
        .into_iter()
        .map(|p| p.message)
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`XX.9` is not a practice of customer-management 1.0.0")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`CMA.2.2` of 1.0.0 is gone")),
        "{messages:?}"
    );

    let (earlier, mut later) = versions();
    later.replaces = Some("0.9.0".into());
    assert!(
        check(&earlier, &later).is_err(),
        "it must replace the version given"
    );
}

#[test]
fn merged_and_retired_practices_pair_as_the_map_says() {
    let (earlier, mut later) = versions();
    // Pretend 1.1.0 merged AP.1.3 and AP.1.4 into AP.1.3 and retired AP.1.5.
    for area in &mut later.areas {
        for sub in &mut area.sub_areas {
            sub.questions
                .retain(|q| q.id != "AP.1.4" && q.id != "AP.1.5");
        }
    }
    later.map.push(MapEntry {
        kind: MapKind::Merged,
        from: vec!["AP.1.3".into(), "AP.1.4".into()],
        to: vec!["AP.1.3".into()],
    });
    later.map.push(MapEntry {
        kind: MapKind::Retired,
        from: vec!["AP.1.5".into()],
        to: vec![],
    });
    let pairs = check(&earlier, &later).expect("the map holds");
    let merged = pairs
        .iter()
        .find(|p| p.after.as_deref() == Some("AP.1.3"))
        .expect("AP.1.3");
    assert_eq!(
        (merged.before.len(), merged.kind),
        (2, Some(MapKind::Merged))
    );
    let retired = pairs.last().expect("retired last");
    assert_eq!(
        (
            retired.before.as_slice(),
            retired.after.as_deref(),
            retired.kind
        ),
        (&["AP.1.5".to_owned()][..], None, Some(MapKind::Retired))
    );
}
