//! The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 § 6.2.1 and
//! § 6.2.1.1), conversion between text and septets, and septet packing (§ 6.1.2.1.1).

use crate::error::DecodeError;

/// The escape septet that announces a character of the extension table.
pub const ESCAPE: u8 = 0x1B;

/// The default alphabet, indexed by septet (TS 23.038 § 6.2.1). `0x1B` is the escape code and
/// decodes through the extension table; it is shown here as a space (the spec's fallback).
pub(crate) const DEFAULT: [char; 128] = [
    '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å', //
    'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', ' ', 'Æ', 'æ', 'ß', 'É', //
    ' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', //
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', //
    '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', //
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§', //
    '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', //
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à', //
];

/// The extension table (TS 23.038 § 6.2.1.1): `(septet after the escape, character)`.
/// `0x0A` is a page break, mapped to FORM FEED.
pub(crate) const EXTENSION: [(u8, char); 10] = [
    (0x0A, '\u{000C}'),
    (0x14, '^'),
    (0x28, '{'),
    (0x29, '}'),
    (0x2F, '\\'),
    (0x3C, '['),
    (0x3D, '~'),
    (0x3E, ']'),
    (0x40, '|'),
    (0x65, '€'),
];

/// The GSM-7 encoding of one character: one septet, or the escape and one septet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Septets {
    /// A character of the default alphabet.
    One(u8),
    /// A character of the extension table, sent as `ESCAPE, code`.
    Escaped(u8),
}

impl Septets {
    /// Number of septets (1 or 2).
    pub fn len(self) -> usize {
        match self {
            Septets::One(_) => 1,
            Septets::Escaped(_) => 2,
        }
    }

    /// Always false: a character takes at least one septet.
    pub fn is_empty(self) -> bool {
        false
    }
}

/// The septets of `c`, or `None` when `c` is not in the GSM 7-bit alphabet.
pub fn encode_char(c: char) -> Option<Septets> {
    if c == ' ' {
        return Some(Septets::One(0x20));
    }
    if let Some(i) = DEFAULT.iter().position(|&d| d == c) {
        if i != ESCAPE as usize {
            return Some(Septets::One(i as u8));
        }
    }
    EXTENSION
        .iter()
        .find(|&&(_, e)| e == c)
        .map(|&(code, _)| Septets::Escaped(code))
}

/// Whether `c` can be written in GSM-7 (default alphabet or extension table).
pub fn is_gsm_char(c: char) -> bool {
    encode_char(c).is_some()
}

/// Number of septets `text` takes in GSM-7, or `None` if some character is not in GSM-7.
pub fn septet_len(text: &str) -> Option<usize> {
    text.chars().map(|c| encode_char(c).map(Septets::len)).sum()
}

/// Encodes `text` to unpacked septets (one septet per octet, high bit clear), or `None` if
/// some character is not in GSM-7.
pub fn encode_unpacked(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match encode_char(c)? {
            Septets::One(s) => out.push(s),
            Septets::Escaped(s) => {
                out.push(ESCAPE);
                out.push(s);
            }
        }
    }
    Some(out)
}

/// Decodes unpacked septets (one per octet). An escape followed by a code the extension
/// table lacks shows the default-alphabet character of that code, and an escape followed by
/// another escape shows a space (TS 23.038 § 6.2.1.1); a trailing lone escape is dropped.
/// Fails on an octet with the high bit set.
pub fn decode_unpacked(septets: &[u8]) -> Result<String, DecodeError> {
    let mut out = String::with_capacity(septets.len());
    let mut i = 0;
    while i < septets.len() {
        let s = septets[i];
        if s > 0x7F {
            return Err(DecodeError::InvalidSeptet {
                offset: i,
                value: s,
            });
        }
        if s == ESCAPE {
            match septets.get(i + 1) {
                None => {}
                Some(&n) if n > 0x7F => {
                    return Err(DecodeError::InvalidSeptet {
                        offset: i + 1,
                        value: n,
                    })
                }
                Some(&ESCAPE) => out.push(' '),
                Some(&n) => match EXTENSION.iter().find(|&&(code, _)| code == n) {
                    Some(&(_, c)) => out.push(c),
                    None => out.push(DEFAULT[n as usize]),
                },
            }
            i += 2;
        } else {
            out.push(DEFAULT[s as usize]);
            i += 1;
        }
    }
    Ok(out)
}

