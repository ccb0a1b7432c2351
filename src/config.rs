//! Typed settings: command-line flags > environment (`SMSUP_*`) > TOML file > defaults.

use std::path::{Path, PathBuf};

use figment::providers::{Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};

/// Sections of the TOML file besides the channels' ([`crate::channels::kinds`]);
/// `SMSUP_<SECTION>_<KEY>` in the environment sets `<section>.<key>`.
const SECTIONS: [&str; 6] = [
    "limits",
    "sim",
    "dispatcher",
    "carrier_rules",
    "members",
    "alerts",
];

/// Top-level settings that `SMSUP_<KEY>` may set; other `SMSUP_*` variables (`SMSUP_LOG`) are not settings.
const TOP_LEVEL: [&str; 11] = [
    "listen",
    "tls_listen",
    "tls_cert",
    "tls_key",
    "db",
    "key",
    "key_file",
    "default_region",
    "default_language",
    "smart_encoding",
    "local_country_language",
];

/// A setting is missing or malformed.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The layered settings could not be read into their types; the message names the setting.
    #[error("configuration: {0}")]
    Invalid(String),
}

impl From<figment::Error> for ConfigError {
    fn from(e: figment::Error) -> Self {
        let secret = e.path.iter().any(|k| is_secret_key(k));
        ConfigError::Invalid(redact(&e.to_string(), secret))
    }
}

/// Settings whose values are secrets: never repeated in an error message.
const SECRET_KEYS: [&str; 6] = [
    "key",
    "password",
    "auth_token",
    "webhook_shared_keys",
    "signing_key",
    "api_key",
];

fn is_secret_key(key: &str) -> bool {
    SECRET_KEYS.contains(&key.to_ascii_lowercase().as_str())
}

/// An error message about settings that repeats no secret: the lines of a TOML parser's excerpt of
/// the file (`5 | password = "...`) are left out, and when the message is about a secret setting
/// (or names one) every quoted value in it is replaced by `***`.
pub fn redact(message: &str, secret: bool) -> String {
    // `smpp.password: invalid type ...`: the message is about the setting its path names.
    // `smpp: password: invalid type ...`: a path before the text, segment by segment.
    let secret = secret
        || message
            .split(": ")
            .take_while(|part| !part.trim().contains(' '))
            .any(|part| part.trim().rsplit('.').next().is_some_and(is_secret_key));
    let kept: Vec<&str> = message
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            let excerpt = t.starts_with('|')
                || t.split_once('|').is_some_and(|(n, _)| {
                    !n.trim().is_empty() && n.trim().bytes().all(|b| b.is_ascii_digit())
                });
            !excerpt && !t.is_empty()
        })
        .collect();
    let text = kept.join("; ");
    if !secret {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => {
                out.push_str("***");
                out.push(c);
                quote = None;
            }
            Some(_) => {}
            None => {
                out.push(c);
                if c == '`' || c == '"' {
                    quote = Some(c);
                }
            }
        }
    }
    if quote.is_some() {
        out.push_str("***");
    }
    out
}

