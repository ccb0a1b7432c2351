//! Known-answer tests: bytes fixed by the 3GPP specifications' own examples and definitions.
//!
//! Expected values are written out by hand from the cited sections (bit layouts transcribed into
//! octets), not computed with this crate.

use smsup_sms::decode::{decode_gsm7_packed, Alphabet, UserData};
use smsup_sms::gsm7::{decode_unpacked, encode_unpacked, pack, unpack};
use smsup_sms::udh::{self, Concat as Ie};
use smsup_sms::{split, Concat, GsmForm, SplitOptions};

/// TS 23.038 § 6.1.2.1.1 "Packing of 7-bit characters": one character in one octet has bit 7
/// zero and the septet in bits 6..0; two characters in two octets put bit 1 (`2g`) of the second
/// character in bit 7 of the first octet and its remaining six bits in bits 5..0 of the second.
#[test]
fn ts_23_038_6_1_2_1_1_one_two_three_characters() {
    // 'A' = 0x41 = 1000001, 'B' = 0x42 = 1000010, 'C' = 0x43 = 1000011.
    assert_eq!(pack(&[0x41], 0), [0x41]);
    // Octet 1: 2g=0 | 1000001 → 0x41; octet 2: 00 | 2a..2f = 100001 → 0x21.
    assert_eq!(pack(&[0x41, 0x42], 0), [0x41, 0x21]);
    // Three characters: octet 2 = 3f 3g | 2a..2f = 11 100001 → 0xE1; octet 3 = 000 | 3a..3e = 10000.
    assert_eq!(pack(&[0x41, 0x42, 0x43], 0), [0x41, 0xE1, 0x10]);
}

/// TS 23.038 § 6.1.2.1.1: seven characters fill seven octets with 7 spare (zero) bits in the
/// last one; eight characters fit exactly in seven octets (the 8th character takes bits 7..1 of
/// the 7th octet).
#[test]
fn ts_23_038_6_1_2_1_1_seven_and_eight_characters() {
    let digits: Vec<u8> = b"12345678".to_vec();
    assert_eq!(pack(&digits, 0), [0x31, 0xD9, 0x8C, 0x56, 0xB3, 0xDD, 0x70]);
    assert_eq!(
        pack(&digits[..7], 0),
        [0x31, 0xD9, 0x8C, 0x56, 0xB3, 0xDD, 0x00]
    );
    assert_eq!(
        unpack(&[0x31, 0xD9, 0x8C, 0x56, 0xB3, 0xDD, 0x70], 0, 8).unwrap(),
        digits
    );
}

/// The classic worked example of the packing rule above ("hellohello", 10 septets in 9 octets),
/// as published with many SMS PDU guides.
#[test]
fn hellohello_packs_to_nine_octets() {
    let septets = encode_unpacked("hellohello").unwrap();
    let packed = [0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37];
    assert_eq!(pack(&septets, 0), packed);
    assert_eq!(decode_gsm7_packed(&packed, 0, 10).unwrap(), "hellohello");
}

/// TS 23.038 § 6.2.1 (default alphabet) and § 6.2.1.1 (extension table): '@' is 0x00, '£'
/// 0x01, '$' 0x02, 'Δ' 0x10, 'Ç' 0x09, 'à' 0x7F; '€' is ESC 0x65, '[' ESC 0x3C, '|' ESC 0x40.
#[test]
fn ts_23_038_6_2_1_alphabet_and_extension() {
    assert_eq!(
        encode_unpacked("@£$ΔÇà").unwrap(),
        [0x00, 0x01, 0x02, 0x10, 0x09, 0x7F]
    );
    assert_eq!(
        encode_unpacked("€[|").unwrap(),
        [0x1B, 0x65, 0x1B, 0x3C, 0x1B, 0x40]
    );
    // Packed, the euro sign is 0011011 then 1100101: 1|0011011 = 0x9B, 00|110010 = 0x32.
    assert_eq!(pack(&[0x1B, 0x65], 0), [0x9B, 0x32]);
    assert_eq!(decode_unpacked(&[0x1B, 0x65, 0x00]).unwrap(), "€@");
    // Small "ç" is not in the alphabet (code 0x09 is capital "Ç").
    assert_eq!(encode_unpacked("ç"), None);
}

