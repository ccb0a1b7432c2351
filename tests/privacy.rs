//! No outbound text ever contains another member's number, in any format; numbers are not stored or
//! logged in clear.

mod common;

use common::{db, phone, tempdir, Server};

/// Every way a number may be written: E.164, without +, national with the trunk 0, the subscriber part,
/// grouped with spaces or dashes. Compared on digits only, so any grouping is caught.
fn digit_forms(e164: &str) -> Vec<String> {
    let digits: String = e164.chars().filter(char::is_ascii_digit).collect();
    // +44 7911 000002: country code 44, national significant number 7911000002.
    let nsn = &digits[2..];
    vec![
        digits.clone(),
        format!("0{nsn}"),
        nsn.to_string(),
        nsn[1..].to_string(),
    ]
}

#[tokio::test]
async fn no_member_ever_sees_another_members_number() {
    let dir = tempdir();
    let server = Server::start(dir.path(), &[("SMSUP_LOG", "info")]);
    let c = server.client();
    let members: Vec<String> = (1..=8).map(phone).collect();
    let owner = &members[0];
    c.ask(owner, "CREATE safe").await;
    c.ask(owner, "CREATE safe2 ANNOUNCE").await;
    for m in &members[1..] {
        c.ask(m, "JOIN safe").await;
    }
    // Every command that involves another member.
    c.ask(&members[1], "NAME Bob").await;
    c.ask(owner, &format!("ADD safe2 {}", members[2])).await;
    c.ask(owner, &format!("ADD safe {}", members[3])).await;
    c.ask(owner, "ADMIN safe Bob").await;
    c.ask(&members[1], &format!("REMOVE safe #{}", 5)).await;
    c.ask(owner, "INFO safe").await;
    c.ask(&members[4], "LISTS").await;
    for (i, m) in members.iter().enumerate() {
        c.ask(m, &format!("safe hello from member {i}")).await;
    }
    c.ask(&members[6], "STOP").await;
    c.ask(owner, "safe after stop").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let mut checked = 0;
    for (i, recipient) in members.iter().enumerate() {
        for text in c.texts(recipient).await {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            for (j, other) in members.iter().enumerate() {
                if i == j {
                    continue;
                }
                for form in digit_forms(other) {
                    assert!(
                        !digits.contains(&form),
                        "{recipient} received {text:?}, which contains {other}"
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} messages checked");

    // Logs: numbers masked.
    let log = server.log();
    assert!(log.contains("inbound handled"), "the log was captured");
    for m in &members {
        for form in digit_forms(m) {
            assert!(!log.contains(&form), "{m} appears in the log");
        }
    }

    // At rest: no number in clear anywhere in the database file.
    drop(server);
    let pool = db(dir.path()).await;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let bytes = std::fs::read(dir.path().join("smsup.db")).unwrap();
    let haystack = String::from_utf8_lossy(&bytes);
    for m in &members {
        for form in digit_forms(m) {
            assert!(!haystack.contains(&form), "{m} is stored in clear");
        }
    }
}

#[tokio::test]
async fn json_logs_are_one_object_per_line_with_no_number_and_no_message_text() {
    for format in ["json", "text"] {
        let dir = tempdir();
        let server = Server::start(
            dir.path(),
            &[("SMSUP_LOG", "info"), ("SMSUP_LOG_FORMAT", format)],
        );
        let c = server.client();
        let members: Vec<String> = (1..=4).map(phone).collect();
        c.ask(&members[0], "CREATE raidwatch").await;
        for m in &members[1..] {
            c.ask(m, "JOIN raidwatch").await;
        }
        c.ask(&members[1], "NAME Zainab").await;
        let secret = "checkpoint near the zebrafish market";
        c.ask(&members[0], &format!("raidwatch {secret}")).await;
        c.wait_texts(&members[3], 2).await;
        c.ask(&members[2], "STOP").await;
        c.ask(&members[3], "nonsense words nobody should log").await;
        drop(server);

        let log = std::fs::read_to_string(dir.path().join("stderr.log")).unwrap();
        assert!(
            log.contains("inbound handled"),
            "{format}: the log was captured"
        );
        for line in log.lines().filter(|l| !l.trim().is_empty()) {
            if format == "json" {
                let v: serde_json::Value = serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("not one JSON object ({e}): {line}"));
                assert!(
                    v["level"].is_string() && v["timestamp"].is_string(),
                    "{line}"
                );
            }
            for m in &members {
                for form in digit_forms(m) {
                    assert!(!line.contains(&form), "{format}: {m} in the log: {line}");
                }
            }
            for words in [secret, "zebrafish", "nonsense words", "Zainab"] {
                assert!(
                    !line.contains(words),
                    "{format}: message text in the log: {line}"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_database_file_is_readable_by_its_owner_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let server = Server::start(dir.path(), &[]);
    server.client().ask(&phone(1), "CREATE modes").await;
    for name in ["smsup.db", "smsup.db-wal"] {
        let mode = std::fs::metadata(dir.path().join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name} has mode {:o}", mode & 0o777);
    }
}
