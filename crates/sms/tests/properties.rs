//! Property tests: for any text mixing GSM, extension characters, Farsi, Arabic, Burmese,
//! emoji and combining marks, splitting and reassembly round-trip, no part exceeds its limit,
//! and no escape pair or surrogate pair is split.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use smsup_sms::decode::{decode_ucs2, Alphabet, UserData};
use smsup_sms::gsm7::ESCAPE;
use smsup_sms::{
    analyze, grapheme_clusters, smart_encode, split, Concat, Encoding, Fragment, GsmForm, Pushed,
    Reassembler, SplitOptions,
};

const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "0",
    ".",
    "@",
    "£",
    "é",
    "Ç",
    "Δ",
    "\n",
    "\r\n",
    "€",
    "[",
    "]",
    "{",
    "}",
    "~",
    "^",
    "|",
    "\\",
    "س",
    "ل",
    "ا",
    "م",
    "\u{200c}",
    "ی",
    "ع",
    "ر",
    "\u{64b}",
    "\u{651}",
    "မ",
    "ြ",
    "န",
    "်",
    "ေ",
    "း",
    "ကျ",
    "\u{1039}",
    "😀",
    "👍🏽",
    "👩‍👩‍👧",
    "🇲🇾",
    "🫶🏽",
    "❤️",
    "x\u{301}",
    "“",
    "…",
    "\u{a0}",
    "ç",
];

fn text_from(pool: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(pool), 0..max).prop_map(|v| v.concat())
}

/// Mostly GSM texts, mostly non-GSM texts, and anything mixed.
fn any_text() -> impl Strategy<Value = String> {
    const GSM: &[&str] = &["a", "b", " ", "1", "€", "[", "|", "\n", "@", "é"];
    prop_oneof![
        text_from(GSM, 500),
        text_from(PIECES, 300),
        text_from(&PIECES[20..39], 300)
    ]
}

fn concat_modes() -> impl Strategy<Value = Concat> {
    prop_oneof![
        any::<u8>().prop_map(Concat::Udh8),
        any::<u16>().prop_map(Concat::Udh16),
        any::<u16>().prop_map(Concat::Sar),
    ]
}

