//! FORGET through the real binary: a member is erased from the database file, its write-ahead
//! log and the log; nothing reaches the number again until it writes START; lists pass on. And
//! retention erases old texts.

mod common;

use common::{count, db, phone, Server};
use std::path::Path;

/// Every byte of the database and its write-ahead log.
fn database_bytes(dir: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    for name in ["smsup.db", "smsup.db-wal"] {
        bytes.extend(std::fs::read(dir.join(name)).unwrap_or_default());
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// The number's digits in the formats a person or a log might write them.
fn formats(number: &str) -> Vec<String> {
    let digits = number.trim_start_matches('+');
    let national = format!("0{}", &digits[2..]);
    vec![
        number.to_string(),
        digits.to_string(),
        national.clone(),
        digits[digits.len() - 8..].to_string(),
    ]
}

/// The code a FORGET reply asks to send back.
fn code_in(reply: &str) -> String {
    common::digits_after(reply, "FORGET ")
}

#[tokio::test]
async fn forget_leaves_no_trace_of_the_number_or_its_words() {
    let dir = common::tempdir();
    let mut server = Server::start(dir.path(), &[("SMSUP_LOG", "debug")]);
    let c = server.client();
    let (owner, bob, carol) = (phone(1), phone(2), phone(3));
    c.ask(&owner, "CREATE safety").await;
    c.ask(&owner, "NAME Amina").await;
    c.ask(&bob, "JOIN safety").await;
    c.ask(&bob, "NAME Zarghuna").await;
    c.ask(&carol, "JOIN safety").await;
    c.ask(&bob, "safety Meeting moved to the Pudu mosque basement")
        .await;
    c.ask(&owner, "safety Bring the family papers tonight")
        .await;
    c.ask(&bob, "housing where can I sleep tonight").await;
    let pool = db(dir.path()).await;
    common::wait_drained(&pool, 20).await;
    let before = database_bytes(dir.path());
    assert!(contains(
        &before,
        "Meeting moved to the Pudu mosque basement"
    ));
    assert!(contains(&before, "Zarghuna"));

    // FORGET asks for a code; a wrong one is refused and changes nothing.
    let ask = c.ask(&bob, "FORGET").await;
    assert!(ask.contains("reply FORGET "), "{ask}");
    let code = code_in(&ask);
    assert_eq!(code.len(), 4, "{ask}");
    let wrong = if code == "0000" { "1111" } else { "0000" };
    assert!(c
        .ask(&bob, &format!("FORGET {wrong}"))
        .await
        .contains("wrong or has expired"));
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM members WHERE forgotten = 1").await,
        0
    );

    // The right code: the farewell arrives (what they received before is no longer theirs), then
    // nothing.
    c.sms(&bob, &format!("FORGET {code}")).await;
    let done = c.wait_texts(&bob, 1).await;
    assert_eq!(done.len(), 1, "{done:?}");
    assert!(done[0].contains("erased"), "{done:?}");
    common::wait_drained(&pool, 20).await;
    c.ask(&owner, "safety Curfew from 10pm").await;
    c.ask(&owner, &format!("ADD safety {bob}")).await;
    common::wait_drained(&pool, 20).await;
    let bob_now = c.texts(&bob).await;
    assert_eq!(bob_now.len(), 1, "only the farewell is left: {bob_now:?}");
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM outbox WHERE phone_enc IS NOT NULL AND state NOT IN ('queued', 'sending')"
        )
        .await,
        0,
        "the farewell's copy of the number is gone once it was sent"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM members WHERE forgotten = 1 AND length(phone_enc) = 0
             AND alias IS NULL AND opted_out = 1"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM memberships ms JOIN members m ON m.id = ms.member_id
             WHERE m.forgotten = 1"
        )
        .await,
        0
    );
    drop(pool);

    // Stop the server (its own shutdown checkpoint included) and read every byte it left.
    server.stop();
    let bytes = database_bytes(dir.path());
    for words in [
        "Meeting moved to the Pudu mosque basement",
        "where can I sleep tonight",
        "Zarghuna",
    ] {
        assert!(
            !contains(&bytes, words),
            "{words:?} is still in the database"
        );
    }
    // Others' words stay for them.
    assert!(contains(&bytes, "Bring the family papers tonight"));
    let log = server.log();
    for f in formats(&bob) {
        assert!(!contains(&bytes, &f), "{f} in the database");
        assert!(!log.contains(&f), "{f} in the log");
    }
    assert!(!log.contains("Meeting moved"), "the text is in the log");

    // The number writes START: a new member, in no list.
    let server = Server::start(dir.path(), &[]);
    let c = server.client();
    c.sms(&bob, "START").await;
    let texts = c.wait_texts(&bob, 2).await;
    assert!(texts[1].contains("Welcome back"), "{texts:?}");
    assert!(c.ask(&bob, "LISTS").await.contains("no list"));
}

