//! SMS Up's languages: command keywords, text normalisation for matching, the choice of a reply's
//! language, and reply templates (Fluent files under `locales/`, one folder per language, with the
//! command keywords of each language in `locales/<code>/keywords.txt`).
//!
//! # Use from the engine
//!
//! - Parsing: `keyword(&normalize(first_word))` gives the command and, for a native keyword, its
//!   language; `normalize(name)` is a list name's key; `is_reserved(&key)` refuses keywords as
//!   names; `ascii_digits(number)` before parsing a phone number (`ADD list ۰۱۲۳...`).
//! - Reply language: `choose(member.language, Some(inbound_text), sender_e164, default)` for a reply
//!   to a message; `choose(member.language, None, e164, default)` for a message not answering one
//!   (an invitation). `LANG <word>`: `Lang::from_choice(word)`; without a word reply `lang-choices`.
//! - Replies: `render(lang, id, &[("list", Arg::Str(..)), ("count", Arg::Num(..))])`; for the
//!   `lists` reply pass `join_names(lang, &names)`. Posts are relayed untouched, never rendered.
#![warn(missing_docs)]

mod bidi;
mod detect;
mod keywords;
mod normalize;
mod plural;
mod zawgyi;

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_bundle::FluentValue;
use fluent_templates::Loader;
use unic_langid::LanguageIdentifier;

pub use bidi::{LRM, RLM};
pub use detect::{
    choose, choose_for_prose, choose_with_country, country_language, detect, detect_prose,
    is_arabic_script,
};
pub use keywords::{
    is_reserved, keyword, keyword_files, keywords_of, parse_keywords, KeywordFileError,
};
pub use normalize::{
    ascii_digits, confusable_key, is_drawn, is_invisible, is_mark, is_single_script, normalize,
};
pub use plural::plural_category;
pub use zawgyi::{
    is_zawgyi, myanmar_chars, unicode_to_zawgyi, zawgyi_probability, zawgyi_to_unicode,
    MIN_MYANMAR_CHARS, ZAWGYI_THRESHOLD,
};

/// Start of template text in a rendering (private use; removed before a reply leaves).
const TEXT_START: char = '\u{E000}';
/// End of template text in a rendering.
const TEXT_END: char = '\u{E001}';

/// Wrap template text in markers, so that the values put into a template (list names, aliases,
/// numbers) can be told from the template's own words when direction marks are placed.
fn mark_text(text: &str) -> Cow<'_, str> {
    let mut s = String::with_capacity(text.len() + 6);
    s.push(TEXT_START);
    s.push_str(text);
    s.push(TEXT_END);
    Cow::Owned(s)
}

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No bidi isolation marks around placeables: they force UCS-2 and cost characters. The
        // direction marks a right-to-left reply needs are added by `render` instead.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            bundle.set_transform(Some(mark_text));
            // CLDR plural categories computed by us (see `plural`): `{ PLURAL($count) -> ... }`.
            let lang = bundle
                .locales
                .first()
                .and_then(|l| Lang::from_code(l.language.as_str()))
                .unwrap_or(Lang::En);
            // Registering a function fails only if the name is taken, which it is not.
            let _ = bundle.add_function("PLURAL", plural::fluent_plural(lang));
        },
    };
}

/// A language SMS Up can answer in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Malay.
    Ms,
    /// Burmese (Unicode).
    My,
    /// Farsi (also serving Dari).
    Fa,
    /// Arabic.
    Ar,
    /// Somali.
    So,
    /// Urdu.
    Ur,
    /// Tamil.
    Ta,
    /// Pashto.
    Ps,
    /// Hakha Chin (Lai), in Latin script.
    Cnh,
    /// Rohingya, in its common Latin spelling (Rohingyalish / Ruáingga).
    Rhg,
}

impl Lang {
    /// Every supported language, in the order shown to users.
    pub const ALL: [Lang; 11] = [
        Lang::En,
        Lang::Ms,
        Lang::My,
        Lang::Fa,
        Lang::Ar,
        Lang::So,
        Lang::Ur,
        Lang::Ta,
        Lang::Ps,
        Lang::Cnh,
        Lang::Rhg,
    ];

