//! Failed logins by subject (the digest of an account's e-mail or of the
//! caller's address), for throttling that holds across instances.

use super::{schema::login_failures, AnyConnection};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The subject's failures since `since`.
pub fn since(
    conn: &mut AnyConnection,
    subject: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<NaiveDateTime>> {
    login_failures::table
        .filter(login_failures::subject.eq(subject))
        .filter(login_failures::failed_at.ge(since))
        .select(login_failures::failed_at)
        .load(conn)
}

/// Inside a transaction: waits until no other transaction, on any instance,
/// is counting these subjects' failures, and holds them until it ends. The
/// count and the attempt it allows are then one step. SQLite has one
/// writer at a time already.
pub fn lock(conn: &mut AnyConnection, subjects: &[&str]) -> QueryResult<()> {
    if let AnyConnection::Postgresql(pg) = conn {
        let mut keys: Vec<i32> = subjects.iter().map(|s| lock_key(s)).collect();
        // Always in the same order, so two logins never wait for each other.
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            diesel::sql_query(format!("SELECT pg_advisory_xact_lock({LOGINS}, {key})"))
                .execute(pg)?;
        }
    }
    Ok(())
}

/// The class of the logins' advisory locks ("logi"): two-key locks never
/// meet the one-key setup lock.
const LOGINS: i32 = 0x6c6f_6769;

/// A subject's advisory lock: 32 bits of its text's hash (FNV-1a). Two
/// subjects that share a key only wait for each other.
fn lock_key(subject: &str) -> i32 {
    let hash = subject.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    i32::from_ne_bytes(hash.to_ne_bytes())
}

/// Records one failure for each subject (an attempt counts as failed until
/// it succeeds), forgets failures older than `forget_before`, which no
/// limit counts any more, and returns the new rows' ids.
pub fn record(
    conn: &mut AnyConnection,
    subjects: &[&str],
    at: NaiveDateTime,
    forget_before: NaiveDateTime,
) -> QueryResult<Vec<i32>> {
    diesel::delete(login_failures::table.filter(login_failures::failed_at.lt(forget_before)))
        .execute(conn)?;
    subjects
        .iter()
        .map(|subject| {
            diesel::insert_into(login_failures::table)
                .values((
                    login_failures::subject.eq(subject),
                    login_failures::failed_at.eq(at),
                ))
                .returning(login_failures::id)
                .get_result(conn)
        })
        .collect()
}

/// Forgets the failures `ids`: an attempt that turned out to succeed.
pub fn forget(conn: &mut AnyConnection, ids: &[i32]) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::id.eq_any(ids)))
        .execute(conn)
        .map(drop)
}

/// Forgets the subject's failures (after a successful login to the account).
pub fn clear(conn: &mut AnyConnection, subject: &str) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::subject.eq(subject)))
        .execute(conn)
        .map(drop)
}
