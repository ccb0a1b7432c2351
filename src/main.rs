//! The `smsup` binary: parses the command line and calls the library.

use std::io::{Read, Write};

use anyhow::{Context, Result};
use clap::Parser;
use smsup::cli::{Cli, Command, DbArgs, LogFormat, MembersCommand, TlsCommand};
use smsup::config::{Overrides, Settings};
use smsup::store::{ImportMode, Members};

/// mimalloc instead of glibc's malloc: the dispatcher, the SMPP session and SQLite's writer
/// allocate on different threads and free on others, which glibc's arenas handle slowly.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(db: &DbArgs, listen: Option<String>, sim: bool) -> Result<Settings> {
    let overrides = Overrides {
        listen,
        db: db.db.clone(),
        sim,
    };
    Ok(Settings::load(
        db.config.as_deref(),
        std::env::vars(),
        &overrides,
    )?)
}

fn init_logs(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SMSUP_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().flatten_event(true).init(),
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve { listen, db, sim } => {
            init_logs(cli.log_format);
            let served = match load(&db, listen, sim) {
                Ok(settings) => smsup::app::serve(settings)
                    .await
                    .map_err(anyhow::Error::from),
                Err(e) => Err(e),
            };
            // With JSON logs, a fatal error is one more JSON line for the log shipper (and the
            // exit status 1); as text, it is printed as any command's error.
            if let (Err(e), LogFormat::Json) = (&served, cli.log_format) {
                tracing::error!(error = %format!("{e:#}"), "serve stopped");
                std::process::exit(1);
            }
            served?;
        }
        Command::Segments { smart, json, text } => {
            let text = match text {
                Some(t) => t,
                None => {
                    let mut buf = String::new();
                    std::io::stdin()
                        .read_to_string(&mut buf)
                        .context("reading the text from standard input")?;
                    buf
                }
            };
            let text = if smart {
                smsup_sms::smart_encode(&text).into_owned()
            } else {
                text
            };
            let a = smsup_sms::analyze(&text);
            if json {
                println!("{}", a.to_json());
            } else {
                println!("encoding:   {}", a.encoding);
                println!("characters: {}", a.characters);
                println!("units:      {}", a.units);
                println!("segments:   {}", a.segments);
                if !a.non_gsm.is_empty() {
                    println!("non-GSM:    {}", a.non_gsm.join(" "));
                }
            }
        }
        Command::Doctor { listen, db } => {
            let settings = match load(&db, listen, false) {
                Ok(s) => s,
                Err(e) => {
                    println!(
                        "FAIL  settings: {}",
                        smsup::ops::doctor::one_line(&format!("{e:#}"))
                    );
                    std::process::exit(1);
                }
            };
            let checks = smsup::ops::doctor::run(&settings).await;
            for check in &checks {
                println!("{check}");
            }
            if checks
                .iter()
                .any(|c| c.status == smsup::ops::doctor::Status::Fail)
            {
                std::process::exit(1);
            }
        }
        Command::Backup { file, db } => {
            let settings = load(&db, None, false)?;
            let summary = smsup::ops::backup(&settings.db, &file)?;
            println!(
                "backup written to {} ({} lists, {} members, {} messages, {} bytes)",
                file.display(),
                summary.lists,
                summary.members,
                summary.outbox,
                summary.bytes
            );
            println!(
                "keep the key file {} (or SMSUP_KEY) with it: without the key the phone numbers in the \
                 backup cannot be read",
                settings.key_path().display()
            );
        }
        Command::Restore {
            file,
            force,
            cancel_pending,
            db,
        } => {
            let settings = load(&db, None, false)?;
            let key = match settings.key.as_deref() {
                Some(k) => Some(smsup::crypto::Crypto::from_hex(k)?),
                None => match std::fs::read_to_string(settings.key_path()) {
                    Ok(text) => Some(smsup::crypto::Crypto::from_hex(&text)?),
                    Err(_) => None,
                },
            };
            let restored =
                smsup::ops::restore(&file, &settings.db, force, key.as_ref(), cancel_pending)?;
            let summary = &restored.summary;
            println!(
                "restored {} into {} ({} lists, {} members, {} messages)",
                file.display(),
                settings.db.display(),
                summary.lists,
                summary.members,
                summary.outbox
            );
            if let Some(previous) = &restored.previous {
                println!(
                    "the database it replaced is kept as {} (delete it when you are sure)",
                    previous.display()
                );
            }
            if let Some(newest) = summary.newest_ms {
                let hours = (smsup::store::now_ms() - newest) / 3_600_000;
                if hours >= 1 {
                    println!(
                        "the backup's newest message is {hours} hours old: SMS received since then \
                         (posts, STOPs, JOINs) are not in it"
                    );
                }
            }
            if restored.cancelled > 0 {
                println!(
                    "{} messages the backup had still to send were cancelled",
                    restored.cancelled
                );
            } else if summary.pending > 0 {
                println!(
                    "{} messages the backup had still to send go out when serve starts (some may \
                     have been sent already after the backup was taken; restore with \
                     --cancel-pending to drop them)",
                    summary.pending
                );
            }
            if key.is_none() {
                println!(
                    "no key file at {}: put the key file kept with this backup there before serve",
                    settings.key_path().display()
                );
            }
        }
        Command::Members { command } => {
            init_logs(cli.log_format);
            members(command).await?;
        }
        Command::Tls {
            command: TlsCommand::LanCert { ip, dir },
        } => {
            let made = smsup::web::tls::lan_cert(ip, &dir)?;
            println!("CA (install it on each phone):  {}", made.ca.display());
            println!("certificate (tls_cert):         {}", made.cert.display());
            println!("key (tls_key, keep it private): {}", made.key.display());
            println!(
                "settings: tls_listen = \"{ip}:8443\", tls_cert = \"{}\", tls_key = \"{}\"; public_url = \"https://{ip}:8443\" in [android]",
                made.cert.display(),
                made.key.display()
            );
            println!(
                "on the phone: copy smsup-ca.pem to it, then Settings > Security > Encryption & credentials > Install a certificate > CA certificate (the menu's words vary by phone); the app then trusts https://{ip}:8443"
            );
        }
        Command::Audit { list, db } => {
            init_logs(cli.log_format);
            let settings = load(&db, None, false)?;
            let (store, _) = smsup::app::open_store(&settings, smsup::app::Open::Existing).await?;
            let rows = store.audit(list.as_deref()).await?;
            if rows.is_empty() {
                println!("no admin actions recorded");
            }
            for r in rows {
                let at = chrono::DateTime::from_timestamp_millis(r.at)
                    .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
                    .unwrap_or_default();
                println!(
                    "{at}  {:<24}  {:<14}  by {:<12}  {}",
                    r.list, r.action, r.actor, r.target
                );
            }
        }
    }
    Ok(())
}

