//! Typed errors for malformed input.

use thiserror::Error;

/// Why received bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// A GSM-7 septet (unpacked, one per octet) had its high bit set.
    #[error("byte 0x{value:02X} at offset {offset} is not a 7-bit GSM septet")]
    InvalidSeptet {
        /// Offset of the byte in the input.
        offset: usize,
        /// The byte.
        value: u8,
    },
    /// Fill bits before packed septets must be 0..=6.
    #[error("{0} fill bits is not a valid septet alignment (0..=6)")]
    InvalidFillBits(u8),
    /// The input is shorter than its own length fields say.
    #[error("input truncated: needs {needed}, has {available}")]
    Truncated {
        /// Units (septets or octets) the header or length field announced.
        needed: usize,
        /// Units actually present.
        available: usize,
    },
    /// UCS-2 / UTF-16 data must have an even number of octets.
    #[error("UCS-2 data has an odd length ({0} octets)")]
    OddLength(usize),
    /// A UTF-16 surrogate without its other half.
    #[error("unpaired UTF-16 surrogate 0x{unit:04X} at octet {offset}")]
    UnpairedSurrogate {
        /// Offset in octets of the code unit.
        offset: usize,
        /// The code unit.
        unit: u16,
    },
    /// The User Data Header is malformed.
    #[error("malformed User Data Header: {0}")]
    Udh(&'static str),
    /// IA5/ASCII data (`data_coding` 1) with an octet above 0x7F.
    #[error("byte 0x{value:02X} at offset {offset} is not ASCII")]
    NotAscii {
        /// Offset of the byte in the input.
        offset: usize,
        /// The byte.
        value: u8,
    },
    /// A concatenated part whose number is 0 or above the total, or a total of 0.
    #[error("part {seq} of {total} is not a valid part number")]
    InvalidPart {
        /// The part number.
        seq: u8,
        /// The announced number of parts.
        total: u8,
    },
    /// A data coding this library does not decode as text.
    #[error("data_coding 0x{0:02X} is not a text encoding this library decodes")]
    UnsupportedDataCoding(u8),
}

/// Why a text could not be split or encoded as asked.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EncodeError {
    /// GSM-7 was forced but the text has characters outside GSM-7.
    #[error("text has characters outside GSM-7: {0:?}")]
    NotGsm7(Vec<String>),
    /// A concatenated message has at most 255 parts.
    #[error("text needs {0} parts, more than the 255 a concatenated SMS can have")]
    TooManyParts(usize),
}
