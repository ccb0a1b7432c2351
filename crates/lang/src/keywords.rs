//! Command keywords, read from `locales/<code>/keywords.txt` (data a volunteer can edit).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::{normalize, Keyword, Lang};

/// The keyword files, compiled in. English (`en`) keywords work whatever the member's language.
const FILES: [(Lang, &str); 11] = [
    (Lang::En, include_str!("../locales/en/keywords.txt")),
    (Lang::Ms, include_str!("../locales/ms/keywords.txt")),
    (Lang::My, include_str!("../locales/my/keywords.txt")),
    (Lang::Fa, include_str!("../locales/fa/keywords.txt")),
    (Lang::Ar, include_str!("../locales/ar/keywords.txt")),
    (Lang::So, include_str!("../locales/so/keywords.txt")),
    (Lang::Ur, include_str!("../locales/ur/keywords.txt")),
    (Lang::Ta, include_str!("../locales/ta/keywords.txt")),
    (Lang::Ps, include_str!("../locales/ps/keywords.txt")),
    (Lang::Cnh, include_str!("../locales/cnh/keywords.txt")),
    (Lang::Rhg, include_str!("../locales/rhg/keywords.txt")),
];

/// A line of a keyword file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeywordFileError {
    /// The line has no `=`.
    #[error("{lang:?} keywords.txt line {line}: expected `command = word, word`")]
    Syntax {
        /// The language of the file.
        lang: Lang,
        /// The line number (1-based).
        line: usize,
    },
    /// The command name before `=` is not one of ours.
    #[error("{lang:?} keywords.txt line {line}: unknown command {command:?}")]
    UnknownCommand {
        /// The language of the file.
        lang: Lang,
        /// The line number (1-based).
        line: usize,
        /// The name found.
        command: String,
    },
    /// A word is empty or contains a space once normalised.
    #[error("{lang:?} keywords.txt line {line}: {word:?} is not a single word")]
    BadWord {
        /// The language of the file.
        lang: Lang,
        /// The line number (1-based).
        line: usize,
        /// The word found.
        word: String,
    },
}

impl Keyword {
    /// A command only in its own shape (`OK A12`: before an alert's code; `ALERTS safety CONFIRM`:
    /// before a list and CONFIRM or DIRECT; `RESULTS C3`: before a check-in's code); otherwise its
    /// word is an ordinary word, and may name a list (a list called `alerts`).
    pub fn only_in_shape(self) -> bool {
        matches!(self, Keyword::Ok | Keyword::Alerts | Keyword::Results)
    }

    /// Every command keyword.
    pub const ALL: [Keyword; 40] = [
        Keyword::Help,
        Keyword::Create,
        Keyword::Announce,
        Keyword::Join,
        Keyword::Leave,
        Keyword::Lists,
        Keyword::Name,
        Keyword::Info,
        Keyword::Add,
        Keyword::Remove,
        Keyword::Admin,
        Keyword::Stop,
        Keyword::Start,
        Keyword::Language,
        Keyword::No,
        Keyword::Font,
        Keyword::Move,
        Keyword::Private,
        Keyword::Approve,
        Keyword::Deny,
        Keyword::Ban,
        Keyword::Unban,
        Keyword::Owner,
        Keyword::Reply,
        Keyword::Share,
        Keyword::Outside,
        Keyword::Forget,
        Keyword::To,
        Keyword::Block,
        Keyword::Dm,
        Keyword::Delete,
        Keyword::Moderate,
        Keyword::Alert,
        Keyword::Reporter,
        Keyword::Correct,
        Keyword::Status,
        Keyword::Alerts,
        Keyword::Ok,
        Keyword::Check,
        Keyword::Results,
    ];

