//! Organisations are the tenants: one consultancy each.

use super::{now, schema::organisations, AnyConnection};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct Organisation {
    pub id: i32,
    pub name: String,
    pub slug: String,
    pub created_at: chrono::NaiveDateTime,
}

impl Organisation {
    pub fn create(conn: &mut AnyConnection, name: &str, slug: &str) -> QueryResult<Organisation> {
        diesel::insert_into(organisations::table)
            .values((
                organisations::name.eq(name),
                organisations::slug.eq(slug),
                organisations::created_at.eq(now()),
            ))
            .returning((
                organisations::id,
                organisations::name,
                organisations::slug,
                organisations::created_at,
            ))
            .get_result::<Organisation>(conn)
    }

    pub fn find(conn: &mut AnyConnection, id: i32) -> QueryResult<Organisation> {
        organisations::table
            .find(id)
            .select(Organisation::as_select())
            .first(conn)
    }

    pub fn find_by_slug(conn: &mut AnyConnection, slug: &str) -> QueryResult<Option<Organisation>> {
        organisations::table
            .filter(organisations::slug.eq(slug))
            .select(Organisation::as_select())
            .first(conn)
            .optional()
    }

    /// How the organisation writes numbers, and its currency code.
    pub fn money_settings(conn: &mut AnyConnection, id: i32) -> QueryResult<(String, String)> {
        organisations::table
            .find(id)
            .select((organisations::number_format, organisations::currency))
            .first(conn)
    }

    /// Sets how the organisation writes numbers and its currency code.
    pub fn set_money_settings(
        conn: &mut AnyConnection,
        id: i32,
        number_format: &str,
        currency: &str,
    ) -> QueryResult<()> {
        diesel::update(organisations::table.find(id))
            .set((
                organisations::number_format.eq(number_format),
                organisations::currency.eq(currency),
            ))
            .execute(conn)
            .map(|_| ())
    }

    pub fn all(conn: &mut AnyConnection) -> QueryResult<Vec<Organisation>> {
        organisations::table
            .order(organisations::id)
            .select(Organisation::as_select())
            .load(conn)
    }

    /// The versions of the organisation's portfolio and performance data,
    /// which instances compare against what they keep in memory.
    pub fn versions(conn: &mut AnyConnection, id: i32) -> QueryResult<DataVersions> {
        organisations::table
            .find(id)
            .select((
                organisations::portfolio_version,
                organisations::performance_version,
            ))
            .first::<(i64, i64)>(conn)
            .map(|(portfolio, performance)| DataVersions {
                portfolio,
                performance,
            })
    }

    /// Records that the organisation's final assessments changed.
    pub fn portfolio_changed(conn: &mut AnyConnection, id: i32) -> QueryResult<()> {
        diesel::update(organisations::table.find(id))
            .set(organisations::portfolio_version.eq(organisations::portfolio_version + 1))
            .execute(conn)
            .map(drop)
    }

    /// Records that the organisation's KPI values or panel ranks changed.
    pub fn performance_changed(conn: &mut AnyConnection, id: i32) -> QueryResult<()> {
        diesel::update(organisations::table.find(id))
            .set(organisations::performance_version.eq(organisations::performance_version + 1))
            .execute(conn)
            .map(drop)
    }
}

/// Bumped in the same transaction as the change they stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataVersions {
    /// Final assessments (and so the benchmarks).
    pub portfolio: i64,
    /// KPI values, panels and their ranks (and so the area weights).
    pub performance: i64,
}
