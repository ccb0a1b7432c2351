//! Android phones as gateways: "SMS Gateway for Android" (SMSGate) in its Local Server mode, a REST
//! API on the phone (Basic auth) to send, and signed webhooks from the phone for what it received,
//! sent, delivered and failed. It works with no internet: a laptop and a phone on one Wi-Fi.
//!
//! - Sending: one `POST /messages` per recipient message, with our own id (`smsup-<row>`), so that a
//!   retry after a lost answer is answered 409 by the phone and never sent twice. The phone splits
//!   long texts itself; the per-phone rate (`messages_per_minute`) counts parts.
//! - Set-up, on start and until it succeeds: our webhooks (our own ids, one per event) and the
//!   phone's settings (the signing key, FIFO order, webhooks without internet).
//! - Webhooks at `POST /android/<name>/webhook`: `X-Signature` is the lowercase hex HMAC-SHA256 of
//!   the raw body followed by `X-Timestamp` (Unix seconds), with the signing key; a missing or
//!   wrong signature, or a timestamp more than five minutes off, gets 401 and nothing is stored.
//!   A received SMS is de-duplicated on the payload's `messageId` (some app versions send it twice).

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

use super::{
    Accepted, DeliveryState, Gateway, InboundSms, OutboundSms, SendError, Sink, SinkError,
    StatusUpdate,
};

/// The name of the one channel a single `[android]` table configures.
pub const NAME: &str = "android";

/// How far a webhook's `X-Timestamp` may be from our clock.
pub const MAX_SKEW_SECS: i64 = 300;

/// The largest webhook body accepted (a received SMS is a few hundred bytes).
pub const MAX_BODY: usize = 64 * 1024;

/// The events SMS Up registers on each phone.
pub const EVENTS: [&str; 5] = [
    "sms:received",
    "sms:sent",
    "sms:delivered",
    "sms:failed",
    "system:ping",
];

/// The webhook path of the channel `name`.
pub fn webhook_path(name: &str) -> String {
    format!("/android/{name}/webhook")
}

/// An `[android]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAndroid {
    url: Option<String>,
    username: Option<String>,
    password: Option<String>,
    signing_key: Option<String>,
    public_url: Option<String>,
    sim: Option<u8>,
    messages_per_minute: Option<u32>,
    pool: Option<String>,
}

/// One phone's checked settings.
#[derive(Clone)]
pub struct AndroidConfig {
    /// The phone's Local Server, e.g. `http://192.168.1.50:8080`.
    pub url: String,
    /// Basic auth user (the app's default: `sms`).
    pub username: String,
    /// Basic auth password (also `SMSUP_ANDROID_<NAME>_PASSWORD`).
    pub password: String,
    /// The webhooks' signing key SMS Up sets on the phone (also `SMSUP_ANDROID_<NAME>_SIGNING_KEY`).
    pub signing_key: String,
    /// How the phone reaches SMS Up (`https://192.168.1.10:8443`).
    pub public_url: String,
    /// The SIM slot to send from (1-based), if not the phone's default.
    pub sim: Option<u8>,
    /// SMS parts this phone may send per minute.
    pub messages_per_minute: NonZeroU32,
    /// Phones of one pool share one queue: a post's fan-out is spread over those that answer,
    /// each at its own rate, and a phone that stops answering leaves its messages to the others.
    pub pool: Option<String>,
}

impl std::fmt::Debug for AndroidConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AndroidConfig")
            .field("url", &self.url)
            .field("username", &self.username)
            .field("password", &"<hidden>")
            .field("signing_key", &"<hidden>")
            .field("public_url", &self.public_url)
            .field("sim", &self.sim)
            .field("messages_per_minute", &self.messages_per_minute)
            .field("pool", &self.pool)
            .finish()
    }
}

impl AndroidConfig {
    /// Reads an `[android]` table, with `SMSUP_ANDROID_*` from `env` for what it leaves out.
    /// Errors name the field.
    pub fn from_table(
        table: &toml::Table,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<AndroidConfig, String> {
        let raw: RawAndroid = toml::Value::Table(table.clone())
            .try_into()
            .map_err(|e: toml::de::Error| format!("android: {}", e.message()))?;
        let field = |value: Option<String>, name: &str| {
            value
                .or_else(|| env(&format!("SMSUP_ANDROID_{}", name.to_ascii_uppercase())))
                .filter(|v| !v.trim().is_empty())
        };
        let url = field(raw.url, "url").ok_or(
            "android.url is missing (the phone's Local Server, e.g. http://192.168.1.50:8080)",
        )?;
        let public_url = field(raw.public_url, "public_url")
            .ok_or("android.public_url is missing (how the phone reaches SMS Up)")?;
        for (name, value) in [("url", &url), ("public_url", &public_url)] {
            if !(value.starts_with("http://") || value.starts_with("https://")) {
                return Err(format!(
                    "android.{name} must start with http:// or https://"
                ));
            }
        }
        let password = field(raw.password, "password").ok_or(
            "android.password is missing (the Local Server's password shown in the app; or SMSUP_ANDROID_PASSWORD)",
        )?;
        let signing_key = field(raw.signing_key, "signing_key").ok_or(
            "android.signing_key is missing (any long random text; SMS Up sets it on the phone)",
        )?;
        if signing_key.len() < 16 {
            return Err("android.signing_key must be at least 16 characters".into());
        }
        if raw.sim == Some(0) {
            return Err("android.sim is 1-based: 1 or 2".into());
        }
        let messages_per_minute = NonZeroU32::new(raw.messages_per_minute.unwrap_or(20))
            .ok_or("android.messages_per_minute must be at least 1")?;
        if let Some(pool) = &raw.pool {
            let ok = (1..=32).contains(&pool.len())
                && pool
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !ok {
                return Err(format!(
                    "android.pool `{pool}`: use 1-32 letters, digits, - or _"
                ));
            }
        }
        Ok(AndroidConfig {
            url: url.trim_end_matches('/').to_string(),
            username: field(raw.username, "username").unwrap_or_else(|| "sms".to_string()),
            password,
            signing_key,
            public_url: public_url.trim_end_matches('/').to_string(),
            sim: raw.sim,
            messages_per_minute,
            pool: raw.pool,
        })
    }
}

/// The Android kind of channel, for [`super::KINDS`].
pub const KIND: super::Kind = super::Kind {
    name: NAME,
    text_fields: &["url", "username", "password", "signing_key", "public_url"],
    configure: |table, env| super::checked(AndroidConfig::from_table(table, env)),
};

#[async_trait]
impl super::Configured for AndroidConfig {
    fn queue(&self, name: &str) -> String {
        self.pool.clone().unwrap_or_else(|| name.to_string())
    }

