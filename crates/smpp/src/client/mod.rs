//! The ESME client: a tokio task per bind that keeps the connection up, submits through a window,
//! respects the rate limit and throttling, and reports receipts and MO messages as [`Event`]s.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::atomic::{AtomicU16, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::{Buf, Bytes, BytesMut};
use futures::stream::FuturesUnordered;
use futures::{FutureExt, StreamExt};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use rustls_pki_types::ServerName;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::task::JoinHandle;
use tokio::time::{interval, interval_at, sleep_until, timeout, Instant, MissedTickBehavior};
use tokio_rustls::TlsConnector;
use tokio_util::codec::FramedRead;
use tracing::{debug, info, warn};

use crate::codec::{Frame, SmppCodec};
use crate::config::{destination_address, BindMode, ConfigError, LongMessageMode, SmppConfig};
use crate::mo::{mo_part, Key, Pushed, Reassembler};
use crate::pdu::{self, command_id, tag, Bind, Body, Pdu, ShortMessage, Tlv, INTERFACE_VERSION_34};
use crate::receipt::{is_receipt, receipt_from_deliver, ReceiptState};
use crate::redelivery::{self, Redeliveries};
use crate::status::{self, classify, StatusClass};
use crate::text;

/// The acknowledgement of a mobile-originated message or a delivery receipt. The client answers
/// the deliver_sm (every part's, for a concatenated message) only when this is resolved:
/// [`MoAck::stored`] answers ESME_ROK once the application has stored it durably;
/// [`MoAck::failed`] (or dropping it) answers ESME_RX_T_APPN, so that the SMSC delivers it again.
/// Resolving many at once (a batch of receipts stored in one transaction) is cheap: the answers
/// are written together.
#[derive(Debug)]
pub struct MoAck(oneshot::Sender<bool>);

impl MoAck {
    /// The message is stored: the SMSC may forget it.
    pub fn stored(self) {
        let _ = self.0.send(true);
    }

    /// The message could not be stored: the SMSC should deliver it again later.
    pub fn failed(self) {
        let _ = self.0.send(false);
    }
}

/// Something that happened on the SMPP connection(s).
#[derive(Debug)]
pub enum Event {
    /// A bind succeeded (`"transceiver"`, `"transmitter"` or `"receiver"`).
    Bound {
        /// Which bind.
        bind: &'static str,
        /// Which of the `binds` (0-based).
        session: usize,
    },
    /// A connection was lost or refused; the client reconnects with backoff.
    Disconnected {
        /// Which bind.
        bind: &'static str,
        /// Which of the `binds` (0-based).
        session: usize,
        /// Why.
        reason: String,
    },
    /// A delivery receipt (one per submitted part).
    Receipt {
        /// The SMSC's message id as the receipt gives it (receipted_message_id TLV, else the text's id).
        message_id: String,
        /// The receipt text's id when it differs from the TLV's.
        alt_message_id: Option<String>,
        /// The reported state.
        state: ReceiptState,
        /// The reported error code, if not zero.
        error: Option<String>,
        /// Resolve once the receipt is stored; until then the SMSC has no answer.
        ack: MoAck,
    },
    /// A mobile-originated message, decoded and reassembled.
    Mobile {
        /// A unique id given by this client (SMPP 3.4 MO messages carry none): usable as a
        /// de-duplication key for this delivery.
        id: String,
        /// Sender (`+` and digits when the SMSC marked it international, TON 1).
        from: String,
        /// Recipient address (our number or short code).
        to: String,
        /// The text.
        text: String,
        /// Number of parts it arrived in.
        parts: u8,
        /// False when parts were missing at the reassembly timeout (the text has only those that came).
        complete: bool,
        /// Resolve once the message is stored; until then the SMSC has no answer.
        ack: MoAck,
    },
}

/// A message accepted by the SMSC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    /// The SMSC's message_id of each part, in part order (one id in message_payload mode).
    pub message_ids: Vec<String>,
}

