//! An organisation's single sign-on settings (admins): its OpenID
//! provider, cmas's client there (the secret sealed and never shown again),
//! the e-mail domains that may sign in, how the provider's role claim maps
//! to cmas roles, and whether passwords are off.

use super::error::{AppError, AppResult};
use super::permissions::{require, ADMINS};
use super::two_factor;
use super::App;
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::sso::SsoRow;
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::role::{Caller, Role};
use crate::domain::sso::Domains;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// The longest issuer, client id or secret taken.
const LONGEST: usize = 2000;

/// An organisation's provider as an admin sets it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SsoInput {
    /// The provider's issuer, e.g. `https://login.microsoftonline.com/{tenant}/v2.0`;
    /// cmas reads `/.well-known/openid-configuration` under it.
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(pattern = "https-url", max_length = 2000)]
    pub issuer: String,
    /// cmas's client id at the provider.
    #[schema(pattern = "text-not-blank", max_length = 2000)]
    pub client_id: String,
    /// cmas's client secret at the provider; stored sealed and never
    /// returned. Left out on a change, the stored one stays.
    #[serde(default)]
    #[schema(pattern = "text-not-blank", max_length = 2000)]
    pub client_secret: Option<String>,
    /// The e-mail domains whose people may sign in, one per item, e.g. `["alpha.example"]`.
    #[schema(schema_with = domain_list)]
    pub allowed_domains: Vec<String>,
    /// The claim of the ID token whose values give roles (`groups` when left out).
    #[serde(default = "groups")]
    #[schema(pattern = "text-not-blank", max_length = 2000)]
    pub role_claim: String,
    /// From a value of that claim to a cmas role, e.g. `{"cmas-consultants": "consultant"}`;
    /// a list of values gives the strongest role any of them maps to.
    #[serde(default)]
    pub role_map: BTreeMap<String, Role>,
    /// The role of someone whose claim maps to none; left out, they are refused.
    #[serde(default)]
    pub default_role: Option<Role>,
    /// Passwords off: everyone signs in through the provider, except admins
    /// with a second factor (the way in when the provider fails).
    #[serde(default)]
    pub required: bool,
}

/// The document's schema of `allowed_domains`: one to a thousand domains,
/// each as the pattern `domain` says.
fn domain_list() -> utoipa::openapi::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
    let domain = ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some("domain"))
        .max_length(Some(254));
    ArrayBuilder::new()
        .items(domain)
        .min_items(Some(1))
        .max_items(Some(1000))
        .build()
}

fn groups() -> String {
    "groups".into()
}

/// An organisation's provider as the API shows it: never the secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct SsoView {
    /// The provider's issuer.
    pub issuer: String,
    /// cmas's client id at the provider.
    pub client_id: String,
    /// Whether a client secret is stored (it is never shown).
    pub client_secret_set: bool,
    /// The e-mail domains whose people may sign in.
    pub allowed_domains: Vec<String>,
    /// The claim whose values give roles.
    pub role_claim: String,
    /// From a value of that claim to a cmas role.
    pub role_map: BTreeMap<String, Role>,
    /// The role of someone whose claim maps to none (none: refused).
    pub default_role: Option<Role>,
    /// Whether passwords are off for all but admins with a second factor.
    pub required: bool,
    /// The address to register at the provider as the redirect URI.
    pub redirect_url: String,
    /// The address people of the organisation sign in at.
    pub sign_in_url: String,
}

/// The organisation's provider, if it has one (admins).
pub fn get(app: &App, caller: &Caller) -> AppResult<Option<SsoView>> {
    require(caller, ADMINS, "see the organisation's single sign-on")?;
    app.read(|conn| {
        let slug = Organisation::find(conn, caller.organisation_id.get())?.slug;
        Ok(SsoRow::find(conn, caller.organisation_id.get())?.map(|row| view(app, &slug, row)))
    })
}

/// Sets the organisation's provider (admins); audited without the secret.
/// Passwords go off only for an admin who has a second factor, so that
/// they keep a way in when the provider fails.
pub fn set(app: &App, caller: &Caller, input: SsoInput) -> AppResult<SsoView> {
    require(caller, ADMINS, "change the organisation's single sign-on")?;
    let domains = check(app, &input)?;
    let sealer = app.sealer()?;
    let organisation_id = caller.organisation_id.get();
    app.write(|conn| {
        let earlier = SsoRow::find(conn, organisation_id)?;
        let sealed = match (&input.client_secret, &earlier) {
            (Some(secret), _) => sealer.seal(secret.as_bytes()),
            (None, Some(earlier)) => earlier.client_secret_sealed.clone(),
            (None, None) => {
                return Err(AppError::invalid_field(
                    "missing_client_secret",
                    "client_secret",
                    "give the client secret the provider issued for cmas",
                ))
            }
        };
        if input.required && !keeps_a_way_in(conn, caller)? {
            return Err(AppError::conflict(
                "second_factor_first",
                "switch on your own second factor before turning passwords off, so that an admin can still get in when the identity provider fails",
            ));
        }
        let row = SsoRow {
            organisation_id,
            issuer: input.issuer.trim().to_owned(),
            client_id: input.client_id.trim().to_owned(),
            client_secret_sealed: sealed,
            allowed_domains: domains.to_text(),
            role_claim: input.role_claim.trim().to_owned(),
            role_map: serde_json::to_string(&input.role_map).unwrap_or_default(),
            default_role: input.default_role.map(|r| r.as_str().to_owned()),
            required: input.required,
            updated_at: crate::db::now(),
        };
        SsoRow::save(conn, &row)?;
        AuditEvent::record(
            conn,
            Change::by(caller, "organisation", organisation_id, "organisation.sso").after(json!({
                "issuer": row.issuer,
                "client_id": row.client_id,
                "allowed_domains": domains.list(),
                "required": row.required,
            })),
        )?;
        let slug = Organisation::find(conn, organisation_id)?.slug;
        Ok(view(app, &slug, row))
    })
}

