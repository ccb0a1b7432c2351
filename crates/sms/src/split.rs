//! Splitting a text into parts ready to transmit.

use crate::analysis::{items, Encoding, SMS_BITS};
use crate::error::EncodeError;
use crate::gsm7;
use crate::udh::{self, Concat as ConcatIe};

/// How the parts of a long message are tied together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concat {
    /// Concatenation header with an 8-bit reference: `05 00 03 ref total seq`
    /// (3GPP TS 23.040 § 9.2.3.24.1). Parts hold 153 septets or 67 UTF-16 units, as Twilio's.
    Udh8(u8),
    /// Concatenation header with a 16-bit reference: `06 08 04 refHi refLo total seq`
    /// (TS 23.040 § 9.2.3.24.8). The header is one octet longer, so parts hold 152 septets or
    /// 66 UTF-16 units and a text may need more parts than [`analyze`](crate::analyze) says.
    Udh16(u16),
    /// No header in the parts (for SMPP's `sar_*` TLVs, with which the SMSC adds the header
    /// itself); parts are sized like [`Concat::Udh8`]'s. The value is the reference to put in
    /// `sar_msg_ref_num`.
    Sar(u16),
}

impl Concat {
    /// Octets of header (including the UDHL octet) each part of a long message carries.
    fn header_octets(self) -> usize {
        match self {
            Concat::Udh8(_) | Concat::Sar(_) => 6,
            Concat::Udh16(_) => 7,
        }
    }

    /// The message reference.
    pub fn reference(self) -> u16 {
        match self {
            Concat::Udh8(r) => r as u16,
            Concat::Udh16(r) | Concat::Sar(r) => r,
        }
    }
}

/// How GSM-7 septets are laid out in octets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GsmForm {
    /// One septet per octet, as SMPP `data_coding` 0 carries them.
    #[default]
    Unpacked,
    /// Septets packed 8 in 7 octets, as on the air interface (TS 23.038 § 6.1.2.1.1).
    Packed,
}

/// Settings for [`split`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SplitOptions {
    /// How parts are tied together when there is more than one.
    pub concat: Concat,
    /// Layout of GSM-7 septets.
    pub gsm_form: GsmForm,
    /// Force an encoding: `Some(Ucs2)` sends a GSM-7 text as UCS-2; `Some(Gsm7)` fails for a
    /// text that is not GSM-7. `None` picks GSM-7 when possible.
    pub encoding: Option<Encoding>,
}

impl Default for SplitOptions {
    fn default() -> Self {
        SplitOptions {
            concat: Concat::Udh8(0),
            gsm_form: GsmForm::Unpacked,
            encoding: None,
        }
    }
}

/// One SMS of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Position in the message, from 1.
    pub seq: u8,
    /// Number of parts of the message.
    pub total: u8,
    /// The text this part carries; joining the parts' texts gives the original text.
    pub text: String,
    /// Encoding units of `text`: septets (an escape pair counts 2) or UTF-16 code units.
    pub units: usize,
    /// The User Data Header, length octet included; empty for a single part and for
    /// [`Concat::Sar`].
    pub udh: Vec<u8>,
    /// The encoded text alone: unpacked or packed septets (packed from bit 0), or UTF-16BE.
    pub body: Vec<u8>,
    /// What goes in `short_message` / TP-UD: `udh` then the text; packed septets start on the
    /// septet boundary after the header (fill bits, TS 23.040 § 9.2.3.24).
    pub user_data: Vec<u8>,
    /// TP-UDL: for packed GSM-7 the septets of `user_data` (header included, rounded up to
    /// septets); otherwise its length in octets.
    pub udl: usize,
}

/// A text split into parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The encoding of every part.
    pub encoding: Encoding,
    /// The SMPP `data_coding` for it: 0x00 (SMSC default alphabet, GSM-7) or 0x08 (UCS-2).
    pub data_coding: u8,
    /// The concatenation used (meaningful when there is more than one part).
    pub concat: Concat,
    /// The parts, in order.
    pub parts: Vec<Part>,
}

