//! Operators' commands through the real binary: `backup` while a fan-out runs and `restore` of it
//! with nothing accepted lost; one `serve` per database; `restore` refusals; `doctor`'s checks of
//! the database, the key and the channels (a node-smpp SMSC, a Twilio API that refuses the
//! credentials); `--version`.
//!
//! Needs `node` and `interop/node_modules` (`./test.sh` installs them).

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{
    bin, count, db, import_members, latest_post_rows, phone, run_cli, tempdir, wait_count,
    wait_drained, Server,
};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[tokio::test]
async fn a_backup_taken_during_a_fan_out_restores_with_nothing_accepted_lost() {
    const N: usize = 3_000;
    let a = tempdir();
    let owner = phone(1);
    {
        let server = Server::start(a.path(), &[]);
        server.client().ask(&owner, "CREATE evac").await;
    }
    import_members(a.path(), "evac", N);

    // A carrier at 1,000 SMS/s: the fan-out takes about 3 s; back up in the middle of it.
    let mut server = Server::start(a.path(), &[("SMSUP_SIM_SEGMENTS_PER_SECOND", "1000")]);
    let c = server.client();
    c.sms(&owner, "evac leave block C by the back stairs").await;
    let pool = db(a.path()).await;
    wait_count(
        &pool,
        "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
        500,
        60,
    )
    .await;
    // Accepted just before the backup: a new member's JOIN.
    let late = phone(90_001);
    c.ask(&late, "JOIN evac").await;
    let backup = a.path().join("backup.db");
    let (ok, out, err) = run_cli(
        &["backup", s(&backup), "--db", s(&a.path().join("smsup.db"))],
        &[],
    );
    assert!(ok, "backup failed: {out} {err}");
    assert!(out.contains("keep the key file"), "{out}");
    let delivered_at_backup = count(
        &pool,
        "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
    )
    .await;
    assert!(
        (delivered_at_backup as usize) < N,
        "the backup came before the end of the fan-out ({delivered_at_backup} delivered)"
    );
    // The machine is lost.
    server.kill9();
    pool.close().await;

    // A new machine: the key file that was kept with the backup, then restore.
    let b = tempdir();
    std::fs::copy(a.path().join("smsup.db.key"), b.path().join("smsup.db.key")).unwrap();
    let (ok, out, err) = run_cli(
        &["restore", s(&backup), "--db", s(&b.path().join("smsup.db"))],
        &[],
    );
    assert!(ok, "restore failed: {out} {err}");
    assert!(out.contains(&format!("{} members", N + 2)), "{out}");

    let server = Server::start(b.path(), &[]);
    let c = server.client();
    let pool = db(b.path()).await;
    wait_drained(&pool, 120).await;
    // Every member of the post has it, once.
    let (rows, delivered, _) = latest_post_rows(&pool).await;
    assert_eq!(rows as usize, N, "one row per member");
    assert_eq!(delivered as usize, N, "every member got the post");
    // The JOIN accepted before the backup is there: the late member is in the list.
    assert_eq!(
        c.ask(&owner, "INFO evac").await,
        format!("evac: {} members, open. You: owner.", N + 2)
    );
    assert!(c.ask(&late, "LISTS").await.contains("evac"));
    eprintln!("backup test: {delivered_at_backup} of {N} delivered at the backup; all {N} after the restore");
}

