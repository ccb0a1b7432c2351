//! Gateways: one adapter per way of reaching phones (simulator, Twilio, SMPP), behind one trait.
//!
//! A gateway owns its inbound routes (webhooks, SMPP deliver_sm) and its send path. Inbound traffic is
//! handed to the [`Sink`] (the application); outbound traffic arrives from the dispatcher through
//! [`Gateway::send`].

use std::time::Duration;

use async_trait::async_trait;

pub mod sim;
pub mod smpp;
pub mod twilio;

/// One outbound SMS handed to a gateway by the dispatcher.
#[derive(Debug, Clone)]
pub struct OutboundSms {
    /// The outbox row id (stable across retries; usable as a correlation id).
    pub id: i64,
    /// Recipient in E.164 form, e.g. `+60123456789`.
    pub to: String,
    /// The full text; the gateway splits it into parts if it needs to.
    pub body: String,
    /// Number of segments the text takes (as counted by `smsup_sms`).
    pub segments: u32,
}

/// What a gateway reports when it accepted a message for delivery.
#[derive(Debug, Clone, Default)]
pub struct Accepted {
    /// Provider ids (Twilio `sid`, SMPP `message_id` per part), kept on the row for status updates.
    pub provider_ids: Vec<String>,
    /// True when the gateway knows the message is already delivered (the simulator).
    pub delivered: bool,
}

/// Why a gateway could not send a message; decides what the dispatcher does with the row.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SendError {
    /// Try again later with backoff (timeouts, 5xx, rate limited by the provider).
    #[error("transient failure {code:?}: {message}")]
    Transient {
        /// Provider error code, if any.
        code: Option<String>,
        /// Human-readable reason.
        message: String,
        /// Provider's hint for when to retry.
        retry_after: Option<Duration>,
    },
    /// The sender is over capacity: retry later and slow this gateway down.
    #[error("sender throttled {code:?}: {message}")]
    Throttled {
        /// Provider error code, if any.
        code: Option<String>,
        /// Human-readable reason.
        message: String,
    },
    /// The recipient opted out at the carrier/provider (Twilio 21610): opt them out everywhere.
    #[error("recipient opted out {code:?}: {message}")]
    OptedOut {
        /// Provider error code, if any.
        code: Option<String>,
        /// Human-readable reason.
        message: String,
    },
    /// The number cannot receive SMS (invalid, landline, unreachable): kept, visible, not retried.
    #[error("recipient undeliverable {code:?}: {message}")]
    Undeliverable {
        /// Provider error code, if any.
        code: Option<String>,
        /// Human-readable reason.
        message: String,
    },
    /// Any other failure that retrying will not fix.
    #[error("permanent failure {code:?}: {message}")]
    Permanent {
        /// Provider error code, if any.
        code: Option<String>,
        /// Human-readable reason.
        message: String,
    },
}

/// The send side of a gateway, driven by the outbox dispatcher.
#[async_trait]
pub trait Gateway: Send + Sync + 'static {
    /// Short stable name stored on outbox rows (`sim`, `twilio`, `smpp`).
    fn name(&self) -> &'static str;
    /// How many sends the dispatcher may have in flight at once.
    fn max_in_flight(&self) -> usize;
    /// Send one message; the gateway applies its own rate limit (segments per second) before sending.
    async fn send(&self, sms: &OutboundSms) -> Result<Accepted, SendError>;
    /// Stop cleanly: drain what is in flight, close connections.
    async fn shutdown(&self) {}
}

/// A message that arrived from a phone through a gateway.
#[derive(Debug, Clone)]
pub struct InboundSms {
    /// The gateway name (`sim`, `twilio`, `smpp`).
    pub gateway: &'static str,
    /// The provider's id for this message (Twilio `MessageSid`); the de-duplication key.
    pub provider_id: String,
    /// The sender's number as the provider gave it.
    pub from: String,
    /// The text, already decoded and reassembled.
    pub text: String,
}

/// Delivery state reported by a provider for a message we sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryState {
    /// Accepted by the provider, not yet sent to the carrier.
    Queued,
    /// Handed to the carrier.
    Sent,
    /// Delivered to the handset (final).
    Delivered,
    /// The carrier could not deliver it (final).
    Undelivered,
    /// The provider failed it (final).
    Failed,
}

/// A status callback or delivery receipt for one provider id.
#[derive(Debug, Clone)]
pub struct StatusUpdate {
    /// The gateway that reports it.
    pub gateway: &'static str,
    /// Provider id (Twilio `MessageSid`, SMPP message_id of one part).
    pub provider_id: String,
    /// The new state.
    pub state: DeliveryState,
    /// Provider error code, if any.
    pub error_code: Option<String>,
}

/// What became of an inbound message handed to the [`Sink`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InboundOutcome {
    /// Stored and handled; the id of the stored inbound row.
    Stored(i64),
    /// The provider id was seen before (a retry or replay): nothing was done.
    Duplicate,
}

/// What became of a batch of status updates handed to the [`Sink`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusOutcome {
    /// Updates that matched a known outbox row.
    pub matched: usize,
    /// Updates whose provider id matched no row (counted and logged by the caller).
    pub unknown: usize,
}

/// Errors the [`Sink`] reports to a gateway (the gateway answers its peer with a retryable error).
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// The sender's number could not be parsed.
    #[error("invalid phone number")]
    InvalidNumber,
    /// The store failed; the peer should retry.
    #[error("storage failure: {0}")]
    Store(String),
}

/// The application as gateways see it: where inbound messages and status updates go.
#[async_trait]
pub trait Sink: Send + Sync + 'static {
    /// Store an inbound SMS exactly once per (gateway, provider id) and let the engine handle it, in one
    /// transaction. Returns only after the result is durable.
    async fn inbound(&self, sms: InboundSms) -> Result<InboundOutcome, SinkError>;
    /// Apply status updates; a row never leaves a final state.
    async fn status(&self, updates: Vec<StatusUpdate>) -> Result<StatusOutcome, SinkError>;
    /// Mirror an opt-out (or opt-in) decided by the provider (Twilio's STOP handling, error 21610).
    async fn set_opted_out(&self, phone: &str, opted_out: bool) -> Result<(), SinkError>;
}
