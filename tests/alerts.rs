//! Security alerts through the simulator: an alert overtakes a bulk post already queued to the same
//! people, a message of it that could not leave in time expires and is never delivered late, and
//! only the owner, admins and reporters send alerts.

mod common;

use common::{count, db, import_members_beside, phone, spawn_app, tempdir};

/// Waits until `n` alerts have had their reach report and every message has left (a report
/// arrives by itself: a test asks its next question after it).
async fn settle(pool: &sqlx::SqlitePool, n: i64) {
    common::wait_count(
        pool,
        "SELECT COUNT(*) FROM posts WHERE alert IN (1, 2) AND reported_at IS NOT NULL",
        n,
        20,
    )
    .await;
    common::wait_drained(pool, 20).await;
}

/// The id of the latest post (an alert is a post in the alert lane).
async fn latest_post(pool: &sqlx::SqlitePool) -> (i64, i64) {
    sqlx::query_as("SELECT message_id, created_at FROM posts ORDER BY id DESC LIMIT 1")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_alert_overtakes_a_bulk_post_already_queued_to_the_same_people() {
    let dir = tempdir();
    // A carrier allowing 150 segments a second, and a dispatcher that keeps 20 messages in flight:
    // a post to 600 members takes 4 seconds to leave.
    let app = spawn_app(
        dir.path(),
        &[
            ("SMSUP_SIM_SEGMENTS_PER_SECOND", "150"),
            ("SMSUP_DISPATCHER_BATCH", "20"),
        ],
    )
    .await;
    let c = app.client();
    let owner = phone(1);
    c.ask(&owner, "CREATE safety").await;
    c.ask(&owner, "NAME Amina").await;
    import_members_beside(dir.path(), "safety", 600).await;
    let pool = db(dir.path()).await;

    c.ask(&owner, "safety Weekly news: the clinic is open on Saturday")
        .await;
    let (bulk, _) = latest_post(&pool).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    c.sms(&owner, "ALERT safety Police checkpoint at the bridge")
        .await;
    common::wait_count(&pool, "SELECT COUNT(*) FROM posts WHERE alert = 1", 1, 10).await;
    // The bulk messages still queued once the alert is: none of them may leave before it.
    let still_queued: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT id FROM outbox WHERE message_id = {bulk} AND state = 'queued'"
    ))
    .fetch_all(&pool)
    .await
    .unwrap();
    let (alert, alert_at) = latest_post(&pool).await;
    assert_ne!(alert, bulk);
    let alert_post = count(&pool, "SELECT id FROM posts WHERE alert = 1").await;
    common::wait_drained(&pool, 60).await;

    let q = |sql: String| {
        let pool = pool.clone();
        async move { count(&pool, &sql).await }
    };
    // Every member got the alert, as the owner's alert.
    assert_eq!(
        q(format!("SELECT COUNT(*) FROM outbox WHERE message_id = {alert} AND state = 'delivered' AND priority = 0")).await,
        600
    );
    let text = c.texts(&phone(1000 + 599)).await;
    assert!(
        text.contains(&"[safety] ALERT Amina: Police checkpoint at the bridge".to_string()),
        "{text:?}"
    );
    let last_alert = q(format!(
        "SELECT MAX(sent_at) FROM outbox WHERE message_id = {alert}"
    ))
    .await;
    let first_alert = q(format!(
        "SELECT MIN(sent_at) FROM outbox WHERE message_id = {alert}"
    ))
    .await;
    let ids = still_queued
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let overtaken = q(format!(
        "SELECT COUNT(*) FROM outbox WHERE id IN ({ids}) AND sent_at < {last_alert}"
    ))
    .await;
    let in_flight = q(format!(
        "SELECT COUNT(*) FROM outbox WHERE message_id = {bulk} AND sent_at > {alert_at}"
    ))
    .await
        - still_queued.len() as i64;
    println!(
        "alert to 600 behind {} queued bulk messages: first sent {} ms after it arrived, last {} ms; {in_flight} bulk messages already in flight left in between",
        still_queued.len(),
        first_alert - alert_at,
        last_alert - alert_at
    );
    assert!(
        still_queued.len() > 300,
        "the bulk post was nearly out before the alert"
    );
    assert_eq!(
        overtaken, 0,
        "bulk messages still queued left before the alert was out"
    );
    assert!(
        first_alert - alert_at < 1_000,
        "the first alert message took {} ms",
        first_alert - alert_at
    );
    let answer = c.wait_texts(&owner, 4).await[3].clone();
    assert_eq!(
        answer,
        format!("Alert A{alert_post} sent to 600 members of safety, before everything else. To correct it: CORRECT A{alert_post} your message")
    );
    // The sender heard at once, not after the 600 messages.
    let answered = q(
        "SELECT o.sent_at FROM outbox o JOIN messages g ON g.id = o.message_id
         WHERE g.body LIKE 'Alert A% sent to%'"
            .to_string(),
    )
    .await;
    assert!(
        answered - alert_at < 1_000 && answered < last_alert - 2_000,
        "answered {} ms after the alert arrived, its last message {} ms",
        answered - alert_at,
        last_alert - alert_at
    );
    // Each member got the alert before the rest of the news, when the news was still queued.
    let later_news = q(format!(
        "SELECT COUNT(*) FROM outbox b JOIN outbox a ON a.recipient_id = b.recipient_id
         WHERE b.message_id = {bulk} AND a.message_id = {alert}
           AND b.sent_at > {last_alert} AND b.sent_at < a.sent_at"
    ))
    .await;
    assert_eq!(later_news, 0);
    // The owner is told the alert's reach by itself, once 95% of it is delivered.
    settle(&pool, 1).await;
    let texts = c.texts(&owner).await;
    let reports: Vec<&String> = texts
        .iter()
        .filter(|t| t.starts_with(&format!("Alert A{alert_post}: ")))
        .collect();
    assert_eq!(reports.len(), 1, "{texts:?}");
    let delivered: u64 = common::digits_after(reports[0], ": ").parse().unwrap();
    let waiting: u64 = common::digits_after(reports[0], "expired, ")
        .parse()
        .unwrap();
    assert!(
        (570..=600).contains(&delivered) && delivered + waiting == 600,
        "{}",
        reports[0]
    );
    assert!(reports[0].contains(" of 600 delivered, 0 failed, 0 expired, "));
    // /metrics has the alert lane's latencies (other tests of this file add theirs).
    let (_, metrics) = c.get_text("/metrics").await;
    for name in ["smsup_alert_sent_seconds", "smsup_alert_delivered_seconds"] {
        let line = format!("{name}_count{{gateway=\"sim\"}} ");
        let n: u64 = metrics
            .lines()
            .find_map(|l| l.strip_prefix(&line))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {line} in\n{metrics}"));
        assert!(n >= 600, "{name}: {n}");
        assert!(metrics.contains(&format!("{name}_bucket{{gateway=\"sim\",le=\"1800\"}}")));
    }
}

