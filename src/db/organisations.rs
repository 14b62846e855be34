//! Organisations are the tenants: one consultancy each.

use super::{
    now,
    schema::{organisations, users},
    AnyConnection,
};
use crate::domain::credentials::TwoFactorPolicy;
use crate::domain::i18n::Language;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct Organisation {
    pub id: i32,
    pub name: String,
    pub slug: String,
    pub created_at: chrono::NaiveDateTime,
    /// When the platform operator switched it off; none: it works.
    pub disabled_at: Option<chrono::NaiveDateTime>,
    /// The language its reports are written in unless a client says otherwise.
    pub report_language: Language,
    /// Who must sign in with a second factor.
    pub two_factor: TwoFactorPolicy,
}

impl Organisation {
    pub fn create(conn: &mut AnyConnection, name: &str, slug: &str) -> QueryResult<Organisation> {
        diesel::insert_into(organisations::table)
            .values((
                organisations::name.eq(name),
                organisations::slug.eq(slug),
                organisations::created_at.eq(now()),
            ))
            .returning(organisations::id)
            .get_result::<i32>(conn)
            .and_then(|id| Organisation::find(conn, id))
    }

    /// Switches the organisation off (at `at`) or on again (none).
    pub fn set_disabled(
        conn: &mut AnyConnection,
        id: i32,
        at: Option<chrono::NaiveDateTime>,
    ) -> QueryResult<()> {
        diesel::update(organisations::table.find(id))
            .set(organisations::disabled_at.eq(at))
            .execute(conn)
            .map(drop)
    }

    /// Sets the language the organisation's reports are written in by default.
    pub fn set_report_language(
        conn: &mut AnyConnection,
        id: i32,
        language: Language,
    ) -> QueryResult<()> {
        diesel::update(organisations::table.find(id))
            .set(organisations::report_language.eq(language.code()))
            .execute(conn)
            .map(drop)
    }

    /// Sets who must sign in with a second factor.
    pub fn set_two_factor(
        conn: &mut AnyConnection,
        id: i32,
        policy: TwoFactorPolicy,
    ) -> QueryResult<()> {
        diesel::update(organisations::table.find(id))
            .set(organisations::two_factor.eq(policy.as_str()))
            .execute(conn)
            .map(drop)
    }

    /// Every organisation with how many people it has, for the operator.
    pub fn all_with_user_counts(conn: &mut AnyConnection) -> QueryResult<Vec<(Organisation, i64)>> {
        let organisations = Organisation::all(conn)?;
        let counts: Vec<(i32, i64)> = users::table
            .group_by(users::organisation_id)
            .select((users::organisation_id, diesel::dsl::count_star()))
            .load(conn)?;
        Ok(organisations
            .into_iter()
            .map(|org| {
                let people = counts
                    .iter()
                    .find(|(id, _)| *id == org.id)
                    .map_or(0, |(_, n)| *n);
                (org, people)
            })
            .collect())
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