/// All of SMS Up's settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Address the HTTP server listens on.
    pub listen: String,
    /// Address of an HTTPS listener as well (Android phones post webhooks to `https://` only).
    pub tls_listen: Option<String>,
    /// The HTTPS listener's certificate chain (PEM), e.g. from `smsup tls lan-cert`.
    pub tls_cert: Option<PathBuf>,
    /// The HTTPS listener's private key (PEM).
    pub tls_key: Option<PathBuf>,
    /// Path of the SQLite database.
    pub db: PathBuf,
    /// The master key for phone numbers at rest (64 hex digits). Without it a key file is used.
    pub key: Option<String>,
    /// Where the key file lives; default: beside the database, `<db>.key`.
    pub key_file: Option<PathBuf>,
    /// Region for numbers typed without a country code (ISO 3166 alpha-2).
    pub default_region: String,
    /// Language of replies when nothing else tells (ISO 639-1).
    pub default_language: String,
    /// Replace look-alike punctuation so that texts stay in GSM-7 (replies and posts).
    pub smart_encoding: bool,
    /// Numbers of the deployment's own country (`default_region`) get replies in that country's
    /// language (true), or in `default_language` (false, the default: refugees hold local SIMs).
    pub local_country_language: bool,
    /// Abuse limits and post rules.
    pub limits: Limits,
    /// Security alerts (ALERT): how many a list may send, how long they may wait.
    pub alerts: AlertSettings,
    /// What the networks block, checked before a post fans out.
    pub carrier_rules: CarrierRulesSettings,
    /// Members' upkeep: re-confirmation of silent numbers.
    pub members: MembersSettings,
    /// How long message texts are kept.
    pub privacy: PrivacySettings,
    /// The built-in phone simulator.
    pub sim: SimSettings,
    /// The outbox dispatcher.
    pub dispatcher: DispatcherSettings,
    /// The channels' sections by kind: `[twilio]` (one channel named `twilio`) or `[[twilio]]`
    /// tables (several, each with a `name`), the same for `smpp`, …, read by [`crate::channels`].
    /// Any other key is refused as unknown.
    #[serde(flatten)]
    pub channels: std::collections::BTreeMap<String, toml::Value>,
    /// The `SMSUP_*` environment the settings were loaded with: channels read their secrets from it
    /// (`SMSUP_SMPP_PASSWORD`, or `SMSUP_SMPP_<NAME>_PASSWORD` for one of several).
    #[serde(skip)]
    pub env: std::collections::BTreeMap<String, String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            listen: "127.0.0.1:8080".into(),
            tls_listen: None,
            tls_cert: None,
            tls_key: None,
            db: PathBuf::from("./smsup.db"),
            key: None,
            key_file: None,
            default_region: "MY".into(),
            default_language: "en".into(),
            smart_encoding: true,
            local_country_language: false,
            limits: Limits::default(),
            alerts: AlertSettings::default(),
            carrier_rules: CarrierRulesSettings::default(),
            members: MembersSettings::default(),
            privacy: PrivacySettings::default(),
            sim: SimSettings::default(),
            dispatcher: DispatcherSettings::default(),
            channels: Default::default(),
            env: Default::default(),
        }
    }
}

/// Abuse limits and post rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Longest post, in SMS segments as the recipients receive it.
    pub max_post_segments: u32,
    /// Posts one sender may make per hour, over all lists.
    pub posts_per_sender_per_hour: u32,
    /// Segments a list may send per day (recipients × segments); 0 means no limit.
    pub list_segments_per_day: u64,
    /// Send the poster a confirmation with the number of recipients.
    pub confirm_posts: bool,
    /// Lists one number may create in 24 hours.
    pub lists_per_number_per_day: u32,
    /// Invitations (ADD) one number may send per hour.
    pub invites_per_sender_per_hour: u32,
    /// Invitations (ADD) one number may send per 24 hours.
    pub invites_per_sender_per_day: u32,
    /// Days before the same number may be invited to the same list again.
    pub reinvite_days: u32,
    /// Replies one number may receive per minute; a flood beyond it gets silence.
    pub replies_per_number_per_minute: u32,
    /// Moves to a new number (MOVE) one number may ask for per 24 hours.
    pub moves_per_number_per_day: u32,
    /// Messages one number outside a list may send to its help line per hour.
    pub outside_per_list_per_hour: u32,
    /// Days a join request to a private list, and a help request's code, stay open.
    pub request_days: u32,
    /// Private messages (TO) one member may send per hour.
    pub private_per_sender_per_hour: u32,
}

impl Default for Limits {
    /// The engine's defaults, which are written in one place ([`crate::engine::Rules`]).
    fn default() -> Self {
        let r = crate::engine::Rules::default();
        Limits {
            max_post_segments: r.max_post_segments,
            posts_per_sender_per_hour: r.posts_per_sender_per_hour,
            list_segments_per_day: r.list_segments_per_day,
            confirm_posts: r.confirm_posts,
            lists_per_number_per_day: r.lists_per_number_per_day,
            invites_per_sender_per_hour: r.invites_per_sender_per_hour,
            invites_per_sender_per_day: r.invites_per_sender_per_day,
            reinvite_days: r.reinvite_days,
            replies_per_number_per_minute: r.replies_per_number_per_minute,
            moves_per_number_per_day: r.moves_per_number_per_day,
            outside_per_list_per_hour: r.outside_per_list_per_hour,
            private_per_sender_per_hour: r.private_per_sender_per_hour,
            request_days: r.request_days,
        }
    }
}

/// Security alerts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlertSettings {
    /// Minutes an alert's message may wait to be sent; after that it expires (never delivered
    /// late), and the carrier is told the same validity.
    pub expire_minutes: u32,
    /// Alerts one list may send per hour.
    pub per_list_per_hour: u32,
    /// Minutes after which an alert's sender gets its reach report by SMS, if 95% of its messages
    /// were not delivered (or all of them settled) before.
    pub report_after_minutes: u32,
}

