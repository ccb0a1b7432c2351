//! `smsup doctor`: one line per check of a deployment (settings, database, key, server, channels),
//! with what to do when a check fails. Safe while `serve` runs: it only reads.

use std::path::Path;
use std::time::Duration;

use crate::config::Settings;
use crate::crypto::Crypto;

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Fine.
    Ok,
    /// Works, but worth a look.
    Warn,
    /// Broken: `serve` would fail or lose something.
    Fail,
}

/// One check's result.
#[derive(Debug, Clone)]
pub struct Check {
    /// What was checked (`database`, `key`, `channel twilio`...).
    pub name: String,
    /// The outcome.
    pub status: Status,
    /// What was found, and for a warning or failure what to do.
    pub detail: String,
}

impl Check {
    fn new(name: impl Into<String>, status: Status, detail: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            status,
            detail: detail.into(),
        }
    }
}

impl std::fmt::Display for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tag = match self.status {
            Status::Ok => "ok  ",
            Status::Warn => "warn",
            Status::Fail => "FAIL",
        };
        write!(f, "{tag}  {}: {}", self.name, one_line(&self.detail))
    }
}

/// A message on one line: its lines joined with `; ` (doctor prints one line per check).
pub fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A write-ahead log larger than this is worth a warning (checkpoints are not keeping up, or a
/// reader holds one open).
const WAL_WARN_BYTES: u64 = 512 * 1024 * 1024;

/// Run every check of the deployment `settings` describe.
pub async fn run(settings: &Settings) -> Vec<Check> {
    let mut checks = vec![Check::new(
        "settings",
        Status::Ok,
        format!(
            "read; listen {}, database {}",
            settings.listen,
            settings.db.display()
        ),
    )];
    checks.push(database(&settings.db));
    if let Some(check) = list_names(&settings.db) {
        checks.push(check);
    }
    let (key_check, crypto) = key(settings);
    checks.push(key_check);
    if let Some(crypto) = &crypto {
        checks.push(key_and_database(&settings.db, crypto));
    }
    checks.push(server(settings).await);
    checks.extend(channels(settings, super::is_running(&settings.db)).await);
    checks
}

fn human(bytes: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    if bytes < 1024 * 1024 {
        format!("{:.0} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", bytes as f64 / MIB)
    }
}

fn database(db: &Path) -> Check {
    let name = "database";
    if !db.is_file() {
        return Check::new(
            name,
            Status::Fail,
            format!(
                "no database at {}: check --db (or SMSUP_DB, or db in the settings file); \
                 `smsup serve` creates a new one",
                db.display()
            ),
        );
    }
    let conn = match rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        Ok(c) => c,
        Err(e) => {
            return Check::new(
                name,
                Status::Fail,
                format!(
                    "{} cannot be opened ({e}): check its owner and mode",
                    db.display()
                ),
            )
        }
    };
    let _ = conn.busy_timeout(Duration::from_secs(10));
    let integrity: Result<String, _> = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0));
    match integrity {
        Ok(s) if s == "ok" => {}
        Ok(s) => {
            return Check::new(
                name,
                Status::Fail,
                format!(
                    "integrity check failed ({s}): stop serve and restore the latest backup \
                     (`smsup restore <file> --force`)"
                ),
            )
        }
        Err(e) => {
            return Check::new(
                name,
                Status::Fail,
                format!("{} is not a readable SQLite database ({e})", db.display()),
            )
        }
    }
    let known: Vec<i64> = crate::store::sqlite::MIGRATOR
        .iter()
        .map(|m| m.version)
        .collect();
    let applied: Vec<i64> = conn
        .prepare("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
        .and_then(|mut st| {
            st.query_map([], |r| r.get::<_, i64>(0))?
                .collect::<Result<Vec<i64>, _>>()
        })
        .unwrap_or_default();
    let unknown: Vec<i64> = applied
        .iter()
        .filter(|v| !known.contains(v))
        .copied()
        .collect();
    if !unknown.is_empty() {
        return Check::new(
            name,
            Status::Fail,
            format!(
                "written by a newer SMS Up (migrations {unknown:?} unknown to this binary, version {}): \
                 install that version again",
                crate::cli::VERSION
            ),
        );
    }
    let pending = known.iter().filter(|v| !applied.contains(v)).count();
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let wal_bytes = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
    let migrations = if pending == 0 {
        format!("all {} migrations applied", known.len())
    } else {
        format!(
            "{pending} of {} migrations to apply at the next start",
            known.len()
        )
    };
    let detail = format!(
        "{} ({}), {migrations}, integrity ok, write-ahead log {}",
        db.display(),
        human(size),
        human(wal_bytes)
    );
    if wal_bytes > WAL_WARN_BYTES {
        return Check::new(
            name,
            Status::Warn,
            format!(
                "{detail}: larger than {}; restart serve when quiet, and check the disk",
                human(WAL_WARN_BYTES)
            ),
        );
    }
    Check::new(
        name,
        if pending == 0 {
            Status::Ok
        } else {
            Status::Warn
        },
        detail,
    )
}

