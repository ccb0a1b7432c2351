//! Keyword files, keyword matching and the normalisation of words and list names.

mod common;

use smsup_lang::{
    ascii_digits, is_reserved, keyword, keyword_files, keywords_of, normalize, parse_keywords,
    render, Arg, Keyword, Lang,
};

#[test]
fn every_keyword_file_reads_cleanly_and_covers_every_command() {
    for (lang, text) in keyword_files() {
        let words = parse_keywords(*lang, text).unwrap_or_else(|e| panic!("{e}"));
        for k in Keyword::ALL {
            assert!(
                words.iter().any(|(_, kw)| *kw == k),
                "{} keywords.txt has no word for {}",
                lang.code(),
                k.command_name()
            );
        }
    }
}

#[test]
fn a_bad_keyword_line_is_reported_with_its_line_number() {
    let err = parse_keywords(Lang::Fa, "# c\njoin = عضویت\njoinn = x\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "Fa keywords.txt line 3: unknown command \"joinn\""
    );
    let err = parse_keywords(Lang::Fa, "join عضویت\n").unwrap_err();
    assert!(err.to_string().contains("line 1"), "{err}");
    let err = parse_keywords(Lang::Ms, "join = sertai, ,\n").unwrap_err();
    assert!(err.to_string().contains("not a single word"), "{err}");
}

#[test]
fn no_word_means_two_different_commands() {
    let mut seen: Vec<(String, Keyword, Lang)> = Vec::new();
    for lang in Lang::ALL {
        for (word, k) in keywords_of(lang) {
            if let Some((_, other, l)) = seen.iter().find(|(w, o, _)| w == word && *o != k) {
                panic!(
                    "{word:?} is {} in {} and {} in {}",
                    other.command_name(),
                    l.code(),
                    k.command_name(),
                    lang.code()
                );
            }
            seen.push((word.to_string(), k, lang));
        }
    }
}

#[test]
fn english_keywords_work_everywhere_and_carry_no_language() {
    for (typed, k) in [
        ("JOIN", Keyword::Join),
        ("join", Keyword::Join),
        ("Leave", Keyword::Leave),
        ("STOPALL", Keyword::Stop),
        ("unsubscribe", Keyword::Stop),
        ("YES", Keyword::Start),
        ("LANG", Keyword::Language),
        ("Ｊｏｉｎ", Keyword::Join), // fullwidth, from some Asian keyboards
    ] {
        assert_eq!(keyword(&normalize(typed)), Some((k, None)), "{typed}");
    }
    assert_eq!(keyword(&normalize("housing")), None);
}

#[test]
fn native_keywords_return_their_language() {
    let cases = [
        ("عضویت", Keyword::Join, Some(Lang::Fa)),
        ("پیوستن", Keyword::Join, Some(Lang::Fa)),
        ("ترک", Keyword::Leave, Some(Lang::Fa)),
        ("بساز", Keyword::Create, Some(Lang::Fa)),
        ("انضم", Keyword::Join, Some(Lang::Ar)),
        ("اشترك", Keyword::Join, Some(Lang::Ar)),
        ("غادر", Keyword::Leave, Some(Lang::Ar)),
        ("مساعدة", Keyword::Help, Some(Lang::Ar)),
        ("چھوڑیں", Keyword::Leave, Some(Lang::Ur)),
        ("مدد", Keyword::Help, Some(Lang::Ur)),
        ("ဝင်", Keyword::Join, Some(Lang::My)),
        ("ထွက်", Keyword::Leave, Some(Lang::My)),
        ("SERTAI", Keyword::Join, Some(Lang::Ms)),
        ("Keluar", Keyword::Leave, Some(Lang::Ms)),
        ("biir", Keyword::Join, Some(Lang::So)),
        ("JOOJI", Keyword::Stop, Some(Lang::So)),
        // Shared by Farsi and Urdu (same meaning): no language, the script and country decide.
        ("شروع", Keyword::Start, None),
        ("زبان", Keyword::Language, None),
        ("نام", Keyword::Name, None),
        // Shared by Farsi and Arabic.
        ("حذف", Keyword::Remove, None),
    ];
    for (typed, k, lang) in cases {
        assert_eq!(keyword(&normalize(typed)), Some((k, lang)), "{typed}");
    }
}

