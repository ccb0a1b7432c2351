//! Burmese in Zawgyi: many phones of Burmese, Chin and Rohingya speakers display and type the
//! Zawgyi font encoding, which reuses Myanmar code points differently from Unicode.
//!
//! [`zawgyi_probability`] is google/myanmar-tools' Markov-model detector (its model file, Apache-2.0,
//! is vendored in `data/zawgyi/`); [`zawgyi_to_unicode`] and [`unicode_to_zawgyi`] run that project's
//! transliteration rules (vendored as data by `data/zawgyi/extract.js`) with the same phase
//! semantics as its clients. The model and the rules are read once, at first use.

use std::sync::LazyLock;

use regex::Regex;

/// Above this probability a text is taken to be Zawgyi (myanmar-tools' recommended threshold).
pub const ZAWGYI_THRESHOLD: f64 = 0.95;

/// Myanmar-script characters a text needs before its font is judged (a word or two says little).
pub const MIN_MYANMAR_CHARS: usize = 6;

/// The detector's Markov chain: the difference of log probabilities (Unicode minus Zawgyi) of each
/// transition between states.
struct Model {
    size: usize,
    deltas: Vec<f32>,
    /// Whether space-like characters (U+2000–U+200B) have states of their own.
    spaces: bool,
}

/// The model file could not be read (a broken build).
#[derive(Debug, thiserror::Error)]
#[error("zawgyi model: {0}")]
struct ModelError(&'static str);

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or(ModelError("truncated"))?;
        self.0 = rest;
        Ok(*head)
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        self.take::<8>().map(u64::from_be_bytes)
    }
    fn i32(&mut self) -> Result<i32, ModelError> {
        self.take::<4>().map(i32::from_be_bytes)
    }
    fn i16(&mut self) -> Result<i16, ModelError> {
        self.take::<2>().map(i16::from_be_bytes)
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        self.take::<4>().map(f32::from_be_bytes)
    }
}

/// "UZMODEL " and "BMARKOV ": the tags of the two layers of the model file.
const MODEL_TAG: u64 = 0x555A_4D4F_4445_4C20;
const MARKOV_TAG: u64 = 0x424D_4152_4B4F_5620;

impl Model {
    /// Reads the model file's layout: a tag, a version (1, or 2 with a state-set id), then the
    /// chain: a tag, version 0, its size, and per row the entries that differ from the row's
    /// fallback value.
    fn parse(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader(bytes);
        if r.u64()? != MODEL_TAG {
            return Err(ModelError("not a Zawgyi model"));
        }
        let spaces = match r.i32()? {
            1 => true,
            2 => match r.i32()? {
                0 => true,
                1 => false,
                _ => return Err(ModelError("unknown state set")),
            },
            _ => return Err(ModelError("unknown version")),
        };
        if r.u64()? != MARKOV_TAG || r.i32()? != 0 {
            return Err(ModelError("not a Markov chain"));
        }
        let size = usize::try_from(r.i16()?).map_err(|_| ModelError("negative size"))?;
        let mut deltas = vec![0f32; size * size];
        for row in 0..size {
            let mut entries = r.i16()?;
            let fallback = if entries == 0 { 0.0 } else { r.f32()? };
            let mut next: i32 = -1;
            for col in 0..size {
                let col_i = i32::try_from(col).map_err(|_| ModelError("size"))?;
                if entries > 0 && next < col_i {
                    next = i32::from(r.i16()?);
                    entries -= 1;
                }
                deltas[row * size + col] = if next == col_i { r.f32()? } else { fallback };
            }
        }
        Ok(Model {
            size,
            deltas,
            spaces,
        })
    }

    /// The state of a code point: one per Myanmar character (the Myanmar block without its
    /// digits, Extended-A, Extended-B) and, in the model's state set, per space-like character;
    /// 0 for everything else.
    fn state(&self, c: char) -> usize {
        let cp = c as usize;
        let ranges: [(usize, usize); 5] = [
            (0x1000, 0x103F),
            (0x104A, 0x109F),
            (0xAA60, 0xAA7F),
            (0xA9E0, 0xA9FF),
            (0x2000, 0x200B),
        ];
        let mut offset = 1;
        for (i, (lo, hi)) in ranges.into_iter().enumerate() {
            if i == 4 && !self.spaces {
                break;
            }
            if (lo..=hi).contains(&cp) {
                return cp - lo + offset;
            }
            offset += hi - lo + 1;
        }
        0
    }

    fn predict(&self, text: &str) -> f64 {
        let mut prev = 0;
        let mut total = 0f64;
        let mut seen = false;
        for state in text.chars().map(|c| self.state(c)).chain([0]) {
            if prev != 0 || state != 0 {
                if let Some(d) = self.deltas.get(prev * self.size + state) {
                    total += f64::from(*d);
                }
                seen = true;
            }
            prev = state;
        }
        if !seen {
            return f64::NEG_INFINITY;
        }
        1.0 / (1.0 + total.exp())
    }
}

static MODEL: LazyLock<Option<Model>> =
    LazyLock::new(|| Model::parse(include_bytes!("../data/zawgyi/zawgyiUnicodeModel.dat")).ok());

