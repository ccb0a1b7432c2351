//! `[twilio]` settings: TOML, environment overlay, and errors that name the bad field.

use std::collections::HashMap;

use smsup_twilio::{ConfigError, RawTwilioConfig, SenderConfig, TwilioConfig};

const SID: &str = "AC0123456789abcdef0123456789abcdef";
const MG: &str = "MG0123456789abcdef0123456789ABCDEF";

#[derive(serde::Deserialize)]
struct File {
    twilio: RawTwilioConfig,
}

fn parse(toml_text: &str) -> RawTwilioConfig {
    toml::from_str::<File>(toml_text).unwrap().twilio
}

fn no_env(_: &str) -> Option<String> {
    None
}

fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |k| map.get(k).cloned()
}

fn full() -> String {
    format!(
        r#"[twilio]
account_sid = "{SID}"
auth_token = "feedfacefeedfacefeedfacefeedface"
from = ["+60111111111", "+60111111112"]
public_url = "https://sms.example.org/"
"#
    )
}

#[test]
fn the_documented_example_parses_with_defaults() {
    let c = TwilioConfig::from_raw_with_env(parse(&full()), no_env).unwrap();
    assert_eq!(c.account_sid, SID);
    assert_eq!(c.auth_token.expose(), "feedfacefeedfacefeedfacefeedface");
    assert_eq!(
        c.sender,
        SenderConfig::Numbers(vec!["+60111111111".into(), "+60111111112".into()])
    );
    assert_eq!(c.public_url, "https://sms.example.org");
    assert_eq!(c.api_base, "https://api.twilio.com");
    assert_eq!(c.segments_per_second.get(), 1);
    assert_eq!(
        c.messages_url(),
        format!("https://api.twilio.com/2010-04-01/Accounts/{SID}/Messages.json")
    );
    assert_eq!(
        c.public_url_for("/twilio/status?row=5"),
        "https://sms.example.org/twilio/status?row=5"
    );
    // The token never shows up in debug output.
    assert!(!format!("{c:?}").contains("feedfacefeedfacefeedfacefeedface"));
}

#[test]
fn messaging_service_instead_of_numbers() {
    let text = format!(
        "[twilio]\naccount_sid = \"{SID}\"\nauth_token = \"t\"\nmessaging_service_sid = \"{MG}\"\npublic_url = \"https://x.example\"\nsegments_per_second = 10\napi_base = \"http://127.0.0.1:9999\"\n"
    );
    let c = TwilioConfig::from_raw_with_env(parse(&text), no_env).unwrap();
    assert_eq!(c.sender, SenderConfig::MessagingService(MG.into()));
    assert_eq!(c.segments_per_second.get(), 10);
    assert_eq!(c.api_base, "http://127.0.0.1:9999");
}

#[test]
fn secrets_and_values_come_from_the_environment() {
    let text = format!(
        "[twilio]\naccount_sid = \"{SID}\"\nfrom = [\"+60111111111\"]\npublic_url = \"https://x.example\"\n"
    );
    // Missing token without env: named.
    let err = TwilioConfig::from_raw_with_env(parse(&text), no_env).unwrap_err();
    assert_eq!(err.field(), "twilio.auth_token");
    assert!(err.to_string().contains("SMSUP_TWILIO_AUTH_TOKEN"));
    let c = TwilioConfig::from_raw_with_env(
        parse(&text),
        env(&[
            ("SMSUP_TWILIO_AUTH_TOKEN", "from-env"),
            ("SMSUP_TWILIO_FROM", "+60122222221, +60122222222"),
            ("SMSUP_TWILIO_SEGMENTS_PER_SECOND", "3"),
            ("SMSUP_TWILIO_WEBHOOK_SHARED_KEYS", "k1,k2"),
        ]),
    )
    .unwrap();
    assert_eq!(c.auth_token.expose(), "from-env");
    assert_eq!(
        c.sender,
        SenderConfig::Numbers(vec!["+60122222221".into(), "+60122222222".into()])
    );
    assert_eq!(c.segments_per_second.get(), 3);
    assert_eq!(c.webhook_shared_keys.len(), 2);
    let err = TwilioConfig::from_raw_with_env(
        parse(&text),
        env(&[
            ("SMSUP_TWILIO_AUTH_TOKEN", "x"),
            ("SMSUP_TWILIO_SEGMENTS_PER_SECOND", "fast"),
        ]),
    )
    .unwrap_err();
    assert_eq!(err.field(), "twilio.segments_per_second");
}

fn err_for(replace: &str, with: &str) -> ConfigError {
    let text = full().replace(replace, with);
    TwilioConfig::from_raw_with_env(parse(&text), no_env).unwrap_err()
}

#[test]
fn every_bad_value_is_named() {
    let cases: &[(&str, &str, &str)] = &[
        (SID, "AC123", "twilio.account_sid"),
        (
            SID,
            "XX0123456789abcdef0123456789abcdef",
            "twilio.account_sid",
        ),
        (
            "\"feedfacefeedfacefeedfacefeedface\"",
            "\"\"",
            "twilio.auth_token",
        ),
        ("\"+60111111112\"", "\"0111111112\"", "twilio.from"),
        ("\"+60111111112\"", "\"+60111111111\"", "twilio.from"),
        (
            "https://sms.example.org/",
            "sms.example.org",
            "twilio.public_url",
        ),
        (
            "https://sms.example.org/",
            "ftp://sms.example.org",
            "twilio.public_url",
        ),
        (
            "https://sms.example.org/",
            "https://sms.example.org/?a=1",
            "twilio.public_url",
        ),
        (
            "public_url",
            "segments_per_second = 0\npublic_url",
            "twilio.segments_per_second",
        ),
        (
            "public_url",
            "api_base = \"not a url\"\npublic_url",
            "twilio.api_base",
        ),
        (
            "public_url",
            &format!("messaging_service_sid = \"{MG}\"\npublic_url"),
            "twilio.from",
        ),
        (
            "public_url",
            "request_timeout_secs = 0\npublic_url",
            "twilio.request_timeout_secs",
        ),
    ];
    for (from, to, field) in cases {
        let e = err_for(from, to);
        assert_eq!(e.field(), *field, "replacing {from:?} with {to:?}: {e}");
        assert!(e.to_string().starts_with(field), "{e}");
    }
    // A bad Messaging Service SID is named as such.
    let text = format!(
        "[twilio]\naccount_sid = \"{SID}\"\nauth_token = \"t\"\nmessaging_service_sid = \"MG12\"\npublic_url = \"https://x.example\"\n"
    );
    let e = TwilioConfig::from_raw_with_env(parse(&text), no_env).unwrap_err();
    assert_eq!(e.field(), "twilio.messaging_service_sid");
    // Neither numbers nor a service.
    let e = err_for("from = [\"+60111111111\", \"+60111111112\"]\n", "");
    assert_eq!(e.field(), "twilio.from");
    assert!(matches!(e, ConfigError::Missing { .. }));
}

#[test]
fn unknown_keys_are_refused_by_the_parser() {
    let text = full().replace("public_url", "pubic_url = \"x\"\npublic_url");
    let err = toml::from_str::<File>(&text).err().unwrap();
    assert!(err.to_string().contains("pubic_url"), "{err}");
}
