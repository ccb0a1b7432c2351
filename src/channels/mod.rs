//! Channels as data: each configured way of reaching phones is a [`Channel`] with a name (stored on
//! every outbox row, inbound row and status update), a kind, its inbound routes and its send side.
//!
//! Each kind of channel lives in a folder of its own (`sim/`, `twilio/`, `smpp/`, `android/`) and is known to
//! the rest of SMS Up through one line of [`KINDS`]: [`configure`] reads every configured channel
//! from the settings (`[smpp]` is one channel named `smpp`; `[[smpp]]` tables are several, each
//! with a `name`), [`start`] builds them. A channel hands inbound traffic to the [`Sink`] (the
//! application) and receives outbound traffic from its dispatcher through [`Gateway::send`].

use std::any::Any;
use std::sync::Arc;

use async_trait::async_trait;
use axum::Router;

use crate::config::Settings;

pub mod android;
pub mod sim;
pub mod smpp;
pub mod twilio;

pub use crate::domain::message::{
    Accepted, DeliveryState, InboundOutcome, InboundSms, OutboundSms, SendError, StatusOutcome,
    StatusUpdate,
};

/// The send side of a gateway, driven by the outbox dispatcher.
#[async_trait]
pub trait Gateway: Send + Sync + 'static {
    /// The channel's name, stored on outbox rows (`sim`, `twilio`, `smpp`, or a configured name).
    fn name(&self) -> &str;
    /// How many sends the dispatcher may have in flight at once.
    fn max_in_flight(&self) -> usize;
    /// Send one message; the gateway applies its own rate limit (segments per second) before sending.
    async fn send(&self, sms: &OutboundSms) -> Result<Accepted, SendError>;
    /// Whether the dispatcher should claim messages for it now (false: its peer does not answer;
    /// the messages wait in the queue, for another gateway of the same queue or for its return,
    /// without using up their attempts).
    async fn ready(&self) -> bool {
        true
    }
    /// The gateway's own name when it shares its queue with others (a phone of a pool): rows meant
    /// for it (what answers someone who wrote to it) are its own while it is up.
    fn phone(&self) -> Option<&str> {
        None
    }
    /// Whether its peer answered last time (no request is made).
    fn is_up(&self) -> bool {
        true
    }
    /// Stop cleanly: drain what is in flight, close connections.
    async fn shutdown(&self) {}
}

/// Errors the [`Sink`] reports to a gateway (the gateway answers its peer with a retryable error).
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// The sender's number could not be parsed.
    #[error("invalid phone number")]
    InvalidNumber,
    /// The store failed; the peer should retry.
    #[error("storage failure: {0}")]
    Store(String),
}

/// The application as gateways see it: where inbound messages and status updates go.
#[async_trait]
pub trait Sink: Send + Sync + 'static {
    /// Store an inbound SMS exactly once per (gateway, provider id) and let the engine handle it, in one
    /// transaction. Returns only after the result is durable.
    async fn inbound(&self, sms: InboundSms) -> Result<InboundOutcome, SinkError>;
    /// Apply status updates; a row never leaves a final state.
    async fn status(&self, updates: Vec<StatusUpdate>) -> Result<StatusOutcome, SinkError>;
    /// Mirror an opt-out (or opt-in) decided by the provider (Twilio's STOP handling, error 21610).
    async fn set_opted_out(&self, phone: &str, opted_out: bool) -> Result<(), SinkError>;
}

/// A channel's settings could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{channel}: {message}")]
pub struct ChannelError {
    /// The channel's name (or its section, when the name itself is the problem).
    pub channel: String,
    /// What is wrong, naming the field.
    pub message: String,
}

/// Reads and checks one channel's table; the second argument gives its `SMSUP_<KIND>_<FIELD>`
/// variables.
pub type ConfigureFn =
    fn(&toml::Table, &dyn Fn(&str) -> Option<String>) -> Result<Arc<dyn Configured>, String>;

/// One kind of channel (Twilio, SMPP, …): how its settings are read. Each kind is one folder
/// under `channels/` and one line of [`KINDS`].
pub struct Kind {
    /// The kind's name: its settings section (`[smpp]`, `[[smpp]]`), its environment prefix
    /// (`SMSUP_SMPP_…`) and the name of its single channel.
    pub name: &'static str,
    /// Fields whose values are text even when an environment variable gives only digits.
    pub text_fields: &'static [&'static str],
    /// Reads one channel's settings.
    pub configure: ConfigureFn,
}

/// A channel's checked settings, ready to start.
#[async_trait]
pub trait Configured: std::fmt::Debug + Send + Sync + Any {
    /// Start the channel `name`; inbound traffic goes to `sink`. Runs inside the runtime.
    fn start(&self, name: &str, sink: Arc<dyn Sink>) -> Result<Started, String>;
    /// The settings as their own type (for tests and diagnostics).
    fn as_any(&self) -> &dyn Any;
    /// The queue the channel `name` sends from and records its traffic under (outbox rows,
    /// inbound, receipts): its own name, or a pool several channels share (Android phones).
    fn queue(&self, name: &str) -> String {
        name.to_string()
    }
    /// For `smsup doctor`: try the credentials and the connection without sending anything; what
    /// was found, or what is wrong and what to do.
    async fn check(&self) -> Result<String, String> {
        Ok("settings read (no live check for this kind)".to_string())
    }
}