#[test]
fn farsi_and_arabic_join_words_match_whatever_the_keyboard() {
    // Farsi عضویت typed with the Arabic yeh (ي), with tatweel, with a ZWNJ, with RLM around it.
    for typed in [
        "عضویت",
        "عضويت",
        "عضـــویت",
        "عض\u{200C}ویت",
        "\u{200F}عضویت\u{200F}",
        "\u{FEFF}عضویت",
    ] {
        assert_eq!(
            keyword(&normalize(typed)),
            Some((Keyword::Join, Some(Lang::Fa))),
            "{typed:?}"
        );
    }
    // Farsi لیست‌ها with or without ZWNJ, with Arabic kaf/yeh in a neighbouring word.
    assert_eq!(keyword(&normalize("لیستها")), keyword(&normalize("لیست‌ها")));
    assert_eq!(
        keyword(&normalize("ليست‌ها")).map(|k| k.0),
        Some(Keyword::Lists)
    );
    // Arabic إنشاء with or without hamza, أضف as اضف, مساعدة with ه for ة, with vowel marks.
    assert_eq!(
        keyword(&normalize("انشاء")).map(|k| k.0),
        Some(Keyword::Create)
    );
    assert_eq!(keyword(&normalize("اضف")).map(|k| k.0), Some(Keyword::Add));
    assert_eq!(
        keyword(&normalize("مساعده")).map(|k| k.0),
        Some(Keyword::Help)
    );
    assert_eq!(
        keyword(&normalize("اِنْضَمَّ")).map(|k| k.0),
        Some(Keyword::Join)
    );
    // Farsi کمک typed with the Arabic kaf (ك).
    assert_eq!(
        keyword(&normalize("كمك")),
        Some((Keyword::Help, Some(Lang::Fa)))
    );
    // Arabic presentation forms (old phones send them) fold to the base letters.
    assert_eq!(
        keyword(&normalize(
            "\u{FEE3}\u{FEB4}\u{Fe8E}\u{FECB}\u{FEAA}\u{FE93}"
        ))
        .map(|k| k.0),
        Some(Keyword::Help)
    );
}

#[test]
fn keywords_are_reserved_as_list_names_in_every_language() {
    for lang in Lang::ALL {
        for (word, k) in keywords_of(lang) {
            // OK and ALERTS are commands only in their own shape: `alerts` may name a list.
            assert_eq!(is_reserved(word), !k.only_in_shape(), "{word}");
        }
    }
    assert!(!is_reserved("alerts") && !is_reserved("ok") && !is_reserved("results"));
    assert!(is_reserved(&normalize("عضويت")));
    assert!(!is_reserved(&normalize("housing")));
    assert!(!is_reserved(&normalize("مسکن")));
}

#[test]
fn list_names_normalise_to_one_key() {
    assert_eq!(normalize("housing"), normalize("HOUSING"));
    assert_eq!(normalize("Housing"), "housing");
    // Farsi "کار" / "کاری" typed with either yeh and either kaf, with tatweel or ZWNJ.
    let key = normalize("کاریابی");
    for typed in [
        "كاريابي",
        "کاريابی",
        "كاریابى",
        "کـاریابی",
        "کاری\u{200C}ابی",
        "\u{200E}کاریابی",
    ] {
        assert_eq!(normalize(typed), key, "{typed:?}");
    }
    // Teh marbuta and heh: صحة and صحه are one name; Urdu heh goal and doachashmee too.
    assert_eq!(normalize("صحة"), normalize("صحه"));
    assert_eq!(normalize("مدرسہ"), normalize("مدرسه"));
    // Digits of any script.
    assert_eq!(normalize("گروه۱۲"), normalize("گروه12"));
    assert_eq!(normalize("فريق٣"), normalize("فريق3"));
    assert_eq!(normalize("အဖွဲ့၁"), normalize("အဖွဲ့1"));
    // Different names stay different.
    assert_ne!(normalize("کار"), normalize("کاری"));
    assert_ne!(normalize("housing"), normalize("housing2"));
}

