//! Delivery receipts: the receipt text of SMPP 3.4 Appendix B, the receipted_message_id and
//! message_state TLVs, and matching ids that one side writes in hex and the other in decimal.

use crate::pdu::{find_tlv, tag, ShortMessage};

/// The final (or intermediate) state a receipt reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReceiptState {
    /// DELIVRD / message_state 2.
    Delivered,
    /// UNDELIV / message_state 5.
    Undelivered,
    /// EXPIRED / message_state 3.
    Expired,
    /// DELETED / message_state 4.
    Deleted,
    /// REJECTD / message_state 8.
    Rejected,
    /// ACCEPTD / message_state 6 (intermediate).
    Accepted,
    /// ENROUTE / message_state 1 (intermediate).
    Enroute,
    /// UNKNOWN, or anything not recognised.
    Unknown,
}

impl ReceiptState {
    /// True for states after which nothing more will happen to the message.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ReceiptState::Delivered
                | ReceiptState::Undelivered
                | ReceiptState::Expired
                | ReceiptState::Deleted
                | ReceiptState::Rejected
        )
    }

    /// From the `stat:` field of the receipt text (case-insensitive, long spellings tolerated).
    pub fn from_stat(stat: &str) -> ReceiptState {
        let s = stat.trim().to_ascii_uppercase();
        let pick = |p: &str| s.starts_with(p);
        if pick("DELIV") {
            ReceiptState::Delivered
        } else if pick("UNDEL") || pick("FAIL") {
            ReceiptState::Undelivered
        } else if pick("EXPIR") {
            ReceiptState::Expired
        } else if pick("DELET") {
            ReceiptState::Deleted
        } else if pick("REJEC") {
            ReceiptState::Rejected
        } else if pick("ACCEP") {
            ReceiptState::Accepted
        } else if pick("ENROU") {
            ReceiptState::Enroute
        } else {
            ReceiptState::Unknown
        }
    }

    /// From the message_state TLV value.
    pub fn from_message_state(v: u32) -> ReceiptState {
        match v {
            1 => ReceiptState::Enroute,
            2 => ReceiptState::Delivered,
            3 => ReceiptState::Expired,
            4 => ReceiptState::Deleted,
            5 => ReceiptState::Undelivered,
            6 => ReceiptState::Accepted,
            8 => ReceiptState::Rejected,
            _ => ReceiptState::Unknown,
        }
    }
}

/// The fields of a receipt text; each may be missing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReceiptText {
    /// `id:`
    pub id: Option<String>,
    /// `sub:`
    pub sub: Option<String>,
    /// `dlvrd:`
    pub dlvrd: Option<String>,
    /// `submit date:`
    pub submit_date: Option<String>,
    /// `done date:`
    pub done_date: Option<String>,
    /// `stat:`
    pub stat: Option<String>,
    /// `err:`
    pub err: Option<String>,
    /// `text:` (the rest of the receipt).
    pub text: Option<String>,
}

const KEYS: [&str; 8] = [
    "id:",
    "sub:",
    "dlvrd:",
    "submit date:",
    "done date:",
    "stat:",
    "err:",
    "text:",
];

/// Parses a receipt text such as
/// `id:123 sub:001 dlvrd:001 submit date:2401011200 done date:2401011201 stat:DELIVRD err:000 text:Hi`.
/// Keys are matched case-insensitively at the start or after whitespace; missing keys stay `None`.
/// Returns `None` when neither `id:` nor `stat:` is present (not a receipt).
pub fn parse_receipt_text(s: &str) -> Option<ReceiptText> {
    // Lower-case ASCII only, so byte offsets stay identical.
    let lower = s.to_ascii_lowercase();
    let mut found: Vec<(usize, usize)> = Vec::new(); // (key index, start of key)
    for (ki, key) in KEYS.iter().enumerate() {
        let mut from = 0;
        while let Some(off) = lower[from..].find(key) {
            let at = from + off;
            let boundary = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
            // "submit date:" also contains "date:"-style keys; `id:` must not match inside another word.
            if boundary && !found.iter().any(|&(k, _)| k == ki) {
                found.push((ki, at));
                break;
            }
            from = at + key.len();
        }
    }
    // Keys found inside the text: field are part of the text, not keys.
    if let Some(&(_, text_at)) = found.iter().find(|&&(k, _)| k == 7) {
        found.retain(|&(k, at)| k == 7 || at < text_at);
    }
    found.sort_by_key(|&(_, at)| at);
    let mut out = ReceiptText::default();
    for (i, &(ki, at)) in found.iter().enumerate() {
        let vstart = at + KEYS[ki].len();
        let vend = found.get(i + 1).map(|&(_, a)| a).unwrap_or(s.len());
        let raw = &s[vstart..vend];
        let value = if ki == 7 {
            raw.to_string()
        } else {
            raw.split_whitespace().next().unwrap_or("").to_string()
        };
        let slot = match ki {
            0 => &mut out.id,
            1 => &mut out.sub,
            2 => &mut out.dlvrd,
            3 => &mut out.submit_date,
            4 => &mut out.done_date,
            5 => &mut out.stat,
            6 => &mut out.err,
            _ => &mut out.text,
        };
        *slot = Some(value);
    }
    if out.id.is_none() && out.stat.is_none() {
        return None;
    }
    Some(out)
}

