//! A Twilio webhook body, as anyone on the internet may post it: the form parser, the inbound and
//! status readers and the opt-out keyword classifier never panic, and the parser keeps every pair.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsup_twilio::webhook::{classify_opt_keyword, InboundMessage, StatusCallback};

fuzz_target!(|data: &[u8]| {
    let params = smsup_twilio::parse_form(data);
    assert!(params.len() <= data.iter().filter(|b| **b == b'&').count() + 1);
    if let Ok(m) = InboundMessage::from_params(&params) {
        let _ = m.opt_keyword();
    }
    let _ = StatusCallback::from_params(&params);
    let _ = classify_opt_keyword(&String::from_utf8_lossy(data));
});
