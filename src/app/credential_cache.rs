//! A short memory of credentials already checked, per instance, so that a
//! request with a known token or session cookie costs no query.
//!
//! Revocation is bounded, not instant, across instances: an entry is
//! trusted for at most [`CredentialCache::ttl`] (2 s by default,
//! `CMAS_CREDENTIALS_KEPT_MS`) after it was read. On the instance where a
//! change is made it is instant: every write transaction through
//! [`App::write`](super::App::write) forgets everything kept (logging out,
//! revoking a token, switching off a person or an organisation are all such
//! writes; saving a score goes through the group commit and does not). A
//! read that raced a write is not kept (the epoch moved on).

use super::kept::CacheUse;
use super::sessions::Identity;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Which kind of credential a digest belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An API token.
    Token,
    /// A browser session's cookie.
    Session,
}

/// A credential as checked: who it proved, and its row for the last-used
/// time.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Who the credential proved.
    pub identity: Identity,
    /// The token's or session's id.
    pub row: i32,
    /// When it was last noted as used.
    pub last_used: Option<chrono::NaiveDateTime>,
}

#[derive(Clone)]
struct Entry {
    checked: Checked,
    at: Instant,
}

/// The credentials an instance remembers.
pub struct CredentialCache {
    entries: quick_cache::sync::Cache<(Kind, String), Entry>,
    /// Bumped by every forgetting; a read that began before it is not kept.
    epoch: Mutex<u64>,
    ttl: Duration,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// The most credentials remembered at once.
const MOST: usize = 10_000;

impl CredentialCache {
    /// Remembers credentials for `ttl` (none when zero).
    pub fn new(ttl: Duration) -> CredentialCache {
        CredentialCache {
            entries: quick_cache::sync::Cache::new(MOST),
            epoch: Mutex::new(0),
            ttl,
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// How long an entry is trusted: the bound on a revocation made at
    /// another instance.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// The credential checked within the last `ttl`, if any; otherwise
    /// the epoch to pass to [`CredentialCache::keep`].
    pub fn recall(&self, kind: Kind, digest: &str) -> Result<Checked, u64> {
        if let Some(checked) = self.remembered(kind, digest) {
            return Ok(checked);
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        Err(*self.lock())
    }

    /// The credential, if it is remembered and younger than the bound
    /// (counted as a hit; a miss is counted by the `recall` that follows).
    pub fn remembered(&self, kind: Kind, digest: &str) -> Option<Checked> {
        if self.ttl.is_zero() {
            return None;
        }
        let entry = self.entries.get(&(kind, digest.to_owned()))?;
        if entry.at.elapsed() >= self.ttl {
            return None;
        }
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some(entry.checked)
    }

    /// Remembers a credential read since `epoch`, unless something was
    /// forgotten meanwhile.
    pub fn keep(&self, kind: Kind, digest: String, checked: Checked, epoch: u64) {
        if self.ttl.is_zero() {
            return;
        }
        let current = self.lock();
        if *current == epoch {
            let at = Instant::now();
            self.entries.insert((kind, digest), Entry { checked, at });
        }
    }

    /// Forgets everything: something that may change a credential was
    /// written.
    pub fn forget_all(&self) {
        let mut epoch = self.lock();
        *epoch += 1;
        self.entries.clear();
    }

    /// Hits and misses so far (entries, not bytes, are bounded here).
    pub fn usage(&self) -> CacheUse {
        CacheUse {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            bytes: 0,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, u64> {
        self.epoch.lock().unwrap_or_else(|p| p.into_inner())
    }
}
