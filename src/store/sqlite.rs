//! The SQLite store (WAL, busy timeout; writes in `BEGIN IMMEDIATE` transactions).

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::hot;
use super::{
    now_ms, AuditRow, Claimant, Claimed, Completion, Counts, ExportRow, ImportTx, ImportedMember,
    Inbound, InboundRecord, InboundTx, Members, MembershipState, OutboxView, Queue, Receipts,
    ReconfirmCandidate, Reports, StoreError,
};
use super::{AlertReports, UnreportedAlert};
use crate::crypto::Crypto;
use crate::domain::{label, Priority};
use crate::domain::{StatusOutcome, StatusUpdate};
use crate::engine::{
    self, display_name, Effect, Facts, InviteeFacts, ListFacts, Needs, Role, Sender, TargetFacts,
    Usage,
};
use crate::phone::Phone;

pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// Lane of replies and notices.
const PRIORITY_REPLY: i64 = Priority::Reply.as_i64();
/// Lane of bulk fan-out.
const PRIORITY_BULK: i64 = Priority::Bulk.as_i64();
/// Alerts: before every reply and bulk message.
const PRIORITY_ALERT: i64 = Priority::Alert.as_i64();

/// The sender's membership of a list: role, label, state, when they asked to join, reporter.
type MembershipRow = (String, Option<String>, String, Option<i64>, i64);

/// The texts of a fan-out with the members each goes to: the text to all, or, when there is a
/// Zawgyi one (a text with Burmese), the text to all but Zawgyi readers and the Zawgyi text to
/// them (a condition on `m`).
fn by_font(message_id: i64, zawgyi_id: Option<i64>) -> Vec<(i64, &'static str)> {
    match zawgyi_id {
        None => vec![(message_id, "")],
        Some(z) => vec![
            (message_id, "AND COALESCE(m.font, '') != 'Zawgyi'"),
            (z, "AND m.font = 'Zawgyi'"),
        ],
    }
}

/// The lane a fan-out is queued in, and when its messages expire (alerts only).
#[derive(Debug, Clone, Copy)]
struct Lane {
    /// `outbox.priority`.
    priority: i64,
    /// `outbox.expires_at`: not sent by then, never sent.
    expires_at: Option<i64>,
}

impl Lane {
    /// Posts and notices to a whole list.
    const BULK: Lane = Lane {
        priority: PRIORITY_BULK,
        expires_at: None,
    };

    /// An alert that expires at `expires_at`; a TEST one in the replies' lane, so that a drill
    /// never holds up a real alert or a reply.
    fn alert(expires_at: i64, test: bool) -> Lane {
        Lane {
            priority: if test { PRIORITY_REPLY } else { PRIORITY_ALERT },
            expires_at: Some(expires_at),
        }
    }

    /// `posts.alert`: 0 a post, 1 an alert, 2 a TEST alert.
    fn post_kind(self) -> i64 {
        match (self.priority, self.expires_at) {
            (_, None) => 0,
            (PRIORITY_ALERT, Some(_)) => 1,
            (_, Some(_)) => 2,
        }
    }
}

/// The SQLite implementation of [`Store`].
#[derive(Clone, Debug)]
pub struct SqliteStore {
    /// Readers.
    pool: SqlitePool,
    /// The one writer connection.
    write_pool: SqlitePool,
    crypto: Crypto,
    default_gateway: String,
    /// One writer at a time inside this process: waiting here is cheaper than SQLite's busy handler,
    /// which sleeps. Other processes (the `members` commands) still meet the busy timeout.
    writer: Arc<tokio::sync::Mutex<()>>,
    /// Total time the writer was held, for benchmarks.
    write_busy_ns: Arc<AtomicU64>,
    /// Outbound texts by `messages` id (rows never change once written): a broadcast's text is
    /// read once, not once per recipient.
    texts: Arc<std::sync::Mutex<TextCache>>,
    /// The dispatcher's hot path: its own connection on its own thread.
    hot: Arc<hot::HotWriter>,
}

/// Outbound texts by `messages` id: (body, segments).
type TextCache = HashMap<i64, (Arc<str>, u32)>;

/// Most texts kept in [`SqliteStore`]'s cache before it starts over.
const TEXT_CACHE: usize = 1024;

/// Held while a write transaction runs; adds its duration to the store's busy time when dropped.
struct WriteGuard {
    _lock: tokio::sync::OwnedMutexGuard<()>,
    started: std::time::Instant,
    busy_ns: Arc<AtomicU64>,
}

impl Drop for WriteGuard {
    fn drop(&mut self) {
        let ns = u64::try_from(self.started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.busy_ns.fetch_add(ns, Ordering::Relaxed);
    }
}

/// Creates an empty database file readable and writable by its owner alone (it holds message
/// texts; SQLite gives its -wal and -shm files the same mode). An existing file is left as it is.
fn create_owner_only(path: &Path) -> Result<(), StoreError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::Io(format!("{}: {e}", path.display()))),
    }
}

impl SqliteStore {
    /// Open (creating if needed) the database at `path` and run migrations.
    pub async fn open(
        path: &Path,
        crypto: Crypto,
        default_gateway: &str,
    ) -> Result<SqliteStore, StoreError> {
        Self::open_with(path, crypto, default_gateway, true).await
    }