    fn start(&self, name: &str, sink: Arc<dyn Sink>) -> Result<super::Started, String> {
        let gateway = Arc::new(AndroidGateway::new(name, self.clone())?);
        // The phone is set up in the background, again and again until it answers: a phone that
        // is off when SMS Up starts is set up when it comes back.
        let setup = gateway.clone();
        tokio::spawn(async move {
            setup.set_up_until_done().await;
            setup.watch().await;
        });
        let state = WebhookState {
            // What arrives is the pool's (a member's replies may leave from any of its phones,
            // from this one while it is up).
            channel: super::Configured::queue(self, name),
            sink,
            phone: gateway.clone(),
        };
        Ok(super::Started {
            gateway,
            routes: Some(routes(name, state)),
        })
    }

    async fn check(&self) -> Result<String, String> {
        let client = http_client()?;
        let r = client
            .get(format!("{}/device", self.url))
            .basic_auth(&self.username, Some(&self.password))
            .send()
            .await
            .map_err(|e| format!("the phone at {} does not answer ({e}): is the app's Local Server on, on this network?", self.url))?;
        match r.status().as_u16() {
            200 => Ok(format!("the phone at {} answers", self.url)),
            401 => Err("the phone refused the username or password".into()),
            s => Err(format!("the phone answered HTTP {s}")),
        }
    }

    super::as_any!();
}

fn http_client() -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(20))
        .build()
        .map_err(|e| e.to_string())
}

/// The send side: one phone.
pub struct AndroidGateway {
    /// The phone's own name (its webhook path, its webhook ids, its up/down metric).
    phone: String,
    /// The queue it sends from: its pool's name, or its own.
    queue: String,
    config: AndroidConfig,
    client: reqwest::Client,
    limiter: DefaultDirectRateLimiter,
    /// The phone answered the last request (`smsup_channel_up{channel, bind="phone"}`).
    up: std::sync::atomic::AtomicBool,
    /// When a phone that did not answer was last asked again (ms since the epoch).
    probed_at: std::sync::atomic::AtomicI64,
    /// Sends wait for the rate in the order they came (the limiter alone lets any waiter go next).
    turn: tokio::sync::Mutex<()>,
    /// Parts of what it sent: estimated, as the phone reported them, delivered.
    parts: std::sync::Mutex<Parts>,
    /// The phone was away: it is set up again when it answers (it may have been reset or
    /// reinstalled meanwhile).
    set_up_again: std::sync::atomic::AtomicBool,
    /// The phone refused our username or password: it is asked again (authenticated) every two
    /// seconds.
    refused: std::sync::atomic::AtomicBool,
    /// The first part of the next message was already taken from the rate (before its claim).
    prepaid: std::sync::atomic::AtomicBool,
    /// Requests in a row that got no answer.
    unanswered: std::sync::atomic::AtomicU32,
}

impl AndroidGateway {
    /// The gateway of the channel `name`.
    pub fn new(name: &str, config: AndroidConfig) -> Result<AndroidGateway, String> {
        // Evenly spaced, no burst: Android itself blocks an app that sends too many parts at once
        // (about 30 a minute), and a prepaid SIM may be barred for a burst.
        let quota = Quota::per_minute(config.messages_per_minute).allow_burst(NonZeroU32::MIN);
        Ok(AndroidGateway {
            queue: config.pool.clone().unwrap_or_else(|| name.to_string()),
            phone: name.to_string(),
            limiter: RateLimiter::direct(quota),
            client: http_client()?,
            config,
            up: std::sync::atomic::AtomicBool::new(true),
            probed_at: std::sync::atomic::AtomicI64::new(0),
            turn: tokio::sync::Mutex::new(()),
            parts: std::sync::Mutex::default(),
            set_up_again: std::sync::atomic::AtomicBool::new(false),
            refused: std::sync::atomic::AtomicBool::new(false),
            prepaid: std::sync::atomic::AtomicBool::new(false),
            unanswered: std::sync::atomic::AtomicU32::new(0),
        })
    }

