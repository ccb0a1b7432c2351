//! Text normalisation for matching keywords and list names.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Normalise a word or a name for matching (keywords, list name keys).
///
/// In order: invisible characters are dropped (zero-width space, ZWNJ, ZWJ, word joiner, soft hyphen,
/// bidi marks, embeddings and isolates, BOM, variation selectors) along with the Arabic tatweel and
/// Arabic vowel marks and hamza/madda signs; then Unicode compatibility (NFKC) normalisation and case
/// folding; Arabic and Persian letter variants are folded to one form (ي ى ی → ي, ك ک ڪ → ک,
/// ة ۀ ە ہ ھ → ه, أ إ آ ٱ → ا, ؤ → و, ئ → ي); digits of any script we serve become ASCII digits.
pub fn normalize(text: &str) -> String {
    // NFKD first, so that letters carrying a hamza or madda (أ إ آ ؤ ئ ۀ ۂ ۓ) are split into a base
    // letter and a combining mark, which is then dropped with the vowel marks.
    let stripped: String = text
        .nfkd()
        .filter(|c| !is_ignorable(*c) && !is_arabic_mark(*c))
        .collect();
    let folded: String = stripped
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold_letter)
        .collect();
    // Recompose (NFC of a compatibility decomposition is NFKC) and read digits as ASCII.
    let composed: Vec<char> = folded
        .nfc()
        .map(|c| match digit_value(c) {
            Some(d) => char::from(b'0' + d),
            None => c,
        })
        .collect();
    let mut out = String::with_capacity(composed.len() * 3);
    for (i, &c) in composed.iter().enumerate() {
        // A mark typed twice (`ရပ််`) is the mark once.
        if i > 0 && composed[i - 1] == c && crate::is_mark(c) {
            continue;
        }
        // Burmese: the virama U+1039 stacks the next consonant; with none after it, it was meant as
        // the visible killer U+103A (as the Zawgyi font writes it: `ရပ္` is `ရပ်`).
        if c == '\u{1039}'
            && !composed
                .get(i + 1)
                .is_some_and(|n| ('\u{1000}'..='\u{1021}').contains(n))
        {
            out.push('\u{103A}');
            continue;
        }
        out.push(c);
    }
    out
}

/// Characters that are invisible in a word and must not make two spellings differ.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                  // soft hyphen
        | '\u{034F}'                // combining grapheme joiner
        | '\u{061C}'                // Arabic letter mark
        | '\u{0640}'                // Arabic tatweel (kashida)
        | '\u{180E}'                // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}'   // ZWSP, ZWNJ, ZWJ, LRM, RLM
        | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'   // word joiner and invisible operators
        | '\u{2066}'..='\u{2069}'   // bidi isolates
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors
        | '\u{FEFF}' // byte order mark
    )
}

/// Arabic combining marks: vowel signs (harakat), shadda, sukun, hamza and madda above/below,
/// superscript alef. People type them rarely and inconsistently.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Fold Arabic-script letter variants that keyboards of different countries produce for the same
/// letter (after hamza and madda were split off by NFKD).
fn fold_letter(c: char) -> char {
    match c {
        // Yeh: Arabic yeh, alef maksura, Farsi yeh, (decomposed from yeh with hamza).
        '\u{0649}' | '\u{06CC}' | '\u{06D0}' => '\u{064A}',
        // Kaf: Arabic kaf, swash kaf → keheh (Persian/Urdu kaf).
        '\u{0643}' | '\u{06AA}' => '\u{06A9}',
        // Heh: teh marbuta, Arabic letter ae (from heh with yeh above), heh goal, heh doachashmee.
        '\u{0629}' | '\u{06D5}' | '\u{06C1}' | '\u{06BE}' => '\u{0647}',
        // Alef wasla.
        '\u{0671}' => '\u{0627}',
        // Urdu noon ghunna, often typed as a plain noon (روکین for روکیں).
        '\u{06BA}' => '\u{0646}',
        _ => c,
    }
}

/// Read the digits of any script as ASCII digits (for phone numbers typed on a phone).
pub fn ascii_digits(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match digit_value(c) {
                Some(d) => char::from(b'0' + d),
                None => c,
            })
            .collect(),
    )
}

