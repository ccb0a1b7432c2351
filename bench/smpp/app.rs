//! SMPP end-to-end benchmark through the application as `smsup serve` builds it
//! ([`Application::build`] with one `[smpp]` channel): a list of N members, one post, and the
//! channel's dispatcher against an SMSC that sends a receipt for every message. Prints messages/s
//! until every outbox row is `delivered`, CPU seconds per 1,000 messages and peak memory.
//!
//! Run through `bench/smpp/run.sh` (which starts the node-smpp SMSC), or by hand:
//! `SMPP_PORT=2775 SMPP_N=100000 cargo bench --bench smpp_app`
//! (`SMPP_WINDOW`, default 100; `SMPP_TIMEOUT_SECS`, default 900).

use std::time::{Duration, Instant};

use smsup::app::Application;
use smsup::config::Settings;
use smsup::engine::Engine;

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

async fn count(pool: &sqlx::SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await
        .expect("count")
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let port: u16 = env_or("SMPP_PORT", 0);
    assert!(port != 0, "set SMPP_PORT to the SMSC's port");
    let n: usize = env_or("SMPP_N", 100_000);
    let window: usize = env_or("SMPP_WINDOW", 100);
    let limit = Duration::from_secs(env_or("SMPP_TIMEOUT_SECS", 900));

    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("bench.db");
    let smpp: toml::Table = toml::from_str(&format!(
        "host = \"127.0.0.1\"\nport = {port}\nwindow = {window}\nsegments_per_second = 1000000\n\
         response_timeout_secs = 30\n"
    ))
    .expect("smpp table");
    let settings = Settings {
        listen: "127.0.0.1:0".into(),
        db: db.clone(),
        key: Some("09".repeat(32)),
        channels: [("smpp".to_string(), toml::Value::Table(smpp))].into(),
        ..Settings::default()
    };
    let engine = Engine::new(smsup::app::rules(&settings));
    let app = Application::build(settings).await.expect("build");
    let store = app.store();
    let setup = list::list_with_post(&store, &engine, "smpp", n).await;
    // Progress is read through a connection of its own, as an operator's query would.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", db.display()))
        .await
        .expect("read-only pool");
    let total = count(&pool, "SELECT COUNT(*) FROM outbox").await;

    let cpu0 = cpu_seconds();
    let threads0 = cpu_seconds_by_thread();
    let t0 = Instant::now();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(app.run_until(async move {
        let _ = stop_rx.await;
    }));
    let mut last_progress = (Instant::now(), 0i64);
    let mut last_report = Instant::now();
    let delivered = loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let delivered = count(
            &pool,
            "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
        )
        .await;
        if delivered >= total {
            break delivered;
        }
        if delivered != last_progress.1 {
            last_progress = (Instant::now(), delivered);
        }
        if t0.elapsed() > limit || last_progress.0.elapsed() > Duration::from_secs(30) {
            eprintln!(
                "smpp_app: gave up after {:.0} s",
                t0.elapsed().as_secs_f64()
            );
            break delivered;
        }
        if last_report.elapsed() >= Duration::from_secs(5) {
            last_report = Instant::now();
            eprintln!(
                "smpp_app: {:>6.1} s  {delivered}/{total} delivered",
                t0.elapsed().as_secs_f64()
            );
        }
    };
    let elapsed = t0.elapsed();
    let cpu = cpu_seconds() - cpu0;
    let threads = cpu_seconds_by_thread();
    let _ = stop_tx.send(());
    let _ = task.await;
    let by_state: Vec<(String, i64)> =
        sqlx::query_as("SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY state")
            .fetch_all(&pool)
            .await
            .expect("states");
    println!(
        "smsup SMPP (Application with one [smpp] channel), N={n} members, window {window}: \
         import {:.1} s, enqueue {:.2} s; {delivered}/{total} rows delivered in {:.2} s \
         = {:.0} msg/s end to end | CPU {:.3} s per 1,000 msgs | peak RSS {:.1} MiB | outbox {by_state:?}",
        setup.import.as_secs_f64(),
        setup.enqueue.as_secs_f64(),
        elapsed.as_secs_f64(),
        delivered as f64 / elapsed.as_secs_f64(),
        cpu / (delivered.max(1) as f64 / 1000.0),
        peak_rss_mib()
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
    println!(
        "RESULT smsup_msgs_per_s {:.0}",
        delivered as f64 / elapsed.as_secs_f64()
    );
}
