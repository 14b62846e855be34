//! A use case that answers on the request's own thread when it can do so
//! without waiting, and otherwise says what is left for a thread that may
//! wait. Handing a request to the blocking pool and back costs two thread
//! wake-ups, more than an indexed SQLite read of kept results; the hottest
//! use cases are written to skip it where they can.

use super::error::AppResult;
use super::App;
use std::future::Future;
use std::pin::Pin;

/// The rest of a use case's work, for a thread that may wait.
pub type Rest<T> = Box<dyn FnOnce(&App) -> AppResult<T> + Send>;

/// Its answer, arriving from the thread it was handed to.
pub type Arriving<T> = Pin<Box<dyn Future<Output = AppResult<T>> + Send>>;

/// A use case's answer, now or after work that may wait.
pub enum Soon<T> {
    /// Answered without waiting.
    Now(AppResult<T>),
    /// The rest of the work, for a thread that may wait (the blocking pool).
    Later(Rest<T>),
    /// Handed to a thread of its own (SQLite's writer): the answer arrives
    /// when that is done, and nothing waits for it but this future.
    Queued(Arriving<T>),
}

impl<T> Soon<T> {
    /// The rest of the work, for a thread that may wait.
    pub fn later(rest: impl FnOnce(&App) -> AppResult<T> + Send + 'static) -> Soon<T> {
        Soon::Later(Box::new(rest))
    }
}