#[tokio::test]
async fn an_alert_that_cannot_leave_in_time_expires_and_is_never_delivered_late() {
    let dir = tempdir();
    let app = spawn_app(
        dir.path(),
        &[
            ("SMSUP_SIM_SEGMENTS_PER_SECOND", "10"),
            ("SMSUP_DISPATCHER_BATCH", "5"),
            ("SMSUP_ALERTS_EXPIRE_MINUTES", "30"),
        ],
    )
    .await;
    let c = app.client();
    let owner = phone(1);
    c.ask(&owner, "CREATE safety").await;
    import_members_beside(dir.path(), "safety", 100).await;
    let pool = db(dir.path()).await;
    // Sent without waiting for the answer: it comes after the alert (its lane goes first).
    c.sms(&owner, "ALERT safety Do not go to the market today")
        .await;
    common::wait_count(&pool, "SELECT COUNT(*) FROM posts WHERE alert = 1", 1, 10).await;
    let (alert, alert_at) = latest_post(&pool).await;
    let expires: i64 = count(
        &pool,
        &format!("SELECT MIN(expires_at) FROM outbox WHERE message_id = {alert}"),
    )
    .await;
    assert_eq!(
        expires - alert_at,
        30 * 60_000,
        "expires after the setting's 30 minutes"
    );
    // A moment later most of it still waits for the slow carrier; then its 30 minutes pass.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    sqlx::query("UPDATE outbox SET expires_at = 1 WHERE message_id = ? AND state = 'queued'")
        .bind(alert)
        .execute(&pool)
        .await
        .unwrap();
    common::wait_drained(&pool, 30).await;
    let expired = count(
        &pool,
        &format!("SELECT COUNT(*) FROM outbox WHERE message_id = {alert} AND state = 'expired'"),
    )
    .await;
    let delivered = count(
        &pool,
        &format!("SELECT COUNT(*) FROM outbox WHERE message_id = {alert} AND state = 'delivered'"),
    )
    .await;
    assert!(expired >= 50, "only {expired} expired");
    assert_eq!(expired + delivered, 100);
    // The members whose message expired never got it.
    let got = {
        let mut got = 0;
        for i in 0..100 {
            if c.outbox(&phone(1000 + i)).await.iter().any(|m| {
                m["status"] == "delivered"
                    && m["text"]
                        .as_str()
                        .is_some_and(|t| t.contains("market today"))
            }) {
                got += 1;
            }
        }
        got
    };
    assert_eq!(got, delivered);
    // Its sender learns what expired.
    settle(&pool, 1).await;
    let report = c.texts(&owner).await.last().cloned().unwrap_or_default();
    assert_eq!(
        report,
        format!("Alert A{}: {delivered} of 100 delivered, 0 failed, {expired} expired, 0 on the way, 0 min after it was sent.",
            count(&pool, "SELECT id FROM posts WHERE alert = 1").await)
    );
}

