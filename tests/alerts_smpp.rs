//! A security alert overtaking a bulk post on a rate-limited SMPP channel, end to end: the real
//! `smsup serve` binary with an `[smpp]` channel of 200 segments a second to a node-smpp SMSC
//! (interop/smpp/smsc.js), a 5,000-member post queued and sending, then an ALERT to a 300-member
//! list of which 100 are also in the first. What the SMSC received, in its order and by its clock:
//! the bulk messages in flight when the alert was queued (at most 4 × the window) arrive before it,
//! and after them no bulk message still queued then arrives until all 300 alert messages have
//! ([`LANE_BOUNDARY`]: none); the first within 1 s of the ALERT
//! being accepted and the last within 2 s plus what the rate demands; a member of both lists whose
//! bulk message was still queued gets the alert first. The reach report the owner receives agrees
//! with the receipts the SMSC sent.
//!
//! Needs `node` and `interop/node_modules` (`./test.sh` installs them).

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::smsc::{epoch_ms, NodeSmsc};
use common::*;
use serde_json::Value;

/// Members of the bulk post's list.
const NEWS: usize = 5_000;
/// Members of the alert's list, of whom [`OVERLAP`] are also in "news".
const SAFETY: usize = 300;
const OVERLAP: usize = 100;
/// The channel's rate, segments per second.
const RATE: usize = 200;
/// The SMPP window (unacknowledged submit_sm at once on the bind).
const WINDOW: usize = 10;
/// The dispatcher keeps up to 4 × window messages of a bind in flight (`SmppGateway::start_named`):
/// the bulk messages already handed to the channel when the alert is queued, sent before it.
const IN_FLIGHT: usize = 4 * WINDOW;
/// Bulk messages claimed together with the alert's last ones that may reach the SMSC before them:
/// none, since the dispatcher starts the sends of a claim in its order (before, tokio ran their
/// tasks in no fixed order, and one bulk message came before the alert's 300th in about half the
/// runs).
const LANE_BOUNDARY: usize = 0;
const BULK: &str = "Weekly news: the clinic is open on Saturday morning";
const ALERT: &str = "Police checkpoint at the bridge, take the river road";

/// The i-th member of "news" (a range no other test uses).
fn news_number(i: usize) -> String {
    format!("+60112{i:07}")
}

/// The members of "safety": every 25th of the first 2,500 members of "news" (some of their bulk
/// messages sent before the alert, most still queued), then 200 of its own.
fn safety_numbers() -> (Vec<String>, Vec<String>) {
    let both: Vec<String> = (0..OVERLAP).map(|i| news_number(i * 25)).collect();
    let own = (0..SAFETY - OVERLAP).map(|j| format!("+60112{:07}", 1_000_000 + j));
    (both.clone(), both.into_iter().chain(own).collect())
}