/// Lists whose names became command words of a language added since they were made: posts to
/// them would be read as that command. None when there is no database to read.
fn list_names(db: &Path) -> Option<Check> {
    let conn = rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    let names: Vec<String> = conn
        .prepare("SELECT name FROM lists ORDER BY id")
        .and_then(|mut st| {
            st.query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<String>, _>>()
        })
        .ok()?;
    let clashing: Vec<&String> = names
        .iter()
        .filter(|n| smsup_lang::is_reserved(&smsup_lang::normalize(n)))
        .collect();
    Some(if clashing.is_empty() {
        Check::new(
            "list names",
            Status::Ok,
            format!("{} lists, none named like a command", names.len()),
        )
    } else {
        Check::new(
            "list names",
            Status::Warn,
            format!(
                "{} named like a command word of a language added since: posts to them are read \
                 as that command; ask their owners to make a list with a new name",
                clashing
                    .iter()
                    .map(|n| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    })
}

fn key(settings: &Settings) -> (Check, Option<Crypto>) {
    let name = "key";
    if let Some(configured) = settings.key.as_deref() {
        return match Crypto::from_hex(configured) {
            Ok(c) => (
                Check::new(name, Status::Ok, "configured (SMSUP_KEY or key)"),
                Some(c),
            ),
            Err(_) => (
                Check::new(
                    name,
                    Status::Fail,
                    "the configured key is not 64 hex digits",
                ),
                None,
            ),
        };
    }
    let path = settings.key_path();
    let shown = path.display();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if !settings.db.is_file() {
                return (
                    Check::new(
                        name,
                        Status::Ok,
                        format!("no key file at {shown} yet: serve makes one with a new database"),
                    ),
                    None,
                );
            }
            return (
                Check::new(
                    name,
                    Status::Fail,
                    format!(
                        "no key file at {shown}: restore it from the backup kept with the database \
                         (a new key would make every stored number unreadable)"
                    ),
                ),
                None,
            );
        }
        Err(e) => {
            return (
                Check::new(
                    name,
                    Status::Fail,
                    format!("{shown} cannot be read ({e}): run serve as the file's owner"),
                ),
                None,
            )
        }
    };
    let crypto = match Crypto::from_hex(&text) {
        Ok(c) => c,
        Err(_) => {
            return (
                Check::new(
                    name,
                    Status::Fail,
                    format!(
                        "{shown} does not hold a key (64 hex digits): restore it from the backup"
                    ),
                ),
                None,
            )
        }
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(&path) {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return (
                    Check::new(
                        name,
                        Status::Fail,
                        format!(
                            "{shown} is readable by other users (mode {mode:o}): run chmod 600 {shown}"
                        ),
                    ),
                    Some(crypto),
                );
            }
        }
    }
    (
        Check::new(
            name,
            Status::Ok,
            format!("{shown}, readable only by its owner"),
        ),
        Some(crypto),
    )
}

