//! Per-number rate limits in segments per second, on Tokio's paused clock (virtual time, so the
//! assertions are exact and do not depend on machine speed).

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use smsup_twilio::{SegmentRateLimiter, SenderPool};
use tokio::time::Instant;

fn nz(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap()
}

/// Grants as offsets from `start`, sorted.
async fn run_concurrently(
    limiter: Arc<SegmentRateLimiter>,
    segments: Vec<u32>,
) -> Vec<(Duration, u32)> {
    let start = Instant::now();
    let mut handles = Vec::new();
    for s in segments {
        let l = limiter.clone();
        handles.push(tokio::spawn(async move {
            l.until_ready(s).await;
            (start.elapsed(), s)
        }));
    }
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out.sort();
    out
}

#[tokio::test(start_paused = true)]
async fn never_above_the_rate_and_at_it_under_load() {
    let limiter = Arc::new(SegmentRateLimiter::new(nz(2)));
    let grants = run_concurrently(limiter, vec![1; 20]).await;
    // Any window of one second holds at most 2 segments: consecutive grants are >= 0.5 s apart.
    for pair in grants.windows(2) {
        assert!(
            pair[1].0 - pair[0].0 >= Duration::from_millis(500),
            "{pair:?}"
        );
    }
    // Under load the rate is reached: 20 segments at 2/s take 9.5 s after the first.
    let last = grants.last().unwrap().0;
    assert!(
        last >= Duration::from_millis(9500) && last < Duration::from_millis(9600),
        "{last:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn long_messages_count_every_segment() {
    let limiter = Arc::new(SegmentRateLimiter::new(nz(1)));
    let start = Instant::now();
    let mut times = Vec::new();
    for _ in 0..3 {
        limiter.until_ready(3).await;
        times.push(start.elapsed());
    }
    // 3 segments each at 1 segment/s: cells at 0..=8 s, messages released at 2, 5 and 8 s.
    let secs: Vec<u64> = times.iter().map(|d| d.as_millis() as u64 / 100).collect();
    assert_eq!(secs, vec![20, 50, 80]);
}

#[tokio::test(start_paused = true)]
async fn numbers_have_independent_limits_and_recipients_stick() {
    let numbers: Vec<String> = vec!["+60111111111".into(), "+60111111112".into()];
    let pool = Arc::new(SenderPool::new(numbers.clone(), nz(1)));
    // Find recipients for each number.
    let mut per_number: Vec<Vec<String>> = vec![Vec::new(), Vec::new()];
    let mut r = 0;
    while per_number.iter().any(|v| v.len() < 10) {
        let to = format!("+6012{r:07}");
        let n = pool.pick(&to).unwrap();
        let i = numbers.iter().position(|x| x == n).unwrap();
        if per_number[i].len() < 10 {
            per_number[i].push(to);
        }
        r += 1;
    }
    let start = Instant::now();
    let mut handles = Vec::new();
    for list in per_number.iter() {
        for to in list {
            let pool = pool.clone();
            let to = to.clone();
            handles.push(tokio::spawn(async move {
                let from = pool.acquire(&to, 1).await.unwrap().to_string();
                (to, from, start.elapsed())
            }));
        }
    }
    let mut last_per_number = [Duration::ZERO; 2];
    for h in handles {
        let (to, from, at) = h.await.unwrap();
        assert_eq!(Some(from.as_str()), pool.pick(&to), "sender changed");
        let i = numbers.iter().position(|x| *x == from).unwrap();
        last_per_number[i] = last_per_number[i].max(at);
    }
    // 10 messages per number at 1/s each: both numbers finish after 9 s, in parallel (not 19 s).
    for last in last_per_number {
        assert_eq!(last.as_secs(), 9, "{last:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn a_paused_sender_waits_and_others_do_not() {
    let numbers: Vec<String> = vec!["+60111111111".into(), "+60111111112".into()];
    let pool = SenderPool::new(numbers.clone(), nz(1));
    let to_first = (0..)
        .map(|r| format!("+6012{r:07}"))
        .find(|to| pool.pick(to) == Some(numbers[0].as_str()))
        .unwrap();
    let to_second = (0..)
        .map(|r| format!("+6012{r:07}"))
        .find(|to| pool.pick(to) == Some(numbers[1].as_str()))
        .unwrap();
    let start = Instant::now();
    pool.pause(&numbers[0], Duration::from_secs(30));
    pool.acquire(&to_second, 1).await.unwrap();
    assert_eq!(start.elapsed(), Duration::ZERO);
    pool.acquire(&to_first, 1).await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(30));
}