    /// The phone's own name.
    pub fn phone_name(&self) -> &str {
        &self.phone
    }

    /// A send that got no answer. Not connected at all: the phone is down and the message is any
    /// phone's. Connected but no answer: the phone may have the message, so it is tried again
    /// through this phone (which answers 409 if it has it), until it failed to answer
    /// [`UNANSWERED_DOWN`] times in a row.
    fn no_answer(&self, e: &reqwest::Error) -> SendError {
        let message = format!("the phone did not answer: {e}");
        let times = self
            .unanswered
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1;
        if e.is_connect() || times >= UNANSWERED_DOWN {
            self.answered(false);
            return SendError::Transient {
                code: None,
                message,
                retry_after: None,
            };
        }
        SendError::Unanswered { message }
    }

    /// The phone reported sending `id` in `parts` parts: the parts beyond our estimate (the first
    /// time it says so), which are then taken from its rate too (Android and the carrier count
    /// what the phone sent).
    fn sent_in(&self, id: &str, parts: u32) -> (u32, bool) {
        self.parts
            .lock()
            .map(|mut p| p.sent(id, parts))
            .unwrap_or((0, false))
    }

    /// Takes `extra` parts from the phone's rate, in turn with the sends.
    async fn charge(&self, extra: u32) {
        let _turn = self.turn.lock().await;
        for _ in 0..extra {
            self.limiter.until_ready().await;
        }
    }

    /// Records whether the phone answers; a change is logged once.
    fn answered(&self, up: bool) {
        let was = self.up.swap(up, std::sync::atomic::Ordering::Relaxed);
        metrics::gauge!("smsup_channel_up", "channel" => self.phone.clone(), "bind" => "phone")
            .set(if up { 1.0 } else { 0.0 });
        if was && !up {
            self.set_up_again
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        if was != up {
            if up {
                tracing::info!(channel = %self.phone, "Android phone answers");
            } else {
                tracing::warn!(channel = %self.phone, "Android phone does not answer: its messages wait");
            }
        }
    }

    /// Every [`WATCH_EVERY`], asks the phone for its webhooks: a phone that no longer answers is
    /// marked down (even when nothing is being sent), and one that lost ours (reset, reinstalled)
    /// is set up again.
    async fn watch(&self) {
        loop {
            tokio::time::sleep(WATCH_EVERY).await;
            let answer = self
                .client
                .get(format!("{}/webhooks", self.config.url))
                .basic_auth(&self.config.username, Some(&self.config.password))
                .send()
                .await;
            let r = match answer {
                Ok(r) => r,
                Err(_) => {
                    self.answered(false);
                    continue;
                }
            };
            if matches!(r.status().as_u16(), 401 | 403) {
                self.refused();
                continue;
            }
            let ours: Vec<String> = EVENTS.iter().map(|e| webhook_id(&self.phone, e)).collect();
            let listed: Vec<serde_json::Value> = r.json().await.unwrap_or_default();
            let missing = ours.iter().any(|id| {
                !listed
                    .iter()
                    .any(|w| w.get("id").and_then(|v| v.as_str()) == Some(id))
            });
            if missing {
                tracing::warn!(channel = %self.phone, "Android phone lost our webhooks: setting it up again");
                if let Err(e) = self.set_up().await {
                    tracing::warn!(channel = %self.phone, error = %e, "Android phone not set up again");
                }
            }
        }
    }

    /// The phone refused our username or password (the app was reinstalled, its password changed):
    /// it takes nothing until it accepts them again.
    fn refused(&self) {
        if !self
            .refused
            .swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            tracing::error!(channel = %self.phone, "Android phone refused the username or password: fix android.password; its messages wait or go to the other phones of its pool");
        }
        self.answered(false);
    }

    /// Registers our webhooks and sets the phone's settings, retrying until the phone answers.
    async fn set_up_until_done(&self) {
        let mut wait = Duration::from_secs(2);
        loop {
            match self.set_up().await {
                Ok(()) => return,
                Err(e) => {
                    tracing::warn!(channel = %self.phone, error = %e, retry_s = wait.as_secs(), "Android phone not set up yet");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(60));
                }
            }
        }
    }

    /// Our webhooks (upserted by our ids, so a restart changes nothing) and the settings webhooks
    /// need without internet.
    pub async fn set_up(&self) -> Result<(), String> {
        let url = format!("{}{}", self.config.public_url, webhook_path(&self.phone));
        for event in EVENTS {
            let id = webhook_id(&self.phone, event);
            let body = serde_json::json!({ "id": id, "url": url, "event": event });
            let r = self
                .client
                .post(format!("{}/webhooks", self.config.url))
                .basic_auth(&self.config.username, Some(&self.config.password))
                .json(&body)
                .send()
                .await
                .map_err(|e| format!("POST /webhooks: {e}"))?;
            if !r.status().is_success() {
                return Err(format!("POST /webhooks {event}: HTTP {}", r.status()));
            }
        }
        let settings = serde_json::json!({
            "webhooks": { "internet_required": false, "signing_key": self.config.signing_key },
            "messages": { "processing_order": "FIFO" },
        });
        let r = self
            .client
            .patch(format!("{}/settings", self.config.url))
            .basic_auth(&self.config.username, Some(&self.config.password))
            .json(&settings)
            .send()
            .await
            .map_err(|e| format!("PATCH /settings: {e}"))?;
        self.answered(true);
        if !r.status().is_success() {
            return Err(format!("PATCH /settings: HTTP {}", r.status()));
        }
        tracing::info!(channel = %self.phone, webhooks = EVENTS.len(), "Android phone set up: webhooks registered, signing key set, FIFO order, webhooks without internet");
        Ok(())
    }
}

