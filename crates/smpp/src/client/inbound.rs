//! The receive side of a session: deliver_sm (receipts and MO messages), each answered only once the
//! application has stored it.

use super::*;

/// The deliver_sm responses of one MO message or receipt, sent once the application resolved its
/// [`MoAck`].
pub(super) struct AckDone {
    /// A delivery receipt (not an MO message).
    pub(super) receipt: bool,
    /// Connection generation the sequence numbers belong to.
    pub(super) generation: u64,
    pub(super) seqs: Vec<u32>,
    pub(super) key: Option<Key>,
    pub(super) stored: bool,
    /// An MO message's fingerprint ([`redelivery::fingerprint`]).
    pub(super) fingerprint: Option<u64>,
}

pub(super) type AckFuture = Pin<Box<dyn Future<Output = AckDone> + Send + Sync>>;

/// Handles deliver_sm: receipts and MO messages, each answered once the application stored it.
pub(super) struct Inbound {
    pub(super) shared: Arc<Shared>,
    pub(super) events: mpsc::Sender<Event>,
    pub(super) reassembler: Reassembler,
    pub(super) id_prefix: String,
    pub(super) counter: u64,
    /// Current connection generation (bumped on every bind).
    pub(super) generation: u64,
    /// Sequence numbers of the parts of messages still waiting for parts, on this connection.
    pub(super) held: HashMap<Key, Vec<u32>>,
    /// MO messages handed to the application and not yet acknowledged.
    pub(super) acks: FuturesUnordered<AckFuture>,
    /// MO messages whose answer may not have reached the SMSC.
    pub(super) redeliveries: Redeliveries,
}

impl Inbound {
    pub(super) fn new(shared: Arc<Shared>, events: mpsc::Sender<Event>) -> Self {
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
    pub(super) fn new_connection(&mut self) {
        self.generation += 1;
        self.held.clear();
    }

    pub(super) async fn emit(&self, e: Event) {
        // A dropped receiver means nobody listens: the event is discarded.
        let _ = self.events.send(e).await;
    }

    /// Handles one deliver_sm; returns the command_status to answer now, or None when the answer
    /// waits until the application stored the message.
    pub(super) async fn on_deliver(&mut self, sm: ShortMessage, seq: u32) -> Option<u32> {
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

    pub(super) async fn deliver(&mut self, a: crate::mo::Assembled, seqs: Vec<u32>) {
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
    pub(super) fn await_ack(
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
    pub(super) async fn expire(&mut self) -> Vec<u32> {
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
    pub(super) fn answers(&mut self, done: AckDone) -> Vec<(u32, u32)> {
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
pub(super) async fn next_ack(acks: &mut FuturesUnordered<AckFuture>) -> AckDone {
    match acks.next().await {
        Some(d) => d,
        None => std::future::pending().await,
    }
}

pub(super) fn find_payload(sm: &ShortMessage) -> &[u8] {
    match pdu::find_tlv(&sm.tlvs, tag::MESSAGE_PAYLOAD) {
        Some(t) if sm.short_message.is_empty() => &t.value,
        _ => &sm.short_message,
    }
}
