//! Sticky sender choice and per-sender rate limiting in segments per second.
//!
//! With several `from` numbers, each recipient is mapped to one number by rendezvous hashing of
//! (number, recipient) with SHA-256: the choice is stable across restarts and machines, spreads
//! recipients evenly, and adding or removing a number only moves the recipients of that number.
//!
//! Each sender has a GCRA limiter (governor) with a burst of one segment, so segments are spaced
//! at least `1 / segments_per_second` apart: never above the rate, and exactly at it under load.
//! A message of `k` segments takes `k` cells before it is sent. Senders waiting on the same number
//! are served in arrival order. The limiter runs on Tokio's clock, so tests can use paused time.

use std::num::NonZeroU32;
use std::ops::Add;
use std::time::Duration;

use governor::clock::{Clock, Reference};
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};
use sha2::{Digest, Sha256};

/// A point on Tokio's clock, usable by governor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TokioInstant(tokio::time::Instant);

impl Add<Nanos> for TokioInstant {
    type Output = TokioInstant;
    fn add(self, other: Nanos) -> TokioInstant {
        TokioInstant(self.0 + Duration::from(other))
    }
}

impl Reference for TokioInstant {
    fn duration_since(&self, earlier: Self) -> Nanos {
        self.0.saturating_duration_since(earlier.0).into()
    }
    fn saturating_sub(&self, duration: Nanos) -> Self {
        TokioInstant(
            self.0
                .checked_sub(Duration::from(duration))
                .unwrap_or(self.0),
        )
    }
}

/// governor clock reading `tokio::time::Instant::now()` (follows paused/advanced test time).
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioClock;

impl Clock for TokioClock {
    type Instant = TokioInstant;
    fn now(&self) -> TokioInstant {
        TokioInstant(tokio::time::Instant::now())
    }
}

type Limiter = RateLimiter<NotKeyed, InMemoryState, TokioClock, NoOpMiddleware<TokioInstant>>;

/// Rate limiter for one sender, in segments per second.
#[derive(Debug)]
pub struct SegmentRateLimiter {
    limiter: Limiter,
    queue: tokio::sync::Mutex<()>,
    paused_until: std::sync::Mutex<Option<tokio::time::Instant>>,
}

impl SegmentRateLimiter {
    /// A limiter allowing `per_second` segments per second with no burst.
    pub fn new(per_second: NonZeroU32) -> Self {
        let quota = Quota::per_second(per_second).allow_burst(NonZeroU32::MIN);
        SegmentRateLimiter {
            limiter: RateLimiter::direct_with_clock(quota, TokioClock),
            queue: tokio::sync::Mutex::new(()),
            paused_until: std::sync::Mutex::new(None),
        }
    }

    /// Holds every sender back for `duration` from now (after a queue overflow, Twilio 30001 or
    /// 21611); a longer pause already in force is kept.
    pub fn pause(&self, duration: Duration) {
        let until = tokio::time::Instant::now() + duration;
        if let Ok(mut p) = self.paused_until.lock() {
            *p = Some(p.map_or(until, |old| old.max(until)));
        }
    }

    fn paused_until(&self) -> Option<tokio::time::Instant> {
        self.paused_until.lock().ok().and_then(|p| *p)
    }

    /// Waits until `segments` segments may be sent (at least one is always taken), in FIFO order
    /// among callers.
    pub async fn until_ready(&self, segments: u32) {
        let _turn = self.queue.lock().await;
        while let Some(until) = self.paused_until() {
            if tokio::time::Instant::now() >= until {
                break;
            }
            tokio::time::sleep_until(until).await;
        }
        for _ in 0..segments.max(1) {
            loop {
                match self.limiter.check() {
                    Ok(()) => break,
                    Err(not_until) => {
                        let wait = not_until.wait_time_from(TokioClock.now());
                        tokio::time::sleep(wait).await;
                    }
                }
            }
        }
    }
}

fn score(sender: &str, recipient: &str) -> u64 {
    let mut h = Sha256::new();
    h.update(sender.as_bytes());
    h.update([0u8]);
    h.update(recipient.as_bytes());
    let d = h.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&d[..8]);
    u64::from_be_bytes(first)
}

/// Picks the sender for `recipient` among `senders` by rendezvous hashing (stable; `None` when
/// `senders` is empty).
pub fn sticky_pick<'a>(senders: &'a [String], recipient: &str) -> Option<&'a str> {
    senders
        .iter()
        .max_by_key(|s| (score(s, recipient), s.as_str()))
        .map(String::as_str)
}

/// The sending identities (numbers, or one Messaging Service) with one rate limiter each.
#[derive(Debug)]
pub struct SenderPool {
    senders: Vec<String>,
    limiters: Vec<SegmentRateLimiter>,
}

impl SenderPool {
    /// A pool over `senders` (must not be empty), each limited to `per_second` segments/second.
    pub fn new(senders: Vec<String>, per_second: NonZeroU32) -> Self {
        let limiters = senders
            .iter()
            .map(|_| SegmentRateLimiter::new(per_second))
            .collect();
        SenderPool { senders, limiters }
    }

    /// The senders in configuration order.
    pub fn senders(&self) -> &[String] {
        &self.senders
    }

    /// The sender `recipient` always gets.
    pub fn pick(&self, recipient: &str) -> Option<&str> {
        sticky_pick(&self.senders, recipient)
    }

    /// Holds `sender` back for `duration` (see [`SegmentRateLimiter::pause`]); unknown senders are
    /// ignored.
    pub fn pause(&self, sender: &str, duration: Duration) {
        if let Some(i) = self.senders.iter().position(|s| s == sender) {
            if let Some(l) = self.limiters.get(i) {
                l.pause(duration);
            }
        }
    }

    /// Picks the sticky sender for `recipient` and waits until it may send `segments` segments.
    pub async fn acquire(&self, recipient: &str, segments: u32) -> Option<&str> {
        let sender = self.pick(recipient)?;
        let index = self.senders.iter().position(|s| s == sender)?;
        self.limiters.get(index)?.until_ready(segments).await;
        Some(sender)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn numbers(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("+6011100000{i:02}")).collect()
    }

    #[test]
    fn pick_is_stable_and_spread() {
        let senders = numbers(4);
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for r in 0..4000 {
            let to = format!("+60123{r:06}");
            let a = sticky_pick(&senders, &to).unwrap();
            assert_eq!(Some(a), sticky_pick(&senders, &to));
            *counts.entry(a).or_default() += 1;
        }
        assert_eq!(counts.len(), 4);
        for (_, c) in counts {
            assert!((800..=1200).contains(&c), "uneven spread: {c}");
        }
    }

    #[test]
    fn adding_a_number_moves_only_its_share() {
        let three = numbers(3);
        let four = numbers(4);
        let mut moved = 0;
        for r in 0..3000 {
            let to = format!("+60123{r:06}");
            let a = sticky_pick(&three, &to).unwrap();
            let b = sticky_pick(&four, &to).unwrap();
            if a != b {
                assert_eq!(b, four[3], "a recipient moved between old numbers");
                moved += 1;
            }
        }
        assert!((500..=1000).contains(&moved), "moved {moved}");
    }
}
