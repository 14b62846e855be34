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

/// Records one failure for each subject, and forgets failures older than
/// `forget_before`, which no limit counts any more.
pub fn record(
    conn: &mut AnyConnection,
    subjects: &[&str],
    at: NaiveDateTime,
    forget_before: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::failed_at.lt(forget_before)))
        .execute(conn)?;
    for subject in subjects {
        diesel::insert_into(login_failures::table)
            .values((
                login_failures::subject.eq(subject),
                login_failures::failed_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Forgets the subject's failures (after a successful login to the account).
pub fn clear(conn: &mut AnyConnection, subject: &str) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::subject.eq(subject)))
        .execute(conn)
        .map(drop)
}
