//! Mobile-originated messages: User Data Header parsing and reassembly of concatenated parts
//! (UDH with 8- or 16-bit reference, SAR TLVs), with duplicate parts dropped and a timeout.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use crate::pdu::{find_tlv, tag, ShortMessage};
use crate::text;

/// Concatenation information of one part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Concat {
    /// Reference shared by all parts of one message (8-bit references are widened).
    pub reference: u16,
    /// Number of parts.
    pub total: u8,
    /// This part's number, from 1.
    pub seq: u8,
}

/// Why a User Data Header could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UdhError {
    /// The header length runs past the payload.
    #[error("UDH length exceeds the payload")]
    Overrun,
    /// An information element runs past the header.
    #[error("UDH information element overruns the header")]
    ElementOverrun,
}

/// Splits a payload that starts with a UDH into (concatenation info if any, the text bytes).
pub fn parse_udh(payload: &[u8]) -> Result<(Option<Concat>, &[u8]), UdhError> {
    let udhl = *payload.first().ok_or(UdhError::Overrun)? as usize;
    if payload.len() < 1 + udhl {
        return Err(UdhError::Overrun);
    }
    let header = &payload[1..1 + udhl];
    let mut concat = None;
    let mut i = 0;
    while i < header.len() {
        if i + 2 > header.len() {
            return Err(UdhError::ElementOverrun);
        }
        let (iei, iel) = (header[i], header[i + 1] as usize);
        let data = header
            .get(i + 2..i + 2 + iel)
            .ok_or(UdhError::ElementOverrun)?;
        match (iei, iel) {
            (0x00, 3) => {
                concat = Some(Concat {
                    reference: u16::from(data[0]),
                    total: data[1],
                    seq: data[2],
                })
            }
            (0x08, 4) => {
                concat = Some(Concat {
                    reference: u16::from_be_bytes([data[0], data[1]]),
                    total: data[2],
                    seq: data[3],
                })
            }
            _ => {}
        }
        i += 2 + iel;
    }
    Ok((concat, &payload[1 + udhl..]))
}

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
        match parse_udh(payload) {
            Ok((c, b)) => (c, b),
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
            concat = Some(Concat {
                reference: r as u16,
                total: n.min(255) as u8,
                seq: s.min(255) as u8,
            });
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

#[derive(Debug)]
struct Group {
    first: Instant,
    data_coding: u8,
    parts: BTreeMap<u8, Vec<u8>>,
}

/// Reassembles concatenated MO messages.
#[derive(Debug)]
pub struct Reassembler {
    timeout: Duration,
    groups: HashMap<Key, Group>,
    done: HashMap<Key, Instant>,
    max_groups: usize,
}

impl Reassembler {
    /// A reassembler that gives up on missing parts after `timeout`.
    pub fn new(timeout: Duration) -> Self {
        Reassembler {
            timeout,
            groups: HashMap::new(),
            done: HashMap::new(),
            max_groups: 10_000,
        }
    }

    /// Number of messages waiting for parts.
    pub fn waiting(&self) -> usize {
        self.groups.len()
    }

    /// True while the message of `key` waits for parts.
    pub fn is_waiting(&self, key: &Key) -> bool {
        self.groups.contains_key(key)
    }

    /// Forgets that the message of `key` was completed, so that its parts are reassembled again if
    /// they are delivered again (after the application failed to store it).
    pub fn forget(&mut self, key: &Key) {
        self.done.remove(key);
    }

    /// Adds one part. A part seen before (same sender, reference, total and number) is dropped.
    pub fn push(&mut self, now: Instant, from: &str, to: &str, part: MoPart) -> Pushed {
        let Some(c) = part.concat else {
            return Pushed::Complete(Assembled {
                key: None,
                from: from.to_string(),
                to: to.to_string(),
                text: text::decode(part.data_coding, &part.bytes),
                total: 1,
                complete: true,
            });
        };
        let key = Key {
            from: from.to_string(),
            to: to.to_string(),
            reference: c.reference,
            total: c.total,
        };
        if let Some(t) = self.done.get(&key) {
            if now.duration_since(*t) < self.timeout {
                return Pushed::Duplicate(key); // a late duplicate of a message already delivered
            }
            self.done.remove(&key);
        }
        if self.groups.len() >= self.max_groups && !self.groups.contains_key(&key) {
            // Bounded memory: drop the oldest waiting message as partial-lost.
            if let Some(oldest) = self
                .groups
                .iter()
                .min_by_key(|(_, g)| g.first)
                .map(|(k, _)| k.clone())
            {
                self.groups.remove(&oldest);
            }
        }
        let g = self.groups.entry(key.clone()).or_insert_with(|| Group {
            first: now,
            data_coding: part.data_coding,
            parts: BTreeMap::new(),
        });
        g.parts.entry(c.seq).or_insert(part.bytes);
        if g.parts.len() < c.total as usize {
            return Pushed::Waiting(key);
        }
        match self.groups.remove(&key) {
            Some(g) => {
                self.done.insert(key.clone(), now);
                Pushed::Complete(Self::assemble(key, g, true))
            }
            None => Pushed::Waiting(key),
        }
    }

    fn assemble(key: Key, g: Group, complete: bool) -> Assembled {
        // Decode the concatenated bytes at once so that a character split across parts survives.
        let bytes: Vec<u8> = g.parts.into_values().flatten().collect();
        Assembled {
            from: key.from.clone(),
            to: key.to.clone(),
            text: text::decode(g.data_coding, &bytes),
            total: key.total,
            complete,
            key: Some(key),
        }
    }

    /// Returns the messages whose parts did not all arrive within the timeout (with the parts that
    /// did), and forgets old completed references.
    pub fn expire(&mut self, now: Instant) -> Vec<Assembled> {
        let timeout = self.timeout;
        self.done.retain(|_, t| now.duration_since(*t) < timeout);
        let expired: Vec<Key> = self
            .groups
            .iter()
            .filter(|(_, g)| now.duration_since(g.first) >= timeout)
            .map(|(k, _)| k.clone())
            .collect();
        let mut out = Vec::with_capacity(expired.len());
        for k in expired {
            if let Some(g) = self.groups.remove(&k) {
                out.push(Self::assemble(k, g, false));
            }
        }
        out
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
    fn udh_16bit_and_bad_headers() {
        let (c, rest) = parse_udh(&[6, 8, 4, 0x12, 0x34, 3, 2, b'h', b'i']).unwrap();
        assert_eq!(
            c,
            Some(Concat {
                reference: 0x1234,
                total: 3,
                seq: 2
            })
        );
        assert_eq!(rest, b"hi");
        assert_eq!(parse_udh(&[9, 0, 3]), Err(UdhError::Overrun));
        assert_eq!(parse_udh(&[3, 0, 3, 1]), Err(UdhError::ElementOverrun));
        assert_eq!(parse_udh(&[]), Err(UdhError::Overrun));
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
