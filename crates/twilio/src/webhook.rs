//! Typed contents of Twilio's webhooks: inbound messages and message status callbacks, the message
//! status values and their allowed transitions, Twilio's opt-out/opt-in keywords, and the empty
//! TwiML answer.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::config::is_sid;

/// The empty TwiML document: "received, send no reply".
pub const EMPTY_TWIML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
/// Content type for [`EMPTY_TWIML`].
pub const TWIML_CONTENT_TYPE: &str = "text/xml; charset=utf-8";

/// A webhook body that lacks a required field or has a malformed one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    /// A required form field is absent or empty.
    #[error("missing field {0}")]
    Missing(&'static str),
    /// A form field is present but malformed.
    #[error("invalid field {field}: {reason}")]
    Invalid {
        /// The form field name.
        field: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
}

fn field<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn required<'a>(
    params: &'a [(String, String)],
    name: &'static str,
) -> Result<&'a str, WebhookError> {
    field(params, name)
        .filter(|v| !v.is_empty())
        .ok_or(WebhookError::Missing(name))
}

fn optional_u32(
    params: &[(String, String)],
    name: &'static str,
) -> Result<Option<u32>, WebhookError> {
    match field(params, name).map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v.parse().map(Some).map_err(|_| WebhookError::Invalid {
            field: name,
            reason: "not a whole number",
        }),
    }
}

fn message_sid(params: &[(String, String)], name: &'static str) -> Result<String, WebhookError> {
    let sid = required(params, name)?;
    if is_sid(sid, "SM") || is_sid(sid, "MM") {
        Ok(sid.to_string())
    } else {
        Err(WebhookError::Invalid {
            field: name,
            reason: "not a message SID (SM/MM + 32 hex digits)",
        })
    }
}

/// An incoming SMS as posted to the messaging webhook (`POST /twilio/sms`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboundMessage {
    /// `MessageSid`: Twilio's id of the message, the de-duplication key.
    pub message_sid: String,
    /// `AccountSid`.
    pub account_sid: Option<String>,
    /// `MessagingServiceSid`, when the number belongs to a Messaging Service.
    pub messaging_service_sid: Option<String>,
    /// `From`: the sender's number.
    pub from: String,
    /// `To`: our number that received it.
    pub to: String,
    /// `Body`: the text (may be empty).
    pub body: String,
    /// `NumSegments`.
    pub num_segments: Option<u32>,
    /// `NumMedia`.
    pub num_media: Option<u32>,
    /// `OptOutType` (`STOP`, `START`, `HELP`), sent when Advanced Opt-Out matched a keyword.
    pub opt_out_type: Option<String>,
}

impl InboundMessage {
    /// Reads the fields from a decoded form body; `MessageSid` (or legacy `SmsSid`) and `From` are
    /// required, `Body` may be empty.
    pub fn from_params(params: &[(String, String)]) -> Result<InboundMessage, WebhookError> {
        let message_sid = if field(params, "MessageSid").is_some() {
            message_sid(params, "MessageSid")?
        } else {
            message_sid(params, "SmsSid")?
        };
        let opt = |name| {
            field(params, name)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        Ok(InboundMessage {
            message_sid,
            account_sid: opt("AccountSid"),
            messaging_service_sid: opt("MessagingServiceSid"),
            from: required(params, "From")?.to_string(),
            to: field(params, "To").unwrap_or_default().to_string(),
            body: field(params, "Body").unwrap_or_default().to_string(),
            num_segments: optional_u32(params, "NumSegments")?,
            num_media: optional_u32(params, "NumMedia")?,
            opt_out_type: opt("OptOutType"),
        })
    }

    /// The opt-out/opt-in keyword Twilio acted on for this message, if any: `OptOutType` when
    /// Twilio sent it, otherwise Twilio's default keyword list applied to the body.
    pub fn opt_keyword(&self) -> Option<OptKeyword> {
        match self.opt_out_type.as_deref() {
            Some(t) if t.eq_ignore_ascii_case("STOP") => Some(OptKeyword::OptOut),
            Some(t) if t.eq_ignore_ascii_case("START") => Some(OptKeyword::OptIn),
            Some(t) if t.eq_ignore_ascii_case("HELP") => Some(OptKeyword::Help),
            _ => classify_opt_keyword(&self.body),
        }
    }
}

/// What one of Twilio's standard keywords does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptKeyword {
    /// STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT: Twilio blocks the number.
    OptOut,
    /// START, YES, UNSTOP: Twilio lifts the block.
    OptIn,
    /// HELP, INFO: Twilio answers with the help text.
    Help,
}