/// [`Kind::configure`]'s answer from a kind's own settings reader.
pub fn checked<T: Configured, E: std::fmt::Display>(
    read: Result<T, E>,
) -> Result<Arc<dyn Configured>, String> {
    read.map(|c| Arc::new(c) as Arc<dyn Configured>)
        .map_err(|e| e.to_string())
}

/// [`Configured::as_any`] for a kind's settings type.
macro_rules! as_any {
    () => {
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    };
}
pub(crate) use as_any;

/// What a started channel gives the application.
pub struct Started {
    /// The send side.
    pub gateway: Arc<dyn Gateway>,
    /// Inbound HTTP routes (webhooks), if the channel has any.
    pub routes: Option<Router>,
}

/// Every kind of channel SMS Up can run. Adding a gateway: a folder under `channels/` and a line here.
pub static KINDS: &[Kind] = &[twilio::KIND, smpp::KIND, android::KIND];

/// The settings sections that configure channels (`twilio`, `smpp`, …).
pub fn kinds() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|k| k.name)
}

/// Fields of any channel kind whose values are always text.
pub fn text_fields() -> impl Iterator<Item = &'static str> {
    KINDS.iter().flat_map(|k| k.text_fields.iter().copied())
}

/// The settings of one channel, checked before anything starts.
#[derive(Debug, Clone)]
pub struct ChannelConfig {
    /// The channel's name.
    pub name: String,
    /// Its kind ([`Kind::name`]).
    pub kind: &'static str,
    /// Its checked settings.
    pub settings: Arc<dyn Configured>,
}

impl ChannelConfig {
    /// The channel's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The settings as their own type, when they are of type `T`.
    pub fn settings_as<T: 'static>(&self) -> Option<&T> {
        self.settings.as_any().downcast_ref::<T>()
    }
}

/// A running channel.
pub struct Channel {
    /// Its name.
    pub name: String,
    /// Its kind: `sim` or one of [`KINDS`].
    pub kind: &'static str,
    /// The send side, driven by a dispatcher of its own.
    pub gateway: Arc<dyn Gateway>,
    /// Its inbound HTTP routes, if it has any (webhooks).
    pub routes: Option<Router>,
}

/// A channel name: letters, digits, `-` and `_`, at most 32 characters.
fn valid_name(name: &str) -> bool {
    (1..=32).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The tables of one section: `[kind]` is one channel named `kind`; `[[kind]]` is several, each
/// with its own `name`. The `name` key is taken out of each table.
fn tables(kind: &str, value: &toml::Value) -> Result<Vec<(String, toml::Table)>, ChannelError> {
    let err = |channel: &str, message: String| ChannelError {
        channel: channel.to_string(),
        message,
    };
    let one = |mut table: toml::Table, default: Option<&str>| {
        let name = match table.remove("name") {
            Some(toml::Value::String(n)) => n,
            Some(_) => return Err(err(kind, "name must be a string".into())),
            None => match default {
                Some(d) => d.to_string(),
                None => return Err(err(kind, format!("each [[{kind}]] needs a name"))),
            },
        };
        if !valid_name(&name) {
            return Err(err(
                kind,
                format!("channel name `{name}`: use 1-32 letters, digits, - or _"),
            ));
        }
        Ok((name, table))
    };
    match value {
        toml::Value::Table(t) => Ok(vec![one(t.clone(), Some(kind))?]),
        toml::Value::Array(items) => items
            .iter()
            .map(|item| match item {
                toml::Value::Table(t) => one(t.clone(), None),
                _ => Err(err(kind, format!("[[{kind}]] entries must be tables"))),
            })
            .collect(),
        _ => Err(err(kind, format!("[{kind}] must be a table"))),
    }
}

/// The environment a channel reads its secrets from: for the channel named after its kind, the
/// variables as they are (`SMSUP_SMPP_PASSWORD`); for a named one, `SMSUP_SMPP_<NAME>_PASSWORD` is
/// read where the gateway asks for `SMSUP_SMPP_PASSWORD`.
fn channel_env<'a>(
    settings: &'a Settings,
    kind: &str,
    name: &str,
) -> impl Fn(&str) -> Option<String> + 'a {
    let prefix = format!("SMSUP_{}_", kind.to_ascii_uppercase());
    let own =
        (name != kind).then(|| format!("{prefix}{}_", name.to_ascii_uppercase().replace('-', "_")));
    move |key: &str| match (&own, key.strip_prefix(&prefix)) {
        (Some(own), Some(field)) => settings.env.get(&format!("{own}{field}")).cloned(),
        _ => settings.env.get(key).cloned(),
    }
}