#[tokio::test]
async fn one_serve_per_database_and_restore_refuses_what_would_lose_data() {
    let dir = tempdir();
    let dbp = dir.path().join("smsup.db");
    let server = Server::start(dir.path(), &[]);
    let c = server.client();
    c.ask(&phone(1), "CREATE safe").await;
    let backup = dir.path().join("b.db");
    let (ok, _, err) = run_cli(&["backup", s(&backup), "--db", s(&dbp)], &[]);
    assert!(ok, "{err}");

    // A second serve on the same database is refused, and says why.
    let second = std::process::Command::new(bin())
        .args(["serve", "--listen", "127.0.0.1:0", "--db", s(&dbp)])
        .stdout(Stdio::null())
        .output()
        .unwrap();
    assert!(!second.status.success());
    let why = String::from_utf8_lossy(&second.stderr);
    assert!(why.contains("a running smsup serve uses"), "{why}");

    // A restore over the running database is refused, even with --force; nothing changes.
    let (ok, _, err) = run_cli(&["restore", s(&backup), "--db", s(&dbp), "--force"], &[]);
    assert!(!ok && err.contains("stop it first"), "{err}");
    assert_eq!(
        c.ask(&phone(1), "INFO safe").await,
        "safe: 1 member, open. You: owner."
    );
    // A second backup to the same file is refused (a backup is never overwritten).
    let (ok, _, err) = run_cli(&["backup", s(&backup), "--db", s(&dbp)], &[]);
    assert!(!ok && err.contains("exists"), "{err}");
    drop(server);

    // Stopped: without --force an existing database is kept.
    let (ok, _, err) = run_cli(&["restore", s(&backup), "--db", s(&dbp)], &[]);
    assert!(!ok && err.contains("--force"), "{err}");
    // A file that is not a database, and a truncated backup, are refused.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database at all, just text").unwrap();
    let (ok, _, err) = run_cli(&["restore", s(&junk), "--db", s(&dbp), "--force"], &[]);
    assert!(!ok && err.contains("not a usable SMS Up backup"), "{err}");
    let bytes = std::fs::read(&backup).unwrap();
    let cut = dir.path().join("cut.db");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let (ok, _, err) = run_cli(&["restore", s(&cut), "--db", s(&dbp), "--force"], &[]);
    assert!(!ok && err.contains("not a usable SMS Up backup"), "{err}");
    // Another deployment's key cannot open the backup: refused before anything is replaced.
    let other = tempdir();
    let key = "ab".repeat(32);
    let (ok, _, err) = run_cli(
        &[
            "restore",
            s(&backup),
            "--db",
            s(&other.path().join("smsup.db")),
        ],
        &[("SMSUP_KEY", key.as_str())],
    );
    assert!(!ok && err.contains("another key"), "{err}");
    assert!(!other.path().join("smsup.db").exists());

    // With --force and the right key the restore goes through and serve starts on it.
    let (ok, out, err) = run_cli(&["restore", s(&backup), "--db", s(&dbp), "--force"], &[]);
    assert!(ok, "{out} {err}");
    let server = Server::start(dir.path(), &[]);
    assert_eq!(
        server.client().ask(&phone(1), "INFO safe").await,
        "safe: 1 member, open. You: owner."
    );
}

/// `smsup doctor` with `args`: (exit status 0, its lines).
fn doctor(args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let mut all = vec!["doctor"];
    all.extend_from_slice(args);
    let (ok, out, err) = run_cli(&all, env);
    (ok, format!("{out}{err}"))
}

fn line<'a>(out: &'a str, name: &str) -> &'a str {
    out.lines()
        .find(|l| l.get(6..).is_some_and(|rest| rest.starts_with(name)))
        .unwrap_or_else(|| panic!("no `{name}` line in:\n{out}"))
}

