//! The messages that cross the edges: what phones send in, what goes out, and what providers report.

use std::time::Duration;

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
    /// When the message expires (an alert's, in ms since the epoch): the carrier gets the time left
    /// as its validity period, so that it drops the message too rather than deliver it late.
    pub expires_at: Option<i64>,
    /// When the row was queued (ms since the epoch): with the id, a key no other message of this
    /// database ever has (an id can be used again after its row was deleted).
    pub queued_at: i64,
}

impl OutboundSms {
    /// The time left before the message expires, at least one second (None: no expiry).
    pub fn validity(&self) -> Option<std::time::Duration> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        self.expires_at.map(|at| {
            std::time::Duration::from_millis(u64::try_from(at - now).unwrap_or(0).max(1_000))
        })
    }
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
    /// The request may have reached the peer but no answer came back: retry through the same
    /// gateway while it is up (its own de-duplication of our message id then holds), and through
    /// another of its pool only once it is down.
    #[error("no answer: {message}")]
    Unanswered {
        /// Human-readable reason.
        message: String,
    },
}

/// A message that arrived from a phone through a gateway.
#[derive(Debug, Clone)]
pub struct InboundSms {
    /// The channel it came through (`sim`, `twilio`, `smpp`, or a configured channel's name).
    pub channel: String,
    /// The provider's id for this message (Twilio `MessageSid`); the de-duplication key.
    pub provider_id: String,
    /// The sender's number as the provider gave it.
    pub from: String,
    /// The text, already decoded and reassembled.
    pub text: String,
    /// The phone of a pool it reached (an Android channel sharing its queue with others): what
    /// answers the sender leaves from it while it is up. None for every other channel.
    pub via: Option<String>,
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
    /// The channel that reports it.
    pub channel: String,
    /// Provider id (Twilio `MessageSid`, SMPP message_id of one part).
    pub provider_id: String,
    /// The new state.
    pub state: DeliveryState,
    /// Provider error code, if any.
    pub error_code: Option<String>,
    /// How many parts the provider says it sent the message in (an Android phone splits long
    /// texts itself), when it says so: it corrects the estimate.
    pub parts: Option<u32>,
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

/// The lane of an outbound message. A lane's messages to one recipient leave in order; a more urgent
/// lane overtakes a less urgent one, also for the same recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// Security alerts: before everything else.
    Alert,
    /// Replies and notices to one person.
    Reply,
    /// A post's fan-out and organisations' broadcasts.
    Bulk,
}

impl Priority {
    /// The value stored in `outbox.priority` (smaller leaves first).
    pub const fn as_i64(self) -> i64 {
        match self {
            Priority::Alert => 0,
            Priority::Reply => 1,
            Priority::Bulk => 2,
        }
    }

    /// Read a stored value.
    pub fn from_i64(v: i64) -> Option<Priority> {
        match v {
            0 => Some(Priority::Alert),
            1 => Some(Priority::Reply),
            2 => Some(Priority::Bulk),
            _ => None,
        }
    }
}
