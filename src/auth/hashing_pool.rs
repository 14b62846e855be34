//! The threads argon2 runs on: half the cores unless the server's settings
//! say otherwise, so that a flood of logins leaves the other half to every
//! other request, and holds 19 MiB per thread rather than per core. More
//! threads than cores are no faster, and spreading them over the many
//! threads of the blocking pool left each thread's allocator holding its
//! 19 MiB (64 logins at once grew the server to 3.7 GiB).
//!
//! Each thread keeps its argon2 memory from one computation to the next
//! while checks are waiting, and gives it back once there are fewer jobs
//! than threads: an idle server holds none of it (19 MiB a thread).
//! Allocating it for every computation instead let the allocator hold
//! freed blocks that large: 64 logins at once took the server from 104 to
//! 201-220 MiB (jemalloc; 264 MiB with glibc), against 106-108 kept.
//!
//! Password checks (logins) wait in a bounded line: when it is full the
//! check is refused at once ([`Busy`], a 503 with `Retry-After`) instead of
//! holding one of the blocking pool's threads, which every other request
//! needs, for as long as the line is long. Making a hash (an admin's
//! action, an accepted invitation) always waits its turn.

use argon2::Block;
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock};

type Job = Box<dyn FnOnce() + Send>;

thread_local! {
    /// A hashing thread's argon2 memory, kept between computations while
    /// others wait (see the module's doc).
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Runs `work` in `blocks` of argon2 memory: the hashing thread's kept
/// memory, grown to `blocks` when it is smaller.
pub fn with_memory<T>(blocks: usize, work: impl FnOnce(&mut [Block]) -> T) -> T {
    MEMORY.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept.len() < blocks {
            kept.resize(blocks, Block::new());
        }
        let memory = kept.get_mut(..blocks).unwrap_or_default();
        work(memory)
    })
}

/// Password checks that may wait per hashing thread, besides the running
/// one, unless the server's settings say otherwise (`CMAS_LOGINS_WAITING`).
pub const WAITING_PER_THREAD: usize = 16;

/// The server's settings for the pool, given before the first password is
/// checked: threads (none: half the cores) and checks waiting per thread.
static SETTINGS: OnceLock<(Option<usize>, usize)> = OnceLock::new();

/// Sets how many hashing threads run and how many password checks may wait
/// per thread; only the first call counts (the server's start), and only
/// before the pool starts.
pub fn configure(threads: Option<usize>, waiting_per_thread: usize) {
    let _ = SETTINGS.set((threads, waiting_per_thread));
}

/// Every hashing thread is busy and the line of checks is full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", Busy::DETAIL)]
pub struct Busy;

impl Busy {
    /// What the refusal says.
    pub const DETAIL: &str =
        "the server is checking too many passwords at once; try again in a second";
}

/// Whether a job may be refused when the line is full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Refused with [`Busy`] when full (password checks).
    Bounded,
    /// Always waits (making hashes).
    Waits,
}

/// A few threads and the line in front of them.
pub struct Pool {
    queue: Option<mpsc::Sender<Job>>,
    /// Jobs sent and not yet finished, bounded or not.
    in_flight: Arc<AtomicUsize>,
    /// The most jobs in flight a bounded one may join.
    limit: usize,
    /// Threads running.
    threads: usize,
}

