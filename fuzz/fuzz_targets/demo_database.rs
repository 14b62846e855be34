//! A demo portfolio in a temporary SQLite file, shared by the CSV targets:
//! its client, KPI and panel names give the importers something to match.

use cmas::app::import::{self, CsvImport};
use cmas::app::App;
use cmas::db::organisations::Organisation;
use cmas::db::{Database, DatabaseUrl};
use cmas::domain::role::{Caller, Role};
use std::sync::OnceLock;

/// The demo portfolio and an admin of its organisation.
fn demo() -> &'static (App, Caller) {
    static DEMO: OnceLock<(App, Caller)> = OnceLock::new();
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
        let admin = Caller {
            user_id: cmas::domain::ids::UserId(0),
            organisation_id: cmas::domain::ids::OrganisationId(organisation),
            role: Role::Admin,
        };
        // No sessions are opened here, so their lifetime does not matter.
        (App::new(db, Default::default()), admin)
    })
}

/// Runs one import in a transaction: a refusal must leave nothing behind,
/// which the transaction guarantees; a panic is what the fuzzer looks for.
pub fn import(data: &[u8], kind: CsvImport) {
    let (app, admin) = demo();
    let _ = import::csv(app, admin, kind, data);
}
