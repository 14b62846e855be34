//! Slow request bodies are cut off. A client that sends a request's headers
//! and then trickles its body (a byte every few seconds) would otherwise hold
//! a connection, and one of the process's files, for as long as it likes; a
//! few thousand of them and nobody else gets in. Every body must arrive
//! within a deadline and, after a short grace, at a minimum average rate;
//! one that does not is answered 408 and its connection closed.

use super::problem::ApiError;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::header::{CONTENT_LENGTH, TRANSFER_ENCODING};
use actix_web::middleware::Next;
use actix_web::rt::time::{sleep_until, Instant, Sleep};
use actix_web::web::Bytes;
use actix_web::{HttpMessage, ResponseError};
use futures_util::Stream;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

/// How long a body may take before the minimum rate applies: a client's
/// first round trips and a slow start are not held against it.
const GRACE: Duration = Duration::from_secs(5);

/// How fast a request body must come.
#[derive(Debug, Clone, Copy)]
pub struct BodyPace {
    /// The whole body must have arrived by then.
    pub deadline: Duration,
    /// The deadline of an evidence upload, which may be large and come
    /// over a client site's slow network.
    pub upload_deadline: Duration,
    /// Bytes per second on average, counted from the end of the grace.
    pub min_rate: u64,
}

/// The defaults of `cmas serve`: a minute (a quarter of an hour for an
/// evidence upload), and a kilobyte a second.
impl Default for BodyPace {
    fn default() -> BodyPace {
        BodyPace {
            deadline: Duration::from_secs(60),
            upload_deadline: Duration::from_secs(900),
            min_rate: 1024,
        }
    }
}

/// Whether the request uploads an evidence file (the API's and the page's).
fn uploads_evidence(req: &ServiceRequest) -> bool {
    let path = req.path();
    path.ends_with("/evidence/files") || path.ends_with("/fieldwork/documents")
}

impl BodyPace {
    /// When the byte after the `received` ones is due at the latest.
    fn due(&self, started: Instant, received: u64) -> Instant {
        let rate = self.min_rate.max(1) as f64;
        let allowed =
            GRACE.min(self.deadline) + Duration::from_secs_f64((received + 1) as f64 / rate);
        started + allowed.min(self.deadline)
    }

    fn refusal(&self) -> ApiError {
        ApiError::TooSlow(format!(
            "the request body must arrive within {} s, at {} bytes a second or more after the first {} s",
            self.deadline.as_secs(),
            self.min_rate,
            GRACE.min(self.deadline).as_secs()
        ))
    }
}

/// A body stream that fails once its next byte is overdue.
struct Paced {
    inner: Payload,
    pace: BodyPace,
    started: Instant,
    received: u64,
    timer: Pin<Box<Sleep>>,
    /// Set when the body was cut off, so the middleware answers 408 whatever
    /// the handler made of the failed read.
    overdue: Rc<Cell<bool>>,
}

impl Stream for Paced {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(bytes))) => {
                this.received += bytes.len() as u64;
                let due = this.pace.due(this.started, this.received);
                this.timer.as_mut().reset(due);
                return Poll::Ready(Some(Ok(bytes)));
            }
            Poll::Ready(end_or_error) => return Poll::Ready(end_or_error),
            Poll::Pending => {}
        }
        match this.timer.as_mut().poll(cx) {
            Poll::Ready(()) => {
                this.overdue.set(true);
                Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "the request body came too slowly",
                )))))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Whether the request says a body follows.
fn has_body(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    headers.contains_key(TRANSFER_ENCODING)
        || headers
            .get(CONTENT_LENGTH)
            .is_some_and(|length| length.as_bytes() != b"0")
}

/// Middleware: paces the body of every request that has one (see the module).
pub async fn pace(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let pace = req
        .app_data::<actix_web::web::Data<super::state::AppState>>()
        .map(|state| state.body_pace);
    let (Some(mut pace), true) = (pace, has_body(&req)) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    if uploads_evidence(&req) {
        pace.deadline = pace.upload_deadline;
    }
    let started = Instant::now();
    let overdue = Rc::new(Cell::new(false));
    let paced = Paced {
        inner: req.take_payload(),
        pace,
        started,
        received: 0,
        timer: Box::pin(sleep_until(pace.due(started, 0))),
        overdue: overdue.clone(),
    };
    let stream: Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>> = Box::pin(paced);
    req.set_payload(Payload::from(stream));
    let res = next.call(req).await;
    if overdue.get() {
        tracing::info!("a request body came too slowly; closing its connection");
        let refusal = pace.refusal().error_response();
        return match res {
            Ok(res) => Ok(res.into_response(refusal)),
            Err(_) => {
                Err(actix_web::error::InternalError::from_response("body too slow", refusal).into())
            }
        };
    }
    Ok(res?.map_into_boxed_body())
}
