//! Signing in through the organisation's OpenID provider. The way out
//! records the sign-in (its state's digest, nonce and sealed PKCE verifier)
//! for ten minutes; the way back takes it once, so a replayed or foreign
//! state is refused, then has the code exchanged and the ID token verified
//! (`auth::oidc`). A person is found by e-mail in the organisation, or
//! created with the role their claim maps to, or refused with the reason.

use super::error::{AppError, AppResult};
use super::login::{self, Started, Via};
use super::App;
use crate::auth::oidc::{self, Departure, Provider, Verified};
use crate::auth::{digest, sealed::Sealer};
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::sso::{SsoAttempt, SsoRow};
use crate::db::users::{NewUser, User, UserChanges};
use crate::db::AnyConnection;
use crate::domain::credentials::Seen;
use crate::domain::sso::{role_for, Domains, RoleMap};

/// How long a sign-in may stay at the provider.
const ATTEMPT_MINUTES: i64 = 10;
/// What an account made by single sign-on holds as its password hash: not
/// a hash, so no password matches it.
const NO_PASSWORD: &str = "!sso";
/// Where the provider sends the browser back (registered there).
pub const CALLBACK: &str = "/sso/callback";

/// A sign-in leaving for the provider.
pub struct Leaving {
    /// Where to send the browser.
    pub url: String,
    /// The state, for the browser to keep in a cookie until it returns.
    pub state: String,
}

/// What the provider sent the browser back with.
pub struct Return {
    /// The `state` parameter.
    pub state: String,
    /// The `code` parameter, when the provider gave one.
    pub code: Option<String>,
    /// The `error` parameter, when the provider refused.
    pub error: Option<String>,
    /// The state the browser kept when it left (its cookie).
    pub kept: Option<String>,
    /// The secret of the browser's session cookie, if any; that session ends.
    pub previous: Option<String>,
    /// Where the sign-in came from.
    pub seen: Seen,
}

/// Starts a sign-in for the organisation with this short name.
pub fn leave(app: &App, slug: &str) -> AppResult<Leaving> {
    let (organisation, row) = app.read(|conn| {
        let organisation = Organisation::find_by_slug(conn, slug.trim())?
            .filter(|o| o.disabled_at.is_none())
            .ok_or_else(no_sso)?;
        let row = SsoRow::find(conn, organisation.id)?.ok_or_else(no_sso)?;
        Ok((organisation, row))
    })?;
    let sealer = app.sealer()?;
    let secret = client_secret(&sealer, &row)?;
    let Departure {
        url,
        state,
        nonce,
        verifier,
    } = oidc::depart(&provider(app, &row, &secret, &app.mail.link(CALLBACK))).map_err(refused)?;
    let expires = crate::db::now() + chrono::Duration::minutes(ATTEMPT_MINUTES);
    let (state_hash, sealed) = (digest(&state), sealer.seal(verifier.as_bytes()));
    app.write(|conn| {
        let kept = (state_hash.as_str(), nonce.as_str(), sealed.as_str());
        Ok(SsoAttempt::open(conn, organisation.id, kept, expires)?)
    })?;
    Ok(Leaving { url, state })
}

/// Finishes a sign-in the provider sent back: a session, or the reason not.
pub fn arrive(app: &App, back: Return) -> AppResult<Started> {
    if back.kept.as_deref() != Some(back.state.as_str()) {
        return Err(refusal(
            "this sign-in was started in another browser or has expired; start again",
        ));
    }
    let attempt = app
        .write(|conn| Ok(SsoAttempt::take(conn, &digest(&back.state))?))?
        .ok_or_else(|| refusal("this sign-in was used already or has expired; start again"))?;
    if let Some(error) = &back.error {
        return Err(refusal(&format!("the identity provider said: {error}")));
    }
    let code = back
        .code
        .as_deref()
        .ok_or_else(|| refusal("the identity provider sent no code"))?;
    let row = app
        .read(|conn| Ok(SsoRow::find(conn, attempt.organisation_id)?))?
        .ok_or_else(no_sso)?;
    let sealer = app.sealer()?;
    let secret = client_secret(&sealer, &row)?;
    let verifier = sealer
        .open(&attempt.verifier_sealed)
        .and_then(|v| String::from_utf8(v).ok())
        .ok_or_else(|| refusal("this sign-in can no longer be read; start again"))?;
    let redirect = app.mail.link(CALLBACK);
    let verified = oidc::arrive(
        &provider(app, &row, &secret, &redirect),
        code,
        &attempt.nonce,
        &verifier,
    )
    .map_err(refused)?;
    let user = app.write(|conn| person(conn, &row, &verified))?;
    login::open(
        app,
        &user,
        Via::SingleSignOn,
        back.previous.as_deref(),
        &back.seen,
    )
}

