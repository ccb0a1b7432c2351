//! The dispatcher's hot path on SQLite: claiming rows, recording send results and applying delivery
//! receipts. The calls run on a thread of their own, with its own connection, so a transaction never
//! waits for the async runtime between its statements: on a busy machine those waits, not the SQL,
//! were what kept the single writer occupied. The thread takes the process's write lock itself and
//! commits the calls that are waiting together (each in a savepoint).

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use tokio::sync::oneshot;

use super::{Completion, FailReason, StoreError};
use crate::channels::{DeliveryState, StatusOutcome, StatusUpdate};

/// A unit of work for the writer thread.
trait Job: Send {
    /// Runs inside the group's transaction (in a savepoint); false when it failed.
    fn run(&mut self, t: &Transaction<'_>) -> bool;
    /// Answers the caller once the group is over: `failed` is the error that undid the whole
    /// transaction, if one did (a job that failed by itself reports its own error).
    fn answer(self: Box<Self>, failed: Option<&rusqlite::Error>);
}

/// A job: the work, then its result until the group commits, and where to send it.
struct Pending<T, F> {
    work: Option<F>,
    result: Option<Result<T, StoreError>>,
    reply: oneshot::Sender<Result<T, StoreError>>,
}

impl<T, F> Job for Pending<T, F>
where
    T: Send,
    F: FnOnce(&Transaction<'_>) -> Result<T, StoreError> + Send,
{
    fn run(&mut self, t: &Transaction<'_>) -> bool {
        let Some(work) = self.work.take() else {
            return false;
        };
        let result = work(t);
        let ok = result.is_ok();
        self.result = Some(result);
        ok
    }

    fn answer(self: Box<Self>, failed: Option<&rusqlite::Error>) {
        let result = match (self.result, failed) {
            (Some(Err(e)), _) => Err(e),
            (Some(Ok(value)), None) => Ok(value),
            (_, Some(e)) => Err(StoreError::GroupFailed(e.to_string())),
            (None, None) => Err(StoreError::GroupFailed("the job did not run".into())),
        };
        let _ = self.reply.send(result);
    }
}

/// Most jobs committed together.
const MAX_GROUP: usize = 64;

/// Counts of the writer thread's work, for benchmarks.
#[derive(Debug, Default)]
pub struct HotStats {
    /// Jobs run.
    pub jobs: AtomicU64,
    /// Transactions committed (or attempted) for them.
    pub groups: AtomicU64,
}

/// Sets the queued rows of one member to `cancelled` (an opt-out): shared with the async store.
pub(super) const CANCEL_QUEUED: &str =
    "UPDATE outbox SET state = 'cancelled', updated_at = ?1, phone_enc = NULL WHERE recipient_id = ?2 AND state = 'queued'";

/// Keeps a status update whose provider id is not known (yet). A final state kept stays: a "sent"
/// that arrives after its "delivered" (webhooks race) must not undo it.
const KEEP_PENDING: &str =
    "INSERT INTO pending_status (gateway, provider_id, state, error_code, received_at, parts)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
     ON CONFLICT (gateway, provider_id) DO UPDATE SET
       parts = COALESCE(excluded.parts, pending_status.parts),
       state = CASE WHEN pending_status.state IN ('delivered', 'undelivered', 'failed')
                    THEN pending_status.state ELSE excluded.state END,
       error_code = CASE WHEN pending_status.state IN ('delivered', 'undelivered', 'failed')
                         THEN pending_status.error_code ELSE excluded.error_code END,
       received_at = excluded.received_at";

/// The handle to the writer thread; the thread ends when the last handle is dropped.
///
/// The thread takes the write lock itself and lets it go as soon as the commit is done, so the lock is
/// held for the work alone, not until an async task gets round to dropping a guard. It commits jobs
/// in groups: it takes every job that is waiting (up to [`MAX_GROUP`]), runs each in a savepoint of
/// one IMMEDIATE transaction (a job that fails is undone alone) and commits once, so writes that
/// queue up behind a busy lock share a commit.
#[derive(Debug)]
pub(super) struct HotWriter {
    jobs: mpsc::Sender<Box<dyn Job>>,
    stats: Arc<HotStats>,
}

impl HotWriter {
    /// Opens a second connection to the database at `path` (migrated already) and starts its thread.
    /// The thread holds `writer` (the process's write lock) while a group runs and adds the time to
    /// `busy_ns`.
    pub(super) fn open(
        path: &Path,
        writer: Arc<tokio::sync::Mutex<()>>,
        busy_ns: Arc<AtomicU64>,
    ) -> Result<HotWriter, StoreError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA cache_size = -32768;
             PRAGMA wal_autocheckpoint = 10000;
             PRAGMA foreign_keys = ON;",
        )?;
        conn.set_prepared_statement_cache_capacity(64);
        let (jobs, rx) = mpsc::channel::<Box<dyn Job>>();
        let stats = Arc::new(HotStats::default());
        let counts = stats.clone();
        std::thread::Builder::new()
            .name("smsup-sqlite-hot".into())
            .spawn(move || {
                let stats = counts;
                let mut conn = conn;
                let mut group: Vec<Box<dyn Job>> = Vec::with_capacity(MAX_GROUP);
                while let Ok(first) = rx.recv() {
                    group.push(first);
                    // Jobs that come while the lock is busy join this group.
                    let _lock = writer.blocking_lock();
                    while group.len() < MAX_GROUP {
                        match rx.try_recv() {
                            Ok(job) => group.push(job),
                            Err(_) => break,
                        }
                    }
                    stats.jobs.fetch_add(group.len() as u64, Ordering::Relaxed);
                    stats.groups.fetch_add(1, Ordering::Relaxed);
                    let started = Instant::now();
                    let failed = run_group(&mut conn, &mut group);
                    let ns = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
                    busy_ns.fetch_add(ns, Ordering::Relaxed);
                    drop(_lock);
                    for job in group.drain(..) {
                        job.answer(failed.as_ref());
                    }
                }
            })
            .map_err(|e| StoreError::WriterGone(e.to_string()))?;
        Ok(HotWriter { jobs, stats })
    }