#[tokio::test]
async fn reporters_send_alerts_until_the_role_is_taken_back() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, bob, carol) = (phone(1), phone(2), phone(3));
    c.ask(&owner, "CREATE safety").await;
    for (who, alias) in [(&bob, "Bob"), (&carol, "Carol")] {
        c.ask(who, "JOIN safety").await;
        c.ask(who, &format!("NAME {alias}")).await;
    }
    let refused = c.ask(&bob, "ALERT safety Raid at the market").await;
    assert!(
        refused.contains("Only the owner, admins and reporters"),
        "{refused}"
    );
    assert!(c
        .ask(&carol, "REPORTER safety Bob")
        .await
        .contains("Only the owner or admins"));

    let made = c.ask(&owner, "REPORTER safety Bob").await;
    assert_eq!(made, "Bob can now send alerts to safety.");
    let told = c.wait_texts(&bob, 4).await[3].clone();
    assert!(told.ends_with("ALERT safety your message"), "{told}");
    let sent = c.ask(&bob, "ALERT safety Raid at the market").await;
    assert!(sent.contains(" sent to 2 members"), "{sent}");
    let got = c.wait_texts(&carol, 4).await[3].clone();
    assert_eq!(got, "[safety] ALERT Bob: Raid at the market");
    let pool = db(dir.path()).await;
    settle(&pool, 1).await;

    // Taken back; and leaving the list ends the role for good (a rejoin is a plain member).
    c.ask(&owner, "REPORTER safety Bob OFF").await;
    assert!(c
        .ask(&bob, "ALERT safety again")
        .await
        .contains("Only the owner"));
    c.ask(&owner, "REPORTER safety Carol").await;
    c.ask(&carol, "LEAVE safety").await;
    c.ask(&carol, "JOIN safety").await;
    assert!(c
        .ask(&carol, "ALERT safety hello")
        .await
        .contains("Only the owner"));
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM audit WHERE action IN ('reporter', 'reporter-off', 'alert')"
        )
        .await,
        4
    );
}