fn key_and_database(db: &Path, crypto: &Crypto) -> Check {
    let name = "key matches database";
    if !db.is_file() {
        return Check::new(name, Status::Ok, "no database yet");
    }
    match super::key_matches(db, crypto) {
        Ok(Some(true)) => Check::new(name, Status::Ok, "the key opens the stored numbers"),
        Ok(None) => Check::new(name, Status::Ok, "the database holds no numbers yet"),
        Ok(Some(false)) => Check::new(
            name,
            Status::Fail,
            "the database was written with another key: use the key file created with it",
        ),
        Err(e) => Check::new(name, Status::Fail, e.to_string()),
    }
}

async fn server(settings: &Settings) -> Check {
    let name = "serve";
    if !super::is_running(&settings.db) {
        return Check::new(name, Status::Ok, "not running on this database");
    }
    let pid = std::fs::read_to_string(super::lock_path(&settings.db)).unwrap_or_default();
    let url = format!("http://{}/healthz", settings.listen);
    let answer = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .map_err(|e| e.to_string());
    let answer = match answer {
        Ok(http) => http.get(&url).send().await.map_err(|e| e.to_string()),
        Err(e) => Err(e),
    };
    match answer {
        Ok(r) if r.status().is_success() => Check::new(
            name,
            Status::Ok,
            format!("running (pid {}), {url} answers", pid.trim()),
        ),
        Ok(r) => Check::new(
            name,
            Status::Fail,
            format!(
                "running (pid {}), but {url} answers {}",
                pid.trim(),
                r.status()
            ),
        ),
        Err(_) => Check::new(
            name,
            Status::Warn,
            format!(
                "running (pid {}), but {url} does not answer: it may listen elsewhere (--listen)",
                pid.trim()
            ),
        ),
    }
}

/// The value of `smsup_channel_up` for a channel in a running serve's /metrics (None: not there).
async fn channel_up(settings: &Settings, channel: &str) -> Option<bool> {
    let url = format!("http://{}/metrics", settings.listen);
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .ok()?;
    let text = http.get(&url).send().await.ok()?.text().await.ok()?;
    let wanted = format!("channel=\"{channel}\"");
    let values: Vec<bool> = text
        .lines()
        .filter(|l| l.starts_with("smsup_channel_up{") && l.contains(&wanted))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .map(|v| v >= 1.0)
        .collect();
    (!values.is_empty()).then(|| values.iter().all(|up| *up))
}

async fn channels(settings: &Settings, serving: bool) -> Vec<Check> {
    let configs = match crate::channels::configure(settings) {
        Ok(c) => c,
        Err(e) => {
            return vec![Check::new(
                format!("channel {}", e.channel),
                Status::Fail,
                e.message,
            )]
        }
    };
    if configs.is_empty() {
        return vec![Check::new(
            "channels",
            Status::Warn,
            "none configured: serve runs the phone simulator only",
        )];
    }
    let mut out = Vec::new();
    for config in configs {
        let name = format!("channel {} ({})", config.name, config.kind);
        // A running serve holds the SMPP bind: a second one could be refused (ESME_RALYBND) or
        // make the SMSC drop serve's. Ask serve instead.
        if serving && config.kind == "smpp" {
            out.push(match channel_up(settings, &config.name).await {
                Some(true) => Check::new(name, Status::Ok, "serve's binds are up (not binding a second time)"),
                Some(false) => Check::new(
                    name,
                    Status::Fail,
                    "one of serve's binds is down: see serve's log for the SMSC's answer",
                ),
                None => Check::new(
                    name,
                    Status::Warn,
                    "serve runs but its /metrics does not show this bind (give doctor serve's --listen)",
                ),
            });
            continue;
        }
        let result = tokio::time::timeout(Duration::from_secs(20), config.settings.check()).await;
        out.push(match result {
            Ok(Ok(detail)) => Check::new(name, Status::Ok, detail),
            Ok(Err(detail)) => Check::new(name, Status::Fail, detail),
            Err(_) => Check::new(name, Status::Fail, "no answer within 20 s"),
        });
    }
    out
}
