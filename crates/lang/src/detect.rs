//! Which language a text is written in, the usual language of a number's country, and the choice of
//! a reply's language.

use crate::{keyword, normalize, Lang};

/// Letters only Urdu writes (among our languages): ٹ ڈ ڑ ں ے ۓ ھ ہ ۂ.
const URDU_LETTERS: &[char] = &[
    '\u{0679}', '\u{0688}', '\u{0691}', '\u{06BA}', '\u{06D2}', '\u{06D3}', '\u{06BE}', '\u{06C1}',
    '\u{06C2}',
];
/// Letters only Pashto writes (among our languages): ټ ډ ړ ږ ښ ګ ځ څ ڼ ۍ ې.
const PASHTO_LETTERS: &[char] = &[
    '\u{067C}', '\u{0689}', '\u{0693}', '\u{0696}', '\u{069A}', '\u{06AB}', '\u{0681}', '\u{0685}',
    '\u{06BC}', '\u{06CD}', '\u{06D0}',
];
/// Letters Persian and Urdu write but Arabic does not: پ چ ژ گ.
const PERSIAN_LETTERS: &[char] = &['\u{067E}', '\u{0686}', '\u{0698}', '\u{06AF}'];
/// The Persian/Urdu code points of yeh and kaf (ی ک), which Arabic keyboards do not produce.
const PERSIAN_FORMS: &[char] = &['\u{06CC}', '\u{06A9}'];
/// Letters typical of Arabic: teh marbuta ة, alef maksura ى, hamza on alef أ إ.
const ARABIC_LETTERS: &[char] = &['\u{0629}', '\u{0649}', '\u{0623}', '\u{0625}'];
/// The Arabic code points of yeh and kaf (ي ك); Persian writers on Arabic keyboards use them too.
const ARABIC_FORMS: &[char] = &['\u{064A}', '\u{0643}'];

