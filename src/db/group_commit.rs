//! Group commit on SQLite: writes queue for one writer thread, which commits
//! whatever has queued meanwhile in one transaction, each write inside its
//! own savepoint. A write that fails (a stale version, say) is rolled back
//! to its savepoint and answered with its own error while the others
//! commit; every caller is answered only after the commit that holds its
//! write, so an acknowledged write is durable. On SQLite, where writers take
//! turns anyway, this turns a queue of small transactions into one.
//!
//! A caller waits for its answer as a future, so a request that saves
//! holds no thread while it waits: it goes from its async worker to the
//! writer and back, not through the blocking pool as well (in the first
//! version, without a writer thread, the first caller to find nobody
//! writing wrote for the others, and each batch woke every waiting thread).
//!
//! The WAL is copied back into the database file (a checkpoint) by a
//! thread of its own, twice a second, rather than by the commit that
//! happens to fill it: that commit's writes, and every write queued behind
//! it, waited for the copy and its two fsyncs.
//!
//! PostgreSQL writes without it: writers there run side by side and
//! PostgreSQL already flushes the WAL of commits that arrive together at
//! once. Grouping in the application put every save on one connection's
//! round trips, one after another: 297 saves/s on the 10,000-client
//! portfolio against 1,209–1,314 with a transaction each.

use super::{AnyConnection, Database};
use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, Pool};
use diesel::result::Error;
use diesel::Connection;
use std::sync::mpsc;
use std::time::Duration;
use tokio::sync::oneshot;

/// The most writes one transaction takes: a bound on how long the first of
/// them waits for the last.
const MOST_PER_COMMIT: usize = 128;

/// How often the checkpoint thread copies the WAL back: at 7,000 saves a
/// second, the WAL then stays within a few MB.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// A queued write: runs in the batch's transaction and returns what tells
/// its caller, once the batch's commit has succeeded or failed.
type Job = Box<dyn FnOnce(&mut AnyConnection) -> Deliver + Send>;
type Deliver = Box<dyn FnOnce(Result<(), &Error>) + Send>;

/// Where writes queue for the writer thread; the thread ends once every
/// handle to the queue is gone.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer thread, writing through `db` (which has no writer
    /// of its own), and the checkpoint thread, which ends with the writer.
    pub fn start(db: Database) -> std::io::Result<Writer> {
        let (writing, written) = mpsc::channel::<()>();
        let pool = db.pool.clone();
        std::thread::Builder::new()
            .name("cmas-checkpoint".into())
            .spawn(move || {
                while let Err(mpsc::RecvTimeoutError::Timeout) =
                    written.recv_timeout(CHECKPOINT_EVERY)
                {
                    checkpoint(&pool);
                }
            })?;
        let (jobs, queued) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("cmas-writer".into())
            .spawn(move || {
                while let Ok(first) = queued.recv() {
                    let mut batch = vec![first];
                    batch.extend(queued.try_iter().take(MOST_PER_COMMIT - 1));
                    // A write that panics fails its batch (each caller hears
                    // it, the connection is dropped as broken) but not the
                    // writes queued after it.
                    let commit = std::panic::AssertUnwindSafe(|| db.commit_batch(batch));
                    if std::panic::catch_unwind(commit).is_err() {
                        tracing::error!("a group commit panicked; its writes were not committed");
                    }
                }
                drop(writing);
            })?;
        Ok(Writer { jobs })
    }
}

/// Copies what the WAL holds back into the database file, without waiting
/// for readers or the writer (a passive checkpoint).
fn checkpoint(pool: &Pool<ConnectionManager<AnyConnection>>) {
    let done = pool.get().map_err(|e| e.to_string()).and_then(|mut conn| {
        conn.batch_execute("PRAGMA wal_checkpoint(PASSIVE)")
            .map_err(|e| e.to_string())
    });
    if let Err(e) = done {
        tracing::warn!(error = %e, "a checkpoint failed");
    }
}

impl Database {
    fn commit_batch(&self, jobs: Vec<Job>) {
        let _turn = self.writer_turn();
        let mut conn = match self.pool.get() {
            Ok(conn) => conn,
            // The jobs are dropped unrun: each caller hears it failed.
            Err(e) => return tracing::error!(error = %e, "no connection for a group commit"),
        };
        let mut delivers = Vec::with_capacity(jobs.len());
        let committed = conn.transaction(|conn| {
            delivers.extend(jobs.into_iter().map(|job| job(conn)));
            Ok::<(), Error>(())
        });
        match &committed {
            Ok(()) => self.counted_commit(),
            Err(e) => tracing::error!(error = %e, writes = delivers.len(), "a group commit failed"),
        }
        for deliver in delivers {
            deliver(committed.as_ref().map(|_| ()));
        }
    }
}

/// The outcome of a queued write, once its transaction has committed; the
/// sender is dropped unsent if the write never reached a transaction.
pub type Queued<T> = oneshot::Receiver<T>;

impl Database {
    /// Queues `f` to run in a transaction it may share with other writes
    /// that arrive meanwhile (see the module's doc); its outcome arrives
    /// once that transaction has committed, or with `f`'s own error.
    /// `Err(f)` on PostgreSQL, which has no writer: the caller writes `f`
    /// itself, with `write`.
    pub fn write_together<T, E, F>(&self, f: F) -> Result<Queued<Result<T, E>>, F>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<Error> + Send + 'static,
    {
        let Some(writer) = &self.writer else {
            return Err(f);
        };
        let (answer, answered) = oneshot::channel::<Result<T, E>>();
        let job: Job = Box::new(move |conn| {
            let outcome = conn.transaction(f);
            Box::new(move |committed| {
                let outcome = match committed {
                    Ok(()) => outcome,
                    Err(e) => outcome.and_then(|_| Err(E::from(not_committed(e)))),
                };
                let _ = answer.send(outcome);
            })
        });
        // A writer that has stopped drops the job: its caller hears it from
        // the closed channel.
        let _ = writer.jobs.send(job);
        Ok(answered)
    }
}

/// What a write whose own work succeeded answers when the shared commit
/// did not.
fn not_committed(e: &Error) -> Error {
    Error::QueryBuilderError(format!("the transaction holding this write failed: {e}").into())
}

#[cfg(test)]
mod tests {
    use super::super::{Database, DatabaseUrl};
    use diesel::connection::SimpleConnection;
    use std::time::{Duration, Instant};

    /// Pooled connections never checkpoint by themselves: only the
    /// checkpoint thread moves what was written from the WAL into the file.
    #[test]
    fn the_checkpoint_thread_moves_writes_into_the_database_file() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("checkpoints.sqlite3");
        let db = Database::connect(&DatabaseUrl::Sqlite(path.display().to_string()), 2)?;
        // 2 MB, half of what makes SQLite checkpoint by itself by default.
        db.write(|conn| {
            conn.batch_execute(
                "CREATE TABLE filler (bytes BLOB NOT NULL);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 512)
                 INSERT INTO filler SELECT randomblob(4096) FROM n;",
            )
            .map_err(anyhow::Error::from)
        })?;
        let started = Instant::now();
        let file_size = || std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        while file_size() < 2 << 20 && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(
            file_size() >= 2 << 20,
            "the file holds {} bytes after {:?}",
            file_size(),
            started.elapsed()
        );
        Ok(())
    }
}
