//! The Messages API: `POST {api_base}/2010-04-01/Accounts/{AccountSid}/Messages.json`, HTTP Basic
//! auth, form fields `To`, `From` or `MessagingServiceSid`, `Body`, `StatusCallback`; the JSON
//! answer (HTTP 201) is the Message resource. Failures are classified for the dispatcher.

use std::time::{Duration, SystemTime};

use serde::{Deserialize, Deserializer};

use crate::config::{Secret, TwilioConfig};
use crate::mask_phone;
use crate::webhook::MessageStatus;

/// Longest `Retry-After` honoured; longer hints are capped.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(3600);

/// How a failed send should be handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// 21610: the recipient sent STOP to this sender; opt them out everywhere.
    OptedOut,
    /// 21211, 21612, 21614: the number cannot get SMS; keep it visible, do not retry.
    Undeliverable,
    /// HTTP 429, 20429, 63018, HTTP 5xx, timeouts, connection errors: retry with backoff.
    Retryable,
    /// 30001, 21611: the sender's queue is full; retry later and slow down.
    SlowDown,
    /// Anything else: fail with Twilio's code and message.
    Permanent,
}

/// Classifies a Twilio error by its code first, then by HTTP status.
pub fn classify(http_status: Option<u16>, code: Option<u32>) -> ErrorClass {
    match code {
        Some(21610) => return ErrorClass::OptedOut,
        Some(21211 | 21612 | 21614) => return ErrorClass::Undeliverable,
        Some(20429 | 63018) => return ErrorClass::Retryable,
        Some(30001 | 21611) => return ErrorClass::SlowDown,
        _ => {}
    }
    match http_status {
        Some(429) => ErrorClass::Retryable,
        Some(s) if (500..=599).contains(&s) => ErrorClass::Retryable,
        _ => ErrorClass::Permanent,
    }
}

/// A failed send, classified.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TwilioError {
    /// 21610: the recipient unsubscribed (sent STOP) from this sender.
    #[error("recipient opted out (Twilio {code}): {message}")]
    OptedOut {
        /// Twilio error code.
        code: u32,
        /// Twilio's message.
        message: String,
    },
    /// 21211, 21612, 21614: the recipient's number cannot receive SMS.
    #[error("recipient undeliverable (Twilio {code}): {message}")]
    Undeliverable {
        /// Twilio error code.
        code: u32,
        /// Twilio's message.
        message: String,
    },
    /// Temporary failure; retry after `retry_after` if given, else with backoff.
    #[error("temporary failure (HTTP {status:?}, Twilio {code:?}): {message}")]
    Retryable {
        /// HTTP status, if a response arrived.
        status: Option<u16>,
        /// Twilio error code, if any.
        code: Option<u32>,
        /// Twilio's message or the transport error.
        message: String,
        /// The `Retry-After` hint, if any.
        retry_after: Option<Duration>,
    },
    /// The sender's queue overflowed (30001, 21611): retry later and send slower.
    #[error("sender over capacity (Twilio {code}): {message}")]
    SlowDown {
        /// Twilio error code.
        code: u32,
        /// Twilio's message.
        message: String,
        /// The `Retry-After` hint, if any.
        retry_after: Option<Duration>,
    },
    /// Any other failure: retrying will not help.
    #[error("permanent failure (HTTP {status:?}, Twilio {code:?}): {message}")]
    Permanent {
        /// HTTP status, if a response arrived.
        status: Option<u16>,
        /// Twilio error code, if any.
        code: Option<u32>,
        /// Twilio's message or a description.
        message: String,
    },
}

impl TwilioError {
    /// The class of this error.
    pub fn class(&self) -> ErrorClass {
        match self {
            TwilioError::OptedOut { .. } => ErrorClass::OptedOut,
            TwilioError::Undeliverable { .. } => ErrorClass::Undeliverable,
            TwilioError::Retryable { .. } => ErrorClass::Retryable,
            TwilioError::SlowDown { .. } => ErrorClass::SlowDown,
            TwilioError::Permanent { .. } => ErrorClass::Permanent,
        }
    }

    /// Twilio's error code, if any.
    pub fn code(&self) -> Option<u32> {
        match self {
            TwilioError::OptedOut { code, .. }
            | TwilioError::Undeliverable { code, .. }
            | TwilioError::SlowDown { code, .. } => Some(*code),
            TwilioError::Retryable { code, .. } | TwilioError::Permanent { code, .. } => *code,
        }
    }

    /// Builds the error for a failed response or transport failure.
    pub fn from_parts(
        status: Option<u16>,
        code: Option<u32>,
        message: String,
        retry_after: Option<Duration>,
    ) -> TwilioError {
        match (classify(status, code), code) {
            (ErrorClass::OptedOut, Some(code)) => TwilioError::OptedOut { code, message },
            (ErrorClass::Undeliverable, Some(code)) => TwilioError::Undeliverable { code, message },
            (ErrorClass::SlowDown, Some(code)) => TwilioError::SlowDown {
                code,
                message,
                retry_after,
            },
            (ErrorClass::Retryable, _) => TwilioError::Retryable {
                status,
                code,
                message,
                retry_after,
            },
            _ => TwilioError::Permanent {
                status,
                code,
                message,
            },
        }
    }
}