/// The value of a decimal digit of the scripts our communities write (ASCII, Arabic-Indic, Persian,
/// Burmese, Shan, Devanagari, Bengali, Tamil, fullwidth), or None.
pub(crate) fn digit_value(c: char) -> Option<u8> {
    const ZEROS: [u32; 9] = [
        0x0030, 0x0660, 0x06F0, 0x1040, 0x1090, 0x0966, 0x09E6, 0x0BE6, 0xFF10,
    ];
    let cp = c as u32;
    ZEROS
        .iter()
        .find(|z| (**z..**z + 10).contains(&cp))
        .map(|z| (cp - z) as u8)
}

/// True for a combining mark (Unicode general category M: Mn, Mc, Me): Burmese vowel signs and
/// asat, Arabic harakat, Tamil and Devanagari vowel signs. A mark belongs to the letter before it
/// and is never punctuation to trim.
pub fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// True for characters that show nothing by themselves and can hide or disguise text: format
/// characters (zero-width space, joiners, word joiner, soft hyphen, bidi marks, embeddings,
/// overrides and isolates, BOM, invisible operators, tag characters), variation selectors, and
/// fillers that render blank (Hangul fillers, braille blank, Mongolian vowel separator).
pub fn is_invisible(c: char) -> bool {
    is_ignorable(c)
        || matches!(
            c,
            '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{2028}' | '\u{2029}'
            | '\u{206A}'..='\u{206F}' | '\u{2800}' | '\u{3164}' | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}'
            | '\u{0600}'..='\u{0605}' | '\u{06DD}' | '\u{070F}' | '\u{08E2}'
        )
}

/// True for a code point a phone can draw: assigned, and not private use or a surrogate.
pub fn is_drawn(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    !matches!(
        c.general_category(),
        GeneralCategory::Unassigned | GeneralCategory::PrivateUse | GeneralCategory::Surrogate
    )
}

