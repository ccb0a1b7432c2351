//! The dispatcher: claims queued outbox rows with a lease, sends them through a gateway with bounded
//! concurrency, and records every outcome in batches (retry with exponential backoff, or final).

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::Rng;
use tokio::sync::{mpsc, watch, Notify, OwnedSemaphorePermit, Semaphore};

use crate::channels::{Gateway, OutboundSms, SendError};
use crate::config::DispatcherSettings;
use crate::store::{now_ms, Claimant, Claimed, Completion, FailReason, Store};

/// Largest number of completions written in one transaction.
const COMPLETE_BATCH: usize = 2_000;
/// How long the dispatcher waits for more of the window to come free before it claims.
const CLAIM_GATHER: Duration = Duration::from_millis(5);
/// How long the result writer waits for more outcomes before it records a batch.
const GATHER: Duration = Duration::from_millis(3);
/// How long the dispatcher sleeps when it has nothing to do and hears nothing.
const IDLE_POLL: Duration = Duration::from_millis(250);
/// How long a throttled gateway is left alone before the dispatcher claims again.
const THROTTLE_PAUSE: Duration = Duration::from_secs(1);
/// How often a dispatcher whose gateway is not ready asks again.
const NOT_READY_POLL: Duration = Duration::from_millis(500);

/// Exponential backoff with ±20 % jitter: `base × 2^(attempt−1)`, capped.
pub fn backoff(settings: &DispatcherSettings, attempt: u32) -> Duration {
    let exp = attempt.saturating_sub(1).min(30);
    let raw = settings
        .retry_base_ms
        .saturating_mul(1u64 << exp)
        .min(settings.retry_max_ms);
    let jitter = rand::thread_rng().gen_range(0.8..1.2);
    Duration::from_millis((raw as f64 * jitter) as u64)
}

/// Turn a gateway's answer into what the store records.
pub fn verdict(
    settings: &DispatcherSettings,
    row: &Claimed,
    result: Result<crate::channels::Accepted, SendError>,
    phone: Option<&str>,
) -> Completion {
    // A provider's error text may quote the number ("The 'To' number +60... is not valid"): it is
    // stored and logged with numbers masked.
    let retry =
        |code: Option<String>, message: String, after: Option<Duration>, via: Option<&str>| {
            let message = crate::engine::mask_numbers(&message);
            if row.attempts >= settings.max_attempts {
                Completion::Failed {
                    id: row.id,
                    recipient_id: row.recipient_id,
                    reason: FailReason::Exhausted,
                    code,
                    message,
                }
            } else {
                let wait = after.unwrap_or_else(|| backoff(settings, row.attempts));
                Completion::Retry {
                    id: row.id,
                    at: now_ms() + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX / 2),
                    code,
                    message,
                    via: via.map(str::to_string),
                }
            }
        };
    let failed = |reason, code, message: String| Completion::Failed {
        id: row.id,
        recipient_id: row.recipient_id,
        reason,
        code,
        message: crate::engine::mask_numbers(&message),
    };
    match result {
        Ok(accepted) => Completion::Sent {
            id: row.id,
            provider_ids: accepted.provider_ids,
            delivered: accepted.delivered,
        },
        Err(SendError::Transient {
            code,
            message,
            retry_after,
        }) => retry(code, message, retry_after, None),
        Err(SendError::Throttled { code, message }) => retry(code, message, None, None),
        // The phone may have it: the same phone again, so that our id's de-duplication holds.
        Err(SendError::Unanswered { message }) => retry(None, message, None, phone),
        Err(SendError::OptedOut { code, message }) => failed(FailReason::OptedOut, code, message),
        Err(SendError::Undeliverable { code, message }) => {
            failed(FailReason::Undeliverable, code, message)
        }
        Err(SendError::Permanent { code, message }) => failed(FailReason::Permanent, code, message),
    }
}

/// Sends one gateway's share of the outbox.
pub struct Dispatcher {
    store: Arc<dyn Store>,
    gateway: Arc<dyn Gateway>,
    /// The other gateways of its queue (the phones of its pool).
    siblings: Vec<Arc<dyn Gateway>>,
    settings: DispatcherSettings,
    wake: Arc<Notify>,
}

impl Dispatcher {
    /// A dispatcher for `gateway`; `wake` is notified whenever rows are queued.
    pub fn new(
        store: Arc<dyn Store>,
        gateway: Arc<dyn Gateway>,
        settings: DispatcherSettings,
        wake: Arc<Notify>,
    ) -> Dispatcher {
        Dispatcher {
            store,
            gateway,
            siblings: Vec::new(),
            settings,
            wake,
        }
    }