    /// Open the database at `path`, creating it only when `create` is true, run migrations, and
    /// check that `crypto` is the key its data was written with ([`StoreError::WrongKey`] if not).
    pub async fn open_with(
        path: &Path,
        crypto: Crypto,
        default_gateway: &str,
        create: bool,
    ) -> Result<SqliteStore, StoreError> {
        if !create && !path.exists() {
            return Err(StoreError::NoDatabase(path.display().to_string()));
        }
        if create {
            create_owner_only(path)?;
        }
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
            .create_if_missing(create)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(30))
            // 32 MiB of page cache for the writer (a 100,000-member import or fan-out stays in
            // memory); readers get less below.
            .pragma("cache_size", "-32768")
            // Checkpoint the WAL every ~40 MB rather than every 4 MB: fewer, larger copies under load.
            .pragma("wal_autocheckpoint", "10000")
            // Deleted and erased content is overwritten, not left in free space (FORGET).
            .pragma("secure_delete", "on")
            .foreign_keys(true);
        // All writes go through one connection: writes are serialised anyway, and a connection's page
        // cache stays valid only while no other connection writes.
        // No ping before each use: a round trip to the connection's thread per transaction.
        let write_pool = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await?;
        MIGRATOR.run(&write_pool).await?;
        check_key(&write_pool, &crypto).await?;
        upgrade_keys(&write_pool).await?;
        let writer = Arc::new(tokio::sync::Mutex::new(()));
        let write_busy_ns = Arc::new(AtomicU64::new(0));
        let hot = Arc::new(hot::HotWriter::open(
            path,
            writer.clone(),
            write_busy_ns.clone(),
        )?);
        // Readers scan (counts, reports): 8 MiB of page cache each is enough, the OS caches the file.
        let pool = SqlitePoolOptions::new()
            .max_connections(3)
            .test_before_acquire(false)
            .connect_with(options.pragma("cache_size", "-8192"))
            .await?;
        Ok(SqliteStore {
            pool,
            write_pool,
            crypto,
            default_gateway: default_gateway.to_string(),
            writer,
            write_busy_ns,
            texts: Arc::default(),
            hot,
        })
    }

    /// The connection pool (for tests and benchmarks that inspect rows).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Start a write transaction; the guard keeps other writers of this process waiting until it is
    /// dropped (after the commit).
    async fn begin(
        &self,
    ) -> Result<(WriteGuard, sqlx::Transaction<'static, sqlx::Sqlite>), StoreError> {
        let guard = self.lock_writer().await;
        Ok((guard, self.write_pool.begin_with("BEGIN IMMEDIATE").await?))
    }

    /// Waits until no other write of this process runs.
    async fn lock_writer(&self) -> WriteGuard {
        let lock = self.writer.clone().lock_owned().await;
        WriteGuard {
            _lock: lock,
            started: std::time::Instant::now(),
            busy_ns: self.write_busy_ns.clone(),
        }
    }

    /// Hot-path writes so far and the transactions that carried them (for benchmarks).
    pub fn hot_commits(&self) -> (u64, u64) {
        let s = self.hot.stats();
        (
            s.jobs.load(Ordering::Relaxed),
            s.groups.load(Ordering::Relaxed),
        )
    }

    /// How long write transactions have held the database so far (for benchmarks: the share of wall
    /// time the single writer was busy).
    pub fn write_busy(&self) -> Duration {
        Duration::from_nanos(self.write_busy_ns.load(Ordering::Relaxed))
    }

    /// Insert or find a member by number; returns its id.
    async fn upsert_member(
        &self,
        conn: &mut SqliteConnection,
        phone: &Phone,
        gateway: Option<&str>,
        via: Option<&str>,
        now: i64,
    ) -> Result<i64, StoreError> {
        let index = self.crypto.index(phone.e164());
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM members WHERE phone_index = ?")
                .bind(&index)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(id) = existing {
            if let Some(g) = gateway {
                // An SMS from them: a sign of life (re-confirmation is answered, a pause ends). A
                // number that was forgotten wrote again: its number is known again (it stays opted
                // out until START).
                sqlx::query(
                    "UPDATE members SET gateway = ?, via = ?, undeliverable = 0, paused = 0,
                     reconfirm_asked_at = NULL,
                     phone_enc = CASE WHEN forgotten = 1 THEN ? ELSE phone_enc END, forgotten = 0
                     WHERE id = ?",
                )
                .bind(g)
                .bind(via)
                .bind(self.crypto.encrypt(phone.e164()))
                .bind(id)
                .execute(&mut *conn)
                .await?;
            }
            return Ok(id);
        }
        let id = sqlx::query_scalar(
            "INSERT INTO members (phone_index, phone_enc, gateway, via, created_at)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&index)
        .bind(self.crypto.encrypt(phone.e164()))
        .bind(gateway)
        .bind(gateway.and(via))
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        Ok(id)
    }

    /// A member of a list as a target row (`id, alias, language, phone_enc, opted_out, role, label,
    /// state`).
    fn target_from(&self, row: &sqlx::sqlite::SqliteRow) -> Result<TargetFacts, StoreError> {
        let enc: Vec<u8> = row.get("phone_enc");
        let language: Option<String> = row.get("language");
        let state: &str = row.get("state");
        Ok(TargetFacts {
            id: row.get("id"),
            label: row.get::<Option<String>, _>("label").unwrap_or_default(),
            alias: row.get("alias"),
            role: Role::parse(row.get::<&str, _>("role")).unwrap_or(Role::Member),
            language: language.as_deref().and_then(smsup_lang::Lang::from_code),
            phone: Phone::from_e164_unchecked(self.crypto.decrypt(&enc)?),
            requested: state == "requested",
            opted_out: row.get::<i64, _>("opted_out") != 0,
            in_list: matches!(state, "active" | "invited"),
        })
    }

    /// A member by id, with their label and role in `list_id` when they have one there.
    async fn target(
        &self,
        conn: &mut SqliteConnection,
        list_id: Option<i64>,
        member_id: i64,
    ) -> Result<Option<TargetFacts>, StoreError> {
        let row = sqlx::query(
            "SELECT m.id, m.alias, m.language, m.phone_enc, m.opted_out, COALESCE(ms.role, 'member') AS role,
                    ms.label, COALESCE(ms.state, '') AS state
             FROM members m LEFT JOIN memberships ms ON ms.member_id = m.id AND ms.list_id = ?
             WHERE m.id = ?",
        )
        .bind(list_id)
        .bind(member_id)
        .fetch_optional(&mut *conn)
        .await?;
        row.map(|row| self.target_from(&row)).transpose()
    }

    /// The owner and admins of a list who can be reached (the first 50).
    async fn admins(
        &self,
        conn: &mut SqliteConnection,
        list_id: i64,
    ) -> Result<Vec<TargetFacts>, StoreError> {
        let rows = sqlx::query(
            "SELECT m.id, m.alias, m.language, m.phone_enc, m.opted_out, ms.role, ms.label, ms.state
             FROM memberships ms JOIN members m ON m.id = ms.member_id
             WHERE ms.list_id = ? AND ms.state = 'active' AND ms.role IN ('owner', 'admin')
               AND m.opted_out = 0
             ORDER BY ms.role = 'owner' DESC, ms.created_at LIMIT 50",
        )
        .bind(list_id)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter().map(|row| self.target_from(row)).collect()
    }

    #[allow(clippy::too_many_arguments)]
    async fn load_facts(
        &self,
        conn: &mut SqliteConnection,
        sender: Sender,
        needs: &Needs,
        parsed: &engine::Parsed,
        rules: &engine::Rules,
        inbound_id: i64,
        now: i64,
    ) -> Result<Facts, StoreError> {
        let mut facts = Facts {
            sender,
            list: None,
            sender_lists: Vec::new(),
            targets: Vec::new(),
            invitee: None,
            sender_posts_last_hour: 0,
            usage: Usage::default(),
            pending_invite: None,
            alias_taken: false,
            move_target_opted_out: false,
            pending_move: None,
            fresh_code: String::new(),
            help: None,
            outside: None,
            ban_found: false,
            request_ambiguous: false,
            owned: Vec::new(),
            pending_forget: None,
            blocked_by_target: false,
            held: None,
            next_held_id: 0,
            alert: None,
            next_post_id: 0,
            checkin: None,
            next_help_id: 0,
        };
        let sender_id = facts.sender.id;
        let window = i64::from(rules.request_days) * 86_400_000;
        // The list: by name, by the label of a join request waiting in one of the sender's lists
        // (APPROVE #K7PQ), or by a help request's code (REPLY H7).
        let list_id: Option<i64> =
            if let Some(list) = self.load_checkin(conn, &mut facts, needs, now).await? {
                Some(list)
            } else if let Some(key) = &needs.list_key {
                sqlx::query_scalar("SELECT id FROM lists WHERE name_key = ?")
                    .bind(key)
                    .fetch_optional(&mut *conn)
                    .await?
            } else if let Some(label) = needs.request_label.as_deref() {
                let ids: Vec<i64> = sqlx::query_scalar(
                    "SELECT DISTINCT r.list_id FROM memberships r
                 JOIN memberships me ON me.list_id = r.list_id AND me.member_id = ?1
                  AND me.state = 'active' AND me.role IN ('owner', 'admin')
                 WHERE r.state = 'requested' AND r.label = ?2 AND r.invited_at > ?3",
                )
                .bind(sender_id)
                .bind(engine::typed_label(label))
                .bind(now - window)
                .fetch_all(&mut *conn)
                .await?;
                facts.request_ambiguous = ids.len() > 1;
                ids.first().copied().filter(|_| ids.len() == 1)
            } else if let Some(id) = needs.help_code.as_deref().and_then(engine::help_id) {
                let help_row: Option<(i64, i64, String)> = sqlx::query_as(
                "SELECT list_id, member_id, body FROM help_requests WHERE id = ? AND last_at > ?",
            )
            .bind(id)
            .bind(now - window)
            .fetch_optional(&mut *conn)
            .await?;
                if let Some((_, member, body)) = &help_row {
                    let requester = self.target(conn, None, *member).await?;
                    facts.help = requester.map(|requester| engine::HelpFacts {
                        id,
                        requester,
                        body: body.clone(),
                    });
                }
                help_row.as_ref().map(|(list, _, _)| *list)
            } else if let Some(id) = needs.alert_id {
                // CORRECT A12: an alert (not a drill) of a list that is still open; OK A12: an alert
                // or a drill kept for a second admin's OK (kinds 4 and 5).
                let kinds = if needs.alert_held { "4, 5" } else { "1" };
                let row: Option<(i64, i64, i64, i64)> = sqlx::query_as(&format!(
                    "SELECT p.list_id, p.sender_id, p.alert, p.created_at
                 FROM posts p JOIN lists l ON l.id = p.list_id
                 WHERE p.id = ? AND p.alert IN ({kinds}) AND l.deleted_at IS NULL"
                ))
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
                // Its sender, and whether they may still send alerts to the list (a number erased by
                // FORGET reads as no one).
                let (author, author_may_alert) = match (&row, needs.alert_held) {
                    (Some((list, author, ..)), true) => {
                        let target = self.target(conn, Some(*list), *author).await.ok().flatten();
                        let may: i64 = sqlx::query_scalar(
                        "SELECT COUNT(*) FROM memberships ms JOIN members m ON m.id = ms.member_id
                         WHERE ms.list_id = ? AND ms.member_id = ? AND ms.state = 'active'
                           AND (ms.role IN ('owner', 'admin') OR ms.reporter = 1)
                           AND m.opted_out = 0",
                    )
                    .bind(list)
                    .bind(author)
                    .fetch_one(&mut *conn)
                    .await?;
                        (target, may > 0)
                    }
                    _ => (None, false),
                };
                let expiry = i64::from(rules.alert_expire_minutes) * 60_000;
                // The reach is counted once the sender is known to be allowed to ask (below).
                facts.alert = row.map(|(_, author_id, kind, created_at)| engine::AlertFacts {
                    id,
                    author_id,
                    reach: None,
                    held: needs.alert_held.then_some(kind == 5),
                    late: created_at < now - expiry,
                    author_may_alert: author_may_alert && author.is_some(),
                    author,
                });
                row.map(|(list, ..)| list)
            } else if let Some(id) = needs.held_id {
                // APPROVE P12: a held post still waiting (24 hours at most).
                let held: Option<(i64, i64, String, Option<String>, i64)> = sqlx::query_as(
                    "SELECT list_id, sender_id, body, zawgyi_body, segments FROM held_posts
                 WHERE id = ? AND decided_at IS NULL AND created_at > ?",
                )
                .bind(id)
                .bind(now - HELD_POST_MS)
                .fetch_optional(&mut *conn)
                .await?;
                if let Some((list, author, text, zawgyi_text, segments)) = &held {
                    if let Some(author) = self.target(conn, Some(*list), *author).await? {
                        facts.held = Some(engine::HeldFacts {
                            id,
                            author,
                            text: text.clone(),
                            zawgyi_text: zawgyi_text.clone(),
                            segments: u32::try_from(*segments).unwrap_or(u32::MAX),
                        });
                    }
                }
                held.map(|(list, ..)| list)
            } else {
                None
            };
        if let Some(list_id) = list_id {
            let row = sqlx::query(
                "SELECT id, name, announce, private, outside, dm, moderated, alert_confirm, deleted_at,
                        CASE WHEN delete_asked_at > ?2 AND delete_attempts < 3 THEN delete_code END
                          AS pending_delete
                 FROM lists WHERE id = ?1",
            )
            .bind(list_id)
            .bind(now - 600_000)
            .fetch_optional(&mut *conn)
            .await?;
            // A closed list is gone for every command; its name stays taken for 30 days.
            let row = row.filter(|row| match row.get::<Option<i64>, _>("deleted_at") {
                None => true,
                Some(at) => {
                    matches!(parsed.command, engine::Command::Create { .. })
                        && at > now - CLOSED_NAME_RESERVED_MS
                }
            });
            if let Some(row) = row {
                let id: i64 = row.get("id");
                // Members who receive posts: opted-out numbers are not counted (INFO only: a
                // count over the whole list costs a post to 100,000 members its time).
                let members: i64 = if needs.member_count {
                    sqlx::query_scalar(
                        "SELECT COUNT(*) FROM memberships ms JOIN members m ON m.id = ms.member_id
                         WHERE ms.list_id = ? AND ms.state = 'active' AND m.opted_out = 0",
                    )
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?
                } else {
                    0
                };
                let membership: Option<MembershipRow> = sqlx::query_as(
                    "SELECT role, label, state, requested_at, reporter FROM memberships
                         WHERE list_id = ? AND member_id = ?",
                )
                .bind(id)
                .bind(sender_id)
                .fetch_optional(&mut *conn)
                .await?;
                let state = membership.as_ref().map(|m| m.2.as_str());
                let sender_invited = state == Some("invited");
                let sender_requested = matches!(state, Some("requested" | "declined" | "denied"))
                    && membership
                        .as_ref()
                        .and_then(|m| m.3)
                        .is_some_and(|at| at > now - window);
                let known_label = membership.as_ref().and_then(|m| m.1.clone());
                let active = state == Some("active");
                let sender_reporter = active && membership.as_ref().is_some_and(|m| m.4 != 0);
                let mine: Option<(String, Option<String>)> = membership
                    .filter(|_| active)
                    .map(|(role, label, ..)| (role, label));
                if needs.alerts {
                    facts.next_post_id =
                        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM posts")
                            .fetch_one(&mut *conn)
                            .await?;
                }
                // Real alerts, and all alerts with TEST ones and check-ins, of the last hour (not
                // corrections); alerts waiting for an OK count for their own sender only.
                let (alerts_last_hour, all_alerts_last_hour, corrections, held): (
                    i64,
                    i64,
                    i64,
                    i64,
                ) = if needs.alerts {
                    sqlx::query_as(
                        "SELECT COALESCE(SUM(alert = 1), 0), COALESCE(SUM(alert IN (1, 2, 6)), 0),
                                COALESCE(SUM(alert = 3), 0),
                                COALESCE(SUM(alert IN (4, 5) AND sender_id = ?3), 0)
                         FROM posts WHERE list_id = ?1 AND alert != 0 AND created_at > ?2",
                    )
                    .bind(id)
                    .bind(now - 3_600_000)
                    .bind(sender_id)
                    .fetch_one(&mut *conn)
                    .await?
                } else {
                    (0, 0, 0, 0)
                };
                let sender_banned: bool = sqlx::query_scalar::<_, i64>(
                    "SELECT COUNT(*) FROM bans WHERE list_id = ? AND phone_index = ?",
                )
                .bind(id)
                .bind(self.crypto.index(facts.sender.phone.e164()))
                .fetch_one(&mut *conn)
                .await?
                    > 0;
                let private = row.get::<i64, _>("private") != 0;
                let moderated = row.get::<i64, _>("moderated") != 0;
                // Someone outside the list who may ask to join it or write to its help line: the
                // owner and admins who would be told, and a label for them.
                // A post to a moderated list is held for them too.
                let (admins, fresh_label) = if (needs.outside && (!active || moderated))
                    || needs.alerts
                    || (needs.checkin_answer && facts.checkin.is_some())
                {
                    let admins = self.admins(conn, id).await?;
                    let label = match known_label {
                        Some(label) => label,
                        None if private => new_label(conn, id).await?,
                        None => String::new(),
                    };
                    (admins, label)
                } else {
                    (Vec::new(), String::new())
                };
                if needs.outside
                    && !active
                    && matches!(
                        &parsed.command,
                        engine::Command::Post { .. }
                            | engine::Command::CheckAnswer { otherwise: _, .. }
                    )
                    && match &parsed.command {
                        // A 1 or 2 with no check-in open is the post it would have been.
                        engine::Command::CheckAnswer { otherwise, .. } => {
                            facts.checkin.is_none()
                                && matches!(**otherwise, engine::Command::Post { .. })
                        }
                        _ => true,
                    }
                {
                    let open_request: Option<i64> = sqlx::query_scalar(
                        "SELECT id FROM help_requests WHERE member_id = ? AND list_id = ? AND last_at > ?
                         ORDER BY id DESC LIMIT 1",
                    )
                    .bind(sender_id)
                    .bind(id)
                    .bind(now - window)
                    .fetch_optional(&mut *conn)
                    .await?;
                    let next_id: i64 =
                        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM help_requests")
                            .fetch_one(&mut *conn)
                            .await?;
                    // A banned number's messages count too (they went nowhere).
                    let messages: i64 = sqlx::query_scalar(
                        "SELECT (SELECT COUNT(*) FROM help_messages hm
                                 JOIN help_requests h ON h.id = hm.help_id
                                 WHERE h.member_id = ?1 AND h.list_id = ?2 AND hm.created_at > ?3)
                              + (SELECT COUNT(*) FROM help_dropped
                                 WHERE member_id = ?1 AND list_id = ?2 AND created_at > ?3)",
                    )
                    .bind(sender_id)
                    .bind(id)
                    .bind(now - 3_600_000)
                    .fetch_one(&mut *conn)
                    .await?;
                    facts.outside = Some(engine::OutsideFacts {
                        open_request,
                        next_id,
                        messages_last_hour: messages as u64,
                    });
                }
                if moderated && active && needs.post_counts {
                    facts.next_held_id =
                        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM held_posts")
                            .fetch_one(&mut *conn)
                            .await?;
                }
                let (recipients, segments_today) = if needs.post_counts {
                    let r: i64 = sqlx::query_scalar(
                        "SELECT COUNT(*) FROM memberships ms JOIN members m ON m.id = ms.member_id
                         WHERE ms.list_id = ? AND ms.state = 'active' AND m.opted_out = 0
                           AND m.undeliverable = 0 AND m.paused = 0 AND m.id != ?",
                    )
                    .bind(id)
                    .bind(sender_id)
                    .fetch_one(&mut *conn)
                    .await?;
                    let s: i64 = sqlx::query_scalar(
                        "SELECT COALESCE(SUM(recipients * segments), 0) FROM posts
                         WHERE list_id = ? AND created_at > ? AND alert = 0",
                    )
                    .bind(id)
                    .bind(now - 86_400_000)
                    .fetch_one(&mut *conn)
                    .await?;
                    (r, s)
                } else {
                    (0, 0)
                };
                let clash = match (
                    &facts.sender.alias,
                    needs.post_counts || needs.outside || needs.private_to || needs.alerts,
                ) {
                    (Some(alias), true) => {
                        let n: i64 = sqlx::query_scalar(
                            "SELECT COUNT(*) FROM memberships ms JOIN members m ON m.id = ms.member_id
                             WHERE ms.list_id = ? AND ms.state = 'active' AND m.id != ? AND m.alias_key = ?",
                        )
                        .bind(id)
                        .bind(sender_id)
                        .bind(engine::alias_key(alias))
                        .fetch_one(&mut *conn)
                        .await?;
                        n > 0
                    }
                    _ => false,
                };
                facts.list = Some(ListFacts {
                    id,
                    name: row.get("name"),
                    announce: row.get::<i64, _>("announce") != 0,
                    members: members as u64,
                    sender_role: mine.as_ref().and_then(|(role, _)| Role::parse(role)),
                    recipients: recipients as u64,
                    segments_today: segments_today as u64,
                    sender_label: mine.and_then(|(_, label)| label),
                    sender_alias_clash: clash,
                    private,
                    outside: row.get::<i64, _>("outside") != 0,
                    dm: row.get::<i64, _>("dm") != 0,
                    pending_delete: row.get("pending_delete"),
                    moderated,
                    sender_banned,
                    sender_invited,
                    sender_requested,
                    fresh_label,
                    admins,
                    sender_reporter,
                    alert_confirm: row.get::<i64, _>("alert_confirm") != 0,
                    sender_held_last_hour: held as u64,
                    alerts_last_hour: alerts_last_hour as u64,
                    all_alerts_last_hour: all_alerts_last_hour as u64,
                    corrections_last_hour: corrections as u64,
                });
            }
        }
        // STATUS: counted only for the alert's sender or the list's owner and admins, so that a
        // stranger's guesses cost nothing.
        if needs.alert_reach {
            let allowed = match (&facts.alert, &facts.list) {
                (Some(a), Some(l)) => {
                    l.sender_role.is_some_and(Role::can_manage)
                        || (l.sender_role.is_some() && a.author_id == sender_id)
                }
                _ => false,
            };
            if allowed {
                let id = facts.alert.as_ref().map_or(0, |a| a.id);
                let reach = self.alert_reach(conn, id, now).await?;
                if let Some(a) = facts.alert.as_mut() {
                    a.reach = Some(reach);
                }
            }
        }
        if needs.sender_lists {
            facts.sender_lists = sqlx::query_scalar(
                "SELECT l.name FROM memberships ms JOIN lists l ON l.id = ms.list_id
                 WHERE ms.member_id = ? AND ms.state = 'active' ORDER BY l.name_key",
            )
            .bind(sender_id)
            .fetch_all(&mut *conn)
            .await?;
        }
        if let (Some(who), Some(list)) = (&needs.target, &facts.list) {
            let states = match needs.target_states {
                engine::TargetStates::Active => "ms.state = 'active'",
                engine::TargetStates::Requested => "ms.state = 'requested' AND ms.invited_at > ?4",
                engine::TargetStates::Any => {
                    "(ms.state IN ('active', 'invited')
                      OR (ms.state = 'requested' AND ms.invited_at > ?4))"
                }
            };
            let rows = sqlx::query(&format!(
                "SELECT m.id, m.alias, m.language, m.phone_enc, m.opted_out, ms.role, ms.label, ms.state
                 FROM memberships ms JOIN members m ON m.id = ms.member_id
                 WHERE ms.list_id = ?1 AND {states} AND (ms.label = ?2 OR m.alias_key = ?3)"
            ))
            .bind(list.id)
            .bind(engine::typed_label(who))
            .bind(engine::alias_key(who))
            .bind(now - window)
            .fetch_all(&mut *conn)
            .await?;
            for row in rows {
                facts.targets.push(self.target_from(&row)?);
            }
        }
        // TO: whether the one member named blocked the sender.
        if let (true, [target]) = (needs.private_to, facts.targets.as_slice()) {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM blocks WHERE blocker_id = ? AND blocked_index = ?",
            )
            .bind(target.id)
            .bind(self.crypto.index(facts.sender.phone.e164()))
            .fetch_one(&mut *conn)
            .await?;
            facts.blocked_by_target = n > 0;
        }
        // BLOCK #K7PQ: whoever has that label or alias in any list the sender is in.
        if let Some(who) = &needs.block_anywhere {
            let rows = sqlx::query(
                "SELECT DISTINCT m.id, m.alias, m.language, m.phone_enc, m.opted_out, ms.role,
                        ms.label, ms.state
                 FROM memberships ms JOIN members m ON m.id = ms.member_id
                 JOIN memberships me ON me.list_id = ms.list_id AND me.member_id = ?1
                  AND me.state = 'active'
                 WHERE ms.state = 'active' AND m.id != ?1 AND (ms.label = ?2 OR m.alias_key = ?3)
                 ORDER BY m.id LIMIT 20",
            )
            .bind(sender_id)
            .bind(engine::typed_label(who))
            .bind(engine::alias_key(who))
            .fetch_all(&mut *conn)
            .await?;
            for row in rows {
                facts.targets.push(self.target_from(&row)?);
            }
        }
        // BAN housing H7: whoever wrote help request H7 to this list.
        if let (Some(help_id), Some(list)) = (needs.help_target, &facts.list) {
            let member: Option<i64> = sqlx::query_scalar(
                "SELECT member_id FROM help_requests WHERE id = ? AND list_id = ?",
            )
            .bind(help_id)
            .bind(list.id)
            .fetch_optional(&mut *conn)
            .await?;
            if let Some(member) = member {
                if let Some(mut target) = self.target(conn, Some(list.id), member).await? {
                    if target.label.is_empty() {
                        target.label = new_label(conn, list.id).await?;
                    }
                    if facts.targets.iter().all(|t| t.id != target.id) {
                        facts.targets.push(target);
                    }
                }
            }
        }
        if let (Some(label), Some(list)) = (&needs.ban_label, &facts.list) {
            let n: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM bans WHERE list_id = ? AND label = ?")
                    .bind(list.id)
                    .bind(engine::typed_label(label))
                    .fetch_one(&mut *conn)
                    .await?;
            facts.ban_found = n > 0;
        }
        if needs.forget || needs.delete_code {
            use rand::Rng;
            facts.fresh_code = format!("{:04}", rand::thread_rng().gen_range(0..10_000));
        }
        if needs.forget {
            facts.pending_forget = sqlx::query_scalar(
                "SELECT forget_code FROM members
                 WHERE id = ? AND forget_code IS NOT NULL AND forget_asked_at > ? AND forget_attempts < 3",
            )
            .bind(sender_id)
            .bind(now - 600_000)
            .fetch_optional(&mut *conn)
            .await?
            .flatten();
        }
        if needs.owned {
            let lists: Vec<(i64, String)> = sqlx::query_as(
                "SELECT id, name FROM lists WHERE owner_id = ? AND deleted_at IS NULL ORDER BY id",
            )
            .bind(sender_id)
            .fetch_all(&mut *conn)
            .await?;
            for (list_id, name) in lists {
                // The longest-serving admin, else the longest-serving member, who can be reached.
                let row = sqlx::query(
                    "SELECT m.id, m.alias, m.language, m.phone_enc, m.opted_out, ms.role, ms.label, ms.state
                     FROM memberships ms JOIN members m ON m.id = ms.member_id
                     WHERE ms.list_id = ? AND ms.state = 'active' AND m.id != ? AND m.opted_out = 0
                     ORDER BY ms.role = 'admin' DESC, ms.created_at, m.id LIMIT 1",
                )
                .bind(list_id)
                .bind(sender_id)
                .fetch_optional(&mut *conn)
                .await?;
                let next = match row {
                    Some(row) => Some(self.target_from(&row)?),
                    None => None,
                };
                facts.owned.push((list_id, name, next));
            }
        }
        if let Some(phone) = &needs.invitee {
            let row =
                sqlx::query("SELECT id, opted_out, language FROM members WHERE phone_index = ?")
                    .bind(self.crypto.index(phone.e164()))
                    .fetch_optional(&mut *conn)
                    .await?;
            let mut invitee = InviteeFacts::default();
            if let Some(list) = &facts.list {
                let banned: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM bans WHERE list_id = ? AND phone_index = ?",
                )
                .bind(list.id)
                .bind(self.crypto.index(phone.e164()))
                .fetch_one(&mut *conn)
                .await?;
                invitee.banned = banned > 0;
            }
            if let Some(row) = row {
                let id: i64 = row.get("id");
                invitee.opted_out = row.get::<i64, _>("opted_out") != 0;
                let language: Option<String> = row.get("language");
                invitee.language = language.as_deref().and_then(smsup_lang::Lang::from_code);
                if let Some(list) = &facts.list {
                    let state: Option<(String, Option<i64>)> = sqlx::query_as(
                        "SELECT state, invited_at FROM memberships WHERE list_id = ? AND member_id = ?",
                    )
                    .bind(list.id)
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await?;
                    let window = i64::from(rules.reinvite_days) * 86_400_000;
                    let request_window = i64::from(rules.request_days) * 86_400_000;
                    match state {
                        Some((s, _)) if s == "active" => invitee.active_member = true,
                        Some((s, Some(at))) if s == "requested" && at > now - request_window => {
                            let label: Option<String> = sqlx::query_scalar(
                                "SELECT label FROM memberships WHERE list_id = ? AND member_id = ?",
                            )
                            .bind(list.id)
                            .bind(id)
                            .fetch_optional(&mut *conn)
                            .await?
                            .flatten();
                            invitee.requested = Some((id, label.unwrap_or_default()));
                        }
                        Some((s, _)) if s == "declined" => invitee.declined = true,
                        Some((s, at)) if s == "invited" => {
                            invitee.invited_recently = at.is_none_or(|at| at > now - window)
                        }
                        _ => {}
                    }
                }
            }
            facts.invitee = Some(invitee);
        }
        if let Some(phone) = &needs.move_target {
            let opted_out: Option<i64> =
                sqlx::query_scalar("SELECT opted_out FROM members WHERE phone_index = ?")
                    .bind(self.crypto.index(phone.e164()))
                    .fetch_optional(&mut *conn)
                    .await?;
            facts.move_target_opted_out = opted_out.unwrap_or(0) != 0;
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM moves WHERE old_member_id = ? AND created_at > ?",
            )
            .bind(sender_id)
            .bind(now - 86_400_000)
            .fetch_one(&mut *conn)
            .await?;
            facts.usage.moves_today = n as u64;
            use rand::Rng;
            facts.fresh_code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000));
        }
        if needs.pending_move {
            facts.pending_move = sqlx::query_as(
                "SELECT id, old_member_id, code FROM moves
                 WHERE new_member_id = ? AND done_at IS NULL AND attempts < 5 AND created_at > ?
                 ORDER BY id DESC LIMIT 1",
            )
            .bind(sender_id)
            .bind(now - 86_400_000)
            .fetch_optional(&mut *conn)
            .await?;
        }
        if needs.post_counts {
            // Held posts count too: holding is no way round the limit (each asks the admins).
            let n: i64 = sqlx::query_scalar(
                "SELECT (SELECT COUNT(*) FROM posts WHERE sender_id = ?1 AND created_at > ?2 AND alert = 0)
                      + (SELECT COUNT(*) FROM held_posts WHERE sender_id = ?1 AND created_at > ?2)",
            )
            .bind(sender_id)
            .bind(now - 3_600_000)
            .fetch_one(&mut *conn)
            .await?;
            facts.sender_posts_last_hour = n as u64;
        }
        if needs.pending_invite {
            facts.pending_invite = sqlx::query_as(
                "SELECT l.id, l.name FROM memberships ms JOIN lists l ON l.id = ms.list_id
                 WHERE ms.member_id = ? AND ms.state = 'invited'
                 ORDER BY COALESCE(ms.invited_at, ms.created_at) DESC LIMIT 1",
            )
            .bind(sender_id)
            .fetch_optional(&mut *conn)
            .await?;
        }
        if let Some(key) = &needs.alias_key {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM memberships mine
                 JOIN memberships theirs ON theirs.list_id = mine.list_id
                 JOIN members m ON m.id = theirs.member_id
                 WHERE mine.member_id = ?1 AND mine.state = 'active'
                   AND theirs.state IN ('active', 'invited') AND m.id != ?1 AND m.alias_key = ?2",
            )
            .bind(sender_id)
            .bind(key)
            .fetch_one(&mut *conn)
            .await?;
            facts.alias_taken = n > 0;
        }
        match &parsed.command {
            engine::Command::Create { .. } => {
                let n: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM lists WHERE owner_id = ? AND created_at > ?",
                )
                .bind(sender_id)
                .bind(now - 86_400_000)
                .fetch_one(&mut *conn)
                .await?;
                facts.usage.lists_created_today = n as u64;
            }
            engine::Command::To { .. } => {
                let n: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM inbound
                     WHERE member_id = ? AND command = 'to' AND received_at > ? AND id != ?",
                )
                .bind(sender_id)
                .bind(now - 3_600_000)
                .bind(inbound_id)
                .fetch_one(&mut *conn)
                .await?;
                facts.usage.private_last_hour = n as u64;
            }
            engine::Command::Add { .. } => {
                let (hour, day): (i64, i64) = sqlx::query_as(
                    "SELECT COALESCE(SUM(received_at > ?1), 0), COUNT(*) FROM inbound
                     WHERE member_id = ?2 AND command = 'add' AND received_at > ?3 AND id != ?4",
                )
                .bind(now - 3_600_000)
                .bind(sender_id)
                .bind(now - 86_400_000)
                .bind(inbound_id)
                .fetch_one(&mut *conn)
                .await?;
                facts.usage.adds_last_hour = hour as u64;
                facts.usage.adds_last_day = day as u64;
            }
            _ => {}
        }
        // The replies this number got lately: its newest 100 messages (a bounded look back through
        // the recipient index, whatever bulk it received), replies among them.
        let recent: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT o.created_at, o.priority, g.body FROM outbox o JOIN messages g ON g.id = o.message_id
             WHERE o.recipient_id = ? ORDER BY o.id DESC LIMIT 100",
        )
        .bind(sender_id)
        .fetch_all(&mut *conn)
        .await?;
        for (at, priority, body) in recent {
            if priority != PRIORITY_REPLY {
                continue;
            }
            if at > now - 60_000 {
                facts.usage.replies_last_minute += 1;
            }
            if at > now - 3_600_000 {
                facts.usage.recent_replies.push(body);
            }
        }
        Ok(facts)
    }

    async fn insert_message(
        conn: &mut SqliteConnection,
        text: &str,
        now: i64,
    ) -> Result<(i64, u32), StoreError> {
        let analysis = smsup_sms::analyze(text);
        let segments = u32::try_from(analysis.segments).unwrap_or(u32::MAX);
        let id = sqlx::query_scalar(
            "INSERT INTO messages (body, encoding, segments, created_at) VALUES (?, ?, ?, ?) RETURNING id",
        )
        .bind(text)
        .bind(analysis.encoding.to_string())
        .bind(segments)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        Ok((id, segments))
    }

    #[allow(clippy::too_many_arguments)]
    async fn enqueue_one(
        &self,
        conn: &mut SqliteConnection,
        message_id: i64,
        recipient_id: i64,
        gateway: Option<&str>,
        priority: i64,
        even_if_opted_out: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            // What answers one person leaves from the phone of a pool they last wrote to.
            "INSERT INTO outbox (message_id, recipient_id, gateway, via, priority, state,
                                 next_attempt_at, created_at, updated_at)
             SELECT ?1, id, COALESCE(?2, gateway, ?3),
                    CASE WHEN COALESCE(?2, gateway, ?3) = gateway THEN via END,
                    ?4, 'queued', ?5, ?6, ?7 FROM members
             WHERE id = ?8 AND (opted_out = 0 OR ?9)",
        )
        .bind(message_id)
        .bind(gateway)
        .bind(&self.default_gateway)
        .bind(priority)
        .bind(now)
        .bind(now)
        .bind(now)
        .bind(recipient_id)
        .bind(even_if_opted_out)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    async fn cancel_queued(
        conn: &mut SqliteConnection,
        member_id: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(hot::CANCEL_QUEUED)
            .bind(now)
            .bind(member_id)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn apply_effect(
        &self,
        conn: &mut SqliteConnection,
        effect: &Effect,
        sender_id: i64,
        inbound_id: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        match effect {
            Effect::CreateList {
                name,
                key,
                announce,
                private,
            } => {
                // A list closed more than 30 days ago gives its name up.
                sqlx::query(
                    "UPDATE lists SET name_key = name_key || ':closed:' || id
                     WHERE name_key = ? AND deleted_at IS NOT NULL",
                )
                .bind(key)
                .execute(&mut *conn)
                .await?;
                let list_id: i64 = sqlx::query_scalar(
                    "INSERT INTO lists (name, name_key, announce, private, owner_id, created_at)
                     VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                )
                .bind(name)
                .bind(key)
                .bind(i64::from(*announce))
                .bind(i64::from(*private))
                .bind(sender_id)
                .bind(now)
                .fetch_one(&mut *conn)
                .await?;
                activate(conn, list_id, sender_id, Role::Owner, now).await?;
            }
            Effect::Join { list_id } => {
                activate(conn, *list_id, sender_id, Role::Member, now).await?;
            }
            Effect::Decline { list_id } => {
                sqlx::query(
                    "INSERT INTO memberships (list_id, member_id, role, state, created_at)
                     VALUES (?, ?, 'member', 'declined', ?)
                     ON CONFLICT (list_id, member_id) DO UPDATE SET state = 'declined'
                     WHERE memberships.state NOT IN ('active', 'denied')",
                )
                .bind(list_id)
                .bind(sender_id)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            }
            Effect::Leave { list_id } => {
                sqlx::query("DELETE FROM memberships WHERE list_id = ? AND member_id = ?")
                    .bind(list_id)
                    .bind(sender_id)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::Invite { list_id, phone } => {
                let member_id = self.upsert_member(conn, phone, None, None, now).await?;
                let label = new_label(conn, *list_id).await?;
                sqlx::query(
                    "INSERT INTO memberships (list_id, member_id, role, state, created_at, label,
                                              invited_by, invited_at)
                     VALUES (?1, ?2, 'member', 'invited', ?3, ?4, ?5, ?3)
                     ON CONFLICT (list_id, member_id) DO UPDATE
                     SET invited_by = excluded.invited_by, invited_at = excluded.invited_at
                     WHERE memberships.state = 'invited'",
                )
                .bind(list_id)
                .bind(member_id)
                .bind(now)
                .bind(label)
                .bind(sender_id)
                .execute(&mut *conn)
                .await?;
            }
            Effect::Remove { list_id, member_id } => {
                sqlx::query("DELETE FROM memberships WHERE list_id = ? AND member_id = ?")
                    .bind(list_id)
                    .bind(member_id)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::MakeAdmin { list_id, member_id } => {
                sqlx::query(
                    "UPDATE memberships SET role = 'admin' WHERE list_id = ? AND member_id = ? AND role = 'member'",
                )
                .bind(list_id)
                .bind(member_id)
                .execute(&mut *conn)
                .await?;
            }
            Effect::RequestJoin {
                list_id,
                label,
                asked,
            } => {
                // requested_at: when the admins were last asked. A denied request opens again
                // only once the window has passed (the engine asks the admins then).
                sqlx::query(
                    "INSERT INTO memberships (list_id, member_id, role, state, created_at, label,
                                              invited_at, requested_at)
                     VALUES (?1, ?2, 'member', 'requested', ?3, ?4, ?3, ?3)
                     ON CONFLICT (list_id, member_id) DO UPDATE
                     SET state = 'requested', invited_at = ?3,
                         requested_at = CASE WHEN ?5 THEN ?3 ELSE memberships.requested_at END,
                         label = COALESCE(memberships.label, excluded.label)
                     WHERE memberships.state IN ('requested', 'declined')
                        OR (memberships.state = 'denied' AND ?5)",
                )
                .bind(list_id)
                .bind(sender_id)
                .bind(now)
                .bind(label)
                .bind(asked)
                .execute(&mut *conn)
                .await?;
            }
            Effect::Approve { list_id, member_id } => {
                // Serving time counts from joining (the owner's successor is the longest-serving).
                sqlx::query(
                    "UPDATE memberships SET state = 'active', created_at = ?
                     WHERE list_id = ? AND member_id = ? AND state = 'requested'",
                )
                .bind(now)
                .bind(list_id)
                .bind(member_id)
                .execute(&mut *conn)
                .await?;
            }
            Effect::Deny { list_id, member_id } => {
                // The row stays (state 'denied') until the request window has passed: asking
                // again meanwhile asks nobody.
                sqlx::query(
                    "UPDATE memberships SET state = 'denied'
                     WHERE list_id = ? AND member_id = ? AND state = 'requested'",
                )
                .bind(list_id)
                .bind(member_id)
                .execute(&mut *conn)
                .await?;
            }
            Effect::Ban {
                list_id,
                member_id,
                label,
            } => {
                sqlx::query(
                    "INSERT INTO bans (list_id, phone_index, label, banned_by, created_at)
                     SELECT ?1, m.phone_index, ?2, ?3, ?4 FROM members m WHERE m.id = ?5
                     ON CONFLICT (list_id, phone_index) DO NOTHING",
                )
                .bind(list_id)
                .bind(label)
                .bind(sender_id)
                .bind(now)
                .bind(member_id)
                .execute(&mut *conn)
                .await?;
                sqlx::query("DELETE FROM memberships WHERE list_id = ? AND member_id = ?")
                    .bind(list_id)
                    .bind(member_id)
                    .execute(&mut *conn)
                    .await?;
                // Their posts still held for approval go nowhere.
                sqlx::query(
                    "UPDATE held_posts SET decided_at = ?, decision = 'banned'
                     WHERE list_id = ? AND sender_id = ? AND decided_at IS NULL",
                )
                .bind(now)
                .bind(list_id)
                .bind(member_id)
                .execute(&mut *conn)
                .await?;
                // What this list's posts still had queued for them does not go out.
                sqlx::query(
                    "UPDATE outbox SET state = 'cancelled', updated_at = ?1, phone_enc = NULL
                     WHERE recipient_id = ?2 AND state = 'queued' AND message_id IN
                       (SELECT message_id FROM posts WHERE list_id = ?3
                        UNION SELECT zawgyi_message_id FROM posts
                        WHERE list_id = ?3 AND zawgyi_message_id IS NOT NULL)",
                )
                .bind(now)
                .bind(member_id)
                .bind(list_id)
                .execute(&mut *conn)
                .await?;
            }
            Effect::HoldPost {
                list_id,
                id,
                text,
                zawgyi_text,
                segments,
            } => {
                sqlx::query(
                    "INSERT INTO held_posts (id, list_id, sender_id, inbound_id, body, zawgyi_body,
                                             segments, created_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                )
                .bind(id)
                .bind(list_id)
                .bind(sender_id)
                .bind(inbound_id)
                .bind(text)
                .bind(zawgyi_text)
                .bind(i64::from(*segments))
                .bind(now)
                .execute(&mut *conn)
                .await?;
            }
            Effect::ReleasePost {
                held_id,
                list_id,
                author_id,
                text,
                zawgyi_text,
                segments,
            } => {
                // Once, whoever approves it first.
                let decided = sqlx::query(
                    "UPDATE held_posts SET decided_at = ?, decision = 'approved'
                     WHERE id = ? AND decided_at IS NULL",
                )
                .bind(now)
                .bind(held_id)
                .execute(&mut *conn)
                .await?
                .rows_affected();
                if decided > 0 {
                    let inbound: i64 =
                        sqlx::query_scalar("SELECT inbound_id FROM held_posts WHERE id = ?")
                            .bind(held_id)
                            .fetch_one(&mut *conn)
                            .await?;
                    let post = (text.as_str(), zawgyi_text.as_deref(), *segments);
                    self.post(conn, *list_id, *author_id, inbound, post, now)
                        .await?;
                }
            }
            Effect::RejectPost { held_id } => {
                sqlx::query(
                    "UPDATE held_posts SET decided_at = ?, decision = 'rejected'
                     WHERE id = ? AND decided_at IS NULL",
                )
                .bind(now)
                .bind(held_id)
                .execute(&mut *conn)
                .await?;
            }
            Effect::Alert {
                list_id,
                text,
                zawgyi_text,
                segments,
                expire_minutes,
                test,
                hold,
            } => {
                let expires_at = now + i64::from(*expire_minutes) * 60_000;
                let alert = (text.as_str(), zawgyi_text.as_deref(), *segments);
                let lane = Lane::alert(expires_at, *test);
                if *hold {
                    self.keep_alert(conn, *list_id, sender_id, inbound_id, alert, *test, now)
                        .await?
                } else {
                    self.post_in(conn, *list_id, sender_id, inbound_id, alert, lane, now)
                        .await?
                }
            }
            Effect::ConfirmAlert {
                alert_id,
                expire_minutes,
            } => {
                let expire_ms = i64::from(*expire_minutes) * 60_000;
                self.release_alert(conn, *alert_id, expire_ms, now).await?
            }
            Effect::CheckIn { list_id, texts } => {
                self.check_in(conn, *list_id, sender_id, inbound_id, texts, now)
                    .await?
            }
            Effect::CheckAnswer {
                checkin_id,
                safe,
                help_id,
            } => {
                sqlx::query(
                    "INSERT INTO checkin_answers (post_id, member_id, safe, help_id, answered_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (post_id, member_id) DO UPDATE
                     SET safe = ?3, help_id = COALESCE(?4, help_id), answered_at = ?5",
                )
                .bind(checkin_id)
                .bind(sender_id)
                .bind(i64::from(*safe))
                .bind(help_id)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            }
            Effect::SetAlertConfirm { list_id, on } => {
                set_list_flag(conn, ListFlag::AlertConfirm, *list_id, *on).await?;
            }
            Effect::Correct {
                alert_id,
                text,
                zawgyi_text,
                segments,
                expire_minutes,
            } => {
                let expires_at = now + i64::from(*expire_minutes) * 60_000;
                let correction = (text.as_str(), zawgyi_text.as_deref(), *segments);
                self.correct(
                    conn, *alert_id, sender_id, inbound_id, correction, expires_at, now,
                )
                .await?
            }
            Effect::SetReporter {
                list_id,
                member_id,
                on,
            } => {
                sqlx::query(
                    "UPDATE memberships SET reporter = ? WHERE list_id = ? AND member_id = ?",
                )
                .bind(i64::from(*on))
                .bind(list_id)
                .bind(member_id)
                .execute(&mut *conn)
                .await?;
            }
            Effect::SetModerated { list_id, on } => {
                set_list_flag(conn, ListFlag::Moderated, *list_id, *on).await?;
            }
            Effect::RequestDelete { list_id, code } => {
                sqlx::query(
                    "UPDATE lists SET delete_code = ?, delete_asked_at = ?, delete_attempts = 0
                     WHERE id = ?",
                )
                .bind(code)
                .bind(now)
                .bind(list_id)
                .execute(&mut *conn)
                .await?;
            }
            Effect::DeleteCodeFailed { list_id } => {
                sqlx::query("UPDATE lists SET delete_attempts = delete_attempts + 1 WHERE id = ?")
                    .bind(list_id)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::CloseList { list_id, notices } => {
                self.close_list(conn, *list_id, sender_id, notices, now)
                    .await?
            }
            Effect::PrivateMessage {
                list_id,
                recipient_id,
                text,
            } => {
                let font: Option<String> =
                    sqlx::query_scalar("SELECT font FROM members WHERE id = ?")
                        .bind(recipient_id)
                        .fetch_optional(&mut *conn)
                        .await?
                        .flatten();
                // Burmese reaches a phone that shows Zawgyi in Zawgyi.
                let zawgyi = (font.as_deref() == Some(engine::Font::Zawgyi.as_str()))
                    .then(|| engine::to_zawgyi(text))
                    .flatten();
                let (message_id, _) =
                    Self::insert_message(conn, zawgyi.as_deref().unwrap_or(text), now).await?;
                let outbox_id: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO outbox (message_id, recipient_id, gateway, priority, state,
                                         next_attempt_at, created_at, updated_at)
                     SELECT ?1, id, COALESCE(gateway, ?2), ?3, 'queued', ?4, ?4, ?4 FROM members
                     WHERE id = ?5 AND opted_out = 0
                     RETURNING id",
                )
                .bind(message_id)
                .bind(&self.default_gateway)
                .bind(PRIORITY_REPLY)
                .bind(now)
                .bind(recipient_id)
                .fetch_optional(&mut *conn)
                .await?;
                if let Some(outbox_id) = outbox_id {
                    sqlx::query(
                        "INSERT INTO private_outbox (outbox_id, list_id, sender_id) VALUES (?, ?, ?)",
                    )
                    .bind(outbox_id)
                    .bind(list_id)
                    .bind(sender_id)
                    .execute(&mut *conn)
                    .await?;
                }
            }
            Effect::Block { member_id, on } => {
                let sql = if *on {
                    "INSERT INTO blocks (blocker_id, blocked_index, created_at)
                     SELECT ?1, phone_index, ?3 FROM members WHERE id = ?2
                     ON CONFLICT (blocker_id, blocked_index) DO NOTHING"
                } else {
                    "DELETE FROM blocks WHERE blocker_id = ?1
                     AND blocked_index = (SELECT phone_index FROM members WHERE id = ?2)"
                };
                sqlx::query(sql)
                    .bind(sender_id)
                    .bind(member_id)
                    .bind(now)
                    .execute(&mut *conn)
                    .await?;
                if *on {
                    // What they wrote privately and is still queued does not go out either.
                    let pending = "recipient_id = ?2 AND id IN
                        (SELECT outbox_id FROM private_outbox WHERE sender_id = ?3)";
                    cancel_private(conn, pending, now, sender_id, *member_id).await?;
                }
            }
            Effect::SetDm { list_id, on } => {
                set_list_flag(conn, ListFlag::Dm, *list_id, *on).await?;
                if !*on {
                    let pending = "?2 = ?2 AND id IN
                        (SELECT outbox_id FROM private_outbox WHERE list_id = ?3)";
                    cancel_private(conn, pending, now, 0, *list_id).await?;
                }
            }
            Effect::HelpDropped { list_id } => {
                sqlx::query(
                    "INSERT INTO help_dropped (list_id, member_id, created_at) VALUES (?, ?, ?)",
                )
                .bind(list_id)
                .bind(sender_id)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            }
            Effect::Unban { list_id, label } => {
                sqlx::query("DELETE FROM bans WHERE list_id = ? AND label = ?")
                    .bind(list_id)
                    .bind(label)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::SetOwner { list_id, member_id } => {
                sqlx::query(
                    "UPDATE memberships SET role = 'admin' WHERE list_id = ? AND role = 'owner'",
                )
                .bind(list_id)
                .execute(&mut *conn)
                .await?;
                sqlx::query(
                    "UPDATE memberships SET role = 'owner' WHERE list_id = ? AND member_id = ? AND state = 'active'",
                )
                .bind(list_id)
                .bind(member_id)
                .execute(&mut *conn)
                .await?;
                sqlx::query("UPDATE lists SET owner_id = ? WHERE id = ?")
                    .bind(member_id)
                    .bind(list_id)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::HelpRequest {
                list_id,
                id,
                new,
                body,
            } => {
                if *new {
                    sqlx::query(
                        "INSERT INTO help_requests (id, list_id, member_id, body, created_at, last_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                    )
                    .bind(id)
                    .bind(list_id)
                    .bind(sender_id)
                    .bind(body)
                    .bind(now)
                    .execute(&mut *conn)
                    .await?;
                } else {
                    // The first message is the request (what SHARE posts); later ones keep it open.
                    sqlx::query(
                        "UPDATE help_requests SET last_at = ? WHERE id = ? AND member_id = ?",
                    )
                    .bind(now)
                    .bind(id)
                    .bind(sender_id)
                    .execute(&mut *conn)
                    .await?;
                }
                sqlx::query("INSERT INTO help_messages (help_id, created_at) VALUES (?, ?)")
                    .bind(id)
                    .bind(now)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::SetOutside { list_id, on } => {
                set_list_flag(conn, ListFlag::Outside, *list_id, *on).await?;
            }
            Effect::Audit {
                list_id,
                action,
                target,
            } => {
                sqlx::query(
                    "INSERT INTO audit (at, actor_id, list_id, action, target) VALUES (?, ?, ?, ?, ?)",
                )
                .bind(now)
                .bind(sender_id)
                .bind(list_id)
                .bind(*action)
                .bind(target)
                .execute(&mut *conn)
                .await?;
            }
            Effect::RequestForget { code } => {
                sqlx::query(
                    "UPDATE members SET forget_code = ?, forget_asked_at = ?, forget_attempts = 0
                     WHERE id = ?",
                )
                .bind(code)
                .bind(now)
                .bind(sender_id)
                .execute(&mut *conn)
                .await?;
            }
            Effect::ForgetCodeFailed => {
                sqlx::query(
                    "UPDATE members SET forget_attempts = forget_attempts + 1 WHERE id = ?",
                )
                .bind(sender_id)
                .execute(&mut *conn)
                .await?;
            }
            Effect::Forget { farewell } => self.forget(conn, sender_id, farewell, now).await?,
            Effect::SetAlias(alias) => {
                sqlx::query("UPDATE members SET alias = ?, alias_key = ? WHERE id = ?")
                    .bind(alias)
                    .bind(engine::alias_key(alias))
                    .bind(sender_id)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::SetLanguage(lang) => {
                sqlx::query("UPDATE members SET language = ? WHERE id = ?")
                    .bind(lang.code())
                    .bind(sender_id)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::RequestMove { phone, code } => {
                let new_id = self.upsert_member(conn, phone, None, None, now).await?;
                sqlx::query(
                    "INSERT INTO moves (old_member_id, new_member_id, code, created_at)
                     VALUES (?, ?, ?, ?)",
                )
                .bind(sender_id)
                .bind(new_id)
                .bind(code)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            }
            Effect::MoveCodeFailed { move_id } => {
                sqlx::query("UPDATE moves SET attempts = attempts + 1 WHERE id = ?")
                    .bind(move_id)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::AcceptMove {
                move_id,
                old_member_id,
            } => Self::move_member(conn, *move_id, *old_member_id, sender_id, now).await?,
            Effect::SetFont(font) => {
                sqlx::query("UPDATE members SET font = ? WHERE id = ?")
                    .bind(font.as_str())
                    .bind(sender_id)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::OptOut => {
                sqlx::query("UPDATE members SET opted_out = 1 WHERE id = ?")
                    .bind(sender_id)
                    .execute(&mut *conn)
                    .await?;
                Self::cancel_queued(conn, sender_id, now).await?;
            }
            Effect::OptIn => {
                sqlx::query("UPDATE members SET opted_out = 0 WHERE id = ?")
                    .bind(sender_id)
                    .execute(&mut *conn)
                    .await?;
            }
            Effect::Post {
                list_id,
                text,
                zawgyi_text,
                segments,
            } => {
                let post = (text.as_str(), zawgyi_text.as_deref(), *segments);
                self.post(conn, *list_id, sender_id, inbound_id, post, now)
                    .await?
            }
        }
        Ok(())
    }
}

impl SqliteStore {
    /// A post from `author` to every reachable member of `list_id` but them, recorded with its
    /// recipients: `(text, Zawgyi text, segments)`.
    async fn post(
        &self,
        conn: &mut SqliteConnection,
        list_id: i64,
        author: i64,
        inbound_id: i64,
        text: (&str, Option<&str>, u32),
        now: i64,
    ) -> Result<(), StoreError> {
        self.post_in(conn, list_id, author, inbound_id, text, Lane::BULK, now)
            .await
    }

    /// Where an alert's messages are (its Zawgyi ones included), and its age.
    async fn alert_reach(
        &self,
        conn: &mut SqliteConnection,
        alert_id: i64,
        now: i64,
    ) -> Result<engine::AlertReach, StoreError> {
        let (total, delivered, failed, expired, waiting, created_at): (
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
        ) = sqlx::query_as(
            "SELECT COALESCE(SUM(o.state != 'cancelled'), 0),
                        COALESCE(SUM(o.state = 'delivered'), 0),
                        COALESCE(SUM(o.state IN ('failed', 'undelivered')), 0),
                        COALESCE(SUM(o.state = 'expired'), 0),
                        COALESCE(SUM(o.state IN ('queued', 'sending', 'sent')), 0),
                        p.created_at
                 FROM posts p LEFT JOIN outbox o
                   ON o.message_id IN (p.message_id, COALESCE(p.zawgyi_message_id, p.message_id))
                 WHERE p.id = ?",
        )
        .bind(alert_id)
        .fetch_one(&mut *conn)
        .await?;
        let n = |v: i64| u64::try_from(v).unwrap_or(0);
        Ok(engine::AlertReach {
            total: n(total),
            delivered: n(delivered),
            failed: n(failed),
            expired: n(expired),
            waiting: n(waiting),
            minutes: n((now - created_at) / 60_000),
        })
    }

    /// Store a fan-out's text and its Zawgyi form (members whose phones show Zawgyi get it, when
    /// the text has Burmese): their `messages` ids.
    async fn insert_texts(
        conn: &mut SqliteConnection,
        text: &str,
        zawgyi_text: Option<&str>,
        now: i64,
    ) -> Result<(i64, Option<i64>), StoreError> {
        let (message_id, _) = Self::insert_message(conn, text, now).await?;
        let zawgyi_id = match zawgyi_text {
            Some(z) => Some(Self::insert_message(conn, z, now).await?.0),
            None => None,
        };
        Ok((message_id, zawgyi_id))
    }

    /// CORRECT: what of the alert is still queued is cancelled; everyone it reached (sent, or
    /// being sent) gets the correction in the alert lane, Zawgyi readers in Zawgyi. Recorded as a
    /// post of kind 3 (a correction: no alert limit counts it).
    #[allow(clippy::too_many_arguments)]
    async fn correct(
        &self,
        conn: &mut SqliteConnection,
        alert_id: i64,
        author: i64,
        inbound_id: i64,
        (text, zawgyi_text, segments): (&str, Option<&str>, u32),
        expires_at: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        let (list_id, alert_message, alert_zawgyi, alert_author): (i64, i64, Option<i64>, i64) =
            sqlx::query_as(
                "SELECT list_id, message_id, zawgyi_message_id, sender_id FROM posts WHERE id = ?",
            )
            .bind(alert_id)
            .fetch_one(&mut *conn)
            .await?;
        let of_alert = "message_id IN (?1, COALESCE(?2, ?1))";
        sqlx::query(&format!(
            "UPDATE outbox SET state = 'cancelled', updated_at = ?3, phone_enc = NULL
             WHERE {of_alert} AND state = 'queued'"
        ))
        .bind(alert_message)
        .bind(alert_zawgyi)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        let (message_id, zawgyi_id) = Self::insert_texts(conn, text, zawgyi_text, now).await?;
        let mut reached = 0;
        for (id, font) in by_font(message_id, zawgyi_id) {
            reached += sqlx::query(&format!(
                "INSERT INTO outbox (message_id, recipient_id, gateway, priority, state,
                                     next_attempt_at, created_at, updated_at, expires_at)
                 SELECT ?3, m.id, COALESCE(m.gateway, ?4), ?5, 'queued', ?6, ?6, ?6, ?7
                 FROM members m
                 WHERE m.opted_out = 0 {font}
                   AND m.id IN (SELECT member_id FROM memberships
                                WHERE list_id = ?8 AND state = 'active')
                   AND (m.id = ?9 OR m.id IN (
                     SELECT recipient_id FROM outbox
                     WHERE {of_alert} AND state IN ('sending', 'sent', 'delivered')))
                 ORDER BY m.id"
            ))
            .bind(alert_message)
            .bind(alert_zawgyi)
            .bind(id)
            .bind(&self.default_gateway)
            .bind(PRIORITY_ALERT)
            .bind(now)
            .bind(expires_at)
            .bind(list_id)
            .bind(alert_author)
            .execute(&mut *conn)
            .await?
            .rows_affected();
        }
        sqlx::query(
            "INSERT INTO posts (list_id, sender_id, inbound_id, message_id, recipients, segments,
                                created_at, zawgyi_message_id, alert)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 3)",
        )
        .bind(list_id)
        .bind(author)
        .bind(inbound_id)
        .bind(message_id)
        .bind(reached as i64)
        .bind(i64::from(segments))
        .bind(now)
        .bind(zawgyi_id)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// [`Self::post`] in a given lane: bulk for posts, the alert lane (with an expiry) for alerts.
    #[allow(clippy::too_many_arguments)]
    async fn post_in(
        &self,
        conn: &mut SqliteConnection,
        list_id: i64,
        author: i64,
        inbound_id: i64,
        (text, zawgyi_text, segments): (&str, Option<&str>, u32),
        lane: Lane,
        now: i64,
    ) -> Result<(), StoreError> {
        let texts = Self::insert_texts(conn, text, zawgyi_text, now).await?;
        let fanned = self
            .fan_out_post(conn, texts, list_id, author, lane, now)
            .await?;
        let post = (list_id, author, inbound_id, segments, lane.post_kind());
        Self::insert_post(conn, post, texts, fanned, now).await?;
        Ok(())
    }

    /// A post's texts (and their Zawgyi form) to every active member of its list who can receive
    /// it, but its author: how many were queued.
    async fn fan_out_post(
        &self,
        conn: &mut SqliteConnection,
        (message_id, zawgyi_id): (i64, Option<i64>),
        list_id: i64,
        author: i64,
        lane: Lane,
        now: i64,
    ) -> Result<u64, StoreError> {
        let mut fanned = 0;
        for (id, font) in by_font(message_id, zawgyi_id) {
            let whom = format!("AND m.undeliverable = 0 AND m.paused = 0 {font}");
            fanned += self
                .fan_out_in(conn, id, list_id, author, (&whom, ""), lane, now)
                .await?;
        }
        Ok(fanned)
    }

    /// The `posts` row of (list, author, inbound SMS, segments, kind), its texts and recipients: its id.
    async fn insert_post(
        conn: &mut SqliteConnection,
        (list_id, author, inbound_id, segments, kind): (i64, i64, i64, u32, i64),
        (message_id, zawgyi_id): (i64, Option<i64>),
        recipients: u64,
        now: i64,
    ) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "INSERT INTO posts (list_id, sender_id, inbound_id, message_id, recipients, segments,
                                created_at, zawgyi_message_id, alert)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(list_id)
        .bind(author)
        .bind(inbound_id)
        .bind(message_id)
        .bind(i64::try_from(recipients).unwrap_or(i64::MAX))
        .bind(i64::from(segments))
        .bind(now)
        .bind(zawgyi_id)
        .bind(kind)
        .fetch_one(&mut *conn)
        .await?)
    }

    /// The check-in a bare 1 or 2 answers (the latest the sender got in the last 24 hours, of a
    /// list still open) or RESULTS names, into `facts`; its list's id.
    async fn load_checkin(
        &self,
        conn: &mut SqliteConnection,
        facts: &mut Facts,
        needs: &Needs,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        let sender_id = facts.sender.id;
        let row: Option<(i64, i64)> = if needs.checkin_answer {
            sqlx::query_as(
                // Only a question that reached the member (sent or delivered), of a list they are
                // still in: a 2 never goes to a list's admins for a question not yet received.
                "SELECT p.id, p.list_id FROM outbox o
                 JOIN checkin_messages cm ON cm.message_id = o.message_id
                 JOIN posts p ON p.id = cm.post_id JOIN lists l ON l.id = p.list_id
                 JOIN memberships ms ON ms.list_id = p.list_id AND ms.member_id = ?1
                   AND ms.state = 'active'
                 WHERE o.recipient_id = ?1 AND o.created_at > ?2
                   AND o.state IN ('sent', 'delivered')
                   AND p.created_at > ?2 AND l.deleted_at IS NULL
                 ORDER BY o.id DESC LIMIT 1",
            )
            .bind(sender_id)
            .bind(now - CHECKIN_OPEN_MS)
            .fetch_optional(&mut *conn)
            .await?
        } else if let Some(id) = needs.checkin_id {
            sqlx::query_as(
                "SELECT p.id, p.list_id FROM posts p JOIN lists l ON l.id = p.list_id
                 WHERE p.id = ? AND p.alert = 6 AND l.deleted_at IS NULL",
            )
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?
        } else {
            return Ok(None);
        };
        let Some((id, list_id)) = row else {
            return Ok(None);
        };
        let answer: Option<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT safe, help_id FROM checkin_answers WHERE post_id = ? AND member_id = ?",
        )
        .bind(id)
        .bind(sender_id)
        .fetch_optional(&mut *conn)
        .await?;
        let tally = if needs.checkin_id.is_some() {
            let (total, safe, help): (i64, i64, i64) = sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM outbox o
                         JOIN checkin_messages cm ON cm.message_id = o.message_id
                         WHERE cm.post_id = ?1 AND o.state != 'cancelled'),
                        COALESCE(SUM(safe = 1), 0), COALESCE(SUM(safe = 0), 0)
                 FROM checkin_answers WHERE post_id = ?1",
            )
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
            let n = |v: i64| u64::try_from(v).unwrap_or(0);
            Some(engine::CheckinTally {
                safe: n(safe),
                help: n(help),
                silent: n(total - safe - help),
            })
        } else {
            None
        };
        if needs.checkin_answer {
            facts.next_help_id =
                sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM help_requests")
                    .fetch_one(&mut *conn)
                    .await?;
        }
        let help_id = answer.and_then(|(_, help)| help);
        let help_messages: i64 = match help_id {
            Some(help) => {
                sqlx::query_scalar(
                    "SELECT COUNT(*) FROM help_messages WHERE help_id = ? AND created_at > ?",
                )
                .bind(help)
                .bind(now - 3_600_000)
                .fetch_one(&mut *conn)
                .await?
            }
            None => 0,
        };
        facts.checkin = Some(engine::CheckinFacts {
            id,
            answer: answer.map(|(safe, _)| safe != 0),
            help_id,
            help_messages_last_hour: u64::try_from(help_messages).unwrap_or(0),
            tally,
        });
        Ok(Some(list_id))
    }

    /// CHECK: the question to every member of the list but its sender, in their language (Burmese
    /// in Zawgyi to those who read it), in the bulk lane; recorded as a post of kind 6 whose
    /// messages are its check-in's.
    async fn check_in(
        &self,
        conn: &mut SqliteConnection,
        list_id: i64,
        author: i64,
        inbound_id: i64,
        texts: &[(smsup_lang::Lang, String)],
        now: i64,
    ) -> Result<(), StoreError> {
        // In the bulk lane: replies, notices and calls for help (a 2) never wait behind it.
        let lane = Lane::BULK;
        let sent = self
            .fan_out_by_language(conn, list_id, author, texts, lane, now)
            .await?;
        let recipients = sent.iter().map(|(_, n)| n).sum();
        let first = sent.first().map_or(0, |(id, _)| *id);
        let segments = texts
            .iter()
            .map(|(_, t)| smsup_sms::analyze(t).segments)
            .max()
            .unwrap_or(1);
        let segments = u32::try_from(segments).unwrap_or(u32::MAX);
        let post_id = Self::insert_post(
            conn,
            (list_id, author, inbound_id, segments, 6),
            (first, None),
            recipients,
            now,
        )
        .await?;
        for (message_id, _) in &sent {
            sqlx::query("INSERT INTO checkin_messages (message_id, post_id) VALUES (?, ?)")
                .bind(message_id)
                .bind(post_id)
                .execute(&mut *conn)
                .await?;
        }
        Ok(())
    }

    /// `texts` (a language's each) to the list's members but `except`, in the lane: each member
    /// gets the text of the language they chose, members with none the first one; Burmese goes in
    /// Zawgyi to those who read it. Returns every message queued (with how many got it).
    async fn fan_out_by_language(
        &self,
        conn: &mut SqliteConnection,
        list_id: i64,
        except: i64,
        texts: &[(smsup_lang::Lang, String)],
        lane: Lane,
        now: i64,
    ) -> Result<Vec<(i64, u64)>, StoreError> {
        let codes: Vec<&str> = texts.iter().skip(1).map(|(l, _)| l.code()).collect();
        let codes = serde_json::Value::from(codes).to_string();
        let mut sent = Vec::new();
        for (i, (lang, text)) in texts.iter().enumerate() {
            // The first text: members whose language is not one of the others.
            let (whose, which) = if i == 0 {
                (
                    "(m.language IS NULL OR m.language NOT IN (SELECT value FROM json_each(?6)))",
                    codes.as_str(),
                )
            } else {
                ("m.language = ?6", lang.code())
            };
            let zawgyi = if *lang == smsup_lang::Lang::My {
                crate::engine::to_zawgyi(text)
            } else {
                None
            };
            for (body, zawgyi_readers) in [(Some(text.clone()), false), (zawgyi.clone(), true)] {
                let Some(body) = body else { continue };
                let font = match (zawgyi.is_some(), zawgyi_readers) {
                    (false, _) => "",
                    (true, false) => "AND COALESCE(m.font, '') != 'Zawgyi'",
                    (true, true) => "AND m.font = 'Zawgyi'",
                };
                let (message_id, _) = Self::insert_message(conn, &body, now).await?;
                let whom = format!("AND m.undeliverable = 0 AND m.paused = 0 AND {whose} {font}");
                let n = self
                    .fan_out_in(conn, message_id, list_id, except, (&whom, which), lane, now)
                    .await?;
                // A language nobody reads here leaves no text behind (the first one stays: a
                // post names it).
                if n == 0 && !sent.is_empty() {
                    sqlx::query("DELETE FROM messages WHERE id = ?")
                        .bind(message_id)
                        .execute(&mut *conn)
                        .await?;
                    continue;
                }
                sent.push((message_id, n));
            }
        }
        Ok(sent)
    }

    /// An alert kept for a second admin's OK: its texts and its post (kind 4, or 5 for a drill),
    /// with no message queued yet.
    #[allow(clippy::too_many_arguments)]
    async fn keep_alert(
        &self,
        conn: &mut SqliteConnection,
        list_id: i64,
        author: i64,
        inbound_id: i64,
        (text, zawgyi_text, segments): (&str, Option<&str>, u32),
        test: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        let texts = Self::insert_texts(conn, text, zawgyi_text, now).await?;
        let kind = if test { 5 } else { 4 };
        Self::insert_post(
            conn,
            (list_id, author, inbound_id, segments, kind),
            texts,
            0,
            now,
        )
        .await?;
        Ok(())
    }

    /// OK: a kept alert goes to its list now, from its sender, in the alert lane (a drill in the
    /// replies' lane); it counts as sent now (its reach report and its minutes start now).
    async fn release_alert(
        &self,
        conn: &mut SqliteConnection,
        alert_id: i64,
        expire_ms: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        // It expires as it would have had it gone at once: the wait for the OK is part of its
        // time (never delivered late).
        let written: Option<i64> =
            sqlx::query_scalar("SELECT created_at FROM posts WHERE id = ? AND alert IN (4, 5)")
                .bind(alert_id)
                .fetch_optional(&mut *conn)
                .await?;
        let Some(written) = written else {
            return Ok(());
        };
        let expires_at = written + expire_ms;
        let kept: Option<(i64, i64, i64, Option<i64>, i64)> = sqlx::query_as(
            "UPDATE posts SET alert = alert - 3, created_at = ?
             WHERE id = ? AND alert IN (4, 5)
             RETURNING list_id, sender_id, message_id, zawgyi_message_id, alert",
        )
        .bind(now)
        .bind(alert_id)
        .fetch_optional(&mut *conn)
        .await?;
        // Two admins answering at once: the first one sends it.
        let Some((list_id, author, message_id, zawgyi_id, kind)) = kept else {
            return Ok(());
        };
        let lane = Lane::alert(expires_at, kind == 2);
        let texts = (message_id, zawgyi_id);
        let fanned = self
            .fan_out_post(conn, texts, list_id, author, lane, now)
            .await?;
        sqlx::query("UPDATE posts SET recipients = ? WHERE id = ?")
            .bind(fanned as i64)
            .bind(alert_id)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// Queue `message_id` in `lane` to every active, reachable member of `list_id` but `except`, who
    /// also meets `whom` (more conditions on `m`, which may use `?6`, bound to `arg`). Returns how
    /// many were queued.
    #[allow(clippy::too_many_arguments)]
    async fn fan_out_in(
        &self,
        conn: &mut SqliteConnection,
        message_id: i64,
        list_id: i64,
        except: i64,
        (whom, arg): (&str, &str),
        lane: Lane,
        now: i64,
    ) -> Result<u64, StoreError> {
        Ok(sqlx::query(&format!(
            "INSERT INTO outbox (message_id, recipient_id, gateway, priority, state,
                                 next_attempt_at, created_at, updated_at, expires_at)
             SELECT ?1, m.id, COALESCE(m.gateway, ?2), ?3, 'queued', ?4, ?4, ?4, ?8
             FROM memberships ms JOIN members m ON m.id = ms.member_id
             WHERE ms.list_id = ?5 AND ms.state = 'active' AND m.opted_out = 0
               AND m.id != ?7 AND (?6 = ?6) {whom}
             ORDER BY m.id"
        ))
        .bind(message_id)
        .bind(&self.default_gateway)
        .bind(lane.priority)
        .bind(now)
        .bind(list_id)
        .bind(arg)
        .bind(except)
        .bind(lane.expires_at)
        .execute(&mut *conn)
        .await?
        .rows_affected())
    }

    /// DELETE confirmed: what the list's posts still had queued is cancelled, every member but the
    /// owner is told in their language (Burmese in Zawgyi to those who read it), the memberships
    /// go and the list is marked closed (its name stays taken for 30 days).
    async fn close_list(
        &self,
        conn: &mut SqliteConnection,
        list_id: i64,
        owner: i64,
        notices: &[(smsup_lang::Lang, String)],
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outbox SET state = 'cancelled', updated_at = ?1, phone_enc = NULL
             WHERE state = 'queued' AND message_id IN
               (SELECT message_id FROM posts WHERE list_id = ?2
                UNION SELECT zawgyi_message_id FROM posts
                WHERE list_id = ?2 AND zawgyi_message_id IS NOT NULL)",
        )
        .bind(now)
        .bind(list_id)
        .execute(&mut *conn)
        .await?;
        let pending = "?2 = ?2 AND id IN (SELECT outbox_id FROM private_outbox WHERE list_id = ?3)";
        cancel_private(conn, pending, now, 0, list_id).await?;
        self.fan_out_by_language(conn, list_id, owner, notices, Lane::BULK, now)
            .await?;
        sqlx::query("DELETE FROM memberships WHERE list_id = ?")
            .bind(list_id)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "UPDATE lists SET deleted_at = ?, delete_code = NULL, delete_asked_at = NULL WHERE id = ?",
        )
        .bind(now)
        .bind(list_id)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// FORGET: erase everything of a member but a marker of its number (its blind index, opted
    /// out). What they received is no longer theirs (their outbox rows go, and the texts only they
    /// got); what they sent is erased (inbound, their posts' texts, their help requests). The
    /// farewell is queued with its own copy of the number, emptied once it is sent.
    async fn forget(
        &self,
        conn: &mut SqliteConnection,
        member: i64,
        farewell: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let statements = [
            // Texts only they received (replies to them) are erased, then their outbox rows go.
            "UPDATE messages SET body = '' WHERE id IN (SELECT message_id FROM outbox WHERE recipient_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = messages.id AND o.recipient_id != ?1)",
            "DELETE FROM provider_ids WHERE outbox_id IN (SELECT id FROM outbox WHERE recipient_id = ?1)",
            "DELETE FROM outbox WHERE recipient_id = ?1",
            // What they sent.
            "UPDATE inbound SET body = '' WHERE member_id = ?1",
            "UPDATE messages SET body = '' WHERE id IN (SELECT message_id FROM posts WHERE sender_id = ?1
               UNION SELECT zawgyi_message_id FROM posts WHERE sender_id = ?1)",
            // A check-in's question in every language, and their answers to check-ins.
            "UPDATE messages SET body = '' WHERE id IN (SELECT cm.message_id FROM checkin_messages cm
               JOIN posts p ON p.id = cm.post_id WHERE p.sender_id = ?1)",
            "DELETE FROM checkin_answers WHERE member_id = ?1",
            "DELETE FROM help_messages WHERE help_id IN (SELECT id FROM help_requests WHERE member_id = ?1)",
            "DELETE FROM help_requests WHERE member_id = ?1",
            "DELETE FROM help_dropped WHERE member_id = ?1",
            "DELETE FROM held_posts WHERE sender_id = ?1",
            "UPDATE messages SET body = '' WHERE id IN (SELECT o.message_id FROM outbox o
               JOIN private_outbox p ON p.outbox_id = o.id WHERE p.sender_id = ?1)",
            "DELETE FROM private_outbox WHERE sender_id = ?1",
            // Their blocks go; others' blocks of their number stay (a blind index, and the
            // blocker's choice).
            "DELETE FROM blocks WHERE blocker_id = ?1",
            // Where they were.
            "DELETE FROM memberships WHERE member_id = ?1",
            "DELETE FROM moves WHERE old_member_id = ?1 OR new_member_id = ?1",
            // Who they were: only the blind index stays, opted out.
            "UPDATE members SET alias = NULL, alias_key = NULL, language = NULL, font = NULL,
               gateway = NULL, opted_out = 1, paused = 0, undeliverable = 0, reconfirm_asked_at = NULL,
               forget_code = NULL, forget_asked_at = NULL, forget_attempts = 0 WHERE id = ?1",
        ];
        // The farewell first, with the number it needs.
        let (message_id, _) = Self::insert_message(conn, farewell, now).await?;
        let enc: Vec<u8> = sqlx::query_scalar("SELECT phone_enc FROM members WHERE id = ?")
            .bind(member)
            .fetch_one(&mut *conn)
            .await?;
        let gateway: Option<String> =
            sqlx::query_scalar("SELECT gateway FROM members WHERE id = ?")
                .bind(member)
                .fetch_one(&mut *conn)
                .await?;
        for sql in statements {
            sqlx::query(sql).bind(member).execute(&mut *conn).await?;
        }
        sqlx::query(
            "INSERT INTO outbox (message_id, recipient_id, gateway, priority, state, next_attempt_at,
                                 created_at, updated_at, phone_enc)
             VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?5, ?5, ?6)",
        )
        .bind(message_id)
        .bind(member)
        .bind(gateway.unwrap_or_else(|| self.default_gateway.clone()))
        .bind(PRIORITY_REPLY)
        .bind(now)
        .bind(enc)
        .execute(&mut *conn)
        .await?;
        sqlx::query("UPDATE members SET phone_enc = X'', forgotten = 1 WHERE id = ?")
            .bind(member)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// Everything of the old number becomes the new one's: memberships and roles (where both are in
    /// a list, the old number's active membership wins), ownership of lists, and the alias,
    /// language and font the new number does not have. The old number keeps nothing.
    async fn move_member(
        conn: &mut SqliteConnection,
        move_id: i64,
        old: i64,
        new: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        for sql in [
            // A list that banned the new number does not take it back through a move: the old
            // number's place there is dropped (an owner's own move lifts the ban instead).
            "DELETE FROM bans WHERE phone_index = (SELECT phone_index FROM members WHERE id = ?2)
                 AND list_id IN (SELECT list_id FROM memberships WHERE member_id = ?1 AND role = 'owner')",
            "DELETE FROM memberships WHERE member_id = ?1 AND list_id IN
                 (SELECT b.list_id FROM bans b JOIN members m ON m.phone_index = b.phone_index
                  WHERE m.id = ?2)",
            "DELETE FROM memberships WHERE member_id = ?2 AND list_id IN
                 (SELECT list_id FROM memberships WHERE member_id = ?1 AND state = 'active')",
            "DELETE FROM memberships WHERE member_id = ?1 AND list_id IN
                 (SELECT list_id FROM memberships WHERE member_id = ?2)",
            "UPDATE memberships SET member_id = ?2 WHERE member_id = ?1",
            "UPDATE memberships SET invited_by = ?2 WHERE invited_by = ?1",
            // What waits on the old number follows the person: held posts, help requests
            // (answers go to the new number), and bans (a move is no way out of one).
            "UPDATE held_posts SET sender_id = ?2 WHERE sender_id = ?1 AND decided_at IS NULL",
            "UPDATE help_requests SET member_id = ?2 WHERE member_id = ?1",
            "UPDATE posts SET sender_id = ?2 WHERE sender_id = ?1",
            "UPDATE help_dropped SET member_id = ?2 WHERE member_id = ?1",
            "INSERT OR IGNORE INTO bans (list_id, phone_index, label, banned_by, created_at)
                 SELECT b.list_id, (SELECT phone_index FROM members WHERE id = ?2), b.label,
                        b.banned_by, b.created_at
                 FROM bans b WHERE b.phone_index = (SELECT phone_index FROM members WHERE id = ?1)",
            // Blocks move with the one who made them, and follow the one blocked to a new number.
            "UPDATE OR IGNORE blocks SET blocker_id = ?2 WHERE blocker_id = ?1",
            "INSERT OR IGNORE INTO blocks (blocker_id, blocked_index, created_at)
                 SELECT b.blocker_id, (SELECT phone_index FROM members WHERE id = ?2), b.created_at
                 FROM blocks b WHERE b.blocked_index = (SELECT phone_index FROM members WHERE id = ?1)",
            "UPDATE lists SET owner_id = ?2 WHERE owner_id = ?1",
            "UPDATE members SET
                 alias = COALESCE(alias, (SELECT alias FROM members WHERE id = ?1)),
                 alias_key = COALESCE(alias_key, (SELECT alias_key FROM members WHERE id = ?1)),
                 language = COALESCE(language, (SELECT language FROM members WHERE id = ?1)),
                 font = COALESCE(font, (SELECT font FROM members WHERE id = ?1))
             WHERE id = ?2",
            "UPDATE members SET alias = NULL, alias_key = NULL WHERE id = ?1",
        ] {
            sqlx::query(sql)
                .bind(old)
                .bind(new)
                .execute(&mut *conn)
                .await?;
        }
        sqlx::query("UPDATE moves SET done_at = ? WHERE id = ?")
            .bind(now)
            .bind(move_id)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}

