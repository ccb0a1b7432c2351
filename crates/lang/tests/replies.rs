//! Every reply in every language: present, complete, one SMS, no isolation marks, snapshots.

mod common;

use common::*;
use smsup_lang::{has_translation, render, render_strict, Lang};

/// Templates that are allowed more than one SMS segment in a language, with the reason. Empty: every
/// template fits.
const OVER_ONE_SEGMENT: &[(Lang, &str, &str)] = &[];

#[test]
fn every_locale_has_every_english_message_with_the_same_variables() {
    let english = english_messages();
    assert!(english.len() >= 40, "the English catalogue looks truncated");
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let own = messages_of(lang);
        for (id, vars) in &english {
            match own.iter().find(|(i, _)| i == id) {
                // A shorter wording (`<id>-short`) is only for the languages that need one.
                None if id.ends_with("-short") => {}
                None => problems.push(format!("{}: {id} missing", lang.code())),
                Some((_, v)) if v != vars => problems.push(format!(
                    "{}: {id} uses {v:?}, English uses {vars:?}",
                    lang.code()
                )),
                Some(_) => assert!(has_translation(lang, id)),
            }
        }
        for (id, _) in &own {
            if !english.iter().any(|(i, _)| i == id) {
                problems.push(format!("{}: {id} is not an English message", lang.code()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every reply is one SMS with the longest values allowed: list names of 24 characters and aliases
/// of 20, in Latin letters and in the language's own script, and 3-digit counts (see
/// `common::values`). `LANG_FIT_REPORT=1` prints the 60 replies closest to the limit (another
/// number: that many), as units used of the one SMS their encoding allows (160 GSM-7 septets or
/// 70 UCS-2 units).
#[test]
fn every_reply_fits_one_sms_in_every_language() {
    let mut problems = Vec::new();
    // (per mille of one SMS, units, capacity, which)
    let mut worst: Vec<(usize, usize, usize, String)> = Vec::new();
    for lang in Lang::ALL {
        for (id, vars) in english_messages_in(lang) {
            let allowed = OVER_ONE_SEGMENT
                .iter()
                .any(|(l, i, _)| *l == lang && *i == id);
            let mut most = (0, 0, 0);
            for combo in combinations(lang, &vars) {
                let text = render_strict(lang, &id, &as_args(&combo))
                    .unwrap_or_else(|e| panic!("{e} with {}", describe(&combo)));
                let a = smsup_sms::analyze(&text);
                let capacity = a.encoding.single_capacity();
                most = most.max((a.units * 1000 / capacity, a.units, capacity));
                if a.segments > 1 && !allowed {
                    problems.push(format!(
                        "{} {id}: {} segments ({:?}, {} units) with {}: {}",
                        lang.code(),
                        a.segments,
                        a.encoding,
                        a.units,
                        describe(&combo),
                        visible(&text)
                    ));
                }
            }
            worst.push((most.0, most.1, most.2, format!("{} {id}", lang.code())));
        }
    }
    if let Ok(report) = std::env::var("LANG_FIT_REPORT") {
        // `LANG_FIT_REPORT=1`: the 60 replies closest to the limit; a larger number: that many.
        let lines = report.parse().ok().filter(|n| *n > 1).unwrap_or(60);
        worst.sort();
        for (_, units, capacity, what) in worst.iter().rev().take(lines) {
            eprintln!("{units:4}/{capacity} {what}");
        }
    }
    assert!(
        problems.is_empty(),
        "{} replies exceed one SMS:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The fit test's longest values are as long as the product allows, and are names the engine would
/// accept: letters of one script (with their marks, ZWNJ inside Farsi words) and digits.
#[test]
fn the_fit_test_tries_the_longest_names_and_aliases() {
    use unicode_normalization::char::is_combining_mark;
    assert_eq!(LONG_LATIN_LIST.chars().count(), MAX_LIST_CHARS);
    assert_eq!(LONG_LATIN_ALIAS.chars().count(), MAX_ALIAS_CHARS);
    for lang in [Lang::My, Lang::Fa, Lang::Ar, Lang::Ur] {
        let list = long_native_list(lang).unwrap();
        assert_eq!(list.chars().count(), MAX_LIST_CHARS, "{list}");
        assert!(
            list.chars().all(
                |c| (c.is_alphanumeric() || is_combining_mark(c) || c == '\u{200C}')
                    && !c.is_ascii_alphabetic()
            ),
            "{list}"
        );
        let alias = long_native_alias(lang).unwrap();
        assert_eq!(alias.chars().count(), MAX_ALIAS_CHARS, "{alias}");
        let names = values(lang, "list");
        let aliases = values(lang, "who");
        for (wanted, tried) in [(list, &names), (LONG_LATIN_LIST, &names), (alias, &aliases)] {
            assert!(
                tried
                    .iter()
                    .any(|v| matches!(v, smsup_lang::Arg::Str(s) if s == wanted)),
                "{} does not try {wanted}",
                lang.code()
            );
        }
    }
}

#[test]
fn no_reply_contains_bidi_isolates() {
    for lang in Lang::ALL {
        for (id, vars) in english_messages_in(lang) {
            for combo in combinations(lang, &vars) {
                let text = render(lang, &id, &as_args(&combo));
                assert!(
                    !text.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']),
                    "{} {id} has an isolate: {text:?}",
                    lang.code()
                );
                assert!(
                    !text.contains(['\u{E000}', '\u{E001}']),
                    "{} {id} leaks a template marker",
                    lang.code()
                );
            }
        }
    }
}

/// The values shown in the snapshots: one typical value per variable, plus every plural category.
fn snapshot_cases(
    lang: Lang,
    vars: &std::collections::BTreeSet<String>,
) -> Vec<Vec<(String, smsup_lang::Arg)>> {
    use smsup_lang::Arg;
    let mut cases = Vec::new();
    let counts: &[i64] = if vars.contains("count") {
        &[0, 1, 2, 3, 11, 100, 120]
    } else {
        &[0]
    };
    let names: Vec<&str> = std::iter::once(LATIN_LIST)
        .chain(native_list(lang))
        .collect();
    for name in &names {
        for count in counts {
            let mut modes_roles = vec![("open", "member")];
            if vars.contains("mode") && *count == 120 {
                modes_roles = vec![
                    ("open", "owner"),
                    ("announce", "admin"),
                    ("open", "member"),
                    ("open", "none"),
                ];
            }
            for (mode, role) in &modes_roles {
                let segments: &[i64] = if vars.contains("segments") && *count == 120 {
                    &[1, 3]
                } else {
                    &[1]
                };
                for seg in segments {
                    let combo: Vec<(String, Arg)> = vars
                        .iter()
                        .map(|v| {
                            let value = match v.as_str() {
                                "list" => Arg::Str(name.to_string()),
                                "count" => Arg::Num(*count),
                                "segments" => {
                                    Arg::Num(if vars.contains("count") { *seg } else { 3 })
                                }
                                "max" => Arg::Num(6),
                                "mode" => Arg::Str(mode.to_string()),
                                "role" => Arg::Str(role.to_string()),
                                "who" | "alias" => Arg::Str(
                                    if *name == LATIN_LIST {
                                        "AminaHasan"
                                    } else {
                                        native_alias(lang).unwrap_or("AminaHasan")
                                    }
                                    .to_string(),
                                ),
                                "lists" => Arg::Str(smsup_lang::join_names(lang, &[name, "jobs"])),
                                "number" => Arg::Str("012-345 67890".to_string()),
                                "command" => Arg::Str("JOIN".to_string()),
                                "font" => Arg::Str("Zawgyi".to_string()),
                                "code" => Arg::Str("482913".to_string()),
                                "days" => Arg::Num(7),
                                "total" => Arg::Num(120),
                                "delivered" => Arg::Num(118),
                                "failed" => Arg::Num(2),
                                "expired" | "waiting" => Arg::Num(0),
                                "minutes" => Arg::Num(3),
                                "safe" => Arg::Num(85),
                                "help" => Arg::Num(4),
                                "silent" => Arg::Num(31),
                                "check" => Arg::Str("C3".to_string()),
                                "label" => Arg::Str("#K7PQ".to_string()),
                                other => panic!("no snapshot value for ${other}"),
                            };
                            (v.clone(), value)
                        })
                        .collect();
                    if !cases
                        .iter()
                        .any(|c: &Vec<(String, Arg)>| describe(c) == describe(&combo))
                    {
                        cases.push(combo);
                    }
                }
            }
        }
    }
    cases
}

#[test]
fn snapshots_of_every_reply_in_every_language() {
    for lang in Lang::ALL {
        let mut out = String::new();
        for (id, vars) in english_messages_in(lang) {
            for combo in snapshot_cases(lang, &vars) {
                let text = render(lang, &id, &as_args(&combo));
                let a = smsup_sms::analyze(&text);
                out.push_str(&format!(
                    "## {id} {}\n[{:?} {} units]\n{}\n\n",
                    describe(&combo),
                    a.encoding,
                    a.units,
                    visible(&text)
                ));
            }
        }
        insta::assert_snapshot!(format!("replies_{}", lang.code()), out);
    }
}

#[test]
fn arabic_uses_all_six_cldr_plural_forms() {
    use smsup_lang::{plural_category, Arg};
    // CLDR examples for ar: zero 0; one 1; two 2; few 3~10, 103~110, 1003; many 11~26, 111, 1011;
    // other 100~102, 200~202, 1000.
    let expected = [
        (0, "zero"),
        (1, "one"),
        (2, "two"),
        (3, "few"),
        (10, "few"),
        (103, "few"),
        (110, "few"),
        (1003, "few"),
        (11, "many"),
        (99, "many"),
        (111, "many"),
        (120, "many"),
        (1011, "many"),
        (100, "other"),
        (102, "other"),
        (200, "other"),
        (1000, "other"),
    ];
    for (n, category) in expected {
        assert_eq!(plural_category(Lang::Ar, n), category, "{n}");
    }
    let sent = |n: i64| {
        render(
            Lang::Ar,
            "post-sent",
            &[("count", Arg::Num(n)), ("segments", Arg::Num(1))],
        )
    };
    assert_eq!(sent(0), "لم تُرسل لأي عضو.");
    assert_eq!(sent(1), "أُرسلت إلى عضو واحد.");
    assert_eq!(sent(2), "أُرسلت إلى عضوين.");
    assert_eq!(sent(3), "أُرسلت إلى 3 أعضاء.");
    assert_eq!(sent(103), "أُرسلت إلى 103 أعضاء.");
    assert_eq!(sent(11), "أُرسلت إلى 11 عضواً.");
    assert_eq!(sent(120), "أُرسلت إلى 120 عضواً.");
    assert_eq!(sent(100), "أُرسلت إلى 100 عضو.");
}

#[test]
fn other_languages_plural_forms() {
    use smsup_lang::{plural_category, Arg};
    assert_eq!(plural_category(Lang::Fa, 0), "one");
    assert_eq!(plural_category(Lang::Fa, 1), "one");
    assert_eq!(plural_category(Lang::Fa, 2), "other");
    assert_eq!(plural_category(Lang::Ur, 1), "one");
    assert_eq!(plural_category(Lang::So, 1), "one");
    assert_eq!(plural_category(Lang::My, 1), "other");
    assert_eq!(plural_category(Lang::Ms, 1), "other");
    let info = |lang, n| {
        render(
            lang,
            "info",
            &[
                ("list", Arg::Str("healthcare".into())),
                ("count", Arg::Num(n)),
                ("mode", Arg::Str("open".into())),
                ("role", Arg::Str("owner".into())),
            ],
        )
    };
    assert_eq!(
        info(Lang::Ur, 1),
        "\u{200F}healthcare\u{200F}: 1 رکن، کھلا۔ آپ: مالک۔"
    );
    assert_eq!(
        info(Lang::Ur, 120),
        "\u{200F}healthcare\u{200F}: 120 ارکان، کھلا۔ آپ: مالک۔"
    );
    assert_eq!(
        info(Lang::So, 1),
        "healthcare: 1 xubin, furan. Adiga: milkiile."
    );
    assert_eq!(
        info(Lang::So, 120),
        "healthcare: 120 xubnood, furan. Adiga: milkiile."
    );
}

#[test]
fn every_language_names_itself_when_chosen_and_lists_the_choices() {
    for lang in Lang::ALL {
        let set = render(lang, "lang-set", &[]);
        let name_in_own_words = match lang {
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
        };
        assert!(set.contains(name_in_own_words), "{}: {set}", lang.code());
        let choices = render(lang, "lang-choices", &[]);
        for other in Lang::ALL {
            assert!(
                choices.contains(other.code()),
                "{}: {choices} lacks {}",
                lang.code(),
                other.code()
            );
        }
    }
}

/// A shorter wording (`<id>-short`) exists for a list name in another script than the reply's: with
/// the longest such names (24 Farsi or Burmese letters) it fits one SMS.
#[test]
fn shorter_wordings_fit_with_a_name_in_another_script() {
    let names = [
        long_native_list(Lang::Fa).expect("a Farsi name"),
        long_native_list(Lang::My).expect("a Burmese name"),
    ];
    let mut checked = 0;
    for lang in Lang::ALL {
        for (id, vars) in english_messages_in(lang) {
            if !id.ends_with("-short") {
                continue;
            }
            assert_eq!(vars.iter().collect::<Vec<_>>(), vec!["list"], "{id}");
            for name in names {
                let text = render(lang, &id, &[("list", smsup_lang::Arg::Str(name.into()))]);
                let a = smsup_sms::analyze(&text);
                assert_eq!(
                    a.segments,
                    1,
                    "{} {id}: {} units: {}",
                    lang.code(),
                    a.units,
                    text
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 12, "{checked}");
}

/// A Burmese reply to a phone that shows Zawgyi is sent converted: it still fits one SMS.
#[test]
fn burmese_replies_fit_one_sms_in_zawgyi_too() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (id, vars) in english_messages_in(Lang::My) {
        for combo in combinations(Lang::My, &vars) {
            let text = smsup_lang::unicode_to_zawgyi(&render(Lang::My, &id, &as_args(&combo)));
            let a = smsup_sms::analyze(&text);
            if a.segments > 1 {
                problems.push(format!("{id}: {} units with {}", a.units, describe(&combo)));
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