/// The probability that `text` is Zawgyi rather than Unicode (0 to 1); negative infinity when it
/// has no Myanmar character at all.
pub fn zawgyi_probability(text: &str) -> f64 {
    MODEL
        .as_ref()
        .map_or(f64::NEG_INFINITY, |m| m.predict(text))
}

/// The number of Myanmar-script characters in `text`.
pub fn myanmar_chars(text: &str) -> usize {
    text.chars()
        .filter(|c| matches!(*c as u32, 0x1000..=0x109F | 0xAA60..=0xAA7F | 0xA9E0..=0xA9FF))
        .count()
}

/// True when `text` is Burmese typed in Zawgyi, surely enough to convert it: enough Myanmar
/// characters ([`MIN_MYANMAR_CHARS`]) and a probability above [`ZAWGYI_THRESHOLD`].
pub fn is_zawgyi(text: &str) -> bool {
    myanmar_chars(text) >= MIN_MYANMAR_CHARS && zawgyi_probability(text) > ZAWGYI_THRESHOLD
}

/// One transliteration rule: a pattern anchored at the current position and its replacement.
struct Rule {
    pattern: Regex,
    replacement: String,
    /// Only at the start of the text.
    start: bool,
    /// The replacement is read again by the following rules.
    revisit: bool,
}

#[derive(serde::Deserialize)]
struct RawRule {
    p: String,
    s: String,
    start: bool,
    revisit: bool,
}

#[derive(serde::Deserialize)]
struct RawRules {
    phases: Vec<Vec<RawRule>>,
}

fn load(json: &str) -> Vec<Vec<Rule>> {
    let Ok(raw) = serde_json::from_str::<RawRules>(json) else {
        return Vec::new();
    };
    raw.phases
        .into_iter()
        .map(|phase| {
            phase
                .into_iter()
                .filter_map(|r| {
                    Some(Rule {
                        pattern: Regex::new(&r.p).ok()?,
                        replacement: r.s,
                        start: r.start,
                        revisit: r.revisit,
                    })
                })
                .collect()
        })
        .collect()
}

static Z2U: LazyLock<Vec<Vec<Rule>>> =
    LazyLock::new(|| load(include_str!("../data/zawgyi/z2u.json")));
static U2Z: LazyLock<Vec<Vec<Rule>>> =
    LazyLock::new(|| load(include_str!("../data/zawgyi/u2z.json")));

/// One phase: at each position every rule is tried in order on what is left; a rule that matches
/// replaces its match, and the position moves past the replacement (unless the rule revisits it);
/// where no rule matches, one character is kept as it is.
fn run_phase(rules: &[Rule], text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // What is left is `buf[at..]`; a revisiting rule puts its replacement back in front of it.
    let mut buf = text.to_string();
    let mut at = 0;
    let mut at_start = true;
    while at < buf.len() {
        let mut found = false;
        for rule in rules {
            if rule.start && !at_start {
                continue;
            }
            let Some(caps) = rule.pattern.captures(&buf[at..]) else {
                continue;
            };
            let Some(m) = caps.get(0) else {
                continue;
            };
            found = true;
            let mut replaced = String::new();
            caps.expand(&rule.replacement, &mut replaced);
            let end = at + m.end();
            if rule.revisit {
                buf = replaced + &buf[end..];
                at = 0;
            } else {
                out.push_str(&replaced);
                at = end;
            }
            if at >= buf.len() {
                break;
            }
        }
        if !found {
            if let Some(c) = buf[at..].chars().next() {
                out.push(c);
                at += c.len_utf8();
            }
        }
        at_start = false;
    }
    out
}

fn run_all(phases: &[Vec<Rule>], text: &str) -> String {
    phases
        .iter()
        .fold(text.to_string(), |t, rules| run_phase(rules, &t))
}

/// Zawgyi-encoded Burmese in Unicode.
pub fn zawgyi_to_unicode(text: &str) -> String {
    run_all(&Z2U, text)
}

/// Unicode Burmese in the Zawgyi encoding (for a reader whose phone shows Zawgyi).
pub fn unicode_to_zawgyi(text: &str) -> String {
    run_all(&U2Z, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_model_and_rules_load() {
        assert!(MODEL.is_some());
        let count = |phases: &[Vec<Rule>]| phases.iter().map(Vec::len).sum::<usize>();
        // Every rule of the data compiles (a rule left out would convert differently).
        assert_eq!(count(&Z2U), 128);
        assert_eq!(count(&U2Z), 167);
    }

    #[test]
    fn greetings_in_both_fonts() {
        let unicode = "မင်္ဂလာပါ";
        let zawgyi = "မဂၤလာပါ";
        assert!(zawgyi_probability(zawgyi) > 0.99);
        assert!(zawgyi_probability(unicode) < 0.01);
        assert_eq!(zawgyi_to_unicode(zawgyi), unicode);
        assert_eq!(unicode_to_zawgyi(unicode), zawgyi);
        assert_eq!(zawgyi_probability("hello"), f64::NEG_INFINITY);
        assert_eq!(zawgyi_to_unicode("STOP please"), "STOP please");
    }
}
