//! Session behaviour against the in-test SMSC.

mod common;

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::time::Duration;

use bytes::Bytes;
use common::{ucs2, TestSmsc};
use futures::future::join_all;
use smsup_smpp::pdu::{find_tlv, tag, ShortMessage, Tlv};
use smsup_smpp::{BindMode, Client, Event, LongMessageMode, ReceiptState, SmppConfig, SubmitError};
use tokio::sync::mpsc;
use tokio::time::timeout;

fn config(port: u16) -> SmppConfig {
    SmppConfig {
        port,
        password: "secret".into(),
        window: 10,
        segments_per_second: 10_000,
        enquire_link_interval: Duration::from_secs(30),
        response_timeout: Duration::from_secs(2),
        reconnect_min: Duration::from_millis(50),
        reconnect_max: Duration::from_millis(400),
        throttle_pause: Duration::from_millis(300),
        ..SmppConfig::default()
    }
}

/// Waits for the first event that `f` accepts, skipping others.
async fn next_matching<T>(
    rx: &mut mpsc::Receiver<Event>,
    secs: u64,
    mut f: impl FnMut(&Event) -> Option<T>,
) -> T {
    timeout(Duration::from_secs(secs), async {
        loop {
            let e = rx.recv().await.expect("event channel closed");
            if let Some(t) = f(&e) {
                return t;
            }
        }
    })
    .await
    .expect("timed out waiting for event")
}

#[tokio::test]
async fn submits_get_ids_and_are_encoded_as_configured() {
    let smsc = TestSmsc::start().await;
    let (client, _ev) = Client::start(config(smsc.port)).unwrap();
    let a = client
        .submit("+60123456789", "Hello [list] €5")
        .await
        .unwrap();
    let b = client.submit("+60123456789", "سلام دوستان").await.unwrap();
    let long = "Long message. ".repeat(25); // 350 septets: 3 parts
    let c = client.submit("+60123456789", &long).await.unwrap();
    let seen = smsc.seen();
    assert_eq!(seen.len(), 5);
    let ids: Vec<String> = seen.iter().map(|s| s.id.clone().unwrap()).collect();
    assert_eq!(a.message_ids, ids[0..1]);
    assert_eq!(b.message_ids, ids[1..2]);
    assert_eq!(c.message_ids, ids[2..5]);
    // GSM-7 unpacked, extension characters escaped.
    assert_eq!(seen[0].sm.data_coding, 0);
    assert_eq!(seen[0].text, "Hello [list] €5");
    assert_eq!(seen[0].sm.short_message.len(), 15 + 3);
    // UCS-2 big-endian without a byte-order mark.
    assert_eq!(seen[1].sm.data_coding, 8);
    assert_eq!(
        seen[1].sm.short_message.as_ref(),
        ucs2("سلام دوستان").as_slice()
    );
    for s in &seen {
        assert_eq!(s.sm.registered_delivery, 1);
        assert_eq!(
            (
                s.sm.source_addr_ton,
                s.sm.source_addr_npi,
                s.sm.source_addr.as_str()
            ),
            (5, 0, "SMSUP")
        );
        assert_eq!(
            (
                s.sm.dest_addr_ton,
                s.sm.dest_addr_npi,
                s.sm.destination_addr.as_str()
            ),
            (1, 1, "60123456789")
        );
    }
    // Concatenated with a UDH: same reference, 3 parts numbered 1..3, 153 septets at most each.
    let udh: Vec<&[u8]> = seen[2..5]
        .iter()
        .map(|s| &s.sm.short_message[..6])
        .collect();
    for (i, u) in udh.iter().enumerate() {
        assert_eq!(seen[2 + i].sm.esm_class, 0x40);
        assert_eq!(&u[..3], &[5, 0, 3]);
        assert_eq!(u[3], udh[0][3]);
        assert_eq!((u[4], u[5]), (3, i as u8 + 1));
        assert!(seen[2 + i].sm.short_message.len() <= 6 + 153);
    }
    let joined: String = seen[2..5].iter().map(|s| s.text.clone()).collect();
    assert_eq!(joined, long);
}

