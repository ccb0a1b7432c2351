//! Throughput of the SMPP client alone: N submits to one SMSC, each answered with a receipt; prints
//! messages/s until the last receipt, CPU seconds per 1,000 messages and peak memory.
//!
//! `cargo run --release -p smsup-smpp --example smpp_bench -- PORT [N] [WINDOW]`
//! (bench/smpp/run.sh starts a node-smpp SMSC and runs this against it).

use std::time::{Duration, Instant};

use smsup_smpp::{Client, Event, SmppConfig};

#[path = "../../../bench/common/proc.rs"]
mod proc;
use proc::{cpu_seconds, peak_rss_mib};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port: u16 = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .expect("usage: smpp_bench PORT [N] [WINDOW]");
    let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let window: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(100);
    let config = SmppConfig {
        port,
        window,
        segments_per_second: 1_000_000,
        queue_capacity: 20_000,
        event_capacity: 100_000,
        response_timeout: Duration::from_secs(30),
        ..SmppConfig::default()
    };
    let (client, mut events) = Client::start(config).unwrap();
    let cpu0 = cpu_seconds();
    let t0 = Instant::now();
    let receipts = tokio::spawn(async move {
        let mut got = 0usize;
        while got < n {
            match events.recv().await {
                Some(Event::Receipt { ack, .. }) => {
                    ack.stored();
                    got += 1;
                }
                Some(_) => {}
                None => break,
            }
        }
        got
    });
    // 64 producers, like a dispatcher with many sends in flight.
    let producers = 64;
    let mut tasks = Vec::new();
    for p in 0..producers {
        let c = client.clone();
        tasks.push(tokio::spawn(async move {
            let mut ok = 0usize;
            let mut i = p;
            while i < n {
                let to = format!("+6012{:07}", i);
                if c.submit(
                    &to,
                    "Cooking group: meeting tomorrow 10:00 at the community centre. Bring a dish!",
                )
                .await
                .is_ok()
                {
                    ok += 1;
                }
                i += producers;
            }
            ok
        }));
    }
    let mut accepted = 0;
    for t in tasks {
        accepted += t.await.unwrap();
    }
    let t_submit = t0.elapsed();
    let got = tokio::time::timeout(Duration::from_secs(120), receipts)
        .await
        .map(|r| r.unwrap())
        .unwrap_or(0);
    let elapsed = t0.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    client.shutdown().await;
    println!("messages: {n}, window: {window}");
    println!("accepted: {accepted}, receipts: {got}");
    println!(
        "submit phase: {:.2} s ({:.0} msg/s)",
        t_submit.as_secs_f64(),
        n as f64 / t_submit.as_secs_f64()
    );
    println!(
        "end to end (last receipt): {:.2} s, {:.0} msg/s",
        elapsed,
        got as f64 / elapsed
    );
    println!(
        "client CPU: {:.2} s, {:.4} CPU s per 1000 messages",
        cpu,
        cpu / (n as f64 / 1000.0)
    );
    println!("client peak RSS: {:.1} MiB", peak_rss_mib());
}
