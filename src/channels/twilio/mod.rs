//! The Twilio gateway: the send path (Messages API through `smsup_twilio`, sticky senders, rate
//! limits per number) and the signed webhooks `POST /twilio/sms` (inbound) and
//! `POST /twilio/status` (status callbacks).
//!
//! Signatures are checked over `public_url` + the request's path and query exactly as received,
//! and every posted field, before anything is stored; a missing or wrong signature gets 403.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use smsup_twilio::sender::SegmentRateLimiter;
use smsup_twilio::{
    mask_phone, parse_form, ConfigError, InboundMessage, MessageStatus, OptKeyword,
    RawTwilioConfig, Sender, SenderConfig, SenderPool, SignatureError, StatusCallback,
    TwilioClient, TwilioConfig, TwilioError, WebhookValidator, EMPTY_TWIML, SIGNATURE_HEADER,
    SIGNATURE_SETTINGS_HEADER, TWIML_CONTENT_TYPE,
};

use super::{
    Accepted, DeliveryState, Gateway, InboundOutcome, InboundSms, OutboundSms, SendError, Sink,
    SinkError, StatusUpdate,
};

/// The name of the one channel a single `[twilio]` table configures.
pub const NAME: &str = "twilio";
/// Path of the inbound messaging webhook of the single `[twilio]` channel.
pub const SMS_PATH: &str = "/twilio/sms";
/// Path of the status callback webhook of the single `[twilio]` channel.
pub const STATUS_PATH: &str = "/twilio/status";

/// The webhook paths of a Twilio channel: `/twilio/sms` and `/twilio/status` for the channel named
/// `twilio` (a single `[twilio]` table), `/twilio/<name>/sms` and `/twilio/<name>/status` for each of
/// several (`[[twilio]]`).
pub fn paths(channel: &str) -> (String, String) {
    if channel == NAME {
        (SMS_PATH.to_string(), STATUS_PATH.to_string())
    } else {
        (
            format!("/twilio/{channel}/sms"),
            format!("/twilio/{channel}/status"),
        )
    }
}
/// How long a sender is held back after Twilio reports its queue full (30001/21611) without a
/// `Retry-After`.
pub const SLOW_DOWN_PAUSE: Duration = Duration::from_secs(30);

/// Reads the `[twilio]` table, overlays `SMSUP_TWILIO_*` from `env` and validates it. Errors name
/// the field (`twilio.account_sid is missing …`).
pub fn config_from_table(
    table: &toml::Table,
    env: impl Fn(&str) -> Option<String>,
) -> Result<TwilioConfig, ConfigError> {
    let raw: RawTwilioConfig =
        toml::Value::Table(table.clone())
            .try_into()
            .map_err(|e: toml::de::Error| ConfigError::Invalid {
                field: "twilio",
                reason: e.message().to_string(),
            })?;
    TwilioConfig::from_raw_with_env(raw, env)
}

/// The Twilio kind of channel, for [`super::KINDS`].
pub const KIND: super::Kind = super::Kind {
    name: NAME,
    text_fields: &[
        "account_sid",
        "auth_token",
        "public_url",
        "messaging_service_sid",
    ],
    configure: |table, env| super::checked(config_from_table(table, env)),
};

#[async_trait::async_trait]
impl super::Configured for TwilioConfig {
    async fn check(&self) -> Result<String, String> {
        let client = smsup_twilio::TwilioClient::new(self).map_err(|e| e.to_string())?;
        client.check_account().await
    }

    fn start(&self, name: &str, sink: Arc<dyn Sink>) -> Result<super::Started, String> {
        let gateway = TwilioGateway::named(name, self.clone()).map_err(|e| e.to_string())?;
        Ok(super::Started {
            gateway: Arc::new(gateway),
            routes: Some(routes(TwilioState::named(name, self, sink))),
        })
    }

    super::as_any!();
}

/// The status callback URL for an outbox row of the channel named `twilio`:
/// `{public_url}/twilio/status?row=<id>`.
pub fn status_callback_url(config: &TwilioConfig, row: i64) -> String {
    channel_status_callback_url(config, NAME, row)
}