#[tokio::test]
async fn alerts_leave_the_posting_limits_alone_and_a_drill_waits_behind_real_alerts() {
    let dir = tempdir();
    let app = spawn_app(
        dir.path(),
        &[("SMSUP_LIMITS_POSTS_PER_SENDER_PER_HOUR", "2")],
    )
    .await;
    let c = app.client();
    let (owner, bob) = (phone(1), phone(2));
    c.ask(&owner, "CREATE safety").await;
    c.ask(&bob, "JOIN safety").await;
    let pool = db(dir.path()).await;
    for i in 0..3 {
        let sent = c
            .ask(&owner, &format!("ALERT safety Raid near block {i}"))
            .await;
        assert!(sent.contains(" sent to 1 member of"), "{sent}");
        settle(&pool, i + 1).await;
    }
    // Three alerts do not use up the owner's two posts of the hour: the all-clear goes.
    let clear = c.ask(&owner, "safety All clear, the police left").await;
    assert_eq!(clear, "Sent to 1 member.");
    let drill = c
        .ask(&owner, "ALERT safety test: evacuation drill on Sunday")
        .await;
    assert!(
        drill.starts_with("TEST alert sent to 1 member of safety"),
        "{drill}"
    );
    settle(&pool, 4).await;
    let got = c.wait_texts(&bob, 6).await;
    assert!(
        got[5].starts_with("[safety] TEST ALERT #")
            && got[5].ends_with(": evacuation drill on Sunday"),
        "{}",
        got[5]
    );
    // Real alerts in lane 0, the drill in the replies' lane 1, both with an expiry.
    let lanes: Vec<(i64, i64, bool)> = sqlx::query_as(
        "SELECT p.alert, o.priority, o.expires_at IS NOT NULL FROM posts p
         JOIN outbox o ON o.message_id = p.message_id ORDER BY p.id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        lanes,
        vec![
            (1, 0, true),
            (1, 0, true),
            (1, 0, true),
            (0, 2, false),
            (2, 1, true)
        ]
    );
}

#[tokio::test]
async fn a_correction_reaches_everyone_the_alert_reached_and_cancels_the_rest() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[("SMSUP_SIM_SEGMENTS_PER_SECOND", "20")]).await;
    let c = app.client();
    let (owner, reporter) = (phone(1), phone(2));
    c.ask(&owner, "CREATE safety").await;
    c.ask(&reporter, "JOIN safety").await;
    c.ask(&reporter, "NAME Hassan").await;
    c.ask(&owner, "REPORTER safety Hassan").await;
    import_members_beside(dir.path(), "safety", 200).await;
    let pool = db(dir.path()).await;
    let sent = c
        .ask(&reporter, "ALERT safety Raid at Chow Kit market")
        .await;
    let code = common::label_after(&sent, "Alert ");
    assert!(code.starts_with('A'), "{sent}");
    // A member who got the alert is removed before the correction: they do not get it.
    c.sms(&owner, "REMOVE safety m0").await;
    let corrected = c
        .ask(
            &reporter,
            &format!("CORRECT {code} Wrong market: it is Pudu, not Chow Kit"),
        )
        .await;
    assert!(
        corrected.starts_with(&format!("Correction to {code} sent")),
        "{corrected}"
    );
    common::wait_drained(&pool, 60).await;
    // Someone else in the list cannot use the code.
    let nosy = c
        .ask(&phone(1000), &format!("CORRECT {code} all clear"))
        .await;
    assert!(nosy.starts_with("There is no alert"), "{nosy}");
    let alert = "(SELECT message_id FROM posts WHERE alert = 1)";
    let correction = "(SELECT message_id FROM posts WHERE alert = 3)";
    let reached = count(
        &pool,
        &format!("SELECT COUNT(*) FROM outbox WHERE message_id = {alert} AND state = 'delivered'"),
    )
    .await;
    let cancelled = count(
        &pool,
        &format!("SELECT COUNT(*) FROM outbox WHERE message_id = {alert} AND state = 'cancelled'"),
    )
    .await;
    let fixed = count(
        &pool,
        &format!(
            "SELECT COUNT(*) FROM outbox WHERE message_id = {correction} AND state = 'delivered'"
        ),
    )
    .await;
    println!("alert reached {reached} of 201 before the correction; {cancelled} cancelled");
    assert!(
        cancelled > 50,
        "the alert was nearly out before the correction: {cancelled} cancelled"
    );
    assert_eq!(reached + cancelled, 201);
    let m0_got_it = count(&pool, &format!("SELECT COUNT(*) FROM outbox o JOIN members m ON m.id = o.recipient_id WHERE o.message_id = {alert} AND o.state = 'delivered' AND m.alias = 'm0'")).await;
    assert_eq!(
        m0_got_it, 1,
        "the first member got the alert before the correction"
    );
    assert_eq!(
        fixed,
        reached - 1 + 1,
        "the correction goes to whoever got the alert and is still in the list, and to its sender"
    );
    assert!(c
        .texts(&reporter)
        .await
        .iter()
        .any(|t| t.contains("CORRECTION Hassan")));
    assert!(!c
        .texts(&phone(1000))
        .await
        .iter()
        .any(|t| t.contains("CORRECTION")));
    // Exactly those: every member who got the alert got the correction.
    let mismatched = count(
        &pool,
        &format!(
            "SELECT COUNT(*) FROM outbox a WHERE a.message_id = {alert} AND a.state = 'delivered'
             AND a.recipient_id IN (SELECT member_id FROM memberships WHERE state = 'active')
             AND NOT EXISTS (SELECT 1 FROM outbox b WHERE b.message_id = {correction}
                             AND b.recipient_id = a.recipient_id AND b.state = 'delivered')"
        ),
    )
    .await;
    assert_eq!(mismatched, 0);
    settle(&pool, 1).await;
    // STATUS tells its sender how far the alert got (the cancelled part is not counted).
    let status = c.ask(&reporter, &format!("STATUS {code}")).await;
    assert_eq!(
        status,
        format!("Alert {code}: {reached} of {reached} delivered, 0 failed, 0 expired, 0 on the way, 0 min after it was sent.")
    );
    let nosy = c.ask(&phone(1001), &format!("STATUS {code}")).await;
    assert_eq!(nosy, format!("There is no alert {code} of yours."));
    let owner_texts = c.texts(&owner).await;
    assert!(
        owner_texts
            .iter()
            .any(|t| t == "[safety] CORRECTION Hassan: Wrong market: it is Pudu, not Chow Kit"),
        "{owner_texts:?}"
    );
}