/// Why a message was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubmitError {
    /// The destination is not a phone number.
    #[error("destination is not a phone number")]
    InvalidAddress,
    /// The text cannot be sent (more than 255 parts).
    #[error(transparent)]
    Text(#[from] text::TextError),
    /// The SMSC refused it with a status that a later retry may get past.
    #[error("transient SMSC error {}", status::name(*status))]
    Transient {
        /// command_status.
        status: u32,
    },
    /// The SMSC refused the destination address (retrying will not help).
    #[error("SMSC refused the destination: {}", status::name(*status))]
    Undeliverable {
        /// command_status.
        status: u32,
    },
    /// The SMSC refused it for good.
    #[error("permanent SMSC error {}", status::name(*status))]
    Permanent {
        /// command_status.
        status: u32,
    },
    /// The client is shutting down or stopped before the message was acknowledged.
    #[error("client shut down before the message was acknowledged")]
    Shutdown,
    /// Its bind was lost before the SMSC acknowledged it while another bind is up: submit it again
    /// (it goes to a bind that is up; the SMSC may have taken what was in flight).
    #[error("bind lost before the message was acknowledged; another bind is up")]
    BindLost,
}

/// Counters of what the client did (for metrics and tests).
#[derive(Debug, Default)]
pub struct Stats {
    /// submit_sm PDUs written, resends included.
    pub parts_sent: AtomicU64,
    /// submit_sm PDUs written again (after a disconnect or a throttle).
    pub parts_resent: AtomicU64,
    /// submit_sm_resp with status 0.
    pub parts_accepted: AtomicU64,
    /// ESME_RTHROTTLED / ESME_RMSGQFUL responses.
    pub throttled: AtomicU64,
    /// Successful binds.
    pub binds: AtomicU64,
    /// Lost or refused connections.
    pub disconnects: AtomicU64,
    /// Receipts received.
    pub receipts: AtomicU64,
    /// deliver_sm receipts with no usable message id.
    pub receipts_without_id: AtomicU64,
    /// MO messages delivered as events.
    pub mobile: AtomicU64,
    /// MO messages delivered again by the SMSC after a lost answer, answered and not passed on.
    pub mobile_redelivered: AtomicU64,
    /// PDUs that could not be decoded.
    pub invalid_pdus: AtomicU64,
}

/// A point-in-time copy of [`Stats`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatsSnapshot {
    /// submit_sm PDUs written, resends included.
    pub parts_sent: u64,
    /// submit_sm PDUs written again.
    pub parts_resent: u64,
    /// submit_sm_resp with status 0.
    pub parts_accepted: u64,
    /// Throttling responses.
    pub throttled: u64,
    /// Successful binds.
    pub binds: u64,
    /// Lost or refused connections.
    pub disconnects: u64,
    /// Receipts received.
    pub receipts: u64,
    /// Receipts without a usable id.
    pub receipts_without_id: u64,
    /// MO messages delivered.
    pub mobile: u64,
    /// MO messages delivered again after a lost answer (not passed on).
    pub mobile_redelivered: u64,
    /// Undecodable PDUs.
    pub invalid_pdus: u64,
}

impl Stats {
    fn snapshot(&self) -> StatsSnapshot {
        let g = |a: &AtomicU64| a.load(Ordering::Relaxed);
        StatsSnapshot {
            parts_sent: g(&self.parts_sent),
            parts_resent: g(&self.parts_resent),
            parts_accepted: g(&self.parts_accepted),
            throttled: g(&self.throttled),
            binds: g(&self.binds),
            disconnects: g(&self.disconnects),
            receipts: g(&self.receipts),
            receipts_without_id: g(&self.receipts_without_id),
            mobile: g(&self.mobile),
            mobile_redelivered: g(&self.mobile_redelivered),
            invalid_pdus: g(&self.invalid_pdus),
        }
    }
}

fn bump(a: &AtomicU64) {
    a.fetch_add(1, Ordering::Relaxed);
}

/// One submit_sm ready to go (body encoded; the header is added at send time).
#[derive(Debug)]
struct PreparedPart {
    body: Bytes,
    segments: u32,
}

