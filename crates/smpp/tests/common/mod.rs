//! A small SMSC for tests: binds, acks submits with ids, and misbehaves on request.
#![allow(dead_code)]

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures::{SinkExt, StreamExt};
use smsup_smpp::codec::{Frame, SmppCodec};
use smsup_smpp::pdu::{find_tlv, tag, BindResp, Body, Pdu, ShortMessage, Tlv};
use smsup_smpp::text;
use smsup_sms::udh;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio_util::codec::Framed;

/// One submit_sm as the SMSC saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub conn: usize,
    pub sm: ShortMessage,
    /// Decoded text of this PDU (UDH removed).
    pub text: String,
    /// Status answered (None if the connection was dropped before answering).
    pub status: Option<u32>,
    /// True when the SMSC stored the message (status 0, even if the response was never sent).
    pub stored: bool,
    pub id: Option<String>,
}

#[derive(Default)]
pub struct Behaviour {
    /// After this many stored submits (on the first connection that reaches it), store `k` more
    /// without answering them and close the connection.
    pub disconnect_after: Mutex<Option<(usize, usize)>>,
    /// Start throttling at this arrival number; keep throttling until at least `min` throttled
    /// answers were sent and the client has been quiet for 100 ms.
    pub throttle_from: Mutex<Option<(usize, usize)>>,
    pub throttling: AtomicBool,
    pub throttled_sent: AtomicUsize,
    /// Send the receipt before the submit_sm_resp.
    pub receipt_before_resp: AtomicBool,
    /// Send a receipt after each submit_sm_resp.
    pub receipts_after: AtomicBool,
    /// Answer enquire_link.
    pub answer_enquire: AtomicBool,
    /// Refuse this many binds with ESME_RBINDFAIL.
    pub refuse_binds: AtomicUsize,
    /// Answer submits to this destination with this status.
    pub fail_dest: Mutex<Vec<(String, u32)>>,
    /// Ids in decimal in submit_sm_resp and hex in receipts.
    pub hex_in_receipt: AtomicBool,
    /// Bumped by [`TestSmsc::kick`]: connections opened before it close.
    pub kicks: AtomicUsize,
    pub kick: tokio::sync::Notify,
}

#[derive(Default)]
pub struct State {
    pub seen: Vec<Seen>,
    pub arrivals: usize,
    pub last_arrival: Option<Instant>,
    pub binds: Vec<u32>,
    pub enquires: usize,
    pub unbinds: usize,
    pub deliver_resps: usize,
    /// command_status of every deliver_sm_resp, in arrival order.
    pub deliver_resp_status: Vec<u32>,
    pub next_id: u64,
    pub conns: usize,
    /// TLS handshakes that failed (TLS mode only).
    pub tls_failures: usize,
    /// Channels to connections able to receive deliver_sm (transceiver/receiver).
    pub inject: Vec<mpsc::UnboundedSender<ShortMessage>>,
}

#[derive(Clone)]
pub struct TestSmsc {
    pub port: u16,
    pub state: Arc<Mutex<State>>,
    pub b: Arc<Behaviour>,
}

impl TestSmsc {
    pub async fn start() -> TestSmsc {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::start_on(l)
    }

    pub fn start_on(l: TcpListener) -> TestSmsc {
        Self::start_with(l, None)
    }

    /// The same SMSC behind a TLS acceptor: every connection does the TLS handshake first.
    pub async fn start_tls(acceptor: tokio_rustls::TlsAcceptor) -> TestSmsc {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::start_with(l, Some(acceptor))
    }

    fn start_with(l: TcpListener, tls: Option<tokio_rustls::TlsAcceptor>) -> TestSmsc {
        let port = l.local_addr().unwrap().port();
        let s = TestSmsc {
            port,
            state: Arc::default(),
            b: Arc::default(),
        };
        s.b.answer_enquire.store(true, Ordering::SeqCst);
        let srv = s.clone();
        tokio::spawn(async move {
            loop {
                let Ok((sock, _)) = l.accept().await else {
                    return;
                };
                let c = srv.clone();
                let tls = tls.clone();
                tokio::spawn(async move {
                    match tls {
                        None => c.conn(sock).await,
                        Some(a) => {
                            // A client that refuses the certificate never gets further.
                            let Ok(s) = a.accept(sock).await else {
                                c.state.lock().unwrap().tls_failures += 1;
                                return;
                            };
                            c.conn(s).await
                        }
                    }
                });
            }
        });
        s
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap().seen.clone()
    }