impl Message {
    /// Whether parts carry a UDH (the SMPP `esm_class` must then have 0x40 set).
    pub fn has_udh(&self) -> bool {
        self.parts.iter().any(|p| !p.udh.is_empty())
    }

    /// The text again, from the parts.
    pub fn text(&self) -> String {
        self.parts.iter().map(|p| p.text.as_str()).collect()
    }
}

/// One indivisible piece of text: a grapheme cluster, or a code point of a cluster too long
/// for one part.
struct Atom<'a> {
    text: &'a str,
    units: usize,
}

fn atoms(text: &str, encoding: Encoding, cap: usize) -> Vec<Atom<'_>> {
    let mut out = Vec::new();
    for item in items(text, encoding) {
        if item.units <= cap {
            out.push(Atom {
                text: item.text,
                units: item.units,
            });
        } else {
            // A cluster longer than a part (e.g. dozens of combining marks): split it between
            // code points, which never splits a surrogate pair (or an escape pair: GSM-7
            // clusters are single characters).
            for (i, c) in item.text.char_indices() {
                out.push(Atom {
                    text: &item.text[i..i + c.len_utf8()],
                    units: c.len_utf16(),
                });
            }
        }
    }
    out
}

/// Splits `text` into parts ready to transmit. A text that fits one SMS (160 septets or 70
/// UTF-16 units) gives one part without header; a longer one gives parts of at most 153/67
/// (152/66 with a 16-bit reference) units each. Grapheme clusters are kept whole like
/// Twilio's calculator keeps them, so the part count equals [`analyze`](crate::analyze)'s
/// segment count for [`Concat::Udh8`] and [`Concat::Sar`] (except for a cluster longer than
/// a part, which is split between code points). Escape pairs and surrogate pairs are never
/// split.
pub fn split(text: &str, options: &SplitOptions) -> Result<Message, EncodeError> {
    let gsm_ok = crate::is_gsm7(text);
    let encoding = match options.encoding {
        Some(Encoding::Gsm7) if !gsm_ok => {
            return Err(EncodeError::NotGsm7(crate::analyze(text).non_gsm))
        }
        Some(e) => e,
        None if gsm_ok => Encoding::Gsm7,
        None => Encoding::Ucs2,
    };
    let bits = encoding.unit_bits();
    let single_cap = SMS_BITS / bits;
    let part_cap = (SMS_BITS - 8 * options.concat.header_octets()) / bits;

    let all = atoms(text, encoding, part_cap);
    let total_units: usize = all.iter().map(|a| a.units).sum();
    let mut chunks: Vec<(usize, usize, usize)> = Vec::new(); // (start byte, end byte, units)
    if total_units <= single_cap {
        chunks.push((0, text.len(), total_units));
    } else {
        let mut start = 0;
        let mut end = 0;
        let mut units = 0;
        for a in &all {
            if units + a.units > part_cap {
                chunks.push((start, end, units));
                start = end;
                units = 0;
            }
            end += a.text.len();
            units += a.units;
        }
        chunks.push((start, end, units));
    }
    if chunks.len() > 255 {
        return Err(EncodeError::TooManyParts(chunks.len()));
    }
    let total = chunks.len() as u8;
    let parts = chunks
        .iter()
        .enumerate()
        .map(|(i, &(s, e, units))| {
            let seq = (i + 1) as u8;
            let header = if total > 1 {
                match options.concat {
                    Concat::Udh8(r) => udh::encode(&[ConcatIe::eight(r, total, seq)]),
                    Concat::Udh16(r) => udh::encode(&[ConcatIe::sixteen(r, total, seq)]),
                    Concat::Sar(_) => Vec::new(),
                }
            } else {
                Vec::new()
            };
            build_part(
                &text[s..e],
                units,
                seq,
                total,
                header,
                encoding,
                options.gsm_form,
            )
        })
        .collect();
    Ok(Message {
        encoding,
        data_coding: match encoding {
            Encoding::Gsm7 => 0x00,
            Encoding::Ucs2 => 0x08,
        },
        concat: options.concat,
        parts,
    })
}