/// Frequent short words, normalised, that tell one language from the others sharing its script.
// Words both languages write the same way after normalisation (من, ما, او, بعد, قبل, الان, ممکن,
// سلام, لطفا...) are left out: they tell nothing.
const PERSIAN_WORDS: &[&str] = &[
    "است",
    "را",
    "که",
    "از",
    "به",
    "در",
    "این",
    "با",
    "برای",
    "هست",
    "نه",
    "بله",
    "ممنون",
    "مرسی",
    "چطور",
    "خوب",
    "هستم",
    "دارم",
    "میخواهم",
    "میخوام",
    "شما",
    "چه",
    "کجا",
    "نیست",
    "شد",
    "کرد",
    "بود",
    "خانه",
    "کار",
    "امروز",
    "فردا",
    "اینجا",
    "تا",
    "یک",
    "باشد",
    "هستند",
    "خیلی",
    "چی",
    "کنید",
    "میکنم",
    "میشود",
    "بیا",
    "رفتم",
    "استم",
    "استی",
    "تشکر",
    "بسیار",
    "کدام",
    "چرا",
];
const ARABIC_WORDS: &[&str] = &[
    "في",
    "على",
    "الى",
    "هذا",
    "هذه",
    "لا",
    "هل",
    "انا",
    "انت",
    "نعم",
    "شكرا",
    "كيف",
    "ماذا",
    "التي",
    "الذي",
    "عن",
    "مع",
    "كان",
    "لم",
    "لن",
    "اليوم",
    "غدا",
    "ذلك",
    "هو",
    "هي",
    "نحن",
    "متى",
    "لماذا",
    "مرحبا",
    "اريد",
    "عندي",
    "ثم",
    "يوجد",
    "ليس",
    "الله",
    "اخي",
    "السلام",
    "عليكم",
    "الحمد",
];
const URDU_WORDS: &[&str] = &[
    "ہے",
    "کے",
    "کا",
    "میں",
    "نہیں",
    "اور",
    "سے",
    "یہ",
    "ہیں",
    "آپ",
    "کیا",
    "ہوں",
    "شکریہ",
    "ہم",
    "وہ",
    "تھا",
    "تھی",
    "گا",
    "گی",
    "ہو",
    "جی",
    "بھی",
    "کیسے",
    "کہاں",
];
/// Frequent Pashto words without a letter of Pashto's own (those decide by themselves), also as
/// typed on a Persian keyboard.
// Left out: words Farsi writes the same way once normalised: ولې "why" (folds to Farsi ولی "but"),
// ده "is" (Farsi "ten"), او "and" (Farsi "he"), بیا "again" (Farsi "come"), نه, هم.
const PASHTO_WORDS: &[&str] = &[
    "زه",
    "دی",
    "په",
    "سره",
    "مننه",
    "هو",
    "یم",
    "یو",
    "لپاره",
    "کور",
    "نن",
    "سبا",
    "موږ",
    "تاسو",
    "هغه",
    "دلته",
    "چیری",
    "چیرته",
    "دا",
    "ته",
    "زما",
    "ستا",
    "ستاسو",
    "اوس",
    "هلته",
    "هغوی",
    "دغه",
    "کوم",
];
/// Frequent Hakha Chin (Lai) words, normalised.
// Short words Laiholh shares with English, Malay, Somali or romanised Urdu (a, ka, na, ah, le, hi,
// mi, si, lo, kan, an, in, ko, tu, dah, nih, tuan, kal, kaa) are left out: they would make ordinary
// messages look like Chin. `tt` and `ṭ` are two spellings of one letter.
const CHIN_WORDS: &[&str] = &[
    "kha", "zong", "ding", "hna", "tuah", "pawl", "ngai", "nihin", "thaizing", "rian", "bawmh",
    "zeidah", "khoika", "lawm", "hmun", "chim", "pek", "hmanh", "tiah", "khua", "maw", "cang",
    "caah", "ahcun", "kho", "khawh", "theih", "tampi", "pakhat", "rawl", "thil", "nain", "zeizong",
    "zeihmanh", "tthan", "ṭhan", "ttha", "ṭha", "cakuat", "laiholh",
];
/// Frequent Rohingya words in Latin spelling, normalised (with and without accents).
// Plain spellings that are English or Malay words or names (but, fan, ani, hanna) are left out.
const ROHINGYA_WORDS: &[&str] = &[
    "aññí", "anni", "añí", "tuñí", "tuñi", "tuni", "tuáñr", "tuañr", "tuar", "tuáñre", "tuañre",
    "añár", "añar", "añára", "añara", "hené", "hene", "kengóri", "kengori", "asé", "ase", "asó",
    "aso", "gorí", "gori", "goró", "goro", "gor", "manúic", "manuic", "aijja", "aiz", "hailla",
    "hail", "oilé", "oile", "zaibó", "zaibo", "háñña", "ókkol", "okkol", "bút", "fán", "ási",
    "asi", "abbar", "ehón", "ehon", "bicí", "bici", "gom", "thík", "ottú", "ottu", "goijjé",
    "goijje", "goijjó", "goijjo", "cúkuria", "cukuria",
];
const MALAY_WORDS: &[&str] = &[
    "saya",
    "awak",
    "anda",
    "kami",
    "kita",
    "mereka",
    "tidak",
    "tak",
    "ya",
    "dan",
    "yang",
    "untuk",
    "ini",
    "itu",
    "dengan",
    "terima",
    "kasih",
    "boleh",
    "apa",
    "mahu",
    "nak",
    "tolong",
    "sila",
    "ada",
    "di",
    "ke",
    "dari",
    "akan",
    "sudah",
    "dah",
    "belum",
    "bagaimana",
    "macam",
    "mana",
    "esok",
    "hari",
    "rumah",
    "kerja",
    "baik",
    "selamat",
    "pagi",
    "petang",
    "malam",
    "jumpa",
    "lagi",
    "juga",
    "sahaja",
    "saja",
    "bila",
    "kenapa",
    "siapa",
    "pergi",
    "datang",
    "tempat",
    "orang",
];
const SOMALI_WORDS: &[&str] = &[
    "waan",
    "waxaan",
    "waxay",
    "wuxuu",
    "iyo",
    "aan",
    "ma",
    "haa",
    "maya",
    "mahadsanid",
    "fadlan",
    "caawimo",
    "salaan",
    "waa",
    "ku",
    "ka",
    "soo",
    "miyaa",
    "sidee",
    "halkan",
    "wax",
    "ayaa",
    "ayuu",
    "ayay",
    "waxa",
    "qof",
    "dadka",
    "guri",
    "shaqo",
    "maanta",
    "berri",
    "hooyo",
    "aabe",
    "nabad",
    "galab",
    "subax",
    "walaal",
    "inaan",
    "kale",
    "badan",
    "yahay",
    "tahay",
    "ahay",
    "jiraa",
];
const ENGLISH_WORDS: &[&str] = &[
    "the", "is", "are", "you", "i", "and", "to", "please", "thanks", "thank", "hello", "what",
    "how", "my", "your", "we", "this", "that", "have", "for", "not", "can", "will", "with", "of",
    "it", "be", "was", "there", "today", "tomorrow", "meeting", "where", "when", "who", "good",
    "morning", "need", "want", "do", "does", "am", "at", "on", "in", "from", "all", "our", "they",
    "he", "she",
];

