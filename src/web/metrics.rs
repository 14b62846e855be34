//! Operations: a request id and one log line per request, and counters for
//! `/metrics` in the Prometheus text format: requests and latencies by route,
//! database pool use, and report render times. Each instance keeps its own
//! (Prometheus scrapes every instance and sums), so nothing here is shared
//! between instances.

use super::call::Call;
use super::problem::ApiResult;
use super::state::AppState;
use crate::app::operations;
use crate::app::render_slots::RenderWatcher;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{get, web, HttpResponse};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Instant;
use tracing::Instrument;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

#[derive(Debug, Default, Clone)]
struct Histogram {
    count: u64,
    sum: f64,
    /// Observations at or under each bound of [`BUCKETS`] (cumulative when written out).
    buckets: [u64; BUCKETS.len()],
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        self.count += 1;
        self.sum += seconds;
        if let Some(i) = BUCKETS.iter().position(|b| seconds <= *b) {
            if let Some(bucket) = self.buckets.get_mut(i) {
                *bucket += 1;
            }
        }
    }

    fn write(&self, out: &mut String, name: &str, labels: &str) {
        let mut cumulative = 0;
        for (bound, n) in BUCKETS.iter().zip(self.buckets) {
            cumulative += n;
            let _ = writeln!(out, "{name}_bucket{{{labels},le=\"{bound}\"}} {cumulative}");
        }
        let _ = writeln!(out, "{name}_bucket{{{labels},le=\"+Inf\"}} {}", self.count);
        let _ = writeln!(out, "{name}_sum{{{labels}}} {}", self.sum);
        let _ = writeln!(out, "{name}_count{{{labels}}} {}", self.count);
    }
}

/// This instance's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    /// By method, route pattern and status.
    requests: Mutex<BTreeMap<(String, String, u16), Histogram>>,
    /// By kind of report.
    renders: Mutex<BTreeMap<&'static str, Histogram>>,
}

impl RenderWatcher for Metrics {
    fn rendered(&self, kind: &'static str, seconds: f64) {
        let mut renders = self.renders.lock().unwrap_or_else(|p| p.into_inner());
        renders.entry(kind).or_default().observe(seconds);
    }
}

impl Metrics {
    fn observe_request(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut requests = self.requests.lock().unwrap_or_else(|p| p.into_inner());
        requests
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default()
            .observe(seconds);
    }

    /// The Prometheus text exposition of everything counted so far.
    fn exposition(&self, pool: (u32, u32, u32), queries: u64) -> String {
        let mut out = String::new();
        out.push_str("# HELP cmas_http_request_duration_seconds Time to answer a request, by route pattern and status.\n");
        out.push_str("# TYPE cmas_http_request_duration_seconds histogram\n");
        let requests = self
            .requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for ((method, route, status), h) in &requests {
            let labels = format!(
                "method=\"{method}\",route=\"{}\",status=\"{status}\"",
                escape(route)
            );
            h.write(&mut out, "cmas_http_request_duration_seconds", &labels);
        }
        out.push_str(
            "# HELP cmas_http_requests_total Requests answered, by route pattern and status.\n",
        );
        out.push_str("# TYPE cmas_http_requests_total counter\n");
        for ((method, route, status), h) in &requests {
            let _ = writeln!(out, "cmas_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {}", escape(route), h.count);
        }
        out.push_str("# HELP cmas_render_duration_seconds Time to render a report, by kind.\n");
        out.push_str("# TYPE cmas_render_duration_seconds histogram\n");
        let renders = self
            .renders
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for (kind, h) in &renders {
            h.write(
                &mut out,
                "cmas_render_duration_seconds",
                &format!("kind=\"{kind}\""),
            );
        }
        let _ = writeln!(out, "# HELP cmas_db_queries_total Queries run by this instance.\n# TYPE cmas_db_queries_total counter\ncmas_db_queries_total {queries}");
        let (size, open, idle) = pool;
        for (name, help, value) in [
            (
                "cmas_db_pool_max_connections",
                "Connections the pool may open.",
                size,
            ),
            ("cmas_db_pool_connections", "Connections open now.", open),
            (
                "cmas_db_pool_idle_connections",
                "Open connections not in use.",
                idle,
            ),
        ] {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        out
    }
}

fn escape(label: &str) -> String {
    label.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A request id from the load balancer, if it is a sane one.
fn incoming_id(req: &ServiceRequest) -> Option<String> {
    let id = req.headers().get("x-request-id")?.to_str().ok()?;
    let sane = (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    sane.then(|| id.to_owned())
}

fn new_id() -> String {
    use rand::Rng;
    format!("{:016x}", rand::thread_rng().gen::<u64>())
}

/// Middleware: gives each request an id (kept from `X-Request-Id` when sane,
/// echoed in the response), runs it inside a span carrying that id, logs one
/// line when it is answered, and counts it under its route pattern (never the
/// raw path, so ids in paths do not multiply the series).
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let id = incoming_id(&req).unwrap_or_else(new_id);
    let method = req.method().to_string();
    let metrics = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.metrics.clone());
    let span = tracing::info_span!("request", request_id = %id, method = %method);
    let started = Instant::now();
    let mut res = next.call(req).instrument(span.clone()).await?;
    let seconds = started.elapsed().as_secs_f64();
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let status = res.status().as_u16();
    if route != "/healthz" {
        span.in_scope(|| tracing::info!(route = %route, status, ms = seconds * 1000.0, "answered"));
    }
    if let Some(metrics) = metrics {
        metrics.observe_request(&method, &route, status, seconds);
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

/// This instance's metrics in the Prometheus text format (admins; a
/// scraper uses an admin's API token).
#[utoipa::path(tag = "operations",
    responses((status = 200, content_type = "text/plain", body = String), (status = 401, body = crate::web::problem::Problem), (status = 403, body = crate::web::problem::Problem)))]
#[get("/metrics")]
pub async fn prometheus(call: Call) -> ApiResult<HttpResponse> {
    let state = call.state.clone();
    let pool = call.run(operations::pool_use).await?;
    let text = state
        .metrics
        .exposition((pool.size, pool.open, pool.idle), pool.queries);
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_are_cumulative_and_counts_match() {
        let metrics = Metrics::default();
        metrics.observe_request("GET", "/api/v1/clients", 200, 0.003);
        metrics.observe_request("GET", "/api/v1/clients", 200, 0.2);
        metrics.observe_request("GET", "/api/v1/clients", 200, 9.0);
        metrics.rendered("scorecard_pdf", 0.02);
        let text = metrics.exposition((8, 3, 2), 41);
        let labels = "method=\"GET\",route=\"/api/v1/clients\",status=\"200\"";
        assert!(
            text.contains(&format!(
                "cmas_http_request_duration_seconds_bucket{{{labels},le=\"0.005\"}} 1"
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "cmas_http_request_duration_seconds_bucket{{{labels},le=\"0.25\"}} 2"
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "cmas_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} 3"
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!("cmas_http_requests_total{{{labels}}} 3")),
            "{text}"
        );
        assert!(
            text.contains("cmas_render_duration_seconds_count{kind=\"scorecard_pdf\"} 1"),
            "{text}"
        );
        assert!(
            text.contains("cmas_db_pool_connections 3\n")
                && text.contains("cmas_db_pool_idle_connections 2\n"),
            "{text}"
        );
        assert!(text.contains("cmas_db_queries_total 41\n"), "{text}");
    }
}