    /// The ISO 639-1 code (ISO 639-3 where there is none: `cnh`, `rhg`), as stored and as typed
    /// after `LANG`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ms => "ms",
            Lang::My => "my",
            Lang::Fa => "fa",
            Lang::Ar => "ar",
            Lang::So => "so",
            Lang::Ur => "ur",
            Lang::Ta => "ta",
            Lang::Ps => "ps",
            Lang::Cnh => "cnh",
            Lang::Rhg => "rhg",
        }
    }

    /// Parse a language code (case-insensitive; `prs` (Dari) maps to Farsi, `pus`/`pbu`/`pst` to
    /// Pashto, `tam` to Tamil).
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_lowercase();
        match code.as_str() {
            "prs" => Some(Lang::Fa),
            "pus" | "pbu" | "pst" => Some(Lang::Ps),
            "tam" => Some(Lang::Ta),
            _ => Lang::ALL.into_iter().find(|l| l.code() == code),
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::En => unic_langid::langid!("en"),
            Lang::Ms => unic_langid::langid!("ms"),
            Lang::My => unic_langid::langid!("my"),
            Lang::Fa => unic_langid::langid!("fa"),
            Lang::Ar => unic_langid::langid!("ar"),
            Lang::So => unic_langid::langid!("so"),
            Lang::Ur => unic_langid::langid!("ur"),
            Lang::Ta => unic_langid::langid!("ta"),
            Lang::Ps => unic_langid::langid!("ps"),
            Lang::Cnh => unic_langid::langid!("cnh"),
            Lang::Rhg => unic_langid::langid!("rhg"),
        }
    }
}

impl Lang {
    /// True for languages written right to left (Farsi, Arabic, Urdu, Pashto).
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Fa | Lang::Ar | Lang::Ur | Lang::Ps)
    }

    /// True for languages written in Arabic script (Farsi, Arabic, Urdu, Pashto).
    pub fn is_arabic_script(self) -> bool {
        self.is_rtl()
    }

    /// True when the language's locale files still wait for a native speaker's review.
    pub fn needs_review(self) -> bool {
        matches!(self, Lang::Ta | Lang::Ps | Lang::Cnh | Lang::Rhg)
    }

    /// The language's own name for itself.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ms => "Melayu",
            Lang::My => "မြန်မာ",
            Lang::Fa => "فارسی",
            Lang::Ar => "العربية",
            Lang::So => "Soomaali",
            Lang::Ur => "اردو",
            Lang::Ta => "தமிழ்",
            Lang::Ps => "پښتو",
            Lang::Cnh => "Laiholh",
            Lang::Rhg => "Ruáingga",
        }
    }

    /// Read what a member typed after `LANG`: a code (`fa`, `prs` for Dari), or a language's name in
    /// English or in the language itself (`farsi`, `dari`, `فارسی`, `دری`, `عربي`, `اردو`,
    /// `melayu`, `soomaali`, `မြန်မာ`, `burmese`...). Case and letter variants do not matter.
    pub fn from_choice(word: &str) -> Option<Lang> {
        if let Some(lang) = Lang::from_code(word) {
            return Some(lang);
        }
        const NAMES: &[(&str, Lang)] = &[
            ("english", Lang::En),
            ("inggeris", Lang::En),
            ("ingiriisi", Lang::En),
            ("malay", Lang::Ms),
            ("melayu", Lang::Ms),
            ("bm", Lang::Ms),
            ("burmese", Lang::My),
            ("myanmar", Lang::My),
            ("မြန်မာ", Lang::My),
            ("ဗမာ", Lang::My),
            ("farsi", Lang::Fa),
            ("persian", Lang::Fa),
            ("dari", Lang::Fa),
            ("فارسی", Lang::Fa),
            ("دری", Lang::Fa),
            ("arabic", Lang::Ar),
            ("عربی", Lang::Ar),
            ("العربیة", Lang::Ar),
            ("somali", Lang::So),
            ("soomaali", Lang::So),
            ("urdu", Lang::Ur),
            ("اردو", Lang::Ur),
            ("tamil", Lang::Ta),
            ("தமிழ்", Lang::Ta),
            ("pashto", Lang::Ps),
            ("pushto", Lang::Ps),
            ("pakhto", Lang::Ps),
            ("پښتو", Lang::Ps),
            ("پشتو", Lang::Ps),
            ("tamizh", Lang::Ta),
            ("chin", Lang::Cnh),
            ("hakha", Lang::Cnh),
            ("hakhachin", Lang::Cnh),
            ("lai", Lang::Cnh),
            ("laiholh", Lang::Cnh),
            ("rohingya", Lang::Rhg),
            ("ruaingga", Lang::Rhg),
            ("ruáingga", Lang::Rhg),
            ("ruainga", Lang::Rhg),
            ("rohinga", Lang::Rhg),
            ("rohingyalish", Lang::Rhg),
            ("rohinja", Lang::Rhg),
            ("pashtu", Lang::Ps),
            ("pushtu", Lang::Ps),
            ("pukhto", Lang::Ps),
            ("پختو", Lang::Ps),
            ("thamizh", Lang::Ta),
            ("தமிழ", Lang::Ta),
            ("chinhakha", Lang::Cnh),
            ("kawl", Lang::My),
            ("arobi", Lang::Ar),
        ];
        // `Hakha Chin`, `lai holh`, `Hakha-Chin`: the words typed, joined.
        let joined: String = word
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .collect();
        let word = normalize(&joined);
        NAMES
            .iter()
            .find(|(name, _)| normalize(name) == word)
            .map(|(_, lang)| *lang)
    }
}

