//! An organisation's report branding: one row per organisation that set
//! any, its logo's bytes beside the rest.

use super::schema::report_brandings;
use super::AnyConnection;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error::DatabaseError};

/// The branding as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = report_brandings)]
pub struct StoredBranding {
    pub organisation_id: i32,
    pub primary_colour: String,
    pub accent_colour: String,
    pub font: String,
    pub cover: bool,
    pub footer: String,
    pub confidentiality: String,
    pub logo: Option<Vec<u8>>,
    pub logo_kind: Option<String>,
    pub updated_at: chrono::NaiveDateTime,
}

/// Everything but the logo, as an admin saves it.
#[derive(Debug, AsChangeset, Insertable)]
#[diesel(table_name = report_brandings)]
pub struct BrandingFields<'a> {
    pub primary_colour: &'a str,
    pub accent_colour: &'a str,
    pub font: &'a str,
    pub cover: bool,
    pub footer: &'a str,
    pub confidentiality: &'a str,
    pub updated_by: Option<i32>,
    pub updated_at: chrono::NaiveDateTime,
}

impl StoredBranding {
    /// The organisation's branding, if it set any.
    pub fn find(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<Option<Self>> {
        report_brandings::table
            .find(organisation_id)
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    /// Saves everything but the logo, which stays as it was.
    pub fn save(
        conn: &mut AnyConnection,
        organisation_id: i32,
        fields: &BrandingFields<'_>,
    ) -> QueryResult<()> {
        let changed = diesel::update(report_brandings::table.find(organisation_id))
            .set(fields)
            .execute(conn)?;
        if changed > 0 {
            return Ok(());
        }
        // Two first saves at once: the one whose insert loses (inside a
        // savepoint, so the transaction goes on) updates what the other wrote.
        let inserted = conn.transaction(|conn| {
            diesel::insert_into(report_brandings::table)
                .values((
                    report_brandings::organisation_id.eq(organisation_id),
                    fields,
                ))
                .execute(conn)
        });
        match inserted {
            Err(DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                diesel::update(report_brandings::table.find(organisation_id))
                    .set(fields)
                    .execute(conn)
                    .map(|_| ())
            }
            other => other.map(|_| ()),
        }
    }

    /// Replaces the logo (bytes and kind), or removes it with `None`; the
    /// row exists already (see [`StoredBranding::save`]).
    pub fn set_logo(
        conn: &mut AnyConnection,
        organisation_id: i32,
        logo: Option<(&[u8], &str)>,
        (by, now): (i32, chrono::NaiveDateTime),
    ) -> QueryResult<()> {
        diesel::update(report_brandings::table.find(organisation_id))
            .set((
                report_brandings::logo.eq(logo.map(|(bytes, _)| bytes)),
                report_brandings::logo_kind.eq(logo.map(|(_, kind)| kind)),
                report_brandings::updated_by.eq(Some(by)),
                report_brandings::updated_at.eq(now),
            ))
            .execute(conn)
            .map(|_| ())
    }
}
