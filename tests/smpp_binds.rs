//! Several binds per SMPP channel (`binds = N`) and an SMSC that goes away mid-window, through the
//! real `smsup serve` binary against node-smpp SMSCs (interop/smpp/smsc.js): the channel's rate is
//! shared by its binds, receipts are matched whichever bind they arrive on, a bind that drops for
//! good does not stop the others, and an SMSC killed and restarted in the middle of a window loses
//! nothing (duplicates only from what was in flight).
//!
//! Needs `node` and `interop/node_modules` (`./test.sh` installs them).

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::smsc::NodeSmsc;
use common::*;
use serde_json::Value;

/// `smsup.toml` with one `[smpp]` channel to `port`.
fn smpp_config(dir: &Path, port: u16, extra: &str) -> PathBuf {
    let path = dir.join("smsup.toml");
    std::fs::write(
        &path,
        format!(
            "[smpp]\nhost = \"127.0.0.1\"\nport = {port}\nsystem_id = \"binds\"\npassword = \"pw\"\n{extra}\n"
        ),
    )
    .unwrap();
    path
}

/// Creates `list` through the simulator, imports `n` members, and starts serve again on the same
/// database with the SMPP channel of `config`.
async fn serve_with_list(dir: &Path, config: &Path, list: &str, n: usize) -> Server {
    let owner = phone(1);
    {
        let server = Server::start(dir, &[]);
        server.client().ask(&owner, &format!("CREATE {list}")).await;
    }
    import_members(dir, list, n);
    Server::start(
        dir,
        &[
            ("SMSUP_CONFIG", config.to_str().unwrap()),
            ("SMSUP_SIM_ENABLED", "true"),
        ],
    )
}

/// The `smsup_channel_up` lines of serve's /metrics.
async fn channel_up(server: &Server) -> Vec<String> {
    let (_, body) = server.client().get_text("/metrics").await;
    body.lines()
        .filter(|l| l.starts_with("smsup_channel_up{"))
        .map(str::to_string)
        .collect()
}