/// Our id of an outbox row's message on the phone (at most 36 characters): the row and when it was
/// queued, so that a row id used again (after its row was deleted, or with a database restored
/// from a backup) is never taken by the phone for a message it has already sent.
pub fn message_id(row: i64, queued_at: i64) -> String {
    format!("smsup-{row}-{queued_at:x}")
}

/// Our id of the webhook of `event` on the phone `phone`.
fn webhook_id(phone: &str, event: &str) -> String {
    format!("smsup-{phone}-{}", event.replace(':', "-"))
}

/// How often a phone is asked whether it still has our webhooks.
const WATCH_EVERY: Duration = Duration::from_secs(60);

/// No answer this many times in a row (the request may have reached the phone): it is marked down.
const UNANSWERED_DOWN: u32 = 3;

/// The most parts a message can have (the UDH's part count is one byte); a larger count is
/// ignored, and no more than [`MAX_EXTRA`] parts beyond the estimate are taken from the rate.
const MAX_PARTS: u32 = 255;

/// The most parts beyond the estimate taken from the phone's rate for one message.
const MAX_EXTRA: u32 = 16;

#[async_trait]
impl Gateway for AndroidGateway {
    fn name(&self) -> &str {
        &self.queue
    }

    /// One at a time: the phone sends one part after another anyway, and a message claimed must
    /// not wait for the rate behind others long enough for its lease to run out.
    fn max_in_flight(&self) -> usize {
        1
    }

    fn phone(&self) -> Option<&str> {
        (self.phone != self.queue).then_some(self.phone.as_str())
    }

