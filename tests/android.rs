//! Android phones as gateways, through the real binary and a fake phone (interop/android/
//! fake_phone.py) that speaks SMSGate's Local Server API and webhooks as the app does; the official
//! Python client (PyPI android-sms-gateway) checks the fake, so that it does not only agree with us.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{bin, count, tempdir, TEST_LIMITS};
use serde_json::Value;

const PASSWORD: &str = "phone-password";
const KEY: &str = "a-signing-key-for-the-test-phone";

/// The fake phone, and the JSON lines it printed.
struct Phone {
    child: Child,
    port: u16,
    events: std::sync::Arc<std::sync::Mutex<Vec<Value>>>,
}

impl Phone {
    fn start(extra: &[&str]) -> Phone {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("interop/android/fake_phone.py");
        let mut child = Command::new("python3")
            .arg(script)
            .args(["--port", "0", "--password", PASSWORD])
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 interop/android/fake_phone.py");
        let stdout = child.stdout.take().expect("stdout");
        let events = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let seen = events.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let Ok(v) = serde_json::from_str::<Value>(&line) else {
                    continue;
                };
                if v["event"] == "listening" {
                    let _ = tx.send(v["port"].as_u64().unwrap_or(0) as u16);
                }
                seen.lock().unwrap().push(v);
            }
        });
        let port = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the fake phone did not start");
        Phone {
            child,
            port,
            events,
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn events(&self, name: &str) -> Vec<Value> {
        self.events
            .lock()
            .unwrap()
            .iter()
            .filter(|v| v["event"] == name)
            .cloned()
            .collect()
    }

    /// Waits until `f` holds of the events named `name`.
    fn wait(&self, name: &str, what: &str, f: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let events = self.events(name);
            if f(&events) {
                return events;
            }
            assert!(Instant::now() < deadline, "waited for {what}: {events:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    async fn control(&self, path: &str, body: Value) -> Value {
        reqwest::Client::new()
            .post(format!("{}{path}", self.url()))
            .json(&body)
            .send()
            .await
            .expect("fake phone control")
            .json()
            .await
            .unwrap_or(Value::Null)
    }
}

impl Drop for Phone {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `smsup serve` with the simulator and one Android phone, on a port chosen first (the phone must
/// know where to post its webhooks).
struct Serve {
    child: Child,
    url: String,
}

impl Serve {
    fn start(dir: &Path, phone: &Phone) -> Serve {
        Serve::with(dir, &[], |port| {
            format!(
                "[android]\nurl = \"{}\"\npublic_url = \"http://127.0.0.1:{port}\"\nmessages_per_minute = 600\n",
                phone.url()
            )
        })
    }

    /// With the settings `config(port)` gives for the port serve will listen on.
    fn with(dir: &Path, env: &[(&str, &str)], config: impl Fn(u16) -> String) -> Serve {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let file = dir.join("smsup.toml");
        std::fs::write(&file, config(port)).unwrap();
        let config = file;
        let mut child = Command::new(bin())
            .args(["serve", "--sim", "--listen", &format!("127.0.0.1:{port}")])
            .arg("--db")
            .arg(dir.join("smsup.db"))
            .arg("--config")
            .arg(&config)
            .env("SMSUP_ANDROID_PASSWORD", PASSWORD)
            .env("SMSUP_ANDROID_SIGNING_KEY", KEY)
            .envs(env.iter().copied())
            .env("SMSUP_DISPATCHER_RETRY_BASE_MS", "200")
            .env("SMSUP_DISPATCHER_RETRY_MAX_MS", "1000")
            .envs(TEST_LIMITS)
            .stdout(Stdio::piped())
            .stderr(Stdio::from(
                std::fs::File::create(dir.join("stderr.log")).unwrap(),
            ))
            .spawn()
            .expect("smsup serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(url) = line.trim().strip_prefix("smsup listening on ") {
                    let _ = tx.send(url.to_string());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("smsup did not start");
        Serve { child, url }
    }
}

impl Serve {
    /// The body of GET `path` (`/healthz`, `/metrics`).
    async fn get(&self, path: &str) -> String {
        reqwest::get(format!("{}{path}", self.url))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sign(body: &str, ts: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(KEY.as_bytes()).unwrap();
    mac.update(body.as_bytes());
    mac.update(ts.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[test]
fn the_official_python_client_accepts_the_fake_phone() {
    let phone = Phone::start(&[]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("interop/android/client_check.py");
    let out = Command::new("python3")
        .arg(script)
        .args([&phone.url(), PASSWORD])
        .output()
        .expect("python3 interop/android/client_check.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    assert_eq!(seen["sent_state"], "Pending");
    assert_eq!(seen["conflict"], 409, "a taken id is refused: {seen}");
    assert_eq!(seen["wrong_password"], 401);
    assert_eq!(seen["webhooks"], serde_json::json!(["client-check-hook"]));
    assert_eq!(seen["after_delete"], serde_json::json!([]));
    assert_eq!(seen["processing_order"], "LIFO", "the app's default");
}

#[tokio::test]
async fn phones_talk_to_sms_up_through_an_android_phone() {
    let dir = tempdir();
    let phone = Phone::start(&[]);
    let serve = Serve::start(dir.path(), &phone);
    // Set-up: our five webhooks, the signing key, FIFO, webhooks without internet.
    let registered = phone.wait("webhook_registered", "five webhooks", |e| e.len() >= 5);
    let mut kinds: Vec<&str> = registered
        .iter()
        .filter_map(|v| v["type"].as_str())
        .collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        [
            "sms:delivered",
            "sms:failed",
            "sms:received",
            "sms:sent",
            "system:ping"
        ]
    );
    let settings = phone.wait("settings", "settings", |e| !e.is_empty());
    let s = &settings[0]["settings"];
    assert_eq!(s["webhooks"]["signing_key"], KEY);
    assert_eq!(s["webhooks"]["internet_required"], false);
    assert_eq!(s["messages"]["processing_order"], "FIFO");

    // An SMS to the phone (delivered twice, as some app versions do): stored once, answered once,
    // through the phone.
    let (owner, member) = ("+60123456701", "+60123456702");
    phone
        .control(
            "/_test/receive",
            serde_json::json!({ "from": owner, "text": "CREATE safety", "twice": true }),
        )
        .await;
    let sent = phone.wait("message", "the answer to CREATE", |e| !e.is_empty());
    assert_eq!(sent[0]["to"], owner);
    assert!(
        sent[0]["text"]
            .as_str()
            .unwrap_or_default()
            .contains("safety"),
        "{sent:?}"
    );
    let pool = common::db(dir.path()).await;
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM inbound WHERE gateway = 'android'"
        )
        .await,
        1
    );
    phone
        .control(
            "/_test/receive",
            serde_json::json!({ "from": member, "text": "JOIN safety" }),
        )
        .await;
    phone.wait("message", "the answer to JOIN", |e| e.len() >= 2);
    // A 3-part Farsi post goes out through the phone; its receipts (one per part) mark it delivered.
    let farsi = "سلام به همه. جلسه فردا ساعت ده صبح در مرکز برگزار می‌شود. لطفا مدارک خود را همراه داشته باشید و به موقع بیایید. اگر نمی‌توانید بیایید به ما خبر دهید.";
    assert_eq!(
        smsup_sms::analyze(&format!("[safety] #ABCD: {farsi}")).segments,
        3
    );
    phone
        .control(
            "/_test/receive",
            serde_json::json!({ "from": owner, "text": format!("safety {farsi}") }),
        )
        .await;
    let posts = phone.wait("message", "the post", |e| {
        e.iter().any(|m| m["to"] == member && m["parts"] == 3)
    });
    let post = posts
        .iter()
        .find(|m| m["to"] == member && m["parts"] == 3)
        .unwrap();
    assert!(post["text"].as_str().unwrap_or_default().ends_with(farsi));
    assert!(post["id"]
        .as_str()
        .unwrap_or_default()
        .starts_with("smsup-"));
    common::wait_count(
        &pool,
        "SELECT NOT EXISTS (SELECT 1 FROM outbox WHERE gateway = 'android' AND state != 'delivered')",
        1,
        20,
    )
    .await;

    // Hostile or broken webhooks change nothing: unsigned, wrong key, stale, malformed, huge.
    let http = reqwest::Client::new();
    let hook = format!("{}/android/android/webhook", serve.url);
    let forged = serde_json::json!({"event": "sms:received", "payload": {"messageId": "x1", "sender": "+60123456703", "message": "STOP"}}).to_string();
    let now = chrono::Utc::now().timestamp().to_string();
    let bank = serde_json::json!({"event": "sms:received", "payload": {"messageId": "b1", "sender": "MAYBANK", "message": "Your TAC is 123456"}}).to_string();
    let stale = (chrono::Utc::now().timestamp() - 600).to_string();
    // (X-Timestamp and X-Signature, body, the status expected)
    type Case = (Option<(String, String)>, String, u16);
    let cases: Vec<Case> = vec![
        (None, forged.clone(), 401),
        (Some((now.clone(), "00".repeat(32))), forged.clone(), 401),
        (
            Some((stale.clone(), sign(&forged, &stale))),
            forged.clone(),
            401,
        ),
        (
            Some((now.clone(), sign("{not json", &now))),
            "{not json".into(),
            400,
        ),
        (
            Some((
                now.clone(),
                sign(r#"{"event":"mms:received","payload":{}}"#, &now),
            )),
            r#"{"event":"mms:received","payload":{}}"#.into(),
            400,
        ),
        // A bank's or the carrier's named sender: nothing to answer, and no retry would help.
        (Some((now.clone(), sign(&bank, &now))), bank.clone(), 200),
    ];
    for (signed, body, want) in cases {
        let mut req = http.post(&hook).body(body.clone());
        if let Some((ts, sig)) = signed {
            req = req.header("X-Timestamp", ts).header("X-Signature", sig);
        }
        let status = req.send().await.unwrap().status().as_u16();
        assert_eq!(status, want, "{body}");
    }
    let huge = "x".repeat(200_000);
    // (A client of its own: the server closes a connection whose body it refused unread.)
    let status = reqwest::Client::new()
        .post(&hook)
        .header("X-Timestamp", &now)
        .header("X-Signature", sign(&huge, &now))
        .body(huge)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16();
    assert_eq!(status, 413);
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM inbound").await,
        3,
        "nothing forged was stored"
    );
    // A status for an id we never sent changes nothing (kept aside for a day, as for any channel).
    let unknown = serde_json::json!({"event": "sms:delivered", "payload": {"messageId": "smsup-999999", "recipient": member, "deliveredAt": "2025-11-14T04:39:53.000+08:00"}}).to_string();
    let status = http
        .post(&hook)
        .header("X-Timestamp", &now)
        .header("X-Signature", sign(&unknown, &now))
        .body(unknown)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16();
    assert_eq!(status, 200);

    // The phone goes off the network for a while: what it could not take waits, then leaves;
    // nothing is lost, nothing sent twice.
    phone
        .control("/_test/offline", serde_json::json!({ "seconds": 3 }))
        .await;
    phone
        .control(
            "/_test/receive",
            serde_json::json!({ "from": owner, "text": "safety Meeting moved to 11am" }),
        )
        .await;
    let moved = phone.wait("message", "the post after the outage", |e| {
        e.iter().any(|m| {
            m["to"] == member
                && m["text"]
                    .as_str()
                    .is_some_and(|t| t.ends_with("Meeting moved to 11am"))
        })
    });
    let copies = moved
        .iter()
        .filter(|m| {
            m["to"] == member
                && m["text"]
                    .as_str()
                    .is_some_and(|t| t.ends_with("Meeting moved to 11am"))
        })
        .count();
    assert_eq!(copies, 1);
    // Back on the network, the phone is set up again (it may have been reset meanwhile).
    phone.wait("settings", "the set-up after the outage", |e| e.len() >= 2);
    common::wait_count(
        &pool,
        "SELECT NOT EXISTS (SELECT 1 FROM outbox WHERE gateway = 'android' AND state != 'delivered')",
        1,
        30,
    )
    .await;
    // The outage was seen (logged, and /metrics shows the phone up again).
    let log = std::fs::read_to_string(dir.path().join("stderr.log")).unwrap();
    assert!(log.contains("Android phone does not answer"), "{log}");
    let metrics = http
        .get(format!("{}/metrics", serve.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("smsup_channel_up{channel=\"android\",bind=\"phone\"} 1"),
        "{metrics}"
    );

    // The volunteer changes the phone's password: its messages wait (none fails), /healthz says
    // it is down, and they leave once the password is right again.
    phone
        .control(
            "/_test/password",
            serde_json::json!({ "password": "changed" }),
        )
        .await;
    phone
        .control(
            "/_test/receive",
            serde_json::json!({ "from": owner, "text": "safety Bring water" }),
        )
        .await;
    let deadline = Instant::now() + Duration::from_secs(20);
    while !serve
        .get("/healthz")
        .await
        .contains("channel android: down")
    {
        assert!(Instant::now() < deadline, "a refused password is not shown");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM outbox WHERE state = 'failed'").await,
        0,
        "nothing fails for a wrong password"
    );
    let log = std::fs::read_to_string(dir.path().join("stderr.log")).unwrap();
    assert!(log.contains("refused the username or password"), "{log}");
    phone
        .control(
            "/_test/password",
            serde_json::json!({ "password": PASSWORD }),
        )
        .await;
    common::wait_count(
        &pool,
        "SELECT COUNT(*) FROM outbox WHERE state = 'delivered' AND message_id = (SELECT MAX(message_id) FROM posts)",
        1,
        30,
    )
    .await;
    assert!(serve.get("/healthz").await.contains("channel android: up"));

    // No number in full in the log.
    let log = std::fs::read_to_string(dir.path().join("stderr.log")).unwrap();
    for n in [owner, member, "+60123456703"] {
        assert!(!log.contains(&n[3..]), "{n} in the log:\n{log}");
    }
}

#[tokio::test]
async fn two_phones_of_a_pool_share_a_post_and_one_carries_on_when_the_other_goes_off() {
    let dir = tempdir();
    // Phone kl2 splits long texts its own way: one part more than Android's usual split.
    let (a, b) = (Phone::start(&[]), Phone::start(&["--parts-extra", "1"]));
    let env = [
        ("SMSUP_ANDROID_KL1_PASSWORD", PASSWORD),
        ("SMSUP_ANDROID_KL1_SIGNING_KEY", KEY),
        ("SMSUP_ANDROID_KL2_PASSWORD", PASSWORD),
        ("SMSUP_ANDROID_KL2_SIGNING_KEY", KEY),
    ];
    let serve = Serve::with(dir.path(), &env, |port| {
        [("kl1", &a), ("kl2", &b)]
            .iter()
            .map(|(name, phone)| {
                format!(
                    "[[android]]\nname = \"{name}\"\nurl = \"{}\"\npublic_url = \"http://127.0.0.1:{port}\"\npool = \"kl\"\nmessages_per_minute = 600\n",
                    phone.url()
                )
            })
            .collect()
    });
    for phone in [&a, &b] {
        phone.wait("settings", "set-up", |e| !e.is_empty());
    }
    let owner = "+60123456701";
    a.control(
        "/_test/receive",
        serde_json::json!({ "from": owner, "text": "CREATE safety" }),
    )
    .await;
    let pool = common::db(dir.path()).await;
    common::wait_count(&pool, "SELECT COUNT(*) FROM lists", 1, 20).await;
    // What answers someone leaves from the phone they wrote to.
    let to = |phone: &Phone, number: &str| {
        phone
            .events("message")
            .into_iter()
            .filter(|m| m["to"] == number)
            .count()
    };
    a.wait("message", "the answer to CREATE", |_| to(&a, owner) == 1);
    assert_eq!(
        to(&b, owner),
        0,
        "the answer left from the phone written to"
    );
    common::import_members_beside(dir.path(), "safety", 60).await;
    b.control(
        "/_test/receive",
        serde_json::json!({ "from": owner, "text": "safety Food distribution at the centre at 3pm" }),
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let states: Vec<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT o.state, o.gateway, o.error_message FROM outbox o
             WHERE o.message_id = (SELECT message_id FROM posts) AND o.state != 'delivered'",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        if states.is_empty() && count(&pool, "SELECT COUNT(*) FROM posts").await == 1 {
            break;
        }
        assert!(Instant::now() < deadline, "not delivered: {states:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let post = |phone: &Phone| {
        phone
            .events("message")
            .into_iter()
            .filter(|m| m["text"].as_str().is_some_and(|t| t.ends_with("at 3pm")))
            .map(|m| m["to"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    let (via_a, via_b) = (post(&a), post(&b));
    println!(
        "a post to 60 members: {} through kl1, {} through kl2",
        via_a.len(),
        via_b.len()
    );
    assert_eq!(via_a.len() + via_b.len(), 60, "each member once");
    assert!(
        via_a.len() >= 5 && via_b.len() >= 5,
        "spread over both phones"
    );
    let mut all: Vec<String> = via_a.into_iter().chain(via_b).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 60);
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM inbound WHERE gateway = 'kl'").await,
        2,
        "what both phones received is the pool's"
    );
    b.wait("message", "the post's confirmation", |_| to(&b, owner) >= 1);
    assert_eq!(to(&a, owner), 1, "nothing more to the owner through kl1");
    // Each row's part count is the phone's: kl2 reported one part more than estimated.
    // (The phone's webhooks come in any order: its count may come after the receipts.)
    common::wait_count(
        &pool,
        "SELECT NOT EXISTS (SELECT 1 FROM outbox WHERE state != 'delivered' OR segments IS NULL)",
        1,
        20,
    )
    .await;
    for (phone, extra) in [(&a, 0), (&b, 1)] {
        for m in phone.events("message") {
            // smsup-<row>-<queued at, hex>
            let id = m["id"].as_str().unwrap();
            let row: i64 = id["smsup-".len()..]
                .split('-')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let (estimated, reported): (i64, Option<i64>) = sqlx::query_as(
                "SELECT g.segments, o.segments FROM outbox o JOIN messages g ON g.id = o.message_id
                 WHERE o.id = ?",
            )
            .bind(row)
            .fetch_one(&pool)
            .await
            .unwrap();
            assert_eq!(m["parts"].as_i64(), Some(estimated + extra));
            assert_eq!(
                reported,
                Some(estimated + extra),
                "row {row}: the phone's count"
            );
        }
    }

    // Phone kl1 goes off the network in the middle of the next post's fan-out, for ten seconds:
    // kl2 carries on, kl1 takes nothing while it is off, and nothing is lost.
    b.control(
        "/_test/receive",
        serde_json::json!({ "from": owner, "text": "safety The distribution moved to 4pm" }),
    )
    .await;
    let moved = |phone: &Phone| {
        phone
            .events("message")
            .into_iter()
            .filter(|m| m["text"].as_str().is_some_and(|t| t.ends_with("to 4pm")))
            .map(|m| m["to"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    a.wait("message", "kl1's share of the post starting", |_| {
        moved(&a).len() >= 3
    });
    let _ = a
        .control("/_test/offline", serde_json::json!({ "seconds": 10 }))
        .await;
    let off_at = Instant::now();
    let before = moved(&a).len();
    // SMS Up finds kl1 gone at its next send.
    let deadline = Instant::now() + Duration::from_secs(5);
    while !serve
        .get("/metrics")
        .await
        .contains(r#"smsup_channel_up{channel="kl1",bind="phone"} 0"#)
    {
        assert!(Instant::now() < deadline, "kl1 not marked down");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let health = serve.get("/healthz").await;
    assert!(
        health.contains("channel kl1: down\n") && health.contains("channel kl2: up\n"),
        "{health}"
    );

    // A member's SMS that kl1 received just before it went off (its webhook arrives late): the
    // answer cannot leave from kl1, so it leaves from kl2.
    let late = "+60123456702";
    let now = chrono::Utc::now().timestamp().to_string();
    let body = serde_json::json!({"event": "sms:received", "payload": {
        "messageId": "late-1", "sender": late, "message": "JOIN safety",
        "receivedAt": "2026-12-04T10:00:00.000+08:00"}})
    .to_string();
    let status = reqwest::Client::new()
        .post(format!("{}/android/kl1/webhook", serve.url))
        .header("X-Timestamp", &now)
        .header("X-Signature", sign(&body, &now))
        .body(body)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 200);
    b.wait("message", "the answer through kl2", |_| to(&b, late) == 1);
    assert_eq!(to(&a, late), 0);
    let during = moved(&a).len();
    assert!(
        off_at.elapsed() < Duration::from_secs(10),
        "kl1 came back before the checks"
    );
    assert_eq!(during, before, "an offline phone takes nothing");
    common::wait_count(
        &pool,
        "SELECT COUNT(*) FROM outbox WHERE state = 'delivered' AND message_id = (SELECT MAX(message_id) FROM posts)",
        60,
        60,
    )
    .await;
    let (on_a, on_b) = (moved(&a), moved(&b));
    println!(
        "kl1 off mid fan-out: {} through kl1 (before it went), {} through kl2",
        on_a.len(),
        on_b.len()
    );
    let mut all: Vec<String> = on_a.iter().chain(&on_b).cloned().collect();
    all.sort();
    let sent = all.len();
    all.dedup();
    assert_eq!(all.len(), 60, "every member got the post");
    assert_eq!(sent, 60, "and none twice");
    drop(serve);
}

#[tokio::test]
async fn the_phone_posts_its_webhooks_over_https_with_a_lan_certificate() {
    let dir = tempdir();
    let (ok, out, err) = common::run_cli(
        &[
            "tls",
            "lan-cert",
            "--ip",
            "127.0.0.1",
            "--dir",
            dir.path().to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "{out} {err}");
    assert!(out.contains("install it on each phone"), "{out}");
    let (ca, cert, key) = (
        dir.path().join("smsup-ca.pem"),
        dir.path().join("smsup-cert.pem"),
        dir.path().join("smsup-key.pem"),
    );
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the key is its owner's only");
    }
    let phone = Phone::start(&["--ca", ca.to_str().unwrap()]);
    let tls_port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let serve = Serve::with(dir.path(), &[], |_| {
        format!(
            "tls_listen = \"127.0.0.1:{tls_port}\"\ntls_cert = \"{}\"\ntls_key = \"{}\"\n[android]\nurl = \"{}\"\npublic_url = \"https://127.0.0.1:{tls_port}\"\n",
            cert.display(),
            key.display(),
            phone.url()
        )
    });
    phone.wait("settings", "set-up", |e| !e.is_empty());
    // The regular app posts only to https:// (or 127.0.0.1): here over TLS, trusting the local CA.
    phone
        .control(
            "/_test/receive",
            serde_json::json!({ "from": "+60123456701", "text": "CREATE safety" }),
        )
        .await;
    let answered = phone.wait("message", "the answer over HTTPS", |e| !e.is_empty());
    assert_eq!(answered[0]["to"], "+60123456701");
    assert!(
        phone.events("webhook_retry").is_empty(),
        "{:?}",
        phone.events("webhook_retry")
    );
    // A client that trusts the CA gets /healthz over TLS; one that does not is refused.
    let root = reqwest::Certificate::from_pem(&std::fs::read(&ca).unwrap()).unwrap();
    let trusting = reqwest::Client::builder()
        .add_root_certificate(root)
        .build()
        .unwrap();
    let health = trusting
        .get(format!("https://127.0.0.1:{tls_port}/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status().as_u16(), 200);
    assert!(
        reqwest::get(format!("https://127.0.0.1:{tls_port}/healthz"))
            .await
            .is_err()
    );
    drop(serve);
}