/// Which writing system a letter belongs to, among those we tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Arabic,
    Myanmar,
    Tamil,
    Other,
}

fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() && !is_combining_letter_part(c) {
        return None;
    }
    Some(match c as u32 {
        0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x1000..=0x109F | 0xA9E0..=0xA9FF | 0xAA60..=0xAA7F => Script::Myanmar,
        0x0B80..=0x0BFF | 0x11FC0..=0x11FFF => Script::Tamil,
        _ => Script::Other,
    })
}

/// Myanmar vowel signs and medials, and the Tamil pulli (virama), are marks, not alphabetic in
/// every Unicode table; count them as parts of their letters.
fn is_combining_letter_part(c: char) -> bool {
    matches!(c as u32, 0x102B..=0x103E | 0x1056..=0x1059 | 0x0BCD)
}

/// Letter counts per script.
#[derive(Debug, Default)]
struct ScriptCounts {
    latin: usize,
    arabic: usize,
    myanmar: usize,
    tamil: usize,
    other: usize,
}

impl ScriptCounts {
    fn letters(&self) -> usize {
        self.latin + self.arabic + self.myanmar + self.tamil + self.other
    }
}

fn count_scripts(text: &str) -> ScriptCounts {
    let mut counts = ScriptCounts::default();
    for c in text.chars() {
        match script_of(c) {
            Some(Script::Latin) => counts.latin += 1,
            Some(Script::Arabic) => counts.arabic += 1,
            Some(Script::Myanmar) => counts.myanmar += 1,
            Some(Script::Tamil) => counts.tamil += 1,
            Some(Script::Other) => counts.other += 1,
            None => {}
        }
    }
    counts
}

/// The language a text is written in, when its script or words tell with confidence.
///
/// Myanmar script is Burmese. Arabic script is Farsi (also Dari), Arabic or Urdu, told apart by the
/// letters only some of them write (ٹ ڈ ڑ ں ے ھ ہ: Urdu; پ چ ژ گ and the Persian forms of yeh and
/// kaf: Farsi or Urdu; ة ى أ and the Arabic forms: Arabic), by frequent words and by native command
/// keywords; None when the evidence is even. Latin script is English, Malay or Somali only when
/// native keywords or several frequent words agree; otherwise None. A script counts when at least a
/// third of the text's letters are in it (a Latin keyword or name beside native words does not hide
/// the native script). A text whose first word is a native keyword of one language is in that
/// language.
pub fn detect(text: &str) -> Option<Lang> {
    detect_with(text, true)
}

