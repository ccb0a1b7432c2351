//! Reading an SMS into a command. Keywords come from `smsup_lang` (English everywhere, plus each
//! language's own), matched after normalisation; anything else that starts with a word is a post.

use smsup_lang::{Keyword, Lang};

use crate::phone::Phone;

/// What a person asked for with one SMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `HELP`.
    Help,
    /// `HELP <command>`: explain one command.
    HelpOn {
        /// The command asked about.
        topic: Keyword,
    },
    /// `CREATE <list> [ANNOUNCE] [PRIVATE]`.
    Create {
        /// The list name as typed.
        name: String,
        /// Only owner and admins may post.
        announce: bool,
        /// One joins only with an admin's approval.
        private: bool,
    },
    /// `APPROVE [list] <#label>`: let someone who asked join a private list.
    Approve {
        /// The list name as typed, if given.
        list: Option<String>,
        /// Alias or label of the person who asked.
        who: String,
    },
    /// `DENY [list] <#label>`: refuse someone who asked to join a private list.
    Deny {
        /// The list name as typed, if given.
        list: Option<String>,
        /// Alias or label of the person who asked.
        who: String,
    },
    /// `BAN <list> <who>`: remove a member and keep their number out for good.
    Ban {
        /// The list name as typed.
        list: String,
        /// Alias or label of the member.
        who: String,
    },
    /// `UNBAN <list> <#label>`: lift a ban.
    Unban {
        /// The list name as typed.
        list: String,
        /// The label the banned number had.
        who: String,
    },
    /// `OWNER <list> <who>`: pass the list on.
    Owner {
        /// The list name as typed.
        list: String,
        /// Alias or label of the member.
        who: String,
    },
    /// `REPLY <code> <text>`: answer a help request.
    Reply {
        /// The help request's code as typed (`H7`).
        code: String,
        /// The answer, untouched.
        text: String,
    },
    /// `SHARE <code>`: post a help request's text to all members of its list.
    Share {
        /// The help request's code as typed.
        code: String,
    },
    /// `FORGET`: erase me (a code is sent); `FORGET <code>` confirms.
    Forget {
        /// The code as typed (digits of any script made ASCII), if any.
        code: Option<String>,
    },
    /// `OUTSIDE <list> [ON|OFF]`: the help line for people outside the list.
    Outside {
        /// The list name as typed.
        list: String,
        /// On or off; None when neither was given.
        on: Option<bool>,
    },
    /// `TO <list> <who> <text>`: a private message to another member of a list.
    To {
        /// The list name as typed.
        list: String,
        /// Alias or label of the member (empty when not given).
        who: String,
        /// The message, untouched (empty when not given).
        text: String,
    },
    /// `BLOCK [list] <who> [OFF]`: stop (or allow again) private messages from one person.
    Block {
        /// The list name as typed, if given.
        list: Option<String>,
        /// Alias or label of the person.
        who: String,
        /// True to block, false (`OFF`) to allow again.
        on: bool,
    },
    /// `DM <list> [ON|OFF]`: private messages between the list's members.
    Dm {
        /// The list name as typed.
        list: String,
        /// On or off; None when neither was given.
        on: Option<bool>,
    },
    /// `DELETE <list> [code]`: close a list for good (a code is sent; the code confirms).
    Delete {
        /// The list name as typed.
        list: String,
        /// The digits given after the list (any script made ASCII), if any.
        code: Option<String>,
    },
    /// `MODERATE <list> [ON|OFF]`: hold plain members' posts for an admin's approval.
    Moderate {
        /// The list name as typed.
        list: String,
        /// On or off; None when neither was given.
        on: Option<bool>,
    },
    /// `JOIN <list>`.
    Join {
        /// The list name as typed.
        list: String,
    },
    /// `LEAVE <list>`.
    Leave {
        /// The list name as typed.
        list: String,
    },
    /// `<list> <text>`.
    Post {
        /// The list name as typed.
        list: String,
        /// The text, untouched.
        text: String,
    },
    /// `LISTS`.
    Lists,
    /// `NAME <alias>`.
    Name {
        /// The alias as typed.
        alias: String,
    },
    /// `INFO <list>`.
    Info {
        /// The list name as typed.
        list: String,
    },
    /// `ADD <list> <phone>`.
    Add {
        /// The list name as typed.
        list: String,
        /// The number, or what was typed when it is not a valid number.
        phone: Result<Phone, String>,
    },
    /// `REMOVE <list> <alias or #label>`.
    Remove {
        /// The list name as typed.
        list: String,
        /// Alias or label of the member.
        who: String,
    },
    /// `ADMIN <list> <alias or #label>`.
    Admin {
        /// The list name as typed.
        list: String,
        /// Alias or label of the member.
        who: String,
    },
    /// A message whose first word is `STOP` (or a synonym, in any language): opt out of everything,
    /// whatever follows (`STOP ALL`, `stop please`, `henti semua`).
    Stop,
    /// `START` alone (and its synonyms, `YES`): opt back in, or accept the latest invitation.
    Start,
    /// `NO [list]`: refuse an invitation to a list and every later one (bare: the latest).
    No {
        /// The list name as typed, if any.
        list: Option<String>,
    },
    /// `ANNOUNCE <name>`: a modifier used as a command; the reply shows how to use it.
    AnnounceUsage {
        /// The name as typed.
        name: String,
    },
    /// `LANG [code]`.
    Language {
        /// The code or language name given, if any.
        code: Option<String>,
    },
    /// `MOVE <new number>` from the old phone (a code goes to the new one), or `MOVE <code>` from the
    /// new phone.
    Move(MoveArg),
    /// `FONT [ZAWGYI|UNICODE]`: how Burmese is sent to me.
    Font {
        /// The choice as typed, if any.
        choice: Option<String>,
    },
    /// A command that needs a list name was sent without one.
    NeedList {
        /// The keyword as typed, to show in the example.
        keyword: String,
    },
    /// A single word that is not a keyword (maybe a list name without a message).
    Word(String),
    /// `ALERT <list> <text>`: a security alert to every member, before everything else.
    Alert {
        /// The list name as typed.
        list: String,
        /// The alert's text as typed (`TEST …` marks a test).
        text: String,
    },
    /// `REPORTER <list> <who> [OFF]`: let a member send alerts, or no longer.
    Reporter {
        /// The list name as typed.
        list: String,
        /// An alias or `#label`.
        who: String,
        /// False with OFF.
        on: bool,
    },
    /// `CORRECT <code> <text>`: a correction of an alert (`A12`) to everyone it reached.
    Correct {
        /// The alert's code as typed.
        code: String,
        /// The correction as typed.
        text: String,
    },
    /// `STATUS <code>`: how far an alert (`A12`) got.
    Status {
        /// The alert's code as typed.
        code: String,
    },
    /// `ALERTS <list> CONFIRM|DIRECT`: whether the list's alerts wait for a second admin's OK.
    AlertRule {
        /// The list name as typed.
        list: String,
        /// True with CONFIRM, false with DIRECT, None when neither was typed.
        confirm: Option<bool>,
    },
    /// `OK <code>`: a second admin sends an alert (`A12`) that waits for their OK.
    ConfirmAlert {
        /// The alert's code as typed.
        code: String,
    },
    /// `CHECK <list> <question>`: a safety check-in to every member.
    Check {
        /// The list name as typed.
        list: String,
        /// The question as typed.
        question: String,
    },
    /// `RESULTS <code>`: a check-in's (`C3`) answers so far.
    Results {
        /// The check-in's code as typed.
        code: String,
    },
    /// `1` or `2` (any script's digit), perhaps with words after it: the answer to the latest
    /// check-in the sender got, when there is one; otherwise what it would have been.
    CheckAnswer {
        /// `1`: safe; `2`: needs help.
        safe: bool,
        /// What followed the digit (it goes with a call for help).
        note: String,
        /// The command it is without an open check-in.
        otherwise: Box<Command>,
    },
    /// An empty message.
    Empty,
}