/// Imports `numbers` into `list`, consented and silent, as an organisation would.
fn import(dir: &Path, list: &str, numbers: &[String]) {
    let csv = dir.join(format!("{list}.csv"));
    let mut text = String::from("phone\n");
    for n in numbers {
        text.push_str(n);
        text.push('\n');
    }
    std::fs::write(&csv, text).unwrap();
    let db = dir.join("smsup.db");
    let (ok, out, err) = run_cli(
        &[
            "members",
            "import",
            list,
            csv.to_str().unwrap(),
            "--consented",
            "--silent",
            "--db",
            db.to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "import failed: {out} {err}");
    assert!(out.contains(&format!("{} added", numbers.len())), "{out}");
}

/// `smsup.toml` with one `[smpp]` channel to `port` at [`RATE`] segments a second.
fn smpp_config(dir: &Path, port: u16) -> PathBuf {
    let path = dir.join("smsup.toml");
    std::fs::write(
        &path,
        format!(
            "[smpp]\nhost = \"127.0.0.1\"\nport = {port}\nsystem_id = \"alerts\"\npassword = \"pw\"\n\
             window = {WINDOW}\nsegments_per_second = {RATE}\n"
        ),
    )
    .unwrap();
    path
}

/// Waits until serve's SMPP bind is up.
async fn wait_bind_up(server: &Server) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, body) = server.client().get_text("/metrics").await;
        if body
            .lines()
            .any(|l| l.starts_with("smsup_channel_up{") && l.ends_with(" 1"))
        {
            return;
        }
        assert!(Instant::now() < deadline, "the SMPP bind is not up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A submit the SMSC received: its place in the SMSC's order, when (ms since the epoch, the SMSC's
/// clock), to whom, and whether it asked for a receipt.
struct Submit {
    at: i64,
    to: String,
    alert: bool,
    receipt: bool,
}

/// Every submit so far, in the order the SMSC received them; each is the alert or the bulk post.
fn submits(smsc: &NodeSmsc) -> Vec<Submit> {
    let t0 = smsc.started_at_ms();
    smsc.events("submit")
        .iter()
        .map(|s: &Value| {
            let text = s["text"].as_str().unwrap_or_default();
            let alert = text.contains(ALERT);
            assert!(alert || text.contains(BULK), "an unexpected message: {s}");
            Submit {
                at: t0 + s["at_ms"].as_i64().unwrap(),
                to: s["to"]
                    .as_str()
                    .unwrap_or_default()
                    .trim_start_matches('+')
                    .to_string(),
                alert,
                receipt: s["registered_delivery"].as_u64().unwrap_or(0) & 1 == 1,
            }
        })
        .collect()
}

/// Waits until `done` holds for the SMSC's submits, for at most `secs` seconds.
async fn wait_submits(smsc: &NodeSmsc, secs: u64, what: &str, done: impl Fn(&[Submit]) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if done(&submits(smsc)) {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: not within {secs} s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn digits(s: &str) -> String {
    s.trim_start_matches('+').to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_alert_overtakes_a_bulk_post_on_a_rate_limited_smpp_channel() {
    let started = Instant::now();
    let dir = tempdir();
    let smsc = NodeSmsc::start(0, &[]);
    let config = smpp_config(dir.path(), smsc.port);
    let owner = phone(1);
    {
        let mut server = Server::start(dir.path(), &[]);
        let c = server.client();
        c.ask(&owner, "CREATE news").await;
        c.ask(&owner, "CREATE safety").await;
        c.ask(&owner, "NAME Amina").await;
        server.stop();
    }
    let news: Vec<String> = (0..NEWS).map(news_number).collect();
    let (both, safety) = safety_numbers();
    import(dir.path(), "news", &news);
    import(dir.path(), "safety", &safety);
    let server = Server::start(
        dir.path(),
        &[
            ("SMSUP_CONFIG", config.to_str().unwrap()),
            ("SMSUP_SIM_ENABLED", "true"),
        ],
    );
    wait_bind_up(&server).await;
    let c = server.client();
    let pool = db(dir.path()).await;
    let imported = started.elapsed();

    // The bulk post: queued for all 5,000, and a second of it sent.
    c.sms(&owner, &format!("news {BULK}")).await;
    wait_count(
        &pool,
        "SELECT COUNT(*) FROM outbox WHERE message_id = (SELECT MAX(message_id) FROM posts)",
        NEWS as i64,
        20,
    )
    .await;
    let bulk: i64 = count(&pool, "SELECT MAX(message_id) FROM posts").await;
    wait_submits(&smsc, 20, "a second of the bulk post", |s| s.len() >= RATE).await;

    // The alert.
    let asked = epoch_ms();
    c.sms(&owner, &format!("ALERT safety {ALERT}")).await;
    let accepted = epoch_ms();
    // As soon as its messages are queued: the bulk messages in flight then (one read).
    let (alert, queued_at, sending_then, queued_then): (i64, i64, i64, i64) = {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let row: Option<(i64, i64, i64, i64)> = sqlx::query_as(&format!(
                "SELECT p.message_id,
                        (SELECT MIN(created_at) FROM outbox WHERE message_id = p.message_id),
                        (SELECT COUNT(*) FROM outbox WHERE message_id = {bulk} AND state = 'sending'),
                        (SELECT COUNT(*) FROM outbox WHERE message_id = {bulk} AND state = 'queued')
                 FROM posts p WHERE p.alert = 1
                   AND (SELECT COUNT(*) FROM outbox WHERE message_id = p.message_id) > 0"
            ))
            .fetch_optional(&pool)
            .await
            .unwrap();
            if let Some(row) = row {
                break row;
            }
            assert!(Instant::now() < deadline, "the alert was not queued");
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    };
    assert_eq!(
        count(
            &pool,
            &format!("SELECT COUNT(*) FROM outbox WHERE message_id = {alert} AND priority = 0")
        )
        .await,
        SAFETY as i64,
        "one message in the alert lane per member of safety"
    );
    let overlap: HashSet<String> = both.iter().map(|n| digits(n)).collect();
    // Every member of both lists has had both messages (the alert, then their bulk message).
    wait_submits(
        &smsc,
        30,
        "the alert and the overlapping members' bulk",
        |s| {
            let alerts: HashSet<&str> = s.iter().filter(|m| m.alert).map(|m| &*m.to).collect();
            let bulk_both = s
                .iter()
                .filter(|m| !m.alert && overlap.contains(&m.to))
                .count();
            alerts.len() >= SAFETY && bulk_both >= OVERLAP
        },
    )
    .await;
    let all = submits(&smsc);
    let alerts: Vec<usize> = (0..all.len()).filter(|&i| all[i].alert).collect();
    assert_eq!(
        alerts.len(),
        SAFETY,
        "each member of safety got the alert once"
    );
    let to_alert: HashSet<&str> = alerts.iter().map(|&i| &*all[i].to).collect();
    let safety_digits: HashSet<String> = safety.iter().map(|n| digits(n)).collect();
    assert_eq!(
        to_alert,
        safety_digits.iter().map(String::as_str).collect(),
        "the alert went to the members of safety, no one else"
    );
    let (first, last) = (alerts[0], *alerts.last().unwrap());
    // Counted, not timed: when the alert was queued, NEWS - queued_then bulk messages had been
    // handed to the channel (sent, or in flight: sending_then of them); every other bulk message
    // that reaches the SMSC before the alert's last one overtook part of the alert.
    let handed = NEWS - queued_then as usize;
    let bulk_before = |end: usize| all[..end].iter().filter(|m| !m.alert).count();
    // Of those in flight, how many reached the SMSC before the alert's first message.
    let ahead = bulk_before(first).saturating_sub(handed - sending_then as usize);
    let between = bulk_before(last) - bulk_before(first);
    let overtook = bulk_before(last).saturating_sub(handed);
    let first_ms = all[first].at - accepted;
    let last_ms = all[last].at - accepted;
    let floor_ms = (SAFETY * 1000 / RATE) as i64;

    // Members of both lists: whose bulk message reached the SMSC after the alert's first message
    // (it was still queued, or in flight, when the alert was queued) got the alert before it.
    let mut after_first = 0;
    for n in &overlap {
        let alert_at = (0..all.len()).find(|&i| all[i].alert && all[i].to == *n);
        let bulk_at = (0..all.len()).find(|&i| !all[i].alert && all[i].to == *n);
        let (Some(a), Some(b)) = (alert_at, bulk_at) else {
            panic!("{n} did not get both messages");
        };
        if b > first {
            after_first += 1;
            assert!(
                a < b,
                "{n}: its bulk message (#{b}) reached the SMSC before its alert (#{a})"
            );
        }
    }

    // The reach report, against the receipts the SMSC had sent when it was made.
    let report_prefix = format!(
        "Alert A{}: ",
        count(
            &pool,
            &format!("SELECT id FROM posts WHERE message_id = {alert}")
        )
        .await
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    let report = loop {
        let rows = c.outbox(&owner).await;
        if let Some(r) = rows.iter().find(|m| {
            m["text"]
                .as_str()
                .is_some_and(|t| t.starts_with(&report_prefix))
        }) {
            break r.clone();
        }
        assert!(
            Instant::now() < deadline,
            "no reach report: {:?}",
            rows.iter().map(|m| &m["text"]).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let text = report["text"].as_str().unwrap().to_string();
    let reported_at = count(
        &pool,
        &format!("SELECT created_at FROM outbox WHERE id = {}", report["id"]),
    )
    .await;
    let number = |after: &str| -> usize {
        digits_after(&text, after)
            .parse()
            .unwrap_or_else(|_| panic!("no number after {after:?} in {text:?}"))
    };
    let delivered = number(": ");
    let total = number(" of ");
    let (failed, expired, waiting) = (
        number("delivered, "),
        number("failed, "),
        number("expired, "),
    );
    // A receipt follows each submit_sm at once (smsc.js); a line's time is never earlier than the
    // truth, so allow the few ms the conversion may be late by.
    let receipts_then = alerts
        .iter()
        .filter(|&&i| all[i].receipt && all[i].at <= reported_at + 20)
        .count();
    let receipts_all = alerts.iter().filter(|&&i| all[i].receipt).count();
    wait_count(
        &pool,
        &format!("SELECT COUNT(*) FROM outbox WHERE message_id = {alert} AND state = 'delivered'"),
        SAFETY as i64,
        20,
    )
    .await;

    println!(
        "alert to {SAFETY} ({OVERLAP} also in the {NEWS}-member bulk post) on SMPP at {RATE} segments/s, window {WINDOW}:\n  \
         queued {} ms after the ALERT was posted (accepted after {} ms), behind {queued_then} bulk messages queued and {sending_then} in flight;\n  \
         first alert message at the SMSC {first_ms} ms after it was accepted, last {last_ms} ms (rate floor {floor_ms} ms);\n  \
         bulk messages at the SMSC after it was queued: {ahead} (of the {sending_then} in flight) before its first message, \
         {between} between its first and last, {overtook} of them still queued when the alert was;\n  \
         {after_first} of {OVERLAP} members of both lists got the alert before their bulk message;\n  \
         report {} ms after the alert was accepted: {text:?}; the SMSC had sent {receipts_then} receipts of it then, {receipts_all} in all\n  \
         (set up in {:.1} s, whole test {:.1} s)",
        queued_at - asked,
        accepted - asked,
        reported_at - accepted,
        imported.as_secs_f64(),
        started.elapsed().as_secs_f64(),
    );

    assert!(
        queued_then > 1_000,
        "the bulk post was nearly out before the alert: {queued_then} queued"
    );
    assert!(
        sending_then as usize <= IN_FLIGHT && ahead <= sending_then as usize,
        "{ahead} bulk messages ahead of the alert, {sending_then} in flight when it was queued: \
         a bind keeps at most {IN_FLIGHT}"
    );
    assert_eq!(
        overtook, LANE_BOUNDARY,
        "{overtook} bulk messages still queued when the alert was reached the SMSC before its last \
         message ({between} between its first and last)"
    );
    assert!(
        first_ms <= 1_000,
        "the first alert message took {first_ms} ms"
    );
    assert!(
        last_ms <= 2_000 + floor_ms,
        "the last alert message took {last_ms} ms (the rate alone needs {floor_ms} ms)"
    );
    assert!(
        after_first >= OVERLAP / 2,
        "only {after_first} members of both lists had their bulk message after the alert's first"
    );
    assert_eq!(total, SAFETY, "{text}");
    assert_eq!((failed, expired), (0, 0), "{text}");
    assert_eq!(delivered + waiting, SAFETY, "{text}");
    assert!(
        delivered * 100 >= SAFETY * 95 || waiting == 0,
        "reported before 95% was delivered: {text}"
    );
    assert_eq!(
        receipts_all, SAFETY,
        "the SMSC sent a receipt for every alert message"
    );
    assert!(
        delivered <= receipts_then,
        "{delivered} delivered in the report, but the SMSC had sent only {receipts_then} receipts"
    );
}

/// An alert on a slow SMSC (20 segments a second: 300 messages take 15 s): each message carries
/// the time it has left as its SMPP validity period, and what could not leave within
/// `alerts.expire_minutes` expires (never sent late); the SMSC gets nothing after that, and the
/// reach report counts what expired.
#[tokio::test]
async fn an_alert_on_a_slow_smsc_carries_its_validity_and_expires_rather_than_go_late() {
    let dir = tempdir();
    let smsc = NodeSmsc::start(0, &[]);
    let path = dir.path().join("smsup.toml");
    std::fs::write(
        &path,
        format!(
            "[smpp]\nhost = \"127.0.0.1\"\nport = {}\nsystem_id = \"alerts\"\npassword = \"pw\"\n\
             window = {WINDOW}\nsegments_per_second = 20\n[alerts]\nexpire_minutes = 30\n",
            smsc.port
        ),
    )
    .unwrap();
    let owner = phone(1);
    {
        let mut server = Server::start(dir.path(), &[]);
        let c = server.client();
        c.ask(&owner, "CREATE safety").await;
        c.ask(&owner, "NAME Amina").await;
        server.stop();
    }
    let (_, safety) = safety_numbers();
    import(dir.path(), "safety", &safety);
    let server = Server::start(
        dir.path(),
        &[
            ("SMSUP_CONFIG", path.to_str().unwrap()),
            ("SMSUP_SIM_ENABLED", "true"),
        ],
    );
    wait_bind_up(&server).await;
    let c = server.client();
    let pool = db(dir.path()).await;
    c.sms(&owner, &format!("ALERT safety {ALERT}")).await;
    wait_submits(&smsc, 20, "a second of the alert", |s| {
        s.iter().filter(|m| m.alert).count() >= 20
    })
    .await;
    // Its 30 minutes pass for what still waits (the clock moved on for those rows).
    sqlx::query(
        "UPDATE outbox SET expires_at = 1 WHERE state = 'queued' AND message_id =
         (SELECT message_id FROM posts WHERE alert = 1)",
    )
    .execute(&pool)
    .await
    .unwrap();
    let expired_at = epoch_ms();
    wait_drained(&pool, 30).await;
    let q = |sql: &str| {
        let (pool, sql) = (pool.clone(), sql.to_string());
        async move { count(&pool, &sql).await }
    };
    let alert_rows =
        "FROM outbox WHERE message_id = (SELECT message_id FROM posts WHERE alert = 1)";
    let expired = q(&format!(
        "SELECT COUNT(*) {alert_rows} AND state = 'expired'"
    ))
    .await;
    let left = q(&format!(
        "SELECT COUNT(*) {alert_rows} AND state IN ('sent', 'delivered')"
    ))
    .await;
    let alert_submits: Vec<Value> = smsc
        .events("submit")
        .into_iter()
        .filter(|s| s["text"].as_str().is_some_and(|t| t.contains(ALERT)))
        .collect();
    println!(
        "slow SMSC (20/s): {} alert messages reached it, {expired} expired before they could leave",
        alert_submits.len()
    );
    assert!(expired >= 200, "only {expired} expired");
    assert_eq!(expired + left, SAFETY as i64);
    assert_eq!(
        alert_submits.len() as i64,
        left,
        "the SMSC got exactly what left in time"
    );
    // Nothing reached the SMSC after the rows expired, but what was already handed to the channel.
    let late = alert_submits
        .iter()
        .filter(|s| smsc.started_at_ms() + s["at_ms"].as_i64().unwrap_or(0) > expired_at + 2_000)
        .count();
    assert_eq!(late, 0, "{late} alert messages left after they expired");
    // Each carried its time left as its validity period (node-smpp reads our relative
    // `YYMMDDhhmmss000R` as a time): at most the 30 minutes, and not much less this early.
    for s in &alert_submits {
        let left = s["validity_s"]
            .as_i64()
            .unwrap_or_else(|| panic!("no validity: {s}"));
        assert!((1700..=1801).contains(&left), "validity {left} s: {s}");
    }
    // The owner's report tells what expired.
    let deadline = Instant::now() + Duration::from_secs(20);
    let report = loop {
        let texts = c.texts(&owner).await;
        if let Some(r) = texts
            .iter()
            .find(|t| t.starts_with("Alert A") && t.contains(" delivered, "))
        {
            break r.clone();
        }
        assert!(Instant::now() < deadline, "no reach report: {texts:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(
        report.contains(&format!(", {expired} expired, ")),
        "{report}"
    );
}
