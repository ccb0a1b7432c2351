//! Settings of an SMPP client.

use std::path::PathBuf;
use std::time::Duration;

/// How the client binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BindMode {
    /// One bind_transceiver connection carries submits, receipts and MO.
    #[default]
    Transceiver,
    /// A bind_transmitter connection for submits and a bind_receiver connection for receipts and MO.
    TransmitterAndReceiver,
}

/// How messages longer than one SMS are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LongMessageMode {
    /// One submit_sm per part, each with a concatenation UDH (esm_class 0x40).
    #[default]
    Udh,
    /// One submit_sm per part with sar_msg_ref_num / sar_total_segments / sar_segment_seqnum TLVs.
    Sar,
    /// One submit_sm with the whole text in the message_payload TLV; the SMSC splits it.
    Payload,
}

/// Type of number and numbering plan of an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddrType {
    /// TON (1 international, 5 alphanumeric).
    pub ton: u8,
    /// NPI (1 E.164, 0 unknown).
    pub npi: u8,
}

/// Settings of an SMPP client (the `[smpp]` section of the application's configuration).
#[derive(Clone)]
pub struct SmppConfig {
    /// SMSC host name or address.
    pub host: String,
    /// SMSC port (2775 by convention).
    pub port: u16,
    /// system_id of the bind (max 15 characters).
    pub system_id: String,
    /// password of the bind (max 8 characters).
    pub password: String,
    /// system_type of the bind (max 12 characters, often empty).
    pub system_type: String,
    /// Sender: alphanumeric (sent as TON 5 / NPI 0) or a number, optionally with `+` (TON 1 / NPI 1).
    pub source_addr: String,
    /// Maximum unacknowledged submit_sm at once, on each bind.
    pub window: usize,
    /// Binds kept open at once (carriers sell several per account): each has its own window, the
    /// rate limit is shared by all of them, and messages go to whichever binds are up.
    pub binds: usize,
    /// The bind's contracted rate, in segments (submit_sm parts) per second.
    pub segments_per_second: u32,
    /// Transceiver or separate transmitter + receiver binds.
    pub bind_mode: BindMode,
    /// How long messages are sent.
    pub long_messages: LongMessageMode,
    /// Interval between enquire_link requests.
    pub enquire_link_interval: Duration,
    /// How long to wait for any response (bind, enquire_link, submit_sm) before the connection is
    /// considered dead and replaced.
    pub response_timeout: Duration,
    /// First reconnect delay; doubles on each failure.
    pub reconnect_min: Duration,
    /// Largest reconnect delay.
    pub reconnect_max: Duration,
    /// How long the connection pauses after ESME_RTHROTTLED / ESME_RMSGQFUL.
    pub throttle_pause: Duration,
    /// How long parts of a concatenated MO message are kept waiting for the missing ones.
    pub reassembly_timeout: Duration,
    /// Answer the parts of a concatenated MO message only once the whole message is stored (the
    /// default: a crash loses no part). An SMSC that delivers one message at a time, waiting for each
    /// answer, never sends the next part while one is held: set false for it, and each part but the
    /// last is answered as soon as it is in memory (a crash then loses the parts received so far).
    pub hold_mo_parts: bool,
    /// How long shutdown waits for queued and unacknowledged messages before giving up on them.
    pub shutdown_timeout: Duration,
    /// Capacity of the event channel returned by `Client::start`.
    pub event_capacity: usize,
    /// Messages that may wait inside the client beyond the window (callers of `submit` wait beyond it).
    pub queue_capacity: usize,
    /// SMPP over TLS. The server certificate is checked against the webpki root certificates
    /// and, when set, the certificates in `tls_ca_file`.
    pub tls: bool,
    /// A PEM file of extra trusted certificates (a private CA, or a self-signed server certificate).
    pub tls_ca_file: Option<PathBuf>,
    /// The name the server certificate must carry (default: `host`).
    pub tls_server_name: Option<String>,
    /// A PEM file with this client's certificate chain, for an SMSC that asks for one (set together
    /// with `tls_client_key`).
    pub tls_client_cert: Option<PathBuf>,
    /// A PEM file with the private key of `tls_client_cert`.
    pub tls_client_key: Option<PathBuf>,
}

impl std::fmt::Debug for SmppConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmppConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("system_id", &self.system_id)
            .field("password", &"***")
            .field("system_type", &self.system_type)
            .field("source_addr", &self.source_addr)
            .field("window", &self.window)
            .field("binds", &self.binds)
            .field("segments_per_second", &self.segments_per_second)
            .field("bind_mode", &self.bind_mode)
            .field("long_messages", &self.long_messages)
            .field("hold_mo_parts", &self.hold_mo_parts)
            .field("tls", &self.tls)
            .field("tls_ca_file", &self.tls_ca_file)
            .field("tls_server_name", &self.tls_server_name)
            .field("tls_client_cert", &self.tls_client_cert)
            .finish_non_exhaustive()
    }
}

