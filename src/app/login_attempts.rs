//! Failed logins, counted in the database per account and per address so
//! that every instance sees them. Each attempt is recorded as a failure
//! before its secret is checked, in the same step as the count that allows
//! it, so however many arrive at once, at most the limit is ever tried;
//! over it, nothing is even checked until the wait is over. An attempt
//! that succeeds is forgotten again. Password logins, operator logins and
//! second-factor codes all count here.

use super::error::{AppError, AppResult};
use super::App;
use crate::auth::digest;
use crate::db::{login_failures, AnyConnection};
use crate::domain::throttle;

/// A counted attempt: who it counts against (the account tried and the
/// address it came from, as digests: people type passwords into the
/// e-mail field) and the failures recorded for it.
pub struct Attempt {
    account: String,
    address: String,
    recorded: Vec<i32>,
}

impl Attempt {
    /// Counts an attempt on `account` from `address`, refused when either
    /// has failed too often, and runs `find` (which looks the account up)
    /// in the same step.
    pub fn count<T>(
        app: &App,
        account: &str,
        address: &str,
        find: impl FnOnce(&mut AnyConnection) -> AppResult<T>,
    ) -> AppResult<(T, Attempt)> {
        let now = crate::db::now();
        let account = format!("account:{}", digest(&account.trim().to_lowercase()));
        let address = format!("address:{}", digest(address));
        let forget_before = now
            - throttle::PER_ACCOUNT
                .window
                .max(throttle::PER_ADDRESS.window);
        app.write(|conn| {
            let both = [account.as_str(), address.as_str()];
            login_failures::lock(conn, &both)?;
            for (subject, limit, whose) in [
                (&account, throttle::PER_ACCOUNT, "this account"),
                (&address, throttle::PER_ADDRESS, "this address"),
            ] {
                let failures = login_failures::since(conn, subject, now - limit.window)?;
                if let Some(wait) = throttle::wait(limit, &failures, now) {
                    return Err(AppError::Throttled {
                        detail: format!(
                            "too many failed logins for {whose}; try again in {}",
                            throttle::in_minutes(wait)
                        ),
                        retry_after: wait.num_seconds().max(1),
                    });
                }
            }
            let found = find(conn)?;
            let recorded = login_failures::record(conn, &both, now, forget_before)?;
            Ok((
                found,
                Attempt {
                    account: account.clone(),
                    address: address.clone(),
                    recorded,
                },
            ))
        })
    }

    /// Checks the password against `hash`; when the server is too busy to
    /// check it, the attempt is forgotten (nothing was tried) and refused.
    pub fn check_password(&self, app: &App, password: &str, hash: &str) -> AppResult<bool> {
        crate::auth::verify_password(password, hash).or_else(|busy| {
            app.write(|conn| Ok(login_failures::forget(conn, &self.recorded)?))?;
            Err(busy.into())
        })
    }

    /// The attempt succeeded: it is forgotten, and so are the account's
    /// earlier failures (the address's stay).
    pub fn succeeded(&self, conn: &mut AnyConnection) -> AppResult<()> {
        login_failures::forget(conn, &self.recorded)?;
        login_failures::clear(conn, &self.account)?;
        Ok(())
    }
}

impl std::fmt::Debug for Attempt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attempt")
            .field("address", &self.address)
            .finish_non_exhaustive()
    }
}
