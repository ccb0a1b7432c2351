//! Restart and crash: lists, members and queued messages survive; a kill -9 during a 10,000-member
//! fan-out loses nothing and duplicates only what was in flight.

mod common;

use std::time::{Duration, Instant};

use common::{db, phone, run_cli, tempdir, Server};

/// Write a CSV of `n` members (phones 1000..1000+n) and import them, consented and silent.
fn import_members(dir: &std::path::Path, list: &str, n: usize) {
    let csv = dir.join("members.csv");
    let mut text = String::from("phone,alias\n");
    for i in 0..n {
        text.push_str(&format!("{},m{i}\n", phone(1000 + i)));
    }
    std::fs::write(&csv, text).unwrap();
    let db_path = dir.join("smsup.db");
    let (ok, out, err) = run_cli(
        &[
            "members",
            "import",
            list,
            csv.to_str().unwrap(),
            "--consented",
            "--silent",
            "--db",
            db_path.to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "import failed: {out} {err}");
    assert!(out.contains(&format!("{n} added")), "{out}");
}

async fn count(pool: &sqlx::SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[tokio::test]
async fn lists_members_and_queued_messages_survive_a_restart() {
    let dir = tempdir();
    let owner = phone(1);
    {
        // A carrier so slow that the post is still queued when we stop.
        let mut server = Server::start(dir.path(), &[("SMSUP_SIM_SEGMENTS_PER_SECOND", "1")]);
        let c = server.client();
        c.ask(&owner, "CREATE housing").await;
        for i in 2..=6 {
            c.sms(&phone(i), "JOIN housing").await;
        }
        c.sms(&owner, "housing meeting at 5").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        server.stop();
    }
    let pool = db(dir.path()).await;
    let waiting = count(&pool, "SELECT COUNT(*) FROM outbox WHERE state = 'queued'").await;
    assert!(
        waiting >= 5,
        "messages were still queued at the stop ({waiting})"
    );
    pool.close().await;

    let server = Server::start(dir.path(), &[]);
    let c = server.client();
    let mut seen = std::collections::HashSet::new();
    for i in 2..=6 {
        let texts = c.wait_texts(&phone(i), 2).await;
        // The owner has no alias: their label in the list, the same for every member.
        let label = texts[1]
            .strip_prefix("[housing] #")
            .and_then(|t| t.strip_suffix(": meeting at 5"))
            .unwrap_or_else(|| panic!("{}", texts[1]));
        assert_eq!(label.len(), 4, "{label}");
        seen.insert(label.to_string());
    }
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(
        c.ask(&owner, "INFO housing").await,
        "housing: 6 members, open. You: owner."
    );
}

#[tokio::test]
async fn kill_9_during_a_10000_member_fan_out_loses_nothing() {
    const N: usize = 10_000;
    let dir = tempdir();
    let owner = phone(1);
    {
        let server = Server::start(dir.path(), &[]);
        server.client().ask(&owner, "CREATE crash").await;
    }
    import_members(dir.path(), "crash", N);

    // A simulated carrier at 2,000 SMS/s: the fan-out takes about 5 s; kill it midway.
    let mut server = Server::start(dir.path(), &[("SMSUP_SIM_SEGMENTS_PER_SECOND", "2000")]);
    let c = server.client();
    c.sms(&owner, "crash evacuate block C now").await;
    let pool = db(dir.path()).await;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let done = count(
            &pool,
            "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
        )
        .await;
        if done >= 2_000 {
            break;
        }
        assert!(Instant::now() < deadline, "fan-out did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill9();
    let delivered_at_crash = count(
        &pool,
        "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
    )
    .await;
    let in_flight = count(&pool, "SELECT COUNT(*) FROM outbox WHERE state = 'sending'").await;
    assert!(
        (delivered_at_crash as usize) < N,
        "the kill came before the end"
    );

    // Restart at full speed: everything is sent.
    let server = Server::start(dir.path(), &[]);
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let open = count(
            &pool,
            "SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')",
        )
        .await;
        if open == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "{open} messages still open");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // One row per member, the sender excluded, every one delivered.
    let post_rows = count(
        &pool,
        "SELECT COUNT(*) FROM outbox o JOIN posts p ON p.message_id = o.message_id",
    )
    .await;
    assert_eq!(post_rows as usize, N);
    let delivered = count(
        &pool,
        "SELECT COUNT(DISTINCT o.recipient_id) FROM outbox o JOIN posts p ON p.message_id = o.message_id
         WHERE o.state = 'delivered'",
    )
    .await;
    assert_eq!(delivered as usize, N, "every member got the post");
    // Sent twice: exactly the rows that were in flight at the kill, and those are few.
    let resent = count(
        &pool,
        "SELECT COALESCE(SUM(attempts - 1), 0) FROM outbox o JOIN posts p ON p.message_id = o.message_id",
    )
    .await;
    assert_eq!(resent, in_flight, "duplicates only from what was in flight");
    assert!(
        in_flight <= 64,
        "{in_flight} in flight is more than the window"
    );
    eprintln!(
        "crash test: {delivered_at_crash} delivered before kill -9, {in_flight} in flight re-sent, {N} delivered in all"
    );
    drop(server);
}