#[tokio::test]
async fn doctor_checks_the_database_and_the_key_and_says_what_to_do() {
    let dir = tempdir();
    let dbp = dir.path().join("smsup.db");
    // Nothing yet: the database is missing (exit status 1), the key will be made by serve.
    let (ok, out) = doctor(&["--db", s(&dbp)], &[]);
    assert!(!ok, "{out}");
    assert!(line(&out, "database").starts_with("FAIL"), "{out}");
    assert!(line(&out, "key").starts_with("ok"), "{out}");

    // While serve runs: everything ok, and it sees the server.
    let server = Server::start(dir.path(), &[]);
    server.client().ask(&phone(1), "CREATE kl").await;
    let listen = server.url.trim_start_matches("http://").to_string();
    let (ok, out) = doctor(&["--db", s(&dbp)], &[("SMSUP_LISTEN", listen.as_str())]);
    assert!(ok, "{out}");
    assert!(
        line(&out, "database").contains("all 20 migrations applied, integrity ok"),
        "{out}"
    );
    assert!(
        line(&out, "key matches database").starts_with("ok"),
        "{out}"
    );
    assert!(line(&out, "serve").contains("answers"), "{out}");
    drop(server);
    assert!(line(&out, "list names").starts_with("ok"), "{out}");
    // A list made before a language that has its name as a keyword (Rohingya NAM).
    rusqlite_exec(&dbp, "UPDATE lists SET name = 'Nam', name_key = 'nam'");
    let (ok, out) = doctor(&["--db", s(&dbp)], &[]);
    assert!(ok, "a warning is not a failure: {out}");
    let names = line(&out, "list names");
    assert!(names.starts_with("warn") && names.contains("Nam"), "{out}");

    // A key file others can read: FAIL, with the command that fixes it.
    let key = dir.path().join("smsup.db.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
        let (ok, out) = doctor(&["--db", s(&dbp)], &[]);
        assert!(!ok);
        assert!(
            line(&out, "key").contains(&format!("chmod 600 {}", key.display())),
            "{out}"
        );
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    // Another deployment's key: the key does not match the database.
    let wrong = "cd".repeat(32);
    let (ok, out) = doctor(&["--db", s(&dbp)], &[("SMSUP_KEY", wrong.as_str())]);
    assert!(!ok);
    assert!(
        line(&out, "key matches database").starts_with("FAIL"),
        "{out}"
    );
    // The key file lost: FAIL, restore it.
    std::fs::rename(&key, dir.path().join("elsewhere.key")).unwrap();
    let (ok, out) = doctor(&["--db", s(&dbp)], &[]);
    assert!(!ok);
    assert!(
        line(&out, "key").contains("restore it from the backup"),
        "{out}"
    );
    std::fs::rename(dir.path().join("elsewhere.key"), &key).unwrap();
    // A damaged database file: the integrity check fails and says to restore.
    let pool = db(dir.path()).await;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let bytes = std::fs::read(&dbp).unwrap();
    assert!(bytes.len() > 16 * 1024, "the data is in the file");
    let mut damaged = bytes.clone();
    for b in damaged.iter_mut().skip(4096).take(2048) {
        *b = 0xA5;
    }
    std::fs::write(&dbp, damaged).unwrap();
    let _ = std::fs::remove_file(dir.path().join("smsup.db-wal"));
    let (ok, out) = doctor(&["--db", s(&dbp)], &[]);
    assert!(!ok, "{out}");
    assert!(line(&out, "database").starts_with("FAIL"), "{out}");
    // Bad settings: one FAIL line naming the setting.
    let toml = dir.path().join("bad.toml");
    std::fs::write(&toml, "listne = \"127.0.0.1:1\"\n").unwrap();
    let (ok, out) = doctor(&["--config", s(&toml)], &[]);
    assert!(!ok);
    assert!(
        out.starts_with("FAIL  settings") && out.contains("listne"),
        "{out}"
    );
}

/// A node-smpp SMSC (interop/smpp/smsc.js) that accepts only `password`; its port.
async fn smsc(password: &str) -> (tokio::process::Child, u16) {
    use tokio::io::AsyncBufReadExt;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("interop");
    let mut child = tokio::process::Command::new("node")
        .arg(dir.join("smpp/smsc.js"))
        .args(["--no-mo", "--quiet", "--password", password])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("node");
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let port = tokio::time::timeout(Duration::from_secs(20), async {
        while let Ok(Some(l)) = lines.next_line().await {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&l) {
                if v["event"] == "listening" {
                    return v["port"].as_u64().unwrap() as u16;
                }
            }
        }
        panic!("the SMSC ended");
    })
    .await
    .expect("the SMSC did not start");
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, port)
}