/// What the key check value is computed from (its blind index: it reveals nothing of the key).
const KEY_CHECK: &str = "smsup key check v1";

/// The key check value `crypto` gives (stored in `meta` as `key_check`).
pub fn key_check_value(crypto: &Crypto) -> Vec<u8> {
    crypto.index(KEY_CHECK)
}

/// True when the SQLite database at `path` holds data (members or a key check): then a new key must
/// never be made for it. A missing file or an empty database holds none.
pub fn holds_data(path: &Path) -> Result<bool, StoreError> {
    if !path.exists() {
        return Ok(false);
    }
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let has = |table: &str| -> Result<bool, rusqlite::Error> {
        let exists: i64 = conn.query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )?;
        if exists == 0 {
            return Ok(false);
        }
        conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table})"), [], |r| {
            r.get::<_, i64>(0)
        })
        .map(|n| n != 0)
    };
    Ok(has("members")? || has("meta")?)
}

/// Refuse a key that is not the one the database was written with; remember the key of a database
/// that has none recorded yet (a new one, or one from before the check existed, whose numbers the
/// key must then decrypt).
async fn check_key(pool: &SqlitePool, crypto: &Crypto) -> Result<(), StoreError> {
    let mine = crypto.index(KEY_CHECK);
    let stored: Option<Vec<u8>> =
        sqlx::query_scalar("SELECT value FROM meta WHERE key = 'key_check'")
            .fetch_optional(pool)
            .await?;
    match stored {
        Some(v) if v == mine => Ok(()),
        Some(_) => Err(StoreError::WrongKey),
        None => {
            let sample: Option<Vec<u8>> = sqlx::query_scalar(
                "SELECT phone_enc FROM members WHERE length(phone_enc) > 0 ORDER BY id LIMIT 1",
            )
            .fetch_optional(pool)
            .await?;
            if let Some(enc) = sample {
                crypto.decrypt(&enc).map_err(|_| StoreError::WrongKey)?;
            }
            sqlx::query("INSERT INTO meta (key, value) VALUES ('key_check', ?)")
                .bind(mine)
                .execute(pool)
                .await?;
            Ok(())
        }
    }
}

