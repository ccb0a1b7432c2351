//! What an installer gets: `packaging/smsup.toml.example` names every setting with its default and
//! is a valid settings file once uncommented; the systemd unit passes `systemd-analyze verify`; the
//! Containerfile (not buildable here: no container engine) keeps its shape; the binary needs glibc
//! alone.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use smsup::config::{Overrides, Settings};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example with every `# key = value` and `# [section]` line uncommented.
fn uncommented(example: &str) -> String {
    example
        .lines()
        .map(|l| {
            let Some(rest) = l.strip_prefix("# ") else {
                return l.to_string();
            };
            let is_section = rest.starts_with('[') && rest.ends_with(']');
            let is_setting = rest.split_once(" = ").is_some_and(|(k, _)| {
                !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            });
            if is_section || is_setting {
                rest.to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `section.key` of a TOML table (top-level keys without a section).
fn keys(table: &toml::Table, prefix: &str, out: &mut BTreeSet<String>) {
    for (k, v) in table {
        let name = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) => keys(t, &name, out),
            _ => {
                out.insert(name);
            }
        }
    }
}

#[test]
fn the_example_settings_name_every_setting_with_its_default() {
    let example = std::fs::read_to_string(root().join("packaging/smsup.toml.example")).unwrap();
    let live = uncommented(&example);
    let dir = common::tempdir();
    let file = dir.path().join("smsup.toml");
    std::fs::write(&file, &live).unwrap();
    // Valid as a whole: no unknown key, every value of the right type, the channels configure.
    let settings = Settings::load(Some(&file), Vec::new(), &Overrides::default())
        .unwrap_or_else(|e| panic!("the uncommented example is refused: {e}"));
    let channels = smsup::channels::configure(&settings)
        .unwrap_or_else(|e| panic!("the example's channels are refused: {e}"));
    let kinds: BTreeSet<&str> = channels.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        smsup::channels::kinds().collect(),
        "every channel kind is in the example"
    );

    // Every setting the program has is in the example, with the program's default.
    let defaults: toml::Table = toml::Value::try_from(Settings::default())
        .unwrap()
        .try_into()
        .unwrap();
    let written: toml::Table = live.parse().unwrap();
    let mut default_keys = BTreeSet::new();
    keys(&defaults, "", &mut default_keys);
    let mut written_keys = BTreeSet::new();
    keys(&written, "", &mut written_keys);
    let missing: Vec<&String> = default_keys.difference(&written_keys).collect();
    assert!(
        missing.is_empty(),
        "settings missing from the example: {missing:?}"
    );
    for key in &default_keys {
        let get = |t: &toml::Table| {
            let mut v = toml::Value::Table(t.clone());
            for part in key.split('.') {
                v = v.get(part).cloned().unwrap();
            }
            v
        };
        assert_eq!(
            get(&written),
            get(&defaults),
            "{key}: the example shows another value than the default"
        );
    }
}

#[test]
fn the_systemd_unit_passes_systemd_analyze_verify_and_is_hardened() {
    let unit = std::fs::read_to_string(root().join("packaging/smsup.service")).unwrap();
    for line in [
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "PrivateTmp=yes",
        "Restart=on-failure",
        "StateDirectory=smsup",
        "DynamicUser=yes",
        "ExecStart=/usr/local/bin/smsup serve",
    ] {
        assert!(unit.lines().any(|l| l == line), "missing {line}");
    }
    // systemd-analyze checks that ExecStart exists: point it at the binary built for the tests.
    let dir = common::tempdir();
    let path = dir.path().join("smsup.service");
    std::fs::write(&path, unit.replace("/usr/local/bin/smsup", common::bin())).unwrap();
    let out = std::process::Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .expect("systemd-analyze (Debian package systemd; .ci/run installs it)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "systemd-analyze verify: {said}");
    assert!(
        !said.contains("smsup.service:"),
        "systemd-analyze warns: {said}"
    );
}

#[test]
fn the_containerfile_builds_in_two_stages_and_runs_as_a_user_with_data_on_a_volume() {
    let text = std::fs::read_to_string(root().join("packaging/Containerfile")).unwrap();
    let instructions: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let froms: Vec<&&str> = instructions
        .iter()
        .filter(|l| l.starts_with("FROM "))
        .collect();
    assert_eq!(froms.len(), 2, "a build stage and a runtime stage");
    assert!(
        froms
            .iter()
            .all(|f| !f.contains(":latest") && f.contains(':')),
        "pinned images: {froms:?}"
    );
    assert!(text.contains("cargo build --release --locked"));
    let user = instructions
        .iter()
        .rev()
        .find(|l| l.starts_with("USER "))
        .expect("a USER");
    assert!(!user.contains("root") && !user.ends_with(" 0"), "{user}");
    assert!(instructions.contains(&"VOLUME [\"/data\"]"));
    assert!(text.contains("SMSUP_DB=/data/smsup.db"));
    // Every instruction is one Containerfile knows.
    const KNOWN: [&str; 12] = [
        "FROM",
        "RUN",
        "COPY",
        "WORKDIR",
        "USER",
        "VOLUME",
        "ENV",
        "EXPOSE",
        "ENTRYPOINT",
        "CMD",
        "&&",
        "-e",
    ];
    let mut continued = false;
    for line in &instructions {
        let word = line.split_whitespace().next().unwrap();
        assert!(
            continued || KNOWN.contains(&word),
            "unknown instruction {line}"
        );
        continued = line.ends_with('\\');
    }
}

#[test]
fn the_binary_needs_glibc_alone() {
    let out = std::process::Command::new("ldd")
        .arg(common::bin())
        .output()
        .expect("ldd");
    let libs = String::from_utf8_lossy(&out.stdout);
    for line in libs.lines() {
        let lib = line.split_whitespace().next().unwrap_or("");
        let glibc = [
            "linux-vdso.so",
            "libc.so",
            "libm.so",
            "libgcc_s.so",
            "ld-linux",
            "libpthread.so",
            "libdl.so",
            "librt.so",
        ];
        assert!(
            glibc.iter().any(|g| lib.contains(g))
                || Path::new(lib)
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("ld-linux")),
            "the binary links {lib}: {libs}"
        );
    }
}
