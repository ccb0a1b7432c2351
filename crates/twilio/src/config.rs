//! The `[twilio]` settings: parsed from TOML (serde), overlaid with `SMSUP_TWILIO_*` environment
//! variables, then validated into a [`TwilioConfig`] whose errors name the bad field.

use std::fmt;
use std::num::NonZeroU32;
use std::time::Duration;

use serde::Deserialize;
use url::Url;

/// Default REST API base URL.
pub const DEFAULT_API_BASE: &str = "https://api.twilio.com";
/// Default per-number sending rate in segments per second (a long code's rate).
pub const DEFAULT_SEGMENTS_PER_SECOND: u32 = 1;
/// Default whole-request timeout for REST calls, in seconds.
pub const DEFAULT_REQUEST_TIMEOUT_SECS: u64 = 15;
/// Default connect timeout for REST calls, in seconds.
pub const DEFAULT_CONNECT_TIMEOUT_SECS: u64 = 5;

/// Prefix of the environment variables read by [`RawTwilioConfig::overlay_env`].
pub const ENV_PREFIX: &str = "SMSUP_TWILIO_";

/// A configuration value that is missing or malformed; `field` is the TOML key (`twilio.<name>`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// A required value was not given in the file nor in the environment.
    #[error("{field} is missing (set it in [twilio] or {env})")]
    Missing {
        /// The TOML key, e.g. `twilio.account_sid`.
        field: &'static str,
        /// The environment variable that can supply it.
        env: &'static str,
    },
    /// A value is present but malformed.
    #[error("{field} is invalid: {reason}")]
    Invalid {
        /// The TOML key, e.g. `twilio.from`.
        field: &'static str,
        /// What is wrong with it (never contains a secret).
        reason: String,
    },
}

impl ConfigError {
    /// The TOML key of the offending value.
    pub fn field(&self) -> &'static str {
        match self {
            ConfigError::Missing { field, .. } | ConfigError::Invalid { field, .. } => field,
        }
    }
}

/// A secret string whose `Debug` output is redacted.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The `[twilio]` table as written in the file: every field optional, validated by
/// [`RawTwilioConfig::validate`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTwilioConfig {
    /// Account SID, `AC` + 32 hex digits.
    pub account_sid: Option<String>,
    /// Auth Token (signs webhooks with HMAC-SHA1 and authenticates REST calls).
    pub auth_token: Option<Secret>,
    /// Sending numbers in E.164 form.
    pub from: Option<Vec<String>>,
    /// Messaging Service SID, `MG` + 32 hex digits (instead of `from`).
    pub messaging_service_sid: Option<String>,
    /// The public base URL Twilio calls (scheme, host, optional port and path prefix).
    pub public_url: Option<String>,
    /// REST API base URL (tests point it at a local server).
    pub api_base: Option<String>,
    /// Per sending number, in message segments per second.
    pub segments_per_second: Option<u32>,
    /// Secrets of Twilio webhook SharedKeys (HMAC-SHA256/SHA1 signing set up by a Webhook Rule);
    /// several may be listed while a key is rotated.
    pub webhook_shared_keys: Option<Vec<Secret>>,
    /// Whole-request timeout for REST calls, in seconds.
    pub request_timeout_secs: Option<u64>,
    /// Connect timeout for REST calls, in seconds.
    pub connect_timeout_secs: Option<u64>,
}

/// Which sender identity outbound messages use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SenderConfig {
    /// One or more Twilio numbers (E.164); each recipient sticks to one of them.
    Numbers(Vec<String>),
    /// A Messaging Service SID (Twilio picks the number from the service's pool).
    MessagingService(String),
}

/// Validated Twilio settings.
#[derive(Debug, Clone)]
pub struct TwilioConfig {
    /// Account SID, `AC` + 32 hex digits.
    pub account_sid: String,
    /// Auth Token.
    pub auth_token: Secret,
    /// Sending numbers or Messaging Service.
    pub sender: SenderConfig,
    /// Public base URL without a trailing slash, e.g. `https://sms.example.org`.
    pub public_url: String,
    /// REST API base URL without a trailing slash.
    pub api_base: String,
    /// Per sending number, in message segments per second.
    pub segments_per_second: NonZeroU32,
    /// SharedKey secrets accepted for webhooks that carry `X-Twilio-Webhooks-Signature-Settings`.
    pub webhook_shared_keys: Vec<Secret>,
    /// Whole-request timeout for REST calls.
    pub request_timeout: Duration,
    /// Connect timeout for REST calls.
    pub connect_timeout: Duration,
}

