//! Keys an instance keeps in the database when the environment gives none
//! (the key secrets are sealed with, without `CMAS_SECRET_KEY`).

use super::AnyConnection;
use diesel::prelude::*;

diesel::table! {
    instance_keys (name) {
        name -> Text,
        key -> Text,
    }
}

/// The key stored under `name`, stored first as `new` if there was none;
/// instances that start at once take turns (the set-up lock), so all get
/// the one stored first. Run it inside a write transaction.
pub fn get_or_put(conn: &mut AnyConnection, name: &str, new: &str) -> QueryResult<String> {
    super::setup_turn(conn)?;
    let stored = instance_keys::table
        .find(name)
        .select(instance_keys::key)
        .first::<String>(conn)
        .optional()?;
    if let Some(key) = stored {
        return Ok(key);
    }
    diesel::insert_into(instance_keys::table)
        .values((instance_keys::name.eq(name), instance_keys::key.eq(new)))
        .execute(conn)?;
    Ok(new.to_owned())
}
