//! The command line: `serve`, `segments`, `doctor`, `backup`, `restore`, `members import|export`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The version and the git commit this binary was built from (`0.1.0 (1a2b3c4d5e6f)`).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("SMSUP_GIT_COMMIT"),
    ")"
);

/// How log lines are written to standard error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line, for log shippers.
    Json,
}

/// SMS Up: group messaging over plain SMS.
#[derive(Debug, Parser)]
#[command(name = "smsup", version = VERSION, about)]
pub struct Cli {
    /// Log lines as text or as one JSON object per line (level from `SMSUP_LOG`, default info).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t,
        env = "SMSUP_LOG_FORMAT"
    )]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by commands that open the database.
#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// The database: a SQLite file path or a sqlite:// URL [default: ./smsup.db].
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// TOML settings file.
    #[arg(long, env = "SMSUP_CONFIG")]
    pub config: Option<PathBuf>,
}

/// Commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the service.
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long)]
        listen: Option<String>,
        /// Database and settings.
        #[command(flatten)]
        db: DbArgs,
        /// Run the phone simulator even when a real gateway is configured.
        #[arg(long)]
        sim: bool,
    },
    /// Show how a text is encoded and how many SMS it takes.
    Segments {
        /// Apply smart encoding first.
        #[arg(long)]
        smart: bool,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// The text; read from standard input when absent.
        text: Option<String>,
    },
    /// Check the settings, the database, the key file and each channel; exit status 1 when a check
    /// fails. Safe while serve runs.
    Doctor {
        /// The address serve listens on, if not the settings' (to ask its /healthz and /metrics).
        #[arg(long)]
        listen: Option<String>,
        /// Database and settings.
        #[command(flatten)]
        db: DbArgs,
    },
    /// Write a consistent copy of the database while serve runs (keep the key file with it).
    Backup {
        /// Where to write the copy (must not exist).
        file: PathBuf,
        /// Database and settings.
        #[command(flatten)]
        db: DbArgs,
    },
    /// Replace the database with a backup (refused while serve runs).
    Restore {
        /// The backup file.
        file: PathBuf,
        /// Replace an existing database (it is kept as <db>.before-restore).
        #[arg(long)]
        force: bool,
        /// Do not send the messages the backup had still to send (they may have gone out already).
        #[arg(long)]
        cancel_pending: bool,
        /// Database and settings.
        #[command(flatten)]
        db: DbArgs,
    },
    /// Print the audit log: every admin action (approve, deny, ban, unban, remove, admin, owner,
    /// share, reply, outside, export with numbers) with who, what, which list and when.
    Audit {
        /// Only this list's actions.
        #[arg(long)]
        list: Option<String>,
        /// Database and settings.
        #[command(flatten)]
        db: DbArgs,
    },
    /// Import or export an organisation's members.
    Members {
        /// What to do.
        #[command(subcommand)]
        command: MembersCommand,
    },
    /// Certificates for the HTTPS listener.
    Tls {
        /// What to do.
        #[command(subcommand)]
        command: TlsCommand,
    },
}

/// `tls` subcommands.
#[derive(Debug, Subcommand)]
pub enum TlsCommand {
    /// A small local CA and a certificate for SMS Up's address on the LAN, signed by it: install
    /// the CA on each Android phone, give serve the certificate (tls_cert, tls_key).
    LanCert {
        /// SMS Up's address on the LAN, as the phones reach it (e.g. 192.168.1.10).
        #[arg(long)]
        ip: std::net::IpAddr,
        /// Where to write smsup-ca.pem, smsup-cert.pem and smsup-key.pem.
        #[arg(long, default_value = ".")]
        dir: PathBuf,
    },
}

/// `members` subcommands.
#[derive(Debug, Subcommand)]
pub enum MembersCommand {
    /// Import a CSV (header: phone, optional alias and language) into a list.
    Import {
        /// The list's name.
        list: String,
        /// The CSV file.
        file: PathBuf,
        /// The organisation attests each person agreed: add them at once (and tell them by SMS).
        #[arg(long)]
        consented: bool,
        /// With --consented: do not send the "you were added" SMS.
        #[arg(long, requires = "consented")]
        silent: bool,
        /// Database and settings.
        #[command(flatten)]
        db: DbArgs,
    },
    /// Write a list's members as CSV to standard output.
    Export {
        /// The list's name.
        list: String,
        /// Include phone numbers.
        #[arg(long)]
        numbers: bool,
        /// Database and settings.
        #[command(flatten)]
        db: DbArgs,
    },
}
