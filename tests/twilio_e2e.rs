//! End to end through the Twilio gateway: signed CREATE / JOIN / post webhooks come in over HTTP,
//! the right Messages.json calls go out to a fake Twilio API, status callbacks update the rows,
//! retried webhooks are processed once, unsigned ones are refused, STOP is mirrored.
//!
//! The app is built in-process by `Application::build`, as `smsup serve` builds it.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use smsup::app::Application;
use smsup::config::{DispatcherSettings, Settings};
use smsup::phone::Phone;
use smsup::store::Store;
use smsup_twilio::{parse_form, sign, Algorithm};
use tokio::sync::watch;

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
const TOKEN: &str = "e2e-auth-token";
const PUBLIC: &str = "https://sms.example.org";
const NUMBERS: [&str; 2] = ["+60111111111", "+60111111112"];

/// One Messages.json request as the fake Twilio saw it.
#[derive(Debug, Clone)]
struct Sent {
    sid: String,
    auth: String,
    form: HashMap<String, String>,
}

#[derive(Clone, Default)]
struct FakeTwilio {
    sent: Arc<Mutex<Vec<Sent>>>,
    counter: Arc<AtomicUsize>,
}

async fn create_message(
    State(fake): State<FakeTwilio>,
    Path(account): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if account != ACCOUNT {
        return StatusCode::NOT_FOUND.into_response();
    }
    let n = fake.counter.fetch_add(1, Ordering::SeqCst);
    let sid = format!("SM{n:032x}");
    let form: HashMap<String, String> = parse_form(&body).into_iter().collect();
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    fake.sent.lock().unwrap().push(Sent {
        sid: sid.clone(),
        auth,
        form: form.clone(),
    });
    (
        StatusCode::CREATED,
        Json(serde_json::json!({
            "sid": sid, "status": "queued", "num_segments": "1",
            "to": form.get("To"), "from": form.get("From"), "body": form.get("Body"),
            "account_sid": ACCOUNT, "error_code": null, "error_message": null
        })),
    )
        .into_response()
}

async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    addr
}

struct Harness {
    app_addr: SocketAddr,
    fake: FakeTwilio,
    store: Arc<dyn Store>,
    http: reqwest::Client,
    _stop: watch::Sender<bool>,
    _dir: tempfile::TempDir,
}

async fn start() -> Harness {
    let fake = FakeTwilio::default();
    let fake_addr = serve(
        Router::new()
            .route(
                "/2010-04-01/Accounts/{account}/Messages.json",
                post(create_message),
            )
            .with_state(fake.clone()),
    )
    .await;
    let mut table = toml::Table::new();
    table.insert("account_sid".into(), ACCOUNT.into());
    table.insert(
        "from".into(),
        toml::Value::Array(NUMBERS.iter().map(|n| (*n).into()).collect()),
    );
    table.insert("public_url".into(), PUBLIC.into());
    table.insert("api_base".into(), format!("http://{fake_addr}").into());
    table.insert("segments_per_second".into(), 50.into());
    // The token comes from the environment, as in production.
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings {
        listen: "127.0.0.1:0".into(),
        db: dir.path().join("e2e.db"),
        key: Some(hex::encode([7u8; 32])),
        channels: [("twilio".to_string(), toml::Value::Table(table))].into(),
        dispatcher: DispatcherSettings {
            retry_base_ms: 50,
            retry_max_ms: 200,
            ..DispatcherSettings::default()
        },
        ..Settings::default()
    };
    settings
        .env
        .insert("SMSUP_TWILIO_AUTH_TOKEN".into(), TOKEN.into());
    // Wired exactly as `smsup serve` wires it, in this process.
    let app = Application::build(settings).await.unwrap();
    let app_addr = app.address();
    let store = app.store();
    let (stop, mut stop_rx) = watch::channel(false);
    tokio::spawn(app.run_until(async move {
        let _ = stop_rx.changed().await;
    }));
    Harness {
        app_addr,
        fake,
        store,
        http: reqwest::Client::new(),
        _stop: stop,
        _dir: dir,
    }
}

