//! The demo's platform operator, so that the operator's API can be tried
//! on a demo deployment like everything else.

use crate::auth::hash_password;
use crate::db::operators::Operator;
use crate::db::AnyConnection;

/// The demo operator's address and password, printed by `cmas demo`.
pub const OPERATOR: (&str, &str) = ("ops@demo.cmas", "demo-operator-pass");

/// Makes the demo operator unless one with the address exists.
pub(super) fn ensure(conn: &mut AnyConnection) -> anyhow::Result<()> {
    if Operator::find_by_email(conn, OPERATOR.0)?.is_none() {
        Operator::create(conn, OPERATOR.0, &hash_password(OPERATOR.1)?)?;
    }
    Ok(())
}