/// Waits until `n` binds of serve are up.
async fn wait_binds_up(server: &Server, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let up = channel_up(server).await;
        if up.iter().filter(|l| l.ends_with(" 1")).count() >= n {
            return;
        }
        assert!(Instant::now() < deadline, "binds up: {up:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// How many submits each destination got.
fn per_destination(submits: &[Value]) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for s in submits {
        *m.entry(s["to"].as_str().unwrap_or_default().to_string())
            .or_default() += 1;
    }
    m
}

#[tokio::test(flavor = "multi_thread")]
async fn four_binds_share_the_rate_and_receipts_match_on_any_bind() {
    const N: usize = 600;
    const RATE: usize = 200;
    let dir = tempdir();
    let smsc = NodeSmsc::start(0, &["--receipts-elsewhere"]);
    let config = smpp_config(
        dir.path(),
        smsc.port,
        &format!("binds = 4\nwindow = 10\nsegments_per_second = {RATE}"),
    );
    let server = serve_with_list(dir.path(), &config, "fourbinds", N).await;
    wait_binds_up(&server, 4).await;
    assert_eq!(smsc.events("bind").len(), 4, "four binds, one account");
    let up = channel_up(&server).await;
    for label in [
        "transceiver",
        "transceiver-2",
        "transceiver-3",
        "transceiver-4",
    ] {
        let line = format!("smsup_channel_up{{channel=\"smpp\",bind=\"{label}\"}} 1");
        assert!(up.contains(&line), "{line} not in {up:?}");
    }

    let pool = db(dir.path()).await;
    server
        .client()
        .sms(&phone(1), "fourbinds Meeting at the hall at 5pm")
        .await;
    // Every row delivered: each receipt came back on another bind than its submit and still found
    // its row.
    let delivered = "SELECT COUNT(*) FROM outbox WHERE state = 'delivered' \
                     AND message_id = (SELECT MAX(message_id) FROM posts)";
    wait_count(&pool, delivered, N as i64, 60).await;
    let submits = smsc.events("submit");
    assert_eq!(submits.len(), N, "one submit per member");
    assert_eq!(per_destination(&submits).len(), N);

    // Spread over the binds.
    let mut by_session: HashMap<u64, usize> = HashMap::new();
    for s in &submits {
        *by_session
            .entry(s["session"].as_u64().unwrap())
            .or_default() += 1;
    }
    assert_eq!(by_session.len(), 4, "every bind sent some: {by_session:?}");
    assert!(
        by_session.values().all(|&c| c >= N / 10),
        "round robin over the binds: {by_session:?}"
    );
    // The rate is the channel's, not each bind's: 600 at 200/s (a burst of 20) takes about 2.9 s
    // whatever the number of binds; four binds each at 200/s would take 0.75 s.
    let at = |s: &Value| s["at_ms"].as_u64().unwrap();
    let span_ms = at(submits.last().unwrap()) - at(&submits[0]);
    let floor_ms = ((N - RATE / 10) * 1000 / RATE) as u64 * 9 / 10;
    assert!(
        span_ms >= floor_ms,
        "{N} submits in {span_ms} ms: faster than the channel's {RATE}/s"
    );
    eprintln!("4 binds, {RATE} segments/s: {N} submits in {span_ms} ms, per bind {by_session:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bind_that_drops_for_good_does_not_stop_the_others() {
    const N: usize = 1_500;
    const WINDOW: usize = 20;
    let dir = tempdir();
    // After 300 submits the SMSC closes the first bind's connection and refuses every later bind.
    let smsc = NodeSmsc::start(0, &["--drop-after", "300"]);
    let config = smpp_config(
        dir.path(),
        smsc.port,
        &format!("binds = 2\nwindow = {WINDOW}\nsegments_per_second = 2000"),
    );
    let server = serve_with_list(dir.path(), &config, "twobinds", N).await;
    wait_binds_up(&server, 2).await;

    let pool = db(dir.path()).await;
    server
        .client()
        .sms(&phone(1), "twobinds Clinic open tomorrow at 9")
        .await;
    wait_drained(&pool, 60).await;
    assert_eq!(smsc.events("dropped").len(), 1, "the SMSC dropped a bind");
    assert!(
        !smsc.events("bind_refused").is_empty(),
        "the dropped bind tried to come back and was refused"
    );
    // Every member got the post through the bind that stayed; sent twice at most what the dropped
    // bind had in flight.
    let (rows, _, _) = latest_post_rows(&pool).await;
    assert_eq!(rows as usize, N);
    let failed = count(
        &pool,
        "SELECT COUNT(*) FROM outbox WHERE state NOT IN ('sent', 'delivered') \
         AND message_id = (SELECT MAX(message_id) FROM posts)",
    )
    .await;
    assert_eq!(failed, 0, "nothing failed or stuck");
    let submits = smsc.events("submit");
    let per = per_destination(&submits);
    assert_eq!(per.len(), N, "every member got the post");
    let twice = submits.len() - N;
    assert!(
        twice <= WINDOW,
        "{twice} sent twice: more than the dropped bind's window of {WINDOW}"
    );
    let up = channel_up(&server).await;
    assert_eq!(
        up.iter().filter(|l| l.ends_with(" 0")).count(),
        1,
        "one bind down: {up:?}"
    );
    eprintln!("2 binds, one dropped for good after 300 submits: {N} delivered, {twice} sent twice");
}

#[tokio::test(flavor = "multi_thread")]
async fn smsc_killed_and_restarted_mid_window_loses_nothing() {
    const N: usize = 3_000;
    const WINDOW: usize = 100;
    let dir = tempdir();
    let mut smsc = NodeSmsc::start(0, &[]);
    let port = smsc.port;
    let config = smpp_config(
        dir.path(),
        port,
        &format!("window = {WINDOW}\nsegments_per_second = 1000"),
    );
    let server = serve_with_list(dir.path(), &config, "restart", N).await;
    wait_binds_up(&server, 1).await;
    let pool = db(dir.path()).await;
    server
        .client()
        .sms(&phone(1), "restart Road closed near the market")
        .await;
    // A third of the way in, the SMSC dies with a window of submits unanswered; a new one takes
    // the same port.
    smsc.wait_submits(N / 3, 30);
    smsc.kill();
    let before = smsc.events("submit");
    let again = NodeSmsc::start(port, &[]);
    wait_drained(&pool, 90).await;

    let (rows, _, _) = latest_post_rows(&pool).await;
    assert_eq!(rows as usize, N);
    let open = count(
        &pool,
        "SELECT COUNT(*) FROM outbox WHERE state NOT IN ('sent', 'delivered') \
         AND message_id = (SELECT MAX(message_id) FROM posts)",
    )
    .await;
    assert_eq!(open, 0, "every row sent");
    let after = again.events("submit");
    let mut all = before.clone();
    all.extend(after.iter().cloned());
    let per = per_destination(&all);
    assert_eq!(per.len(), N, "every member got the post");
    let twice = all.len() - N;
    assert!(
        twice <= WINDOW,
        "{twice} sent twice: more than the window of {WINDOW} in flight at the kill"
    );
    // What the new SMSC acknowledged has its receipt recorded.
    wait_count(
        &pool,
        "SELECT COUNT(*) FROM outbox WHERE state = 'delivered' \
         AND message_id = (SELECT MAX(message_id) FROM posts)",
        (N - before.len()) as i64,
        30,
    )
    .await;
    eprintln!(
        "SMSC killed after {} submits and restarted: {N} sent, {twice} sent twice",
        before.len()
    );
}

/// SIGTERM while the SMSC is gone with messages in flight: serve still stops (after a grace period
/// it closes the channel, failing what it held), and a new start on a new SMSC sends everything
/// that was not sent.
#[tokio::test]
async fn serve_stops_on_sigterm_while_the_smsc_is_gone_and_loses_nothing() {
    const N: usize = 600;
    let dir = tempdir();
    let mut smsc = NodeSmsc::start(0, &[]);
    let port = smsc.port;
    let config = smpp_config(
        dir.path(),
        port,
        "window = 10\nsegments_per_second = 100\nreconnect_max_secs = 2",
    );
    let mut server = serve_with_list(dir.path(), &config, "stopping", N).await;
    wait_binds_up(&server, 1).await;
    let pool = db(dir.path()).await;
    server
        .client()
        .sms(&phone(1), "stopping The clinic is closed today")
        .await;
    smsc.wait_submits(100, 30);
    smsc.kill();
    let before = smsc.events("submit").len();
    let asked = Instant::now();
    server.stop();
    // `stop` waits 20 s for the exit, then kills: returning sooner means serve stopped itself.
    let took = asked.elapsed();
    println!("serve stopped {took:?} after SIGTERM with the SMSC gone");
    assert!(
        took < Duration::from_secs(19),
        "serve did not stop on SIGTERM ({took:?})"
    );
    let again = NodeSmsc::start(port, &[]);
    let server = Server::start(
        dir.path(),
        &[
            ("SMSUP_CONFIG", config.to_str().unwrap()),
            ("SMSUP_SIM_ENABLED", "true"),
        ],
    );
    wait_binds_up(&server, 1).await;
    wait_drained(&pool, 60).await;
    let mut all = smsc.events("submit");
    all.extend(again.events("submit"));
    let per = per_destination(&all);
    assert_eq!(
        per.len(),
        N,
        "every member got the post ({before} before the stop)"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM outbox WHERE state NOT IN ('sent', 'delivered') \
             AND message_id = (SELECT MAX(message_id) FROM posts)"
        )
        .await,
        0
    );
}
