//! HTTP: health, Prometheus metrics, and the channels' routes.

use std::sync::{Arc, OnceLock};

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::channels::Gateway;
use crate::store::Store;

mod error;
pub mod tls;
pub use error::ApiError;

static PROMETHEUS: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The process-wide Prometheus recorder (installed once).
pub fn prometheus() -> Option<&'static PrometheusHandle> {
    PROMETHEUS
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets(&[
                    0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
                ])
                .ok()?
                // An alert's latency runs from a fraction of a second to its expiry.
                .set_buckets_for_metric(
                    metrics_exporter_prometheus::Matcher::Prefix("smsup_alert_".into()),
                    &[
                        0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0,
                        1800.0,
                    ],
                )
                .ok()?
                .build_recorder();
            let handle = recorder.handle();
            metrics::set_global_recorder(recorder).ok()?;
            Some(handle)
        })
        .as_ref()
}

/// The states an outbox row can be in.
const OUTBOX_STATES: &[&str] = &[
    "queued",
    "sending",
    "sent",
    "delivered",
    "undelivered",
    "failed",
    "cancelled",
    "expired",
];

#[derive(Clone)]
struct WebState {
    store: Arc<dyn Store>,
    gateways: Arc<[Arc<dyn Gateway>]>,
}

/// 200 while the database answers (inbound traffic is taken even when a channel's peer is away),
/// with one line per channel: `channel <name>: up` or `down` (a phone or an SMSC that does not
/// answer; its messages wait).
async fn healthz(State(state): State<WebState>) -> Response {
    let mut body = match state.store.counts().await {
        Ok(_) => "ok\n".to_string(),
        Err(e) => {
            return (StatusCode::SERVICE_UNAVAILABLE, format!("store: {e}\n")).into_response()
        }
    };
    for g in state.gateways.iter() {
        let name = g.phone().unwrap_or(g.name());
        let up = if g.is_up() { "up" } else { "down" };
        body.push_str(&format!("channel {name}: {up}\n"));
    }
    (StatusCode::OK, body).into_response()
}

async fn metrics_page(State(state): State<WebState>) -> Response {
    let Some(handle) = prometheus() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "metrics recorder unavailable\n",
        )
            .into_response();
    };
    match state.store.counts().await {
        Ok(counts) => {
            let mut depth = 0;
            // Every state is set on every scrape: a state with no rows left reads 0, not the
            // count it had when it last had rows.
            for state in OUTBOX_STATES {
                let n = counts
                    .outbox_by_state
                    .iter()
                    .find(|(s, _)| s == state)
                    .map_or(0, |(_, n)| *n);
                metrics::gauge!("smsup_outbox_messages", "state" => *state).set(n as f64);
            }
            for (s, n) in &counts.outbox_by_state {
                if !OUTBOX_STATES.contains(&s.as_str()) {
                    metrics::gauge!("smsup_outbox_messages", "state" => s.clone()).set(*n as f64);
                }
                if s == "queued" || s == "sending" {
                    depth += n;
                }
            }
            metrics::gauge!("smsup_queue_depth").set(depth as f64);
            metrics::gauge!("smsup_inbound_stored").set(counts.inbound as f64);
        }
        Err(e) => tracing::warn!(error = %e, "metrics: counting the outbox failed"),
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        handle.render(),
    )
        .into_response()
}

/// `/healthz` (the database, and each of `gateways` up or down) and `/metrics`.
pub fn routes(store: Arc<dyn Store>, gateways: Vec<Arc<dyn Gateway>>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics_page))
        .with_state(WebState {
            store,
            gateways: gateways.into(),
        })
}