    /// The other gateways that send from the same queue (the phones of a pool): rows meant for
    /// one of them are left to it while it is up.
    pub fn beside(mut self, siblings: Vec<Arc<dyn Gateway>>) -> Dispatcher {
        self.siblings = siblings;
        self
    }

    /// The other phones of the pool that are up now.
    fn others_up(&self) -> Vec<String> {
        self.siblings
            .iter()
            .filter(|g| g.is_up())
            .filter_map(|g| g.phone().map(str::to_string))
            .collect()
    }

    /// Run until `stop` turns true; then finish what is in flight and record it.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let name: Arc<str> = self.gateway.name().into();
        let in_flight = self.gateway.max_in_flight().max(1);
        let permits = Arc::new(Semaphore::new(in_flight));
        let (done_tx, done_rx) = mpsc::unbounded_channel::<(Completion, OwnedSemaphorePermit)>();
        let writer = tokio::spawn(write_completions(
            self.store.clone(),
            name.clone(),
            done_rx,
            self.wake.clone(),
        ));
        let lease_ms = i64::from(self.settings.lease_seconds) * 1000;
        let mut paused_until: Option<Instant> = None;
        // Set by a send that was throttled: the dispatcher stops claiming until then.
        let pause = Arc::new(AtomicI64::new(0));
        let meters = Arc::new(Meters::new(&name));
        // Sends start in the order their rows were claimed (an alert's before the bulk claimed
        // with it, a lane's in order): each send is first polled (which hands the message to the
        // gateway's queue) only after the one before it was.
        let mut previous: Option<tokio::sync::oneshot::Receiver<()>> = None;
        loop {
            if *stop.borrow() {
                break;
            }
            if let Some(until) = paused_until.take() {
                tokio::select! {
                    _ = tokio::time::sleep_until(until.into()) => {}
                    _ = stop.changed() => continue,
                }
            }
            // Claim no more than can be sent at once, so that leases do not expire in a local queue.
            // Claim in batches: wait until a good share of the window is free (or all of it), so that
            // each round trip to the database carries many rows.
            // ... but never for long: a reply must not wait behind slow sends.
            let want = (in_flight / 4).clamp(1, self.settings.batch as usize);
            if permits.available_permits() < want {
                let fuller = permits.clone().acquire_many_owned(want as u32);
                if let Ok(Ok(p)) = tokio::time::timeout(CLAIM_GATHER, fuller).await {
                    drop(p);
                }
                if permits.available_permits() == 0 {
                    let Ok(p) = permits.clone().acquire_owned().await else {
                        break;
                    };
                    drop(p);
                }
            }
            let free = permits.available_permits();
            if free == 0 {
                continue;
            }
            let ready = tokio::select! {
                ready = self.gateway.ready() => ready,
                _ = stop.changed() => continue,
            };
            if !ready {
                tokio::select! {
                    _ = tokio::time::sleep(NOT_READY_POLL) => {}
                    _ = stop.changed() => {}
                }
                continue;
            }
            let limit = free.min(self.settings.batch as usize) as u32;
            let others_up = self.others_up();
            let who = Claimant {
                queue: &name,
                phone: self.gateway.phone().map(|p| (p, others_up.as_slice())),
            };
            let rows = match self.store.claim(who, limit, lease_ms).await {
                Ok(rows) => rows,
                Err(e) => {
                    tracing::warn!(gateway = &*name, error = %e, "claim failed");
                    tokio::time::sleep(IDLE_POLL).await;
                    continue;
                }
            };
            if rows.is_empty() {
                let wait = match self.store.next_due(who).await {
                    // Due but not claimable: held back by an earlier message to the same person
                    // still in flight (here or on another phone of the pool). Its outcome wakes us.
                    Ok(Some(at)) if at <= now_ms() => Duration::from_millis(250),
                    Ok(Some(at)) => Duration::from_millis(
                        u64::try_from(at - now_ms()).unwrap_or(0).clamp(1, 250),
                    ),
                    _ => IDLE_POLL,
                };
                tokio::select! {
                    _ = self.wake.notified() => {}
                    _ = tokio::time::sleep(wait) => {}
                    _ = stop.changed() => {}
                }
                continue;
            }
            for row in rows {
                let Ok(permit) = permits.clone().acquire_owned().await else {
                    break;
                };
                let gateway = self.gateway.clone();
                let done = done_tx.clone();
                let settings = self.settings.clone();
                let pause = pause.clone();
                let meters = meters.clone();
                let (release, next) = tokio::sync::oneshot::channel::<()>();
                let wait_for = previous.replace(next);
                tokio::spawn(async move {
                    // Our turn: the send before ours has started (or ended, or was dropped).
                    if let Some(turn) = wait_for {
                        let _ = turn.await;
                    }
                    let mut row = row;
                    // An alert's message whose time ran out while it waited for its turn is not
                    // sent: it goes back to the queue, where the next claim marks it expired.
                    if row.expires_at.is_some_and(|at| at <= now_ms()) {
                        let back = Completion::Retry {
                            id: row.id,
                            at: now_ms(),
                            code: None,
                            message: "expired before it could be sent".into(),
                            via: None,
                        };
                        let _ = done.send((back, permit));
                        return;
                    }
                    // The number and text move into the message; the verdict needs only the ids.
                    let sms = OutboundSms {
                        id: row.id,
                        to: std::mem::take(&mut row.to),
                        body: std::mem::take(&mut row.body),
                        segments: row.segments,
                        expires_at: row.expires_at,
                        queued_at: row.queued_at,
                    };
                    let started = Instant::now();
                    let mut send = std::pin::pin!(gateway.send(&sms));
                    let first = futures::poll!(send.as_mut());
                    let _ = release.send(());
                    let result = match first {
                        std::task::Poll::Ready(result) => result,
                        std::task::Poll::Pending => send.await,
                    };
                    meters.record(&result, started.elapsed());
                    if let (Ok(_), Some(queued)) = (&result, row.alert_queued_at) {
                        meters.alert_sent.record(seconds_since(queued));
                    }
                    if matches!(result, Err(SendError::Throttled { .. })) {
                        let until =
                            now_ms() + i64::try_from(THROTTLE_PAUSE.as_millis()).unwrap_or(1000);
                        pause.fetch_max(until, Ordering::Relaxed);
                    }
                    if let Err(e) = &result {
                        tracing::info!(gateway = gateway.name(), row = row.id, to = %crate::phone::mask(&sms.to), error = %crate::engine::mask_numbers(&e.to_string()), "send failed");
                    }
                    // The permit is released once the outcome is recorded: rows in `sending` never
                    // exceed the window, so a crash re-sends at most the window.
                    let verdict = verdict(&settings, &row, result, gateway.phone());
                    let _ = done.send((verdict, permit));
                });
            }
            let until = pause.load(Ordering::Relaxed);
            if until > now_ms() {
                let wait = u64::try_from(until - now_ms()).unwrap_or(0);
                paused_until = Some(Instant::now() + Duration::from_millis(wait));
            }
        }
        // Drain: wait for every send in flight, then for the writer.
        let _all = permits.acquire_many(in_flight as u32).await;
        drop(done_tx);
        let _ = writer.await;
    }
}