impl Command {
    /// The command's name as stored with an inbound SMS (for limits that count attempts), never
    /// its arguments.
    pub fn kind(&self) -> &'static str {
        match self {
            Command::Help | Command::HelpOn { .. } => "help",
            Command::Alert { .. } => "alert",
            Command::Reporter { .. } => "reporter",
            Command::Correct { .. } => "correct",
            Command::Status { .. } => "status",
            Command::AlertRule { .. } => "alerts",
            Command::ConfirmAlert { .. } => "ok",
            Command::Check { .. } => "check",
            Command::Results { .. } => "results",
            Command::CheckAnswer { .. } => "answer",
            Command::Create { .. } => "create",
            Command::Join { .. } => "join",
            Command::Leave { .. } => "leave",
            Command::Post { .. } => "post",
            Command::Lists => "lists",
            Command::Name { .. } => "name",
            Command::Info { .. } => "info",
            Command::Add { .. } => "add",
            Command::Remove { .. } => "remove",
            Command::Admin { .. } => "admin",
            Command::Approve { .. } => "approve",
            Command::Deny { .. } => "deny",
            Command::Ban { .. } => "ban",
            Command::Unban { .. } => "unban",
            Command::Owner { .. } => "owner",
            Command::Reply { .. } => "reply",
            Command::Share { .. } => "share",
            Command::Outside { .. } => "outside",
            Command::Forget { .. } => "forget",
            Command::To { .. } => "to",
            Command::Block { .. } => "block",
            Command::Dm { .. } => "dm",
            Command::Delete { .. } => "delete",
            Command::Moderate { .. } => "moderate",
            Command::Stop => "stop",
            Command::Start => "start",
            Command::No { .. } => "no",
            Command::AnnounceUsage { .. } => "announce",
            Command::Language { .. } => "lang",
            Command::Font { .. } => "font",
            Command::Move(_) => "move",
            Command::NeedList { .. } => "need-list",
            Command::Word(_) => "word",
            Command::Empty => "empty",
        }
    }
}

/// What follows MOVE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveArg {
    /// Nothing.
    Nothing,
    /// The code sent to the new number (six digits, in any script).
    Code(String),
    /// The new number, or what was typed when it is not a valid number.
    Number(Result<Phone, String>),
}

/// A parsed SMS and the language its keyword was written in, if not English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The command.
    pub command: Command,
    /// The language of a native keyword.
    pub keyword_lang: Option<Lang>,
}

/// A character that belongs to a word: letters and digits of any script, the combining marks that
/// are parts of letters (Burmese asat ်, dot below ့, vowel signs, Arabic harakat), the joiners some
/// scripts need inside words, and `#` (also the fullwidth `＃` and small `﹟` phones offer) and `+`
/// (labels, numbers).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || smsup_lang::is_mark(c)
        || matches!(c, '\u{200C}' | '\u{200D}' | '#' | '＃' | '﹟' | '+')
}

/// Trim surrounding white space, punctuation and symbols (`JOIN housing.` → `housing`,
/// `ရပ်။` → `ရပ်`), never a combining mark.
pub fn trim_word(s: &str) -> &str {
    s.trim_matches(|c: char| !is_word_char(c))
}

/// A character that separates words: white space, and the zero-width space (a space that does
/// not show: `housing\u{200B}stop` is two words).
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}'
}

/// Split off the first word: (word, rest with leading space trimmed).
fn split_first(s: &str) -> (&str, &str) {
    let s = s.trim_start_matches(is_space);
    match s.find(is_space) {
        Some(i) => (&s[..i], s[i..].trim_start_matches(is_space)),
        None => (s, ""),
    }
}

/// The command a `HELP` asks about: the keyword its next word (or next two words, `opt out`)
/// stands for.
fn help_topic(rest: &str) -> Option<Keyword> {
    let (first, after) = split_first(rest);
    if let Some((k, _)) = keyword_of(first) {
        return Some(k);
    }
    let (second, _) = split_first(after);
    if second.is_empty() {
        return None;
    }
    let joined = format!("{}{}", trim_word(first), trim_word(second));
    smsup_lang::keyword(&smsup_lang::normalize(&joined)).map(|(k, _)| k)
}

/// The keyword a word stands for, if any.
fn keyword_of(word: &str) -> Option<(Keyword, Option<Lang>)> {
    let key = smsup_lang::normalize(trim_word(word));
    if key.is_empty() {
        return None;
    }
    smsup_lang::keyword(&key)
}

/// True when `word` is an opt-out keyword of any language, also when it is written with
/// look-alike letters (`stоp` with a Cyrillic о), glued to what follows by punctuation
/// (`stop,please`, `STOP-ALL`), or, in Burmese, which is written without spaces between words,
/// when it starts with one (`ရပ်ပါ`, "stop please").
pub fn is_stop_word(word: &str) -> bool {
    stop_keyword_lang(word).is_some()
}