#[test]
fn burmese_marks_in_either_order_are_one_word() {
    // ဖွင့် with dot below and asat typed in either order (keyboards differ).
    assert_eq!(
        normalize("ဖွင\u{1037}\u{103A}"),
        normalize("ဖွင\u{103A}\u{1037}")
    );
    assert_eq!(
        keyword(&normalize("ဖွင\u{103A}\u{1037}")),
        Some((Keyword::Create, Some(Lang::My)))
    );
}

#[test]
fn phone_digits_of_every_script_read_as_ascii() {
    assert_eq!(ascii_digits("۰۹۱۲ ۳۴۵ ۶۷۸۹"), "0912 345 6789"); // Persian
    assert_eq!(ascii_digits("+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧"), "+966 50 123 4567"); // Arabic-Indic
    assert_eq!(ascii_digits("၀၉ ၁၂၃ ၄၅၆ ၇၈၉"), "09 123 456 789"); // Burmese
    assert_eq!(ascii_digits("۰۱۲-٣٤٥ ၆၇၈၉"), "012-345 6789"); // mixed
    assert_eq!(ascii_digits("０１２３"), "0123"); // fullwidth
    assert_eq!(normalize("۰۹۱۲۳۴۵۶۷۸۹"), "09123456789");
}

/// The command a reply tells the user to send is one that works, in the reply's own language.
#[test]
fn keywords_shown_in_replies_are_keywords() {
    let list = "healthcare";
    let cases = [
        ("created", Keyword::Join),
        ("created-announce", Keyword::Join),
        ("joined", Keyword::Leave),
        ("left", Keyword::Join),
        ("not-member", Keyword::Join),
        ("invite", Keyword::Join),
        ("invite", Keyword::No),
        ("added-by-org", Keyword::Leave),
        ("announce-usage", Keyword::Create),
        ("invalid-number", Keyword::Add),
        ("created-private", Keyword::Join),
        ("info-private", Keyword::Join),
        ("outside-usage", Keyword::Outside),
    ];
    for lang in Lang::ALL {
        for (id, expected) in cases {
            let text = render(lang, id, &[("list", Arg::Str(list.into()))]);
            // The words just before each mention of the list name.
            let words: Vec<&str> = text
                .match_indices(list)
                .filter_map(|(at, _)| text[..at].split_whitespace().last())
                .collect();
            let hit = words.iter().find_map(|w| {
                let w = w.trim_matches(|c: char| {
                    !c.is_alphanumeric() && !matches!(c as u32, 0x1000..=0x109F)
                });
                keyword(&normalize(w)).filter(|k| k.0 == expected)
            });
            let Some((_, kw_lang)) = hit else {
                panic!(
                    "{} {id}: no {} keyword before {list}: {text}",
                    lang.code(),
                    expected.command_name()
                );
            };
            // A native reply shows its own language's keyword (or a shared or English one).
            assert!(
                kw_lang.is_none() || kw_lang == Some(lang),
                "{} {id} shows another language's keyword: {text}",
                lang.code()
            );
        }
    }
}

/// A vowel sign or other mark that belongs to the letter before it (Burmese, Tamil and the other
/// Indic scripts, Arabic vowel signs): never punctuation to trim off a word.
fn is_letter_sign(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0DFF | 0x1000..=0x109F)
}

/// The words of a reply, without the punctuation around them (Burmese signs are kept).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && !is_letter_sign(c) && c != '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words a reply tells people to type: the first word after each colon (`To leave: LEAVE x`,
/// `خروج: ترک x`), and each word of a `a/b/c` menu there.
fn instruction_words(text: &str) -> Vec<&str> {
    text.split(':')
        .skip(1)
        .filter_map(|after| after.split_whitespace().next())
        .flat_map(words)
        .collect()
}