/// The HTTP client could not be built (TLS setup).
#[derive(Debug, thiserror::Error)]
#[error("cannot build the Twilio HTTP client: {0}")]
pub struct BuildError(String);

/// Who a message is sent from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender<'a> {
    /// `From`: a Twilio number in E.164 form.
    From(&'a str),
    /// `MessagingServiceSid`: Twilio picks the number from the service's pool.
    MessagingService(&'a str),
}

fn de_opt_u32_lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrStr {
        Num(u64),
        Str(String),
    }
    Ok(match Option::<NumOrStr>::deserialize(d)? {
        Some(NumOrStr::Num(n)) => u32::try_from(n).ok(),
        Some(NumOrStr::Str(s)) => s.trim().parse().ok(),
        None => None,
    })
}

/// The Message resource returned by Twilio (the fields SMS Up uses).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct MessageResource {
    /// The message SID (`SM…`), the provider id kept on the outbox row.
    pub sid: String,
    /// Current status (usually `queued` or `accepted` right after creation).
    pub status: MessageStatus,
    /// Number of segments (a string in Twilio's JSON; `0` until a service picks a sender).
    #[serde(default, deserialize_with = "de_opt_u32_lenient")]
    pub num_segments: Option<u32>,
    /// Recipient.
    #[serde(default)]
    pub to: Option<String>,
    /// Sender number, once chosen.
    #[serde(default)]
    pub from: Option<String>,
    /// Messaging Service, if used.
    #[serde(default)]
    pub messaging_service_sid: Option<String>,
    /// Error code, if the message already failed.
    #[serde(default, deserialize_with = "de_opt_u32_lenient")]
    pub error_code: Option<u32>,
    /// Error message, if any.
    #[serde(default)]
    pub error_message: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ApiError {
    #[serde(default, deserialize_with = "de_opt_u32_lenient")]
    code: Option<u32>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    more_info: Option<String>,
}

/// Parses a `Retry-After` value: delay-seconds or an HTTP date (capped at [`MAX_RETRY_AFTER`]).
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    let d = if let Ok(secs) = value.parse::<u64>() {
        Duration::from_secs(secs)
    } else {
        let when = httpdate::parse_http_date(value).ok()?;
        when.duration_since(now).unwrap_or(Duration::ZERO)
    };
    Some(d.min(MAX_RETRY_AFTER))
}

/// Client for the Messages API of one account.
#[derive(Debug, Clone)]
pub struct TwilioClient {
    http: reqwest::Client,
    messages_url: String,
    account_sid: String,
    auth_token: Secret,
}