/// The language of the opt-out keyword `word` is or starts with (see [`is_stop_word`]); `Some(None)`
/// for an English one.
fn stop_keyword_lang(word: &str) -> Option<Option<Lang>> {
    let word = trim_word(word).trim_start_matches(['#', '+']);
    if word.is_empty() {
        return None;
    }
    if let Some((Keyword::Stop, lang)) = keyword_of(word) {
        return Some(lang);
    }
    // The first run of letters before any punctuation.
    let head: &str = word
        .split(|c: char| !is_word_char(c) || c == '#' || c == '+')
        .next()
        .unwrap_or("");
    if head != word {
        if let Some((Keyword::Stop, lang)) = keyword_of(head) {
            return Some(lang);
        }
    }
    let key = smsup_lang::normalize(word);
    let confusable = smsup_lang::confusable_key(word);
    for (lang, stop, stop_confusable) in stop_keywords() {
        if *stop == key || *stop_confusable == confusable {
            return Some(*lang);
        }
        let myanmar = stop
            .chars()
            .next()
            .is_some_and(|c| ('\u{1000}'..='\u{109F}').contains(&c));
        if myanmar {
            if let Some(rest) = key.strip_prefix(stop.as_str()) {
                if BURMESE_POLITE
                    .iter()
                    .any(|s| smsup_lang::normalize(s) == rest)
                {
                    return Some(*lang);
                }
            }
        }
    }
    None
}

/// True when a post's text asks to leave rather than says something: an opt-out or leave word of
/// any language (`STOP`, `opt out`, `keluar`, `ထွက်`), followed at most by words like "please".
fn wants_to_leave(body: &str) -> bool {
    let (first, rest) = split_first(body);
    let (second, after) = split_first(rest);
    let leave_word =
        |w: &str| is_stop_word(w) || matches!(keyword_of(w), Some((Keyword::Leave, _)));
    let (words_left, head_ok) = if leave_word(first) {
        (rest, true)
    } else {
        // A keyword typed as two words (`opt out`).
        let joined = format!("{}{}", trim_word(first), trim_word(second));
        let two = matches!(
            smsup_lang::keyword(&smsup_lang::normalize(&joined)),
            Some((Keyword::Stop | Keyword::Leave, _))
        );
        (after, two)
    };
    head_ok
        && words_left
            .split(is_space)
            .filter(|w| !trim_word(w).is_empty())
            .all(|w| {
                let w = smsup_lang::normalize(trim_word(w));
                FILLERS.contains(&w.as_str()) || is_stop_word(&w)
            })
}

/// `<list> ADD <number>` (the list named first): the ADD command, when what follows is a number.
fn list_first_add(list: &str, body: &str, region: &str) -> Option<Command> {
    let (word, rest) = split_first(body);
    if !matches!(keyword_of(word), Some((Keyword::Add, _))) || rest.trim().is_empty() {
        return None;
    }
    let phone = Phone::parse(rest.trim(), region).ok()?;
    Some(Command::Add {
        list: list.to_string(),
        phone: Ok(phone),
    })
}

/// The switch of `ALERTS <list> <switch>`, when it is one word: CONFIRM (or ON) or DIRECT (or
/// OFF).
fn alert_rule_switch(switch: &str) -> Option<bool> {
    let (word, after) = split_first(switch);
    if !trim_word(after).is_empty() {
        return None;
    }
    // Only these words: a stop word after ALERTS and a list still opts out.
    match smsup_lang::normalize(trim_word(word)).as_str() {
        "confirm" | "on" => Some(true),
        "direct" | "off" => Some(false),
        _ => None,
    }
}

/// True when `rest` is a check-in's code and nothing else (`C3`, `c3.`).
fn is_checkin_code(rest: &str) -> bool {
    let (code, after) = split_first(rest);
    trim_word(after).is_empty() && super::checkin_id(trim_word(code)).is_some()
}

/// True when `rest` is an alert's code and nothing else (`A12`, `a12.`, `A١٢`).
fn is_alert_code(rest: &str) -> bool {
    let (code, after) = split_first(rest);
    trim_word(after).is_empty() && super::alert_id(trim_word(code)).is_some()
}

/// `ON` or `OFF` (also a start or stop word of any language, `YES` or `NO`); None for anything else.
fn on_off(word: &str) -> Option<bool> {
    let word = trim_word(word);
    match smsup_lang::normalize(word).as_str() {
        "on" => return Some(true),
        "off" => return Some(false),
        _ => {}
    }
    if is_stop_word(word) {
        return Some(false);
    }
    match keyword_of(word) {
        Some((Keyword::Start | Keyword::Approve, _)) => Some(true),
        Some((Keyword::No | Keyword::Deny, _)) => Some(false),
        _ => None,
    }
}

/// What follows MOVE: six digits are the code, anything else the new number.
fn move_arg(rest: &str, region: &str) -> MoveArg {
    // Punctuation around it goes (`MOVE 0123456789.`), a leading `+` or `(` of a number stays.
    let typed = rest
        .trim()
        .trim_end_matches(|c: char| !is_word_char(c))
        .trim_start_matches(|c: char| !is_word_char(c) && c != '+' && c != '(');
    if typed.is_empty() {
        return MoveArg::Nothing;
    }
    let digits: String = smsup_lang::ascii_digits(typed)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return MoveArg::Code(digits);
    }
    let region = if region.is_empty() { "MY" } else { region };
    MoveArg::Number(Phone::parse(typed, region).map_err(|_| typed.to_string()))
}

/// An opt-out keyword: its language (None: English), normalised form and confusable key.
type StopWord = (Option<Lang>, String, String);

/// What Burmese writes after a verb, without a space, to make it a polite or firm request: `ရပ်ပါ`
/// ("stop, please"), `ရပ်တော့` ("stop now"), `ရပ်တန့်` ("cease"). Only these: `ရပ်ကွက်` ("ward") and
/// `ရပ်တည်` ("stand firm") start with the same syllable and are other words.
const BURMESE_POLITE: &[&str] = &[
    "ပါ",
    "တော့",
    "တော့ပါ",
    "တန့်",
    "တန့်ပါ",
    "ပေးပါ",
    "လိုက်ပါ",
    "လိုက်",
    "ချင်တယ်",
    "ချင်ပါတယ်",
    // Polite particles of women (ရှင်) and men (ခင်ဗျာ), and "will stop" (မယ်, မည်).
    "ပါရှင်",
    "ပါရှင့်",
    "ပါခင်ဗျာ",
    "ပါခင်ဗျား",
    "ပေးပါရှင်",
    "ပေးပါခင်ဗျာ",
    "တော့ပါရှင်",
    "တော့ပါခင်ဗျာ",
    "ပါနော်",
    "တော့နော်",
    "မယ်",
    "တော့မယ်",
    "မည်",
    "ပါမည်",
    "တော့မည်",
];

/// Words that may follow an opt-out or leave word in `<list> STOP please` without making it a post.
const FILLERS: [&str; 14] = [
    "please", "pls", "plz", "now", "me", "all", "sms", "messages", "thanks", "tolong", "sila",
    "fadlan", "lagi", "semua",
];

