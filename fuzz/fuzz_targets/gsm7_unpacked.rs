//! GSM-7 unpacked septets (SMPP data_coding 0), with and without a UDH.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsup_sms::decode::{Alphabet, UserData};
use smsup_sms::{gsm7, GsmForm};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = gsm7::decode_unpacked(data) {
        // Whatever decodes re-encodes to GSM-7 (the decoder only yields GSM-7 characters).
        assert!(gsm7::encode_unpacked(&text).is_some());
    }
    for udhi in [false, true] {
        if let Ok(ud) = UserData::parse(Alphabet::Gsm7, udhi, data, GsmForm::Unpacked, None) {
            let _ = ud.payload.text();
        }
    }
});