/// How long a held post waits for an admin's answer.
const HELD_POST_MS: i64 = 86_400_000;

/// How long a check-in takes answers (24 hours).
const CHECKIN_OPEN_MS: i64 = 86_400_000;

/// How long a closed list's name stays taken.
const CLOSED_NAME_RESERVED_MS: i64 = 30 * 86_400_000;

/// The version of the matching keys in `lists.name_key` and `members.alias_key`.
const KEYS_VERSION: i64 = 3;

/// Bring a database written by an earlier version up to date: list and alias keys recomputed as
/// confusable keys, and a random label for every membership that has none.
async fn upgrade_keys(pool: &SqlitePool) -> Result<(), StoreError> {
    let mut conn = pool.acquire().await?;
    let version: Option<i64> =
        sqlx::query_scalar("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'keys_version'")
            .fetch_optional(&mut *conn)
            .await?;
    if version.unwrap_or(1) < KEYS_VERSION {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        // A closed list whose name was given up keeps its set-aside key.
        let lists: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, name FROM lists WHERE instr(name_key, ':closed:') = 0 ORDER BY id",
        )
        .fetch_all(&mut *tx)
        .await?;
        let mut taken = HashSet::new();
        for (id, name) in lists {
            let key = engine::list_key(&name);
            // Two old lists that now look alike: the older keeps the key, the newer keeps its old
            // one (reachable as before only by exact spelling) and a warning is logged.
            if taken.insert(key.clone()) {
                sqlx::query("UPDATE lists SET name_key = ? WHERE id = ?")
                    .bind(&key)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            } else {
                tracing::warn!(
                    list = id,
                    "two lists have look-alike names; the newer one keeps its old key"
                );
            }
        }
        let aliases: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, alias FROM members WHERE alias IS NOT NULL")
                .fetch_all(&mut *tx)
                .await?;
        for (id, alias) in aliases {
            sqlx::query("UPDATE members SET alias_key = ? WHERE id = ?")
                .bind(engine::alias_key(&alias))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("INSERT OR REPLACE INTO meta (key, value) VALUES ('keys_version', ?)")
            .bind(KEYS_VERSION)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    let unlabelled: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT list_id, member_id FROM memberships WHERE label IS NULL AND state != 'declined'",
    )
    .fetch_all(&mut *conn)
    .await?;
    if !unlabelled.is_empty() {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        for (list_id, member_id) in unlabelled {
            let label = new_label(&mut tx, list_id).await?;
            sqlx::query("UPDATE memberships SET label = ? WHERE list_id = ? AND member_id = ?")
                .bind(label)
                .bind(list_id)
                .bind(member_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// Cancel the queued outbox rows that meet `which` (a condition that may use `?2` and `?3`).
async fn cancel_private(
    conn: &mut SqliteConnection,
    which: &str,
    now: i64,
    two: i64,
    three: i64,
) -> Result<(), StoreError> {
    sqlx::query(&format!(
        "UPDATE outbox SET state = 'cancelled', updated_at = ?1, phone_enc = NULL
         WHERE state = 'queued' AND {which}"
    ))
    .bind(now)
    .bind(two)
    .bind(three)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A label not yet used in the list: four characters (923,521 of them), longer when a list is so
/// full that four keep meeting labels in use.
async fn new_label(conn: &mut SqliteConnection, list_id: i64) -> Result<String, StoreError> {
    for attempt in 0..40 {
        let label = label::random(label::length(attempt));
        let used: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM memberships WHERE list_id = ? AND label = ?")
                .bind(list_id)
                .bind(&label)
                .fetch_optional(&mut *conn)
                .await?;
        if used.is_none() {
            return Ok(label);
        }
    }
    Err(StoreError::Inconsistent("no free label in a list".into()))
}

/// Make `member_id` an active member of `list_id` with `role` (an invitation or a refusal becomes a
/// membership), with a label of its own in the list.
async fn activate(
    conn: &mut SqliteConnection,
    list_id: i64,
    member_id: i64,
    role: Role,
    now: i64,
) -> Result<(), StoreError> {
    let label = new_label(conn, list_id).await?;
    sqlx::query(
        "INSERT INTO memberships (list_id, member_id, role, state, created_at, label)
         VALUES (?, ?, ?, 'active', ?, ?)
         ON CONFLICT (list_id, member_id)
         DO UPDATE SET state = 'active', label = COALESCE(label, excluded.label)",
    )
    .bind(list_id)
    .bind(member_id)
    .bind(role.as_str())
    .bind(now)
    .bind(label)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An import's transaction on SQLite: a few set-based statements per chunk of rows.
struct SqliteImportTx {
    store: SqliteStore,
    tx: sqlx::Transaction<'static, sqlx::Sqlite>,
    _writer: WriteGuard,
    list_id: i64,
    name: String,
}

#[async_trait]
impl ImportTx for SqliteImportTx {
    fn list_name(&self) -> &str {
        &self.name
    }

    async fn labels(&mut self) -> Result<HashSet<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT label FROM memberships WHERE list_id = ? AND label IS NOT NULL",
        )
        .bind(self.list_id)
        .fetch_all(&mut *self.tx)
        .await?
        .into_iter()
        .collect())
    }

    async fn alias_keys(&mut self) -> Result<HashSet<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT m.alias_key FROM memberships ms JOIN members m ON m.id = ms.member_id
             WHERE ms.list_id = ? AND ms.state IN ('active', 'invited') AND m.alias_key IS NOT NULL",
        )
        .bind(self.list_id)
        .fetch_all(&mut *self.tx)
        .await?
        .into_iter()
        .collect())
    }

    async fn upsert_members(
        &mut self,
        phones: &[&Phone],
        now: i64,
    ) -> Result<Vec<Option<ImportedMember>>, StoreError> {
        if phones.is_empty() {
            return Ok(Vec::new());
        }
        let crypto = &self.store.crypto;
        let indexes: Vec<Vec<u8>> = phones.iter().map(|p| crypto.index(p.e164())).collect();
        let mut insert = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
            "INSERT INTO members (phone_index, phone_enc, created_at) ",
        );
        insert.push_values(phones.iter().zip(&indexes), |mut b, (phone, index)| {
            b.push_bind(index.clone())
                .push_bind(crypto.encrypt(phone.e164()))
                .push_bind(now);
        });
        insert.push(" ON CONFLICT (phone_index) DO NOTHING");
        insert.build().execute(&mut *self.tx).await?;
        let mut select = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
            "SELECT id, phone_index, alias, language, opted_out,
                    EXISTS (SELECT 1 FROM bans b
                            WHERE b.list_id = ",
        );
        select.push_bind(self.list_id);
        select.push(
            " AND b.phone_index = members.phone_index) AS banned
             FROM members WHERE phone_index IN (",
        );
        let mut list = select.separated(", ");
        for index in &indexes {
            list.push_bind(index.clone());
        }
        select.push(")");
        let mut found: HashMap<Vec<u8>, ImportedMember> = HashMap::new();
        for m in select.build().fetch_all(&mut *self.tx).await? {
            let language: Option<String> = m.get("language");
            found.insert(
                m.get("phone_index"),
                ImportedMember {
                    id: m.get("id"),
                    has_alias: m.get::<Option<String>, _>("alias").is_some(),
                    language: language.as_deref().and_then(smsup_lang::Lang::from_code),
                    has_language: language.is_some(),
                    opted_out: m.get::<i64, _>("opted_out") != 0,
                    banned: m.get::<i64, _>("banned") != 0,
                },
            );
        }
        Ok(indexes.iter().map(|i| found.remove(i)).collect())
    }

    async fn memberships(
        &mut self,
        ids: &[i64],
    ) -> Result<HashMap<i64, MembershipState>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT member_id, state, invited_at FROM memberships
             WHERE list_id = ? AND member_id IN (SELECT value FROM json_each(?))",
        )
        .bind(self.list_id)
        .bind(serde_json::Value::from(ids.to_vec()).to_string())
        .fetch_all(&mut *self.tx)
        .await?
        .into_iter()
        .map(|(id, state, invited_at): (i64, String, Option<i64>)| {
            (id, MembershipState { state, invited_at })
        })
        .collect())
    }

    async fn set_aliases(&mut self, rows: &[(i64, String, String)]) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let json: Vec<serde_json::Value> = rows
            .iter()
            .map(|(id, alias, key)| serde_json::json!([id, alias, key]))
            .collect();
        sqlx::query(
            "UPDATE members SET alias = j.value ->> 1, alias_key = j.value ->> 2
             FROM json_each(?) AS j WHERE members.id = j.value ->> 0 AND members.alias IS NULL",
        )
        .bind(serde_json::Value::from(json).to_string())
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn set_languages(&mut self, rows: &[(i64, smsup_lang::Lang)]) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let json: Vec<serde_json::Value> = rows
            .iter()
            .map(|(id, lang)| serde_json::json!([id, lang.code()]))
            .collect();
        sqlx::query(
            "UPDATE members SET language = j.value ->> 1
             FROM json_each(?) AS j WHERE members.id = j.value ->> 0 AND members.language IS NULL",
        )
        .bind(serde_json::Value::from(json).to_string())
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn add_memberships(
        &mut self,
        rows: &[(i64, String)],
        state: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let json: Vec<serde_json::Value> = rows
            .iter()
            .map(|(id, label)| serde_json::json!([id, label]))
            .collect();
        sqlx::query(
            "INSERT INTO memberships (list_id, member_id, role, state, created_at, label, invited_at)
             SELECT ?1, j.value ->> 0, 'member', ?2, ?3, j.value ->> 1, ?3 FROM json_each(?4) AS j
             JOIN members m ON m.id = j.value ->> 0
             WHERE NOT EXISTS (SELECT 1 FROM bans b WHERE b.list_id = ?1 AND b.phone_index = m.phone_index)
             ON CONFLICT (list_id, member_id) DO UPDATE
             SET state = excluded.state, label = COALESCE(memberships.label, excluded.label),
                 invited_at = excluded.invited_at",
        )
        .bind(self.list_id)
        .bind(state)
        .bind(now)
        .bind(serde_json::Value::from(json).to_string())
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn message(&mut self, text: &str, now: i64) -> Result<i64, StoreError> {
        Ok(SqliteStore::insert_message(&mut self.tx, text, now)
            .await?
            .0)
    }

    async fn enqueue_many(
        &mut self,
        message_id: i64,
        recipients: &[i64],
        priority: Priority,
        now: i64,
    ) -> Result<(), StoreError> {
        if recipients.is_empty() {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO outbox (message_id, recipient_id, gateway, priority, state,
                                 next_attempt_at, created_at, updated_at)
             SELECT ?1, m.id, COALESCE(m.gateway, ?2), ?3, 'queued', ?4, ?4, ?4
             FROM members m WHERE m.id IN (SELECT value FROM json_each(?5)) AND m.opted_out = 0
             ORDER BY m.id",
        )
        .bind(message_id)
        .bind(&self.store.default_gateway)
        .bind(priority.as_i64())
        .bind(now)
        .bind(serde_json::Value::from(recipients.to_vec()).to_string())
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn commit(self: Box<Self>) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }
}

