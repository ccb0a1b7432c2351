//! Mobile-originated messages: User Data Header parsing and reassembly of concatenated parts
//! (UDH with 8- or 16-bit reference, SAR TLVs), with duplicate parts dropped and a timeout.

use std::time::{Duration, Instant};

use smsup_sms::{Collected, Collector};

use crate::pdu::{find_tlv, tag, ShortMessage};
use crate::text;

/// Concatenation information of one part: the one UDH model of `smsup_sms` (8- or 16-bit
/// reference; SAR TLVs give a 16-bit one).
pub use smsup_sms::udh::Concat;

/// One deliver_sm's user data: its concatenation info and its raw text bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoPart {
    /// data_coding of the bytes.
    pub data_coding: u8,
    /// Concatenation info (from the UDH or the SAR TLVs), if the message has several parts.
    pub concat: Option<Concat>,
    /// The text bytes (UDH removed).
    pub bytes: Vec<u8>,
}

/// Extracts the user data of an MO deliver_sm (message_payload wins over short_message; a malformed
/// UDH is kept as text rather than dropping the message).
pub fn mo_part(sm: &ShortMessage) -> MoPart {
    let payload: &[u8] = match find_tlv(&sm.tlvs, tag::MESSAGE_PAYLOAD) {
        Some(t) if sm.short_message.is_empty() => &t.value,
        _ => &sm.short_message,
    };
    let (mut concat, bytes) = if sm.esm_class & 0x40 != 0 {
        match smsup_sms::udh::parse(payload) {
            Ok((udh, b)) => (udh.concat, b),
            Err(_) => (None, payload),
        }
    } else {
        (None, payload)
    };
    if concat.is_none() {
        let r = find_tlv(&sm.tlvs, tag::SAR_MSG_REF_NUM).and_then(|t| t.as_uint());
        let n = find_tlv(&sm.tlvs, tag::SAR_TOTAL_SEGMENTS).and_then(|t| t.as_uint());
        let s = find_tlv(&sm.tlvs, tag::SAR_SEGMENT_SEQNUM).and_then(|t| t.as_uint());
        if let (Some(r), Some(n), Some(s)) = (r, n, s) {
            concat = Some(Concat::sixteen(
                r as u16,
                n.min(255) as u8,
                s.min(255) as u8,
            ));
        }
    }
    // A "concatenated" message of one part, or nonsense numbering, is treated as a whole message.
    if let Some(c) = concat {
        if c.total <= 1 || c.seq == 0 || c.seq > c.total {
            concat = None;
        }
    }
    MoPart {
        data_coding: sm.data_coding,
        concat,
        bytes: bytes.to_vec(),
    }
}

/// A complete (or timed-out partial) MO message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assembled {
    /// The parts' group (None for a single SMS).
    pub key: Option<Key>,
    /// Sender address.
    pub from: String,
    /// Recipient address.
    pub to: String,
    /// Decoded text.
    pub text: String,
    /// Number of parts the message announced (1 for a single SMS).
    pub total: u8,
    /// False when parts were still missing at the timeout.
    pub complete: bool,
}

/// Identifies the parts of one concatenated message: sender, recipient, reference and total.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// Sender address.
    pub from: String,
    /// Recipient address.
    pub to: String,
    /// Concatenation reference.
    pub reference: u16,
    /// Number of parts.
    pub total: u8,
}

/// What became of one pushed part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pushed {
    /// The message is complete (or the part was a whole message).
    Complete(Assembled),
    /// The part belongs to a message still waiting for parts (a repeated part included).
    Waiting(Key),
    /// The part repeats a message completed within the timeout: dropped.
    Duplicate(Key),
}

/// Reassembles concatenated MO messages (the bookkeeping is [`smsup_sms::Collector`]'s; the text
/// is decoded here, by data_coding, once all of a message's octets are joined).
pub struct Reassembler {
    parts: Collector<Key, (u8, Vec<u8>)>,
}

impl std::fmt::Debug for Reassembler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reassembler")
            .field("waiting", &self.parts.pending())
            .finish()
    }
}

impl Reassembler {
    /// A reassembler that gives up on a message when no new part of it came for `timeout`.
    pub fn new(timeout: Duration) -> Self {
        Reassembler {
            parts: Collector::new(timeout, 10_000),
        }
    }

    /// Number of messages waiting for parts.
    pub fn waiting(&self) -> usize {
        self.parts.pending()
    }

    /// True while the message of `key` waits for parts.
    pub fn is_waiting(&self, key: &Key) -> bool {
        self.parts.is_pending(key)
    }

    /// Forgets that the message of `key` was completed, so that its parts are reassembled again if
    /// they are delivered again (after the application failed to store it).
    pub fn forget(&mut self, key: &Key) {
        self.parts.forget(key);
    }

    /// Adds one part. A part seen before (same sender, recipient, reference, total and number) is
    /// dropped: answered with its message if that still waits, at once if it was completed.
    pub fn push(&mut self, now: Instant, from: &str, to: &str, part: MoPart) -> Pushed {
        let whole = |part: MoPart| {
            Pushed::Complete(Assembled {
                key: None,
                from: from.to_string(),
                to: to.to_string(),
                text: text::decode(part.data_coding, &part.bytes),
                total: 1,
                complete: true,
            })
        };
        let Some(c) = part.concat else {
            return whole(part);
        };
        let key = Key {
            from: from.to_string(),
            to: to.to_string(),
            reference: c.reference,
            total: c.total,
        };
        let pushed = self.parts.push(
            now,
            key.clone(),
            c.total,
            c.seq,
            (part.data_coding, part.bytes.clone()),
        );
        match pushed {
            Ok(Collected::Complete(parts)) => Pushed::Complete(Self::assemble(key, parts, true)),
            Ok(Collected::Stored) => Pushed::Waiting(key),
            Ok(Collected::Duplicate) if self.parts.is_pending(&key) => Pushed::Waiting(key),
            Ok(Collected::Duplicate) => Pushed::Duplicate(key),
            // mo_part gives no such numbering; kept as a message of its own all the same.
            Err(_) => whole(part),
        }
    }