/// [`detect`] for the words of a message, not a command: its first word being a keyword of some
/// language tells nothing (`Noo sheeg goorta` is Somali, not Rohingya `NOO`).
pub fn detect_prose(text: &str) -> Option<Lang> {
    detect_with(text, false)
}

fn detect_with(text: &str, command: bool) -> Option<Lang> {
    let counts = count_scripts(text);
    let letters = counts.letters();
    if letters == 0 {
        return None;
    }
    // A command: its first word is a keyword of one language (`ဝင် healthcare`, `SERTAI kerja`).
    if let Some(first) = raw_words(text).first().filter(|_| command) {
        if let Some((_, Some(lang))) = keyword(&normalize(first)) {
            return Some(lang);
        }
    }
    if counts.myanmar * 3 >= letters {
        return Some(Lang::My);
    }
    if counts.tamil * 3 >= letters {
        return Some(Lang::Ta);
    }
    if counts.arabic * 3 >= letters {
        return arabic_script_language(text);
    }
    if counts.latin * 3 >= letters {
        return latin_script_language(text);
    }
    None
}

/// True when at least a third of the text's letters are Arabic script (Farsi, Arabic or Urdu).
pub fn is_arabic_script(text: &str) -> bool {
    let counts = count_scripts(text);
    let letters = counts.letters();
    letters > 0
        && counts.arabic * 3 >= letters
        && counts.myanmar * 3 < letters
        && counts.tamil * 3 < letters
}

/// Native keywords of `lang` among the words (normalised): strong evidence of the language.
fn keyword_hits(words: &[String], lang: Lang) -> usize {
    words
        .iter()
        .filter(|w| keyword(w).is_some_and(|(_, l)| l == Some(lang)))
        .count()
}

fn word_hits<S: AsRef<str>>(words: &[String], list: &[S]) -> usize {
    words
        .iter()
        .filter(|w| list.iter().any(|l| l.as_ref() == w.as_str()))
        .count()
}

fn count_chars(text: &str, set: &[char]) -> usize {
    text.chars().filter(|c| set.contains(c)).count()
}

/// Words of a text, split on anything that is not a letter, mark or digit.
fn raw_words(text: &str) -> Vec<&str> {
    text.split(|c: char| {
        !(c.is_alphanumeric() || is_combining_letter_part(c) || is_arabic_mark_or_joiner(c))
    })
    .filter(|w| !w.is_empty())
    .collect()
}

fn is_arabic_mark_or_joiner(c: char) -> bool {
    matches!(
        c as u32,
        0x064B..=0x065F | 0x0670 | 0x0640 | 0x200C | 0x200D
    )
}

