//! The command line: `serve`, `segments`, `members import|export`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// SMS Up: group messaging over plain SMS.
#[derive(Debug, Parser)]
#[command(name = "smsup", version, about)]
pub struct Cli {
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
    /// Import or export an organisation's members.
    Members {
        /// What to do.
        #[command(subcommand)]
        command: MembersCommand,
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
