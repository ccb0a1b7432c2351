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
    },
    /// A connection was lost or refused; the client reconnects with backoff.
    Disconnected {
        /// Which bind.
        bind: &'static str,
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
    /// With `tls`: the connector and the name the server certificate must carry.
    tls: Option<(TlsConnector, ServerName<'static>)>,
    stats: Stats,
    concat_ref: AtomicU16,
    source: (String, u8, u8),
    /// The texts encoded last: a broadcast sends one text to many numbers, so each is split once.
    encoded: std::sync::Mutex<EncodeCache>,
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

/// Handle to a running SMPP client. Cheap to clone; all clones talk to the same session.
#[derive(Clone)]
pub struct Client {
    tx: mpsc::Sender<Cmd>,
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
        let (tx, rx) = mpsc::channel(config.queue_capacity.max(16));
        let seed = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let shared = Arc::new(Shared {
            config: config.clone(),
            tls,
            stats: Stats::default(),
            concat_ref: AtomicU16::new(seed as u16),
            source: (src, ty.ton, ty.npi),
            encoded: std::sync::Mutex::new(EncodeCache::default()),
        });
        let (stop_tx, stop_rx) = watch::channel(false);
        let receiver = match config.bind_mode {
            BindMode::Transceiver => None,
            BindMode::TransmitterAndReceiver => {
                let inbound = Inbound::new(shared.clone(), ev_tx.clone());
                let session = Session::new(shared.clone(), Role::Receiver, None, inbound, stop_rx);
                Some(tokio::spawn(session.run()))
            }
        };
        let role = match config.bind_mode {
            BindMode::Transceiver => Role::Transceiver,
            BindMode::TransmitterAndReceiver => Role::Transmitter,
        };
        let inbound = Inbound::new(shared.clone(), ev_tx);
        let mut session = Session::new(
            shared.clone(),
            role,
            Some(rx),
            inbound,
            watch::channel(false).1,
        );
        session.companion = receiver.map(|h| (stop_tx, h));
        tokio::spawn(session.run());
        Ok((Client { tx, shared }, ev_rx))
    }

    /// Submits one text to one number (E.164, `+` optional). Splits it into parts as configured and
    /// resolves when the SMSC has acknowledged every part, with one message_id per part. Messages
    /// accepted here survive reconnects: unacknowledged parts are resent on the next bind.
    pub async fn submit(&self, to: &str, text: &str) -> Result<Submitted, SubmitError> {
        let parts = self.prepare(to, text)?;
        let (reply, rx) = oneshot::channel();
        self.tx
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
        let (tx, rx) = oneshot::channel();
        if self.tx.send(Cmd::Shutdown(tx)).await.is_ok() {
            let _ = rx.await;
        }
    }

    fn prepare(&self, to: &str, body: &str) -> Result<Vec<PreparedPart>, SubmitError> {
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

/// The deliver_sm responses of one MO message or receipt, sent once the application resolved its
/// [`MoAck`].
struct AckDone {
    /// A delivery receipt (not an MO message).
    receipt: bool,
    /// Connection generation the sequence numbers belong to.
    generation: u64,
    seqs: Vec<u32>,
    key: Option<Key>,
    stored: bool,
    /// An MO message's fingerprint ([`redelivery::fingerprint`]).
    fingerprint: Option<u64>,
}

type AckFuture = Pin<Box<dyn Future<Output = AckDone> + Send + Sync>>;

/// Handles deliver_sm: receipts and MO messages, each answered once the application stored it.
struct Inbound {
    shared: Arc<Shared>,
    events: mpsc::Sender<Event>,
    reassembler: Reassembler,
    id_prefix: String,
    counter: u64,
    /// Current connection generation (bumped on every bind).
    generation: u64,
    /// Sequence numbers of the parts of messages still waiting for parts, on this connection.
    held: HashMap<Key, Vec<u32>>,
    /// MO messages handed to the application and not yet acknowledged.
    acks: FuturesUnordered<AckFuture>,
    /// MO messages whose answer may not have reached the SMSC.
    redeliveries: Redeliveries,
}

impl Inbound {
    fn new(shared: Arc<Shared>, events: mpsc::Sender<Event>) -> Self {
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        let reassembler = Reassembler::new(shared.config.reassembly_timeout);
        // A dead connection goes unnoticed for up to one enquire_link interval plus its timeout:
        // answers sent in that time may be lost with it.
        let window = shared.config.enquire_link_interval + shared.config.response_timeout;
        let redeliveries = Redeliveries::new(window, REDELIVERY_TTL);
        Inbound {
            shared,
            events,
            reassembler,
            id_prefix: format!("smpp-{ms:x}"),
            counter: 0,
            generation: 0,
            held: HashMap::new(),
            acks: FuturesUnordered::new(),
            redeliveries,
        }
    }

    /// A new connection: the sequence numbers of the old one cannot be answered any more (the SMSC
    /// delivers those parts again; the reassembler keeps what it has).
    fn new_connection(&mut self) {
        self.generation += 1;
        self.held.clear();
    }

    async fn emit(&self, e: Event) {
        // A dropped receiver means nobody listens: the event is discarded.
        let _ = self.events.send(e).await;
    }

    /// Handles one deliver_sm; returns the command_status to answer now, or None when the answer
    /// waits until the application stored the message.
    async fn on_deliver(&mut self, sm: ShortMessage, seq: u32) -> Option<u32> {
        if is_receipt(&sm) {
            let raw = match find_payload(&sm) {
                p if sm.data_coding == text::DC_UCS2 => text::decode(text::DC_UCS2, p),
                p => pdu::latin1(p),
            };
            return match receipt_from_deliver(&sm, &raw) {
                Some(r) => {
                    bump(&self.shared.stats.receipts);
                    debug!(id = %r.message_id, state = ?r.state, "receipt");
                    let ack = self.await_ack(true, vec![seq], None, None);
                    self.emit(Event::Receipt {
                        message_id: r.message_id,
                        alt_message_id: r.alt_message_id,
                        state: r.state,
                        error: r.error,
                        ack,
                    })
                    .await;
                    None
                }
                None => {
                    bump(&self.shared.stats.receipts_without_id);
                    warn!("delivery receipt without a message id ignored");
                    Some(status::ESME_ROK)
                }
            };
        }
        let from = if sm.source_addr_ton == 1 && !sm.source_addr.starts_with('+') {
            format!("+{}", sm.source_addr)
        } else {
            sm.source_addr.clone()
        };
        let part = mo_part(&sm);
        match self
            .reassembler
            .push(std::time::Instant::now(), &from, &sm.destination_addr, part)
        {
            Pushed::Complete(a) => {
                let mut seqs = a
                    .key
                    .as_ref()
                    .and_then(|k| self.held.remove(k))
                    .unwrap_or_default();
                seqs.push(seq);
                self.deliver(a, seqs).await;
                None
            }
            Pushed::Waiting(key) if self.shared.config.hold_mo_parts => {
                self.held.entry(key).or_default().push(seq);
                None
            }
            // An SMSC that waits for this answer before sending the next part.
            Pushed::Waiting(_) => Some(status::ESME_ROK),
            // Its first copy is answered when stored; if storing fails, the reassembler forgets it
            // and the SMSC delivers every part again.
            Pushed::Duplicate(_) => Some(status::ESME_ROK),
        }
    }

    async fn deliver(&mut self, a: crate::mo::Assembled, seqs: Vec<u32>) {
        let fp = redelivery::fingerprint(&a.from, &a.to, &a.text);
        if self.redeliveries.is_copy(fp, std::time::Instant::now()) {
            // Stored already; its answer was lost with the old connection. Answer it again.
            bump(&self.shared.stats.mobile_redelivered);
            info!(
                parts = a.total,
                "SMPP MO message delivered again after a lost answer: answered, not stored twice"
            );
            self.redeliveries.pending(fp);
            let done = AckDone {
                receipt: false,
                generation: self.generation,
                seqs,
                key: a.key,
                stored: true,
                fingerprint: Some(fp),
            };
            self.acks.push(Box::pin(std::future::ready(done)));
            return;
        }
        bump(&self.shared.stats.mobile);
        self.counter += 1;
        debug!(
            parts = a.total,
            complete = a.complete,
            "mobile-originated message"
        );
        if !a.complete {
            warn!(
                parts = a.total,
                "concatenated MO message incomplete at timeout; delivering what arrived"
            );
        }
        let id = format!("{}-{}", self.id_prefix, self.counter);
        self.redeliveries.pending(fp);
        let ack = self.await_ack(false, seqs, a.key.clone(), Some(fp));
        self.emit(Event::Mobile {
            id,
            from: a.from,
            to: a.to,
            text: a.text,
            parts: a.total,
            complete: a.complete,
            ack,
        })
        .await;
    }

    /// An acknowledgement for the deliver_sm PDUs `seqs` of this connection: once resolved, their
    /// answers come out of `acks`.
    fn await_ack(
        &mut self,
        receipt: bool,
        seqs: Vec<u32>,
        key: Option<Key>,
        fingerprint: Option<u64>,
    ) -> MoAck {
        let (tx, rx) = oneshot::channel();
        let generation = self.generation;
        self.acks.push(Box::pin(async move {
            let stored = rx.await.unwrap_or(false);
            AckDone {
                receipt,
                generation,
                seqs,
                key,
                stored,
                fingerprint,
            }
        }));
        MoAck(tx)
    }

    /// Delivers what the reassembly timeout gave up on (their held parts are answered once stored)
    /// and answers with ESME_RX_T_APPN the held parts of messages dropped from a full reassembler.
    async fn expire(&mut self) -> Vec<u32> {
        for a in self.reassembler.expire(std::time::Instant::now()) {
            let seqs = a
                .key
                .as_ref()
                .and_then(|k| self.held.remove(k))
                .unwrap_or_default();
            self.deliver(a, seqs).await;
        }
        let gone: Vec<Key> = self
            .held
            .keys()
            .filter(|k| !self.reassembler.is_waiting(k))
            .cloned()
            .collect();
        gone.into_iter()
            .filter_map(|k| self.held.remove(&k))
            .flatten()
            .collect()
    }

    /// The responses for an acknowledged MO message: (sequence number, command_status) to send on
    /// the current connection (none if it was received on an earlier one).
    fn answers(&mut self, done: AckDone) -> Vec<(u32, u32)> {
        if !done.stored && done.receipt {
            // The application logs the failed batch once; one line per receipt would flood.
            debug!("receipt not stored: answering ESME_RX_T_APPN so that the SMSC retries");
        } else if !done.stored {
            warn!("MO message not stored: answering ESME_RX_T_APPN so that the SMSC retries");
            if let Some(k) = &done.key {
                self.reassembler.forget(k);
            }
        }
        if let Some(fp) = done.fingerprint {
            match (done.generation == self.generation, done.stored) {
                (true, true) => self.redeliveries.answered(fp, std::time::Instant::now()),
                (true, false) => self.redeliveries.refused(fp),
                // Its connection is gone: the SMSC delivers it again.
                (false, stored) => self.redeliveries.settled_late(fp, stored),
            }
        }
        if done.generation != self.generation {
            return Vec::new();
        }
        let st = if done.stored {
            status::ESME_ROK
        } else {
            status::ESME_RX_T_APPN
        };
        done.seqs.into_iter().map(|s| (s, st)).collect()
    }
}

/// Waits for the next acknowledged MO message (never resolves when none is waiting).
async fn next_ack(acks: &mut FuturesUnordered<AckFuture>) -> AckDone {
    match acks.next().await {
        Some(d) => d,
        None => std::future::pending().await,
    }
}

fn find_payload(sm: &ShortMessage) -> &[u8] {
    match pdu::find_tlv(&sm.tlvs, tag::MESSAGE_PAYLOAD) {
        Some(t) if sm.short_message.is_empty() => &t.value,
        _ => &sm.short_message,
    }
}

/// One part on its way: which message, which part, its global order.
#[derive(Debug)]
struct Part {
    msg: u64,
    index: usize,
    ord: u64,
    body: Bytes,
    segments: u32,
    sends: u32,
}

struct MsgState {
    ids: Vec<Option<String>>,
    remaining: usize,
    reply: oneshot::Sender<Result<Submitted, SubmitError>>,
}

struct InFlight {
    part: Part,
    sent_at: Instant,
}

/// One TCP connection with a completed bind.
struct Conn {
    reader: FramedRead<Reader, SmppCodec>,
    /// The writing side: written from the session itself, without a task in between.
    wr: Writer,
    /// Encoded PDUs not written yet.
    buf: BytesMut,
    /// Bytes were written but not flushed (TLS keeps records until flushed).
    unflushed: bool,
    seq: u32,
    in_flight: HashMap<u32, InFlight>,
    enquire_deadline: Option<Instant>,
}

impl Conn {
    fn next_seq(&mut self) -> u32 {
        self.seq = if self.seq >= 0x7FFF_FFFF {
            1
        } else {
            self.seq + 1
        };
        self.seq
    }
    /// Queues a PDU; it is written at the next [`Conn::flush`].
    fn send_pdu(&mut self, pdu: &Pdu) -> Result<(), End> {
        pdu.encode(&mut self.buf)
            .map_err(|e| End::Lost(format!("encode: {e}")))
    }

    /// Writes what is queued as far as the socket takes it now, without waiting; the rest is
    /// written by [`write_some`] from the session's loop.
    fn flush(&mut self) -> Result<(), End> {
        while !self.buf.is_empty() {
            match self.wr.write(&self.buf).now_or_never() {
                None => return Ok(()),
                Some(Ok(0)) => return Err(End::Lost("write: connection closed".into())),
                Some(Ok(n)) => {
                    self.buf.advance(n);
                    self.unflushed = true;
                }
                Some(Err(e)) => return Err(End::Lost(format!("write: {e}"))),
            }
        }
        if self.unflushed {
            match self.wr.flush().now_or_never() {
                None => {}
                Some(Ok(())) => self.unflushed = false,
                Some(Err(e)) => return Err(End::Lost(format!("write: {e}"))),
            }
        }
        Ok(())
    }

    /// Writes and flushes everything queued, waiting as long as it takes (bind and unbind).
    async fn flush_all(&mut self) -> std::io::Result<()> {
        self.wr.write_all(&self.buf).await?;
        self.buf.clear();
        self.wr.flush().await?;
        self.unflushed = false;
        Ok(())
    }
}

/// Writes some of `buf` when the socket can take it, then flushes.
async fn write_some(
    wr: &mut Writer,
    buf: &mut BytesMut,
    unflushed: &mut bool,
) -> std::io::Result<()> {
    if !buf.is_empty() {
        let n = wr.write(buf).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        buf.advance(n);
    }
    wr.flush().await?;
    *unflushed = false;
    Ok(())
}

/// Why a connection ended.
enum End {
    Lost(String),
    Closed,
}

struct Session {
    shared: Arc<Shared>,
    role: Role,
    cmd_rx: Option<mpsc::Receiver<Cmd>>,
    inbound: Inbound,
    stop: watch::Receiver<bool>,
    companion: Option<(watch::Sender<bool>, JoinHandle<()>)>,
    limiter: DefaultDirectRateLimiter,
    msgs: HashMap<u64, MsgState>,
    pending: VecDeque<Part>,
    throttled: Vec<Part>,
    paused_until: Option<Instant>,
    next_msg: u64,
    next_ord: u64,
    closing: Option<Instant>,
    shutdown_waiters: Vec<oneshot::Sender<()>>,
}

impl Session {
    fn new(
        shared: Arc<Shared>,
        role: Role,
        cmd_rx: Option<mpsc::Receiver<Cmd>>,
        inbound: Inbound,
        stop: watch::Receiver<bool>,
    ) -> Self {
        let rate = shared.config.segments_per_second.max(1);
        let burst = (rate / 10).max(1);
        let quota = Quota::per_second(NonZeroU32::new(rate).unwrap_or(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN));
        Session {
            shared,
            role,
            cmd_rx,
            inbound,
            stop,
            companion: None,
            limiter: RateLimiter::direct(quota),
            msgs: HashMap::new(),
            pending: VecDeque::new(),
            throttled: Vec::new(),
            paused_until: None,
            next_msg: 0,
            next_ord: 0,
            closing: None,
            shutdown_waiters: Vec::new(),
        }
    }

    fn cfg(&self) -> &SmppConfig {
        &self.shared.config
    }

    fn has_work(&self) -> bool {
        !self.msgs.is_empty()
    }

    fn accepting(&self) -> bool {
        self.cmd_rx.is_some()
            && self.closing.is_none()
            && self.pending.len() < self.cfg().queue_capacity.max(16)
    }

    fn stopping(&self) -> bool {
        *self.stop.borrow() || self.stop.has_changed().is_err()
    }

    fn on_cmd(&mut self, cmd: Option<Cmd>) {
        match cmd {
            Some(Cmd::Submit(job)) => {
                let id = self.next_msg;
                self.next_msg += 1;
                let n = job.parts.len();
                for (index, p) in job.parts.into_iter().enumerate() {
                    let ord = self.next_ord;
                    self.next_ord += 1;
                    self.pending.push_back(Part {
                        msg: id,
                        index,
                        ord,
                        body: p.body,
                        segments: p.segments,
                        sends: 0,
                    });
                }
                self.msgs.insert(
                    id,
                    MsgState {
                        ids: vec![None; n],
                        remaining: n,
                        reply: job.reply,
                    },
                );
            }
            Some(Cmd::Shutdown(tx)) => {
                self.shutdown_waiters.push(tx);
                if self.closing.is_none() {
                    info!(bind = self.role.name(), "SMPP shutdown requested");
                    self.closing = Some(Instant::now() + self.cfg().shutdown_timeout);
                }
            }
            None => {
                if self.closing.is_none() {
                    self.closing = Some(Instant::now() + self.cfg().shutdown_timeout);
                }
            }
        }
    }

    /// True once shutdown may proceed to unbind.
    fn drained(&self) -> bool {
        match self.role {
            Role::Receiver => self.stopping(),
            _ => {
                self.closing.is_some()
                    && (!self.has_work() || self.closing.is_some_and(|d| Instant::now() >= d))
            }
        }
    }

    async fn run(mut self) {
        let mut delay = self.cfg().reconnect_min;
        loop {
            if self.drained() {
                break;
            }
            match self.connect().await {
                Ok(mut conn) => {
                    delay = self.cfg().reconnect_min;
                    self.inbound.new_connection();
                    bump(&self.shared.stats.binds);
                    info!(bind = self.role.name(), "SMPP bound");
                    self.inbound
                        .emit(Event::Bound {
                            bind: self.role.name(),
                        })
                        .await;
                    let end = self.serve(&mut conn).await;
                    self.requeue(&mut conn);
                    drop(conn);
                    match end {
                        End::Closed => {
                            self.inbound.redeliveries.connection_closed();
                            break;
                        }
                        End::Lost(reason) => {
                            self.inbound
                                .redeliveries
                                .connection_lost(std::time::Instant::now());
                            self.lost(reason).await
                        }
                    }
                }
                Err(reason) => self.lost(reason).await,
            }
            if self.drained() {
                break;
            }
            self.wait(delay).await;
            delay = (delay * 2).min(self.cfg().reconnect_max);
        }
        self.finish().await;
    }

    async fn lost(&mut self, reason: String) {
        bump(&self.shared.stats.disconnects);
        warn!(bind = self.role.name(), %reason, "SMPP connection lost; reconnecting");
        self.inbound
            .emit(Event::Disconnected {
                bind: self.role.name(),
                reason,
            })
            .await;
    }

    /// Waits before reconnecting while still queueing new submits.
    async fn wait(&mut self, d: Duration) {
        let until = Instant::now() + d;
        loop {
            if self.drained() {
                return;
            }
            let closing_at = self.closing;
            tokio::select! {
                _ = sleep_until(until) => return,
                c = recv_cmd(&mut self.cmd_rx), if self.accepting() => self.on_cmd(c),
                _ = sleep_until(closing_at.unwrap_or(until)), if closing_at.is_some() => {}
                _ = self.stop.changed(), if self.role == Role::Receiver => {}
            }
        }
    }

    async fn finish(&mut self) {
        // Fail what is left, refuse what is still queued.
        for (_, m) in self.msgs.drain() {
            let _ = m.reply.send(Err(SubmitError::Shutdown));
        }
        self.pending.clear();
        if let Some(rx) = self.cmd_rx.as_mut() {
            rx.close();
            while let Ok(c) = rx.try_recv() {
                match c {
                    Cmd::Submit(job) => {
                        let _ = job.reply.send(Err(SubmitError::Shutdown));
                    }
                    Cmd::Shutdown(tx) => self.shutdown_waiters.push(tx),
                }
            }
        }
        if let Some((stop, handle)) = self.companion.take() {
            let _ = stop.send(true);
            let _ = handle.await;
        }
        for w in self.shutdown_waiters.drain(..) {
            let _ = w.send(());
        }
        info!(bind = self.role.name(), "SMPP client stopped");
    }

    async fn connect(&mut self) -> Result<Conn, String> {
        let cfg = self.cfg().clone();
        let t = cfg.response_timeout;
        let addr = format!("{}:{}", cfg.host, cfg.port);
        let stream = timeout(t, TcpStream::connect(&addr))
            .await
            .map_err(|_| format!("connect to {addr} timed out"))?
            .map_err(|e| format!("connect to {addr}: {e}"))?;
        let _ = stream.set_nodelay(true);
        let (rd, wr): (Reader, Writer) = match &self.shared.tls {
            None => {
                let (rd, wr) = stream.into_split();
                (Box::new(rd), Box::new(wr))
            }
            Some((connector, name)) => {
                let tls = timeout(t, connector.connect(name.clone(), stream))
                    .await
                    .map_err(|_| format!("TLS handshake with {addr} timed out"))?
                    .map_err(|e| format!("TLS handshake with {addr}: {e}"))?;
                let (rd, wr) = tokio::io::split(tls);
                (Box::new(rd), Box::new(wr))
            }
        };
        let mut conn = Conn {
            reader: FramedRead::with_capacity(rd, SmppCodec, 64 * 1024),
            wr,
            buf: BytesMut::with_capacity(16 * 1024),
            unflushed: false,
            seq: 0,
            in_flight: HashMap::new(),
            enquire_deadline: None,
        };
        let bind = Bind {
            system_id: cfg.system_id.clone(),
            password: cfg.password.clone(),
            system_type: cfg.system_type.clone(),
            interface_version: INTERFACE_VERSION_34,
            addr_ton: 0,
            addr_npi: 0,
            address_range: String::new(),
        };
        let seq = conn.next_seq();
        conn.send_pdu(&Pdu::new(seq, self.role.bind(bind)))
            .map_err(end_reason)?;
        timeout(t, conn.flush_all())
            .await
            .map_err(|_| "bind: write timed out".to_string())?
            .map_err(|e| format!("bind: write: {e}"))?;
        let deadline = Instant::now() + t;
        loop {
            let frame = match timeout(
                deadline.saturating_duration_since(Instant::now()),
                conn.reader.next(),
            )
            .await
            {
                Err(_) => return Err("bind response timed out".into()),
                Ok(None) => return Err("connection closed during bind".into()),
                Ok(Some(Err(e))) => return Err(format!("during bind: {e}")),
                Ok(Some(Ok(f))) => f,
            };
            match frame {
                Frame::Pdu(p)
                    if p.body.command_id() == self.role.bind_resp_id()
                        && p.sequence_number == seq =>
                {
                    if p.command_status != 0 {
                        return Err(format!("bind refused: {}", status::name(p.command_status)));
                    }
                    return Ok(conn);
                }
                Frame::Pdu(p) if p.body.command_id() == command_id::GENERIC_NACK => {
                    return Err(format!(
                        "bind refused with generic_nack {}",
                        status::name(p.command_status)
                    ));
                }
                Frame::Pdu(p) if p.body == Body::EnquireLink => {
                    conn.send_pdu(&resp(&p, Body::EnquireLinkResp))
                        .and_then(|()| conn.flush())
                        .map_err(end_reason)?;
                }
                other => debug!(?other, "ignored PDU before bind response"),
            }
        }
    }

    /// Runs one bound connection until it is lost or closed.
    async fn serve(&mut self, conn: &mut Conn) -> End {
        let every = self.cfg().enquire_link_interval;
        let mut enquire = interval_at(Instant::now() + every, every);
        enquire.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let mut house = interval(Duration::from_millis(100));
        house.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            let wake = match self.fill(conn) {
                Ok(w) => w,
                Err(e) => return e,
            };
            if self.drained() {
                return self.unbind(conn).await;
            }
            if let Err(e) = conn.flush() {
                return e;
            }
            let closing_at = self.closing;
            tokio::select! {
                f = conn.reader.next() => {
                    // Handle every frame already read (up to a bound) before waiting again: one
                    // wake-up and one write for a burst of responses and receipts.
                    let mut next = Some(f);
                    let mut handled = 0;
                    while let Some(f) = next.take() {
                        match f {
                            Some(Ok(frame)) => {
                                if let Err(e) = self.on_frame(conn, frame).await {
                                    return e;
                                }
                            }
                            Some(Err(e)) => return End::Lost(e.to_string()),
                            None => return End::Lost("connection closed by SMSC".into()),
                        }
                        handled += 1;
                        if handled < BURST {
                            next = conn.reader.next().now_or_never();
                        }
                    }
                }
                c = recv_cmd(&mut self.cmd_rx), if self.accepting() => {
                    self.on_cmd(c);
                    let mut taken = 1;
                    while taken < BURST && self.accepting() {
                        match self.cmd_rx.as_mut().map(|rx| rx.try_recv()) {
                            Some(Ok(c)) => self.on_cmd(Some(c)),
                            _ => break,
                        }
                        taken += 1;
                    }
                }
                _ = sleep_until(wake.unwrap_or_else(Instant::now)), if wake.is_some() => {}
                _ = enquire.tick() => {
                    let seq = conn.next_seq();
                    if let Err(e) = conn.send_pdu(&Pdu::new(seq, Body::EnquireLink)) {
                        return e;
                    }
                    if conn.enquire_deadline.is_none() {
                        conn.enquire_deadline = Some(Instant::now() + self.cfg().response_timeout);
                    }
                }
                _ = house.tick() => {
                    let now = Instant::now();
                    if conn.enquire_deadline.is_some_and(|d| now >= d) {
                        return End::Lost("enquire_link_resp timed out".into());
                    }
                    let t = self.cfg().response_timeout;
                    if conn.in_flight.values().any(|f| now.duration_since(f.sent_at) >= t) {
                        return End::Lost("submit_sm_resp timed out".into());
                    }
                    for seq in self.inbound.expire().await {
                        if let Err(e) = conn.send_pdu(&deliver_resp(seq, status::ESME_RX_T_APPN)) {
                            return e;
                        }
                    }
                }
                done = next_ack(&mut self.inbound.acks) => {
                    // A stored batch of receipts resolves many at once: answer all that are ready.
                    let mut next = Some(done);
                    while let Some(done) = next {
                        for (seq, st) in self.inbound.answers(done) {
                            if let Err(e) = conn.send_pdu(&deliver_resp(seq, st)) {
                                return e;
                            }
                        }
                        next = self.inbound.acks.next().now_or_never().flatten();
                    }
                }
                _ = sleep_until(closing_at.unwrap_or_else(Instant::now)), if closing_at.is_some() => {}
                _ = self.stop.changed(), if self.role == Role::Receiver => {}
                w = write_some(&mut conn.wr, &mut conn.buf, &mut conn.unflushed),
                    if !conn.buf.is_empty() || conn.unflushed => {
                    if let Err(e) = w {
                        return End::Lost(format!("write: {e}"));
                    }
                }
            }
        }
    }

    /// Sends queued parts while the window, the pause and the rate limit allow. Returns when to try
    /// again if something other than a response or a new message must wake us.
    fn fill(&mut self, conn: &mut Conn) -> Result<Option<Instant>, End> {
        if self.role == Role::Receiver {
            return Ok(None);
        }
        let now = Instant::now();
        if let Some(p) = self.paused_until {
            if now < p {
                return Ok(Some(p));
            }
            self.paused_until = None;
        }
        if !self.throttled.is_empty() {
            if !conn.in_flight.is_empty() {
                // Wait until every outstanding submit is answered, so the resend keeps the order.
                return Ok(None);
            }
            let mut t = std::mem::take(&mut self.throttled);
            t.sort_by_key(|p| std::cmp::Reverse(p.ord));
            for p in t {
                self.pending.push_front(p);
            }
        }
        let window = self.cfg().window;
        while conn.in_flight.len() < window {
            let Some(front) = self.pending.front() else {
                break;
            };
            if !self.msgs.contains_key(&front.msg) {
                self.pending.pop_front();
                continue;
            }
            let n = NonZeroU32::new(front.segments.max(1)).unwrap_or(NonZeroU32::MIN);
            match self.limiter.check_n(n) {
                Ok(Ok(())) => {}
                Ok(Err(not_until)) => {
                    let wait = not_until.wait_time_from(DefaultClock::default().now());
                    return Ok(Some(Instant::now() + wait));
                }
                // More segments than the burst: let it through (one message_payload PDU).
                Err(_) => {}
            }
            let Some(mut part) = self.pending.pop_front() else {
                break;
            };
            let seq = conn.next_seq();
            pdu::put_header(
                &mut conn.buf,
                command_id::SUBMIT_SM,
                0,
                seq,
                part.body.len(),
            );
            conn.buf.extend_from_slice(&part.body);
            part.sends += 1;
            bump(&self.shared.stats.parts_sent);
            if part.sends > 1 {
                bump(&self.shared.stats.parts_resent);
            }
            conn.in_flight.insert(seq, InFlight { part, sent_at: now });
        }
        Ok(None)
    }

    /// Puts unacknowledged and throttled parts back at the front of the queue, in original order.
    fn requeue(&mut self, conn: &mut Conn) {
        let mut back: Vec<Part> = conn.in_flight.drain().map(|(_, f)| f.part).collect();
        back.append(&mut self.throttled);
        if !back.is_empty() {
            info!(
                parts = back.len(),
                "requeueing unacknowledged submits for the next bind"
            );
        }
        back.sort_by_key(|p| std::cmp::Reverse(p.ord));
        for p in back {
            self.pending.push_front(p);
        }
    }

    async fn on_frame(&mut self, conn: &mut Conn, frame: Frame) -> Result<(), End> {
        let pdu = match frame {
            Frame::Pdu(p) => p,
            Frame::Invalid { header, error } => {
                bump(&self.shared.stats.invalid_pdus);
                warn!(command_id = format!("0x{:08x}", header.command_id), %error, "undecodable PDU");
                if header.command_id & 0x8000_0000 == 0 {
                    let nack = Pdu {
                        command_status: status::ESME_RINVCMDLEN,
                        sequence_number: header.sequence_number,
                        body: Body::GenericNack,
                    };
                    conn.send_pdu(&nack)?;
                } else if let Some(f) = conn.in_flight.remove(&header.sequence_number) {
                    // A response we cannot read: the part's fate is unknown, so send it again.
                    self.pending.push_front(f.part);
                }
                return Ok(());
            }
        };
        match pdu.body {
            Body::SubmitSmResp { ref message_id } => {
                let message_id = message_id.clone();
                self.on_submit_resp(conn, pdu.sequence_number, pdu.command_status, message_id);
            }
            Body::GenericNack => {
                if conn.in_flight.contains_key(&pdu.sequence_number) {
                    let st = if pdu.command_status == 0 {
                        status::ESME_RUNKNOWNERR
                    } else {
                        pdu.command_status
                    };
                    self.on_submit_resp(conn, pdu.sequence_number, st, String::new());
                } else {
                    warn!(status = %status::name(pdu.command_status), "generic_nack from SMSC");
                }
            }
            Body::DeliverSm(sm) => {
                if let Some(st) = self.inbound.on_deliver(sm, pdu.sequence_number).await {
                    conn.send_pdu(&deliver_resp(pdu.sequence_number, st))?;
                }
            }
            Body::EnquireLink => conn.send_pdu(&resp(&pdu, Body::EnquireLinkResp))?,
            Body::EnquireLinkResp => conn.enquire_deadline = None,
            Body::Unbind => {
                conn.send_pdu(&resp(&pdu, Body::UnbindResp))?;
                return Err(End::Lost("SMSC unbound".into()));
            }
            Body::UnbindResp => {}
            Body::Other { command_id, .. } if command_id & 0x8000_0000 == 0 => {
                let nack = Pdu {
                    command_status: status::ESME_RINVCMDID,
                    sequence_number: pdu.sequence_number,
                    body: Body::GenericNack,
                };
                conn.send_pdu(&nack)?;
            }
            other => debug!(
                command_id = format!("0x{:08x}", other.command_id()),
                "ignored PDU"
            ),
        }
        // Any traffic proves the link is alive.
        Ok(())
    }

    fn on_submit_resp(&mut self, conn: &mut Conn, seq: u32, st: u32, message_id: String) {
        let Some(f) = conn.in_flight.remove(&seq) else {
            debug!(seq, "submit_sm_resp for an unknown sequence number");
            return;
        };
        let part = f.part;
        match classify(st) {
            StatusClass::Ok => {
                bump(&self.shared.stats.parts_accepted);
                let done = match self.msgs.get_mut(&part.msg) {
                    Some(m) => {
                        if let Some(slot) = m.ids.get_mut(part.index) {
                            if slot.is_none() {
                                m.remaining = m.remaining.saturating_sub(1);
                            }
                            *slot = Some(message_id);
                        }
                        m.remaining == 0
                    }
                    None => false,
                };
                if done {
                    if let Some(m) = self.msgs.remove(&part.msg) {
                        let ids = m.ids.into_iter().map(Option::unwrap_or_default).collect();
                        let _ = m.reply.send(Ok(Submitted { message_ids: ids }));
                    }
                }
            }
            StatusClass::Throttle => {
                bump(&self.shared.stats.throttled);
                if self.throttled.is_empty() {
                    warn!(status = %status::name(st), "SMSC throttling: pausing the connection");
                }
                self.paused_until = Some(Instant::now() + self.cfg().throttle_pause);
                self.throttled.push(part);
            }
            class => {
                let err = match class {
                    StatusClass::Transient => SubmitError::Transient { status: st },
                    StatusClass::InvalidDestination => SubmitError::Undeliverable { status: st },
                    _ => SubmitError::Permanent { status: st },
                };
                debug!(status = %status::name(st), "submit_sm refused");
                if let Some(m) = self.msgs.remove(&part.msg) {
                    let _ = m.reply.send(Err(err));
                }
            }
        }
    }

    async fn unbind(&mut self, conn: &mut Conn) -> End {
        // Answer the MO messages and receipts the application is storing right now, if it is quick.
        let inbound = &mut self.inbound;
        let _ = timeout(Duration::from_secs(2), async {
            while let Some(done) = inbound.acks.next().await {
                for (seq, st) in inbound.answers(done) {
                    let _ = conn.send_pdu(&deliver_resp(seq, st));
                }
            }
        })
        .await;
        let seq = conn.next_seq();
        if conn.send_pdu(&Pdu::new(seq, Body::Unbind)).is_err()
            || !matches!(
                timeout(Duration::from_secs(5), conn.flush_all()).await,
                Ok(Ok(()))
            )
        {
            return End::Closed;
        }
        let deadline = Instant::now() + self.cfg().response_timeout.min(Duration::from_secs(5));
        loop {
            match timeout(
                deadline.saturating_duration_since(Instant::now()),
                conn.reader.next(),
            )
            .await
            {
                Ok(Some(Ok(Frame::Pdu(p)))) => match p.body {
                    Body::UnbindResp if p.sequence_number == seq => break,
                    Body::DeliverSm(sm) => {
                        // An MO message now is answered by the SMSC's redelivery after the next bind.
                        if let Some(st) = self.inbound.on_deliver(sm, p.sequence_number).await {
                            let _ = conn.send_pdu(&deliver_resp(p.sequence_number, st));
                            let _ = conn.flush();
                        }
                    }
                    Body::EnquireLink => {
                        let _ = conn.send_pdu(&resp_to(p.sequence_number, Body::EnquireLinkResp));
                        let _ = conn.flush();
                    }
                    _ => {}
                },
                Ok(Some(Ok(Frame::Invalid { .. }))) => {}
                _ => break,
            }
        }
        // Write what is left, then close.
        let _ = timeout(Duration::from_secs(1), async {
            conn.flush_all().await?;
            conn.wr.shutdown().await
        })
        .await;
        info!(bind = self.role.name(), "SMPP unbound");
        End::Closed
    }
}

fn deliver_resp(sequence_number: u32, command_status: u32) -> Pdu {
    Pdu {
        command_status,
        sequence_number,
        body: Body::DeliverSmResp {
            message_id: String::new(),
        },
    }
}

fn resp(req: &Pdu, body: Body) -> Pdu {
    resp_to(req.sequence_number, body)
}

fn resp_to(sequence_number: u32, body: Body) -> Pdu {
    Pdu {
        command_status: 0,
        sequence_number,
        body,
    }
}

fn end_reason(e: End) -> String {
    match e {
        End::Lost(r) => r,
        End::Closed => "closed".into(),
    }
}

async fn recv_cmd(rx: &mut Option<mpsc::Receiver<Cmd>>) -> Option<Cmd> {
    match rx {
        Some(r) => r.recv().await,
        None => std::future::pending().await,
    }
}
