//! Gateways: one adapter per way of reaching phones (simulator, Twilio, SMPP), behind one trait.
//!
//! A gateway owns its inbound routes (webhooks, SMPP deliver_sm) and its send path. Inbound traffic is
//! handed to the [`Sink`] (the application); outbound traffic arrives from the dispatcher through
//! [`Gateway::send`].

use async_trait::async_trait;

pub mod sim;
pub mod smpp;
pub mod twilio;

pub use crate::domain::message::{
    Accepted, DeliveryState, InboundOutcome, InboundSms, OutboundSms, SendError, StatusOutcome,
    StatusUpdate,
};

/// The send side of a gateway, driven by the outbox dispatcher.
#[async_trait]
pub trait Gateway: Send + Sync + 'static {
    /// The channel's name, stored on outbox rows (`sim`, `twilio`, `smpp`, or a configured name).
    fn name(&self) -> &str;
    /// How many sends the dispatcher may have in flight at once.
    fn max_in_flight(&self) -> usize;
    /// Send one message; the gateway applies its own rate limit (segments per second) before sending.
    async fn send(&self, sms: &OutboundSms) -> Result<Accepted, SendError>;
    /// Stop cleanly: drain what is in flight, close connections.
    async fn shutdown(&self) {}
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