#[tokio::test]
async fn sar_and_message_payload_modes() {
    let smsc = TestSmsc::start().await;
    let long = "ب".repeat(150); // 3 UCS-2 parts
    let mut cfg = config(smsc.port);
    cfg.long_messages = LongMessageMode::Sar;
    let (client, _ev) = Client::start(cfg).unwrap();
    let r = client.submit("60123456789", &long).await.unwrap();
    assert_eq!(r.message_ids.len(), 3);
    let seen = smsc.seen();
    for (i, s) in seen.iter().enumerate() {
        assert_eq!(s.sm.esm_class, 0, "no UDH alongside SAR");
        let get = |t| find_tlv(&s.sm.tlvs, t).and_then(|v| v.as_uint()).unwrap();
        assert_eq!(get(tag::SAR_TOTAL_SEGMENTS), 3);
        assert_eq!(get(tag::SAR_SEGMENT_SEQNUM), i as u32 + 1);
        assert_eq!(
            get(tag::SAR_MSG_REF_NUM),
            find_tlv(&seen[0].sm.tlvs, tag::SAR_MSG_REF_NUM)
                .unwrap()
                .as_uint()
                .unwrap()
        );
    }
    assert_eq!(
        seen.iter().map(|s| s.text.clone()).collect::<String>(),
        long
    );

    let smsc = TestSmsc::start().await;
    let mut cfg = config(smsc.port);
    cfg.long_messages = LongMessageMode::Payload;
    let (client, _ev) = Client::start(cfg).unwrap();
    let r = client.submit("60123456789", &long).await.unwrap();
    assert_eq!(r.message_ids.len(), 1);
    let seen = smsc.seen();
    assert_eq!(seen.len(), 1);
    assert!(seen[0].sm.short_message.is_empty());
    assert_eq!(
        find_tlv(&seen[0].sm.tlvs, tag::MESSAGE_PAYLOAD)
            .unwrap()
            .value
            .as_ref(),
        ucs2(&long).as_slice()
    );
    assert_eq!(seen[0].text, long);
}

#[tokio::test]
async fn nothing_lost_across_mid_window_disconnect() {
    let smsc = TestSmsc::start().await;
    // After 50 stored messages, store 6 more without answering, then drop the connection.
    *smsc.b.disconnect_after.lock().unwrap() = Some((50, 6));
    let cfg = config(smsc.port);
    let window = cfg.window;
    let (client, _ev) = Client::start(cfg).unwrap();
    let texts: Vec<String> = (0..200).map(|i| format!("message {i:03}")).collect();
    let results = timeout(
        Duration::from_secs(20),
        join_all(texts.iter().map(|t| client.submit("+60123456789", t))),
    )
    .await
    .expect("submits did not all resolve");
    for r in &results {
        assert!(r.is_ok(), "{r:?}");
    }
    let stored = smsc.stored_texts();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for t in &stored {
        *count.entry(t.as_str()).or_default() += 1;
    }
    for t in &texts {
        assert!(count.contains_key(t.as_str()), "{t} lost");
    }
    let duplicates: usize = count.values().map(|c| c - 1).sum();
    assert!(
        duplicates >= 1,
        "the disconnect should have produced resends"
    );
    assert!(
        duplicates <= window,
        "{duplicates} duplicates, more than the window"
    );
    // Every duplicate is one of the messages that were unanswered at the disconnect.
    let unanswered: Vec<String> = smsc
        .seen()
        .into_iter()
        .filter(|s| s.stored && s.status.is_none())
        .map(|s| s.text)
        .collect();
    for (t, c) in &count {
        if *c > 1 {
            assert!(
                unanswered.iter().any(|u| u == t),
                "{t} duplicated but was answered"
            );
        }
    }
    let st = client.stats();
    assert!(st.binds >= 2 && st.disconnects >= 1, "{st:?}");
    assert!(smsc.state.lock().unwrap().conns >= 2);
}

#[tokio::test]
async fn throttling_pauses_the_connection_and_resends_in_original_order() {
    let smsc = TestSmsc::start().await;
    *smsc.b.throttle_from.lock().unwrap() = Some((20, 15));
    let mut cfg = config(smsc.port);
    cfg.window = 5;
    let (client, _ev) = Client::start(cfg).unwrap();
    let texts: Vec<String> = (0..60).map(|i| format!("ordered {i:02}")).collect();
    // join_all polls in order, so the messages enter the client in this order.
    let results = timeout(
        Duration::from_secs(20),
        join_all(texts.iter().map(|t| client.submit("+60123456789", t))),
    )
    .await
    .expect("submits did not all resolve");
    assert!(results.iter().all(|r| r.is_ok()));
    assert_eq!(
        smsc.stored_texts(),
        texts,
        "accepted order differs from submit order"
    );
    assert!(smsc.b.throttled_sent.load(Ordering::SeqCst) >= 15);
    assert!(client.stats().throttled >= 15);
    assert!(client.stats().parts_resent >= 15);
}