/// Every channel the settings configure, validated (a bad value stops the start with its name).
pub fn configure(settings: &Settings) -> Result<Vec<ChannelConfig>, ChannelError> {
    let mut out = Vec::new();
    for kind in KINDS {
        let Some(value) = settings.channels.get(kind.name) else {
            continue;
        };
        for (name, table) in tables(kind.name, value)? {
            let env = channel_env(settings, kind.name, &name);
            let configured = (kind.configure)(&table, &env).map_err(|message| ChannelError {
                channel: name.clone(),
                message: crate::config::redact(&message, false),
            })?;
            out.push(ChannelConfig {
                name,
                kind: kind.name,
                settings: configured,
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    for c in &out {
        if c.name() == crate::channels::sim::NAME || !seen.insert(c.name().to_string()) {
            return Err(ChannelError {
                channel: c.name().to_string(),
                message: "two channels have this name (and `sim` is the simulator's)".into(),
            });
        }
    }
    // A pool's name is no other channel's (its rows would be claimed by both).
    for c in &out {
        let queue = c.settings.queue(c.name());
        if queue != c.name() && (seen.contains(&queue) || queue == crate::channels::sim::NAME) {
            return Err(ChannelError {
                channel: c.name().to_string(),
                message: format!("pool `{queue}` has the name of a channel"),
            });
        }
    }
    Ok(out)
}

/// The channel that members without a channel of their own are sent through: the first configured
/// one, else the simulator.
pub fn default_channel(configs: &[ChannelConfig]) -> String {
    configs
        .first()
        .map(|c| c.settings.queue(c.name()))
        .unwrap_or_else(|| crate::channels::sim::NAME.to_string())
}

/// Start the configured channels; inbound traffic goes to `sink`. Must run inside the runtime.
pub fn start(configs: &[ChannelConfig], sink: Arc<dyn Sink>) -> Result<Vec<Channel>, ChannelError> {
    configs
        .iter()
        .map(|c| {
            let started =
                c.settings
                    .start(&c.name, sink.clone())
                    .map_err(|message| ChannelError {
                        channel: c.name.clone(),
                        message,
                    })?;
            Ok(Channel {
                name: c.name.clone(),
                kind: c.kind,
                gateway: started.gateway,
                routes: started.routes,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;

    #[test]
    fn one_table_or_several_named_channels_with_their_own_secrets() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("smsup.toml");
        std::fs::write(
            &file,
            "[[smpp]]\nname = \"kl1\"\nhost = \"127.0.0.1\"\nsystem_id = \"a\"\n\
             [[smpp]]\nname = \"kl-2\"\nhost = \"127.0.0.1\"\nsystem_id = \"b\"\n",
        )
        .unwrap();
        let env = vec![
            ("SMSUP_SMPP_KL1_PASSWORD".to_string(), "one".to_string()),
            ("SMSUP_SMPP_KL_2_PASSWORD".to_string(), "two".to_string()),
        ];
        let s = Settings::load(Some(&file), env, &Overrides::default()).unwrap();
        let configs = configure(&s).unwrap();
        let names: Vec<&str> = configs.iter().map(ChannelConfig::name).collect();
        assert_eq!(names, vec!["kl1", "kl-2"]);
        let passwords: Vec<String> = configs
            .iter()
            .map(|c| {
                c.settings_as::<smsup_smpp::SmppConfig>()
                    .unwrap()
                    .password
                    .clone()
            })
            .collect();
        assert_eq!(passwords, vec!["one", "two"]);
        assert_eq!(default_channel(&configs), "kl1");

        // A single table is one channel named after its kind, reading SMSUP_SMPP_PASSWORD.
        std::fs::write(&file, "[smpp]\nhost = \"127.0.0.1\"\nsystem_id = \"a\"\n").unwrap();
        let env = vec![("SMSUP_SMPP_PASSWORD".to_string(), "single".to_string())];
        let s = Settings::load(Some(&file), env, &Overrides::default()).unwrap();
        match &configure(&s).unwrap()[..] {
            [c] => {
                assert_eq!(c.name, "smpp");
                assert_eq!(c.kind, "smpp");
                let config = c.settings_as::<smsup_smpp::SmppConfig>().unwrap();
                assert_eq!(config.password, "single");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_must_be_given_valid_and_unique() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("smsup.toml");
        for (text, needle) in [
            ("[[smpp]]\nhost = \"h\"\nsystem_id = \"a\"\n", "needs a name"),
            ("[[smpp]]\nname = \"a b\"\nhost = \"h\"\nsystem_id = \"a\"\n", "letters"),
            (
                "[[smpp]]\nname = \"x\"\nhost = \"h\"\nsystem_id = \"a\"\n[[smpp]]\nname = \"x\"\nhost = \"h\"\nsystem_id = \"b\"\n",
                "two channels",
            ),
            ("[[smpp]]\nname = \"sim\"\nhost = \"h\"\nsystem_id = \"a\"\n", "two channels"),
        ] {
            std::fs::write(&file, text).unwrap();
            let s = Settings::load(Some(&file), vec![], &Overrides::default()).unwrap();
            let e = configure(&s).unwrap_err().to_string();
            assert!(e.contains(needle), "{text}: {e}");
        }
    }
}