/// A delivery receipt, from the text and TLVs of a deliver_sm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// The SMSC's id of the message (receipted_message_id TLV if present, else the text's `id:`).
    pub message_id: String,
    /// The text's `id:` when it differs from the TLV (e.g. decimal vs hex).
    pub alt_message_id: Option<String>,
    /// The state (message_state TLV if present, else the text's `stat:`).
    pub state: ReceiptState,
    /// The error code (`err:` when not all zeros, or network_error_code TLV in hex).
    pub error: Option<String>,
}

/// True when the deliver_sm's esm_class marks an SMSC delivery receipt (or intermediate notification).
pub fn is_receipt(sm: &ShortMessage) -> bool {
    matches!(sm.esm_class & 0x3C, 0x04 | 0x20)
}

/// Builds a [`Receipt`] from a deliver_sm. `text` is the decoded short_message (or message_payload).
/// Returns `None` when no message id can be found anywhere.
pub fn receipt_from_deliver(sm: &ShortMessage, text: &str) -> Option<Receipt> {
    let parsed = parse_receipt_text(text).unwrap_or_default();
    let tlv_id = find_tlv(&sm.tlvs, tag::RECEIPTED_MESSAGE_ID)
        .map(|t| t.as_cstr())
        .filter(|s| !s.trim().is_empty());
    let text_id = parsed.id.clone().filter(|s| !s.is_empty());
    let (message_id, alt) = match (tlv_id, text_id) {
        (Some(t), Some(x)) if t.trim() != x.trim() => {
            (t.trim().to_string(), Some(x.trim().to_string()))
        }
        (Some(t), _) => (t.trim().to_string(), None),
        (None, Some(x)) => (x.trim().to_string(), None),
        (None, None) => return None,
    };
    let state = match find_tlv(&sm.tlvs, tag::MESSAGE_STATE).and_then(|t| t.as_uint()) {
        Some(v) => ReceiptState::from_message_state(v),
        None => parsed
            .stat
            .as_deref()
            .map(ReceiptState::from_stat)
            .unwrap_or(ReceiptState::Unknown),
    };
    let err_text = parsed
        .err
        .filter(|e| !e.is_empty() && !e.bytes().all(|b| b == b'0'));
    let net_err = find_tlv(&sm.tlvs, tag::NETWORK_ERROR_CODE)
        .filter(|t| t.value.iter().skip(1).any(|b| *b != 0))
        .map(|t| {
            t.value
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        });
    Some(Receipt {
        message_id,
        alt_message_id: alt,
        state,
        error: err_text.or(net_err),
    })
}

/// The numbers an SMSC message id can stand for: its decimal reading (all digits) and its
/// hexadecimal reading (all hex digits); either is None when the id cannot be read that way. Two
/// forms of one id (hex in submit_sm_resp, decimal in the receipt) share a number; unlike
/// [`id_candidates`] this allocates nothing.
pub fn id_numbers(id: &str) -> [Option<u128>; 2] {
    let id = id.trim();
    if id.is_empty() {
        return [None, None];
    }
    let digits = id.trim_start_matches('0').len();
    let dec = if digits <= 38 && id.bytes().all(|b| b.is_ascii_digit()) {
        id.parse::<u128>().ok()
    } else {
        None
    };
    let hex = if digits <= 32 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
        u128::from_str_radix(id, 16).ok()
    } else {
        None
    };
    [dec, hex]
}

