//! Backups of the embedded SQLite database. `VACUUM INTO` writes a
//! consistent copy while cmas keeps serving (it reads in one transaction;
//! writers carry on). The copy goes to a temporary file that is checked and
//! only then renamed, so a failed backup leaves nothing behind. A restore
//! checks the file the same way and swaps it in while no instance has the
//! database open. PostgreSQL has its own tools (pg_dump, pg_restore).

use crate::db::{sqlite_migration_versions, DatabaseUrl};
use anyhow::{bail, Context};
use diesel::sql_types::{BigInt, Text};
use diesel::{sql_query, Connection, QueryableByName, RunQueryDsl, SqliteConnection};
use std::path::{Path, PathBuf};

/// What a checked database file holds.
#[derive(Debug)]
pub struct Contents {
    pub organisations: i64,
    pub clients: i64,
    pub assessments: i64,
    pub bytes: u64,
}

impl std::fmt::Display for Contents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} organisations, {} clients, {} assessments, {:.1} MB",
            self.organisations,
            self.clients,
            self.assessments,
            self.bytes as f64 / 1e6
        )
    }
}

/// Writes a consistent copy of the database to `out`, which must not exist.
pub fn backup(url: &DatabaseUrl, out: &Path) -> anyhow::Result<Contents> {
    let DatabaseUrl::Sqlite(source) = url else {
        bail!("backups of PostgreSQL are made with pg_dump (see \"Backups\" in the README)");
    };
    if out.exists() {
        bail!(
            "{} already exists; a backup never overwrites a file",
            out.display()
        );
    }
    if !Path::new(source).exists() {
        bail!("there is no database at {source}");
    }
    let partial = sibling(out, "partial");
    let _ = std::fs::remove_file(&partial);
    let written = (|| {
        let mut conn = open(Path::new(source))?;
        sql_query("VACUUM INTO ?")
            .bind::<Text, _>(partial.to_string_lossy())
            .execute(&mut conn)
            .context("cannot write the copy")?;
        drop(conn);
        let contents = check(&partial)?;
        std::fs::rename(&partial, out).context("cannot move the copy into place")?;
        Ok(contents)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// Replaces the database with the backup `from`, once it is checked. Every
/// instance must be stopped: a database still open elsewhere is refused.
pub fn restore(url: &DatabaseUrl, from: &Path) -> anyhow::Result<Contents> {
    let DatabaseUrl::Sqlite(target) = url else {
        bail!("PostgreSQL is restored with pg_restore (see \"Backups\" in the README)");
    };
    let target = PathBuf::from(target);
    let contents = check(from)?;
    if target.exists() {
        unused(&target)?;
    } else if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let incoming = sibling(&target, "restoring");
    let swapped = (|| {
        std::fs::copy(from, &incoming).context("cannot copy the backup")?;
        std::fs::File::open(&incoming)
            .and_then(|f| f.sync_all())
            .context("cannot flush the copy")?;
        // The old database's journal would be replayed into the new one.
        for journal in ["wal", "shm"] {
            let _ = std::fs::remove_file(sibling(&target, journal));
        }
        std::fs::rename(&incoming, &target).context("cannot move the backup into place")
    })();
    if swapped.is_err() {
        let _ = std::fs::remove_file(&incoming);
    }
    swapped.map(|()| contents)
}

/// `path` with `-suffix` appended, as SQLite names its own side files.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!("-{suffix}"));
    PathBuf::from(name)
}

fn open(path: &Path) -> anyhow::Result<SqliteConnection> {
    let mut conn = SqliteConnection::establish(&path.to_string_lossy())
        .with_context(|| format!("cannot open {}", path.display()))?;
    sql_query("PRAGMA busy_timeout = 10000").execute(&mut conn)?;
    Ok(conn)
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

/// Whether `path` is an intact cmas database this version can run.
pub fn check(path: &Path) -> anyhow::Result<Contents> {
    if !path.is_file() {
        bail!("there is no file {}", path.display());
    }
    let not_ours = || format!("{} is not a cmas database", path.display());
    let mut conn = open(path)?;
    let verdict: Vec<Integrity> = sql_query("PRAGMA integrity_check")
        .load(&mut conn)
        .with_context(not_ours)?;
    if verdict.first().map(|v| v.integrity_check.as_str()) != Some("ok") {
        let problems: Vec<String> = verdict.into_iter().map(|v| v.integrity_check).collect();
        bail!("{} is damaged: {}", path.display(), problems.join("; "));
    }
    let applied: Vec<Migration> = sql_query("SELECT version FROM __diesel_schema_migrations")
        .load(&mut conn)
        .with_context(not_ours)?;
    let known = sqlite_migration_versions();
    if let Some(newer) = applied.iter().find(|m| !known.contains(&m.version)) {
        bail!(
            "{} comes from a newer cmas (migration {}); restore it with that version",
            path.display(),
            newer.version
        );
    }
    let mut count = |table: &str| -> anyhow::Result<i64> {
        let rows: Vec<Count> = sql_query(format!("SELECT count(*) AS n FROM {table}"))
            .load(&mut conn)
            .with_context(not_ours)?;
        Ok(rows.first().map_or(0, |c| c.n))
    };
    Ok(Contents {
        organisations: count("organisations")?,
        clients: count("clients")?,
        assessments: count("assessments")?,
        bytes: std::fs::metadata(path)?.len(),
    })
}

/// Refuses a database that another process (a running cmas) has open.
fn unused(path: &Path) -> anyhow::Result<()> {
    let mut conn = SqliteConnection::establish(&path.to_string_lossy())
        .with_context(|| format!("cannot open {}", path.display()))?;
    let taken = sql_query("PRAGMA locking_mode = EXCLUSIVE")
        .execute(&mut conn)
        .and_then(|_| sql_query("BEGIN EXCLUSIVE").execute(&mut conn))
        .and_then(|_| sql_query("SELECT count(*) AS n FROM sqlite_master").load::<Count>(&mut conn))
        .and_then(|_| sql_query("COMMIT").execute(&mut conn));
    if taken.is_err() {
        bail!(
            "{} is in use: stop every cmas instance before restoring",
            path.display()
        );
    }
    Ok(())
}
