//! The built-in phone simulator: phones post SMS as JSON and read what SMS Up sent them. Its send path
//! "delivers" at once, at an optional simulated carrier speed.

use std::num::NonZeroU32;
use std::sync::Arc;

use async_trait::async_trait;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use serde::Deserialize;

use super::{
    Accepted, Gateway, InboundOutcome, InboundSms, OutboundSms, SendError, Sink, SinkError,
};
use crate::phone::Phone;
use crate::store::Store;

/// The simulator's send side.
pub struct SimGateway {
    limiter: Option<DefaultDirectRateLimiter>,
}

impl SimGateway {
    /// A simulator that accepts `segments_per_second` (0: unlimited).
    pub fn new(segments_per_second: u32) -> SimGateway {
        SimGateway {
            limiter: NonZeroU32::new(segments_per_second)
                .map(|rate| RateLimiter::direct(Quota::per_second(rate))),
        }
    }
}

#[async_trait]
impl Gateway for SimGateway {
    fn name(&self) -> &'static str {
        "sim"
    }

    fn max_in_flight(&self) -> usize {
        if self.limiter.is_some() {
            16
        } else {
            1_000
        }
    }

    async fn send(&self, sms: &OutboundSms) -> Result<Accepted, SendError> {
        if let Some(limiter) = &self.limiter {
            let n = NonZeroU32::new(sms.segments.max(1)).unwrap_or(NonZeroU32::MIN);
            if limiter.until_n_ready(n).await.is_err() {
                return Err(SendError::Permanent {
                    code: None,
                    message: "more segments than the simulated carrier's burst".into(),
                });
            }
        }
        Ok(Accepted {
            provider_ids: Vec::new(),
            delivered: true,
        })
    }
}

/// What the simulator's HTTP routes need.
#[derive(Clone)]
pub struct SimState {
    /// Where inbound messages go.
    pub sink: Arc<dyn Sink>,
    /// Where the outbox is read.
    pub store: Arc<dyn Store>,
    /// Region for numbers without a country code.
    pub region: String,
}

#[derive(Deserialize)]
struct SimInbound {
    from: String,
    text: String,
    /// Optional client id, for idempotent retries.
    id: Option<String>,
}

#[derive(Deserialize)]
struct OutboxQuery {
    to: Option<String>,
}

fn bad_request(message: impl Into<String>) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(serde_json::json!({ "error": message.into() })),
    )
        .into_response()
}

async fn inbound(State(state): State<SimState>, body: Bytes) -> Response {
    let msg: SimInbound = match serde_json::from_slice(&body) {
        Ok(m) => m,
        Err(e) => return bad_request(format!("expected {{\"from\", \"text\"}}: {e}")),
    };
    let phone = match Phone::parse(&msg.from, &state.region) {
        Ok(p) => p,
        Err(e) => return bad_request(format!("from: {e}")),
    };
    let provider_id = msg.id.unwrap_or_else(|| {
        use rand::Rng;
        format!("sim-{:032x}", rand::thread_rng().gen::<u128>())
    });
    let sms = InboundSms {
        gateway: "sim",
        provider_id,
        from: phone.e164().to_string(),
        text: msg.text,
    };
    match state.sink.inbound(sms).await {
        Ok(InboundOutcome::Stored(id)) => {
            (StatusCode::ACCEPTED, Json(serde_json::json!({ "id": id }))).into_response()
        }
        Ok(InboundOutcome::Duplicate) => (
            StatusCode::ACCEPTED,
            Json(serde_json::json!({ "id": null, "duplicate": true })),
        )
            .into_response(),
        Err(SinkError::InvalidNumber) => bad_request("from: not a valid phone number"),
        Err(e) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "error": e.to_string() })),
        )
            .into_response(),
    }
}

async fn outbox(State(state): State<SimState>, Query(q): Query<OutboxQuery>) -> Response {
    let Some(to) = q.to else {
        return bad_request("to: missing");
    };
    let phone = match Phone::parse(&to, &state.region) {
        Ok(p) => p,
        Err(e) => return bad_request(format!("to: {e}")),
    };
    match state.store.outbox_for(&phone).await {
        Ok(rows) => Json(rows).into_response(),
        Err(e) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "error": e.to_string() })),
        )
            .into_response(),
    }
}

async fn page() -> Html<&'static str> {
    Html(include_str!("sim.html"))
}

/// The simulator's routes: `/sim`, `POST /sim/inbound`, `GET /sim/outbox`.
pub fn routes(state: SimState) -> Router {
    Router::new()
        .route("/sim", get(page))
        .route("/sim/inbound", post(inbound))
        .route("/sim/outbox", get(outbox))
        .with_state(state)
}