/// Twilio's default opt-out keywords.
pub const OPT_OUT_KEYWORDS: &[&str] = &[
    "STOP",
    "STOPALL",
    "UNSUBSCRIBE",
    "CANCEL",
    "END",
    "QUIT",
    "REVOKE",
    "OPTOUT",
];
/// Twilio's default opt-in keywords.
pub const OPT_IN_KEYWORDS: &[&str] = &["START", "YES", "UNSTOP"];
/// Twilio's default help keywords.
pub const HELP_KEYWORDS: &[&str] = &["HELP", "INFO"];

/// Classifies a message body the way Twilio's default keyword handling does: the whole body,
/// trimmed, must be exactly one keyword (case-insensitive); "STOP please" is not a keyword.
pub fn classify_opt_keyword(body: &str) -> Option<OptKeyword> {
    let word = body.trim();
    let is = |list: &[&str]| list.iter().any(|k| word.eq_ignore_ascii_case(k));
    if is(OPT_OUT_KEYWORDS) {
        Some(OptKeyword::OptOut)
    } else if is(OPT_IN_KEYWORDS) {
        Some(OptKeyword::OptIn)
    } else if is(HELP_KEYWORDS) {
        Some(OptKeyword::Help)
    } else {
        None
    }
}

/// A message's status as Twilio reports it (REST `status`, callback `MessageStatus`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MessageStatus {
    /// Accepted by a Messaging Service, sender not yet chosen.
    Accepted,
    /// Scheduled for later sending.
    Scheduled,
    /// A scheduled message was canceled (final).
    Canceled,
    /// Waiting in Twilio's queue.
    Queued,
    /// Being sent to the carrier.
    Sending,
    /// Accepted by the carrier.
    Sent,
    /// Twilio could not send it (final).
    Failed,
    /// The carrier confirmed delivery (final).
    Delivered,
    /// The carrier could not deliver it (final).
    Undelivered,
    /// Inbound message being received.
    Receiving,
    /// Inbound message received.
    Received,
    /// Read by the recipient (WhatsApp and similar channels; final).
    Read,
    /// Some parts delivered (listed in Twilio's API description).
    PartiallyDelivered,
    /// A value this code does not know (Twilio adds values without notice).
    Other(String),
}

impl MessageStatus {
    /// Parses Twilio's lower-case status name; unknown names become [`MessageStatus::Other`].
    pub fn parse(s: &str) -> MessageStatus {
        match s.trim().to_ascii_lowercase().as_str() {
            "accepted" => MessageStatus::Accepted,
            "scheduled" => MessageStatus::Scheduled,
            "canceled" => MessageStatus::Canceled,
            "queued" => MessageStatus::Queued,
            "sending" => MessageStatus::Sending,
            "sent" => MessageStatus::Sent,
            "failed" => MessageStatus::Failed,
            "delivered" => MessageStatus::Delivered,
            "undelivered" => MessageStatus::Undelivered,
            "receiving" => MessageStatus::Receiving,
            "received" => MessageStatus::Received,
            "read" => MessageStatus::Read,
            "partially_delivered" => MessageStatus::PartiallyDelivered,
            other => MessageStatus::Other(other.to_string()),
        }
    }

    /// Twilio's name for the status.
    pub fn as_str(&self) -> &str {
        match self {
            MessageStatus::Accepted => "accepted",
            MessageStatus::Scheduled => "scheduled",
            MessageStatus::Canceled => "canceled",
            MessageStatus::Queued => "queued",
            MessageStatus::Sending => "sending",
            MessageStatus::Sent => "sent",
            MessageStatus::Failed => "failed",
            MessageStatus::Delivered => "delivered",
            MessageStatus::Undelivered => "undelivered",
            MessageStatus::Receiving => "receiving",
            MessageStatus::Received => "received",
            MessageStatus::Read => "read",
            MessageStatus::PartiallyDelivered => "partially_delivered",
            MessageStatus::Other(s) => s,
        }
    }

