//! Persistence behind one trait. SQLite (WAL) is the embedded default; a PostgreSQL backend implements the
//! same trait and passes the same tests.

mod hot;
pub mod sqlite;
#[cfg(test)]
mod tests;

use async_trait::async_trait;

use crate::domain::{Priority, StatusOutcome, StatusUpdate};
use crate::engine::{Effect, Facts, Needs, Parsed, Rules, Sender};
use crate::phone::Phone;

pub use sqlite::SqliteStore;

/// Errors of the store. No variant names a database driver: a backend's own errors are carried
/// as the source of [`StoreError::Database`].
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed.
    #[error("database: {0}")]
    Database(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A migration failed.
    #[error("migration: {0}")]
    Migration(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A stored phone number could not be decrypted (wrong key?).
    #[error("phone number at rest: {0}")]
    Crypto(#[from] crate::crypto::CryptoError),
    /// The inbound sender's number is not valid.
    #[error("invalid sender number")]
    InvalidSender,
    /// The named list does not exist.
    #[error("no list named {0}")]
    UnknownList(String),
    /// The thread that writes the dispatcher's hot path is gone.
    #[error("database writer: {0}")]
    WriterGone(String),
    /// The transaction a hot-path write shared with others failed, so the write was undone.
    #[error("database (group commit): {0}")]
    GroupFailed(String),
    /// Rows that should refer to each other do not (a damaged database).
    #[error("inconsistent database: {0}")]
    Inconsistent(String),
    /// The database holds data written with another key.
    #[error("the database was written with another key")]
    WrongKey,
    /// There is no database at the path (and it must not be created).
    #[error("no database at {0}")]
    NoDatabase(String),
    /// The database file could not be created.
    #[error("cannot create the database file {0}")]
    Io(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        StoreError::Database(Box::new(e))
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Database(Box::new(e))
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        StoreError::Migration(Box::new(e))
    }
}

/// A row claimed for sending.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// Outbox row id.
    pub id: i64,
    /// The recipient member.
    pub recipient_id: i64,
    /// Recipient number (decrypted).
    pub to: String,
    /// Text.
    pub body: String,
    /// Segments.
    pub segments: u32,
    /// Attempts so far, this one included.
    pub attempts: u32,
    /// When an alert's message expires (ms since the epoch).
    pub expires_at: Option<i64>,
    /// When a message of the alert lane was queued (ms since the epoch), for its latency.
    pub alert_queued_at: Option<i64>,
    /// When the row was queued (ms since the epoch).
    pub queued_at: i64,
}

/// Why a row failed for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailReason {
    /// Retrying will not help.
    Permanent,
    /// The number cannot receive SMS: the member is marked undeliverable.
    Undeliverable,
    /// The recipient opted out at the provider: opted out everywhere.
    OptedOut,
    /// Transient failures exhausted the attempts.
    Exhausted,
}

/// The dispatcher's verdict on a claimed row.
#[derive(Debug, Clone)]
pub enum Completion {
    /// Accepted by the gateway.
    Sent {
        /// Row id.
        id: i64,
        /// Provider ids (one per message or per part).
        provider_ids: Vec<String>,
        /// Already delivered (simulator).
        delivered: bool,
    },
    /// Try again at `at` (ms since epoch).
    Retry {
        /// Row id.
        id: i64,
        /// When.
        at: i64,
        /// Provider error code.
        code: Option<String>,
        /// Reason.
        message: String,
        /// The phone of a pool to retry through while it is up (it may have the message already).
        via: Option<String>,
    },
    /// Failed for good.
    Failed {
        /// Row id.
        id: i64,
        /// The recipient.
        recipient_id: i64,
        /// Why.
        reason: FailReason,
        /// Provider error code.
        code: Option<String>,
        /// Reason.
        message: String,
    },
}

/// One outbox row as the simulator shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OutboxView {
    /// Row id.
    pub id: i64,
    /// Recipient (E.164).
    pub to: String,
    /// Text.
    pub text: String,
    /// Segments.
    pub segments: u32,
    /// `GSM-7` or `UCS-2`.
    pub encoding: String,
    /// queued, sending, sent, delivered, undelivered, failed, cancelled.
    pub status: String,
    /// RFC 3339.
    pub created_at: String,
}

/// Counts for metrics and benchmarks.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Outbox rows by state.
    pub outbox_by_state: Vec<(String, i64)>,
    /// Inbound messages stored.
    pub inbound: i64,
}

/// One CSV row to import.
#[derive(Debug, Clone)]
pub struct ImportRow {
    /// The number.
    pub phone: Phone,
    /// Alias, if given.
    pub alias: Option<String>,
    /// Language, if given.
    pub language: Option<smsup_lang::Lang>,
}