    /// Texts the SMSC stored, in the order it stored them.
    pub fn stored_texts(&self) -> Vec<String> {
        self.seen()
            .into_iter()
            .filter(|s| s.stored)
            .map(|s| s.text)
            .collect()
    }

    /// Drops every open connection at once (no unbind), as a network failure would.
    pub fn kick(&self) {
        self.b.kicks.fetch_add(1, Ordering::SeqCst);
        self.b.kick.notify_waiters();
    }

    /// Sends a deliver_sm to the newest connection that can receive.
    pub fn inject(&self, sm: ShortMessage) {
        let st = self.state.lock().unwrap();
        st.inject
            .last()
            .expect("no receiving bind")
            .send(sm)
            .unwrap();
    }

    pub fn receipt(&self, id: &str, stat: &str) -> ShortMessage {
        let text = format!("id:{id} sub:001 dlvrd:001 submit date:2401011200 done date:2401011201 stat:{stat} err:000 text:x");
        ShortMessage {
            source_addr_ton: 1,
            source_addr_npi: 1,
            source_addr: "60123456789".into(),
            destination_addr: "SMSUP".into(),
            esm_class: 0x04,
            short_message: Bytes::from(text.into_bytes()),
            ..Default::default()
        }
    }

    async fn conn<S: AsyncRead + AsyncWrite + Unpin>(&self, sock: S) {
        let conn_no = {
            let mut st = self.state.lock().unwrap();
            st.conns += 1;
            st.conns
        };
        let mut framed = Framed::new(sock, SmppCodec);
        let (itx, mut irx) = mpsc::unbounded_channel::<ShortMessage>();
        let mut seq = 0x1000u32;
        let kicks = self.b.kicks.load(Ordering::SeqCst);
        loop {
            // Created before the check: a kick in between still wakes it.
            let kicked = self.b.kick.notified();
            if self.b.kicks.load(Ordering::SeqCst) != kicks {
                return;
            }
            tokio::select! {
                _ = kicked => return,
                f = framed.next() => {
                    let Some(Ok(Frame::Pdu(p))) = f else { return };
                    match self.handle(conn_no, p, &itx, &mut seq) {
                        Action::Reply(v) => {
                            for pdu in v {
                                if framed.send(pdu).await.is_err() { return; }
                            }
                        }
                        Action::Close => return,
                    }
                }
                Some(sm) = irx.recv() => {
                    seq += 1;
                    if framed.send(Pdu::new(seq, Body::DeliverSm(sm))).await.is_err() { return; }
                }
            }
        }
    }

