//! Wiring: store, engine, channels, dispatchers and the HTTP router; graceful shutdown.

use std::net::SocketAddr;
use std::sync::Arc;

use async_trait::async_trait;
use tokio::sync::{watch, Notify};

use crate::channels::sim::{self, SimState};
use crate::channels::{InboundOutcome, InboundSms, Sink, SinkError, StatusOutcome, StatusUpdate};
use crate::config::Settings;
use crate::crypto::{Crypto, KeySource};
use crate::engine::{Engine, Rules};
use crate::outbox::Dispatcher;
use crate::phone::{mask, Phone};
use crate::store::{SqliteStore, Store, StoreError};

/// Errors while starting or running the service.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Bad settings.
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    /// The key could not be loaded.
    #[error(transparent)]
    Crypto(#[from] crate::crypto::CryptoError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The listener failed.
    #[error("listen on {addr}: {source}")]
    Listen {
        /// Address.
        addr: String,
        /// Cause.
        source: std::io::Error,
    },
    /// The key and the database do not belong together, or one of them is missing.
    #[error("{0}")]
    Key(String),
    /// The settings would expose something they must not (the simulator on a public address).
    #[error("{0}")]
    Unsafe(String),
    /// Another serve holds the database, or its lock file cannot be made.
    #[error(transparent)]
    Lock(#[from] crate::ops::OpsError),
    /// A channel could not be set up.
    #[error("gateway {name}: {message}")]
    Gateway {
        /// The channel.
        name: String,
        /// What is wrong.
        message: String,
    },
}

/// The engine's rules from the settings.
pub fn rules(settings: &Settings) -> Rules {
    Rules {
        max_post_segments: settings.limits.max_post_segments,
        posts_per_sender_per_hour: settings.limits.posts_per_sender_per_hour,
        list_segments_per_day: settings.limits.list_segments_per_day,
        confirm_posts: settings.limits.confirm_posts,
        smart_encoding: settings.smart_encoding,
        default_language: settings.language(),
        default_region: settings.default_region.to_ascii_uppercase(),
        lists_per_number_per_day: settings.limits.lists_per_number_per_day,
        invites_per_sender_per_hour: settings.limits.invites_per_sender_per_hour,
        invites_per_sender_per_day: settings.limits.invites_per_sender_per_day,
        reinvite_days: settings.limits.reinvite_days,
        replies_per_number_per_minute: settings.limits.replies_per_number_per_minute,
        moves_per_number_per_day: settings.limits.moves_per_number_per_day,
        outside_per_list_per_hour: settings.limits.outside_per_list_per_hour,
        private_per_sender_per_hour: settings.limits.private_per_sender_per_hour,
        alerts_per_list_per_hour: settings.alerts.per_list_per_hour,
        alert_expire_minutes: settings.alerts.expire_minutes,
        request_days: settings.limits.request_days,
        carrier: settings.carrier(),
        local_country_language: settings.local_country_language,
    }
}

/// The channel that bulk messages go through when a member has none of their own: the first
/// configured channel, else the simulator (a channel that cannot be read counts as none here; it
/// stops `serve` with its name).
pub fn default_gateway(settings: &Settings) -> String {
    crate::channels::configure(settings)
        .map(|c| crate::channels::default_channel(&c))
        .unwrap_or_else(|_| crate::channels::sim::NAME.to_string())
}

/// How a command may open the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// `serve`: a new, empty database is created, and with it a key file when none is configured.
    Serve,
    /// Every other command: the database and its key must exist; nothing is created.
    Existing,
}