/// The forms under which an SMSC message id may appear elsewhere: as given, and its hex↔decimal
/// conversions (hex in lower and upper case, without leading zeros). The first entry is the id as given
/// (trimmed). No duplicates.
pub fn id_candidates(id: &str) -> Vec<String> {
    let id = id.trim();
    let mut out: Vec<String> = Vec::with_capacity(5);
    let mut push = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    push(id.to_string());
    if id.is_empty() {
        return out;
    }
    let digits = id.trim_start_matches('0');
    if id.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= 38 {
        if let Ok(n) = id.parse::<u128>() {
            push(n.to_string());
            push(format!("{n:x}"));
            push(format!("{n:X}"));
        }
    }
    if id.bytes().all(|b| b.is_ascii_hexdigit()) && digits.len() <= 32 {
        if let Ok(n) = u128::from_str_radix(id, 16) {
            push(n.to_string());
            push(format!("{n:x}"));
            push(format!("{n:X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdu::Tlv;
    use bytes::Bytes;

    #[test]
    fn id_numbers_read_decimal_and_hex() {
        assert_eq!(id_numbers("255"), [Some(255), Some(0x255)]);
        assert_eq!(id_numbers("ff"), [None, Some(255)]);
        assert_eq!(id_numbers(" 00FF "), [None, Some(255)]);
        assert_eq!(id_numbers("abc-1"), [None, None]);
        assert_eq!(id_numbers(""), [None, None]);
        // Too long for 128 bits: no number (the exact form still matches).
        assert_eq!(id_numbers(&"f".repeat(33)), [None, None]);
        assert_eq!(
            id_numbers(&format!("{}1", "0".repeat(40))),
            [Some(1), Some(1)]
        );
        // Every number is one of the forms id_candidates lists.
        for id in ["255", "ff", "00FF", "1234", "4d2"] {
            let forms = id_candidates(id);
            for n in id_numbers(id).into_iter().flatten() {
                assert!(
                    forms.contains(&format!("{n:x}")),
                    "{id}: {n:x} in {forms:?}"
                );
            }
        }
    }

    #[test]
    fn full_receipt_text() {
        let r = parse_receipt_text(
            "id:0123456789 sub:001 dlvrd:001 submit date:2401011200 done date:2401011201 stat:DELIVRD err:000 text:Hello id:9",
        )
        .unwrap();
        assert_eq!(r.id.as_deref(), Some("0123456789"));
        assert_eq!(r.submit_date.as_deref(), Some("2401011200"));
        assert_eq!(r.done_date.as_deref(), Some("2401011201"));
        assert_eq!(r.stat.as_deref(), Some("DELIVRD"));
        assert_eq!(r.err.as_deref(), Some("000"));
        assert_eq!(r.text.as_deref(), Some("Hello id:9"));
    }

    #[test]
    fn variants_missing_fields_and_case() {
        let r = parse_receipt_text(
            "ID:abc123 Submit Date:2401011200 Done Date:2401011201 Stat:undeliv Err:034",
        )
        .unwrap();
        assert_eq!(r.id.as_deref(), Some("abc123"));
        assert_eq!(r.sub, None);
        assert_eq!(r.text, None);
        assert_eq!(
            ReceiptState::from_stat(r.stat.as_deref().unwrap()),
            ReceiptState::Undelivered
        );
        assert_eq!(r.err.as_deref(), Some("034"));
        assert!(parse_receipt_text("hello there").is_none());
    }

    #[test]
    fn tlvs_win_over_text_and_alt_id_is_kept() {
        let sm = ShortMessage {
            esm_class: 0x04,
            tlvs: vec![
                Tlv {
                    tag: tag::RECEIPTED_MESSAGE_ID,
                    value: Bytes::from_static(b"1f\0"),
                },
                Tlv::u8(tag::MESSAGE_STATE, 5),
            ],
            ..Default::default()
        };
        assert!(is_receipt(&sm));
        let r = receipt_from_deliver(&sm, "id:31 stat:DELIVRD err:000").unwrap();
        assert_eq!(r.message_id, "1f");
        assert_eq!(r.alt_message_id.as_deref(), Some("31"));
        assert_eq!(r.state, ReceiptState::Undelivered);
        assert_eq!(r.error, None);
    }

    #[test]
    fn candidates_convert_hex_and_decimal() {
        let c = id_candidates("255");
        assert!(c.contains(&"ff".to_string()) && c.contains(&"FF".to_string()));
        // "255" read as hex is 597.
        assert!(c.contains(&"597".to_string()));
        let c = id_candidates("3E8");
        assert_eq!(c[0], "3E8");
        assert!(c.contains(&"1000".to_string()));
        let c = id_candidates("msg-1");
        assert_eq!(c, vec!["msg-1".to_string()]);
        assert!(id_candidates("0007").contains(&"7".to_string()));
    }
}
