//! Backups of the embedded SQLite database. `VACUUM INTO` writes a
//! consistent copy while cmas keeps serving (it reads in one transaction;
//! writers carry on). The copy goes to a temporary file that is checked and
//! only then renamed, so a failed backup leaves nothing behind. A restore
//! checks the file the same way and swaps it in while no instance has the
//! database open. PostgreSQL has its own tools (pg_dump, pg_restore).

use crate::db::sqlite_file::{Counted, SqliteFile};
use crate::db::{sqlite_migration_versions, DatabaseUrl};
use anyhow::{bail, Context};
use std::path::{Path, PathBuf};

/// What a checked database file holds.
#[derive(Debug)]
pub struct Contents {
    /// How many organisations it holds.
    pub organisations: i64,
    /// How many clients, over all organisations.
    pub clients: i64,
    /// How many assessments, in any state.
    pub assessments: i64,
    /// The size of the file in bytes.
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
        SqliteFile::open(Path::new(source))?
            .copy_into(&partial)
            .context("cannot write the copy")?;
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

/// Whether `path` is an intact cmas database this version can run.
pub fn check(path: &Path) -> anyhow::Result<Contents> {
    if !path.is_file() {
        bail!("there is no file {}", path.display());
    }
    let not_ours = || format!("{} is not a cmas database", path.display());
    let mut file = SqliteFile::open(path)?;
    let verdict = file.integrity().with_context(not_ours)?;
    if verdict.first().map(String::as_str) != Some("ok") {
        bail!("{} is damaged: {}", path.display(), verdict.join("; "));
    }
    let applied = file.applied_migrations().with_context(not_ours)?;
    let known = sqlite_migration_versions();
    if let Some(newer) = applied.iter().find(|version| !known.contains(version)) {
        bail!(
            "{} comes from a newer cmas (migration {newer}); restore it with that version",
            path.display(),
        );
    }
    let mut count = |table| file.count(table).with_context(not_ours);
    Ok(Contents {
        organisations: count(Counted::Organisations)?,
        clients: count(Counted::Clients)?,
        assessments: count(Counted::Assessments)?,
        bytes: std::fs::metadata(path)?.len(),
    })
}

/// Refuses a database that another process (a running cmas) has open.
fn unused(path: &Path) -> anyhow::Result<()> {
    if !SqliteFile::is_unused(path)? {
        bail!(
            "{} is in use: stop every cmas instance before restoring",
            path.display()
        );
    }
    Ok(())
}
