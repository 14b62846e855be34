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
            .returning(organisations::all_columns)
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

    pub fn all(conn: &mut AnyConnection) -> QueryResult<Vec<Organisation>> {
        organisations::table
            .order(organisations::id)
            .select(Organisation::as_select())
            .load(conn)
    }
}