// Several threads: the fake Twilio answers while the test waits for the doctor process.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn doctor_binds_to_the_smsc_and_asks_twilio_for_the_account() {
    let (_smsc, port) = smsc("right-pw").await;
    // A Twilio API that refuses every credential (as Twilio does for a wrong auth token).
    let refusing = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let twilio = refusing.local_addr().unwrap();
    tokio::spawn(async move {
        let app = axum::Router::new().fallback(|| async {
            (
                axum::http::StatusCode::UNAUTHORIZED,
                axum::Json(
                    serde_json::json!({"code": 20003, "message": "Authenticate", "status": 401}),
                ),
            )
        });
        axum::serve(refusing, app).await.unwrap();
    });
    let dir = tempdir();
    let config = |pw: &str| {
        format!(
            "[smpp]\nhost = \"127.0.0.1\"\nport = {port}\nsystem_id = \"smsup\"\npassword = \"{pw}\"\nsource_addr = \"SMSUP\"\n\n\
             [twilio]\naccount_sid = \"AC{}\"\nauth_token = \"wrong\"\nfrom = [\"+60111111111\"]\n\
             public_url = \"https://sms.example.org\"\napi_base = \"http://{twilio}\"\n",
            "0".repeat(32)
        )
    };
    let toml = dir.path().join("smsup.toml");
    std::fs::write(&toml, config("right-pw")).unwrap();
    let dbp = dir.path().join("smsup.db");
    let (ok, out) = doctor(&["--config", s(&toml), "--db", s(&dbp)], &[]);
    assert!(!ok, "{out}");
    let smpp = line(&out, "channel smpp");
    assert!(
        smpp.starts_with("ok") && smpp.contains("bind") && smpp.contains("accepted"),
        "{out}"
    );
    let tw = line(&out, "channel twilio");
    assert!(
        tw.starts_with("FAIL") && tw.contains("check account_sid and auth_token"),
        "{out}"
    );

    std::fs::write(&toml, config("wrong-pw")).unwrap();
    let started = Instant::now();
    let (ok, out) = doctor(&["--config", s(&toml), "--db", s(&dbp)], &[]);
    assert!(!ok);
    let smpp = line(&out, "channel smpp");
    assert!(
        smpp.starts_with("FAIL") && smpp.contains("ESME_RINVPASWD"),
        "{out}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "doctor took {:?}",
        started.elapsed()
    );
    // While serve holds the bind, doctor does not bind a second time: it reads serve's state.
    std::fs::write(&toml, config("right-pw")).unwrap();
    let server = Server::start(
        dir.path(),
        &[("SMSUP_CONFIG", s(&toml)), ("SMSUP_SIM_ENABLED", "true")],
    );
    let listen = server.url.trim_start_matches("http://").to_string();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, out) = doctor(
            &["--config", s(&toml), "--db", s(&dbp), "--listen", &listen],
            &[],
        );
        let smpp = line(&out, "channel smpp").to_string();
        if smpp.contains("serve's binds are up") {
            break;
        }
        assert!(Instant::now() < deadline, "{out}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[test]
fn version_names_the_commit() {
    let (ok, out, _) = run_cli(&["--version"], &[]);
    assert!(ok);
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let expected = match commit {
        Some(c) => format!("smsup {} ({c})", env!("CARGO_PKG_VERSION")),
        None => format!("smsup {} (unknown)", env!("CARGO_PKG_VERSION")),
    };
    assert_eq!(out.trim(), expected);
}

#[tokio::test]
async fn restore_and_the_lock_hold_against_a_careless_operator() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let a = dir.path().join("a");
    std::fs::create_dir(&a).unwrap();
    let dbp = a.join("smsup.db");
    // serve through a symlink to the database: every other spelling meets the same lock.
    let link = dir.path().join("link.db");
    {
        let server = Server::start(&a, &[]);
        let c = server.client();
        c.ask(&phone(1), "CREATE safe").await;
        for i in 2..=6 {
            c.ask(&phone(i), "JOIN safe").await;
        }
    }
    // After a kill -9 the data is in the write-ahead log only; a plain file copy of the database
    // with its -wal is a sound backup, and restore copies what the -wal holds too.
    let copy = dir.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    for suffix in ["", "-wal"] {
        let from = format!("{}{suffix}", dbp.display());
        if Path::new(&from).exists() {
            std::fs::copy(&from, copy.join(format!("smsup.db{suffix}"))).unwrap();
        }
    }
    let restored = dir.path().join("restored.db");
    std::fs::copy(a.join("smsup.db.key"), dir.path().join("restored.db.key")).unwrap();
    let (ok, out, err) = run_cli(
        &["restore", s(&copy.join("smsup.db")), "--db", s(&restored)],
        &[],
    );
    assert!(ok && out.contains("6 members"), "{out} {err}");
    let check = rusqlite_count(&restored, "SELECT COUNT(*) FROM members");
    assert_eq!(check, 6, "the restored file itself holds the members");

    std::os::unix::fs::symlink(&dbp, &link).unwrap();
    std::fs::copy(a.join("smsup.db.key"), dir.path().join("link.db.key")).unwrap();
    let mut server = Server::start_with_db(&a, &link, &[]);
    // Refused by the real path, by the link, and with the lock file deleted by hand.
    for target in [&dbp, &link] {
        let (ok, _, err) = run_cli(
            &["restore", s(&restored), "--db", s(target), "--force"],
            &[],
        );
        assert!(!ok && err.contains("stop it first"), "{target:?}: {err}");
    }
    std::fs::remove_file(a.join("smsup.db.lock")).unwrap();
    let (ok, _, err) = run_cli(&["restore", s(&restored), "--db", s(&dbp), "--force"], &[]);
    assert!(
        !ok && err.contains("stop it first"),
        "lock file deleted: {err}"
    );
    // doctor sees serve through the database file's own lock, too.
    let listen = server.url.trim_start_matches("http://").to_string();
    let (_, out) = doctor(&["--db", s(&dbp), "--listen", &listen], &[]);
    assert!(line(&out, "serve").contains("running"), "{out}");
    server.stop();

    // A clean stop folds the write-ahead log into the file: the file alone holds everything.
    assert_eq!(rusqlite_count_file_only(&dbp), 6);

    // Restore onto itself, or from the restore's own temporary file: refused, nothing changes.
    let (ok, _, err) = run_cli(&["restore", s(&dbp), "--db", s(&dbp), "--force"], &[]);
    assert!(!ok && err.contains("the database to replace"), "{err}");
    let (ok, _, err) = run_cli(&["restore", s(&link), "--db", s(&dbp), "--force"], &[]);
    assert!(!ok && err.contains("the database to replace"), "{err}");
    assert_eq!(rusqlite_count(&dbp, "SELECT COUNT(*) FROM members"), 6);

    // A backup is readable by its owner only (it holds every message's text).
    let backup = dir.path().join("b.db");
    let (ok, _, err) = run_cli(&["backup", s(&backup), "--db", s(&dbp)], &[]);
    assert!(ok, "{err}");
    assert_eq!(
        std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // A backup from a newer SMS Up is refused before anything is replaced.
    let newer = dir.path().join("newer.db");
    std::fs::copy(&backup, &newer).unwrap();
    rusqlite_exec(
        &newer,
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) \
         VALUES (99990101000000, 'future', CURRENT_TIMESTAMP, 1, x'00', 0)",
    );
    let (ok, _, err) = run_cli(&["restore", s(&newer), "--db", s(&dbp), "--force"], &[]);
    assert!(!ok && err.contains("newer SMS Up"), "{err}");

    // Another deployment's backup over this database, with no key at hand (SMSUP_KEY unset, the
    // key file elsewhere): the database being replaced tells the key differs.
    let other = tempdir();
    {
        let server = Server::start(other.path(), &[]);
        server.client().ask(&phone(50), "CREATE other").await;
    }
    let foreign = dir.path().join("foreign.db");
    let (ok, _, err) = run_cli(
        &[
            "backup",
            s(&foreign),
            "--db",
            s(&other.path().join("smsup.db")),
        ],
        &[],
    );
    assert!(ok, "{err}");
    let keyless = dir.path().join("keyless.toml");
    std::fs::write(
        &keyless,
        format!(
            "key_file = \"{}\"\n",
            dir.path().join("nowhere.key").display()
        ),
    )
    .unwrap();
    let (ok, _, err) = run_cli(
        &[
            "restore",
            s(&foreign),
            "--db",
            s(&dbp),
            "--force",
            "--config",
            s(&keyless),
        ],
        &[],
    );
    assert!(!ok && err.contains("another key"), "{err}");

    // The replaced database is kept; its mode carries over; an older backup's unsent messages can
    // be dropped instead of sent again.
    std::fs::set_permissions(&dbp, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (ok, out, err) = run_cli(
        &[
            "restore",
            s(&backup),
            "--db",
            s(&dbp),
            "--force",
            "--cancel-pending",
        ],
        &[],
    );
    assert!(ok, "{out} {err}");
    assert!(out.contains("smsup.db.before-restore"), "{out}");
    assert_eq!(
        std::fs::metadata(&dbp).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        rusqlite_count(
            &a.join("smsup.db.before-restore"),
            "SELECT COUNT(*) FROM members"
        ),
        6
    );
    assert!(!a.join("smsup.db.restoring").exists());
    assert_eq!(
        rusqlite_count(
            &dbp,
            "SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')"
        ),
        0
    );
    let server = Server::start(&a, &[]);
    assert_eq!(
        server.client().ask(&phone(1), "INFO safe").await,
        "safe: 6 members, open. You: owner."
    );
}

#[test]
fn settings_errors_never_repeat_a_secret() {
    let dir = tempdir();
    let toml = dir.path().join("smsup.toml");
    for (text, secret) in [
        ("[smpp]\nhost = \"127.0.0.1\"\npassword = 84736251\n", "84736251"),
        ("[smpp]\nhost = \"127.0.0.1\"\npassword = \"S3cretPw\n", "S3cretPw"),
        (
            "[twilio]\naccount_sid = \"AC00000000000000000000000000000000\"\nauth_token = f00dfeedcafe\n",
            "f00dfeedcafe",
        ),
        ("key = 123456789012\n", "123456789012"),
    ] {
        std::fs::write(&toml, text).unwrap();
        let (ok, out) = doctor(&["--config", s(&toml)], &[]);
        assert!(!ok, "{text}: {out}");
        assert!(!out.contains(secret), "{text}: the secret is printed: {out}");
        let (ok, _, err) = run_cli(&["serve", "--config", s(&toml), "--db", s(&dir.path().join("x.db"))], &[]);
        assert!(!ok);
        assert!(!err.contains(secret), "{text}: serve prints the secret: {err}");
    }
}

fn rusqlite_count(db: &Path, sql: &str) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The members of a database as its main file alone holds them (a copy without the -wal).
fn rusqlite_count_file_only(db: &Path) -> i64 {
    let dir = tempdir();
    let copy = dir.path().join("only.db");
    std::fs::copy(db, &copy).unwrap();
    rusqlite_count(&copy, "SELECT COUNT(*) FROM members")
}

fn rusqlite_exec(db: &Path, sql: &str) {
    rusqlite::Connection::open(db)
        .unwrap()
        .execute(sql, [])
        .unwrap();
}
