//! A demo portfolio in a temporary SQLite file, shared by the CSV targets:
//! its client, KPI and panel names give the importers something to match.

use cmas::app::import::{ImportError, Imported};
use cmas::db::organisations::Organisation;
use cmas::db::{AnyConnection, Database, DatabaseUrl};
use std::sync::OnceLock;

type Importer = fn(&mut AnyConnection, i32, &[u8]) -> Result<Imported, ImportError>;

fn demo() -> &'static (Database, i32) {
    static DEMO: OnceLock<(Database, i32)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = Box::leak(Box::new(
            tempfile::tempdir().expect("a temporary directory"),
        ));
        let url = DatabaseUrl::parse(&dir.path().join("fuzz.sqlite3").to_string_lossy());
        let db = Database::connect(&url, 1).expect("the database");
        cmas::app::demo::load(&db).expect("the demo portfolio");
        let organisation = db
            .read(|conn| -> anyhow::Result<i32> {
                Ok(Organisation::all(conn)?
                    .last()
                    .expect("the demo organisation")
                    .id)
            })
            .expect("the organisation");
        (db, organisation)
    })
}

/// Runs one import in a transaction: a refusal must leave nothing behind,
/// which the transaction guarantees; a panic is what the fuzzer looks for.
pub fn import(data: &[u8], importer: Importer) {
    let (db, organisation) = demo();
    let _ =
        db.write(|conn| -> anyhow::Result<Imported> { Ok(importer(conn, *organisation, data)?) });
}