/// A command keyword, whatever language it was typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Keyword {
    /// How to use the service.
    Help,
    /// Create a list.
    Create,
    /// Modifier of CREATE: an announce-only list.
    Announce,
    /// Join a list.
    Join,
    /// Leave a list.
    Leave,
    /// The lists I belong to.
    Lists,
    /// Set my alias.
    Name,
    /// About a list.
    Info,
    /// Invite a number.
    Add,
    /// Remove a member.
    Remove,
    /// Make a member an admin.
    Admin,
    /// Opt out of everything.
    Stop,
    /// Opt back in.
    Start,
    /// Choose my language.
    Language,
    /// Refuse an invitation (and every later one) to a list.
    No,
    /// Choose how Burmese is sent to me: Zawgyi or Unicode.
    Font,
    /// Move my lists to a new number (`MOVE <number>`), or accept such a move (`MOVE <code>`).
    Move,
    /// Modifier of CREATE: a list one joins only with an admin's approval.
    Private,
    /// Let someone who asked join a private list.
    Approve,
    /// Refuse someone who asked to join a private list.
    Deny,
    /// Remove a member and keep their number out for good.
    Ban,
    /// Lift a ban.
    Unban,
    /// Pass a list on to another member.
    Owner,
    /// Answer a help request (`REPLY H7 <text>`).
    Reply,
    /// Post a help request's text to all members (`SHARE H7`).
    Share,
    /// Turn a list's help line for people outside it on or off (`OUTSIDE <list> OFF`).
    Outside,
    /// Erase my number and everything of mine (`FORGET`, then `FORGET <code>`).
    Forget,
    /// Write privately to another member of a list (`TO <list> <who> <text>`).
    To,
    /// Stop (or, with OFF, allow again) private messages from one person (`BLOCK #K7PQ`).
    Block,
    /// Turn private messages between a list's members on or off (`DM <list> OFF`).
    Dm,
    /// Close a list for good (`DELETE <list>`, then `DELETE <list> <code>`).
    Delete,
    /// Hold plain members' posts for an admin's approval (`MODERATE <list> ON|OFF`).
    Moderate,
    /// `ALERT <list> <text>`: a security alert, before everything else.
    Alert,
    /// `REPORTER <list> <who> [OFF]`: let a member send alerts.
    Reporter,
    /// `CORRECT <code> <text>`: a correction to everyone an alert reached.
    Correct,
    /// `STATUS <code>`: how far an alert got.
    Status,
    /// `ALERTS <list> CONFIRM|DIRECT`: whether a list's alerts wait for a second admin's OK.
    Alerts,
    /// `OK <code>`: a second admin sends an alert that waits for their OK.
    Ok,
    /// `CHECK <list> <question>`: a safety check-in; members answer 1 (safe) or 2 (need help).
    Check,
    /// `RESULTS <code>`: a check-in's answers so far.
    Results,
}

/// A value for a template's placeable.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text (a list name, an alias).
    Str(String),
    /// A count.
    Num(i64),
}

/// A template that could not be rendered exactly as asked.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The language's catalogue has no such message, or Fluent reported errors (a missing argument).
    #[error("{lang:?} {id}: {detail}")]
    Template {
        /// The language asked for.
        lang: Lang,
        /// The message id.
        id: String,
        /// Fluent's account of the problem.
        detail: String,
    },
}

fn fluent_args(args: &[(&str, Arg)]) -> HashMap<Cow<'static, str>, FluentValue<'static>> {
    args.iter()
        .map(|(k, v)| {
            let value = match v {
                Arg::Str(s) => FluentValue::from(clean_value(s)),
                // A number, so that plural variants follow the language's CLDR rules.
                Arg::Num(n) => FluentValue::from(*n),
            };
            (Cow::Owned((*k).to_string()), value)
        })
        .collect()
}

/// Render the reply `id` in `lang` with `args`; falls back to English, then to the id itself.
///
/// Numbers are given to Fluent as numbers, so that plural variants follow the language's CLDR rules
/// (Arabic: zero, one, two, few, many, other). Replies get the direction marks (RLM/LRM) they need
/// where right-to-left and left-to-right text meet; no isolation characters are added.
pub fn render(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let map = fluent_args(args);
    match LOCALES.try_lookup_with_args(&lang.langid(), id, &map) {
        Some(marked) => finish(&marked, lang.is_rtl()),
        None => id.to_string(),
    }
}