    /// The thread's counts so far.
    pub(super) fn stats(&self) -> &HotStats {
        &self.stats
    }

    /// Runs `f` on the writer thread, in a transaction that may hold other jobs too; resolves once
    /// that transaction has committed (Ok with `f`'s value) or when `f` or the commit failed.
    pub(super) async fn run<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, StoreError> + Send + 'static,
    {
        let (reply, rx) = oneshot::channel();
        let job: Box<dyn Job> = Box::new(Pending {
            work: Some(f),
            result: None,
            reply,
        });
        self.jobs
            .send(job)
            .map_err(|_| StoreError::WriterGone("the writer thread stopped".into()))?;
        rx.await
            .map_err(|_| StoreError::WriterGone("the writer thread dropped a job".into()))?
    }
}

/// Runs `group` in one IMMEDIATE transaction, each job in a savepoint that is rolled back if the job
/// fails; returns the error that undid the whole transaction, if one did.
fn run_group(conn: &mut Connection, group: &mut [Box<dyn Job>]) -> Option<rusqlite::Error> {
    let t = match conn.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(t) => t,
        Err(e) => return Some(e),
    };
    for job in group.iter_mut() {
        if let Err(e) = t.execute_batch("SAVEPOINT job") {
            return Some(e); // dropping `t` rolls everything back
        }
        let end = if job.run(&t) {
            "RELEASE job"
        } else {
            "ROLLBACK TO job; RELEASE job"
        };
        if let Err(e) = t.execute_batch(end) {
            return Some(e);
        }
    }
    t.commit().err()
}

/// A claimed row as the database returns it (the number still encrypted, the text by id).
pub(super) struct ClaimRow {
    /// Outbox row id.
    pub id: i64,
    /// The recipient member.
    pub recipient_id: i64,
    /// Attempts so far, this one included.
    pub attempts: i64,
    /// The text's `messages` id.
    pub message_id: i64,
    /// The recipient's encrypted number (None only if the member row is missing).
    pub phone_enc: Option<Vec<u8>>,
    /// When the row expires (alerts).
    pub expires_at: Option<i64>,
    /// When a message of the alert lane was queued (its latency is measured).
    pub alert_queued_at: Option<i64>,
    /// When the row was queued.
    pub queued_at: i64,
}

/// A text read for the cache: (messages id, body, segments).
pub(super) type TextRow = (i64, String, i64);

