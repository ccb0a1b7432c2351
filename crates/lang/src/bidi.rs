//! Direction marks for replies that mix right-to-left and left-to-right text.
//!
//! Phones lay out an SMS with the Unicode bidirectional algorithm, taking the paragraph's direction
//! from its first strong letter. A Farsi reply that starts with a Latin list name would be laid out
//! left to right; `housing: 120` inside a Farsi sentence keeps the number glued to the Latin name
//! (a Latin run absorbs the digits after it); a phone number such as `+60 12-345 6789` or a member label `#17`
//! inside a right-to-left sentence has its groups and signs reordered; and an Arabic-script name
//! followed by digits in an English reply is reordered with them. One right-to-left mark (RLM,
//! U+200F) or left-to-right mark (LRM, U+200E) at those places fixes each case, at the cost of one
//! UTF-16 unit. Fluent's isolates (FSI/PDI) would be added around every placeable, at two units
//! each, and many phones do not support them.

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
/// placeable (a list name, an alias), only around it. With `paragraph`, the text is a whole reply
/// and starts with a mark if its first strong letter is of the other direction.
pub(crate) fn add_marks(units: &[Unit], rtl: bool, paragraph: bool) -> String {
    add_marks_with_spans(units, rtl, paragraph).0
}

/// [`add_marks`], also giving the byte range of each placeable in the result.
pub(crate) fn add_marks_with_spans(
    units: &[Unit],
    rtl: bool,
    paragraph: bool,
) -> (String, Vec<std::ops::Range<usize>>) {
    let (opposite, mark) = if rtl {
        (Dir::Ltr, RLM)
    } else {
        (Dir::Rtl, LRM)
    };
    let n = units.len();
    let mut out = String::with_capacity(n * 2 + 8);
    let mut spans = Vec::new();
    let mut span_start = 0;
    for i in 0..n {
        let (c, p) = units[i];
        let starts_placeable = p.is_some() && (i == 0 || units[i - 1].1 != p);
        let ends_placeable = p.is_some() && (i + 1 == n || units[i + 1].1 != p);
        if i > 0 && needs_mark(units, i, opposite) {
            out.push(mark);
        }
        let wrap = rtl && p.is_some_and(|p| is_formatted_number(units, p) || is_sign_led(units, p));
        if starts_placeable {
            if wrap {
                out.push(LRM);
            }
            span_start = out.len();
        }
        out.push(c);
        if ends_placeable {
            spans.push(span_start..out.len());
            if wrap {
                out.push(LRM);
            }
        }
    }
    // The paragraph's direction comes from its first strong letter (marks included).
    let base = if rtl { Dir::Rtl } else { Dir::Ltr };
    if paragraph && out.chars().find_map(strong).is_some_and(|d| d != base) {
        out.insert(0, mark);
        let shift = mark.len_utf8();
        for span in &mut spans {
            *span = span.start + shift..span.end + shift;
        }
    }
    (out, spans)
}

/// The last strong direction of placeable `p`.
fn last_strong_of(units: &[Unit], p: usize) -> Option<Dir> {
    units
        .iter()
        .rev()
        .filter(|(_, q)| *q == Some(p))
        .find_map(|(c, _)| strong(*c))
}

/// A placeable without letters made of digits and other signs (`+60 12-345 6789`, `#17`): in
/// right-to-left text its groups and signs would be reordered (digits after an Arabic letter become
/// Arabic numbers, around which `-`, `+` and `#` no longer stick), so it is held together left to
/// right between two LRMs. A plain number needs nothing.
fn is_formatted_number(units: &[Unit], p: usize) -> bool {
    let chars = units.iter().filter(|(_, q)| *q == Some(p)).map(|(c, _)| *c);
    let mut digits = false;
    for c in chars {
        if strong(c).is_some() {
            return false;
        }
        digits |= is_number(c);
    }
    digits
        && units
            .iter()
            .filter(|(_, q)| *q == Some(p))
            .any(|(c, _)| !is_number(*c))
}

/// A placeable that starts with a sign and reads left to right (a label `#K7PQ`): in right-to-left
/// text the sign would be drawn on the far side of the letters, so it is held together left to
/// right between two LRMs.
fn is_sign_led(units: &[Unit], p: usize) -> bool {
    let mut chars = units.iter().filter(|(_, q)| *q == Some(p)).map(|(c, _)| *c);
    let Some(first) = chars.next() else {
        return false;
    };
    strong(first).is_none()
        && !first.is_whitespace()
        && std::iter::once(first).chain(chars).find_map(strong) == Some(Dir::Ltr)
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