/// How imported members join.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Each number is invited by SMS and joins only by replying.
    Invite,
    /// The organisation attests consent: added at once and told so by SMS.
    Consented,
    /// Added at once, no SMS.
    ConsentedSilent,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Numbers invited.
    pub invited: u64,
    /// Numbers added as members.
    pub added: u64,
    /// Already active members, left as they were.
    pub already: u64,
    /// Opted-out numbers, left alone.
    pub opted_out: u64,
    /// Aliases not given because they look like another member's alias in the list.
    pub aliases_refused: u64,
    /// Numbers that refused this list's invitations (`NO <list>`), left alone.
    pub declined: u64,
    /// Numbers banned from the list, left alone (never told anything).
    pub banned: u64,
    /// SMS queued.
    pub messages: u64,
}

/// One member as exported.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportRow {
    /// Stable label (`#17`).
    pub label: String,
    /// Alias.
    pub alias: String,
    /// owner, admin, member.
    pub role: String,
    /// active, invited, opted_out.
    pub state: String,
    /// Chosen language.
    pub language: String,
    /// The number, only when asked for.
    pub phone: Option<String>,
}

/// One admin action in the audit log.
#[derive(Debug, Clone)]
pub struct AuditRow {
    /// When (ms since the epoch).
    pub at: i64,
    /// The list's name.
    pub list: String,
    /// What was done (`approve`, `ban`, `export-numbers`, ...).
    pub action: String,
    /// Who did it: their label in the list (`#K7PQ`), `operator` for the command line.
    pub actor: String,
    /// To whom: a label (`#K7PQ`) or a help request's code (`H7`), if any.
    pub target: String,
}

/// The inbound use case's transactions.
#[async_trait]
pub trait Inbound: Send + Sync + 'static {
    /// Start the write transaction of one inbound SMS (see [`crate::service::inbound`]).
    async fn begin_inbound(&self) -> Result<Box<dyn InboundTx>, StoreError>;
    /// After something was erased (FORGET, retention): leave no earlier copy of it in the files
    /// the store keeps (SQLite: fold the write-ahead log in and truncate it).
    async fn erase_traces(&self) -> Result<(), StoreError>;
    /// Erase the texts of inbound and outbound messages older than `before` (ms), and of help
    /// requests; states, counts and timings stay. Returns how many texts were erased.
    async fn erase_texts_before(&self, before: i64) -> Result<u64, StoreError>;
}

/// Who claims rows of a queue.
#[derive(Debug, Clone, Copy)]
pub struct Claimant<'a> {
    /// The queue: a channel's name, or the pool its phones share.
    pub queue: &'a str,
    /// For a phone of a pool: its name and the other phones of the pool that are up. It takes
    /// the rows meant for no phone in particular, those meant for it, and those meant for a phone
    /// that is not up (what answers a person waits for the phone they wrote to only while it is).
    pub phone: Option<(&'a str, &'a [String])>,
}

impl<'a> From<&'a str> for Claimant<'a> {
    fn from(queue: &'a str) -> Claimant<'a> {
        Claimant { queue, phone: None }
    }
}

/// The outbound queue: claims with leases, results, what is due.
#[async_trait]
pub trait Queue: Send + Sync + 'static {
    /// Put `sending` rows whose lease has expired back in the queue; with `all`, every `sending`
    /// row (single-instance start-up).
    async fn requeue_expired(&self, all: bool) -> Result<u64, StoreError>;
    /// Claim up to `limit` due rows the claimant may take, in lane order and never two at once for
    /// one recipient, and lease them for `lease_ms`.
    async fn claim(
        &self,
        who: Claimant<'_>,
        limit: u32,
        lease_ms: i64,
    ) -> Result<Vec<Claimed>, StoreError>;
    /// Record what happened to claimed rows.
    async fn complete(&self, gateway: &str, results: &[Completion]) -> Result<(), StoreError>;
    /// When the next queued row the claimant may take is due (ms since epoch), if any.
    async fn next_due(&self, who: Claimant<'_>) -> Result<Option<i64>, StoreError>;
    /// Rows still to send (queued or sending), cheaply.
    async fn pending(&self) -> Result<i64, StoreError>;
}

/// What providers report: delivery receipts and opt-outs.
#[async_trait]
pub trait Receipts: Send + Sync + 'static {
    /// Apply provider status updates; a row never leaves a final state.
    async fn apply_status(&self, updates: &[StatusUpdate]) -> Result<StatusOutcome, StoreError>;
    /// Mirror an opt-out or opt-in decided by the provider.
    async fn set_opted_out(&self, phone: &Phone, opted_out: bool) -> Result<(), StoreError>;
}