struct Job {
    parts: Vec<PreparedPart>,
    reply: oneshot::Sender<Result<Submitted, SubmitError>>,
}

enum Cmd {
    Submit(Job),
    Shutdown(oneshot::Sender<()>),
}

/// The reading side of a connection (plain TCP or TLS).
type Reader = Box<dyn AsyncRead + Send + Unpin>;
/// The writing side of a connection (plain TCP or TLS).
type Writer = Box<dyn AsyncWrite + Send + Unpin>;

struct Shared {
    config: SmppConfig,
    /// The contracted rate, shared by every bind.
    limiter: DefaultDirectRateLimiter,
    /// Which sending sessions (one per bind) are bound now.
    bound: Vec<std::sync::atomic::AtomicBool>,
    /// With `tls`: the connector and the name the server certificate must carry.
    tls: Option<(TlsConnector, ServerName<'static>)>,
    stats: Stats,
    concat_ref: AtomicU16,
    source: (String, u8, u8),
    /// The texts encoded last: a broadcast sends one text to many numbers, so each is split once.
    encoded: std::sync::Mutex<EncodeCache>,
    /// Set by [`Client::shutdown`]: a session waiting to reconnect stops at once (its queue may be
    /// too full to take the shutdown command, and no acknowledgement can come without a bind).
    shutting_down: std::sync::atomic::AtomicBool,
    /// Wakes the sessions waiting to reconnect when `shutting_down` is set.
    shutdown_notify: tokio::sync::Notify,
}

/// A few recently encoded texts (a broadcast's text, and the replies interleaved with it).
#[derive(Default)]
struct EncodeCache {
    entries: VecDeque<(Arc<str>, Arc<text::EncodedText>)>,
}

/// How many encoded texts [`EncodeCache`] keeps.
const ENCODE_CACHE: usize = 8;

/// Most frames (or queued submits) handled in one go before the session looks at its timers.
const BURST: usize = 256;

/// How long after a lost connection an MO message whose answer was lost with it is expected again
/// (SMSCs retry after seconds to minutes).
const REDELIVERY_TTL: Duration = Duration::from_secs(30 * 60);

impl EncodeCache {
    fn get_or_encode(&mut self, body: &str) -> Result<Arc<text::EncodedText>, text::TextError> {
        if let Some(i) = self.entries.iter().position(|(t, _)| &**t == body) {
            if let Some(hit) = self.entries.remove(i) {
                let e = hit.1.clone();
                self.entries.push_front(hit);
                return Ok(e);
            }
        }
        let e = Arc::new(text::encode(body)?);
        self.entries.push_front((Arc::from(body), e.clone()));
        self.entries.truncate(ENCODE_CACHE);
        Ok(e)
    }
}

/// Handle to a running SMPP client. Cheap to clone; all clones talk to the same sessions.
#[derive(Clone)]
pub struct Client {
    /// One queue per sending session (per bind).
    tx: Arc<[mpsc::Sender<Cmd>]>,
    /// Round-robin position among the binds.
    next: Arc<std::sync::atomic::AtomicUsize>,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.shared.config)
            .finish()
    }
}

