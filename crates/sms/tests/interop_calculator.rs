//! Interop: our counts against Twilio's own calculator, the npm package
//! `sms-segments-calculator` 1.3.0, run through `interop/segments/calculate.js`.
//!
//! Needs node and `<workspace>/interop/node_modules` (`npm ci` in `interop/`). Without them the
//! test fails, unless `SMSUP_SKIP_INTEROP=1`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::{json, Value};
use smsup_sms::{analyze, grapheme_clusters, smart_encode, split, Concat, SplitOptions};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A small deterministic generator (xorshift64*), so the corpus is the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, pool: &[&'a str]) -> &'a str {
        pool[self.below(pool.len())]
    }
}

const LATIN: &[&str] = &[
    "a", "b", "Z", " ", "e", "t", "1", ".", ",", "!", "?", "@", "£", "$", "¥", "è", "é", "ù", "ì",
    "ò", "Ç", "Ø", "Å", "Δ", "_", "Φ", "Σ", "Æ", "ß", "É", "¤", "¡", "Ä", "Ö", "Ñ", "Ü", "§", "¿",
    "ä", "ö", "ñ", "ü", "à", "\n", "\r", "'", "\"", "#", "%", "&",
];
const EXTENSION: &[&str] = &["€", "[", "]", "{", "}", "~", "^", "|", "\\", "\u{c}"];
const LOOK_ALIKES: &[&str] = &[
    "“", "”", "‘", "’", "«", "»", "–", "—", "…", "\u{a0}", "\u{2009}", "\t", "`", "´", "•",
    "\u{200b}", "\u{feff}", "＠", "！", "\u{2028}", "½", "÷",
];
const NON_GSM_LATIN: &[&str] = &[
    "ç", "á", "í", "ó", "ú", "â", "ê", "ô", "ã", "õ", "ş", "ğ", "ı", "x\u{301}",
];
const FARSI: &[&str] = &[
    "س", "ل", "ا", "م", "خ", "و", "ب", "ی", "پ", "چ", "ژ", "گ", "ک", "\u{200c}", "۱", "۲", "؟",
    "،", " ",
];
const ARABIC: &[&str] = &[
    "ع", "ر", "ب", "ي", "ة", "ك", "ى", "\u{64b}", "\u{650}", "\u{651}", "ء", "ؤ", "ئ", "ﻻ", "٣",
    " ",
];
const BURMESE: &[&str] = &[
    "မ", "ြ", "န", "်", "မာ", "စ", "ာ", "ေ", "ကျ", "ေး", "ဇူ", "း", "တ", "င်", "ပ", "ါ", "\u{1039}",
    "ဿ", "၁", "၊", " ",
];
const EMOJI: &[&str] = &[
    "😀",
    "👍",
    "👍🏽",
    "🏽",
    "❤️",
    "❤",
    "👩‍👩‍👧",
    "👨‍💻",
    "👩‍🦰",
    "🫶🏽",
    "🇲🇾",
    "🇲🇲",
    "🇦",
    "🙏🏿",
    "✌️",
    "🧕",
    "1️⃣",
    "🏳️‍🌈",
    "☺",
    "\u{fe0f}",
    "\u{200d}",
];

fn pools() -> Vec<(&'static str, Vec<&'static str>)> {
    let all: Vec<&str> = [
        LATIN,
        EXTENSION,
        LOOK_ALIKES,
        NON_GSM_LATIN,
        FARSI,
        ARABIC,
        BURMESE,
        EMOJI,
    ]
    .concat();
    vec![
        ("latin", LATIN.to_vec()),
        ("gsm+ext", [LATIN, EXTENSION].concat()),
        ("look-alikes", [LATIN, LOOK_ALIKES].concat()),
        ("latin+accents", [LATIN, NON_GSM_LATIN].concat()),
        ("farsi", FARSI.to_vec()),
        ("arabic", ARABIC.to_vec()),
        ("burmese", BURMESE.to_vec()),
        ("emoji", [EMOJI, LATIN].concat()),
        ("mixed", all),
    ]
}