/// Every opt-out keyword of every language.
fn stop_keywords() -> &'static [StopWord] {
    static WORDS: std::sync::OnceLock<Vec<StopWord>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        Lang::ALL
            .into_iter()
            .flat_map(|lang| {
                smsup_lang::keywords_of(lang)
                    .into_iter()
                    .filter(|(_, k)| *k == Keyword::Stop)
                    .map(move |(w, _)| {
                        let lang = (lang != Lang::En).then_some(lang);
                        (lang, w.to_string(), smsup_lang::confusable_key(w))
                    })
            })
            .collect()
    })
}

/// True when a list name would start like an opt-out word (see [`is_stop_word`]).
pub fn starts_with_stop_word(name: &str) -> bool {
    is_stop_word(name)
}

/// Parse an SMS. `region` reads numbers typed without a country code (ADD): the region of the
/// sender's own number, else the deployment's.
pub fn parse(text: &str, region: &str) -> Parsed {
    let text = text.trim_matches(|c: char| c.is_whitespace() || smsup_lang::is_invisible(c));
    let (first, mut rest) = split_first(text);
    if trim_word(first).is_empty() && rest.is_empty() {
        return Parsed {
            command: Command::Empty,
            keyword_lang: None,
        };
    }
    let mut found = keyword_of(first);
    let mut first = first;
    if found.is_none() {
        // A keyword typed as two words (`opt out`, `ku biir`).
        let (second, after) = split_first(rest);
        if !second.is_empty() {
            let joined = format!("{}{}", trim_word(first), trim_word(second));
            if let Some(k) = smsup_lang::keyword(&smsup_lang::normalize(&joined)) {
                found = Some(k);
                first = &text[..text.len() - after.len()];
                rest = after;
            }
        }
    }
    // `OK` is a command only before an alert's code (`OK A12`), `ALERTS` only before a list and
    // a switch (`ALERTS safety CONFIRM`); `ok thanks` and `alerts Meeting at 5` are what they were.
    match found {
        Some((Keyword::Ok, _)) if !is_alert_code(rest) => found = None,
        Some((Keyword::Alerts, _)) if alert_rule_switch(split_first(rest).1).is_none() => {
            found = None
        }
        Some((Keyword::Results, _)) if !is_checkin_code(rest) => found = None,
        _ => {}
    }
    if !matches!(found, Some((Keyword::Stop, _))) {
        // An opt-out word in disguise (`stop,please`, `stоp`, `ရပ်ပါ`) still opts out.
        if let Some(lang) = stop_keyword_lang(first) {
            if found.is_none() {
                return Parsed {
                    command: Command::Stop,
                    keyword_lang: lang,
                };
            }
        }
    }
    let Some((keyword, keyword_lang)) = found else {
        let list = trim_word(first).to_string();
        let body = rest.trim_end();
        let command = if rest.is_empty() {
            Command::Word(list)
        } else if wants_to_leave(body) {
            // `housing STOP`: leave that list, never broadcast the word STOP to it.
            Command::Leave { list }
        } else if let Some(add) = list_first_add(&list, body, region) {
            // `housing ADD 07911 000002`: the command with the list first, never a post that shows
            // the number to everyone.
            add
        } else {
            Command::Post {
                list,
                text: body.to_string(),
            }
        };
        // `1`, `2.`, `٢ police at the door`: perhaps the answer to a check-in.
        let digit = smsup_lang::ascii_digits(trim_word(first)).into_owned();
        let command = match digit.as_str() {
            digit @ ("1" | "2") => Command::CheckAnswer {
                safe: digit == "1",
                note: body.to_string(),
                otherwise: Box::new(command),
            },
            _ => command,
        };
        return Parsed {
            command,
            keyword_lang: None,
        };
    };
    let arg = trim_word(rest);
    let need = |kw: &str| Command::NeedList {
        keyword: trim_word(kw).to_uppercase(),
    };
    let command = match keyword {
        // `tolong berhenti` ("please stop"): a help word before an opt-out word asks to stop.
        Keyword::Help if rest.split(is_space).take(3).any(is_stop_word) => Command::Stop,
        // `HELP JOIN`, `BANTUAN SERTAI`: a command word of any language after the help word.
        Keyword::Help => match help_topic(rest) {
            // `HELP opt out`: an opt-out phrase of two words.
            Some(Keyword::Stop) => Command::Stop,
            Some(topic) => Command::HelpOn { topic },
            None => Command::Help,
        },
        Keyword::Lists => Command::Lists,
        // The first word opts out of everything, whatever follows: a list name can never start with
        // an opt-out word, so `STOP ALL` is not LEAVE of a list called ALL.
        Keyword::Stop => Command::Stop,
        Keyword::Leave if !arg.is_empty() => Command::Leave {
            list: arg.to_string(),
        },
        Keyword::Start if arg.is_empty() => Command::Start,
        Keyword::Start | Keyword::Join if !arg.is_empty() => Command::Join {
            list: arg.to_string(),
        },
        Keyword::No => Command::No {
            list: (!arg.is_empty()).then(|| arg.to_string()),
        },
        Keyword::Announce if !arg.is_empty() => Command::AnnounceUsage {
            name: arg.to_string(),
        },
        Keyword::Create if !arg.is_empty() => {
            let (name, modifiers) = split_first(arg);
            let mut announce = false;
            let mut private = false;
            // Every word after the name must be a modifier, in any order (`CREATE x PRIVATE
            // ANNOUNCE`); else the whole is kept as a name that is not valid, for the reply.
            let all_modifiers = modifiers
                .split(is_space)
                .filter(|w| !trim_word(w).is_empty())
                .all(|w| match keyword_of(w) {
                    Some((Keyword::Announce, _)) => {
                        announce = true;
                        true
                    }
                    Some((Keyword::Private, _)) => {
                        private = true;
                        true
                    }
                    _ => false,
                });
            if all_modifiers {
                Command::Create {
                    name: trim_word(name).to_string(),
                    announce,
                    private,
                }
            } else {
                Command::Create {
                    name: arg.to_string(),
                    announce: false,
                    private: false,
                }
            }
        }
        // Only symbols after CREATE (`CREATE 🏠🏠`): a name that is not valid, not a missing one.
        Keyword::Create if !rest.trim().is_empty() => Command::Create {
            name: rest.trim().to_string(),
            announce: false,
            private: false,
        },
        // `APPROVE #K7PQ` (the label the request showed) or `APPROVE housing #K7PQ`.
        Keyword::Approve | Keyword::Deny if !arg.is_empty() => {
            let (first_arg, second) = split_first(rest);
            let (list, who) = if trim_word(second).is_empty() {
                (None, trim_word(first_arg).to_string())
            } else {
                (
                    Some(trim_word(first_arg).to_string()),
                    trim_word(second).to_string(),
                )
            };
            if keyword == Keyword::Approve {
                Command::Approve { list, who }
            } else {
                Command::Deny { list, who }
            }
        }
        Keyword::Ban | Keyword::Unban | Keyword::Owner if !arg.is_empty() => {
            let (list, who) = split_first(rest);
            let list = trim_word(list).to_string();
            let who = trim_word(who).to_string();
            match keyword {
                Keyword::Ban => Command::Ban { list, who },
                Keyword::Unban => Command::Unban { list, who },
                _ => Command::Owner { list, who },
            }
        }
        Keyword::Reply if !arg.is_empty() => {
            let (code, text) = split_first(rest);
            Command::Reply {
                code: trim_word(code).to_string(),
                text: text.trim_end().to_string(),
            }
        }
        Keyword::Share if !arg.is_empty() => Command::Share {
            code: trim_word(split_first(rest).0).to_string(),
        },
        Keyword::Forget => Command::Forget {
            code: (!arg.is_empty()).then(|| {
                smsup_lang::ascii_digits(arg)
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect()
            }),
        },
        // `TO housing #K7PQ text` (the who is one word: an alias or a label).
        Keyword::To if !arg.is_empty() => {
            let (list, rest) = split_first(rest);
            let (who, text) = split_first(rest);
            Command::To {
                list: trim_word(list).to_string(),
                who: trim_word(who).to_string(),
                text: text.trim_end().to_string(),
            }
        }
        // `BLOCK #K7PQ`, `BLOCK housing #K7PQ`, either with OFF at the end to allow again.
        Keyword::Block if !arg.is_empty() => {
            let mut words: Vec<&str> = rest
                .split(is_space)
                .map(trim_word)
                .filter(|w| !w.is_empty())
                .collect();
            let on = match words.last().and_then(|w| on_off(w)) {
                Some(on) if words.len() > 1 => {
                    words.pop();
                    on
                }
                _ => true,
            };
            let (list, who) = match words.as_slice() {
                [who] => (None, who.to_string()),
                [list, who, ..] => (Some(list.to_string()), who.to_string()),
                [] => (None, String::new()),
            };
            Command::Block { list, who, on }
        }
        // `DELETE housing 4821`: the digits after the list, whatever is around them.
        Keyword::Delete if !arg.is_empty() => {
            let (list, rest) = split_first(rest);
            let digits: String = smsup_lang::ascii_digits(rest)
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            Command::Delete {
                list: trim_word(list).to_string(),
                code: (!rest.trim().is_empty()).then_some(digits),
            }
        }
        Keyword::Dm | Keyword::Moderate if !arg.is_empty() => {
            let (list, switch) = split_first(rest);
            let (list, on) = (trim_word(list).to_string(), on_off(switch));
            if keyword == Keyword::Dm {
                Command::Dm { list, on }
            } else {
                Command::Moderate { list, on }
            }
        }
        // `ALERTS safety CONFIRM`, `ALERTS safety DIRECT` (also ON/OFF and their words).
        Keyword::Alerts if !arg.is_empty() => {
            let (list, switch) = split_first(rest);
            Command::AlertRule {
                list: trim_word(list).to_string(),
                confirm: alert_rule_switch(switch),
            }
        }
        Keyword::Ok => Command::ConfirmAlert {
            code: trim_word(split_first(rest).0).to_string(),
        },
        // `CHECK safety Are you safe after the raid?`
        Keyword::Check if !arg.is_empty() => {
            let (list, question) = split_first(rest);
            Command::Check {
                list: trim_word(list).to_string(),
                question: question.trim_end().to_string(),
            }
        }
        Keyword::Results if !arg.is_empty() => Command::Results {
            code: trim_word(split_first(rest).0).to_string(),
        },
        Keyword::Status if !arg.is_empty() => Command::Status {
            code: trim_word(split_first(rest).0).to_string(),
        },
        // `CORRECT A12 The checkpoint was at the other bridge`.
        Keyword::Correct if !arg.is_empty() => {
            let (code, text) = split_first(rest);
            Command::Correct {
                code: trim_word(code).to_string(),
                text: text.trim_end().to_string(),
            }
        }
        // `ALERT safety Police at the market`: the text as typed after the list's name.
        Keyword::Alert if !arg.is_empty() => {
            let (list, text) = split_first(rest);
            Command::Alert {
                list: trim_word(list).to_string(),
                text: text.trim_end().to_string(),
            }
        }
        // `REPORTER safety Amina Khan`, `REPORTER safety #K7PQ OFF`: the switch is the last word
        // only; whatever else follows the list names the member (never a silent ON).
        Keyword::Reporter if !arg.is_empty() => {
            let (list, rest) = split_first(rest);
            let rest = rest.trim_end();
            let (who, on) = match rest.rsplit_once(is_space) {
                Some((who, last)) if on_off(last).is_some() => (who, on_off(last)),
                _ => (rest, None),
            };
            Command::Reporter {
                list: trim_word(list).to_string(),
                who: trim_word(who.trim()).to_string(),
                on: on.unwrap_or(true),
            }
        }
        Keyword::Outside if !arg.is_empty() => {
            let (list, switch) = split_first(rest);
            Command::Outside {
                list: trim_word(list).to_string(),
                on: on_off(switch),
            }
        }
        Keyword::Info if !arg.is_empty() => Command::Info {
            list: arg.to_string(),
        },
        Keyword::Name => Command::Name {
            alias: trim_word(rest).to_string(),
        },
        Keyword::Language => Command::Language {
            code: (!arg.is_empty()).then(|| arg.to_string()),
        },
        Keyword::Font => Command::Font {
            choice: (!arg.is_empty()).then(|| arg.to_string()),
        },
        Keyword::Move => Command::Move(move_arg(rest, region)),
        Keyword::Add | Keyword::Remove | Keyword::Admin if !arg.is_empty() => {
            let (list, who) = split_first(rest);
            let list = trim_word(list).to_string();
            let who = who.trim().to_string();
            match keyword {
                Keyword::Add => Command::Add {
                    list,
                    phone: Phone::parse(&who, region).map_err(|_| who.clone()),
                },
                Keyword::Remove => Command::Remove {
                    list,
                    who: trim_word(&who).to_string(),
                },
                _ => Command::Admin {
                    list,
                    who: trim_word(&who).to_string(),
                },
            }
        }
        // A keyword that needs a list name but has none (`JOIN`, `CREATE`, `ANNOUNCE` alone ...).
        _ => need(first),
    };
    Parsed {
        command,
        keyword_lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmd(text: &str) -> Command {
        parse(text, "MY").command
    }

    #[test]
    fn keywords_are_case_insensitive_and_punctuation_is_ignored() {
        assert_eq!(cmd("  help "), Command::Help);
        assert_eq!(cmd("Help!"), Command::Help);
        assert_eq!(
            cmd("join Housing."),
            Command::Join {
                list: "Housing".into()
            }
        );
        assert_eq!(
            cmd("JOIN: housing"),
            Command::Join {
                list: "housing".into()
            }
        );
        assert_eq!(cmd("lists"), Command::Lists);
    }

    #[test]
    fn create_private_in_either_order_with_announce() {
        for (text, announce) in [
            ("CREATE safety PRIVATE", false),
            ("create safety private announce", true),
            ("CREATE safety ANNOUNCE PRIVATE", true),
            ("CIPTA safety PERSENDIRIAN", false),
            ("ဖွင့် safety သီးသန့်", false),
        ] {
            assert_eq!(
                cmd(text),
                Command::Create {
                    name: "safety".into(),
                    announce,
                    private: true
                },
                "{text}"
            );
        }
        // A word that is no modifier keeps the whole as a name that is not valid.
        assert!(
            matches!(cmd("CREATE safety PRIVATE now"), Command::Create { name, private: false, .. } if name == "safety PRIVATE now")
        );
    }

    #[test]
    fn approve_deny_ban_owner_reply_share_outside() {
        assert_eq!(
            cmd("APPROVE #k7pq"),
            Command::Approve {
                list: None,
                who: "#k7pq".into()
            }
        );
        assert_eq!(
            cmd("deny safety #K7PQ."),
            Command::Deny {
                list: Some("safety".into()),
                who: "#K7PQ".into()
            }
        );
        assert_eq!(
            cmd("BAN safety Amina"),
            Command::Ban {
                list: "safety".into(),
                who: "Amina".into()
            }
        );
        assert_eq!(
            cmd("UNBAN safety #K7PQ"),
            Command::Unban {
                list: "safety".into(),
                who: "#K7PQ".into()
            }
        );
        assert_eq!(
            cmd("OWNER safety #K7PQ"),
            Command::Owner {
                list: "safety".into(),
                who: "#K7PQ".into()
            }
        );
        assert_eq!(
            cmd("REPLY H7 Come to the office at 3pm"),
            Command::Reply {
                code: "H7".into(),
                text: "Come to the office at 3pm".into()
            }
        );
        assert_eq!(cmd("share h7."), Command::Share { code: "h7".into() });
        for (text, on) in [
            ("OUTSIDE safety OFF", Some(false)),
            ("outside safety on", Some(true)),
            ("OUTSIDE safety STOP", Some(false)),
            ("LUAR safety TIDAK", Some(false)),
            ("OUTSIDE safety", None),
            ("OUTSIDE safety maybe", None),
        ] {
            assert_eq!(
                cmd(text),
                Command::Outside {
                    list: "safety".into(),
                    on
                },
                "{text}"
            );
        }
    }

    #[test]
    fn private_messages_blocks_and_their_switch() {
        assert_eq!(
            cmd("TO housing #k7pq Room free at my place, ask me"),
            Command::To {
                list: "housing".into(),
                who: "#k7pq".into(),
                text: "Room free at my place, ask me".into()
            }
        );
        assert_eq!(
            cmd("KEPADA rumah Amina, boleh?"),
            Command::To {
                list: "rumah".into(),
                who: "Amina".into(),
                text: "boleh?".into()
            }
        );
        assert_eq!(
            cmd("TO housing"),
            Command::To {
                list: "housing".into(),
                who: String::new(),
                text: String::new()
            }
        );
        for (text, list, who, on) in [
            ("BLOCK #K7PQ", None, "#K7PQ", true),
            ("block ＃k7pq.", None, "＃k7pq", true),
            ("BLOCK #K7PQ OFF", None, "#K7PQ", false),
            ("BLOCK housing #K7PQ", Some("housing"), "#K7PQ", true),
            ("HALANG rumah Amina TIDAK", Some("rumah"), "Amina", false),
            // A lone OFF is a name, not a switch.
            ("BLOCK off", None, "off", true),
        ] {
            assert_eq!(
                cmd(text),
                Command::Block {
                    list: list.map(str::to_string),
                    who: who.into(),
                    on
                },
                "{text}"
            );
        }
        assert_eq!(
            cmd("DELETE housing ၄၈၂၁"),
            Command::Delete {
                list: "housing".into(),
                code: Some("4821".into())
            }
        );
        assert_eq!(
            cmd("close housing."),
            Command::Delete {
                list: "housing".into(),
                code: None
            }
        );
        assert_eq!(
            cmd("SEMAK rumah ON"),
            Command::Moderate {
                list: "rumah".into(),
                on: Some(true)
            }
        );
        assert_eq!(
            cmd("REJECT p12"),
            Command::Deny {
                list: None,
                who: "p12".into()
            }
        );
        assert_eq!(
            cmd("DM housing OFF"),
            Command::Dm {
                list: "housing".into(),
                on: Some(false)
            }
        );
    }

    #[test]
    fn create_and_announce() {
        assert_eq!(
            cmd("CREATE housing"),
            Command::Create {
                name: "housing".into(),
                announce: false,
                private: false
            }
        );
        assert_eq!(
            cmd("create alerts announce"),
            Command::Create {
                name: "alerts".into(),
                announce: true,
                private: false
            }
        );
        assert_eq!(
            cmd("CREATE two words"),
            Command::Create {
                name: "two words".into(),
                announce: false,
                private: false
            }
        );
        assert_eq!(
            cmd("CREATE"),
            Command::NeedList {
                keyword: "CREATE".into()
            }
        );
    }

    #[test]
    fn posts_keep_their_text_untouched() {
        assert_eq!(
            cmd("housing  Room free in Chow Kit, RM300!  "),
            Command::Post {
                list: "housing".into(),
                text: "Room free in Chow Kit, RM300!".into()
            }
        );
        assert_eq!(
            cmd("housing: سلام دوستان 👋"),
            Command::Post {
                list: "housing".into(),
                text: "سلام دوستان 👋".into()
            }
        );
        assert_eq!(cmd("housing"), Command::Word("housing".into()));
        assert_eq!(cmd("   "), Command::Empty);
    }

    #[test]
    fn stop_start_and_their_synonyms() {
        for w in [
            "STOP",
            "stopall",
            "Unsubscribe",
            "cancel",
            "END",
            "quit",
            "stop.",
        ] {
            assert_eq!(cmd(w), Command::Stop, "{w}");
        }
        for w in ["START", "unstop", "yes"] {
            assert_eq!(cmd(w), Command::Start, "{w}");
        }
        // The first word opts out of everything, whatever follows.
        assert_eq!(cmd("STOP housing"), Command::Stop);
        assert_eq!(
            cmd("LEAVE housing"),
            Command::Leave {
                list: "housing".into()
            }
        );
    }

    #[test]
    fn add_remove_admin() {
        match cmd("ADD housing 012-345 6789") {
            Command::Add { list, phone } => {
                assert_eq!(list, "housing");
                assert_eq!(phone.unwrap().e164(), "+60123456789");
            }
            other => panic!("{other:?}"),
        }
        match cmd("ADD housing 12") {
            Command::Add { phone, .. } => assert_eq!(phone.unwrap_err(), "12"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            cmd("REMOVE housing #17"),
            Command::Remove {
                list: "housing".into(),
                who: "#17".into()
            }
        );
        assert_eq!(
            cmd("admin housing Amina"),
            Command::Admin {
                list: "housing".into(),
                who: "Amina".into()
            }
        );
        assert_eq!(
            cmd("ADD"),
            Command::NeedList {
                keyword: "ADD".into()
            }
        );
    }

    #[test]
    fn name_keeps_any_script() {
        assert_eq!(
            cmd("NAME  مریم "),
            Command::Name {
                alias: "مریم".into()
            }
        );
    }
}

#[cfg(test)]
mod every_keyword {
    //! Every keyword of every locale file through the real parser, alone, with punctuation and with
    //! a list name of another script after it.
    use super::*;

    /// The words of a keyword file as a person would type them (not normalised).
    fn raw_keywords(text: &str) -> Vec<(String, Keyword)> {
        let mut out = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (command, words) = line.split_once('=').expect("command = words");
            let keyword = Keyword::ALL
                .into_iter()
                .find(|k| k.command_name() == command.trim())
                .expect("a known command");
            for w in words.split([',', '،']) {
                out.push((w.trim().to_string(), keyword));
            }
        }
        out
    }

    fn alone(keyword: Keyword) -> Command {
        match keyword {
            Keyword::Help => Command::Help,
            Keyword::Lists => Command::Lists,
            Keyword::Stop => Command::Stop,
            Keyword::Start => Command::Start,
            Keyword::Language => Command::Language { code: None },
            Keyword::Font => Command::Font { choice: None },
            Keyword::Move => Command::Move(MoveArg::Nothing),
            Keyword::Forget => Command::Forget { code: None },
            Keyword::Name => Command::Name {
                alias: String::new(),
            },
            Keyword::No => Command::No { list: None },
            _ => Command::NeedList {
                keyword: String::new(),
            },
        }
    }

    fn with_list(keyword: Keyword, list: &str) -> Command {
        let list = list.to_string();
        match keyword {
            Keyword::Help => Command::Help,
            Keyword::Lists => Command::Lists,
            Keyword::Stop => Command::Stop,
            Keyword::Start | Keyword::Join => Command::Join { list },
            Keyword::Leave => Command::Leave { list },
            Keyword::Create => Command::Create {
                name: list,
                announce: false,
                private: false,
            },
            Keyword::Info => Command::Info { list },
            Keyword::Private => Command::NeedList {
                keyword: String::new(),
            },
            Keyword::Approve => Command::Approve {
                list: None,
                who: list,
            },
            Keyword::Deny => Command::Deny {
                list: None,
                who: list,
            },
            Keyword::Ban => Command::Ban {
                list,
                who: String::new(),
            },
            Keyword::Unban => Command::Unban {
                list,
                who: String::new(),
            },
            Keyword::Owner => Command::Owner {
                list,
                who: String::new(),
            },
            Keyword::Reply => Command::Reply {
                code: list,
                text: String::new(),
            },
            Keyword::Share => Command::Share { code: list },
            Keyword::Outside => Command::Outside { list, on: None },
            Keyword::Dm => Command::Dm { list, on: None },
            Keyword::Moderate => Command::Moderate { list, on: None },
            Keyword::Alert => Command::Alert {
                list,
                text: String::new(),
            },
            Keyword::Reporter => Command::Reporter {
                list,
                who: String::new(),
                on: true,
            },
            Keyword::Correct => Command::Correct {
                code: list,
                text: String::new(),
            },
            Keyword::Status => Command::Status { code: list },
            Keyword::Alerts => Command::AlertRule {
                list,
                confirm: None,
            },
            Keyword::Ok => Command::ConfirmAlert { code: list },
            Keyword::Check => Command::Check {
                list,
                question: String::new(),
            },
            Keyword::Results => Command::Results { code: list },
            Keyword::Delete => Command::Delete { list, code: None },
            Keyword::To => Command::To {
                list,
                who: String::new(),
                text: String::new(),
            },
            Keyword::Block => Command::Block {
                list: None,
                who: list,
                on: true,
            },
            Keyword::Forget => Command::Forget { code: Some(list) },
            Keyword::Name => Command::Name { alias: list },
            Keyword::Language => Command::Language { code: Some(list) },
            Keyword::Font => Command::Font { choice: Some(list) },
            Keyword::Move => Command::Move(move_arg(&list, "")),
            Keyword::No => Command::No { list: Some(list) },
            Keyword::Announce => Command::AnnounceUsage { name: list },
            // ADD/REMOVE/ADMIN need a second argument; checked below.
            Keyword::Add | Keyword::Remove | Keyword::Admin => Command::Empty,
        }
    }

    fn same_kind(got: &Command, want: &Command) -> bool {
        match (got, want) {
            (Command::NeedList { .. }, Command::NeedList { .. })
            | (Command::Word(_), Command::Word(_)) => true,
            _ => got == want,
        }
    }

    #[test]
    fn every_keyword_of_every_language_parses() {
        let decorations = [
            "{}",
            " {} ",
            "{}.",
            "{}!",
            "{}?",
            "{}။",
            "{}၊",
            "{}،",
            "{}؟",
            "{}۔",
            "«{}»",
            "\"{}\"",
            "\u{200B}{}",
            "{}\u{200B}",
            "\u{FEFF}{}",
            "({})",
        ];
        let lists = ["housing", "အိမ်", "خانه", "வீடு"];
        let mut problems = Vec::new();
        let mut checked = 0;
        for (lang, text) in smsup_lang::keyword_files() {
            for (word, keyword) in raw_keywords(text) {
                for variant in [word.clone(), word.to_lowercase(), word.to_uppercase()] {
                    for d in decorations {
                        let typed = d.replace("{}", &variant);
                        let got = parse(&typed, "MY").command;
                        checked += 1;
                        // A command only in its shape is an ordinary word alone.
                        let want = if keyword.only_in_shape() {
                            Command::Word(String::new())
                        } else {
                            alone(keyword)
                        };
                        if !same_kind(&got, &want) {
                            problems.push(format!("{lang:?} {typed:?}: {got:?}"));
                        }
                    }
                    if keyword.only_in_shape() {
                        for list in lists {
                            let (typed, ok) = if keyword == Keyword::Ok {
                                let typed = format!("{variant} A12.");
                                let got = parse(&typed, "MY").command;
                                let ok =
                                    matches!(&got, Command::ConfirmAlert { code } if code == "A12");
                                (typed, ok)
                            } else if keyword == Keyword::Results {
                                let typed = format!("{variant} C3.");
                                let got = parse(&typed, "MY").command;
                                (
                                    typed,
                                    matches!(&got, Command::Results { code } if code == "C3"),
                                )
                            } else {
                                let typed = format!("{variant} {list} CONFIRM");
                                let ok = matches!(parse(&typed, "MY").command,
                                    Command::AlertRule { list: l, confirm: Some(true) } if l == list);
                                let plain = format!("{variant} {list}.");
                                (
                                    typed,
                                    ok && !matches!(
                                        parse(&plain, "MY").command,
                                        Command::AlertRule { .. }
                                    ),
                                )
                            };
                            checked += 1;
                            if !ok {
                                problems.push(format!("{lang:?} {typed:?}"));
                            }
                        }
                        continue;
                    }
                    for list in lists {
                        let typed = format!("{variant} {list}.");
                        let got = parse(&typed, "MY").command;
                        checked += 1;
                        let want = with_list(keyword, list);
                        let ok = match keyword {
                            Keyword::Approve | Keyword::Deny => {
                                // `APPROVE အိမ် #K7PQ` keeps the list name whole.
                                let typed = format!("{variant} {list} #K7PQ");
                                let whole = match parse(&typed, "MY").command {
                                    Command::Approve { list: Some(l), who }
                                    | Command::Deny { list: Some(l), who } => {
                                        l == list && who == "#K7PQ"
                                    }
                                    _ => false,
                                };
                                whole && same_kind(&got, &want)
                            }
                            Keyword::Ban | Keyword::Unban | Keyword::Owner => {
                                let typed = format!("{variant} {list} #K7PQ");
                                let whole = match parse(&typed, "MY").command {
                                    Command::Ban { list: l, who }
                                    | Command::Unban { list: l, who }
                                    | Command::Owner { list: l, who } => {
                                        l == list && who == "#K7PQ"
                                    }
                                    _ => false,
                                };
                                whole && same_kind(&got, &want)
                            }
                            Keyword::Add | Keyword::Remove | Keyword::Admin => {
                                // `ADD အိမ် 0123456789` keeps the list name whole.
                                let typed = format!("{variant} {list} 0123456789");
                                match parse(&typed, "MY").command {
                                    Command::Add { list: l, .. }
                                    | Command::Remove { list: l, .. }
                                    | Command::Admin { list: l, .. } => l == list,
                                    _ => false,
                                }
                            }
                            _ => same_kind(&got, &want),
                        };
                        if !ok {
                            problems.push(format!("{lang:?} {typed:?}: {got:?}, want {want:?}"));
                        }
                    }
                }
            }
        }
        assert!(checked > 3000, "only {checked} checked");
        assert!(
            problems.is_empty(),
            "{} problems:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }

    #[test]
    fn opt_out_whatever_follows_the_first_word() {
        for text in [
            "STOP ALL",
            "stop please",
            "Stop SMS",
            "STOP STOP",
            "henti semua",
            "jooji dhammaan",
            "REVOKE",
            "optout",
            "opt out",
            "Opt-out",
            "ရပ်",
            "ရပ်။",
            "ရပ် အားလုံး",
            "توقف همه",
            "قطع همه",
            "سب بند",
            "STOP housing",
            "  stop.  ",
            "stop,please",
            "STOP-ALL",
            "stоp",
            "ЅТОР",
            "ရပ်ပါ",
            "ရပ်တော့",
            "ရပ်တန့်",
            "ရပ္",
            "ရပ််",
            "روکين",
            "توقفوا",
        ] {
            assert_eq!(parse(text, "MY").command, Command::Stop, "{text}");
        }
        // A list's name followed by the word STOP leaves that list; it is never posted.
        for text in [
            "housing STOP",
            "housing opt out",
            "housing\u{200B}stop",
            "housing stop please",
            "housing STOP STOP",
            "housing optout please",
            "housing leave",
            "housing keluar",
            "housing ထွက်",
            "housing bax",
        ] {
            assert_eq!(
                parse(text, "MY").command,
                Command::Leave {
                    list: "housing".into()
                },
                "{text}"
            );
        }
    }

    #[test]
    fn a_warning_that_starts_with_stop_is_a_post_and_burmese_words_like_stop_are_words() {
        for text in [
            "housing Stop! Police at the market entrance",
            "housing stop police here",
            "housing ရပ်ကွက် meeting",
            "housing ရပ်တည်ပါ",
        ] {
            assert!(
                matches!(parse(text, "MY").command, Command::Post { .. }),
                "{text}"
            );
        }
        for text in ["ရပ်ကွက်အစည်းအဝေး မနက်ဖြန်", "ရပ်ရွာ", "ရပ်ခြား"]
        {
            assert_ne!(parse(text, "MY").command, Command::Stop, "{text}");
        }
        for text in [
            "#stop",
            "+STOP",
            "tolong berhenti hantar mesej",
            "HELP stop",
        ] {
            assert_eq!(parse(text, "MY").command, Command::Stop, "{text}");
        }
        match parse("housing ADD 07911 000002", "GB").command {
            Command::Add { list, phone } => {
                assert_eq!(list, "housing");
                assert_eq!(phone.unwrap().e164(), "+447911000002");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse("housing add more water please", "GB").command,
            Command::Post { .. }
        ));
    }

    #[test]
    fn burmese_names_keep_their_marks() {
        assert_eq!(
            parse("CREATE အိမ်", "MY").command,
            Command::Create {
                name: "အိမ်".into(),
                announce: false,
                private: false
            }
        );
        assert_eq!(
            parse("ဝင် အိမ့်။", "MY").command,
            Command::Join {
                list: "အိမ့်".into()
            }
        );
        assert_eq!(trim_word("ရပ်။"), "ရပ်");
        assert_eq!(trim_word("(வீடு)"), "வீடு");
    }

    #[test]
    fn announce_add_and_create_without_what_they_need() {
        assert_eq!(
            parse("ANNOUNCE housing", "MY").command,
            Command::AnnounceUsage {
                name: "housing".into()
            }
        );
        assert!(matches!(
            parse("ADD housing", "MY").command,
            Command::Add { phone: Err(_), .. }
        ));
        assert_eq!(
            parse("CREATE 🏠🏠", "MY").command,
            Command::Create {
                name: "🏠🏠".into(),
                announce: false,
                private: false
            }
        );
        // A UK member's local number is read as a UK number.
        match parse("ADD housing 07911 000002", "GB").command {
            Command::Add { phone, .. } => assert_eq!(phone.unwrap().e164(), "+447911000002"),
            other => panic!("{other:?}"),
        }
    }
}
