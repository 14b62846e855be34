//! Report renders take one slot per core: more renders at once than cores
//! only queue for the CPU, and each holds its own working memory (64
//! concurrent scorecard PDFs peaked at 160 MiB when every blocking thread
//! rendered at once). Each render is timed for whoever watches (the
//! server's metrics).

use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Instant;

/// Told how long each render took, by kind (`scorecard_pdf`, …).
pub trait RenderWatcher: Send + Sync {
    /// A render of `kind` took `seconds`, the wait for a slot not counted.
    fn rendered(&self, kind: &'static str, seconds: f64);
}

/// The render slots of an instance, and who is told the times.
#[derive(Default)]
pub struct Renders {
    slots: Slots,
    /// Gathering a report's content takes a slot of its own kind (one per
    /// core too): more at once only queue for the CPU. (64 scorecards at
    /// once took the server from 109 to 157 MiB; taking turns, from 108 to
    /// 150: most of that is per thread and per connection, not gathering.)
    gathering: Slots,
    watcher: OnceLock<Arc<dyn RenderWatcher>>,
}

impl Renders {
    /// Tells `watcher` the time of every render from now on (set once).
    pub fn watch(&self, watcher: Arc<dyn RenderWatcher>) {
        let _ = self.watcher.set(watcher);
    }

    /// Gathers a report's content (`work`) once a gathering slot is free.
    pub fn gather<T>(&self, work: impl FnOnce() -> T) -> T {
        self.gathering.run(work)
    }

    /// Runs the render `work` of `kind` once a slot is free, and times the
    /// rendering itself, not the wait.
    pub fn run<T>(&self, kind: &'static str, work: impl FnOnce() -> T) -> T {
        self.slots.run(|| {
            let started = Instant::now();
            let out = work();
            if let Some(watcher) = self.watcher.get() {
                watcher.rendered(kind, started.elapsed().as_secs_f64());
            }
            out
        })
    }
}

/// A counting semaphore for blocking threads.

#[derive(Debug)]
pub struct Slots {
    free: Mutex<usize>,
    freed: Condvar,
}

impl Default for Slots {
    /// One slot per core.
    fn default() -> Slots {
        Slots::new(std::thread::available_parallelism().map_or(2, usize::from))
    }
}

impl Slots {
    /// A semaphore with `slots` slots, at least one.
    pub fn new(slots: usize) -> Slots {
        Slots {
            free: Mutex::new(slots.max(1)),
            freed: Condvar::new(),
        }
    }

    /// Runs `work` once a slot is free, blocking the thread until then.
    pub fn run<T>(&self, work: impl FnOnce() -> T) -> T {
        let mut free = self.free.lock().unwrap_or_else(|p| p.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|p| p.into_inner());
        }
        *free -= 1;
        drop(free);
        let _taken = Taken(self);
        work()
    }
}

/// Gives the slot back however the work ends, panics included.
struct Taken<'a>(&'a Slots);

impl Drop for Taken<'_> {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.0.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[test]
    fn no_more_than_the_slots_run_at_once_and_all_finish() {
        let slots = Arc::new(Slots::new(2));
        let (running, most, done) = (
            Arc::new(AtomicUsize::new(0)),
            Arc::new(AtomicUsize::new(0)),
            Arc::new(AtomicUsize::new(0)),
        );
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (slots, running, most, done) =
                    (slots.clone(), running.clone(), most.clone(), done.clone());
                std::thread::spawn(move || {
                    slots.run(|| {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        running.fetch_sub(1, Ordering::SeqCst);
                        done.fetch_add(1, Ordering::SeqCst);
                    })
                })
            })
            .collect();
        for t in threads {
            t.join().expect("thread");
        }
        assert_eq!(done.load(Ordering::SeqCst), 8);
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }
}
