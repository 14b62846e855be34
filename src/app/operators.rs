//! The platform's operators: people outside every organisation who create,
//! list and switch off organisations. They never read an organisation's
//! content: their tokens open only the operator routes, and no
//! organisation's admin pages reach them. Created on the command line.

use super::error::{AppError, AppResult};
use super::input::email;
use super::login_attempts::Attempt;
use super::App;
use crate::auth::{digest, generate_password, hash_password, new_secret};
use crate::db::operators::Operator;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How long an operator's token works: an hour, then they log in again.
const TOKEN_HOURS: i64 = 1;

/// Who administers tenants in a request: an operator who logged in, or
/// whoever runs the command line on the server itself.
#[derive(Debug, Clone)]
pub enum Operating {
    /// An operator, by their e-mail address.
    Operator(String),
    /// The command line on the server, which holds the database already.
    CommandLine,
}

impl Operating {
    /// Who it was, as the organisation's audit trail records it.
    pub fn who(&self) -> String {
        match self {
            Operating::Operator(email) => format!("operator {email}"),
            Operating::CommandLine => "the command line".to_owned(),
        }
    }
}

/// An operator's login.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct OperatorLogin {
    #[schema(max_length = 200, pattern = "email")]
    pub email: String,
    pub password: String,
}

/// An operator's bearer token, shown once.
#[derive(Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct OperatorToken {
    /// Send it as `Authorization: Bearer …` to the operator routes only.
    pub token: String,
    pub expires_at: chrono::NaiveDateTime,
}

/// Creates an operator with a generated password, which is returned to be
/// shown once (only its hash is stored).
pub fn create(app: &App, address: &str) -> AppResult<String> {
    let address = email(address)?;
    let password = generate_password();
    let hash = hash_password(&password).map_err(AppError::internal)?;
    app.write(|conn| {
        if Operator::find_by_email(conn, &address)?.is_some() {
            return Err(AppError::conflict(
                "operator_exists",
                format!("an operator {address} exists already"),
            ));
        }
        Operator::create(conn, &address, &hash)?;
        Ok(())
    })?;
    tracing::info!("created an operator");
    Ok(password)
}

/// Checks an operator's password and issues a token for an hour. Failures
/// count toward the same throttling as every login.
pub fn log_in(app: &App, login: &OperatorLogin, address: &str) -> AppResult<OperatorToken> {
    let account = format!("operator:{}", login.email.trim().to_lowercase());
    let (operator, attempt) = Attempt::count(app, &account, address, |conn| {
        Ok(Operator::find_by_email(
            conn,
            &login.email.trim().to_lowercase(),
        )?)
    })?;
    let hash = operator
        .as_ref()
        .map_or(crate::auth::dummy_hash(), |o| o.password_hash.as_str());
    let valid = attempt.check_password(app, &login.password, hash)?;
    let Some(operator) = operator.filter(|_| valid) else {
        return Err(AppError::Unauthenticated(
            "the email or the password is wrong".into(),
        ));
    };
    let token = new_secret("op_");
    let expires_at = crate::db::now() + chrono::Duration::hours(TOKEN_HOURS);
    app.write(|conn| {
        attempt.succeeded(conn)?;
        Operator::issue_token(conn, operator.id, &digest(&token), expires_at)?;
        Ok(())
    })?;
    tracing::info!(operator_id = operator.id, "operator logged in");
    Ok(OperatorToken { token, expires_at })
}

/// The operator behind a bearer token.
pub fn by_token(app: &App, secret: &str) -> AppResult<Operating> {
    let operator = app.read(|conn| Ok(Operator::by_token(conn, &digest(secret))?))?;
    operator
        .map(|o| Operating::Operator(o.email))
        .ok_or_else(|| {
            AppError::Unauthenticated(
                "the operator routes need an operator's token (POST /api/v1/operator/tokens)"
                    .into(),
            )
        })
}