/// The status callback URL for an outbox row of a channel: `{public_url}{status path}?row=<id>`.
pub fn channel_status_callback_url(config: &TwilioConfig, channel: &str, row: i64) -> String {
    config.public_url_for(&format!("{}?row={row}", paths(channel).1))
}

enum Senders {
    Numbers(SenderPool),
    Service {
        sid: String,
        limiter: SegmentRateLimiter,
    },
}

/// The Twilio send side.
pub struct TwilioGateway {
    name: String,
    client: TwilioClient,
    senders: Senders,
    config: TwilioConfig,
}

impl TwilioGateway {
    /// The gateway of the channel named `twilio` (a single `[twilio]` table).
    pub fn new(config: TwilioConfig) -> Result<TwilioGateway, smsup_twilio::client::BuildError> {
        TwilioGateway::named(NAME, config)
    }

    /// The gateway of the channel `name`.
    pub fn named(
        name: &str,
        config: TwilioConfig,
    ) -> Result<TwilioGateway, smsup_twilio::client::BuildError> {
        let client = TwilioClient::new(&config)?;
        let senders = match &config.sender {
            SenderConfig::Numbers(numbers) => {
                Senders::Numbers(SenderPool::new(numbers.clone(), config.segments_per_second))
            }
            SenderConfig::MessagingService(sid) => Senders::Service {
                sid: sid.clone(),
                limiter: SegmentRateLimiter::new(config.segments_per_second),
            },
        };
        Ok(TwilioGateway {
            name: name.to_string(),
            client,
            senders,
            config,
        })
    }
}

fn code_string(code: Option<u32>) -> Option<String> {
    code.map(|c| c.to_string())
}

/// Maps a classified Twilio error onto the dispatcher's error.
pub fn send_error(e: TwilioError) -> SendError {
    match e {
        TwilioError::OptedOut { code, message } => SendError::OptedOut {
            code: code_string(Some(code)),
            message,
        },
        TwilioError::Undeliverable { code, message } => SendError::Undeliverable {
            code: code_string(Some(code)),
            message,
        },
        TwilioError::Retryable {
            code,
            message,
            retry_after,
            status,
        } => SendError::Transient {
            code: code_string(code).or_else(|| status.map(|s| format!("HTTP {s}"))),
            message,
            retry_after,
        },
        TwilioError::SlowDown { code, message, .. } => SendError::Throttled {
            code: code_string(Some(code)),
            message,
        },
        TwilioError::Permanent {
            code,
            message,
            status,
        } => SendError::Permanent {
            code: code_string(code).or_else(|| status.map(|s| format!("HTTP {s}"))),
            message,
        },
    }
}

#[async_trait]
impl Gateway for TwilioGateway {
    fn name(&self) -> &str {
        &self.name
    }

    fn max_in_flight(&self) -> usize {
        match &self.senders {
            Senders::Numbers(pool) => (pool.senders().len() * 4).clamp(4, 64),
            Senders::Service { .. } => {
                (self.config.segments_per_second.get() as usize * 2).clamp(4, 64)
            }
        }
    }

    async fn send(&self, sms: &OutboundSms) -> Result<Accepted, SendError> {
        let callback = channel_status_callback_url(&self.config, &self.name, sms.id);
        // The time an alert's message has left, taken once its turn has come (after the wait
        // for a number or for the rate).
        let validity = || sms.validity().map(|d| d.as_secs());
        let (sender, result) = match &self.senders {
            Senders::Numbers(pool) => {
                let Some(from) = pool.acquire(&sms.to, sms.segments).await else {
                    return Err(SendError::Permanent {
                        code: None,
                        message: "no Twilio sending number configured".into(),
                    });
                };
                let r = self
                    .client
                    .send_valid(
                        &sms.to,
                        Sender::From(from),
                        &sms.body,
                        Some(&callback),
                        validity(),
                    )
                    .await;
                (from, r)
            }
            Senders::Service { sid, limiter } => {
                limiter.until_ready(sms.segments).await;
                let r = self
                    .client
                    .send_valid(
                        &sms.to,
                        Sender::MessagingService(sid),
                        &sms.body,
                        Some(&callback),
                        validity(),
                    )
                    .await;
                (sid.as_str(), r)
            }
        };
        match result {
            Ok(message) => Ok(Accepted {
                provider_ids: vec![message.sid],
                delivered: false,
            }),
            Err(e) => {
                if let TwilioError::SlowDown { retry_after, .. } = &e {
                    let pause = retry_after.unwrap_or(SLOW_DOWN_PAUSE);
                    tracing::warn!(row = sms.id, sender = %mask_phone(sender), pause_s = pause.as_secs(), "Twilio queue full for this sender: slowing down");
                    match &self.senders {
                        Senders::Numbers(pool) => pool.pause(sender, pause),
                        Senders::Service { limiter, .. } => limiter.pause(pause),
                    }
                }
                Err(send_error(e))
            }
        }
    }
}

