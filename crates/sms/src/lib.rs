//! SMS text encoding for SMS Up: pure functions and data, no I/O.
//!
//! # The model
//!
//! An SMS carries 140 octets of user data. A text goes out in one of two alphabets:
//!
//! - **GSM-7** (3GPP TS 23.038 § 6.2.1): 7-bit septets, so 160 characters fit one SMS. The
//!   extension table (`^ { } \ [ ~ ] | €` and form feed) costs two septets each: an escape
//!   (0x1B) and a code. It has `Ç` but not `ç`, and no curly quotes.
//! - **UCS-2**, sent as UTF-16BE without byte-order mark: 70 code units per SMS; characters
//!   outside the BMP (most emoji) take a surrogate pair, 2 units.
//!
//! One character outside GSM-7 turns the whole text into UCS-2. A longer text is sent as parts
//! that each start with a 6-octet concatenation header (User Data Header, TS 23.040
//! § 9.2.3.24.1), which leaves 153 septets or 67 units per part; escape pairs and surrogate
//! pairs are never split, so a part may carry one unit less.
//!
//! # Counting exactly like Twilio
//!
//! [`analyze`] gives encoding, characters, units and segments exactly as Twilio's own
//! calculator, the npm package `sms-segments-calculator` 1.3.0, does (checked against it by
//! `tests/interop_calculator.rs`). Its rules, which this crate mirrors:
//!
//! - The text is cut into grapheme clusters (user-perceived characters) by UAX #29 with Unicode
//!   10.0 data ([`grapheme_clusters`]); `"\r\n"` counts as two. A cluster is never split across
//!   segments, so an emoji with a skin tone or a ZWJ family moves whole to the next part.
//! - A text is GSM-7 when every cluster is a single GSM-7 character; otherwise UCS-2, where a
//!   GSM-7 character (even `€`) takes one unit.
//! - `characters` is the septet count for GSM-7 and the cluster count for UCS-2; `units` is
//!   septets or UTF-16 units; the empty text is 1 GSM-7 segment.
//! - Smart encoding ([`smart_encode`]) is the calculator's (and Twilio's) table of look-alike
//!   replacements, applied unconditionally; [`smart_encode_if_gsm`] applies it only when it
//!   brings the text into GSM-7 (so Farsi keeps its zero-width non-joiners).
//!
//! # Sending
//!
//! [`split`] cuts a text into [`Part`]s ready for SMPP or an air-interface PDU: GSM-7 as
//! unpacked septets (one per octet, SMPP `data_coding` 0) or packed (with fill bits after the
//! header), UCS-2 as UTF-16BE; concatenation with an 8-bit (`05 00 03 ref total seq`) or 16-bit
//! (`06 08 04 refHi refLo total seq`) reference header, or no header at all for SMPP `sar_*`
//! TLVs ([`Concat::Sar`]). One part never has a header. The parts' texts joined give the
//! original text.
//!
//! # Receiving
//!
//! [`UserData::parse`] takes a received `short_message`/TP-UD apart (UDH via [`udh::parse`],
//! then GSM-7 unpacked or packed, UCS-2, Latin-1 or ASCII per [`Alphabet`]) into a [`Payload`].
//! A [`Reassembler`] joins the parts of a long message, keyed by sender, reference and total:
//! any order, duplicates dropped, and a timeout for parts that never come, driven by the
//! `Instant` the caller passes in. Payloads are joined before decoding, so a sender that split an
//! escape or surrogate pair across parts still decodes. Malformed input gives a typed
//! [`DecodeError`]; no byte input panics (see `fuzz/`).
#![warn(missing_docs)]

mod analysis;
pub mod decode;
pub mod error;
mod grapheme;
mod grapheme_table;
pub mod gsm7;
mod mask;
mod reassemble;
mod smart;
mod smart_table;
mod split;
pub mod udh;

pub use analysis::{analyze, is_gsm7, Analysis, Encoding};
pub use decode::{Alphabet, Payload, UserData};
pub use error::{DecodeError, EncodeError};
pub use mask::mask_number;
pub use reassemble::{
    Collected, Collector, Expired, Fragment, GivenUp, Pushed, Reassembled, Reassembler,
};
pub use smart::{smart_encode, smart_encode_if_gsm};
pub use split::{split, Concat, GsmForm, Message, Part, SplitOptions};
pub use udh::Udh;

/// Splits `text` into grapheme clusters (user-perceived characters) the way
/// `sms-segments-calculator` 1.3.0 does: UAX #29 with Unicode 10.0 data, and `"\r\n"` as two.
pub fn grapheme_clusters(text: &str) -> Vec<&str> {
    grapheme::graphemes(text)
}
