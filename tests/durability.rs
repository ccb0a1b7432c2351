//! Restart and crash: lists, members and queued messages survive; a kill -9 during a 10,000-member
//! fan-out loses nothing and duplicates only what was in flight.

mod common;

use std::time::Duration;

use common::{
    count, db, import_members, latest_post_rows, phone, tempdir, wait_count, wait_drained, Server,
};

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
async fn kill_9_at_five_random_moments_of_a_fan_out_loses_nothing() {
    use rand::Rng;
    const N: usize = 5_000;
    let dir = tempdir();
    let owner = phone(1);
    {
        let server = Server::start(dir.path(), &[]);
        server.client().ask(&owner, "CREATE crash").await;
    }
    import_members(dir.path(), "crash", N);
    let pool = db(dir.path()).await;
    let delivered = "SELECT COUNT(*) FROM outbox WHERE state = 'delivered' \
                     AND message_id = (SELECT MAX(message_id) FROM posts)";
    let mut rng = rand::thread_rng();
    for trial in 1..=5 {
        // A simulated carrier at 2,000 SMS/s: each fan-out takes about 2.5 s; kill -9 at a random
        // moment of it.
        let mut server = Server::start(dir.path(), &[("SMSUP_SIM_SEGMENTS_PER_SECOND", "2000")]);
        let c = server.client();
        c.sms(&owner, &format!("crash evacuate block {trial} now"))
            .await;
        let kill_after = rng.gen_range(1..(N as i64 - 300));
        wait_count(&pool, delivered, kill_after, 60).await;
        server.kill9();
        let delivered_at_crash = count(&pool, delivered).await;
        let in_flight = count(&pool, "SELECT COUNT(*) FROM outbox WHERE state = 'sending'").await;
        assert!(
            (delivered_at_crash as usize) < N,
            "trial {trial}: the kill came before the end"
        );

        // Restart at full speed: everything is sent.
        let server = Server::start(dir.path(), &[]);
        wait_drained(&pool, 120).await;
        // One row per member, the sender excluded, every one delivered; sent twice: exactly the
        // rows that were in flight at the kill, and those are few.
        let (rows, got, resent) = latest_post_rows(&pool).await;
        assert_eq!(rows as usize, N, "trial {trial}");
        assert_eq!(got as usize, N, "trial {trial}: every member got the post");
        assert_eq!(
            resent, in_flight,
            "trial {trial}: duplicates only from what was in flight"
        );
        assert!(
            in_flight <= 64,
            "trial {trial}: {in_flight} in flight is more than the window"
        );
        eprintln!(
            "crash trial {trial}: kill -9 after {delivered_at_crash} of {N} delivered, {in_flight} in flight re-sent, {N} delivered in all"
        );
        drop(server);
    }
}