/// What is shown: the simulator's outbox, counts for metrics.
#[async_trait]
pub trait Reports: Send + Sync + 'static {
    /// What was sent to a number, oldest first.
    async fn outbox_for(&self, phone: &Phone) -> Result<Vec<OutboxView>, StoreError>;
    /// Counts for metrics.
    async fn counts(&self) -> Result<Counts, StoreError>;
}

/// An organisation's members in bulk: import and export.
#[async_trait]
pub trait Members: Send + Sync + 'static {
    /// Start the write transaction of an import into the list `list_name`
    /// ([`StoreError::UnknownList`] if there is none); see [`crate::service::members`].
    async fn begin_import(&self, list_name: &str) -> Result<Box<dyn ImportTx>, StoreError>;
    /// Export a list's members.
    async fn export_members(
        &self,
        list_name: &str,
        with_numbers: bool,
    ) -> Result<Vec<ExportRow>, StoreError>;
    /// The audit log, oldest first: every list's, or one list's.
    async fn audit(&self, list_name: Option<&str>) -> Result<Vec<AuditRow>, StoreError>;
    /// Write an operator's action (an export with numbers) to the audit log.
    async fn audit_operator(&self, list_name: &str, action: &str) -> Result<(), StoreError>;
    /// Members to ask whether they are still there: not paused, not opted out, not asked yet,
    /// silent since before `since` (their last SMS, or their joining), and whose latest message
    /// with a final state failed (delivery stopped). At most `limit`.
    async fn reconfirm_candidates(
        &self,
        since: i64,
        limit: u32,
    ) -> Result<Vec<ReconfirmCandidate>, StoreError>;
    /// Queue the question `text` to a member and note that they were asked, in one transaction.
    async fn ask_reconfirm(&self, member_id: i64, text: &str, now: i64) -> Result<(), StoreError>;
    /// Pause the members asked before `asked_before` who have not answered; returns how many.
    async fn pause_unanswered(&self, asked_before: i64) -> Result<u64, StoreError>;
}

/// A member to ask whether they are still there.
#[derive(Debug, Clone)]
pub struct ReconfirmCandidate {
    /// Member id.
    pub id: i64,
    /// Their number (for the language of the question).
    pub phone: Phone,
    /// The language they chose.
    pub language: Option<smsup_lang::Lang>,
}

/// A member as an import finds (or adds) them.
#[derive(Debug, Clone)]
pub struct ImportedMember {
    /// Member id.
    pub id: i64,
    /// Has an alias already (an import never replaces one).
    pub has_alias: bool,
    /// Has a language already (an import never replaces it).
    pub has_language: bool,
    /// The member's chosen language.
    pub language: Option<smsup_lang::Lang>,
    /// Opted out of everything.
    pub opted_out: bool,
    /// Banned from the list being imported into.
    pub banned: bool,
}

/// A member's membership of the list being imported into.
#[derive(Debug, Clone)]
pub struct MembershipState {
    /// `active`, `invited` or `declined`.
    pub state: String,
    /// When they were last invited (ms since epoch).
    pub invited_at: Option<i64>,
}

