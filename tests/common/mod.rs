//! Test harness: runs the real `smsup` binary on port 0 with a fresh database ([`Server`]), or the
//! same application inside the test's process ([`spawn_app`]), and talks to it over HTTP.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

pub mod smsc;

/// A running `smsup serve`.
pub struct Server {
    pub child: Child,
    pub url: String,
    pub dir: PathBuf,
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_smsup")
}

/// A temporary directory that lives for the whole test.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

impl Server {
    /// Start a server with its database in `dir` and extra environment variables.
    pub fn start(dir: &Path, env: &[(&str, &str)]) -> Server {
        Server::start_with_db(dir, &dir.join("smsup.db"), env)
    }

    /// Start a server on the database `db`, its log in `dir`.
    pub fn start_with_db(dir: &Path, db: &Path, env: &[(&str, &str)]) -> Server {
        let mut cmd = Command::new(bin());
        cmd.args(["serve", "--listen", "127.0.0.1:0", "--db"])
            .arg(db)
            .env("SMSUP_LOG", "warn")
            .envs(TEST_LIMITS)
            .stdout(Stdio::piped())
            .stderr(Stdio::from(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(dir.join("stderr.log"))
                    .expect("log file"),
            ));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn smsup");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                if let Some(url) = line.trim().strip_prefix("smsup listening on ") {
                    let _ = tx.send(url.to_string());
                }
                line.clear();
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("smsup did not print its address");
        Server {
            child,
            url,
            dir: dir.to_path_buf(),
        }
    }

    /// SIGKILL, as a crash would.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM and wait for a clean exit.
    pub fn stop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.kill9();
    }

    /// What the server wrote to its log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("stderr.log")).unwrap_or_default()
    }

    pub fn client(&self) -> Client {
        Client {
            url: self.url.clone(),
            http: reqwest::Client::new(),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The per-number limits raised for tests that play many phones texting faster than people can
/// (the tests of those limits set them back).
pub const TEST_LIMITS: [(&str, &str); 4] = [
    ("SMSUP_LIMITS_REPLIES_PER_NUMBER_PER_MINUTE", "1000"),
    ("SMSUP_LIMITS_LISTS_PER_NUMBER_PER_DAY", "1000"),
    ("SMSUP_LIMITS_INVITES_PER_SENDER_PER_HOUR", "1000"),
    ("SMSUP_LIMITS_INVITES_PER_SENDER_PER_DAY", "1000"),
];

/// SMS Up running inside the test's process (`Application::build` on port 0, as `smsup serve`
/// builds it), with its database in a directory of the test's; stopped when dropped.
pub struct TestApp {
    pub url: String,
    pub dir: PathBuf,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl TestApp {
    pub fn client(&self) -> Client {
        Client {
            url: self.url.clone(),
            http: reqwest::Client::new(),
        }
    }
}

/// Build and run SMS Up in this process with the simulator, a fresh database in `dir`, the test
/// limits and `env` (`SMSUP_*` variables, as the binary would read them).
pub async fn spawn_app(dir: &Path, env: &[(&str, &str)]) -> TestApp {
    let vars: Vec<(String, String)> = TEST_LIMITS
        .iter()
        .chain(env.iter())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let overrides = smsup::config::Overrides {
        listen: Some("127.0.0.1:0".into()),
        db: Some(dir.join("smsup.db")),
        sim: false,
    };
    let settings = smsup::config::Settings::load(None, vars, &overrides).expect("settings");
    let app = smsup::app::Application::build(settings)
        .await
        .expect("Application::build");
    let url = format!("http://{}", app.address());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    TestApp {
        url,
        dir: dir.to_path_buf(),
        _stop: stop,
    }
}

/// Talks to the simulator's HTTP API.
#[derive(Clone)]
pub struct Client {
    pub url: String,
    pub http: reqwest::Client,
}

impl Client {
    /// `POST /sim/inbound`; returns (status, body).
    pub async fn send_raw(&self, body: Value) -> (u16, Value) {
        let r = self
            .http
            .post(format!("{}/sim/inbound", self.url))
            .json(&body)
            .send()
            .await
            .expect("POST /sim/inbound");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// A phone sends an SMS; asserts it was accepted.
    pub async fn sms(&self, from: &str, text: &str) {
        let (status, body) = self
            .send_raw(serde_json::json!({ "from": from, "text": text }))
            .await;
        assert_eq!(status, 202, "{from} {text}: {body}");
    }

    /// Everything sent to a phone, oldest first.
    pub async fn outbox(&self, to: &str) -> Vec<Value> {
        let r = self
            .http
            .get(format!("{}/sim/outbox", self.url))
            .query(&[("to", to)])
            .send()
            .await
            .expect("GET /sim/outbox");
        assert_eq!(r.status().as_u16(), 200);
        r.json::<Vec<Value>>().await.expect("json array")
    }

    /// Texts sent to a phone.
    pub async fn texts(&self, to: &str) -> Vec<String> {
        self.outbox(to)
            .await
            .into_iter()
            .map(|m| m["text"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Wait until a phone has received `n` messages (all delivered); returns their texts.
    pub async fn wait_texts(&self, to: &str, n: usize) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let rows = self.outbox(to).await;
            let delivered = rows.iter().filter(|m| m["status"] == "delivered").count();
            if delivered >= n {
                return rows
                    .iter()
                    .map(|m| m["text"].as_str().unwrap_or_default().to_string())
                    .collect();
            }
            if Instant::now() > deadline {
                panic!("{to} expected {n} delivered messages, has: {rows:?}");
            }
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
    }

    /// Send an SMS and return the reply (the next message the phone receives).
    pub async fn ask(&self, from: &str, text: &str) -> String {
        let before = self.outbox(from).await.len();
        self.sms(from, text).await;
        let texts = self.wait_texts(from, before + 1).await;
        texts[before].clone()
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let r = self
            .http
            .get(format!("{}{}", self.url, path))
            .send()
            .await
            .expect("GET");
        (r.status().as_u16(), r.text().await.unwrap_or_default())
    }
}

/// Run `smsup` with arguments, returning (success, stdout, stderr).
pub fn run_cli(args: &[&str], env: &[(&str, &str)]) -> (bool, String, String) {
    let mut cmd = Command::new(bin());
    cmd.args(args).env("SMSUP_LOG", "warn");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run smsup");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Open the database directly to inspect rows.
pub async fn db(dir: &Path) -> sqlx::SqlitePool {
    use std::str::FromStr;
    let opts = sqlx::sqlite::SqliteConnectOptions::from_str(&format!(
        "sqlite://{}",
        dir.join("smsup.db").display()
    ))
    .unwrap()
    .busy_timeout(Duration::from_secs(30));
    sqlx::SqlitePool::connect_with(opts).await.unwrap()
}

/// A mobile number for test phone `i` (a UK mobile, so that replies are in English: Malaysian numbers
/// get Malay replies by default).
pub fn phone(i: usize) -> String {
    format!("+447911{:06}", i)
}

/// Memberships in the active state, in every list.
pub async fn active_memberships(pool: &sqlx::SqlitePool) -> i64 {
    count(
        pool,
        "SELECT COUNT(*) FROM memberships WHERE state = 'active'",
    )
    .await
}

/// After a moment, `to` has received nothing beyond the `before` texts it had.
pub async fn assert_nothing_new(c: &Client, to: &str, before: usize) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    let texts = c.texts(to).await;
    assert_eq!(
        texts.len(),
        before,
        "{to} received more: {:?}",
        &texts[before.min(texts.len())..]
    );
}

/// The word a text shows after `word` (`APPROVE #K7PQ` → `#K7PQ`, `REPLY H7 text` → `H7`).
pub fn label_after(text: &str, word: &str) -> String {
    let at = text
        .find(word)
        .unwrap_or_else(|| panic!("no {word} in {text:?}"));
    text[at + word.len()..]
        .split_whitespace()
        .next()
        .expect("a label")
        .trim_end_matches(['.', ','])
        .to_string()
}

/// The code of digits a text shows after `word` (`reply MOVE 123456 within` → `123456`).
pub fn digits_after(text: &str, word: &str) -> String {
    text.split(word)
        .nth(1)
        .unwrap_or_default()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

/// Write a CSV of `n` members (phones 1000..1000+n) and import them, consented and silent.
/// [`import_members`] off the test's own thread: an app spawned in the test (`spawn_app`) runs on
/// that thread and must keep running while the command waits for the database.
pub async fn import_members_beside(dir: &std::path::Path, list: &str, n: usize) {
    let (dir, list) = (dir.to_path_buf(), list.to_string());
    tokio::task::spawn_blocking(move || import_members(&dir, &list, n))
        .await
        .expect("the import ran");
}

pub fn import_members(dir: &std::path::Path, list: &str, n: usize) {
    let csv = dir.join("members.csv");
    let mut text = String::from("phone,alias\n");
    for i in 0..n {
        text.push_str(&format!("{},m{i}\n", phone(1000 + i)));
    }
    std::fs::write(&csv, text).unwrap();
    let db_path = dir.join("smsup.db");
    let (ok, out, err) = run_cli(
        &[
            "members",
            "import",
            list,
            csv.to_str().unwrap(),
            "--consented",
            "--silent",
            "--db",
            db_path.to_str().unwrap(),
        ],
        &[],
    );
    assert!(ok, "import failed: {out} {err}");
    assert!(out.contains(&format!("{n} added")), "{out}");
}

/// One number from the database.
pub async fn count(pool: &sqlx::SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// Wait until `sql` counts at least `n`, for at most `secs` seconds.
pub async fn wait_count(pool: &sqlx::SqlitePool, sql: &str, n: i64, secs: u64) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let now = count(pool, sql).await;
        if now >= n {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{sql}: {now} < {n} after {secs} s"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Wait until no outbox row is queued or sending, for at most `secs` seconds.
pub async fn wait_drained(pool: &sqlx::SqlitePool, secs: u64) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let open = count(
            pool,
            "SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')",
        )
        .await;
        if open == 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{open} messages still open after {secs} s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The latest post's outbox: (rows, distinct recipients delivered, extra attempts).
pub async fn latest_post_rows(pool: &sqlx::SqlitePool) -> (i64, i64, i64) {
    let post = "(SELECT MAX(message_id) FROM posts)";
    (
        count(
            pool,
            &format!("SELECT COUNT(*) FROM outbox WHERE message_id = {post}"),
        )
        .await,
        count(
            pool,
            &format!(
                "SELECT COUNT(DISTINCT recipient_id) FROM outbox WHERE message_id = {post} \
                 AND state = 'delivered'"
            ),
        )
        .await,
        count(
            pool,
            &format!("SELECT COALESCE(SUM(attempts - 1), 0) FROM outbox WHERE message_id = {post}"),
        )
        .await,
    )
}
