//! Two factors for password accounts: a person enrols with a QR code (drawn
//! by cmas) and one code, and gets ten single-use recovery codes, shown
//! once and stored as digests. A code is accepted once: its time step must
//! be later than the last one accepted. An organisation may require it of
//! admins or of everyone; an admin may reset a person's second factor
//! (a lost phone).

use super::error::{AppError, AppResult};
use super::permissions::{require, ADMINS};
use super::App;
use crate::auth::{digest, new_secret, totp};
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::two_factor::TwoFactor;
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::ids::UserId;
use crate::domain::role::Caller;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How many recovery codes a person gets.
pub const RECOVERY_CODES: usize = 10;

/// Where a person stands with their second factor.
#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct TwoFactorStatus {
    /// Whether codes are asked for at login.
    pub enabled: bool,
    /// Whether the organisation requires it of this person.
    pub required: bool,
    pub recovery_codes_left: i64,
}

/// A started enrolment: what the authenticator app is given.
#[derive(Debug, Serialize, ToSchema)]
pub struct Enrolment {
    /// The secret in base32, to type in when the code cannot be scanned.
    pub secret: String,
    /// The `otpauth://` address the QR code holds.
    pub otpauth_url: String,
    /// The QR code as an SVG image.
    pub qr_svg: String,
}

/// A code from the authenticator app (or, where it says so, a recovery code).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct CodeRequest {
    #[schema(max_length = 40)]
    pub code: String,
}

/// The recovery codes, shown this once.
#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct RecoveryCodes {
    pub recovery_codes: Vec<String>,
}

/// Whether the organisation requires a second factor of `user`.
pub(super) fn required_of(conn: &mut AnyConnection, user: &User) -> AppResult<bool> {
    let policy = Organisation::find(conn, user.organisation_id)?.two_factor;
    Ok(policy.requires(user.role()))
}

/// The caller's standing.
pub fn status(app: &App, caller: &Caller) -> AppResult<TwoFactorStatus> {
    app.read(|conn| {
        let user = me(conn, caller)?;
        let stored = TwoFactor::of(conn, user.id)?;
        Ok(TwoFactorStatus {
            enabled: stored.enabled_at.is_some(),
            required: required_of(conn, &user)?,
            recovery_codes_left: TwoFactor::recovery_codes_left(conn, user.id)?,
        })
    })
}

fn me(conn: &mut AnyConnection, caller: &Caller) -> AppResult<User> {
    User::find_in(conn, caller, caller.user_id.get())?.ok_or_else(|| AppError::not_found("user"))
}

/// Starts enrolment with a new secret (kept sealed, not yet in use), or
/// shows again the one started before and not yet confirmed (the app may
/// have scanned it already). Refused while a second factor is on.
pub fn start(app: &App, caller: &Caller) -> AppResult<Enrolment> {
    let sealer = app.sealer()?;
    let (secret, email, organisation) = app.write(|conn| {
        let user = me(conn, caller)?;
        if TwoFactor::of(conn, user.id)?.enabled_at.is_some() {
            return Err(AppError::conflict(
                "two_factor_on",
                "a second factor is on already; switch it off first to enrol a new one",
            ));
        }
        let pending = TwoFactor::of(conn, user.id)?
            .sealed_secret
            .and_then(|sealed| sealer.open(&sealed));
        let secret = match pending {
            Some(secret) => secret,
            None => {
                let secret = totp::new_secret();
                TwoFactor::begin(conn, user.id, &sealer.seal(&secret))?;
                secret
            }
        };
        let organisation = Organisation::find(conn, user.organisation_id)?.name;
        Ok((secret, user.email, organisation))
    })?;
    let url = totp::url(&secret, &email, &format!("cmas ({organisation})"))
        .ok_or_else(|| AppError::fault("cannot write the authenticator address"))?;
    Ok(Enrolment {
        secret: totp::base32(&secret),
        qr_svg: crate::render::qr::svg(&url).map_err(AppError::internal)?,
        otpauth_url: url,
    })
}

