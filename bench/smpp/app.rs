//! SMPP end-to-end benchmark through the real application path: a list of N members in a SQLite
//! store, one post (Engine), the outbox Dispatcher and the SmppGateway, against an SMSC that sends a
//! receipt for every message. Prints messages/s until every outbox row is `delivered`, CPU seconds
//! per 1,000 messages and peak memory.
//!
//! Run through `bench/smpp/run.sh` (which starts the node-smpp SMSC), or by hand:
//! `SMPP_PORT=2775 SMPP_N=100000 cargo bench --bench smpp_app`
//! (`SMPP_WINDOW`, default 100; `SMPP_TIMEOUT_SECS`, default 900).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use smsup::app::App;
use smsup::config::DispatcherSettings;
use smsup::crypto::Crypto;
use smsup::engine::{Engine, Rules};
use smsup::gateways::smpp::SmppGateway;
use smsup::gateways::{Gateway, Sink};
use smsup::gateways::{StatusOutcome, StatusUpdate};
use smsup::outbox::Dispatcher;
use smsup::phone::Phone;
use smsup::store::{
    Claimed, Completion, Counts, ExportRow, ImportTx, Inbound, InboundTx, Members, OutboxView,
    Queue, Receipts, Reports, SqliteStore, Store, StoreError,
};
use smsup_smpp::SmppConfig;
use tokio::sync::{watch, Notify};

#[path = "../common/list.rs"]
mod list;
#[path = "../common/proc.rs"]
mod proc;
use proc::{cpu_seconds, cpu_seconds_by_thread, peak_rss_mib};

/// The allocator the `smsup` binary uses.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn count(store: &SqliteStore, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .expect("count")
}

/// Time spent in (calls to, rows through) the store methods on the hot path.
#[derive(Default)]
struct Timing {
    /// Status updates that matched an outbox row (one per delivered single-part message here).
    matched: AtomicU64,
    calls: [AtomicU64; 4],
    rows: [AtomicU64; 4],
    micros: [AtomicU64; 4],
}

const TIMED: [&str; 4] = ["claim", "complete", "apply_status", "next_due"];

impl Timing {
    fn add(&self, i: usize, rows: usize, since: Instant) {
        self.calls[i].fetch_add(1, Ordering::Relaxed);
        self.rows[i].fetch_add(rows as u64, Ordering::Relaxed);
        self.micros[i].fetch_add(since.elapsed().as_micros() as u64, Ordering::Relaxed);
    }

    fn report(&self, wall: Duration) -> String {
        (0..4)
            .map(|i| {
                let us = self.micros[i].load(Ordering::Relaxed) as f64;
                let rows = self.rows[i].load(Ordering::Relaxed).max(1) as f64;
                format!(
                    "{}: {} calls, {} rows, {:.2} s ({:.0}% of wall), {:.1} us/row",
                    TIMED[i],
                    self.calls[i].load(Ordering::Relaxed),
                    self.rows[i].load(Ordering::Relaxed),
                    us / 1e6,
                    100.0 * us / 1e6 / wall.as_secs_f64(),
                    us / rows
                )
            })
            .collect::<Vec<_>>()
            .join("\n  ")
    }
}

/// The SQLite store with the time spent in each hot-path call recorded (waiting for the writer
/// included).
struct TimedStore {
    inner: SqliteStore,
    timing: Arc<Timing>,
}

#[async_trait::async_trait]
impl Inbound for TimedStore {
    async fn begin_inbound(&self) -> Result<Box<dyn InboundTx>, StoreError> {
        self.inner.begin_inbound().await
    }
}