/// Texts of exactly `len` units for several fillers, and texts with a two-unit element placed
/// right on each part boundary.
fn boundary_texts() -> Vec<String> {
    const LENGTHS: &[usize] = &[
        0, 1, 2, 66, 67, 68, 69, 70, 71, 72, 133, 134, 135, 136, 152, 153, 154, 155, 159, 160, 161,
        162, 200, 201, 202, 268, 305, 306, 307, 308, 320, 321, 400, 458, 459, 460, 461, 612, 613,
        1000, 1530, 1600,
    ];
    let mut out = Vec::new();
    for &len in LENGTHS {
        out.push("a".repeat(len)); // GSM septets
        out.push("ش".repeat(len)); // UCS-2 units
        out.push("€".repeat(len / 2) + &"a".repeat(len % 2)); // GSM escape pairs
        out.push("😀".repeat(len / 2) + &"ب".repeat(len % 2)); // surrogate pairs
        out.push("မ".repeat(len)); // Burmese
        out.push("“".repeat(len.min(3)) + &"a".repeat(len.saturating_sub(3))); // smart-encodable
                                                                               // Escape pair / surrogate pair straddling the boundary just before `len`.
        if len >= 2 {
            out.push(format!("{}€{}", "a".repeat(len - 2), "b".repeat(len % 7)));
            out.push(format!("{}😀{}", "ش".repeat(len - 2), "ب".repeat(len % 5)));
            out.push(format!("{}€", "a".repeat(len - 1)));
            out.push(format!("{}😀", "ش".repeat(len - 1)));
        }
    }
    out
}

fn corpus() -> Vec<String> {
    let mut texts: Vec<String> = vec![
        String::new(),
        "Hello from SMS Up! Reply JOIN to join.".into(),
        "Meeting at 5pm @ the café? Cost: £2 / €3 [bring {snacks}] ~ok | ^_^ \\o/".into(),
        "“Smart” quotes – and dashes — and… more «guillemets»".into(),
        "Line one\r\nLine two\nLine three\r".into(),
        "\r\n".repeat(90),
        "Tab\there".into(),
        "Ça va? ça va.".into(),
        "سلام، حال شما چطور است؟ می‌خواهم بیایم.".into(),
        "مرحبا بكم في مجموعة الرسائل".into(),
        "မင်္ဂလာပါ။ ကျေးဇူးတင်ပါတယ်။".into(),
        "Hi 👋🏽 family 👨‍👩‍👧‍👦 flags 🇲🇾🇲🇲 heart ❤️ new 🫶🏽🫠".into(),
        "Mixed: hello سلام مرحبا မင်္ဂလာပါ 😀 €5".into(),
        "x\u{301}\u{302}\u{303}".into(),
        format!("x{}", "\u{301}".repeat(80)),
        format!("x{}y", "\u{301}".repeat(200)),
        "👍🏽\u{301}🏽".into(),
        "🇦🇧🇨🇩🇪".into(),
        "\u{600}a\u{1100}\u{1161}\u{11a8}\u{ac00}\u{11a8}".into(),
        "a\u{200d}👩\u{200d}❤\u{fe0f}\u{200d}💋\u{200d}👨".into(),
    ];
    texts.extend(boundary_texts());
    let mut rng = Rng(0x5EED_0005_5A1E_0001);
    for (_, pool) in pools() {
        for _ in 0..45 {
            let n = match rng.below(4) {
                0 => rng.below(20),
                1 => 60 + rng.below(20),
                2 => 130 + rng.below(40),
                _ => rng.below(500),
            };
            texts.push((0..n).map(|_| rng.pick(&pool)).collect());
        }
    }
    // Every code point of the GSM-relevant ranges alone, to compare the alphabet tables.
    for cp in (0u32..0x250)
        .chain(0x370..0x400)
        .chain(0x2000..0x2070)
        .chain([0x20AC, 0xFF01])
    {
        if let Some(c) = char::from_u32(cp) {
            texts.push(c.to_string());
        }
    }
    texts
}

