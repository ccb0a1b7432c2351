//! Classifying a text and counting it exactly as `sms-segments-calculator` 1.3.0 does.

use std::fmt;

use crate::grapheme::graphemes;
use crate::gsm7;

/// The alphabet a message is sent in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// GSM 7-bit default alphabet with its extension table (3GPP TS 23.038).
    Gsm7,
    /// UCS-2, sent as UTF-16BE (surrogate pairs for characters outside the BMP).
    Ucs2,
}

impl Encoding {
    /// Bits of one encoding unit (a septet or a UTF-16 code unit).
    pub fn unit_bits(self) -> usize {
        match self {
            Encoding::Gsm7 => 7,
            Encoding::Ucs2 => 16,
        }
    }

    /// Units that fit in a single, unconcatenated SMS (160 septets or 70 UTF-16 units).
    pub fn single_capacity(self) -> usize {
        SMS_BITS / self.unit_bits()
    }

    /// Units that fit in one part of a concatenated SMS with the 6-octet (8-bit reference)
    /// header Twilio uses (153 septets or 67 UTF-16 units).
    pub fn part_capacity(self) -> usize {
        (SMS_BITS - 8 * 6) / self.unit_bits()
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Gsm7 => "GSM-7",
            Encoding::Ucs2 => "UCS-2",
        })
    }
}

/// Bits of user data in one SMS (140 octets).
pub(crate) const SMS_BITS: usize = 140 * 8;
/// Bits the calculator reserves for the concatenation header in each part (6 octets).
const UDH_BITS: usize = 6 * 8;

/// What a text costs to send: its encoding and its counts, as Twilio's calculator gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    /// GSM-7 if every character is in GSM-7, else UCS-2.
    pub encoding: Encoding,
    /// The calculator's "characters": in GSM-7 the number of septets (an extension character
    /// such as `€` counts 2); in UCS-2 the number of grapheme clusters (user-perceived
    /// characters: an emoji with a skin tone counts 1), with `"\r\n"` counting 2.
    pub characters: usize,
    /// Encoding units: septets (GSM-7) or UTF-16 code units (UCS-2).
    pub units: usize,
    /// Number of SMS the text is sent as (an empty text still takes 1).
    pub segments: usize,
    /// The characters (grapheme clusters) that force UCS-2, each once, in order of first use;
    /// empty for GSM-7.
    pub non_gsm: Vec<String>,
}

impl Analysis {
    /// One JSON object: `{"encoding": "GSM-7"|"UCS-2", "characters": N, "units": N,
    /// "segments": N, "non_gsm": [...]}`.
    pub fn to_json(&self) -> String {
        let non_gsm: Vec<String> = self.non_gsm.iter().map(|s| json_string(s)).collect();
        format!(
            "{{\"encoding\": \"{}\", \"characters\": {}, \"units\": {}, \"segments\": {}, \"non_gsm\": [{}]}}",
            self.encoding,
            self.characters,
            self.units,
            self.segments,
            non_gsm.join(", ")
        )
    }

