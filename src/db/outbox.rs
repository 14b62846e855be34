//! Letters waiting to be sent, claimed by one instance's worker at a time,
//! tried again with growing waits, their bodies blanked once sent.

use super::{now, AnyConnection};
use diesel::prelude::*;

// Its own table, joined with none.
diesel::table! {
    outbox (id) {
        id -> Integer,
        organisation_id -> Nullable<Integer>,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
    }
}

/// A letter to send.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct Letter {
    pub id: i32,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i32,
}

/// A letter as queued.
pub struct NewLetter<'a> {
    pub organisation_id: Option<i32>,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

impl Letter {
    pub fn queue(conn: &mut AnyConnection, new: &NewLetter<'_>) -> QueryResult<()> {
        let at = now();
        diesel::insert_into(outbox::table)
            .values((
                outbox::organisation_id.eq(new.organisation_id),
                outbox::recipient.eq(new.recipient),
                outbox::subject.eq(new.subject),
                outbox::body.eq(new.body),
                outbox::created_at.eq(at),
                outbox::next_attempt_at.eq(at),
            ))
            .execute(conn)
            .map(drop)
    }

    /// Letters due now that no worker holds, fewer than `most_attempts` tried.
    pub fn due(
        conn: &mut AnyConnection,
        most_attempts: i32,
        limit: i64,
    ) -> QueryResult<Vec<Letter>> {
        let at = now();
        outbox::table
            .filter(outbox::sent_at.is_null())
            .filter(outbox::attempts.lt(most_attempts))
            .filter(outbox::next_attempt_at.le(at))
            .filter(
                outbox::claimed_until
                    .is_null()
                    .or(outbox::claimed_until.lt(at)),
            )
            .order(outbox::id)
            .limit(limit)
            .select(Letter::as_select())
            .load(conn)
    }

    /// Claims a letter for `seconds`; false when another worker has it.
    pub fn claim(conn: &mut AnyConnection, id: i32, seconds: i64) -> QueryResult<bool> {
        let at = now();
        let changed = diesel::update(
            outbox::table
                .find(id)
                .filter(outbox::sent_at.is_null())
                .filter(
                    outbox::claimed_until
                        .is_null()
                        .or(outbox::claimed_until.lt(at)),
                ),
        )
        .set(outbox::claimed_until.eq(Some(at + chrono::Duration::seconds(seconds))))
        .execute(conn)?;
        Ok(changed == 1)
    }

    /// Marks a letter sent and forgets its body.
    pub fn sent(conn: &mut AnyConnection, id: i32) -> QueryResult<()> {
        diesel::update(outbox::table.find(id))
            .set((
                outbox::sent_at.eq(Some(now())),
                outbox::body.eq(""),
                outbox::attempts.eq(outbox::attempts + 1),
                outbox::claimed_until.eq(None::<chrono::NaiveDateTime>),
            ))
            .execute(conn)
            .map(drop)
    }

    /// Gives a letter up after a refusal no retry helps: it counts as tried
    /// `most` times, so no worker picks it again.
    pub fn give_up(conn: &mut AnyConnection, id: i32, error: &str, most: i32) -> QueryResult<()> {
        diesel::update(outbox::table.find(id))
            .set((
                outbox::attempts.eq(most),
                outbox::last_error.eq(Some(error)),
                outbox::claimed_until.eq(None::<chrono::NaiveDateTime>),
            ))
            .execute(conn)
            .map(drop)
    }

    /// Notes a failed try and when to try again.
    pub fn failed(
        conn: &mut AnyConnection,
        id: i32,
        error: &str,
        again_at: chrono::NaiveDateTime,
    ) -> QueryResult<()> {
        diesel::update(outbox::table.find(id))
            .set((
                outbox::attempts.eq(outbox::attempts + 1),
                outbox::last_error.eq(Some(error)),
                outbox::next_attempt_at.eq(again_at),
                outbox::claimed_until.eq(None::<chrono::NaiveDateTime>),
            ))
            .execute(conn)
            .map(drop)
    }
}