    fn is_up(&self) -> bool {
        self.up.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A phone that did not answer gets no messages (they wait for it, or go to another phone of
    /// its pool) until `GET /health` answers again, asked at most every two seconds. Any answer
    /// counts: without internet a working phone's health check may say "fail".
    async fn ready(&self) -> bool {
        use std::sync::atomic::Ordering;
        if self.up.load(Ordering::Relaxed) {
            // Back after an outage: our webhooks and settings again (idempotent), before sending.
            if self.set_up_again.swap(false, Ordering::Relaxed) {
                // Tried once per outage (the watch tries again): a phone that answers but refuses
                // a setting still sends.
                if let Err(e) = self.set_up().await {
                    tracing::warn!(channel = %self.phone, error = %e, "Android phone not set up again");
                }
            }
            // The next message's first part is taken from the rate before it is claimed: a claimed
            // message waits for its other parts only.
            if !self.prepaid.load(Ordering::Relaxed) {
                let _turn = self.turn.lock().await;
                self.limiter.until_ready().await;
                self.prepaid.store(true, Ordering::Relaxed);
            }
            return true;
        }
        let now = crate::store::now_ms();
        if now - self.probed_at.load(Ordering::Relaxed) < 2_000 {
            return false;
        }
        self.probed_at.store(now, Ordering::Relaxed);
        // Authenticated, so that a phone that refuses our password stays down. Any answer but a
        // refusal counts.
        let answer = self
            .client
            .get(format!("{}/device", self.config.url))
            .basic_auth(&self.config.username, Some(&self.config.password))
            .timeout(Duration::from_secs(2))
            .send()
            .await;
        match answer {
            Ok(r) if matches!(r.status().as_u16(), 401 | 403) => false,
            Ok(_) => {
                if self.refused.swap(false, Ordering::Relaxed) {
                    tracing::info!(channel = %self.phone, "Android phone accepts the username and password again");
                }
                self.unanswered.store(0, Ordering::Relaxed);
                self.answered(true);
                true
            }
            Err(_) => false,
        }
    }

    async fn send(&self, sms: &OutboundSms) -> Result<Accepted, SendError> {
        // The phone and Android count parts: so does the rate, one part at a time.
        let turn = self.turn.lock().await;
        let paid = u32::from(
            self.prepaid
                .swap(false, std::sync::atomic::Ordering::Relaxed),
        );
        for _ in paid..sms.segments.max(1) {
            self.limiter.until_ready().await;
        }
        drop(turn);
        let id = message_id(sms.id, sms.queued_at);
        if let Ok(mut p) = self.parts.lock() {
            p.estimated(&id, sms.segments);
        }
        let mut body = serde_json::json!({
            "id": id,
            "textMessage": { "text": sms.body },
            "phoneNumbers": [sms.to],
            "withDeliveryReport": true,
        });
        if let Some(sim) = self.config.sim {
            body["simNumber"] = sim.into();
        }
        // An alert's message: the phone drops it too once its time has passed.
        if let Some(left) = sms.validity() {
            body["ttl"] = left.as_secs().into();
        }
        let r = self
            .client
            .post(format!("{}/messages", self.config.url))
            .basic_auth(&self.config.username, Some(&self.config.password))
            .json(&body)
            .send()
            .await
            .map_err(|e| self.no_answer(&e))?;
        self.unanswered
            .store(0, std::sync::atomic::Ordering::Relaxed);
        self.answered(true);
        let status = r.status().as_u16();
        let text = r.text().await.unwrap_or_default();
        let reason = || text.chars().take(200).collect::<String>();
        match status {
            // 409: the phone has this id already (our earlier attempt's answer was lost).
            200..=299 | 409 => Ok(Accepted {
                provider_ids: vec![id],
                delivered: false,
            }),
            // Our password is wrong for this phone, not for the message: it waits (or goes to
            // another phone of the pool) until the phone accepts us again.
            401 | 403 => {
                self.refused();
                Err(SendError::Transient {
                    code: Some(format!("HTTP {status}")),
                    message: "the phone refused the username or password".into(),
                    retry_after: None,
                })
            }
            400 => Err(SendError::Permanent {
                code: Some("HTTP 400".into()),
                message: reason(),
            }),
            _ => Err(SendError::Transient {
                code: Some(format!("HTTP {status}")),
                message: reason(),
                retry_after: None,
            }),
        }
    }
}

/// What the webhook route needs.
#[derive(Clone)]
pub struct WebhookState {
    /// The channel's queue (its pool's name, or its own): what it receives is recorded under it.
    pub channel: String,
    /// Where inbound messages and status updates go.
    pub sink: Arc<dyn Sink>,
    /// The phone: its signing key, its rate, the parts of what it sent.
    pub phone: Arc<AndroidGateway>,
}

/// What is known of one message's parts.
#[derive(Debug, Clone, Default)]
struct PartCount {
    /// Our estimate when it was sent.
    estimated: u32,
    /// The phone's count (`sms:sent`'s `partsCount`), once it told.
    sent: Option<u32>,
    /// The `sms:delivered` events seen (their ids: the phone retries an event with its id).
    delivered: Vec<Option<String>>,
}

impl PartCount {
    /// Every part is delivered.
    fn whole(&self) -> bool {
        let n = self.delivered.len() as u32;
        n > 0 && n >= self.sent.unwrap_or(self.estimated).max(1)
    }
}

/// Per message id: the parts we estimated, the parts the phone said it sent (`sms:sent`'s
/// `partsCount`) and the parts delivered so far (the phone sends one `sms:delivered` per part, and
/// a message is delivered when every part is). Bounded: the oldest entries go first (a message
/// then counts as delivered at its first part's receipt, as when SMS Up restarted in between).
#[derive(Debug, Default)]
pub struct Parts {
    counts: std::collections::HashMap<String, PartCount>,
    order: std::collections::VecDeque<String>,
}

impl Parts {
    const MAX: usize = 50_000;

    fn entry(&mut self, id: &str) -> &mut PartCount {
        if !self.counts.contains_key(id) {
            self.order.push_back(id.to_string());
            while self.order.len() > Self::MAX {
                if let Some(old) = self.order.pop_front() {
                    self.counts.remove(&old);
                }
            }
        }
        self.counts.entry(id.to_string()).or_default()
    }

    /// We sent `id`, estimating `parts` parts.
    pub fn estimated(&mut self, id: &str, parts: u32) {
        self.entry(id).estimated = parts.max(1);
    }

    /// The phone sent `id` in `parts` parts: how many more than estimated (the first time it says
    /// so; 0 after, and at most [`MAX_EXTRA`]), and whether every part is delivered already (the
    /// phone's webhooks come in any order).
    pub fn sent(&mut self, id: &str, parts: u32) -> (u32, bool) {
        let e = self.entry(id);
        if e.sent.is_some() {
            return (0, e.whole());
        }
        e.sent = Some(parts.clamp(1, MAX_PARTS));
        let extra = parts.saturating_sub(e.estimated.max(1)).min(MAX_EXTRA);
        (extra, e.whole())
    }

    /// One part of `id` was delivered (the event `event`, when it has an id: a repeated event
    /// counts once): true when that makes the whole message delivered.
    pub fn delivered(&mut self, id: &str, event: Option<&str>) -> bool {
        match self.counts.get_mut(id) {
            Some(e) => {
                let seen = event.is_some() && e.delivered.iter().any(|d| d.as_deref() == event);
                if !seen && e.delivered.len() < MAX_PARTS as usize {
                    e.delivered.push(event.map(str::to_string));
                }
                e.whole()
            }
            None => true,
        }
    }
}

/// The webhook route of the channel `name`.
pub fn routes(name: &str, state: WebhookState) -> Router {
    Router::new()
        .route(&webhook_path(name), post(webhook))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(state)
}

/// Why a webhook's signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// `X-Signature` or `X-Timestamp` is missing or not what it should look like.
    #[error("missing or malformed X-Signature or X-Timestamp")]
    Missing,
    /// The timestamp is too far from our clock (a replay, or a phone whose clock is wrong).
    #[error("X-Timestamp is {0} s away from our clock")]
    Stale(i64),
    /// The signature does not match the body and timestamp.
    #[error("X-Signature does not match")]
    Mismatch,
}

/// Checks a webhook: `signature` (lowercase hex) must be HMAC-SHA256 with `key` of `body` followed
/// by `timestamp`, and `timestamp` (Unix seconds) within [`MAX_SKEW_SECS`] of `now`.
pub fn verify(
    key: &[u8],
    body: &[u8],
    timestamp: &str,
    signature: &str,
    now: i64,
) -> Result<(), SignatureError> {
    let ts: i64 = timestamp
        .trim()
        .parse()
        .map_err(|_| SignatureError::Missing)?;
    let sig = hex::decode(signature.trim()).map_err(|_| SignatureError::Missing)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(key).map_err(|_| SignatureError::Mismatch)?;
    mac.update(body);
    mac.update(timestamp.trim().as_bytes());
    mac.verify_slice(&sig)
        .map_err(|_| SignatureError::Mismatch)?;
    // Checked after the signature: an unsigned stranger learns nothing of our clock.
    if now.abs_diff(ts) > MAX_SKEW_SECS.unsigned_abs() {
        return Err(SignatureError::Stale(now.saturating_sub(ts)));
    }
    Ok(())
}

/// A webhook's envelope.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    /// The event's own id (the same when the phone retries it).
    #[serde(default)]
    id: Option<String>,
    event: String,
    #[serde(default)]
    payload: serde_json::Value,
}