#[tokio::test]
async fn receipt_sent_before_submit_resp_is_not_lost() {
    let smsc = TestSmsc::start().await;
    smsc.b.receipt_before_resp.store(true, Ordering::SeqCst);
    let (client, mut ev) = Client::start(config(smsc.port)).unwrap();
    let r = client.submit("+60123456789", "hi").await.unwrap();
    let (id, state, ack) = timeout(Duration::from_secs(5), async {
        loop {
            if let Event::Receipt {
                message_id,
                state,
                ack,
                ..
            } = ev.recv().await.expect("event channel closed")
            {
                return (message_id, state, ack);
            }
        }
    })
    .await
    .expect("timed out waiting for the receipt");
    assert_eq!(id, r.message_ids[0]);
    assert_eq!(state, ReceiptState::Delivered);
    ack.stored();
    timeout(Duration::from_secs(5), async {
        while smsc.state.lock().unwrap().deliver_resp_status != [0] {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("the stored receipt is answered ESME_ROK");
}

#[tokio::test]
async fn hex_receipt_ids_match_decimal_submit_ids_through_candidates() {
    let smsc = TestSmsc::start().await;
    smsc.b.receipts_after.store(true, Ordering::SeqCst);
    smsc.b.hex_in_receipt.store(true, Ordering::SeqCst);
    let (client, mut ev) = Client::start(config(smsc.port)).unwrap();
    let r = client.submit("+60123456789", "hi").await.unwrap();
    let id = next_matching(&mut ev, 5, |e| match e {
        Event::Receipt { message_id, .. } => Some(message_id.clone()),
        _ => None,
    })
    .await;
    assert_ne!(id, r.message_ids[0]);
    assert!(smsup_smpp::id_candidates(&id).contains(&r.message_ids[0]));
}

#[tokio::test]
async fn enquire_link_timeout_triggers_reconnect() {
    let smsc = TestSmsc::start().await;
    let mut cfg = config(smsc.port);
    cfg.enquire_link_interval = Duration::from_millis(200);
    cfg.response_timeout = Duration::from_millis(500);
    let (client, mut ev) = Client::start(cfg).unwrap();
    next_matching(&mut ev, 5, |e| {
        matches!(e, Event::Bound { .. }).then_some(())
    })
    .await;
    smsc.b.answer_enquire.store(false, Ordering::SeqCst);
    let reason = next_matching(&mut ev, 5, |e| match e {
        Event::Disconnected { reason, .. } => Some(reason.clone()),
        _ => None,
    })
    .await;
    assert!(reason.contains("enquire_link"), "{reason}");
    smsc.b.answer_enquire.store(true, Ordering::SeqCst);
    next_matching(&mut ev, 5, |e| {
        matches!(e, Event::Bound { .. }).then_some(())
    })
    .await;
    assert!(smsc.state.lock().unwrap().binds.len() >= 2);
    client
        .submit("+60123456789", "after reconnect")
        .await
        .unwrap();
    // The SMSC's own enquire_link is answered.
    assert!(smsc.state.lock().unwrap().enquires >= 2);
}

#[tokio::test]
async fn refused_connection_and_refused_bind_are_retried() {
    // Reserve a port, close it, start the client: connections are refused until the SMSC appears.
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    drop(l);
    let (client, mut ev) = Client::start(config(port)).unwrap();
    let pending = tokio::spawn({
        let c = client.clone();
        async move { c.submit("+60123456789", "queued while down").await }
    });
    next_matching(&mut ev, 5, |e| {
        matches!(e, Event::Disconnected { .. }).then_some(())
    })
    .await;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let smsc = TestSmsc::start_on(listener);
    smsc.b.refuse_binds.store(2, Ordering::SeqCst);
    let r = timeout(Duration::from_secs(10), pending)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(r.message_ids.len(), 1);
    assert_eq!(smsc.stored_texts(), vec!["queued while down".to_string()]);
    assert!(client.stats().disconnects >= 3);
}

#[tokio::test]
async fn error_statuses_are_classified() {
    let smsc = TestSmsc::start().await;
    smsc.b
        .fail_dest
        .lock()
        .unwrap()
        .push(("60100000001".into(), 0x0B));
    smsc.b
        .fail_dest
        .lock()
        .unwrap()
        .push(("60100000002".into(), 0x08));
    smsc.b
        .fail_dest
        .lock()
        .unwrap()
        .push(("60100000003".into(), 0x45));
    smsc.b
        .fail_dest
        .lock()
        .unwrap()
        .push(("60100000004".into(), 0x0A));
    let (client, _ev) = Client::start(config(smsc.port)).unwrap();
    assert_eq!(
        client.submit("+60100000001", "x").await,
        Err(SubmitError::Undeliverable { status: 0x0B })
    );
    assert_eq!(
        client.submit("+60100000002", "x").await,
        Err(SubmitError::Transient { status: 0x08 })
    );
    assert_eq!(
        client.submit("+60100000003", "x").await,
        Err(SubmitError::Transient { status: 0x45 })
    );
    assert_eq!(
        client.submit("+60100000004", "x").await,
        Err(SubmitError::Permanent { status: 0x0A })
    );
    assert_eq!(
        client.submit("not a number", "x").await,
        Err(SubmitError::InvalidAddress)
    );
    assert!(client.submit("+60100000005", "x").await.is_ok());
}

fn mo(from: &str, esm_class: u8, dc: u8, sm: Vec<u8>, tlvs: Vec<Tlv>) -> ShortMessage {
    ShortMessage {
        source_addr_ton: 1,
        source_addr_npi: 1,
        source_addr: from.into(),
        dest_addr_ton: 5,
        destination_addr: "SMSUP".into(),
        esm_class,
        data_coding: dc,
        short_message: Bytes::from(sm),
        tlvs,
        ..Default::default()
    }
}

#[tokio::test]
async fn mobile_originated_messages_are_decoded_and_reassembled() {
    let smsc = TestSmsc::start().await;
    let (_client, mut ev) = Client::start(config(smsc.port)).unwrap();
    next_matching(&mut ev, 5, |e| {
        matches!(e, Event::Bound { .. }).then_some(())
    })
    .await;

    // Farsi, UCS-2, 3 parts with an 8-bit UDH reference, out of order and with a duplicate.
    let farsi = "سلام به همه اعضای گروه. جلسه فردا ساعت ده صبح در مرکز اجتماعی برگزار می‌شود. لطفاً به دوستان خود هم اطلاع دهید و غذا بیاورید.";
    let units = ucs2(farsi);
    let chunks: Vec<Vec<u8>> = units.chunks(134).map(|c| c.to_vec()).collect();
    assert_eq!(chunks.len(), 2.max(chunks.len()));
    let n = chunks.len() as u8;
    let part = |i: usize| {
        let mut v = vec![5, 0, 3, 0x42, n, i as u8 + 1];
        v.extend_from_slice(&chunks[i]);
        mo("60111111111", 0x40, 8, v, vec![])
    };
    for i in (0..chunks.len()).rev() {
        smsc.inject(part(i));
    }
    smsc.inject(part(0));
    // GSM-7 with a 16-bit UDH reference, 3 parts.
    let gsm_parts = ["JOIN the ", "cooking ", "group {today}"];
    for (i, p) in gsm_parts.iter().enumerate() {
        let mut v = vec![6, 8, 4, 0x12, 0x34, 3, i as u8 + 1];
        v.extend(p.chars().flat_map(|c| match c {
            '{' => vec![0x1B, 0x28],
            '}' => vec![0x1B, 0x29],
            c => vec![c as u8],
        }));
        smsc.inject(mo("60122222222", 0x40, 0, v, vec![]));
    }
    // SAR TLVs, Latin-1.
    for (i, p) in ["Caf", "\u{e9} ouvert"].iter().enumerate() {
        let bytes: Vec<u8> = p.chars().map(|c| c as u32 as u8).collect();
        let tlvs = vec![
            Tlv::u16(tag::SAR_MSG_REF_NUM, 7),
            Tlv::u8(tag::SAR_TOTAL_SEGMENTS, 2),
            Tlv::u8(tag::SAR_SEGMENT_SEQNUM, i as u8 + 1),
        ];
        smsc.inject(mo("60133333333", 0, 3, bytes, tlvs));
    }
    // message_payload, IA5.
    smsc.inject(mo(
        "60144444444",
        0,
        1,
        vec![],
        vec![Tlv {
            tag: tag::MESSAGE_PAYLOAD,
            value: Bytes::from_static(b"LEAVE cooking"),
        }],
    ));

    let mut got = Vec::new();
    while got.len() < 4 {
        let m = next_matching(&mut ev, 5, |e| match e {
            Event::Mobile {
                from,
                text,
                complete,
                ..
            } => Some((from.clone(), text.clone(), *complete)),
            _ => None,
        })
        .await;
        got.push(m);
    }
    got.sort();
    assert_eq!(got[0], ("+60111111111".into(), farsi.into(), true));
    assert_eq!(
        got[1],
        (
            "+60122222222".into(),
            "JOIN the cooking group {today}".into(),
            true
        )
    );
    assert_eq!(got[2], ("+60133333333".into(), "Café ouvert".into(), true));
    assert_eq!(
        got[3],
        ("+60144444444".into(), "LEAVE cooking".into(), true)
    );
    // No second event for the duplicated part.
    assert!(timeout(Duration::from_millis(300), async {
        loop {
            if let Some(Event::Mobile { .. }) = ev.recv().await {
                return;
            }
        }
    })
    .await
    .is_err());
}

#[tokio::test]
async fn separate_transmitter_and_receiver_binds() {
    let smsc = TestSmsc::start().await;
    let mut cfg = config(smsc.port);
    cfg.bind_mode = BindMode::TransmitterAndReceiver;
    let (client, mut ev) = Client::start(cfg).unwrap();
    let r = client.submit("+60123456789", "two binds").await.unwrap();
    next_matching(&mut ev, 5, |e| {
        matches!(
            e,
            Event::Bound {
                bind: "receiver",
                ..
            }
        )
        .then_some(())
    })
    .await;
    let mut binds = smsc.state.lock().unwrap().binds.clone();
    binds.sort();
    assert_eq!(binds, vec![0x01, 0x02]);
    smsc.inject(smsc.receipt(&r.message_ids[0], "UNDELIV"));
    let (id, state) = next_matching(&mut ev, 5, |e| match e {
        Event::Receipt {
            message_id, state, ..
        } => Some((message_id.clone(), *state)),
        _ => None,
    })
    .await;
    assert_eq!(
        (id.as_str(), state),
        (r.message_ids[0].as_str(), ReceiptState::Undelivered)
    );
    client.shutdown().await;
    assert_eq!(smsc.state.lock().unwrap().unbinds, 2);
}

#[tokio::test]
async fn shutdown_drains_the_window_then_unbinds() {
    let smsc = TestSmsc::start().await;
    let mut cfg = config(smsc.port);
    cfg.segments_per_second = 200; // slow enough that shutdown starts with messages queued
    let (client, _ev) = Client::start(cfg).unwrap();
    let texts: Vec<String> = (0..40).map(|i| format!("drain {i}")).collect();
    let c2 = client.clone();
    let all =
        tokio::spawn(
            async move { join_all(texts.iter().map(|t| c2.submit("+60123456789", t))).await },
        );
    tokio::time::sleep(Duration::from_millis(50)).await;
    client.shutdown().await;
    let results = all.await.unwrap();
    assert!(results.iter().all(|r| r.is_ok()), "{results:?}");
    assert_eq!(smsc.stored_texts().len(), 40);
    assert_eq!(smsc.state.lock().unwrap().unbinds, 1);
    assert_eq!(
        client.submit("+60123456789", "late").await,
        Err(SubmitError::Shutdown)
    );
}

#[tokio::test]
async fn a_validity_period_reaches_the_smsc_as_a_relative_time_on_every_part() {
    let smsc = TestSmsc::start().await;
    let (client, _ev) = Client::start(config(smsc.port)).unwrap();
    let thirty_minutes = std::time::Duration::from_secs(30 * 60);
    client
        .submit_valid(
            "+60123456789",
            "Checkpoint at the bridge",
            Some(thirty_minutes),
        )
        .await
        .unwrap();
    let long = "Police at the market, stay home. ".repeat(8);
    client
        .submit_valid(
            "+60123456789",
            &long,
            Some(std::time::Duration::from_secs(93_784)),
        )
        .await
        .unwrap();
    client.submit("+60123456789", "no expiry").await.unwrap();
    let seen = smsc.seen();
    assert_eq!(seen[0].sm.validity_period, "000000003000000R");
    let parts = seen.len() - 2;
    assert!(parts >= 2, "the long text went in {parts} parts");
    for s in &seen[1..=parts] {
        // 1 day, 2 hours, 3 minutes, 4 seconds.
        assert_eq!(s.sm.validity_period, "000001020304000R");
    }
    assert_eq!(seen[parts + 1].sm.validity_period, "");
}
