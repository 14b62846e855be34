//! The domain's enums (statuses, roles, directions, kinds) stored as text on
//! both backends, so rows hold the enum and nothing compares strings. The
//! domain stays free of diesel: reading is written here, once, by
//! [`text_enum!`], from each enum's `FromStr`; writing stores `as_str()`.
//!
//! A stored value that no variant names can only come from a hand-edited
//! row; it reads as the enum's most cautious variant (an assessment as
//! final, a user as an executive) rather than failing every request.

use super::MultiBackend;
use crate::domain::assessment::Status;
use crate::domain::credentials::{TokenScope, TwoFactorPolicy};
use crate::domain::i18n::Language;
use crate::domain::performance::{Direction, KpiKind};
use crate::domain::plans::ActionStatus;
use crate::domain::programme::ProjectStatus;
use crate::domain::role::Role;
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, Queryable};
use diesel::sql_types::Text;

/// Reads a stored text as `T`, or `fallback` when no variant names it.
fn parse<T: std::str::FromStr>(text: &str, fallback: T) -> T {
    text.parse().unwrap_or(fallback)
}

/// Reads an enum with `FromStr` from a text column of either backend,
/// unknown text as `$fallback`.
macro_rules! text_enum {
    ($enum:ty, $fallback:expr) => {
        impl FromSql<Text, MultiBackend> for $enum {
            fn from_sql(
                value: <MultiBackend as Backend>::RawValue<'_>,
            ) -> deserialize::Result<Self> {
                let text: String = value.from_sql::<String, Text>()?;
                Ok(parse(&text, $fallback))
            }
        }

        impl Queryable<Text, MultiBackend> for $enum {
            type Row = Self;

            fn build(row: Self) -> deserialize::Result<Self> {
                Ok(row)
            }
        }
    };
}

text_enum!(Status, Status::Final);
text_enum!(Role, Role::Executive);
text_enum!(Direction, Direction::Higher);
text_enum!(KpiKind, KpiKind::Financial);
text_enum!(ProjectStatus, ProjectStatus::Planned);
text_enum!(Language, Language::En);
text_enum!(ActionStatus, ActionStatus::Proposed);
// An unreadable scope reads as the narrowest, never as more than was given.
text_enum!(TokenScope, TokenScope::Read);
// An unreadable policy reads as the strictest.
text_enum!(TwoFactorPolicy, TwoFactorPolicy::Everyone);
