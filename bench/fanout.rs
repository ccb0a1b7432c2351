//! Fan-out benchmark: a list of N members, one post; prints the time to import the members, to enqueue
//! the post for every member, and to send everything through the simulator, messages/s and peak memory.
//!
//! Run: `cargo bench --bench fanout` (N = 10,000 and 100,000; set `FANOUT_SIZES=1000,5000` to change).

use std::sync::Arc;
use std::time::{Duration, Instant};

use smsup::config::DispatcherSettings;
use smsup::crypto::Crypto;
use smsup::engine::{Engine, Rules};
use smsup::gateways::sim::SimGateway;
use smsup::gateways::{Gateway, InboundSms};
use smsup::outbox::Dispatcher;
use smsup::phone::Phone;
use smsup::store::{ImportMode, ImportRow, SqliteStore, Store};
use tokio::sync::{watch, Notify};

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

async fn run(n: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::open(&dir.path().join("bench.db"), Crypto::new([9; 32]), "sim")
        .await
        .expect("open store");
    let store: Arc<dyn Store> = Arc::new(store);
    let engine = Engine::new(Rules {
        max_post_segments: 6,
        ..Rules::default()
    });
    let owner = Phone::parse("+447911000000", "MY").expect("phone");
    let create = InboundSms {
        gateway: "sim",
        provider_id: "create".into(),
        from: owner.e164().into(),
        text: "CREATE bench".into(),
    };
    store
        .handle_inbound(&create, &owner, &engine)
        .await
        .expect("create");
    let rows: Vec<ImportRow> = (0..n)
        .map(|i| ImportRow {
            phone: Phone::parse(&format!("+44791{:07}", 1_000_000 + i), "MY").expect("phone"),
            alias: None,
            language: None,
        })
        .collect();
    let t = Instant::now();
    store
        .import_members("bench", &rows, ImportMode::ConsentedSilent, &engine)
        .await
        .expect("import");
    let import = t.elapsed();
    // Deliver the CREATE reply first so that only the post is measured.
    let (stop_tx, stop_rx) = watch::channel(false);
    let wake = Arc::new(Notify::new());
    let gateway: Arc<dyn Gateway> = Arc::new(SimGateway::new(0));
    let dispatcher = Dispatcher::new(
        store.clone(),
        gateway,
        DispatcherSettings::default(),
        wake.clone(),
    );
    let post = InboundSms {
        gateway: "sim",
        provider_id: "post".into(),
        from: owner.e164().into(),
        text: "bench Security alert: police checks at Pudu station, avoid the area tonight.".into(),
    };
    let t = Instant::now();
    store
        .handle_inbound(&post, &owner, &engine)
        .await
        .expect("post");
    let enqueue = t.elapsed();
    let t = Instant::now();
    let task = tokio::spawn(dispatcher.run(stop_rx));
    wake.notify_waiters();
    loop {
        if store.pending().await.expect("pending") == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let send = t.elapsed();
    let _ = stop_tx.send(true);
    let _ = task.await;
    println!(
        "fanout N={n:>7}: import {:>6.2} s ({:>7.0} rows/s) | enqueue {:>6.3} s | all sent {:>6.2} s | {:>8.0} msg/s | peak RSS {:>6.1} MiB",
        import.as_secs_f64(),
        n as f64 / import.as_secs_f64(),
        enqueue.as_secs_f64(),
        send.as_secs_f64(),
        (n + 2) as f64 / send.as_secs_f64(),
        peak_rss_mib()
    );
}

#[tokio::main]
async fn main() {
    let sizes: Vec<usize> = std::env::var("FANOUT_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000]);
    for n in sizes {
        run(n).await;
    }
}
