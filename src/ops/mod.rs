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
    /// The target exists.
    #[error("{0} exists: choose another name (restore replaces a database only with --force)")]
    Exists(String),
    /// No database where one was expected.
    #[error("no database at {0}: check --db (or SMSUP_DB, or db in the settings file)")]
    NoDatabase(String),
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

/// The database's real location: symlinks resolved, `.` and `..` removed (the parent's when the
/// file does not exist yet), so that every spelling of one database meets at one lock.
pub fn real_path(db: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(db) {
        return p;
    }
    let parent = match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match (std::fs::canonicalize(&parent), db.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => db.to_path_buf(),
    }
}

/// The lock file of a database: `<real path of the db>.lock`.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = real_path(db).into_os_string();
    name.push(".lock");
    PathBuf::from(name)
}

/// The exclusive lock `serve` holds on its database for as long as it runs (one server per SQLite
/// database; `restore` and a second `serve` see it): on `<db>.lock` beside the database's real
/// path, and on the database file itself once it exists (so that a lock file deleted by hand
/// hides nothing). Released when dropped or when the process dies, however it dies.
#[derive(Debug)]
pub struct ServeLock {
    _file: File,
    _database: Option<File>,
}

fn try_exclusive(file: &File, db: &Path, path: &Path) -> Result<(), OpsError> {
    match file.try_lock() {
        Ok(()) => Ok(()),
        Err(TryLockError::WouldBlock) => Err(OpsError::Running(db.display().to_string())),
        Err(TryLockError::Error(e)) => Err(io(path)(e)),
    }
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
        try_exclusive(&file, db, &path)?;
        // The process id, for an operator who wonders which process holds it.
        file.set_len(0).map_err(io(&path))?;
        writeln!(file, "{}", std::process::id()).map_err(io(&path))?;
        let mut lock = ServeLock {
            _file: file,
            _database: None,
        };
        if db.exists() {
            lock.hold_database(db)?;
        }
        Ok(lock)
    }

    /// Also lock the database file itself (once `serve` has created it). SQLite's own locks are
    /// POSIX record locks, which this `flock` does not touch.
    pub fn hold_database(&mut self, db: &Path) -> Result<(), OpsError> {
        if self._database.is_some() {
            return Ok(());
        }
        let real = real_path(db);
        let file = OpenOptions::new()
            .read(true)
            .open(&real)
            .map_err(io(&real))?;
        try_exclusive(&file, db, &real)?;
        self._database = Some(file);
        Ok(())
    }
}

/// True when a `serve` holds `db`'s lock now (its lock file, or the database file itself).
pub fn is_running(db: &Path) -> bool {
    let held = |path: PathBuf| {
        OpenOptions::new()
            .read(true)
            .open(path)
            .is_ok_and(|f| matches!(f.try_lock_shared(), Err(TryLockError::WouldBlock)))
    };
    held(lock_path(db)) || held(real_path(db))
}

/// Fold the write-ahead log of the database at `db` into its file (`wal_checkpoint(TRUNCATE)`).
pub fn checkpoint(db: &Path) -> Result<(), OpsError> {
    let conn = rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite(db))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(sqlite(db))?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(sqlite(db))
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
    /// Outbox rows still to send (queued, or sending when the copy was taken).
    pub pending: i64,
    /// When the newest message in it was stored (ms since the epoch), if any.
    pub newest_ms: Option<i64>,
    /// Size of the file in bytes.
    pub bytes: u64,
}