fn gsm_forms() -> impl Strategy<Value = GsmForm> {
    prop_oneof![Just(GsmForm::Unpacked), Just(GsmForm::Packed)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn split_then_reassemble_gives_the_text(
        text in any_text(),
        concat in concat_modes(),
        gsm_form in gsm_forms(),
        order in any::<u64>(),
        duplicate in any::<u8>(),
    ) {
        let options = SplitOptions { concat, gsm_form, encoding: None };
        let m = split(&text, &options).unwrap();
        prop_assert_eq!(m.text(), text.clone());
        let alphabet = match m.encoding {
            Encoding::Gsm7 => Alphabet::Gsm7,
            Encoding::Ucs2 => Alphabet::Ucs2,
        };

        // Decode every part from its transmitted bytes and feed them, shuffled and with a
        // duplicate, to a reassembler.
        let mut fragments = Vec::new();
        for p in &m.parts {
            let udl = (gsm_form == GsmForm::Packed && m.encoding == Encoding::Gsm7).then_some(p.udl);
            let ud = UserData::parse(alphabet, !p.udh.is_empty(), &p.user_data, gsm_form, udl).unwrap();
            let (reference, total, seq) = match ud.udh.as_ref().and_then(|h| h.concat) {
                Some(c) => (c.reference, c.total, c.seq),
                None => (concat.reference(), p.total, p.seq), // single part, or SAR TLVs
            };
            prop_assert_eq!((total, seq), (p.total, p.seq));
            fragments.push(Fragment { sender: "+60123456789".into(), reference, total, seq, payload: ud.payload });
        }
        // A duplicate part of a long message (single SMS carry no reference to recognise one by).
        let n = fragments.len();
        if n > 1 {
            let dup = fragments[duplicate as usize % n].clone();
            fragments.push(dup);
        }
        let mut state = order;
        for i in (1..fragments.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            fragments.swap(i, (state >> 33) as usize % (i + 1));
        }
        let mut r = Reassembler::new(Duration::from_secs(60));
        let now = Instant::now();
        let mut done = None;
        for f in fragments {
            match r.push(now, f).unwrap() {
                Pushed::Complete(msg) => { prop_assert!(done.is_none()); done = Some(msg.text) }
                Pushed::Stored | Pushed::Duplicate => {}
            }
        }
        prop_assert_eq!(done, Some(text));
        prop_assert_eq!(r.pending(), 0);
    }

    #[test]
    fn no_part_over_its_limit_and_no_pair_split(
        text in any_text(),
        concat in concat_modes(),
        gsm_form in gsm_forms(),
    ) {
        let m = split(&text, &SplitOptions { concat, gsm_form, encoding: None }).unwrap();
        let header = match concat { Concat::Udh16(_) => 7, _ => 6 };
        for p in &m.parts {
            let cap = match (m.parts.len(), m.encoding) {
                (1, e) => e.single_capacity(),
                (_, Encoding::Gsm7) => (140 - header) * 8 / 7,
                (_, Encoding::Ucs2) => (140 - header) / 2,
            };
            prop_assert!(p.units <= cap, "part of {} units, limit {}", p.units, cap);
            prop_assert!(m.parts.len() == 1 || p.units > 0, "empty part");
            match m.encoding {
                Encoding::Ucs2 => {
                    prop_assert!(p.user_data.len() <= 140);
                    // Every part decodes on its own: no surrogate pair was split.
                    prop_assert_eq!(decode_ucs2(&p.body).unwrap(), p.text.clone());
                }
                Encoding::Gsm7 => {
                    if gsm_form == GsmForm::Packed {
                        prop_assert!(p.user_data.len() <= 140 && p.udl <= 160);
                    }
                    let septets = smsup_sms::gsm7::encode_unpacked(&p.text).unwrap();
                    prop_assert_eq!(septets.len(), p.units);
                    // Walk escape pairs: an escape is always followed by its code in the part.
                    let mut i = 0;
                    while i < septets.len() {
                        if septets[i] == ESCAPE {
                            prop_assert!(i + 1 < septets.len(), "escape pair split");
                            i += 2;
                        } else {
                            i += 1;
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn parts_agree_with_the_analysis(text in any_text(), smart in any::<bool>()) {
        let text = if smart { smart_encode(&text).into_owned() } else { text };
        let a = analyze(&text);
        let m = split(&text, &SplitOptions::default()).unwrap();
        prop_assert_eq!(m.encoding, a.encoding);
        prop_assert_eq!(m.parts.iter().map(|p| p.units).sum::<usize>(), a.units);
        let longest = grapheme_clusters(&text).iter().map(|g| g.encode_utf16().count()).max().unwrap_or(0);
        if longest <= 20 {
            prop_assert_eq!(m.parts.len(), a.segments);
        }
        prop_assert_eq!(a.non_gsm.is_empty(), a.encoding == Encoding::Gsm7);
    }

    #[test]
    fn smart_encoding_is_idempotent(text in text_from(PIECES, 100)) {
        let once = smart_encode(&text).into_owned();
        prop_assert_eq!(smart_encode(&once).into_owned(), once);
    }

    #[test]
    fn decoders_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), fill in 0u8..8, udhi in any::<bool>()) {
        for alphabet in [Alphabet::Gsm7, Alphabet::Ascii, Alphabet::Latin1, Alphabet::Ucs2] {
            for form in [GsmForm::Unpacked, GsmForm::Packed] {
                let _ = UserData::parse(alphabet, udhi, &bytes, form, None);
                let _ = UserData::parse(alphabet, udhi, &bytes, form, Some(bytes.len()));
            }
        }
        let _ = smsup_sms::decode::decode_gsm7_packed(&bytes, fill, bytes.len());
        let _ = smsup_sms::gsm7::decode_unpacked(&bytes);
    }
}