impl Client {
    /// Validates the configuration and starts the session task(s) on the current tokio runtime.
    /// Returns the handle and the stream of [`Event`]s (receipts, MO, connection changes); the caller
    /// must keep reading it, or the connection stalls once `event_capacity` events wait.
    pub fn start(config: SmppConfig) -> Result<(Client, mpsc::Receiver<Event>), ConfigError> {
        config.validate()?;
        let tls = if config.tls {
            Some(crate::tls::connector(&config)?)
        } else {
            None
        };
        let (src, ty) = config.source_address().ok_or(ConfigError::InvalidSource)?;
        let (ev_tx, ev_rx) = mpsc::channel(config.event_capacity.max(16));
        let seed = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let rate = config.segments_per_second.max(1);
        let burst = (rate / 10).max(1);
        let quota = Quota::per_second(NonZeroU32::new(rate).unwrap_or(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN));
        let binds = config.binds.max(1);
        let shared = Arc::new(Shared {
            config: config.clone(),
            limiter: RateLimiter::direct(quota),
            bound: (0..binds)
                .map(|_| std::sync::atomic::AtomicBool::new(false))
                .collect(),
            tls,
            stats: Stats::default(),
            concat_ref: AtomicU16::new(seed as u16),
            source: (src, ty.ton, ty.npi),
            encoded: std::sync::Mutex::new(EncodeCache::default()),
            shutting_down: std::sync::atomic::AtomicBool::new(false),
            shutdown_notify: tokio::sync::Notify::new(),
        });
        let mut senders = Vec::with_capacity(binds);
        for index in 0..binds {
            let (tx, rx) = mpsc::channel(config.queue_capacity.max(16));
            senders.push(tx);
            let (stop_tx, stop_rx) = watch::channel(false);
            let receiver = match config.bind_mode {
                BindMode::Transceiver => None,
                BindMode::TransmitterAndReceiver => {
                    let inbound = Inbound::new(shared.clone(), ev_tx.clone());
                    let session = Session::new(
                        shared.clone(),
                        Role::Receiver,
                        index,
                        None,
                        inbound,
                        stop_rx,
                    );
                    Some(tokio::spawn(session.run()))
                }
            };
            let role = match config.bind_mode {
                BindMode::Transceiver => Role::Transceiver,
                BindMode::TransmitterAndReceiver => Role::Transmitter,
            };
            let inbound = Inbound::new(shared.clone(), ev_tx.clone());
            let mut session = Session::new(
                shared.clone(),
                role,
                index,
                Some(rx),
                inbound,
                watch::channel(false).1,
            );
            session.companion = receiver.map(|h| (stop_tx, h));
            tokio::spawn(session.run());
        }
        let client = Client {
            tx: senders.into(),
            next: Arc::new(std::sync::atomic::AtomicUsize::new(0)),
            shared,
        };
        Ok((client, ev_rx))
    }

    /// The queue of the bind the next message goes to: the next bound one in turn (any one when
    /// none is bound: it waits there for the bind).
    fn pick(&self) -> &mpsc::Sender<Cmd> {
        let n = self.tx.len();
        let start = self.next.fetch_add(1, Ordering::Relaxed) % n;
        let up = (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| self.shared.bound[i].load(Ordering::Acquire) && !self.tx[i].is_closed());
        &self.tx[up.unwrap_or(start)]
    }

    /// Submits one text to one number (E.164, `+` optional). Splits it into parts as configured and
    /// resolves when the SMSC has acknowledged every part, with one message_id per part. Messages
    /// accepted here survive reconnects: unacknowledged parts are resent on the next bind.
    pub async fn submit(&self, to: &str, text: &str) -> Result<Submitted, SubmitError> {
        self.submit_valid(to, text, None).await
    }

    /// [`Self::submit`] with a validity period: the SMSC drops the message when it cannot deliver
    /// it within `validity` (sent as a relative `validity_period`, `YYMMDDhhmmss000R`).
    pub async fn submit_valid(
        &self,
        to: &str,
        text: &str,
        validity: Option<std::time::Duration>,
    ) -> Result<Submitted, SubmitError> {
        let parts = self.prepare(to, text, validity)?;
        let (reply, rx) = oneshot::channel();
        self.pick()
            .send(Cmd::Submit(Job { parts, reply }))
            .await
            .map_err(|_| SubmitError::Shutdown)?;
        rx.await.unwrap_or(Err(SubmitError::Shutdown))
    }

    /// A copy of the counters.
    pub fn stats(&self) -> StatsSnapshot {
        self.shared.stats.snapshot()
    }

    /// Stops taking new messages, waits (up to `shutdown_timeout`) until every accepted message is
    /// acknowledged, unbinds and closes. Messages still unacknowledged then fail with
    /// [`SubmitError::Shutdown`].
    pub async fn shutdown(&self) {
        self.shared
            .shutting_down
            .store(true, std::sync::atomic::Ordering::Release);
        self.shared.shutdown_notify.notify_waiters();
        let mut waiting = Vec::with_capacity(self.tx.len());
        for queue in self.tx.iter() {
            let (tx, rx) = oneshot::channel();
            if queue.send(Cmd::Shutdown(tx)).await.is_ok() {
                waiting.push(rx);
            }
        }
        for rx in waiting {
            let _ = rx.await;
        }
    }