/// Open the key and the store as configured. A key is created only for `serve` on a new, empty
/// database; a database that holds data is opened only with the key it was written with.
pub async fn open_store(
    settings: &Settings,
    mode: Open,
) -> Result<(SqliteStore, KeySource), AppError> {
    let db = &settings.db;
    let key_path = settings.key_path();
    let configured = settings.key.as_deref();
    if mode == Open::Existing && !db.exists() {
        return Err(AppError::Key(format!(
            "no database at {}: check --db (or SMSUP_DB, or db in the settings file)",
            db.display()
        )));
    }
    if configured.is_none() && !key_path.exists() {
        let holds_data = crate::store::sqlite::holds_data(db)?;
        if mode == Open::Existing || holds_data {
            return Err(AppError::Key(format!(
                "the database {} needs its key file {}, which is missing: restore it from your backup \
                 (or set SMSUP_KEY); a new key would make every stored phone number unreadable",
                db.display(),
                key_path.display()
            )));
        }
    }
    let (crypto, source) = Crypto::load_or_create(configured, &key_path)?;
    let store = SqliteStore::open_with(db, crypto, &default_gateway(settings), mode == Open::Serve)
        .await
        .map_err(|e| match e {
            StoreError::WrongKey => AppError::Key(format!(
                "the database {} was written with another key than {}: use the key file that was \
                 created with this database (or its SMSUP_KEY)",
                db.display(),
                match &source {
                    KeySource::Configured => "the configured key (SMSUP_KEY)".to_string(),
                    KeySource::File(p) | KeySource::Created(p) => format!("the key file {p}"),
                }
            )),
            other => AppError::Store(other),
        })?;
    Ok((store, source))
}

/// The application as channels see it.
pub struct App {
    store: Arc<dyn Store>,
    engine: Engine,
    region: String,
    wake: Arc<Notify>,
}

impl App {
    /// Build from a store and rules; `wake` is notified when rows are queued.
    pub fn new(store: Arc<dyn Store>, engine: Engine, wake: Arc<Notify>) -> App {
        let region = engine.rules.default_region.clone();
        App {
            store,
            engine,
            region,
            wake,
        }
    }
}

#[async_trait]
impl Sink for App {
    async fn inbound(&self, sms: InboundSms) -> Result<InboundOutcome, SinkError> {
        let phone = Phone::parse(&sms.from, &self.region).map_err(|_| SinkError::InvalidNumber)?;
        let outcome = crate::service::inbound::handle(&*self.store, &sms, &phone, &self.engine)
            .await
            .map_err(|e| SinkError::Store(e.to_string()))?;
        metrics::counter!("smsup_inbound_total", "gateway" => sms.channel.clone()).increment(1);
        match outcome {
            InboundOutcome::Stored(id) => {
                tracing::info!(gateway = %sms.channel, from = %mask(phone.e164()), inbound = id, "inbound handled");
                self.wake.notify_waiters();
            }
            InboundOutcome::Duplicate => {
                tracing::info!(gateway = %sms.channel, from = %mask(phone.e164()), "duplicate inbound ignored");
            }
        }
        Ok(outcome)
    }

    async fn status(&self, updates: Vec<StatusUpdate>) -> Result<StatusOutcome, SinkError> {
        let outcome = self
            .store
            .apply_status(&updates)
            .await
            .map_err(|e| SinkError::Store(e.to_string()))?;
        if outcome.unknown > 0 {
            metrics::counter!("smsup_status_unknown_total").increment(outcome.unknown as u64);
            tracing::warn!(unknown = outcome.unknown, "status updates for unknown provider ids (kept for a day in case their send is recorded later)");
        }
        Ok(outcome)
    }

    async fn set_opted_out(&self, phone: &str, opted_out: bool) -> Result<(), SinkError> {
        let phone = Phone::parse(phone, &self.region).map_err(|_| SinkError::InvalidNumber)?;
        self.store
            .set_opted_out(&phone, opted_out)
            .await
            .map_err(|e| SinkError::Store(e.to_string()))
    }
}

/// The running parts of SMS Up, built from the settings and bound to their address, not yet
/// serving: [`Application::build`], then [`Application::run_until_stopped`].
pub struct Application {
    listener: tokio::net::TcpListener,
    addr: SocketAddr,
    /// The HTTPS listener (`tls_listen`), with its TLS settings and its address.
    tls: Option<(
        tokio::net::TcpListener,
        Arc<tokio_rustls::rustls::ServerConfig>,
        SocketAddr,
    )>,
    router: axum::Router,
    store: Arc<dyn Store>,
    channels: Vec<crate::channels::Channel>,
    dispatcher: crate::config::DispatcherSettings,
    members: crate::config::MembersSettings,
    privacy: crate::config::PrivacySettings,
    alerts: crate::config::AlertSettings,
    engine: Engine,
    wake: Arc<Notify>,
    sim: bool,
    db: std::path::PathBuf,
    _lock: crate::ops::ServeLock,
}

