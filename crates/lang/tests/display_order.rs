//! Replies mixing scripts display in reading order: checked with the Unicode Bidirectional
//! Algorithm (the `unicode-bidi` crate), taking each reply's paragraph direction from its first
//! strong letter as phones do.

mod common;

use common::*;
use smsup_lang::{render_with_spans, Lang};
use unicode_bidi::{bidi_class, BidiClass, BidiInfo};

/// The visual position (0 = leftmost) of each character of `text`, keyed by byte offset, and whether
/// the paragraph is right to left.
fn layout(text: &str) -> (bool, std::collections::HashMap<usize, usize>) {
    let info = BidiInfo::new(text, None);
    let para = &info.paragraphs[0];
    let (levels, runs) = info.visual_runs(para, para.range.clone());
    let mut pos = std::collections::HashMap::new();
    let mut next = 0;
    for run in runs {
        let mut offsets: Vec<usize> = text[run.clone()]
            .char_indices()
            .map(|(i, _)| run.start + i)
            .collect();
        if levels[run.start].is_rtl() {
            offsets.reverse();
        }
        for o in offsets {
            pos.insert(o, next);
            next += 1;
        }
    }
    (para.level.is_rtl(), pos)
}

fn meaningful(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::L | BidiClass::R | BidiClass::AL | BidiClass::EN | BidiClass::AN
    )
}

#[test]
fn mixed_script_replies_display_in_reading_order() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for lang in Lang::ALL {
        for (id, vars) in english_messages_in(lang) {
            let mut combos = combinations(lang, &vars);
            if !lang.is_rtl() {
                // Left-to-right replies with right-to-left names in them.
                let rtl_names: Vec<_> = combos
                    .iter()
                    .map(|combo| {
                        combo
                            .iter()
                            .map(|(k, v)| match k.as_str() {
                                "list" => (k.clone(), smsup_lang::Arg::Str("کمک‌درمانی".into())),
                                "who" | "alias" => {
                                    (k.clone(), smsup_lang::Arg::Str("فاطمة علي".into()))
                                }
                                "lists" => (
                                    k.clone(),
                                    smsup_lang::Arg::Str(smsup_lang::join_names(
                                        lang,
                                        &["کمک‌درمانی", "صحة"],
                                    )),
                                ),
                                _ => (k.clone(), v.clone()),
                            })
                            .collect::<Vec<_>>()
                    })
                    .collect();
                combos.extend(rtl_names);
            }
            for combo in combos {
                let (text, spans) = render_with_spans(lang, &id, &as_args(&combo));
                let (rtl, pos) = layout(&text);
                checked += 1;
                let mut fail = |why: String| {
                    problems.push(format!(
                        "{} {id} [{}]: {why}: {}",
                        lang.code(),
                        describe(&combo),
                        visible(&text)
                    ))
                };
                if text
                    .chars()
                    .any(|c| matches!(bidi_class(c), BidiClass::L | BidiClass::R | BidiClass::AL))
                    && rtl != lang.is_rtl()
                {
                    fail(format!(
                        "paragraph laid out {}",
                        if rtl {
                            "right to left"
                        } else {
                            "left to right"
                        }
                    ));
                }
                // Each value is drawn in one piece; Latin words and numbers read left to right.
                let mut extents = Vec::new();
                for span in &spans {
                    let chars: Vec<(usize, char)> = text[span.clone()]
                        .char_indices()
                        .map(|(i, c)| (span.start + i, c))
                        .collect();
                    if !chars.iter().any(|(_, c)| meaningful(*c)) {
                        continue;
                    }
                    let visual: Vec<usize> = chars.iter().map(|(o, _)| pos[o]).collect();
                    let (lo, hi) = (*visual.iter().min().unwrap(), *visual.iter().max().unwrap());
                    if hi - lo + 1 != visual.len() {
                        fail(format!("{:?} is split", &text[span.clone()]));
                    }
                    let ltr_value = chars
                        .iter()
                        .all(|(_, c)| !matches!(bidi_class(*c), BidiClass::R | BidiClass::AL));
                    if ltr_value && visual.windows(2).any(|w| w[1] < w[0]) {
                        fail(format!(
                            "{:?} does not read left to right",
                            &text[span.clone()]
                        ));
                    }
                    extents.push((lo, hi, &text[span.clone()]));
                }
                // Values come in reading order: leftwards in right-to-left replies.
                for pair in extents.windows(2) {
                    let (a, b) = (pair[0], pair[1]);
                    let ordered = if rtl { b.1 < a.0 } else { b.0 > a.1 };
                    if !ordered {
                        fail(format!("{:?} is drawn on the wrong side of {:?}", b.2, a.2));
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} replies checked");
    assert!(
        problems.is_empty(),
        "{} replies display out of order:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn layout_check_catches_a_reply_without_marks() {
    // The same Farsi sentence without the marks `render` adds is laid out left to right, with the
    // number glued to the Latin name: the check above would fail on it.
    let bare = "healthcare: 120 عضو";
    let (rtl, pos) = layout(bare);
    assert!(!rtl);
    let with_marks = smsup_lang::render(
        Lang::Fa,
        "info",
        &[
            ("list", smsup_lang::Arg::Str("healthcare".into())),
            ("count", smsup_lang::Arg::Num(120)),
            ("mode", smsup_lang::Arg::Str("open".into())),
            ("role", smsup_lang::Arg::Str("member".into())),
        ],
    );
    let (rtl2, pos2) = layout(&with_marks);
    assert!(rtl2, "{}", visible(&with_marks));
    // Bare: "120" is drawn right of "healthcare" (wrong for Farsi); with marks: left of it.
    assert!(pos[&bare.find("120").unwrap()] > pos[&0]);
    let name = with_marks.find("healthcare").unwrap();
    let count = with_marks.find("120").unwrap();
    assert!(pos2[&count] < pos2[&name], "{}", visible(&with_marks));
}
