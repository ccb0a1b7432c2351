//! Interop with Twilio's official helper library (npm `twilio`, run by interop/twilio/sign.js):
//! webhooks and status callbacks it signs pass our validator, altered ones fail, and what we sign
//! passes its validator. Bodies go through the raw form bytes, as they arrive over HTTP.
//!
//! Needs node and `<workspace>/interop/node_modules` (CI installs them); set SMSUP_SKIP_INTEROP=1
//! to skip. SMSUP_TWILIO_NODE_MODULE may point at another copy of the `twilio` package.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Map, Value};
use smsup_twilio::config::Secret;
use smsup_twilio::{parse_form, sign, Algorithm, SignatureError, WebhookValidator};

type Params = Vec<(String, String)>;

const TOKEN: &str = "9f86d081884c7d659a2feaa0c55ad015";
const SHARED_KEY: &str = "whsk_5d41402abc4b2a76b9719d911017c592";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn skip() -> bool {
    std::env::var("SMSUP_SKIP_INTEROP").as_deref() == Ok("1")
}

/// Runs the official library on `ops`; panics with a clear message if node or the package is
/// missing.
fn official(ops: Value) -> Vec<Value> {
    let root = workspace_root();
    let script = root.join("interop/twilio/sign.js");
    if std::env::var_os("SMSUP_TWILIO_NODE_MODULE").is_none() {
        let module = root.join("interop/node_modules/twilio/package.json");
        assert!(
            module.exists(),
            "{} is missing: run `npm ci` in {} (or set SMSUP_SKIP_INTEROP=1 to skip interop tests)",
            module.display(),
            root.join("interop").display()
        );
    }
    let mut child = Command::new("node")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot run node ({e}); install Node.js or set SMSUP_SKIP_INTEROP=1")
        });
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ops.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "sign.js failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The form as Express would hand it to the library: repeated names become arrays.
fn as_object(params: &[(String, String)]) -> Value {
    let mut map = Map::new();
    for (k, v) in params {
        match map.get_mut(k) {
            None => {
                map.insert(k.clone(), Value::String(v.clone()));
            }
            Some(Value::Array(a)) => a.push(Value::String(v.clone())),
            Some(existing) => {
                let first = existing.take();
                *existing = Value::Array(vec![first, Value::String(v.clone())]);
            }
        }
    }
    Value::Object(map)
}

/// Encodes a form body the way Twilio posts it (application/x-www-form-urlencoded).
fn encode(pairs: &[(&str, &str)]) -> Vec<u8> {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish().into_bytes()
}

fn inbound_body(body: &str) -> Vec<(&'static str, String)> {
    vec![
        ("ToCountry", "MY".into()),
        ("ToState", "".into()),
        ("SmsMessageSid", "SM2f3c1b7e9a0d4c5b8e6f7a8b9c0d1e2f".into()),
        ("NumMedia", "0".into()),
        ("ToCity", "".into()),
        ("FromZip", "".into()),
        ("SmsSid", "SM2f3c1b7e9a0d4c5b8e6f7a8b9c0d1e2f".into()),
        ("FromState", "".into()),
        ("SmsStatus", "received".into()),
        ("FromCity", "".into()),
        ("Body", body.into()),
        ("FromCountry", "MY".into()),
        ("To", "+60111111111".into()),
        (
            "MessagingServiceSid",
            "MG0123456789abcdef0123456789abcdef".into(),
        ),
        ("ToZip", "".into()),
        ("NumSegments", "1".into()),
        ("MessageSid", "SM2f3c1b7e9a0d4c5b8e6f7a8b9c0d1e2f".into()),
        ("AccountSid", "AC0123456789abcdef0123456789abcdef".into()),
        ("From", "+60123456789".into()),
        ("ApiVersion", "2010-04-01".into()),
    ]
}

fn status_body(status: &str, error: Option<&str>) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("SmsSid", "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_string()),
        ("SmsStatus", status.to_string()),
        ("MessageStatus", status.to_string()),
        ("To", "+60123456789".to_string()),
        (
            "MessageSid",
            "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_string(),
        ),
        (
            "AccountSid",
            "AC0123456789abcdef0123456789abcdef".to_string(),
        ),
        ("From", "+60111111111".to_string()),
        ("ApiVersion", "2010-04-01".to_string()),
    ];
    if let Some(e) = error {
        v.push(("ErrorCode", e.to_string()));
    }
    v
}