/// TS 23.040 § 9.2.3.24.1: concatenation IE, IEI 0x00, length 3, then reference, maximum number
/// of short messages, sequence number; § 9.2.3.24: the UDH starts with UDHL.
#[test]
fn ts_23_040_9_2_3_24_1_eight_bit_reference() {
    assert_eq!(
        udh::encode(&[Ie::eight(0x2A, 2, 1)]),
        [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01]
    );
    let (h, rest) = udh::parse(&[0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 0x41]).unwrap();
    assert_eq!(h.concat, Some(Ie::eight(0x2A, 2, 1)));
    assert_eq!(rest, [0x41]);
}

/// TS 23.040 § 9.2.3.24.8: the same with IEI 0x08, length 4 and a 16-bit reference.
#[test]
fn ts_23_040_9_2_3_24_8_sixteen_bit_reference() {
    assert_eq!(
        udh::encode(&[Ie::sixteen(0xBEEF, 3, 2)]),
        [0x06, 0x08, 0x04, 0xBE, 0xEF, 0x03, 0x02]
    );
    let (h, _) = udh::parse(&[0x06, 0x08, 0x04, 0xBE, 0xEF, 0x03, 0x02]).unwrap();
    assert_eq!(h.concat, Some(Ie::sixteen(0xBEEF, 3, 2)));
}

/// TS 23.040 § 9.2.3.24 (and § 9.2.3.16 TP-UDL): with 7-bit data the header is followed by fill
/// bits so that the first character starts on a septet boundary; TP-UDL counts the header's
/// septets too. A 6-octet header is 48 bits: 1 fill bit, 7 septets.
#[test]
fn ts_23_040_9_2_3_24_fill_bits_after_header() {
    // "hi" after the header with 1 fill bit: 0 + 1101000 ('h') → 0xD0, then 'i' (1101001).
    let ud = [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 0xD0, 0x69];
    let d = UserData::parse(Alphabet::Gsm7, true, &ud, GsmForm::Packed, Some(7 + 2)).unwrap();
    assert_eq!(d.payload.text(), "hi");
    assert_eq!(d.udh.unwrap().concat, Some(Ie::eight(0x2A, 2, 1)));

    // And our splitter produces the same layout: part 1 of a 2-part packed message.
    let text = format!("hi{}", "x".repeat(160));
    let m = split(
        &text,
        &SplitOptions {
            concat: Concat::Udh8(0x2A),
            gsm_form: GsmForm::Packed,
            encoding: None,
        },
    )
    .unwrap();
    assert_eq!(
        m.parts[0].user_data[..8],
        [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 0xD0, 0x69]
    );
    assert_eq!(m.parts[0].udl, 7 + 153);
    // 16-bit reference: a 7-octet header is 56 bits, exactly 8 septets, no fill bit.
    assert_eq!((udh::fill_bits(7), udh::header_septets(7)), (0, 8));
}

/// UCS-2 is sent big-endian without a byte-order mark (TS 23.038 § 5 / ISO/IEC 10646), a
/// character outside the BMP as a UTF-16 surrogate pair.
#[test]
fn ucs2_big_endian_no_bom() {
    let m = split("سلام 😀", &SplitOptions::default()).unwrap();
    assert_eq!(
        m.parts[0].user_data,
        [0x06, 0x33, 0x06, 0x44, 0x06, 0x27, 0x06, 0x45, 0x00, 0x20, 0xD8, 0x3D, 0xDE, 0x00]
    );
    assert_eq!(m.data_coding, 0x08);
}
