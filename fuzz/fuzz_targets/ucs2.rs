//! UCS-2 / UTF-16BE (SMPP data_coding 8), strict and lossy, with and without a UDH.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsup_sms::decode::{decode_ucs2, decode_ucs2_lossy, Alphabet, UserData};
use smsup_sms::GsmForm;

fuzz_target!(|data: &[u8]| {
    let lossy = decode_ucs2_lossy(data);
    if let Ok(text) = decode_ucs2(data) {
        assert_eq!(text, lossy);
        // Valid UTF-16BE re-encodes to the same bytes.
        let again: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(again, data);
    }
    for udhi in [false, true] {
        if let Ok(ud) = UserData::parse(Alphabet::Ucs2, udhi, data, GsmForm::Unpacked, None) {
            let _ = ud.payload.text();
        }
    }
});
