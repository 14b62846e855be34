//! Credentials: argon2id password hashes and random secrets (session ids and
//! API tokens) of which only a SHA-256 digest is ever stored.

pub mod hashing_pool;
pub mod oidc;
pub mod sealed;
pub mod totp;

use argon2::password_hash::{rand_core::OsRng, Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use hashing_pool::{Busy, Line};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Shortest password cmas accepts.
pub const MIN_PASSWORD_LEN: usize = 10;

/// Runs argon2 into `out` in the hashing thread's memory.
fn argon2_into(argon: &Argon2, password: &[u8], salt: &[u8], out: &mut [u8]) -> bool {
    hashing_pool::with_memory(argon.params().block_count(), |memory| {
        argon
            .hash_password_into_with_memory(password, salt, out, memory)
            .is_ok()
    })
}

/// Hashes a password with argon2id and a fresh salt, as a PHC string.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let password = password.to_owned();
    hashing_pool::shared()
        .run(Line::Waits, move || {
            let fail =
                |e: argon2::password_hash::Error| anyhow::anyhow!("cannot hash password: {e}");
            let salt = SaltString::generate(&mut OsRng);
            let params = Params::default();
            let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
            let mut salt_bytes = [0u8; 64];
            let raw_salt = salt.as_salt().decode_b64(&mut salt_bytes).map_err(fail)?;
            let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
            if !argon2_into(&argon, password.as_bytes(), raw_salt, &mut out) {
                anyhow::bail!("cannot hash password");
            }
            let hash = PasswordHash {
                algorithm: Algorithm::Argon2id.ident(),
                version: Some(Version::V0x13.into()),
                params: ParamsString::try_from(&params).map_err(fail)?,
                salt: Some(salt.as_salt()),
                hash: Some(Output::new(&out).map_err(fail)?),
            };
            Ok(hash.to_string())
        })
        .unwrap_or_else(|_| Err(anyhow::anyhow!("cannot hash password: no hashing thread")))
}

/// Checks a password against a stored PHC hash (with its own algorithm,
/// version and parameters); a malformed hash never matches. Refused when
/// the line of checks is full (see `hashing_pool`).
pub fn verify_password(password: &str, hash: &str) -> Result<bool, Busy> {
    let (password, hash) = (password.to_owned(), hash.to_owned());
    hashing_pool::shared().run(Line::Bounded, move || {
        let Ok(parsed) = PasswordHash::new(&hash) else {
            return false;
        };
        let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
            return false;
        };
        let version = parsed
            .version
            .map_or(Ok(Version::default()), Version::try_from);
        let (Ok(algorithm), Ok(version), Ok(params)) = (
            Algorithm::try_from(parsed.algorithm),
            version,
            Params::try_from(&parsed),
        ) else {
            return false;
        };
        let mut salt_bytes = [0u8; 64];
        let Ok(raw_salt) = salt.decode_b64(&mut salt_bytes) else {
            return false;
        };
        let mut out = vec![0u8; expected.len()];
        let argon = Argon2::new(algorithm, version, params);
        // `Output` compares in constant time.
        argon2_into(&argon, password.as_bytes(), raw_salt, &mut out)
            && Output::new(&out).is_ok_and(|computed| computed == expected)
    })
}

/// A hash to verify against when the account does not exist, so that a login
/// for an unknown email takes as long as one with a wrong password.
pub fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("not a real password").unwrap_or_default())
}

/// Explains why a new password is refused, if it is.
pub fn password_problem(password: &str) -> Option<String> {
    (password.chars().count() < MIN_PASSWORD_LEN)
        .then(|| format!("the password must have at least {MIN_PASSWORD_LEN} characters"))
}

/// A new random secret: 32 bytes, URL-safe base64, with a prefix that says what it is.
pub fn new_secret(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// What the database keeps of a secret.
pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A readable generated password for the first admin.
pub fn generate_password() -> String {
    new_secret("")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(20)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_password() {
        let hash = hash_password("correct horse battery").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert_eq!(verify_password("correct horse battery", &hash), Ok(true));
        assert_eq!(verify_password("wrong horse battery", &hash), Ok(false));
        assert_eq!(verify_password("anything", "not a hash"), Ok(false));
    }

    #[test]
    fn hashes_agree_with_the_argon2_crates_own_hasher_and_verifier() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let ours = hash_password("correct horse battery").expect("hash");
        let parsed = PasswordHash::new(&ours).expect("a PHC string");
        assert!(Argon2::default()
            .verify_password(b"correct horse battery", &parsed)
            .is_ok());
        let salt = SaltString::generate(&mut OsRng);
        let theirs = Argon2::default()
            .hash_password(b"correct horse battery", &salt)
            .expect("hash")
            .to_string();
        assert_eq!(verify_password("correct horse battery", &theirs), Ok(true));
        assert_eq!(verify_password("correct horse batter", &theirs), Ok(false));
        // Other parameters, as stored by an earlier or later cmas, still verify.
        let light = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 3, 1, None).expect("params"),
        )
        .hash_password(b"correct horse battery", &salt)
        .expect("hash")
        .to_string();
        assert_eq!(verify_password("correct horse battery", &light), Ok(true));
    }

    #[test]
    fn secrets_are_random_and_stored_only_as_digests() {
        let (a, b) = (new_secret("cmas_"), new_secret("cmas_"));
        assert_ne!(a, b);
        assert!(a.starts_with("cmas_") && a.len() > 40);
        assert_eq!(digest(&a).len(), 64);
        assert!(!digest(&a).contains(&a[5..]));
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(password_problem("short").is_some());
        assert!(password_problem("long enough now").is_none());
        assert_eq!(generate_password().len(), 20);
    }
}