fn arabic_script_language(text: &str) -> Option<Lang> {
    // Urdu's own letters decide before folding erases them (normalize folds ہ ھ into ه).
    let urdu_letters = count_chars(text, URDU_LETTERS);
    let pashto_letters = count_chars(text, PASHTO_LETTERS);
    let persian_letters = count_chars(text, PERSIAN_LETTERS);
    let persian_forms = count_chars(text, PERSIAN_FORMS);
    let arabic_letters = count_chars(text, ARABIC_LETTERS);
    let arabic_forms = count_chars(text, ARABIC_FORMS);

    // Urdu words are compared before letter folding; Persian and Arabic words after it.
    let raw: Vec<&str> = raw_words(text);
    let urdu_words = raw
        .iter()
        .filter(|w| URDU_WORDS.contains(&strip_invisible(w).as_str()))
        .count();
    let words: Vec<String> = raw.iter().map(|w| normalize(w)).collect();
    let persian_words = word_hits(&words, &fold_list(PERSIAN_WORDS));
    let arabic_words = word_hits(&words, &fold_list(ARABIC_WORDS));
    let pashto_words = word_hits(&words, &fold_list(PASHTO_WORDS));
    let ps = 3 * pashto_letters + 3 * pashto_words + 5 * keyword_hits(&words, Lang::Ps);

    let ur = 3 * urdu_letters + 3 * urdu_words + 5 * keyword_hits(&words, Lang::Ur);
    // What only Farsi shows (Urdu writes پ چ ژ گ ی ک too).
    let fa_own = 3 * persian_words + 5 * keyword_hits(&words, Lang::Fa);
    let fa = 2 * persian_letters + persian_forms + fa_own;
    let ar =
        2 * arabic_letters + arabic_forms + 3 * arabic_words + 5 * keyword_hits(&words, Lang::Ar);

    if ps > 0 && ps > ur && ps > fa_own && ps > ar {
        Some(Lang::Ps)
    } else if ur > 0 && ur > fa_own && ur > ar {
        Some(Lang::Ur)
    } else if fa > ar && fa > 0 {
        Some(Lang::Fa)
    } else if ar > fa {
        Some(Lang::Ar)
    } else {
        trigram_language(text)
    }
}

/// When letters and words are even: the language whose letter trigrams the whole text follows
/// (whatlang's statistics, restricted to Farsi, Arabic and Urdu), if it is clear enough. A text of
/// a word or two rarely is, and then None.
fn trigram_language(text: &str) -> Option<Lang> {
    let detector = whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Pes,
        whatlang::Lang::Ara,
        whatlang::Lang::Urd,
    ]);
    let info = detector.detect(text)?;
    if info.confidence() < 0.3 {
        return None;
    }
    match info.lang() {
        whatlang::Lang::Pes => Some(Lang::Fa),
        whatlang::Lang::Ara => Some(Lang::Ar),
        whatlang::Lang::Urd => Some(Lang::Ur),
        _ => None,
    }
}

fn strip_invisible(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(*c as u32, 0x200B..=0x200F | 0x0640 | 0xFEFF))
        .collect()
}

fn fold_list(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| normalize(w)).collect()
}

fn latin_script_language(text: &str) -> Option<Lang> {
    let words: Vec<String> = raw_words(text).iter().map(|w| normalize(w)).collect();
    let rohingya = fold_list(ROHINGYA_WORDS);
    let rohingya_refs: Vec<&str> = rohingya.iter().map(String::as_str).collect();
    let score =
        |lang: Lang, list: &[&str]| 3 * keyword_hits(&words, lang) + word_hits(&words, list);
    let mut scores = [
        (Lang::Ms, score(Lang::Ms, MALAY_WORDS)),
        (Lang::So, score(Lang::So, SOMALI_WORDS)),
        // Their keywords are ordinary words in other languages (`tel`, `noo`, `nam`): a hit
        // counts as one word, not three.
        (
            Lang::Cnh,
            keyword_hits(&words, Lang::Cnh) + word_hits(&words, CHIN_WORDS),
        ),
        (
            Lang::Rhg,
            keyword_hits(&words, Lang::Rhg) + word_hits(&words, &rohingya_refs),
        ),
        (Lang::En, word_hits(&words, ENGLISH_WORDS)),
    ];
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let (best, best_score) = scores[0];
    let second = scores[1].1;
    // Confident: two signals or more, and at least twice as many as any other language.
    (best_score >= 2 && best_score > 2 * second).then_some(best)
}