/// Claims up to `limit` due rows of `gateway` (the most urgent lane first, then oldest first; never a
/// row whose recipient has an earlier one of the same or a more urgent lane waiting or in flight, so
/// that order holds within a lane and an alert or a reply overtakes bulk) and reads the texts not in
/// `known`.
pub(super) fn claim(
    t: &Transaction<'_>,
    (gateway, phone, others_up): (&str, Option<&str>, &str),
    limit: u32,
    lease_until: i64,
    now: i64,
    known: &dyn Fn(i64) -> bool,
) -> Result<(Vec<ClaimRow>, Vec<TextRow>), StoreError> {
    // An alert's message not sent in time expires (it is never delivered late), a retry's too.
    t.prepare_cached(
        "UPDATE outbox SET state = 'expired', lease_until = NULL, phone_enc = NULL, updated_at = ?1
         WHERE gateway = ?2 AND state = 'queued' AND expires_at IS NOT NULL AND expires_at <= ?1",
    )?
    .execute(params![now, gateway])?;
    let mut stmt = t.prepare_cached(
        "UPDATE outbox SET state = 'sending', lease_until = ?1, attempts = attempts + 1, updated_at = ?2
         WHERE id IN (
            SELECT o.id FROM outbox o
            WHERE o.gateway = ?3 AND o.state = 'queued' AND o.next_attempt_at <= ?2
              AND (o.via IS NULL OR o.via = ?5
                   OR o.via NOT IN (SELECT value FROM json_each(?6)))
              AND NOT EXISTS (
                SELECT 1 FROM outbox p
                WHERE p.recipient_id = o.recipient_id AND p.id < o.id
                  AND p.state IN ('queued', 'sending') AND p.priority <= o.priority)
            ORDER BY o.priority, o.id
            LIMIT ?4)
         RETURNING id, recipient_id, attempts, message_id, priority,
           COALESCE(outbox.phone_enc,
                    (SELECT phone_enc FROM members m WHERE m.id = outbox.recipient_id)),
           expires_at, CASE WHEN priority = 0 AND expires_at IS NOT NULL THEN created_at END,
           created_at",
    )?;
    let mut rows: Vec<(i64, ClaimRow)> = stmt
        .query_map(
            params![
                lease_until,
                now,
                gateway,
                i64::from(limit),
                phone,
                others_up
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(4)?,
                    ClaimRow {
                        id: r.get(0)?,
                        recipient_id: r.get(1)?,
                        attempts: r.get(2)?,
                        message_id: r.get(3)?,
                        phone_enc: r.get(5)?,
                        expires_at: r.get(6)?,
                        alert_queued_at: r.get(7)?,
                        queued_at: r.get(8)?,
                    },
                ))
            },
        )?
        .collect::<Result<_, _>>()?;
    // RETURNING gives no order: replies first, then oldest first.
    rows.sort_by_key(|(priority, r)| (*priority, r.id));
    let mut missing: Vec<i64> = rows
        .iter()
        .map(|(_, r)| r.message_id)
        .filter(|id| !known(*id))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    let mut texts = Vec::new();
    if !missing.is_empty() {
        let mut stmt = t.prepare_cached(
            "SELECT id, body, segments FROM messages WHERE id IN (SELECT value FROM json_each(?1))",
        )?;
        texts = stmt
            .query_map([serde_json::Value::from(missing).to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
    }
    Ok((rows.into_iter().map(|(_, r)| r).collect(), texts))
}

/// Records a batch of send results.
pub(super) fn complete(
    t: &Transaction<'_>,
    gateway: &str,
    results: &[Completion],
    now: i64,
) -> Result<(), StoreError> {
    // Accepted rows in two statements (delivered at once, or sent), not one per row.
    for delivered in [true, false] {
        let ids: Vec<i64> = results
            .iter()
            .filter_map(|r| match r {
                Completion::Sent {
                    id, delivered: d, ..
                } if *d == delivered => Some(*id),
                _ => None,
            })
            .collect();
        if ids.is_empty() {
            continue;
        }
        t.prepare_cached(
            "UPDATE outbox SET state = ?1, lease_until = NULL, sent_at = ?2, updated_at = ?2,
             delivered_at = CASE WHEN ?3 THEN ?2 END, error_code = NULL, error_message = NULL,
             phone_enc = NULL
             WHERE id IN (SELECT value FROM json_each(?4)) AND state = 'sending'
             RETURNING CASE WHEN priority = 0 AND expires_at IS NOT NULL THEN created_at END",
        )?
        .query_map(
            params![
                if delivered { "delivered" } else { "sent" },
                now,
                delivered,
                serde_json::Value::from(ids).to_string()
            ],
            |r| r.get::<_, Option<i64>>(0),
        )?
        .collect::<Result<Vec<_>, _>>()
        .map(|queued| {
            if delivered {
                alert_delivered(gateway, &queued, now);
            }
        })?;
    }
    // The provider ids of the whole batch in one statement.
    let pairs: Vec<serde_json::Value> = results
        .iter()
        .filter_map(|r| match r {
            Completion::Sent {
                id, provider_ids, ..
            } => Some(
                provider_ids
                    .iter()
                    .map(move |pid| serde_json::json!([pid, id])),
            ),
            _ => None,
        })
        .flatten()
        .collect();
    if !pairs.is_empty() {
        t.prepare_cached(
            "INSERT INTO provider_ids (gateway, provider_id, outbox_id)
             SELECT ?1, value ->> 0, value ->> 1 FROM json_each(?2) WHERE true
             ON CONFLICT (gateway, provider_id) DO UPDATE SET outbox_id = excluded.outbox_id",
        )?
        .execute(params![gateway, serde_json::Value::from(pairs).to_string()])?;
    }
    let has_pending: bool = t
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM pending_status WHERE gateway = ?1)")?
        .query_row([gateway], |r| r.get(0))?;
    if has_pending {
        // Status updates that arrived before these ids were stored (a receipt before its submit's
        // answer was recorded): taken back for the whole batch at once.
        let ids: Vec<&str> = results
            .iter()
            .filter_map(|r| match r {
                Completion::Sent { provider_ids, .. } => Some(provider_ids.iter()),
                _ => None,
            })
            .flatten()
            .map(String::as_str)
            .collect();
        let waiting: Vec<(String, String, Option<String>, Option<u32>)> = t
            .prepare_cached(
                "DELETE FROM pending_status
                 WHERE gateway = ?1 AND provider_id IN (SELECT value FROM json_each(?2))
                 RETURNING provider_id, state, error_code, parts",
            )?
            .query_map(
                params![gateway, serde_json::Value::from(ids).to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?
            .collect::<Result<_, _>>()?;
        let mut delivered: Vec<&str> = Vec::new();
        for (pid, state, code, parts) in &waiting {
            if let Some(parts) = parts {
                set_parts(t, gateway, pid, *parts)?;
            }
            match parse_delivery_state(state) {
                Some(DeliveryState::Delivered) => delivered.push(pid),
                Some(state) => {
                    apply_one(t, gateway, pid, state, code.as_deref(), now)?;
                }
                None => {}
            }
        }
        deliver_parts(t, gateway, &delivered, now)?;
    }
    for result in results {
        match result {
            Completion::Sent { .. } => {}
            Completion::Retry {
                id,
                at,
                code,
                message,
                via,
            } => {
                t.prepare_cached(
                    "UPDATE outbox SET state = 'queued', lease_until = NULL, next_attempt_at = ?1,
                     error_code = ?2, error_message = ?3, updated_at = ?4, via = COALESCE(?6, via)
                     WHERE id = ?5 AND state = 'sending'",
                )?
                .execute(params![at, code, message, now, id, via])?;
            }
            Completion::Failed {
                id,
                recipient_id,
                reason,
                code,
                message,
            } => {
                t.prepare_cached(
                    "UPDATE outbox SET state = 'failed', lease_until = NULL, error_code = ?1,
                     error_message = ?2, updated_at = ?3, phone_enc = NULL
                     WHERE id = ?4 AND state = 'sending'",
                )?
                .execute(params![code, message, now, id])?;
                match reason {
                    FailReason::OptedOut => {
                        t.prepare_cached("UPDATE members SET opted_out = 1 WHERE id = ?1")?
                            .execute([recipient_id])?;
                        t.prepare_cached(CANCEL_QUEUED)?
                            .execute(params![now, recipient_id])?;
                    }
                    FailReason::Undeliverable => {
                        t.prepare_cached("UPDATE members SET undeliverable = 1 WHERE id = ?1")?
                            .execute([recipient_id])?;
                    }
                    FailReason::Permanent | FailReason::Exhausted => {}
                }
            }
        }
    }
    Ok(())
}

/// Applies a batch of delivery status updates; unknown ids are kept in `pending_status` for a day.
pub(super) fn apply_status(
    t: &Transaction<'_>,
    updates: &[StatusUpdate],
    now: i64,
) -> Result<StatusOutcome, StoreError> {
    let mut outcome = StatusOutcome::default();
    let Some(first) = updates.first() else {
        return Ok(outcome);
    };
    // Fast path: the "delivered" receipts of one gateway (nearly all of them) in two statements for
    // the whole batch; everything else one by one below.
    let gateway = first.channel.as_str();
    let delivered: Vec<&str> = updates
        .iter()
        .filter(|u| u.channel == gateway && u.state == DeliveryState::Delivered)
        .map(|u| u.provider_id.as_str())
        .collect();
    let known = deliver_parts(t, gateway, &delivered, now)?;
    for u in updates {
        let matched = if u.channel == gateway && u.state == DeliveryState::Delivered {
            known.contains(&u.provider_id)
        } else {
            apply_one(
                t,
                &u.channel,
                &u.provider_id,
                u.state,
                u.error_code.as_deref(),
                now,
            )?
        };
        if let (true, Some(parts)) = (matched, u.parts) {
            set_parts(t, &u.channel, &u.provider_id, parts)?;
        }
        if matched {
            outcome.matched += 1;
        } else {
            // Perhaps the submit's answer is not stored yet: keep it for when it is.
            t.prepare_cached(KEEP_PENDING)?.execute(params![
                u.channel,
                u.provider_id,
                delivery_state_name(u.state),
                u.error_code,
                now,
                u.parts
            ])?;
            outcome.unknown += 1;
        }
    }
    // Updates for ids that never turned up are dropped after a day.
    if outcome.unknown > 0 {
        t.prepare_cached("DELETE FROM pending_status WHERE received_at < ?1")?
            .execute([now - 86_400_000])?;
    }
    Ok(outcome)
}

/// Marks the parts `provider_ids` of `gateway` delivered (a part in a final state stays as it is),
/// and their rows once all of a row's parts are; returns the ids that were known.
fn deliver_parts(
    t: &Transaction<'_>,
    gateway: &str,
    provider_ids: &[&str],
    now: i64,
) -> Result<std::collections::HashSet<String>, StoreError> {
    if provider_ids.is_empty() {
        return Ok(std::collections::HashSet::new());
    }
    let found: Vec<(String, i64)> = t
        .prepare_cached(
            "UPDATE provider_ids
             SET state = CASE WHEN state IN ('delivered', 'undelivered', 'failed') THEN state
                              ELSE 'delivered' END
             WHERE gateway = ?1 AND provider_id IN (SELECT value FROM json_each(?2))
             RETURNING provider_id, outbox_id",
        )?
        .query_map(
            params![gateway, serde_json::Value::from(provider_ids).to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .collect::<Result<_, _>>()?;
    let rows: Vec<i64> = found.iter().map(|(_, row)| *row).collect();
    // A long message is delivered when all its parts are.
    t.prepare_cached(
        "UPDATE outbox SET state = 'delivered', provider_status = 'delivered',
           delivered_at = ?1, updated_at = ?1
         WHERE id IN (SELECT value FROM json_each(?2))
           AND state NOT IN ('delivered', 'undelivered', 'failed', 'cancelled', 'expired')
           AND NOT EXISTS (SELECT 1 FROM provider_ids p
                           WHERE p.outbox_id = outbox.id AND p.state != 'delivered')
         RETURNING CASE WHEN priority = 0 AND expires_at IS NOT NULL THEN created_at END",
    )?
    .query_map(
        params![now, serde_json::Value::from(rows).to_string()],
        |r| r.get::<_, Option<i64>>(0),
    )?
    .collect::<Result<Vec<_>, _>>()
    .map(|queued| alert_delivered(gateway, &queued, now))?;
    Ok(found.into_iter().map(|(id, _)| id).collect())
}

/// Applies one status to a provider id; false when the id is unknown. A part and its row never
/// leave a final state; a long message is delivered when all its parts are.
/// Records how many parts the provider sent the message of `provider_id` in.
fn set_parts(
    t: &Transaction<'_>,
    gateway: &str,
    provider_id: &str,
    parts: u32,
) -> Result<(), StoreError> {
    t.prepare_cached(
        "UPDATE outbox SET segments = ?3
         WHERE id = (SELECT outbox_id FROM provider_ids WHERE gateway = ?1 AND provider_id = ?2)",
    )?
    .execute(params![gateway, provider_id, parts])?;
    Ok(())
}

fn apply_one(
    t: &Transaction<'_>,
    gateway: &str,
    provider_id: &str,
    state: DeliveryState,
    error_code: Option<&str>,
    now: i64,
) -> Result<bool, StoreError> {
    let part_state = delivery_state_name(state);
    let outbox_id: Option<i64> = t
        .prepare_cached(
            "UPDATE provider_ids
             SET state = CASE WHEN state IN ('delivered', 'undelivered', 'failed') THEN state ELSE ?1 END
             WHERE gateway = ?2 AND provider_id = ?3 RETURNING outbox_id",
        )?
        .query_row(params![part_state, gateway, provider_id], |r| r.get(0))
        .optional()?;
    let Some(outbox_id) = outbox_id else {
        return Ok(false);
    };
    match state {
        DeliveryState::Queued | DeliveryState::Sent => {
            t.prepare_cached(
                "UPDATE outbox SET provider_status = ?1, updated_at = ?2
                 WHERE id = ?3 AND state NOT IN ('delivered', 'undelivered', 'failed', 'cancelled', 'expired')",
            )?
            .execute(params![part_state, now, outbox_id])?;
        }
        DeliveryState::Delivered => {
            t.prepare_cached(
                "UPDATE outbox SET state = ?1, provider_status = ?1, delivered_at = ?2, updated_at = ?2
                 WHERE id = ?3 AND state NOT IN ('delivered', 'undelivered', 'failed', 'cancelled', 'expired')
                   AND NOT EXISTS (
                     SELECT 1 FROM provider_ids WHERE outbox_id = ?3 AND state != 'delivered')
                 RETURNING CASE WHEN priority = 0 AND expires_at IS NOT NULL THEN created_at END",
            )?
            .query_map(params![part_state, now, outbox_id], |r| {
                r.get::<_, Option<i64>>(0)
            })?
            .collect::<Result<Vec<_>, _>>()
            .map(|queued| alert_delivered(gateway, &queued, now))?;
        }
        DeliveryState::Undelivered | DeliveryState::Failed => {
            t.prepare_cached(
                "UPDATE outbox SET state = ?1, provider_status = ?1,
                   error_code = COALESCE(?4, error_code), updated_at = ?2
                 WHERE id = ?3 AND state NOT IN ('delivered', 'undelivered', 'failed', 'cancelled', 'expired')",
            )?
            .execute(params![part_state, now, outbox_id, error_code])?;
        }
    }
    Ok(true)
}

/// Records, for the alert lane's rows among those just delivered (`queued`: when each was queued,
/// None outside the lane), the time from queued to delivered.
fn alert_delivered(gateway: &str, queued: &[Option<i64>], now: i64) {
    let mut alerts = queued.iter().flatten().peekable();
    if alerts.peek().is_none() {
        return;
    }
    let h = metrics::histogram!("smsup_alert_delivered_seconds", "gateway" => gateway.to_string());
    for at in alerts {
        h.record((now - at).max(0) as f64 / 1000.0);
    }
}

/// The name a delivery state has in the database.
pub(super) fn delivery_state_name(state: DeliveryState) -> &'static str {
    match state {
        DeliveryState::Queued => "queued",
        DeliveryState::Sent => "sent",
        DeliveryState::Delivered => "delivered",
        DeliveryState::Undelivered => "undelivered",
        DeliveryState::Failed => "failed",
    }
}

/// A delivery state from its database name.
pub(super) fn parse_delivery_state(s: &str) -> Option<DeliveryState> {
    Some(match s {
        "queued" => DeliveryState::Queued,
        "sent" => DeliveryState::Sent,
        "delivered" => DeliveryState::Delivered,
        "undelivered" => DeliveryState::Undelivered,
        "failed" => DeliveryState::Failed,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn writer_on(dir: &tempfile::TempDir) -> (HotWriter, Arc<tokio::sync::Mutex<()>>) {
        let path = dir.path().join("hot.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);",
        )
        .unwrap();
        let lock = Arc::new(tokio::sync::Mutex::new(()));
        let writer = HotWriter::open(&path, lock.clone(), Arc::default()).unwrap();
        (writer, lock)
    }

    fn rows(dir: &tempfile::TempDir) -> Vec<(i64, String)> {
        let conn = Connection::open(dir.path().join("hot.db")).unwrap();
        let mut stmt = conn.prepare("SELECT id, v FROM t ORDER BY id").unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_job_that_fails_is_undone_alone_and_the_rest_of_its_group_commits() {
        let dir = tempfile::tempdir().unwrap();
        let (writer, lock) = writer_on(&dir);
        let writer = Arc::new(writer);
        // A row that job 5 collides with, whatever order the jobs reach the writer in.
        writer
            .run(|t| {
                t.execute("INSERT INTO t (id, v) VALUES (1, 'before')", [])?;
                Ok(())
            })
            .await
            .unwrap();
        // Hold the write lock so that the jobs queue up and run as one group.
        let held = lock.clone().lock_owned().await;
        let mut calls = Vec::new();
        for i in 1..=10i64 {
            let writer = writer.clone();
            calls.push(tokio::spawn(async move {
                writer
                    .run(move |t| {
                        t.execute("INSERT INTO t (id, v) VALUES (?1, 'ok')", [i * 10])?;
                        if i == 5 {
                            // Writes something, then fails: both must be undone.
                            t.execute("INSERT INTO t (id, v) VALUES (51, 'half')", [])?;
                            t.execute("INSERT INTO t (id, v) VALUES (1, 'duplicate')", [])?;
                        }
                        Ok(i)
                    })
                    .await
            }));
        }
        // Let every job reach the writer thread's queue, then let the group run.
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(
            rows(&dir).len(),
            1,
            "nothing commits while the lock is held"
        );
        drop(held);
        let mut results = Vec::new();
        for c in calls {
            results.push(c.await.unwrap());
        }
        for (i, r) in (1..=10i64).zip(&results) {
            if i == 5 {
                assert!(matches!(r, Err(StoreError::Database(_))), "{r:?}");
            } else {
                assert_eq!(r.as_ref().ok(), Some(&i));
            }
        }
        let ids: Vec<i64> = rows(&dir).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, vec![1, 10, 20, 30, 40, 60, 70, 80, 90, 100]);
        let stats = writer.stats();
        assert_eq!(stats.jobs.load(Ordering::Relaxed), 11);
        assert_eq!(
            stats.groups.load(Ordering::Relaxed),
            2,
            "the ten jobs in one transaction"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_commit_that_fails_fails_every_job_of_the_group() {
        let dir = tempfile::tempdir().unwrap();
        let (writer, lock) = writer_on(&dir);
        // A deferred foreign-key violation is only found at COMMIT.
        writer
            .run(|t| {
                t.execute_batch(
                    "CREATE TABLE parent (id INTEGER PRIMARY KEY);
                     CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);",
                )?;
                Ok(())
            })
            .await
            .unwrap();
        // A good job and a bad one in one group: the bad one breaks the commit, so neither lands.
        let writer = Arc::new(writer);
        let held = lock.clone().lock_owned().await;
        let good = tokio::spawn({
            let writer = writer.clone();
            async move {
                writer
                    .run(|t| {
                        t.execute("INSERT INTO t (id, v) VALUES (1, 'x')", [])?;
                        Ok(())
                    })
                    .await
            }
        });
        let bad = tokio::spawn({
            let writer = writer.clone();
            async move {
                writer
                    .run(|t| {
                        t.execute("INSERT INTO child (p) VALUES (42)", [])?;
                        Ok(())
                    })
                    .await
            }
        });
        tokio::time::sleep(Duration::from_millis(200)).await;
        drop(held);
        for r in [good.await.unwrap(), bad.await.unwrap()] {
            assert!(matches!(r, Err(StoreError::GroupFailed(_))), "{r:?}");
        }
        assert!(rows(&dir).is_empty());
        // The writer goes on.
        writer
            .run(|t| {
                t.execute("INSERT INTO t (id, v) VALUES (2, 'y')", [])?;
                Ok(())
            })
            .await
            .unwrap();
        assert_eq!(rows(&dir), vec![(2, "y".to_string())]);
    }
}
