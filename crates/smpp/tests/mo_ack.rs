//! Mobile-originated messages are answered only once the application has stored them.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use common::{resp_statuses, wait_resps, TestSmsc};
use smsup_smpp::pdu::ShortMessage;
use smsup_smpp::{status, Client, Event, MoAck, SmppConfig};
use tokio::sync::mpsc;
use tokio::time::timeout;

fn config(port: u16) -> SmppConfig {
    SmppConfig {
        port,
        password: "secret".into(),
        segments_per_second: 10_000,
        enquire_link_interval: Duration::from_secs(30),
        response_timeout: Duration::from_secs(2),
        reconnect_min: Duration::from_millis(50),
        ..SmppConfig::default()
    }
}

fn mo_text(from: &str, text: &str) -> ShortMessage {
    ShortMessage {
        source_addr_ton: 1,
        source_addr_npi: 1,
        source_addr: from.into(),
        destination_addr: "SMSUP".into(),
        short_message: Bytes::from(text.as_bytes().to_vec()),
        ..Default::default()
    }
}

/// Part `seq` of `total` (8-bit UDH reference `reference`), GSM-7 unpacked.
fn mo_part(from: &str, reference: u8, total: u8, seq: u8, text: &str) -> ShortMessage {
    let mut sm = vec![5, 0, 3, reference, total, seq];
    sm.extend_from_slice(text.as_bytes());
    ShortMessage {
        esm_class: 0x40,
        short_message: Bytes::from(sm),
        ..mo_text(from, "")
    }
}

async fn bound(ev: &mut mpsc::Receiver<Event>) {
    timeout(Duration::from_secs(5), async {
        loop {
            if let Some(Event::Bound { .. }) = ev.recv().await {
                return;
            }
        }
    })
    .await
    .expect("bound");
}

/// The next MO message: (text, complete, ack).
async fn next_mobile(ev: &mut mpsc::Receiver<Event>) -> (String, bool, MoAck) {
    timeout(Duration::from_secs(5), async {
        loop {
            match ev.recv().await.expect("events") {
                Event::Mobile {
                    text,
                    complete,
                    ack,
                    ..
                } => return (text, complete, ack),
                _ => continue,
            }
        }
    })
    .await
    .expect("timed out waiting for an MO message")
}

