use super::*;

fn by_client(values: &[f64]) -> BTreeMap<i32, f64> {
    (1..).zip(values.iter().copied()).collect()
}

fn column(id: &str, name: &str) -> Column {
    Column {
        id: id.into(),
        name: name.into(),
    }
}

/// Twelve clients whose overall score and "Plans" follow the panels' ranks
/// closely, "Tools" hardly; one KPI that tracks the overall score.
fn input() -> StudyInput {
    let overall = [
        90.0, 85.0, 80.0, 70.0, 75.0, 60.0, 55.0, 58.0, 40.0, 45.0, 30.0, 20.0,
    ];
    let plans = [
        88.0, 86.0, 79.0, 72.0, 70.0, 62.0, 50.0, 57.0, 44.0, 40.0, 35.0, 25.0,
    ];
    let tools = [
        50.0, 20.0, 70.0, 40.0, 65.0, 30.0, 80.0, 35.0, 60.0, 25.0, 55.0, 45.0,
    ];
    let retention = [9.0, 8.5, 8.0, 7.0, 7.6, 6.0, 5.0, 6.1, 4.0, 4.2, 3.0, 2.0];
    let ranks = |shift: usize| -> HashMap<i32, f64> {
        (1..=12)
            .map(|c: i32| {
                let rank = c as usize + usize::from(c as usize % 4 == shift);
                (c, rank as f64)
            })
            .collect()
    };
    StudyInput {
        language: crate::domain::i18n::Language::En,
        period: "2025".into(),
        method: Method::Spearman,
        clients: 12,
        overall: by_client(&overall),
        areas: vec![
            (column("PL", "Plans"), by_client(&plans)),
            (column("TO", "Tools"), by_client(&tools)),
        ],
        panels: vec![ranks(0), ranks(1)],
        kpis: vec![(
            Measure {
                id: "kpi:1".into(),
                name: "Customer retention".into(),
                unit: "%".into(),
                direction: "higher".into(),
                kind: "customer".into(),
            },
            by_client(&retention),
        )],
        reliability: Vec::new(),
        assessor_agreement: Vec::new(),
    }
}

#[test]
fn the_bundled_wording_parses_and_fills_findings_and_caveats() {
    let study = build(input());
    let overall = study
        .cells
        .iter()
        .find(|c| c.score == OVERALL && c.measure == PERFORMANCE)
        .and_then(|c| Some((c.correlation.clone()?, c.p_holm?)))
        .expect("overall against performance");
    let (r, holm) = overall;
    let p = |p: f64| {
        if p < 0.001 {
            "p < 0.001".to_owned()
        } else {
            format!("p = {p:.3}")
        }
    };
    let plans = &study.tied_to_performance[0];
    let tools = &study.tied_to_performance[1];
    let retention = study
        .cells
        .iter()
        .find(|c| c.score == OVERALL && c.measure == "kpi:1")
        .and_then(|c| c.correlation.as_ref())
        .expect("overall against retention");
    let w = study.panels.kendall_w.as_ref().expect("W");
    assert_eq!(
        study.findings,
        [
            format!("Overall customer-management score and business performance (the panels' consensus) correlate at {:.2} (95% CI {:.2} to {:.2}; {} after Holm; 12 clients): {:.0}% shared variance.", r.r, r.ci_low, r.ci_high, p(holm), r.r_squared * 100.0),
            format!("The areas most tied to performance: Plans ({:.2}).", plans.r),
            format!("Tools is the least tied ({:.2}), and its link does not survive the correction for multiple tests.", tools.r),
            format!("The overall score tracks these KPIs beyond chance: Customer retention ({:.2}).", retention.r),
            format!("The 2 panels agree with each other: Kendall's W = {:.2} ({}).", w.w, p(w.p_value)),
        ]
    );
    assert_eq!(
        study.caveats,
        [
            "Correlation is not causation: companies that manage customers well tend to perform well, but the study cannot say which causes which.".to_owned(),
            format!("With 12 clients, only correlations above {:.2} in size can be told from noise at the 5% level.", study.critical_r.expect("critical r")),
        ]
    );
    assert_eq!(
        (
            study.scores[0].name.as_str(),
            study.measures[0].name.as_str()
        ),
        (
            "Overall",
            "Business performance (consensus of the expert panels)"
        )
    );
}

#[test]
fn few_clients_are_a_caveat_and_names_keep_their_braces() {
    let mut few = input();
    few.clients = 4;
    few.areas[0].0.name = "Plans {r}".into();
    let study = build(few);
    assert!(
        study.caveats.last().is_some_and(|c| c
            == "Only 4 clients: too few for the study to weigh the areas; treat every figure as indicative."),
        "{:?}",
        study.caveats
    );
    assert!(
        study.findings.iter().any(|f| f.contains("Plans {r} (")),
        "{:?}",
        study.findings
    );
}

#[test]
fn cells_run_score_major_with_overall_first() {
    let study = build(input());
    let order: Vec<(&str, &str)> = study
        .cells
        .iter()
        .map(|c| (c.score.as_str(), c.measure.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("overall", "performance"),
            ("overall", "kpi:1"),
            ("PL", "performance"),
            ("PL", "kpi:1"),
            ("TO", "performance"),
            ("TO", "kpi:1"),
        ]
    );
    assert_eq!(study.scatter.len(), 12);
}