/// The inbound use case's transaction on SQLite: the process's writer lock is held until it ends.
struct SqliteInboundTx {
    store: SqliteStore,
    tx: sqlx::Transaction<'static, sqlx::Sqlite>,
    _writer: WriteGuard,
}

#[async_trait]
impl InboundTx for SqliteInboundTx {
    async fn upsert_member(
        &mut self,
        phone: &Phone,
        channel: Option<&str>,
        via: Option<&str>,
        now: i64,
    ) -> Result<i64, StoreError> {
        self.store
            .upsert_member(&mut self.tx, phone, channel, via, now)
            .await
    }

    async fn record_inbound(
        &mut self,
        r: &InboundRecord<'_>,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "INSERT INTO inbound (gateway, provider_id, member_id, body, received_at, command)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (gateway, provider_id) DO NOTHING RETURNING id",
        )
        .bind(r.channel)
        .bind(r.provider_id)
        .bind(r.member_id)
        .bind(r.body)
        .bind(now)
        .bind(r.command)
        .fetch_optional(&mut *self.tx)
        .await?)
    }

    async fn set_inbound_body(&mut self, inbound_id: i64, body: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE inbound SET body = ? WHERE id = ?")
            .bind(body)
            .bind(inbound_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn sender(&mut self, member_id: i64, phone: &Phone) -> Result<Sender, StoreError> {
        let row = sqlx::query("SELECT alias, language, opted_out, font FROM members WHERE id = ?")
            .bind(member_id)
            .fetch_one(&mut *self.tx)
            .await?;
        let language: Option<String> = row.get("language");
        let font: Option<String> = row.get("font");
        Ok(Sender {
            id: member_id,
            phone: phone.clone(),
            alias: row.get("alias"),
            language: language.as_deref().and_then(smsup_lang::Lang::from_code),
            opted_out: row.get::<i64, _>("opted_out") != 0,
            font: font.as_deref().and_then(crate::engine::Font::from_stored),
        })
    }

    async fn member_font(
        &mut self,
        member_id: i64,
    ) -> Result<Option<crate::engine::Font>, StoreError> {
        let font: Option<Option<String>> =
            sqlx::query_scalar("SELECT font FROM members WHERE id = ?")
                .bind(member_id)
                .fetch_optional(&mut *self.tx)
                .await?;
        Ok(font
            .flatten()
            .as_deref()
            .and_then(crate::engine::Font::from_stored))
    }

    async fn load_facts(
        &mut self,
        sender: Sender,
        needs: &Needs,
        parsed: &engine::Parsed,
        rules: &engine::Rules,
        inbound_id: i64,
        now: i64,
    ) -> Result<Facts, StoreError> {
        self.store
            .load_facts(&mut self.tx, sender, needs, parsed, rules, inbound_id, now)
            .await
    }

    async fn apply(
        &mut self,
        effect: &Effect,
        sender_id: i64,
        inbound_id: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        self.store
            .apply_effect(&mut self.tx, effect, sender_id, inbound_id, now)
            .await
    }

    async fn enqueue(
        &mut self,
        recipient_id: i64,
        text: &str,
        channel: Option<&str>,
        priority: Priority,
        even_if_opted_out: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        let (message_id, _) = SqliteStore::insert_message(&mut self.tx, text, now).await?;
        self.store
            .enqueue_one(
                &mut self.tx,
                message_id,
                recipient_id,
                channel,
                priority.as_i64(),
                even_if_opted_out,
                now,
            )
            .await
    }

    async fn commit(self: Box<Self>) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }
}