impl Default for AlertSettings {
    /// The engine's defaults ([`crate::engine::Rules`]).
    fn default() -> Self {
        let r = crate::engine::Rules::default();
        AlertSettings {
            expire_minutes: r.alert_expire_minutes,
            per_list_per_hour: r.alerts_per_list_per_hour,
            report_after_minutes: 5,
        }
    }
}

/// The carrier content rules: posts with what the networks block are not relayed, and their sender
/// is told why.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CarrierRulesSettings {
    /// The country whose rules apply (`MY`), or `none`; default: `default_region`.
    pub country: Option<String>,
    /// Domains registered with the carriers, whose links may be posted (`example.org`).
    pub allowed_domains: Vec<String>,
}

/// Members' upkeep.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MembersSettings {
    /// Days without an SMS from a member, and with their messages no longer delivered, before
    /// they are asked whether they are still there; 0 (the default) never asks.
    pub reconfirm_days: u32,
    /// Days to answer before a member who was asked is paused (gets no posts; nothing is deleted).
    pub reconfirm_wait_days: u32,
}

impl Default for MembersSettings {
    fn default() -> Self {
        MembersSettings {
            reconfirm_days: 0,
            reconfirm_wait_days: 7,
        }
    }
}

/// What is kept of people's words.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrivacySettings {
    /// Days the texts of inbound and outbound messages and of help requests are kept; older ones
    /// are erased hourly (states, counts and timings stay for statistics). 0 keeps them.
    pub retention_days: u32,
}

impl Default for PrivacySettings {
    fn default() -> Self {
        PrivacySettings { retention_days: 30 }
    }
}

/// The built-in phone simulator.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SimSettings {
    /// On or off; by default on when no real gateway is configured.
    pub enabled: Option<bool>,
    /// Simulated carrier speed in segments per second; 0 means as fast as possible.
    pub segments_per_second: u32,
}

/// The outbox dispatcher.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DispatcherSettings {
    /// Rows claimed per round trip to the database.
    pub batch: u32,
    /// Seconds a claimed row stays leased before another worker may take it.
    pub lease_seconds: u32,
    /// Attempts before a transient failure becomes final.
    pub max_attempts: u32,
    /// First retry delay in milliseconds; doubles each attempt.
    pub retry_base_ms: u64,
    /// Longest retry delay in milliseconds.
    pub retry_max_ms: u64,
}

impl Default for DispatcherSettings {
    fn default() -> Self {
        DispatcherSettings {
            batch: 500,
            lease_seconds: 60,
            max_attempts: 8,
            retry_base_ms: 2_000,
            retry_max_ms: 600_000,
        }
    }
}

/// Values given on the command line, which override everything else.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--listen`.
    pub listen: Option<String>,
    /// `--db`.
    pub db: Option<PathBuf>,
    /// `--sim`.
    pub sim: bool,
}