    /// True for states a message never leaves: delivered, undelivered, failed, canceled, read.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            MessageStatus::Delivered
                | MessageStatus::Undelivered
                | MessageStatus::Failed
                | MessageStatus::Canceled
                | MessageStatus::Read
        )
    }

    /// Position in an outbound message's life, or `None` for inbound or unknown states.
    fn rank(&self) -> Option<u8> {
        Some(match self {
            MessageStatus::Accepted | MessageStatus::Scheduled => 0,
            MessageStatus::Queued => 1,
            MessageStatus::Sending => 2,
            MessageStatus::Sent => 3,
            MessageStatus::PartiallyDelivered => 4,
            MessageStatus::Delivered
            | MessageStatus::Undelivered
            | MessageStatus::Failed
            | MessageStatus::Canceled => 5,
            // `read` comes after `delivered` (WhatsApp read receipts).
            MessageStatus::Read => 6,
            MessageStatus::Receiving | MessageStatus::Received | MessageStatus::Other(_) => {
                return None
            }
        })
    }
}

impl<'de> Deserialize<'de> for MessageStatus {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(MessageStatus::parse(&s))
    }
}

impl Serialize for MessageStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Display for MessageStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether an outbound message in state `from` may move to `to` when a callback reports it.
///
/// Callbacks arrive out of order, so a message only moves forward (queued → sending → sent →
/// delivered/undelivered/failed) and never leaves a final state; `delivered` may still become
/// `read`. A repeat of the current state is not a transition. Unknown states are never applied.
pub fn transition_allowed(from: &MessageStatus, to: &MessageStatus) -> bool {
    match (from.rank(), to.rank()) {
        (Some(_), Some(_)) if *from == MessageStatus::Delivered && *to == MessageStatus::Read => {
            true
        }
        (Some(_), Some(_)) if from.is_final() => false,
        (Some(a), Some(b)) => b > a,
        _ => false,
    }
}

/// A message status callback (`POST` to the message's `StatusCallback` URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCallback {
    /// `MessageSid`.
    pub message_sid: String,
    /// `MessageStatus` (or legacy `SmsStatus`).
    pub status: MessageStatus,
    /// `ErrorCode`, present for failed/undelivered messages.
    pub error_code: Option<u32>,
    /// `AccountSid`.
    pub account_sid: Option<String>,
    /// `From`.
    pub from: Option<String>,
    /// `To`.
    pub to: Option<String>,
    /// `RawDlrDoneDate` (`YYMMDDhhmm` from the carrier's receipt), when Twilio passes it on.
    pub raw_dlr_done_date: Option<String>,
}

impl StatusCallback {
    /// Reads the fields from a decoded form body; `MessageSid` and `MessageStatus` are required.
    pub fn from_params(params: &[(String, String)]) -> Result<StatusCallback, WebhookError> {
        let message_sid = message_sid(params, "MessageSid")?;
        let status = match required(params, "MessageStatus") {
            Ok(s) => s,
            Err(_) => {
                required(params, "SmsStatus").map_err(|_| WebhookError::Missing("MessageStatus"))?
            }
        };
        let opt = |name| {
            field(params, name)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        Ok(StatusCallback {
            message_sid,
            status: MessageStatus::parse(status),
            error_code: optional_u32(params, "ErrorCode")?,
            account_sid: opt("AccountSid"),
            from: opt("From"),
            to: opt("To"),
            raw_dlr_done_date: opt("RawDlrDoneDate"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_single_words_case_insensitive() {
        assert_eq!(classify_opt_keyword(" stop \n"), Some(OptKeyword::OptOut));
        assert_eq!(classify_opt_keyword("Revoke"), Some(OptKeyword::OptOut));
        assert_eq!(classify_opt_keyword("unstop"), Some(OptKeyword::OptIn));
        assert_eq!(classify_opt_keyword("info"), Some(OptKeyword::Help));
        assert_eq!(classify_opt_keyword("stop please"), None);
        assert_eq!(classify_opt_keyword("STOPP"), None);
        assert_eq!(classify_opt_keyword(""), None);
    }

    #[test]
    fn final_states_are_never_left() {
        use MessageStatus::*;
        let all = [
            Accepted,
            Scheduled,
            Queued,
            Sending,
            Sent,
            Delivered,
            Undelivered,
            Failed,
            Canceled,
            Read,
        ];
        for from in &all {
            for to in &all {
                let ok = transition_allowed(from, to);
                if from.is_final() && !(from == &Delivered && to == &Read) {
                    assert!(!ok, "{from} -> {to} must be refused");
                }
            }
        }
        assert!(transition_allowed(&Queued, &Sent));
        assert!(transition_allowed(&Queued, &Delivered));
        assert!(transition_allowed(&Sent, &Undelivered));
        assert!(!transition_allowed(&Sent, &Queued));
        assert!(!transition_allowed(&Sent, &Sent));
        assert!(!transition_allowed(&Sent, &Other("mystery".into())));
    }
}
