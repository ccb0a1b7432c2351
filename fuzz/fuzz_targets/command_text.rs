//! Any text a phone may send: the command parser, the carrier content check, and the text
//! normalisation, confusable key and language detection it relies on never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsup::engine::carrier::{CarrierRules, RuleSet};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = smsup::engine::parse::parse(&text, "MY");
    let rules = CarrierRules {
        rules: Some(RuleSet::My),
        allowed_domains: vec!["example.org".into()],
    };
    let _ = rules.check(&text);
    let _ = smsup_lang::normalize(&text);
    let _ = smsup_lang::confusable_key(&text);
    let _ = smsup_lang::detect(&text);
    if smsup_lang::is_zawgyi(&text) {
        let _ = smsup_lang::zawgyi_to_unicode(&text);
    }
});
