//! Decoding what arrives: GSM-7 (unpacked and packed), UCS-2/UTF-16BE, Latin-1, ASCII, with
//! the User Data Header taken off first.

use crate::error::DecodeError;
use crate::gsm7;
use crate::split::GsmForm;
use crate::udh::{self, Udh};

/// The alphabet of received user data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Alphabet {
    /// GSM 7-bit default alphabet (SMPP `data_coding` 0, GSM DCS default alphabet).
    Gsm7,
    /// IA5 / ASCII (SMPP `data_coding` 1).
    Ascii,
    /// ISO-8859-1 (SMPP `data_coding` 3).
    Latin1,
    /// UCS-2, read as UTF-16BE so that surrogate pairs work (SMPP `data_coding` 8).
    Ucs2,
}

impl Alphabet {
    /// The alphabet of an SMPP 3.4 `data_coding` value (SMPP 3.4 § 5.2.19; 0xC0–0xFF are the
    /// GSM 03.38 coding groups). Binary and national codings are not text this library decodes.
    pub fn from_smpp_data_coding(dc: u8) -> Result<Alphabet, DecodeError> {
        match dc {
            0x00 => Ok(Alphabet::Gsm7),
            0x01 => Ok(Alphabet::Ascii),
            0x03 => Ok(Alphabet::Latin1),
            0x08 => Ok(Alphabet::Ucs2),
            // Message waiting indication groups: discard/store with default alphabet, store UCS-2.
            0xC0..=0xDF => Ok(Alphabet::Gsm7),
            0xE0..=0xEF => Ok(Alphabet::Ucs2),
            // Data coding / message class group: bit 2 clear = default alphabet, set = 8-bit data.
            0xF0..=0xFF if dc & 0x04 == 0 => Ok(Alphabet::Gsm7),
            _ => Err(DecodeError::UnsupportedDataCoding(dc)),
        }
    }
}

/// Decodes UTF-16BE (no byte-order mark expected; a leading U+FEFF is kept as sent).
/// Fails on an odd length or an unpaired surrogate.
pub fn decode_ucs2(bytes: &[u8]) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::OddLength(bytes.len()));
    }
    let units = bytes
        .chunks_exact(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len());
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => out.push(c),
            Err(e) => {
                // Position in octets of the offending unit: count units consumed so far.
                let consumed: usize = out.chars().map(char::len_utf16).sum();
                return Err(DecodeError::UnpairedSurrogate {
                    offset: consumed * 2,
                    unit: e.unpaired_surrogate(),
                });
            }
        }
    }
    Ok(out)
}

/// Like [`decode_ucs2`] but replaces unpaired surrogates with U+FFFD and ignores a trailing
/// odd octet.
pub fn decode_ucs2_lossy(bytes: &[u8]) -> String {
    let units = bytes
        .chunks_exact(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Decodes ISO-8859-1 (every octet is the code point of the same value).
pub fn decode_latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// Decodes IA5 / ASCII; fails on an octet above 0x7F.
pub fn decode_ascii(bytes: &[u8]) -> Result<String, DecodeError> {
    match bytes.iter().position(|&b| b > 0x7F) {
        Some(offset) => Err(DecodeError::NotAscii {
            offset,
            value: bytes[offset],
        }),
        None => Ok(bytes.iter().map(|&b| b as char).collect()),
    }
}

/// Decodes `count` packed GSM-7 septets that start after `fill_bits` bits of `octets`.
pub fn decode_gsm7_packed(
    octets: &[u8],
    fill_bits: u8,
    count: usize,
) -> Result<String, DecodeError> {
    gsm7::decode_unpacked(&gsm7::unpack(octets, fill_bits, count)?)
}

/// The text of one SMS (or one part), not yet decoded: septets (one per octet) for GSM-7,
/// octets otherwise. Parts of a long message are joined at this level so that an escape or a
/// surrogate pair that a sender split across parts still decodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payload {
    alphabet: Alphabet,
    data: Vec<u8>,
}

impl Payload {
    /// Checks and wraps data of `alphabet` (GSM-7: unpacked septets below 0x80; ASCII: below
    /// 0x80; UCS-2: an even number of octets).
    pub fn new(alphabet: Alphabet, data: Vec<u8>) -> Result<Payload, DecodeError> {
        match alphabet {
            Alphabet::Gsm7 => {
                if let Some(offset) = data.iter().position(|&b| b > 0x7F) {
                    return Err(DecodeError::InvalidSeptet {
                        offset,
                        value: data[offset],
                    });
                }
            }
            Alphabet::Ascii => {
                if let Some(offset) = data.iter().position(|&b| b > 0x7F) {
                    return Err(DecodeError::NotAscii {
                        offset,
                        value: data[offset],
                    });
                }
            }
            Alphabet::Ucs2 if !data.len().is_multiple_of(2) => {
                return Err(DecodeError::OddLength(data.len()))
            }
            Alphabet::Ucs2 | Alphabet::Latin1 => {}
        }
        Ok(Payload { alphabet, data })
    }

    /// The alphabet.
    pub fn alphabet(&self) -> Alphabet {
        self.alphabet
    }

    /// The septets (GSM-7) or octets.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The text; unpaired UTF-16 surrogates become U+FFFD (the other checks were made by
    /// [`Payload::new`]).
    pub fn text(&self) -> String {
        match self.alphabet {
            Alphabet::Gsm7 => gsm7::decode_unpacked(&self.data).unwrap_or_default(),
            Alphabet::Ascii | Alphabet::Latin1 => decode_latin1(&self.data),
            Alphabet::Ucs2 => decode_ucs2_lossy(&self.data),
        }
    }

    /// Joins payloads in order and decodes them: runs of the same alphabet are joined before
    /// decoding.
    pub fn join_text<'a>(payloads: impl IntoIterator<Item = &'a Payload>) -> String {
        let mut out = String::new();
        let mut run: Option<Payload> = None;
        for p in payloads {
            match &mut run {
                Some(r) if r.alphabet == p.alphabet => r.data.extend_from_slice(&p.data),
                _ => {
                    if let Some(r) = run.take() {
                        out.push_str(&r.text());
                    }
                    run = Some(p.clone());
                }
            }
        }
        if let Some(r) = run {
            out.push_str(&r.text());
        }
        out
    }
}

