//! Grapheme clusters exactly as `sms-segments-calculator` 1.3.0 sees them.
//!
//! The calculator never splits a grapheme cluster across segments and counts UCS-2
//! "characters" in clusters, so our cluster boundaries must be identical to those of the
//! splitter it uses (grapheme-splitter 1.0.4: UAX #29 for Unicode 10.0.0, with the
//! `E_Base`/`E_Modifier`/`Glue_After_Zwj` classes of that version). Newer Unicode data (as in the
//! `unicode-segmentation` crate) gives different clusters for e.g. newer emoji with skin tones,
//! hence this small, self-contained implementation. The property table is generated data
//! (see `interop/segments/gen_grapheme_table.js`); the rules below follow the decision order of
//! that version, including its handling of emoji modifiers after several `Extend`s.

use crate::grapheme_table::GCB_RANGES;

/// Grapheme_Cluster_Break property values of Unicode 10.0.0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::upper_case_acronyms)]
pub(crate) enum Gcb {
    CR,
    LF,
    Control,
    Extend,
    RegionalIndicator,
    SpacingMark,
    L,
    V,
    T,
    LV,
    LVT,
    Other,
    Prepend,
    EBase,
    EModifier,
    ZWJ,
    GlueAfterZwj,
    EBaseGaz,
}