/// A list's on/off settings.
#[derive(Debug, Clone, Copy)]
enum ListFlag {
    AlertConfirm,
    Moderated,
    Dm,
    Outside,
}

/// Turns one of a list's on/off settings on or off.
async fn set_list_flag(
    conn: &mut SqliteConnection,
    flag: ListFlag,
    list_id: i64,
    on: bool,
) -> Result<(), StoreError> {
    let sql = match flag {
        ListFlag::AlertConfirm => "UPDATE lists SET alert_confirm = ? WHERE id = ?",
        ListFlag::Moderated => "UPDATE lists SET moderated = ? WHERE id = ?",
        ListFlag::Dm => "UPDATE lists SET dm = ? WHERE id = ?",
        ListFlag::Outside => "UPDATE lists SET outside = ? WHERE id = ?",
    };
    sqlx::query(sql)
        .bind(i64::from(on))
        .bind(list_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The other phones of the claimant's pool that are up, as a JSON array.
fn others_up(who: &Claimant<'_>) -> String {
    serde_json::Value::from(who.phone.map(|(_, up)| up.to_vec()).unwrap_or_default()).to_string()
}

fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_default()
}

#[async_trait]
impl Inbound for SqliteStore {
    async fn begin_inbound(&self) -> Result<Box<dyn InboundTx>, StoreError> {
        let (writer, tx) = self.begin().await?;
        Ok(Box::new(SqliteInboundTx {
            store: self.clone(),
            tx,
            _writer: writer,
        }))
    }

    async fn erase_traces(&self) -> Result<(), StoreError> {
        let _writer = self.lock_writer().await;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.write_pool)
            .await?;
        Ok(())
    }

    async fn erase_texts_before(&self, before: i64) -> Result<u64, StoreError> {
        let (_writer, mut tx) = self.begin().await?;
        let mut erased = 0;
        for sql in [
            "UPDATE inbound SET body = '' WHERE received_at < ?1 AND body != ''",
            // A text still to be sent stays until it is.
            "UPDATE messages SET body = '' WHERE created_at < ?1 AND body != ''
               AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = messages.id
                               AND o.state IN ('queued', 'sending'))",
            "UPDATE help_requests SET body = '' WHERE last_at < ?1 AND body != ''",
            "UPDATE held_posts SET body = '', zawgyi_body = NULL WHERE created_at < ?1 AND body != ''",
        ] {
            erased += sqlx::query(sql)
                .bind(before)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        tx.commit().await?;
        Ok(erased)
    }
}

