//! One SQLite database file opened on its own, outside the pool, for
//! backups and restores: a consistent copy, its integrity, what it holds,
//! and whether another process has it open.

use anyhow::Context;
use diesel::sql_types::{BigInt, Text};
use diesel::{sql_query, Connection, QueryResult, QueryableByName, RunQueryDsl, SqliteConnection};
use std::path::Path;

/// An open database file.
pub struct SqliteFile {
    conn: SqliteConnection,
}

#[derive(QueryableByName)]
struct Integrity {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Migration {
    #[diesel(sql_type = Text)]
    version: String,
}

/// The tables a backup's summary counts.
#[derive(Debug, Clone, Copy)]
pub enum Counted {
    Organisations,
    Clients,
    Assessments,
}

impl SqliteFile {
    /// Opens `path`, waiting for a busy database rather than failing.
    pub fn open(path: &Path) -> anyhow::Result<SqliteFile> {
        let mut conn = SqliteConnection::establish(&path.to_string_lossy())
            .with_context(|| format!("cannot open {}", path.display()))?;
        sql_query("PRAGMA busy_timeout = 10000").execute(&mut conn)?;
        Ok(SqliteFile { conn })
    }

    /// Writes a consistent copy to `target` (`VACUUM INTO`: it reads in one
    /// transaction while writers carry on).
    pub fn copy_into(&mut self, target: &Path) -> QueryResult<()> {
        sql_query("VACUUM INTO ?")
            .bind::<Text, _>(target.to_string_lossy())
            .execute(&mut self.conn)
            .map(|_| ())
    }

    /// SQLite's integrity check: `["ok"]`, or the problems found.
    pub fn integrity(&mut self) -> QueryResult<Vec<String>> {
        let verdict: Vec<Integrity> = sql_query("PRAGMA integrity_check").load(&mut self.conn)?;
        Ok(verdict.into_iter().map(|v| v.integrity_check).collect())
    }

    /// The versions of the migrations applied to the file.
    pub fn applied_migrations(&mut self) -> QueryResult<Vec<String>> {
        let applied: Vec<Migration> =
            sql_query("SELECT version FROM __diesel_schema_migrations").load(&mut self.conn)?;
        Ok(applied.into_iter().map(|m| m.version).collect())
    }

    /// How many rows a table holds.
    pub fn count(&mut self, table: Counted) -> QueryResult<i64> {
        let name = match table {
            Counted::Organisations => "organisations",
            Counted::Clients => "clients",
            Counted::Assessments => "assessments",
        };
        let rows: Vec<Count> =
            sql_query(format!("SELECT count(*) AS n FROM {name}")).load(&mut self.conn)?;
        Ok(rows.first().map_or(0, |c| c.n))
    }

    /// Whether no other process (a running cmas) has the file open: an
    /// exclusive lock succeeds only then.
    pub fn is_unused(path: &Path) -> anyhow::Result<bool> {
        let mut conn = SqliteConnection::establish(&path.to_string_lossy())
            .with_context(|| format!("cannot open {}", path.display()))?;
        let taken = sql_query("PRAGMA locking_mode = EXCLUSIVE")
            .execute(&mut conn)
            .and_then(|_| sql_query("BEGIN EXCLUSIVE").execute(&mut conn))
            .and_then(|_| {
                sql_query("SELECT count(*) AS n FROM sqlite_master").load::<Count>(&mut conn)
            })
            .and_then(|_| sql_query("COMMIT").execute(&mut conn));
        Ok(taken.is_ok())
    }
}