impl Settings {
    /// Layer defaults, the TOML file (if given, it must exist), the environment and the flags.
    pub fn load(
        config_file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
        overrides: &Overrides,
    ) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        // Channel sections written as arrays of tables (`[[smpp]]`) take their environment per
        // channel when the channels are built, not through the file's layering.
        let mut arrays: Vec<&str> = Vec::new();
        if let Some(path) = config_file {
            if let Some(file) = std::fs::read_to_string(path)
                .ok()
                .and_then(|t| t.parse::<toml::Table>().ok())
            {
                for section in crate::channels::kinds() {
                    if file.get(section).is_some_and(toml::Value::is_array) {
                        arrays.push(section);
                    }
                }
            }
        }
        if let Some(path) = config_file {
            if !path.exists() {
                return Err(ConfigError::Invalid(format!(
                    "config file {} does not exist",
                    path.display()
                )));
            }
            figment = figment.merge(Toml::file_exact(path));
        }
        let env: std::collections::BTreeMap<String, String> = env
            .into_iter()
            .filter(|(k, _)| k.starts_with("SMSUP_"))
            .collect();
        let vars: Vec<(String, String)> = env
            .iter()
            .filter_map(|(k, v)| {
                let key = k.strip_prefix("SMSUP_")?.to_ascii_lowercase();
                env_key(&key)
                    .filter(|key| !arrays.iter().any(|a| key.starts_with(&format!("{a}."))))
                    .map(|key| (key, v.clone()))
            })
            .collect();
        for (key, value) in vars {
            // A key, a password or a number to send from is text even when it is all digits.
            let value = if string_valued(&key) {
                toml::Value::String(value)
            } else {
                parse_env_value(&value)
            };
            figment = figment.merge(Serialized::global(&key, value));
        }
        if let Some(listen) = &overrides.listen {
            figment = figment.merge(Serialized::global("listen", listen));
        }
        if let Some(db) = &overrides.db {
            figment = figment.merge(Serialized::global("db", db));
        }
        if overrides.sim {
            figment = figment.merge(Serialized::global("sim.enabled", true));
        }
        let mut settings: Settings = figment.extract()?;
        settings.env = env;
        settings.db = database_path(&settings.db)?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if let Some(unknown) = self
            .channels
            .keys()
            .find(|k| !crate::channels::kinds().any(|kind| kind == k.as_str()))
        {
            return Err(ConfigError::Invalid(format!(
                "unknown setting `{unknown}` (settings are listen, db, key, key_file, default_region, \
                 default_language, smart_encoding, [limits], [sim], [dispatcher] and the channels {})",
                crate::channels::kinds()
                    .map(|k| format!("[{k}]"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        if self.listen.parse::<std::net::SocketAddr>().is_err() {
            return Err(ConfigError::Invalid(format!(
                "listen: `{}` is not an address such as 127.0.0.1:8080",
                self.listen
            )));
        }
        if phonenumber_region_ok(&self.default_region).is_none() {
            return Err(ConfigError::Invalid(format!(
                "default_region: `{}` is not a country code such as MY",
                self.default_region
            )));
        }
        if smsup_lang::Lang::from_code(&self.default_language).is_none() {
            return Err(ConfigError::Invalid(format!(
                "default_language: `{}` is not one of en, ms, my, fa, ar, so, ur",
                self.default_language
            )));
        }
        if let Some(country) = &self.carrier_rules.country {
            if !country.eq_ignore_ascii_case("none")
                && crate::engine::carrier::RuleSet::for_country(country).is_none()
            {
                return Err(ConfigError::Invalid(format!(
                    "carrier_rules.country: no rules are known for `{country}`; use MY or none"
                )));
            }
        }
        if self.limits.max_post_segments == 0 {
            return Err(ConfigError::Invalid(
                "limits.max_post_segments must be at least 1".into(),
            ));
        }
        // Twilio's ValidityPeriod is at most 36,000 s (600 minutes); 0 would expire every alert.
        if !(1..=600).contains(&self.alerts.expire_minutes) {
            return Err(ConfigError::Invalid(
                "alerts.expire_minutes must be 1 to 600 (Twilio's longest validity is 10 hours)"
                    .into(),
            ));
        }
        match (&self.tls_listen, &self.tls_cert, &self.tls_key) {
            (None, None, None) | (Some(_), Some(_), Some(_)) => {}
            _ => {
                return Err(ConfigError::Invalid(
                    "tls_listen, tls_cert and tls_key go together (smsup tls lan-cert makes a certificate)"
                        .into(),
                ))
            }
        }
        if !(1..=1440).contains(&self.alerts.report_after_minutes) {
            return Err(ConfigError::Invalid(
                "alerts.report_after_minutes must be 1 to 1440 (a day)".into(),
            ));
        }
        if self.dispatcher.batch == 0 || self.dispatcher.lease_seconds == 0 {
            return Err(ConfigError::Invalid(
                "dispatcher.batch and dispatcher.lease_seconds must be at least 1".into(),
            ));
        }
        Ok(())
    }

    /// The key file path: configured, or `<db>.key` beside the database.
    pub fn key_path(&self) -> PathBuf {
        self.key_file.clone().unwrap_or_else(|| {
            let mut name = self.db.as_os_str().to_owned();
            name.push(".key");
            PathBuf::from(name)
        })
    }

    /// The carrier rules in force: `carrier_rules.country`, else those of `default_region` (none
    /// when SMS Up knows no rules for it).
    pub fn carrier(&self) -> crate::engine::carrier::CarrierRules {
        let country = self
            .carrier_rules
            .country
            .as_deref()
            .unwrap_or(&self.default_region);
        crate::engine::carrier::CarrierRules {
            rules: crate::engine::carrier::RuleSet::for_country(country),
            allowed_domains: self.carrier_rules.allowed_domains.clone(),
        }
    }

    /// The deployment's default reply language.
    pub fn language(&self) -> smsup_lang::Lang {
        smsup_lang::Lang::from_code(&self.default_language).unwrap_or(smsup_lang::Lang::En)
    }

    /// Whether the simulator runs: explicitly set, or on when no real gateway is configured.
    pub fn sim_enabled(&self) -> bool {
        self.sim.enabled.unwrap_or(self.channels.is_empty())
    }
}

fn phonenumber_region_ok(region: &str) -> Option<()> {
    use std::str::FromStr;
    phonenumber::country::Id::from_str(&region.to_ascii_uppercase())
        .ok()
        .map(|_| ())
}

/// Map an environment variable name (after `SMSUP_`, lower-cased) to a settings key.
fn env_key(key: &str) -> Option<String> {
    match key {
        "config" => None,
        "sim" => Some("sim.enabled".into()),
        _ => {
            for section in SECTIONS.into_iter().chain(crate::channels::kinds()) {
                if let Some(rest) = key.strip_prefix(section).and_then(|r| r.strip_prefix('_')) {
                    return Some(format!("{section}.{rest}"));
                }
            }
            TOP_LEVEL.contains(&key).then(|| key.to_string())
        }
    }
}

/// The SQLite file a `db` setting names: a path, or a `sqlite://` / `sqlite:` URL of one. A
/// `postgres://` URL is refused for now, with the reason (SQLite is the one backend so far).
pub fn database_path(db: &Path) -> Result<PathBuf, ConfigError> {
    let text = db.to_string_lossy();
    if let Some(rest) = text
        .strip_prefix("sqlite://")
        .or_else(|| text.strip_prefix("sqlite:"))
    {
        let path = rest.split('?').next().unwrap_or(rest);
        if path.is_empty() {
            return Err(ConfigError::Invalid(format!(
                "db: `{text}` names no file (sqlite://./smsup.db)"
            )));
        }
        return Ok(PathBuf::from(path));
    }
    if text.starts_with("postgres://") || text.starts_with("postgresql://") {
        return Err(ConfigError::Invalid(
            "db: PostgreSQL is not supported yet; use a SQLite file path or sqlite:// URL".into(),
        ));
    }
    if text.contains("://") {
        return Err(ConfigError::Invalid(format!(
            "db: `{text}`: expected a file path or a sqlite:// URL"
        )));
    }
    Ok(db.to_path_buf())
}

/// Settings whose values are always text, also when an environment variable gives only digits
/// (`SMSUP_KEY`, `SMSUP_SMPP_PASSWORD`, `SMSUP_SMPP_SOURCE_ADDR`).
fn string_valued(key: &str) -> bool {
    let last = key.rsplit('.').next().unwrap_or(key);
    (TOP_LEVEL.contains(&last) && !matches!(last, "smart_encoding" | "local_country_language"))
        || crate::channels::text_fields().any(|f| f == last)
}

/// Environment values are typed like TOML values when they parse as one (numbers, booleans).
fn parse_env_value(value: &str) -> toml::Value {
    let trimmed = value.trim();
    if let Ok(b) = trimmed.parse::<bool>() {
        return toml::Value::Boolean(b);
    }
    if let Ok(i) = trimmed.parse::<i64>() {
        return toml::Value::Integer(i);
    }
    if trimmed.starts_with('[') || (trimmed.contains('.') && trimmed.parse::<f64>().is_ok()) {
        // Arrays (`["+6011", "+6012"]`) and floats, written as TOML.
        if let Some(v) = format!("v = {trimmed}")
            .parse::<toml::Table>()
            .ok()
            .and_then(|mut t| t.remove("v"))
        {
            return v;
        }
    }
    toml::Value::String(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str) -> PathBuf {
        let p = dir.join("smsup.toml");
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn defaults() {
        let s = Settings::load(None, vec![], &Overrides::default()).unwrap();
        assert_eq!(s.listen, "127.0.0.1:8080");
        assert_eq!(s.limits.max_post_segments, 6);
        assert!(s.sim_enabled());
        assert_eq!(s.key_path(), PathBuf::from("./smsup.db.key"));
    }

    #[test]
    fn flag_beats_env_beats_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = write(
            dir.path(),
            "listen = \"127.0.0.1:1000\"\ndb = \"file.db\"\n[limits]\nmax_post_segments = 3\nposts_per_sender_per_hour = 5\n",
        );
        let env = vec![
            ("SMSUP_LISTEN".to_string(), "127.0.0.1:2000".to_string()),
            (
                "SMSUP_LIMITS_MAX_POST_SEGMENTS".to_string(),
                "4".to_string(),
            ),
            ("HOME".to_string(), "/root".to_string()),
            ("SMSUP_LOG".to_string(), "debug".to_string()),
        ];
        let over = Overrides {
            listen: Some("127.0.0.1:3000".into()),
            ..Default::default()
        };
        let s = Settings::load(Some(&file), env, &over).unwrap();
        assert_eq!(s.listen, "127.0.0.1:3000");
        assert_eq!(s.limits.max_post_segments, 4);
        assert_eq!(s.limits.posts_per_sender_per_hour, 5);
        assert_eq!(s.db, PathBuf::from("file.db"));
    }

    #[test]
    fn secrets_from_env_reach_gateway_tables() {
        let dir = tempfile::tempdir().unwrap();
        let file = write(dir.path(), "[twilio]\naccount_sid = \"AC1\"\n");
        let env = vec![("SMSUP_TWILIO_AUTH_TOKEN".to_string(), "secret".to_string())];
        let s = Settings::load(Some(&file), env, &Overrides::default()).unwrap();
        let t = s.channels.get("twilio").unwrap();
        assert_eq!(t["auth_token"].as_str(), Some("secret"));
        assert_eq!(t["account_sid"].as_str(), Some("AC1"));
        assert!(!s.sim_enabled(), "a real gateway turns the simulator off");
    }

    #[test]
    fn db_is_a_path_or_a_url() {
        let load = |db: &str| {
            Settings::load(
                None,
                vec![("SMSUP_DB".to_string(), db.to_string())],
                &Overrides::default(),
            )
        };
        assert_eq!(load("./a.db").unwrap().db, PathBuf::from("./a.db"));
        assert_eq!(load("sqlite://./b.db").unwrap().db, PathBuf::from("./b.db"));
        assert_eq!(
            load("sqlite:/tmp/c.db?mode=rwc").unwrap().db,
            PathBuf::from("/tmp/c.db")
        );
        let e = load("postgres://postgres@127.0.0.1/smsup")
            .unwrap_err()
            .to_string();
        assert!(e.contains("PostgreSQL"), "{e}");
        assert!(load("mysql://x").is_err());
        assert!(load("sqlite://").is_err());
    }

    #[test]
    fn secrets_of_digits_stay_text() {
        let key = "1".repeat(64);
        let env = vec![
            ("SMSUP_KEY".to_string(), key.clone()),
            ("SMSUP_SMPP_PASSWORD".to_string(), "123456".to_string()),
        ];
        let s = Settings::load(None, env, &Overrides::default()).unwrap();
        assert_eq!(s.key.as_deref(), Some(key.as_str()));
        let smpp = s.channels.get("smpp").unwrap();
        assert_eq!(smpp["password"].as_str(), Some("123456"));
    }

    #[test]
    fn malformed_values_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = write(dir.path(), "[limits]\nmax_post_segments = \"many\"\n");
        let err = Settings::load(Some(&file), vec![], &Overrides::default()).unwrap_err();
        assert!(err.to_string().contains("max_post_segments"), "{err}");
        let err = Settings::load(
            None,
            vec![("SMSUP_DEFAULT_REGION".into(), "XX".into())],
            &Overrides::default(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("default_region"), "{err}");
        let err = Settings::load(
            Some(&dir.path().join("none.toml")),
            vec![],
            &Overrides::default(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn unknown_settings_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        for (text, needle) in [
            ("listn = \"127.0.0.1:9\"\n", "unknown setting `listn`"),
            (
                "[twillio]\naccount_sid = \"AC1\"\n",
                "unknown setting `twillio`",
            ),
            ("[limits]\nmax_posts = 3\n", "max_posts"),
        ] {
            let file = write(dir.path(), text);
            let err = Settings::load(Some(&file), vec![], &Overrides::default()).unwrap_err();
            assert!(err.to_string().contains(needle), "{text}: {err}");
        }
        // Every registered kind is a section, and configuring one turns the simulator off.
        for kind in crate::channels::kinds() {
            let file = write(dir.path(), &format!("[{kind}]\n"));
            let s = Settings::load(Some(&file), vec![], &Overrides::default()).unwrap();
            assert!(s.channels.contains_key(kind), "{kind}");
            assert!(!s.sim_enabled(), "{kind}");
        }
    }
}