fn build_part(
    text: &str,
    units: usize,
    seq: u8,
    total: u8,
    udh: Vec<u8>,
    encoding: Encoding,
    form: GsmForm,
) -> Part {
    let (body, user_data, udl) = match encoding {
        Encoding::Ucs2 => {
            let body: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            let mut ud = udh.clone();
            ud.extend_from_slice(&body);
            let udl = ud.len();
            (body, ud, udl)
        }
        Encoding::Gsm7 => {
            // Text was checked to be GSM-7 above; an empty vector cannot happen here.
            let septets = gsm7::encode_unpacked(text).unwrap_or_default();
            match form {
                GsmForm::Unpacked => {
                    let mut ud = udh.clone();
                    ud.extend_from_slice(&septets);
                    let udl = ud.len();
                    (septets, ud, udl)
                }
                GsmForm::Packed => {
                    let body = gsm7::pack(&septets, 0);
                    let fill = udh::fill_bits(udh.len());
                    let mut ud = udh.clone();
                    ud.extend_from_slice(&gsm7::pack(&septets, fill));
                    let udl = udh::header_septets(udh.len()) + septets.len();
                    (body, ud, udl)
                }
            }
        }
    };
    Part {
        seq,
        total,
        text: text.to_owned(),
        units,
        udh,
        body,
        user_data,
        udl,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(concat: Concat, gsm_form: GsmForm) -> SplitOptions {
        SplitOptions {
            concat,
            gsm_form,
            encoding: None,
        }
    }

    #[test]
    fn single_part_has_no_udh() {
        let m = split(&"a".repeat(160), &SplitOptions::default()).unwrap();
        assert_eq!(m.parts.len(), 1);
        assert!(m.parts[0].udh.is_empty());
        assert_eq!(m.parts[0].user_data, vec![0x61; 160]);
        assert!(!m.has_udh());
        let e = split("", &SplitOptions::default()).unwrap();
        assert_eq!(e.parts.len(), 1);
        assert!(e.parts[0].user_data.is_empty());
    }

    #[test]
    fn gsm_parts_with_8_bit_reference() {
        let text = "a".repeat(161);
        let m = split(&text, &opts(Concat::Udh8(0x42), GsmForm::Unpacked)).unwrap();
        assert_eq!(m.parts.len(), 2);
        assert_eq!(m.parts[0].units, 153);
        assert_eq!(m.parts[1].units, 8);
        assert_eq!(m.parts[1].udh, [5, 0, 3, 0x42, 2, 2]);
        assert_eq!(m.parts[0].user_data.len(), 6 + 153);
        assert_eq!(m.text(), text);
    }

    #[test]
    fn escape_pair_moves_whole_to_next_part() {
        let text = format!("{}€{}", "a".repeat(152), "b".repeat(20));
        let m = split(&text, &SplitOptions::default()).unwrap();
        assert_eq!(m.parts[0].text, "a".repeat(152));
        assert_eq!(m.parts[0].units, 152);
        assert!(m.parts[1].body.starts_with(&[0x1B, 0x65]));
    }

    #[test]
    fn sixteen_bit_reference_shrinks_parts() {
        let text = "a".repeat(306);
        let m8 = split(&text, &opts(Concat::Udh8(1), GsmForm::Unpacked)).unwrap();
        let m16 = split(&text, &opts(Concat::Udh16(0x0102), GsmForm::Unpacked)).unwrap();
        assert_eq!(m8.parts.len(), 2);
        assert_eq!(m16.parts.len(), 3);
        assert_eq!(m16.parts[0].units, 152);
        assert_eq!(m16.parts[2].udh, [6, 8, 4, 1, 2, 3, 3]);
        let ucs = "ش".repeat(134);
        assert_eq!(
            split(&ucs, &opts(Concat::Udh8(1), GsmForm::Unpacked))
                .unwrap()
                .parts
                .len(),
            2
        );
        let m = split(&ucs, &opts(Concat::Udh16(1), GsmForm::Unpacked)).unwrap();
        assert_eq!(m.parts.len(), 3);
        assert_eq!(m.parts[0].units, 66);
    }

    #[test]
    fn sar_parts_have_no_udh() {
        let text = "ش".repeat(100);
        let m = split(&text, &opts(Concat::Sar(7), GsmForm::Unpacked)).unwrap();
        assert_eq!(m.parts.len(), 2);
        assert!(!m.has_udh());
        assert_eq!(m.parts[0].user_data.len(), 67 * 2);
        assert_eq!(m.parts[0].user_data, m.parts[0].body);
        assert_eq!(m.data_coding, 8);
    }

    #[test]
    fn ucs2_is_utf16be_without_bom_and_keeps_surrogate_pairs() {
        let m = split("س😀", &SplitOptions::default()).unwrap();
        assert_eq!(m.parts[0].user_data, [0x06, 0x33, 0xD8, 0x3D, 0xDE, 0x00]);
        // 66 units of Farsi then an emoji: the pair does not fit in unit 67, so it moves.
        let text = format!("{}😀", "ش".repeat(66 + 5));
        let m = split(&text, &SplitOptions::default()).unwrap();
        assert_eq!(m.parts[0].units, 67);
        let text = format!("{}😀xyz", "ش".repeat(66));
        let m = split(&text, &SplitOptions::default()).unwrap();
        assert_eq!(m.parts[0].units, 66);
        assert!(m.parts[1].text.starts_with('😀'));
    }

    #[test]
    fn packed_gsm_aligns_after_header() {
        let text = "a".repeat(200);
        let m = split(&text, &opts(Concat::Udh8(1), GsmForm::Packed)).unwrap();
        let p = &m.parts[0];
        assert_eq!(p.udl, 7 + 153);
        assert_eq!(p.user_data.len(), 140);
        let septets = gsm7::unpack(&p.user_data[6..], 1, 153).unwrap();
        assert_eq!(septets, vec![0x61; 153]);
        assert_eq!(p.body, gsm7::pack(&septets, 0));
    }

    #[test]
    fn forcing_encodings() {
        let m = split(
            "hi",
            &SplitOptions {
                encoding: Some(Encoding::Ucs2),
                ..SplitOptions::default()
            },
        )
        .unwrap();
        assert_eq!(m.parts[0].user_data, [0, b'h', 0, b'i']);
        let e = split(
            "hi “x”",
            &SplitOptions {
                encoding: Some(Encoding::Gsm7),
                ..SplitOptions::default()
            },
        );
        assert_eq!(e, Err(EncodeError::NotGsm7(vec!["“".into(), "”".into()])));
    }

    #[test]
    fn too_many_parts() {
        let text = "a".repeat(153 * 256);
        assert_eq!(
            split(&text, &SplitOptions::default()),
            Err(EncodeError::TooManyParts(256))
        );
        assert_eq!(
            split(&"a".repeat(153 * 255), &SplitOptions::default())
                .unwrap()
                .parts
                .len(),
            255
        );
    }

    #[test]
    fn overlong_cluster_is_split_between_code_points() {
        // A base letter with 100 combining marks is one cluster of 101 units: more than a part.
        let text = format!("x{}", "\u{301}".repeat(100));
        let m = split(&text, &SplitOptions::default()).unwrap();
        assert!(m.parts.iter().all(|p| p.units <= 67));
        assert_eq!(m.text(), text);
    }
}