/// The person the verified token names: found in the organisation, or made
/// with the role their claim maps to.
fn person(conn: &mut AnyConnection, row: &SsoRow, verified: &Verified) -> AppResult<User> {
    let email = verified
        .email
        .as_deref()
        .ok_or_else(|| refusal("the identity provider gave no e-mail address"))?;
    if verified.email_verified == Some(false) {
        return Err(refusal(
            "the identity provider has not verified your e-mail address",
        ));
    }
    let domains = Domains::parse(&row.allowed_domains).unwrap_or_default();
    if !domains.allow(email) {
        return Err(refusal(&format!(
            "people with an address like {email} may not sign in to this organisation"
        )));
    }
    let organisation = Organisation::find(conn, row.organisation_id)?;
    if organisation.disabled_at.is_some() {
        return Err(no_sso());
    }
    if let Some(user) = User::find_by_email(conn, email)? {
        if user.organisation_id != row.organisation_id {
            return Err(refusal(
                "your address belongs to an account of another organisation",
            ));
        }
        if !user.active {
            return accept_invitation(conn, user);
        }
        return Ok(user);
    }
    let map: RoleMap = serde_json::from_str(&row.role_map).unwrap_or_default();
    let default = row.default_role.as_deref().and_then(|r| r.parse().ok());
    let role = role_for(verified.claims.get(&row.role_claim), &map, default).ok_or_else(|| {
        refusal(&format!(
            "your identity provider gives you no role in cmas (its claim `{}` holds none of the values your admin mapped)",
            row.role_claim
        ))
    })?;
    let name = verified
        .name
        .clone()
        .unwrap_or_else(|| email.split('@').next().unwrap_or(email).to_owned());
    let user = User::create(
        conn,
        NewUser {
            organisation_id: row.organisation_id,
            email,
            name: &name,
            role,
            password_hash: NO_PASSWORD,
        },
    )?;
    AuditEvent::record(
        conn,
        Change {
            actor_id: None,
            ..Change::by(&user.caller(), "user", user.id, "user.sso_joined")
        }
        .after(serde_json::json!({ "role": role, "subject": verified.subject })),
    )?;
    tracing::info!(user_id = user.id, "joined by single sign-on");
    Ok(user)
}

/// Someone invited (with the role the admin chose) who signs in through the
/// provider instead of setting a password: the invitation is taken up.
/// Anyone else switched off stays out.
fn accept_invitation(conn: &mut AnyConnection, user: User) -> AppResult<User> {
    let now = crate::db::now();
    let invitation = User::open_invitation(conn, user.id, now)?;
    let Some(invitation) = invitation.filter(|_| user.last_login_at.is_none()) else {
        return Err(refusal("your account is switched off; ask your admin"));
    };
    if !User::accept_invitation(conn, invitation, now)? {
        return Err(refusal(
            "this invitation was taken up at the same moment; sign in again",
        ));
    }
    let open = UserChanges {
        name: None,
        role: None,
        active: Some(true),
    };
    let user = User::update(conn, user.id, &open)?;
    AuditEvent::record(
        conn,
        Change::by(&user.caller(), "user", user.id, "user.sso_joined")
            .after(serde_json::json!({ "role": user.role, "invited": true })),
    )?;
    Ok(user)
}

/// The provider as `auth::oidc` reaches it.
fn provider<'a>(app: &App, row: &'a SsoRow, secret: &'a str, redirect: &'a str) -> Provider<'a> {
    Provider {
        issuer: &row.issuer,
        client_id: &row.client_id,
        client_secret: secret,
        redirect_url: redirect,
        allow_http: app.sso_allow_http,
    }
}

fn client_secret(sealer: &Sealer, row: &SsoRow) -> AppResult<String> {
    sealer
        .open(&row.client_secret_sealed)
        .and_then(|s| String::from_utf8(s).ok())
        .ok_or_else(|| {
            refusal("the organisation's client secret cannot be read (was CMAS_SECRET_KEY changed?); ask your admin to enter it again")
        })
}

fn no_sso() -> AppError {
    AppError::not_found("single sign-on for this organisation")
}

fn refused(error: oidc::OidcError) -> AppError {
    tracing::warn!(%error, "single sign-on refused");
    refusal(&error.to_string())
}

fn refusal(reason: &str) -> AppError {
    AppError::forbidden("sso_refused", reason)
}
