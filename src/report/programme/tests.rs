use super::*;
use crate::domain::i18n::{words, Language};
use crate::domain::programme::Placement;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

fn assessment(
    id: i32,
    date: &str,
    unit: Option<&str>,
    group: Option<&str>,
    overall: f64,
    pr: f64,
) -> ScoredAssessment {
    ScoredAssessment {
        id,
        date: day(date),
        unit: unit.map(String::from),
        group: group.map(String::from),
        overall,
        areas: HashMap::from([("PR".to_owned(), pr), ("ME".to_owned(), overall)]),
    }
}

fn project(
    id: i32,
    placement: Placement,
    status: ProjectStatus,
    start: &str,
    end: &str,
    deps: &[i32],
) -> ProjectInput {
    ProjectInput {
        id,
        name: format!("Project {id}"),
        objective: "Better".into(),
        owner: "Ola".into(),
        placement,
        areas: vec!["PR".into()],
        inputs: String::new(),
        outputs: String::new(),
        start: day(start),
        end: day(end),
        status,
        cost_planned: 100.0,
        cost_actual: Some(80.0),
        benefit_planned: 300.0,
        benefit_actual: (status == ProjectStatus::Done).then_some(120.0),
        milestones: Vec::new(),
        depends_on: deps.to_vec(),
    }
}

fn input() -> ProgrammeInput {
    ProgrammeInput {
        client: "Harbour Bank".into(),
        name: "Customer first".into(),
        grid: Grid {
            units: vec!["Retail".into(), "Business".into()],
            groups: vec!["high".into(), "other".into()],
        },
        dimensions: Vec::new(),
        area_names: vec![
            ("PR".into(), "Proposition".into()),
            ("ME".into(), "Measurement".into()),
        ],
        assessments: vec![
            assessment(1, "2024-03-01", None, None, 40.0, 30.0),
            assessment(2, "2025-03-01", Some("Retail"), Some("high"), 55.0, 50.0),
            assessment(3, "2026-03-01", Some("Retail"), Some("high"), 68.0, 70.0),
            assessment(4, "2025-09-01", Some("Business"), None, 45.0, 35.0),
        ],
        projects: vec![
            project(
                1,
                Placement::Row {
                    unit: "Retail".into(),
                },
                ProjectStatus::Done,
                "2025-04-01",
                "2025-12-31",
                &[],
            ),
            project(
                2,
                Placement::Cell {
                    unit: "Business".into(),
                    group: "other".into(),
                },
                ProjectStatus::RollingOut,
                "2026-01-01",
                "2026-02-01",
                &[1],
            ),
        ],
        today: day("2026-06-01"),
        currency: Default::default(),
        actions: Vec::new(),
        targets: None,
    }
}

#[test]
fn each_cell_takes_the_most_specific_assessments_and_shows_its_change() {
    let report = build(input());
    let retail_high = &report.cells[0][0];
    assert_eq!(
        (retail_high.basis, retail_high.latest, retail_high.change),
        (Basis::Cell, Some(68.0), Some(13.0))
    );
    assert_eq!(retail_high.history.len(), 2);
    let retail_other = &report.cells[0][1];
    assert_eq!(
        (retail_other.basis, retail_other.latest, retail_other.change),
        (Basis::Company, Some(40.0), None)
    );
    let business_other = &report.cells[1][1];
    assert_eq!(
        (business_other.basis, business_other.latest),
        (Basis::Unit, Some(45.0))
    );
    assert_eq!(business_other.projects, [ProjectStatus::RollingOut]);
    assert_eq!(
        report.cells[0][0].projects,
        [ProjectStatus::Done],
        "the row project covers the cell"
    );
}

#[test]
fn a_projects_targeted_areas_show_before_and_after() {
    let report = build(input());
    let retail = &report.projects[0].areas[0];
    // Before 2025-04-01: Retail×high had 50 (2025-03), Retail×other only the company's 30.
    assert_eq!(retail.before, Some(40.0));
    // Since: Retail×high 70 (2026-03); Retail×other has nothing newer.
    assert_eq!(retail.after, Some(70.0));
    assert_eq!(retail.area, "Proposition");
}

#[test]
fn alerts_money_and_the_timeline_come_from_the_projects() {
    let report = build(input());
    assert_eq!(report.alerts.len(), 1);
    assert_eq!(
        (
            report.alerts[0].project.as_str(),
            report.alerts[0].kind.as_str()
        ),
        ("Project 2", "late")
    );
    assert_eq!(
        report.money,
        Money {
            cost_planned: 200.0,
            cost_actual: 160.0,
            benefit_planned: 600.0,
            benefit_actual: 120.0,
            currency: Default::default(),
        }
    );
    assert_eq!(report.span, Some((day("2025-04-01"), day("2026-02-01"))));
    assert_eq!(report.projects[1].depends_on_names, ["Project 1"]);
    assert_eq!(report.trend.len(), 4);
    assert_eq!(report.trend[0].areas, [30.0, 40.0]);
}

#[test]
fn every_sentence_the_renderers_use_is_in_the_catalogue() {
    // Every `say.text("key")` and `say.fill("key", …)` of the renderers.
    let sources = [
        include_str!("../../render/programme.rs"),
        include_str!("../../render/pdf/programme.rs"),
        include_str!("../../render/docx/programme.rs"),
    ];
    let keys: Vec<&str> = sources
        .iter()
        .flat_map(|source| {
            ["say.text(\"", "say.fill(\""]
                .into_iter()
                .flat_map(move |call| source.split(call).skip(1))
        })
        .filter_map(|piece| piece.split('"').next())
        .collect();
    assert!(keys.len() > 40, "{keys:?}");
    for language in Language::ALL {
        let w = words(language);
        for key in &keys {
            assert!(
                w.has(&format!("programme-{key}")),
                "the {language} catalogue has no `programme-{key}`"
            );
        }
    }
    assert_eq!(
        words(Language::En).fill(
            "programme-dates",
            &[
                ("start", "1 Jul 2026".into()),
                ("end", "31 Dec 2026".into())
            ]
        ),
        "1 Jul 2026 to 31 Dec 2026"
    );
}