/// Render the reply `id` from `lang`'s own catalogue only, failing on a missing message or
/// argument instead of falling back (for checks of the locale files).
pub fn render_strict(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Result<String, RenderError> {
    let map = fluent_args(args);
    LOCALES
        .lookup_single_language(&lang.langid(), id, Some(&map))
        .map(|marked| finish(&marked, lang.is_rtl()))
        .map_err(|e| RenderError::Template {
            lang,
            id: id.to_string(),
            detail: e.to_string(),
        })
}

/// Render like [`render`], also giving the byte range in the reply of each value put into the
/// template (list names, aliases, numbers), in order: for checks of the reply's display order.
pub fn render_with_spans(
    lang: Lang,
    id: &str,
    args: &[(&str, Arg)],
) -> (String, Vec<std::ops::Range<usize>>) {
    let map = fluent_args(args);
    match LOCALES.try_lookup_with_args(&lang.langid(), id, &map) {
        Some(marked) => finish_with_spans(&marked, lang.is_rtl()),
        None => (id.to_string(), Vec::new()),
    }
}

/// Values must not carry our template markers nor bidi isolates.
fn clean_value(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(*c, TEXT_START | TEXT_END | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// Split a marked rendering into characters tagged with their placeable, and add direction marks.
fn finish(marked: &str, rtl: bool) -> String {
    finish_with_spans(marked, rtl).0
}

/// [`finish`], also giving the byte range of each value put into the template.
fn finish_with_spans(marked: &str, rtl: bool) -> (String, Vec<std::ops::Range<usize>>) {
    let mut units: Vec<bidi::Unit> = Vec::with_capacity(marked.len());
    let mut in_text = false;
    let mut placeable = 0usize;
    let mut last_was_value = false;
    for c in marked.chars() {
        match c {
            TEXT_START => in_text = true,
            TEXT_END => in_text = false,
            _ if in_text => {
                units.push((c, None));
                last_was_value = false;
            }
            _ => {
                if !last_was_value {
                    placeable += 1;
                }
                units.push((c, Some(placeable)));
                last_was_value = true;
            }
        }
    }
    bidi::add_marks_with_spans(&units, rtl, true)
}

/// Join list names (for the `lists` reply's `$lists`) with the language's separator, adding the
/// direction marks that names of the other direction need between them.
pub fn join_names(lang: Lang, names: &[&str]) -> String {
    let separator = list_separator(lang);
    let mut units: Vec<bidi::Unit> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            units.extend(separator.chars().map(|c| (c, None)));
        }
        units.extend(clean_value(name).chars().map(|c| (c, Some(i))));
    }
    bidi::add_marks(&units, lang.is_rtl(), false)
}

/// The separator between items of a list in `lang` (`, `, the Arabic comma `، `, Burmese `၊ `).
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Fa | Lang::Ar | Lang::Ur | Lang::Ps => "\u{060C} ",
        Lang::My => "\u{104A} ",
        _ => ", ",
    }
}

/// True when `id` is a template of the English catalogue.
pub fn has_template(id: &str) -> bool {
    LOCALES.try_lookup(&Lang::En.langid(), id).is_some()
}

/// True when `lang`'s own catalogue has `id` (without falling back to English).
pub fn has_translation(lang: Lang, id: &str) -> bool {
    // Without arguments a message with placeables resolves with errors, but it is there.
    match LOCALES.lookup_single_language::<&str>(&lang.langid(), id, None) {
        Ok(_) => true,
        Err(e) => e.to_string().starts_with("Fluent errors"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_plural_and_no_isolation_marks() {
        let one = render(
            Lang::En,
            "post-sent",
            &[("count", Arg::Num(1)), ("segments", Arg::Num(1))],
        );
        assert_eq!(one, "Sent to 1 member.");
        let many = render(
            Lang::En,
            "post-sent",
            &[("count", Arg::Num(120)), ("segments", Arg::Num(3))],
        );
        assert_eq!(many, "Sent to 120 members, 3 SMS each.");
        assert!(!many.contains('\u{2068}') && !many.contains('\u{2069}'));
    }

    #[test]
    fn keywords_are_case_folded() {
        assert_eq!(keyword(&normalize("JOIN")), Some((Keyword::Join, None)));
        assert_eq!(keyword(&normalize("Quit")), Some((Keyword::Stop, None)));
        assert_eq!(keyword("housing"), None);
    }

    #[test]
    fn digits_of_other_scripts() {
        assert_eq!(ascii_digits("۰۱۲-٣٤٥ ၆၇၈၉"), "012-345 6789");
    }
}