/// A message whose first word is an opt-out keyword opts out of everything: a reply that tells how
/// to stop shows such a keyword of its own language (or English), and tells no one to type a word
/// that only looks like one (Burmese `အားလုံးရပ်`, "stop all" written as one word, is no keyword).
#[test]
fn replies_that_tell_how_to_stop_show_a_stop_keyword() {
    for lang in Lang::ALL {
        let stop_words: Vec<&str> = keywords_of(lang)
            .into_iter()
            .chain(keywords_of(Lang::En))
            .filter(|(_, k)| *k == Keyword::Stop)
            .map(|(w, _)| w)
            .collect();
        for id in ["help", "added-by-org", "owner-cannot-leave"] {
            let text = render(lang, id, &[("list", Arg::Str("healthcare".into()))]);
            let found = words(&text).into_iter().any(|w| {
                matches!(keyword(&normalize(w)), Some((Keyword::Stop, l)) if l.is_none() || l == Some(lang))
            });
            assert!(found, "{} {id} shows no stop keyword: {text}", lang.code());
            for w in instruction_words(&text) {
                let key = normalize(w);
                let looks_like_stop = stop_words
                    .iter()
                    .any(|s| key != *s && (key.starts_with(s) || key.ends_with(s)));
                assert!(
                    !looks_like_stop || keyword(&key).is_some(),
                    "{} {id}: {w:?} looks like a stop keyword but is none: {text}",
                    lang.code()
                );
            }
        }
    }
}

/// The words a reply tells people to type are command words of its own language, English ones or
/// ones several languages share, never a command of another language only.
#[test]
fn replies_suggest_no_other_languages_command_words() {
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        // `info` shows values after its colons (`You: member`), not words to type.
        for (id, vars) in common::english_messages_in(lang)
            .into_iter()
            .filter(|(id, _)| id != "info")
        {
            for combo in common::combinations(lang, &vars) {
                let text = render(lang, &id, &common::as_args(&combo));
                for w in instruction_words(&text) {
                    if let Some((k, Some(other))) = keyword(&normalize(w)) {
                        if other != lang {
                            problems.push(format!(
                                "{} {id}: {w:?} is {} in {} only: {text}",
                                lang.code(),
                                k.command_name(),
                                other.code()
                            ));
                        }
                    }
                }
            }
        }
    }
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn hakha_chin_and_rohingya_keywords_return_their_language() {
    let cases = [
        ("LUT", Keyword::Join, Some(Lang::Cnh)),
        ("chuak", Keyword::Leave, Some(Lang::Cnh)),
        ("Bawmh", Keyword::Help, Some(Lang::Cnh)),
        ("kamin", Keyword::Name, Some(Lang::Cnh)),
        ("DINH", Keyword::Stop, Some(Lang::Cnh)),
        ("HRAMTHOK", Keyword::Start, Some(Lang::Cnh)),
        ("duhlo", Keyword::No, Some(Lang::Cnh)),
        ("JUAIN", Keyword::Join, Some(Lang::Rhg)),
        ("juáin", Keyword::Join, Some(Lang::Rhg)),
        ("Neel", Keyword::Leave, Some(Lang::Rhg)),
        ("hótha", Keyword::Remove, Some(Lang::Rhg)),
        ("BONGOR", Keyword::Stop, Some(Lang::Rhg)),
        ("cúru", Keyword::Start, Some(Lang::Rhg)),
        ("curu", Keyword::Start, Some(Lang::Rhg)),
        ("noó", Keyword::No, Some(Lang::Rhg)),
    ];
    for (typed, k, lang) in cases {
        assert_eq!(keyword(&normalize(typed)), Some((k, lang)), "{typed}");
    }
    // Everyday words that start ordinary Chin, Rohingya, English or Malay messages are no commands.
    for word in [
        "a", "ka", "na", "ah", "le", "hi", "mi", "min", "kan", "si", "lo", "ani", "tuni", "tuñi",
        "but", "ya", "mana", "dah", "tu", "ko",
    ] {
        assert_eq!(keyword(&normalize(word)), None, "{word}");
    }
}

