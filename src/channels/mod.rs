//! Channels as data: each configured way of reaching phones is a [`Channel`] with a name (stored on
//! every outbox row, inbound row and status update), a kind, its inbound routes and its send side.
//! [`configure`] reads them all from the settings (`[smpp]` is one channel named `smpp`; `[[smpp]]`
//! tables are several, each with a `name`), [`start`] builds them. A new kind of gateway is one
//! module under `gateways/` plus one arm in each of these two functions.

use std::sync::Arc;

use axum::Router;

use crate::config::Settings;
use crate::gateways::{smpp, twilio, Gateway, Sink};

/// A channel's settings could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{channel}: {message}")]
pub struct ChannelError {
    /// The channel's name (or its section, when the name itself is the problem).
    pub channel: String,
    /// What is wrong, naming the field.
    pub message: String,
}

/// The settings of one channel, checked before anything starts.
#[derive(Debug, Clone)]
pub enum ChannelConfig {
    /// A Twilio account and its numbers or messaging service.
    Twilio {
        /// Channel name.
        name: String,
        /// Validated settings.
        config: smsup_twilio::TwilioConfig,
    },
    /// One SMPP bind.
    Smpp {
        /// Channel name.
        name: String,
        /// Validated settings.
        config: smsup_smpp::SmppConfig,
    },
}

impl ChannelConfig {
    /// The channel's name.
    pub fn name(&self) -> &str {
        match self {
            ChannelConfig::Twilio { name, .. } | ChannelConfig::Smpp { name, .. } => name,
        }
    }
}

/// A running channel.
pub struct Channel {
    /// Its name.
    pub name: String,
    /// `twilio`, `smpp` or `sim`.
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
    if let Some(value) = &settings.twilio {
        for (name, table) in tables(twilio::NAME, value)? {
            let config = twilio::config_from_table(&table, channel_env(settings, "twilio", &name))
                .map_err(|e| ChannelError {
                    channel: name.clone(),
                    message: e.to_string(),
                })?;
            out.push(ChannelConfig::Twilio { name, config });
        }
    }
    if let Some(value) = &settings.smpp {
        for (name, table) in tables(smpp::NAME, value)? {
            let config = smpp::config_from_table(&table, channel_env(settings, "smpp", &name))
                .map_err(|e| ChannelError {
                    channel: name.clone(),
                    message: e.to_string(),
                })?;
            out.push(ChannelConfig::Smpp { name, config });
        }
    }
    let mut seen = std::collections::HashSet::new();
    for c in &out {
        if c.name() == crate::gateways::sim::NAME || !seen.insert(c.name().to_string()) {
            return Err(ChannelError {
                channel: c.name().to_string(),
                message: "two channels have this name (and `sim` is the simulator's)".into(),
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
        .map(|c| c.name().to_string())
        .unwrap_or_else(|| crate::gateways::sim::NAME.to_string())
}

/// Start the configured channels; inbound traffic goes to `sink`. Must run inside the runtime.
pub fn start(configs: &[ChannelConfig], sink: Arc<dyn Sink>) -> Result<Vec<Channel>, ChannelError> {
    let mut out = Vec::new();
    for c in configs {
        let err = |message: String| ChannelError {
            channel: c.name().to_string(),
            message,
        };
        match c {
            ChannelConfig::Twilio { name, config } => {
                let gateway = twilio::TwilioGateway::named(name, config.clone())
                    .map_err(|e| err(e.to_string()))?;
                let routes = twilio::routes(twilio::TwilioState::named(name, config, sink.clone()));
                out.push(Channel {
                    name: name.clone(),
                    kind: "twilio",
                    gateway: Arc::new(gateway),
                    routes: Some(routes),
                });
            }
            ChannelConfig::Smpp { name, config } => {
                let gateway = smpp::SmppGateway::start_named(name, config.clone(), sink.clone())
                    .map_err(|e| err(e.to_string()))?;
                out.push(Channel {
                    name: name.clone(),
                    kind: "smpp",
                    gateway: Arc::new(gateway),
                    routes: None,
                });
            }
        }
    }
    Ok(out)
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
            .map(|c| match c {
                ChannelConfig::Smpp { config, .. } => config.password.clone(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(passwords, vec!["one", "two"]);
        assert_eq!(default_channel(&configs), "kl1");

        // A single table is one channel named after its kind, reading SMSUP_SMPP_PASSWORD.
        std::fs::write(&file, "[smpp]\nhost = \"127.0.0.1\"\nsystem_id = \"a\"\n").unwrap();
        let env = vec![("SMSUP_SMPP_PASSWORD".to_string(), "single".to_string())];
        let s = Settings::load(Some(&file), env, &Overrides::default()).unwrap();
        match &configure(&s).unwrap()[..] {
            [ChannelConfig::Smpp { name, config }] => {
                assert_eq!(name, "smpp");
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