fn invalid(field: &'static str, reason: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        field,
        reason: reason.into(),
    }
}

/// True for `prefix` followed by exactly 32 hex digits (Twilio SIDs such as `AC…`, `MG…`, `SM…`).
pub fn is_sid(value: &str, prefix: &str) -> bool {
    value.len() == prefix.len() + 32
        && value.starts_with(prefix)
        && value[prefix.len()..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// True for an E.164 number: `+`, a non-zero digit, at most 15 digits in all.
pub fn is_e164(value: &str) -> bool {
    let Some(digits) = value.strip_prefix('+') else {
        return false;
    };
    (2..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

fn http_url(field: &'static str, value: &str) -> Result<String, ConfigError> {
    let url =
        Url::parse(value).map_err(|e| invalid(field, format!("not an absolute URL ({e})")))?;
    if url.scheme() != "https" && url.scheme() != "http" {
        return Err(invalid(field, "must start with https:// or http://"));
    }
    if url.host_str().is_none() {
        return Err(invalid(field, "has no host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid(field, "must not have a query string or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(field, "must not contain credentials"));
    }
    // Keep the text as written (Twilio signs the URL exactly as configured), minus a trailing '/'.
    Ok(value.trim_end_matches('/').to_string())
}

impl RawTwilioConfig {
    /// Overlays values from environment variables named `SMSUP_TWILIO_<FIELD>` (upper case), read
    /// through `get` (pass `|k| std::env::var(k).ok()` in the app). Lists (`FROM`,
    /// `WEBHOOK_SHARED_KEYS`) are comma-separated. Returns an error naming the field when a
    /// numeric variable does not parse.
    pub fn overlay_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        let var = |name: &str| get(&format!("{ENV_PREFIX}{name}")).filter(|v| !v.is_empty());
        let list = |v: String| -> Vec<String> {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        if let Some(v) = var("ACCOUNT_SID") {
            self.account_sid = Some(v);
        }
        if let Some(v) = var("AUTH_TOKEN") {
            self.auth_token = Some(Secret(v));
        }
        if let Some(v) = var("FROM") {
            self.from = Some(list(v));
        }
        if let Some(v) = var("MESSAGING_SERVICE_SID") {
            self.messaging_service_sid = Some(v);
        }
        if let Some(v) = var("PUBLIC_URL") {
            self.public_url = Some(v);
        }
        if let Some(v) = var("API_BASE") {
            self.api_base = Some(v);
        }
        if let Some(v) = var("WEBHOOK_SHARED_KEYS") {
            self.webhook_shared_keys = Some(list(v).into_iter().map(Secret).collect());
        }
        if let Some(v) = var("SEGMENTS_PER_SECOND") {
            let n = v.trim().parse().map_err(|_| {
                invalid(
                    "twilio.segments_per_second",
                    "SMSUP_TWILIO_SEGMENTS_PER_SECOND is not a whole number",
                )
            })?;
            self.segments_per_second = Some(n);
        }
        for (name, field, slot) in [
            (
                "REQUEST_TIMEOUT_SECS",
                "twilio.request_timeout_secs",
                &mut self.request_timeout_secs,
            ),
            (
                "CONNECT_TIMEOUT_SECS",
                "twilio.connect_timeout_secs",
                &mut self.connect_timeout_secs,
            ),
        ] {
            if let Some(v) = var(name) {
                *slot = Some(v.trim().parse().map_err(|_| {
                    invalid(field, format!("{ENV_PREFIX}{name} is not a whole number"))
                })?);
            }
        }
        Ok(())
    }

    /// Checks every value and returns the validated settings, or the first error (naming the field).
    pub fn validate(self) -> Result<TwilioConfig, ConfigError> {
        let account_sid = self.account_sid.ok_or(ConfigError::Missing {
            field: "twilio.account_sid",
            env: "SMSUP_TWILIO_ACCOUNT_SID",
        })?;
        let account_sid = account_sid.trim().to_string();
        if !is_sid(&account_sid, "AC") {
            return Err(invalid(
                "twilio.account_sid",
                "must be \"AC\" followed by 32 hexadecimal digits",
            ));
        }
        let auth_token = self.auth_token.ok_or(ConfigError::Missing {
            field: "twilio.auth_token",
            env: "SMSUP_TWILIO_AUTH_TOKEN",
        })?;
        if auth_token.0.trim().is_empty() {
            return Err(invalid("twilio.auth_token", "is empty"));
        }
        if auth_token.0.trim() != auth_token.0 {
            return Err(invalid(
                "twilio.auth_token",
                "has leading or trailing whitespace",
            ));
        }
        let from = self.from.unwrap_or_default();
        let sender = match (from.is_empty(), self.messaging_service_sid) {
            (false, Some(_)) => {
                return Err(invalid(
                    "twilio.from",
                    "set either from or messaging_service_sid, not both",
                ))
            }
            (true, None) => {
                return Err(ConfigError::Missing {
                    field: "twilio.from",
                    env: "SMSUP_TWILIO_FROM (or twilio.messaging_service_sid)",
                })
            }
            (true, Some(mg)) => {
                let mg = mg.trim().to_string();
                if !is_sid(&mg, "MG") {
                    return Err(invalid(
                        "twilio.messaging_service_sid",
                        "must be \"MG\" followed by 32 hexadecimal digits",
                    ));
                }
                SenderConfig::MessagingService(mg)
            }
            (false, None) => {
                let mut numbers = Vec::with_capacity(from.len());
                for (i, n) in from.iter().enumerate() {
                    let n = n.trim();
                    if !is_e164(n) {
                        return Err(invalid(
                            "twilio.from",
                            format!("entry {} is not an E.164 number like +60111111111", i + 1),
                        ));
                    }
                    if numbers.iter().any(|m: &String| m == n) {
                        return Err(invalid(
                            "twilio.from",
                            format!("entry {} is listed twice", i + 1),
                        ));
                    }
                    numbers.push(n.to_string());
                }
                SenderConfig::Numbers(numbers)
            }
        };
        let public_url = self.public_url.ok_or(ConfigError::Missing {
            field: "twilio.public_url",
            env: "SMSUP_TWILIO_PUBLIC_URL",
        })?;
        let public_url = http_url("twilio.public_url", public_url.trim())?;
        let api_base = http_url(
            "twilio.api_base",
            self.api_base.as_deref().unwrap_or(DEFAULT_API_BASE).trim(),
        )?;
        let sps = self
            .segments_per_second
            .unwrap_or(DEFAULT_SEGMENTS_PER_SECOND);
        let segments_per_second = NonZeroU32::new(sps)
            .ok_or_else(|| invalid("twilio.segments_per_second", "must be at least 1"))?;
        let webhook_shared_keys = self.webhook_shared_keys.unwrap_or_default();
        if webhook_shared_keys.iter().any(|k| k.0.trim().is_empty()) {
            return Err(invalid(
                "twilio.webhook_shared_keys",
                "contains an empty key",
            ));
        }
        let secs = |v: Option<u64>, default: u64, field: &'static str| {
            let s = v.unwrap_or(default);
            if s == 0 || s > 600 {
                Err(invalid(field, "must be between 1 and 600 seconds"))
            } else {
                Ok(Duration::from_secs(s))
            }
        };
        let request_timeout = secs(
            self.request_timeout_secs,
            DEFAULT_REQUEST_TIMEOUT_SECS,
            "twilio.request_timeout_secs",
        )?;
        let connect_timeout = secs(
            self.connect_timeout_secs,
            DEFAULT_CONNECT_TIMEOUT_SECS,
            "twilio.connect_timeout_secs",
        )?;
        Ok(TwilioConfig {
            account_sid,
            auth_token,
            sender,
            public_url,
            api_base,
            segments_per_second,
            webhook_shared_keys,
            request_timeout,
            connect_timeout,
        })
    }
}

impl TwilioConfig {
    /// Parses, overlays the environment (through `get`) and validates in one step.
    pub fn from_raw_with_env(
        mut raw: RawTwilioConfig,
        get: impl Fn(&str) -> Option<String>,
    ) -> Result<TwilioConfig, ConfigError> {
        raw.overlay_env(get)?;
        raw.validate()
    }

    /// The absolute URL Twilio calls for `path_and_query` (which must start with `/`), i.e. the URL
    /// that signatures are computed over.
    pub fn public_url_for(&self, path_and_query: &str) -> String {
        format!("{}{}", self.public_url, path_and_query)
    }

    /// The Messages.json endpoint of this account.
    pub fn messages_url(&self) -> String {
        format!(
            "{}/2010-04-01/Accounts/{}/Messages.json",
            self.api_base, self.account_sid
        )
    }
}