#[async_trait]
impl Queue for SqliteStore {
    async fn requeue_expired(&self, all: bool) -> Result<u64, StoreError> {
        let now = now_ms();
        let sql = if all {
            "UPDATE outbox SET state = 'queued', lease_until = NULL, updated_at = ? WHERE state = 'sending'"
        } else {
            "UPDATE outbox SET state = 'queued', lease_until = NULL, updated_at = ?1
             WHERE state = 'sending' AND lease_until < ?1"
        };
        let (_writer, mut tx) = self.begin().await?;
        let n = sqlx::query(sql)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    async fn claim(
        &self,
        who: Claimant<'_>,
        limit: u32,
        lease_ms: i64,
    ) -> Result<Vec<Claimed>, StoreError> {
        let now = now_ms();
        let texts = self.texts.clone();
        let known = move |id: i64| {
            texts
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains_key(&id)
        };
        let gw = who.queue.to_string();
        let phone = who.phone.map(|(name, _)| name.to_string());
        let others_up = others_up(&who);
        let (rows, fetched) = self
            .hot
            .run(move |t| {
                let from = (gw.as_str(), phone.as_deref(), others_up.as_str());
                hot::claim(t, from, limit, now + lease_ms, now, &known)
            })
            .await?;
        let mut texts = self.texts.lock().unwrap_or_else(|e| e.into_inner());
        if texts.len() + fetched.len() > TEXT_CACHE {
            texts.clear();
        }
        for (id, body, segments) in fetched {
            texts.insert(id, (Arc::from(body), u32::try_from(segments).unwrap_or(1)));
        }
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let Some((body, segments)) = texts.get(&row.message_id).cloned() else {
                return Err(StoreError::Inconsistent(format!(
                    "an outbox row names message {}, which does not exist",
                    row.message_id
                )));
            };
            let Some(enc) = row.phone_enc else {
                return Err(StoreError::Inconsistent(
                    "an outbox row names a member who does not exist".into(),
                ));
            };
            out.push(Claimed {
                id: row.id,
                recipient_id: row.recipient_id,
                to: self.crypto.decrypt(&enc)?,
                body: body.to_string(),
                segments,
                attempts: u32::try_from(row.attempts).unwrap_or(1),
                expires_at: row.expires_at,
                alert_queued_at: row.alert_queued_at,
                queued_at: row.queued_at,
            });
        }
        Ok(out)
    }

