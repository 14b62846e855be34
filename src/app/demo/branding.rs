//! The demo consultancy's report branding, so the reports show what an
//! organisation's own look does: its colours, a font, a cover page, a
//! footer line, a confidentiality marking and its logo.

use crate::db::brandings::{BrandingFields, StoredBranding};
use crate::db::AnyConnection;
use crate::domain::branding::{Colour, Family, LogoKind};
use diesel::QueryResult;

const LOGO: &[u8] = include_bytes!("../../../reports/demo/logo.png");

/// Sets the demo organisation's branding, logo included, as its admin.
pub(super) fn brand(conn: &mut AnyConnection, organisation_id: i32, admin: i32) -> QueryResult<()> {
    let now = chrono::Utc::now().naive_utc();
    StoredBranding::save(
        conn,
        organisation_id,
        &BrandingFields {
            primary_colour: &Colour(0x0b, 0x6e, 0x4f).to_string(),
            accent_colour: &Colour(0xa6, 0x1e, 0x4d).to_string(),
            font: Family::NotoSans.key(),
            cover: true,
            footer: "Northbridge Consulting · Customer management practice",
            confidentiality: "Confidential — prepared for {client}",
            updated_by: Some(admin),
            updated_at: now,
        },
    )?;
    StoredBranding::set_logo(
        conn,
        organisation_id,
        Some((LOGO, LogoKind::Png.key())),
        (admin, now),
    )
}
