//! Fan-out benchmark: a list of N members, one post; prints the time to import the members, to enqueue
//! the post for every member, and to send everything through the simulator, messages/s and peak memory.
//!
//! Run: `cargo bench --bench fanout` (N = 10,000 and 100,000; set `FANOUT_SIZES=1000,5000` to change).

use std::time::{Duration, Instant};

use smsup::app::Application;
use smsup::config::Settings;
use smsup::engine::Engine;

#[path = "common/list.rs"]
mod list;
#[path = "common/proc.rs"]
mod proc;

/// The allocator the `smsup` binary uses.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

async fn run(n: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    // Built as `smsup serve` builds it; the dispatchers start with `run_until`, after the set-up.
    let settings = Settings {
        listen: "127.0.0.1:0".into(),
        db: dir.path().join("bench.db"),
        key: Some("09".repeat(32)),
        ..Settings::default()
    };
    let engine = Engine::new(smsup::app::rules(&settings));
    let app = Application::build(settings).await.expect("build");
    let store = app.store();
    let setup = list::list_with_post(&store, &engine, "sim", n).await;
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let t = Instant::now();
    let cpu0 = proc::cpu_seconds();
    let task = tokio::spawn(app.run_until(async move {
        let _ = stop_rx.await;
    }));
    loop {
        if store.pending().await.expect("pending") == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let send = t.elapsed();
    let cpu = proc::cpu_seconds() - cpu0;
    let _ = stop_tx.send(());
    let _ = task.await;
    println!(
        "fanout N={n:>7}: import {:>6.2} s ({:>7.0} rows/s) | enqueue {:>6.3} s | all sent {:>6.2} s | {:>8.0} msg/s | CPU {:.3} s per 1,000 msgs | peak RSS {:>6.1} MiB",
        setup.import.as_secs_f64(),
        n as f64 / setup.import.as_secs_f64(),
        setup.enqueue.as_secs_f64(),
        send.as_secs_f64(),
        (n + 2) as f64 / send.as_secs_f64(),
        cpu / ((n + 2) as f64 / 1000.0),
        proc::peak_rss_mib()
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