#[tokio::test]
async fn under_the_two_person_rule_an_alert_waits_for_a_second_admins_ok() {
    let dir = tempdir();
    let app = spawn_app(dir.path(), &[]).await;
    let c = app.client();
    let (owner, ayesha, bob) = (phone(1), phone(2), phone(3));
    c.ask(&owner, "CREATE safety").await;
    c.ask(&owner, "NAME Amina").await;
    // The owner alone cannot turn the rule on: someone else must be able to confirm.
    let alone = c.ask(&owner, "ALERTS safety CONFIRM").await;
    assert!(
        alone.starts_with("Name a second admin of safety first"),
        "{alone}"
    );
    for (who, alias) in [(&ayesha, "Ayesha"), (&bob, "Bob")] {
        c.ask(who, "JOIN safety").await;
        c.ask(who, &format!("NAME {alias}")).await;
    }
    c.ask(&owner, "ADMIN safety Ayesha").await;
    assert!(c
        .ask(&ayesha, "ALERTS safety DIRECT")
        .await
        .starts_with("Only the owner"));
    let on = c.ask(&owner, "ALERTS safety CONFIRM").await;
    assert_eq!(
        on,
        "Each alert to safety now waits for the OK of a second admin or the owner. Back: ALERTS safety DIRECT"
    );
    let pool = db(dir.path()).await;
    let ayesha_before = c.texts(&ayesha).await.len();
    let bob_before = c.texts(&bob).await.len();

    let waiting = c.ask(&owner, "ALERT safety Raid at the market").await;
    let code = common::label_after(&waiting, "Alert ");
    assert!(
        waiting.starts_with(&format!("Alert {code} to safety waits for the OK")),
        "{waiting}"
    );
    let asked = c.wait_texts(&ayesha, ayesha_before + 1).await;
    assert_eq!(
        asked[ayesha_before],
        format!("Alert {code} to safety waits for your OK (OK {code} sends it): [safety] ALERT Amina: Raid at the market")
    );
    // Nothing went to the members yet; its sender cannot confirm it, nor can a plain member.
    common::wait_drained(&pool, 10).await;
    assert_eq!(c.texts(&bob).await.len(), bob_before);
    let own = c.ask(&owner, &format!("OK {code}")).await;
    assert!(
        own.starts_with("Another admin or the owner must send"),
        "{own}"
    );
    let nosy = c.ask(&bob, &format!("OK {code}")).await;
    assert_eq!(nosy, format!("There is no alert {code} of yours."));
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM posts WHERE alert = 4").await,
        1
    );

    // The second admin's OK sends it, from its sender, and its sender is told.
    let bob_before = c.texts(&bob).await.len();
    let sent = c.ask(&ayesha, &format!("ok {}", code.to_lowercase())).await;
    assert!(
        sent.starts_with(&format!("Alert {code} sent to 2 members of safety")),
        "{sent}"
    );
    let got = c.wait_texts(&bob, bob_before + 1).await;
    assert_eq!(got[bob_before], "[safety] ALERT Amina: Raid at the market");
    settle(&pool, 1).await;
    let owner_texts = c.texts(&owner).await;
    assert!(
        owner_texts.contains(&format!(
            "Your alert {code} was confirmed and went to 2 members of safety."
        )),
        "{owner_texts:?}"
    );
    // Sent once: a second OK finds nothing waiting; the alert lane and expiry as any alert.
    let again = c.ask(&ayesha, &format!("OK {code}")).await;
    assert_eq!(again, format!("There is no alert {code} of yours."));
    let rows: Vec<(i64, bool)> = sqlx::query_as(
        "SELECT o.priority, o.expires_at IS NOT NULL FROM outbox o
         JOIN posts p ON p.message_id = o.message_id WHERE p.alert = 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rows, vec![(0, true), (0, true)]);
    // `ok thanks` is no command; DIRECT sends alerts at once again.
    let thanks = c.ask(&bob, "ok thanks").await;
    assert!(!thanks.contains("alert"), "{thanks}");
    c.ask(&owner, "ALERTS safety DIRECT").await;
    let direct = c.ask(&owner, "ALERT safety All clear").await;
    assert!(direct.contains(" sent to 2 members"), "{direct}");
    let audit = count(
        &pool,
        "SELECT COUNT(*) FROM audit WHERE action IN ('alerts-confirm', 'alert-held', 'alert-ok', 'alerts-direct')",
    )
    .await;
    assert_eq!(audit, 4);
}