/// Packs septets into octets (TS 23.038 § 6.1.2.1.1), after `fill_bits` zero bits (0–6) that
/// align the first septet on a septet boundary when a User Data Header precedes it
/// (TS 23.040 § 9.2.3.24). Septets must be below 0x80.
pub fn pack(septets: &[u8], fill_bits: u8) -> Vec<u8> {
    let total_bits = fill_bits as usize + septets.len() * 7;
    let mut out = vec![0u8; total_bits.div_ceil(8)];
    let mut bit = fill_bits as usize;
    for &s in septets {
        let v = (s as u16 & 0x7F) << (bit % 8);
        out[bit / 8] |= v as u8;
        if bit % 8 > 1 {
            out[bit / 8 + 1] |= (v >> 8) as u8;
        }
        bit += 7;
    }
    out
}

/// Unpacks `count` septets from `octets`, skipping `fill_bits` leading bits (see [`pack`]).
/// Fails if the octets hold fewer than `count` septets.
pub fn unpack(octets: &[u8], fill_bits: u8, count: usize) -> Result<Vec<u8>, DecodeError> {
    if fill_bits > 6 {
        return Err(DecodeError::InvalidFillBits(fill_bits));
    }
    let available = (octets.len() * 8).saturating_sub(fill_bits as usize) / 7;
    if count > available {
        return Err(DecodeError::Truncated {
            needed: count,
            available,
        });
    }
    let mut out = Vec::with_capacity(count);
    let mut bit = fill_bits as usize;
    for _ in 0..count {
        let lo = octets[bit / 8] as u16;
        let hi = octets.get(bit / 8 + 1).copied().unwrap_or(0) as u16;
        out.push((((hi << 8 | lo) >> (bit % 8)) & 0x7F) as u8);
        bit += 7;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_code_round_trips() {
        for code in 0u8..128 {
            if code == ESCAPE {
                continue;
            }
            let c = DEFAULT[code as usize];
            assert_eq!(encode_char(c), Some(Septets::One(code)), "{c:?}");
        }
        for &(code, c) in &EXTENSION {
            assert_eq!(encode_char(c), Some(Septets::Escaped(code)), "{c:?}");
        }
    }

    #[test]
    fn not_gsm() {
        for c in ['ç', '`', '“', 'ش', '😀', '\t', 'Ё'] {
            assert!(!is_gsm_char(c), "{c:?}");
        }
        assert_eq!(septet_len("a€b"), Some(4));
        assert_eq!(septet_len("a“"), None);
    }

    #[test]
    fn escape_fallbacks() {
        // ESC + a code the extension table lacks: the default character of that code.
        assert_eq!(decode_unpacked(&[0x1B, 0x41]).unwrap(), "A");
        assert_eq!(decode_unpacked(&[0x1B, 0x1B, 0x41]).unwrap(), " A");
        assert_eq!(decode_unpacked(&[0x41, 0x1B]).unwrap(), "A");
        assert!(matches!(
            decode_unpacked(&[0x41, 0x80]),
            Err(DecodeError::InvalidSeptet {
                offset: 1,
                value: 0x80
            })
        ));
    }

    #[test]
    fn pack_unpack_with_fill() {
        let septets: Vec<u8> = (0..20).map(|i| (i * 13 % 128) as u8).collect();
        for fill in 0..7 {
            let packed = pack(&septets, fill);
            assert_eq!(unpack(&packed, fill, septets.len()).unwrap(), septets);
        }
        assert!(unpack(&[0xFF], 0, 2).is_err());
        assert!(unpack(&[0xFF], 7, 1).is_err());
    }
}
