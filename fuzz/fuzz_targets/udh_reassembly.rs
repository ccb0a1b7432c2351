//! UDH parsing and reassembly: the input is a stream of received user data, each record
//! `[len][sender][dt][alphabet] user_data`, fed to a Reassembler with a moving clock.
#![no_main]

use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;
use smsup_sms::decode::{Alphabet, UserData};
use smsup_sms::{udh, Fragment, GsmForm, Pushed, Reassembler};

fuzz_target!(|data: &[u8]| {
    let _ = udh::parse(data);
    let start = Instant::now();
    let mut now = start;
    let mut r = Reassembler::with_limit(Duration::from_secs(30), 8);
    let mut rest = data;
    while let [len, sender, dt, alpha, tail @ ..] = rest {
        let len = (*len as usize).min(tail.len());
        let (ud, next) = tail.split_at(len);
        rest = next;
        now += Duration::from_secs(u64::from(*dt % 16));
        let alphabet = match alpha % 4 {
            0 => Alphabet::Gsm7,
            1 => Alphabet::Ucs2,
            2 => Alphabet::Latin1,
            _ => Alphabet::Ascii,
        };
        let form = if alpha & 4 == 0 { GsmForm::Unpacked } else { GsmForm::Packed };
        let Ok(parsed) = UserData::parse(alphabet, true, ud, form, None) else {
            continue;
        };
        let Some(c) = parsed.udh.as_ref().and_then(|h| h.concat) else {
            continue;
        };
        let fragment = Fragment {
            sender: format!("+{}", sender % 4),
            reference: c.reference,
            total: c.total,
            seq: c.seq,
            payload: parsed.payload,
        };
        match r.push(now, fragment) {
            Ok(Pushed::Complete(m)) => assert!(m.total >= 1),
            Ok(_) => {}
            Err(_) => {}
        }
        assert!(r.pending() <= 8);
        for e in r.expire(now) {
            assert!(e.received.len() < e.total as usize);
        }
    }
    r.expire(now + Duration::from_secs(31));
    assert_eq!(r.pending(), 0);
});
