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

#[test]
fn every_reply_fits_one_sms_in_every_language() {
    let mut problems = Vec::new();
    let mut worst: Vec<(usize, String)> = Vec::new();
    for lang in Lang::ALL {
        for (id, vars) in english_messages() {
            let allowed = OVER_ONE_SEGMENT
                .iter()
                .any(|(l, i, _)| *l == lang && *i == id);
            let mut most = 0;
            for combo in combinations(lang, &vars) {
                let text = render_strict(lang, &id, &as_args(&combo))
                    .unwrap_or_else(|e| panic!("{e} with {}", describe(&combo)));
                let a = smsup_sms::analyze(&text);
                most = most.max(a.units);
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
            worst.push((most, format!("{} {id}", lang.code())));
        }
    }
    if std::env::var_os("LANG_FIT_REPORT").is_some() {
        worst.sort();
        for (units, what) in worst.iter().rev().take(60) {
            eprintln!("{units:4} {what}");
        }
    }
    assert!(
        problems.is_empty(),
        "{} replies exceed one SMS:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn no_reply_contains_bidi_isolates() {
    for lang in Lang::ALL {
        for (id, vars) in english_messages() {
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