impl TwilioClient {
    /// A client with the configured base URL, credentials and timeouts.
    pub fn new(config: &TwilioConfig) -> Result<TwilioClient, BuildError> {
        let http = reqwest::Client::builder()
            .timeout(config.request_timeout)
            .connect_timeout(config.connect_timeout)
            .user_agent(concat!("smsup-twilio/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| BuildError(e.to_string()))?;
        Ok(TwilioClient {
            http,
            messages_url: config.messages_url(),
            account_sid: config.account_sid.clone(),
            auth_token: config.auth_token.clone(),
        })
    }

    /// The Messages.json URL this client posts to.
    pub fn messages_url(&self) -> &str {
        &self.messages_url
    }

    /// Fetch the account (`GET /2010-04-01/Accounts/{sid}.json`, read-only, free): its status
    /// and name, or what is wrong with the credentials or the connection.
    pub async fn check_account(&self) -> Result<String, String> {
        let url = match self.messages_url.strip_suffix("/Messages.json") {
            Some(base) => format!("{base}.json"),
            None => return Err(format!("unexpected API URL {}", self.messages_url)),
        };
        let response = self
            .http
            .get(&url)
            .basic_auth(&self.account_sid, Some(self.auth_token.expose()))
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|e| format!("{url} cannot be reached: {e}"))?;
        let status = response.status().as_u16();
        let body: serde_json::Value = response.json().await.unwrap_or_default();
        match status {
            200..=299 => {
                let state = body["status"].as_str().unwrap_or("unknown");
                let name = body["friendly_name"].as_str().unwrap_or("");
                if state == "active" {
                    Ok(format!("account {} ({name}) is active", self.account_sid))
                } else {
                    Err(format!(
                        "account {} is {state}: messages will be refused; see the Twilio console",
                        self.account_sid
                    ))
                }
            }
            401 | 403 => Err(format!(
                "Twilio refused the credentials (HTTP {status}): check account_sid and auth_token \
                 (SMSUP_TWILIO_AUTH_TOKEN)"
            )),
            404 => Err(format!(
                "no account {} (HTTP 404): check account_sid",
                self.account_sid
            )),
            _ => Err(format!(
                "HTTP {status} from {url}: {}",
                body["message"].as_str().unwrap_or("no message")
            )),
        }
    }

    /// Creates one message. `status_callback` is the absolute URL Twilio will post status
    /// updates to.
    pub async fn send(
        &self,
        to: &str,
        sender: Sender<'_>,
        body: &str,
        status_callback: Option<&str>,
    ) -> Result<MessageResource, TwilioError> {
        self.send_valid(to, sender, body, status_callback, None)
            .await
    }

    /// [`Self::send`] with a `ValidityPeriod`: Twilio drops the message when it is still queued
    /// after `validity_seconds` (1 to 36,000; values outside are brought inside).
    pub async fn send_valid(
        &self,
        to: &str,
        sender: Sender<'_>,
        body: &str,
        status_callback: Option<&str>,
        validity_seconds: Option<u64>,
    ) -> Result<MessageResource, TwilioError> {
        let validity = validity_seconds.map(|s| s.clamp(1, 36_000).to_string());
        let mut form: Vec<(&str, &str)> = Vec::with_capacity(5);
        form.push(("To", to));
        match sender {
            Sender::From(n) => form.push(("From", n)),
            Sender::MessagingService(sid) => form.push(("MessagingServiceSid", sid)),
        }
        form.push(("Body", body));
        if let Some(cb) = status_callback {
            form.push(("StatusCallback", cb));
        }
        if let Some(v) = &validity {
            form.push(("ValidityPeriod", v));
        }
        let result = self
            .http
            .post(&self.messages_url)
            .basic_auth(&self.account_sid, Some(self.auth_token.expose()))
            .header(reqwest::header::ACCEPT, "application/json")
            .form(&form)
            .send()
            .await;
        let response = match result {
            Ok(r) => r,
            Err(e) => {
                let kind = if e.is_timeout() {
                    "timeout"
                } else if e.is_connect() {
                    "connection failed"
                } else {
                    "request failed"
                };
                tracing::warn!(to = %mask_phone(to), error = %e, "Twilio send: {kind}");
                return Err(TwilioError::Retryable {
                    status: None,
                    code: None,
                    message: format!("{kind}: {e}"),
                    retry_after: None,
                });
            }
        };
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, SystemTime::now()));
        let bytes = match response.bytes().await {
            Ok(b) => b,
            Err(e) if (200..300).contains(&status) => {
                // The message was probably created: retrying could send it twice.
                return Err(TwilioError::Permanent {
                    status: Some(status),
                    code: None,
                    message: format!("response body lost after HTTP {status}: {e}"),
                });
            }
            Err(e) => {
                return Err(TwilioError::from_parts(
                    Some(status),
                    None,
                    format!("HTTP {status}, body unreadable: {e}"),
                    retry_after,
                ))
            }
        };
        if (200..300).contains(&status) {
            return match serde_json::from_slice::<MessageResource>(&bytes) {
                Ok(m) => {
                    tracing::debug!(
                        to = %mask_phone(to),
                        sid = %m.sid,
                        status = %m.status,
                        segments = ?m.num_segments,
                        "Twilio accepted message"
                    );
                    Ok(m)
                }
                // Created but unreadable: do not retry (it would send twice).
                Err(e) => Err(TwilioError::Permanent {
                    status: Some(status),
                    code: None,
                    message: format!("unreadable Message resource after HTTP {status}: {e}"),
                }),
            };
        }
        let (code, message) = match serde_json::from_slice::<ApiError>(&bytes) {
            Ok(api) => {
                let mut message = api.message.unwrap_or_else(|| format!("HTTP {status}"));
                if let Some(more) = api.more_info.filter(|m| !m.is_empty()) {
                    message = format!("{message} ({more})");
                }
                (api.code, message)
            }
            Err(_) => (None, format!("HTTP {status}")),
        };
        let err = TwilioError::from_parts(Some(status), code, message, retry_after);
        tracing::info!(to = %mask_phone(to), http = status, code = ?code, class = ?err.class(), "Twilio refused message");
        Err(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_table() {
        assert_eq!(classify(Some(400), Some(21610)), ErrorClass::OptedOut);
        for c in [21211, 21612, 21614] {
            assert_eq!(classify(Some(400), Some(c)), ErrorClass::Undeliverable);
        }
        assert_eq!(classify(Some(429), Some(20429)), ErrorClass::Retryable);
        assert_eq!(classify(Some(400), Some(63018)), ErrorClass::Retryable);
        assert_eq!(classify(Some(429), None), ErrorClass::Retryable);
        assert_eq!(classify(Some(503), None), ErrorClass::Retryable);
        assert_eq!(classify(None, None), ErrorClass::Permanent);
        assert_eq!(classify(Some(400), Some(30001)), ErrorClass::SlowDown);
        assert_eq!(classify(Some(400), Some(21611)), ErrorClass::SlowDown);
        assert_eq!(classify(Some(400), Some(21617)), ErrorClass::Permanent);
        assert_eq!(classify(Some(401), Some(20003)), ErrorClass::Permanent);
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
        assert_eq!(
            parse_retry_after(&later, now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("999999", now), Some(MAX_RETRY_AFTER));
    }
}