/// The dispatcher's metrics, registered once (a lookup by name and labels per message costs more
/// than the recording).
struct Meters {
    send_seconds: metrics::Histogram,
    accepted: metrics::Counter,
    transient: metrics::Counter,
    throttled: metrics::Counter,
    failed: metrics::Counter,
    /// Alert lane: from queued to accepted by the channel.
    alert_sent: metrics::Histogram,
}

/// Seconds from `at` (ms since the epoch) to now.
pub(crate) fn seconds_since(at: i64) -> f64 {
    (now_ms() - at).max(0) as f64 / 1000.0
}

impl Meters {
    fn new(gateway: &str) -> Meters {
        let outbound = |result: &'static str| metrics::counter!("smsup_outbound_total", "gateway" => gateway.to_string(), "result" => result);
        Meters {
            send_seconds: metrics::histogram!("smsup_send_seconds", "gateway" => gateway.to_string()),
            accepted: outbound("accepted"),
            transient: outbound("transient"),
            throttled: outbound("throttled"),
            failed: outbound("failed"),
            alert_sent: metrics::histogram!("smsup_alert_sent_seconds", "gateway" => gateway.to_string()),
        }
    }

    fn record(&self, result: &Result<crate::channels::Accepted, SendError>, took: Duration) {
        self.send_seconds.record(took.as_secs_f64());
        match result {
            Ok(_) => &self.accepted,
            Err(SendError::Transient { .. }) => &self.transient,
            Err(SendError::Throttled { .. }) => &self.throttled,
            Err(_) => &self.failed,
        }
        .increment(1);
    }
}

