//! An UPDATE that the connection keeps prepared. Diesel prepares every
//! UPDATE again each time, because a changeset's SQL may vary with its
//! values (it skips a `None`); the updates built here set fixed columns, so
//! their SQL never varies, and preparing a save's two updates again was
//! about a seventh of its time on SQLite. Like diesel's own SELECTs, one is
//! kept by its type, so its SQL is not even written out again: a changeset
//! that could skip a column (an `Option`) has no `QueryId` and cannot be
//! used here.

use diesel::backend::Backend;
use diesel::expression::Expression;
use diesel::query_builder::{AsChangeset, AstPass, Query, QueryFragment, QueryId};
use diesel::{QueryResult, QuerySource, RunQueryDsl, Table};
use std::marker::PhantomData;

/// `UPDATE table SET changes WHERE filter`, then `returning`'s clause; `C`
/// is the type the changes were written as (diesel's form of them, `V`,
/// names no query).
#[derive(Debug, Clone)]
pub struct KeptUpdate<T: QuerySource, C, V, W, R> {
    table: T::FromClause,
    changes: V,
    filter: W,
    returning: R,
    written_as: PhantomData<fn() -> C>,
}

/// `RETURNING` these columns.
#[derive(Debug, Clone, Copy, QueryId)]
pub struct Returning<C>(C);

impl<T: Table, C, V, W> KeptUpdate<T, C, V, W, ()> {
    /// Sets `changes` on the rows of `table` that pass `filter`.
    pub fn new(table: T, filter: W, changes: C) -> Self
    where
        C: AsChangeset<Target = T, Changeset = V>,
    {
        KeptUpdate {
            table: table.from_clause(),
            changes: changes.as_changeset(),
            filter,
            returning: (),
            written_as: PhantomData,
        }
    }

    /// Answers `columns` of each updated row.
    pub fn returning<S>(self, columns: S) -> KeptUpdate<T, C, V, W, Returning<S>> {
        KeptUpdate {
            table: self.table,
            changes: self.changes,
            filter: self.filter,
            returning: Returning(columns),
            written_as: PhantomData,
        }
    }
}

impl<T, C, V, W, R, DB> QueryFragment<DB> for KeptUpdate<T, C, V, W, R>
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

/// Kept by type when every part has a fixed SQL.
impl<T, C, V, W, R> QueryId for KeptUpdate<T, C, V, W, R>
where
    T: QuerySource + 'static,
    C: QueryId,
    W: QueryId,
    R: QueryId,
{
    type QueryId = (T, C::QueryId, W::QueryId, R::QueryId);
    const HAS_STATIC_QUERY_ID: bool =
        C::HAS_STATIC_QUERY_ID && W::HAS_STATIC_QUERY_ID && R::HAS_STATIC_QUERY_ID;
}

impl<T: QuerySource, C, V, W, S: Expression> Query for KeptUpdate<T, C, V, W, Returning<S>> {
    type SqlType = S::SqlType;
}

impl<T: QuerySource, C, V, W, R, Conn> RunQueryDsl<Conn> for KeptUpdate<T, C, V, W, R> {}

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