async fn members(command: MembersCommand) -> Result<()> {
    match command {
        MembersCommand::Import {
            list,
            file,
            consented,
            silent,
            db,
        } => {
            let settings = load(&db, None, false)?;
            let input = std::fs::File::open(&file)
                .with_context(|| format!("opening {}", file.display()))?;
            let (rows, errors) = smsup::members::read_import(input, &settings.default_region)?;
            // The first 20 problems by line, then a count: a 100,000-line file of errors must not
            // drown the terminal.
            const SHOWN: usize = 20;
            for e in errors.iter().take(SHOWN) {
                eprintln!("line {}: skipped: {}", e.line, e.reason);
            }
            if errors.len() > SHOWN {
                eprintln!("... and {} more rows skipped", errors.len() - SHOWN);
            }
            if rows.is_empty() {
                anyhow::bail!(
                    "nothing imported: {} rows skipped, none valid (expected a header phone,alias,language and one number per row)",
                    errors.len()
                );
            }
            let (store, _) = smsup::app::open_store(&settings, smsup::app::Open::Existing).await?;
            let engine = smsup::engine::Engine::new(smsup::app::rules(&settings));
            let mode = match (consented, silent) {
                (false, _) => ImportMode::Invite,
                (true, false) => ImportMode::Consented,
                (true, true) => ImportMode::ConsentedSilent,
            };
            let report =
                smsup::service::members::import(&store, &list, &rows, mode, &engine).await?;
            println!(
                "imported into {list}: {} invited, {} added, {} already members or invited lately, {} opted out, {} declined and {} banned (left alone), {} skipped; {} SMS queued",
                report.invited,
                report.added,
                report.already,
                report.opted_out,
                report.declined,
                report.banned,
                errors.len(),
                report.messages
            );
            if report.aliases_refused > 0 {
                println!(
                    "{} aliases not given: they look like another member's alias in {list}",
                    report.aliases_refused
                );
            }
        }
        MembersCommand::Export { list, numbers, db } => {
            let settings = load(&db, None, false)?;
            let (store, _) = smsup::app::open_store(&settings, smsup::app::Open::Existing).await?;
            let rows = store.export_members(&list, numbers).await?;
            if numbers {
                // Numbers leave the database: that is written down first.
                store.audit_operator(&list, "export-numbers").await?;
            }
            let stdout = std::io::stdout();
            let mut w = csv::Writer::from_writer(stdout.lock());
            if numbers {
                w.write_record(["label", "alias", "role", "state", "language", "phone"])?;
            } else {
                w.write_record(["label", "alias", "role", "state", "language"])?;
            }
            for r in rows {
                let mut rec = vec![r.label, r.alias, r.role, r.state, r.language];
                if let Some(p) = r.phone {
                    rec.push(p);
                }
                w.write_record(
                    rec.iter()
                        .map(|c| smsup::members::spreadsheet_safe(c).into_owned()),
                )?;
            }
            w.flush()?;
            std::io::stdout().flush()?;
        }
    }
    Ok(())
}