/// The migrations of a database that this binary does not know (it was written by a newer one).
fn unknown_migrations(conn: &rusqlite::Connection) -> Vec<i64> {
    let known: Vec<i64> = crate::store::sqlite::MIGRATOR
        .iter()
        .map(|m| m.version)
        .collect();
    conn.prepare("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
        .and_then(|mut st| {
            st.query_map([], |r| r.get::<_, i64>(0))?
                .collect::<Result<Vec<i64>, _>>()
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|v| !known.contains(v))
        .collect()
}

/// The key check value a database records, if any.
fn stored_key_check(conn: &rusqlite::Connection) -> Result<Option<Vec<u8>>, rusqlite::Error> {
    match conn.query_row("SELECT value FROM meta WHERE key = 'key_check'", [], |r| {
        r.get(0)
    }) {
        Ok(v) => Ok(Some(v)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(e) => Err(e),
    }
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
    count("meta")?;
    let newer = unknown_migrations(&conn);
    if !newer.is_empty() {
        return Err(bad(format!(
            "written by a newer SMS Up (migrations {newer:?}); this is {}",
            crate::cli::VERSION
        )));
    }
    let pending: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')",
            [],
            |r| r.get(0),
        )
        .map_err(sqlite(path))?;
    let newest_ms: Option<i64> = conn
        .query_row("SELECT MAX(created_at) FROM outbox", [], |r| r.get(0))
        .map_err(sqlite(path))?;
    Ok(Summary {
        lists: count("lists")?,
        members: count("members")?,
        outbox: count("outbox")?,
        pending,
        newest_ms,
        bytes: std::fs::metadata(path).map_err(io(path))?.len(),
    })
}

/// Whether `crypto` is the key `path`'s data was written with: None when the database records no
/// key check (it holds no numbers yet).
pub fn key_matches(path: &Path, crypto: &Crypto) -> Result<Option<bool>, OpsError> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite(path))?;
    let stored = stored_key_check(&conn).map_err(sqlite(path))?;
    Ok(stored.map(|v| v == crate::store::sqlite::key_check_value(crypto)))
}

/// A file removed when dropped unless kept (a half-written copy never stays behind).
struct Temporary(Option<PathBuf>);

impl Temporary {
    fn new(path: PathBuf) -> Temporary {
        let _ = std::fs::remove_file(&path);
        Temporary(Some(path))
    }
    fn path(&self) -> &Path {
        self.0.as_deref().unwrap_or(Path::new(""))
    }
    fn keep(mut self) {
        self.0 = None;
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = std::fs::remove_file(&p);
            let mut journal = p.into_os_string();
            journal.push("-journal");
            let _ = std::fs::remove_file(journal);
        }
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Copy the database `from` (with what its write-ahead log holds) into the new file `to`, as one
/// consistent snapshot (`VACUUM INTO`).
fn copy_database(from: &Path, to: &Path) -> Result<(), OpsError> {
    let conn = rusqlite::Connection::open_with_flags(
        from,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite(from))?;
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(sqlite(from))?;
    // A file name, not a URI: `VACUUM INTO` reads `file:` names as URIs.
    let target = to.to_string_lossy().to_string();
    conn.execute("VACUUM INTO ?1", [&target])
        .map_err(|e| OpsError::Io {
            path: to.display().to_string(),
            source: std::io::Error::other(e.to_string()),
        })?;
    drop(conn);
    File::open(to).and_then(|f| f.sync_all()).map_err(io(to))
}

/// True when both paths name one file (a hard link, a bind mount).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    let _ = (a, b);
    false
}

/// Only the owner may read a copy of the database: it holds every message's text.
#[cfg(unix)]
fn owner_only(path: &Path) -> Result<(), OpsError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(io(path))
}

#[cfg(not(unix))]
fn owner_only(_path: &Path) -> Result<(), OpsError> {
    Ok(())
}

/// Write a consistent copy of the database `db` to `dest` while it may be in use (`VACUUM INTO`:
/// one read transaction, so the copy holds everything committed before it began, and nothing
/// half-written), readable by its owner only. Refuses to overwrite `dest`.
pub fn backup(db: &Path, dest: &Path) -> Result<Summary, OpsError> {
    if dest.exists() {
        return Err(OpsError::Exists(dest.display().to_string()));
    }
    if !db.is_file() {
        return Err(OpsError::NoDatabase(db.display().to_string()));
    }
    // A name of this process's own: two backups to one name cannot write into each other.
    let partial = Temporary::new(with_suffix(
        dest,
        &format!(".partial-{}", std::process::id()),
    ));
    copy_database(db, partial.path())?;
    owner_only(partial.path())?;
    let summary = inspect(partial.path())?;
    if dest.exists() {
        return Err(OpsError::Exists(dest.display().to_string()));
    }
    std::fs::rename(partial.path(), dest).map_err(io(dest))?;
    partial.keep();
    Ok(summary)
}

/// How [`restore`] went: what the backup holds and where the replaced database was kept.
#[derive(Debug, Clone)]
pub struct Restored {
    /// The backup's contents.
    pub summary: Summary,
    /// The previous database, moved aside (`<db>.before-restore`), if there was one.
    pub previous: Option<PathBuf>,
    /// Messages the backup had still to send that were cancelled (`--cancel-pending`).
    pub cancelled: i64,
}

