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

/// No text any of `phones` received shows another of them, in any format, and no log line shows
/// any of them; returns how many texts were checked.
async fn assert_no_text_or_log_shows_another(server: &Server, phones: &[String]) -> usize {
    let c = server.client();
    let mut checked = 0;
    for (i, to) in phones.iter().enumerate() {
        for text in c.texts(to).await {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            for (j, other) in phones.iter().enumerate() {
                for form in digit_forms(other) {
                    assert!(
                        i == j || !digits.contains(&form),
                        "{to} received {text:?}, which shows {other}"
                    );
                }
            }
            checked += 1;
        }
    }
    let log = server.log();
    assert!(log.contains("inbound handled"), "the log was captured");
    for m in phones {
        for form in digit_forms(m) {
            assert!(!log.contains(&form), "{m} appears in the log");
        }
    }
    checked
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

    let checked = assert_no_text_or_log_shows_another(&server, &members).await;
    assert!(checked > 40, "only {checked} messages checked");

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

/// The first text `to` received that contains `needle`, waiting up to 5 seconds for it.
async fn text_with(c: &common::Client, to: &str, needle: &str) -> String {
    for _ in 0..100 {
        if let Some(t) = c.texts(to).await.into_iter().find(|t| t.contains(needle)) {
            return t;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!(
        "{to} received nothing with {needle:?}: {:?}",
        c.texts(to).await
    );
}

/// The safe-lists promises through the real binary: a private list joined only by approval, a
/// banned number that reaches nobody whatever it tries, a help-line round trip and a private-reply
/// round trip — and in all of it no text and no log line shows anyone's number.
#[tokio::test]
async fn safe_lists_through_the_real_binary_never_show_a_number() {
    let dir = tempdir();
    let server = Server::start(dir.path(), &[("SMSUP_LOG", "info")]);
    let c = server.client();
    let (owner, neighbour, informant, stranger) = (phone(11), phone(12), phone(13), phone(14));
    let everyone = [
        owner.clone(),
        neighbour.clone(),
        informant.clone(),
        stranger.clone(),
    ];

    c.ask(&owner, "CREATE safety PRIVATE").await;
    c.ask(&owner, "NAME Amina").await;
    // Two ask to join; the owner lets both in by the label each request shows.
    for (who, alias) in [(&neighbour, "Bob"), (&informant, "Spy")] {
        c.ask(who, &format!("NAME {alias}")).await;
        let notices = c.texts(&owner).await.len();
        let asked = c.ask(who, "JOIN safety").await;
        assert!(asked.contains("request to join safety"), "{asked}");
        let notice = text_with(&c, &owner, &format!("{alias} asks to join")).await;
        let label = common::label_after(&notice, "APPROVE ");
        assert!(c
            .ask(&owner, &format!("APPROVE {label}"))
            .await
            .contains("joined safety"));
        assert!(c.texts(&owner).await.len() > notices);
    }
    // Until the owner bans the informant, who then reaches nobody and learns nothing new.
    let banned = c.ask(&owner, "BAN safety Spy").await;
    assert!(banned.contains("cannot come back"), "{banned}");
    let owner_before = c.texts(&owner).await.len();
    for attempt in [
        "JOIN safety",
        "safety who is in this list?",
        "TO safety Amina hello",
    ] {
        c.ask(&informant, attempt).await;
    }
    c.ask(&owner, "safety Checkpoint at the bridge").await;
    let alert = text_with(&c, &neighbour, "Checkpoint").await;
    assert_eq!(alert, "[safety] Amina: Checkpoint at the bridge");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !c.texts(&informant)
            .await
            .iter()
            .any(|t| t.contains("Checkpoint")),
        "the banned informant got the post"
    );
    // The owner's only new texts are the confirmation of the post: nothing from the informant.
    let owner_new: Vec<String> = c.texts(&owner).await[owner_before..].to_vec();
    assert!(
        owner_new.iter().all(|t| t.starts_with("Sent to")),
        "{owner_new:?}"
    );

    // Help line: a stranger asks, the owner answers by code, the stranger reads the alias.
    c.ask(&stranger, "safety I need a doctor for my son").await;
    let request = text_with(&c, &owner, "Help request H").await;
    assert!(
        request.ends_with(": I need a doctor for my son"),
        "{request}"
    );
    let code = common::label_after(&request, "REPLY ");
    c.ask(&owner, &format!("REPLY {code} The clinic opens at 9"))
        .await;
    assert_eq!(
        text_with(&c, &stranger, "clinic").await,
        "[safety] Amina: The clinic opens at 9"
    );

    // Private replies: by name one way, by the label shown the other way.
    c.ask(&neighbour, "TO safety Amina thank you").await;
    let private = text_with(&c, &owner, "(private): thank you").await;
    let label = common::label_after(&private, "Bob ");
    c.ask(&owner, &format!("TO safety {label} you are welcome"))
        .await;
    let back = text_with(&c, &neighbour, "you are welcome").await;
    assert!(back.starts_with("[safety] Amina #"), "{back}");

    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let checked = assert_no_text_or_log_shows_another(&server, &everyone).await;
    assert!(checked >= 20, "only {checked} texts checked");
}
