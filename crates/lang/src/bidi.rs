//! Direction marks for replies that mix right-to-left and left-to-right text.
//!
//! Phones lay out an SMS with the Unicode bidirectional algorithm, taking the paragraph's direction
//! from its first strong letter. A Farsi reply that starts with a Latin list name would be laid out
//! left to right; `housing: 120` inside a Farsi sentence keeps the number glued to the Latin name
//! (a Latin run absorbs the digits after it); and an Arabic-script name followed by digits in an
//! English reply is reordered with them. One right-to-left mark (RLM, U+200F) or left-to-right mark
//! (LRM, U+200E) at those places fixes each case, at the cost of one UTF-16 unit. Fluent's isolates
//! (FSI/PDI) would do it everywhere at two units per placeable, and are not supported by many phones.

use unicode_bidi::{bidi_class, BidiClass};

/// Right-to-left mark.
pub const RLM: char = '\u{200F}';
/// Left-to-right mark.
pub const LRM: char = '\u{200E}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Ltr,
    Rtl,
}

fn strong(c: char) -> Option<Dir> {
    match bidi_class(c) {
        BidiClass::L => Some(Dir::Ltr),
        BidiClass::R | BidiClass::AL => Some(Dir::Rtl),
        _ => None,
    }
}

fn is_number(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::EN | BidiClass::AN)
}

fn continues_run(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::NSM | BidiClass::BN)
}

/// A character of a reply, and the placeable (a value given to the template) it comes from, if any.
pub(crate) type Unit = (char, Option<usize>);

/// Add the direction marks a reply needs, given its base direction. Marks are never put inside a
/// placeable (a list name, an alias), only between it and the template's text.
pub(crate) fn add_marks(units: &[Unit], rtl: bool, at_start: bool) -> String {
    let (opposite, mark) = if rtl {
        (Dir::Ltr, RLM)
    } else {
        (Dir::Rtl, LRM)
    };
    let n = units.len();
    let mut out = String::with_capacity(n * 4 + 8);
    // The paragraph's direction comes from its first strong letter.
    if at_start && units.iter().find_map(|(c, _)| strong(*c)) == Some(opposite) {
        out.push(mark);
    }
    for i in 0..n {
        if i > 0 && needs_mark(units, i, opposite) {
            out.push(mark);
        }
        out.push(units[i].0);
    }
    out
}

/// The last strong direction of placeable `p`.
fn last_strong_of(units: &[Unit], p: usize) -> Option<Dir> {
    units
        .iter()
        .filter(|(_, q)| *q == Some(p))
        .filter_map(|(c, _)| strong(*c))
        .last()
}

/// Whether a mark is needed before `units[i]`: after a run of the opposite direction, when what
/// follows would otherwise be drawn into that run (a number, or another opposite run after
/// punctuation that belongs to the reply's own sentence).
fn needs_mark(units: &[Unit], i: usize, opposite: Dir) -> bool {
    let (prev_char, prev_p) = units[i - 1];
    let (next_char, next_p) = units[i];
    let prev_dir = match prev_p {
        Some(p) if next_p == Some(p) => return false, // inside a placeable
        Some(p) => last_strong_of(units, p),
        None => strong(prev_char),
    };
    if prev_dir != Some(opposite) || strong(next_char) == Some(opposite) || continues_run(next_char)
    {
        return false;
    }
    let mut punctuation = false;
    for (c, _) in &units[i..] {
        if is_number(*c) {
            return true;
        }
        match strong(*c) {
            Some(d) => return d == opposite && punctuation,
            None if !c.is_whitespace() => punctuation = true,
            None => {}
        }
    }
    false
}