impl Application {
    /// Check the settings, open the key and the store, start the channels and bind the listener
    /// (`listen` may use port 0: [`Application::address`] tells the port taken).
    pub async fn build(settings: Settings) -> Result<Application, AppError> {
        // Channel settings are checked before anything else, so that a bad value stops the start
        // with its name.
        let configs = crate::channels::configure(&settings).map_err(|e| AppError::Gateway {
            name: e.channel,
            message: e.message,
        })?;
        // One server per SQLite database: a second serve, or a restore, is refused while it runs.
        let mut lock = crate::ops::ServeLock::acquire(&settings.db)?;
        let (store, key_source) = open_store(&settings, Open::Serve).await?;
        // Also on the database file itself: a lock file deleted by hand does not hide this serve.
        lock.hold_database(&settings.db)?;
        match &key_source {
            KeySource::Created(path) => tracing::warn!(
                "created a new key file {path}: it protects the phone numbers in the database; back it up with the database"
            ),
            KeySource::File(path) => tracing::info!("using key file {path}"),
            KeySource::Configured => tracing::info!("using the configured key"),
        }
        let store: Arc<dyn Store> = Arc::new(store);
        // One instance per SQLite database: whatever was `sending` belongs to a process that died.
        let requeued = store.requeue_expired(true).await?;
        if requeued > 0 {
            tracing::warn!(
                requeued,
                "messages in flight at the last stop are queued again"
            );
        }
        let wake = Arc::new(Notify::new());
        let engine = Engine::new(rules(&settings));
        let app: Arc<App> = Arc::new(App::new(store.clone(), engine.clone(), wake.clone()));
        let sink: Arc<dyn Sink> = app.clone();
        let _ = crate::web::prometheus();

        let listener = tokio::net::TcpListener::bind(&settings.listen)
            .await
            .map_err(|source| AppError::Listen {
                addr: settings.listen.clone(),
                source,
            })?;
        let addr: SocketAddr = listener.local_addr().map_err(|source| AppError::Listen {
            addr: settings.listen.clone(),
            source,
        })?;
        // The simulator lets anyone post as any phone: on an address other machines can reach, it
        // runs only when asked for (--sim, or sim.enabled = true).
        let sim = settings.sim_enabled();
        if sim && settings.sim.enabled.is_none() && !addr.ip().is_loopback() {
            return Err(AppError::Unsafe(format!(
                "{addr} is reachable from other machines, and the phone simulator lets anyone post as any \
                 phone: start with --sim if that is what you want, or configure a gateway"
            )));
        }

        // The HTTPS listener: the same routes (not the simulator's on an address others reach).
        let tls = match (&settings.tls_listen, &settings.tls_cert, &settings.tls_key) {
            (Some(listen), Some(cert), Some(key)) => {
                let config = crate::web::tls::server_config(cert, key)
                    .map_err(|e| AppError::Unsafe(format!("tls_cert/tls_key: {e}")))?;
                let tls_listener =
                    tokio::net::TcpListener::bind(listen)
                        .await
                        .map_err(|source| AppError::Listen {
                            addr: listen.clone(),
                            source,
                        })?;
                let tls_addr = tls_listener
                    .local_addr()
                    .map_err(|source| AppError::Listen {
                        addr: listen.clone(),
                        source,
                    })?;
                if sim && settings.sim.enabled.is_none() && !tls_addr.ip().is_loopback() {
                    return Err(AppError::Unsafe(format!(
                        "{tls_addr} (tls_listen) is reachable from other machines, and the phone simulator lets                          anyone post as any phone: start with --sim if that is what you want"
                    )));
                }
                Some((tls_listener, config, tls_addr))
            }
            _ => None,
        };

        let mut channels = Vec::new();
        if sim {
            channels.push(sim::channel(
                settings.sim.segments_per_second,
                SimState {
                    sink: sink.clone(),
                    store: store.clone(),
                    region: settings.default_region.clone(),
                },
            ));
        }
        channels.extend(
            crate::channels::start(&configs, sink).map_err(|e| AppError::Gateway {
                name: e.channel,
                message: e.message,
            })?,
        );
        let gateways = channels.iter().map(|c| c.gateway.clone()).collect();
        let mut router = crate::web::routes(store.clone(), gateways);
        for c in &mut channels {
            if let Some(routes) = c.routes.take() {
                router = router.merge(routes);
            }
        }
        Ok(Application {
            listener,
            addr,
            tls,
            router,
            store,
            channels,
            dispatcher: settings.dispatcher.clone(),
            members: settings.members.clone(),
            privacy: settings.privacy.clone(),
            alerts: settings.alerts.clone(),
            engine,
            wake,
            sim,
            db: settings.db.clone(),
            _lock: lock,
        })
    }

