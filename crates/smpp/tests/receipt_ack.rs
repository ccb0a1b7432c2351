//! Delivery receipts are answered only once the application has stored them.

mod common;

use std::time::Duration;

use common::{resp_statuses, wait_resps, TestSmsc};
use smsup_smpp::{status, Client, Event, MoAck, SmppConfig};
use tokio::sync::mpsc;
use tokio::time::timeout;

fn config(port: u16) -> SmppConfig {
    SmppConfig {
        port,
        password: "secret".into(),
        segments_per_second: 10_000,
        response_timeout: Duration::from_secs(2),
        reconnect_min: Duration::from_millis(50),
        ..SmppConfig::default()
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

/// The next `n` receipts: (message id, ack).
async fn receipts(ev: &mut mpsc::Receiver<Event>, n: usize) -> Vec<(String, MoAck)> {
    timeout(Duration::from_secs(5), async {
        let mut out = Vec::new();
        while out.len() < n {
            if let Event::Receipt {
                message_id, ack, ..
            } = ev.recv().await.expect("events")
            {
                out.push((message_id, ack));
            }
        }
        out
    })
    .await
    .expect("timed out waiting for receipts")
}

#[tokio::test]
async fn a_receipt_is_answered_only_after_it_is_stored() {
    let smsc = TestSmsc::start().await;
    let (_client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    smsc.inject(smsc.receipt("2001", "DELIVRD"));
    let mut got = receipts(&mut ev, 1).await;
    assert_eq!(got[0].0, "2001");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        resp_statuses(&smsc).is_empty(),
        "deliver_sm answered before the receipt was stored"
    );
    got.remove(0).1.stored();
    assert_eq!(wait_resps(&smsc, 1).await, vec![status::ESME_ROK]);
}

#[tokio::test]
async fn a_receipt_that_could_not_be_stored_gets_a_transient_error() {
    let smsc = TestSmsc::start().await;
    let (_client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    smsc.inject(smsc.receipt("3001", "UNDELIV"));
    let (_, ack) = receipts(&mut ev, 1).await.remove(0);
    ack.failed();
    assert_eq!(wait_resps(&smsc, 1).await, vec![status::ESME_RX_T_APPN]);
    // Dropping the acknowledgement means it was not stored either.
    smsc.inject(smsc.receipt("3002", "DELIVRD"));
    drop(receipts(&mut ev, 1).await);
    assert_eq!(wait_resps(&smsc, 2).await[1], status::ESME_RX_T_APPN);
}

#[tokio::test]
async fn a_batch_of_receipts_is_answered_together_once_stored() {
    let smsc = TestSmsc::start().await;
    let (_client, mut ev) = Client::start(config(smsc.port)).unwrap();
    bound(&mut ev).await;
    for i in 0..200 {
        smsc.inject(smsc.receipt(&format!("{}", 5000 + i), "DELIVRD"));
    }
    let got = receipts(&mut ev, 200).await;
    let ids: Vec<String> = got.iter().map(|(id, _)| id.clone()).collect();
    let want: Vec<String> = (0..200).map(|i| format!("{}", 5000 + i)).collect();
    assert_eq!(ids, want);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        resp_statuses(&smsc).is_empty(),
        "answered before the batch was stored"
    );
    // The first half is stored, the second half fails.
    let mut got = got.into_iter();
    for (_, ack) in got.by_ref().take(100) {
        ack.stored();
    }
    for (_, ack) in got {
        ack.failed();
    }
    let st = wait_resps(&smsc, 200).await;
    assert_eq!(st.iter().filter(|s| **s == status::ESME_ROK).count(), 100);
    assert_eq!(
        st.iter().filter(|s| **s == status::ESME_RX_T_APPN).count(),
        100
    );
}
