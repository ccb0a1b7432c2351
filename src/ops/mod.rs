//! Operator commands beside `serve`: the one-server lock, `backup`, `restore` and `doctor`.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::crypto::Crypto;

pub mod doctor;

/// What an operator command could not do.
#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    /// A `smsup serve` holds the database.
    #[error(
        "a running smsup serve uses {0}: stop it first (systemctl stop smsup, or Ctrl-C where it runs)"
    )]
    Running(String),
    /// The target exists and `--force` was not given.
    #[error("{0} exists: give --force to replace it (take a backup of it first)")]
    Exists(String),
    /// The backup file is not a sound SMS Up database.
    #[error("{path} is not a usable SMS Up backup: {reason}")]
    BadBackup {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// The key does not open the backup's phone numbers.
    #[error(
        "the backup {0} was written with another key: put the key file kept with that backup at the \
         configured key path (or set SMSUP_KEY to it), then restore again"
    )]
    WrongKey(String),
    /// SQLite failed.
    #[error("database {path}: {source}")]
    Sqlite {
        /// The file.
        path: String,
        /// The cause.
        source: rusqlite::Error,
    },
    /// A file operation failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OpsError + '_ {
    move |source| OpsError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn sqlite(path: &Path) -> impl FnOnce(rusqlite::Error) -> OpsError + '_ {
    move |source| OpsError::Sqlite {
        path: path.display().to_string(),
        source,
    }
}

/// The lock file beside a database: `<db>.lock`.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// The exclusive lock `serve` holds on its database for as long as it runs (one server per SQLite
/// database; `restore` and a second `serve` see it). Released when dropped or when the process
/// dies, however it dies.
#[derive(Debug)]
pub struct ServeLock {
    _file: File,
}

impl ServeLock {
    /// Take the lock of `db`, or fail with [`OpsError::Running`] when another process holds it.
    pub fn acquire(db: &Path) -> Result<ServeLock, OpsError> {
        let path = lock_path(db);
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io(&path))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(OpsError::Running(db.display().to_string()))
            }
            Err(TryLockError::Error(e)) => return Err(io(&path)(e)),
        }
        // The process id, for an operator who wonders which process holds it.
        file.set_len(0).map_err(io(&path))?;
        writeln!(file, "{}", std::process::id()).map_err(io(&path))?;
        Ok(ServeLock { _file: file })
    }
}

/// True when a `serve` holds `db`'s lock now.
pub fn is_running(db: &Path) -> bool {
    let path = lock_path(db);
    let Ok(file) = OpenOptions::new().read(true).open(&path) else {
        return false;
    };
    matches!(file.try_lock_shared(), Err(TryLockError::WouldBlock))
}

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Lists.
    pub lists: i64,
    /// Members (numbers).
    pub members: i64,
    /// Outbox rows (messages queued, sent or done).
    pub outbox: i64,
    /// Size of the file in bytes.
    pub bytes: u64,
}

/// Check that `path` is a sound SMS Up database and count what it holds.
pub fn inspect(path: &Path) -> Result<Summary, OpsError> {
    let bad = |reason: String| OpsError::BadBackup {
        path: path.display().to_string(),
        reason,
    };
    if !path.is_file() {
        return Err(bad("no such file".into()));
    }
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite(path))?;
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| bad(format!("not a SQLite database ({e})")))?;
    if check != "ok" {
        return Err(bad(format!("integrity check: {check}")));
    }
    let count = |table: &str| -> Result<i64, OpsError> {
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .map_err(|_| bad(format!("no {table} table: not an SMS Up database")))
    };
    let summary = Summary {
        lists: count("lists")?,
        members: count("members")?,
        outbox: count("outbox")?,
        bytes: std::fs::metadata(path).map_err(io(path))?.len(),
    };
    count("meta")?;
    Ok(summary)
}

/// Whether `crypto` is the key `path`'s data was written with: None when the database records no
/// key check (it holds no numbers yet).
pub fn key_matches(path: &Path, crypto: &Crypto) -> Result<Option<bool>, OpsError> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite(path))?;
    let stored: Option<Vec<u8>> = conn
        .query_row("SELECT value FROM meta WHERE key = 'key_check'", [], |r| {
            r.get(0)
        })
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            other => Err(other),
        })
        .map_err(sqlite(path))?;
    Ok(stored.map(|v| v == crate::store::sqlite::key_check_value(crypto)))
}

/// Write a consistent copy of the database `db` to `dest` while it may be in use (`VACUUM INTO`:
/// one read transaction, so the copy holds everything committed before it began, and nothing
/// half-written). Refuses to overwrite `dest`.
pub fn backup(db: &Path, dest: &Path) -> Result<Summary, OpsError> {
    if dest.exists() {
        return Err(OpsError::Exists(dest.display().to_string()));
    }
    if !db.is_file() {
        return Err(OpsError::BadBackup {
            path: db.display().to_string(),
            reason: "no such database: check --db".into(),
        });
    }
    let mut partial = dest.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);
    let conn = rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite(db))?;
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(sqlite(db))?;
    let target = partial.to_string_lossy().to_string();
    if let Err(e) = conn.execute("VACUUM INTO ?1", [&target]) {
        let _ = std::fs::remove_file(&partial);
        return Err(sqlite(db)(e));
    }
    drop(conn);
    File::open(&partial)
        .and_then(|f| f.sync_all())
        .map_err(io(&partial))?;
    let summary = match inspect(&partial) {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
    };
    std::fs::rename(&partial, dest).map_err(io(dest))?;
    Ok(summary)
}

/// Replace the database `db` with the backup `from`: refused while a `serve` uses `db`, when `db`
/// exists and `force` is false, when the backup is not sound, and when `key` is given and does not
/// open the backup. The old database's write-ahead log goes with it.
pub fn restore(
    from: &Path,
    db: &Path,
    force: bool,
    key: Option<&Crypto>,
) -> Result<Summary, OpsError> {
    // Held until the restore is done: no serve can start on a half-restored file.
    let _lock = ServeLock::acquire(db)?;
    if db.exists() && !force {
        return Err(OpsError::Exists(db.display().to_string()));
    }
    let summary = inspect(from)?;
    if let Some(crypto) = key {
        if key_matches(from, crypto)? == Some(false) {
            return Err(OpsError::WrongKey(from.display().to_string()));
        }
    }
    let mut tmp = db.as_os_str().to_owned();
    tmp.push(".restoring");
    let tmp = PathBuf::from(tmp);
    std::fs::copy(from, &tmp).map_err(io(&tmp))?;
    File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(io(&tmp))?;
    for suffix in ["-wal", "-shm"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        let side = PathBuf::from(side);
        match std::fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&side)(e)),
        }
    }
    std::fs::rename(&tmp, db).map_err(io(db))?;
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(summary)
}
