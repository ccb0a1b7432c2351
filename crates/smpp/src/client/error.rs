//! Why a connection ended or could not be made: typed, and shown as the reason of
//! [`Event::Disconnected`](super::Event::Disconnected).

/// What ended (or prevented) a session's connection.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The TCP connection was not made within the response timeout.
    #[error("connect to {addr} timed out")]
    ConnectTimeout {
        /// `host:port`.
        addr: String,
    },
    /// The TCP connection failed.
    #[error("connect to {addr}: {source}")]
    Connect {
        /// `host:port`.
        addr: String,
        /// The socket's error.
        source: std::io::Error,
    },
    /// The TLS handshake took longer than the response timeout.
    #[error("TLS handshake with {addr} timed out")]
    TlsTimeout {
        /// `host:port`.
        addr: String,
    },
    /// The TLS handshake failed (a certificate the client does not trust, a protocol mismatch).
    #[error("TLS handshake with {addr}: {source}")]
    Tls {
        /// `host:port`.
        addr: String,
        /// The handshake's error.
        source: std::io::Error,
    },
    /// The bind request could not be written in time.
    #[error("bind: write timed out")]
    BindWriteTimeout,
    /// No bind response within the response timeout.
    #[error("bind response timed out")]
    BindTimeout,
    /// The SMSC closed the connection before answering the bind.
    #[error("connection closed during bind")]
    ClosedDuringBind,
    /// The SMSC refused the bind.
    #[error("bind refused: {}", crate::status::name(*status))]
    BindRefused {
        /// command_status.
        status: u32,
    },
    /// The SMSC answered the bind with generic_nack.
    #[error("bind refused with generic_nack {}", crate::status::name(*status))]
    BindNack {
        /// command_status.
        status: u32,
    },
    /// A PDU could not be encoded.
    #[error("encode: {0}")]
    Encode(String),
    /// The socket refused a write.
    #[error("write: {0}")]
    Write(std::io::Error),
    /// The socket took no more bytes: the peer is gone.
    #[error("write: connection closed")]
    WriteClosed,
    /// What the SMSC sent could not be read as SMPP.
    #[error("{0}")]
    Read(String),
    /// What the SMSC sent during the bind could not be read as SMPP.
    #[error("during bind: {0}")]
    ReadDuringBind(String),
    /// The SMSC closed the connection.
    #[error("connection closed by SMSC")]
    ClosedBySmsc,
    /// No enquire_link_resp in time: the link is dead.
    #[error("enquire_link_resp timed out")]
    EnquireLinkTimeout,
    /// A submit_sm_resp did not come in time.
    #[error("submit_sm_resp timed out")]
    SubmitRespTimeout,
    /// The SMSC sent unbind.
    #[error("SMSC unbound")]
    Unbound,
    /// The connection was closed by us (an orderly unbind).
    #[error("closed")]
    Closed,
}