/// Received user data: its header (if any) and its text payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserData {
    /// The User Data Header, when the UDHI flag (SMPP `esm_class` 0x40) was set.
    pub udh: Option<Udh>,
    /// The text part.
    pub payload: Payload,
}

impl UserData {
    /// Takes apart received user data (`short_message` or TP-UD). `udhi`: whether it starts with
    /// a UDH. For packed GSM-7, `udl` is TP-UDL in septets (header included); without it, every
    /// whole septet of the octets is taken (a trailing 7-bit CR padding, TS 23.038 § 6.1.2.3.1,
    /// is dropped).
    pub fn parse(
        alphabet: Alphabet,
        udhi: bool,
        user_data: &[u8],
        gsm_form: GsmForm,
        udl: Option<usize>,
    ) -> Result<UserData, DecodeError> {
        let (header, rest) = if udhi {
            let (h, rest) = udh::parse(user_data)?;
            (Some(h), rest)
        } else {
            (None, user_data)
        };
        let header_len = header.as_ref().map_or(0, |h| h.len);
        let data = match (alphabet, gsm_form) {
            (Alphabet::Gsm7, GsmForm::Packed) => {
                let fill = udh::fill_bits(header_len);
                let header_septets = udh::header_septets(header_len);
                let available = (rest.len() * 8).saturating_sub(fill as usize) / 7;
                let count = match udl {
                    Some(udl) => udl
                        .checked_sub(header_septets)
                        .ok_or(DecodeError::Truncated {
                            needed: header_septets,
                            available: udl,
                        })?,
                    None => available,
                };
                let mut septets = gsm7::unpack(rest, fill, count)?;
                if udl.is_none()
                    && (rest.len() * 8).saturating_sub(fill as usize) % 7 == 0
                    && septets.last() == Some(&0x0D)
                {
                    septets.pop();
                }
                septets
            }
            _ => rest.to_vec(),
        };
        Ok(UserData {
            udh: header,
            payload: Payload::new(alphabet, data)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ucs2() {
        assert_eq!(
            decode_ucs2(&[0x06, 0x33, 0xD8, 0x3D, 0xDE, 0x00]).unwrap(),
            "س😀"
        );
        assert_eq!(decode_ucs2(&[0x06]), Err(DecodeError::OddLength(1)));
        assert_eq!(
            decode_ucs2(&[0x00, 0x41, 0xD8, 0x3D, 0x00, 0x41]),
            Err(DecodeError::UnpairedSurrogate {
                offset: 2,
                unit: 0xD83D
            })
        );
        assert_eq!(
            decode_ucs2_lossy(&[0xDE, 0x00, 0x00, 0x41, 0x00]),
            "\u{FFFD}A"
        );
    }

    #[test]
    fn latin1_and_ascii() {
        assert_eq!(decode_latin1(&[0x63, 0x61, 0x66, 0xE9, 0xA3]), "café£");
        assert_eq!(decode_ascii(b"ok").unwrap(), "ok");
        assert!(matches!(
            decode_ascii(&[0x41, 0xE9]),
            Err(DecodeError::NotAscii { offset: 1, .. })
        ));
    }

    #[test]
    fn smpp_data_codings() {
        assert_eq!(Alphabet::from_smpp_data_coding(0).unwrap(), Alphabet::Gsm7);
        assert_eq!(
            Alphabet::from_smpp_data_coding(3).unwrap(),
            Alphabet::Latin1
        );
        assert_eq!(Alphabet::from_smpp_data_coding(8).unwrap(), Alphabet::Ucs2);
        assert_eq!(
            Alphabet::from_smpp_data_coding(0xF1).unwrap(),
            Alphabet::Gsm7
        );
        assert!(Alphabet::from_smpp_data_coding(0xF4).is_err());
        assert!(Alphabet::from_smpp_data_coding(4).is_err());
    }

    #[test]
    fn user_data_with_header() {
        let ud = [5, 0, 3, 9, 2, 1, 0x00, 0x48, 0x00, 0x69];
        let d = UserData::parse(Alphabet::Ucs2, true, &ud, GsmForm::Unpacked, None).unwrap();
        assert_eq!(d.udh.unwrap().concat.unwrap().reference, 9);
        assert_eq!(d.payload.text(), "Hi");
        assert!(UserData::parse(Alphabet::Ucs2, true, &ud[..9], GsmForm::Unpacked, None).is_err());
    }

    #[test]
    fn split_pairs_are_joined_before_decoding() {
        let a = Payload::new(Alphabet::Ucs2, vec![0x00, 0x41, 0xD8, 0x3D]).unwrap();
        let b = Payload::new(Alphabet::Ucs2, vec![0xDE, 0x00]).unwrap();
        assert_eq!(Payload::join_text([&a, &b]), "A😀");
        let c = Payload::new(Alphabet::Gsm7, vec![0x41, 0x1B]).unwrap();
        let d = Payload::new(Alphabet::Gsm7, vec![0x65]).unwrap();
        assert_eq!(Payload::join_text([&c, &d]), "A€");
    }
}
