//! GSM-7 packed septets with fill bits and TP-UDL, with and without a UDH.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsup_sms::decode::{decode_gsm7_packed, Alphabet, UserData};
use smsup_sms::{gsm7, GsmForm};

fuzz_target!(|data: &[u8]| {
    let Some((&head, body)) = data.split_first() else {
        return;
    };
    let fill = head & 0x07; // 7 is invalid on purpose: must be an error, not a panic
    let udl = (head >> 3) as usize * 8;
    let _ = decode_gsm7_packed(body, fill, udl);
    let _ = decode_gsm7_packed(body, fill, body.len() * 8 / 7);
    if let Ok(septets) = gsm7::unpack(body, fill, body.len() * 8 / 7) {
        assert!(septets.iter().all(|&s| s < 0x80));
        if fill < 7 {
            assert_eq!(gsm7::unpack(&gsm7::pack(&septets, fill), fill, septets.len()).ok(), Some(septets));
        }
    }
    for udhi in [false, true] {
        for udl in [None, Some(udl)] {
            if let Ok(ud) = UserData::parse(Alphabet::Gsm7, udhi, body, GsmForm::Packed, udl) {
                let _ = ud.payload.text();
            }
        }
    }
});