    /// The address the listener is bound to.
    pub fn address(&self) -> SocketAddr {
        self.addr
    }

    /// The HTTPS listener's address, when there is one.
    pub fn tls_address(&self) -> Option<SocketAddr> {
        self.tls.as_ref().map(|(_, _, addr)| *addr)
    }

    /// True when the phone simulator runs.
    pub fn simulator(&self) -> bool {
        self.sim
    }

    /// The store (for tests and benchmarks that inspect rows).
    pub fn store(&self) -> Arc<dyn Store> {
        self.store.clone()
    }

    /// Serve until Ctrl-C or SIGTERM, then finish the messages in flight.
    pub async fn run_until_stopped(self) -> Result<(), AppError> {
        self.run_until(shutdown_signal()).await
    }

    /// Serve until `stop` completes, then stop taking requests, let every dispatcher finish and
    /// record what it has in flight, and close the channels.
    pub async fn run_until(
        self,
        stop: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<(), AppError> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let mut dispatchers = Vec::new();
        for c in &self.channels {
            // The other phones of its pool (the gateways that send from the same queue).
            let siblings = self
                .channels
                .iter()
                .filter(|o| {
                    !Arc::ptr_eq(&o.gateway, &c.gateway) && o.gateway.name() == c.gateway.name()
                })
                .map(|o| o.gateway.clone())
                .collect();
            let d = Dispatcher::new(
                self.store.clone(),
                c.gateway.clone(),
                self.dispatcher.clone(),
                self.wake.clone(),
            )
            .beside(siblings);
            dispatchers.push(tokio::spawn(d.run(stop_rx.clone())));
        }
        let lease_sweeper = {
            let store = self.store.clone();
            let mut stop = stop_rx.clone();
            tokio::spawn(async move {
                loop {
                    tokio::select! {
                        _ = tokio::time::sleep(std::time::Duration::from_secs(10)) => {}
                        _ = stop.changed() => break,
                    }
                    match store.requeue_expired(false).await {
                        Ok(0) => {}
                        Ok(n) => tracing::warn!(n, "leases expired; messages queued again"),
                        Err(e) => tracing::warn!(error = %e, "lease sweep failed"),
                    }
                }
            })
        };
        // Re-confirmation of silent numbers, hourly (when configured).
        let reconfirm = (self.members.reconfirm_days > 0).then(|| {
            let (store, engine, members) = (
                self.store.clone(),
                self.engine.clone(),
                self.members.clone(),
            );
            let wake = self.wake.clone();
            let mut stop = stop_rx.clone();
            tokio::spawn(async move {
                loop {
                    let now = crate::store::now_ms();
                    match crate::service::reconfirm::run(
                        &*store,
                        &engine,
                        members.reconfirm_days,
                        members.reconfirm_wait_days,
                        now,
                    )
                    .await
                    {
                        Ok(r) if r.asked + r.paused > 0 => {
                            tracing::info!(asked = r.asked, paused = r.paused, "re-confirmation");
                            wake.notify_waiters();
                        }
                        Ok(_) => {}
                        Err(e) => tracing::warn!(error = %e, "re-confirmation failed"),
                    }
                    tokio::select! {
                        _ = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {}
                        _ = stop.changed() => break,
                    }
                }
            })
        });
        // Reach reports to alerts' senders, looked for every two seconds (a few indexed rows).
        let alert_reports = {
            let (store, engine) = (self.store.clone(), self.engine.clone());
            let after = self.alerts.report_after_minutes;
            let wake = self.wake.clone();
            let mut stop = stop_rx.clone();
            tokio::spawn(async move {
                loop {
                    tokio::select! {
                        _ = tokio::time::sleep(std::time::Duration::from_secs(2)) => {}
                        _ = stop.changed() => break,
                    }
                    let now = crate::store::now_ms();
                    match crate::service::alert_report::run(&*store, &engine, after, now).await {
                        Ok(0) => {}
                        Ok(n) => {
                            tracing::info!(reports = n, "alert reach reported");
                            wake.notify_waiters();
                        }
                        Err(e) => tracing::warn!(error = %e, "alert reach reports failed"),
                    }
                }
            })
        };
        // Retention: texts older than privacy.retention_days are erased, hourly.
        let retention = (self.privacy.retention_days > 0).then(|| {
            let store = self.store.clone();
            let days = i64::from(self.privacy.retention_days);
            let mut stop = stop_rx.clone();
            tokio::spawn(async move {
                loop {
                    let before = crate::store::now_ms() - days * 86_400_000;
                    match store.erase_texts_before(before).await {
                        Ok(0) => {}
                        Ok(n) => {
                            tracing::info!(texts = n, days, "old texts erased");
                            if let Err(e) = store.erase_traces().await {
                                tracing::warn!(error = %e, "write-ahead log not truncated");
                            }
                        }
                        Err(e) => tracing::warn!(error = %e, "retention failed"),
                    }
                    tokio::select! {
                        _ = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {}
                        _ = stop.changed() => break,
                    }
                }
            })
        });
        let https = self.tls.map(|(listener, config, addr)| {
            tracing::info!(addr = %addr, "serving HTTPS");
            tokio::spawn(crate::web::tls::serve(
                listener,
                config,
                self.router.clone(),
                stop_rx.clone(),
            ))
        });
        tracing::info!(addr = %self.addr, channels = ?self.channels.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), "serving");
        let server = axum::serve(self.listener, self.router).with_graceful_shutdown(stop);
        let result = server.await;
        let _ = stop_tx.send(true);
        if let Some(task) = https {
            let _ = task.await;
        }
        // The dispatchers finish what they have in flight; a channel whose peer is gone (an SMSC
        // down) never answers, so after a while the channels are shut down, which fails what
        // they still hold (those rows go back to the queue at the next start).
        let mut waiting = futures::future::join_all(dispatchers);
        if tokio::time::timeout(SHUTDOWN_GRACE, &mut waiting)
            .await
            .is_err()
        {
            tracing::warn!(
                grace_s = SHUTDOWN_GRACE.as_secs(),
                "messages still in flight at shutdown: closing the channels"
            );
            for c in &self.channels {
                c.gateway.shutdown().await;
            }
            let _ = tokio::time::timeout(SHUTDOWN_GRACE, waiting).await;
        }
        let _ = lease_sweeper.await;
        let _ = alert_reports.await;
        if let Some(task) = reconfirm {
            let _ = task.await;
        }
        if let Some(task) = retention {
            let _ = task.await;
        }
        for c in &self.channels {
            c.gateway.shutdown().await;
        }
        // Everything is committed: fold the write-ahead log into the database file, so that the
        // file alone (a copy, a backup tool that ignores `-wal`) holds all of it.
        match crate::ops::checkpoint(&self.db) {
            Ok(()) => tracing::info!("database checkpointed"),
            Err(e) => {
                tracing::warn!(error = %e, "checkpoint at shutdown failed; the write-ahead log keeps the data")
            }
        }
        result.map_err(|source| AppError::Listen {
            addr: self.addr.to_string(),
            source,
        })
    }
}

/// How long a stop waits for the messages in flight before it closes the channels.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// Run `smsup serve` until Ctrl-C or SIGTERM.
pub async fn serve(settings: Settings) -> Result<(), AppError> {
    let app = Application::build(settings).await?;
    let addr = app.address();
    // Tests and scripts read this line to find the port.
    println!("smsup listening on http://{addr}");
    if let Some(tls) = app.tls_address() {
        println!("smsup listening on https://{tls}");
    }
    if app.simulator() {
        println!("phone simulator: http://{addr}/sim");
    }
    app.run_until_stopped().await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
    tracing::info!("shutting down: finishing messages in flight");
}