fn bytes_of(fields: &[(&'static str, String)]) -> Vec<u8> {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    encode(&pairs)
}

struct Case {
    name: &'static str,
    url: String,
    body: Vec<u8>,
}

fn cases() -> Vec<Case> {
    let base = "https://sms.example.org";
    vec![
        Case {
            name: "inbound JOIN",
            url: format!("{base}/twilio/sms"),
            body: bytes_of(&inbound_body("JOIN kl-news")),
        },
        Case {
            name: "inbound with reserved and non-Latin characters",
            url: format!("{base}/twilio/sms"),
            body: bytes_of(&inbound_body(
                "a+b=c & d%20e? «سلام» မင်္ဂလာပါ 👍 \"q\" 'x'",
            )),
        },
        Case {
            name: "inbound empty body",
            url: format!("{base}/twilio/sms"),
            body: bytes_of(&inbound_body("")),
        },
        Case {
            name: "status callback delivered, row in query",
            url: format!("{base}/twilio/status?row=42"),
            body: bytes_of(&status_body("delivered", None)),
        },
        Case {
            name: "status callback undelivered with error code",
            url: format!("{base}/prefix/twilio/status?row=7"),
            body: bytes_of(&status_body("undelivered", Some("30003"))),
        },
        Case {
            name: "repeated field names",
            url: format!("{base}/twilio/sms"),
            body: b"Body=hi&MediaUrl=https%3A%2F%2Fb.example%2F2&From=%2B601&MediaUrl=https%3A%2F%2Fa.example%2F1&MediaUrl=https%3A%2F%2Fb.example%2F2".to_vec(),
        },
        Case {
            name: "explicit non-default port",
            url: "http://127.0.0.1:8080/twilio/sms".to_string(),
            body: bytes_of(&inbound_body("hello")),
        },
    ]
}

fn validator() -> WebhookValidator {
    WebhookValidator::new(Secret::new(TOKEN), vec![Secret::new(SHARED_KEY)])
}

#[test]
fn official_signatures_are_accepted_and_altered_requests_rejected() {
    if skip() {
        return;
    }
    let cases = cases();
    let ops: Vec<Value> = cases
        .iter()
        .map(|c| {
            json!({"op": "sign", "secret": TOKEN, "url": c.url,
                   "params": as_object(&parse_form(&c.body))})
        })
        .collect();
    let signed = official(Value::Array(ops));
    let v = validator();
    for (case, result) in cases.iter().zip(&signed) {
        let sig = result["signature"].as_str().unwrap();
        let params = parse_form(&case.body);
        assert_eq!(
            v.validate(&case.url, &params, Some(sig), None),
            Ok(Algorithm::HmacSha1),
            "{}",
            case.name
        );
        // Our own signer produces the same string.
        assert_eq!(
            sign(TOKEN, Algorithm::HmacSha1, &case.url, &params),
            sig,
            "{}",
            case.name
        );

        // Altered requests are refused.
        let mut changed_value = params.clone();
        let last = changed_value.len() - 1;
        changed_value[last].1.push('x');
        let mut added = params.clone();
        added.push(("Extra".into(), "1".into()));
        let removed = params[1..].to_vec();
        let alterations: Vec<(&str, String, Params)> = vec![
            ("value changed", case.url.clone(), changed_value),
            ("field added", case.url.clone(), added),
            ("field removed", case.url.clone(), removed),
            (
                "path changed",
                case.url.replace("/twilio/", "/twilio2/"),
                params.clone(),
            ),
            (
                "scheme changed",
                case.url
                    .replacen("http", "https", 1)
                    .replacen("httpss", "http", 1),
                params.clone(),
            ),
            (
                "query changed",
                format!(
                    "{}{}",
                    case.url,
                    if case.url.contains('?') {
                        "1"
                    } else {
                        "?row=1"
                    }
                ),
                params.clone(),
            ),
        ];
        for (what, url, p) in alterations {
            assert_eq!(
                v.validate(&url, &p, Some(sig), None),
                Err(SignatureError::Mismatch),
                "{}: {what}",
                case.name
            );
        }
        let other = WebhookValidator::new(Secret::new("another-token"), vec![]);
        assert_eq!(
            other.validate(&case.url, &params, Some(sig), None),
            Err(SignatureError::Mismatch),
            "{}: other token",
            case.name
        );
        // The Auth Token signature is not accepted when the request claims a SharedKey signature.
        assert!(
            v.validate(
                &case.url,
                &params,
                Some(sig),
                Some("key=k,algorithm=HMAC_SHA256")
            )
            .is_err(),
            "{}: claimed SharedKey",
            case.name
        );
    }
}

#[test]
fn our_signatures_pass_the_official_validator() {
    if skip() {
        return;
    }
    let cases = cases();
    let mut ops = Vec::new();
    for c in &cases {
        let params = parse_form(&c.body);
        let ours = sign(TOKEN, Algorithm::HmacSha1, &c.url, &params);
        ops.push(
            json!({"op": "validate", "secret": TOKEN, "signature": ours, "url": c.url,
                        "params": as_object(&params)}),
        );
        // Control: the official validator refuses our signature over a changed body.
        let mut changed = params.clone();
        changed[0].1.push('!');
        ops.push(
            json!({"op": "validate", "secret": TOKEN, "signature": ours, "url": c.url,
                        "params": as_object(&changed)}),
        );
    }
    let results = official(Value::Array(ops));
    for (i, c) in cases.iter().enumerate() {
        assert_eq!(results[2 * i]["valid"], json!(true), "{}", c.name);
        assert_eq!(
            results[2 * i + 1]["valid"],
            json!(false),
            "{} (changed)",
            c.name
        );
    }
}

#[test]
fn default_port_variants_match_the_official_library() {
    if skip() {
        return;
    }
    // Twilio may sign with or without :443; both validators accept either form.
    let params = parse_form(&bytes_of(&inbound_body("STOP")));
    let with_port = "https://sms.example.org:443/twilio/sms";
    let without = "https://sms.example.org/twilio/sms";
    let signed = official(json!([
        {"op": "sign", "secret": TOKEN, "url": with_port, "params": as_object(&params)},
        {"op": "validate", "secret": TOKEN, "url": with_port, "params": as_object(&params),
         "signature": sign(TOKEN, Algorithm::HmacSha1, without, &params)},
    ]));
    let sig = signed[0]["signature"].as_str().unwrap();
    assert_eq!(
        validator().validate(without, &params, Some(sig), None),
        Ok(Algorithm::HmacSha1)
    );
    assert_eq!(signed[1]["valid"], json!(true));
}

#[test]
fn shared_key_hmac_sha256_matches_the_official_library() {
    if skip() {
        return;
    }
    let info = official(json!([{"op": "info"}]));
    assert_eq!(
        info[0]["supportsAlgorithms"],
        json!(true),
        "the installed npm `twilio` {} predates HMAC-SHA256 (SharedKey) signatures; \
         interop/package.json must pin twilio >= 6.3.1",
        info[0]["version"]
    );
    let settings = "key=webhooks_sharedkey_01jz8k3m2n,algorithm=HMAC_SHA256";
    let cases = cases();
    let mut ops = vec![json!({"op": "settings", "header": settings})];
    for c in &cases {
        let params = parse_form(&c.body);
        ops.push(json!({"op": "sign", "secret": SHARED_KEY, "url": c.url,
                        "params": as_object(&params), "algorithm": "HMAC_SHA256"}));
        ops.push(json!({"op": "validate", "secret": SHARED_KEY, "url": c.url,
                        "params": as_object(&params), "algorithm": "HMAC_SHA256",
                        "signature": sign(SHARED_KEY, Algorithm::HmacSha256, &c.url, &params)}));
    }
    let results = official(Value::Array(ops));
    assert_eq!(results[0]["algorithm"], json!("HMAC_SHA256"));
    let v = validator();
    for (i, c) in cases.iter().enumerate() {
        let params = parse_form(&c.body);
        let sig = results[1 + 2 * i]["signature"].as_str().unwrap();
        assert_eq!(
            v.validate(&c.url, &params, Some(sig), Some(settings)),
            Ok(Algorithm::HmacSha256),
            "{}",
            c.name
        );
        assert_eq!(results[2 + 2 * i]["valid"], json!(true), "{}: ours", c.name);
        // Without the settings header the request is checked with the Auth Token: refused.
        assert!(
            v.validate(&c.url, &params, Some(sig), None).is_err(),
            "{}",
            c.name
        );
        // A changed body is refused.
        let mut changed = params.clone();
        changed[0].1.push('!');
        assert_eq!(
            v.validate(&c.url, &changed, Some(sig), Some(settings)),
            Err(SignatureError::Mismatch),
            "{}",
            c.name
        );
        // A validator without this SharedKey refuses it.
        let rotated = WebhookValidator::new(Secret::new(TOKEN), vec![Secret::new("whsk_other")]);
        assert_eq!(
            rotated.validate(&c.url, &params, Some(sig), Some(settings)),
            Err(SignatureError::Mismatch),
            "{}",
            c.name
        );
    }
}
