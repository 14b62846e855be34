//! Secrets cmas must read back (a person's TOTP seed, an identity
//! provider's client secret), sealed with AES-256-GCM: a fresh random
//! nonce per secret, stored beside the ciphertext, and the key outside the
//! database when `CMAS_SECRET_KEY` gives one.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rand::RngCore;

/// What a sealed secret starts with, so a later scheme can be told apart.
const VERSION: &str = "v1.";

/// A key that seals and opens secrets.
#[derive(Clone)]
pub struct Sealer {
    cipher: Aes256Gcm,
}

impl Sealer {
    /// A sealer with a 32-byte key written in base64 (`openssl rand -base64 32`).
    pub fn from_base64(key: &str) -> anyhow::Result<Sealer> {
        let bytes = STANDARD.decode(key.trim()).map_err(|_| {
            anyhow::anyhow!(
                "CMAS_SECRET_KEY is not base64 (make one with `openssl rand -base64 32`)"
            )
        })?;
        let cipher = Aes256Gcm::new_from_slice(&bytes).map_err(|_| {
            anyhow::anyhow!("CMAS_SECRET_KEY must hold 32 bytes, not {}", bytes.len())
        })?;
        Ok(Sealer { cipher })
    }

    /// A new random key, in base64.
    pub fn new_key() -> String {
        let mut key = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut key);
        STANDARD.encode(key)
    }

    /// Seals `secret`; every sealing of the same secret differs.
    pub fn seal(&self, secret: &[u8]) -> String {
        let mut nonce = [0u8; 12];
        rand::thread_rng().fill_bytes(&mut nonce);
        // Encrypting into a Vec fails only when it cannot grow.
        let sealed = self
            .cipher
            .encrypt(Nonce::from_slice(&nonce), secret)
            .unwrap_or_default();
        let mut out = nonce.to_vec();
        out.extend(sealed);
        format!("{VERSION}{}", STANDARD.encode(out))
    }

    /// The secret inside `sealed`; none when it was sealed with another key
    /// or changed since.
    pub fn open(&self, sealed: &str) -> Option<Vec<u8>> {
        let bytes = STANDARD.decode(sealed.strip_prefix(VERSION)?).ok()?;
        let (nonce, ciphertext) = bytes.split_at_checked(12)?;
        self.cipher
            .decrypt(Nonce::from_slice(nonce), ciphertext)
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_unchanged() {
        let sealer = Sealer::from_base64(&Sealer::new_key()).expect("a key");
        let (one, two) = (sealer.seal(b"seed"), sealer.seal(b"seed"));
        assert_ne!(one, two, "a fresh nonce each time");
        assert!(!one.contains("seed"));
        assert_eq!(sealer.open(&one).as_deref(), Some(&b"seed"[..]));
        let other = Sealer::from_base64(&Sealer::new_key()).expect("a key");
        assert_eq!(other.open(&one), None);
        let mut tampered = one.clone();
        tampered.pop();
        tampered.push(if one.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(sealer.open(&tampered), None);
        assert!(Sealer::from_base64("c2hvcnQ=").is_err());
        assert!(Sealer::from_base64("not base64!").is_err());
    }
}
