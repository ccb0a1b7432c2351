//! Interop: the Zawgyi detector and converter against the npm package myanmar-tools (the version
//! pinned in interop/package.json), on every line of the package's own Burmese corpora in both fonts
//! and on every Burmese reply of SMS Up, in both fonts.
//!
//! Needs `node` and `<workspace>/interop/node_modules` (CI installs them). Set SMSUP_SKIP_INTEROP=1
//! to skip when they are missing.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use smsup_lang::{unicode_to_zawgyi, zawgyi_probability, zawgyi_to_unicode};

fn package() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../interop");
    if dir.join("node_modules/myanmar-tools").is_dir() {
        return Some(dir);
    }
    if std::env::var("SMSUP_SKIP_INTEROP").as_deref() == Ok("1") {
        eprintln!("SMSUP_SKIP_INTEROP=1: skipping the myanmar-tools interop test");
        return None;
    }
    panic!(
        "{}/node_modules/myanmar-tools is missing: run `npm ci` in interop/ (or set SMSUP_SKIP_INTEROP=1)",
        dir.display()
    );
}

/// Lines of a corpus file of the package (comments and blank lines left out).
fn corpus(dir: &std::path::Path, name: &str) -> Vec<String> {
    let path = dir.join("node_modules/myanmar-tools/resources").join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn detector_and_converter_agree_with_myanmar_tools() {
    let Some(dir) = package() else { return };
    let zawgyi: Vec<String> = corpus(&dir, "mmgov_zawgyi_src.txt")
        .into_iter()
        .chain(corpus(&dir, "udhr_mya_zawgyi_out.txt"))
        .collect();
    let mut unicode: Vec<String> = corpus(&dir, "mmgov_unicode_out.txt")
        .into_iter()
        .chain(corpus(&dir, "udhr_mya_unicode_src.txt"))
        .collect();
    // SMS Up's own Burmese replies (what a Zawgyi reader receives after conversion).
    let replies = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales/my/main.ftl"),
    )
    .unwrap();
    unicode.extend(
        replies
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(" = ").map(|(_, v)| v.to_string())),
    );
    let texts: Vec<String> = zawgyi.iter().chain(&unicode).cloned().collect();
    assert!(
        zawgyi.len() >= 150 && unicode.len() >= 150,
        "{} {}",
        zawgyi.len(),
        unicode.len()
    );
    assert!(texts.len() >= 300, "{} texts", texts.len());

    let mut child = Command::new("node")
        .arg(dir.join("zawgyi/oracle.js"))
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&texts).unwrap().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let answers: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answers.len(), texts.len());

    let mut problems = Vec::new();
    let mut zawgyi_side = 0;
    for (text, answer) in texts.iter().zip(&answers) {
        let ours = zawgyi_probability(text);
        match answer["p"].as_f64() {
            None => {
                if ours != f64::NEG_INFINITY {
                    problems.push(format!("p: none there, {ours} here: {text}"));
                }
            }
            Some(theirs) => {
                if (theirs > 0.95) != (ours > 0.95) || (theirs - ours).abs() > 1e-4 {
                    problems.push(format!("p: {theirs} there, {ours} here: {text}"));
                }
                zawgyi_side += usize::from(theirs > 0.95);
            }
        }
        if zawgyi_to_unicode(text) != answer["z2u"].as_str().unwrap() {
            problems.push(format!("z2u differs: {text}"));
        }
        if unicode_to_zawgyi(text) != answer["u2z"].as_str().unwrap() {
            problems.push(format!("u2z differs: {text}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} texts differ:\n{}",
        problems.len(),
        texts.len(),
        problems.join("\n")
    );
    // Both sides of the threshold were tried.
    assert!(
        zawgyi_side >= 100 && texts.len() - zawgyi_side >= 100,
        "{zawgyi_side}"
    );
}
