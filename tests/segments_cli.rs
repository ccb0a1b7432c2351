//! `smsup segments`: what a text costs, from the argument or standard input.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::run_cli;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let (ok, out, err) = run_cli(args, &[]);
    assert!(ok, "{err}");
    serde_json::from_str(out.trim()).expect("one JSON object")
}

#[test]
fn a_curly_quote_forces_ucs2_and_smart_encoding_repairs_it() {
    let text = "Meeting at 5 “today”";
    let v = json(&["segments", "--json", text]);
    assert_eq!(v["encoding"], "UCS-2");
    assert_eq!(v["segments"], 1);
    assert_eq!(v["non_gsm"], serde_json::json!(["“", "”"]));
    let v = json(&["segments", "--json", "--smart", text]);
    assert_eq!(v["encoding"], "GSM-7");
    assert_eq!(v["non_gsm"], serde_json::json!([]));
}

#[test]
fn boundaries_and_extension_characters() {
    let v = json(&["segments", "--json", &"a".repeat(160)]);
    assert_eq!(
        (v["units"].as_u64(), v["segments"].as_u64()),
        (Some(160), Some(1))
    );
    let v = json(&["segments", "--json", &"a".repeat(161)]);
    assert_eq!(v["segments"], 2);
    let v = json(&["segments", "--json", &"€".repeat(80)]);
    assert_eq!(
        (v["units"].as_u64(), v["segments"].as_u64()),
        (Some(160), Some(1))
    );
    let v = json(&["segments", "--json", &"ب".repeat(71)]);
    assert_eq!(
        (v["encoding"].as_str(), v["segments"].as_u64()),
        (Some("UCS-2"), Some(2))
    );
}

#[test]
fn reads_standard_input_and_prints_for_people() {
    let mut child = Command::new(common::bin())
        .args(["segments"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("سلام دوستان 👋".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("encoding:   UCS-2"), "{text}");
    assert!(text.contains("segments:   1"), "{text}");
    assert!(text.contains("units:      14"), "{text}");
}