    fn prepare(
        &self,
        to: &str,
        body: &str,
        validity: Option<std::time::Duration>,
    ) -> Result<Vec<PreparedPart>, SubmitError> {
        let dest = destination_address(to).ok_or(SubmitError::InvalidAddress)?;
        let enc = match self.shared.encoded.lock() {
            Ok(mut cache) => cache.get_or_encode(body)?,
            Err(_) => Arc::new(text::encode(body)?),
        };
        let cfg = &self.shared.config;
        let (src, ton, npi) = &self.shared.source;
        let base = ShortMessage {
            source_addr_ton: *ton,
            source_addr_npi: *npi,
            source_addr: src.clone(),
            dest_addr_ton: 1,
            dest_addr_npi: 1,
            destination_addr: dest,
            registered_delivery: 1,
            data_coding: enc.data_coding,
            validity_period: validity.map(pdu::relative_time).unwrap_or_default(),
            ..Default::default()
        };
        let total = enc.parts.len();
        let encode = |m: &ShortMessage, segments: u32| {
            pdu::encode_sm_body(m)
                .map(|body| PreparedPart { body, segments })
                .map_err(|_| SubmitError::InvalidAddress)
        };
        if total == 1 {
            let mut m = base;
            m.short_message = Bytes::copy_from_slice(&enc.bytes);
            return Ok(vec![encode(&m, 1)?]);
        }
        let reference = self.shared.concat_ref.fetch_add(1, Ordering::Relaxed);
        match cfg.long_messages {
            LongMessageMode::Payload => {
                let mut m = base;
                m.tlvs = vec![Tlv {
                    tag: tag::MESSAGE_PAYLOAD,
                    value: Bytes::copy_from_slice(&enc.bytes),
                }];
                Ok(vec![encode(&m, total as u32)?])
            }
            LongMessageMode::Udh => enc
                .parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut sm = Vec::with_capacity(6 + p.len());
                    sm.extend_from_slice(&[5, 0, 3, reference as u8, total as u8, (i + 1) as u8]);
                    sm.extend_from_slice(p);
                    let mut m = base.clone();
                    m.esm_class = 0x40;
                    m.short_message = Bytes::from(sm);
                    encode(&m, 1)
                })
                .collect(),
            LongMessageMode::Sar => enc
                .parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut m = base.clone();
                    m.short_message = Bytes::copy_from_slice(p);
                    m.tlvs = vec![
                        Tlv::u16(tag::SAR_MSG_REF_NUM, reference),
                        Tlv::u8(tag::SAR_TOTAL_SEGMENTS, total as u8),
                        Tlv::u8(tag::SAR_SEGMENT_SEQNUM, (i + 1) as u8),
                    ];
                    encode(&m, 1)
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Transceiver,
    Transmitter,
    Receiver,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Transceiver => "transceiver",
            Role::Transmitter => "transmitter",
            Role::Receiver => "receiver",
        }
    }
    fn bind(self, b: Bind) -> Body {
        match self {
            Role::Transceiver => Body::BindTransceiver(b),
            Role::Transmitter => Body::BindTransmitter(b),
            Role::Receiver => Body::BindReceiver(b),
        }
    }
    fn bind_resp_id(self) -> u32 {
        match self {
            Role::Transceiver => command_id::BIND_TRANSCEIVER_RESP,
            Role::Transmitter => command_id::BIND_TRANSMITTER_RESP,
            Role::Receiver => command_id::BIND_RECEIVER_RESP,
        }
    }
}

mod bind;
mod connection;
mod error;
mod inbound;
mod quickack;
mod session;

use connection::*;
pub use error::SessionError;
use inbound::*;
use session::*;
