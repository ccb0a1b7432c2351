//! Interop: the client against an SMSC written with the npm `smpp` package (node-smpp 0.5.1).
//!
//! Needs `node` and `<workspace>/interop/node_modules` (CI installs them). Set SMSUP_SKIP_INTEROP=1
//! to skip when they are missing.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;
use smsup_smpp::{id_candidates, Client, Event, ReceiptState, SmppConfig};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::mpsc;
use tokio::time::timeout;

fn interop_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../interop");
    if dir.join("node_modules/smpp").is_dir() {
        return Some(dir);
    }
    if std::env::var("SMSUP_SKIP_INTEROP").as_deref() == Ok("1") {
        eprintln!("SMSUP_SKIP_INTEROP=1: skipping the node-smpp interop test");
        return None;
    }
    panic!(
        "{}/node_modules/smpp is missing: run `npm ci` in interop/ (or set SMSUP_SKIP_INTEROP=1)",
        dir.display()
    );
}

struct NodeSmsc {
    _child: Child,
    lines: mpsc::UnboundedReceiver<Value>,
    port: u16,
}

async fn start_node_smsc(dir: &PathBuf) -> NodeSmsc {
    let mut child = Command::new("node")
        .arg(dir.join("smpp/smsc.js"))
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("cannot start `node` (is Node.js installed?)");
    let stdout = child.stdout.take().unwrap();
    let (tx, mut lines) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut r = BufReader::new(stdout).lines();
        while let Ok(Some(l)) = r.next_line().await {
            if let Ok(v) = serde_json::from_str::<Value>(&l) {
                let _ = tx.send(v);
            }
        }
    });
    let first = timeout(Duration::from_secs(20), lines.recv())
        .await
        .expect("node SMSC did not start")
        .unwrap();
    assert_eq!(first["event"], "listening");
    let port = first["port"].as_u64().unwrap() as u16;
    NodeSmsc {
        _child: child,
        lines,
        port,
    }
}