async fn write_completions(
    store: Arc<dyn Store>,
    gateway: Arc<str>,
    mut rx: mpsc::UnboundedReceiver<(Completion, OwnedSemaphorePermit)>,
    wake: Arc<Notify>,
) {
    let mut batch = Vec::with_capacity(COMPLETE_BATCH);
    let mut permits = Vec::with_capacity(COMPLETE_BATCH);
    while let Some((first, permit)) = rx.recv().await {
        batch.push(first);
        permits.push(permit);
        // Gather what else arrives within a few milliseconds: one transaction for many outcomes.
        let gather_until = tokio::time::Instant::now() + GATHER;
        while batch.len() < COMPLETE_BATCH {
            match tokio::time::timeout_at(gather_until, rx.recv()).await {
                Ok(Some((c, p))) => {
                    batch.push(c);
                    permits.push(p);
                }
                Ok(None) | Err(_) => break,
            }
        }
        let mut tries = 0u32;
        loop {
            match store.complete(&gateway, &batch).await {
                Ok(()) => break,
                Err(e) => {
                    tries += 1;
                    tracing::error!(gateway = &*gateway, error = %e, tries, "recording send results failed; retrying");
                    tokio::time::sleep(Duration::from_millis(200 * u64::from(tries.min(25)))).await;
                }
            }
        }
        batch.clear();
        permits.clear();
        // Rows to the same recipients may now be claimable.
        wake.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let s = DispatcherSettings {
            retry_base_ms: 1000,
            retry_max_ms: 10_000,
            ..DispatcherSettings::default()
        };
        let ms = |a| backoff(&s, a).as_millis();
        assert!((800..=1200).contains(&ms(1)));
        assert!((1600..=2400).contains(&ms(2)));
        assert!((3200..=4800).contains(&ms(3)));
        assert!((8000..=12_000).contains(&ms(9)));
        assert!(ms(200) <= 12_000);
    }

    fn row(attempts: u32) -> Claimed {
        Claimed {
            id: 1,
            recipient_id: 2,
            to: "+60123456789".into(),
            body: "hi".into(),
            segments: 1,
            attempts,
            expires_at: None,
            alert_queued_at: None,
            queued_at: 0,
        }
    }

    #[test]
    fn a_number_quoted_in_a_providers_error_is_stored_masked() {
        let s = DispatcherSettings::default();
        let quoted = "The 'To' number +60123456789 is not a valid phone number.";
        for error in [
            SendError::Undeliverable {
                code: Some("21211".into()),
                message: quoted.into(),
            },
            SendError::Transient {
                code: None,
                message: quoted.into(),
                retry_after: None,
            },
        ] {
            let message = match verdict(&s, &row(1), Err(error), None) {
                Completion::Failed { message, .. } | Completion::Retry { message, .. } => message,
                other => panic!("{other:?}"),
            };
            assert!(!message.contains("123456789"), "{message}");
            assert!(message.contains("is not a valid phone number"), "{message}");
        }
    }

    #[test]
    fn verdicts() {
        let s = DispatcherSettings::default();
        let transient = || SendError::Transient {
            code: Some("20429".into()),
            message: "busy".into(),
            retry_after: None,
        };
        assert!(matches!(
            verdict(&s, &row(1), Err(transient()), None),
            Completion::Retry { .. }
        ));
        assert!(matches!(
            verdict(&s, &row(s.max_attempts), Err(transient()), None),
            Completion::Failed {
                reason: FailReason::Exhausted,
                ..
            }
        ));
        assert!(matches!(
            verdict(
                &s,
                &row(1),
                Err(SendError::OptedOut {
                    code: Some("21610".into()),
                    message: "stop".into()
                }),
                None
            ),
            Completion::Failed {
                reason: FailReason::OptedOut,
                ..
            }
        ));
        assert!(matches!(
            verdict(
                &s,
                &row(1),
                Err(SendError::Undeliverable {
                    code: Some("21211".into()),
                    message: "bad".into()
                }),
                None
            ),
            Completion::Failed {
                reason: FailReason::Undeliverable,
                ..
            }
        ));
        match verdict(
            &s,
            &row(1),
            Err(SendError::Transient {
                code: None,
                message: "429".into(),
                retry_after: Some(Duration::from_secs(30)),
            }),
            None,
        ) {
            Completion::Retry { at, .. } => assert!(at - now_ms() >= 29_000),
            other => panic!("{other:?}"),
        }
        // No answer from a phone of a pool: the same phone again while it is up.
        let unanswered = || SendError::Unanswered {
            message: "timed out".into(),
        };
        match verdict(&s, &row(1), Err(unanswered()), Some("kl1")) {
            Completion::Retry { via, .. } => assert_eq!(via.as_deref(), Some("kl1")),
            other => panic!("{other:?}"),
        }
        match verdict(&s, &row(1), Err(transient()), Some("kl1")) {
            Completion::Retry { via, .. } => assert_eq!(via, None, "any phone may retry it"),
            other => panic!("{other:?}"),
        }
    }
}