    fn assemble(key: Key, parts: Vec<(u8, Vec<u8>)>, complete: bool) -> Assembled {
        // Decode the joined octets at once so that a character split across parts survives.
        let data_coding = parts.first().map(|(dc, _)| *dc).unwrap_or(0);
        let bytes: Vec<u8> = parts.into_iter().flat_map(|(_, b)| b).collect();
        Assembled {
            from: key.from.clone(),
            to: key.to.clone(),
            text: text::decode(data_coding, &bytes),
            total: key.total,
            complete,
            key: Some(key),
        }
    }

    /// Returns the messages given up on (no new part within the timeout, or dropped to bound
    /// memory) with the parts that did come, and forgets old completed references.
    pub fn expire(&mut self, now: Instant) -> Vec<Assembled> {
        self.parts
            .expire(now)
            .into_iter()
            .map(|(key, parts)| Self::assemble(key, parts.into_iter().flatten().collect(), false))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdu::Tlv;
    use bytes::Bytes;

    fn ucs2(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect()
    }

    fn udh_part(reference: u8, total: u8, seq: u8, body: &[u8]) -> ShortMessage {
        let mut sm = vec![5, 0, 3, reference, total, seq];
        sm.extend_from_slice(body);
        ShortMessage {
            esm_class: 0x40,
            data_coding: 8,
            short_message: Bytes::from(sm),
            ..Default::default()
        }
    }

    #[test]
    fn udh_16bit_and_bad_headers_through_the_one_parser() {
        let sm = ShortMessage {
            esm_class: 0x40,
            data_coding: 0,
            short_message: Bytes::from_static(&[6, 8, 4, 0x12, 0x34, 3, 2, b'h', b'i']),
            ..Default::default()
        };
        let part = mo_part(&sm);
        assert_eq!(part.concat, Some(Concat::sixteen(0x1234, 3, 2)));
        assert_eq!(part.bytes, b"hi");
        // A header that runs past the payload is kept as text rather than dropping the message.
        let bad = ShortMessage {
            esm_class: 0x40,
            short_message: Bytes::from_static(&[9, 0, 3]),
            ..Default::default()
        };
        assert_eq!(mo_part(&bad).concat, None);
        assert_eq!(mo_part(&bad).bytes, vec![9, 0, 3]);
    }

    #[test]
    fn out_of_order_duplicates_and_late_duplicate() {
        let text = "سلام! این پیام سه بخشی است و باید درست کنار هم قرار بگیرد.";
        let units = ucs2(text);
        let chunks: Vec<&[u8]> = units.chunks(40).collect();
        assert_eq!(chunks.len(), 3);
        let mut r = Reassembler::new(Duration::from_secs(60));
        let now = Instant::now();
        let mut push = |seq: u8| {
            r.push(
                now,
                "a",
                "b",
                mo_part(&udh_part(7, 3, seq, chunks[seq as usize - 1])),
            )
        };
        assert!(matches!(push(3), Pushed::Waiting(_)));
        assert!(matches!(push(1), Pushed::Waiting(_)));
        assert!(matches!(push(1), Pushed::Waiting(_)));
        let Pushed::Complete(done) = push(2) else {
            panic!("not complete")
        };
        assert_eq!(done.text, text);
        assert!(done.complete);
        let key = done.key.clone().unwrap();
        assert_eq!((key.reference, key.total), (7, 3));
        assert_eq!(push(2), Pushed::Duplicate(key.clone()));
        // Once forgotten (the application could not store it), the parts are reassembled again.
        r.forget(&key);
        let mut push = |seq: u8| {
            r.push(
                now,
                "a",
                "b",
                mo_part(&udh_part(7, 3, seq, chunks[seq as usize - 1])),
            )
        };
        assert!(matches!(push(1), Pushed::Waiting(_)));
        assert!(matches!(push(2), Pushed::Waiting(_)));
        assert!(matches!(push(3), Pushed::Complete(ref a) if a.text == text));
        assert_eq!(r.waiting(), 0);
    }

    #[test]
    fn sar_tlvs_and_timeout_gives_partial() {
        let mk = |seq: u8, s: &str| ShortMessage {
            short_message: Bytes::copy_from_slice(s.as_bytes()),
            tlvs: vec![
                Tlv::u16(tag::SAR_MSG_REF_NUM, 300),
                Tlv::u8(tag::SAR_TOTAL_SEGMENTS, 3),
                Tlv::u8(tag::SAR_SEGMENT_SEQNUM, seq),
            ],
            ..Default::default()
        };
        let mut r = Reassembler::new(Duration::from_secs(5));
        let t0 = Instant::now();
        assert!(matches!(
            r.push(t0, "x", "y", mo_part(&mk(1, "one "))),
            Pushed::Waiting(_)
        ));
        let Pushed::Waiting(key) = r.push(t0, "x", "y", mo_part(&mk(3, "three"))) else {
            panic!("not waiting")
        };
        assert!(r.is_waiting(&key));
        assert!(r.expire(t0 + Duration::from_secs(1)).is_empty());
        let out = r.expire(t0 + Duration::from_secs(6));
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text, "one three");
        assert!(!out[0].complete);
        assert_eq!(out[0].key.as_ref(), Some(&key));
        assert!(!r.is_waiting(&key));
    }
}