#[tokio::test]
async fn a_reporter_banned_after_a_false_alert_never_learns_its_reach() {
    let dir = tempdir();
    // A slow carrier: the alert is far from 95% delivered when the owner acts.
    let app = spawn_app(dir.path(), &[("SMSUP_SIM_SEGMENTS_PER_SECOND", "40")]).await;
    let c = app.client();
    let (owner, rogue) = (phone(1), phone(2));
    c.ask(&owner, "CREATE safety").await;
    c.ask(&rogue, "JOIN safety").await;
    c.ask(&rogue, "NAME Hassan").await;
    c.ask(&owner, "REPORTER safety Hassan").await;
    import_members_beside(dir.path(), "safety", 120).await;
    let pool = db(dir.path()).await;
    let sent = c.ask(&rogue, "ALERT safety False raid, run").await;
    let code = common::label_after(&sent, "Alert ");
    c.ask(&owner, "BAN safety Hassan").await;
    c.ask(&owner, &format!("CORRECT {code} There is no raid"))
        .await;
    settle(&pool, 1).await;
    let texts = c.texts(&rogue).await;
    assert!(
        !texts
            .iter()
            .any(|t| t.starts_with(&format!("Alert {code}: "))),
        "{texts:?}"
    );
    // The owner may still ask.
    let status = c.ask(&owner, &format!("STATUS {code}")).await;
    assert!(status.starts_with(&format!("Alert {code}: ")), "{status}");
}
