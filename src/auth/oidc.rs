//! The OpenID Connect relying party: discovery, the authorization request
//! (code flow with PKCE, `state` and `nonce`), and the code exchanged for an
//! ID token whose signature, issuer, audience, expiry and nonce the
//! `openidconnect` crate verifies. Blocking HTTP without redirects (so a
//! provider's address cannot bounce cmas elsewhere), run on the blocking pool.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreTokenResponse,
};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use serde_json::{Map, Value};
use std::time::Duration;

/// How long cmas waits for the provider.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The client discovery gives: an authorization endpoint, maybe a token one.
type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// An organisation's provider, as cmas is registered with it.
pub struct Provider<'a> {
    /// The issuer, e.g. `https://login.microsoftonline.com/{tenant}/v2.0`.
    pub issuer: &'a str,
    /// cmas's client id there.
    pub client_id: &'a str,
    /// cmas's client secret there.
    pub client_secret: &'a str,
    /// Where the provider sends the browser back: `…/sso/callback`.
    pub redirect_url: &'a str,
    /// Whether a provider reached over plain HTTP is accepted.
    pub allow_http: bool,
}

/// The browser's way to the provider, and what cmas keeps until it comes back.
pub struct Departure {
    /// The provider's authorization URL with every parameter.
    pub url: String,
    /// The `state` the provider sends back.
    pub state: String,
    /// The `nonce` the ID token must carry.
    pub nonce: String,
    /// The PKCE verifier the code is exchanged with.
    pub verifier: String,
}

/// Who the provider says signed in, from a verified ID token.
#[derive(Debug)]
pub struct Verified {
    /// The provider's id for the person.
    pub subject: String,
    /// Their e-mail address, if the token carries one.
    pub email: Option<String>,
    /// False when the provider says the address is not verified.
    pub email_verified: Option<bool>,
    /// Their name, if the token carries one.
    pub name: Option<String>,
    /// Every claim of the token, for the role claim.
    pub claims: Map<String, Value>,
}

/// Why a sign-in through the provider failed.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// The settings cannot be used (an address that is no URL, plain HTTP).
    #[error("{0}")]
    Settings(String),
    /// The provider could not be reached or its discovery document read.
    #[error("the identity provider could not be reached or read: {0}")]
    Unreachable(String),
    /// The provider refused to give tokens for the code.
    #[error("the identity provider refused the sign-in: {0}")]
    Refused(String),
    /// The ID token failed a check: which one, in words.
    #[error("the identity provider's ID token was refused: {0}")]
    Token(&'static str),
}

/// Where to send the browser to sign in; the state, nonce and verifier are
/// fresh and random each time.
pub fn depart(provider: &Provider<'_>) -> Result<Departure, OidcError> {
    let client = client(provider)?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    Ok(Departure {
        url: url.to_string(),
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        verifier: verifier.secret().clone(),
    })
}

/// Exchanges the code the provider sent back (with the PKCE verifier) and
/// verifies the ID token it gives against the nonce of the departure.
pub fn arrive(
    provider: &Provider<'_>,
    code: &str,
    nonce: &str,
    verifier: &str,
) -> Result<Verified, OidcError> {
    let client = client(provider)?;
    let response: CoreTokenResponse = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|_| OidcError::Unreachable("it names no token endpoint".into()))?
        .set_pkce_verifier(PkceCodeVerifier::new(verifier.to_owned()))
        .request(&agent())
        .map_err(|e| OidcError::Refused(e.to_string()))?;
    let token = response
        .id_token()
        .ok_or(OidcError::Token("the provider sent no ID token"))?;
    let claims = token
        .claims(&client.id_token_verifier(), &Nonce::new(nonce.to_owned()))
        .map_err(|e| OidcError::Token(reason(&e)))?;
    Ok(Verified {
        subject: claims.subject().as_str().to_owned(),
        email: claims.email().map(|e| e.as_str().to_owned()),
        email_verified: claims.email_verified(),
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_owned()),
        // The signature over exactly this text was verified just now.
        claims: payload(&token.to_string()).unwrap_or_default(),
    })
}

/// The check a refused token failed, in words a person can act on.
fn reason(error: &ClaimsVerificationError) -> &'static str {
    match error {
        ClaimsVerificationError::Expired(_) => "it has expired",
        ClaimsVerificationError::InvalidAudience(_) => "it was issued for another application",
        ClaimsVerificationError::InvalidIssuer(_) => "it comes from another issuer",
        ClaimsVerificationError::InvalidNonce(_) => "it belongs to another sign-in",
        ClaimsVerificationError::SignatureVerification(_) => "its signature does not verify",
        _ => "it is malformed",
    }
}

/// The claims of a compact JWT, read without checking (only after it was).
fn payload(jwt: &str) -> Option<Map<String, Value>> {
    let part = jwt.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(part).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The provider's client, from its discovery document.
fn client(provider: &Provider<'_>) -> Result<Client, OidcError> {
    let issuer = IssuerUrl::new(provider.issuer.trim_end_matches('/').to_owned())
        .map_err(|_| OidcError::Settings("the issuer is not a URL".into()))?;
    if issuer.url().scheme() != "https" && !provider.allow_http {
        return Err(OidcError::Settings(
            "the issuer must be an https:// address".into(),
        ));
    }
    let redirect = RedirectUrl::new(provider.redirect_url.to_owned())
        .map_err(|_| OidcError::Settings("cmas's public address is not a URL".into()))?;
    let metadata = CoreProviderMetadata::discover(&issuer, &agent())
        .map_err(|e| OidcError::Unreachable(e.to_string()))?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(provider.client_id.to_owned()),
        Some(ClientSecret::new(provider.client_secret.to_owned())),
    )
    .set_redirect_uri(redirect))
}

/// Blocking HTTP that follows no redirect and gives up after [`TIMEOUT`].
fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .redirects(0)
        .timeout(TIMEOUT)
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_issuers_are_refused_unless_allowed() {
        let provider = Provider {
            issuer: "http://127.0.0.1:9/",
            client_id: "cmas",
            client_secret: "secret",
            redirect_url: "http://127.0.0.1:8080/sso/callback",
            allow_http: false,
        };
        assert!(matches!(depart(&provider), Err(OidcError::Settings(_))));
        let nowhere = Provider {
            allow_http: true,
            ..provider
        };
        assert!(matches!(depart(&nowhere), Err(OidcError::Unreachable(_))));
    }

    #[test]
    fn a_jwt_payload_is_read_as_its_claims() {
        let body = URL_SAFE_NO_PAD.encode(br#"{"sub":"7","groups":["a"]}"#);
        let claims = payload(&format!("e30.{body}.sig")).expect("claims");
        assert_eq!(claims.get("sub"), Some(&Value::from("7")));
        assert_eq!(payload("nothing"), None);
    }
}