#[test]
fn tamil_and_pashto_keywords_return_their_language() {
    let cases = [
        ("சேர்", Keyword::Join, Some(Lang::Ta)),
        // Without the pulli, a key many phones hide.
        ("சேர", Keyword::Join, Some(Lang::Ta)),
        ("விலகு", Keyword::Leave, Some(Lang::Ta)),
        ("அமை", Keyword::Create, Some(Lang::Ta)),
        ("உதவி", Keyword::Help, Some(Lang::Ta)),
        ("UDHAVI", Keyword::Help, Some(Lang::Ta)),
        ("பெயர்", Keyword::Name, Some(Lang::Ta)),
        ("அழை", Keyword::Add, Some(Lang::Ta)),
        ("நிறுத்து", Keyword::Stop, Some(Lang::Ta)),
        ("தொடங்கு", Keyword::Start, Some(Lang::Ta)),
        ("மொழி", Keyword::Language, Some(Lang::Ta)),
        ("மறு", Keyword::No, Some(Lang::Ta)),
        ("வேண்டாம்", Keyword::No, Some(Lang::Ta)),
        ("எண்மாற்று", Keyword::Move, Some(Lang::Ta)),
        ("ګډون", Keyword::Join, Some(Lang::Ps)),
        // Persian gaf for the Pashto one, as on a Persian keyboard.
        ("گډون", Keyword::Join, Some(Lang::Ps)),
        ("وتل", Keyword::Leave, Some(Lang::Ps)),
        ("جوړول", Keyword::Create, Some(Lang::Ps)),
        // `جوړ کړه` typed as two words is matched glued.
        ("جوړکړه", Keyword::Create, Some(Lang::Ps)),
        ("مرسته", Keyword::Help, Some(Lang::Ps)),
        ("بلنه", Keyword::Add, Some(Lang::Ps)),
        ("ودروه", Keyword::Stop, Some(Lang::Ps)),
        ("پیل", Keyword::Start, Some(Lang::Ps)),
        ("ژبه", Keyword::Language, Some(Lang::Ps)),
        ("لېږد", Keyword::Move, Some(Lang::Ps)),
        // ې typed as ی or ي.
        ("لیږد", Keyword::Move, Some(Lang::Ps)),
        ("ډلي", Keyword::Lists, Some(Lang::Ps)),
        // Shared with Farsi (نه) and with Farsi and Urdu (شامل), same meaning: no language.
        ("نه", Keyword::No, None),
        ("شامل", Keyword::Join, None),
    ];
    for (typed, k, lang) in cases {
        assert_eq!(keyword(&normalize(typed)), Some((k, lang)), "{typed}");
    }
    // Everyday words that start ordinary Tamil or Pashto messages are no commands: greetings,
    // "thanks", "ok", "yes", a bus stop (நிறுத்தம்), "stop it" in Latin letters (niruthu), the
    // greeting جوړ یې ("are you well").
    for word in [
        "வணக்கம்",
        "நன்றி",
        "சரி",
        "ஆம்",
        "நிறுத்தம்",
        "niruthu",
        "seru",
        "سلام",
        "مننه",
        "هو",
        "جوړ",
        "ښه",
    ] {
        assert_eq!(keyword(&normalize(word)), None, "{word}");
    }
}

/// `HELP <command>` answers with the command's own explanation, and that explanation shows the
/// word to type for that command, in the reader's language or in English.
#[test]
fn each_command_explanation_shows_its_own_keyword() {
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        for k in Keyword::ALL {
            // HELP STOP opts out; STOP's "explanation" is HELP's.
            let expected = if k == Keyword::Stop { Keyword::Help } else { k };
            let text = render(lang, k.usage_id(), &[]);
            let shows = words(&text).into_iter().any(|w| {
                matches!(keyword(&normalize(w)), Some((found, l)) if found == expected && (l.is_none() || l == Some(lang)))
            });
            if !shows {
                problems.push(format!(
                    "{} {}: no {} keyword: {text}",
                    lang.code(),
                    k.usage_id(),
                    expected.command_name()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every command has its own explanation (two commands never share one, except STOP and HELP).
#[test]
fn every_command_has_its_own_explanation() {
    let mut ids: Vec<&str> = Keyword::ALL
        .iter()
        .filter(|k| **k != Keyword::Stop)
        .map(|k| k.usage_id())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "two commands share an explanation");
    for id in ids {
        assert!(smsup_lang::has_template(id), "no English message {id}");
    }
}
