//! Turning a text into submit_sm payloads, and deliver_sm payloads back into text.
//!
//! The alphabet choice, the GSM-7 tables and the splitting come from `smsup-sms`; decoding here is
//! lossy by design (never fails) and tolerates peers that put GSM-7 under data_coding 1.

use smsup_sms::{gsm7, split, Concat, EncodeError, Encoding, GsmForm, SplitOptions};

/// data_coding for GSM-7 (SMSC default alphabet).
pub const DC_GSM7: u8 = 0x00;
/// data_coding for IA5 (ASCII).
pub const DC_IA5: u8 = 0x01;
/// data_coding for Latin-1.
pub const DC_LATIN1: u8 = 0x03;
/// data_coding for UCS-2 (UTF-16BE).
pub const DC_UCS2: u8 = 0x08;

/// A text encoded for SMPP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedText {
    /// The alphabet.
    pub encoding: Encoding,
    /// data_coding to send (0 or 8).
    pub data_coding: u8,
    /// The whole text encoded (unpacked septets, or UTF-16BE without a byte-order mark).
    pub bytes: Vec<u8>,
    /// The text cut into parts that each fit one SMS (one part when it fits a single SMS).
    pub parts: Vec<Vec<u8>>,
}

/// Why a text cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// A concatenated message has at most 255 parts.
    #[error("text needs {0} parts, more than 255")]
    TooManyParts(usize),
    /// The splitter refused the text for another reason.
    #[error("cannot split text: {0}")]
    Split(String),
}

/// Encodes `text` in GSM-7 when every character is in it, else UCS-2, and cuts it into parts of
/// 160/153 septets or 70/67 UTF-16 units with `smsup_sms::split` (grapheme clusters, escape pairs
/// and surrogate pairs are never split, so the part count equals `smsup_sms::analyze`'s segments).
pub fn encode(text: &str) -> Result<EncodedText, TextError> {
    let opts = SplitOptions {
        concat: Concat::Sar(0),
        gsm_form: GsmForm::Unpacked,
        encoding: None,
    };
    let msg = split(text, &opts).map_err(|e| match e {
        EncodeError::TooManyParts(n) => TextError::TooManyParts(n),
        other => TextError::Split(other.to_string()),
    })?;
    let parts: Vec<Vec<u8>> = msg.parts.into_iter().map(|p| p.body).collect();
    let bytes = parts.concat();
    Ok(EncodedText {
        encoding: msg.encoding,
        data_coding: msg.data_coding,
        bytes,
        parts,
    })
}

/// Decodes a short_message payload (without UDH) by its data_coding. Never fails: undecodable input
/// becomes U+FFFD or Latin-1 characters.
pub fn decode(data_coding: u8, bytes: &[u8]) -> String {
    match alphabet(data_coding) {
        Alphabet::Gsm7 => match gsm7::decode_unpacked(bytes) {
            Ok(s) => s,
            // Some SMSCs put 8-bit text under data_coding 0: keep it readable.
            Err(_) => crate::pdu::latin1(bytes),
        },
        Alphabet::Ascii => {
            // IA5 per SMPP 3.4, but some peers (node-smpp among them) send GSM-7 septets under
            // data_coding 1. Control bytes other than CR/LF only occur in the GSM-7 reading
            // (`@` is 0x00, `$` 0x02, `_` 0x11, escape 0x1B), so they select it.
            let gsm_like = bytes
                .iter()
                .any(|b| *b < 0x20 && *b != b'\n' && *b != b'\r');
            match gsm_like
                .then(|| gsm7::decode_unpacked(bytes).ok())
                .flatten()
            {
                Some(s) => s,
                None => bytes
                    .iter()
                    .map(|b| {
                        if *b < 0x80 {
                            char::from(*b)
                        } else {
                            '\u{FFFD}'
                        }
                    })
                    .collect(),
            }
        }
        Alphabet::Latin1 => crate::pdu::latin1(bytes),
        Alphabet::Ucs2 => {
            let units = bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]));
            char::decode_utf16(units)
                .map(|r| r.unwrap_or('\u{FFFD}'))
                .collect()
        }
    }
}

