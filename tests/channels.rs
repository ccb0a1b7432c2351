//! Channels as data: a second SMPP bind and a second Twilio number are added by configuration alone
//! (`[[smpp]]`, `[[twilio]]`), and every outbox row leaves through the channel that it names. The
//! SMSCs are node-smpp servers (interop/smpp/smsc.js); Twilio is a fake Messages API.
//!
//! Needs `node` and `interop/node_modules` (`./test.sh` installs them).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::Value;
use smsup::app::Application;
use smsup::config::{Overrides, Settings};
use smsup_twilio::{parse_form, sign, Algorithm};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const PUBLIC: &str = "https://sms.example.org";
const ACCOUNTS: [&str; 2] = [
    "AC00000000000000000000000000000001",
    "AC00000000000000000000000000000002",
];
const TOKENS: [&str; 2] = ["token-one", "token-two"];
const NUMBERS: [&str; 2] = ["+60111111111", "+60111111112"];

/// What the fake Twilio was asked to send: (account, From, To, Body).
type Sent = Arc<Mutex<Vec<(String, String, String, String)>>>;

async fn create_message(
    State(sent): State<Sent>,
    Path(account): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let form: HashMap<String, String> = parse_form(&body).into_iter().collect();
    let mut all = sent.lock().unwrap();
    let sid = format!("SM{:032x}", all.len());
    all.push((
        account.clone(),
        form.get("From").cloned().unwrap_or_default(),
        form.get("To").cloned().unwrap_or_default(),
        form.get("Body").cloned().unwrap_or_default(),
    ));
    (
        StatusCode::CREATED,
        Json(serde_json::json!({
            "sid": sid, "status": "queued", "num_segments": "1", "account_sid": account,
            "error_code": null, "error_message": null
        })),
    )
        .into_response()
}

/// A node-smpp SMSC; its `submit` events, as they arrive.
struct NodeSmsc {
    _child: Child,
    port: u16,
    submits: Arc<Mutex<Vec<Value>>>,
}

async fn node_smsc() -> NodeSmsc {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("interop");
    let mut child = Command::new("node")
        .arg(dir.join("smpp/smsc.js"))
        .arg("--no-mo")
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("node");
    let stdout = child.stdout.take().unwrap();
    let (port_tx, port_rx) = tokio::sync::oneshot::channel();
    let submits: Arc<Mutex<Vec<Value>>> = Arc::default();
    let seen = submits.clone();
    tokio::spawn(async move {
        let mut port_tx = Some(port_tx);
        let mut lines = BufReader::new(stdout).lines();
        while let Ok(Some(l)) = lines.next_line().await {
            let Ok(v) = serde_json::from_str::<Value>(&l) else {
                continue;
            };
            match v["event"].as_str() {
                Some("listening") => {
                    if let Some(tx) = port_tx.take() {
                        let _ = tx.send(v["port"].as_u64().unwrap() as u16);
                    }
                }
                Some("submit") => seen.lock().unwrap().push(v),
                _ => {}
            }
        }
    });
    let port = tokio::time::timeout(Duration::from_secs(20), port_rx)
        .await
        .expect("the SMSC did not start")
        .unwrap();
    NodeSmsc {
        _child: child,
        port,
        submits,
    }
}

/// Runs SMS Up in this process with `toml` as its settings file and `env`; returns its address and
/// a handle that stops it when dropped.
async fn spawn_app(
    dir: &std::path::Path,
    toml: &str,
    env: Vec<(String, String)>,
) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let file = dir.join("smsup.toml");
    std::fs::write(&file, toml).unwrap();
    let overrides = Overrides {
        listen: Some("127.0.0.1:0".into()),
        db: Some(dir.join("smsup.db")),
        sim: true,
    };
    let settings = Settings::load(Some(&file), env, &overrides).unwrap();
    let app = Application::build(settings).await.unwrap();
    let addr = app.address();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    (addr, stop)
}

