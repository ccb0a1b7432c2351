//! A node-smpp SMSC (interop/smpp/smsc.js) run by a test, and every JSON line it printed.
//!
//! Needs `node` and `interop/node_modules` (`./test.sh` installs them).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;

/// Milliseconds since the epoch on this machine's clock.
pub fn epoch_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

/// A node-smpp SMSC and every line it printed. Each event carries `recv_ms`, when the test read the
/// line (ms since the epoch), beside the SMSC's own `at_ms` (ms since it started) where it has one.
pub struct NodeSmsc {
    pub child: Child,
    pub port: u16,
    pub events: Arc<Mutex<Vec<Value>>>,
}

impl NodeSmsc {
    /// Starts `smsc.js --no-mo` with `args`, on `port` (0: any free port).
    pub fn start(port: u16, args: &[&str]) -> NodeSmsc {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("interop");
        let mut child = Command::new("node")
            .arg(dir.join("smpp/smsc.js"))
            .args(["--no-mo", "--port", &port.to_string()])
            .args(args)
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("node");
        let stdout = child.stdout.take().expect("stdout");
        let events: Arc<Mutex<Vec<Value>>> = Arc::default();
        let seen = events.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let Ok(mut v) = serde_json::from_str::<Value>(&line) else {
                    continue;
                };
                if let Some(o) = v.as_object_mut() {
                    o.insert("recv_ms".into(), epoch_ms().into());
                }
                if v["event"] == "listening" {
                    let _ = tx.send(v["port"].as_u64().unwrap_or(0) as u16);
                }
                seen.lock().unwrap().push(v);
            }
        });
        let port = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the SMSC did not start");
        NodeSmsc {
            child,
            port,
            events,
        }
    }

    /// The events named `name` so far.
    pub fn events(&self, name: &str) -> Vec<Value> {
        self.events
            .lock()
            .unwrap()
            .iter()
            .filter(|v| v["event"] == name)
            .cloned()
            .collect()
    }

    /// Waits until at least `n` submits arrived.
    pub fn wait_submits(&self, n: usize, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while self.events("submit").len() < n {
            assert!(
                Instant::now() < deadline,
                "fewer than {n} submits in {secs} s"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// When the SMSC's clock started (its `at_ms` 0), in ms since the epoch, from the events that
    /// carry `at_ms`: the least of `recv_ms - at_ms`. A line is read after it was printed, so this is
    /// never earlier than the truth: times converted with it are late by at most the fastest line's
    /// trip through the pipe (a latency measured with it is never shorter than the real one).
    pub fn started_at_ms(&self) -> i64 {
        self.events
            .lock()
            .unwrap()
            .iter()
            .filter_map(|v| Some(v["recv_ms"].as_i64()? - v["at_ms"].as_i64()?))
            .min()
            .unwrap_or_default()
    }

    /// SIGKILL: the SMSC process dies with whatever it had not answered.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for NodeSmsc {
    fn drop(&mut self) {
        self.kill();
    }
}