fn inbound_params(sid: &str, from: &str, body: &str) -> Vec<(String, String)> {
    [
        ("ToCountry", "MY"),
        ("SmsMessageSid", sid),
        ("NumMedia", "0"),
        ("SmsSid", sid),
        ("SmsStatus", "received"),
        ("Body", body),
        ("To", NUMBERS[0]),
        ("NumSegments", "1"),
        ("MessageSid", sid),
        ("AccountSid", ACCOUNT),
        ("From", from),
        ("FromCountry", "MY"),
        ("ApiVersion", "2010-04-01"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

impl Harness {
    /// Posts `params` to `path_and_query`, signed as Twilio signs it unless `signature` is given.
    async fn post(
        &self,
        path_and_query: &str,
        params: &[(String, String)],
        signature: Option<&str>,
    ) -> reqwest::Response {
        let url = format!("{PUBLIC}{path_and_query}");
        let sig = signature
            .map(str::to_string)
            .unwrap_or_else(|| sign(TOKEN, Algorithm::HmacSha1, &url, params));
        self.http
            .post(format!("http://{}{path_and_query}", self.app_addr))
            .header("X-Twilio-Signature", sig)
            .form(params)
            .send()
            .await
            .unwrap()
    }

    async fn sms(&self, sid: &str, from: &str, body: &str) -> reqwest::Response {
        self.post("/twilio/sms", &inbound_params(sid, from, body), None)
            .await
    }

    fn sent(&self) -> Vec<Sent> {
        self.fake.sent.lock().unwrap().clone()
    }

    /// Waits until at least `n` messages went out, then a little longer to catch extras.
    async fn wait_sent(&self, n: usize) -> Vec<Sent> {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.sent().len() < n {
            assert!(
                Instant::now() < deadline,
                "expected {n} Messages.json calls, got {:#?}",
                self.sent()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.sent()
    }
}

fn to(sent: &[Sent], number: &str) -> Vec<Sent> {
    sent.iter()
        .filter(|s| s.form.get("To").map(String::as_str) == Some(number))
        .cloned()
        .collect()
}

#[tokio::test]
async fn signed_webhooks_in_messages_json_calls_out() {
    let h = start().await;
    let alice = "+60123000001";
    let bob = "+60123000002";
    let chen = "+60123000003";

    // CREATE: answered at once with empty TwiML; the reply goes out through Messages.json.
    let r = h
        .sms(
            "SM00000000000000000000000000000a01",
            alice,
            "CREATE housing",
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(r
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/xml"));
    assert_eq!(
        r.text().await.unwrap(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>"
    );
    let sent = h.wait_sent(1).await;
    assert_eq!(sent.len(), 1);
    let reply = &sent[0];
    assert_eq!(reply.form["To"], alice);
    // The reply (in Malay for a Malaysian number) names the new list.
    assert!(reply.form["Body"].contains("housing"), "{reply:?}");
    assert!(NUMBERS.contains(&reply.form["From"].as_str()));
    assert!(reply.auth.starts_with("Basic "));
    let callback = &reply.form["StatusCallback"];
    assert!(
        callback.starts_with("https://sms.example.org/twilio/status?row="),
        "{callback}"
    );

    // JOIN from two people.
    assert_eq!(
        h.sms("SM00000000000000000000000000000b01", bob, "JOIN housing")
            .await
            .status(),
        200
    );
    assert_eq!(
        h.sms("SM00000000000000000000000000000c01", chen, "join housing")
            .await
            .status(),
        200
    );
    let sent = h.wait_sent(3).await;
    assert_eq!(to(&sent, bob).len(), 1);
    assert_eq!(to(&sent, chen).len(), 1);

    // A post fans out to both members.
    let before = sent.len();
    let post = "housing Meeting at the centre 5pm";
    assert_eq!(
        h.sms("SM00000000000000000000000000000a02", alice, post)
            .await
            .status(),
        200
    );
    let sent = h.wait_sent(before + 2).await;
    let new = &sent[before..];
    for member in [bob, chen] {
        let got = to(new, member);
        assert_eq!(got.len(), 1, "{member}: {new:#?}");
        assert!(got[0].form["Body"].contains("Meeting at the centre 5pm"));
    }
    // Each member always hears from the same number.
    for member in [bob, chen] {
        let froms: Vec<String> = to(&sent, member)
            .iter()
            .map(|s| s.form["From"].clone())
            .collect();
        assert!(
            froms.windows(2).all(|w| w[0] == w[1]),
            "{member}: {froms:?}"
        );
    }

    // Twilio retries the same MessageSid: 200, and nothing more goes out.
    let count = sent.len();
    assert_eq!(
        h.sms("SM00000000000000000000000000000a02", alice, post)
            .await
            .status(),
        200
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        h.sent().len(),
        count,
        "a retried webhook was processed twice"
    );

    // Unsigned and wrongly signed webhooks get 403 and change nothing.
    let params = inbound_params("SM00000000000000000000000000000d01", bob, "housing forged");
    let r = h
        .http
        .post(format!("http://{}/twilio/sms", h.app_addr))
        .form(&params)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let r = h
        .post("/twilio/sms", &params, Some("AAAAAAAAAAAAAAAAAAAAAAAAAAA="))
        .await;
    assert_eq!(r.status(), 403);
    // Signed for another URL (a different public host).
    let wrong = sign(
        TOKEN,
        Algorithm::HmacSha1,
        "https://evil.example/twilio/sms",
        &params,
    );
    assert_eq!(
        h.post("/twilio/sms", &params, Some(&wrong)).await.status(),
        403
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(h.sent().len(), count, "a forged webhook had an effect");
    // Sending the same MessageSid properly signed now works: the forged one was not stored.
    assert_eq!(h.post("/twilio/sms", &params, None).await.status(), 200);
    let sent = h.wait_sent(count + 2).await;
    assert!(to(&sent[count..], chen)[0].form["Body"].contains("forged"));
    assert!(to(&sent[count..], alice)[0].form["Body"].contains("forged"));

    // Status callbacks: the row of the post to Bob becomes delivered, and stays so.
    let bob_post = to(&sent, bob)
        .into_iter()
        .find(|s| s.form["Body"].contains("Meeting"))
        .unwrap();
    let cb_path = bob_post.form["StatusCallback"]
        .strip_prefix(PUBLIC)
        .unwrap()
        .to_string();
    let status = |s: &str| {
        vec![
            ("MessageSid".to_string(), bob_post.sid.clone()),
            ("MessageStatus".to_string(), s.to_string()),
            ("SmsSid".to_string(), bob_post.sid.clone()),
            ("SmsStatus".to_string(), s.to_string()),
            ("To".to_string(), bob.to_string()),
            ("From".to_string(), bob_post.form["From"].clone()),
            ("AccountSid".to_string(), ACCOUNT.to_string()),
            ("ApiVersion".to_string(), "2010-04-01".to_string()),
        ]
    };
    // Unsigned: refused.
    let r = h
        .http
        .post(format!("http://{}{cb_path}", h.app_addr))
        .form(&status("failed"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // Signed over the path without its query string: refused (the row is part of the signed URL).
    let no_query = cb_path.split('?').next().unwrap();
    let bad = sign(
        TOKEN,
        Algorithm::HmacSha1,
        &format!("{PUBLIC}{no_query}"),
        &status("failed"),
    );
    assert_eq!(
        h.post(&cb_path, &status("failed"), Some(&bad))
            .await
            .status(),
        403
    );
    for s in ["sent", "delivered", "sent", "undelivered"] {
        let r = h.post(&cb_path, &status(s), None).await;
        assert!(r.status().is_success(), "{s}: {}", r.status());
    }
    let phone = Phone::parse(bob, "MY").unwrap();
    let rows = h.store.outbox_for(&phone).await.unwrap();
    let row = rows.iter().find(|r| r.text.contains("Meeting")).unwrap();
    assert_eq!(row.status, "delivered", "{rows:#?}");

    // STOP: Twilio blocks Bob at the sender; SMS Up mirrors it and sends him nothing more.
    assert_eq!(
        h.sms("SM00000000000000000000000000000b02", bob, "STOP")
            .await
            .status(),
        200
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let count = h.sent().len();
    assert_eq!(
        h.sms(
            "SM00000000000000000000000000000a03",
            alice,
            "housing second notice"
        )
        .await
        .status(),
        200
    );
    let sent = h.wait_sent(count + 1).await;
    let new = &sent[count..];
    assert_eq!(to(new, chen).len(), 1, "{new:#?}");
    assert!(to(new, bob).is_empty(), "Bob opted out but got {new:#?}");
}
