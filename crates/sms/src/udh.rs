//! The User Data Header (3GPP TS 23.040 § 9.2.3.24): building and parsing it.

use crate::error::DecodeError;

/// IEI of the concatenation element with an 8-bit reference (TS 23.040 § 9.2.3.24.1).
pub const IEI_CONCAT_8: u8 = 0x00;
/// IEI of the concatenation element with a 16-bit reference (TS 23.040 § 9.2.3.24.8).
pub const IEI_CONCAT_16: u8 = 0x08;

/// A concatenation information element: which part of which message this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Concat {
    /// The message reference (0–255 for the 8-bit form).
    pub reference: u16,
    /// Whether the reference is the 16-bit form (IEI 0x08).
    pub sixteen_bit: bool,
    /// Number of parts (1–255).
    pub total: u8,
    /// This part's number (1..=total).
    pub seq: u8,
}

impl Concat {
    /// An 8-bit-reference element.
    pub fn eight(reference: u8, total: u8, seq: u8) -> Self {
        Concat {
            reference: reference as u16,
            sixteen_bit: false,
            total,
            seq,
        }
    }

    /// A 16-bit-reference element.
    pub fn sixteen(reference: u16, total: u8, seq: u8) -> Self {
        Concat {
            reference,
            sixteen_bit: true,
            total,
            seq,
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        if self.sixteen_bit {
            let [hi, lo] = self.reference.to_be_bytes();
            out.extend_from_slice(&[IEI_CONCAT_16, 4, hi, lo, self.total, self.seq]);
        } else {
            out.extend_from_slice(&[IEI_CONCAT_8, 3, self.reference as u8, self.total, self.seq]);
        }
    }
}

/// Builds a UDH (length octet first) holding the given concatenation elements.
pub fn encode(elements: &[Concat]) -> Vec<u8> {
    let mut out = vec![0];
    for e in elements {
        e.write(&mut out);
    }
    out[0] = (out.len() - 1) as u8;
    out
}

/// One information element as it appeared in the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// Information Element Identifier.
    pub iei: u8,
    /// Its data.
    pub data: Vec<u8>,
}

/// A parsed User Data Header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Udh {
    /// Octets the header takes, length octet included.
    pub len: usize,
    /// Every information element, in order.
    pub elements: Vec<Element>,
    /// The concatenation element, if a valid one is present (the last one wins, and an element
    /// with a part number of 0 or above the total is ignored, per TS 23.040 § 9.2.3.24.1).
    pub concat: Option<Concat>,
}

impl Udh {
    /// Fill bits between this header and packed septets.
    pub fn fill_bits(&self) -> u8 {
        fill_bits(self.len)
    }

    /// Septets this header takes in a packed GSM-7 user data (counted in TP-UDL).
    pub fn septets(&self) -> usize {
        header_septets(self.len)
    }
}

/// Fill bits needed after a header of `udh_octets` octets (length octet included) so that
/// packed septets start on a septet boundary (TS 23.040 § 9.2.3.24).
pub fn fill_bits(udh_octets: usize) -> u8 {
    ((7 - (udh_octets * 8) % 7) % 7) as u8
}

/// Septets a header of `udh_octets` octets occupies in packed GSM-7 user data, fill included.
pub fn header_septets(udh_octets: usize) -> usize {
    (udh_octets * 8).div_ceil(7)
}

/// Whether a part number is usable: 1..=total (TS 23.040 § 9.2.3.24.1 says to ignore the
/// element otherwise).
fn valid_part(total: u8, seq: u8) -> bool {
    total != 0 && seq != 0 && seq <= total
}

/// Parses the UDH at the start of `user_data` (whose first octet is the UDHL). Returns the
/// header and the octets after it.
pub fn parse(user_data: &[u8]) -> Result<(Udh, &[u8]), DecodeError> {
    let Some((&udhl, rest)) = user_data.split_first() else {
        return Err(DecodeError::Udh("empty user data"));
    };
    let udhl = udhl as usize;
    if rest.len() < udhl {
        return Err(DecodeError::Truncated {
            needed: udhl,
            available: rest.len(),
        });
    }
    let (mut ies, after) = rest.split_at(udhl);
    let mut elements = Vec::new();
    let mut concat = None;
    while !ies.is_empty() {
        let [iei, len, tail @ ..] = ies else {
            return Err(DecodeError::Udh("information element without length"));
        };
        let len = *len as usize;
        if tail.len() < len {
            return Err(DecodeError::Udh(
                "information element longer than the header",
            ));
        }
        let data = &tail[..len];
        match (*iei, data) {
            (IEI_CONCAT_8, &[r, total, seq]) => {
                concat = valid_part(total, seq)
                    .then(|| Concat::eight(r, total, seq))
                    .or(concat);
            }
            (IEI_CONCAT_16, &[hi, lo, total, seq]) => {
                let reference = u16::from_be_bytes([hi, lo]);
                concat = valid_part(total, seq)
                    .then(|| Concat::sixteen(reference, total, seq))
                    .or(concat);
            }
            (IEI_CONCAT_8 | IEI_CONCAT_16, _) => {
                return Err(DecodeError::Udh(
                    "concatenation element of the wrong length",
                ))
            }
            _ => {}
        }
        elements.push(Element {
            iei: *iei,
            data: data.to_vec(),
        });
        ies = &tail[len..];
    }
    Ok((
        Udh {
            len: udhl + 1,
            elements,
            concat,
        },
        after,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_both_forms() {
        assert_eq!(
            encode(&[Concat::eight(0x2A, 3, 1)]),
            [0x05, 0x00, 0x03, 0x2A, 0x03, 0x01]
        );
        assert_eq!(
            encode(&[Concat::sixteen(0x1234, 2, 2)]),
            [0x06, 0x08, 0x04, 0x12, 0x34, 0x02, 0x02]
        );
    }

    #[test]
    fn parses_and_keeps_unknown_elements() {
        let ud = [0x08, 0x0A, 0x01, 0x77, 0x00, 0x03, 0x05, 0x02, 0x01, 0x41];
        let (udh, rest) = parse(&ud).unwrap();
        assert_eq!(rest, [0x41]);
        assert_eq!(udh.len, 9);
        assert_eq!(udh.elements.len(), 2);
        assert_eq!(udh.concat, Some(Concat::eight(5, 2, 1)));
    }

    #[test]
    fn ignores_invalid_part_numbers_and_rejects_bad_lengths() {
        assert_eq!(parse(&[5, 0, 3, 1, 2, 0]).unwrap().0.concat, None);
        assert_eq!(parse(&[5, 0, 3, 1, 2, 3]).unwrap().0.concat, None);
        assert!(parse(&[]).is_err());
        assert!(parse(&[5, 0, 3, 1]).is_err());
        assert!(parse(&[2, 0, 3]).is_err());
        assert!(parse(&[1, 0]).is_err());
        assert!(parse(&[4, 0, 2, 1, 2]).is_err());
    }

    #[test]
    fn fill_bits_for_common_headers() {
        // 6-octet header: 48 bits, 1 fill bit, 7 septets; 7-octet header: 56 bits, no fill.
        assert_eq!((fill_bits(6), header_septets(6)), (1, 7));
        assert_eq!((fill_bits(7), header_septets(7)), (0, 8));
        assert_eq!((fill_bits(0), header_septets(0)), (0, 0));
    }
}
