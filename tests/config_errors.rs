//! A missing or malformed setting stops `serve` with a message that names it.

mod common;

use common::{run_cli, tempdir};

fn serve_with(toml: &str, env: &[(&str, &str)]) -> String {
    let dir = tempdir();
    let config = dir.path().join("smsup.toml");
    std::fs::write(&config, toml).unwrap();
    let db = dir.path().join("smsup.db");
    let (ok, _, err) = run_cli(
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--db",
            db.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
        ],
        env,
    );
    assert!(!ok, "serve must refuse: {toml}");
    assert!(
        !db.exists(),
        "nothing is created when the settings are wrong"
    );
    err
}

#[test]
fn bad_settings_are_named() {
    let err = serve_with("[limits]\nmax_post_segments = \"six\"\n", &[]);
    assert!(err.contains("max_post_segments"), "{err}");
    let err = serve_with("default_region = \"ZZ\"\n", &[]);
    assert!(err.contains("default_region"), "{err}");
    let err = serve_with(
        "[twilio]\naccount_sid = \"AC123\"\nfrom = [\"+60111111111\"]\npublic_url = \"https://sms.example.org\"\n",
        &[("SMSUP_TWILIO_AUTH_TOKEN", "x")],
    );
    assert!(err.contains("account_sid"), "{err}");
    let err = serve_with(
        "[twilio]\naccount_sid = \"AC0123456789abcdef0123456789abcdef\"\nfrom = [\"+60111111111\"]\npublic_url = \"https://sms.example.org\"\n",
        &[],
    );
    assert!(err.contains("auth_token"), "{err}");
    let err = serve_with("[smpp]\nhost = \"127.0.0.1\"\nwindow = \"ten\"\n", &[]);
    assert!(err.contains("window"), "{err}");
}

/// With `--log-format json`, the fatal error is a JSON line a log shipper reads, and serve exits 1.
#[test]
fn with_json_logs_a_fatal_error_is_a_json_line() {
    let dir = tempdir();
    let config = dir.path().join("smsup.toml");
    std::fs::write(&config, "[alerts]\nreport_after_minutes = 0\n").unwrap();
    let db = dir.path().join("smsup.db");
    let (ok, _, err) = run_cli(
        &[
            "--log-format",
            "json",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--db",
            db.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
        ],
        &[],
    );
    assert!(!ok);
    let line = err
        .lines()
        .find(|l| l.contains("serve stopped"))
        .unwrap_or_else(|| panic!("no fatal line in {err}"));
    let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    assert_eq!(v["level"], "ERROR");
    assert!(
        v["error"]
            .as_str()
            .unwrap_or_default()
            .contains("report_after_minutes"),
        "{line}"
    );
    assert!(!err.contains("Error: "), "printed twice: {err}");
}
