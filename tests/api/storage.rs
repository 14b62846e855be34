//! The test's database seen directly, for what HTTP cannot show: a
//! fingerprint of everything stored (to prove that a refused or failed
//! request wrote nothing) and faults injected with triggers (to make a
//! writing use case fail part-way, after its first writes).

use crate::helpers::TestApp;
use cmas::db::AnyConnection;
use diesel::sql_types::BigInt;
use diesel::{QueryableByName, RunQueryDsl};

#[derive(QueryableByName)]
struct Number {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// What every table holds, as numbers that any write moves: row counts,
/// sums of versions, lengths of names, flags and amounts.
const MEASURES: &[(&str, &str)] = &[
    ("organisations", "SELECT count(*) AS n FROM organisations"),
    (
        "portfolio versions",
        "SELECT CAST(COALESCE(SUM(portfolio_version), 0) AS BIGINT) AS n FROM organisations",
    ),
    (
        "performance versions",
        "SELECT CAST(COALESCE(SUM(performance_version), 0) AS BIGINT) AS n FROM organisations",
    ),
    ("users", "SELECT count(*) AS n FROM users"),
    (
        "active users",
        "SELECT CAST(COALESCE(SUM(CASE WHEN active THEN 1 ELSE 0 END), 0) AS BIGINT) AS n FROM users",
    ),
    (
        "user names and roles",
        "SELECT CAST(COALESCE(SUM(LENGTH(name) * 1000 + LENGTH(role)), 0) AS BIGINT) AS n FROM users",
    ),
    ("sessions", "SELECT count(*) AS n FROM sessions"),
    ("api tokens", "SELECT count(*) AS n FROM api_tokens"),
    (
        "revoked api tokens",
        "SELECT count(revoked_at) AS n FROM api_tokens",
    ),
    ("clients", "SELECT count(*) AS n FROM clients"),
    (
        "client names",
        "SELECT CAST(COALESCE(SUM(LENGTH(name)), 0) AS BIGINT) AS n FROM clients",
    ),
    ("client members", "SELECT count(*) AS n FROM client_members"),
    ("questionnaires", "SELECT count(*) AS n FROM questionnaires"),
    ("assessments", "SELECT count(*) AS n FROM assessments"),
    (
        "assessment versions",
        "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) AS n FROM assessments",
    ),
    (
        "assessments in progress",
        "SELECT count(*) AS n FROM assessments WHERE status = 'in_progress'",
    ),
    (
        "final assessments",
        "SELECT count(finalised_at) AS n FROM assessments",
    ),
    (
        "assessment assessors",
        "SELECT count(*) AS n FROM assessment_assessors",
    ),
    ("scores", "SELECT count(*) AS n FROM scores"),
    (
        "score versions",
        "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) AS n FROM scores",
    ),
    ("agreed scores", "SELECT count(*) AS n FROM agreed_scores"),
    (
        "agreed score versions",
        "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) AS n FROM agreed_scores",
    ),
    ("audit events", "SELECT count(*) AS n FROM audit_events"),
    (
        "audit payloads",
        "SELECT count(before_value) + count(after_value) AS n FROM audit_events",
    ),
    ("result summaries", "SELECT count(*) AS n FROM result_summaries"),
    ("kpis", "SELECT count(*) AS n FROM kpis"),
    ("kpi values", "SELECT count(*) AS n FROM kpi_values"),
    (
        "kpi value amounts",
        "SELECT CAST(COALESCE(SUM(value * 1000), 0) AS BIGINT) AS n FROM kpi_values",
    ),
    ("panels", "SELECT count(*) AS n FROM panels"),
    ("panel ranks", "SELECT count(*) AS n FROM panel_ranks"),
    (
        "panel rank amounts",
        "SELECT CAST(COALESCE(SUM(rank * 1000), 0) AS BIGINT) AS n FROM panel_ranks",
    ),
    ("programmes", "SELECT count(*) AS n FROM programmes"),
    (
        "programme versions",
        "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) AS n FROM programmes",
    ),
    ("projects", "SELECT count(*) AS n FROM projects"),
    (
        "project versions",
        "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) AS n FROM projects",
    ),
    ("milestones", "SELECT count(*) AS n FROM milestones"),
    (
        "project dependencies",
        "SELECT count(*) AS n FROM project_dependencies",
    ),
];

/// One number read straight from the database.
pub fn number(app: &TestApp, sql: &str) -> i64 {
    let sql = sql.to_owned();
    app.db
        .read(move |conn| -> anyhow::Result<i64> {
            let rows: Vec<Number> = diesel::sql_query(&sql).load(conn)?;
            Ok(rows.first().map_or(0, |r| r.n))
        })
        .unwrap_or_else(|e| panic!("{e:#}"))
}

/// Everything stored, as named numbers: equal snapshots mean nothing was written.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot(Vec<(&'static str, i64)>);

impl Snapshot {
    pub fn of(app: &TestApp) -> Snapshot {
        Snapshot(
            MEASURES
                .iter()
                .map(|(name, sql)| (*name, number(app, sql)))
                .collect(),
        )
    }