impl Pool {
    /// `threads` threads; a bounded job is refused once `limit` are in flight.
    pub fn start(threads: usize, limit: usize) -> Pool {
        let (send, receive) = mpsc::channel::<Job>();
        let receive = Arc::new(Mutex::new(receive));
        let mut started = 0;
        for i in 0..threads {
            let receive = receive.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || loop {
                    let job = receive.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    match job {
                        Ok(job) => job(),
                        Err(_) => break,
                    }
                });
            started += usize::from(spawned.is_ok());
        }
        Pool {
            // Without threads (none could start), the work runs where it is asked for.
            queue: (started > 0).then_some(send),
            in_flight: Arc::default(),
            threads: started,
            limit,
        }
    }

    /// Runs `work` on a hashing thread and waits for it.
    pub fn run<T: Send + 'static>(
        &self,
        line: Line,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let Some(queue) = &self.queue else {
            return Ok(work());
        };
        let before = self.in_flight.fetch_add(1, Ordering::SeqCst);
        if line == Line::Bounded && before >= self.limit {
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
            return Err(Busy);
        }
        let (in_flight, threads) = (self.in_flight.clone(), self.threads);
        let (reply, answer) = mpsc::sync_channel(1);
        let sent = queue.send(Box::new(move || {
            let result = work();
            // The place in the line is free before the answer is given, and
            // when no job is left for this thread its memory is given back.
            if in_flight.fetch_sub(1, Ordering::SeqCst) <= threads {
                MEMORY.take();
            }
            let _ = reply.send(result);
        }));
        if sent.is_err() {
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
            return Err(Busy);
        }
        answer.recv().map_err(|_| Busy)
    }
}

/// The process's pool, as configured.
pub fn shared() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let (threads, waiting) = SETTINGS
            .get()
            .copied()
            .unwrap_or((None, WAITING_PER_THREAD));
        let threads = threads.unwrap_or_else(half_the_cores).max(1);
        Pool::start(threads, threads * (1 + waiting))
    })
}

/// Half the cores, at least one.
fn half_the_cores() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get() / 2)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bounded_job_is_refused_at_once_when_the_line_is_full_and_a_waiting_one_is_not() {
        let pool = Arc::new(Pool::start(1, 2));
        let (release, hold) = mpsc::channel::<()>();
        let (started, running) = mpsc::channel::<()>();
        let spawn = |line: Line, work: Box<dyn FnOnce() -> i32 + Send>| {
            let pool = pool.clone();
            std::thread::spawn(move || pool.run(line, work))
        };
        // One job runs (held until released), one waits: the line is full.
        let first = spawn(
            Line::Bounded,
            Box::new(move || {
                let _ = started.send(());
                let _ = hold.recv();
                1
            }),
        );
        running.recv().expect("the first job runs");
        let second = spawn(Line::Bounded, Box::new(|| 2));
        while pool.in_flight.load(Ordering::SeqCst) < 2 {
            std::thread::yield_now();
        }
        assert_eq!(pool.run(Line::Bounded, || 3), Err(Busy));
        let waits = spawn(Line::Waits, Box::new(|| 4));
        release.send(()).expect("released");
        assert_eq!(first.join().ok(), Some(Ok(1)));
        assert_eq!(second.join().ok(), Some(Ok(2)));
        assert_eq!(waits.join().ok(), Some(Ok(4)));
        assert_eq!(pool.in_flight.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_thread_keeps_its_memory_while_jobs_wait_and_gives_it_back_when_idle() {
        let pool = Arc::new(Pool::start(1, 8));
        let kept = || MEMORY.with(|m| m.borrow().len());
        assert_eq!(pool.run(Line::Waits, || with_memory(4, |m| m.len())), Ok(4));
        assert_eq!(pool.run(Line::Waits, kept), Ok(0), "idle: given back");

        let (release, hold) = mpsc::channel::<()>();
        let (started, running) = mpsc::channel::<()>();
        let first = {
            let pool = pool.clone();
            std::thread::spawn(move || {
                pool.run(Line::Waits, move || {
                    with_memory(4, |_| ());
                    let _ = started.send(());
                    let _ = hold.recv();
                })
            })
        };
        running.recv().expect("the first job runs");
        let second = {
            let pool = pool.clone();
            std::thread::spawn(move || pool.run(Line::Waits, kept))
        };
        while pool.in_flight.load(Ordering::SeqCst) < 2 {
            std::thread::yield_now();
        }
        release.send(()).expect("released");
        assert_eq!(first.join().ok(), Some(Ok(())));
        assert_eq!(
            second.join().ok(),
            Some(Ok(4)),
            "kept for the job that waited"
        );
    }
}
