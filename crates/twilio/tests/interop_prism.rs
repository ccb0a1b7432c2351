//! Interop with Twilio's published OpenAPI description of its REST API, served by Prism with
//! `--errors`: every request our client sends must pass Prism's validation (a violation is
//! answered 422, which the client reports as an error and fails the test). Deliberately wrong
//! requests prove Prism rejects what the spec forbids.
//!
//! Needs `<workspace>/interop/node_modules/.bin/prism` (CI installs it); set SMSUP_SKIP_INTEROP=1
//! to skip. The spec is `<workspace>/interop/twilio/twilio_api_v2010.json` or, failing that,
//! `<workspace>/../shared/peers/twilio_api_v2010.json`.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use smsup_twilio::config::Secret;
use smsup_twilio::{MessageStatus, RawTwilioConfig, Sender, TwilioClient, TwilioError};

const SID: &str = "AC0123456789abcdef0123456789abcdef";
const MG: &str = "MG0123456789abcdef0123456789abcdef";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn spec_path() -> PathBuf {
    let root = workspace_root();
    let candidates = [
        root.join("interop/twilio/twilio_api_v2010.json"),
        root.join("../shared/peers/twilio_api_v2010.json"),
    ];
    candidates
        .iter()
        .find(|p| p.exists())
        .cloned()
        .unwrap_or_else(|| panic!("Twilio OpenAPI spec not found at any of {candidates:?}"))
}

/// A running Prism mock, killed on drop.
struct Prism {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_prism() -> Prism {
    let root = workspace_root();
    let bin = root.join("interop/node_modules/.bin/prism");
    assert!(
        bin.exists(),
        "{} is missing: run `npm ci` in {} (or set SMSUP_SKIP_INTEROP=1 to skip interop tests)",
        bin.display(),
        root.join("interop").display()
    );
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&bin)
        .args([
            "mock",
            "-h",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "--errors",
        ])
        .arg(spec_path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cannot start prism");
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let prism = Prism { child, addr };
    let deadline = Instant::now() + Duration::from_secs(90);
    while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
        assert!(Instant::now() < deadline, "prism did not start within 90 s");
        std::thread::sleep(Duration::from_millis(250));
    }
    prism
}

fn client(prism: &Prism) -> TwilioClient {
    let config = RawTwilioConfig {
        account_sid: Some(SID.into()),
        auth_token: Some(Secret::new("0123456789abcdef0123456789abcdef")),
        from: Some(vec!["+60111111111".into()]),
        public_url: Some("https://sms.example.org".into()),
        api_base: Some(format!("http://{}", prism.addr)),
        ..Default::default()
    }
    .validate()
    .unwrap();
    TwilioClient::new(&config).unwrap()
}

#[tokio::test]
async fn every_request_we_send_passes_twilios_openapi_description() {
    if std::env::var("SMSUP_SKIP_INTEROP").as_deref() == Ok("1") {
        return;
    }
    let prism = start_prism();
    let client = client(&prism);

    let requests: Vec<(&str, Sender<'_>, &str, Option<&str>)> = vec![
        (
            "+60123456789",
            Sender::From("+60111111111"),
            "Welcome to kl-news. Reply LEAVE kl-news to leave.",
            Some("https://sms.example.org/twilio/status?row=42"),
        ),
        (
            "+60123456789",
            Sender::MessagingService(MG),
            "سلام، به فهرست خوش آمدید 👍 & a+b=c",
            Some("https://sms.example.org/prefix/twilio/status?row=9007199254740993"),
        ),
        (
            "+95912345678",
            Sender::From("+60111111112"),
            "မင်္ဂလာပါ",
            None,
        ),
    ];
    for (to, sender, body, callback) in requests {
        let m = client
            .send(to, sender, body, callback)
            .await
            .unwrap_or_else(|e| {
                panic!("Prism refused our request ({sender:?}, {callback:?}): {e}")
            });
        assert!(m.sid.starts_with("SM") && m.sid.len() == 34, "{m:?}");
        assert_eq!(m.status, MessageStatus::Queued);
    }
    // An alert's message carries a ValidityPeriod (the time it may still wait): Prism checks the
    // field against Twilio's description.
    for seconds in [1, 1_800, 36_000] {
        let m = client
            .send_valid(
                "+60123456789",
                Sender::From("+60111111111"),
                "[safety] ALERT Amina: checkpoint at the bridge",
                None,
                Some(seconds),
            )
            .await
            .unwrap_or_else(|e| panic!("Prism refused ValidityPeriod {seconds}: {e}"));
        assert_eq!(m.status, MessageStatus::Queued);
    }
    // `smsup doctor`'s account check: a GET of the account, which the description also knows.
    let account = client
        .check_account()
        .await
        .unwrap_or_else(|e| panic!("Prism refused the account check: {e}"));
    assert!(account.contains("is active"), "{account}");
}

#[tokio::test]
async fn prism_rejects_requests_that_break_the_description() {
    if std::env::var("SMSUP_SKIP_INTEROP").as_deref() == Ok("1") {
        return;
    }
    let prism = start_prism();
    let client = client(&prism);

    // A malformed Messaging Service SID, through our client: reported as a refusal (HTTP 422).
    let e = client
        .send(
            "+60123456789",
            Sender::MessagingService("MG123"),
            "hi",
            None,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            TwilioError::Permanent {
                status: Some(422),
                ..
            }
        ),
        "{e:?}"
    );
    // A StatusCallback that is not a URI.
    let e = client
        .send(
            "+60123456789",
            Sender::From("+60111111111"),
            "hi",
            Some("row 42"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            TwilioError::Permanent {
                status: Some(422),
                ..
            }
        ),
        "{e:?}"
    );

    let http = reqwest::Client::new();
    let url = format!(
        "http://{}/2010-04-01/Accounts/{SID}/Messages.json",
        prism.addr
    );
    // No `To`.
    let r = http
        .post(&url)
        .basic_auth(SID, Some("t"))
        .form(&[("From", "+60111111111"), ("Body", "hi")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("'To'"));
    // No credentials.
    let r = http
        .post(&url)
        .form(&[
            ("To", "+60123456789"),
            ("From", "+60111111111"),
            ("Body", "hi"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
}