/// The property of one code point (binary search in the generated range table).
pub(crate) fn gcb(c: char) -> Gcb {
    let cp = c as u32;
    match GCB_RANGES.binary_search_by(|&(lo, hi, _)| {
        if hi < cp {
            std::cmp::Ordering::Less
        } else if lo > cp {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => GCB_RANGES[i].2,
        Err(_) => Gcb::Other,
    }
}

/// State of the cluster being built: the properties of its code points so far, plus the
/// bookkeeping that lets each decision run in constant time.
struct Cluster {
    /// Properties of the cluster so far (`all` without the candidate code point).
    props: Vec<Gcb>,
    /// How many properties after the first are `Extend`, counted from the second one.
    extend_prefix: usize,
    /// How many properties after the first are `Regional_Indicator`, counted from the second one.
    ri_prefix: usize,
    last_extend: Option<usize>,
    last_emod: Option<usize>,
    last_ri: Option<usize>,
}

impl Cluster {
    fn new(first: Gcb) -> Self {
        let mut c = Cluster {
            props: Vec::with_capacity(4),
            extend_prefix: 0,
            ri_prefix: 0,
            last_extend: None,
            last_emod: None,
            last_ri: None,
        };
        c.props.push(first);
        c.note(0, first);
        c
    }

    fn note(&mut self, idx: usize, p: Gcb) {
        match p {
            Gcb::Extend => self.last_extend = Some(idx),
            Gcb::EModifier => self.last_emod = Some(idx),
            Gcb::RegionalIndicator => self.last_ri = Some(idx),
            _ => {}
        }
    }

    fn push(&mut self, p: Gcb) {
        let idx = self.props.len();
        if idx >= 1 {
            if self.extend_prefix == idx - 1 && p == Gcb::Extend {
                self.extend_prefix += 1;
            }
            if self.ri_prefix == idx - 1 && p == Gcb::RegionalIndicator {
                self.ri_prefix += 1;
            }
        }
        self.props.push(p);
        self.note(idx, p);
    }

    /// Whether a cluster boundary falls before a code point with property `next`.
    fn breaks_before(&self, next: Gcb) -> bool {
        use Gcb::*;
        let start = self.props[0];
        let n = self.props.len(); // index `next` would take in `all`
        let previous = self.props[n - 1];

        // Emoji modifier after a run of Extend that does not start on an emoji base.
        let emod = if next == EModifier {
            Some(n)
        } else {
            self.last_emod
        };
        if let Some(i) = emod {
            if i > 1 && self.extend_prefix >= i - 1 && !matches!(start, Extend | EBase | EBaseGaz) {
                return true;
            }
        }
        // Regional indicators: pairs only.
        let ri = if next == RegionalIndicator {
            Some(n)
        } else {
            self.last_ri
        };
        if let Some(i) = ri {
            if i > 0 && self.ri_prefix >= i - 1 && !matches!(previous, Prepend | RegionalIndicator)
            {
                return true;
            }
        }
        // GB3, GB4, GB5.
        if previous == CR && next == LF {
            return false;
        }
        if matches!(previous, Control | CR | LF) || matches!(next, Control | CR | LF) {
            return true;
        }
        // GB6, GB7, GB8 (Hangul syllables).
        if previous == L && matches!(next, L | V | LV | LVT) {
            return false;
        }
        if matches!(previous, LV | V) && matches!(next, V | T) {
            return false;
        }
        if matches!(previous, LVT | T) && next == T {
            return false;
        }
        // GB9, GB9a, GB9b.
        if matches!(next, Extend | ZWJ | SpacingMark) || previous == Prepend {
            return false;
        }
        // GB10 as that version evaluates it: the code point before the last Extend (or the
        // previous one when there is no Extend) is an emoji base and only Extend follows it.
        if next == EModifier {
            let base = match self.last_extend {
                Some(e) => {
                    if e + 1 == n {
                        e.checked_sub(1).map(|b| self.props[b])
                    } else {
                        None
                    }
                }
                None => Some(previous),
            };
            if matches!(base, Some(EBase | EBaseGaz)) {
                return false;
            }
        }
        // GB11 (Unicode 10 form).
        if previous == ZWJ && matches!(next, GlueAfterZwj | EBaseGaz) {
            return false;
        }
        // GB12, GB13.
        if self.props[1..].contains(&RegionalIndicator) {
            return true;
        }
        if previous == RegionalIndicator && next == RegionalIndicator {
            return false;
        }
        true
    }
}

/// Splits `text` into grapheme clusters as the calculator does (including its rule that a
/// `"\r\n"` cluster counts as two).
pub(crate) fn graphemes(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut chars = text.char_indices();
    let Some((mut start, first)) = chars.next() else {
        return out;
    };
    let mut cluster = Cluster::new(gcb(first));
    for (i, c) in chars {
        let p = gcb(c);
        if cluster.breaks_before(p) {
            push_cluster(&mut out, &text[start..i]);
            start = i;
            cluster = Cluster::new(p);
        } else {
            cluster.push(p);
        }
    }
    push_cluster(&mut out, &text[start..]);
    out
}

fn push_cluster<'a>(out: &mut Vec<&'a str>, g: &'a str) {
    if g == "\r\n" {
        out.push("\r");
        out.push("\n");
    } else {
        out.push(g);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_disjoint() {
        for w in GCB_RANGES.windows(2) {
            assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0, "{:x?}", w);
        }
    }

    #[test]
    fn clusters() {
        assert_eq!(graphemes(""), Vec::<&str>::new());
        assert_eq!(graphemes("ab"), vec!["a", "b"]);
        assert_eq!(graphemes("a\r\nb"), vec!["a", "\r", "\n", "b"]);
        // Combining acute stays on its base.
        assert_eq!(graphemes("x\u{301}y"), vec!["x\u{301}", "y"]);
        // Family ZWJ sequence is one cluster in Unicode 10.
        assert_eq!(graphemes("👩‍👩‍👧"), vec!["👩‍👩‍👧"]);
        // Thumbs up + skin tone: one cluster; a Unicode 14 base + skin tone: two (as the calculator).
        assert_eq!(graphemes("👍🏽"), vec!["👍🏽"]);
        assert_eq!(graphemes("🫶🏽"), vec!["🫶", "🏽"]);
        // Flags pair up.
        assert_eq!(graphemes("🇲🇾🇲🇲🇦"), vec!["🇲🇾", "🇲🇲", "🇦"]);
        // Farsi with a zero-width non-joiner: it extends the previous letter.
        assert_eq!(graphemes("م\u{200c}خ"), vec!["م\u{200c}", "خ"]);
    }
}
