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

/// Open the key and the store as configured.
pub async fn open_store(settings: &Settings) -> Result<(SqliteStore, KeySource), AppError> {
    let (crypto, source) = Crypto::load_or_create(settings.key.as_deref(), &settings.key_path())?;
    let store = SqliteStore::open(&settings.db, crypto, default_gateway(settings)).await?;
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
    let (store, key_source) = open_store(&settings).await?;
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