    fn handle(
        &self,
        conn: usize,
        p: Pdu,
        itx: &mpsc::UnboundedSender<ShortMessage>,
        seq: &mut u32,
    ) -> Action {
        let b = &self.b;
        let mut st = self.state.lock().unwrap();
        let r = |status: u32, body: Body| Pdu {
            command_status: status,
            sequence_number: p.sequence_number,
            body,
        };
        match &p.body {
            Body::BindTransceiver(_) | Body::BindTransmitter(_) | Body::BindReceiver(_) => {
                let id = p.body.command_id();
                let refuse = b.refuse_binds.load(Ordering::SeqCst) > 0;
                if refuse {
                    b.refuse_binds.fetch_sub(1, Ordering::SeqCst);
                }
                let status = if refuse { 0x0D } else { 0 };
                if !refuse {
                    st.binds.push(id);
                    if id != 0x02 {
                        st.inject.push(itx.clone());
                    }
                }
                let rb = BindResp {
                    system_id: "testsmsc".into(),
                    tlvs: vec![Tlv::u8(tag::SC_INTERFACE_VERSION, 0x34)],
                };
                let body = match id {
                    0x09 => Body::BindTransceiverResp(rb),
                    0x02 => Body::BindTransmitterResp(rb),
                    _ => Body::BindReceiverResp(rb),
                };
                Action::Reply(vec![r(status, body)])
            }
            Body::EnquireLink => {
                st.enquires += 1;
                if b.answer_enquire.load(Ordering::SeqCst) {
                    Action::Reply(vec![r(0, Body::EnquireLinkResp)])
                } else {
                    Action::Reply(vec![])
                }
            }
            Body::Unbind => {
                st.unbinds += 1;
                Action::Reply(vec![r(0, Body::UnbindResp)])
            }
            Body::DeliverSmResp { .. } => {
                st.deliver_resps += 1;
                st.deliver_resp_status.push(p.command_status);
                Action::Reply(vec![])
            }
            Body::SubmitSm(sm) => {
                let now = Instant::now();
                let arrival = st.arrivals;
                st.arrivals += 1;
                let gap = st
                    .last_arrival
                    .map(|t| now.duration_since(t))
                    .unwrap_or(Duration::MAX);
                st.last_arrival = Some(now);
                let payload = match find_tlv(&sm.tlvs, tag::MESSAGE_PAYLOAD) {
                    Some(t) => t.value.to_vec(),
                    None => sm.short_message.to_vec(),
                };
                let body = if sm.esm_class & 0x40 != 0 {
                    udh::parse(&payload).unwrap().1.to_vec()
                } else {
                    payload
                };
                let txt = text::decode(sm.data_coding, &body);
                let mut seen = Seen {
                    conn,
                    sm: sm.clone(),
                    text: txt,
                    status: None,
                    stored: false,
                    id: None,
                };
                // Throttling.
                if let Some((from, min)) = *b.throttle_from.lock().unwrap() {
                    if arrival == from {
                        b.throttling.store(true, Ordering::SeqCst);
                    }
                    if b.throttling.load(Ordering::SeqCst) {
                        let enough = b.throttled_sent.load(Ordering::SeqCst) >= min;
                        if enough && gap >= Duration::from_millis(100) {
                            b.throttling.store(false, Ordering::SeqCst);
                        } else {
                            b.throttled_sent.fetch_add(1, Ordering::SeqCst);
                            seen.status = Some(0x58);
                            st.seen.push(seen);
                            return Action::Reply(vec![r(
                                0x58,
                                Body::SubmitSmResp {
                                    message_id: String::new(),
                                },
                            )]);
                        }
                    }
                }
                if let Some((_, status)) = b
                    .fail_dest
                    .lock()
                    .unwrap()
                    .iter()
                    .find(|(d, _)| *d == sm.destination_addr)
                {
                    seen.status = Some(*status);
                    st.seen.push(seen);
                    return Action::Reply(vec![r(
                        *status,
                        Body::SubmitSmResp {
                            message_id: String::new(),
                        },
                    )]);
                }
                st.next_id += 1;
                let n = st.next_id + 1000;
                let id = n.to_string();
                seen.stored = true;
                seen.id = Some(id.clone());
                // Disconnect mid-window: store but do not answer, then drop the connection.
                let mut dc = b.disconnect_after.lock().unwrap();
                if let Some((after, k)) = *dc {
                    let stored = st.seen.iter().filter(|s| s.stored).count();
                    if stored >= after {
                        st.seen.push(seen);
                        if k <= 1 {
                            *dc = None;
                            return Action::Close;
                        }
                        *dc = Some((after, k - 1));
                        return Action::Reply(vec![]);
                    }
                }
                seen.status = Some(0);
                st.seen.push(seen);
                let receipt_id = if b.hex_in_receipt.load(Ordering::SeqCst) {
                    format!("{n:x}")
                } else {
                    id.clone()
                };
                let mut out = Vec::new();
                if b.receipt_before_resp.load(Ordering::SeqCst) {
                    *seq += 1;
                    out.push(Pdu::new(
                        *seq,
                        Body::DeliverSm(self.receipt(&receipt_id, "DELIVRD")),
                    ));
                }
                out.push(r(0, Body::SubmitSmResp { message_id: id }));
                if b.receipts_after.load(Ordering::SeqCst) {
                    *seq += 1;
                    out.push(Pdu::new(
                        *seq,
                        Body::DeliverSm(self.receipt(&receipt_id, "DELIVRD")),
                    ));
                }
                Action::Reply(out)
            }
            _ => Action::Reply(vec![r(0x03, Body::GenericNack)]),
        }
    }
}

enum Action {
    Reply(Vec<Pdu>),
    Close,
}

pub fn ucs2(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect()
}

/// The statuses of every deliver_sm_resp the SMSC received, in order.
pub fn resp_statuses(smsc: &TestSmsc) -> Vec<u32> {
    smsc.state.lock().unwrap().deliver_resp_status.clone()
}

/// Wait (at most 5 s) until the SMSC received `n` deliver_sm_resp; their statuses.
pub async fn wait_resps(smsc: &TestSmsc, n: usize) -> Vec<u32> {
    tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            let s = resp_statuses(smsc);
            if s.len() >= n {
                return s;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .unwrap_or_else(|_| {
        panic!(
            "expected {n} deliver_sm_resp, got {:?}",
            resp_statuses(smsc)
        )
    })
}