/// Removes the organisation's provider (admins): passwords work again.
pub fn remove(app: &App, caller: &Caller) -> AppResult<()> {
    require(caller, ADMINS, "change the organisation's single sign-on")?;
    let organisation_id = caller.organisation_id.get();
    app.write(|conn| {
        if !SsoRow::remove(conn, organisation_id)? {
            return Err(AppError::not_found("single sign-on"));
        }
        AuditEvent::record(
            conn,
            Change::by(
                caller,
                "organisation",
                organisation_id,
                "organisation.sso_removed",
            ),
        )?;
        Ok(())
    })
}

/// Refuses a password login to an organisation that turned passwords off,
/// once the password is known to be right; admins with a second factor
/// pass (the code is still asked for).
pub(super) fn refuse_password(conn: &mut AnyConnection, user: &User) -> AppResult<()> {
    let required = SsoRow::find(conn, user.organisation_id)?.is_some_and(|row| row.required);
    if !required || (user.role == Role::Admin && two_factor::is_on(conn, user)?) {
        return Ok(());
    }
    let slug = Organisation::find(conn, user.organisation_id)?.slug;
    Err(AppError::forbidden(
        "sso_required",
        format!("your organisation signs in through its identity provider: use single sign-on (/sso/{slug})"),
    ))
}

/// Whether the admin has a second factor.
fn keeps_a_way_in(conn: &mut AnyConnection, caller: &Caller) -> AppResult<bool> {
    match User::find_active(conn, caller.user_id.get())? {
        Some((user, _)) => two_factor::is_on(conn, &user),
        None => Ok(false),
    }
}

/// The input's refusals, each at its field; the domains when all is well.
fn check(app: &App, input: &SsoInput) -> AppResult<Domains> {
    let issuer = input.issuer.trim();
    let scheme_ok =
        issuer.starts_with("https://") || (app.sso_allow_http && issuer.starts_with("http://"));
    if !scheme_ok
        || input.issuer.chars().count() > LONGEST
        || issuer.contains(|c: char| c.is_whitespace() || c == '\0')
    {
        return Err(AppError::invalid_field(
            "bad_issuer",
            "issuer",
            "the issuer must be the provider's https:// address",
        ));
    }
    let too_long = |text: &str| {
        text.trim().is_empty() || text.contains('\0') || text.chars().count() > LONGEST
    };
    if too_long(&input.client_id) {
        return Err(AppError::invalid_field(
            "bad_client_id",
            "client_id",
            "give the client id the provider issued for cmas",
        ));
    }
    if input.client_secret.as_deref().is_some_and(too_long) {
        return Err(AppError::invalid_field(
            "bad_client_secret",
            "client_secret",
            "the client secret is empty or too long",
        ));
    }
    if too_long(&input.role_claim) {
        return Err(AppError::invalid_field(
            "bad_role_claim",
            "role_claim",
            "name the claim that carries roles, e.g. groups",
        ));
    }
    let bad_domain = |e: String| AppError::invalid_field("bad_domain", "allowed_domains", e);
    // One domain per item, as the document says.
    if let Some(item) = input.allowed_domains.iter().find(|d| {
        Domains::parse(d).map_or(true, |one| one.list().len() != 1) || d.chars().count() > 254
    }) {
        return Err(bad_domain(format!(
            "'{}' is not one domain name",
            item.trim()
        )));
    }
    let domains = Domains::parse(&input.allowed_domains.join(",")).map_err(bad_domain)?;
    if domains.is_empty() {
        return Err(AppError::invalid_field(
            "no_domains",
            "allowed_domains",
            "name at least one e-mail domain whose people may sign in",
        ));
    }
    Ok(domains)
}

/// The stored row as the API shows it.
fn view(app: &App, slug: &str, row: SsoRow) -> SsoView {
    SsoView {
        client_secret_set: !row.client_secret_sealed.is_empty(),
        allowed_domains: Domains::parse(&row.allowed_domains)
            .map(|d| d.list().to_vec())
            .unwrap_or_default(),
        role_map: serde_json::from_str(&row.role_map).unwrap_or_default(),
        default_role: row.default_role.and_then(|r| r.parse().ok()),
        redirect_url: app.mail.link(super::sso_login::CALLBACK),
        sign_in_url: app.mail.link(&format!("/sso/{slug}")),
        issuer: row.issuer,
        client_id: row.client_id,
        role_claim: row.role_claim,
        required: row.required,
    }
}