/// What the webhook routes need.
#[derive(Clone)]
pub struct TwilioState {
    /// The channel's name.
    pub channel: String,
    /// Where inbound messages, status updates and opt-outs go.
    pub sink: Arc<dyn Sink>,
    /// Checks `X-Twilio-Signature`.
    pub validator: Arc<WebhookValidator>,
    /// The public base URL Twilio calls (signatures are computed over it).
    pub public_url: String,
}

impl TwilioState {
    /// Webhook state of the channel named `twilio`.
    pub fn new(config: &TwilioConfig, sink: Arc<dyn Sink>) -> TwilioState {
        TwilioState::named(NAME, config, sink)
    }

    /// Webhook state of the channel `name`.
    pub fn named(name: &str, config: &TwilioConfig, sink: Arc<dyn Sink>) -> TwilioState {
        TwilioState {
            channel: name.to_string(),
            sink,
            validator: Arc::new(WebhookValidator::from_config(config)),
            public_url: config.public_url.clone(),
        }
    }
}

/// The channel's routes: `POST /twilio/sms` and `POST /twilio/status` (see [`paths`]).
pub fn routes(state: TwilioState) -> Router {
    let (sms, status_path) = paths(&state.channel);
    Router::new()
        .route(&sms, post(inbound))
        .route(&status_path, post(status))
        .with_state(state)
}

fn twiml() -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, TWIML_CONTENT_TYPE)],
        EMPTY_TWIML,
    )
        .into_response()
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain")], text).into_response()
}

/// Checks the signature; on failure returns the response to send (403, or 500 when the fault is
/// our configuration), on success `None`.
fn verify(
    state: &TwilioState,
    uri: &Uri,
    headers: &HeaderMap,
    params: &[(String, String)],
) -> Option<Response> {
    let path_and_query = uri
        .path_and_query()
        .map(|pq| pq.as_str())
        .unwrap_or_else(|| uri.path());
    let url = format!("{}{}", state.public_url, path_and_query);
    let header_str = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match state.validator.validate(
        &url,
        params,
        header_str(SIGNATURE_HEADER),
        header_str(SIGNATURE_SETTINGS_HEADER),
    ) {
        Ok(_) => None,
        Err(e @ SignatureError::NoSharedKeyConfigured) => {
            tracing::error!(path = uri.path(), "Twilio webhook refused: {e}");
            Some(plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "webhook signing key not configured",
            ))
        }
        Err(e) => {
            metrics::counter!("smsup_twilio_bad_signature_total").increment(1);
            tracing::warn!(path = uri.path(), signed_url = %url, "Twilio webhook refused: {e}");
            Some(plain(StatusCode::FORBIDDEN, "invalid signature"))
        }
    }
}

/// A webhook's form, once its signature is checked and its fields are read by `read`; else the
/// answer to give Twilio (403 for a bad signature, 400 for missing fields).
fn signed_form<T, E: std::fmt::Display>(
    state: &TwilioState,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
    read: impl FnOnce(&[(String, String)]) -> Result<T, E>,
) -> Result<T, Box<Response>> {
    let params = parse_form(body);
    if let Some(response) = verify(state, uri, headers, &params) {
        return Err(Box::new(response));
    }
    read(&params).map_err(|e| {
        tracing::warn!(
            path = uri.path(),
            "Twilio webhook without the expected fields: {e}"
        );
        Box::new(plain(
            StatusCode::BAD_REQUEST,
            "missing or malformed fields",
        ))
    })
}

