//! Reading an SMS into a command. Keywords come from `smsup_lang` (English everywhere, plus each
//! language's own), matched after normalisation; anything else that starts with a word is a post.

use smsup_lang::{Keyword, Lang};

use crate::phone::Phone;

/// What a person asked for with one SMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `HELP`.
    Help,
    /// `CREATE <list> [ANNOUNCE]`.
    Create {
        /// The list name as typed.
        name: String,
        /// Only owner and admins may post.
        announce: bool,
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
    /// `STOP` alone (and its synonyms): opt out of everything.
    Stop,
    /// `START` alone (and its synonyms): opt back in.
    Start,
    /// `LANG [code]`.
    Language {
        /// The code or language name given, if any.
        code: Option<String>,
    },
    /// A command that needs a list name was sent without one.
    NeedList {
        /// The keyword as typed, to show in the example.
        keyword: String,
    },
    /// A single word that is not a keyword (maybe a list name without a message).
    Word(String),
    /// An empty message.
    Empty,
}

/// A parsed SMS and the language its keyword was written in, if not English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The command.
    pub command: Command,
    /// The language of a native keyword.
    pub keyword_lang: Option<Lang>,
}

fn is_edge_punct(c: char) -> bool {
    !(c.is_alphanumeric() || c == '#' || c == '+')
}

/// Trim surrounding white space and punctuation (`JOIN housing.` → `housing`).
pub fn trim_word(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || is_edge_punct(c))
}

/// Split off the first word: (word, rest with leading space trimmed).
fn split_first(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], s[i..].trim_start()),
        None => (s, ""),
    }
}

/// Parse an SMS. `region` reads numbers typed without a country code (ADD).
pub fn parse(text: &str, region: &str) -> Parsed {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let (first, rest) = split_first(text);
    let first_key = smsup_lang::normalize(trim_word(first));
    if first_key.is_empty() && rest.is_empty() {
        return Parsed {
            command: Command::Empty,
            keyword_lang: None,
        };
    }
    let Some((keyword, keyword_lang)) = smsup_lang::keyword(&first_key) else {
        let list = trim_word(first).to_string();
        let command = if rest.is_empty() {
            Command::Word(list)
        } else {
            Command::Post {
                list,
                text: rest.trim_end().to_string(),
            }
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
        Keyword::Help => Command::Help,
        Keyword::Lists => Command::Lists,
        Keyword::Stop if arg.is_empty() => Command::Stop,
        // `STOP housing` leaves one list; a bare STOP leaves everything.
        Keyword::Stop | Keyword::Leave if !arg.is_empty() => Command::Leave {
            list: arg.to_string(),
        },
        Keyword::Start if arg.is_empty() => Command::Start,
        Keyword::Start | Keyword::Join if !arg.is_empty() => Command::Join {
            list: arg.to_string(),
        },
        Keyword::Create if !arg.is_empty() => {
            let (name, modifier) = split_first(arg);
            let announce = matches!(
                smsup_lang::keyword(&smsup_lang::normalize(trim_word(modifier))),
                Some((Keyword::Announce, _))
            );
            Command::Create {
                name: if announce || modifier.is_empty() {
                    trim_word(name).to_string()
                } else {
                    // More than one word: not a valid name; keep it whole for the reply.
                    arg.to_string()
                },
                announce,
            }
        }
        Keyword::Info if !arg.is_empty() => Command::Info {
            list: arg.to_string(),
        },
        Keyword::Name => Command::Name {
            alias: rest.trim().to_string(),
        },
        Keyword::Language => Command::Language {
            code: (!arg.is_empty()).then(|| arg.to_string()),
        },
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
    fn create_and_announce() {
        assert_eq!(
            cmd("CREATE housing"),
            Command::Create {
                name: "housing".into(),
                announce: false
            }
        );
        assert_eq!(
            cmd("create alerts announce"),
            Command::Create {
                name: "alerts".into(),
                announce: true
            }
        );
        assert_eq!(
            cmd("CREATE two words"),
            Command::Create {
                name: "two words".into(),
                announce: false
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
        assert_eq!(
            cmd("STOP housing"),
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