/// E.164 country calling codes and the language their people most likely read, among ours.
const COUNTRIES: &[(&str, Lang)] = &[
    // Farsi and Dari: Iran, Afghanistan.
    ("98", Lang::Fa),
    ("93", Lang::Fa),
    // Burmese: Myanmar.
    ("95", Lang::My),
    // Urdu: Pakistan.
    ("92", Lang::Ur),
    // Somali: Somalia (and Somaliland).
    ("252", Lang::So),
    // Malay: Malaysia, Brunei; Indonesian readers understand Malay.
    ("60", Lang::Ms),
    ("673", Lang::Ms),
    ("62", Lang::Ms),
    // Arabic: Egypt, Sudan, Maghreb, Mauritania, Levant, Iraq, Gulf, Yemen, Palestine.
    ("20", Lang::Ar),
    ("212", Lang::Ar),
    ("213", Lang::Ar),
    ("216", Lang::Ar),
    ("218", Lang::Ar),
    ("222", Lang::Ar),
    ("249", Lang::Ar),
    ("961", Lang::Ar),
    ("962", Lang::Ar),
    ("963", Lang::Ar),
    ("964", Lang::Ar),
    ("965", Lang::Ar),
    ("966", Lang::Ar),
    ("967", Lang::Ar),
    ("968", Lang::Ar),
    ("970", Lang::Ar),
    ("971", Lang::Ar),
    ("973", Lang::Ar),
    ("974", Lang::Ar),
    // English: North America and the Caribbean, UK, Ireland, Australia, New Zealand, Singapore,
    // South Africa, Nigeria, Ghana, Kenya, Uganda.
    ("1", Lang::En),
    ("44", Lang::En),
    ("353", Lang::En),
    ("61", Lang::En),
    ("64", Lang::En),
    ("65", Lang::En),
    ("27", Lang::En),
    ("234", Lang::En),
    ("233", Lang::En),
    ("254", Lang::En),
    ("256", Lang::En),
];

/// The usual language of a phone number's country, from its E.164 form (`+98...`; digits of any
/// script are read); None for a country none of our languages is usual in.
pub fn country_language(e164: &str) -> Option<Lang> {
    let digits = crate::ascii_digits(e164.trim());
    let digits = digits.strip_prefix('+').unwrap_or(&digits);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Calling codes are prefix-free, so at most one matches.
    COUNTRIES
        .iter()
        .find(|(code, _)| digits.starts_with(code))
        .map(|(_, lang)| *lang)
}

/// Choose a reply's language: the member's choice > the text's language > the number's country >
/// the deployment default.
///
/// The text's language is [`detect`]'s answer. When the text is in Arabic script but its words do not
/// tell Farsi, Arabic and Urdu apart, the reply stays in that script: the country's language if it is
/// one of the three, else the default if it is, else Arabic (a Malaysian number writing Arabic script
/// must not be answered in Malay).
pub fn choose(preference: Option<Lang>, text: Option<&str>, e164: &str, default: Lang) -> Lang {
    choose_with_country(preference, text, country_language(e164), default)
}

/// [`choose`] with the number's country language given (None: the number tells nothing, as for a
/// local SIM in a country of refugees).
pub fn choose_with_country(
    preference: Option<Lang>,
    text: Option<&str>,
    country: Option<Lang>,
    default: Lang,
) -> Lang {
    choose_by(detect, preference, text, country, default)
}

/// [`choose_with_country`] for the words of a post, read with [`detect_prose`] (its first word
/// being some language's keyword tells nothing).
pub fn choose_for_prose(
    preference: Option<Lang>,
    text: Option<&str>,
    country: Option<Lang>,
    default: Lang,
) -> Lang {
    choose_by(detect_prose, preference, text, country, default)
}

fn choose_by(
    detector: fn(&str) -> Option<Lang>,
    preference: Option<Lang>,
    text: Option<&str>,
    country: Option<Lang>,
    default: Lang,
) -> Lang {
    if let Some(lang) = preference {
        return lang;
    }
    if let Some(text) = text {
        if let Some(lang) = detector(text) {
            return lang;
        }
        if is_arabic_script(text) {
            let arabic_script = |l: &Lang| l.is_arabic_script();
            return country
                .filter(arabic_script)
                .or(Some(default).filter(arabic_script))
                .unwrap_or(Lang::Ar);
        }
    }
    country.unwrap_or(default)
}