async fn inbound(
    State(state): State<TwilioState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let msg = match signed_form(&state, &uri, &headers, &body, InboundMessage::from_params) {
        Ok(m) => m,
        Err(response) => return *response,
    };
    let keyword = msg.opt_keyword();
    let sms = InboundSms {
        channel: state.channel.clone(),
        provider_id: msg.message_sid.clone(),
        from: msg.from.clone(),
        text: msg.body,
        via: None,
    };
    match state.sink.inbound(sms).await {
        Ok(InboundOutcome::Stored(_)) => {
            // Twilio blocked (or unblocked) this number at the sender: mirror it. Only for a new
            // message, so that a replayed old STOP cannot undo a later START.
            let opted_out = match keyword {
                Some(OptKeyword::OptOut) => Some(true),
                Some(OptKeyword::OptIn) => Some(false),
                _ => None,
            };
            if let Some(opted_out) = opted_out {
                if let Err(e) = state.sink.set_opted_out(&msg.from, opted_out).await {
                    tracing::warn!(from = %mask_phone(&msg.from), error = %e, "could not mirror Twilio opt-out state");
                }
            }
            twiml()
        }
        Ok(InboundOutcome::Duplicate) => twiml(),
        Err(SinkError::InvalidNumber) => {
            // Nothing to retry: answer as usual, keep nothing.
            tracing::warn!(from = %mask_phone(&msg.from), "Twilio inbound from an unusable number ignored");
            twiml()
        }
        Err(e @ SinkError::Store(_)) => {
            tracing::error!(error = %e, "Twilio inbound not stored");
            plain(StatusCode::SERVICE_UNAVAILABLE, "try again later")
        }
    }
}

/// The outbox state for a Twilio status, or `None` for statuses that do not concern sent messages.
pub fn delivery_state(status: &MessageStatus) -> Option<DeliveryState> {
    Some(match status {
        MessageStatus::Accepted
        | MessageStatus::Scheduled
        | MessageStatus::Queued
        | MessageStatus::Sending => DeliveryState::Queued,
        MessageStatus::Sent | MessageStatus::PartiallyDelivered => DeliveryState::Sent,
        MessageStatus::Delivered | MessageStatus::Read => DeliveryState::Delivered,
        MessageStatus::Undelivered => DeliveryState::Undelivered,
        MessageStatus::Failed | MessageStatus::Canceled => DeliveryState::Failed,
        MessageStatus::Receiving | MessageStatus::Received | MessageStatus::Other(_) => {
            return None
        }
    })
}

async fn status(
    State(state): State<TwilioState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let cb = match signed_form(&state, &uri, &headers, &body, StatusCallback::from_params) {
        Ok(c) => c,
        Err(response) => return *response,
    };
    let Some(delivery) = delivery_state(&cb.status) else {
        tracing::debug!(sid = %cb.message_sid, status = %cb.status, "status callback ignored");
        return StatusCode::NO_CONTENT.into_response();
    };
    let update = StatusUpdate {
        channel: state.channel.clone(),
        provider_id: cb.message_sid.clone(),
        state: delivery,
        error_code: cb.error_code.map(|c| c.to_string()),
        parts: None,
    };
    if let Err(e) = state.sink.status(vec![update]).await {
        tracing::error!(error = %e, "Twilio status update not stored");
        return plain(StatusCode::SERVICE_UNAVAILABLE, "try again later");
    }
    // 21610 on a callback: the recipient had sent STOP to this sender.
    if cb.error_code == Some(21610) {
        if let Some(to) = &cb.to {
            if let Err(e) = state.sink.set_opted_out(to, true).await {
                tracing::warn!(to = %mask_phone(to), error = %e, "could not mirror Twilio opt-out");
            }
        }
    }
    StatusCode::NO_CONTENT.into_response()
}