fn run_calculator(cases: &[Value]) -> Vec<Value> {
    let script = workspace().join("interop/segments/calculate.js");
    let mut child = Command::new("node")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run `node` (needed for the interop test; SMSUP_SKIP_INTEROP=1 skips it)");
    let input = serde_json::to_vec(cases).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "calculate.js failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Whether the calculator is there; panics with instructions when it is not (unless skipped).
fn calculator_available() -> bool {
    let modules = workspace().join("interop/node_modules/sms-segments-calculator");
    if modules.exists() {
        return true;
    }
    if std::env::var("SMSUP_SKIP_INTEROP").as_deref() == Ok("1") {
        eprintln!("SMSUP_SKIP_INTEROP=1: skipping the calculator interop test");
        return false;
    }
    panic!(
        "{} is missing: run `npm ci` in {} (or set SMSUP_SKIP_INTEROP=1 to skip)",
        modules.display(),
        workspace().join("interop").display()
    );
}

/// Random sequences of code points of every grapheme break class (CR, LF, Control, Extend,
/// ZWJ, Regional_Indicator, Prepend, SpacingMark, Hangul L/V/T/LV/LVT, E_Base, E_Modifier,
/// Glue_After_Zwj, E_Base_GAZ, Other, and newer emoji that Unicode 10 calls Other): our
/// clusters must be the calculator's.
#[test]
fn grapheme_clusters_match_on_random_break_classes() {
    if !calculator_available() {
        return;
    }
    const POOL: &[&str] = &[
        "\r", "\n", "\u{1}", "\u{301}", "\u{200c}", "\u{200d}", "🇲", "🇾", "\u{600}", "\u{903}",
        "\u{1100}", "\u{1161}", "\u{11a8}", "\u{ac00}", "\u{ac01}", "👍", "🏽", "❤", "👩", "a",
        "🫶", "€", "ش", "\u{fe0f}", "\u{1031}", "\u{103a}",
    ];
    let mut rng = Rng(0xC1A5_7E25_0000_0003);
    let texts: Vec<String> = (0..3000)
        .map(|_| {
            let n = 1 + rng.below(9);
            (0..n).map(|_| rng.pick(POOL)).collect()
        })
        .collect();
    let cases: Vec<Value> = texts
        .iter()
        .map(|t| json!({"text": t, "smart": false}))
        .collect();
    let answers = run_calculator(&cases);
    let mut mismatches = Vec::new();
    for (text, want) in texts.iter().zip(&answers) {
        let want: Vec<&str> = want["graphemes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g.as_str().unwrap())
            .collect();
        let got = grapheme_clusters(text);
        if got != want {
            mismatches.push(format!("{text:?}: ours {got:?} vs calculator {want:?}"));
        }
        let a = analyze(text);
        if a.segments as u64 != 1
            || (a.encoding.to_string() == "UCS-2" && a.characters != want.len())
        {
            mismatches.push(format!("{text:?}: counts {}", a.to_json()));
        }
    }
    eprintln!(
        "compared grapheme clusters of {} random texts: {} mismatches",
        texts.len(),
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn counts_match_sms_segments_calculator() {
    if !calculator_available() {
        return;
    }

    let texts = corpus();
    let cases: Vec<Value> = texts
        .iter()
        .flat_map(|t| {
            [
                json!({"text": t, "smart": false}),
                json!({"text": t, "smart": true}),
            ]
        })
        .collect();
    let answers = run_calculator(&cases);
    assert_eq!(answers.len(), cases.len());

    let mut mismatches = Vec::new();
    let mut multipart = 0;
    for (case, want) in cases.iter().zip(&answers) {
        let text = case["text"].as_str().unwrap();
        let smart = case["smart"].as_bool().unwrap();
        let sent = if smart {
            smart_encode(text).into_owned()
        } else {
            text.to_owned()
        };
        let got = analyze(&sent);
        let mut want_non_gsm: Vec<String> = Vec::new();
        for g in want["non_gsm"].as_array().unwrap() {
            let g = g.as_str().unwrap().to_owned();
            if !want_non_gsm.contains(&g) {
                want_non_gsm.push(g);
            }
        }
        let want_graphemes: Vec<&str> = want["graphemes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g.as_str().unwrap())
            .collect();
        let checks = [
            (
                "encoding",
                got.encoding.to_string() == want["encoding"].as_str().unwrap(),
            ),
            (
                "segments",
                got.segments as u64 == want["segments"].as_u64().unwrap(),
            ),
            (
                "characters",
                got.characters as u64 == want["characters"].as_u64().unwrap(),
            ),
            ("units", got.units as u64 == want["units"].as_u64().unwrap()),
            ("non_gsm", got.non_gsm == want_non_gsm),
            ("smart text", sent == want["text"].as_str().unwrap()),
            ("graphemes", grapheme_clusters(&sent) == want_graphemes),
        ];
        for (what, ok) in checks {
            if !ok {
                mismatches.push(format!(
                    "{what}: text={text:?} smart={smart}: ours {} vs calculator {}",
                    got.to_json(),
                    want
                ));
            }
        }
        // Splitting with the 8-bit header Twilio uses gives as many parts as the calculator
        // counts, unless a single grapheme cluster is longer than a part.
        let longest = grapheme_clusters(&sent)
            .iter()
            .map(|g| g.encode_utf16().count())
            .max()
            .unwrap_or(0);
        if longest <= 20 {
            let m = split(
                &sent,
                &SplitOptions {
                    concat: Concat::Udh8(1),
                    ..Default::default()
                },
            )
            .unwrap();
            if m.parts.len() as u64 != want["segments"].as_u64().unwrap() {
                mismatches.push(format!(
                    "split parts: text={text:?} smart={smart}: {} parts",
                    m.parts.len()
                ));
            }
            assert_eq!(m.text(), sent);
        }
        if got.segments > 1 {
            multipart += 1;
        }
    }
    eprintln!(
        "compared {} cases ({} texts, with and without smart encoding; {} multi-part) with sms-segments-calculator 1.3.0: {} mismatches",
        cases.len(),
        texts.len(),
        multipart,
        mismatches.len()
    );
    assert!(texts.len() >= 500, "corpus too small: {}", texts.len());
    assert!(
        mismatches.is_empty(),
        "{} mismatches with sms-segments-calculator:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