#[async_trait::async_trait]
impl Queue for TimedStore {
    async fn requeue_expired(&self, all: bool) -> Result<u64, StoreError> {
        self.inner.requeue_expired(all).await
    }
    async fn claim(
        &self,
        gateway: &str,
        limit: u32,
        lease_ms: i64,
    ) -> Result<Vec<Claimed>, StoreError> {
        let t = Instant::now();
        let r = self.inner.claim(gateway, limit, lease_ms).await;
        self.timing
            .add(0, r.as_ref().map(|v| v.len()).unwrap_or(0), t);
        r
    }
    async fn complete(&self, gateway: &str, results: &[Completion]) -> Result<(), StoreError> {
        let t = Instant::now();
        let r = self.inner.complete(gateway, results).await;
        self.timing.add(1, results.len(), t);
        r
    }
    async fn next_due(&self, gateway: &str) -> Result<Option<i64>, StoreError> {
        let t = Instant::now();
        let r = self.inner.next_due(gateway).await;
        self.timing.add(3, 0, t);
        r
    }
    async fn pending(&self) -> Result<i64, StoreError> {
        self.inner.pending().await
    }
}

#[async_trait::async_trait]
impl Receipts for TimedStore {
    async fn apply_status(&self, updates: &[StatusUpdate]) -> Result<StatusOutcome, StoreError> {
        let t = Instant::now();
        let r = self.inner.apply_status(updates).await;
        self.timing.add(2, updates.len(), t);
        if let Ok(o) = &r {
            self.timing
                .matched
                .fetch_add(o.matched as u64, Ordering::Relaxed);
        }
        r
    }
    async fn set_opted_out(&self, phone: &Phone, opted_out: bool) -> Result<(), StoreError> {
        self.inner.set_opted_out(phone, opted_out).await
    }
}

#[async_trait::async_trait]
impl Reports for TimedStore {
    async fn outbox_for(&self, phone: &Phone) -> Result<Vec<OutboxView>, StoreError> {
        self.inner.outbox_for(phone).await
    }
    async fn counts(&self) -> Result<Counts, StoreError> {
        self.inner.counts().await
    }
}

