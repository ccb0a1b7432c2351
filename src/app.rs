//! Wiring: store, engine, gateways, dispatchers and the HTTP router; graceful shutdown.

use std::net::SocketAddr;
use std::sync::Arc;

use async_trait::async_trait;
use tokio::sync::{watch, Notify};

use crate::config::Settings;
use crate::crypto::{Crypto, KeySource};
use crate::engine::{Engine, Rules};
use crate::gateways::sim::{self, SimGateway, SimState};
use crate::gateways::{
    Gateway, InboundOutcome, InboundSms, Sink, SinkError, StatusOutcome, StatusUpdate,
};
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
    /// A gateway could not be set up.
    #[error("gateway {name}: {message}")]
    Gateway {
        /// Gateway.
        name: &'static str,
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
    }
}

/// The gateway that bulk messages go through when a member has none of their own.
pub fn default_gateway(settings: &Settings) -> &'static str {
    if settings.twilio.is_some() {
        "twilio"
    } else if settings.smpp.is_some() {
        "smpp"
    } else {
        "sim"
    }
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
    let store = SqliteStore::open_with(db, crypto, default_gateway(settings), mode == Open::Serve)
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

/// The application as gateways see it.
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
        let outcome = self
            .store
            .handle_inbound(&sms, &phone, &self.engine)
            .await
            .map_err(|e| SinkError::Store(e.to_string()))?;
        metrics::counter!("smsup_inbound_total", "gateway" => sms.gateway).increment(1);
        match outcome {
            InboundOutcome::Stored(id) => {
                tracing::info!(gateway = sms.gateway, from = %mask(phone.e164()), inbound = id, "inbound handled");
                self.wake.notify_waiters();
            }
            InboundOutcome::Duplicate => {
                tracing::info!(gateway = sms.gateway, from = %mask(phone.e164()), "duplicate inbound ignored");
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

/// Run `smsup serve` until Ctrl-C or SIGTERM.
pub async fn serve(settings: Settings) -> Result<(), AppError> {
    // Gateway settings are checked before anything else, so that a bad value stops the start with its name.
    let env = |k: &str| std::env::var(k).ok();
    let twilio_config = match &settings.twilio {
        Some(table) => Some(
            crate::gateways::twilio::config_from_table(table, env).map_err(|e| {
                AppError::Gateway {
                    name: "twilio",
                    message: e.to_string(),
                }
            })?,
        ),
        None => None,
    };
    let smpp_config = match &settings.smpp {
        Some(table) => Some(
            crate::gateways::smpp::config_from_table(table, env).map_err(|e| {
                AppError::Gateway {
                    name: "smpp",
                    message: e.to_string(),
                }
            })?,
        ),
        None => None,
    };
    let (store, key_source) = open_store(&settings, Open::Serve).await?;
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
    let app: Arc<App> = Arc::new(App::new(store.clone(), engine, wake.clone()));
    let sink: Arc<dyn Sink> = app.clone();
    let _ = crate::web::prometheus();

    let mut router = crate::web::routes(store.clone());
    let mut gateways: Vec<Arc<dyn Gateway>> = Vec::new();
    if settings.sim_enabled() {
        gateways.push(Arc::new(SimGateway::new(settings.sim.segments_per_second)));
        router = router.merge(sim::routes(SimState {
            sink: sink.clone(),
            store: store.clone(),
            region: settings.default_region.clone(),
        }));
    }
    if let Some(config) = &twilio_config {
        use crate::gateways::twilio::{routes, TwilioGateway, TwilioState};
        let gateway = TwilioGateway::new(config.clone()).map_err(|e| AppError::Gateway {
            name: "twilio",
            message: e.to_string(),
        })?;
        gateways.push(Arc::new(gateway));
        router = router.merge(routes(TwilioState::new(config, sink.clone())));
    }
    if let Some(config) = smpp_config {
        let gateway =
            crate::gateways::smpp::SmppGateway::start(config, sink.clone()).map_err(|e| {
                AppError::Gateway {
                    name: "smpp",
                    message: e.to_string(),
                }
            })?;
        gateways.push(Arc::new(gateway));
    }
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut dispatchers = Vec::new();
    for gateway in &gateways {
        let d = Dispatcher::new(
            store.clone(),
            gateway.clone(),
            settings.dispatcher.clone(),
            wake.clone(),
        );
        dispatchers.push(tokio::spawn(d.run(stop_rx.clone())));
    }
    let lease_sweeper = {
        let store = store.clone();
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
    // The simulator lets anyone post as any phone: on an address other machines can reach, it runs
    // only when asked for (--sim, or sim.enabled = true).
    if settings.sim_enabled() && settings.sim.enabled.is_none() && !addr.ip().is_loopback() {
        return Err(AppError::Unsafe(format!(
            "{addr} is reachable from other machines, and the phone simulator lets anyone post as any \
             phone: start with --sim if that is what you want, or configure a gateway"
        )));
    }
    // Tests and scripts read this line to find the port.
    println!("smsup listening on http://{addr}");
    if settings.sim_enabled() {
        println!("phone simulator: http://{addr}/sim");
    }
    tracing::info!(%addr, gateways = ?gateways.iter().map(|g| g.name()).collect::<Vec<_>>(), "serving");
    let server = axum::serve(listener, router).with_graceful_shutdown(shutdown_signal());
    let result = server.await;
    let _ = stop_tx.send(true);
    for d in dispatchers {
        let _ = d.await;
    }
    let _ = lease_sweeper.await;
    for g in &gateways {
        g.shutdown().await;
    }
    result.map_err(|source| AppError::Listen {
        addr: addr.to_string(),
        source,
    })
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