/// The payload of the `sms:*` events (nulls are omitted; `sender` is often absent on outbound
/// events).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Payload {
    message_id: String,
    sender: Option<String>,
    phone_number: Option<String>,
    message: Option<String>,
    reason: Option<String>,
    parts_count: Option<u32>,
}

fn refuse(status: StatusCode, why: &str) -> Response {
    (status, format!("{why}\n")).into_response()
}

async fn webhook(State(state): State<WebhookState>, headers: HeaderMap, body: Bytes) -> Response {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(signature), Some(timestamp)) = (header("x-signature"), header("x-timestamp")) else {
        tracing::warn!(channel = %state.channel, "Android webhook without a signature refused");
        return refuse(
            StatusCode::UNAUTHORIZED,
            "missing X-Signature or X-Timestamp",
        );
    };
    let now = chrono::Utc::now().timestamp();
    if let Err(e) = verify(
        state.phone.config.signing_key.as_bytes(),
        &body,
        timestamp,
        signature,
        now,
    ) {
        tracing::warn!(channel = %state.channel, error = %e, "Android webhook refused");
        metrics::counter!("smsup_android_bad_signature_total", "channel" => state.channel.clone())
            .increment(1);
        return refuse(StatusCode::UNAUTHORIZED, &e.to_string());
    }
    let envelope: Envelope = match serde_json::from_slice(&body) {
        Ok(e) => e,
        Err(_) => return refuse(StatusCode::BAD_REQUEST, "not a webhook event"),
    };
    let event = envelope.event.as_str();
    match event {
        // The phone's heartbeat and start: nothing to store.
        "system:ping" | "app:started" => return StatusCode::OK.into_response(),
        "sms:received" | "sms:sent" | "sms:delivered" | "sms:failed" => {}
        _ => return refuse(StatusCode::BAD_REQUEST, "unknown event"),
    }
    let payload: Payload = match serde_json::from_value(envelope.payload) {
        Ok(p) => p,
        Err(_) => return refuse(StatusCode::BAD_REQUEST, "payload without a messageId"),
    };
    let result = match event {
        "sms:received" => {
            let (Some(from), Some(text)) =
                (payload.sender.or(payload.phone_number), payload.message)
            else {
                return refuse(
                    StatusCode::BAD_REQUEST,
                    "sms:received without sender or message",
                );
            };
            state
                .sink
                .inbound(InboundSms {
                    channel: state.channel.clone(),
                    // The payload's id (a hash of the content, address and date), not the
                    // envelope's: the same SMS delivered twice is stored once.
                    provider_id: payload.message_id,
                    from,
                    text,
                    via: state.phone.phone().map(str::to_string),
                })
                .await
                .map(|_| ())
        }
        _ => {
            // A count the UDH cannot carry is no count.
            let parts = payload.parts_count.filter(|n| (1..=MAX_PARTS).contains(n));
            let mut whole = false;
            match event {
                "sms:sent" => {
                    if let Some(n) = parts {
                        metrics::counter!("smsup_android_parts_total", "channel" => state.phone.phone.clone())
                            .increment(u64::from(n));
                        let extra;
                        (extra, whole) = state.phone.sent_in(&payload.message_id, n);
                        if extra > 0 {
                            let phone = state.phone.clone();
                            tokio::spawn(async move { phone.charge(extra).await });
                        }
                    }
                }
                // Not every part yet: nothing to record.
                "sms:delivered" => {
                    let done = state
                        .phone
                        .parts
                        .lock()
                        .map(|mut p| p.delivered(&payload.message_id, envelope.id.as_deref()))
                        .unwrap_or(true);
                    if !done {
                        return StatusCode::OK.into_response();
                    }
                }
                _ => {}
            }
            let (state_now, error_code) = match event {
                // Every part's receipt came before the phone said how many parts it sent.
                "sms:sent" if whole => (DeliveryState::Delivered, None),
                "sms:sent" => (DeliveryState::Sent, None),
                "sms:delivered" => (DeliveryState::Delivered, None),
                _ => (
                    DeliveryState::Failed,
                    Some(payload.reason.unwrap_or_else(|| "failed".into())),
                ),
            };
            state
                .sink
                .status(vec![StatusUpdate {
                    channel: state.channel.clone(),
                    provider_id: payload.message_id,
                    state: state_now,
                    error_code: error_code.map(|r| crate::engine::mask_numbers(&r)),
                    parts: if event == "sms:sent" { parts } else { None },
                }])
                .await
                .map(|_| ())
        }
    };
    // 2xx only once it is stored: the phone retries anything else.
    match result {
        Ok(()) => StatusCode::OK.into_response(),
        // A sender that is no phone number (a bank's or the carrier's name): nothing to answer, and
        // retrying would not help, so the phone is told it arrived.
        Err(SinkError::InvalidNumber) => {
            tracing::info!(channel = %state.channel, "SMS from a sender that is no phone number ignored");
            StatusCode::OK.into_response()
        }
        Err(SinkError::Store(e)) => {
            tracing::error!(channel = %state.channel, error = %e, "Android webhook not stored; the phone will retry");
            refuse(StatusCode::SERVICE_UNAVAILABLE, "not stored, retry")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(key: &str, body: &str, ts: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
        mac.update(body.as_bytes());
        mac.update(ts.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    #[test]
    fn signatures_over_body_and_timestamp_within_five_minutes() {
        let key = "0123456789abcdef-key";
        let body = r#"{"event":"sms:received"}"#;
        let now = 1_764_000_000;
        let ts = now.to_string();
        let good = sign(key, body, &ts);
        assert_eq!(
            verify(key.as_bytes(), body.as_bytes(), &ts, &good, now),
            Ok(())
        );
        assert_eq!(
            verify(
                key.as_bytes(),
                body.as_bytes(),
                &ts,
                &good.to_uppercase(),
                now
            ),
            Ok(()),
            "hex case does not matter"
        );
        // Tampered body, wrong key, timestamp changed, stale or from the future, garbage.
        let tampered = body.replace("received", "sent");
        assert_eq!(
            verify(key.as_bytes(), tampered.as_bytes(), &ts, &good, now),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"another-key-of-16+", body.as_bytes(), &ts, &good, now),
            Err(SignatureError::Mismatch)
        );
        let later = (now + 1).to_string();
        assert_eq!(
            verify(key.as_bytes(), body.as_bytes(), &later, &good, now),
            Err(SignatureError::Mismatch)
        );
        for skew in [-301, 301] {
            let ts = (now + skew).to_string();
            let sig = sign(key, body, &ts);
            assert_eq!(
                verify(key.as_bytes(), body.as_bytes(), &ts, &sig, now),
                Err(SignatureError::Stale(-skew))
            );
        }
        assert_eq!(
            verify(key.as_bytes(), body.as_bytes(), "soon", &good, now),
            Err(SignatureError::Missing)
        );
        assert_eq!(
            verify(key.as_bytes(), body.as_bytes(), &ts, "zz", now),
            Err(SignatureError::Missing)
        );
    }

    /// The official client crate's verifier agrees with ours on valid, tampered, wrong-key, stale
    /// and malformed cases.
    #[test]
    fn the_official_crate_agrees_with_our_verifier() {
        let key = "the-phone-signing-key";
        let body = r#"{"id":"Ey6ECgOkVVFjz3CL48B8C","webhookId":"smsup-android-sms-received","event":"sms:received","deviceId":"ffffffffceb0b1db0000018e937c815b","payload":{"messageId":"abc","sender":"+60123456789","message":"JOIN safety","receivedAt":"2025-11-14T04:39:53.000+03:00"}}"#;
        let now = chrono::Utc::now().timestamp();
        let fresh = now.to_string();
        let good = sign(key, body, &fresh);
        let old = (now - 400).to_string();
        let future = (now + 400).to_string();
        let cases: Vec<(&str, String, String, String)> = vec![
            (key, body.to_string(), fresh.clone(), good.clone()),
            (key, body.to_string(), fresh.clone(), good.to_uppercase()),
            (
                key,
                body.replace("safety", "safetY"),
                fresh.clone(),
                good.clone(),
            ),
            (
                "another-signing-key!",
                body.to_string(),
                fresh.clone(),
                good.clone(),
            ),
            (key, body.to_string(), (now - 1).to_string(), good.clone()),
            (key, body.to_string(), old.clone(), sign(key, body, &old)),
            (
                key,
                body.to_string(),
                future.clone(),
                sign(key, body, &future),
            ),
            (
                key,
                body.to_string(),
                (now - 299).to_string(),
                sign(key, body, &(now - 299).to_string()),
            ),
            (
                key,
                body.to_string(),
                "not-a-time".into(),
                sign(key, body, "not-a-time"),
            ),
            (key, body.to_string(), fresh.clone(), "deadbeef".into()),
            (key, body.to_string(), fresh.clone(), "not hex".into()),
            (key, String::new(), fresh.clone(), sign(key, "", &fresh)),
        ];
        let mut accepted = 0;
        for (k, b, ts, sig) in &cases {
            let theirs = android_sms_gateway::webhook::verify_signature(k, b, ts, sig, Some(300));
            let ours = verify(k.as_bytes(), b.as_bytes(), ts, sig, now).is_ok();
            assert_eq!(ours, theirs, "key {k} ts {ts} sig {sig}");
            accepted += usize::from(ours);
        }
        assert_eq!(
            accepted, 4,
            "the valid cases: fresh, upper-case hex, 299 s old, empty body"
        );
    }

    #[test]
    fn a_long_message_is_delivered_when_every_part_is() {
        let mut p = Parts::default();
        p.estimated("smsup-1", 3);
        assert_eq!(
            p.sent("smsup-1", 3),
            (0, false),
            "as estimated: nothing to charge"
        );
        assert!(!p.delivered("smsup-1", Some("e1")));
        assert!(
            !p.delivered("smsup-1", Some("e1")),
            "the phone retrying an event counts once"
        );
        assert!(!p.delivered("smsup-1", Some("e2")));
        assert!(p.delivered("smsup-1", Some("e3")));
        p.sent("smsup-2", 1);
        assert!(p.delivered("smsup-2", None));
        // Unknown (sent before a restart): its first receipt counts.
        assert!(p.delivered("smsup-9", None));
        // Before the phone says how many parts it sent, the estimate counts.
        p.estimated("smsup-3", 2);
        assert!(!p.delivered("smsup-3", None));
        assert!(p.delivered("smsup-3", None));
        for i in 0..(Parts::MAX + 10) {
            p.sent(&format!("m{i}"), 2);
        }
        assert!(p.counts.len() <= Parts::MAX);
        assert!(p.order.len() <= Parts::MAX);
    }

    #[test]
    fn the_phones_part_count_corrects_the_estimate_once() {
        let mut p = Parts::default();
        p.estimated("smsup-7", 1);
        assert_eq!(
            p.sent("smsup-7", 3),
            (2, false),
            "two parts more than estimated"
        );
        assert_eq!(
            p.sent("smsup-7", 3),
            (0, false),
            "a repeated sms:sent charges nothing more"
        );
        assert!(!p.delivered("smsup-7", Some("a")));
        assert!(!p.delivered("smsup-7", Some("b")));
        assert!(
            p.delivered("smsup-7", Some("c")),
            "delivered at the third part"
        );
        p.estimated("smsup-8", 3);
        assert_eq!(
            p.sent("smsup-8", 2),
            (0, false),
            "fewer parts: nothing is given back"
        );
        assert!(!p.delivered("smsup-8", None));
        assert!(p.delivered("smsup-8", None));
        // Every receipt before sms:sent, and fewer parts than estimated: sms:sent completes it.
        p.estimated("smsup-4", 3);
        assert!(!p.delivered("smsup-4", Some("x")));
        assert!(!p.delivered("smsup-4", Some("y")));
        assert_eq!(p.sent("smsup-4", 2), (0, true));
        // A hostile count takes at most MAX_EXTRA parts from the rate.
        p.estimated("smsup-5", 1);
        assert_eq!(p.sent("smsup-5", 200).0, MAX_EXTRA);
    }

    #[test]
    fn message_ids_fit_the_phone_and_differ_for_a_reused_row() {
        let a = message_id(1, 1_796_000_000_000);
        let b = message_id(1, 1_796_000_000_001);
        assert_ne!(a, b);
        // Rows up to 10^15, times until the year 2248 (11 hex digits).
        assert!(message_id(999_999_999_999_999, (1 << 43) - 1).len() <= 36);
    }

    #[test]
    fn extreme_timestamps_are_refused_without_panicking() {
        let key = "0123456789abcdef-key";
        for ts in [i64::MIN.to_string(), i64::MAX.to_string()] {
            let sig = sign(key, "{}", &ts);
            assert!(matches!(
                verify(key.as_bytes(), b"{}", &ts, &sig, 1_764_000_000),
                Err(SignatureError::Stale(_))
            ));
        }
    }

    #[test]
    fn settings_name_what_is_missing_and_hide_secrets() {
        let table = |s: &str| s.parse::<toml::Table>().unwrap();
        let none = |_: &str| None;
        let err =
            AndroidConfig::from_table(&table("url = \"http://10.0.0.2:8080\""), &none).unwrap_err();
        assert!(err.contains("public_url"), "{err}");
        let t = table(
            "url = \"http://10.0.0.2:8080/\"\npublic_url = \"https://10.0.0.1:8443\"\nsim = 2",
        );
        let err = AndroidConfig::from_table(&t, &none).unwrap_err();
        assert!(err.contains("password"), "{err}");
        let env = |k: &str| match k {
            "SMSUP_ANDROID_PASSWORD" => Some("pw".to_string()),
            "SMSUP_ANDROID_SIGNING_KEY" => Some("a-long-signing-key-here".to_string()),
            _ => None,
        };
        let c = AndroidConfig::from_table(&t, &env).unwrap();
        assert_eq!(c.url, "http://10.0.0.2:8080");
        assert_eq!((c.username.as_str(), c.sim), ("sms", Some(2)));
        assert_eq!(c.messages_per_minute.get(), 20);
        let shown = format!("{c:?}");
        assert!(
            !shown.contains("pw\"") && !shown.contains("a-long-signing-key"),
            "{shown}"
        );
        let short = table("url = \"http://p\"\npublic_url = \"https://s\"\npassword = \"x\"\nsigning_key = \"short\"");
        assert!(AndroidConfig::from_table(&short, &none)
            .unwrap_err()
            .contains("16"));
        let bad = table("url = \"ftp://p\"\npublic_url = \"https://s\"\npassword = \"x\"\nsigning_key = \"0123456789abcdef\"");
        assert!(AndroidConfig::from_table(&bad, &none)
            .unwrap_err()
            .contains("android.url"));
    }
}