/// Diacritics that Latin, Greek and Cyrillic letters carry (the generic combining blocks): dropped
/// from a [`confusable_key`], so that `housíng` and `HOUSİNG` meet `housing`. The marks of
/// Brahmic scripts (Burmese, Tamil) are letters' parts there and stay.
fn is_generic_diacritic(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The key under which two names count as the same: [`normalize`], then the diacritics of Latin,
/// Greek and Cyrillic letters dropped, then the Unicode TR39 confusable skeleton (Cyrillic `о` and
/// Latin `o`, `rn` and `m`, `0` and `O`, `l` and `1` meet), case-folded. List names and aliases are
/// unique by this key; it is never shown.
pub fn confusable_key(text: &str) -> String {
    use unicode_security::confusable_detection::skeleton;
    let base: String = normalize(text)
        .nfd()
        .filter(|c| !is_generic_diacritic(*c))
        .map(small_capital)
        .collect();
    // Character by character (TR39 maps single characters). A letter of another script whose own
    // look-alike is not a Latin letter takes its capital's when that one is (Cyrillic т н м в к map
    // to small capitals or nothing, Т Н М В К to T H M B K).
    let mut once = String::with_capacity(base.len());
    for c in base.chars() {
        let own: String = skeleton(c.encode_utf8(&mut [0; 4]))
            .map(small_capital)
            .collect();
        if !c.is_ascii() && !own.is_ascii() {
            let capital: String = c.to_uppercase().collect();
            let theirs: String = skeleton(&capital).map(small_capital).collect();
            if theirs.is_ascii() {
                once.extend(theirs.chars().flat_map(char::to_lowercase));
                continue;
            }
        }
        once.extend(own.chars().flat_map(char::to_lowercase));
    }
    // The skeleton may give capitals (`l0l` → `lOl`): fold again and take the skeleton of that,
    // which is then stable.
    // A capital I looks like a small l (TR39 maps I to l), but case is folded first: `i` and `l`
    // meet in the key too, so that `AIi`, `Ali` and `All` cannot stand side by side.
    skeleton(&once)
        .map(small_capital)
        .flat_map(char::to_lowercase)
        .filter(|c| !is_generic_diacritic(*c))
        .map(|c| if c == 'i' { 'l' } else { c })
        .collect::<String>()
        .nfc()
        .collect::<String>()
        // Pairs that read as one letter, which TR39 does not fold: `cl` as `d`, `vv` as `w`.
        .replace("cl", "d")
        .replace("vv", "w")
}

/// Latin small capitals (`ᴍ`, `ɴ`, `ʀ`...), which TR39 leaves alone, as the letters they show.
fn small_capital(c: char) -> char {
    match c {
        'ᴀ' => 'a',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ꜰ' => 'f',
        'ɢ' => 'g',
        'ʜ' => 'h',
        'ɪ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        _ => c,
    }
}

/// True when a name is written in one script (digits, spaces and common punctuation go with any):
/// `Tom` or `Том`, not `Тom` (a Cyrillic Т before Latin letters). Unicode TR39's single-script
/// test, with the script sets that Japanese, Korean and Chinese writing combine.
pub fn is_single_script(text: &str) -> bool {
    use unicode_security::MixedScript;
    text.is_single_script()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_share_a_key() {
        let housing = confusable_key("housing");
        for w in [
            "hоusing",
            "housíng",
            "HOUSİNG",
            "HOUSING",
            "h\u{200B}ousing",
            "ｈｏｕｓｉｎｇ",
        ] {
            assert_eq!(confusable_key(w), housing, "{w}");
        }
        assert_eq!(confusable_key("Аmina"), confusable_key("Amina"));
        assert_eq!(confusable_key("rnaria"), confusable_key("maria"));
        assert_ne!(confusable_key("housing"), confusable_key("hosing"));
        // Capitals of other scripts and Latin small capitals.
        for (fake, real) in [
            ("Тom", "Tom"),
            ("Нanna", "Hanna"),
            ("Мona", "Mona"),
            ("Вen", "Ben"),
            ("Кim", "Kim"),
            ("Ꭺmina", "Amina"),
            ("САМР", "camp"),
            ("НOUSING", "housing"),
            ("ЅНЕLТЕR", "shelter"),
            ("ЅТОР", "stop"),
            ("SМS Up", "SMS Up"),
            ("Amiɴa", "Amina"),
            ("Aᴍina", "Amina"),
            ("tom", "TOM"),
            ("ian", "Ian"),
            ("AIi", "Ali"),
            ("lvan", "Ivan"),
            ("OIga", "Olga"),
            ("BiII", "Bill"),
            ("cIinic", "clinic"),
            ("weIIbeing", "wellbeing"),
            ("dinic", "clinic"),
            ("VVilly", "Willy"),
        ] {
            assert_eq!(confusable_key(fake), confusable_key(real), "{fake} {real}");
        }
        assert!(is_single_script("Tom") && is_single_script("Том") && is_single_script("news2025"));
        assert!(!is_single_script("Тom"));
        assert!(is_single_script("مریم") && is_single_script("မောင်မောင်"));
    }

    #[test]
    fn brahmic_marks_stay_in_the_key() {
        // Burmese: the asat and the dot below change the word.
        assert_ne!(confusable_key("အိမ်"), confusable_key("အိမ"));
        assert_ne!(confusable_key("ရပ်"), confusable_key("ရပ"));
        // Tamil vowel signs.
        assert_ne!(confusable_key("வீடு"), confusable_key("வடு"));
        assert_eq!(confusable_key("ဝင်"), confusable_key("၀င်"));
    }

    #[test]
    fn marks_and_invisibles() {
        assert!(is_mark('\u{103A}') && is_mark('\u{1037}') && is_mark('\u{064E}'));
        assert!(is_mark('\u{0BBF}') && !is_mark('a') && !is_mark('.'));
        for c in [
            '\u{200B}',
            '\u{202E}',
            '\u{2066}',
            '\u{00AD}',
            '\u{FEFF}',
            '\u{E0041}',
            '\u{3164}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        assert!(!is_invisible('a') && !is_invisible(' '));
        assert!(is_drawn('a') && is_drawn('ရ') && is_drawn('👋'));
        assert!(!is_drawn('\u{1CBB}') && !is_drawn('\u{E000}'));
    }
}