    /// The message that explains this command, the answer to `HELP <command>` (`usage-join`).
    /// `HELP STOP` opts out (a help word before a stop word asks to stop), so STOP and HELP itself
    /// both get the explanation of HELP.
    pub fn usage_id(self) -> &'static str {
        match self {
            Keyword::Help | Keyword::Stop => "usage-help",
            Keyword::Font => "font-usage",
            Keyword::Move => "move-usage",
            Keyword::Create => "usage-create",
            Keyword::Announce => "usage-announce",
            Keyword::Join => "usage-join",
            Keyword::Leave => "usage-leave",
            Keyword::Lists => "usage-lists",
            Keyword::Name => "usage-name",
            Keyword::Info => "usage-info",
            Keyword::Add => "usage-add",
            Keyword::Remove => "usage-remove",
            Keyword::Admin => "usage-admin",
            Keyword::Start => "usage-start",
            Keyword::Language => "usage-lang",
            Keyword::No => "usage-no",
            Keyword::Private => "usage-private",
            Keyword::Approve => "usage-approve",
            Keyword::Deny => "usage-deny",
            Keyword::Ban => "usage-ban",
            Keyword::Unban => "usage-unban",
            Keyword::Owner => "usage-owner",
            Keyword::Reply => "usage-reply",
            Keyword::Share => "usage-share",
            Keyword::Outside => "usage-outside",
            Keyword::Forget => "usage-forget",
            Keyword::To => "usage-to",
            Keyword::Block => "usage-block",
            Keyword::Dm => "usage-dm",
            Keyword::Delete => "usage-delete",
            Keyword::Moderate => "usage-moderate",
            Keyword::Alert => "usage-alert",
            Keyword::Reporter => "usage-reporter",
            Keyword::Correct => "usage-correct",
            Keyword::Status => "usage-status",
            Keyword::Alerts => "usage-alerts",
            Keyword::Ok => "usage-ok",
            Keyword::Check => "usage-check",
            Keyword::Results => "usage-results",
        }
    }

    /// The command's name in the keyword files (`join`, `lang`, ...).
    pub fn command_name(self) -> &'static str {
        match self {
            Keyword::Help => "help",
            Keyword::Create => "create",
            Keyword::Announce => "announce",
            Keyword::Join => "join",
            Keyword::Leave => "leave",
            Keyword::Lists => "lists",
            Keyword::Name => "name",
            Keyword::Info => "info",
            Keyword::Add => "add",
            Keyword::Remove => "remove",
            Keyword::Admin => "admin",
            Keyword::Stop => "stop",
            Keyword::Start => "start",
            Keyword::Language => "lang",
            Keyword::No => "no",
            Keyword::Font => "font",
            Keyword::Move => "move",
            Keyword::Private => "private",
            Keyword::Approve => "approve",
            Keyword::Deny => "deny",
            Keyword::Ban => "ban",
            Keyword::Unban => "unban",
            Keyword::Owner => "owner",
            Keyword::Reply => "reply",
            Keyword::Share => "share",
            Keyword::Outside => "outside",
            Keyword::Forget => "forget",
            Keyword::To => "to",
            Keyword::Block => "block",
            Keyword::Dm => "dm",
            Keyword::Delete => "delete",
            Keyword::Moderate => "moderate",
            Keyword::Alert => "alert",
            Keyword::Reporter => "reporter",
            Keyword::Correct => "correct",
            Keyword::Status => "status",
            Keyword::Alerts => "alerts",
            Keyword::Ok => "ok",
            Keyword::Check => "check",
            Keyword::Results => "results",
        }
    }
}

/// Parse one keyword file into `(normalised word, keyword)` pairs, in file order.
pub fn parse_keywords(lang: Lang, text: &str) -> Result<Vec<(String, Keyword)>, KeywordFileError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = raw.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let (command, words) = content
            .split_once('=')
            .ok_or(KeywordFileError::Syntax { lang, line })?;
        let command = command.trim();
        let keyword = Keyword::ALL
            .into_iter()
            .find(|k| k.command_name() == command)
            .ok_or_else(|| KeywordFileError::UnknownCommand {
                lang,
                line,
                command: command.to_string(),
            })?;
        for word in words.split([',', '،']) {
            let normalised = normalize(word.trim());
            if normalised.is_empty() || normalised.chars().any(char::is_whitespace) {
                return Err(KeywordFileError::BadWord {
                    lang,
                    line,
                    word: word.to_string(),
                });
            }
            out.push((normalised, keyword));
        }
    }
    Ok(out)
}

/// Every language's keywords as read from its file; a file that cannot be read counts as empty
/// (a test makes sure every shipped file reads cleanly).
/// A language's normalised keywords, in file order.
type Words = Vec<(String, Keyword)>;

static BY_LANG: LazyLock<Vec<(Lang, Words)>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(lang, text)| (*lang, parse_keywords(*lang, text).unwrap_or_default()))
        .collect()
});

/// Normalised word → (keyword, language). The language is None for English words and for a word
/// that several languages share with the same meaning (then the text's script and the number's
/// country decide the reply's language).
static INDEX: LazyLock<HashMap<String, (Keyword, Option<Lang>)>> = LazyLock::new(|| {
    let mut index: HashMap<String, (Keyword, Option<Lang>)> = HashMap::new();
    for (lang, words) in BY_LANG.iter() {
        for (word, keyword) in words {
            let lang = (*lang != Lang::En).then_some(*lang);
            index
                .entry(word.clone())
                .and_modify(|existing| {
                    if existing.1 != lang {
                        existing.1 = None;
                    }
                })
                .or_insert((*keyword, lang));
        }
    }
    index
});

/// The keyword a normalised word stands for, with the language it is a keyword of (None for English,
/// which works everywhere, and for a word several languages share).
pub fn keyword(word: &str) -> Option<(Keyword, Option<Lang>)> {
    INDEX.get(word).copied()
}

/// True when the normalised word is a keyword in any language (keywords cannot be list names),
/// but for the words of commands that only have their own shape ([`Keyword::only_in_shape`]).
pub fn is_reserved(word: &str) -> bool {
    INDEX.get(word).is_some_and(|(k, _)| !k.only_in_shape())
}

/// The normalised keywords of one language, in the order of its file (English: the words that work
/// everywhere).
pub fn keywords_of(lang: Lang) -> Vec<(&'static str, Keyword)> {
    BY_LANG
        .iter()
        .filter(|(l, _)| *l == lang)
        .flat_map(|(_, words)| words.iter().map(|(w, k)| (w.as_str(), *k)))
        .collect()
}

/// The keyword files as shipped, for checks: `(language, file text)`.
pub fn keyword_files() -> &'static [(Lang, &'static str)] {
    &FILES
}
