//! An UPDATE that the connection keeps prepared. Diesel prepares every
//! UPDATE again each time, because a changeset's SQL may vary with its
//! values (it skips a `None`); the updates built here set fixed columns, so
//! their SQL never varies, and preparing a save's two updates again was
//! about a seventh of its time on SQLite. Statements are kept by their SQL
//! text, so one whose SQL did vary would take more places in the
//! connection's cache, never run the wrong SQL.

use diesel::backend::Backend;
use diesel::expression::Expression;
use diesel::query_builder::{AsChangeset, AstPass, Query, QueryFragment, QueryId};
use diesel::{QueryResult, QuerySource, RunQueryDsl, Table};

/// `UPDATE table SET changes WHERE filter`, then `returning`'s clause.
#[derive(Debug, Clone)]
pub struct KeptUpdate<T: QuerySource, V, W, R> {
    table: T::FromClause,
    changes: V,
    filter: W,
    returning: R,
}

/// `RETURNING` these columns.
#[derive(Debug, Clone, Copy)]
pub struct Returning<C>(C);

impl<T: Table, V, W> KeptUpdate<T, V, W, ()> {
    /// Sets `changes` on the rows of `table` that pass `filter`.
    pub fn new<C>(table: T, filter: W, changes: C) -> Self
    where
        C: AsChangeset<Target = T, Changeset = V>,
    {
        KeptUpdate {
            table: table.from_clause(),
            changes: changes.as_changeset(),
            filter,
            returning: (),
        }
    }

    /// Answers `columns` of each updated row.
    pub fn returning<C>(self, columns: C) -> KeptUpdate<T, V, W, Returning<C>> {
        KeptUpdate {
            table: self.table,
            changes: self.changes,
            filter: self.filter,
            returning: Returning(columns),
        }
    }
}

impl<T, V, W, R, DB> QueryFragment<DB> for KeptUpdate<T, V, W, R>
where
    DB: Backend,
    T: QuerySource,
    T::FromClause: QueryFragment<DB>,
    V: QueryFragment<DB>,
    W: QueryFragment<DB>,
    R: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql("UPDATE ");
        self.table.walk_ast(out.reborrow())?;
        out.push_sql(" SET ");
        self.changes.walk_ast(out.reborrow())?;
        out.push_sql(" WHERE ");
        self.filter.walk_ast(out.reborrow())?;
        self.returning.walk_ast(out.reborrow())
    }
}

impl<C: QueryFragment<DB>, DB: Backend> QueryFragment<DB> for Returning<C> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql(" RETURNING ");
        self.0.walk_ast(out.reborrow())
    }
}

/// Kept by SQL text, whatever the parts.
impl<T: QuerySource, V, W, R> QueryId for KeptUpdate<T, V, W, R> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<T: QuerySource, V, W, C: Expression> Query for KeptUpdate<T, V, W, Returning<C>> {
    type SqlType = C::SqlType;
}

impl<T: QuerySource, V, W, R, Conn> RunQueryDsl<Conn> for KeptUpdate<T, V, W, R> {}

#[cfg(test)]
mod tests {
    use super::KeptUpdate;
    use diesel::connection::{Instrumentation, InstrumentationEvent, SimpleConnection};
    use diesel::prelude::*;
    use std::sync::{Arc, Mutex};

    diesel::table! {
        counters (id) {
            id -> Integer,
            n -> Integer,
        }
    }

    /// The SQL of each statement the connection puts in its cache.
    struct Kept(Arc<Mutex<Vec<String>>>);

    impl Instrumentation for Kept {
        fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
            if let InstrumentationEvent::CacheQuery { sql, .. } = event {
                self.0.lock().expect("not poisoned").push(sql.to_owned());
            }
        }
    }

    #[test]
    fn an_update_is_prepared_once_and_kept() -> QueryResult<()> {
        let mut conn = SqliteConnection::establish(":memory:").expect("an in-memory database");
        conn.batch_execute(
            "CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);
             INSERT INTO counters VALUES (1, 0), (2, 0);",
        )?;
        let kept = Arc::new(Mutex::new(Vec::new()));
        conn.set_instrumentation(Kept(kept.clone()));
        let bump = counters::n.eq(counters::n + 1);
        for _ in 0..3 {
            diesel::update(counters::table.find(1))
                .set(bump)
                .execute(&mut conn)?;
        }
        assert!(
            kept.lock().expect("not poisoned").is_empty(),
            "diesel keeps no UPDATE by itself"
        );
        let mut answered = Vec::new();
        for _ in 0..3 {
            answered.push(
                KeptUpdate::new(counters::table, counters::id.eq(1), bump)
                    .returning(counters::n)
                    .get_result::<i32>(&mut conn)?,
            );
        }
        let kept = kept.lock().expect("not poisoned").clone();
        assert_eq!(
            kept,
            ["UPDATE `counters` SET `n` = (`counters`.`n` + ?) WHERE (`counters`.`id` = ?) RETURNING `counters`.`n`"],
            "prepared once"
        );
        assert_eq!(answered, [4, 5, 6], "each run updated and answered");
        let other: i32 = counters::table
            .find(2)
            .select(counters::n)
            .first(&mut conn)?;
        assert_eq!(other, 0, "only the filtered row");
        Ok(())
    }
}