/// Switches the second factor on with the first code from the app, and
/// returns the recovery codes (shown once).
pub fn confirm(app: &App, caller: &Caller, body: &CodeRequest) -> AppResult<RecoveryCodes> {
    let sealer = app.sealer()?;
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| recovery_code()).collect();
    let digests: Vec<String> = codes.iter().map(|c| digest(&normalised(c))).collect();
    app.write(|conn| {
        let user = me(conn, caller)?;
        let stored = TwoFactor::of(conn, user.id)?;
        if stored.enabled_at.is_some() {
            return Err(AppError::conflict(
                "two_factor_on",
                "a second factor is on already",
            ));
        }
        let secret = stored
            .sealed_secret
            .and_then(|sealed| sealer.open(&sealed))
            .ok_or_else(|| {
                AppError::conflict(
                    "no_enrolment",
                    "start the enrolment first (POST /api/v1/me/two-factor)",
                )
            })?;
        let step = totp::check(&secret, &body.code, unix_now()).ok_or_else(wrong_code)?;
        TwoFactor::switch_on(conn, user.id, to_i64(step))?;
        TwoFactor::set_recovery_codes(conn, user.id, &digests)?;
        AuditEvent::record(
            conn,
            Change::by(caller, "user", user.id, "user.two_factor_on"),
        )?;
        Ok(())
    })?;
    Ok(RecoveryCodes {
        recovery_codes: codes,
    })
}

/// Switches the caller's second factor off, with a code to prove it is
/// theirs; refused where the organisation requires one.
pub fn switch_off(app: &App, caller: &Caller, body: &CodeRequest) -> AppResult<()> {
    let sealer = app.sealer()?;
    app.write(|conn| {
        let user = me(conn, caller)?;
        if required_of(conn, &user)? {
            return Err(AppError::forbidden(
                "two_factor_required",
                "your organisation requires a second factor; it cannot be switched off",
            ));
        }
        if !verify(conn, &sealer, &user, &body.code)? {
            return Err(wrong_code());
        }
        TwoFactor::switch_off(conn, user.id)?;
        AuditEvent::record(
            conn,
            Change::by(caller, "user", user.id, "user.two_factor_off"),
        )?;
        Ok(())
    })
}

/// Resets a person's second factor (admins), when they lost their phone
/// and their recovery codes: they log in with the password alone and, where
/// it is required, enrol again before anything else.
pub fn reset(app: &App, caller: &Caller, id: UserId) -> AppResult<()> {
    require(caller, ADMINS, "reset a person's second factor")?;
    if id == caller.user_id {
        // Else a stolen admin session would switch its own protection off.
        return Err(AppError::forbidden(
            "own_two_factor",
            "switch your own second factor off with a code (POST /api/v1/me/two-factor/off); another admin can reset it",
        ));
    }
    app.write(|conn| {
        let user =
            User::find_in(conn, caller, id.get())?.ok_or_else(|| AppError::not_found("user"))?;
        TwoFactor::switch_off(conn, user.id)?;
        AuditEvent::record(
            conn,
            Change::by(caller, "user", user.id, "user.two_factor_reset"),
        )?;
        Ok(())
    })
}

/// Whether `code` is a right, unused code of `user`'s (from the app, or a
/// recovery code), using it up: a code of a step already used, or a
/// recovery code used before, is wrong.
pub(super) fn verify(
    conn: &mut AnyConnection,
    sealer: &crate::auth::sealed::Sealer,
    user: &User,
    code: &str,
) -> AppResult<bool> {
    let stored = TwoFactor::of(conn, user.id)?;
    if stored.enabled_at.is_none() {
        return Ok(false);
    }
    let digits = code.chars().filter(|c| !c.is_whitespace()).count() == 6;
    if !digits {
        return Ok(TwoFactor::use_recovery_code(
            conn,
            user.id,
            &digest(&normalised(code)),
        )?);
    }
    let Some(secret) = stored.sealed_secret.and_then(|s| sealer.open(&s)) else {
        return Err(AppError::fault(
            "the second factor's secret cannot be opened: was CMAS_SECRET_KEY changed?",
        ));
    };
    match totp::check(&secret, code, unix_now()) {
        Some(step) => Ok(TwoFactor::use_step(conn, user.id, to_i64(step))?),
        None => Ok(false),
    }
}

/// Whether `user` has a second factor on.
pub(super) fn is_on(conn: &mut AnyConnection, user: &User) -> AppResult<bool> {
    Ok(TwoFactor::of(conn, user.id)?.enabled_at.is_some())
}

fn wrong_code() -> AppError {
    AppError::invalid_field(
        "wrong_code",
        "code",
        "the code is wrong, expired or used already",
    )
}

fn unix_now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0)
}

fn to_i64(step: u64) -> i64 {
    i64::try_from(step).unwrap_or(i64::MAX)
}

/// A recovery code: ten letters and digits in two groups, e.g. `k7mq4-x2p9d`.
fn recovery_code() -> String {
    let letters: String = new_secret("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| !"01lo".contains(*c))
        .take(10)
        .collect();
    let (a, b) = letters.split_at(letters.len().min(5));
    format!("{a}-{b}")
}

/// A recovery code as compared: lower case, without spaces and hyphens.
fn normalised(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