    async fn complete(&self, gateway: &str, results: &[Completion]) -> Result<(), StoreError> {
        if results.is_empty() {
            return Ok(());
        }
        let now = now_ms();
        let gw = gateway.to_string();
        let results = results.to_vec();
        self.hot
            .run(move |t| hot::complete(t, &gw, &results, now))
            .await
    }

    async fn next_due(&self, who: Claimant<'_>) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT MIN(next_attempt_at) FROM outbox
             WHERE gateway = ?1 AND state = 'queued'
               AND (via IS NULL OR via = ?2 OR via NOT IN (SELECT value FROM json_each(?3)))",
        )
        .bind(who.queue)
        .bind(who.phone.map(|(name, _)| name))
        .bind(others_up(&who))
        .fetch_one(&self.pool)
        .await?)
    }

    async fn pending(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox INDEXED BY outbox_pending_by_recipient
             WHERE state IN ('queued', 'sending')",
        )
        .fetch_one(&self.pool)
        .await?)
    }
}

#[async_trait]
impl Receipts for SqliteStore {
    async fn apply_status(&self, updates: &[StatusUpdate]) -> Result<StatusOutcome, StoreError> {
        if updates.is_empty() {
            return Ok(StatusOutcome::default());
        }
        let now = now_ms();
        let updates = updates.to_vec();
        self.hot
            .run(move |t| hot::apply_status(t, &updates, now))
            .await
    }

    async fn set_opted_out(&self, phone: &Phone, opted_out: bool) -> Result<(), StoreError> {
        let now = now_ms();
        let (_writer, mut tx) = self.begin().await?;
        let id = self.upsert_member(&mut tx, phone, None, None, now).await?;
        sqlx::query("UPDATE members SET opted_out = ? WHERE id = ?")
            .bind(i64::from(opted_out))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if opted_out {
            Self::cancel_queued(&mut tx, id, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

#[async_trait]
impl Reports for SqliteStore {
    async fn outbox_for(&self, phone: &Phone) -> Result<Vec<OutboxView>, StoreError> {
        let rows = sqlx::query(
            "SELECT o.id, g.body, COALESCE(o.segments, g.segments) AS segments, g.encoding, o.state,
                    o.created_at
             FROM outbox o JOIN messages g ON g.id = o.message_id
             WHERE o.recipient_id = (SELECT id FROM members WHERE phone_index = ?)
             ORDER BY o.id",
        )
        .bind(self.crypto.index(phone.e164()))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| OutboxView {
                id: row.get("id"),
                to: phone.e164().to_string(),
                text: row.get("body"),
                segments: u32::try_from(row.get::<i64, _>("segments")).unwrap_or(1),
                encoding: row.get("encoding"),
                status: row.get("state"),
                created_at: rfc3339(row.get("created_at")),
            })
            .collect())
    }

    async fn counts(&self) -> Result<Counts, StoreError> {
        let outbox_by_state =
            sqlx::query_as("SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY state")
                .fetch_all(&self.pool)
                .await?;
        let inbound = sqlx::query_scalar("SELECT COUNT(*) FROM inbound")
            .fetch_one(&self.pool)
            .await?;
        Ok(Counts {
            outbox_by_state,
            inbound,
        })
    }
}

#[async_trait]
impl AlertReports for SqliteStore {
    async fn unreported_alerts(
        &self,
        since: i64,
        now: i64,
    ) -> Result<Vec<UnreportedAlert>, StoreError> {
        // Whether the sender may still follow the alert: still in the list, and its owner, an
        // admin or a reporter (a banned or demoted reporter learns nothing of its reach).
        let rows: Vec<(i64, i64, Vec<u8>, Option<String>, Option<String>, bool)> = sqlx::query_as(
            "SELECT p.id, p.created_at, m.phone_enc, m.language, m.font,
                    m.opted_out = 0 AND EXISTS (
                      SELECT 1 FROM memberships ms
                      WHERE ms.list_id = p.list_id AND ms.member_id = p.sender_id
                        AND ms.state = 'active'
                        AND (ms.role IN ('owner', 'admin') OR ms.reporter = 1))
             FROM posts p JOIN members m ON m.id = p.sender_id
             WHERE p.alert IN (1, 2) AND p.reported_at IS NULL AND p.created_at >= ?
             ORDER BY p.id",
        )
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        let mut conn = self.pool.acquire().await?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, created_at, enc, language, font, follows) in rows {
            // A number erased by FORGET does not decrypt: no one to tell.
            let phone = follows
                .then(|| self.crypto.decrypt(&enc).ok())
                .flatten()
                .map(Phone::from_e164_unchecked);
            out.push(UnreportedAlert {
                id,
                created_at,
                reach: self.alert_reach(&mut conn, id, now).await?,
                phone,
                language: language.as_deref().and_then(smsup_lang::Lang::from_code),
                font: font.as_deref().and_then(crate::engine::Font::from_stored),
            });
        }
        Ok(out)
    }

    async fn report_alert(
        &self,
        alert_id: i64,
        text: Option<&str>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let (_writer, mut tx) = self.begin().await?;
        let marked: Option<(i64, i64)> = sqlx::query_as(
            "UPDATE posts SET reported_at = ? WHERE id = ? AND reported_at IS NULL
             RETURNING sender_id, alert",
        )
        .bind(now)
        .bind(alert_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((sender_id, kind)) = marked else {
            return Ok(false);
        };
        if let Some(text) = text {
            let (message_id, _) = SqliteStore::insert_message(&mut tx, text, now).await?;
            // A real alert's report travels in the alert lane; a drill's in the replies' lane.
            let priority = if kind == 1 {
                PRIORITY_ALERT
            } else {
                PRIORITY_REPLY
            };
            self.enqueue_one(&mut tx, message_id, sender_id, None, priority, false, now)
                .await?;
        }
        tx.commit().await?;
        Ok(text.is_some())
    }
}

#[async_trait]
impl Members for SqliteStore {
    async fn begin_import(&self, list_name: &str) -> Result<Box<dyn ImportTx>, StoreError> {
        let (writer, mut tx) = self.begin().await?;
        let list: Option<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM lists WHERE name_key = ? AND deleted_at IS NULL")
                .bind(engine::list_key(list_name))
                .fetch_optional(&mut *tx)
                .await?;
        let Some((list_id, name)) = list else {
            return Err(StoreError::UnknownList(list_name.to_string()));
        };
        Ok(Box::new(SqliteImportTx {
            store: self.clone(),
            tx,
            _writer: writer,
            list_id,
            name,
        }))
    }

    async fn reconfirm_candidates(
        &self,
        since: i64,
        limit: u32,
    ) -> Result<Vec<ReconfirmCandidate>, StoreError> {
        let rows = sqlx::query(
            "WITH seen AS (
                 SELECT m.id, COALESCE((SELECT MAX(i.received_at) FROM inbound i
                                        WHERE i.member_id = m.id), m.created_at) AS at
                 FROM members m
                 WHERE m.paused = 0 AND m.opted_out = 0 AND m.reconfirm_asked_at IS NULL)
             SELECT m.id, m.phone_enc, m.language FROM seen JOIN members m ON m.id = seen.id
             WHERE seen.at < ?1
               AND (SELECT o.state FROM outbox o WHERE o.recipient_id = m.id
                      AND o.state IN ('delivered', 'failed', 'undelivered')
                    ORDER BY o.id DESC LIMIT 1) IN ('failed', 'undelivered')
             ORDER BY m.id LIMIT ?2",
        )
        .bind(since)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                let enc: Vec<u8> = row.get("phone_enc");
                let language: Option<String> = row.get("language");
                Ok(ReconfirmCandidate {
                    id: row.get("id"),
                    phone: Phone::from_e164_unchecked(self.crypto.decrypt(&enc)?),
                    language: language.as_deref().and_then(smsup_lang::Lang::from_code),
                })
            })
            .collect()
    }

    async fn ask_reconfirm(&self, member_id: i64, text: &str, now: i64) -> Result<(), StoreError> {
        let (_writer, mut tx) = self.begin().await?;
        let (message_id, _) = SqliteStore::insert_message(&mut tx, text, now).await?;
        self.enqueue_one(
            &mut tx,
            message_id,
            member_id,
            None,
            PRIORITY_REPLY,
            false,
            now,
        )
        .await?;
        sqlx::query("UPDATE members SET reconfirm_asked_at = ? WHERE id = ?")
            .bind(now)
            .bind(member_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn pause_unanswered(&self, asked_before: i64) -> Result<u64, StoreError> {
        let (_writer, mut tx) = self.begin().await?;
        let n = sqlx::query(
            "UPDATE members SET paused = 1 WHERE paused = 0 AND reconfirm_asked_at < ?",
        )
        .bind(asked_before)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    async fn audit(&self, list_name: Option<&str>) -> Result<Vec<AuditRow>, StoreError> {
        let list_id: Option<i64> = match list_name {
            Some(name) => {
                let id: Option<i64> = sqlx::query_scalar("SELECT id FROM lists WHERE name_key = ?")
                    .bind(engine::list_key(name))
                    .fetch_optional(&self.pool)
                    .await?;
                Some(id.ok_or_else(|| StoreError::UnknownList(name.to_string()))?)
            }
            None => None,
        };
        let rows: Vec<(
            i64,
            String,
            String,
            Option<i64>,
            Option<String>,
            Option<String>,
        )> = sqlx::query_as(
            "SELECT a.at, l.name, a.action, a.actor_id, ms.label, a.target
                 FROM audit a JOIN lists l ON l.id = a.list_id
                 LEFT JOIN memberships ms ON ms.list_id = a.list_id AND ms.member_id = a.actor_id
                 WHERE ?1 IS NULL OR a.list_id = ?1 ORDER BY a.id",
        )
        .bind(list_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(at, list, action, actor_id, label, target)| AuditRow {
                at,
                list,
                action,
                actor: match (actor_id, label) {
                    (None, _) => "operator".to_string(),
                    (Some(_), Some(label)) => format!("#{label}"),
                    // No longer in the list (left, opted out): the member's id, never a number.
                    (Some(id), None) => format!("member {id}"),
                },
                target: match target {
                    Some(t) if t.starts_with('H') && t[1..].bytes().all(|b| b.is_ascii_digit()) => {
                        t
                    }
                    Some(t) if !t.is_empty() => format!("#{t}"),
                    _ => String::new(),
                },
            })
            .collect())
    }

    async fn audit_operator(&self, list_name: &str, action: &str) -> Result<(), StoreError> {
        let _writer = self.lock_writer().await;
        let done = sqlx::query(
            "INSERT INTO audit (at, actor_id, list_id, action, target)
             SELECT ?, NULL, id, ?, NULL FROM lists WHERE name_key = ?",
        )
        .bind(now_ms())
        .bind(action)
        .bind(engine::list_key(list_name))
        .execute(&self.write_pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::UnknownList(list_name.to_string()));
        }
        Ok(())
    }

    async fn export_members(
        &self,
        list_name: &str,
        with_numbers: bool,
    ) -> Result<Vec<ExportRow>, StoreError> {
        let list: Option<i64> =
            sqlx::query_scalar("SELECT id FROM lists WHERE name_key = ? AND deleted_at IS NULL")
                .bind(engine::list_key(list_name))
                .fetch_optional(&self.pool)
                .await?;
        let Some(list_id) = list else {
            return Err(StoreError::UnknownList(list_name.to_string()));
        };
        let rows = sqlx::query(
            "SELECT m.id, m.alias, m.language, m.opted_out, m.phone_enc, ms.role, ms.state, ms.label
             FROM memberships ms JOIN members m ON m.id = ms.member_id
             WHERE ms.list_id = ? AND ms.state IN ('active', 'invited') ORDER BY m.id",
        )
        .bind(list_id)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let label: Option<String> = row.get("label");
            let alias: Option<String> = row.get("alias");
            let opted_out = row.get::<i64, _>("opted_out") != 0;
            let phone = if with_numbers {
                let enc: Vec<u8> = row.get("phone_enc");
                Some(self.crypto.decrypt(&enc)?)
            } else {
                None
            };
            out.push(ExportRow {
                label: display_name(None, label.as_deref().unwrap_or("")),
                alias: alias.unwrap_or_default(),
                role: row.get("role"),
                state: if opted_out {
                    "opted_out".to_string()
                } else {
                    row.get("state")
                },
                language: row.get::<Option<String>, _>("language").unwrap_or_default(),
                phone,
            });
        }
        Ok(out)
    }
}