#[tokio::test]
async fn forgetting_an_owner_passes_the_list_on_and_three_wrong_codes_cancel() {
    let dir = common::tempdir();
    let server = Server::start(dir.path(), &[]);
    let c = server.client();
    let (owner, admin) = (phone(11), phone(12));
    c.ask(&owner, "CREATE clinic").await;
    c.ask(&admin, "JOIN clinic").await;
    c.ask(&admin, "NAME Hassan").await;
    c.ask(&owner, "ADMIN clinic Hassan").await;

    // Three wrong codes: the right one no longer works.
    let ask = c.ask(&owner, "FORGET").await;
    let code = code_in(&ask);
    for wrong in ["1", "22", "333"] {
        c.ask(&owner, &format!("FORGET {wrong}")).await;
    }
    assert!(c
        .ask(&owner, &format!("FORGET {code}"))
        .await
        .contains("wrong or has expired"));

    // A fresh code, confirmed: Hassan owns the list and is told.
    let ask = c.ask(&owner, "FORGET").await;
    let code = code_in(&ask);
    let admin_n = c.texts(&admin).await.len();
    c.sms(&owner, &format!("FORGET {code}")).await;
    let told = c.wait_texts(&admin, admin_n + 1).await[admin_n].clone();
    assert!(told.contains("You now own clinic"), "{told}");
    assert!(c.ask(&admin, "INFO clinic").await.contains("You: owner"));
    let pool = db(dir.path()).await;
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM lists l JOIN memberships ms ON ms.member_id = l.owner_id
             AND ms.list_id = l.id WHERE ms.role = 'owner'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn retention_erases_old_texts_and_keeps_the_counts() {
    let dir = common::tempdir();
    let server = Server::start(dir.path(), &[]);
    let c = server.client();
    c.ask(&phone(21), "CREATE kl").await;
    c.ask(&phone(22), "JOIN kl").await;
    c.ask(&phone(21), "kl Food distribution at the hall").await;
    let pool = db(dir.path()).await;
    common::wait_drained(&pool, 20).await;
    // Make it all 31 days old, then start again with the default retention (30 days): the
    // hourly task runs at start.
    drop(server);
    let month = 31 * 86_400_000_i64;
    for sql in [
        "UPDATE inbound SET received_at = received_at - ?",
        "UPDATE messages SET created_at = created_at - ?",
    ] {
        sqlx::query(sql).bind(month).execute(&pool).await.unwrap();
    }
    let sent = count(
        &pool,
        "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
    )
    .await;
    drop(pool);
    let _server = Server::start(dir.path(), &[]);
    let pool = db(dir.path()).await;
    // Every text erased: as many empty bodies as messages and inbound rows.
    let all = count(
        &pool,
        "SELECT (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM inbound)",
    )
    .await;
    assert!(all >= 4, "{all}");
    common::wait_count(
        &pool,
        "SELECT (SELECT COUNT(*) FROM messages WHERE body = '') + (SELECT COUNT(*) FROM inbound WHERE body = '')",
        all,
        20,
    )
    .await;
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM inbound WHERE body != ''").await,
        0
    );
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'"
        )
        .await,
        sent,
        "states and counts stay"
    );
}
