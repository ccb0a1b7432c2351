//! Shared helpers for the locale tests: the message catalogue, typical values, segment counting.
#![allow(dead_code)]

use std::collections::BTreeSet;

use fluent_syntax::ast;
use smsup_lang::{join_names, Arg, Lang};

/// Every message id of the English catalogue with the variables it uses, in file order.
pub fn english_messages() -> Vec<(String, BTreeSet<String>)> {
    messages_of(Lang::En)
}

/// The English messages a locale renders: all of them but the shorter wordings (`<id>-short`) it
/// has no need of.
pub fn english_messages_in(lang: Lang) -> Vec<(String, BTreeSet<String>)> {
    english_messages()
        .into_iter()
        .filter(|(id, _)| !id.ends_with("-short") || smsup_lang::has_translation(lang, id))
        .collect()
}

/// The messages of one locale's main.ftl with their variables.
pub fn messages_of(lang: Lang) -> Vec<(String, BTreeSet<String>)> {
    let path = format!(
        "{}/locales/{}/main.ftl",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{path}: {errors:?}"));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                Some((m.id.name.to_string(), vars))
            }
            _ => None,
        })
        .collect()
}

/// The terms (`-join = ...`) of a locale: (name without dash, value text).
pub fn terms_of(lang: Lang) -> Vec<(String, String)> {
    let path = format!(
        "{}/locales/{}/main.ftl",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Term(t) => {
                let value: String = t
                    .value
                    .elements
                    .iter()
                    .map(|e| match e {
                        ast::PatternElement::TextElement { value } => value.to_string(),
                        _ => String::new(),
                    })
                    .collect();
                Some((t.id.name.to_string(), value))
            }
            _ => None,
        })
        .collect()
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr_vars(expression, vars);
        }
    }
}

fn expr_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

/// A 10-character list name in Latin letters.
pub const LATIN_LIST: &str = "healthcare";

/// The longest list name allowed (24 characters), in Latin letters.
pub const LONG_LATIN_LIST: &str = "abcdefghijklmnopqrstuvwx";

/// The longest alias allowed (20 characters), in Latin letters.
pub const LONG_LATIN_ALIAS: &str = "Mohammed Abdulrahman";

/// The longest list name (24 characters) and alias (20 characters) the product allows.
pub const MAX_LIST_CHARS: usize = 24;
/// See [`MAX_LIST_CHARS`].
pub const MAX_ALIAS_CHARS: usize = 20;

/// A 10-character (10 UTF-16 units) list name in the locale's own script, if it is not Latin.
pub fn native_list(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::Fa => Some("کمک‌درمانی"),
        Lang::Ar => Some("صحةالأسرة1"),
        Lang::Ur => Some("صحتکلینک01"),
        Lang::My => Some("ကျန်းမာရေး"),
        Lang::Ta => Some("சுகாதாரம்1"),
        Lang::Ps => Some("روغتیاکور1"),
        _ => None,
    }
}

/// A list name of the longest length allowed (24 characters, as counted by the engine: code
/// points, marks and ZWNJ included) in the locale's own script, if it is not Latin.
pub fn long_native_list(lang: Lang) -> Option<&'static str> {
    match lang {
        // "Afghan children's education Malaysia".
        Lang::Fa => Some("آموزش‌کودکان‌افغان‌مالزی"),
        // "Refugee care Kuala Lumpur 1".
        Lang::Ar => Some("رعايةاللاجئينكوالالمبور1"),
        // "Refugees' health Malaysia 1".
        Lang::Ur => Some("پناہگزینوںکیصحتملائیشیا1"),
        // "Refugee health group 1".
        Lang::My => Some("ဒုက္ခသည်ကျန်းမာရေးအဖွဲ့၁"),
        // "Refugee health Malaysia 1".
        Lang::Ta => Some("அகதிகள்சுகாதாரம்மலேசியா1"),
        // "Refugee health Kuala Lumpur 1".
        Lang::Ps => Some("دکډوالوروغتیاکوالالمپور1"),
        _ => None,
    }
}

/// A 10-character alias in the locale's own script, if it is not Latin.
pub fn native_alias(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::Fa => Some("زهرا احمدی"),
        Lang::Ar => Some("فاطمة علي1"),
        Lang::Ur => Some("عائشہ خان1"),
        Lang::My => Some("မောင်မောင်"),
        Lang::Ta => Some("கலா ராணி12"),
        Lang::Ps => Some("ګلالۍ خان1"),
        _ => None,
    }
}

/// An alias of the longest length allowed (20 characters) in the locale's own script, if it is not
/// Latin.
pub fn long_native_alias(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::Fa => Some("زهرا محمدی حسین‌زاده"),
        Lang::Ar => Some("عبدالرحمن محمد الحسن"),
        Lang::Ur => Some("محمد عبدالرحمن قریشی"),
        Lang::My => Some("ဒေါ်အေးအေးမြင့်ခိုင်"),
        Lang::Ta => Some("லட்சுமி ராஜேந்திரன்1"),
        Lang::Ps => Some("محمدګل احمدزی يوسفزی"),
        _ => None,
    }
}