#[tokio::test]
async fn client_against_node_smpp_smsc() {
    let Some(dir) = interop_dir() else { return };
    let mut smsc = start_node_smsc(&dir).await;
    let cfg = SmppConfig {
        port: smsc.port,
        system_id: "smsup".into(),
        password: "pw".into(),
        segments_per_second: 1000,
        enquire_link_interval: Duration::from_millis(300),
        ..SmppConfig::default()
    };
    let (client, mut events) = Client::start(cfg).unwrap();

    let gsm = "Hello from SMS Up: meeting at 10:00 @ the centre_hall, bring $5!";
    let farsi = "سلام دوستان، جلسه فردا ساعت ده است";
    let long_gsm = "This is a long announcement for everyone on the list. ".repeat(6); // 3 parts
    let long_farsi = "این یک پیام طولانی برای همه اعضای فهرست است. ".repeat(4); // 3 parts
    let mut sent = Vec::new();
    for text in [gsm, farsi, long_gsm.as_str(), long_farsi.as_str()] {
        let r = client.submit("+60123456789", text).await.unwrap();
        sent.push((text.to_string(), r.message_ids));
    }
    assert_eq!(
        sent.iter().map(|s| s.1.len()).collect::<Vec<_>>(),
        vec![1, 1, 3, 3]
    );
    let all_ids: Vec<String> = sent.iter().flat_map(|s| s.1.clone()).collect();

    // What node-smpp decoded from our submit_sm PDUs, by id.
    let mut submits: HashMap<String, Value> = HashMap::new();
    let mut receipts: Vec<(String, ReceiptState)> = Vec::new();
    let mut mobile: Vec<(String, String, bool)> = Vec::new();
    let mut resp_status: Vec<i64> = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while submits.len() < all_ids.len() || receipts.len() < all_ids.len() || mobile.len() < 3 {
        tokio::select! {
            Some(v) = smsc.lines.recv() => {
                if v["event"] == "submit" {
                    submits.insert(v["id"].as_str().unwrap().to_string(), v);
                } else if v["event"] == "deliver_sm_resp" {
                    resp_status.push(v["status"].as_i64().unwrap());
                }
            }
            Some(e) = events.recv() => match e {
                Event::Receipt { message_id, alt_message_id, state, ack, .. } => {
                    ack.stored();
                    // The TLV carries the hex id, the text the decimal one: match either way.
                    let id = all_ids
                        .iter()
                        .find(|id| {
                            id_candidates(&message_id).contains(id)
                                || alt_message_id.as_deref().is_some_and(|a| id_candidates(a).contains(id))
                        })
                        .unwrap_or_else(|| panic!("receipt for unknown id {message_id}"))
                        .clone();
                    receipts.push((id, state));
                }
                Event::Mobile { from, text, complete, ack, .. } => {
                    mobile.push((from, text, complete));
                    ack.stored();
                }
                _ => {}
            },
            _ = tokio::time::sleep_until(deadline) => panic!(
                "timed out: {} submits, {} receipts, {} MO", submits.len(), receipts.len(), mobile.len()
            ),
        }
    }

    // node-smpp decoded every part as we meant it.
    let text_of = |id: &str| submits[id]["text"].as_str().unwrap().to_string();
    assert_eq!(text_of(&sent[0].1[0]), gsm);
    assert_eq!(submits[&sent[0].1[0]]["data_coding"], 0);
    assert_eq!(text_of(&sent[1].1[0]), farsi);
    assert_eq!(submits[&sent[1].1[0]]["data_coding"], 8);
    for (text, ids) in &sent[2..] {
        let joined: String = ids.iter().map(|id| text_of(id)).collect();
        assert_eq!(&joined, text);
        let refs: HashSet<u64> = ids
            .iter()
            .map(|id| submits[id]["udh"][0][2].as_u64().unwrap())
            .collect();
        assert_eq!(refs.len(), 1, "all parts share one concatenation reference");
        for (i, id) in ids.iter().enumerate() {
            let udh = &submits[id]["udh"][0];
            assert_eq!(udh[0], 0, "8-bit concatenation IE");
            assert_eq!(
                (udh[3].as_u64(), udh[4].as_u64()),
                (Some(3), Some(i as u64 + 1))
            );
            assert_eq!(submits[id]["esm_class"].as_u64().unwrap() & 0x40, 0x40);
        }
    }
    for v in submits.values() {
        assert_eq!(v["registered_delivery"], 1);
        assert_eq!(v["source_addr_ton"], 5);
        assert_eq!(v["to"], "60123456789");
    }

    // One receipt per part, all delivered, none duplicated.
    let mut got: Vec<String> = receipts.iter().map(|r| r.0.clone()).collect();
    got.sort();
    let mut want = all_ids.clone();
    want.sort();
    assert_eq!(got, want);
    assert!(receipts.iter().all(|r| r.1 == ReceiptState::Delivered));

    // MO: single Farsi, GSM text, 3-part Farsi reassembled once despite the duplicate part.
    mobile.sort();
    let farsi_mo = "سلام! جلسه گروه فردا ساعت ده است.";
    let farsi_long = "سلام به همه اعضای گروه آشپزی. جلسه بعدی ما فردا ساعت ده صبح در مرکز اجتماعی برگزار می‌شود. لطفاً هر کس یک غذای خانگی بیاورد و به دوستان خود هم اطلاع دهد. اگر نمی‌توانید بیایید، لطفاً پیام بدهید.";
    assert_eq!(
        mobile,
        vec![
            ("+60123456789".to_string(), "JOIN cooking".to_string(), true),
            ("+989121234567".to_string(), farsi_mo.to_string(), true),
            ("+989351112233".to_string(), farsi_long.to_string(), true),
        ]
    );
    // No fourth MO (the duplicate part did not produce a second message).
    assert!(timeout(Duration::from_millis(300), async {
        loop {
            if let Some(Event::Mobile { .. }) = events.recv().await {
                return;
            }
        }
    })
    .await
    .is_err());

    client.shutdown().await;
    let unbound = timeout(Duration::from_secs(5), async {
        while let Some(v) = smsc.lines.recv().await {
            if v["event"] == "unbind" {
                return true;
            }
            if v["event"] == "deliver_sm_resp" {
                resp_status.push(v["status"].as_i64().unwrap());
            }
        }
        false
    })
    .await;
    assert_eq!(unbound, Ok(true), "node SMSC did not see an unbind");
    // Every receipt and every MO PDU (2 single, 3 parts and a repeated part) answered with ESME_ROK
    // once stored.
    assert_eq!(resp_status, vec![0; all_ids.len() + 6]);
}
