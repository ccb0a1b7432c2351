//! Smart encoding: replacing look-alike characters with GSM-7 ones, as Twilio's Smart
//! Encoding does (the table is the one `sms-segments-calculator` 1.3.0 applies).

use std::borrow::Cow;

use crate::smart_table::SMART;

/// The replacement of `c`, if Smart Encoding replaces it.
pub fn replacement(c: char) -> Option<&'static str> {
    SMART
        .binary_search_by(|&(k, _)| k.cmp(&c))
        .ok()
        .map(|i| SMART[i].1)
}

/// Replaces every look-alike character of Twilio's Smart Encoding table (curly quotes,
/// guillemets, dashes, ellipsis, non-breaking and other spaces, full-width forms, invisible
/// format characters, ...) by its GSM-7 equivalent, exactly as `sms-segments-calculator`
/// 1.3.0 does with `smartEncoding = true`: unconditionally, character by character. Borrows
/// when nothing changes.
///
/// Note that this also drops ZERO WIDTH NON-JOINER (U+200C), which Persian spelling uses; see
/// [`smart_encode_if_gsm`] for a variant that only changes texts it brings into GSM-7.
pub fn smart_encode(text: &str) -> Cow<'_, str> {
    let Some(first) = text.char_indices().find(|&(_, c)| replacement(c).is_some()) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first.0]);
    for c in text[first.0..].chars() {
        match replacement(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Applies [`smart_encode`] only when the result is GSM-7 (when it saves money); otherwise
/// returns the text unchanged, so that e.g. a Farsi post keeps its zero-width non-joiners and
/// typographic quotes.
pub fn smart_encode_if_gsm(text: &str) -> Cow<'_, str> {
    let replaced = smart_encode(text);
    if matches!(replaced, Cow::Owned(_)) && crate::is_gsm7(&replaced) {
        replaced
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_sorted() {
        for w in SMART.windows(2) {
            assert!(w[0].0 < w[1].0);
        }
    }

    #[test]
    fn replaces_look_alikes() {
        assert_eq!(smart_encode("“Hi” – it’s…"), "\"Hi\" - it's...");
        assert_eq!(smart_encode("«a»\u{a0}b"), "\"a\"  b");
        assert!(matches!(smart_encode("plain"), Cow::Borrowed("plain")));
        // Persian text: unconditional form drops the ZWNJ, the conditional one keeps it all.
        let fa = "می\u{200c}خواهم “سلام”";
        assert_eq!(smart_encode(fa), "میخواهم \"سلام\"");
        assert_eq!(smart_encode_if_gsm(fa), fa);
        assert_eq!(smart_encode_if_gsm("“ok”"), "\"ok\"");
    }
}
