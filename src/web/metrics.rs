//! Operations: a request id and one log line per request, and counters for
//! `/metrics` in the OpenMetrics text format (the official
//! `prometheus-client`: lock-free counters, the standard's format):
//! requests and latencies by route, database pool use, and report render
//! times. Each instance keeps its own (Prometheus scrapes every instance and
//! sums), so nothing here is shared between instances.
//!
//! Every label takes a bounded set of values, whatever callers send: the
//! method is one of HTTP's own or `other`, the route is the matched pattern
//! (never the raw path) or `unmatched`, and the status is one the service
//! answers. A flood of made-up methods or paths adds no series.

use super::call::Call;
use super::problem::ApiResult;
use super::state::AppState;
use crate::app::operations::{self, PoolUse};
use crate::app::render_slots::RenderWatcher;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{get, web, HttpResponse};
use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue, LabelValueEncoder};
use prometheus_client::metrics::{
    counter::Counter, family::Family, gauge::Gauge, histogram::Histogram,
};
use prometheus_client::registry::{Registry, Unit};
use std::sync::atomic::Ordering;
use std::time::Instant;
use tracing::Instrument;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

fn latency() -> Histogram {
    Histogram::new(BUCKETS)
}

/// A request's method as a label: HTTP's own, or `other` for anything a
/// client made up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct MethodLabel(&'static str);

impl MethodLabel {
    const OTHER: MethodLabel = MethodLabel("other");

    fn of(method: &Method) -> MethodLabel {
        const KNOWN: [&str; 9] = [
            "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE",
        ];
        MethodLabel(
            KNOWN
                .into_iter()
                .find(|known| *known == method.as_str())
                .unwrap_or(Self::OTHER.0),
        )
    }
}

impl EncodeLabelValue for MethodLabel {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> Result<(), std::fmt::Error> {
        self.0.encode(encoder)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct RequestLabels {
    method: MethodLabel,
    /// The matched route pattern, or `unmatched`.
    route: String,
    status: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct RenderLabels {
    kind: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct CacheLabels {
    cache: &'static str,
}

/// This instance's counters.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Histogram>,
    renders: Family<RenderLabels, Histogram>,
    queries: Counter,
    commits: Counter,
    cache_hits: Family<CacheLabels, Counter>,
    cache_misses: Family<CacheLabels, Counter>,
    cache_bytes: Family<CacheLabels, Gauge>,
    pool_size: Gauge,
    pool_open: Gauge,
    pool_idle: Gauge,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let requests =
            Family::<RequestLabels, Histogram>::new_with_constructor(latency as fn() -> Histogram);
        let renders =
            Family::<RenderLabels, Histogram>::new_with_constructor(latency as fn() -> Histogram);
        let (queries, commits, pool_size, pool_open, pool_idle) = Default::default();
        let (cache_hits, cache_misses, cache_bytes) = Default::default();
        let mut registry = Registry::default();
        registry.register_with_unit(
            "cmas_http_request_duration",
            "Time to answer a request, by method, route pattern and status",
            Unit::Seconds,
            requests.clone(),
        );
        registry.register_with_unit(
            "cmas_render_duration",
            "Time to render a report, by kind",
            Unit::Seconds,
            renders.clone(),
        );
        registry.register(
            "cmas_db_queries",
            "Queries run by this instance",
            Counter::clone(&queries),
        );
        registry.register(
            "cmas_db_commits",
            "Write transactions committed by this instance (a group commit of many saves counts once)",
            Counter::clone(&commits),
        );
        registry.register(
            "cmas_cache_hits",
            "Answers served from a cache of this instance (results, documents, credentials)",
            Family::clone(&cache_hits),
        );
        registry.register(
            "cmas_cache_misses",
            "Answers a cache of this instance did not hold and had to make",
            Family::clone(&cache_misses),
        );
        registry.register_with_unit(
            "cmas_cache",
            "Bytes a cache of this instance holds now (results, documents)",
            Unit::Bytes,
            Family::clone(&cache_bytes),
        );
        registry.register(
            "cmas_db_pool_max_connections",
            "Connections the pool may open",
            Gauge::clone(&pool_size),
        );
        registry.register(
            "cmas_db_pool_connections",
            "Connections open now",
            Gauge::clone(&pool_open),
        );
        registry.register(
            "cmas_db_pool_idle_connections",
            "Open connections not in use",
            Gauge::clone(&pool_idle),
        );
        Metrics {
            registry,
            requests,
            renders,
            queries,
            commits,
            cache_hits,
            cache_misses,
            cache_bytes,
            pool_size,
            pool_open,
            pool_idle,
        }
    }
}

impl RenderWatcher for Metrics {
    fn rendered(&self, kind: &'static str, seconds: f64) {
        self.renders
            .get_or_create(&RenderLabels { kind })
            .observe(seconds);
    }
}

impl Metrics {
    fn observe_request(&self, method: &Method, route: String, status: u16, seconds: f64) {
        let method = MethodLabel::of(method);
        // A made-up method matches no route, whatever its path.
        let route = if method == MethodLabel::OTHER {
            "unmatched".to_owned()
        } else {
            route
        };
        let labels = RequestLabels {
            method,
            route,
            status,
        };
        self.requests.get_or_create(&labels).observe(seconds);
    }