/// Replace the database `db` with the backup `from`. Refused while a `serve` uses `db`, when `db`
/// exists and `force` is false, when `from` is `db` itself, when the backup is not sound or comes
/// from a newer SMS Up, and when it was written with another key than `key` or than the database it
/// replaces. The backup is copied through SQLite (what its write-ahead log holds included) and
/// checked again before it takes the database's place; the database it replaces, with its
/// write-ahead log, is kept as `<db>.before-restore`; the new file gets the old one's owner and
/// mode (else owner-only). With `cancel_pending` the messages the backup had still to send are
/// marked failed instead of being sent again.
pub fn restore(
    from: &Path,
    db: &Path,
    force: bool,
    key: Option<&Crypto>,
    cancel_pending: bool,
) -> Result<Restored, OpsError> {
    // Held until the restore is done: no serve can start on a half-restored file.
    let _lock = ServeLock::acquire(db)?;
    if db.is_dir() {
        return Err(OpsError::NoDatabase(db.display().to_string()));
    }
    if db.exists() && !force {
        return Err(OpsError::Exists(db.display().to_string()));
    }
    let real_from = real_path(from);
    let real_db = real_path(db);
    if real_from == real_db
        || real_from == with_suffix(&real_db, ".restoring")
        || same_file(&real_from, &real_db)
    {
        return Err(OpsError::BadBackup {
            path: from.display().to_string(),
            reason: "it is the database to replace (or one of its files)".into(),
        });
    }
    let summary = inspect(from)?;
    let backup_check = {
        let conn = rusqlite::Connection::open_with_flags(
            from,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite(from))?;
        stored_key_check(&conn).map_err(sqlite(from))?
    };
    if let (Some(crypto), Some(check)) = (key, &backup_check) {
        if *check != crate::store::sqlite::key_check_value(crypto) {
            return Err(OpsError::WrongKey(from.display().to_string()));
        }
    }
    if db.is_file() {
        let conn = rusqlite::Connection::open_with_flags(
            db,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        );
        // The database being replaced tells which key this deployment uses, without the key.
        if let Ok(conn) = conn {
            if let (Ok(Some(current)), Some(check)) = (stored_key_check(&conn), &backup_check) {
                if current != *check {
                    return Err(OpsError::WrongKey(from.display().to_string()));
                }
            }
        }
    }
    let tmp = Temporary::new(with_suffix(db, ".restoring"));
    copy_database(from, tmp.path())?;
    let copied = inspect(tmp.path())?;
    if (copied.lists, copied.members, copied.outbox)
        != (summary.lists, summary.members, summary.outbox)
    {
        return Err(OpsError::BadBackup {
            path: from.display().to_string(),
            reason: "the copy does not hold what the backup holds".into(),
        });
    }
    let mut cancelled = 0;
    if cancel_pending {
        let conn = rusqlite::Connection::open(tmp.path()).map_err(sqlite(tmp.path()))?;
        cancelled = conn
            .execute(
                "UPDATE outbox SET state = 'failed', lease_until = NULL, \
                 error_message = 'cancelled at restore' WHERE state IN ('queued', 'sending')",
                [],
            )
            .map_err(sqlite(tmp.path()))? as i64;
    }
    match std::fs::metadata(&real_db) {
        Ok(old) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::{MetadataExt, PermissionsExt};
                let _ = std::os::unix::fs::chown(tmp.path(), Some(old.uid()), Some(old.gid()));
                std::fs::set_permissions(
                    tmp.path(),
                    std::fs::Permissions::from_mode(old.mode() & 0o777),
                )
                .map_err(io(tmp.path()))?;
            }
            #[cfg(not(unix))]
            let _ = old;
        }
        Err(_) => owner_only(tmp.path())?,
    }
    // The database it replaces is kept, with its write-ahead log, under a name of its own.
    let mut previous = None;
    if real_db.is_file() {
        let aside = with_suffix(&real_db, ".before-restore");
        for suffix in ["-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(with_suffix(&aside, suffix));
        }
        std::fs::rename(&real_db, &aside).map_err(io(&aside))?;
        for suffix in ["-wal", "-journal"] {
            let side = with_suffix(&real_db, suffix);
            if side.exists() {
                std::fs::rename(&side, with_suffix(&aside, suffix)).map_err(io(&side))?;
            }
        }
        previous = Some(aside);
    }
    let _ = std::fs::remove_file(with_suffix(&real_db, "-shm"));
    std::fs::rename(tmp.path(), &real_db).map_err(io(&real_db))?;
    tmp.keep();
    if let Some(dir) = real_db.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(Restored {
        summary,
        previous,
        cancelled,
    })
}
