//! Time-based one-time passwords (RFC 6238): SHA-1, six digits, 30-second
//! steps, one step either side for a slow phone or a slow network. Each
//! accepted code names its step; the caller refuses a step already used.

use totp_rs::{Algorithm, Builder, Secret, Totp};

/// Seconds a code stands for.
pub const STEP_SECONDS: u64 = 30;

/// Bytes of a new secret: 160 bits, as RFC 4226 recommends.
const SECRET_BYTES: usize = 20;

/// A new random secret.
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0u8; SECRET_BYTES];
    rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut secret);
    secret
}

fn totp(secret: &[u8], account: &str, issuer: &str) -> Option<Totp> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(STEP_SECONDS)
        .with_secret(Secret::from(secret.to_vec()))
        .with_account_name(account.replace(':', " "))
        .with_issuer(Some(issuer.replace(':', " ")))
        .build()
        .ok()
}

/// The step a code is right for at `unix_time` (this step or one either
/// side); none when it is wrong or not six digits.
pub fn check(secret: &[u8], code: &str, unix_time: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    totp(secret, "-", "cmas")?.check(&code, unix_time)
}

/// The code for `unix_time` (what an authenticator app shows).
pub fn code_at(secret: &[u8], unix_time: u64) -> Option<String> {
    Some(totp(secret, "-", "cmas")?.generate(unix_time).to_string())
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn url(secret: &[u8], account: &str, issuer: &str) -> Option<String> {
    totp(secret, account, issuer)?.to_url().ok()
}

/// The secret as people type it when they cannot scan: base32.
pub fn base32(secret: &[u8]) -> String {
    Secret::from(secret.to_vec()).to_base32()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 seed "12345678901234567890"; its
    /// eight-digit codes end in these six.
    #[test]
    fn codes_match_the_rfc_6238_test_vectors() {
        let seed = b"12345678901234567890";
        for (time, eight) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
        ] {
            assert_eq!(code_at(seed, time).as_deref(), Some(&eight[2..]), "{time}");
        }
    }

    #[test]
    fn a_code_is_right_one_step_either_side_and_names_its_step() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = |t| code_at(&secret, t).expect("a code");
        let step = now / STEP_SECONDS;
        assert_eq!(check(&secret, &code(now), now), Some(step));
        assert_eq!(check(&secret, &code(now - 30), now), Some(step - 1));
        assert_eq!(check(&secret, &code(now + 30), now), Some(step + 1));
        assert_eq!(check(&secret, &code(now - 90), now), None);
        assert_eq!(check(&secret, "12345", now), None);
        assert_eq!(check(&secret, "abcdef", now), None);
        let spaced = format!("{} {}", &code(now)[..3], &code(now)[3..]);
        assert_eq!(check(&secret, &spaced, now), Some(step));
    }

    #[test]
    fn the_address_names_the_account_and_the_issuer() {
        let secret = new_secret();
        let url = url(&secret, "ada@northbridge.test", "cmas (Northbridge)").expect("url");
        assert!(url.starts_with("otpauth://totp/"), "{url}");
        assert!(url.contains(&base32(&secret)), "{url}");
        assert!(url.contains("ada%40northbridge.test") || url.contains("ada@northbridge.test"));
    }
}
