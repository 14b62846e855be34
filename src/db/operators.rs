//! Platform operators and their short-lived bearer tokens. Operators
//! belong to no organisation; nothing here joins an organisation's data.

use super::{now, AnyConnection};
use diesel::prelude::*;

// Their own tables, joined with no organisation's.
diesel::table! {
    operators (id) {
        id -> Integer,
        email -> Text,
        password_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    operator_tokens (id) {
        id -> Integer,
        operator_id -> Integer,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::joinable!(operator_tokens -> operators (operator_id));
diesel::allow_tables_to_appear_in_same_query!(operator_tokens, operators);

#[derive(Clone, Queryable, Selectable)]
#[diesel(table_name = operators)]
pub struct Operator {
    pub id: i32,
    pub email: String,
    pub password_hash: String,
    pub created_at: chrono::NaiveDateTime,
}

impl Operator {
    pub fn create(
        conn: &mut AnyConnection,
        email: &str,
        password_hash: &str,
    ) -> QueryResult<Operator> {
        diesel::insert_into(operators::table)
            .values((
                operators::email.eq(email),
                operators::password_hash.eq(password_hash),
                operators::created_at.eq(now()),
            ))
            .returning(operators::all_columns)
            .get_result::<Operator>(conn)
    }

    pub fn find_by_email(conn: &mut AnyConnection, email: &str) -> QueryResult<Option<Operator>> {
        operators::table
            .filter(operators::email.eq(email))
            .select(Operator::as_select())
            .first(conn)
            .optional()
    }

    /// Issues a token that works until `expires_at`.
    pub fn issue_token(
        conn: &mut AnyConnection,
        operator_id: i32,
        token_hash: &str,
        expires_at: chrono::NaiveDateTime,
    ) -> QueryResult<()> {
        diesel::delete(operator_tokens::table.filter(operator_tokens::expires_at.le(now())))
            .execute(conn)?;
        diesel::insert_into(operator_tokens::table)
            .values((
                operator_tokens::operator_id.eq(operator_id),
                operator_tokens::token_hash.eq(token_hash),
                operator_tokens::created_at.eq(now()),
                operator_tokens::expires_at.eq(expires_at),
            ))
            .execute(conn)
            .map(drop)
    }

    /// The operator behind an unexpired token.
    pub fn by_token(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<Option<Operator>> {
        operator_tokens::table
            .inner_join(operators::table)
            .filter(operator_tokens::token_hash.eq(token_hash))
            .filter(operator_tokens::expires_at.gt(now()))
            .select(Operator::as_select())
            .first(conn)
            .optional()
    }
}

/// Debug output never shows the password hash.
impl std::fmt::Debug for Operator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operator")
            .field("id", &self.id)
            .field("email", &self.email)
            .finish_non_exhaustive()
    }
}