/// The most binds one client keeps open (carriers rarely sell more than a handful).
pub const MAX_BINDS: usize = 16;

impl Default for SmppConfig {
    fn default() -> Self {
        SmppConfig {
            host: "127.0.0.1".into(),
            port: 2775,
            system_id: "smsup".into(),
            password: String::new(),
            system_type: String::new(),
            source_addr: "SMSUP".into(),
            window: 10,
            binds: 1,
            segments_per_second: 100,
            bind_mode: BindMode::Transceiver,
            long_messages: LongMessageMode::Udh,
            enquire_link_interval: Duration::from_secs(30),
            response_timeout: Duration::from_secs(10),
            reconnect_min: Duration::from_millis(500),
            reconnect_max: Duration::from_secs(30),
            throttle_pause: Duration::from_secs(1),
            reassembly_timeout: Duration::from_secs(120),
            hold_mo_parts: true,
            shutdown_timeout: Duration::from_secs(10),
            event_capacity: 10_000,
            queue_capacity: 10_000,
            tls: false,
            tls_ca_file: None,
            tls_server_name: None,
            tls_client_cert: None,
            tls_client_key: None,
        }
    }
}

/// Problems with a configuration, found by `Client::start`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// A bind field is longer than SMPP allows.
    #[error("{field} is too long (max {max} characters)")]
    TooLong {
        /// Field name.
        field: &'static str,
        /// The maximum.
        max: usize,
    },
    /// source_addr is empty or not representable.
    #[error("invalid source_addr")]
    InvalidSource,
    /// window or segments_per_second is zero, or a duration is zero.
    #[error("{0} must be greater than zero")]
    Zero(&'static str),
    /// More binds than [`MAX_BINDS`].
    #[error("binds: at most {max}")]
    TooManyBinds {
        /// The limit.
        max: usize,
    },
    /// The TLS settings are unusable (unreadable CA file, no certificate in it, bad server name).
    #[error("TLS: {0}")]
    Tls(String),
}

impl SmppConfig {
    /// Checks the limits SMPP puts on the bind fields and the sanity of the numbers, and with `tls`
    /// reads the CA file and checks the server name.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let check = |field: &'static str, v: &str, max: usize| {
            if v.chars().count() > max || v.contains('\0') {
                Err(ConfigError::TooLong { field, max })
            } else {
                Ok(())
            }
        };
        check("system_id", &self.system_id, 15)?;
        check("password", &self.password, 8)?;
        check("system_type", &self.system_type, 12)?;
        let src = self.source_address().ok_or(ConfigError::InvalidSource)?;
        check("source_addr", &src.0, 20)?;
        if self.window == 0 {
            return Err(ConfigError::Zero("window"));
        }
        if self.binds == 0 {
            return Err(ConfigError::Zero("binds"));
        }
        if self.binds > MAX_BINDS {
            return Err(ConfigError::TooManyBinds { max: MAX_BINDS });
        }
        if self.segments_per_second == 0 {
            return Err(ConfigError::Zero("segments_per_second"));
        }
        if self.enquire_link_interval.is_zero() || self.response_timeout.is_zero() {
            return Err(ConfigError::Zero("enquire_link_interval/response_timeout"));
        }
        if self.tls {
            crate::tls::connector(self)?;
        }
        Ok(())
    }

    /// The source address as sent, with its TON/NPI: a number (digits, optional leading `+`) is TON 1
    /// NPI 1, anything else is alphanumeric TON 5 NPI 0 (max 11 characters on the air).
    pub fn source_address(&self) -> Option<(String, AddrType)> {
        let s = self.source_addr.trim();
        if s.is_empty() {
            return None;
        }
        let digits = s.strip_prefix('+').unwrap_or(s);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            Some((digits.to_string(), AddrType { ton: 1, npi: 1 }))
        } else if s.is_ascii() {
            Some((s.to_string(), AddrType { ton: 5, npi: 0 }))
        } else {
            None
        }
    }
}

/// A destination number as sent: digits of the E.164 number, TON 1 NPI 1. `None` when it is not a number.
pub fn destination_address(to: &str) -> Option<String> {
    let t: String = to
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    let digits = t.strip_prefix('+').unwrap_or(&t);
    if digits.is_empty() || digits.len() > 20 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_address_ton() {
        let mut c = SmppConfig::default();
        assert_eq!(c.source_address().unwrap().1, AddrType { ton: 5, npi: 0 });
        c.source_addr = "+60123456789".into();
        assert_eq!(
            c.source_address().unwrap(),
            ("60123456789".into(), AddrType { ton: 1, npi: 1 })
        );
        c.system_id = "x".repeat(16);
        assert_eq!(
            c.validate(),
            Err(ConfigError::TooLong {
                field: "system_id",
                max: 15
            })
        );
        assert_eq!(
            destination_address("+60 12-345 6789").as_deref(),
            Some("60123456789")
        );
        assert_eq!(destination_address("abc"), None);
    }
}