/// The alphabet of a data_coding value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    /// GSM-7 default alphabet (unpacked).
    Gsm7,
    /// IA5 / ASCII.
    Ascii,
    /// Latin-1 or other 8-bit data.
    Latin1,
    /// UCS-2 / UTF-16BE.
    Ucs2,
}

/// Maps data_coding to an alphabet (SMPP 3.4 values, then the GSM 03.38 coding groups).
pub fn alphabet(dc: u8) -> Alphabet {
    match dc {
        0x00 => Alphabet::Gsm7,
        0x01 => Alphabet::Ascii,
        0x08 => Alphabet::Ucs2,
        0x02..=0x07 => Alphabet::Latin1,
        _ if dc & 0xC0 == 0x00 || dc & 0xC0 == 0x40 => match (dc >> 2) & 0x03 {
            0 => Alphabet::Gsm7,
            2 => Alphabet::Ucs2,
            _ => Alphabet::Latin1,
        },
        _ if dc & 0xF0 == 0xF0 => {
            if dc & 0x04 == 0 {
                Alphabet::Gsm7
            } else {
                Alphabet::Latin1
            }
        }
        _ if dc & 0xF0 == 0xE0 => Alphabet::Ucs2,
        _ => Alphabet::Latin1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm_single_and_split_never_cuts_escape() {
        let e = encode("hello").unwrap();
        assert_eq!((e.data_coding, e.parts.len()), (0, 1));
        // 152 plain septets then '€' (2 septets): the escape pair must move to the second part.
        let text = format!("{}€{}", "a".repeat(152), "b".repeat(10));
        let e = encode(&text).unwrap();
        assert_eq!(e.parts.len(), 2);
        assert_eq!(e.parts[0].len(), 152);
        assert_eq!(e.parts[1][0], 0x1B);
        let back: String = e.parts.iter().map(|p| decode(0, p)).collect();
        assert_eq!(back, text);
    }

    #[test]
    fn ucs2_limits_and_surrogates() {
        let farsi = "سلام دوستان، این یک پیام آزمایشی است";
        let e = encode(farsi).unwrap();
        assert_eq!(e.data_coding, 8);
        assert_eq!(e.parts.len(), 1);
        assert_eq!(decode(8, &e.parts[0]), farsi);
        // 66 units + an emoji (2 units) + more: the pair is not split.
        let text = format!("{}😀{}", "ب".repeat(66), "ب".repeat(10));
        let e = encode(&text).unwrap();
        assert_eq!(e.parts[0].len(), 132);
        let back: String = e.parts.iter().map(|p| decode(8, p)).collect();
        assert_eq!(back, text);
        assert!(e.parts.iter().all(|p| p.len() <= 134));
    }

    #[test]
    fn exact_boundaries() {
        assert_eq!(encode(&"a".repeat(160)).unwrap().parts.len(), 1);
        assert_eq!(encode(&"a".repeat(161)).unwrap().parts.len(), 2);
        assert_eq!(encode(&"ب".repeat(70)).unwrap().parts.len(), 1);
        assert_eq!(encode(&"ب".repeat(71)).unwrap().parts.len(), 2);
        assert_eq!(encode(&"ب".repeat(134)).unwrap().parts.len(), 2);
        assert_eq!(encode(&"ب".repeat(135)).unwrap().parts.len(), 3);
    }

    #[test]
    fn decode_other_codings() {
        assert_eq!(decode(3, &[0x63, 0x61, 0x66, 0xE9]), "café");
        assert_eq!(decode(1, b"abc"), "abc");
        assert_eq!(decode(1, b"a_b@c"), "a_b@c");
        // node-smpp style: GSM-7 septets under data_coding 1.
        assert_eq!(decode(1, &[b'a', 0x11, b'b', 0x00, b'c', 0x02]), "a_b@c$");
        assert_eq!(decode(1, b"a_b@c"), "a_b@c");
        // node-smpp style: GSM-7 septets under data_coding 1.
        assert_eq!(decode(1, &[b'a', 0x11, b'b', 0x00, b'c', 0x02]), "a_b@c$");
        assert_eq!(decode(8, &[0xD8, 0x00]), "\u{FFFD}");
    }
}
