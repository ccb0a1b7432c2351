//! SMS Up's Twilio library, independent of the app: configuration (`[twilio]` + `SMSUP_TWILIO_*`),
//! webhook signatures (HMAC-SHA1 with the Auth Token, HMAC-SHA1/SHA256 with a SharedKey), the
//! Messages API client with classified errors, sticky senders with per-number rate limits,
//! status callbacks and inbound webhooks, Twilio's STOP/START keywords and the empty TwiML answer.
#![warn(missing_docs)]

pub mod client;
pub mod config;
pub mod sender;
pub mod signature;
pub mod webhook;

pub use client::{classify, ErrorClass, MessageResource, Sender, TwilioClient, TwilioError};
pub use config::{ConfigError, RawTwilioConfig, Secret, SenderConfig, TwilioConfig};
pub use sender::{SegmentRateLimiter, SenderPool};
pub use signature::{
    parse_form, sign, Algorithm, SignatureError, WebhookValidator, SIGNATURE_HEADER,
    SIGNATURE_SETTINGS_HEADER,
};
pub use webhook::{
    classify_opt_keyword, transition_allowed, InboundMessage, MessageStatus, OptKeyword,
    StatusCallback, WebhookError, EMPTY_TWIML, TWIML_CONTENT_TYPE,
};

/// A phone number safe for logs: country code and last two digits, e.g. `+601*******89`.
pub fn mask_phone(number: &str) -> String {
    smsup_sms::mask_number(number)
}

#[cfg(test)]
mod tests {
    #[test]
    fn mask_hides_the_middle() {
        assert_eq!(super::mask_phone("+60123456789"), "+6012*****89");
        assert_eq!(super::mask_phone("+6012"), "*****");
    }
}