fn twilio_params(
    sid: &str,
    account: &str,
    to: &str,
    from: &str,
    body: &str,
) -> Vec<(String, String)> {
    [
        ("MessageSid", sid),
        ("SmsSid", sid),
        ("AccountSid", account),
        ("From", from),
        ("To", to),
        ("Body", body),
        ("NumSegments", "1"),
        ("NumMedia", "0"),
        ("ApiVersion", "2010-04-01"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// Posts an inbound SMS to a Twilio channel's webhook at `addr`, signed with `token`; the status.
#[allow(clippy::too_many_arguments)]
async fn post_signed(
    http: &reqwest::Client,
    addr: SocketAddr,
    channel: usize,
    token: &str,
    sid: u32,
    from: &str,
    text: &str,
) -> (u16, String) {
    let path = format!("/twilio/t{}/sms", channel + 1);
    let params = twilio_params(
        &format!("SM{sid:032x}"),
        ACCOUNTS[channel],
        NUMBERS[channel],
        from,
        text,
    );
    let sig = sign(
        token,
        Algorithm::HmacSha1,
        &format!("{PUBLIC}{path}"),
        &params,
    );
    let r = http
        .post(format!("http://{addr}{path}"))
        .header("X-Twilio-Signature", sig)
        .form(&params)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

#[tokio::test]
async fn each_row_leaves_through_the_channel_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let (smsc_a, smsc_b) = (node_smsc().await, node_smsc().await);
    let sent: Sent = Arc::default();
    let fake = {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let router = Router::new()
            .route(
                "/2010-04-01/Accounts/{account}/Messages.json",
                post(create_message),
            )
            .with_state(sent.clone());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        addr
    };
    let toml = format!(
        r#"
[[smpp]]
name = "bind-a"
host = "127.0.0.1"
port = {pa}
system_id = "a"
[[smpp]]
name = "bind-b"
host = "127.0.0.1"
port = {pb}
system_id = "b"
[[twilio]]
name = "t1"
account_sid = "{ac1}"
from = ["{n1}"]
public_url = "{PUBLIC}"
api_base = "http://{fake}"
[[twilio]]
name = "t2"
account_sid = "{ac2}"
from = ["{n2}"]
public_url = "{PUBLIC}"
api_base = "http://{fake}"
"#,
        pa = smsc_a.port,
        pb = smsc_b.port,
        ac1 = ACCOUNTS[0],
        ac2 = ACCOUNTS[1],
        n1 = NUMBERS[0],
        n2 = NUMBERS[1],
    );
    // Secrets per channel, named after it.
    let env = vec![
        ("SMSUP_SMPP_BIND_A_PASSWORD".into(), "pa".into()),
        ("SMSUP_SMPP_BIND_B_PASSWORD".into(), "pb".into()),
        ("SMSUP_TWILIO_T1_AUTH_TOKEN".into(), TOKENS[0].into()),
        ("SMSUP_TWILIO_T2_AUTH_TOKEN".into(), TOKENS[1].into()),
    ];
    let (addr, _stop) = spawn_app(dir.path(), &toml, env).await;
    let http = reqwest::Client::new();

    // Two people write in through the two Twilio numbers' webhooks; each one's reply leaves from
    // the number they wrote to.
    let (p1, p2) = ("+447911000001", "+447911000002");
    for (i, (from, text)) in [(p1, "CREATE lanes"), (p2, "JOIN lanes")]
        .iter()
        .enumerate()
    {
        let (status, body) = post_signed(&http, addr, i, TOKENS[i], i as u32 + 1, from, text).await;
        assert_eq!(status, 200, "{body}");
    }
    // A webhook signed with the other channel's token is refused.
    let (status, _) = post_signed(&http, addr, 0, TOKENS[1], 100, p1, "HELP").await;
    assert_eq!(status, 403);

    // Two more members through the simulator; the store says which bind each one uses.
    let (p3, p4) = ("+447911000003", "+447911000004");
    for p in [p3, p4] {
        let r = http
            .post(format!("http://{addr}/sim/inbound"))
            .json(&serde_json::json!({ "from": p, "text": "JOIN lanes" }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 202);
    }
    let pool = {
        use std::str::FromStr;
        let o = sqlx::sqlite::SqliteConnectOptions::from_str(&format!(
            "sqlite://{}",
            dir.path().join("smsup.db").display()
        ))
        .unwrap()
        .busy_timeout(Duration::from_secs(30));
        sqlx::SqlitePool::connect_with(o).await.unwrap()
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    for (n, channel) in [(3, "bind-a"), (4, "bind-b")] {
        sqlx::query("UPDATE members SET gateway = ? WHERE id = (SELECT member_id FROM inbound WHERE body = 'JOIN lanes' ORDER BY id LIMIT 1 OFFSET ?)")
            .bind(channel)
            .bind(n - 2)
            .execute(&pool)
            .await
            .unwrap();
    }

    // One post fans out over four channels.
    let (status, body) =
        post_signed(&http, addr, 0, TOKENS[0], 200, p1, "lanes meeting at five").await;
    assert_eq!(status, 200, "{body}");

    let deadline = Instant::now() + Duration::from_secs(20);
    let rows: Vec<(String, String, String)> = loop {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT o.gateway, g.body, o.state FROM outbox o JOIN messages g ON g.id = o.message_id ORDER BY o.id",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        let done = rows
            .iter()
            .filter(|(_, b, s)| b.contains("meeting") && s != "queued" && s != "sending")
            .count();
        if done == 3 {
            break rows;
        }
        assert!(Instant::now() < deadline, "{rows:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Every row of a Twilio channel went out from that channel's account and number, every row of
    // an SMPP channel through that bind, and nothing through another one.
    let sent = sent.lock().unwrap().clone();
    let a: Vec<Value> = smsc_a.submits.lock().unwrap().clone();
    let b: Vec<Value> = smsc_b.submits.lock().unwrap().clone();
    let mut counted = HashMap::new();
    for (channel, body, _) in &rows {
        *counted.entry(channel.clone()).or_insert(0) += 1;
        let through = |text: &str| -> usize {
            match channel.as_str() {
                "t1" => sent
                    .iter()
                    .filter(|s| s.0 == ACCOUNTS[0] && s.1 == NUMBERS[0] && s.3 == text)
                    .count(),
                "t2" => sent
                    .iter()
                    .filter(|s| s.0 == ACCOUNTS[1] && s.1 == NUMBERS[1] && s.3 == text)
                    .count(),
                "bind-a" => a.iter().filter(|v| v["text"] == text).count(),
                "bind-b" => b.iter().filter(|v| v["text"] == text).count(),
                "sim" => 1,
                other => panic!("unknown channel {other}"),
            }
        };
        assert!(
            through(body) >= 1,
            "{channel}: {body:?} did not leave through it"
        );
    }
    for ch in ["t1", "t2", "bind-a", "bind-b"] {
        assert!(
            counted.get(ch).copied().unwrap_or(0) >= 1,
            "no row for {ch}: {rows:?}"
        );
    }
    assert_eq!(
        a.len(),
        counted["bind-a"],
        "bind a sent only its own rows: {a:?}"
    );
    assert_eq!(
        b.len(),
        counted["bind-b"],
        "bind b sent only its own rows: {b:?}"
    );
    assert_eq!(
        sent.iter().filter(|s| s.1 == NUMBERS[1]).count(),
        counted["t2"],
        "number 2 sent only t2's rows: {sent:?}"
    );
    // /metrics shows each bind up, per channel (the alert rule in the README watches it).
    let scrape = || async {
        http.get(format!("http://{addr}/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let metrics = scrape().await;
    for ch in ["bind-a", "bind-b"] {
        let up = format!("smsup_channel_up{{channel=\"{ch}\",bind=\"transceiver\"}} 1");
        assert!(metrics.contains(&up), "no `{up}` in:\n{metrics}");
    }
    drop(smsc_a);
    let deadline = Instant::now() + Duration::from_secs(20);
    let down = "smsup_channel_up{channel=\"bind-a\",bind=\"transceiver\"} 0";
    loop {
        let metrics = scrape().await;
        if metrics.contains(down) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "bind-a never shown down:\n{metrics}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // /healthz says which channel is away, and still answers 200 (inbound is taken).
    let health = http
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let body = health.text().await.unwrap();
    assert!(
        body.contains("channel bind-a: down\n") && body.contains("channel bind-b: up\n"),
        "{body}"
    );
}