#[tokio::test]
async fn mo_is_answered_only_after_it_is_stored_and_receipts_are_not_held_up_by_it() {
    let smsc = TestSmsc::start().await;
    let (_client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    smsc.inject(mo_text("60111111111", "JOIN food"));
    let (text, complete, ack) = next_mobile(&mut ev).await;
    assert_eq!((text.as_str(), complete), ("JOIN food", true));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        resp_statuses(&smsc).is_empty(),
        "deliver_sm answered before the message was stored"
    );
    // A receipt meanwhile is answered as soon as it is stored, not held up by the MO message.
    smsc.inject(smsc.receipt("1001", "DELIVRD"));
    let receipt_ack = timeout(Duration::from_secs(5), async {
        loop {
            if let Some(Event::Receipt { ack, .. }) = ev.recv().await {
                return ack;
            }
        }
    })
    .await
    .expect("receipt event");
    receipt_ack.stored();
    assert_eq!(wait_resps(&smsc, 1).await, vec![status::ESME_ROK]);
    // The application stores the message, then acknowledges it.
    let store = Arc::new(Mutex::new(Vec::<String>::new()));
    store.lock().unwrap().push(text);
    ack.stored();
    assert_eq!(
        wait_resps(&smsc, 2).await,
        vec![status::ESME_ROK, status::ESME_ROK]
    );
    assert_eq!(store.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn a_message_that_could_not_be_stored_gets_a_transient_error() {
    let smsc = TestSmsc::start().await;
    let (_client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    smsc.inject(mo_text("60111111111", "first"));
    let (_, _, ack) = next_mobile(&mut ev).await;
    ack.failed();
    assert_eq!(wait_resps(&smsc, 1).await, vec![status::ESME_RX_T_APPN]);
    // An application that drops the acknowledgement has not stored the message either.
    smsc.inject(mo_text("60111111111", "second"));
    let (text, _, ack) = next_mobile(&mut ev).await;
    assert_eq!(text, "second");
    drop(ack);
    let st = wait_resps(&smsc, 2).await;
    assert_eq!(st[1], status::ESME_RX_T_APPN);
}

#[tokio::test]
async fn concatenated_parts_are_answered_when_the_whole_message_is_stored() {
    let smsc = TestSmsc::start().await;
    let (_client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    let parts = ["JOIN ", "the cooking ", "group"];
    for (i, p) in parts.iter().enumerate() {
        smsc.inject(mo_part("60122222222", 9, 3, i as u8 + 1, p));
    }
    let (text, complete, ack) = next_mobile(&mut ev).await;
    assert_eq!((text.as_str(), complete), ("JOIN the cooking group", true));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        resp_statuses(&smsc).is_empty(),
        "a part was answered before the message was stored"
    );
    // Storing fails: every part gets a transient error, and when the SMSC delivers them again they
    // are reassembled again (not dropped as duplicates).
    ack.failed();
    assert_eq!(wait_resps(&smsc, 3).await, vec![status::ESME_RX_T_APPN; 3]);
    for (i, p) in parts.iter().enumerate() {
        smsc.inject(mo_part("60122222222", 9, 3, i as u8 + 1, p));
    }
    let (text, _, ack) = next_mobile(&mut ev).await;
    assert_eq!(text, "JOIN the cooking group");
    ack.stored();
    let st = wait_resps(&smsc, 6).await;
    assert_eq!(st[3..], [status::ESME_ROK; 3]);
    // A late repeat of a stored part is answered at once and not delivered again.
    smsc.inject(mo_part("60122222222", 9, 3, 2, parts[1]));
    assert_eq!(wait_resps(&smsc, 7).await[6], status::ESME_ROK);
    assert!(timeout(Duration::from_millis(300), next_mobile(&mut ev))
        .await
        .is_err());
}

#[tokio::test]
async fn an_smsc_that_delivers_one_message_at_a_time_gets_each_part_answered_without_holding() {
    // A window-1 SMSC sends the next part only once the previous one is answered: with parts held
    // until the message is stored (the default), part 1 is never answered and part 2 never comes.
    let smsc = TestSmsc::start().await;
    let (_client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    smsc.inject(mo_part("60133333333", 4, 2, 1, "JOIN "));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        resp_statuses(&smsc).is_empty(),
        "held by default: the first part is answered only once the message is stored"
    );

    let smsc = TestSmsc::start().await;
    let (_client, mut ev) = Client::start(SmppConfig {
        hold_mo_parts: false,
        ..config(smsc.port)
    })
    .unwrap();
    bound(&mut ev).await;
    let parts = ["JOIN ", "the cooking ", "group"];
    for (i, p) in parts.iter().enumerate().take(2) {
        smsc.inject(mo_part("60133333333", 5, 3, i as u8 + 1, p));
        // The SMSC waits for this answer before it sends the next part.
        assert_eq!(wait_resps(&smsc, i + 1).await[i], status::ESME_ROK);
    }
    smsc.inject(mo_part("60133333333", 5, 3, 3, parts[2]));
    let (text, complete, ack) = next_mobile(&mut ev).await;
    assert_eq!((text.as_str(), complete), ("JOIN the cooking group", true));
    // The last part is still answered only once the whole message is stored.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(resp_statuses(&smsc).len(), 2);
    ack.stored();
    assert_eq!(wait_resps(&smsc, 3).await[2], status::ESME_ROK);
}

#[tokio::test]
async fn parts_held_until_the_reassembly_timeout_are_answered_with_the_partial_message() {
    let smsc = TestSmsc::start().await;
    let mut cfg = config(smsc.port);
    cfg.reassembly_timeout = Duration::from_millis(400);
    let (_client, mut ev) = Client::start(cfg).unwrap();
    bound(&mut ev).await;
    smsc.inject(mo_part("60133333333", 4, 3, 1, "one "));
    smsc.inject(mo_part("60133333333", 4, 3, 3, "three"));
    let (text, complete, ack) = next_mobile(&mut ev).await;
    assert_eq!((text.as_str(), complete), ("one three", false));
    assert!(resp_statuses(&smsc).is_empty());
    ack.stored();
    assert_eq!(wait_resps(&smsc, 2).await, vec![status::ESME_ROK; 2]);
}

/// Nothing arrives as an MO message for a while.
async fn no_mobile(ev: &mut mpsc::Receiver<Event>, wait: Duration) {
    let got = timeout(wait, async {
        loop {
            if let Some(Event::Mobile { text, .. }) = ev.recv().await {
                return text;
            }
        }
    })
    .await;
    if let Ok(text) = got {
        panic!("a copy was passed on: {text:?}");
    }
}

#[tokio::test]
async fn an_mo_message_delivered_again_after_its_answer_was_lost_is_stored_once() {
    let smsc = TestSmsc::start().await;
    let (client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    let alert = mo_text("60111111111", "ALERT police checks at Jalan Imbi now");
    smsc.inject(alert.clone());
    let (text, _, ack) = next_mobile(&mut ev).await;
    assert_eq!(text, "ALERT police checks at Jalan Imbi now");
    // The connection breaks while the application stores it: its answer cannot be sent.
    smsc.kick();
    bound(&mut ev).await;
    ack.stored();
    // The SMSC never got an answer, so it delivers the message again on the new bind.
    smsc.inject(alert.clone());
    no_mobile(&mut ev, Duration::from_millis(500)).await;
    assert_eq!(
        wait_resps(&smsc, 1).await,
        vec![status::ESME_ROK],
        "the copy is answered"
    );
    assert_eq!(client.stats().mobile_redelivered, 1);
    assert_eq!(client.stats().mobile, 1);
    // The same words sent again later are a new message.
    smsc.inject(alert);
    let (text, _, ack) = next_mobile(&mut ev).await;
    assert_eq!(text, "ALERT police checks at Jalan Imbi now");
    ack.stored();
    assert_eq!(wait_resps(&smsc, 2).await.len(), 2);
}

#[tokio::test]
async fn an_answer_sent_just_before_the_connection_broke_may_be_lost_so_its_copy_is_absorbed() {
    let smsc = TestSmsc::start().await;
    let (client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    smsc.inject(mo_text("60122222222", "Meeting moved to 4pm"));
    // A 2-part message too.
    smsc.inject(mo_part("60122222222", 9, 2, 1, "Clinic open on Sunday "));
    smsc.inject(mo_part("60122222222", 9, 2, 2, "from 9 to 12"));
    for _ in 0..2 {
        let (_, complete, ack) = next_mobile(&mut ev).await;
        assert!(complete);
        ack.stored();
    }
    assert_eq!(wait_resps(&smsc, 3).await, vec![status::ESME_ROK; 3]);
    // The connection breaks right after: the SMSC may not have had the answers.
    smsc.kick();
    bound(&mut ev).await;
    smsc.inject(mo_text("60122222222", "Meeting moved to 4pm"));
    smsc.inject(mo_part("60122222222", 9, 2, 1, "Clinic open on Sunday "));
    smsc.inject(mo_part("60122222222", 9, 2, 2, "from 9 to 12"));
    no_mobile(&mut ev, Duration::from_millis(500)).await;
    assert_eq!(wait_resps(&smsc, 6).await, vec![status::ESME_ROK; 6]);
    assert_eq!(client.stats().mobile, 2);
    // The single-part copy is caught here (the reassembler already drops late parts of a message it
    // completed).
    assert_eq!(client.stats().mobile_redelivered, 1);
}

#[tokio::test]
async fn the_same_words_twice_on_a_healthy_connection_are_two_messages() {
    let smsc = TestSmsc::start().await;
    let (client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    for _ in 0..2 {
        smsc.inject(mo_text("60133333333", "JOIN food"));
        let (text, _, ack) = next_mobile(&mut ev).await;
        assert_eq!(text, "JOIN food");
        ack.stored();
    }
    assert_eq!(wait_resps(&smsc, 2).await, vec![status::ESME_ROK; 2]);
    assert_eq!(client.stats().mobile_redelivered, 0);
}

#[tokio::test]
async fn a_message_that_failed_to_store_when_the_connection_broke_is_passed_on_again() {
    let smsc = TestSmsc::start().await;
    let (_client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    smsc.inject(mo_text("60144444444", "HELP please call me"));
    let (_, _, ack) = next_mobile(&mut ev).await;
    smsc.kick();
    bound(&mut ev).await;
    ack.failed();
    smsc.inject(mo_text("60144444444", "HELP please call me"));
    let (text, _, ack) = next_mobile(&mut ev).await;
    assert_eq!(text, "HELP please call me");
    ack.stored();
    assert_eq!(wait_resps(&smsc, 1).await, vec![status::ESME_ROK]);
}
