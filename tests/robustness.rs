//! Bad input never panics and never half-writes: property tests that feed
//! the parsers mutated and random input. CI runs a short round of each
//! (`PROPTEST_CASES` sets how many; the fuzz targets under `fuzz/` search
//! the same functions coverage-guided, for longer).

#![expect(
    clippy::indexing_slicing,
    reason = "a test fails by panicking, and indexes what it has just built or read"
)]

use cmas::app::import::{self, CsvImport};
use cmas::app::{workbook, App};
use cmas::db::{Database, DatabaseUrl};
use cmas::domain::questionnaire::load;
use cmas::domain::role::{Caller, Role};
use proptest::prelude::*;

const BUNDLED: &str = include_str!("../questionnaires/customer-management.toml");

/// `source` with `count` bytes replaced, removed or duplicated at seeded places.
fn mutate(source: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = source.to_vec();
    for (at, kind, byte) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = at % bytes.len();
        match kind % 3 {
            0 => bytes[at] = *byte,
            1 => {
                bytes.remove(at);
            }
            _ => bytes.insert(at, *byte),
        }
    }
    bytes
}

fn edits() -> impl Strategy<Value = Vec<(usize, u8, u8)>> {
    prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..12)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(200),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// A damaged questionnaire is refused with positions inside the file, or read.
    #[test]
    fn the_questionnaire_loader_never_panics_and_points_into_the_file(edits in edits()) {
        let bytes = mutate(BUNDLED.as_bytes(), &edits);
        let text = String::from_utf8_lossy(&bytes);
        if let Err(errors) = load("q.toml", &text) {
            let lines = text.lines().count().max(1);
            prop_assert!(!errors.problems.is_empty());
            for p in &errors.problems {
                prop_assert!(p.line >= 1 && p.line <= lines + 1, "{}", errors);
            }
        }
    }

    #[test]
    fn the_questionnaire_loader_takes_any_text(text in ".{0,400}") {
        let _ = load("q.toml", &text);
    }

    /// A damaged workbook is refused with reasons, or read: never a panic.
    #[test]
    fn the_workbook_reader_never_panics(edits in edits()) {
        let (bytes, questionnaire) = workbook_fixture();
        let damaged = mutate(bytes, &edits);
        match workbook::read(&damaged, 7, questionnaire) {
            Ok(_) => {}
            Err(rejected) => prop_assert!(!rejected.0.is_empty()),
        }
    }

    /// A bad CSV is refused whole and stores nothing; a good one is stored.
    #[test]
    fn csv_imports_store_all_or_nothing(rows in prop::collection::vec(csv_row(), 0..8), panels in any::<bool>()) {
        let (app, admin) = import_fixture();
        let text = format!(
            "{}\n{}",
            if panels { "panel,period,client,rank" } else { "client,kpi,period,value" },
            rows.join("\n")
        );
        let kind = if panels { CsvImport::PanelRanks } else { CsvImport::KpiValues };
        let before = stored(&app.db);
        let outcome = import::csv(app, admin, kind, text.as_bytes());
        if outcome.is_err() {
            prop_assert_eq!(stored(&app.db), before, "a refused file changed nothing");
        }
    }
}

/// A CSV row of names the fixture knows, numbers, junk and formula-like text.
fn csv_row() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        Just("Harbour Bank".to_owned()),
        Just("Revenue growth".to_owned()),
        Just("Analysts".to_owned()),
        Just("2026".to_owned()),
        Just("3".to_owned()),
        Just("-1.5e3".to_owned()),
        Just("=cmd()".to_owned()),
        Just("\"quoted, with comma\"".to_owned()),
        "[^\n]{0,12}",
    ];
    prop::collection::vec(field, 0..6).prop_map(|f| f.join(","))
}

fn workbook_fixture() -> (
    &'static [u8],
    &'static cmas::domain::questionnaire::Questionnaire,
) {
    use std::sync::OnceLock;
    static FIXTURE: OnceLock<(Vec<u8>, cmas::domain::questionnaire::Questionnaire)> =
        OnceLock::new();
    let (bytes, q) = FIXTURE.get_or_init(|| {
        let q = load("q.toml", BUNDLED).expect("the bundled questionnaire");
        let heading = workbook::Heading {
            assessment_id: 7,
            client: "Harbour Bank",
            scope: "Whole company",
            date: "2026-11-23",
            assessor: "Ada",
        };
        (workbook::write(&heading, &q, &[]).expect("a workbook"), q)
    });
    (bytes, q)
}

/// One in-memory database for the whole run, with a client, a KPI and a
/// panel, and its organisation's admin.
fn import_fixture() -> (&'static App, &'static Caller) {
    use std::sync::OnceLock;
    static FIXTURE: OnceLock<(App, Caller)> = OnceLock::new();
    let (app, admin) = FIXTURE.get_or_init(|| {
        let dir = Box::leak(Box::new(tempfile::tempdir().expect("dir")));
        let url = DatabaseUrl::parse(&dir.path().join("fuzz.sqlite3").to_string_lossy());
        let db = Database::connect(&url, 1).expect("database");
        let admin = db
            .write(|conn| -> anyhow::Result<Caller> {
                use cmas::db::clients::{Client, NewClient};
                use cmas::db::organisations::Organisation;
                use cmas::db::performance::{Kpi, Panel};
                use cmas::domain::performance::{Direction, KpiKind};
                let org = Organisation::create(conn, "Fuzz", "fuzz")?;
                let caller = Caller {
                    user_id: cmas::domain::ids::UserId(0),
                    organisation_id: cmas::domain::ids::OrganisationId(org.id),
                    role: Role::Admin,
                };
                Client::create(
                    conn,
                    org.id,
                    NewClient {
                        name: "Harbour Bank",
                        name_key: "harbour bank",
                        sector: "Banking",
                        size_band: "big",
                        region: "EU",
                        report_language: cmas::domain::i18n::Language::En,
                    },
                )?;
                Kpi::create(
                    conn,
                    org.id,
                    "Revenue growth",
                    "%",
                    Direction::Higher,
                    KpiKind::Financial,
                )?;
                Panel::create(conn, org.id, "Analysts", "2026")?;
                Ok(caller)
            })
            .expect("fixture");
        (App::new(db, chrono::Duration::hours(1)), admin)
    });
    (app, admin)
}

/// Everything the imports may write, as one comparable value.
fn stored(db: &Database) -> (i64, i64, i64) {
    use diesel::{sql_query, sql_types::BigInt, QueryableByName, RunQueryDsl};
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    db.read(|conn| -> anyhow::Result<(i64, i64, i64)> {
        let mut count = |sql: &str| -> anyhow::Result<i64> {
            Ok(sql_query(sql).load::<N>(conn)?.first().map_or(0, |r| r.n))
        };
        Ok((
            count("SELECT count(*) AS n FROM kpi_values")?,
            count("SELECT count(*) AS n FROM panel_ranks")?,
            count("SELECT count(*) AS n FROM panels")?,
        ))
    })
    .expect("counts")
}
