//! Bytes an instance keeps by a key that names exactly what they hold
//! (consolidated results by assessment version, rendered documents by a
//! digest of their content), so that a key can never point at stale bytes
//! and nothing has to be told when data changes. Bounded in bytes; the
//! least useful entries go first. Hits and misses are counted for the
//! metrics.

use super::error::AppResult;
use std::hash::Hash;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Kept bytes weigh their length (and at least one).
#[derive(Clone)]
struct ByLength;

impl<K> quick_cache::Weighter<K, Arc<[u8]>> for ByLength {
    fn weight(&self, _: &K, bytes: &Arc<[u8]>) -> u64 {
        u64::try_from(bytes.len()).unwrap_or(u64::MAX).max(1)
    }
}

/// A cache of bytes of at most a given size.
pub struct KeptBytes<K> {
    cache: quick_cache::sync::Cache<K, Arc<[u8]>, ByLength>,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// How a cache has served so far, for the metrics.
#[derive(Debug, Clone, Copy, Default)]
pub struct CacheUse {
    /// Answers served from the cache.
    pub hits: u64,
    /// Answers that had to be made.
    pub misses: u64,
    /// Bytes held now.
    pub bytes: u64,
}

impl<K: Eq + Hash + Clone> KeptBytes<K> {
    /// A cache holding at most `max_bytes` (none when 0).
    pub fn new(max_bytes: u64) -> KeptBytes<K> {
        // quick_cache wants a guess at the number of entries: ~32 KiB each.
        let entries = usize::try_from(max_bytes / 32_768).unwrap_or(1).max(1);
        KeptBytes {
            cache: quick_cache::sync::Cache::with_weighter(entries, max_bytes, ByLength),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// The bytes kept under `key`, if any (counted as a hit; a miss is
    /// counted by the `get_or_make` that follows it).
    pub fn get(&self, key: &K) -> Option<Arc<[u8]>> {
        let bytes = self.cache.get(key)?;
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some(bytes)
    }

    /// The bytes kept under `key`, or `make`'s, kept from now on.
    pub fn get_or_make(
        &self,
        key: K,
        make: impl FnOnce() -> AppResult<Vec<u8>>,
    ) -> AppResult<Arc<[u8]>> {
        if let Some(bytes) = self.get(&key) {
            return Ok(bytes);
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let bytes: Arc<[u8]> = make()?.into();
        self.cache.insert(key, bytes.clone());
        Ok(bytes)
    }

    /// Hits, misses and bytes held so far.
    pub fn usage(&self) -> CacheUse {
        CacheUse {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            bytes: self.cache.weight(),
        }
    }
}

/// A value kept as its JSON: `T` names what the bytes hold.
pub struct KeptJson<T> {
    /// The JSON, shared with the cache.
    pub bytes: Arc<[u8]>,
    holds: PhantomData<fn() -> T>,
}

impl<T> KeptJson<T> {
    /// Kept bytes that hold a `T` as JSON.
    pub fn new(bytes: Arc<[u8]>) -> KeptJson<T> {
        KeptJson {
            bytes,
            holds: PhantomData,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::KeptBytes;

    #[test]
    fn a_key_is_made_once_and_the_bound_holds() {
        let kept = KeptBytes::<u32>::new(10_000);
        let mut made = 0;
        for _ in 0..3 {
            let bytes = kept
                .get_or_make(1, || {
                    made += 1;
                    Ok(vec![7; 100])
                })
                .expect("made");
            assert_eq!(bytes.len(), 100);
        }
        assert_eq!(made, 1);
        for key in 2..200 {
            kept.get_or_make(key, || Ok(vec![0; 1_000])).expect("made");
        }
        let usage = kept.usage();
        assert!(usage.bytes <= 10_000, "{usage:?}");
        assert_eq!((usage.hits, usage.misses), (2, 199));
    }
}
