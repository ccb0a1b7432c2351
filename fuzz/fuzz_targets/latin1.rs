//! Latin-1 (SMPP data_coding 3) and IA5/ASCII (data_coding 1), with and without a UDH, and
//! every SMPP data_coding value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsup_sms::decode::{decode_ascii, decode_latin1, Alphabet, UserData};
use smsup_sms::GsmForm;

fuzz_target!(|data: &[u8]| {
    let text = decode_latin1(data);
    assert_eq!(text.chars().count(), data.len());
    if let Ok(ascii) = decode_ascii(data) {
        assert_eq!(ascii, text);
    }
    if let Some((&dc, body)) = data.split_first() {
        if let Ok(alphabet) = Alphabet::from_smpp_data_coding(dc) {
            for udhi in [false, true] {
                if let Ok(ud) = UserData::parse(alphabet, udhi, body, GsmForm::Unpacked, None) {
                    let _ = ud.payload.text();
                }
            }
        }
    }
});