#[async_trait::async_trait]
impl Members for TimedStore {
    async fn begin_import(&self, list_name: &str) -> Result<Box<dyn ImportTx>, StoreError> {
        self.inner.begin_import(list_name).await
    }
    async fn export_members(
        &self,
        list_name: &str,
        with_numbers: bool,
    ) -> Result<Vec<ExportRow>, StoreError> {
        self.inner.export_members(list_name, with_numbers).await
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let port: u16 = env_or("SMPP_PORT", 0);
    assert!(port != 0, "set SMPP_PORT to the SMSC's port");
    let n: usize = env_or("SMPP_N", 100_000);
    let window: usize = env_or("SMPP_WINDOW", 100);
    let limit = Duration::from_secs(env_or("SMPP_TIMEOUT_SECS", 900));

    let dir = tempfile::tempdir().expect("tempdir");
    let sqlite = SqliteStore::open(&dir.path().join("bench.db"), Crypto::new([9; 32]), "smpp")
        .await
        .expect("open store");
    let timing = Arc::new(Timing::default());
    let store: Arc<dyn Store> = Arc::new(TimedStore {
        inner: sqlite.clone(),
        timing: timing.clone(),
    });
    let rules = Rules {
        max_post_segments: 6,
        ..Rules::default()
    };
    let engine = Engine::new(rules.clone());
    let setup = list::list_with_post(&store, &engine, "smpp", n).await;
    let (import, enqueue) = (setup.import, setup.enqueue);
    let total = count(&sqlite, "SELECT COUNT(*) FROM outbox").await;

    let wake = Arc::new(Notify::new());
    let sink: Arc<dyn Sink> = Arc::new(App::new(store.clone(), Engine::new(rules), wake.clone()));
    let config = SmppConfig {
        port,
        window,
        segments_per_second: 1_000_000,
        queue_capacity: 20_000,
        event_capacity: 100_000,
        response_timeout: Duration::from_secs(30),
        ..SmppConfig::default()
    };
    let cpu0 = cpu_seconds();
    let threads0 = cpu_seconds_by_thread();
    let busy_before = sqlite.write_busy();
    let commits_before = sqlite.hot_commits();
    let t0 = Instant::now();
    let gateway = Arc::new(SmppGateway::start(config, sink).expect("smpp gateway"));
    let (stop_tx, stop_rx) = watch::channel(false);
    let dispatcher = Dispatcher::new(
        store.clone(),
        gateway.clone() as Arc<dyn Gateway>,
        DispatcherSettings::default(),
        wake.clone(),
    );
    let task = tokio::spawn(dispatcher.run(stop_rx));
    wake.notify_waiters();

    // Progress is read from counters in memory (a COUNT over the outbox every few milliseconds would
    // cost more than it measures); the database is checked once at the end.
    let mut last_report = Instant::now();
    let mut last_progress = (Instant::now(), 0u64);
    let mut first_all_sent: Option<Duration> = None;
    let target = u64::try_from(total).unwrap_or(0);
    loop {
        tokio::time::sleep(Duration::from_millis(10)).await;
        let matched = timing.matched.load(Ordering::Relaxed);
        if first_all_sent.is_none() && gateway.stats().parts_accepted >= target {
            first_all_sent = Some(t0.elapsed());
        }
        // A receipt that came before its submit's answer is applied with the completion and not
        // counted in `matched`: near the end, the database decides.
        if matched >= target
            || (first_all_sent.is_some() && last_report.elapsed() >= Duration::from_millis(50) && {
                last_report = Instant::now();
                count(
                    &sqlite,
                    "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
                )
                .await
                    >= total
            })
        {
            break;
        }
        if matched != last_progress.1 {
            last_progress = (Instant::now(), matched);
        }
        if t0.elapsed() > limit || last_progress.0.elapsed() > Duration::from_secs(30) {
            eprintln!(
                "smpp_app: gave up after {:.0} s",
                t0.elapsed().as_secs_f64()
            );
            break;
        }
        if last_report.elapsed() >= Duration::from_secs(5) {
            last_report = Instant::now();
            eprintln!(
                "smpp_app: {:>6.1} s  {matched}/{total} receipts stored  stats {:?}",
                t0.elapsed().as_secs_f64(),
                gateway.stats()
            );
        }
    }
    let elapsed = t0.elapsed();
    let cpu = cpu_seconds() - cpu0;
    let threads = cpu_seconds_by_thread();
    let delivered = count(
        &sqlite,
        "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
    )
    .await;
    let _ = stop_tx.send(true);
    let _ = task.await;
    gateway.shutdown().await;
    let by_state: Vec<(String, i64)> =
        sqlx::query_as("SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY state")
            .fetch_all(sqlite.pool())
            .await
            .expect("states");
    println!(
        "smsup SMPP (SqliteStore+Engine+Dispatcher+SmppGateway), N={n} members, window {window}: \
         import {:.1} s, enqueue {:.2} s; {delivered}/{total} rows delivered in {:.2} s \
         (all accepted by the SMSC at {:.2} s) = {:.0} msg/s end to end | CPU {:.3} s per 1,000 msgs \
         | peak RSS {:.1} MiB | outbox {by_state:?}",
        import.as_secs_f64(),
        enqueue.as_secs_f64(),
        elapsed.as_secs_f64(),
        first_all_sent.unwrap_or(elapsed).as_secs_f64(),
        delivered as f64 / elapsed.as_secs_f64(),
        cpu / (delivered.max(1) as f64 / 1000.0),
        peak_rss_mib()
    );
    let busy = sqlite.write_busy().saturating_sub(busy_before);
    println!(
        "time in the store during the run (wall {:.2} s; the single writer was busy {:.2} s, {:.0}%):\n  {}",
        elapsed.as_secs_f64(),
        busy.as_secs_f64(),
        100.0 * busy.as_secs_f64() / elapsed.as_secs_f64(),
        timing.report(elapsed)
    );
    let per_thread: Vec<String> = threads
        .iter()
        .filter_map(|(name, secs)| {
            let before = threads0
                .iter()
                .find(|(n, _)| n == name)
                .map_or(0.0, |(_, s)| *s);
            let used = secs - before;
            (used >= 0.01).then(|| format!("{name} {:.1} us", used * 1e6 / delivered.max(1) as f64))
        })
        .collect();
    println!("CPU per message by thread: {}", per_thread.join(", "));
    let (jobs, groups) = sqlite.hot_commits();
    println!(
        "hot-path writes: {} in {} transactions",
        jobs - commits_before.0,
        groups - commits_before.1
    );
    println!(
        "RESULT smsup_msgs_per_s {:.0}",
        delivered as f64 / elapsed.as_secs_f64()
    );
}