    /// The measures that differ from `other`, for a readable failure.
    pub fn differences(&self, other: &Snapshot) -> Vec<String> {
        self.0
            .iter()
            .zip(&other.0)
            .filter(|(a, b)| a.1 != b.1)
            .map(|((name, a), (_, b))| format!("{name}: {a} → {b}"))
            .collect()
    }
}

/// Asserts that nothing stored changed since `before`.
#[track_caller]
pub fn assert_unchanged(app: &TestApp, before: &Snapshot, what: &str) {
    let now = Snapshot::of(app);
    let changed = before.differences(&now);
    assert!(changed.is_empty(), "{what} left writes behind: {changed:?}");
}

fn is_postgres(conn: &AnyConnection) -> bool {
    matches!(conn, AnyConnection::Postgresql(_))
}

fn run(app: &TestApp, statements: impl Fn(bool) -> Vec<String>) {
    app.db
        .write(|conn| -> anyhow::Result<()> {
            for sql in statements(is_postgres(conn)) {
                diesel::sql_query(&sql).execute(conn)?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("installing or removing a fault: {e:#}"));
}

/// A trigger that makes every `event` (INSERT, UPDATE or DELETE) on `table`
/// fail, on either backend, until it is dropped.
pub struct Fault<'a> {
    app: &'a TestApp,
    name: String,
    table: String,
}

impl<'a> Fault<'a> {
    pub fn on(app: &'a TestApp, event: &str, table: &str) -> Fault<'a> {
        Fault::install(app, event, table, None)
    }

    /// Lets `rows` more rows be inserted into `table`, and fails the next.
    pub fn on_insert_after(app: &'a TestApp, table: &str, rows: i64) -> Fault<'a> {
        let limit = number(app, &format!("SELECT count(*) AS n FROM {table}")) + rows;
        Fault::install(app, "INSERT", table, Some(limit))
    }

    fn install(app: &'a TestApp, event: &str, table: &str, limit: Option<i64>) -> Fault<'a> {
        let name = format!("injected_{}_{}", event.to_lowercase(), table);
        run(app, |postgres| {
            if postgres {
                let condition = match limit {
                    Some(limit) => format!("(SELECT count(*) FROM {table}) >= {limit}"),
                    None => "true".to_owned(),
                };
                vec![
                    format!(
                        "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ \
                         BEGIN IF {condition} THEN RAISE EXCEPTION 'injected failure'; END IF; \
                         RETURN COALESCE(NEW, OLD); END $$"
                    ),
                    format!(
                        "CREATE TRIGGER {name} BEFORE {event} ON {table} \
                         FOR EACH ROW EXECUTE FUNCTION {name}()"
                    ),
                ]
            } else {
                let when = match limit {
                    Some(limit) => format!(" WHEN (SELECT count(*) FROM {table}) >= {limit}"),
                    None => String::new(),
                };
                vec![format!(
                    "CREATE TRIGGER {name} BEFORE {event} ON {table}{when} \
                     BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
                )]
            }
        });
        Fault {
            app,
            name,
            table: table.to_owned(),
        }
    }
}

impl Drop for Fault<'_> {
    fn drop(&mut self) {
        let (name, table) = (self.name.clone(), self.table.clone());
        let result = self.app.db.write(|conn| -> anyhow::Result<()> {
            let statements = if is_postgres(conn) {
                vec![
                    format!("DROP TRIGGER {name} ON {table}"),
                    format!("DROP FUNCTION {name}()"),
                ]
            } else {
                vec![format!("DROP TRIGGER {name}")]
            };
            for sql in statements {
                diesel::sql_query(&sql).execute(conn)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            if !std::thread::panicking() {
                panic!("removing the fault {name}: {e:#}");
            }
        }
    }
}
