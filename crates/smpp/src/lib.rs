//! SMPP 3.4 ESME client for SMS Up.
//!
//! - [`pdu`] and [`codec`]: a hand-written codec for the PDUs an ESME needs (binds, unbind,
//!   enquire_link, generic_nack, submit_sm, deliver_sm and their responses, TLVs). It never panics
//!   on malformed bytes and reports typed errors.
//! - [`Client`]: a tokio session with a window of unacknowledged submit_sm matched by
//!   sequence_number, a rate limit in segments per second, pause-and-resend-in-order on
//!   ESME_RTHROTTLED / ESME_RMSGQFUL, enquire_link keep-alive, reconnect with exponential backoff
//!   (unacknowledged submits are resent after the new bind), unbind on shutdown.
//! - [`receipt`]: delivery receipt parsing (text and TLVs) and [`id_candidates`] for ids that are
//!   hex on one side and decimal on the other.
//! - TLS: `tls = true` wraps the connection in TLS (rustls with the ring provider), trusting the
//!   webpki roots plus an optional PEM CA file.
//! - [`mo`]: reassembly of concatenated mobile-originated messages (UDH 8/16-bit, SAR TLVs).
#![warn(missing_docs)]

mod client;
pub mod codec;
pub mod config;
pub mod mo;
pub mod pdu;
pub mod receipt;
pub mod redelivery;
pub mod status;
pub mod text;
mod tls;

pub use client::{Client, Event, MoAck, StatsSnapshot, SubmitError, Submitted};
pub use config::{BindMode, ConfigError, LongMessageMode, SmppConfig, MAX_BINDS};
pub use receipt::{id_candidates, id_numbers, ReceiptState};
