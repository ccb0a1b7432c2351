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
use crate::store::Reports;
use crate::web::ApiError;

/// The simulator's channel name.
pub const NAME: &str = "sim";

/// The simulator's send side.
pub struct SimGateway {
    limiter: Option<DefaultDirectRateLimiter>,
    /// Sends take their turn at the simulated carrier in the order they came, as on a real
    /// carrier link (the rate limiter alone lets any waiting send go next).
    turn: tokio::sync::Mutex<()>,
}

impl SimGateway {
    /// A simulator that accepts `segments_per_second` (0: unlimited).
    pub fn new(segments_per_second: u32) -> SimGateway {
        SimGateway {
            limiter: NonZeroU32::new(segments_per_second)
                .map(|rate| RateLimiter::direct(Quota::per_second(rate))),
            turn: tokio::sync::Mutex::new(()),
        }
    }
}

#[async_trait]
impl Gateway for SimGateway {
    fn name(&self) -> &str {
        NAME
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
            let _turn = self.turn.lock().await;
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

/// The simulator as a channel named `sim`: its send side at `segments_per_second` (0: unlimited)
/// and its routes.
pub fn channel(segments_per_second: u32, state: SimState) -> super::Channel {
    super::Channel {
        name: NAME.to_string(),
        kind: NAME,
        gateway: Arc::new(SimGateway::new(segments_per_second)),
        routes: Some(routes(state)),
    }
}

/// What the simulator's HTTP routes need.
#[derive(Clone)]
pub struct SimState {
    /// Where inbound messages go.
    pub sink: Arc<dyn Sink>,
    /// Where the outbox is read (the simulator's phones see what was sent to them).
    pub store: Arc<dyn Reports>,
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

/// True when a `Host` header names this machine by an address, not by a domain name: a web page
/// from a domain that resolves to 127.0.0.1 (DNS rebinding) is refused, an IP literal or
/// `localhost` (with or without a port) is accepted.
pub fn host_allowed(host: &str) -> bool {
    let host = host.trim();
    let name = if let Some(rest) = host.strip_prefix('[') {
        // [::1]:8080
        match rest.split_once(']') {
            Some((ip, port)) if port.is_empty() || port.starts_with(':') => ip,
            _ => return false,
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
            _ => host,
        }
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok()
}

/// The simulator answers only requests addressed to this machine by address (see [`host_allowed`]),
/// so that a web page visited on the same machine cannot read or post through it.
async fn check_host(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let ok = request
        .headers()
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(host_allowed);
    if !ok {
        return ApiError::Forbidden(
            "the simulator answers only requests to an IP address or localhost".into(),
        )
        .into_response();
    }
    next.run(request).await
}

async fn inbound(
    State(state): State<SimState>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    // JSON only: a form or text/plain body is what a cross-site page can send without asking.
    let json = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    if !json {
        return ApiError::UnsupportedMediaType("send the message as application/json".into())
            .into_response();
    }
    let msg: SimInbound = match serde_json::from_slice(&body) {
        Ok(m) => m,
        Err(e) => {
            return ApiError::BadRequest(format!("expected {{\"from\", \"text\"}}: {e}"))
                .into_response()
        }
    };
    let phone = match Phone::parse(&msg.from, &state.region) {
        Ok(p) => p,
        Err(e) => return ApiError::BadRequest(format!("from: {e}")).into_response(),
    };
    // A client's id de-duplicates that phone's retries, never another phone's message.
    let provider_id = match msg.id {
        Some(id) => format!("{}:{id}", phone.e164()),
        None => {
            use rand::Rng;
            format!("sim-{:032x}", rand::thread_rng().gen::<u128>())
        }
    };
    let sms = InboundSms {
        channel: NAME.to_string(),
        provider_id,
        from: phone.e164().to_string(),
        text: msg.text,
        via: None,
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
        Err(SinkError::InvalidNumber) => {
            ApiError::BadRequest("from: not a valid phone number".into()).into_response()
        }
        Err(e) => ApiError::Unavailable(e.to_string()).into_response(),
    }
}

async fn outbox(State(state): State<SimState>, Query(q): Query<OutboxQuery>) -> Response {
    let Some(to) = q.to else {
        return ApiError::BadRequest("to: missing".into()).into_response();
    };
    let phone = match Phone::parse(&to, &state.region) {
        Ok(p) => p,
        Err(e) => return ApiError::BadRequest(format!("to: {e}")).into_response(),
    };
    match state.store.outbox_for(&phone).await {
        Ok(rows) => Json(rows).into_response(),
        Err(e) => ApiError::Unavailable(e.to_string()).into_response(),
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
        .layer(axum::middleware::from_fn(check_host))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::host_allowed;

    #[test]
    fn only_addresses_and_localhost_may_reach_the_simulator() {
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST",
            "[::1]:8080",
            "[::1]",
            "192.168.1.10:8080",
            "127.0.0.1",
        ] {
            assert!(host_allowed(ok), "{ok}");
        }
        for bad in [
            "evil.example:8080",
            "evil.example",
            "127.0.0.1.nip.io:8080",
            "localhost.evil:80",
            "[::1]x",
            "",
        ] {
            assert!(!host_allowed(bad), "{bad}");
        }
    }
}