/// Typical and longest values of a variable, in the order they are tried. List names: 10 and 24
/// characters, Latin and the locale's own script; aliases (`$who`, `$alias`): 10 and 20 characters,
/// Latin and own script, and a `#` label. Counts cover every CLDR plural category of our languages
/// (Arabic: 0 zero, 1 one, 2 two, 3 few, 11 many, 100 other) and 3 digits.
pub fn values(lang: Lang, var: &str) -> Vec<Arg> {
    let s = |v: &str| Arg::Str(v.to_string());
    let mut names = vec![LATIN_LIST];
    names.extend(native_list(lang));
    names.push(LONG_LATIN_LIST);
    names.extend(long_native_list(lang));
    match var {
        "list" => names.into_iter().map(s).collect(),
        "count" => [0, 1, 2, 3, 11, 100, 103, 120, 999]
            .into_iter()
            .map(Arg::Num)
            .collect(),
        "segments" => [1, 2, 6, 10].into_iter().map(Arg::Num).collect(),
        "max" => [1, 6, 30, 100, 120].into_iter().map(Arg::Num).collect(),
        "mode" => vec![s("open"), s("announce")],
        "font" => vec![s("Zawgyi"), s("Unicode")],
        "code" => vec![s("482913"), s("H12345")],
        "label" => vec![s("#K7PQ"), s("#K7PQ2A")],
        "days" => [1, 7, 30].into_iter().map(Arg::Num).collect(),
        // An alert's reach (STATUS): a small list and a list of ten thousand.
        "total" => [120, 10_000].into_iter().map(Arg::Num).collect(),
        "delivered" => [118, 9_999].into_iter().map(Arg::Num).collect(),
        "failed" | "expired" | "waiting" => [0, 999].into_iter().map(Arg::Num).collect(),
        "minutes" => [3, 30].into_iter().map(Arg::Num).collect(),
        // A check-in's answers (RESULTS): a small list and a list of ten thousand.
        "safe" | "help" | "silent" => [0, 85, 9_999].into_iter().map(Arg::Num).collect(),
        "check" => vec![s("C3"), s("C123456")],
        "role" => vec![s("owner"), s("admin"), s("member"), s("none")],
        "who" | "alias" => {
            let mut v = vec![s("AminaHasan"), s("#123")];
            v.extend(native_alias(lang).map(s));
            v.push(s(LONG_LATIN_ALIAS));
            v.extend(long_native_alias(lang).map(s));
            v
        }
        "lists" => {
            let mut v = vec![s(&join_names(lang, &[LATIN_LIST, "jobs", "school"]))];
            if let Some(n) = native_list(lang) {
                v.push(s(&join_names(lang, &[n, LATIN_LIST])));
            }
            let long = long_native_list(lang).unwrap_or(LATIN_LIST);
            v.push(s(&join_names(lang, &[LONG_LATIN_LIST, long])));
            v
        }
        "number" => vec![s("012-345 67890"), s("+9891234567890")],
        "command" => {
            let mut v = vec![s("JOIN")];
            let native = smsup_lang::keywords_of(lang)
                .into_iter()
                .find(|(_, k)| *k == smsup_lang::Keyword::Join)
                .map(|(w, _)| w.to_string());
            if lang != Lang::En {
                v.extend(native.map(Arg::Str));
            }
            v
        }
        other => panic!("no typical value for ${other}: add one to tests/common"),
    }
}

/// Every combination of typical values for the variables.
pub fn combinations(lang: Lang, vars: &BTreeSet<String>) -> Vec<Vec<(String, Arg)>> {
    let mut combos: Vec<Vec<(String, Arg)>> = vec![Vec::new()];
    for var in vars {
        let mut next = Vec::new();
        for combo in &combos {
            for value in values(lang, var) {
                let mut c = combo.clone();
                c.push((var.clone(), value));
                next.push(c);
            }
        }
        combos = next;
    }
    combos
}

/// Borrow a combination as `render`'s argument list.
pub fn as_args(combo: &[(String, Arg)]) -> Vec<(&str, Arg)> {
    combo.iter().map(|(k, v)| (k.as_str(), v.clone())).collect()
}

/// Show a combination briefly, for failure messages.
pub fn describe(combo: &[(String, Arg)]) -> String {
    combo
        .iter()
        .map(|(k, v)| match v {
            Arg::Str(s) => format!("{k}={s:?}"),
            Arg::Num(n) => format!("{k}={n}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Make direction marks visible for review.
pub fn visible(text: &str) -> String {
    text.replace('\u{200F}', "<RLM>")
        .replace('\u{200E}', "<LRM>")
}
