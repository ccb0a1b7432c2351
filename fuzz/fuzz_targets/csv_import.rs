//! A members CSV an organisation uploads: the importer never panics, and every row it accepts has a
//! valid E.164 number and an alias within the rules' length.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((rows, _errors)) = smsup::members::read_import(data, "MY") {
        for row in rows {
            let e164 = row.phone.e164();
            assert!(e164.starts_with('+') && e164[1..].bytes().all(|b| b.is_ascii_digit()));
            if let Some(alias) = &row.alias {
                assert!((1..=20).contains(&alias.chars().count()), "{alias:?}");
            }
        }
    }
});