    /// Whether the text takes more than one SMS.
    pub fn is_multipart(&self) -> bool {
        self.segments > 1
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a single grapheme cluster is one GSM-7 character (as the calculator decides it:
/// one UTF-16 unit found in the GSM-7 table).
fn gsm_grapheme(g: &str) -> Option<gsm7::Septets> {
    let mut it = g.chars();
    match (it.next(), it.next()) {
        (Some(c), None) if c.len_utf16() == 1 => gsm7::encode_char(c),
        _ => None,
    }
}

/// Whether the whole text can be sent in GSM-7.
pub fn is_gsm7(text: &str) -> bool {
    // Equivalent to "every cluster is one GSM character": no GSM character combines with
    // another code point into a cluster except "\r\n", which the calculator splits.
    text.chars().all(gsm7::is_gsm_char)
}

/// One grapheme cluster as the calculator encodes it.
pub(crate) struct Item<'a> {
    pub(crate) text: &'a str,
    pub(crate) units: usize,
}

/// The clusters of `text` with their unit counts in `encoding`.
pub(crate) fn items(text: &str, encoding: Encoding) -> Vec<Item<'_>> {
    graphemes(text)
        .into_iter()
        .map(|g| {
            let units = match (encoding, gsm_grapheme(g)) {
                (Encoding::Gsm7, Some(s)) => s.len(),
                (Encoding::Ucs2, Some(_)) => 1,
                // Not reachable for GSM-7 (the encoding would be UCS-2); UTF-16 length otherwise.
                (_, None) => g.encode_utf16().count(),
            };
            Item { text: g, units }
        })
        .collect()
}

/// Classifies and counts `text` exactly as `sms-segments-calculator` 1.3.0 (`new
/// SegmentedMessage(text)`) does; for its `smartEncoding` option, pass
/// [`smart_encode`](crate::smart_encode)`(text)`.
pub fn analyze(text: &str) -> Analysis {
    let encoding = if is_gsm7(text) {
        Encoding::Gsm7
    } else {
        Encoding::Ucs2
    };
    let items = items(text, encoding);
    let units: usize = items.iter().map(|i| i.units).sum();
    let characters = match encoding {
        Encoding::Gsm7 => units,
        Encoding::Ucs2 => items.len(),
    };
    let mut non_gsm: Vec<String> = Vec::new();
    if encoding == Encoding::Ucs2 {
        for item in &items {
            if gsm_grapheme(item.text).is_none() && !non_gsm.iter().any(|g| g == item.text) {
                non_gsm.push(item.text.to_owned());
            }
        }
    }
    let bits = encoding.unit_bits();
    let segments = count_segments(items.iter().map(|i| i.units * bits));
    Analysis {
        encoding,
        characters,
        units,
        segments,
        non_gsm,
    }
}

/// The calculator's segmentation, on item sizes in bits: fill a segment to 140 octets; when an
/// item does not fit, open a new segment with a 6-octet header, give the first segment its
/// header too (moving its last items over), and carry on. Items are never split.
fn count_segments(sizes: impl Iterator<Item = usize>) -> usize {
    // Per segment: sizes of its items (headers are accounted in `used`).
    let mut segments: Vec<(Vec<usize>, usize)> = vec![(Vec::new(), 0)];
    for size in sizes {
        let free = SMS_BITS.saturating_sub(segments.last().map_or(0, |s| s.1));
        if free < size {
            let mut carried = Vec::new();
            if segments.len() == 1 {
                let first = &mut segments[0];
                first.1 += UDH_BITS;
                while first.1 > SMS_BITS {
                    match first.0.pop() {
                        Some(s) => {
                            first.1 -= s;
                            carried.push(s);
                        }
                        None => break,
                    }
                }
                carried.reverse();
            }
            let used = UDH_BITS + carried.iter().sum::<usize>();
            segments.push((carried, used));
        }
        if let Some(cur) = segments.last_mut() {
            cur.0.push(size);
            cur.1 += size;
        }
    }
    segments.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(text: &str) -> (Encoding, usize, usize, usize) {
        let r = analyze(text);
        (r.encoding, r.characters, r.units, r.segments)
    }

    #[test]
    fn empty_text_is_one_gsm_segment() {
        assert_eq!(a(""), (Encoding::Gsm7, 0, 0, 1));
    }

    #[test]
    fn gsm_boundaries() {
        assert_eq!(a(&"a".repeat(160)).3, 1);
        assert_eq!(a(&"a".repeat(161)).3, 2);
        assert_eq!(a(&"a".repeat(306)).3, 2);
        assert_eq!(a(&"a".repeat(307)).3, 3);
        // 80 euro signs = 160 septets; one more needs two parts.
        assert_eq!(a(&"€".repeat(80)), (Encoding::Gsm7, 160, 160, 1));
        assert_eq!(a(&"€".repeat(81)), (Encoding::Gsm7, 162, 162, 2));
        // An escape pair at the end of a part moves whole to the next part: 152 + € + 152 + € → 3 parts
        let t = format!("{}€{}€", "a".repeat(152), "a".repeat(151));
        assert_eq!(a(&t).3, 3);
        assert_eq!(a(&format!("{}€{}", "a".repeat(151), "a".repeat(153))).3, 2);
    }

    #[test]
    fn ucs2_boundaries_and_characters() {
        assert_eq!(a(&"ش".repeat(70)), (Encoding::Ucs2, 70, 70, 1));
        assert_eq!(a(&"ش".repeat(71)), (Encoding::Ucs2, 71, 71, 2));
        assert_eq!(a(&"ش".repeat(134)).3, 2);
        assert_eq!(a(&"ش".repeat(135)).3, 3);
        // Emoji: 2 units, 1 character; a pair never split: 33 emoji (66 units) + 1 → the
        // 34th emoji would straddle unit 67, so it moves.
        assert_eq!(a("😀"), (Encoding::Ucs2, 1, 2, 1));
        assert_eq!(a(&"😀".repeat(35)).3, 1);
        assert_eq!(a(&"😀".repeat(36)).3, 2);
        assert_eq!(a(&format!("a{}", "😀".repeat(67))).3, 3);
        // ç is not GSM (Ç is).
        assert_eq!(a("ç").0, Encoding::Ucs2);
        assert_eq!(a("Ç").0, Encoding::Gsm7);
        // A GSM extension character counts 1 unit in UCS-2.
        assert_eq!(a("€ش"), (Encoding::Ucs2, 2, 2, 1));
    }

    #[test]
    fn non_gsm_lists_each_cluster_once() {
        let r = analyze("“hi” “x”");
        assert_eq!(r.non_gsm, vec!["“", "”"]);
        assert_eq!(
            r.to_json(),
            r#"{"encoding": "UCS-2", "characters": 8, "units": 8, "segments": 1, "non_gsm": ["“", "”"]}"#
        );
        assert_eq!(analyze("x\u{301}").non_gsm, vec!["x\u{301}"]);
        assert!(analyze("plain").non_gsm.is_empty());
    }

    #[test]
    fn json_escapes() {
        let r = Analysis {
            encoding: Encoding::Gsm7,
            characters: 0,
            units: 0,
            segments: 1,
            non_gsm: vec!["\"\\\n\u{1}".into()],
        };
        assert!(r.to_json().ends_with(r#"["\"\\\n\u0001"]}"#));
        assert_eq!(Encoding::Gsm7.to_string(), "GSM-7");
        assert_eq!(Encoding::Ucs2.to_string(), "UCS-2");
    }
}