/// One import's write transaction: set-based SQL primitives, no policy. Dropping it without
/// [`ImportTx::commit`] undoes everything.
#[async_trait]
pub trait ImportTx: Send {
    /// The list's name as created.
    fn list_name(&self) -> &str;
    /// Labels in use in the list.
    async fn labels(&mut self) -> Result<std::collections::HashSet<String>, StoreError>;
    /// Confusable keys of the aliases of the list's active and invited members.
    async fn alias_keys(&mut self) -> Result<std::collections::HashSet<String>, StoreError>;
    /// Find or add members by number; one answer per number, in order.
    async fn upsert_members(
        &mut self,
        phones: &[&Phone],
        now: i64,
    ) -> Result<Vec<Option<ImportedMember>>, StoreError>;
    /// The memberships these members have in the list.
    async fn memberships(
        &mut self,
        ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, MembershipState>, StoreError>;
    /// Give aliases (id, alias, confusable key) to members that have none.
    async fn set_aliases(&mut self, rows: &[(i64, String, String)]) -> Result<(), StoreError>;
    /// Give languages to members that have none.
    async fn set_languages(&mut self, rows: &[(i64, smsup_lang::Lang)]) -> Result<(), StoreError>;
    /// Make members (id, label) members of the list in `state` (`active` or `invited`).
    async fn add_memberships(
        &mut self,
        rows: &[(i64, String)],
        state: &str,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Store an outbound text; its id.
    async fn message(&mut self, text: &str, now: i64) -> Result<i64, StoreError>;
    /// Queue a stored text to many members (never to an opted-out one).
    async fn enqueue_many(
        &mut self,
        message_id: i64,
        recipients: &[i64],
        priority: Priority,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Make everything durable.
    async fn commit(self: Box<Self>) -> Result<(), StoreError>;
}

/// The whole store: every role, as one backend provides them.
pub trait Store: Inbound + Queue + Receipts + Reports + Members + AlertReports {}

impl<T: Inbound + Queue + Receipts + Reports + Members + AlertReports> Store for T {}

/// What follows an alert: its sender's reach report.
#[async_trait]
pub trait AlertReports: Send + Sync + 'static {
    /// Alerts (real and TEST) sent since `since` whose sender has not had a reach report, with
    /// their reach at `now`.
    async fn unreported_alerts(
        &self,
        since: i64,
        now: i64,
    ) -> Result<Vec<UnreportedAlert>, StoreError>;
    /// Queue the reach report `text` to the alert's sender (in the alert lane: it is part of the
    /// alert) and mark the alert reported, in one transaction (None: marked only, nobody is
    /// told); false (nothing queued) when it already was or there was nothing to send.
    async fn report_alert(
        &self,
        alert_id: i64,
        text: Option<&str>,
        now: i64,
    ) -> Result<bool, StoreError>;
}

/// An alert whose sender has not been told how far it got.
#[derive(Debug, Clone)]
pub struct UnreportedAlert {
    /// The alert's post id (its code is `A<id>`).
    pub id: i64,
    /// When it was sent (ms since the epoch).
    pub created_at: i64,
    /// Where its messages are.
    pub reach: crate::engine::AlertReach,
    /// The sender's number (for the language of the report); None when they may no longer
    /// follow the alert (removed, banned, no longer a reporter, opted out, forgotten).
    pub phone: Option<Phone>,
    /// The language the sender chose.
    pub language: Option<smsup_lang::Lang>,
    /// The font the sender's phone shows Burmese in.
    pub font: Option<crate::engine::Font>,
}

/// What is recorded of an inbound SMS.
#[derive(Debug, Clone)]
pub struct InboundRecord<'a> {
    /// The channel it came through.
    pub channel: &'a str,
    /// The provider's id (the de-duplication key with the channel).
    pub provider_id: &'a str,
    /// The sender's member id.
    pub member_id: i64,
    /// The text as stored (numbers typed in a command already masked).
    pub body: &'a str,
    /// The command's kind (`add`, `post`, ...), never its arguments.
    pub command: &'a str,
}

/// One write transaction of the inbound use case: SQL primitives, no policy. Dropping it without
/// [`InboundTx::commit`] undoes everything.
#[async_trait]
pub trait InboundTx: Send {
    /// Find or add a member by number; with `channel`, remember it as the one they write in on
    /// (and `via`, the phone of a pool they wrote to).
    async fn upsert_member(
        &mut self,
        phone: &Phone,
        channel: Option<&str>,
        via: Option<&str>,
        now: i64,
    ) -> Result<i64, StoreError>;
    /// Record an inbound SMS once per (channel, provider id): its id, or None when it was seen before.
    async fn record_inbound(
        &mut self,
        record: &InboundRecord<'_>,
        now: i64,
    ) -> Result<Option<i64>, StoreError>;
    /// Replace what is stored of an inbound SMS's text.
    async fn set_inbound_body(&mut self, inbound_id: i64, body: &str) -> Result<(), StoreError>;
    /// The sender as the engine sees them.
    async fn sender(&mut self, member_id: i64, phone: &Phone) -> Result<Sender, StoreError>;
    /// How a member's phone shows Burmese, when known.
    async fn member_font(
        &mut self,
        member_id: i64,
    ) -> Result<Option<crate::engine::Font>, StoreError>;
    /// Load what the engine needs to decide the command.
    #[allow(clippy::too_many_arguments)]
    async fn load_facts(
        &mut self,
        sender: Sender,
        needs: &Needs,
        parsed: &Parsed,
        rules: &Rules,
        inbound_id: i64,
        now: i64,
    ) -> Result<Facts, StoreError>;
    /// Apply one of the engine's effects.
    async fn apply(
        &mut self,
        effect: &Effect,
        sender_id: i64,
        inbound_id: i64,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Queue `text` to a member, through `channel` or else the member's own channel. Nothing is
    /// queued to an opted-out member unless `even_if_opted_out` (the sender's own STOP confirmation
    /// and HELP answer).
    #[allow(clippy::too_many_arguments)]
    async fn enqueue(
        &mut self,
        recipient_id: i64,
        text: &str,
        channel: Option<&str>,
        priority: Priority,
        even_if_opted_out: bool,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Make everything durable.
    async fn commit(self: Box<Self>) -> Result<(), StoreError>;
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
