//! The SMPP gateway: the send path through `smsup_smpp::Client` (window, rate limit, throttling and
//! reconnects live there), delivery receipts to [`Sink::status`] in batches, and mobile-originated
//! messages to [`Sink::inbound`].
//!
//! Receipt ids are matched to the ids the SMSC gave in `submit_sm_resp` even when one side writes
//! them in hex and the other in decimal: every id accepted here is indexed by its exact form and by
//! the numbers it stands for ([`smsup_smpp::id_numbers`]), and a receipt is reported under the form
//! stored on the outbox row. A receipt that arrives before its `submit_sm_resp` (or before `send` returned) waits here for
//! up to [`RECEIPT_WAIT`]; the store also keeps unknown ids for a day (`pending_status`).
//!
//! A receipt's `deliver_sm_resp` is sent only after the [`Sink::status`] call that stored it
//! returned Ok (ESME_RX_T_APPN when it failed, so that the SMSC delivers it again): a crash in
//! between leaves the receipt with the SMSC, never lost. Receipts are stored in batches (up to
//! [`STATUS_BATCH`], or what gathered in 50 ms), and each batch is acknowledged at once.

use std::collections::VecDeque;

use ahash::{AHashMap, AHashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use serde::Deserialize;
use smsup_smpp::{
    id_candidates, id_numbers, BindMode, Client, Event, LongMessageMode, MoAck, ReceiptState,
    SmppConfig, SubmitError,
};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::{
    Accepted, DeliveryState, Gateway, InboundSms, OutboundSms, SendError, Sink, SinkError,
    StatusUpdate,
};

/// The gateway name stored on outbox rows.
pub const NAME: &str = "smpp";
/// How long a receipt whose id is not known yet waits for its submit to be acknowledged.
pub const RECEIPT_WAIT: Duration = Duration::from_secs(30);
/// MO messages waiting to be stored before the receive loop waits.
const MO_QUEUE: usize = 1_000;
/// Tries to store an MO message before asking the SMSC to deliver it again.
const MO_ATTEMPTS: u32 = 3;
/// Receipts handed to the sink at once.
const STATUS_BATCH: usize = 500;
/// Accepted ids remembered for hex/decimal matching.
const ID_INDEX_CAPACITY: usize = 1_000_000;

/// Errors in the `[smpp]` section.
#[derive(Debug, thiserror::Error)]
pub enum SmppSetupError {
    /// The table does not parse.
    #[error("smpp: {0}")]
    Invalid(String),
    /// The values are out of range.
    #[error("smpp: {0}")]
    Config(#[from] smsup_smpp::ConfigError),
}

/// The `[smpp]` table as written in `smsup.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSmpp {
    host: Option<String>,
    port: Option<u16>,
    system_id: Option<String>,
    password: Option<String>,
    system_type: Option<String>,
    source_addr: Option<String>,
    window: Option<usize>,
    /// Binds kept open at once (the window is per bind, the rate is shared).
    binds: Option<usize>,
    segments_per_second: Option<u32>,
    tls: Option<bool>,
    /// PEM file of extra trusted certificates for `tls` (a private CA).
    tls_ca_file: Option<std::path::PathBuf>,
    /// Name the server certificate must carry (default: `host`).
    tls_server_name: Option<String>,
    /// PEM file of this client's certificate chain, for an SMSC that asks for one.
    tls_client_cert: Option<std::path::PathBuf>,
    /// PEM file of the client certificate's private key.
    tls_client_key: Option<std::path::PathBuf>,
    /// `transceiver` (default) or `transmitter_receiver`.
    bind_mode: Option<String>,
    /// `udh` (default), `sar` or `payload`.
    long_messages: Option<String>,
    enquire_link_secs: Option<u64>,
    response_timeout_secs: Option<u64>,
    reconnect_max_secs: Option<u64>,
    throttle_pause_ms: Option<u64>,
    /// false for SMSCs that deliver one message at a time (see `SmppConfig::hold_mo_parts`).
    hold_mo_parts: Option<bool>,
}

/// Reads the `[smpp]` table; `SMSUP_SMPP_PASSWORD` from `env` overrides the password.
pub fn config_from_table(
    table: &toml::Table,
    env: impl Fn(&str) -> Option<String>,
) -> Result<SmppConfig, SmppSetupError> {
    // The path of a bad value is named (`smpp.window: invalid type ...`).
    let raw: RawSmpp = serde_path_to_error::deserialize(toml::Value::Table(table.clone()))
        .map_err(|e| SmppSetupError::Invalid(format!("{}: {}", e.path(), e.inner().message())))?;
    let d = SmppConfig::default();
    let bind_mode = match raw.bind_mode.as_deref() {
        None | Some("transceiver") => BindMode::Transceiver,
        Some("transmitter_receiver") => BindMode::TransmitterAndReceiver,
        Some(o) => {
            return Err(SmppSetupError::Invalid(format!(
                "bind_mode {o:?}: expected \"transceiver\" or \"transmitter_receiver\""
            )))
        }
    };
    let long_messages = match raw.long_messages.as_deref() {
        None | Some("udh") => LongMessageMode::Udh,
        Some("sar") => LongMessageMode::Sar,
        Some("payload") => LongMessageMode::Payload,
        Some(o) => {
            return Err(SmppSetupError::Invalid(format!(
                "long_messages {o:?}: expected \"udh\", \"sar\" or \"payload\""
            )))
        }
    };
    let config = SmppConfig {
        host: raw.host.unwrap_or(d.host),
        port: raw.port.unwrap_or(d.port),
        system_id: raw.system_id.unwrap_or(d.system_id),
        password: env("SMSUP_SMPP_PASSWORD")
            .or(raw.password)
            .unwrap_or_default(),
        system_type: raw.system_type.unwrap_or_default(),
        source_addr: raw.source_addr.unwrap_or(d.source_addr),
        window: raw.window.unwrap_or(d.window),
        binds: raw.binds.unwrap_or(d.binds),
        segments_per_second: raw.segments_per_second.unwrap_or(d.segments_per_second),
        tls: raw.tls.unwrap_or(false),
        hold_mo_parts: raw.hold_mo_parts.unwrap_or(d.hold_mo_parts),
        tls_ca_file: raw.tls_ca_file,
        tls_server_name: raw.tls_server_name,
        tls_client_cert: raw.tls_client_cert,
        tls_client_key: raw.tls_client_key,
        bind_mode,
        long_messages,
        enquire_link_interval: raw
            .enquire_link_secs
            .map(Duration::from_secs)
            .unwrap_or(d.enquire_link_interval),
        response_timeout: raw
            .response_timeout_secs
            .map(Duration::from_secs)
            .unwrap_or(d.response_timeout),
        reconnect_max: raw
            .reconnect_max_secs
            .map(Duration::from_secs)
            .unwrap_or(d.reconnect_max),
        throttle_pause: raw
            .throttle_pause_ms
            .map(Duration::from_millis)
            .unwrap_or(d.throttle_pause),
        ..d
    };
    config.validate()?;
    Ok(config)
}

/// The SMPP kind of channel (one bind per channel), for [`super::KINDS`].
pub const KIND: super::Kind = super::Kind {
    name: NAME,
    text_fields: &[
        "password",
        "system_id",
        "system_type",
        "source_addr",
        "host",
        "tls_server_name",
    ],
    configure: |table, env| super::checked(config_from_table(table, env)),
};

#[async_trait::async_trait]
impl super::Configured for SmppConfig {
    async fn check(&self) -> Result<String, String> {
        let (client, mut events) =
            smsup_smpp::Client::start(self.clone()).map_err(|e| e.to_string())?;
        let addr = format!("{}:{}", self.host, self.port);
        // Every bind must be accepted: an account sold with fewer binds refuses the extra ones.
        let wanted = match self.bind_mode {
            BindMode::Transceiver => self.binds,
            BindMode::TransmitterAndReceiver => self.binds * 2,
        };
        let mut bound = AHashSet::new();
        let outcome = loop {
            match events.recv().await {
                Some(smsup_smpp::Event::Bound { bind, session }) => {
                    bound.insert((bind, session));
                    if bound.len() >= wanted {
                        let n = if self.binds > 1 {
                            format!("{} ", self.binds)
                        } else {
                            String::new()
                        };
                        let s = if self.binds > 1 { "s" } else { "" };
                        break Ok(format!(
                            "{n}{bind} bind{s} to {addr} as {} accepted",
                            self.system_id
                        ));
                    }
                }
                Some(smsup_smpp::Event::Disconnected {
                    bind,
                    session,
                    reason,
                }) => {
                    let which = if self.binds > 1 {
                        format!("{bind} bind {} of {}", session + 1, self.binds)
                    } else {
                        format!("{bind} bind")
                    };
                    break Err(format!(
                        "{which} to {addr} failed: {reason} (check host, port, system_id, password and how many binds the account allows)"
                    ));
                }
                Some(_) => continue,
                None => break Err(format!("the SMPP client for {addr} stopped")),
            }
        };
        client.shutdown().await;
        outcome
    }

    fn start(&self, name: &str, sink: Arc<dyn Sink>) -> Result<super::Started, String> {
        let gateway =
            SmppGateway::start_named(name, self.clone(), sink).map_err(|e| e.to_string())?;
        Ok(super::Started {
            gateway: Arc::new(gateway),
            routes: None,
        })
    }

    super::as_any!();
}

/// Accepted SMSC ids, found by their exact form or by a number they stand for (hex or decimal),
/// bounded (oldest forgotten first).
struct IdIndex {
    exact: AHashSet<Arc<str>>,
    numbers: AHashMap<u128, Arc<str>>,
    order: VecDeque<Arc<str>>,
    capacity: usize,
}

impl Default for IdIndex {
    fn default() -> Self {
        IdIndex::with_capacity(ID_INDEX_CAPACITY)
    }
}

impl IdIndex {
    fn with_capacity(capacity: usize) -> IdIndex {
        IdIndex {
            exact: AHashSet::new(),
            numbers: AHashMap::new(),
            order: VecDeque::new(),
            capacity,
        }
    }

    fn insert(&mut self, id: &str) {
        let canonical: Arc<str> = Arc::from(id);
        self.exact.replace(canonical.clone());
        for n in id_numbers(id).into_iter().flatten() {
            self.numbers.insert(n, canonical.clone());
        }
        self.order.push_back(canonical);
        while self.order.len() > self.capacity {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            // Only the entries that still point at this insertion: a later one may have replaced them.
            if self.exact.get(&*old).is_some_and(|c| Arc::ptr_eq(c, &old)) {
                self.exact.remove(&*old);
            }
            for n in id_numbers(&old).into_iter().flatten() {
                if self.numbers.get(&n).is_some_and(|c| Arc::ptr_eq(c, &old)) {
                    self.numbers.remove(&n);
                }
            }
        }
    }

    /// The stored form of a receipt's id (exact match first, then by the number it stands for).
    fn resolve(&self, ids: &[&str]) -> Option<String> {
        for id in ids {
            if let Some(c) = self.exact.get(*id) {
                return Some(c.to_string());
            }
        }
        for id in ids {
            for n in id_numbers(id).into_iter().flatten() {
                if let Some(c) = self.numbers.get(&n) {
                    return Some(c.to_string());
                }
            }
        }
        None
    }
}

/// The SMPP send side; its receive side runs as a task started by [`SmppGateway::start`].
pub struct SmppGateway {
    name: String,
    client: Client,
    ids: Arc<Mutex<IdIndex>>,
    max_in_flight: usize,
    events: Mutex<Option<JoinHandle<()>>>,
    /// The binds that are up now (their `smsup_channel_up` labels).
    binds_up: Arc<Mutex<std::collections::BTreeSet<String>>>,
}

impl SmppGateway {
    /// Starts the SMPP client and the task that turns its receipts and MO messages into calls on
    /// `sink`. Must run inside the tokio runtime.
    pub fn start(config: SmppConfig, sink: Arc<dyn Sink>) -> Result<SmppGateway, SmppSetupError> {
        SmppGateway::start_named(NAME, config, sink)
    }

    /// Like [`SmppGateway::start`], for the channel `name` (one of several `[[smpp]]` binds).
    pub fn start_named(
        name: &str,
        config: SmppConfig,
        sink: Arc<dyn Sink>,
    ) -> Result<SmppGateway, SmppSetupError> {
        // Enough sends in flight to keep the window full while others wait in the client's queue,
        // but no more than a quarter of a second at the contracted rate: whatever waits in the
        // client's queue is ahead of an alert claimed after it.
        let binds = config.binds.max(1);
        let by_rate = (config.segments_per_second as usize / 4).max(4);
        let max_in_flight = (config.window * 4 * binds)
            .min(by_rate)
            .clamp(4, config.queue_capacity.max(16) * binds);
        let (client, events) = Client::start(config)?;
        let ids = Arc::new(Mutex::new(IdIndex::default()));
        let binds_up = Arc::new(Mutex::new(std::collections::BTreeSet::new()));
        let task = tokio::spawn(receive_loop(
            name.into(),
            events,
            sink,
            ids.clone(),
            binds_up.clone(),
        ));
        Ok(SmppGateway {
            name: name.to_string(),
            client,
            ids,
            max_in_flight,
            events: Mutex::new(Some(task)),
            binds_up,
        })
    }

    /// The client's counters.
    pub fn stats(&self) -> smsup_smpp::StatsSnapshot {
        self.client.stats()
    }
}

/// The `bind` label of `smsup_channel_up`: `transceiver` for the first bind, `transceiver-2` for the
/// second, and so on.
fn bind_label(bind: &'static str, session: usize) -> String {
    if session == 0 {
        bind.to_string()
    } else {
        format!("{bind}-{}", session + 1)
    }
}

/// Maps a refused submit onto the dispatcher's error.
pub fn send_error(e: SubmitError) -> SendError {
    let message = e.to_string();
    match e {
        SubmitError::Transient { status } => SendError::Transient {
            code: Some(smsup_smpp::status::name(status)),
            message,
            retry_after: None,
        },
        SubmitError::Shutdown => SendError::Transient {
            code: None,
            message,
            retry_after: Some(Duration::from_secs(5)),
        },
        // Another bind is up: send it again at once.
        SubmitError::BindLost => SendError::Transient {
            code: None,
            message,
            retry_after: Some(Duration::ZERO),
        },
        SubmitError::Undeliverable { status } => SendError::Undeliverable {
            code: Some(smsup_smpp::status::name(status)),
            message,
        },
        SubmitError::InvalidAddress => SendError::Undeliverable {
            code: None,
            message,
        },
        SubmitError::Permanent { status } => SendError::Permanent {
            code: Some(smsup_smpp::status::name(status)),
            message,
        },
        SubmitError::Text(_) => SendError::Permanent {
            code: None,
            message,
        },
    }
}

#[async_trait]
impl Gateway for SmppGateway {
    fn name(&self) -> &str {
        &self.name
    }

    fn max_in_flight(&self) -> usize {
        self.max_in_flight
    }

    /// At least one bind is up.
    fn is_up(&self) -> bool {
        self.binds_up.lock().map(|b| !b.is_empty()).unwrap_or(true)
    }

    async fn send(&self, sms: &OutboundSms) -> Result<Accepted, SendError> {
        let submitted = self
            .client
            .submit_valid(&sms.to, &sms.body, sms.validity())
            .await
            .map_err(send_error)?;
        if let Ok(mut ids) = self.ids.lock() {
            for id in &submitted.message_ids {
                ids.insert(id);
            }
        }
        Ok(Accepted {
            provider_ids: submitted.message_ids,
            delivered: false,
        })
    }

    async fn shutdown(&self) {
        self.client.shutdown().await;
        let task = self.events.lock().ok().and_then(|mut t| t.take());
        if let Some(task) = task {
            // The event stream ends when the session stops; the task then flushes and returns.
            let _ = tokio::time::timeout(Duration::from_secs(10), task).await;
        }
    }
}

/// What a receipt state means for an outbox row.
pub fn delivery_state(state: ReceiptState) -> DeliveryState {
    match state {
        ReceiptState::Delivered => DeliveryState::Delivered,
        ReceiptState::Undelivered | ReceiptState::Expired | ReceiptState::Unknown => {
            DeliveryState::Undelivered
        }
        ReceiptState::Rejected | ReceiptState::Deleted => DeliveryState::Failed,
        ReceiptState::Accepted | ReceiptState::Enroute => DeliveryState::Sent,
    }
}

/// A receipt whose id is not matched yet; `A` is its acknowledgement ([`MoAck`]).
struct WaitingReceipt<A> {
    since: Instant,
    id: String,
    alt: Option<String>,
    state: DeliveryState,
    error: Option<String>,
    ack: A,
}

/// A receipt ready to store: its updates (one, or one per id form) and its acknowledgement.
struct ReadyReceipt<A> {
    updates: Vec<StatusUpdate>,
    ack: A,
}

async fn receive_loop(
    channel: Arc<str>,
    mut events: mpsc::Receiver<Event>,
    sink: Arc<dyn Sink>,
    ids: Arc<Mutex<IdIndex>>,
    binds_up: Arc<Mutex<std::collections::BTreeSet<String>>>,
) {
    let (mobile, mobile_rx) = mpsc::channel(MO_QUEUE);
    let mobile_task = tokio::spawn(store_mobile(mobile_rx, sink.clone()));
    let mut ready: Vec<ReadyReceipt<MoAck>> = Vec::new();
    let mut waiting: VecDeque<WaitingReceipt<MoAck>> = VecDeque::new();
    let mut tick = tokio::time::interval(Duration::from_millis(50));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut open = true;
    while open || !ready.is_empty() {
        let mut ticked = false;
        tokio::select! {
            e = events.recv(), if open => {
                // Take everything that is already there, then match the receipts' ids.
                let mut next = Some(e);
                let mut taken = 0;
                while let Some(e) = next.take() {
                    match e {
                        Some(Event::Receipt { message_id, alt_message_id, state, error, ack }) => {
                            waiting.push_back(WaitingReceipt {
                                since: Instant::now(),
                                id: message_id,
                                alt: alt_message_id,
                                state: delivery_state(state),
                                error,
                                ack,
                            });
                        }
                        Some(Event::Mobile { id, from, text, complete, parts, ack, .. }) => {
                            if !complete {
                                tracing::warn!(parts, "SMPP MO message incomplete at the reassembly timeout");
                            }
                            let sms = InboundSms { channel: channel.to_string(), provider_id: id, from, text, via: None };
                            // Stored by its own task, in arrival order, so that receipts keep flowing.
                            if let Err(mpsc::error::SendError((_, ack))) = mobile.send((sms, ack)).await {
                                ack.failed();
                            }
                        }
                        Some(Event::Bound { bind, session }) => {
                            tracing::info!(bind, session, "SMPP bound");
                            let label = bind_label(bind, session);
                            if let Ok(mut up) = binds_up.lock() {
                                up.insert(label.clone());
                            }
                            metrics::gauge!("smsup_channel_up", "channel" => channel.to_string(), "bind" => label).set(1.0);
                        }
                        Some(Event::Disconnected { bind, session, reason }) => {
                            tracing::warn!(bind, session, %reason, "SMPP disconnected");
                            let label = bind_label(bind, session);
                            if let Ok(mut up) = binds_up.lock() {
                                up.remove(&label);
                            }
                            metrics::gauge!("smsup_channel_up", "channel" => channel.to_string(), "bind" => label).set(0.0);
                        }
                        None => open = false,
                    }
                    taken += 1;
                    if open && taken < STATUS_BATCH {
                        next = events.try_recv().ok().map(Some);
                    }
                }
            },
            _ = tick.tick() => ticked = true,
        }
        resolve_waiting(&channel, &mut waiting, &mut ready, &ids, !open);
        // Store a full batch at once, or what gathered on every tick (so a receipt waits at most
        // about one tick plus one store for its answer): few large transactions.
        if ready.len() >= STATUS_BATCH || (!ready.is_empty() && (ticked || !open)) {
            flush(&*sink, &mut ready).await;
        }
    }
    drop(mobile);
    let _ = mobile_task.await;
}

/// Stores MO messages one at a time and resolves each one's acknowledgement: the client answers
/// the SMSC only then (ESME_RX_T_APPN when storing failed, so that the SMSC delivers it again).
async fn store_mobile(mut rx: mpsc::Receiver<(InboundSms, MoAck)>, sink: Arc<dyn Sink>) {
    while let Some((sms, ack)) = rx.recv().await {
        if deliver_mobile(&*sink, sms).await {
            ack.stored();
        } else {
            ack.failed();
        }
    }
}

/// Moves receipts whose id is now known to `ready`; those that waited [`RECEIPT_WAIT`] (or all of
/// them when `give_up`) are reported under every candidate form of their ids, so that the store
/// matches whichever form it holds (or keeps them in `pending_status`).
fn resolve_waiting<A>(
    channel: &str,
    waiting: &mut VecDeque<WaitingReceipt<A>>,
    ready: &mut Vec<ReadyReceipt<A>>,
    ids: &Mutex<IdIndex>,
    give_up: bool,
) {
    if waiting.is_empty() {
        return;
    }
    let Ok(index) = ids.lock() else { return };
    let now = Instant::now();
    let mut keep = VecDeque::with_capacity(waiting.len());
    for w in waiting.drain(..) {
        let mut forms: Vec<&str> = vec![w.id.as_str()];
        if let Some(a) = &w.alt {
            forms.push(a.as_str());
        }
        if let Some(id) = index.resolve(&forms) {
            ready.push(ReadyReceipt {
                updates: vec![StatusUpdate {
                    channel: channel.to_string(),
                    provider_id: id,
                    state: w.state,
                    error_code: w.error,
                    parts: None,
                }],
                ack: w.ack,
            });
            continue;
        }
        if give_up || now.duration_since(w.since) >= RECEIPT_WAIT {
            tracing::debug!(
                "SMPP receipt for an id not sent by this process: reporting all its forms"
            );
            let mut all: Vec<String> = id_candidates(&w.id);
            if let Some(a) = &w.alt {
                for f in id_candidates(a) {
                    if !all.contains(&f) {
                        all.push(f);
                    }
                }
            }
            let updates = all
                .into_iter()
                .map(|provider_id| StatusUpdate {
                    channel: channel.to_string(),
                    provider_id,
                    state: w.state,
                    error_code: w.error.clone(),
                    parts: None,
                })
                .collect();
            ready.push(ReadyReceipt {
                updates,
                ack: w.ack,
            });
            continue;
        }
        keep.push_back(w);
    }
    *waiting = keep;
}

/// Stores the ready receipts in batches of about [`STATUS_BATCH`] updates and acknowledges each
/// batch once its [`Sink::status`] call returned: stored, or failed (the SMSC delivers them again).
async fn flush(sink: &dyn Sink, ready: &mut Vec<ReadyReceipt<MoAck>>) {
    while !ready.is_empty() {
        let mut n = 0;
        let mut count = 0;
        while n < ready.len() && (n == 0 || count + ready[n].updates.len() <= STATUS_BATCH) {
            count += ready[n].updates.len();
            n += 1;
        }
        let taken: Vec<ReadyReceipt<MoAck>> = ready.drain(..n).collect();
        let mut batch = Vec::with_capacity(count);
        let mut acks = Vec::with_capacity(n);
        for r in taken {
            batch.extend(r.updates);
            acks.push(r.ack);
        }
        match sink.status(batch).await {
            Ok(_) => acks.into_iter().for_each(MoAck::stored),
            Err(e) => {
                tracing::warn!(error = %e, receipts = acks.len(), "storing SMPP receipts failed; the SMSC will deliver them again");
                acks.into_iter().for_each(MoAck::failed);
            }
        }
    }
}

/// Hands one MO message to the sink, retrying briefly; true when the SMSC may forget it (stored,
/// a duplicate, or from a number that can never be stored).
async fn deliver_mobile(sink: &dyn Sink, sms: InboundSms) -> bool {
    let mut delay = Duration::from_millis(100);
    for attempt in 1..=MO_ATTEMPTS {
        match sink.inbound(sms.clone()).await {
            Ok(_) => return true,
            Err(SinkError::InvalidNumber) => {
                tracing::warn!("SMPP MO message from an invalid number dropped");
                return true;
            }
            Err(e) if attempt < MO_ATTEMPTS => {
                tracing::warn!(error = %e, attempt, "storing an SMPP MO message failed; retrying");
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
            Err(e) => {
                tracing::warn!(error = %e, "storing an SMPP MO message failed; the SMSC will deliver it again");
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_with_env_password() {
        let t: toml::Table = toml::from_str(
            "host = \"127.0.0.1\"\nport = 2775\nsystem_id = \"smsup\"\npassword = \"file\"\nsource_addr = \"+60123456789\"\nwindow = 20\nsegments_per_second = 50\nlong_messages = \"sar\"\nhold_mo_parts = false\n",
        )
        .unwrap();
        let c = config_from_table(&t, |k| {
            (k == "SMSUP_SMPP_PASSWORD").then(|| "env".to_string())
        })
        .unwrap();
        assert_eq!(c.password, "env");
        assert_eq!((c.window, c.segments_per_second), (20, 50));
        assert_eq!(c.long_messages, LongMessageMode::Sar);
        assert!(!c.hold_mo_parts);
        assert!(
            config_from_table(&toml::Table::new(), |_| None)
                .unwrap()
                .hold_mo_parts
        );
        let bad: toml::Table = toml::from_str("windw = 3").unwrap();
        assert!(config_from_table(&bad, |_| None).is_err());
        let tls: toml::Table = toml::from_str(
            "tls = true\nhost = \"10.0.0.5\"\ntls_server_name = \"smsc.example.net\"\n",
        )
        .unwrap();
        let c = config_from_table(&tls, |_| None).unwrap();
        assert!(c.tls);
        assert_eq!(c.tls_server_name.as_deref(), Some("smsc.example.net"));
        assert_eq!(c.tls_ca_file, None);
        // A CA file that cannot be read is refused when the configuration is loaded.
        let bad_ca: toml::Table =
            toml::from_str("tls = true\ntls_ca_file = \"/nonexistent/smsup-ca.pem\"\n").unwrap();
        assert!(matches!(
            config_from_table(&bad_ca, |_| None),
            Err(SmppSetupError::Config(smsup_smpp::ConfigError::Tls(_)))
        ));
    }

    #[test]
    fn receipt_ids_resolve_to_the_stored_form() {
        let mut idx = IdIndex::default();
        idx.insert("5A01F");
        idx.insert("1234");
        // Decimal in the receipt, hex in submit_sm_resp.
        assert_eq!(idx.resolve(&["368671"]).as_deref(), Some("5A01F"));
        assert_eq!(idx.resolve(&["5a01f"]).as_deref(), Some("5A01F"));
        // Exact match wins over a conversion ("1234" is also hex for 4660).
        assert_eq!(idx.resolve(&["1234"]).as_deref(), Some("1234"));
        assert_eq!(idx.resolve(&["4d2"]).as_deref(), Some("1234"));
        assert_eq!(idx.resolve(&["nope"]), None);
        // Leading zeros and case do not matter to the number; a hex reading does not match a
        // decimal id with different digits (ff is 255, not 597).
        assert_eq!(idx.resolve(&["0005a01f"]).as_deref(), Some("5A01F"));
        idx.insert("597");
        assert_eq!(idx.resolve(&["ff"]), None);
        // The second id of a receipt (its TLV) is tried too.
        assert_eq!(idx.resolve(&["nope", "4D2"]).as_deref(), Some("1234"));
    }

    #[test]
    fn the_id_index_forgets_the_oldest_but_not_a_repeated_id() {
        let mut idx = IdIndex::with_capacity(3);
        for id in ["a1", "b2", "c3"] {
            idx.insert(id);
        }
        idx.insert("a1"); // the SMSC gave the same id again (a resend)
        idx.insert("d4"); // pushes out the first "a1" and "b2"
        assert_eq!(idx.resolve(&["b2"]), None);
        assert_eq!(idx.resolve(&["178"]), None, "b2's number is forgotten too");
        assert_eq!(
            idx.resolve(&["a1"]).as_deref(),
            Some("a1"),
            "its later insertion stays"
        );
        assert_eq!(
            idx.resolve(&["161"]).as_deref(),
            Some("a1"),
            "and so does its number"
        );
        assert_eq!(idx.resolve(&["d4"]).as_deref(), Some("d4"));
        assert!(idx.exact.len() <= 3 && idx.numbers.len() <= 3);
    }

    #[test]
    fn receipt_waits_then_resolves_or_falls_back() {
        let ids = Mutex::new(IdIndex::default());
        let mut waiting = VecDeque::from([WaitingReceipt {
            since: Instant::now(),
            id: "255".into(),
            alt: None,
            state: DeliveryState::Delivered,
            error: None,
            ack: 1,
        }]);
        let mut ready = Vec::new();
        resolve_waiting(NAME, &mut waiting, &mut ready, &ids, false);
        assert!(ready.is_empty() && waiting.len() == 1, "unknown id waits");
        ids.lock().unwrap().insert("ff");
        resolve_waiting(NAME, &mut waiting, &mut ready, &ids, false);
        assert_eq!(ready.len(), 1);
        assert_eq!(
            (ready[0].updates[0].provider_id.as_str(), ready[0].ack),
            ("ff", 1)
        );
        // Never resolved: reported under every form when giving up.
        waiting.push_back(WaitingReceipt {
            since: Instant::now(),
            id: "10".into(),
            alt: None,
            state: DeliveryState::Failed,
            error: Some("034".into()),
            ack: 2,
        });
        ready.clear();
        resolve_waiting(NAME, &mut waiting, &mut ready, &ids, true);
        assert_eq!(ready.len(), 1, "one receipt, one acknowledgement");
        assert_eq!(ready[0].ack, 2);
        let forms: Vec<&str> = ready[0]
            .updates
            .iter()
            .map(|u| u.provider_id.as_str())
            .collect();
        assert!(forms.contains(&"10") && forms.contains(&"a") && forms.contains(&"16"));
        assert!(waiting.is_empty());
    }

    /// A sink that records what it is given (and fails every inbound message when `fail`).
    #[derive(Default)]
    struct RecSink {
        status: Mutex<Vec<StatusUpdate>>,
        inbound: Mutex<Vec<InboundSms>>,
        fail: bool,
        /// Fail every status batch.
        fail_status: bool,
        /// `Sink::status` calls, and receipts per call.
        status_calls: Mutex<Vec<usize>>,
    }

    #[async_trait]
    impl Sink for RecSink {
        async fn inbound(
            &self,
            sms: InboundSms,
        ) -> Result<super::super::InboundOutcome, SinkError> {
            if self.fail {
                return Err(SinkError::Store("disk full".into()));
            }
            // Slow enough that an early answer to the SMSC would be seen.
            tokio::time::sleep(Duration::from_millis(100)).await;
            self.inbound.lock().unwrap().push(sms);
            Ok(super::super::InboundOutcome::Stored(1))
        }
        async fn status(
            &self,
            updates: Vec<StatusUpdate>,
        ) -> Result<super::super::StatusOutcome, SinkError> {
            let n = updates.len();
            self.status_calls.lock().unwrap().push(n);
            // Slow enough that an early answer to the SMSC would be seen.
            tokio::time::sleep(Duration::from_millis(100)).await;
            if self.fail_status {
                return Err(SinkError::Store("disk full".into()));
            }
            self.status.lock().unwrap().extend(updates);
            Ok(super::super::StatusOutcome {
                matched: n,
                unknown: 0,
            })
        }
        async fn set_opted_out(&self, _: &str, _: bool) -> Result<(), SinkError> {
            Ok(())
        }
    }

    /// An SMSC that answers the bind, sends the receipt (hex id) BEFORE the submit_sm_resp (decimal
    /// id), and one MO message (seq 900). For the MO's deliver_sm_resp it records the status and how
    /// many MO messages the sink had stored when the answer arrived.
    async fn tiny_smsc(
        listener: tokio::net::TcpListener,
        sink: Arc<RecSink>,
        mo_resp: Arc<Mutex<Vec<(u32, usize)>>>,
    ) {
        use futures::{SinkExt, StreamExt};
        use smsup_smpp::codec::{Frame, SmppCodec};
        use smsup_smpp::pdu::{BindResp, Body, Pdu, ShortMessage};
        let (sock, _) = listener.accept().await.unwrap();
        let mut f = smsup_smpp::codec::Framed::new(sock, SmppCodec);
        while let Some(Ok(Frame::Pdu(p))) = f.next().await {
            let r = |body| Pdu {
                command_status: 0,
                sequence_number: p.sequence_number,
                body,
            };
            match &p.body {
                Body::BindTransceiver(_) => {
                    f.send(r(Body::BindTransceiverResp(BindResp::default())))
                        .await
                        .unwrap();
                    let mo = ShortMessage {
                        source_addr_ton: 1,
                        source_addr: "60123456789".into(),
                        destination_addr: "SMSUP".into(),
                        short_message: smsup_smpp::pdu::Bytes::from_static(b"JOIN food"),
                        ..Default::default()
                    };
                    f.send(Pdu::new(900, Body::DeliverSm(mo))).await.unwrap();
                }
                Body::SubmitSm(_) => {
                    let receipt = ShortMessage {
                        esm_class: 4,
                        short_message: smsup_smpp::pdu::Bytes::from_static(
                            b"id:3E8 stat:DELIVRD err:000",
                        ),
                        ..Default::default()
                    };
                    f.send(Pdu::new(901, Body::DeliverSm(receipt)))
                        .await
                        .unwrap();
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    f.send(r(Body::SubmitSmResp {
                        message_id: "1000".into(),
                    }))
                    .await
                    .unwrap();
                }
                Body::DeliverSmResp { .. } if p.sequence_number == 900 => {
                    let stored = sink.inbound.lock().unwrap().len();
                    mo_resp.lock().unwrap().push((p.command_status, stored));
                }
                Body::EnquireLink => f.send(r(Body::EnquireLinkResp)).await.unwrap(),
                Body::Unbind => {
                    f.send(r(Body::UnbindResp)).await.unwrap();
                    return;
                }
                _ => {}
            }
        }
    }

    /// An SMSC that answers every submit_sm with a new id and then sends its receipt. For each
    /// receipt's deliver_sm_resp it records the status and whether the sink held that receipt when
    /// the answer arrived.
    async fn receipt_smsc(
        listener: tokio::net::TcpListener,
        sink: Arc<RecSink>,
        resps: Arc<Mutex<Vec<(u32, bool)>>>,
    ) {
        use futures::{SinkExt, StreamExt};
        use smsup_smpp::codec::{Frame, SmppCodec};
        use smsup_smpp::pdu::{BindResp, Body, Pdu, ShortMessage};
        let (sock, _) = listener.accept().await.unwrap();
        let mut f = smsup_smpp::codec::Framed::new(sock, SmppCodec);
        let mut receipt_ids: std::collections::HashMap<u32, String> =
            std::collections::HashMap::new();
        let mut next = 0u32;
        while let Some(Ok(Frame::Pdu(p))) = f.next().await {
            let r = |body| Pdu {
                command_status: 0,
                sequence_number: p.sequence_number,
                body,
            };
            match &p.body {
                Body::BindTransceiver(_) => f
                    .send(r(Body::BindTransceiverResp(BindResp::default())))
                    .await
                    .unwrap(),
                Body::SubmitSm(_) => {
                    next += 1;
                    let id = format!("{}", 7000 + next);
                    f.send(r(Body::SubmitSmResp {
                        message_id: id.clone(),
                    }))
                    .await
                    .unwrap();
                    let receipt = ShortMessage {
                        esm_class: 4,
                        short_message: smsup_smpp::pdu::Bytes::from(
                            format!("id:{id} stat:DELIVRD err:000").into_bytes(),
                        ),
                        ..Default::default()
                    };
                    receipt_ids.insert(5000 + next, id);
                    f.send(Pdu::new(5000 + next, Body::DeliverSm(receipt)))
                        .await
                        .unwrap();
                }
                Body::DeliverSmResp { .. } => {
                    let id = receipt_ids.get(&p.sequence_number).cloned().unwrap();
                    let stored = sink
                        .status
                        .lock()
                        .unwrap()
                        .iter()
                        .any(|u| u.provider_id == id);
                    resps.lock().unwrap().push((p.command_status, stored));
                }
                Body::EnquireLink => f.send(r(Body::EnquireLinkResp)).await.unwrap(),
                Body::Unbind => {
                    f.send(r(Body::UnbindResp)).await.unwrap();
                    return;
                }
                _ => {}
            }
        }
    }

    /// Sends `n` messages at once through a gateway on `receipt_smsc` and returns the receipts'
    /// deliver_sm_resp records once all `n` arrived.
    async fn receipts_through_gateway(sink: Arc<RecSink>, n: usize) -> Vec<(u32, bool)> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let resps = Arc::new(Mutex::new(Vec::new()));
        let smsc = tokio::spawn(receipt_smsc(listener, sink.clone(), resps.clone()));
        let config = SmppConfig {
            port,
            segments_per_second: 10_000,
            ..SmppConfig::default()
        };
        let gw = Arc::new(SmppGateway::start(config, sink.clone()).unwrap());
        let sends: Vec<_> = (0..n)
            .map(|i| {
                let gw = gw.clone();
                tokio::spawn(async move {
                    let sms = OutboundSms {
                        id: i as i64,
                        to: "+60123456789".into(),
                        body: format!("hello {i}"),
                        segments: 1,
                        expires_at: None,
                        queued_at: 0,
                    };
                    gw.send(&sms).await.unwrap()
                })
            })
            .collect();
        for s in sends {
            s.await.unwrap();
        }
        tokio::time::timeout(Duration::from_secs(10), async {
            while resps.lock().unwrap().len() < n {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await
        .expect("every receipt is answered");
        gw.shutdown().await;
        smsc.await.unwrap();
        let out = resps.lock().unwrap().clone();
        out
    }

    #[tokio::test]
    async fn receipts_are_answered_only_after_the_sink_stored_them_in_batches() {
        let sink = Arc::new(RecSink::default());
        let resps = receipts_through_gateway(sink.clone(), 40).await;
        assert_eq!(resps.len(), 40);
        for (status, stored) in &resps {
            assert_eq!(*status, smsup_smpp::status::ESME_ROK);
            assert!(*stored, "a receipt was answered before the sink stored it");
        }
        assert_eq!(sink.status.lock().unwrap().len(), 40);
        let calls = sink.status_calls.lock().unwrap().clone();
        assert_eq!(calls.iter().sum::<usize>(), 40);
        assert!(
            calls.len() < 40,
            "receipts arriving while a batch is stored are stored together: {calls:?}"
        );
    }

    #[tokio::test]
    async fn receipts_that_could_not_be_stored_get_a_transient_error() {
        let sink = Arc::new(RecSink {
            fail_status: true,
            ..RecSink::default()
        });
        let resps = receipts_through_gateway(sink.clone(), 5).await;
        assert_eq!(
            resps,
            vec![(smsup_smpp::status::ESME_RX_T_APPN, false); 5],
            "the SMSC is asked to deliver them again"
        );
        assert_eq!(sink.status_calls.lock().unwrap().iter().sum::<usize>(), 5);
    }

    #[tokio::test]
    async fn receipt_before_submit_resp_reaches_the_sink_under_the_stored_id() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let sink = Arc::new(RecSink::default());
        let mo_resp = Arc::new(Mutex::new(Vec::new()));
        let smsc = tokio::spawn(tiny_smsc(listener, sink.clone(), mo_resp.clone()));
        let config = SmppConfig {
            port,
            ..SmppConfig::default()
        };
        let gw = SmppGateway::start(config, sink.clone()).unwrap();
        let sms = OutboundSms {
            id: 1,
            to: "+60123456789".into(),
            body: "hello".into(),
            segments: 1,
            expires_at: None,
            queued_at: 0,
        };
        let accepted = gw.send(&sms).await.unwrap();
        assert_eq!(accepted.provider_ids, vec!["1000".to_string()]);
        tokio::time::timeout(Duration::from_secs(5), async {
            while sink.status.lock().unwrap().is_empty() || sink.inbound.lock().unwrap().is_empty()
            {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await
        .expect("receipt and MO reach the sink");
        gw.shutdown().await;
        let st = sink.status.lock().unwrap().clone();
        assert_eq!(st.len(), 1);
        assert_eq!(
            st[0].provider_id, "1000",
            "hex 3E8 matched to the decimal id the row holds"
        );
        assert_eq!(st[0].state, DeliveryState::Delivered);
        let mo = sink.inbound.lock().unwrap().clone();
        assert_eq!(
            (
                mo[0].from.as_str(),
                mo[0].text.as_str(),
                mo[0].channel.as_str()
            ),
            ("+60123456789", "JOIN food", NAME)
        );
        smsc.await.unwrap();
        assert_eq!(
            *mo_resp.lock().unwrap(),
            vec![(0, 1)],
            "the MO is answered ESME_ROK only once stored"
        );
    }

    #[tokio::test]
    async fn mo_that_cannot_be_stored_is_answered_with_a_transient_error() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let sink = Arc::new(RecSink {
            fail: true,
            ..RecSink::default()
        });
        let mo_resp = Arc::new(Mutex::new(Vec::new()));
        let smsc = tokio::spawn(tiny_smsc(listener, sink.clone(), mo_resp.clone()));
        let config = SmppConfig {
            port,
            ..SmppConfig::default()
        };
        let gw = SmppGateway::start(config, sink.clone()).unwrap();
        tokio::time::timeout(Duration::from_secs(5), async {
            while mo_resp.lock().unwrap().is_empty() {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await
        .expect("the MO deliver_sm is answered");
        gw.shutdown().await;
        smsc.await.unwrap();
        assert_eq!(
            *mo_resp.lock().unwrap(),
            vec![(smsup_smpp::status::ESME_RX_T_APPN, 0)]
        );
    }
}