    /// The OpenMetrics text of everything counted so far, with the pool's
    /// use, the queries and commits run and the caches' use as they are now.
    fn exposition(&self, usage: &PoolUse) -> String {
        self.pool_size.set(usage.size.into());
        self.pool_open.set(usage.open.into());
        self.pool_idle.set(usage.idle.into());
        // The pool counts; a counter only rises, so it takes the larger of
        // the two whichever scrape comes first.
        let rise_to = |counter: &Counter, value: u64| {
            counter.inner().fetch_max(value, Ordering::Relaxed);
        };
        rise_to(&self.queries, usage.queries);
        rise_to(&self.commits, usage.commits);
        for (cache, kept) in usage.caches {
            let labels = CacheLabels { cache };
            rise_to(&self.cache_hits.get_or_create(&labels), kept.hits);
            rise_to(&self.cache_misses.get_or_create(&labels), kept.misses);
            if cache != "credentials" {
                let bytes = i64::try_from(kept.bytes).unwrap_or(i64::MAX);
                self.cache_bytes.get_or_create(&labels).set(bytes);
            }
        }
        let mut out = String::new();
        if let Err(e) = prometheus_client::encoding::text::encode(&mut out, &self.registry) {
            tracing::error!(error = %e, "the metrics could not be written");
        }
        out
    }
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
    let method = req.method().clone();
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
        metrics.observe_request(&method, route, status, seconds);
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

/// This instance's metrics in the OpenMetrics text format (admins; a
/// scraper uses an admin's API token).
#[utoipa::path(tag = "operations",
    responses((status = 200, content_type = "application/openmetrics-text", body = String), (status = 401, body = crate::web::problem::Problem), (status = 403, body = crate::web::problem::Problem)))]
#[get("/metrics")]
pub async fn prometheus(call: Call) -> ApiResult<HttpResponse> {
    let state = call.state.clone();
    let usage = call.run(operations::pool_use).await?;
    let text = state.metrics.exposition(&usage);
    Ok(HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exposition_after(requests: &[(&str, &str, u16, f64)]) -> String {
        let metrics = Metrics::default();
        for (method, route, status, seconds) in requests {
            let method = Method::from_bytes(method.as_bytes()).expect("a method");
            metrics.observe_request(&method, (*route).to_owned(), *status, *seconds);
        }
        metrics.rendered("scorecard_pdf", 0.02);
        let kept = crate::app::kept::CacheUse {
            hits: 5,
            misses: 2,
            bytes: 4096,
        };
        metrics.exposition(&PoolUse {
            size: 8,
            open: 3,
            idle: 2,
            queries: 41,
            commits: 17,
            caches: [
                ("results", kept),
                ("documents", kept),
                ("credentials", kept),
            ],
        })
    }

    #[test]
    fn histograms_are_cumulative_and_counts_match() {
        let text = exposition_after(&[
            ("GET", "/api/v1/clients", 200, 0.003),
            ("GET", "/api/v1/clients", 200, 0.2),
            ("GET", "/api/v1/clients", 200, 9.0),
        ]);
        let labels = "method=\"GET\",route=\"/api/v1/clients\",status=\"200\"";
        for (bound, count) in [("0.005", 1), ("0.25", 2), ("+Inf", 3)] {
            let line = format!(
                "cmas_http_request_duration_seconds_bucket{{le=\"{bound}\",{labels}}} {count}\n"
            );
            assert!(text.contains(&line), "{line} in {text}");
        }
        assert!(
            text.contains(&format!(
                "cmas_http_request_duration_seconds_count{{{labels}}} 3\n"
            )),
            "{text}"
        );
        assert!(
            text.contains("cmas_render_duration_seconds_count{kind=\"scorecard_pdf\"} 1\n"),
            "{text}"
        );
        assert!(
            text.contains("cmas_db_pool_connections 3\n")
                && text.contains("cmas_db_pool_idle_connections 2\n"),
            "{text}"
        );
        assert!(text.contains("cmas_db_queries_total 41\n"), "{text}");
        assert!(text.contains("cmas_db_commits_total 17\n"), "{text}");
        assert!(
            text.contains("cmas_cache_hits_total{cache=\"documents\"} 5\n")
                && text.contains("cmas_cache_misses_total{cache=\"results\"} 2\n")
                && text.contains("cmas_cache_bytes{cache=\"results\"} 4096\n")
                && !text.contains("cmas_cache_bytes{cache=\"credentials\"}"),
            "{text}"
        );
        assert!(text.ends_with("# EOF\n"), "{text}");
    }

    #[test]
    fn made_up_methods_share_one_label() {
        let text = exposition_after(&[
            ("FROB", "unmatched", 404, 0.001),
            ("X-1234", "unmatched", 404, 0.001),
            ("GET", "unmatched", 404, 0.001),
        ]);
        let series: Vec<_> = text
            .lines()
            .filter(|l| l.starts_with("cmas_http_request_duration_seconds_count{"))
            .collect();
        assert_eq!(series.len(), 2, "{series:?}");
        assert!(
            text.contains("cmas_http_request_duration_seconds_count{method=\"other\",route=\"unmatched\",status=\"404\"} 2\n"),
            "{text}"
        );
    }
}
